"""The warm-up's tree walk follows BTrees' classes and the lean subclasses."""

from BTrees.IOBTree import IOBTree
from collective.servicedesk.search.leaves import LeanIOBTree
from collective.servicedesk.warmup.run import load_tree
import pytest
import transaction
import ZODB


def _buckets(tree) -> int:
    count, bucket = 0, tree._firstbucket
    while bucket is not None:
        count += 1
        bucket = bucket._next
    return count


@pytest.mark.parametrize("kind", [IOBTree, LeanIOBTree])
def test_load_tree_reaches_every_bucket(kind):
    db = ZODB.DB(None)  # a MappingStorage: real persistence, in memory
    try:
        connection = db.open()
        tree = kind()
        for key in range(5000):
            tree[key] = f"record {key}"
        connection.root()["tree"] = tree
        transaction.commit()
        buckets = _buckets(tree)
        connection.close()

        connection = db.open()
        connection.cacheMinimize()
        tree = connection.root()["tree"]
        loaded = load_tree(tree)
        # Every bucket plus the inner nodes above them (at least the root).
        assert loaded > buckets
        connection.close()
    finally:
        transaction.abort()
        db.close()
