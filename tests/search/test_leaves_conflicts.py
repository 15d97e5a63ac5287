"""Two inserts at once into one small bucket of a lean tree merge (issue 19).

Real ZODB connections on a FileStorage (which resolves conflicts as RelStorage
does): the lean trees keep BTrees' own buckets, so two transactions adding
different keys to the same bucket both commit, as with the stock trees.
"""

from BTrees.IOBTree import IOBTree
from collective.servicedesk.search.leaves import LeanIOBTree
from collective.servicedesk.search.leaves import LeanOIBTree
from collective.servicedesk.search.leaves import packed
from ZODB.FileStorage import FileStorage
import pytest
import transaction
import ZODB


@pytest.fixture
def db(tmp_path):
    database = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    with database.transaction() as conn:
        # Keys 0, 10, 20, …: a bucket of the packed tree has room for none.
        conn.root()["data"] = packed(
            IOBTree({k * 10: ("record", k) for k in range(64)})
        )
        tree = LeanOIBTree()
        for number in range(12):  # one bucket, room for four more
            tree[f"/plone/desk/{number * 10:04d}"] = number
        conn.root()["uids"] = tree
    yield database
    database.close()


def both(db, name: str, first, second) -> dict:
    """Write ``first`` and ``second`` from two connections that read the same state."""
    managers = [transaction.TransactionManager() for _ in range(2)]
    conns = [db.open(transaction_manager=m) for m in managers]
    try:
        trees = [conn.root()[name] for conn in conns]
        for tree, (key, value) in zip(trees, (first, second), strict=True):
            tree[key] = value
        for manager in managers:
            manager.commit()
    finally:
        for conn in conns:
            conn.close()
    with db.transaction() as conn:
        tree = conn.root()[name]
        tree._check()
        return dict(tree.items())


def bucket_of(tree, key):
    bucket = tree._firstbucket
    while bucket is not None and bucket.maxKey() < key:
        bucket = bucket._next
    return bucket


def test_two_inserts_into_one_small_bucket_merge(db):
    with db.transaction() as conn:
        tree = conn.root()["uids"]
        assert len(tree) == 12 < LeanOIBTree.max_leaf_size
        assert len(tree.__getstate__()) == 1  # one bucket, inline in the tree

    merged = both(db, "uids", ("/plone/desk/0051", 51), ("/plone/desk/0052", 52))

    assert merged["/plone/desk/0051"] == 51
    assert merged["/plone/desk/0052"] == 52
    assert len(merged) == 14


def test_two_inserts_into_one_bucket_of_a_larger_tree_merge(db):
    with db.transaction() as conn:
        tree = conn.root()["data"]
        first = bucket_of(tree, 200)
        # Make room: a bucket with space for two more, so that neither insert splits it.
        for key in list(first.keys())[: LeanIOBTree.max_leaf_size // 2]:
            if key != 200:
                del tree[key]
        assert type(tree) is LeanIOBTree
        assert bucket_of(tree, 201) is bucket_of(tree, 202)
        assert len(bucket_of(tree, 201)) < LeanIOBTree.max_leaf_size - 1
        entries = len(tree)

    merged = both(db, "data", (201, ("new", 1)), (202, ("new", 2)))

    assert merged[201] == ("new", 1)
    assert merged[202] == ("new", 2)
    assert len(merged) == entries + 2
