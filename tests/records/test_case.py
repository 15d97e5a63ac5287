"""The reverse: the case number is indexed; listing, page and REST list a case."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.queues import queries
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import setRoles
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from tests.replies.helpers import add_user
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry
from tests.services.examples import write_example
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
import pytest
import transaction


@pytest.fixture
def cases(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    desk = make_desk(portal)
    made = {
        "first": make_inquiry(desk, title="Garasje", case_number="2026/118"),
        "second": make_inquiry(desk, title="Carport", case_number=" 2026 / 0118 "),
        "other": make_inquiry(desk, title="Vannlekkasje", case_number="2026/77"),
        "none": make_inquiry(desk, title="Åpningstider"),
    }
    add_user("agent", ["Service Desk Agent"])
    add_user("member", ["Member"])
    return desk, made


def titles(brains) -> set[str]:
    return {brain.Title for brain in brains}


@pytest.fixture
def no_objects(monkeypatch):
    def fail(self, *args, **kwargs):
        raise AssertionError("a listing called getObject()")

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", fail)


class TestIndex:
    def test_case_number_is_indexed_normalised(self, cases):
        brains = api.content.find(portal_type="Inquiry", case_number="2026/118")
        assert titles(brains) == {"Garasje", "Carport"}

    @pytest.mark.parametrize(
        "filters,expected",
        [
            ({"case": "2026/118"}, {"Garasje", "Carport"}),
            ({"case": "2026/0118"}, {"Garasje", "Carport"}),
            ({"text": "2026/77"}, {"Vannlekkasje"}),
            ({"case": "2026/5"}, set()),
        ],
    )
    def test_listing_filters_by_case(self, cases, filters, expected):
        desk, _made = cases
        query = queries.listing_query("/".join(desk.getPhysicalPath()), filters)
        assert titles(queries.search(query)) == expected


class TestCasePage:
    def render(self, portal, request, user, number):
        alsoProvides(request, IServiceDeskLayer)
        login(portal, user)
        request.form.clear()
        request.form["number"] = number
        return getMultiAdapter((portal, request), name="servicedesk-case")()

    def test_agent_sees_every_inquiry_of_the_case(
        self, portal, cases, http_request, no_objects
    ):
        html = self.render(portal, http_request, "agent", "2026/118")
        assert "Garasje" in html and "Carport" in html
        assert "Vannlekkasje" not in html

    def test_permission_filtered(self, portal, cases, http_request, no_objects):
        html = self.render(portal, http_request, "member", "2026/118")
        assert "Garasje" not in html and "Carport" not in html


class TestREST:
    @pytest.fixture
    def site(self, functional_portal):
        setRoles(functional_portal, TEST_USER_ID, ["Manager"])
        desk = make_desk(functional_portal)
        make_inquiry(desk, id="2026-000121", title="Garasje", case_number="2026/118")
        make_inquiry(desk, id="2026-000122", title="Carport", case_number="2026/118")
        make_inquiry(desk, title="Vannlekkasje", case_number="2026/77")
        add_user("agent", ["Service Desk Agent"])
        add_user("member", ["Member"])
        transaction.commit()
        return functional_portal

    def client(self, request_factory, user):
        from tests.replies.helpers import PASSWORD

        return request_factory(basic_auth=(user, PASSWORD))

    def test_case_service(self, site, request_factory):
        response = self.client(request_factory, "agent").get(
            "/@servicedesk-case", params={"number": "2026/118"}
        )
        assert response.status_code == 200
        body = response.json()
        assert body["case_number"] == "2026/118"
        assert {item["title"] for item in body["items"]} == {"Garasje", "Carport"}
        assert body["items_total"] == 2
        write_example("case-get", response, site.absolute_url())

    def test_case_service_is_permission_filtered(self, site, request_factory):
        response = self.client(request_factory, "member").get(
            "/@servicedesk-case", params={"number": "2026/118"}
        )
        assert response.status_code == 200
        assert response.json()["items"] == []

    def test_case_service_needs_a_number(self, site, request_factory):
        response = self.client(request_factory, "agent").get("/@servicedesk-case")
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "number"

    def test_search_filters_by_case_number(self, site, request_factory):
        response = self.client(request_factory, "agent").get(
            "/@search", params={"portal_type": "Inquiry", "case_number": "2026/118"}
        )
        assert response.status_code == 200
        assert {item["title"] for item in response.json()["items"]} == {
            "Garasje",
            "Carport",
        }
