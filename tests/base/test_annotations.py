"""The one helper for storage kept in annotations."""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from collective.servicedesk.annotations import object_storage
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.annotations import with_parts
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

KEY = "collective.servicedesk.tests.annotations"


class TestPortalStorage:
    def test_a_read_does_not_write(self, portal):
        assert portal_storage(KEY) is None
        assert KEY not in IAnnotations(portal)

    def test_create_makes_an_oobtree_once(self, portal):
        tree = portal_storage(KEY, create=True)
        assert isinstance(tree, OOBTree)
        tree["a"] = 1
        assert portal_storage(KEY) is tree
        assert portal_storage(KEY, create=True) is tree
        assert IAnnotations(portal)[KEY]["a"] == 1

    def test_factory_and_explicit_portal(self, portal):
        counter = portal_storage(KEY, Length, create=True, portal=portal)
        assert isinstance(counter, Length)
        counter.change(2)
        assert portal_storage(KEY, Length)() == 2


class TestObjectStorage:
    def test_on_content(self, portal):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(portal, "Folder", id="annotated")
        assert object_storage(folder, KEY, PersistentList) is None
        assert KEY not in IAnnotations(folder)
        items = object_storage(folder, KEY, PersistentList, create=True)
        items.append("x")
        assert list(object_storage(folder, KEY)) == ["x"]
        # The site's storage is a different one.
        assert portal_storage(KEY) is None


class TestWithParts:
    def test_each_container_gets_fresh_parts(self, portal):
        make = with_parts(PersistentMapping, items=OOBTree, pending=OOTreeSet)
        first, second = make(), make()
        assert isinstance(first, PersistentMapping)
        assert isinstance(first["items"], OOBTree)
        assert isinstance(first["pending"], OOTreeSet)
        assert first["items"] is not second["items"]
        root = portal_storage(KEY, make, create=True)
        assert set(root) == {"items", "pending"}
