"""Confidential inquiries are never promoted to knowledge (issue 12)."""

from collective.servicedesk.knowledge.browser.viewlets import PromoteViewlet
from collective.servicedesk.knowledge.promote import PromoteError
from collective.servicedesk.knowledge.promote import promote_inquiry
from plone import api
from tests.knowledge.helpers import make_inquiry
from tests.knowledge.helpers import make_kb
import pytest
import transaction


def test_refused_with_a_message(portal, kb):
    inquiry = make_inquiry(portal, state="closed", confidential=True)
    with pytest.raises(PromoteError) as raised:
        with api.env.adopt_roles(["Manager"]):
            promote_inquiry(inquiry, kind="faq")
    assert raised.value.message == "error_promote_confidential"
    assert not api.content.find(portal_type="FAQEntry")


def test_no_button(portal, kb, http_request):
    inquiry = make_inquiry(portal, state="closed", confidential=True)
    assert not PromoteViewlet(inquiry, http_request, None, None).available()
    inquiry.confidential = False
    assert PromoteViewlet(inquiry, http_request, None, None).available()


def test_rest_answers_409_with_translated_message(functional_portal, request_factory):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    make_kb(functional_portal)
    inquiry = make_inquiry(functional_portal, state="closed", confidential=True)
    transaction.commit()
    session = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    session.headers["Accept-Language"] = "nb"
    path = inquiry.absolute_url().replace(functional_portal.absolute_url(), "")
    response = session.post(f"{path}/@servicedesk-promote", json={"kind": "faq"})
    assert response.status_code == 409, response.text
    error = response.json()["error"]
    assert error["type"] == "Conflict"
    assert error["message"] != "error_promote_confidential"
    assert "onfidensiell" in error["message"] or "onfidential" in error["message"]
    transaction.begin()
    assert not api.content.find(portal_type="FAQEntry")
