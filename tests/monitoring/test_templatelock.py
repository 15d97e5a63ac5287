"""Page templates are compiled one at a time (CPython 3.11 AST race)."""

from chameleon.template import BaseTemplate
from chameleon.zpt.template import PageTemplate
from collective.servicedesk.monitoring import templatelock
import threading
import time


def test_installed_once_when_the_package_is_imported():
    assert BaseTemplate._cook._servicedesk_locked
    assert templatelock.install() is False  # already in place


def _compile_at_once(monkeypatch, wrap) -> tuple[list, list]:
    """Four threads compile a new template each at the same moment.

    Returns what they rendered and how many were compiling at each entry.
    """
    inside, overlaps = [0], []
    original = BaseTemplate._cook.__wrapped__

    def slow_cook(self, *args, **kwargs):
        inside[0] += 1
        overlaps.append(inside[0])
        time.sleep(0.05)  # long enough for the other threads to come in
        try:
            return original(self, *args, **kwargs)
        finally:
            inside[0] -= 1

    monkeypatch.setattr(BaseTemplate, "_cook", wrap(slow_cook))
    barrier = threading.Barrier(4)
    rendered = []

    def render(n: int) -> None:
        template = PageTemplate(f'<p tal:content="python: {n} * 2">x</p>')
        barrier.wait()
        rendered.append(template())

    threads = [threading.Thread(target=render, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(rendered), overlaps


def test_two_threads_never_compile_at_once(monkeypatch):
    rendered, overlaps = _compile_at_once(monkeypatch, templatelock.locked)
    assert rendered == ["<p>0</p>", "<p>2</p>", "<p>4</p>", "<p>6</p>"]
    assert len(overlaps) == 4 and max(overlaps) == 1


def test_without_the_lock_they_do(monkeypatch):
    """The check above can fail: unlocked, the compilations overlap."""
    rendered, overlaps = _compile_at_once(monkeypatch, lambda cook: cook)
    assert len(rendered) == 4
    assert max(overlaps) > 1
