"""Send the rows of the bad-input table (``bad_inputs.json``) and collect the 5xx.

Shared by ``tests/security/test_bad_input.py`` (a quarter of the rows) and
``tests/cluster/test_bad_input_table.py`` (every row, against real instances).
"""

from collections import defaultdict
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.security import bad_inputs
from tests.services.conftest import PASSWORD
import json
import requests

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
