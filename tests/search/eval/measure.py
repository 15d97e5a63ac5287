"""Measure lemmatisers on word pairs: does each pair share an index term?

    SERVICEDESK_LEMMATISER=simplemma|hunspell|both python -m tests.search.eval.measure

A pair (class, a, b) meets when the index terms of ``a`` and of ``b`` overlap
(for compounds: the part and the compound). Prints the share per class.
"""

from pathlib import Path
import csv
import os

PAIRS = Path(__file__).with_name("word_pairs.tsv")


def load_pairs(path: Path = PAIRS) -> list[tuple[str, str, str]]:
    """(class, a, b) rows of the word-pair list."""
    with path.open(encoding="utf-8") as stream:
        return [
            (r["class"], r["a"], r["b"]) for r in csv.DictReader(stream, delimiter="\t")
        ]


def meets(a: str, b: str) -> bool:
    """The two words share an index term."""
    from collective.servicedesk.search.analysis.chain import index_terms

    return bool(set(index_terms(a)) & set(index_terms(b)))


def main() -> None:
    rows = load_pairs()
    backend = os.environ.get("SERVICEDESK_LEMMATISER", "simplemma")
    by_class: dict[str, list[bool]] = {}
    for kind, a, b in rows:
        ok = meets(a, b)
        by_class.setdefault(kind, []).append(ok)
        if not ok:
            print(f"  miss {kind}: {a} / {b}")
    total = [ok for oks in by_class.values() for ok in oks]
    print(f"{backend}: {sum(total)}/{len(total)} pairs meet")
    for kind, oks in sorted(by_class.items()):
        print(f"  {kind}: {sum(oks)}/{len(oks)}")


if __name__ == "__main__":
    main()
