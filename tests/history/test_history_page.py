"""``@@history`` on an inquiry shows its history (it raised AttributeError)."""

from plone import api
import pytest
import transaction


@pytest.fixture
def inquiry(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        desk = api.content.create(
            container=functional_portal, type="ServiceDesk", id="desk", title="Desk"
        )
        obj = api.content.create(container=desk, type="Inquiry", title="Fence")
        api.content.transition(obj, transition="start")
    transaction.commit()
    return obj


@pytest.fixture
def page(manager_request):
    manager_request.headers["Accept"] = "text/html"
    return manager_request


def test_inquiry_history_page(page, inquiry):
    response = page.get(f"/desk/{inquiry.getId()}/@@history")
    assert response.status_code == 200, response.text[:500]
    assert 'id="servicedesk-history"' in response.text
    assert "Start work" in response.text or "Start arbeid" in response.text


def test_unversioned_content_is_not_found(page, inquiry):
    assert page.get("/desk/@@history").status_code == 404


def test_versioned_content_keeps_the_diff(page, functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=functional_portal, type="Document", id="doc")
    transaction.commit()
    assert page.get("/doc/@@history").status_code == 200


def test_anonymous_gets_404(anon_request, inquiry):
    anon_request.headers["Accept"] = "text/html"
    assert anon_request.get(f"/desk/{inquiry.getId()}/@@history").status_code == 404
