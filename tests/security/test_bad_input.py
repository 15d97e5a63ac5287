"""The bad-input table (``bad_inputs.json``): no row may answer 5xx (issue 12)."""

from collections import defaultdict
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.security import bad_inputs
from tests.services.conftest import PASSWORD
from tests.services.helpers import make_inquiry
import json
import pytest
import requests
import transaction

ROWS = json.loads(bad_inputs.TABLE.read_text())
# The probes of issue 12 always run; `make test` sends one row in four of the
# rest (a few seconds per endpoint), `make test-cluster` sends every row.
PROBES = {
    "ask:deep-array-100000",
    "register:deep-array-100000",
    "register:title=long-200000",
    "register:title=surrogate",
    "ask:question=surrogate",
    "ask:two-megabytes",
    "faq-suggestions?list",
    "view-history?list",
    "queue?int",
    "view-statistics?date",
    "view-track?code",
    "trace-ask",
    "tally:text-plain",
}


def by_endpoint(every: int) -> dict[str, list[dict]]:
    rows = defaultdict(list)
    for index, row in enumerate(ROWS):
        if index % every == 0 or row["id"] in PROBES:
            endpoint = row["id"].split(":")[0].split("?")[0].split("=")[0]
            rows[endpoint].append(row)
    return rows


BY_ENDPOINT = by_endpoint(4)
ALL_BY_ENDPOINT = by_endpoint(1)
AUTH = {
    "anonymous": None,
    "agent": ("agent-x", PASSWORD),
    "manager": (SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
}


def test_table_is_generated_from_the_spec():
    assert ROWS == bad_inputs.build()
    assert len(ROWS) >= 400


def request_args(row: dict) -> dict:
    body = row.get("body")
    headers = {"Accept": "application/json"}
    if body is None:
        return {"headers": headers}
    content_type = body.get("content_type", "application/json")
    if "json" in body:
        value = {
            key: bad_inputs.make(item["make"])
            if isinstance(item, dict) and "make" in item and len(item) == 1
            else item
            for key, item in body["json"].items()
        }
        data = json.dumps(value).encode("ascii")
    elif "hex" in body:
        data = bytes.fromhex(body["hex"])
    elif "make" in body:
        data = bad_inputs.make(body["make"])
        if "button" in body:
            data += f"&{body['button']}=1"
        data = data.encode("utf-8")
    else:
        data = body["raw"].encode("utf-8")
    if content_type.startswith("application/x-www-form"):
        headers["Accept"] = "text/html"
    headers["Content-Type"] = content_type
    return {"headers": headers, "data": data}


@pytest.fixture
def targets(public_desk, users):
    inquiry = make_inquiry(public_desk, description="Vegen er ikkje brøytt.")
    transaction.commit()
    return {"{desk}": public_desk.absolute_url(), "{inquiry}": inquiry.absolute_url()}


def test_probes_are_in_the_table():
    assert PROBES <= {row["id"] for row in ROWS}


@pytest.mark.parametrize("endpoint", sorted(BY_ENDPOINT))
def test_no_server_errors(endpoint, targets, functional_portal):
    assert send(BY_ENDPOINT[endpoint], targets, functional_portal) == []


@pytest.mark.cluster
@pytest.mark.parametrize("endpoint", sorted(ALL_BY_ENDPOINT))
def test_no_server_errors_in_any_row(endpoint, targets, functional_portal):
    assert send(ALL_BY_ENDPOINT[endpoint], targets, functional_portal) == []


def send(rows: list[dict], targets: dict, functional_portal) -> list:
    """Send ``rows``; return (id, status, start of body) of every 5xx."""
    portal_url = functional_portal.absolute_url()
    failures = []
    with requests.Session() as session:
        for row in rows:
            path = row["path"]
            for marker, url in targets.items():
                path = path.replace(marker, url)
            url = path if path.startswith("http") else portal_url + path
            response = session.request(
                row["method"],
                url,
                auth=AUTH[row["role"]],
                allow_redirects=False,
                timeout=120,
                **request_args(row),
            )
            if response.status_code >= 500:
                failures.append((row["id"], response.status_code, response.text[:300]))
    return failures
