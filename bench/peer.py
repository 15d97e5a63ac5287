"""``make bench-peer``: the same workload against Request Tracker 5 and the add-on.

Both run on this machine and on the same PostgreSQL (127.0.0.1): RT 5 from
Debian's packages served by its ``rt-server`` (Starlet, ``--rt-workers``
prefork workers) with the PostgreSQL full-text index, and one add-on instance
on RelStorage (``--threads`` waitress threads, the cache settings of
``make bench``). Each is seeded with the same number of items through its own
fast path (RT's Perl API, then its full-text indexer; the add-on's
bench/seed.py), both are warmed, then blocks alternate between the two systems
(the first one alternates too): create, full-text search, queue listing, and
creates by N concurrent clients, all over REST (RT's REST 2 API with basic
auth). The report (ours ÷ RT, p50/p95, RSS) goes to var/bench-peer/.

RT must be installed first: ``scripts/setup_rt.sh`` (apt-get, root).
See docs/how-to/benchmark-peer.md.
"""

from bench import peer_rt
from bench import scenarios
from bench.cluster import Cluster
from bench.cluster import Sink
from bench.cluster import analyze_database
from bench.cluster import copy_database
from bench.cluster import database_exists
from bench.data import DataMaker
from bench.data import staff_accounts
from bench.peer_report import block_order
from bench.peer_report import compare
from bench.peer_report import markdown
from bench.peer_report import memory_row
from bench.report import machine
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC
from datetime import datetime
from pathlib import Path
from tests.cluster.harness import free_port
import argparse
import json
import os
import random
import requests
import subprocess
import sys
import threading
import time

ROOT = Path(__file__).resolve().parents[1]
SEARCH_TERMS = scenarios.SEARCH_TERMS[:3]


def parse(argv: list[str]) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=int(env("PEER_ITEMS", "3000")))
    parser.add_argument("--blocks", type=int, default=int(env("PEER_BLOCKS", "6")))
    parser.add_argument(
        "--per-block",
        type=int,
        default=int(env("PEER_PER_BLOCK", "10")),
        help="requests of each sequential operation per system and block",
    )
    parser.add_argument(
        "--concurrent", type=int, default=int(env("PEER_CONCURRENT", "10"))
    )
    parser.add_argument(
        "--concurrent-each",
        type=int,
        default=int(env("PEER_CONCURRENT_EACH", "3")),
        help="creates by each concurrent client per block",
    )
    parser.add_argument(
        "--rt-workers", type=int, default=int(env("PEER_RT_WORKERS", "2"))
    )
    parser.add_argument(
        "--rt-auth",
        choices=("cookie", "basic"),
        default=env("PEER_RT_AUTH", "cookie"),
        help="RT: session cookie after one login (default) or basic auth each request",
    )
    parser.add_argument("--threads", type=int, default=int(env("PEER_THREADS", "2")))
    parser.add_argument(
        "--cache-size", type=int, default=int(env("PEER_CACHE_SIZE", "300000"))
    )
    parser.add_argument(
        "--cache-local-mb", type=int, default=int(env("PEER_CACHE_LOCAL_MB", "1000"))
    )
    parser.add_argument("--users", type=int, default=int(env("PEER_USERS", "20")))
    parser.add_argument(
        "--rt-database", default=env("PEER_RT_DATABASE", "rt5_bench_peer")
    )
    parser.add_argument("--database", default=env("PEER_DATABASE", "sdpeer_bench"))
    parser.add_argument(
        "--out", default=env("PEER_OUT", str(ROOT / "var" / "bench-peer"))
    )
    parser.add_argument("--reseed", action="store_true", help="seed both again")
    return parser.parse_args(argv)


def say(message: str) -> None:
    print(f"[bench-peer {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def uptime() -> str:
    return subprocess.run(
        ["uptime"], capture_output=True, text=True, check=False
    ).stdout.strip()


def load1() -> float:
    return round(os.getloadavg()[0], 2)


def texts(count: int, users: int) -> list[tuple[str, str]]:
    """The seeded inquiries' titles and descriptions (the same data RT gets)."""
    maker = DataMaker(random.Random(2026), users)
    items = []
    for n in range(count):
        fields = maker.inquiry(n)["fields"]
        items.append((fields["title"], fields["description"] or fields["title"]))
    return items


class Ours:
    """The add-on: one instance over REST."""

    def __init__(self, base: str, agent: str, handler: str):
        self.base = base
        self.agent = scenarios.session(agent)
        self.handler = scenarios.session(handler)
        self.agent_name = agent
        self.count = 0

    def create(self, n: int, writer: int = 0, client=None) -> None:
        body = scenarios.inquiry_body(n, writer)
        scenarios.expect(
            (client or self.agent).post(
                f"{self.base}/service-desk/@servicedesk-register",
                json=body,
                timeout=120,
            ),
            201,
        )

    def search(self, n: int) -> None:
        term = SEARCH_TERMS[n % len(SEARCH_TERMS)]
        scenarios.expect(self.agent.get(f"{self.base}/@knowledge-search?q={term}"))

    def queue(self, n: int) -> None:
        scenarios.expect(
            self.handler.get(f"{self.base}/service-desk/@servicedesk-queue?queue=unit")
        )

    def client(self):
        return scenarios.session(self.agent_name)


class Peer:
    """Request Tracker over its REST 2 API as root.

    Each client logs in once and sends RT's session cookie: with basic auth RT
    checks the password (bcrypt, cost 12) on every request, which alone took
    about 0.6 s per request here; ``--rt-auth basic`` measures that way.
    """

    def __init__(self, url: str, auth: str = "cookie"):
        self.root = url
        self.url = f"{url}/REST/2.0"
        self.auth = auth
        self.session = self.client()

    def client(self) -> requests.Session:
        s = requests.Session()
        s.headers.update({"Accept": "application/json"})
        if self.auth == "basic":
            s.auth = ("root", peer_rt.ROOT_PASSWORD)
            return s
        login = s.post(
            f"{self.root}/NoAuth/Login.html",
            data={"user": "root", "pass": peer_rt.ROOT_PASSWORD},
            allow_redirects=False,
            timeout=120,
        )
        if not any(name.startswith("RT_SID_") for name in s.cookies.keys()):
            raise RuntimeError(f"RT login failed: {login.status_code}")
        return s

    def create(self, n: int, writer: int = 0, client=None) -> None:
        body = scenarios.inquiry_body(n, writer)
        scenarios.expect(
            (client or self.session).post(
                f"{self.url}/ticket",
                json={
                    "Queue": "General",
                    "Subject": body["title"],
                    "Content": body["description"],
                    "ContentType": "text/plain",
                },
                timeout=120,
            ),
            201,
        )

    def search(self, n: int) -> None:
        term = SEARCH_TERMS[n % len(SEARCH_TERMS)]
        scenarios.expect(
            self.session.get(
                f"{self.url}/tickets",
                params={
                    "query": f"Content LIKE '{term}'",
                    "fields": "Subject,Status,Owner,Created",
                    "per_page": "25",
                },
            )
        )

    def queue(self, n: int) -> None:
        scenarios.expect(
            self.session.get(
                f"{self.url}/tickets",
                params={
                    "query": "Queue = 'General' AND Status = '__Active__'",
                    "orderby": "Created",
                    "order": "DESC",
                    "fields": "Subject,Status,Owner,Created",
                    "per_page": "25",
                },
            )
        )


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def concurrent_creates(system, clients: int, each: int, offset: int) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        client = system.client()
        for k in range(each):
            spent = timed(
                lambda k=k: system.create(offset + k, 1000 + index, client=client)
            )
            with lock:
                latencies.append(spent)

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    return latencies


def prepare_rt(args, folder: Path, texts_: list) -> tuple[peer_rt.RT, dict]:
    """RT's database with `--items` indexed tickets, copied from a template
    kept between runs (the measured creates do not pile up run after run)."""
    rt = peer_rt.RT(folder / "rt", args.rt_database, free_port(), args.rt_workers)
    rt.write_config()
    template = f"{args.rt_database}_template_{args.items}"
    info: dict = {}
    if args.reseed or not database_exists(template):
        say(f"RT: new database {args.rt_database} with the full-text index")
        rt.init_database()
        say(f"RT: seeding {args.items} tickets through its Perl API")
        info["rt_seed_s"] = round(rt.seed(texts_), 1)
        say(f"RT: seeded in {info['rt_seed_s']} s; full-text indexing")
        info["rt_index_s"] = round(rt.index(), 1)
        analyze_database(args.rt_database)
        copy_database(args.rt_database, template)
    else:
        say(f"RT: copying the seeded database {template}")
        copy_database(template, args.rt_database)
    return rt, info


def prepare_ours(args, folder: Path, sink: Sink) -> tuple[Cluster, dict]:
    cluster = Cluster(
        folder / "cluster",
        cache_size=args.cache_size,
        smtp_port=sink.port,
        cache_local_mb=args.cache_local_mb,
        threads=args.threads,
    )
    template = f"sdpeer_template_{args.items}"
    info: dict = {}
    if args.reseed or not database_exists(template):
        cluster.use(args.database, fresh=True)
        say("ours: creating the site")
        cluster.create_site()
        say(f"ours: seeding {args.items} inquiries (bench/seed.py)")
        info["ours_seed_s"] = round(
            cluster.seed(
                {
                    "BENCH_INQUIRIES": args.items,
                    "BENCH_USERS": args.users,
                    "BENCH_FAQ": 30,
                    "BENCH_DOCS": 10,
                    "BENCH_SEED": 2026,
                }
            ),
            1,
        )
        cluster.stop()
        analyze_database(args.database)
        copy_database(args.database, template)
    else:
        say(f"ours: reusing the seeded database {template}")
    copy_database(template, args.database)
    cluster.use(args.database)
    cluster.inprocess({"mode": "mail", "port": sink.port})
    return cluster, info


def main(argv: list[str]) -> int:
    args = parse(argv)
    missing = peer_rt.which_missing()
    if missing or not peer_rt.installed():
        print(
            f"Request Tracker is not installed ({', '.join(missing)}): "
            "run scripts/setup_rt.sh as root first (make bench-peer does).",
            file=sys.stderr,
        )
        return 2
    started = datetime.now(UTC)
    folder = Path(args.out).resolve()
    run_folder = folder / started.strftime("%Y%m%d-%H%M%S")
    run_folder.mkdir(parents=True, exist_ok=True)
    load_before = uptime()
    say(f"load: {load_before}")
    staff = staff_accounts(args.users)
    agent = next(a[0] for a in staff if a[2] == "servicedesk-frontdesk")
    handler = next(a[0] for a in staff if a[2] == "servicedesk-building")
    rt, rt_info = prepare_rt(args, folder, texts(args.items, args.users))
    with Sink() as sink:
        cluster, our_info = prepare_ours(args, folder, sink)
        node = cluster.nodes[0]
        try:
            say("starting one add-on instance and rt-server")
            node.start()
            rt.start()
            systems = {
                "ours": Ours(node.url, agent, handler),
                "rt": Peer(rt.url, args.rt_auth),
            }
            say("warming both")
            for system in systems.values():
                for n in range(6):
                    system.create(900_000 + n)
                    system.search(n)
                    system.queue(n)
                concurrent_creates(system, args.concurrent, 1, 800_000)
            timings: dict[str, dict[str, list[float]]] = {"ours": {}, "rt": {}}
            loads = []
            counter = 0
            for block in range(args.blocks):
                loads.append(load1())
                say(f"block {block + 1}/{args.blocks}, load {loads[-1]}")
                for name in block_order(block):
                    system = systems[name]
                    into = timings[name]
                    for operation in ("create", "search", "queue"):
                        for _k in range(args.per_block):
                            counter += 1
                            call = getattr(system, operation)
                            into.setdefault(operation, []).append(
                                timed(lambda call=call, c=counter: call(c))
                            )
                    into.setdefault("concurrent", []).extend(
                        concurrent_creates(
                            system,
                            args.concurrent,
                            args.concurrent_each,
                            block * 1000,
                        )
                    )
            our_pids = [node.process.pid, *peer_rt.children(node.process.pid)]
            memory = memory_row(
                peer_rt.rss_kb(our_pids),
                peer_rt.rss_kb(rt.pids()),
                peer_rt.pss_kb(our_pids),
                peer_rt.pss_kb(rt.pids()),
            )
            rt_tickets = rt.tickets()
        finally:
            rt.stop()
            cluster.stop()
    version = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "request-tracker5"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    result = {
        "rt_version": version,
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "finished": datetime.now(UTC).strftime("%H:%M UTC"),
        "machine": ", ".join(f"{key}: {value}" for key, value in machine().items()),
        "load_before": load_before,
        "load_after": uptime(),
        "loads": loads,
        "setup": (
            f"{args.items} items seeded in each (RT: Perl API + rt-fulltext-indexer; "
            f"ours: bench/seed.py); RT {version} via rt-server/Starlet with "
            f"{args.rt_workers} workers, {args.rt_auth} auth, PostgreSQL full-text "
            "index (GIN); ours: one "
            f"instance, {args.threads} threads, RelStorage on the same PostgreSQL. "
            f"{args.blocks} blocks alternating which system goes first; per block and "
            f"system {args.per_block} of each sequential operation and "
            f"{args.concurrent} concurrent clients × {args.concurrent_each} creates. "
            f"RT had {rt_tickets} tickets at the end."
        ),
        "rows": compare(timings["ours"], timings["rt"]),
        "memory": memory,
        "seeding": {**rt_info, **our_info},
        "notes": [],
    }
    (run_folder / "peer.json").write_text(json.dumps(result, indent=2, default=str))
    report = markdown(result)
    (run_folder / "peer.md").write_text(report)
    (folder / "latest.md").write_text(report)
    (folder / "latest.json").write_text(json.dumps(result, indent=2, default=str))
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
