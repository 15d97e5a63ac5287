"""The statistics dashboard and its exports (permission: View statistics)."""

from collective.servicedesk import _
from collective.servicedesk.statistics import charts
from collective.servicedesk.statistics import export
from collective.servicedesk.statistics.compute import compute
from collective.servicedesk.statistics.filters import DIMENSIONS
from collective.servicedesk.statistics.filters import parse
from collective.servicedesk.statistics.labels import options
from collective.servicedesk.statistics.numbers import format_number
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate


class StatisticsView(BrowserView):
    """Charts, tables and key figures for leads."""

    def tr(self, message) -> str:
        return translate(message, context=self.request)

    def update(self) -> None:
        self.filters = parse(self.request.form)
        self.errors = {k: self.tr(v) for k, v in self.filters.errors.items()}
        self.report = compute(self.filters)
        self.summary = export.summary_rows(self.report)
        self.query = urlencode(self.filters.as_query())
        base = self.context.absolute_url()
        self.exports = {
            "csv": f"{base}/@@servicedesk-statistics-csv?{self.query}",
            "xlsx": f"{base}/@@servicedesk-statistics-xlsx?{self.query}",
            "opendata": f"{base}/@@servicedesk-statistics-opendata?{self.query}",
        }
        self.dimension_options = {name: options(name) for name in DIMENSIONS}
        self.periods = [
            {"value": "day", "title": self.tr(_("period_day", default="Day"))},
            {"value": "week", "title": self.tr(_("period_week", default="Week"))},
            {"value": "month", "title": self.tr(_("period_month", default="Month"))},
        ]

    def tables(self) -> list[dict]:
        """The dimension tables with their charts."""
        result = []
        for section, title in export.SECTIONS[:-1]:
            rows = self.report[section]
            text = self.tr(title)
            result.append(
                {
                    "id": section,
                    "title": text,
                    "rows": rows,
                    "chart": charts.bars(rows, text),
                }
            )
        return result

    def trend_chart(self) -> str:
        title = self.tr(_("stats_by_period", default="Inquiries by period"))
        return charts.columns(
            self.report["series"], title, previous=self.report["previous_series"]
        )

    def number(self, value) -> str:
        """A key figure in the reader's language ("37,3" in nb and nn)."""
        return format_number(value) or "–"

    def change_text(self) -> str:
        change = self.report["change"]
        if change is None:
            return ""
        return f"{change * 100:+.0f} %"

    def __call__(self) -> str:
        self.update()
        return self.index()


class _Export(BrowserView):
    def report(self) -> dict:
        return compute(parse(self.request.form))

    def send(self, data, content_type: str, filename: str):
        response = self.request.response
        response.setHeader("Content-Type", content_type)
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        response.setHeader("Cache-Control", "no-store")
        return data


class CSVExport(_Export):
    """The report as CSV."""

    def __call__(self):
        return self.send(
            export.to_csv(self.report()).encode("utf-8"),
            "text/csv; charset=utf-8",
            "servicedesk-statistics.csv",
        )


class XLSXExport(_Export):
    """The report as an Excel workbook."""

    def __call__(self):
        return self.send(
            export.to_xlsx(self.report()),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "servicedesk-statistics.xlsx",
        )


class OpenDataExport(_Export):
    """Anonymous counts per day and dimension, ready for an open-data portal."""

    def __call__(self):
        return self.send(
            export.open_data_csv(parse(self.request.form)).encode("utf-8"),
            "text/csv; charset=utf-8",
            "servicedesk-open-data.csv",
        )
