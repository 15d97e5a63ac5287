"""``python -m bench.directory``: S7 and S1 as a directory user vs a local user.

Marked ``bench``: not part of ``make test`` (timings are reported, not asserted
in the test suite).
"""

from bench.directory import cookie_session
from bench.directory import measure
from bench.scenarios import inquiry_body
from collective.servicedesk.directory import slapd as tree
from pathlib import Path
from plone import api
import json
import os
import pytest
import transaction

pytestmark = pytest.mark.bench
LOCAL_PASSWORD = "local-password-123"


def test_directory_vs_local(functional_portal, functional_directory):
    portal = functional_portal
    api.user.create(
        username="local-agent",
        email="local-agent@example.org",
        password=LOCAL_PASSWORD,
        properties={"fullname": "Lokal Agent"},
    )
    api.group.add_user(groupname="unit-frontdesk", username="local-agent")
    desk = api.content.create(
        container=portal, type="ServiceDesk", id="service-desk", title="Servicetorget"
    )
    transaction.commit()
    base = portal.absolute_url()
    users = {
        "directory": cookie_session(base, "aode", tree.PASSWORD),
        "local": cookie_session(base, "local-agent", LOCAL_PASSWORD),
    }
    for s in users.values():
        assert "sd-ws-queue" in s.get(base, timeout=60).text
    repeat = int(os.environ.get("BENCH_DIRECTORY_REPEAT", "40"))
    report = measure(base, desk.absolute_url(), users, inquiry_body, repeat)
    out = Path(__file__).resolve().parents[2] / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "directory.json").write_text(json.dumps(report, indent=2))
    print()
    for row in report["rows"]:
        print(f"{row['case']:40} n={row['n']} p50={row['p50_ms']} p95={row['p95_ms']}")
    print(report["metrics"])
