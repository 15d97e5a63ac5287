"""The benchmark's fast seeder (issue 19): seeded inquiries are real inquiries.

bench/seed.py builds inquiries without the registration's events and catalogues
them itself (each value computed once, role mappings copied per state). The
scenarios must not be able to tell them from registered ones: the catalogue
entries are what normal indexing gives, and the queue, search and statistics
find them as they find a registered inquiry. Nothing here is timed.
"""

from bench import seed
from bench import writes
from bench.data import PASSWORD
from bench.data import DataMaker
from datetime import date
from datetime import timedelta
from plone import api
import pytest
import random
import requests
import transaction

SEEDED = 200
USERS = 20
WORKFLOW = "servicedesk_inquiry_workflow"
WAITING = ("registered", "assigned", "in_progress", "forwarded")


@pytest.fixture
def seeded(functional_portal):
    """200 seeded inquiries and one registered over REST, in the desk "desk"."""
    portal = functional_portal
    writes.make_desk(portal)
    maker = DataMaker(random.Random(7), USERS)
    seed.ensure_staff(USERS)
    seed.seed_inquiries(portal, maker, SEEDED, desk=portal["desk"])
    url = portal.absolute_url() + "/desk"
    registered = writes.register(writes.agent_session(), url, 1)[0]
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Inquiry", Subject="bench")
    return {
        "portal": portal,
        "catalog": catalog,
        "desk_url": url,
        "items": [maker.inquiry(n) for n in range(SEEDED)],
        "seeded": [brain._unrestrictedGetObject() for brain in brains],
        "registered": api.content.get(path=registered.split(portal.absolute_url())[1]),
    }


def session(user: str, password: str = PASSWORD) -> requests.Session:
    s = requests.Session()
    s.auth = (user, password)
    s.headers.update({"Accept": "application/json"})
    return s


def entry(catalog, obj) -> tuple[dict, dict]:
    """(index data, metadata) of an object's catalogue record."""
    rid = catalog.getrid("/".join(obj.getPhysicalPath()))
    assert rid is not None, obj
    return catalog.getIndexDataForRID(rid), catalog.getMetadataForRID(rid)


class TestSeededInquiries:
    def test_all_seeded_and_numbered(self, seeded):
        objs = seeded["seeded"]
        assert len(objs) == SEEDED
        years = {item["created"].year for item in seeded["items"]}
        for obj in objs:
            year, number = obj.getId().split("-")
            assert int(year) in years and len(number) == 6
            assert obj.reference_number == obj.getId()
        # Registration after seeding takes the next free number of its year.
        registered = seeded["registered"]
        same_year = [o.getId() for o in objs if o.getId()[:4] == registered.getId()[:4]]
        assert registered.getId() not in same_year
        assert all(registered.getId() > other for other in same_year)

    def test_catalogue_entry_is_what_indexing_gives(self, seeded):
        catalog = seeded["catalog"]
        workflow = api.portal.get_tool("portal_workflow")[WORKFLOW]
        for obj in seeded["seeded"][:: SEEDED // 40]:
            # The role mappings copied per state are the workflow's own.
            assert not workflow.updateRoleMappingsFor(obj), obj.getId()
            before = entry(catalog, obj)
            # Normal indexing (the IIndexableObject wrapper, every index) but
            # without reindexObject's new modification date.
            catalog.catalog_object(obj, "/".join(obj.getPhysicalPath()))
            assert entry(catalog, obj) == before, obj.getId()
        transaction.abort()

    def test_same_indexes_filled_as_registered(self, seeded):
        catalog = seeded["catalog"]
        registered_index, registered_meta = entry(catalog, seeded["registered"])
        # A seeded inquiry waiting like the registered one: the same indexes
        # and metadata columns have a value (values differ: their own data).
        assert api.content.get_state(seeded["registered"]) in WAITING
        twin = next(
            obj for obj in seeded["seeded"] if api.content.get_state(obj) in WAITING
        )
        index, meta = entry(catalog, twin)
        filled = {k for k, v in registered_index.items() if v not in (None, "", ())}
        assert filled - {k for k, v in index.items() if v not in (None, "", ())} <= {
            "in_reply_to",
        }
        assert set(meta) == set(registered_meta)
        assert "user:" + twin.Creator() in index["allowedRolesAndUsers"]

    def test_my_queue_finds_seeded(self, seeded):
        handler = next(
            item["fields"]["responsible_handler"]
            for item in seeded["items"]
            if "responsible_handler" in item["fields"]
            and item["history"][-1][1] in WAITING
        )
        expected = sum(
            1
            for item in seeded["items"]
            if item["fields"].get("responsible_handler") == handler
            and item["history"][-1][1] in WAITING
        )
        response = session(handler).get(
            seeded["desk_url"] + "/@servicedesk-queue?queue=mine&b_size=100"
        )
        assert response.status_code == 200, response.text
        assert response.json()["items_total"] == expected > 0

    def test_search_finds_seeded_and_registered(self, seeded):
        agent = session("agent", demo_password())
        for target in (seeded["seeded"][0], seeded["registered"]):
            response = agent.get(
                seeded["portal"].absolute_url() + "/@knowledge-search",
                params={"q": target.Title(), "portal_type": "Inquiry", "b_size": 100},
            )
            assert response.status_code == 200, response.text
            found = {item["url"] for item in response.json()["items"]}
            assert target.absolute_url() in found, target.getId()

    def test_statistics_count_seeded(self, seeded):
        today = date.today()
        start = today - timedelta(days=365)
        expected = 1 + sum(
            1 for item in seeded["items"] if start <= item["created"].date() <= today
        )
        response = session("lead", demo_password()).get(
            seeded["portal"].absolute_url() + "/@servicedesk-statistics",
            params={"start": str(start), "end": str(today), "period": "week"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["total"] == expected


def demo_password() -> str:
    from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD

    return DEMO_PASSWORD
