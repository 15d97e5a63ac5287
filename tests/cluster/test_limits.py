"""A real instance: the 300 MB body is refused without growth, and no follow-up
code reaches the access log during the citizen's whole flow (issue 12)."""

from bench.limits import run
from tests.cluster.harness import Instance
import pytest
import re
import requests
import time

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    inst = Instance(
        tmp_path_factory.mktemp("limits"), "filestorage", env={"SERVICEDESK_DEMO": "1"}
    )
    inst.create_site()
    inst.start()
    yield inst
    inst.stop()


def test_large_bodies_refused_without_growth(demo):
    requests.get(f"{demo.url}/@servicedesk-ask", timeout=120)  # warm
    rows = {row["probe"]: row for row in run(demo, mb=300)}
    big = rows["300 MB JSON body"]
    assert big["status"] == 413
    assert big["sent_mb"] < 300  # refused before the body was read
    assert big["growth_mb"] < 50
    service = rows["5 MB JSON body"]
    assert service["status"] == 413
    assert '"PayloadTooLarge"' in service["body"]
    assert rows["1 MB of [ (nesting)"]["status"] == 400


def test_no_followup_code_in_the_access_log(demo):
    site = demo.url
    session = requests.Session()
    form = session.get(
        f"{site}/@servicedesk-ask", headers={"Accept": "application/json"}
    )
    data = form.json()
    time.sleep(3.5)  # the form's time trap: people need a few seconds
    answer = session.post(
        f"{site}/@@ask",
        data={
            "question": "Når blir vegen vår brøytet?",
            "category": data["categories"][0]["id"] if data["categories"] else "",
            "contact": "anonymous",
            data["token_field"]: data[data["token_field"]],
            "form.buttons.send": "send",
        },
    )
    assert answer.status_code == 200, answer.text[:500]
    found = re.search(r'servicedesk-followup-code"[^>]*>\s*([^<\s]+)', answer.text)
    assert found, answer.text[:2000]
    code = found.group(1)
    assert not re.search(r"[?&]code=", answer.text)
    tracked = session.post(
        f"{site}/@@track", data={"code": code, "form.buttons.show": "1"}
    )
    assert tracked.status_code == 200
    api = session.get(
        f"{site}/@servicedesk-track",
        headers={"Accept": "application/json", "X-Followup-Code": code},
    )
    assert api.status_code == 200
    log = (demo.var / "log" / "access.log").read_text()
    # The log is written (paths are logged URL-encoded: %40%40track).
    assert '"POST /Plone/%40%40track HTTP/1.1" 200' in log
    assert '"GET /Plone/%40servicedesk-track HTTP/1.1" 200' in log
    assert code not in log
