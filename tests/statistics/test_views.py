"""The statistics page, its permission and its exports."""

from AccessControl import Unauthorized
from collective.servicedesk.statistics.export import OPEN_DATA_COLUMNS
from plone import api
from plone.app.testing import login
from tests.statistics import dataset
from tests.workspace.helpers import make_desk
from tests.workspace.helpers import make_inquiry
import csv
import io
import pytest

QUERY = {"start": dataset.START.isoformat(), "end": dataset.END.isoformat()}
PERSONAL = {
    "requester_name": "Ola Personsen",
    "requester_email": "ola.personsen@example.org",
    "requester_phone": "+47 912 34 567",
    "requester_organisation": "Personsen AS",
}

# Inquiry fields that are personal or free text (may hold personal data).
PERSONAL_OR_FREE_TEXT = {
    *PERSONAL,
    "title",
    "description",
    "answer",
    "responsible_handler",
    "reference_number",
    "object_value",
    "case_number",
    "registry_entry_id",
    "tags",
    "Creator",
}


def view(portal, request, name: str, **form):
    request.form.update(QUERY, **form)
    return portal.restrictedTraverse(f"@@{name}")


@pytest.fixture
def personal(filled):
    desk, _inquiries = filled
    return make_inquiry(
        desk,
        "Ola Personsen ringte om garasjen",
        category="building-permits",
        created=dataset.START_LOCAL_NOON,
        handler="handler",
        state="assigned",
        **PERSONAL,
    )


class TestPermission:
    @pytest.mark.parametrize(
        "user,allowed",
        [("lead", True), ("agent", False), ("handler", False), ("editor", False)],
    )
    def test_who_sees_statistics(self, portal, http_request, user, allowed):
        make_desk(portal)
        login(portal, user)
        for name in (
            "servicedesk-statistics",
            "servicedesk-statistics-csv",
            "servicedesk-statistics-opendata",
        ):
            if allowed:
                assert view(portal, http_request, name) is not None
            else:
                with pytest.raises(Unauthorized):
                    view(portal, http_request, name)


class TestPage:
    def test_page_shows_numbers_and_charts(self, portal, http_request, filled, specs):
        login(portal, "lead")
        html = view(portal, http_request, "servicedesk-statistics")()
        expected = dataset.expected(specs)
        assert 'role="img"' in html and "<svg" in html
        assert 'data-sd-table="by_channel"' in html
        for channel in expected["by_channel"]:
            assert f'data-key="{channel}"' in html
        assert f"<strong>{expected['total']}</strong>" in html
        assert "servicedesk-statistics-csv?" in html

    def test_bad_dates_are_reported_and_kept_safe(self, portal, http_request, filled):
        login(portal, "lead")
        html = view(
            portal, http_request, "servicedesk-statistics", start="31.02.2026"
        )()
        assert "Use a date like 2026-03-24." in html


class TestExports:
    def test_csv_matches_the_report(self, portal, http_request, filled, specs):
        login(portal, "lead")
        body = view(portal, http_request, "servicedesk-statistics-csv")()
        assert http_request.response.getHeader("Content-Type").startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
        # People's CSV: translated titles and labels, machine keys only in open data.
        by_category = [
            int(r["Value"]) for r in rows if r["Table"] == "Inquiries by category"
        ]
        expected = dataset.expected(specs)["by_category"]
        assert sorted(by_category) == sorted(expected.values())
        summary = [r for r in rows if r["Table"] == "Key figures"]
        assert summary[0]["Value"] == str(dataset.expected(specs)["total"])
        assert "by_category" not in body.decode("utf-8-sig")

    def test_xlsx_opens(self, portal, http_request, filled, specs):
        from openpyxl import load_workbook

        login(portal, "lead")
        body = view(portal, http_request, "servicedesk-statistics-xlsx")()
        book = load_workbook(io.BytesIO(body))
        assert len(book.sheetnames) == 7
        summary = book[book.sheetnames[0]]
        assert summary.cell(1, 2).value == dataset.expected(specs)["total"]

    def test_open_data_has_no_personal_field(
        self, portal, http_request, filled, personal, specs
    ):
        login(portal, "lead")
        body = view(portal, http_request, "servicedesk-statistics-opendata")()
        text = body.decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert tuple(rows[0]) == OPEN_DATA_COLUMNS
        for value in PERSONAL.values():
            assert value not in text
        assert "Personsen" not in text
        assert not set(OPEN_DATA_COLUMNS) & PERSONAL_OR_FREE_TEXT
        assert (
            sum(int(r["inquiries"]) for r in rows)
            == dataset.expected(specs)["total"] + 1
        )
        assert sum(int(r["solved_first_contact"]) for r in rows) == sum(
            1 for s in specs if dataset.in_range(s) and s["fcr"]
        )
        assert api.content.get(UID=api.content.get_uuid(personal)).requester_name
