"""The service desk listing and the personal queues: catalog brains, never objects."""

from collective.servicedesk import _
from collective.servicedesk.localtime import format_local
from collective.servicedesk.queues import queries
from collective.servicedesk.queues import saved
from collective.servicedesk.queues.display import RowMaker
from collective.servicedesk.queues.display import vocabulary_titles
from datetime import UTC
from datetime import datetime
from functools import cached_property
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

ADD_PERMISSION = "collective.servicedesk: Add Inquiry"
BATCH_SIZE = 50
MAX_BATCH_SIZE = 200
FILTER_LABELS = (
    ("state", _("label_filter_state", default="State")),
    ("channel", _("label_filter_channel", default="Channel")),
    ("category", _("label_filter_category", default="Category")),
    ("unit", _("label_filter_unit", default="Unit")),
    ("handler", _("label_filter_handler", default="Handler")),
)


class QueueBase(BrowserView):
    """Shared rendering of an inquiry table."""

    template = ViewPageTemplateFile("templates/queue.pt")
    table_template = ViewPageTemplateFile("templates/table.pt")
    title = ""
    description = ""
    empty_message = _("queue_empty", default="No inquiries here.")

    def __call__(self):
        self.now = datetime.now(UTC)
        self.rows_maker = RowMaker(self.context, self.request)
        return self.template()

    @property
    def path(self) -> str:
        return "/".join(self.context.getPhysicalPath())

    def sections(self) -> list[dict]:
        """Return [{"title", "batch"}] tables to show."""
        raise NotImplementedError

    def batch(self, brains) -> Batch:
        """Batch the lazy result; only the visible page is turned into rows."""
        try:
            size = int(self.request.form.get("b_size", BATCH_SIZE))
            start = int(self.request.form.get("b_start", 0))
        except (TypeError, ValueError):
            size, start = BATCH_SIZE, 0
        size = max(1, min(size, MAX_BATCH_SIZE))
        return Batch(brains, size, max(start, 0))

    def rows(self, batch: Batch) -> list[dict]:
        return [self.rows_maker.row(brain, self.now) for brain in batch]

    def navigation(self, batch: Batch) -> str:
        view = getMultiAdapter((self.context, self.request), name="batchnavigation")
        return view(batch)

    @cached_property  # asked once per row of the table
    def bulk_enabled(self) -> bool:
        """Row selection and bulk actions for staff of the service desk."""
        return api.user.has_permission(
            "collective.servicedesk: Use workspace", obj=self.context
        )

    def bulk_units(self) -> list:
        """Units to forward to (the groups with a service desk role, by title)."""
        factory = getUtility(
            IVocabularyFactory, "collective.servicedesk.registration.Units"
        )
        return [{"id": term.value, "title": term.title} for term in factory(None)]

    def local_time(self, value) -> str:
        if not value:
            return ""
        return format_local(value)


class MyInquiries(QueueBase):
    """Waiting inquiries where I am the handler, and my answered ones to follow up."""

    title = _("title_my_inquiries", default="My open inquiries")
    description = _(
        "description_my_inquiries",
        default="Inquiries you are responsible for, earliest due first.",
    )

    def sections(self) -> list[dict]:
        user_id = api.user.get_current().getId()
        return [
            {
                "id": "mine",
                "title": None,
                "batch": self.batch(
                    queries.search(queries.my_open_query(user_id, self.path))
                ),
            },
            {
                "id": "follow-up",
                "title": _(
                    "title_follow_up",
                    default="Answered by a case handler: follow up with the citizen",
                ),
                "batch": self.batch(
                    queries.search(queries.follow_up_query(user_id, self.path))
                ),
            },
        ]


class UnitQueue(QueueBase):
    """Waiting inquiries of the units (groups) I belong to."""

    title = _("title_unit_queue", default="Unit queue")
    description = _(
        "description_unit_queue",
        default="Inquiries of your units, earliest due first.",
    )

    def unit_ids(self) -> list[str]:
        user = api.user.get_current()
        return sorted(
            group.getId()
            for group in api.group.get_groups(user=user)
            if group.getId() != "AuthenticatedUsers"
        )

    def sections(self) -> list[dict]:
        units = self.unit_ids()
        brains = (
            queries.search(queries.unit_queue_query(units, self.path)) if units else []
        )
        return [{"id": "unit", "title": None, "batch": self.batch(brains)}]


class Overdue(QueueBase):
    """Waiting inquiries past their due date."""

    title = _("title_overdue", default="Overdue inquiries")
    description = _(
        "description_overdue",
        default="Inquiries past their due date that nobody has answered yet.",
    )

    def sections(self) -> list[dict]:
        brains = queries.search(queries.overdue_query(self.path))
        return [{"id": "overdue", "title": None, "batch": self.batch(brains)}]


class InquiryListing(QueueBase):
    """All inquiries of the service desk by date, newest first, with filters."""

    template = ViewPageTemplateFile("templates/listing.pt")
    title = _("title_inquiry_listing", default="Inquiries")
    empty_message = _("listing_empty", default="No inquiries match these filters.")

    def filters(self) -> dict:
        form = self.request.form
        return {
            key: (form.get(key) or "").strip() if isinstance(form.get(key), str) else ""
            for key in (*queries.FILTERS, "text")
        } | {
            "overdue": bool(form.get("overdue")),
            "tally": bool(form.get("tally")),
        }

    def saved_views(self) -> list[dict]:
        """The user's saved filter sets (read only; saving is a POST)."""
        if not self.bulk_enabled:
            return []
        return saved.views_of(self.context, api.user.get_current().getId())

    def sections(self) -> list[dict]:
        query = queries.listing_query(self.path, self.filters())
        return [
            {"id": "all", "title": None, "batch": self.batch(queries.search(query))}
        ]

    def filter_specs(self) -> list[dict]:
        """The filter selects: name, label and options."""
        return [
            {"name": name, "label": label, "options": self.options(name)}
            for name, label in FILTER_LABELS
        ]

    def options(self, name: str) -> list[dict]:
        """Choices of a filter select, with the current one marked."""
        current = self.filters().get(name)
        if name == "state":
            pairs = [(s, self.rows_maker.state(s)) for s in queries.STATES]
        elif name == "channel":
            pairs = vocabulary_titles(
                "collective.servicedesk.Channels", self.context
            ).items()
        elif name == "category":
            pairs = vocabulary_titles(
                "collective.servicedesk.Categories", self.context
            ).items()
        elif name in ("unit", "handler"):
            pairs = self.principal_options(name)
        else:
            pairs = []
        return [
            {"value": value, "title": title, "selected": value == current}
            for value, title in pairs
        ]

    def principal_options(self, name: str) -> list[tuple[str, str]]:
        """Units/handlers that occur in the catalog (read from the index)."""
        catalog = api.portal.get_tool("portal_catalog")
        index = "responsible_unit" if name == "unit" else "responsible_handler"
        if index not in catalog.indexes():
            return []
        values = [v for v in catalog.uniqueValuesFor(index) if v]
        pairs = [(v, self.rows_maker.principal(v)) for v in values]
        return sorted(pairs, key=lambda pair: pair[1].lower())


class TabsView(BrowserView):
    """The tabs between registration, tally and the listings of a service desk."""

    template = ViewPageTemplateFile("templates/nav.pt")

    def __call__(self) -> str:
        return self.template()

    @property
    def current(self) -> str:
        """The page shown (the listing when the desk itself is shown)."""
        name = self.request.getURL().rstrip("/").rsplit("/", 1)[-1].lstrip("@")
        return name if name != self.context.getId() else "inquiries"

    def nav_links(self) -> list[dict]:
        """Tabs between the listings, plus registration for those who may add."""
        links = [
            {
                "name": "inquiries",
                "title": _("nav_all_inquiries", default="All inquiries"),
            },
            {
                "name": "my-inquiries",
                "title": _("title_my_inquiries", default="My open inquiries"),
            },
            {
                "name": "unit-queue",
                "title": _("title_unit_queue", default="Unit queue"),
            },
            {
                "name": "overdue-inquiries",
                "title": _("title_overdue", default="Overdue inquiries"),
            },
        ]
        if api.user.has_permission(ADD_PERMISSION, obj=self.context):
            links.insert(
                0, {"name": "register", "title": _("nav_register", default="Register")}
            )
            links.append({"name": "tally", "title": _("nav_tally", default="Tally")})
        return links
