"""The one helper for storage kept in annotations."""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.annotations import stored
from persistent.list import PersistentList
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


class TestStored:
    def test_on_content(self, portal):
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(portal, "Folder", id="annotated")
        assert stored(folder, KEY, PersistentList) is None
        assert KEY not in IAnnotations(folder)
        items = stored(folder, KEY, PersistentList, create=True)
        items.append("x")
        assert list(stored(folder, KEY)) == ["x"]
        # The site's storage is a different one.
        assert portal_storage(KEY) is None
