"""The measured scenarios S1, S2, S4, S5 and S7 (S6 is bench/locustfile.py)."""

from bench.data import PASSWORD
from bench.data import DataMaker
from bench.report import ratio
from bench.report import summary
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from datetime import timedelta
import random
import re
import requests
import threading
import time

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
MAKER = DataMaker(random.Random(7))
SEARCH_TERMS = ("byggesøknad", "faktura", "brøyting", "søppeltømming", "vannlekkasje")


def session(user: str, password: str = PASSWORD) -> requests.Session:
    s = requests.Session()
    s.auth = (user, password)
    s.headers.update(JSON)
    return s


def timed(call) -> tuple[float, requests.Response]:
    started = time.perf_counter()
    response = call()
    return time.perf_counter() - started, response


def expect(response: requests.Response, status: int = 200) -> requests.Response:
    if response.status_code != status:
        raise RuntimeError(
            f"{response.request.method} {response.url}: {response.status_code} "
            f"{response.text[:300]}"
        )
    return response


def warm(calls: list, parallel: int = 4, rounds: int = 3) -> None:
    """Run each call `parallel` times at once, `rounds` times: every server
    thread (each has its own object cache) has loaded what it needs.

    Each call runs once alone first: page templates compile on their first
    use, and CPython 3.11's compiler can fail when two threads compile at once
    ("AST constructor recursion depth mismatch").
    """
    for call in calls:
        call()
    with ThreadPoolExecutor(parallel) as pool:
        for _ in range(rounds):
            jobs = [call for call in calls for _ in range(parallel)]
            list(pool.map(lambda call: call(), jobs))


def inquiry_body(n: int, writer: int = 0) -> dict:
    """A phone inquiry as the front desk registers it, from the seeding vocabulary."""
    rng = random.Random(writer * 100_003 + n)
    category, title, description = MAKER.text(rng)
    return {
        "title": title,
        "description": description,
        "channel": "phone",
        "category": category,
        "anonymous": True,
    }


def s1_register(base: str, agent: str, folder: str, requests_n: int, raw: list[float]):
    """Register over REST vs a plain Document over REST, interleaved."""
    s = session(agent)
    desk = f"{base}/service-desk"
    register, document = [], []
    for n in range(requests_n + 5):
        t1, r1 = timed(
            lambda n=n: s.post(f"{desk}/@servicedesk-register", json=inquiry_body(n))
        )
        expect(r1, 201)
        t2, r2 = timed(
            lambda n=n: s.post(
                f"{base}/{folder}",
                json={
                    "@type": "Document",
                    "title": f"Notat {n}",
                    "description": "Om dunken",
                },
            )
        )
        expect(r2, 201)
        if n >= 5:  # the first few warm the caches
            register.append(t1)
            document.append(t2)
    reg, doc, raw_s = summary(register), summary(document), summary(raw)
    rows = [
        dict(case="register inquiry (REST)", **reg),
        dict(case="create Document (REST)", **doc),
        dict(case="raw ZODB commit, one object", **raw_s),
    ]
    return {
        "title": "Register an inquiry over REST",
        "note": "Sequential requests by one front-desk agent against one instance; "
        "ratios are to the plain Document in the same run.",
        "columns": ["case", "n", "p50_ms", "p95_ms", "max_ms"],
        "rows": rows,
        "metrics": {
            "ratio_p50": ratio(reg["p50_ms"], doc["p50_ms"]),
            "ratio_p95": ratio(reg["p95_ms"], doc["p95_ms"]),
            "ratio_to_raw_p50": ratio(reg["p50_ms"], raw_s["p50_ms"]),
            "p95_ms": reg["p95_ms"],
        },
    }


def count_conflicts(log_path, since: int) -> tuple[int, int, Counter]:
    """(retried, failed, conflicts per oid) logged after byte offset `since`."""
    try:
        with open(log_path, "rb") as log:
            log.seek(since)
            text = log.read().decode("utf-8", "replace")
    except OSError:
        return 0, 0, Counter()
    lines = [
        line for line in text.splitlines() if "collective.servicedesk.conflicts" in line
    ]
    retried = sum(1 for line in lines if "conflict retried:" in line)
    failed = sum(1 for line in lines if "conflict failed:" in line)
    oids = Counter(
        m.group(1) for line in lines if (m := re.search(r"oid (0x[0-9a-f]+)", line))
    )
    return retried, failed, oids


def log_size(log_path) -> int:
    try:
        return log_path.stat().st_size
    except OSError:
        return 0


def _writers_level(desk: str, agents: list[str], writers: int, seconds: float):
    """`writers` threads registering for `seconds`; (latencies, acks, failures, s)."""
    latencies: list[float] = []
    acknowledged: list[tuple[str, str]] = []
    failures: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def writer(index: int) -> None:
        s = session(agents[index % len(agents)])
        n = 0
        while time.monotonic() < stop_at:
            body = inquiry_body(n, index)
            body["title"] += f" ({writers}/{index}/{n})"
            n += 1
            try:
                spent, response = timed(
                    lambda body=body: s.post(
                        f"{desk}/@servicedesk-register", json=body, timeout=60
                    )
                )
            except requests.RequestException as error:
                with lock:
                    failures.append(str(error))
                continue
            with lock:
                latencies.append(spent)
                if response.status_code == 201:
                    path = "/" + response.json()["@id"].split("/", 3)[3]
                    acknowledged.append((path, body["title"]))
                else:
                    failures.append(f"{response.status_code} {response.text[:200]}")

    started = time.monotonic()
    with ThreadPoolExecutor(writers) as pool:
        list(pool.map(writer, range(writers)))
    return latencies, acknowledged, failures, time.monotonic() - started


def s2_writers(
    base: str,
    agents: list[str],
    levels: list[int],
    seconds: float,
    log_path,
    verify,
    name_oids,
):
    """Concurrent writers registering for a fixed time per level, via the balancer."""
    rows, metrics, failures_total, missing_total = [], {}, 0, 0
    hot: Counter = Counter()
    desk = f"{base}/service-desk"
    for writers in levels:
        offset = log_size(log_path)
        latencies, acknowledged, failures, elapsed = _writers_level(
            desk, agents, writers, seconds
        )
        time.sleep(1)  # let the log lines land
        retried, failed, oids = count_conflicts(log_path, offset)
        hot.update(oids)
        missing = verify(acknowledged)
        total = len(latencies) + sum(1 for f in failures if not f[:3].isdigit())
        stats = summary(latencies)
        row = {
            "writers": writers,
            "requests": total,
            "per_second": round(len(acknowledged) / elapsed, 1),
            "p50_ms": stats["p50_ms"],
            "p95_ms": stats["p95_ms"],
            "retries": retried,
            "retries_per_100": round(100 * retried / total, 2) if total else None,
            "failures": len(failures),
            "missing": len(missing),
        }
        rows.append(row)
        failures_total += len(failures) + failed
        missing_total += len(missing)
        if writers == 10:
            metrics["retries_per_100_at_10"] = row["retries_per_100"]
    metrics.update(failures=failures_total, missing=missing_total)
    names = name_oids(list(hot)) if hot else {}
    by_structure: Counter = Counter()
    for oid, count in hot.items():
        by_structure[names.get(oid, oid)] += count
    hot_text = "; ".join(
        f"{name}: {count}" for name, count in by_structure.most_common(8)
    )
    return {
        "title": "Concurrent writers registering inquiries",
        "note": f"{seconds:.0f} s per level through the balancer onto both instances; "
        "retries are the publisher's conflict retries from the instances' log; "
        "every acknowledged inquiry is looked up afterwards."
        + (f" Conflicting objects (all levels): {hot_text}." if hot_text else ""),
        "columns": [
            "writers",
            "requests",
            "per_second",
            "p50_ms",
            "p95_ms",
            "retries",
            "retries_per_100",
            "failures",
            "missing",
        ],
        "rows": rows,
        "metrics": metrics,
    }


def s4_cases(handler: str, agent: str) -> list[dict]:
    cases = [
        {"name": f"search {term}", "user": agent, "kind": "search", "text": term}
        for term in SEARCH_TERMS[:3]
    ]
    cases += [
        {"name": "my queue", "user": handler, "kind": "mine", "text": ""},
        {"name": "unit queue", "user": handler, "kind": "unit", "text": ""},
    ]
    return cases


def s4_request(base: str, case: dict):
    s = session(case["user"])
    if case["kind"] == "search":
        url = f"{base}/@knowledge-search?q={case['text']}"
    else:
        queue = "mine" if case["kind"] == "mine" else "unit"
        url = f"{base}/service-desk/@servicedesk-queue?queue={queue}"
    return lambda: expect(s.get(url))


def s4_measure(
    base: str, cases: list[dict], repeat: int, baseline: dict, size: int
) -> list[dict]:
    rows = []
    for case in cases:
        call = s4_request(base, case)
        warm([call])
        seconds, total = [], None
        for _ in range(repeat):
            spent, response = timed(call)
            seconds.append(spent)
            data = response.json()
            total = data.get("total", data.get("items_total"))
        served, inproc = summary(seconds), summary(baseline[case["name"]]["seconds"])
        rows.append(
            {
                "size": size,
                "case": case["name"],
                "hits": total,
                "p50_ms": served["p50_ms"],
                "p95_ms": served["p95_ms"],
                "in_process_p50_ms": inproc["p50_ms"],
                "ratio_p50": ratio(served["p50_ms"], inproc["p50_ms"]),
            }
        )
    return rows


def s4_result(rows: list[dict]) -> dict:
    largest = max(row["size"] for row in rows)
    worst = max(row["p95_ms"] for row in rows if row["size"] == largest)
    return {
        "title": "Free-text search and queues",
        "note": "REST (@knowledge-search with facets and highlighting, "
        "@servicedesk-queue) vs the same catalog query in-process, as the same user.",
        "columns": [
            "size",
            "case",
            "hits",
            "p50_ms",
            "p95_ms",
            "in_process_p50_ms",
            "ratio_p50",
        ],
        "rows": rows,
        "metrics": {"p95_ms_at_max": worst, "largest_size": largest},
    }


def s5_statistics(base: str, lead: str, repeat: int, baseline: dict, size: int) -> dict:
    s = session(lead)
    today = date.today()
    ranges = {
        "last 30 days": (today - timedelta(days=30), today),
        "whole year": (today - timedelta(days=365), today),
    }
    rows, worst = [], 0.0
    inproc = summary(baseline["counts"]["seconds"])
    for name, (start, end) in ranges.items():
        url = f"{base}/@servicedesk-statistics?start={start}&end={end}&period=week"
        warm([lambda url=url: expect(session(lead).get(url))])
        seconds, total = [], None
        for _ in range(repeat):
            spent, response = timed(lambda url=url: expect(s.get(url)))
            seconds.append(spent)
            total = response.json()["total"]
        served = summary(seconds)
        worst = max(worst, served["p95_ms"])
        rows.append(
            {
                "size": size,
                "range": name,
                "inquiries_in_range": total,
                "p50_ms": served["p50_ms"],
                "p95_ms": served["p95_ms"],
                "baseline_p50_ms": inproc["p50_ms"],
                "ratio_p50": ratio(served["p50_ms"], inproc["p50_ms"]),
            }
        )
    return {
        "title": "Statistics at the largest size",
        "note": "@servicedesk-statistics as a lead vs the index-level count baseline "
        "(counts per category, channel, unit and state straight from the catalog's "
        "forward indexes, in-process).",
        "columns": list(rows[0]),
        "rows": rows,
        "metrics": {"p95_ms": worst},
    }


PANELS = ("quickbar", "queue", "presence", "messages")


def set_panels(admin: requests.Session, base: str, enabled: bool) -> None:
    expect(
        admin.patch(
            f"{base}/@registry",
            json={
                f"collective.servicedesk.workspace.{p}_enabled": enabled for p in PANELS
            },
        ),
        204,
    )


def s7_panels(
    base: str, admin: requests.Session, user: str, page: str, repeat: int, size: int
):
    """The same intranet page with all panels and with none, in alternating blocks."""
    s = requests.Session()
    s.auth = (user, PASSWORD)
    url = f"{base}/{page}"
    marker = "sd-ws-queue"
    timings = {True: [], False: []}
    seen = {}
    for _block in range(4):
        for enabled in (False, True):
            set_panels(admin, base, enabled)
            seen[enabled] = marker in expect(s.get(url)).text
            warm([lambda: expect(s.get(url))], rounds=1)
            for _ in range(repeat // 4):
                timings[enabled].append(timed(lambda: expect(s.get(url)))[0])
    set_panels(admin, base, True)
    on, off = summary(timings[True]), summary(timings[False])
    return {
        "title": "Intranet page with and without the workspace panels",
        "note": f"GET /{page} as a front-desk agent, {size} inquiries; panels switched "
        "in the workspace control panel between alternating blocks. Panels rendered: "
        f"with {seen.get(True)}, without {seen.get(False)}.",
        "columns": ["case", "n", "p50_ms", "p95_ms", "max_ms"],
        "rows": [dict(case="all panels", **on), dict(case="panels off", **off)],
        "metrics": {
            "ratio_p50": ratio(on["p50_ms"], off["p50_ms"]),
            "delta_p50_ms": round(on["p50_ms"] - off["p50_ms"], 1),
            "panels_rendered": bool(seen.get(True)) and not seen.get(False),
        },
    }
