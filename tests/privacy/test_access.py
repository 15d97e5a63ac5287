"""Reads of confidential inquiries are logged to a file; a GET writes nothing."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import PASSWORD
from tests.replies.helpers import add_user
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry
import json
import pytest
import transaction


@pytest.fixture
def site(functional_portal, tmp_path, monkeypatch):
    log_file = tmp_path / "audit" / "access.log"
    monkeypatch.setenv("SERVICEDESK_ACCESS_LOG", str(log_file))
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    add_user("lead", ["Service Desk Lead"])
    add_user("agent", ["Service Desk Agent"])
    desk = make_desk(functional_portal)
    secret = make_inquiry(desk, confidential=True, title="Barnevern")
    public = make_inquiry(desk, title="Søppeltømming")
    transaction.commit()
    return {
        "portal": functional_portal,
        "secret": secret,
        "public": public,
        "log": log_file,
    }


def lines(path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line]


def session(request_factory, user, api=False):
    return request_factory(basic_auth=(user, PASSWORD), api=api)


class TestAccessLog:
    def test_reading_a_confidential_inquiry_is_logged(self, site, request_factory):
        secret = site["secret"]
        response = session(request_factory, "lead").get(secret.absolute_url())
        assert response.status_code == 200
        (entry,) = lines(site["log"])
        assert entry["user"] == "lead"
        assert entry["reference"] == secret.reference_number
        assert entry["uid"] == secret.UID()
        assert entry["method"] == "GET"
        assert entry["time"]

    def test_rest_api_read_is_logged(self, site, request_factory):
        secret = site["secret"]
        path = "/".join(secret.getPhysicalPath()[2:])
        response = session(request_factory, "lead", api=True).get(path)
        assert response.status_code == 200
        assert [e["reference"] for e in lines(site["log"])] == [secret.reference_number]

    def test_ordinary_inquiry_not_logged(self, site, request_factory):
        response = session(request_factory, "lead").get(site["public"].absolute_url())
        assert response.status_code == 200
        assert lines(site["log"]) == []

    def test_refused_read_not_logged_as_read(self, site, request_factory):
        response = session(request_factory, "agent").get(
            site["secret"].absolute_url(), allow_redirects=False
        )
        assert response.status_code != 200
        assert lines(site["log"]) == []

    def test_get_writes_nothing_to_the_zodb(self, site, request_factory):
        db = site["portal"]._p_jar.db()
        before = db.lastTransaction()
        for _ in range(3):
            assert (
                session(request_factory, "lead")
                .get(site["secret"].absolute_url())
                .status_code
                == 200
            )
        assert db.lastTransaction() == before
        assert len(lines(site["log"])) == 3

    def test_leads_read_the_log(self, site, request_factory):
        secret = site["secret"]
        lead = session(request_factory, "lead")
        lead.get(secret.absolute_url())
        portal_url = site["portal"].absolute_url()
        page = lead.get(f"{portal_url}/@@servicedesk-access-log")
        assert page.status_code == 200
        assert secret.reference_number in page.text
        filtered = lead.get(
            f"{portal_url}/@@servicedesk-access-log", params={"reference": "nope"}
        )
        assert secret.reference_number not in filtered.text.split("</form>")[-1]
