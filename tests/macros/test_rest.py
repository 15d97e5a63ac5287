"""@servicedesk-macros over REST: search (staff), filled on an inquiry, writes."""

from collective.servicedesk.macros.storage import get_macro
from collective.servicedesk.macros.storage import save_macro
from collective.servicedesk.macros.storage import search_macros
from datetime import UTC
from datetime import datetime
from plone import api
from tests.services.examples import write_example
from tests.services.helpers import make_desk
from tests.services.helpers import make_inquiry
import pytest
import transaction

PASSWORD = "secret-pass-123"
USERS = {
    "lead-x": ("Liv Leder", "Service Desk Lead"),
    "agent-x": ("Kari Nordmann", "Service Desk Agent"),
    "member-x": ("Mona Medlem", None),
}


@pytest.fixture
def site(functional_portal):
    """A desk, an inquiry due in winter, two macros and the users."""
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
        api.portal.set_registry_record("plone.default_language", "nb")
        for user_id, (fullname, role) in USERS.items():
            api.user.create(
                email=f"{user_id}@example.no",
                username=user_id,
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            if role:
                api.user.grant_roles(username=user_id, roles=[role])
        desk = make_desk(functional_portal)
        inquiry = make_inquiry(desk, requester_name="Åse Nordmann")
        inquiry.due_date = datetime(2026, 12, 10, 13, 58, tzinfo=UTC)
        save_macro("Mottatt", "Hei {name}! Saken {reference_number} er mottatt.")
        save_macro("Frist", "Du får svar innen {due_date}. Hilsen {handler_name}")
    transaction.commit()
    return functional_portal, desk, inquiry


@pytest.fixture
def session(request_factory):
    def make(user: str | None):
        if user is None:
            return request_factory()
        return request_factory(basic_auth=(user, PASSWORD))

    return make


def stable(response) -> dict:
    """Macro ids are random: the examples show fixed ones, so they only change
    when the API does."""
    data = response.json()
    items = data.get("items", [data])
    return {
        f'"{item["id"]}"': f'"{number:012x}"'
        for number, item in enumerate(items, start=1)
    }


def url(obj, portal) -> str:
    path = "/".join(obj.getPhysicalPath()[len(portal.getPhysicalPath()) :])
    return f"/{path}/@servicedesk-macros" if path else "/@servicedesk-macros"


class TestSearch:
    def test_staff_search_on_the_desk(self, site, session):
        portal, desk, _inquiry = site
        response = session("agent-x").get(url(desk, portal), params={"q": "frist"})
        assert response.status_code == 200, response.text
        assert [item["title"] for item in response.json()["items"]] == ["Frist"]
        assert "filled" not in response.json()["items"][0]
        write_example(
            "macros-get", response, portal.absolute_url(), replace=stable(response)
        )

    def test_filled_on_the_inquiry(self, site, session):
        portal, _desk, inquiry = site
        response = session("agent-x").get(url(inquiry, portal))
        assert response.status_code == 200, response.text
        items = {item["title"]: item for item in response.json()["items"]}
        assert items["Frist"]["filled"] == (
            "Du får svar innen 10.12.2026 kl. 14:58. Hilsen Kari Nordmann"
        )
        assert items["Mottatt"]["filled"] == (
            f"Hei Åse Nordmann! Saken {inquiry.reference_number} er mottatt."
        )
        assert items["Mottatt"]["unfilled"] == []
        write_example(
            "macros-get-inquiry",
            response,
            portal.absolute_url(),
            replace=stable(response),
        )

    @pytest.mark.parametrize("user", [None, "member-x"])
    def test_not_staff(self, site, session, user):
        portal, desk, inquiry = site
        for obj in (desk, inquiry):
            response = session(user).get(url(obj, portal))
            # Anonymous visitors are not told the desk exists (404).
            assert response.status_code in (401, 403, 404)
            assert "Mottatt" not in response.text

    def test_agent_cannot_list_on_the_site(self, site, session):
        portal, _desk, _inquiry = site
        response = session("agent-x").get(url(portal, portal))
        assert response.status_code in (401, 403)

    def test_query_too_long(self, site, session):
        portal, desk, _inquiry = site
        response = session("agent-x").get(url(desk, portal), params={"q": "x" * 101})
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "q"


class TestWrite:
    def test_lead_adds_edits_deletes(self, site, session):
        portal, _desk, _inquiry = site
        lead = session("lead-x")
        body = {"title": "Purring", "text": "Vi mangler tegninger, {name}."}
        response = lead.post(url(portal, portal), json=body)
        assert response.status_code == 201, response.text
        macro_id = response.json()["id"]
        write_example(
            "macros-post",
            response,
            portal.absolute_url(),
            body=body,
            replace=stable(response),
        )
        response = lead.patch(
            f"{url(portal, portal)}/{macro_id}", json={"text": "Ny tekst"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["title"] == "Purring"
        transaction.begin()
        assert get_macro(macro_id)["text"] == "Ny tekst"
        response = lead.delete(f"{url(portal, portal)}/{macro_id}")
        assert response.status_code == 204
        transaction.begin()
        assert get_macro(macro_id) is None
        response = lead.delete(f"{url(portal, portal)}/{macro_id}")
        assert response.status_code == 404
        assert response.json()["error"]["type"] == "NotFound"

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"title": "", "text": "x"}, "title"),
            ({"title": "T", "text": "x" * 5001}, "text"),
            ({"title": "T" * 121, "text": "x"}, "title"),
        ],
    )
    def test_invalid(self, site, session, body, field):
        portal, _desk, _inquiry = site
        response = session("lead-x").post(url(portal, portal), json=body)
        assert response.status_code == 400
        assert response.json()["error"]["field"] == field
        transaction.begin()
        assert len(search_macros("")) == 2

    def test_foreign_origin_refused(self, site, session):
        portal, _desk, _inquiry = site
        response = session("lead-x").post(
            url(portal, portal),
            json={"title": "T", "text": "x"},
            headers={"Origin": "https://evil.example"},
        )
        assert response.status_code == 403
        transaction.begin()
        assert len(search_macros("")) == 2

    def test_form_body_refused(self, site, session):
        portal, _desk, _inquiry = site
        response = session("lead-x").post(
            url(portal, portal), data={"title": "T", "text": "x"}
        )
        assert response.status_code == 415

    @pytest.mark.parametrize("user", [None, "agent-x", "member-x"])
    def test_others_may_not_write(self, site, session, user):
        portal, _desk, _inquiry = site
        [macro] = search_macros("Frist")
        client = session(user)
        responses = [
            client.post(url(portal, portal), json={"title": "T", "text": "x"}),
            client.patch(f"{url(portal, portal)}/{macro['id']}", json={"text": "x"}),
            client.delete(f"{url(portal, portal)}/{macro['id']}"),
        ]
        assert [r.status_code in (401, 403) for r in responses] == [True] * 3
        transaction.begin()
        assert get_macro(macro["id"])["text"].startswith("Du får svar")
        assert len(search_macros("")) == 2
