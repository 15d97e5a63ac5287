"""CSV, XLSX and open-data exports of the statistics."""

from collective.servicedesk import _
from collective.servicedesk.dates import site_timezone
from collective.servicedesk.statistics import sets
from collective.servicedesk.statistics.compute import category_levels
from collective.servicedesk.statistics.compute import selection
from collective.servicedesk.statistics.filters import DIMENSIONS
from collective.servicedesk.statistics.filters import Filters
from collective.servicedesk.statistics.labels import label
from collective.servicedesk.statistics.numbers import decimal_sign
from collective.servicedesk.statistics.numbers import format_number
from zope.globalrequest import getRequest
from zope.i18n import translate
import csv
import io

SECTIONS = (
    ("by_category", _("stats_by_category", default="Inquiries by category")),
    ("by_channel", _("stats_by_channel", default="Inquiries by channel")),
    ("by_unit", _("stats_by_unit", default="Inquiries by unit")),
    (
        "by_service_level",
        _("stats_by_service_level", default="Inquiries by service level"),
    ),
    ("series", _("stats_by_period", default="Inquiries by period")),
)
# Open data columns: stable machine names, no personal data by construction.
OPEN_DATA_COLUMNS = (
    "date",
    "category",
    "category_title",
    "channel",
    "service_level",
    "unit",
    "inquiries",
    "solved_first_contact",
    "answered",
    "answered_within_promise",
)


def _t(message) -> str:
    return translate(message, context=getRequest())


def summary_rows(report: dict) -> list[tuple[str, object]]:
    """(label, value) of the key figures."""
    answers, now = report["answers"], report["now"]

    def pct(value):
        return round(value * 100, 1) if value is not None else ""

    def hours(value):
        return round(value, 1) if value is not None else ""

    return [
        (_t(_("stats_total", default="Inquiries")), report["total"]),
        (
            _t(_("stats_previous_total", default="Previous period")),
            report["previous_total"],
        ),
        (
            _t(_("stats_fcr_rate", default="Solved on first contact (%)")),
            pct(answers["fcr_rate"]),
        ),
        (_t(_("stats_answered", default="Answered")), answers["answered"]),
        (
            _t(
                _(
                    "stats_within_promise",
                    default="Answered within the service promise (%)",
                )
            ),
            pct(answers["within_promise_rate"]),
        ),
        (
            _t(_("stats_median_hours", default="Median time to answer (hours)")),
            hours(answers["median_hours"]),
        ),
        (
            _t(_("stats_p90_hours", default="90th percentile time to answer (hours)")),
            hours(answers["p90_hours"]),
        ),
        (_t(_("stats_open_now", default="Open now")), now["open"]),
        (_t(_("stats_overdue_now", default="Overdue now")), now["overdue"]),
        (_t(_("stats_tally_total", default="Tally counts")), report["tally"]["total"]),
    ]


def table_rows(report: dict) -> list[tuple[str, str, str, object]]:
    """(section, key, label, value) for every number in the report."""
    rows = [("summary", "", name, value) for name, value in summary_rows(report)]
    for section, _title in SECTIONS:
        rows.extend(
            (section, r["key"], r["label"], r["count"]) for r in report[section]
        )
    for section in ("by_category", "by_channel"):
        rows.extend(
            (f"tally_{section}", r["key"], r["label"], r["count"])
            for r in report["tally"][section]
        )
    return rows


def csv_rows(report: dict) -> list[tuple[str, str, str]]:
    """(table, label, value) for people: titles and numbers in the reader's language.

    Machine keys (``by_category``, category ids) belong to the open-data export only.
    """
    titles = {section: _t(title) for section, title in SECTIONS}
    titles["summary"] = _t(_("statistics_key_figures", default="Key figures"))
    tally = _t(_("stats_tally_total", default="Tally counts"))
    titles["tally_by_category"] = f"{tally}: {titles['by_category']}"
    titles["tally_by_channel"] = f"{tally}: {titles['by_channel']}"
    return [
        (titles[section], name, format_number(value))
        for section, _key, name, value in table_rows(report)
    ]


def to_csv(report: dict) -> str:
    """The report as CSV (UTF-8 with BOM, so spreadsheets read æøå).

    With a decimal comma the columns are split by ";", as spreadsheets in those
    languages expect.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if decimal_sign() == "," else ",")
    writer.writerow(
        [
            _t(_("stats_csv_table", default="Table")),
            _t(_("stats_csv_name", default="Name")),
            _t(_("ws_column_value", default="Value")),
        ]
    )
    writer.writerows(csv_rows(report))
    return "\ufeff" + out.getvalue()


def to_xlsx(report: dict) -> bytes:
    """The report as an Excel workbook, one sheet per table."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _t(_("stats_sheet_summary", default="Summary"))[:31]
    for name, value in summary_rows(report):
        sheet.append([name, value])
    headers = [
        _t(_("ws_column_value", default="Value")),
        _t(_("ws_column_count", default="Count")),
    ]
    for section, title in SECTIONS:
        sheet = book.create_sheet(_t(title)[:31])
        sheet.append(headers)
        for row in report[section]:
            sheet.append([row["label"], row["count"]])
    sheet = book.create_sheet(_t(_("stats_tally_total", default="Tally counts"))[:31])
    sheet.append(headers)
    for row in report["tally"]["by_category"]:
        sheet.append([row["label"], row["count"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def open_data_rows(filters: Filters) -> list[dict]:
    """Counts per day, category, channel, service level and unit: nothing personal."""
    selected, _work = selection(filters)
    created = sets.dates("created", selected)
    columns = {name: sets.values(index, selected) for name, index in DIMENSIONS.items()}
    levels = category_levels()
    for rid, category in columns["category"].items():
        if rid not in columns["service_level"] and levels.get(category):
            columns["service_level"][rid] = levels[category]
    fcr = sets.true_rids("solved_first_contact")
    answered = sets.dates("answered_date", selected)
    due = sets.dates("due_date", selected)
    zone = site_timezone()
    cells: dict[tuple, dict] = {}
    for rid, when in created.items():
        key = (
            when.astimezone(zone).date().isoformat(),
            *(str(columns[name].get(rid) or "") for name in DIMENSIONS),
        )
        cell = cells.setdefault(
            key,
            {
                "inquiries": 0,
                "solved_first_contact": 0,
                "answered": 0,
                "answered_within_promise": 0,
            },
        )
        cell["inquiries"] += 1
        cell["solved_first_contact"] += 1 if rid in fcr else 0
        if rid in answered:
            cell["answered"] += 1
            if rid in due and answered[rid] <= due[rid]:
                cell["answered_within_promise"] += 1
    rows = []
    for key in sorted(cells):
        day, category, channel, unit, level = key
        rows.append(
            {
                "date": day,
                "category": category,
                "category_title": label("category", category) if category else "",
                "channel": channel,
                "service_level": level,
                "unit": unit,
                **cells[key],
            }
        )
    return rows


def open_data_csv(filters: Filters) -> str:
    """The open-data export as CSV."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=OPEN_DATA_COLUMNS)
    writer.writeheader()
    writer.writerows(open_data_rows(filters))
    return out.getvalue()
