"""Review of follow-ups from unknown senders.

``@@held-mail`` on the site lists the inquiries with held mail that the
member may view (a catalog query: confidential inquiries stay hidden from
those who may not see them). ``@@held-mail`` on an inquiry shows its held
mail; attaching or discarding needs the inquiry's own handling permission.
"""

from collective.servicedesk import _
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.intake import held
from collective.servicedesk.intake.review import attach_held
from collective.servicedesk.intake.review import discard_held
from collective.servicedesk.intake.review import may_review
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized

LIST_LIMIT = 200


def _format(value) -> str:
    return to_local(value).strftime("%d.%m.%Y %H:%M") if value else ""


class HeldMailList(BrowserView):
    """The inquiries with follow-ups waiting for review."""

    template = ViewPageTemplateFile("templates/held_list.pt")

    def __call__(self) -> str:
        return self.template()

    def rows(self) -> list[dict]:
        counts = held.held_counts()
        if not counts:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(
            portal_type="Inquiry", UID=list(counts), sort_on="created"
        )
        return [
            {
                "url": brain.getURL() + "/@@held-mail",
                "reference": brain.reference_number or "",
                "title": brain.Title,
                "count": counts.get(brain.UID, 0),
            }
            for brain in brains[:LIST_LIMIT]
        ]


class InquiryHeldMail(BrowserView):
    """The held follow-ups of one inquiry, with attach and discard."""

    template = ViewPageTemplateFile("templates/held_inquiry.pt")

    def __call__(self) -> str:
        # The page itself needs View (ZCML); acting needs handling rights too.
        self.can_review = may_review(self.context)
        form = self.request.form
        if self.request.method == "POST" and form.get("held_id"):
            CheckAuthenticator(self.request)
            if not self.can_review:
                raise Unauthorized("May not review mail of this inquiry")
            self.act(form["held_id"], attach=bool(form.get("attach")))
            return self.request.response.redirect(
                self.context.absolute_url() + "/@@held-mail"
            )
        return self.template()

    def act(self, held_id: str, attach: bool) -> None:
        messages = IStatusMessage(self.request)
        done = (attach_held if attach else discard_held)(self.context, held_id)
        if not done:
            messages.add(
                _("msg_held_gone", default="This message was already handled."),
                type="warning",
            )
        elif attach:
            messages.add(
                _("msg_held_attached", default="The message is added to the inquiry.")
            )
        else:
            messages.add(_("msg_held_discarded", default="The message is discarded."))

    def items(self) -> list[dict]:
        return [
            {
                "id": item["id"],
                "sender": item.get("sender") or "",
                "sender_name": item.get("sender_name") or "",
                "subject": item.get("subject") or "",
                "text": item.get("text") or "",
                "received": _format(item.get("received")),
                "files": [entry["filename"] for entry in item.get("attachments") or ()],
                "channel": item.get("channel") or "",
            }
            for item in held.held_items(self.context)
        ]
