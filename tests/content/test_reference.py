"""Reference numbers: format, uniqueness, concurrency, copies."""

from collective.servicedesk.content.reference import ReferenceCounters
from collective.servicedesk.content.reference import format_reference
from collective.servicedesk.content.reference import issue_number
from datetime import datetime
from plone import api
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError
import re
import threading
import transaction
import ZODB

REFERENCE_RE = re.compile(r"^\d{4}-\d{6}$")


class TestFormat:
    def test_format(self):
        assert format_reference(2026, 123) == "2026-000123"

    def test_format_beyond_six_digits_stays_unique(self):
        assert format_reference(2026, 1234567) == "2026-1234567"


class TestThreadsOnOneStorage:
    """Real threads, real transactions, one FileStorage: no duplicates."""

    THREADS = 8
    PER_THREAD = 25

    def _db(self, tmp_path):
        db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
        connection = db.open()
        connection.root()["counters"] = ReferenceCounters()
        connection.root()["inquiries"] = __import__(
            "BTrees.OOBTree", fromlist=["OOBTree"]
        ).OOBTree()
        transaction.commit()
        oid = connection.root()["counters"]._p_oid
        connection.close()
        return db, oid

    def test_no_duplicates_under_concurrency(self, tmp_path):
        db, oid = self._db(tmp_path)
        barrier = threading.Barrier(self.THREADS)
        issued: list[int] = []
        errors: list[BaseException] = []
        lock = threading.Lock()

        def register() -> None:
            # Each thread is one "registration worker" with its own
            # connection and main transaction, like a Zope worker thread.
            manager = transaction.TransactionManager()
            connection = db.open(transaction_manager=manager)
            try:
                barrier.wait()
                for _ in range(self.PER_THREAD):
                    number = issue_number(db, oid, 2026)
                    while True:
                        manager.begin()
                        try:
                            connection.root()["inquiries"][number] = "inquiry"
                            manager.commit()
                            break
                        except ConflictError:
                            manager.abort()
                    with lock:
                        issued.append(number)
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)
            finally:
                manager.abort()
                connection.close()

        threads = [threading.Thread(target=register) for _ in range(self.THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors
        total = self.THREADS * self.PER_THREAD
        assert len(issued) == total
        assert len(set(issued)) == total
        # Nothing aborted here, so the sequence has no gaps either.
        assert sorted(issued) == list(range(1, total + 1))
        connection = db.open()
        assert len(connection.root()["inquiries"]) == total
        assert connection.root()["counters"].last == {2026: total}
        connection.close()
        db.close()

    def test_years_count_separately(self, tmp_path):
        db, oid = self._db(tmp_path)
        assert issue_number(db, oid, 2026) == 1
        assert issue_number(db, oid, 2026) == 2
        assert issue_number(db, oid, 2027) == 1
        db.close()

    def test_number_survives_aborted_registration(self, tmp_path):
        """The counter is committed on its own: an aborted registration leaves a gap."""
        db, oid = self._db(tmp_path)
        manager = transaction.TransactionManager()
        connection = db.open(transaction_manager=manager)
        manager.begin()
        first = issue_number(db, oid, 2026)
        connection.root()["inquiries"][first] = "inquiry"
        manager.abort()
        assert issue_number(db, oid, 2026) == first + 1
        connection.close()
        db.close()


class TestThroughSite:
    def test_number_on_creation(self, desk):
        obj = api.content.create(container=desk, type="Inquiry", title="x")
        assert REFERENCE_RE.match(obj.reference_number)
        assert obj.reference_number.startswith(f"{datetime.now().year}-")

    def test_id_is_reference_number(self, desk):
        obj = api.content.create(container=desk, type="Inquiry", title="Anne Hansen")
        assert obj.getId() == obj.reference_number

    def test_numbers_increase(self, desk):
        numbers = [
            api.content.create(
                container=desk, type="Inquiry", title=str(i)
            ).reference_number
            for i in range(3)
        ]
        counters = [int(number.split("-")[1]) for number in numbers]
        assert counters == sorted(counters)
        assert len(set(numbers)) == 3

    def test_indexed(self, desk, inquiry):
        brains = api.content.find(reference_number=inquiry.reference_number)
        assert [brain.getObject() for brain in brains] == [inquiry]
        assert brains[0].reference_number == inquiry.reference_number

    def test_found_in_full_text(self, desk, inquiry):
        brains = api.content.find(SearchableText=inquiry.reference_number)
        assert inquiry.UID() in [brain.UID for brain in brains]

    def test_copy_gets_new_number(self, desk, inquiry):
        copy = api.content.copy(source=inquiry, target=desk, safe_id=True)
        assert copy.reference_number
        assert copy.reference_number != inquiry.reference_number

    def test_existing_number_kept_on_move(self, portal, desk, inquiry):
        other = api.content.create(container=portal, type="ServiceDesk", id="desk-2")
        number = inquiry.reference_number
        moved = api.content.move(source=inquiry, target=other)
        assert moved.reference_number == number


class TestCounters:
    def test_created_on_install_and_committed(self, portal):
        from collective.servicedesk.content.reference import ANNOTATION_KEY
        from zope.annotation.interfaces import IAnnotations

        counters = IAnnotations(portal)[ANNOTATION_KEY]
        assert isinstance(counters, ReferenceCounters)
        # Committed with the site, so numbers are issued on a separate connection.
        assert counters._p_oid is not None

    def test_issued_outside_the_main_transaction(self, desk):
        from collective.servicedesk.content.reference import ANNOTATION_KEY
        from zope.annotation.interfaces import IAnnotations

        counters = IAnnotations(api.portal.get())[ANNOTATION_KEY]
        api.content.create(container=desk, type="Inquiry", title="x")
        # The main connection did not change the counters: no hot object.
        assert not counters._p_changed
