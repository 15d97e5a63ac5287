"""The workspace panels: viewlets shown to staff on every intranet page."""

from collective.servicedesk.directory.availability import STATUSES
from collective.servicedesk.directory.availability import get_status
from collective.servicedesk.directory.availability import status_titles
from collective.servicedesk.settings import settings
from collective.servicedesk.workspace import bridge
from collective.servicedesk.workspace import fragments
from collective.servicedesk.workspace import queue
from collective.servicedesk.workspace.presence import board
from collective.servicedesk.workspace.presence import seen
from collective.servicedesk.workspace.quick import quick_channels
from collective.servicedesk.workspace.settings import PANELS
from plone import api
from plone.app.layout.viewlets import interfaces as managers
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect.authenticator import createToken
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import collective.servicedesk
import time

MANAGER_INTERFACES = {
    "top": managers.IPortalHeader,
    "abovecontent": managers.IAboveContent,
    "belowcontent": managers.IBelowContent,
    "footer": managers.IPortalFooter,
}
VERSION = "1"
PLACEMENTS = "collective.servicedesk.workspace.placements"


class AssetsViewlet(ViewletBase):
    """CSS and JS of the workspace, loaded for staff only; records "last seen"."""

    def update(self) -> None:
        super().update()
        user = api.user.get_current()
        seen.touch(user.getId(), user.getProperty("fullname") or "")
        self.base = f"{self.site_url}/++resource++collective.servicedesk.workspace"
        self.version = getattr(collective.servicedesk, "__version__", VERSION)

    def index(self) -> str:
        query = f"?v={self.version}"
        return (
            f'<link rel="stylesheet" href="{self.base}/workspace.css{query}" />'
            f'<script defer src="{self.base}/workspace.js{query}"></script>'
        )


def placements(request) -> dict[str, str]:
    """{panel: location} of the enabled panels, read once per request."""
    found = request.other.get(PLACEMENTS)
    if found is None:
        found = {}
        if not api.user.is_anonymous():
            panels = settings().workspace
            for panel in PANELS:
                if getattr(panels, f"{panel}_enabled"):
                    found[panel] = getattr(panels, f"{panel}_location")
        request.other[PLACEMENTS] = found
    return found


class PanelViewlet(ViewletBase):
    """Base of the panels: enabled and placed through the registry."""

    panel = ""

    def available(self) -> bool:
        """Shown when enabled and configured for this viewlet manager."""
        location = placements(self.request).get(self.panel)
        interface = MANAGER_INTERFACES.get(location)
        return interface is not None and interface.providedBy(self.manager)

    @property
    def location(self) -> str:
        return getattr(settings().workspace, f"{self.panel}_location")

    # The page's URL and the CSRF token are put in after the cache.
    came_from = fragments.CAME_FROM
    token = fragments.TOKEN

    def update(self) -> None:
        # Each panel is registered in four managers: the three where it is
        # not shown stop here, before ViewletBase looks anything up.
        self.visible = self.available()
        self.html = None
        if not self.visible:
            return
        super().update()
        self.user = api.user.get_current()
        self.user_id = self.user.getId()
        self.slot = (
            api.portal.get().getPhysicalPath(),
            self.site_url,
            self.panel,
            self.manager.__name__,
            self.user_id,
        )
        self.key = self.cache_key()
        self.html = fragments.get(self.slot, self.key)
        if self.html is None:
            self.update_panel()

    def cache_key(self) -> tuple:
        """What the panel's HTML depends on besides the slot (see fragments)."""
        catalog = api.portal.get_tool("portal_catalog")
        return (
            catalog.getCounter(),
            int(time.time() // 60),
            self.request.get("LANGUAGE", ""),
            self.navigation_root_url,
            *self.panel_key(),
        )

    def panel_key(self) -> tuple:
        """What this panel adds to the cache key."""
        return ()

    def update_panel(self) -> None:
        """Collect the panel's data (catalog metadata and counters only)."""

    def render(self) -> str:
        if not self.visible:
            return ""
        if self.html is None:
            self.html = self.index()
            fragments.put(self.slot, self.key, self.html)
        return fragments.personalize(
            self.html, self.request.get("ACTUAL_URL", ""), createToken()
        )


class QuickBarViewlet(PanelViewlet):
    """Register a phone or visit inquiry in place, with FAQ suggestions."""

    panel = "quickbar"
    index = ViewPageTemplateFile("templates/quickbar.pt")

    def update_panel(self) -> None:
        self.categories = bridge.list_categories()
        self.channels = quick_channels()
        self.desk_url = bridge.service_desk_url()
        self.required = set(settings().desk.required_fields or [])


class QueueViewlet(PanelViewlet):
    """My open inquiries (and the units' queues for leads)."""

    panel = "queue"
    index = ViewPageTemplateFile("templates/queue.pt")

    def update_panel(self) -> None:
        size = settings().workspace.queue_size
        self.mine = queue.my_queue(self.user_id, size)
        self.lead = queue.is_lead(self.user)
        self.units = queue.unit_queue(self.user_id, size, all_units=self.lead)
        self.dashboard_url = f"{self.navigation_root_url}/@@servicedesk-dashboard"


class PresenceViewlet(PanelViewlet):
    """Who is on duty now, and colleagues' availability and competence."""

    panel = "presence"
    index = ViewPageTemplateFile("templates/presence.pt")

    # A dropdown is no place for a hundred names: the best reachable first,
    # the whole list on the dashboard.
    people_limit = 12

    def panel_key(self) -> tuple:
        record = get_status(self.user_id) or {}
        return (record.get("status"), str(record.get("changed")))

    def update_panel(self) -> None:
        self.duties = board.on_duty_now()
        everyone = board.colleagues(self.user_id, self.duties)
        self.people = everyone[: self.people_limit]
        self.more = len(everyone) - len(self.people)
        self.dashboard_url = f"{self.navigation_root_url}/@@servicedesk-dashboard"
        record = get_status(self.user_id) or {}
        self.my_status = record.get("status", "available")
        titles = status_titles()
        self.statuses = [
            {"id": s, "title": titles[s], "pressed": s == self.my_status}
            for s in STATUSES
        ]
        self.my_status_title = titles[self.my_status]
        self.online = sum(1 for p in everyone if p["online"])
        self.action = f"{self.site_url}/@@servicedesk-availability"


class MessagesViewlet(PanelViewlet):
    """Unread messages and notices with the newest ones in a dropdown."""

    panel = "messages"
    index = ViewPageTemplateFile("templates/messages.pt")

    def panel_key(self) -> tuple:
        return (bridge.unread_count(self.user_id),)

    def update_panel(self) -> None:
        self.unread = bridge.unread_count(self.user_id) or 0
        self.messages = bridge.recent_messages(
            self.user_id, settings().workspace.queue_size
        )
        self.box_url = bridge.message_box_url()
