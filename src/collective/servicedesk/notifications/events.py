"""Events the notifications fire for features above them."""

from zope.interface import Attribute
from zope.interface import Interface
from zope.interface import implementer


class INoticeForMessageBox(Interface):
    """A notice that also goes into the recipient's message box.

    The message box (``messages/``) sits above the notifications and
    subscribes to this event, so the notifications never import it. The event
    is fired synchronously, inside the transaction that queued the notice.
    """

    user_id = Attribute("The recipient's user id")
    entry_id = Attribute("Entry id in the box (the notice's queue key)")
    kind = Attribute("Notice kind, e.g. 'assigned'")
    subject = Attribute("Subject line")
    text = Attribute("Body text")
    sender_id = Attribute("User id of the actor, or None")
    url = Attribute("Link to what the notice is about, or None")
    context_uid = Attribute("UID of the inquiry, or None")


@implementer(INoticeForMessageBox)
class NoticeForMessageBox:
    def __init__(
        self,
        user_id: str,
        entry_id: str,
        kind: str,
        subject: str,
        text: str,
        sender_id: str | None = None,
        url: str | None = None,
        context_uid: str | None = None,
    ) -> None:
        self.user_id = user_id
        self.entry_id = entry_id
        self.kind = kind
        self.subject = subject
        self.text = text
        self.sender_id = sender_id
        self.url = url
        self.context_uid = context_uid
