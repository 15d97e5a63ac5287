"""@@followup-code: staff issue and revoke a citizen's code in the classic UI."""

from collective.servicedesk.citizen import codes
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.protect.authenticator import createToken
from tests.services.helpers import make_inquiry
import re
import transaction


def test_issue_and_revoke(request_factory, public_desk, functional_portal):
    inquiry = make_inquiry(public_desk)
    transaction.commit()
    session = request_factory(api=False, role="Manager")
    session.headers["Accept"] = "text/html"
    page = f"/{public_desk.getId()}/{inquiry.getId()}/@@followup-code"
    html = session.get(page).text
    assert "This inquiry has no follow-up code." in html
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', html)
    token = token.group(1) if token else createToken()
    response = session.post(
        page, data={"_authenticator": token, "form.buttons.issue": "1"}
    )
    code = re.search(r'servicedesk-followup-code">([^<]+)<', response.text).group(1)
    transaction.begin()
    assert codes.resolve(code) == inquiry.UID()
    session.post(page, data={"_authenticator": token, "form.buttons.revoke": "1"})
    transaction.begin()
    assert codes.resolve(code) is None


def test_anonymous_denied(request_factory, public_desk):
    inquiry = make_inquiry(public_desk)
    transaction.commit()
    session = request_factory(api=False)
    response = session.get(
        f"/{public_desk.getId()}/{inquiry.getId()}/@@followup-code",
        allow_redirects=False,
    )
    # The inquiry guard answers anonymous users as for a missing inquiry (no
    # existence oracle, issue 12).
    assert response.status_code == 404


def test_post_without_token_refused(request_factory, public_desk):
    inquiry = make_inquiry(public_desk)
    transaction.commit()
    session = request_factory(
        api=False, basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    )
    response = session.post(
        f"/{public_desk.getId()}/{inquiry.getId()}/@@followup-code",
        data={"form.buttons.issue": "1"},
    )
    assert response.status_code == 403
    transaction.begin()
    assert codes.status(inquiry) is None
