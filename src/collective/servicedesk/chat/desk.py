"""Who takes citizens' chats: the staff on the duty roster right now."""

from collective.servicedesk.routing.principals import expand_users
from collective.servicedesk.routing.roster import list_periods
from datetime import UTC
from datetime import datetime
from datetime import timedelta


def on_duty_now(now: datetime | None = None) -> list[str]:
    """User ids on duty at any category now, in roster order."""
    now = now or datetime.now(UTC)
    periods = list_periods(now - timedelta(days=1), now + timedelta(seconds=1))
    running = [p for p in periods if p["start"] <= now < p["end"]]
    return expand_users(dict.fromkeys(p["user"] for p in running))
