"""Ranking speed without Plone: 2 000 analysed FAQ entries in memory.

    .venv/bin/python -m tests.search.eval.bench_ranking [entries]

Times query analysis plus ranking (what ``suggest_faq`` does before its one
catalog query) for every query of the development set and its last keystrokes.
"""

from collective.servicedesk.search.analysis.chain import analyse_query
from collective.servicedesk.search.faq_index import FAQIndex
from collective.servicedesk.search.faq_index import analyse_entry
from collective.servicedesk.search.ranking import rank
from collective.servicedesk.setuphandlers.demo_knowledge_data import FAQ
from tests.search.eval.bench_suggest import DISTRICTS
from tests.search.eval.metrics import load
import statistics
import sys
import time


def main(size: int = 2000) -> None:
    started = time.perf_counter()
    entries = []
    for number in range(size):
        key, question, answer, _c, _s, tags, _l = FAQ[number % len(FAQ)]
        district = DISTRICTS[(number // len(FAQ)) % len(DISTRICTS)]
        data = {
            "question": f"{question} ({district})",
            "keywords": list(tags),
            "answer": answer,
        }
        entries.append(analyse_entry(f"{key}-{number}", data, ()))
    index = FAQIndex(entries)
    built = time.perf_counter() - started
    timings = []
    for query in load():
        text = query.text
        for end in range(max(3, len(text) - 4), len(text) + 1):
            began = time.perf_counter()
            rank(analyse_query(text[:end], typing=True), index)
            timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"{size} entries analysed and indexed in {built:.1f} s; {len(timings)} "
        f"rankings: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
