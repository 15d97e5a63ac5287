"""The statistics filters: date range, period and dimensions, parsed from a request."""

from collective.servicedesk import _
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta

PERIODS = ("day", "week", "month")
TALLY_MODES = ("include", "exclude", "only")
DIMENSIONS = {
    # filter name -> catalog index
    "category": "inquiry_category",
    "channel": "inquiry_channel",
    "unit": "responsible_unit",
    "service_level": "service_level",
}
DEFAULT_DAYS = 30
MAX_DAYS = 3 * 366


@dataclass
class Filters:
    """What the lead asked for."""

    start: date
    end: date  # inclusive
    period: str = "week"
    tally: str = "include"
    dimensions: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)

    def as_query(self) -> dict:
        """The filters as request parameters (for export links)."""
        query = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "period": self.period,
            "tally": self.tally,
        }
        query.update({k: v for k, v in self.dimensions.items() if v})
        return query

    def previous(self) -> "Filters":
        """The same filters over the equally long range just before."""
        length = self.end - self.start + timedelta(days=1)
        return Filters(
            start=self.start - length,
            end=self.start - timedelta(days=1),
            period=self.period,
            tally=self.tally,
            dimensions=dict(self.dimensions),
        )


def _date(value, errors: dict, name: str, default: date) -> date:
    if not value:
        return default
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        errors[name] = _("ws_error_date", default="Use a date like 2026-03-24.")
        return default


def parse(form: dict, today: date | None = None) -> Filters:
    """Filters from a request form; bad values fall back and are reported."""
    today = today or date.today()
    errors: dict = {}
    end = _date(form.get("end"), errors, "end", today)
    start = _date(
        form.get("start"), errors, "start", end - timedelta(days=DEFAULT_DAYS - 1)
    )
    if start > end:
        errors["start"] = _(
            "ws_error_range", default="The start date must be before the end date."
        )
        start = end - timedelta(days=DEFAULT_DAYS - 1)
    if (end - start).days > MAX_DAYS:
        errors["start"] = _(
            "ws_error_range_long", default="Choose a range of at most three years."
        )
        start = end - timedelta(days=MAX_DAYS)
    period = form.get("period") or "week"
    if period not in PERIODS:
        errors["period"] = _("ws_error_period", default="Choose day, week or month.")
        period = "week"
    tally = form.get("tally") or "include"
    if tally not in TALLY_MODES:
        tally = "include"
    dimensions = {
        name: str(form.get(name)).strip()
        for name in DIMENSIONS
        if form.get(name) and isinstance(form.get(name), str)
    }
    return Filters(start, end, period, tally, dimensions, errors)
