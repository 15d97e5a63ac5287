"""The garbage-collection policy switch (SERVICEDESK_GC_POLICY, issue 19)."""

from collective.servicedesk.monitoring import gcpolicy
import gc
import pytest


@pytest.fixture(autouse=True)
def restore_gc():
    """Leave the test process's collector as it was."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    gcpolicy.apply("default")
    gc.unfreeze()


@pytest.mark.parametrize(
    ("value", "policy"),
    [
        (None, "default"),
        ("", "default"),
        ("default", "default"),
        ("large-cache", "large-cache"),
        (" Large-Cache ", "large-cache"),
        ("fastest", "default"),
    ],
)
def test_policy_from_the_environment(monkeypatch, value, policy):
    if value is None:
        monkeypatch.delenv(gcpolicy.ENV, raising=False)
    else:
        monkeypatch.setenv(gcpolicy.ENV, value)
    assert gcpolicy.configured() == policy


def test_default_changes_nothing():
    before = gc.get_threshold()
    result = gcpolicy.apply("default")
    assert gc.get_threshold() == before
    assert result["frozen"] == gc.get_freeze_count() == 0


def _tracked(obj) -> bool:
    """Whether the collector still examines ``obj`` (frozen objects are not listed)."""
    return any(o is obj for o in gc.get_objects())


def test_large_cache_raises_thresholds_and_freezes():
    # The permanent generation's size is not a stable figure in a process
    # whose server threads allocate and free frozen objects meanwhile, so the
    # test follows one object of its own: before the policy the collector
    # examines it, afterwards it is frozen and never examined again.
    sentinel = ["created before the policy"]  # lists are always tracked
    assert _tracked(sentinel)
    result = gcpolicy.apply("large-cache")
    assert gc.get_threshold() == (50_000, 20, 100)
    assert result["frozen"] > 0
    assert not _tracked(sentinel)
    later = ["created after the policy"]
    assert _tracked(later)


def test_default_policy_leaves_objects_to_the_collector():
    sentinel = ["created before the policy"]  # lists are always tracked
    gcpolicy.apply("default")
    assert _tracked(sentinel)


def test_freezes_again_after_the_warm_up(monkeypatch):
    monkeypatch.setenv(gcpolicy.FREEZE_AFTER_ENV, "3")
    gcpolicy.apply("large-cache")
    gc.unfreeze()
    for _ in range(2):
        gcpolicy.request_ended(None)
    assert gc.get_freeze_count() == 0
    assert not gcpolicy.state()["frozen_after_warmup"]
    gcpolicy.request_ended(None)
    assert gcpolicy.state()["frozen_after_warmup"]
    assert gc.get_freeze_count() > 0


def test_default_policy_never_freezes_on_requests(monkeypatch):
    monkeypatch.setenv(gcpolicy.FREEZE_AFTER_ENV, "1")
    gcpolicy.apply("default")
    gcpolicy.request_ended(None)
    assert gc.get_freeze_count() == 0


def test_applied_when_the_process_starts(portal, monkeypatch):
    """The ZCML subscriber: IProcessStarting applies the configured policy."""
    from zope.event import notify
    from zope.processlifetime import ProcessStarting

    monkeypatch.setenv(gcpolicy.ENV, "large-cache")
    notify(ProcessStarting())
    assert gcpolicy.state()["policy"] == "large-cache"
    assert gc.get_threshold() == (50_000, 20, 100)


def test_long_full_collections_are_timed_and_logged(monkeypatch, caplog):
    gcpolicy.apply("default")
    assert gcpolicy.watch_full_collections in gc.callbacks
    before = gcpolicy.pauses()["count"]
    # Every full collection is counted; one that takes longer than the limit
    # (here: any) is logged as a pause.
    monkeypatch.setattr(gcpolicy, "PAUSE_LOG_SECONDS", 0.0)
    with caplog.at_level("WARNING", logger="collective.servicedesk"):
        gc.collect(2)
    assert gcpolicy.pauses()["count"] == before + 1
    assert any("GC pause" in r.getMessage() for r in caplog.records)
    caplog.clear()
    gc.collect(0)  # a young collection is neither counted nor logged
    assert gcpolicy.pauses()["count"] == before + 1
    assert not caplog.records


def test_the_pause_watch_is_installed_once():
    gcpolicy.apply("large-cache")
    gcpolicy.apply("default")
    assert gc.callbacks.count(gcpolicy.watch_full_collections) == 1
