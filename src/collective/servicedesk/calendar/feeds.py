"""iCalendar feeds: my deadlines and the duty roster (R3.5.4)."""

from collective.servicedesk import _
from collective.servicedesk.dates import to_datetime
from collective.servicedesk.queues.queries import WAITING_STATES
from collective.servicedesk.routing import display
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from icalendar import Calendar
from icalendar import Event
from plone import api
from urllib.parse import urlparse
from zope.globalrequest import getRequest
from zope.i18n import translate

ROSTER_PAST_DAYS = 30
ROSTER_FUTURE_DAYS = 180


def _t(message) -> str:
    return translate(message, context=getRequest())


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//collective.servicedesk//Service desk calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT1H")
    return calendar


def _host() -> str:
    return urlparse(api.portal.get().absolute_url()).hostname or "servicedesk"


def deadlines(user_id: str, now: datetime | None = None) -> Calendar:
    """Due dates of my open inquiries: reference and category, nothing personal."""
    now = now or datetime.now(UTC)
    calendar = _calendar(
        _t(_("feed_deadlines_name", default="My service desk deadlines"))
    )
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Inquiry",
        responsible_handler=user_id,
        review_state=list(WAITING_STATES),
        sort_on="due_date",
    )
    prefix = _t(_("feed_due_prefix", default="Due"))
    for brain in brains:
        due = to_datetime(getattr(brain, "due_date", None))
        if due is None:
            continue
        reference = getattr(brain, "reference_number", "") or brain.getId
        category = display.category_title(getattr(brain, "inquiry_category", ""))
        event = Event()
        event.add("uid", f"{brain.UID}-due@{_host()}")
        event.add("dtstamp", now)
        event.add("dtstart", due - timedelta(minutes=15))
        event.add("dtend", due)
        event.add(
            "summary", f"{prefix}: {reference}" + (f" – {category}" if category else "")
        )
        event.add("url", brain.getURL())
        event.add("description", brain.getURL())
        calendar.add_component(event)
    return calendar


def roster(user_id: str, now: datetime | None = None) -> Calendar:
    """The duty roster from a month ago to half a year ahead; own duties marked."""
    now = now or datetime.now(UTC)
    calendar = _calendar(_t(_("feed_roster_name", default="Service desk duty roster")))
    prefix = _t(_("feed_duty_prefix", default="On duty"))
    periods = display.duty_periods(
        now - timedelta(days=ROSTER_PAST_DAYS), now + timedelta(days=ROSTER_FUTURE_DAYS)
    )
    for period in periods:
        categories = ", ".join(display.category_title(c) for c in period["categories"])
        who = display.principal_title(period["user"])
        event = Event()
        event.add("uid", f"{period['id']}@{_host()}")
        event.add("dtstamp", now)
        event.add("dtstart", period["start"])
        event.add("dtend", period["end"])
        event.add("summary", f"{prefix}: {who} – {categories}")
        if period.get("note"):
            event.add("description", period["note"])
        calendar.add_component(event)
    return calendar


FEEDS = {"deadlines": deadlines, "roster": roster}
