"""Contact data is found by keyed hashes of normalised values."""

from collective.servicedesk.privacy.hashing import contact_hash
from collective.servicedesk.privacy.hashing import normalise_email
from collective.servicedesk.privacy.hashing import normalise_name
from collective.servicedesk.privacy.hashing import normalise_phone
import pytest


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("912 34 567", "4791234567"),
        ("+47 912 34 567", "4791234567"),
        ("0047-91234567", "4791234567"),
        ("+46 70 123 45 67", "46701234567"),
        ("", ""),
    ],
)
def test_normalise_phone(typed, expected):
    assert normalise_phone(typed) == expected


@pytest.mark.parametrize(
    "typed,expected",
    [
        (" Ase@Example.ORG ", "ase@example.org"),
        ("", ""),
    ],
)
def test_normalise_email(typed, expected):
    assert normalise_email(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["Åse Nordmann", "nordmann, åse", "  ÅSE   NORDMANN "],
)
def test_normalise_name(typed):
    assert normalise_name(typed) == "nordmann åse"


class TestHash:
    def test_variants_hash_alike(self, portal):
        first = contact_hash("phone", "912 34 567", create=True)
        assert first == contact_hash("phone", "+4791234567")
        assert len(first) == 40
        assert "91234567" not in first

    def test_kinds_do_not_collide(self, portal):
        contact_hash("name", "x", create=True)
        assert contact_hash("name", "91234567") != contact_hash("phone", "91234567")

    def test_no_secret_no_hash(self, portal):
        # Reading never creates the secret (no write on a lookup).
        assert contact_hash("email", "a@b.no") is None

    def test_empty_value(self, portal):
        assert contact_hash("email", "  ", create=True) is None
