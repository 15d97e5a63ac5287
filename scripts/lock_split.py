"""Write constraints-runtime.txt: the part of our lock that running the site needs.

`constraints.txt` pins everything `make test` installs (test, dev, bench and
cluster extras too). `make start` must install only what the site runs on, so
this script walks the requirements of collective.servicedesk itself (with only
the `demo` extra: the local SMTP sink `make start` runs beside the demo site)
through the installed, verified .venv and keeps the pins of what it reaches.
A test checks both files stay consistent.

Usage: python scripts/lock_split.py [--check]
"""

from importlib import metadata
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "constraints.txt"
RUNTIME = ROOT / "constraints-runtime.txt"
HEADER = (
    "# Generated from constraints.txt by scripts/lock_split.py; do not edit.\n"
    "# What running the site needs (make start); constraints.txt adds the rest.\n"
)
# Installed into the venv by `python -m venv` + the Makefile's first step.
TOOLS = {"pip", "setuptools", "wheel"}


def pins(text: str) -> dict[str, str]:
    """{canonical name: 'Name==version'} of a constraints file."""
    result = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name = line.split("==", 1)[0].strip()
            result[canonicalize_name(name)] = line
    return result


def requirements(name: str, extras: frozenset[str]) -> list[Requirement]:
    """The requirements of an installed distribution that apply here."""
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return []
    result = []
    for text in dist.requires or ():
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None:
            result.append(requirement)
            continue
        for extra in ("", *extras):
            environment = {**default_environment(), "extra": extra}
            if marker.evaluate(environment):
                result.append(requirement)
                break
    return result


def closure(
    root: str = "collective.servicedesk", extras: frozenset[str] = frozenset({"demo"})
) -> set[str]:
    """Canonical names of everything ``root`` (with the demo extra) needs to run."""
    seen: set[tuple[str, frozenset[str]]] = set()
    names: set[str] = set()
    todo = [(root, extras)]
    while todo:
        name, extras = todo.pop()
        key = (canonicalize_name(name), extras)
        if key in seen:
            continue
        seen.add(key)
        names.add(key[0])
        for requirement in requirements(name, extras):
            todo.append((requirement.name, frozenset(requirement.extras)))
    names.discard(canonicalize_name(root))
    return names


def render() -> str:
    full = pins(FULL.read_text())
    needed = closure() | TOOLS
    missing = sorted(n for n in needed if n not in full and n not in TOOLS)
    if missing:
        raise SystemExit(f"not pinned in constraints.txt: {', '.join(missing)}")
    lines = [full[name] for name in sorted(full) if name in needed]
    return HEADER + "\n".join(lines) + "\n"


def main() -> None:
    text = render()
    if "--check" in sys.argv:
        if RUNTIME.read_text() != text:
            raise SystemExit("constraints-runtime.txt is stale: run make lock")
        print("constraints-runtime.txt is current")
        return
    RUNTIME.write_text(text)
    print(f"{RUNTIME.name}: {text.count(chr(10)) - 2} pins")


if __name__ == "__main__":
    main()
