"""Real Zope instances in subprocesses, on FileStorage or RelStorage/PostgreSQL."""

from pathlib import Path
import os
import requests
import signal
import socket
import subprocess
import sys
import time

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ADMIN = ("admin", "cluster-admin")
PG = ["-h", "127.0.0.1", "-U", "postgres"]


def free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_available() -> bool:
    """True when PostgreSQL answers on 127.0.0.1:5432 as user postgres."""
    result = subprocess.run(
        ["psql", *PG, "-d", "postgres", "-tAc", "select 1"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and result.stdout.strip() == "1"


def create_database(name: str) -> str:
    """(Re)create an empty PostgreSQL database and return its DSN."""
    subprocess.run(["dropdb", *PG, "--if-exists", name], check=True)
    subprocess.run(["createdb", *PG, name], check=True)
    return f"dbname='{name}' user='postgres' host='127.0.0.1' port='5432'"


def drop_database(name: str) -> None:
    subprocess.run(["dropdb", *PG, "--if-exists", name], check=False)


class Instance:
    """One Zope instance: configuration, site creation, start, SIGKILL, restart."""

    def __init__(
        self,
        var: Path,
        storage: str,
        dsn: str = "",
        name: str = "instance",
        env: dict | None = None,
    ):
        self.var = var
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/Plone"
        self.process: subprocess.Popen | None = None
        self.env = dict(
            os.environ,
            SERVICEDESK_VAR=str(var),
            SERVICEDESK_STORAGE=storage,
            SERVICEDESK_PORT=str(self.port),
            SERVICEDESK_HOST="127.0.0.1",
            SERVICEDESK_INSTANCE=name,
            SERVICEDESK_ADMIN_USER=ADMIN[0],
            SERVICEDESK_ADMIN_PASSWORD=ADMIN[1],
            SERVICEDESK_DEMO="0",
        )
        self.env.update(env or {})
        if dsn:
            self.env["SERVICEDESK_PG_DSN"] = dsn
        self.etc = var / name / "etc"
        subprocess.run(
            [str(BIN / "python"), str(ROOT / "scripts" / "instance.py")],
            env=self.env,
            check=True,
            capture_output=True,
        )

    def create_site(self) -> None:
        """Create the Plone site with the add-on (no demo data)."""
        subprocess.run(
            [
                str(BIN / "zconsole"),
                "run",
                str(self.etc / "zope.conf"),
                str(ROOT / "scripts" / "create_site.py"),
            ],
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )

    def start(self, timeout: float = 300) -> None:
        """Start runwsgi and wait until the site answers."""
        log = open(self.var / f"{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(self.etc / "zope.ini")],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"instance exited with {self.process.returncode}")
            try:
                response = requests.get(self.url, auth=ADMIN, timeout=60)
                if response.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise TimeoutError("instance did not start in time")

    def kill(self) -> None:
        """SIGKILL the instance: no clean shutdown, no flush."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def session(self) -> requests.Session:
        """A REST session as the site admin."""
        session = requests.Session()
        session.auth = ADMIN
        session.headers.update(
            {"Accept": "application/json", "Content-Type": "application/json"}
        )
        return session


ZEO_CONF = """\
<zeo>
  address 127.0.0.1:{port}
</zeo>
<filestorage 1>
  path {folder}/Data.fs
  blob-dir {folder}/blobs
</filestorage>
"""


class ZEOServer:
    """A ZEO server (FileStorage with blobs) in a subprocess, as the docs show."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        folder.mkdir(parents=True, exist_ok=True)
        self.config = folder / "zeo.conf"
        self.config.write_text(ZEO_CONF.format(port=self.port, folder=folder))
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        log = open(self.folder / "zeo.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(BIN / "runzeo"), "-C", str(self.config)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"runzeo exited with {self.process.returncode}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.2)
        raise TimeoutError("the ZEO server did not start in time")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
