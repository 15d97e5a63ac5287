"""A known spread of inquiries for the statistics tests, and the expected numbers.

The expectations are computed here from the plain Python specification, not
through the catalog, so the statistics code is checked against independent counts.
"""

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from tests.workspace.helpers import make_inquiry
from zoneinfo import ZoneInfo
import math
import random
import statistics

OSLO = ZoneInfo("Europe/Oslo")
START = date(2026, 3, 2)  # a Monday
END = date(2026, 3, 22)  # a Sunday: three full ISO weeks
NOW = datetime(2026, 3, 23, 9, 0, tzinfo=UTC)
CATEGORIES = ("building-permits", "water-sewage", "parking", "other")
CHANNELS = ("phone", "visit", "email", "web")
UNITS = ("servicedesk-building", "servicedesk-technical", None)
LEVELS = ("1", "2", "3", None)
# The default catalogue's service levels: an inquiry without a level of its own
# is counted at its category's level.
CATEGORY_LEVELS = {
    "building-permits": "4",
    "water-sewage": "3",
    "parking": "2",
    "other": "2",
}
START_LOCAL_NOON = datetime.combine(START, time(12), tzinfo=OSLO)
OPEN_STATES = ("registered", "assigned", "in_progress", "forwarded")


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=OSLO).astimezone(UTC)


def specification(seed: int = 7) -> list[dict]:
    """40 inquiries in range, 2 just outside, with tally, FCR, answers and due dates."""
    rng = random.Random(seed)
    specs = []
    for number in range(40):
        day = START + timedelta(days=rng.randrange((END - START).days + 1))
        created = _local(day, rng.randrange(7, 20), rng.randrange(60))
        kind = rng.choice(("open", "open", "answered", "fcr", "tally", "closed"))
        spec = {
            "title": f"Spørsmål {number}",
            "channel": rng.choice(CHANNELS),
            "category": rng.choice(CATEGORIES),
            "unit": rng.choice(UNITS),
            "level": rng.choice(LEVELS),
            "created": created,
            "due": created + timedelta(hours=rng.choice((4, 24, 72))),
            "answered": None,
            "fcr": False,
            "tally": False,
            "state": rng.choice(OPEN_STATES),
            "confidential": number == 3,
        }
        if kind in ("answered", "closed"):
            spec["state"] = "answered" if kind == "answered" else "closed"
            spec["answered"] = created + timedelta(
                minutes=rng.randrange(30, 5 * 24 * 60)
            )
        elif kind in ("fcr", "tally"):
            spec.update(
                state="closed", fcr=True, answered=created + timedelta(minutes=2)
            )
            spec["tally"] = kind == "tally"
            if spec["tally"]:
                spec["title"] = ""
        if spec["state"] in ("assigned", "in_progress", "forwarded", "answered"):
            spec["unit"] = spec["unit"] or "servicedesk-building"
        if spec["state"] in OPEN_STATES and number % 3 == 0:
            spec["due"] = NOW + timedelta(days=2)  # still on time now
        if number == 5:
            spec["due"] = None  # no promise
        specs.append(spec)
    # Boundaries: the last minute of the range counts, the first minute after does not.
    specs.append(
        dict(specs[0], title="Siste minutt", created=_local(END, 23, 59), tally=False)
    )
    specs.append(
        dict(
            specs[1],
            title="Etter slutt",
            created=_local(END + timedelta(days=1), 0, 0),
            tally=False,
        )
    )
    specs.append(
        dict(
            specs[2],
            title="Før start",
            created=_local(START, 0, 0) - timedelta(minutes=1),
            tally=False,
        )
    )
    return specs


def create(desk, specs: list[dict]) -> list:
    """Create the inquiries of the specification."""
    return [
        make_inquiry(
            desk,
            spec["title"],
            channel=spec["channel"],
            category=spec["category"],
            unit=spec["unit"],
            level=spec["level"],
            state=spec["state"],
            created=spec["created"],
            answered=spec["answered"],
            due=spec["due"],
            fcr=spec["fcr"],
            tally=spec["tally"],
            confidential=spec["confidential"],
        )
        for spec in specs
    ]


def in_range(spec: dict) -> bool:
    local = spec["created"].astimezone(OSLO).date()
    return START <= local <= END


def _minutes(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def expected(specs: list[dict]) -> dict:
    """The numbers the statistics must show, counted from the specification."""
    selected = [s for s in specs if in_range(s)]
    work = [s for s in selected if not s["tally"]]
    answered = [s for s in work if s["answered"]]
    hours = [
        (_minutes(s["answered"]) - _minutes(s["created"])).total_seconds() / 3600
        for s in answered
    ]
    with_due = [s for s in answered if s["due"]]
    within = [s for s in with_due if _minutes(s["answered"]) <= _minutes(s["due"])]
    ordered = sorted(hours)

    def count(key):
        result = {}
        for spec in selected:
            value = spec[key] or ""
            if key == "level" and not value:
                value = CATEGORY_LEVELS.get(spec["category"], "")
            result[value] = result.get(value, 0) + 1
        return result

    weeks = {}
    for spec in selected:
        year, week, _ = spec["created"].astimezone(OSLO).date().isocalendar()
        key = f"{year}-W{week:02d}"
        weeks[key] = weeks.get(key, 0) + 1
    open_now = [s for s in specs if s["state"] in OPEN_STATES and not s["tally"]]
    return {
        "total": len(selected),
        "tally": sum(1 for s in selected if s["tally"]),
        "by_category": count("category"),
        "by_channel": count("channel"),
        "by_unit": count("unit"),
        "by_service_level": count("level"),
        "weeks": weeks,
        "fcr": sum(1 for s in work if s["fcr"]),
        "base": len(work),
        "answered": len(answered),
        "with_promise": len(with_due),
        "within_promise": len(within),
        "median_hours": statistics.median(hours) if hours else None,
        "p90_hours": ordered[math.ceil(0.9 * len(ordered)) - 1] if ordered else None,
        "open": len(open_now),
        "level_2": sum(
            1
            for s in selected
            if (s["level"] or CATEGORY_LEVELS.get(s["category"])) == "2"
        ),
        "overdue": sum(
            1 for s in open_now if s["due"] and _minutes(s["due"]) <= _minutes(NOW)
        ),
    }
