"""The benchmark's cluster: RelStorage/PostgreSQL, a seeding process, two instances."""

from aiosmtpd.controller import Controller
from pathlib import Path
from tests.cluster.harness import ADMIN
from tests.cluster.harness import PG
from tests.cluster.harness import Instance
from tests.cluster.harness import create_database
from tests.cluster.harness import free_port
import json
import requests
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


class Sink:
    """An SMTP server that accepts and counts mail (notifications are really sent)."""

    def __init__(self) -> None:
        self.received = 0
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        self.received += 1
        return "250 OK"

    def __enter__(self) -> "Sink":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()


def wait_for(url: str, started: float, deadline: float, auth=None) -> float:
    """Seconds from ``started`` until ``url`` answers 200."""
    while time.monotonic() < deadline:
        try:
            if requests.get(url, auth=auth, timeout=60).status_code == 200:
                return time.monotonic() - started
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer 200 in time")


def wait_ready(url: str, timeout: float = 900) -> None:
    """Until the instance's warm-up is done (@@servicedesk-ready answers 200)."""
    started = time.monotonic()
    wait_for(f"{url}/@@servicedesk-ready", started, started + timeout)


class Cluster:
    """Two serving instances and one seeding configuration on one database."""

    def __init__(
        self,
        var: Path,
        cache_size: int,
        smtp_port: int,
        cache_local_mb: int = 100,
        threads: int = 2,
        gc_policy: str = "default",
        gc_freeze_after: int = 50,
        warmup: bool = False,
    ):
        self.var = var
        self.smtp_port = smtp_port
        self.common = {
            "SERVICEDESK_THREADS": str(threads),
            "SERVICEDESK_DEMO": "1",
            "SERVICEDESK_CACHE_SIZE": str(cache_size),
            "SERVICEDESK_CACHE_LOCAL_MB": str(cache_local_mb),
            "PYTHONPATH": str(ROOT),
            # The serving instances' garbage-collection policy (issue 19); the
            # warm-up before S6 sends about 50 requests to each instance.
            "SERVICEDESK_GC_POLICY": gc_policy,
            "SERVICEDESK_GC_FREEZE_AFTER": str(gc_freeze_after),
            # The production start (docs/how-to/production-tuning.md): the
            # warm-up, and no traffic before it is done.
            "SERVICEDESK_WARMUP": "1" if warmup else "0",
        }
        self.database = ""
        self.balancer: subprocess.Popen | None = None
        self.balancer_port = free_port()
        self.url = f"http://127.0.0.1:{self.balancer_port}/Plone"
        self.nodes: list[Instance] = []

    def use(self, database: str, fresh: bool = False) -> None:
        """Point the seeder and the instances at `database` (stopped first)."""
        self.stop()
        self.database = database
        dsn = create_database(database) if fresh else dsn_of(database)
        # The seeder holds the whole catalogue in memory: it writes to all of it.
        self.seeder = Instance(
            self.var,
            "relstorage",
            dsn,
            name="seed",
            env=dict(
                self.common,
                SERVICEDESK_CACHE_SIZE="2000000",
                SERVICEDESK_CACHE_LOCAL_MB="1000",
                SERVICEDESK_WARMUP="0",
            ),
        )
        self.nodes = [
            Instance(self.var, "relstorage", dsn, name=f"instance{n}", env=self.common)
            for n in (1, 2)
        ]

    def create_site(self) -> None:
        self.seeder.create_site()

    def zconsole(self, script: str, env: dict, timeout: float = 3600) -> str:
        """Run a script inside the seeding configuration; return its stderr."""
        result = subprocess.run(
            [str(BIN / "zconsole"), "run", str(self.seeder.etc / "zope.conf"), script],
            env=dict(self.seeder.env, **env),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode:
            # The whole output beside the instances' logs; the error shows its end.
            kept = self.var / f"{Path(script).stem}-failed.log"
            kept.write_text(result.stderr)
            raise RuntimeError(f"{script} failed ({kept}):\n{result.stderr[-4000:]}")
        return result.stderr

    def seed(self, settings: dict) -> float:
        """Seed up to the given totals; return the seconds it took."""
        started = time.monotonic()
        log = self.zconsole(
            str(ROOT / "bench" / "seed.py"), {k: str(v) for k, v in settings.items()}
        )
        for line in log.splitlines():
            if line.startswith("[seed]"):
                print(line, flush=True)
        return time.monotonic() - started

    def inprocess(self, spec: dict) -> dict:
        """Run bench/inprocess.py with a spec; return its JSON result."""
        with tempfile.TemporaryDirectory() as folder:
            source, target = Path(folder, "in.json"), Path(folder, "out.json")
            source.write_text(json.dumps(spec))
            self.zconsole(
                str(ROOT / "bench" / "inprocess.py"),
                {"BENCH_INPUT": str(source), "BENCH_OUTPUT": str(target)},
            )
            return json.loads(target.read_text())

    @property
    def gc_policy(self) -> str:
        return self.common["SERVICEDESK_GC_POLICY"]

    def use_gc_policy(self, policy: str) -> None:
        """Serve with this garbage-collection policy from the next start() on."""
        self.common["SERVICEDESK_GC_POLICY"] = policy
        for node in self.nodes:
            node.env["SERVICEDESK_GC_POLICY"] = policy

    def start(self) -> None:
        for node in self.nodes:
            node.start()
        for node in self.nodes:
            if node.env.get("SERVICEDESK_WARMUP", "0") not in ("", "0"):
                wait_ready(node.url)
        ports = [str(node.port) for node in self.nodes]
        self.balancer = subprocess.Popen(
            [
                str(BIN / "python"),
                str(ROOT / "scripts" / "balancer.py"),
                str(self.balancer_port),
                *ports,
            ],
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def stop(self) -> None:
        if self.balancer:
            self.balancer.terminate()
            self.balancer.wait(timeout=30)
            self.balancer = None
        for node in self.nodes:
            node.stop()

    def rss_mb(self) -> list[int]:
        """Resident memory of each serving instance (MB)."""
        sizes = []
        for node in self.nodes:
            try:
                status = Path(f"/proc/{node.process.pid}/status").read_text()
                kb = next(
                    int(line.split()[1])
                    for line in status.splitlines()
                    if line.startswith("VmRSS:")
                )
                sizes.append(kb // 1024)
            except (OSError, StopIteration, AttributeError):
                sizes.append(-1)
        return sizes

    def event_log(self) -> Path:
        return self.var / "log" / "event.log"


def dsn_of(database: str) -> str:
    return f"dbname='{database}' user='postgres' host='127.0.0.1' port='5432'"


def database_exists(name: str) -> bool:
    result = subprocess.run(
        [
            "psql",
            *PG,
            "-d",
            "postgres",
            "-tAc",
            f"select 1 from pg_database where datname = '{name}'",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() == "1"


def copy_database(source: str, target: str) -> None:
    """(Re)create `target` as a file-level copy of `source` (no connections to it)."""
    subprocess.run(
        ["dropdb", *PG, "--if-exists", target], check=True, capture_output=True
    )
    subprocess.run(
        ["createdb", *PG, "-T", source, target], check=True, capture_output=True
    )


def analyze_database(name: str) -> None:
    """``ANALYZE`` a database: its planner statistics, as autovacuum keeps them.

    A seeded or upgraded template is written in bulk; where autovacuum is off
    (this project's CI machines turn it off) PostgreSQL then plans the
    storage's queries without statistics: a raw commit on an upgraded
    100 000-inquiry copy took 23-33 ms instead of 5-9 (issue 19).
    """
    subprocess.run(
        ["psql", *PG, "-d", name, "-qc", "ANALYZE"], check=True, capture_output=True
    )


def admin_session():
    import requests

    session = requests.Session()
    session.auth = ADMIN
    session.headers.update(
        {"Accept": "application/json", "Content-Type": "application/json"}
    )
    return session
