"""Checking a citizen's form: required question, contact choices, anonymity."""

from collective.servicedesk.categories.storage import add_category
from collective.servicedesk.citizen.submission import check
import pytest


class TestCheck:
    @pytest.mark.parametrize(
        "form,fields",
        [
            ({}, {"question"}),
            ({"question": "  hei "}, {"question"}),
            ({"question": "x" * 5001}, {"question"}),
            ({"question": "Når tømmes søppelet?", "category": "nope"}, {"category"}),
            ({"question": "Når tømmes søppelet?", "contact": "fax"}, {"contact"}),
            ({"question": "Når tømmes søppelet?", "contact": "email"}, {"email"}),
            (
                {
                    "question": "Når tømmes søppelet?",
                    "contact": "email",
                    "email": "a@b",
                },
                {"email"},
            ),
            (
                {"question": "Når tømmes søppelet?", "contact": "sms", "phone": "12"},
                {"phone"},
            ),
            ({"question": "Når tømmes søppelet?"}, set()),
            ({"question": ["list"], "contact": ["x"]}, {"question"}),
        ],
    )
    def test_errors(self, portal, form, fields):
        _data, errors = check(form)
        assert set(errors) == fields

    def test_anonymous_drops_contact_details(self, portal):
        data, errors = check(
            {
                "question": "Når tømmes søppelet?",
                "contact": "anonymous",
                "name": "Åse",
                "email": "ase@example.no",
                "phone": "91234567",
            }
        )
        assert errors == {}
        assert data["anonymous"] is True
        assert not {"requester_name", "requester_email", "requester_phone"} & set(data)

    def test_email_contact(self, portal):
        data, errors = check(
            {
                "question": "Når tømmes søppelet?",
                "contact": "email",
                "name": "Åse",
                "email": "ase@example.no",
                "phone": "91234567",
            }
        )
        assert errors == {}
        assert data["requester_email"] == "ase@example.no"
        assert data["requester_name"] == "Åse"
        assert data["reply_channel"] == "email"
        assert "requester_phone" not in data

    def test_known_category(self, portal):
        add_category("renovasjon", {"nb": "Renovasjon", "en": "Waste"})
        data, errors = check(
            {"question": "Når tømmes søppelet?", "category": "renovasjon"}
        )
        assert errors == {}
        assert data["category"] == "renovasjon"
