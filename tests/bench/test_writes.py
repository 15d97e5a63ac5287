"""Lean writes (issue 19): bytes and transactions per REST registration.

Real registrations over HTTP (the functional layer's WSGI server); the
transactions they commit are copied into a real FileStorage and its growth is
measured (bench/writes.py). Nothing here is timed.
"""

from bench import writes
import pytest

# A few hundred inquiries first: in an empty site every small BTree is one
# inline bucket and the figure would be far too kind.
SEED = 150
MEASURED = 20
# Measured 163 kB per registration at 300 seeded (190 kB before inquiries
# left Plone's Description text index and six unqueried object_provides
# interfaces; docs/reference/benchmarks-writes.md). The target is
# 64 kB and is not met. The budget catches a regression: a second full-text
# index or a full reindex per registration costs 15-40 kB more.
BUDGET_BYTES = 176 * 1024


@pytest.fixture
def measured(functional_portal):
    writes.make_desk(functional_portal)
    db = functional_portal._p_jar.db()
    url = functional_portal.absolute_url() + "/desk"
    return writes.measure(db, writes.agent_session(), url, MEASURED, warm=SEED)


def test_bytes_appended_per_registration(measured):
    assert measured["registrations"] == MEASURED
    assert 0 < measured["bytes_per_registration"] <= BUDGET_BYTES, measured
    # The text of an inquiry is indexed once, in the Norwegian index.
    structures = measured["bytes_by_structure"]
    text = structures.get("servicedesk_text.index._wordinfo", 0)
    assert text > structures.get("SearchableText.index._wordinfo", 0)
    # Inquiries are not in Plone's Description text index.
    assert not structures.get("Description.index._wordinfo"), structures


def test_transactions_per_registration(measured):
    kinds = measured["transactions_by_kind"]
    # One transaction does the registration (created, indexed once, routed,
    # assigned); the reference number is issued in its own short one so that
    # the counter is never held by a long transaction.
    assert kinds["registration"] == MEASURED
    assert kinds.get("reference number", 0) == MEASURED
    # Anything else is the mail worker's bookkeeping of notices (not the request).
    assert measured["transactions"] == sum(kinds.values())
    assert kinds.get("other", 0) <= MEASURED
