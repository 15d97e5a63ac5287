"""Directory variant of S7 (page with panels) and S1 (registration).

The same requests as a directory user (Active Directory over LDAP, here a real
OpenLDAP slapd with 5 000 users and 300 groups) and as a local Plone user with
the same unit and roles, interleaved, each logged in with a session cookie as
a browser is. Target: directory / local ≤ 1.1 at the median.

Run: ``.venv/bin/python -m bench.directory [--repeat N]`` (it runs the
``bench``-marked test ``tests/directory/test_bench.py``, which starts slapd and
a Plone site on a WSGI server of the functional test layer; the report goes to
``var/bench/directory.json`` and the terminal).
"""

from bench.report import ratio
from bench.report import summary
import requests
import sys
import time

TARGET = 1.1


def cookie_session(base: str, login: str, password: str) -> requests.Session:
    s = requests.Session()
    s.post(
        f"{base}/login",
        data={"__ac_name": login, "__ac_password": password, "buttons.login": "1"},
        allow_redirects=False,
        timeout=60,
    )
    if "__ac" not in s.cookies:
        raise RuntimeError(f"{login} could not log in")
    return s


def _timed(call) -> float:
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    if response.status_code >= 400:
        raise RuntimeError(f"{response.url}: {response.status_code}")
    return elapsed


def measure(
    base: str,
    desk: str,
    users: dict[str, requests.Session],
    body,
    repeat: int,
    warmup: int = 5,
) -> dict:
    """{S7, S1} timings per kind of user ("directory", "local"), interleaved."""
    origin = "/".join(base.split("/")[:3])
    page = {kind: [] for kind in users}
    register = {kind: [] for kind in users}
    for n in range(repeat + warmup):
        for kind, s in users.items():
            t_page = _timed(lambda s=s: s.get(base, timeout=60))
            t_register = _timed(
                lambda s=s, n=n: s.post(
                    f"{desk}/@servicedesk-register",
                    json=body(n),
                    # A browser's same-site request (our CSRF check).
                    headers={"Accept": "application/json", "Origin": origin},
                    timeout=60,
                )
            )
            if n >= warmup:
                page[kind].append(t_page)
                register[kind].append(t_register)
    rows, metrics = [], {}
    for name, timings in (("S7 page with panels", page), ("S1 register", register)):
        stats = {kind: summary(values) for kind, values in timings.items()}
        for kind in users:
            rows.append(dict(case=f"{name}, {kind} user", **stats[kind]))
        key = name.split()[0]
        metrics[f"{key}_ratio_p50"] = ratio(
            stats["directory"]["p50_ms"], stats["local"]["p50_ms"]
        )
    metrics["meets_target"] = all(
        value is not None and value <= TARGET
        for key, value in metrics.items()
        if key.endswith("ratio_p50")
    )
    return {
        "title": "Directory user vs local user (S7, S1)",
        "note": f"{repeat} interleaved requests each, cookie log-in, slapd with "
        "5 000 users / 300 groups; target ratio <= 1.1 at p50.",
        "columns": ["case", "n", "p50_ms", "p95_ms", "max_ms"],
        "rows": rows,
        "metrics": metrics,
    }


def run(repeat: int) -> dict:
    """Run this bench in its own process (its own test layer); the report dict."""
    from pathlib import Path
    import json
    import subprocess

    out = Path(__file__).resolve().parents[1] / "var" / "bench" / "directory.json"
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "bench.directory", "--repeat", str(repeat)],
        cwd=out.parents[2],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if not out.exists():
        raise RuntimeError(f"directory bench failed: {done.stdout[-1500:]}")
    return json.loads(out.read_text())


def main(argv: list[str]) -> int:
    import os
    import pytest

    if "--repeat" in argv:
        os.environ["BENCH_DIRECTORY_REPEAT"] = argv[argv.index("--repeat") + 1]
    return pytest.main(
        [
            "-m",
            "bench",
            "-q",
            "-s",
            "-p",
            "no:warnings",
            "tests/directory/test_bench.py",
        ]
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
