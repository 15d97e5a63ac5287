"""The built-in tick steps: reminders, escalation, daily digest, mail retries."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.calendar import compute_due_date
from collective.servicedesk.deadlines.calendar import due_state
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.deadlines.labels import state_label
from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications.compose import format_due
from collective.servicedesk.notifications.delivery import schedule
from collective.servicedesk.notifications.queue import due_keys
from collective.servicedesk.settings import settings
from collective.servicedesk.tick.inquiries import due_between
from collective.servicedesk.tick.inquiries import due_stamp
from collective.servicedesk.tick.inquiries import open_inquiries
from collective.servicedesk.tick.interfaces import ITickStep
from collective.servicedesk.tick.leads import all_leads
from collective.servicedesk.tick.leads import unit_leads
from datetime import datetime
from zope.component import queryMultiAdapter
from zope.i18nmessageid import Message
from zope.interface import implementer

DASHBOARD = "servicedesk-dashboard"


def _responsible(brain: object) -> list[str]:
    """The handler, else the unit (its members), of an inquiry brain."""
    principal = brain.responsible_handler or brain.responsible_unit
    return [principal] if principal else []


@implementer(ITickStep)
class Reminders:
    """Remind the person responsible once the lead time before the deadline starts."""

    order = 10

    def __call__(self, portal: object, now: datetime) -> int:
        if not settings().desk.reminders_enabled:
            return 0
        lead = settings().desk.reminder_lead_hours
        sent = 0
        for brain in due_between(now, compute_due_date(now, lead)):
            key = f"reminder:{brain.UID}:{due_stamp(brain)}"
            sent += len(notify(_responsible(brain), "reminder", brain, key=key))
        return sent


@implementer(ITickStep)
class Escalation:
    """Tell the unit's leads once when an inquiry passes its deadline."""

    order = 20

    def __call__(self, portal: object, now: datetime) -> int:
        if not settings().desk.escalation_enabled:
            return 0
        leads = all_leads()
        sent = 0
        for brain in due_between(None, now):
            recipients = unit_leads(brain.responsible_unit, leads)
            key = f"escalation:{brain.UID}:{due_stamp(brain)}"
            sent += len(notify(recipients, "escalation", brain, key=key))
        return sent


def digest_line(brain: object, now: datetime) -> Message:
    """Return one translatable digest line of an inquiry brain."""
    return _(
        "digest_line",
        default="- ${reference} ${title}: due ${due} (${state})\n  ${url}",
        mapping={
            "reference": brain.reference_number or "",
            "title": brain.Title,
            "due": format_due(brain.due_date) or "-",
            "state": state_label(due_state(brain.due_date or None, now)),
            "url": brain.getURL(),
        },
    )


def worklist_url(portal: object) -> str:
    """The workspace dashboard if the workspace feature is there, else the site."""
    request = getattr(portal, "REQUEST", None)
    if queryMultiAdapter((portal, request), name=DASHBOARD) is not None:
        return f"{portal.absolute_url()}/@@{DASHBOARD}"
    return portal.absolute_url()


@implementer(ITickStep)
class Digest:
    """Send each person, once a day from the digest hour, their open inquiries."""

    order = 30

    def __call__(self, portal: object, now: datetime) -> int:
        local = to_local(now)
        if not settings().desk.digest_enabled:
            return 0
        if local.hour < settings().desk.digest_hour:
            return 0
        by_handler: dict[str, list] = {}
        for brain in open_inquiries():
            if brain.responsible_handler:
                by_handler.setdefault(brain.responsible_handler, []).append(brain)
        day = local.date().isoformat()
        url = worklist_url(portal)
        sent = 0
        for handler, brains in sorted(by_handler.items()):
            brains.sort(key=lambda b: to_local(b.due_date) if b.due_date else local)
            sent += len(
                notify(
                    [handler],
                    "digest",
                    key=f"digest:{day}",
                    date=local.strftime("%d.%m.%Y"),
                    count=str(len(brains)),
                    items=[digest_line(brain, now) for brain in brains],
                    url=url,
                )
            )
        return sent


@implementer(ITickStep)
class MailRetry:
    """Hand queued, failed and stale e-mails to the sender after the commit."""

    order = 90

    def __call__(self, portal: object, now: datetime) -> int:
        keys = due_keys(now, portal)
        schedule(portal, keys, now)
        return len(keys)
