"""Seed a benchmark site with realistic data; run by ``zconsole run`` (make bench).

Environment (set by bench/run.py):
  BENCH_INQUIRIES  total number of seeded inquiries wanted (existing ones count)
  BENCH_USERS      staff accounts staff001..staffNNN (agents, handlers, editors, leads)
  BENCH_FAQ, BENCH_DOCS  knowledge entries beside the demo's
  BENCH_SEED       random seed (the same data on every run)

Users and knowledge entries are made through the normal API. Inquiries are
many, so they are built the way registration builds them (Dexterity factory,
reference-number id, workflow state and role mappings, history, owner) but
added without the registration's events, indexed once and committed in
batches: 100k inquiries in minutes instead of hours. What the benchmark then
measures (registration, search, queues, statistics) runs the normal code.
"""

from AccessControl.SecurityManagement import newSecurityManager
from bench.data import PASSWORD
from bench.data import DataMaker
from bench.data import staff_accounts
from collective.servicedesk.content.reference import ensure_counters
from collective.servicedesk.history.storage import ANNOTATION_KEY
from DateTime import DateTime
from persistent.list import PersistentList
from plone import api
from plone.dexterity.utils import createContent
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite
import os
import random
import sys
import time
import transaction

app = globals()["app"]  # provided by zconsole
SITE_ID = os.environ.get("SERVICEDESK_SITE_ID", "Plone")
WORKFLOW = "servicedesk_inquiry_workflow"
BATCH = 1000


def log(message: str) -> None:
    print(f"[seed] {message}", file=sys.stderr, flush=True)


def login(site) -> None:
    admin = app.acl_users.getUser(os.environ["SERVICEDESK_ADMIN_USER"])
    newSecurityManager(None, admin.__of__(app.acl_users))
    setSite(site)


def ensure_staff(count: int) -> None:
    """Staff accounts in the demo's groups; idempotent."""
    made = 0
    for user_id, fullname, group in staff_accounts(count):
        if api.user.get(userid=user_id) is None:
            api.user.create(
                username=user_id,
                email=f"{user_id}@bench.kommune.no",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            api.group.add_user(groupname=group, username=user_id)
            made += 1
    transaction.commit()
    log(f"{made} staff accounts created ({count} wanted)")


def ensure_knowledge(maker: DataMaker, faq: int, docs: int) -> None:
    """FAQ entries (published) and experience documents through the normal API."""
    base = api.content.get(path="/knowledge-base")
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, wanted in (("FAQEntry", faq), ("ExperienceDocument", docs)):
        have = len(
            catalog.unrestrictedSearchResults(portal_type=portal_type, Subject="bench")
        )
        for n in range(have, wanted):
            fields, state = maker.knowledge(portal_type, n)
            key = f"bench-{portal_type.lower()}-{n}"
            obj = api.content.create(container=base, type=portal_type, id=key, **fields)
            api.content.transition(obj=obj, to_state=state)
            if n % 100 == 99:
                transaction.commit()
        transaction.commit()
    log(f"knowledge base ready ({faq} FAQ, {docs} documents from the benchmark)")


def reserve_numbers(site, per_year: dict[int, int]) -> dict[int, int]:
    """Reserve blocks of reference numbers; return the first number per year."""
    counters = ensure_counters(site)
    first = {}
    last = dict(counters.last)
    for year, count in per_year.items():
        first[year] = last.get(year, 0) + 1
        last[year] = last.get(year, 0) + count
    counters.last = last
    transaction.commit()
    return first


def build(desk, workflow, item: dict, reference: str, owners: dict) -> None:
    """Add one inquiry in its final state, indexed once."""
    obj = createContent("Inquiry", **item["fields"])
    obj.id = reference
    obj.reference_number = reference
    created = DateTime(item["created"].isoformat())
    obj.creation_date = created
    obj.modification_date = DateTime(item["modified"].isoformat())
    obj.creators = (item["creator"],)
    obj.workflow_history = {
        WORKFLOW: tuple(
            {
                "action": action,
                "actor": item["creator"],
                "comments": "",
                "review_state": state,
                "time": DateTime(when.isoformat()),
            }
            for action, state, when in item["history"]
        )
    }
    # An oid at once, as the intid subscriber gives a registered inquiry:
    # Dexterity caches its behaviour lookups per oid while indexing.
    desk._p_jar.add(obj)
    desk._setObject(reference, obj, suppress_events=True)
    obj = desk._getOb(reference)
    obj.changeOwnership(owners[item["creator"]])
    obj.manage_setLocalRoles(item["creator"], ["Owner"])
    workflow.updateRoleMappingsFor(obj)
    IAnnotations(obj)[ANNOTATION_KEY] = PersistentList(item["log"])
    obj.indexObject()


def seed_inquiries(site, maker: DataMaker, wanted: int) -> None:
    desk = site["service-desk"]
    catalog = api.portal.get_tool("portal_catalog")
    have = len(
        catalog.unrestrictedSearchResults(portal_type="Inquiry", Subject="bench")
    )
    todo = wanted - have
    if todo <= 0:
        log(f"{have} benchmark inquiries present, none to add")
        return
    items = [maker.inquiry(n) for n in range(have, wanted)]
    per_year: dict[int, int] = {}
    for item in items:
        per_year[item["created"].year] = per_year.get(item["created"].year, 0) + 1
    first = reserve_numbers(site, per_year)
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW]
    users = api.portal.get_tool("acl_users")
    owners = {
        uid: users.getUserById(uid).__of__(users)
        for uid in {item["creator"] for item in items}
    }
    started = time.monotonic()
    for done, item in enumerate(items, 1):
        year = item["created"].year
        reference = f"{year}-{first[year]:06d}"
        first[year] += 1
        build(desk, workflow, item, reference, owners)
        if done % BATCH == 0 or done == todo:
            transaction.commit()
            rate = done / (time.monotonic() - started)
            log(f"{have + done}/{wanted} inquiries ({rate:.0f}/s)")


def main() -> None:
    site = app[SITE_ID]
    login(site)
    users = int(os.environ.get("BENCH_USERS", "100"))
    maker = DataMaker(random.Random(int(os.environ.get("BENCH_SEED", "2026"))), users)
    ensure_staff(users)
    ensure_knowledge(
        maker,
        int(os.environ.get("BENCH_FAQ", "300")),
        int(os.environ.get("BENCH_DOCS", "100")),
    )
    seed_inquiries(site, maker, int(os.environ.get("BENCH_INQUIRIES", "10000")))


main()
