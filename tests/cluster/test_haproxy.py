"""The shipped HAProxy configuration: it balances, and it health-checks the instances.

HAProxy (Debian package haproxy) runs with the configuration that
scripts/haproxy_config.py writes from scripts/haproxy.cfg.in, on free ports,
in front of two small local HTTP servers that stand in for Zope instances
(they answer the readiness view @@servicedesk-ready and say who they are).
"""

from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from tests.cluster.harness import free_port
import csv
import io
import pytest
import requests
import shutil
import subprocess
import sys
import threading
import time

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import haproxy_config  # noqa: E402

sys.path.remove(str(ROOT / "scripts"))


class Backend:
    """A stand-in instance: its readiness view answers 200 when healthy, else 503."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.healthy = True
        self.checks: list[str] = []
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path.endswith("/@@servicedesk-ready"):
                    backend.checks.append(self.path)
                    status = 200 if backend.healthy else 503
                    body = b"OK" if backend.healthy else b"down"
                else:
                    status = 200
                    body = f"{backend.name} {self.headers.get('X-Forwarded-For')}"
                    body = body.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def backends():
    started = [Backend("instance1"), Backend("instance2")]
    yield started
    for backend in started:
        backend.stop()


@pytest.fixture
def haproxy(tmp_path, backends):
    """HAProxy with the shipped configuration in front of the two backends."""
    binary = shutil.which("haproxy") or "/usr/sbin/haproxy"
    assert Path(binary).exists(), "haproxy (Debian package haproxy) is needed"
    listen, stats = free_port(), free_port()
    config = tmp_path / "haproxy.cfg"
    haproxy_config.main(
        [
            "--bind",
            f"127.0.0.1:{listen}",
            *[f"--server=127.0.0.1:{backend.port}" for backend in backends],
            "--stats",
            f"127.0.0.1:{stats}",
            "--check-interval",
            "200ms",
            "--out",
            str(config),
        ]
    )
    checked = subprocess.run(
        [binary, "-c", "-f", str(config)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    process = subprocess.Popen(
        [binary, "-db", "-f", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    proxy = Proxy(f"http://127.0.0.1:{listen}", f"http://127.0.0.1:{stats}")
    try:
        # Servers start out UP; wait for the first real checks as well.
        for _ in range(300):
            if all(backend.checks for backend in backends):
                break
            time.sleep(0.1)
        proxy.wait_for({"instance1": "UP", "instance2": "UP"}, process)
        yield proxy
    finally:
        process.terminate()
        process.wait(timeout=10)


class Proxy:
    def __init__(self, url: str, stats: str) -> None:
        self.url = url
        self.stats = stats

    def states(self) -> dict[str, str]:
        """{server: UP/DOWN/…} from HAProxy's own stats (CSV)."""
        text = requests.get(f"{self.stats}/;csv", timeout=5).text.lstrip("# ")
        rows = csv.DictReader(io.StringIO(text))
        return {
            row["svname"]: row["status"].split()[0]
            for row in rows
            if row["pxname"] == "zope" and row["svname"].startswith("instance")
        }

    def wait_for(self, expected: dict[str, str], process=None) -> None:
        """Poll the stats until the servers are in these states (at most 30 s)."""
        states = {}
        for _ in range(300):
            if process is not None and process.poll() is not None:
                pytest.fail("haproxy exited")
            try:
                states = self.states()
            except requests.ConnectionError:
                states = {}
            if states == expected:
                return
            time.sleep(0.1)
        pytest.fail(f"HAProxy's servers stayed {states}, expected {expected}")

    def who(self, count: int) -> list[str]:
        """Send ``count`` requests; the answering instance of each (all must be 200)."""
        answers = []
        for _ in range(count):
            response = requests.get(f"{self.url}/Plone/some-page", timeout=10)
            assert response.status_code == 200
            answers.append(response.text)
        return answers


class TestHAProxy:
    def test_balances_over_both_instances(self, haproxy):
        answers = haproxy.who(20)
        names = [answer.split()[0] for answer in answers]
        assert names.count("instance1") == names.count("instance2") == 10
        # The client's address reaches the instances (for the rate limits).
        assert {answer.split()[1] for answer in answers} == {"127.0.0.1"}

    def test_health_checks_ask_the_readiness_view(self, haproxy, backends):
        for backend in backends:
            assert backend.checks
            assert set(backend.checks) == {"/Plone/@@servicedesk-ready"}

    def test_an_unhealthy_instance_gets_no_requests(self, haproxy, backends):
        backends[1].healthy = False
        haproxy.wait_for({"instance1": "UP", "instance2": "DOWN"})
        assert {answer.split()[0] for answer in haproxy.who(10)} == {"instance1"}
        backends[1].healthy = True
        haproxy.wait_for({"instance1": "UP", "instance2": "UP"})
        assert {answer.split()[0] for answer in haproxy.who(10)} == {
            "instance1",
            "instance2",
        }

    def test_a_stopped_instance_is_taken_out(self, haproxy, backends):
        backends[0].stop()
        haproxy.wait_for({"instance1": "DOWN", "instance2": "UP"})
        assert {answer.split()[0] for answer in haproxy.who(10)} == {"instance2"}


class TestDocumented:
    def test_the_how_to_shows_the_configuration_make_start_cluster_writes(self):
        written = haproxy_config.render(
            "127.0.0.1:8080", ["127.0.0.1:8081", "127.0.0.1:8082"]
        )
        how_to = (ROOT / "docs" / "how-to" / "scale-out.md").read_text()
        assert f"```text\n{written.rstrip()}\n```" in how_to
