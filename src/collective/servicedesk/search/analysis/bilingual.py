"""Nynorsk → Bokmål lemma equivalence from Apertium's nno-nob dictionaries.

The Debian package ``apertium-nno-nob`` (GPL-2+, built on Norsk Ordbank) holds a
Nynorsk morphological analyser and a Nynorsk–Bokmål bilingual dictionary. We run
every Nynorsk lemma simplemma knows through both once (two ``lt-proc`` batch
calls, about two seconds) and keep the resulting mapping in a cache file, so
"skule" meets "skole", "vatn" "vann" and "kyrkje" "kirke" without a word list of
our own. Without the package the chain still works, only without this bridge.
"""

from collective.servicedesk import logger
from collective.servicedesk.search.analysis.lemmas import dictionary
from functools import lru_cache
from pathlib import Path
import hashlib
import os
import pickle
import re
import shutil
import subprocess
import tempfile

DATA_DIR = Path(
    os.environ.get(
        "SERVICEDESK_APERTIUM_NNO_NOB", "/usr/share/apertium/apertium-nno-nob"
    )
)
ANALYSER = "nno-nob.automorf.bin"
BILINGUAL = "nno-nob.autobil.bin"
UNIT_RE = re.compile(r"\^((?:[^$\\]|\\.)*)\$")
TAGS_RE = re.compile(r"<[^>]+>")
# Analyses that describe a word only as part of a compound are no lemma pairs.
SKIPPED_TAGS = ("<compound-R>", "<compound-only-L>", "<cmp>")


def _run(binary: Path, text: str, *flags: str) -> str:
    result = subprocess.run(  # noqa: S603 - fixed program, our own input
        [shutil.which("lt-proc") or "lt-proc", *flags, str(binary)],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return result.stdout


def _split(unit: str) -> list[str]:
    return re.split(r"(?<!\\)/", unit)


def build_mapping(data_dir: Path = DATA_DIR) -> dict[str, tuple[str, ...]]:
    """Map each Nynorsk lemma to its Bokmål lemmas (only where they differ)."""
    nn_lemmas = sorted(
        {
            (v.decode() if isinstance(v, bytes) else v).lower()
            for v in dictionary("nn").values()
        }
    )
    nn_lemmas = [w for w in nn_lemmas if w.isalpha()]
    analysed = _run(data_dir / ANALYSER, "\n".join(nn_lemmas) + "\n", "-w")
    units: list[str] = []
    sources: list[str] = []
    for match in UNIT_RE.finditer(analysed):
        surface, *analyses = _split(match.group(1))
        usable = [
            a
            for a in analyses
            if not a.startswith("*") and not any(t in a for t in SKIPPED_TAGS)
        ]
        # The analyses of the lemma itself; else those of its Apertium lemma
        # (simplemma's "søkje" is Apertium's "søke").
        same = [a for a in usable if TAGS_RE.sub("", a).lower() == surface.lower()]
        units.extend(f"^{a}$" for a in same or usable)
        sources.extend([surface.lower()] * len(same or usable))
    translated = _run(data_dir / BILINGUAL, "\n".join(units) + "\n", "-b")
    mapping: dict[str, set[str]] = {}
    for source_lemma, match in zip(sources, UNIT_RE.finditer(translated), strict=False):
        _source, *targets = _split(match.group(1))
        for target in targets:
            if target.startswith(("@", "#", "*")):
                continue
            target_lemma = TAGS_RE.sub("", target).lower().replace("\\", "")
            if (
                target_lemma
                and target_lemma != source_lemma
                and " " not in target_lemma
            ):
                mapping.setdefault(source_lemma, set()).add(target_lemma)
    # Every sense is kept: "skule" (school, and to glare) must meet "skole"; the
    # price is an odd extra term now and then ("melde" also gives "kornavfall").
    return {key: tuple(sorted(value)) for key, value in mapping.items()}


def _cache_file(data_dir: Path) -> Path:
    stamp = hashlib.sha1(usedforsecurity=False)
    for name in (ANALYSER, BILINGUAL):
        stat = (data_dir / name).stat()
        stamp.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    import simplemma

    stamp.update(simplemma.__version__.encode())
    folder = Path(
        os.environ.get("SERVICEDESK_CACHE_DIR")
        or Path(tempfile.gettempdir()) / "collective.servicedesk"
    )
    return folder / f"nn-nb-{stamp.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def nn_to_nb() -> dict[str, tuple[str, ...]]:
    """The Nynorsk → Bokmål lemma mapping (empty if Apertium's data is missing)."""
    if not (DATA_DIR / BILINGUAL).exists() or not shutil.which("lt-proc"):
        logger.warning(
            "Apertium nno-nob not found in %s: Nynorsk and Bokmål words will not "
            "be matched to each other (install apertium-nno-nob).",
            DATA_DIR,
        )
        return {}
    cache = _cache_file(DATA_DIR)
    if cache.exists():
        try:
            with cache.open("rb") as stream:
                return pickle.load(stream)  # noqa: S301 - our own cache file
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
    mapping = build_mapping(DATA_DIR)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as stream:
            pickle.dump(mapping, stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache)
    except OSError:  # pragma: no cover - read-only temp dir: rebuild next time
        logger.info("Could not cache the Nynorsk-Bokmål mapping in %s", cache)
    return mapping


def bokmal(lemma: str) -> tuple[str, ...]:
    """Bokmål lemmas of a Nynorsk lemma (empty when it is the same word)."""
    return nn_to_nb().get(lemma, ())
