"""S6: simulated staff users against the local cluster (headless in make bench).

Each simulated user logs in with a distinct account (staff001..staffNNN,
BENCH_PASSWORD), thinks between actions (BENCH_THINK_MIN..MAX seconds) and
does what front-desk staff and case handlers do all day, weighted roughly as
often as they do it: open an inquiry, look at the queue, search, register,
move an inquiry on, look at the dashboard. Pages are the Classic UI pages the
staff use (with the workspace panels); writes go through the REST API.
"""

from bench.data import staff_accounts
from locust import HttpUser
from locust import between
from locust import task
import itertools
import os
import random
import threading

PASSWORD = os.environ.get("BENCH_PASSWORD", "bench-servicedesk")
USERS = int(os.environ.get("BENCH_USERS", "100"))
SITE = os.environ.get("BENCH_SITE", "/Plone")
DESK = f"{SITE}/service-desk"
TERMS = ("byggesøknad", "faktura", "brøyting", "barnehageplass", "eiendomsskatt")
CATEGORIES = ("waste-collection", "building-permits", "municipal-fees", "parking")
# The first of these the inquiry offers is taken ("answer" needs a written answer).
PREFERRED = ("start", "forward", "assign")

GROUPS = {user_id: group for user_id, _name, group in staff_accounts(USERS)}
AGENTS = "servicedesk-frontdesk"
HANDLERS = ("servicedesk-building", "servicedesk-health", "servicedesk-technical")
_numbers = itertools.count(1)
_lock = threading.Lock()


def next_account() -> str:
    with _lock:
        n = next(_numbers)
    return f"staff{(n - 1) % USERS + 1:03d}"


class Staff(HttpUser):
    """One member of staff with their own account and queue."""

    wait_time = between(
        float(os.environ.get("BENCH_THINK_MIN", "15")),
        float(os.environ.get("BENCH_THINK_MAX", "45")),
    )

    def on_start(self) -> None:
        self.account = next_account()
        self.staff_group = GROUPS.get(self.account, "")
        self.client.auth = (self.account, PASSWORD)
        self.json = {"Accept": "application/json", "Content-Type": "application/json"}
        self.known: list[str] = []

    def _queue(self) -> list[dict]:
        """The unit's queue; front-desk staff (no unit queue) watch the overdue one."""
        items: list[dict] = []
        for queue in ("unit", "overdue"):
            response = self.client.get(
                f"{DESK}/@servicedesk-queue?queue={queue}&b_size=25",
                headers=self.json,
                name=f"{queue} queue (REST)",
            )
            if response.status_code == 200:
                items = response.json().get("items", [])
            if items:
                break
        self.known = [item["@id"] for item in items]
        return items

    @task(6)
    def open_inquiry(self) -> None:
        if not self.known:
            self._queue()
        if self.known:
            url = random.choice(self.known)
            self.client.get(url.replace(self.host, ""), name="open inquiry (page)")

    @task(4)
    def queue_page(self) -> None:
        self.client.get(f"{DESK}/unit-queue", name="unit queue (page)")
        self._queue()

    @task(4)
    def search(self) -> None:
        term = random.choice(TERMS)
        self.client.get(f"{SITE}/knowledge-search?q={term}", name="search (page)")

    @task(3)
    def register(self) -> None:
        if self.staff_group != AGENTS:  # the front desk registers; others may not
            return self.search()
        self.client.post(
            f"{DESK}/@servicedesk-register",
            json={
                "title": f"Lasttest: spørsmål om {random.choice(TERMS)}",
                "channel": "phone",
                "category": random.choice(CATEGORIES),
                "anonymous": True,
            },
            headers=self.json,
            name="register (REST)",
        )

    @task(2)
    def transition(self) -> None:
        if self.staff_group not in HANDLERS:  # case handlers move inquiries on
            return self.open_inquiry()
        items = self._queue()
        if not items:
            return
        url = random.choice(items)["@id"].replace(self.host, "")
        response = self.client.get(
            f"{url}/@workflow", headers=self.json, name="transitions (REST)"
        )
        if response.status_code != 200:
            return
        offered = {t["@id"].rsplit("/", 1)[-1] for t in response.json()["transitions"]}
        for transition in PREFERRED:
            if transition in offered:
                self.client.post(
                    f"{url}/@workflow/{transition}",
                    json={"comment": "Lasttest"},
                    headers=self.json,
                    name="transition (REST)",
                )
                return

    @task(1)
    def dashboard(self) -> None:
        self.client.get(f"{SITE}/servicedesk-dashboard", name="dashboard (page)")
