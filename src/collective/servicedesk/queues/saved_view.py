"""POST @@servicedesk-saved-views on a service desk: save or delete a listing view."""

from collective.servicedesk.queues import saved
from plone import api
from plone.protect.authenticator import check
from Products.Five.browser import BrowserView
from zExceptions import MethodNotAllowed


class SavedViewsView(BrowserView):
    """Save the listing's current filters under a name, or delete a saved view."""

    def __call__(self) -> str:
        if self.request.method != "POST":
            raise MethodNotAllowed("POST")
        check(self.request)  # a missing or wrong token answers 403
        user_id = api.user.get_current().getId()
        form = self.request.form
        target = f"{self.context.absolute_url()}/@@inquiries"
        if form.get("delete"):
            saved.delete(self.context, user_id, form.get("delete"))
        else:
            try:
                views = saved.save(self.context, user_id, form.get("name"), form)
            except saved.SavedViewError as error:
                api.portal.show_message(error.message, self.request, type="error")
                self.request.response.redirect(target)
                return ""
            target = next(
                (v["url"] for v in views if v["name"] == form["name"].strip()), target
            )
        self.request.response.redirect(target)
        return ""
