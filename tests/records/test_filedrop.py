"""File drop end to end: request, after-commit sending, receipts decide."""

from collective.servicedesk.records import api as records
from collective.servicedesk.records import state
from collective.servicedesk.records.listing import counts
from collective.servicedesk.records.messages import describe
from collective.servicedesk.records.spool import Spool
from collective.servicedesk.records.worker import wait
from plone import api
from tests.records.archive import Archive
from tests.records.conftest import schema_folder
from tests.records.filedrop_archive import process
from tests.records.helpers import filable
import transaction


def run_cycle(portal) -> dict:
    """One records cycle in this thread, as the tick's worker would run it."""
    transaction.begin()
    summary = records.cycle(portal, transaction.manager)
    transaction.commit()
    return summary


def request(obj) -> None:
    records.request_filing(obj)
    transaction.commit()  # the worker sends after this commit
    assert wait(60)
    transaction.begin()  # see what the worker committed


class TestFileDrop:
    def test_new_case_then_replies_then_filed(self, functional_portal, fdesk, filedrop):
        archive = Archive()
        obj = filable(fdesk, replies=1, attachments=1)
        transaction.commit()
        request(obj)
        assert state.status(obj) == state.PENDING
        assert api.content.get_state(obj) == "closed"  # not filed on a claim
        # Only the inquiry went: the reply waits for the new case's number.
        assert process(archive, filedrop["out"], filedrop["in"], schema_folder()) == 1
        run_cycle(functional_portal)
        data = state.get(obj)
        assert data["case_number"] == "2026/118"
        assert obj.case_number == "2026/118"
        assert [m["state"] for m in data["messages"]] == [state.DONE, state.SPOOLED]
        assert data["status"] == state.PENDING
        # The reply went in the same run, into the case by its saksnummer.
        assert process(archive, filedrop["out"], filedrop["in"], schema_folder()) == 1
        run_cycle(functional_portal)
        data = state.get(obj)
        assert data["status"] == state.FILED
        assert [m["journalpost_number"] for m in data["messages"]] == ["1", "2"]
        assert data["messages"][0]["registry_entry"] == "2026/1001"
        assert api.content.get_state(obj) == "filed"
        assert archive.cases[(2026, 118)]["entries"] == [
            m["id"] for m in data["messages"]
        ]
        assert [archive.entries[m["id"]]["type"] for m in data["messages"]] == [
            "I",
            "U",
        ]
        # The attachment travelled as it came.
        assert b"%PDF-1.4" in archive.files[0]["02-tegning-0.pdf"]
        assert counts() == {"pending": 0, "filed": 1, "rejected": 0}

    def test_rejection_is_explained_and_can_be_fixed(
        self, functional_portal, fdesk, filedrop
    ):
        archive = Archive()
        archive.add_case((2026, 118))
        obj = filable(fdesk, case_number="2026/999")
        transaction.commit()
        request(obj)
        process(archive, filedrop["out"], filedrop["in"], schema_folder())
        run_cycle(functional_portal)
        data = state.get(obj)
        assert data["status"] == state.REJECTED
        assert data["error"]["type"] == "ikkefunnet"
        explained = describe(data["error"])
        assert "2026/999" in explained["message"]
        assert api.content.get_state(obj) == "closed"
        assert counts()["rejected"] == 1
        # The agent fixes the case number and sends again.
        obj.case_number = "2026/118"
        records.resend(obj)
        transaction.commit()
        assert wait(60)
        transaction.begin()
        process(archive, filedrop["out"], filedrop["in"], schema_folder())
        run_cycle(functional_portal)
        assert state.status(obj) == state.FILED
        assert api.content.get_state(obj) == "filed"
        assert len(archive.cases[(2026, 118)]["entries"]) == 1

    def test_a_repeated_receipt_changes_nothing(
        self, functional_portal, fdesk, filedrop
    ):
        archive = Archive()
        obj = filable(fdesk)
        transaction.commit()
        request(obj)
        process(archive, filedrop["out"], filedrop["in"], schema_folder())
        answer = next(filedrop["in"].glob("*.xml"))
        copy = answer.read_bytes()
        run_cycle(functional_portal)
        assert state.status(obj) == state.FILED
        answer.write_bytes(copy)  # the importer answers twice
        summary = run_cycle(functional_portal)
        assert summary["answers"] == 1
        assert state.status(obj) == state.FILED
        assert len(archive.entries) == 1

    def test_nothing_is_spooled_twice(self, functional_portal, fdesk, filedrop):
        obj = filable(fdesk)
        transaction.commit()
        request(obj)
        run_cycle(functional_portal)
        run_cycle(functional_portal)
        spool = Spool(filedrop["spool"])
        assert sum(spool.counts().values()) == 1
        assert len([p for p in filedrop["out"].iterdir() if p.is_dir()]) == 1
