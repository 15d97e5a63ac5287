"""Seed a benchmark site with realistic data; run by ``zconsole run`` (make bench).

Environment (set by bench/run.py):
  BENCH_INQUIRIES  total number of seeded inquiries wanted (existing ones count)
  BENCH_USERS      staff accounts staff001..staffNNN (agents, handlers, editors, leads)
  BENCH_FAQ, BENCH_DOCS  knowledge entries beside the demo's
  BENCH_SEED       random seed (the same data on every run)
  BENCH_BATCH      inquiries per transaction (500)

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
from collective.servicedesk.categories.storage import get_category
from collective.servicedesk.content.reference import ensure_counters
from collective.servicedesk.history.storage import ANNOTATION_KEY
from DateTime import DateTime
from persistent.list import PersistentList
from plone import api
from plone.dexterity.utils import createContent
from plone.indexer.wrapper import IndexableObjectWrapper
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite
import os
import random
import sys
import time
import transaction

SITE_ID = os.environ.get("SERVICEDESK_SITE_ID", "Plone")
WORKFLOW = "servicedesk_inquiry_workflow"
# Inquiries per transaction. On RelStorage/PostgreSQL a commit takes one
# advisory lock per existing object it changes, and PostgreSQL's lock table
# holds 6 400 by default (max_locks_per_transaction 64 × 100 connections): a
# batch of 2 000 ran out of it at about 48 000 inquiries (out of shared memory).
BATCH = int(os.environ.get("BENCH_BATCH", "500"))
_MISSING = object()
_NO_ATTRIBUTE = object()


def log(message: str) -> None:
    print(f"[seed] {message}", file=sys.stderr, flush=True)


def login(app, site) -> None:
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


class OnceWrapper(IndexableObjectWrapper):
    """The catalogue's wrapper, each value computed once per object.

    An index and a metadata column of the same name (Title, review_state, …)
    otherwise ask the indexer twice; the values are the indexers' own.
    """

    def __init__(self, obj, catalog):
        super().__init__(obj, catalog)
        self._once = {}

    def __getattr__(self, name):
        if name.startswith("__") or name == "_once":
            return super().__getattr__(name)
        once = self._once
        value = once.get(name, _MISSING)
        if value is _MISSING:
            try:
                value = super().__getattr__(name)
            except AttributeError:
                once[name] = _NO_ATTRIBUTE
                raise
            once[name] = value
        elif value is _NO_ATTRIBUTE:
            raise AttributeError(name)
        return value


class RoleMappings:
    """The workflow's permission settings per state, computed once per state.

    ``updateRoleMappingsFor`` sets the same ``_<Permission>_Permission``
    attributes on every object in a state (the workflow has no group roles),
    so later objects get a copy of what the workflow set on the first one.
    """

    def __init__(self, workflow):
        self.workflow = workflow
        self.by_state: dict[str, dict] = {}
        self.exact = not workflow.groups

    def apply(self, obj, state: str) -> None:
        known = self.by_state.get(state)
        if known is None or not self.exact:
            before = set(obj.__dict__)
            self.workflow.updateRoleMappingsFor(obj)
            self.by_state[state] = {
                key: value
                for key, value in obj.__dict__.items()
                if key not in before and key.endswith("_Permission")
            }
            return
        for key, value in known.items():
            setattr(obj, key, list(value) if isinstance(value, list) else value)


def build(desk, mappings: RoleMappings, item: dict, reference: str, owners: dict):
    """Add one inquiry in its final state (not yet catalogued); return it."""
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
    mappings.apply(obj, item["history"][-1][1])
    IAnnotations(obj)[ANNOTATION_KEY] = PersistentList(item["log"])
    return obj


def catalogue(catalog, obj) -> None:
    """What the indexing queue does at commit, without the queue."""
    uid = "/".join(obj.getPhysicalPath())
    catalog.catalog_object(OnceWrapper(obj, catalog), uid)


def seed_inquiries(site, maker: DataMaker, wanted: int, desk=None) -> None:
    """Add inquiries to the desk (the demo's by default) up to `wanted`."""
    desk = site["service-desk"] if desk is None else desk
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
    mappings = RoleMappings(api.portal.get_tool("portal_workflow")[WORKFLOW])
    users = api.portal.get_tool("acl_users")
    owners = {
        uid: users.getUserById(uid).__of__(users)
        for uid in {item["creator"] for item in items}
    }
    # The category's step on the service ladder, as registration sets it.
    levels = {
        category: (get_category(category) or {}).get("service_level")
        for category in {item["fields"]["category"] for item in items}
    }
    for item in items:
        level = levels[item["fields"]["category"]]
        if level and not item["fields"].get("service_level"):
            item["fields"]["service_level"] = level
    started = time.monotonic()
    spent = {"build": 0.0, "catalogue": 0.0, "commit": 0.0}
    built = []
    for done, item in enumerate(items, 1):
        year = item["created"].year
        reference = f"{year}-{first[year]:06d}"
        first[year] += 1
        t0 = time.perf_counter()
        built.append(build(desk, mappings, item, reference, owners))
        spent["build"] += time.perf_counter() - t0
        if done % BATCH == 0 or done == todo:
            # Catalogued together at the end of the batch, as the indexing
            # queue would at commit.
            t1 = time.perf_counter()
            for obj in built:
                catalogue(catalog, obj)
            built = []
            t2 = time.perf_counter()
            transaction.commit()
            spent["catalogue"] += t2 - t1
            spent["commit"] += time.perf_counter() - t2
            rate = done / (time.monotonic() - started)
            split = ", ".join(f"{k} {v * 1000 / done:.1f} ms" for k, v in spent.items())
            log(f"{have + done}/{wanted} inquiries ({rate:.0f}/s; per inquiry {split})")


def main(app) -> None:
    site = app[SITE_ID]
    login(app, site)
    users = int(os.environ.get("BENCH_USERS", "100"))
    maker = DataMaker(random.Random(int(os.environ.get("BENCH_SEED", "2026"))), users)
    ensure_staff(users)
    ensure_knowledge(
        maker,
        int(os.environ.get("BENCH_FAQ", "300")),
        int(os.environ.get("BENCH_DOCS", "100")),
    )
    seed_inquiries(site, maker, int(os.environ.get("BENCH_INQUIRIES", "10000")))


if __name__ == "__main__" and "app" in globals():
    main(globals()["app"])  # run by zconsole, which provides the app
