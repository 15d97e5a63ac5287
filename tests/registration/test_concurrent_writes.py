"""Two registrations at once: what ZODB merges and what still conflicts (issue 19).

Real ZODB connections in threads of their own on a FileStorage (which resolves
conflicts as RelStorage does), with the text index and lexicon of
``servicedesk_text``: the structures the benchmark's conflict log pointed at.
No timings: each test only says whether both commits go through.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collective.servicedesk.notifications.storage import SENTINEL
from collective.servicedesk.search.lexicon import NorwegianSplitter
from collective.servicedesk.search.postings import ConcurrentOkapiIndex
from collective.servicedesk.search.postings import convert_index
from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError
import pytest
import threading
import transaction
import ZODB

SEEN = "søknad om byggetillatelse for garasje i Storgata"


def make_db(tmp_path, index_class):
    """A database with a text index that has seen some words already."""
    database = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    with database.transaction() as conn:
        lexicon = Lexicon(NorwegianSplitter())
        index = index_class(lexicon)
        for docid in range(1, 40):
            index.index_doc(docid * 1000, f"{SEEN} nummer {docid}")
        conn.root()["lexicon"] = lexicon
        conn.root()["index"] = index
        conn.root()["pending"] = OOTreeSet([SENTINEL])
        conn.root()["desk"] = OOBTree()
        conn.root()["count"] = Length()
    return database


@pytest.fixture
def db(tmp_path):
    database = make_db(tmp_path, ConcurrentOkapiIndex)
    yield database
    database.close()


@pytest.fixture
def stock_db(tmp_path):
    """The same with ZCTextIndex's own OkapiIndex (as before issue 19)."""
    database = make_db(tmp_path, OkapiIndex)
    yield database
    database.close()


def side_by_side(db, *writes) -> list[str]:
    """Run each write in its own connection; all read first, then commit in turn.

    Returns "ok" or "conflict" per write, in order. Both transactions start from
    the same state, as two registrations in two instances at the same moment.
    """
    read = threading.Barrier(len(writes), timeout=30)
    order = [threading.Event() for _ in writes]
    order[0].set()
    outcome: list[str] = [""] * len(writes)

    def run(number, write):
        manager = transaction.TransactionManager()
        conn = db.open(transaction_manager=manager)
        try:
            manager.begin()
            write(conn.root())
            read.wait()
            order[number].wait(30)
            try:
                manager.commit()
                outcome[number] = "ok"
            except ConflictError:
                manager.abort()
                outcome[number] = "conflict"
        finally:
            conn.close()
            if number + 1 < len(order):
                order[number + 1].set()

    threads = [threading.Thread(target=run, args=(n, w)) for n, w in enumerate(writes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome


def register(docid: int, text: str):
    def write(root):
        root["index"].index_doc(docid, text)
        root["desk"][f"inquiry-{docid}"] = text
        root["pending"].add(f"mail-{docid}")
        root["count"].change(1)

    return write


class TestMerged:
    def test_new_words_on_both_sides(self, db):
        # Each registration brings words the lexicon has never seen: the word ids
        # are drawn at random per connection, so they do not collide.
        outcome = side_by_side(
            db,
            register(500_001, f"{SEEN} Kvernhusbakken Haraldsen"),
            register(900_007, f"{SEEN} Brugata Olsrud"),
        )
        assert outcome == ["ok", "ok"]
        with db.transaction() as conn:
            lexicon = conn.root()["lexicon"]
            for word in ("kvernhusbakken", "brugata"):
                assert lexicon.termToWordIds(word) != [0]
            assert conn.root()["count"]() == 2
            assert len(conn.root()["pending"]) == 3

    def test_known_words_only(self, db):
        outcome = side_by_side(db, register(500_001, SEEN), register(900_007, SEEN))
        assert outcome == ["ok", "ok"]


class TestStillConflicting:
    def test_the_same_new_word_on_both_sides(self, db):
        # Both insert the same key into the lexicon's word tree: not mergeable.
        # Rare in practice (the same unseen word at the same moment); the
        # registration's own retry takes it.
        outcome = side_by_side(
            db,
            register(500_001, f"{SEEN} Kvernhusbakken"),
            register(900_007, f"{SEEN} Kvernhusbakken"),
        )
        assert outcome == ["ok", "conflict"]


class TestStockOkapiIndex:
    """Why the index was replaced: ZCTextIndex's own index conflicts here."""

    def test_known_words_conflict(self, stock_db):
        # Its postings of rare words are dicts in _wordinfo's buckets, which
        # conflict resolution cannot compare; and it writes every bucket of
        # every word it indexes.
        outcome = side_by_side(
            stock_db, register(500_001, SEEN), register(900_007, SEEN)
        )
        assert outcome == ["ok", "conflict"]

    def test_converted_it_merges(self, stock_db):
        with stock_db.transaction() as conn:

            class Holder:
                index = conn.root()["index"]
                _index_factory = OkapiIndex

            holder = Holder()
            assert convert_index(holder) > 0  # the numbers' dict postings
            assert holder._index_factory is ConcurrentOkapiIndex
        with stock_db.transaction() as conn:
            index = conn.root()["index"]
            assert type(index) is ConcurrentOkapiIndex
            assert not any(isinstance(p, dict) for p in index._wordinfo.values())
        outcome = side_by_side(
            stock_db,
            register(500_001, f"{SEEN} Kvernhusbakken"),
            register(900_007, f"{SEEN} Brugata"),
        )
        assert outcome == ["ok", "ok"]


class TestSearchUnchanged:
    def test_same_ranking_as_the_stock_index(self, tmp_path):
        texts = {
            docid * 7: f"{SEEN} {extra}"
            for docid, extra in enumerate(
                ["garasje garasje", "Brugata", "tak", "garasje tak", "vei"] * 4
            )
        }
        results = []
        for index_class in (OkapiIndex, ConcurrentOkapiIndex):
            index = index_class(Lexicon(NorwegianSplitter()))
            for docid, text in texts.items():
                index.index_doc(docid, text)
            index.unindex_doc(7)
            index.index_doc(14, "tak vei")  # a re-index
            results.append(
                [dict(index.search(word)) for word in ("garasje", "tak", "brugata")]
            )
        assert results[0] == results[1]
        assert results[0][1]  # found something
