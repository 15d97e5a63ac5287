"""REST: request filing, read its state, the overview; security and errors."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.records.helpers import filable
from tests.replies.helpers import PASSWORD
from tests.replies.helpers import add_user
from tests.replies.helpers import make_desk
from tests.services.examples import write_example
import pytest
import transaction


@pytest.fixture
def site(functional_portal, tmp_path, xsd_folder):
    from tests.records.fixtures import configure

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    desk = make_desk(functional_portal)
    closed = filable(desk, title="Garasje", id="2026-000123")
    open_one = api.content.create(
        container=desk, type="Inquiry", title="Åpen", archive_worthy=True
    )
    plain = filable(desk, title="Ikke arkivverdig")
    plain.archive_worthy = False
    add_user("agent", ["Service Desk Agent"])
    add_user("lead", ["Service Desk Lead"])
    add_user("member", ["Member"])
    # Transport off: the request is recorded, nothing is sent in these tests.
    configure(transport="none", spool_folder=str(tmp_path / "spool"))
    transaction.commit()
    return {"closed": closed, "open": open_one, "plain": plain}


def path(obj) -> str:
    return "/" + "/".join(obj.getPhysicalPath()[2:])


def client(request_factory, user):
    return request_factory(basic_auth=(user, PASSWORD))


class TestFilingService:
    def test_agent_requests_filing(self, site, request_factory):
        agent = client(request_factory, "agent")
        url = f"{path(site['closed'])}/@servicedesk-records"
        response = agent.post(url, json={"action": "request"})
        assert response.status_code == 202, response.text
        body = response.json()
        assert body["status"] == "pending"
        assert [j["kind"] for j in body["journalposts"]] == ["I"]
        portal_url = site["closed"].aq_parent.aq_parent.absolute_url()
        write_example("records-post", response, portal_url, {"action": "request"})
        again = agent.get(url)
        assert again.json()["status"] == "pending"
        write_example("records-get", again, portal_url)
        assert agent.post(url, json={"action": "request"}).status_code == 409

    def test_only_closed_inquiries(self, site, request_factory):
        agent = client(request_factory, "agent")
        response = agent.post(
            f"{path(site['open'])}/@servicedesk-records", json={"action": "request"}
        )
        assert response.status_code == 403
        assert response.json()["error"]["type"] == "Forbidden"

    def test_not_archive_worthy(self, site, request_factory):
        agent = client(request_factory, "agent")
        response = agent.post(
            f"{path(site['plain'])}/@servicedesk-records", json={"action": "request"}
        )
        assert response.status_code == 409
        assert response.json()["error"]["field"] == "archive_worthy"

    def test_member_cannot(self, site, request_factory):
        member = client(request_factory, "member")
        response = member.post(
            f"{path(site['closed'])}/@servicedesk-records", json={"action": "request"}
        )
        assert response.status_code in (401, 403, 404)

    def test_foreign_origin_refused(self, site, request_factory):
        agent = client(request_factory, "agent")
        response = agent.post(
            f"{path(site['closed'])}/@servicedesk-records",
            json={"action": "request"},
            headers={"Origin": "https://evil.example"},
        )
        assert response.status_code == 403

    def test_unknown_action(self, site, request_factory):
        agent = client(request_factory, "agent")
        response = agent.post(
            f"{path(site['closed'])}/@servicedesk-records", json={"action": "burn"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "action"

    def test_overview_counts(self, site, request_factory):
        agent = client(request_factory, "agent")
        agent.post(
            f"{path(site['closed'])}/@servicedesk-records", json={"action": "request"}
        )
        lead = client(request_factory, "lead")
        response = lead.get("/@servicedesk-records")
        assert response.status_code == 200
        portal_url = site["closed"].aq_parent.aq_parent.absolute_url()
        write_example(
            "records-overview-get",
            response,
            portal_url,
        )
        body = response.json()
        assert body["counts"] == {"pending": 1, "filed": 0, "rejected": 0}
        assert [row["title"] for row in body["pending"]] == ["Garasje"]
        assert client(request_factory, "member").get(
            "/@servicedesk-records"
        ).status_code in (401, 403)
