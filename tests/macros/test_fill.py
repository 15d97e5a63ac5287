"""Placeholders filled for the inquiry: site time zone, reader's locale, names."""

from collective.servicedesk.macros.fill import empty
from collective.servicedesk.macros.fill import fill
from collective.servicedesk.macros.fill import format_due
from collective.servicedesk.macros.fill import macro_values
from datetime import UTC
from datetime import datetime
from plone import api
import pytest

SUMMER = datetime(2026, 7, 10, 12, 58, tzinfo=UTC)
WINTER = datetime(2026, 12, 10, 13, 58, tzinfo=UTC)


@pytest.fixture
def oslo(portal):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")


class TestDueDate:
    @pytest.mark.parametrize(
        "zone,when,language,expected",
        [
            ("Europe/Oslo", SUMMER, "nb", "10.07.2026 kl. 14:58"),
            ("Europe/Oslo", WINTER, "nb", "10.12.2026 kl. 14:58"),
            ("Europe/Oslo", WINTER, "nn", "10.12.2026 kl. 14:58"),
            ("Europe/Oslo", WINTER, "en", "10/12/2026 14:58"),
            ("America/New_York", WINTER, "en", "10/12/2026 08:58"),
            ("UTC", SUMMER, "nb", "10.07.2026 kl. 12:58"),
        ],
    )
    def test_site_time_zone_and_locale(self, portal, zone, when, language, expected):
        api.portal.set_registry_record("plone.portal_timezone", zone)
        assert format_due(when, language) == expected

    def test_no_due_date(self, portal):
        assert format_due(None, "nb") == ""


class TestValues:
    def test_values_of_an_inquiry(self, inquiry, oslo):
        inquiry.requester_name = "Åse Nordmann"
        inquiry.due_date = WINTER
        with api.env.adopt_user(username="handler"):
            values = macro_values(inquiry, "nb")
        assert values == {
            "name": "Åse Nordmann",
            "reference_number": inquiry.reference_number,
            "handler_name": "Per Byggmester",
            "due_date": "10.12.2026 kl. 14:58",
        }
        assert values["reference_number"]

    def test_reader_language_is_the_site_default(self, inquiry, oslo):
        inquiry.due_date = WINTER
        api.portal.set_registry_record("plone.default_language", "en")
        assert macro_values(inquiry)["due_date"] == "10/12/2026 14:58"
        api.portal.set_registry_record("plone.default_language", "nn")
        assert macro_values(inquiry)["due_date"] == "10.12.2026 kl. 14:58"


class TestFill:
    def test_known_filled_empty_and_unknown_kept(self):
        values = {"name": "Åse", "due_date": "", "reference_number": "2026-000001"}
        text = "Hei {name}, sak {reference_number}, frist {due_date}, {foo} {name.x}"
        assert fill(text, values) == (
            "Hei Åse, sak 2026-000001, frist {due_date}, {foo} {name.x}"
        )
        assert empty(text, values) == ["due_date", "foo"]

    def test_nothing_is_evaluated(self):
        assert fill("{0} {__class__} {name}", {"name": "{0}"}) == "{0} {__class__} {0}"
