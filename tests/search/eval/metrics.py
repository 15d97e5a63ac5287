"""Figures of the search evaluation: top-1, top-3, MRR, no-suggestion rate."""

from dataclasses import dataclass
from pathlib import Path
import csv

QUERIES = Path(__file__).with_name("queries.tsv")
# Every fourth query is held aside: tuning looks at the others only.
HELD_ASIDE_EVERY = 4


@dataclass(frozen=True)
class Query:
    """One query of the development set."""

    number: int
    kind: str
    language: str
    expected: str
    text: str

    @property
    def held_aside(self) -> bool:
        return self.number % HELD_ASIDE_EVERY == HELD_ASIDE_EVERY - 1


def load(path: Path = QUERIES) -> list[Query]:
    """The queries, numbered from 0 in file order."""
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    return [
        Query(n, r["class"], r["lang"], r["expected"], r["query"])
        for n, r in enumerate(rows)
    ]


def figures(results: list[tuple[Query, list[str]]]) -> dict:
    """top1, top3, mrr and none (share with no suggestion) of ranked results."""
    count = len(results)
    if not count:
        return {"n": 0, "top1": 0.0, "top3": 0.0, "mrr": 0.0, "none": 0.0}
    top1 = top3 = none = 0
    mrr = 0.0
    for query, ranked in results:
        if not ranked:
            none += 1
        if query.expected in ranked:
            position = ranked.index(query.expected) + 1
            mrr += 1 / position
            top1 += position == 1
            top3 += position <= 3
    return {
        "n": count,
        "top1": top1 / count,
        "top3": top3 / count,
        "mrr": mrr / count,
        "none": none / count,
    }


def table(results: list[tuple[Query, list[str]]]) -> list[tuple[str, dict]]:
    """Rows: overall, held-aside, development, per language and per class."""
    groups: dict[str, list] = {"all": results}
    groups["held-aside"] = [r for r in results if r[0].held_aside]
    groups["development"] = [r for r in results if not r[0].held_aside]
    for key in sorted({q.language for q, _ in results}):
        groups[f"lang {key}"] = [r for r in results if r[0].language == key]
        groups[f"held-aside lang {key}"] = [
            r for r in results if r[0].language == key and r[0].held_aside
        ]
    for key in sorted({q.kind for q, _ in results}):
        groups[f"class {key}"] = [r for r in results if r[0].kind == key]
    return [(name, figures(rows)) for name, rows in groups.items()]


def render(rows: list[tuple[str, dict]]) -> str:
    """A Markdown table of the figures."""
    lines = [
        "| set | n | top-1 | top-3 | MRR | no suggestion |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, f in rows:
        lines.append(
            f"| {name} | {f['n']} | {f['top1']:.3f} | {f['top3']:.3f} "
            f"| {f['mrr']:.3f} | {f['none']:.1%} |"
        )
    return "\n".join(lines)
