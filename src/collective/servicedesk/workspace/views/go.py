"""@@servicedesk-go?to=desk|knowledge: the navigation tabs' way to the desk and the FAQ.

The tabs are portal actions (the admin can hide or reorder them in Site Setup →
Actions); their URL cannot know where the desk was placed, so this view looks it
up in the catalog (one brain, no object loaded) and redirects. Nothing is written.
"""

from collective.servicedesk import _
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

TARGETS = {"desk": "ServiceDesk", "knowledge": "KnowledgeBase"}
# What the admin message names (the type titles, translated; never the type id).
TITLES = {"ServiceDesk": _("Service desk"), "KnowledgeBase": _("Knowledge base")}


class GoView(BrowserView):
    """Redirect to the first service desk or knowledge base of the site."""

    def __call__(self) -> str:
        to = self.request.form.get("to")
        portal_type = TARGETS.get(to if isinstance(to, str) else "", "ServiceDesk")
        brains = api.content.find(
            context=api.portal.get_navigation_root(self.context),
            portal_type=portal_type,
            sort_on="path",
            sort_limit=1,
        )
        if brains:
            self.request.response.redirect(brains[0].getURL())
            return ""
        portal_url = api.portal.get().absolute_url()
        if api.user.has_permission("collective.servicedesk: Manage settings"):
            target = f"{portal_url}/@@servicedesk-controlpanel"
            message = _(
                "go_missing_admin",
                default="There is no ${what} on this site yet. The checklist "
                "below shows what is missing.",
                mapping={"what": translate(TITLES[portal_type], context=self.request)},
            )
        else:
            target = portal_url
            message = _(
                "go_missing_staff",
                default="The service desk is not set up yet. Ask your site "
                "administrator.",
            )
        api.portal.show_message(message, request=self.request, type="warning")
        self.request.response.redirect(target)
        return ""
