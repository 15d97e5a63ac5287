"""Warm start: the readiness view and the warm-up (issue 19)."""

from bench import pack
from bench import writes
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.records import worker as records_worker
from collective.servicedesk.warmup import run
from collective.servicedesk.warmup import state
from plone.testing.zope import Browser
import pytest
import transaction


@pytest.fixture
def inquiries(functional_portal):
    writes.make_desk(functional_portal)
    paths = pack.register(functional_portal, 3)
    transaction.commit()
    # Registering hands mail (and records) work to background threads that
    # commit on their own; let them finish so that the only writer left to
    # watch is the warm-up.
    assert wait_for_deliveries(60)
    assert records_worker.wait(60)
    return paths


@pytest.fixture
def phase():
    """Restore the process-wide warm-up state after the test."""
    yield state.set_phase
    state.set_phase("off")


def ready(functional_app) -> tuple[int, str]:
    browser = Browser(functional_app)
    browser.raiseHttpErrors = False
    browser.open("http://nohost/plone/@@servicedesk-ready")
    return int(browser.headers["status"].split()[0]), browser.contents


def test_not_ready_while_warming_ready_after(functional_app, inquiries, phase):
    phase("warming")
    status, text = ready(functional_app)
    assert status == 503
    assert "Warming up" in text
    db = functional_app._p_jar.db()
    run.warm_and_report(db)
    assert state.snapshot()["phase"] == "ready"
    status, text = ready(functional_app)
    assert status == 200
    assert text == "Ready"


def test_the_warm_up_writes_nothing(functional_app, inquiries):
    db = functional_app._p_jar.db()
    transaction.begin()
    before = db.lastTransaction()
    result = run.warm(db)
    assert db.lastTransaction() == before
    assert result["changed_objects"] == 0
    site = result["sites"]["plone"]
    # It ran the whole-year statistics and walked the catalogue's indexes.
    assert site["inquiries_in_year"] == len(inquiries)
    assert site["indexes"] > 5
    assert site["entries"] > 0


def test_a_failed_warm_up_lets_the_instance_serve(monkeypatch, phase):
    def broken(db):
        raise RuntimeError("no database")

    monkeypatch.setattr(run, "warm", broken)
    phase("warming")
    run.warm_and_report(object())
    assert state.snapshot()["phase"] == "failed"
    assert state.is_ready()


@pytest.mark.parametrize(
    "value,expected", [("", False), ("0", False), ("1", True), ("on", True)]
)
def test_switch(monkeypatch, value, expected):
    monkeypatch.setenv("SERVICEDESK_WARMUP", value)
    assert state.enabled() is expected


def test_without_the_switch_the_instance_is_ready_at_once(monkeypatch, phase):
    monkeypatch.delenv("SERVICEDESK_WARMUP", raising=False)
    started = []
    monkeypatch.setattr(run.threading, "Thread", lambda **kw: started.append(kw))
    run.process_starting(None)
    assert started == []
    assert state.is_ready()


def test_the_warm_up_reports_how_full_the_object_cache_is(functional_app, inquiries):
    db = functional_app._p_jar.db()
    result = run.warm(db)
    fill = result["cache"]
    assert fill["cache_size"] == db.getCacheSize()
    # The statistics and the indexes it walked are in the connection's cache.
    assert fill["objects"] > 0


def test_a_too_small_object_cache_is_reported_with_a_size_to_set(
    functional_app, inquiries, monkeypatch, caplog, phase
):
    db = functional_app._p_jar.db()
    loaded = run.warm(db)["cache"]["objects"]
    monkeypatch.setattr(
        run,
        "cache_fill",
        lambda connection: {"objects": loaded, "cache_size": loaded - 1},
    )
    with caplog.at_level("WARNING", logger="collective.servicedesk"):
        run.warm_and_report(db)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert f"read {loaded} objects" in warnings[0]
    assert "SERVICEDESK_CACHE_SIZE" in warnings[0]
    assert state.snapshot()["cache_size"] == loaded - 1


@pytest.mark.parametrize(
    "objects,size,wanted",
    [(29000, 30000, None), (30000, 30000, None), (142000, 30000, 180000)],
)
def test_cache_advice(objects, size, wanted):
    advice = run.cache_advice({"objects": objects, "cache_size": size})
    if wanted is None:
        assert advice == ""
    else:
        assert f"at least {wanted} " in advice
