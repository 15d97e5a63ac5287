"""Public API: queue translated notices (notify) and any e-mail (queue_mail)."""

from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.compose import compose
from collective.servicedesk.notifications.compose import format_due
from collective.servicedesk.notifications.compose import inquiry_info
from collective.servicedesk.notifications.compose import user_language
from collective.servicedesk.notifications.delivery import schedule
from collective.servicedesk.notifications.events import NoticeForMessageBox
from collective.servicedesk.notifications.kinds import KINDS
from collective.servicedesk.notifications.preferences import disabled_kinds
from collective.servicedesk.notifications.recipients import display_name
from collective.servicedesk.notifications.recipients import expand
from collective.servicedesk.notifications.recipients import principal_title
from collective.servicedesk.notifications.sender import sender
from plone import api
from zope import event
import uuid


def _current_user_id() -> str | None:
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def queue_mail(
    to: list[str] | str,
    subject: str,
    body: str,
    *,
    key: str | None = None,
    kind: str = "mail",
    html: str | None = None,
    reply_to: str | None = None,
    headers: dict | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    lang: str | None = None,
    sender_id: str | None = None,
    context_uid: str | None = None,
    recipient_id: str | None = None,
    from_name: str | None = None,
    from_address: str | None = None,
    auto_submitted: bool = True,
    status: str = queue.PENDING,
    reason: str = "",
) -> str:
    """Queue one e-mail, sent after commit; return its key (idempotent per key)."""
    key = key or f"{kind}:{uuid.uuid4().hex}"
    if queue.get_item(key) is not None:
        return key
    default_name, default_address = sender()
    to = [to] if isinstance(to, str) else list(to or ())
    to = [address.strip() for address in to if address and address.strip()]
    if not to and status == queue.PENDING:
        status, reason = queue.SKIPPED, "no_address"
    item = {
        "key": key,
        "kind": kind,
        "to": to,
        "subject": " ".join((subject or "").split()),
        "body": body or "",
        "html": html,
        "reply_to": reply_to,
        "headers": dict(headers or {}),
        "attachments": list(attachments or ()),
        "lang": lang,
        "from_name": default_name if from_name is None else from_name,
        "from_address": from_address or default_address,
        "auto_submitted": auto_submitted,
        "sender_id": _current_user_id() if sender_id is None else sender_id,
        "recipient_id": recipient_id,
        "context_uid": context_uid,
        "created": queue.utcnow(),
        "status": status,
        "reason": reason,
        "attempts": 0,
        "last_error": "",
        "next_attempt": None,
        "sent_at": None,
    }
    queue.add_item(item)
    if status == queue.PENDING:
        schedule(api.portal.get(), [key])
    return key


def notify(
    recipients: list[str] | str,
    kind: str,
    inquiry: object = None,
    *,
    key: str | None = None,
    exclude: tuple | list | set = (),
    box: bool = True,
    **mapping,
) -> list[str]:
    """Queue a translated notice per recipient (user or group ids); return the keys."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of notice: {kind}")
    portal = api.portal.get()
    actor_id = _current_user_id()
    info = inquiry_info(inquiry)
    values = {
        "reference": "",
        "title": "",
        "url": portal.absolute_url(),
        "actor": display_name(actor_id) or portal.Title(),
        "target": "",
        "responsible": "",
        "site": portal.Title(),
        "preferences_url": portal.absolute_url() + "/@@notification-preferences",
        **info,
        **mapping,
    }
    values.setdefault("due", format_due(values.get("due_date")))
    values["responsible"] = principal_title(values["responsible"])
    base_key = key or f"{kind}:{uuid.uuid4().hex}"
    keys = []
    for user in expand(recipients, exclude=exclude):
        user_id = user.getId()
        item_key = f"{base_key}:{user_id}"
        if queue.get_item(item_key) is not None:
            continue  # this notice went to this person already
        lang = user_language(user)
        subject, body, footer = compose(kind, lang, values)
        status, reason = queue.PENDING, ""
        if kind in disabled_kinds(user_id):
            status, reason = queue.SKIPPED, "turned_off"
        queue_mail(
            user.getProperty("email", "") or [],
            subject,
            f"{body}\n\n-- \n{footer}\n",
            key=item_key,
            kind=kind,
            lang=lang,
            sender_id=actor_id,
            context_uid=info.get("uid"),
            recipient_id=user_id,
            status=status,
            reason=reason,
        )
        if box and kind != "digest":
            _to_message_box(user_id, item_key, kind, subject, body, values, actor_id)
        keys.append(item_key)
    return keys


def _to_message_box(user_id, entry_id, kind, subject, body, values, actor_id) -> None:
    """Put the notice into the user's message box as well (``messages`` subscribes)."""
    event.notify(
        NoticeForMessageBox(
            user_id,
            entry_id,
            kind,
            subject,
            body,
            sender_id=actor_id,
            url=values.get("url"),
            context_uid=values.get("uid"),
        )
    )
