"""One rule for the names of users and groups, looked up once per request."""

from collective.servicedesk.principals import group_title
from collective.servicedesk.principals import principal_title
from collective.servicedesk.principals import user_title
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest
import pytest


@pytest.fixture
def people(portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="kari@demo.no",
            username="kari",
            properties={"fullname": "Kari Nordmann"},
        )
        api.user.create(email="nn@demo.no", username="noname")
        api.group.create(groupname="byggesak", title="Byggesak")
        api.group.create(groupname="untitled")
    return portal


def _forget(request) -> None:
    IAnnotations(request).pop("plone.memoize_request", None)


class TestPrincipalTitle:
    @pytest.mark.parametrize(
        ("value", "title"),
        [
            ("user:kari", "Kari Nordmann"),
            ("group:byggesak", "Byggesak"),
            ("byggesak", "Byggesak"),
            ("user:noname", "noname"),
            ("group:untitled", "untitled"),
            ("user:ghost", "ghost"),
            ("group:ghost", "ghost"),
            ("ghost", "ghost"),
            # The prefix decides: "group:kari" is no group (Plone keeps user
            # and group ids apart), a bare id finds the user.
            ("group:kari", "kari"),
            ("kari", "Kari Nordmann"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_titles(self, people, value, title):
        assert principal_title(value) == title

    def test_user_and_group_title(self, people):
        assert user_title("kari") == "Kari Nordmann"
        assert user_title("byggesak") == "byggesak"
        assert user_title(None) == ""
        assert group_title("byggesak") == "Byggesak"
        assert group_title("noname") == "noname"
        assert group_title("") == ""

    def test_looked_up_once_per_request(self, people):
        request = getRequest()
        assert principal_title("user:kari") == "Kari Nordmann"
        api.user.get(userid="kari").setMemberProperties({"fullname": "Kari N. Berg"})
        # The same request keeps the name it read first ...
        assert principal_title("user:kari") == "Kari Nordmann"
        # ... a new request reads the new one.
        _forget(request)
        assert principal_title("user:kari") == "Kari N. Berg"

    def test_without_a_request(self, people):
        request = getRequest()
        setRequest(None)
        try:
            assert principal_title("group:byggesak") == "Byggesak"
            assert principal_title("kari") == "Kari Nordmann"
        finally:
            setRequest(request)


class TestOlderImports:
    """The modules that had their own rule now give the same answers."""

    def test_same_function(self):
        from collective.servicedesk.controlpanels import checklist
        from collective.servicedesk.notifications import recipients
        from collective.servicedesk.routing import principals

        assert checklist.principal_title is principal_title
        assert recipients.principal_title is principal_title
        assert principals.principal_title is principal_title
        assert recipients.display_name is user_title
