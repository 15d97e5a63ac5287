"""@followup-code on an inquiry: staff issue, inspect and revoke codes."""

from collective.servicedesk.citizen import codes
from tests.services.examples import write_example
from tests.services.helpers import make_inquiry
import pytest
import transaction


@pytest.fixture
def inquiry(public_desk):
    obj = make_inquiry(public_desk)
    transaction.commit()
    return obj


def path(inquiry) -> str:
    return f"/{inquiry.aq_parent.getId()}/{inquiry.getId()}/@followup-code"


class TestFollowupCode:
    def test_issue_status_revoke(self, manager_request, inquiry, functional_portal):
        url = functional_portal.absolute_url()
        assert manager_request.get(path(inquiry)).json()["active"] is False
        response = manager_request.post(path(inquiry), json={"days": 30})
        assert response.status_code == 201
        code = response.json()["followup_code"]
        transaction.begin()
        assert codes.resolve(code) == inquiry.UID()
        write_example(
            "followup-code-post",
            response,
            url,
            body={"days": 30},
            replace={code: "k3J9xQ2mVb7LwP0a", inquiry.getId(): "2026-000123"},
        )
        status = manager_request.get(path(inquiry))
        assert status.json()["active"] is True
        assert code not in status.text
        write_example(
            "followup-code-get", status, url, replace={inquiry.getId(): "2026-000123"}
        )
        assert manager_request.delete(path(inquiry)).status_code == 204
        transaction.begin()
        assert codes.resolve(code) is None
        assert manager_request.delete(path(inquiry)).status_code == 404

    @pytest.mark.parametrize("days", [-1, 4000, "ten", True])
    def test_bad_days(self, manager_request, inquiry, days):
        response = manager_request.post(path(inquiry), json={"days": days})
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "days"

    @pytest.mark.parametrize("method", ["get", "post", "delete"])
    def test_anonymous_denied(self, anon_request, inquiry, method):
        response = getattr(anon_request, method)(path(inquiry))
        assert response.status_code == 404  # as for a missing inquiry
        assert "traceback" not in response.json()

    def test_member_denied(self, member_request, inquiry):
        assert member_request.post(path(inquiry)).status_code == 404
