"""Run the tick of a running server over HTTP, once or in a loop (stdlib only)."""

from base64 import b64encode
import json
import os
import sys
import time
import urllib.error
import urllib.request

UNREACHABLE = 3  # exit code: no server answered (the caller may use zconsole)


def _credentials() -> tuple[str, str]:
    user = os.environ.get("SERVICEDESK_TICK_USER") or os.environ.get(
        "SERVICEDESK_ADMIN_USER", "admin"
    )
    password = os.environ.get("SERVICEDESK_TICK_PASSWORD") or os.environ.get(
        "SERVICEDESK_ADMIN_PASSWORD", "admin"
    )
    return user, password


def call(site_url: str, timeout: float = 300) -> dict:
    """POST to @@servicedesk-tick and return its JSON answer."""
    user, password = _credentials()
    token = b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(
        site_url.rstrip("/") + "/@@servicedesk-tick",
        data=b"",
        method="POST",
        headers={"Authorization": f"Basic {token}", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def once(site_url: str) -> int:
    """Run one tick; return 0, 1 (error) or UNREACHABLE."""
    try:
        print(json.dumps(call(site_url)))
    except urllib.error.HTTPError as error:
        print(f"tick: {site_url} answered {error.code}", file=sys.stderr)
        return 1
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        print(f"tick: {site_url} not reachable ({error})", file=sys.stderr)
        return UNREACHABLE
    return 0


def loop(site_url: str, interval: float | None = None) -> int:
    """Tick every few minutes until the parent process (the server's shell) ends."""
    parent = os.getppid()
    wait = 5.0  # until the server answers for the first time
    while os.getppid() == parent:
        try:
            answer = call(site_url)
            wait = 60 * (interval or answer.get("interval_minutes") or 5)
        except (
            urllib.error.URLError,
            ConnectionError,
            TimeoutError,
            ValueError,
        ) as error:
            if wait > 5:
                print(f"tick: {error}", file=sys.stderr)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(1)
    return 0
