"""Statistics in the reader's language: week labels, decimal comma, CSV headers."""

from collective.servicedesk.statistics.compute import bucket_label
from collective.servicedesk.statistics.numbers import decimal_sign
from collective.servicedesk.statistics.numbers import format_number
from plone import api
from plone.app.testing import login
from tests.statistics import dataset
from zope.globalrequest import setRequest
import csv
import io
import pytest

QUERY = {"start": dataset.START.isoformat(), "end": dataset.END.isoformat()}


@pytest.fixture
def reader(http_request):
    """Set the language the page is read in, as Plone's negotiation does."""

    def set_language(lang: str):
        api.portal.set_registry_record("plone.default_language", lang)
        http_request["LANGUAGE"] = lang
        http_request.environ["HTTP_ACCEPT_LANGUAGE"] = lang
        # Plone negotiated the language when the request was traversed; its
        # binding is what translations read (plone.i18n's PTSLanguages).
        binding = http_request.get("LANGUAGE_TOOL")
        if binding is not None:
            binding.LANGUAGE, binding.LANGUAGE_LIST = lang, [lang]
        setRequest(http_request)  # as the publisher does for every request
        http_request.form.update(QUERY)
        return http_request

    return set_language


class TestNumbers:
    @pytest.mark.parametrize(
        "lang,sign,text",
        [
            ("nb", ",", "37,3"),
            ("nn", ",", "37,3"),
            ("no", ",", "37,3"),
            ("en", ".", "37.3"),
        ],
    )
    def test_decimal_sign(self, lang, sign, text):
        assert decimal_sign(lang) == sign
        assert format_number(37.25 + 0.05, lang) == text

    def test_whole_numbers_and_empty(self):
        assert format_number(12, "nb") == "12"
        assert format_number(None, "nb") == ""
        assert format_number("", "nb") == ""


class TestWeekLabels:
    @pytest.mark.parametrize(
        "lang,expected", [("nb", "uke 49"), ("nn", "veke 49"), ("en", "week 49")]
    )
    def test_week_label(self, portal, reader, lang, expected):
        reader(lang)
        assert bucket_label("2026-W49", "week") == expected

    def test_day_and_month_labels_unchanged(self, portal, reader):
        reader("nb")
        assert bucket_label("2026-03-24", "day") == "24.03"
        assert bucket_label("2026-03", "month") == "03.2026"


class TestPageAndCSV:
    def test_page_in_nb(self, portal, reader, filled):
        login(portal, "lead")
        request = reader("nb")
        html = portal.restrictedTraverse("@@servicedesk-statistics")()
        assert "uke 10" in html and "W10" not in html
        # Key figures with a decimal part show a decimal comma, never a point.
        view = portal.restrictedTraverse("@@servicedesk-statistics")
        view.update()
        decimals = [v for _n, v in view.summary if isinstance(v, float)]
        assert decimals, "the dataset has figures with decimals"
        for value in decimals:
            assert f"<strong>{format_number(value, 'nb')}</strong>" in html
            assert "." not in format_number(value, "nb")
        assert request["LANGUAGE"] == "nb"

    @pytest.mark.parametrize(
        "lang,headers,table",
        [
            ("nb", ["Tabell", "Navn", "Verdi"], "Nøkkeltall"),
            ("nn", ["Tabell", "Namn", "Verdi"], "Nøkkeltal"),
        ],
    )
    def test_csv_in_norwegian(
        self, portal, reader, filled, specs, lang, headers, table
    ):
        login(portal, "lead")
        reader(lang)
        body = portal.restrictedTraverse("@@servicedesk-statistics-csv")()
        text = body.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert rows[0] == headers
        summary = [r for r in rows[1:] if r[0] == table]
        assert summary[0][2] == str(dataset.expected(specs)["total"])
        # Decimals with a comma; no machine keys (those are for open data).
        assert any("," in r[2] for r in rows[1:]), rows
        assert "by_category" not in text and "summary" not in text
        series = [r for r in rows[1:] if r[1].startswith(("uke ", "veke "))]
        assert len(series) == 3
