"""Suggestion speed with 2 000 FAQ entries: p50 and p95 of ``suggest_faq``.

A benchmark, not a test (no ``test_`` file prefix, nothing asserted about
time): ``.venv/bin/pytest tests/search/eval/bench_suggest.py -q -s``. The
entries are the demo questions and answers, each repeated under 40 district
names, so the vocabulary is realistic; the queries are the development set.
"""

from collective.servicedesk.search import suggest_faq
from collective.servicedesk.search.faq_index import faq_index
from collective.servicedesk.setuphandlers.demo_knowledge_data import FAQ
from plone import api
from plone.app.testing import login
from tests.knowledge.helpers import html
from tests.knowledge.helpers import make_kb
from tests.knowledge.helpers import make_user
from tests.search.eval.metrics import load
import os
import statistics
import time

ENTRIES = int(os.environ.get("BENCH_FAQ_ENTRIES", "2000"))
DISTRICTS = (
    "Sentrum Nord Sør Øst Vest Fjellet Dalen Strand Skogen Haugen Bakken Myra Holmen "
    "Lia Vika Brekka Moen Åsen Tangen Berget Nes Voll Eik Bø Sand Li Hov Rud Lund "
    "Ås Dal Elv Vik Mo Nedre Øvre Ytre Indre Midt Ny"
).split()


def _create(portal) -> None:
    kb = make_kb(portal)
    with api.env.adopt_roles(["Manager"]):
        for number in range(ENTRIES):
            key, question, answer, _cats, _state, tags, language = FAQ[
                number % len(FAQ)
            ]
            district = DISTRICTS[(number // len(FAQ)) % len(DISTRICTS)]
            faq = api.content.create(
                container=kb,
                type="FAQEntry",
                id=f"{key}-{number}",
                title=f"{question} ({district})",
                answer=html(answer),
                subject=tuple(tags),
                language=language,
            )
            api.content.transition(obj=faq, to_state="published_internally")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def test_suggestion_speed(portal_class):
    """Print p50/p95 (ms) of suggestions for every query of the development set."""
    _create(portal_class)
    make_user("agent-bench", ["Service Desk Agent"])
    login(portal_class, "agent-bench")
    start = time.perf_counter()
    faq_index()
    build = time.perf_counter() - start
    queries = [q.text for q in load()]
    for text in queries[:20]:
        suggest_faq(text)  # warm the analysis caches, as a running server has
    timings = []
    for text in queries:
        # Each keystroke of the last word, as the quick bar asks while typing.
        for end in range(max(3, len(text) - 4), len(text) + 1):
            began = time.perf_counter()
            suggest_faq(text[:end])
            timings.append((time.perf_counter() - began) * 1000)
    print(
        f"\n{ENTRIES} FAQ entries, index built in {build * 1000:.0f} ms; "
        f"{len(timings)} suggestions: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {_percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms"
    )
    assert timings
