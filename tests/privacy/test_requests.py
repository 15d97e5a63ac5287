"""Data-subject requests: find, export, erase; every action logged with who and why."""

from collective.servicedesk.history import entries
from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.messages import add_note
from collective.servicedesk.privacy import log
from collective.servicedesk.privacy.subject import find
from collective.servicedesk.replies.api import send_reply
from plone import api
from plone.app.testing import TEST_USER_ID
from tests.replies.helpers import make_inquiry
from zope.i18n import translate
from zope.interface import alsoProvides
import json
import pytest


@pytest.fixture
def people(desk):
    """Åse's inquiries (one via a reply only) and someone else's."""
    made = {
        "ase": make_inquiry(desk, category="building"),
        "ase_reply_only": make_inquiry(
            desk,
            anonymous=True,
            requester_name=None,
            requester_email=None,
            requester_phone=None,
            requester_organisation=None,
        ),
        "other": make_inquiry(
            desk,
            requester_name="Per Hansen",
            requester_email="per@example.org",
            requester_phone="98765432",
        ),
    }
    send_reply(made["ase_reply_only"], "email", "Svar", recipient="ASE@example.org")
    return made


def references(brains) -> set[str]:
    return {brain.reference_number for brain in brains}


def page(portal, **form):
    request = portal.REQUEST
    alsoProvides(request, IServiceDeskLayer)
    request.method = "POST"
    request.form.clear()
    request.form.update(form)
    request.form["_authenticator"] = api.content.get_view(
        "authenticator", portal, request
    ).token()
    return api.content.get_view("servicedesk-personal-data", portal, request)


class TestFind:
    @pytest.mark.parametrize(
        "query",
        [
            {"email": "ase@example.org"},
            {"email": " Ase@Example.org "},
            {"phone": "+47 912 34 567"},
            {"name": "nordmann åse"},
        ],
    )
    def test_finds_by_any_contact(self, people, query):
        found = references(find(**query))
        assert people["ase"].reference_number in found
        assert people["other"].reference_number not in found

    def test_finds_reply_recipients(self, people):
        assert references(find(email="ase@example.org")) == {
            people["ase"].reference_number,
            people["ase_reply_only"].reference_number,
        }

    def test_nothing_for_unknown_or_empty(self, people):
        assert find(email="nobody@example.org") == []
        assert find() == []

    def test_personal_data_not_in_full_text(self, people):
        catalog = api.portal.get_tool("portal_catalog")
        for term in ("ase@example.org", "Nordmann", "91234567"):
            assert not catalog.unrestrictedSearchResults(SearchableText=term)

    def test_index_holds_no_clear_text(self, people):
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(UID=people["ase"].UID())
        hashes = catalog.getIndexDataForRID(brain.getRID())["contact_hashes"]
        assert len(hashes) == 3
        assert all(len(h) == 40 and "ase" not in h and "9123" not in h for h in hashes)


class TestPage:
    def test_find_needs_reason(self, people):
        view = page(
            api.portal.get(), email="ase@example.org", **{"form.buttons.find": "1"}
        )
        html = view()
        assert "reason" in view.errors
        assert translate(view.errors["reason"], target_language="nb")
        assert 'value="ase@example.org"' in html
        assert log.entries() == []

    def test_find_lists_and_logs(self, people):
        portal = api.portal.get()
        view = page(
            portal,
            email="ase@example.org",
            reason="Innsynskrav 1. mai",
            **{"form.buttons.find": "1"},
        )
        html = view()
        assert people["ase"].reference_number in html
        assert people["other"].reference_number not in html
        (entry,) = log.entries()
        assert entry["action"] == "find"
        assert entry["who"] == TEST_USER_ID
        assert entry["reason"] == "Innsynskrav 1. mai"
        assert entry["query"] == {"email": "a***@example.org"}
        assert set(entry["references"]) == {
            people["ase"].reference_number,
            people["ase_reply_only"].reference_number,
        }

    def test_export_json(self, people):
        add_note(people["ase"], "Åse ringte igjen.")
        portal = api.portal.get()
        view = page(
            portal,
            email="ase@example.org",
            reason="Innsyn",
            uids=[people["ase"].UID(), people["other"].UID()],  # other is ignored
            **{"form.buttons.export_json": "1"},
        )
        (record,) = json.loads(view())
        assert record["reference_number"] == people["ase"].reference_number
        assert record["requester_email"] == "ase@example.org"
        assert record["requester_name"] == "Åse Nordmann"
        assert record["state"] == "registered"
        assert [note["text"] for note in record["internal_notes"]] == [
            "Åse ringte igjen."
        ]
        assert "attachment" in portal.REQUEST.response.getHeader("Content-Disposition")
        assert log.entries()[0]["action"] == "export"

    def test_export_readable(self, people):
        portal = api.portal.get()
        view = page(
            portal,
            email="ase@example.org",
            reason="Innsyn",
            uids=[people["ase_reply_only"].UID()],
            **{"form.buttons.export_html": "1"},
        )
        html = view()
        assert people["ase_reply_only"].reference_number in html
        assert "ASE@example.org" in html  # the reply's recipient
        assert "Replies to the citizen" in html

    def test_erase_needs_confirmation(self, people):
        portal = api.portal.get()
        view = page(
            portal,
            email="ase@example.org",
            reason="Sletting",
            uids=[people["ase"].UID()],
            **{"form.buttons.erase": "1"},
        )
        view()
        assert "confirm" in view.errors
        assert people["ase"].requester_email == "ase@example.org"

    def test_erase_keeps_business_record(self, people):
        portal = api.portal.get()
        ase = people["ase"]
        view = page(
            portal,
            email="ase@example.org",
            reason="Krav om sletting fra Åse",
            uids=[ase.UID()],
            confirm="1",
            **{"form.buttons.erase": "1"},
        )
        view()
        assert ase.requester_email is None and ase.requester_name is None
        assert ase.category == "building" and ase.channel == "phone"
        assert api.content.get_state(ase) == "registered"
        entry = log.entries()[0]
        assert entry["action"] == "erase"
        assert entry["references"] == [ase.reference_number]
        # The free-text reason stays in the privacy log, not in the inquiry.
        assert entries(ase)[-1]["action"] == "personal_data_erased"
        assert "Åse" not in entries(ase)[-1]["comment"]
        assert references(find(email="ase@example.org")) == {
            people["ase_reply_only"].reference_number
        }

    def test_log_page(self, people):
        log.append("find", "Grunn", {"email": "ase@example.org"}, ["2026-000001"])
        portal = api.portal.get()
        request = portal.REQUEST
        alsoProvides(request, IServiceDeskLayer)
        html = api.content.get_view("servicedesk-privacy-log", portal, request)()
        assert "Grunn" in html
        assert "a***@example.org" in html
        assert "ase@example.org" not in html


class TestLog:
    @pytest.mark.parametrize(
        "kind,value,masked",
        [
            ("email", "ase@example.org", "a***@example.org"),
            ("phone", "+47 912 34 567", "*******567"),
            ("name", "Åse Nordmann", "Å. N."),
        ],
    )
    def test_mask(self, kind, value, masked):
        assert log.mask(kind, value) == masked

    def test_append_only_newest_first(self, portal):
        log.append("find", "a", {}, [])
        log.append("export", "b", {}, [])
        assert [e["reason"] for e in log.entries()] == ["b", "a"]
        assert not hasattr(log, "delete") and not hasattr(log, "remove")

    def test_unknown_action(self, portal):
        with pytest.raises(ValueError):
            log.append("peek", "x", {}, [])
