"""Write request/response examples for docs/reference/examples/ from the tests."""

from pathlib import Path
import json
import re

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "reference" / "examples"
PORTAL = "http://localhost:8080/Plone"


def _clean(text: str, portal_url: str) -> str:
    text = text.replace(portal_url, PORTAL)
    # Volatile values become stable placeholders, so the files only change
    # when the API does.
    text = re.sub(
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)?",
        "2026-03-02T09:15:00+00:00",
        text,
    )
    text = re.sub(r"\b[0-9a-f]{32}\b", "0123456789abcdef0123456789abcdef", text)
    # Dates and clock times in the site's zone (Norwegian style), e.g. a
    # created date or a deadline in a filled macro: the placeholder moment in
    # Europe/Oslo, so the files do not change with the day the tests run.
    text = re.sub(r"\b\d{2}\.\d{2}\.20\d{2}\b", "02.03.2026", text)
    text = re.sub(r"\bkl\. \d{2}:\d{2}\b", "kl. 10:15", text)
    # Reference numbers depend on how many inquiries earlier tests made.
    text = re.sub(r"\b20\d{2}-\d{6}\b", "2026-000123", text)
    # Reply ids: a timestamp and a random suffix.
    text = re.sub(r"\b\d{20}-[0-9a-f]{8}\b", "20260302091500000000-0123abcd", text)
    return re.sub(r"localhost:\d+/plone", "localhost:8080/Plone", text)


def write_example(
    name: str, response, portal_url: str, body=None, replace: dict | None = None
) -> None:
    """Save method, path, request body, status and JSON answer of ``response``."""
    request = response.request
    path = request.url.split("/++api++", 1)[-1] or "/"
    answer = response.json() if response.content else None
    example = {
        "request": {
            "method": request.method,
            "path": path,
            "headers": {
                key: value
                for key, value in request.headers.items()
                if key
                in ("Accept", "Content-Type", "X-Followup-Code", "X-Servicedesk-Secret")
            },
            "body": body,
        },
        "response": {"status": response.status_code, "body": answer},
    }
    text = json.dumps(example, indent=2, ensure_ascii=False, sort_keys=True)
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    (EXAMPLES / f"{name}.json").write_text(_clean(text, portal_url) + "\n")
