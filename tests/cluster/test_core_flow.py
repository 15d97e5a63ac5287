"""The add-on's core flow against RelStorage on PostgreSQL and against ZEO: register,
route, answer, search, statistics — real instance, real database, HTTP only."""

from tests.cluster.harness import Instance
from tests.cluster.harness import ZEOServer
from tests.cluster.harness import create_database
from tests.cluster.harness import drop_database
from tests.cluster.harness import postgres_available
import os
import pytest
import requests
import uuid

pytestmark = pytest.mark.cluster

DEMO_PASSWORD = "demo-servicedesk"


@pytest.fixture(params=["relstorage", "zeo"])
def demo_instance(request, tmp_path):
    """An instance on RelStorage or on a ZEO server, with the demo municipality."""
    name = f"servicedesk_flow_{os.getpid()}"
    zeo = None
    if request.param == "relstorage":
        if not postgres_available():
            if os.environ.get("CI") == "true":
                pytest.fail("PostgreSQL is not reachable on 127.0.0.1:5432")
            pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
        inst = Instance(tmp_path, "relstorage", create_database(name))
    else:
        zeo = ZEOServer(tmp_path / "zeo")
        zeo.start()
        inst = Instance(tmp_path, "zeo", env={"SERVICEDESK_ZEO_ADDRESS": zeo.address})
    inst.env["SERVICEDESK_DEMO"] = "1"
    try:
        inst.create_site()
        inst.start()
        yield inst
    finally:
        inst.stop()
        if zeo is not None:
            zeo.stop()
        else:
            drop_database(name)


def as_user(user: str) -> requests.Session:
    session = requests.Session()
    session.auth = (user, DEMO_PASSWORD)
    session.headers.update({"Accept": "application/json"})
    return session


def test_register_route_answer_search_statistics(demo_instance):
    site = demo_instance.url
    agent = as_user("agent")
    categories = agent.get(
        f"{site}/@vocabularies/collective.servicedesk.Categories?b_size=200"
    ).json()["items"]
    assert categories
    marker = f"klynge{uuid.uuid4().hex[:8]}"

    # Register: the agent gives channel, summary and category; routing decides.
    response = agent.post(
        f"{site}/service-desk/@servicedesk-register",
        json={
            "channel": "phone",
            "title": f"Spørsmål om byggesøknad {marker}",
            "category": categories[0]["token"],
        },
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["reference_number"]
    assert created["responsible_handler"] or created["responsible_unit"]
    url = created["@id"]

    # Answer and close as the lead.
    lead = as_user("lead")
    assert lead.patch(url, json={"answer": f"Svar {marker}"}).status_code == 204
    for transition in ("answer", "close"):
        state = lead.get(url).json()["review_state"]
        if transition == "answer" and state == "registered":
            lead.post(f"{url}/@workflow/assign")
        response = lead.post(f"{url}/@workflow/{transition}")
        assert response.status_code == 200, (transition, response.text)
    assert lead.get(url).json()["review_state"] == "closed"

    # Search finds it for staff, by a word from the answer.
    found = agent.get(
        f"{site}/@search", params={"SearchableText": marker, "portal_type": "Inquiry"}
    ).json()
    assert [item["@id"] for item in found["items"]] == [url]
    # Anonymous finds nothing.
    anon = requests.get(
        f"{site}/@search",
        params={"SearchableText": marker},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    assert anon["items_total"] == 0

    # Statistics count it.
    stats = lead.get(f"{site}/@servicedesk-statistics")
    assert stats.status_code == 200, stats.text
    assert stats.json()["total"] >= 1
