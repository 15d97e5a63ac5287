"""Concurrent registrations through the running site (REST, several workers)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import re
import threading
import transaction

REGISTRATIONS = 12


def test_concurrent_rest_registrations_get_unique_numbers(
    functional_portal, request_factory
):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=functional_portal, type="ServiceDesk", id="desk", title="Desk"
        )
    transaction.commit()

    sessions = [
        request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        for _ in range(REGISTRATIONS)
    ]
    barrier = threading.Barrier(REGISTRATIONS)
    responses = [None] * REGISTRATIONS

    def register(index: int) -> None:
        barrier.wait()
        responses[index] = sessions[index].post(
            "/desk",
            json={"@type": "Inquiry", "title": f"Call {index}", "channel": "phone"},
            timeout=120,
        )

    threads = [
        threading.Thread(target=register, args=(index,))
        for index in range(REGISTRATIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert [r.status_code for r in responses] == [201] * REGISTRATIONS, [
        r.text for r in responses if r.status_code != 201
    ]
    numbers = [response.json()["reference_number"] for response in responses]
    assert all(re.match(r"^\d{4}-\d{6}$", number) for number in numbers)
    assert len(set(numbers)) == REGISTRATIONS
    # Ids are the reference numbers, and the catalog knows every inquiry.
    assert {response.json()["id"] for response in responses} == set(numbers)
    transaction.begin()
    indexed = {
        brain.reference_number
        for brain in api.content.find(
            context=functional_portal["desk"], portal_type="Inquiry"
        )
    }
    assert indexed == set(numbers)
