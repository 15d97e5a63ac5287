"""Placeholders in reply templates: known ones filled, unknown ones left visible."""

from collective.servicedesk.replies.placeholders import fill
from collective.servicedesk.replies.placeholders import unknown
import pytest

VALUES = {
    "reference_number": "2026-000123",
    "name": "Åse Nordmann",
    "category": "Byggesak",
    "due_date": "18.05.2026",
}


class TestFill:
    @pytest.mark.parametrize(
        "text,expected",
        [
            ("Hei {name}!", "Hei Åse Nordmann!"),
            ("Ref. {reference_number}", "Ref. 2026-000123"),
            ("{category} innen {due_date}", "Byggesak innen 18.05.2026"),
            ("Ukjent {foo} blir stående", "Ukjent {foo} blir stående"),
            ("{name.__class__} {0} {}", "{name.__class__} {0} {}"),
            (
                "Krøllparentes { name } og {{name}}",
                "Krøllparentes { name } og {Åse Nordmann}",
            ),
            ("", ""),
        ],
    )
    def test_fill(self, text, expected):
        assert fill(text, VALUES) == expected

    def test_empty_value_fills_empty(self):
        assert fill("Hei {name}!", {"name": ""}) == "Hei !"

    def test_missing_value_stays_visible(self):
        assert fill("Frist {due_date}", {"name": "x"}) == "Frist {due_date}"

    def test_none_value_stays_visible(self):
        assert fill("Frist {due_date}", {"due_date": None}) == "Frist {due_date}"


class TestUnknown:
    @pytest.mark.parametrize(
        "text,expected",
        [
            ("{name} {reference_number}", []),
            ("{foo} {name} {bar} {foo}", ["foo", "bar"]),
            ("no placeholders", []),
        ],
    )
    def test_unknown(self, text, expected):
        assert unknown(text) == expected
