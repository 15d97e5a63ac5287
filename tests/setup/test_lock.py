"""Our lock: exact pins, no pre-releases, and buildout's versions.cfg agrees."""

from pathlib import Path
import re
import runpy

ROOT = Path(__file__).resolve().parents[2]


def pins() -> dict[str, str]:
    result = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            result[name.strip().lower()] = version.strip()
    return result


def test_every_line_is_an_exact_pin():
    lines = [
        line
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[^\s=]+", li) for li in lines)


def test_no_prereleases():
    pre = {n: v for n, v in pins().items() if re.search(r"(a|b|rc|dev)\d*$", v)}
    assert not pre


def test_plone_versions():
    assert pins()["plone"].startswith("6.2.")
    assert pins()["plone.app.layout"].startswith("6.0.")


def test_versions_cfg_generated_from_lock():
    render = runpy.run_path(str(ROOT / "scripts" / "versions_cfg.py"))["render"]
    expected = render((ROOT / "constraints.txt").read_text())
    assert (ROOT / "versions.cfg").read_text() == expected


def test_buildout_has_no_remote_extends():
    text = (ROOT / "buildout.cfg").read_text()
    assert "http://" not in text and "https://" not in text
    assert "extends = versions.cfg" in text


# Packages only the tests, linters and benchmarks use: never in the runtime lock.
DEVELOPMENT_ONLY = (
    "pytest",
    "pytest-plone",
    "playwright",
    "schemathesis",
    "locust",
    "robotframework",
    "grpcio-tools",
    "ruff",
    "zpretty",
    "i18ndude",
    "hypothesis",
    "python-ldap",
)


def runtime_pins() -> dict[str, str]:
    split = runpy.run_path(str(ROOT / "scripts" / "lock_split.py"))
    return split["pins"]((ROOT / "constraints-runtime.txt").read_text())


def test_runtime_lock_is_generated_from_the_full_lock():
    split = runpy.run_path(str(ROOT / "scripts" / "lock_split.py"))
    assert (ROOT / "constraints-runtime.txt").read_text() == split["render"]()


def test_runtime_lock_is_part_of_the_full_lock():
    full = {line.lower() for line in (ROOT / "constraints.txt").read_text().split()}
    runtime = runtime_pins()
    assert runtime
    assert all(line.lower() in full for line in runtime.values())


def test_runtime_lock_has_no_development_packages():
    runtime = runtime_pins()
    assert "plone" in runtime and "products-cmfplone" in runtime
    assert not [name for name in DEVELOPMENT_ONLY if name in runtime]


def test_make_start_installs_the_runtime_lock_only():
    makefile = (ROOT / "Makefile").read_text()
    assert "instance: install-runtime" in makefile
    runtime_target = makefile.split("$(VENV)/.installed-runtime:", 1)[1].split("\n\n")[
        0
    ]
    assert "constraints-runtime.txt" in runtime_target
    assert '-e ".[demo]"' in runtime_target and "test" not in runtime_target
