"""Edits through the REST API are recorded (field names only)."""

from collective.servicedesk.history import entries
from plone import api
from plone.app.testing import SITE_OWNER_NAME
import transaction


def test_patch_records_changed_fields(functional_portal, manager_request):
    with api.env.adopt_roles(["Manager"]):
        desk = api.content.create(
            container=functional_portal, type="ServiceDesk", id="desk", title="Desk"
        )
        inquiry = api.content.create(container=desk, type="Inquiry", title="Fence")
    transaction.commit()
    response = manager_request.patch(
        f"/desk/{inquiry.getId()}",
        json={"requester_name": "Anne Hansen", "answer": "No permit needed"},
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    entry = entries(functional_portal["desk"][inquiry.getId()])[-1]
    assert entry["action"] == "edited"
    assert entry["who"] == SITE_OWNER_NAME
    assert entry["changes"] == {"fields": ["answer", "requester_name"]}
    assert "Anne Hansen" not in repr(
        entries(functional_portal["desk"][inquiry.getId()])
    )


def test_reference_number_is_read_only_in_rest(functional_portal, manager_request):
    with api.env.adopt_roles(["Manager"]):
        desk = api.content.create(
            container=functional_portal, type="ServiceDesk", id="desk", title="Desk"
        )
        inquiry = api.content.create(container=desk, type="Inquiry", title="Fence")
    number = inquiry.reference_number
    transaction.commit()
    response = manager_request.patch(
        f"/desk/{inquiry.getId()}", json={"reference_number": "1999-000001"}
    )
    assert response.status_code in (204, 400)
    transaction.begin()
    assert functional_portal["desk"][inquiry.getId()].reference_number == number
