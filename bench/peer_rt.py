"""Request Tracker 5 (Debian's packages) as the peer of ``make bench-peer``.

Nothing of RT's is committed: scripts/setup_rt.sh installs the packages with
apt-get, and this module writes RT's site configuration under
var/bench-peer/rt/ (pointed at with RT_SITE_CONFIG / RT_SITE_CONFIG_DIR, so the
files in /etc/request-tracker5 are neither read nor changed), creates RT's own
database on the PostgreSQL at 127.0.0.1 (trust authentication), sets up the
PostgreSQL full-text index (``rt-setup-fulltext-index``), seeds tickets through
RT's Perl API and serves RT with its ``rt-server`` (Starlet, prefork).
"""

from pathlib import Path
import os
import shutil
import signal
import subprocess
import time

RT_SERVER = Path("/usr/share/request-tracker5/libexec/rt-server")
SBIN = Path("/usr/sbin")
RT_LIB = Path("/usr/share/request-tracker5/lib")
RT_LOCAL_LIB = Path("/usr/local/share/request-tracker5/lib")
PACKAGES = ("request-tracker5", "rt5-db-postgresql")
ROOT_PASSWORD = "password"  # what rt-setup-database's initial data gives root
FTS_TABLE = "AttachmentsIndex"
FTS_COLUMN = "ContentIndex"


def installed() -> bool:
    """Whether the RT packages this peer needs are installed."""
    return RT_SERVER.exists() and (SBIN / "rt-setup-database-5").exists()


def site_config(database: str, port: int, folder: Path) -> str:
    """RT_SiteConfig.pm for the benchmark: own database, no web path, full text on."""
    return f"""\
# Written by bench/peer_rt.py for `make bench-peer`; not for production.
Set($rtname, 'bench-peer');
Set($Organization, 'bench-peer');
Set($Timezone, 'UTC');
Set($WebDomain, '127.0.0.1');
Set($WebPort, {port});
Set($WebPath, '');
Set($WebBaseURL, 'http://127.0.0.1:{port}');
Set($DatabaseType, 'Pg');
Set($DatabaseHost, '127.0.0.1');
Set($DatabasePort, '5432');
Set($DatabaseName, '{database}');
Set($DatabaseUser, 'rt_bench_peer');
Set($DatabasePassword, 'rt_bench_peer');
Set($DatabaseAdmin, 'postgres');
Set($LogToSyslog, undef);
Set($LogToSTDERR, 'error');
Set($LogToFile, undef);
Set($LogDir, '{folder}');
Set($MailCommand, 'testfile');
Set($RestrictReferrer, 0);
Set(%FullTextSearch,
    Enable  => 1,
    Indexed => 1,
    Column  => '{FTS_COLUMN}',
    Table   => '{FTS_TABLE}',
);
1;
"""


SEED_SCRIPT = r"""
use strict;
use warnings;
use RT;
RT::LoadConfig();
RT::Init();
use MIME::Entity;
use Encode;
my ($file) = @ARGV;
open my $fh, '<:encoding(UTF-8)', $file or die "cannot read $file";
my $made = 0;
while (my $line = <$fh>) {
    chomp $line;
    my ($subject, $content) = split /\t/, $line, 2;
    my $mime = MIME::Entity->build(
        Type => 'text/plain', Charset => 'UTF-8',
        Data => [ Encode::encode('UTF-8', $content) ],
    );
    my $ticket = RT::Ticket->new(RT->SystemUser);
    my ($id, undef, $msg) = $ticket->Create(
        Queue => 'General', Subject => $subject, MIMEObj => $mime,
    );
    die "create failed: $msg" unless $id;
    $made++;
}
print "$made\n";
"""


class RT:
    """One RT: its configuration folder, database and rt-server process."""

    def __init__(self, folder: Path, database: str, port: int, workers: int = 2):
        self.folder = folder.resolve()
        self.database = database
        self.port = port
        self.workers = workers
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None
        self.env = dict(
            os.environ,
            RT_SITE_CONFIG=str(self.folder / "RT_SiteConfig.pm"),
            RT_SITE_CONFIG_DIR=str(self.folder / "RT_SiteConfig.d"),
        )

    def write_config(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "RT_SiteConfig.d").mkdir(exist_ok=True)
        path = self.folder / "RT_SiteConfig.pm"
        path.write_text(site_config(self.database, self.port, self.folder))
        return path

    def run(self, command: list[str], timeout: float = 3600) -> str:
        result = subprocess.run(
            command,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        if result.returncode:
            raise RuntimeError(
                f"{' '.join(command)} failed ({result.returncode}):\n"
                f"{(result.stdout + result.stderr)[-3000:]}"
            )
        return result.stdout + result.stderr

    def psql(self, sql: str, database: str | None = None) -> str:
        return subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                database or self.database,
                "-tAc",
                sql,
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    def database_exists(self) -> bool:
        found = self.psql(
            f"select 1 from pg_database where datname = '{self.database}'", "postgres"
        )
        return found == "1"

    def tickets(self) -> int:
        if not self.database_exists():
            return 0
        count = self.psql("select count(*) from tickets")
        return int(count) if count.isdigit() else 0

    def init_database(self) -> None:
        """A new RT database with its initial data and the full-text index."""
        subprocess.run(
            [
                "dropdb",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "--if-exists",
                self.database,
            ],
            check=True,
        )
        self.run(
            [
                str(SBIN / "rt-setup-database-5"),
                "--action",
                "init",
                "--dba",
                "postgres",
                "--dba-password",
                "",
            ]
        )
        self.run(
            [
                str(SBIN / "rt-setup-fulltext-index-5"),
                "--noask",
                "--dba",
                "postgres",
                "--dba-password",
                "",
                "--table",
                FTS_TABLE,
                "--column",
                FTS_COLUMN,
                "--index-type",
                "gin",
            ]
        )

    def seed(self, items: list[tuple[str, str]], processes: int = 3) -> float:
        """Create tickets through RT's Perl API (its fast path), in `processes`
        processes at once; the seconds taken."""
        script = self.folder / "seed.pl"
        script.write_text(SEED_SCRIPT)
        commands = []
        for part in range(processes):
            data = self.folder / f"seed-{part}.tsv"
            data.write_text(seed_lines(items[part::processes]), encoding="utf-8")
            commands.append(
                ["perl", "-I", str(RT_LIB), "-I", str(RT_LOCAL_LIB), str(script)]
                + [str(data)]
            )
        started = time.monotonic()
        running = [
            subprocess.Popen(
                command,
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for command in commands
        ]
        for process in running:
            out, err = process.communicate()
            if process.returncode:
                raise RuntimeError(f"seeding RT failed:\n{(out + err)[-3000:]}")
        return time.monotonic() - started

    def index(self) -> float:
        """Run RT's full-text indexer over what is not indexed yet; seconds."""
        started = time.monotonic()
        self.run([str(SBIN / "rt-fulltext-indexer-5"), "--all", "--quiet"])
        return time.monotonic() - started

    def start(self, timeout: float = 120) -> None:
        import requests

        log = open(self.folder / "rt-server.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(RT_SERVER),
                "--server",
                "Starlet",
                "--port",
                str(self.port),
                "--host",
                "127.0.0.1",
                "--max-workers",
                str(self.workers),
            ],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"rt-server exited with {self.process.returncode}")
            try:
                response = requests.get(
                    f"{self.url}/REST/2.0/queues/all",
                    auth=("root", ROOT_PASSWORD),
                    timeout=30,
                )
                if response.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise TimeoutError("rt-server did not answer in time")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)

    def pids(self) -> list[int]:
        """rt-server and its prefork workers."""
        if not self.process:
            return []
        return [self.process.pid, *children(self.process.pid)]


def seed_lines(items: list[tuple[str, str]]) -> str:
    """Subject TAB content, one ticket a line (what seed.pl reads)."""
    return "".join(
        f"{' '.join(subject.split())}\t{' '.join(content.split())}\n"
        for subject, content in items
    )


def children(pid: int) -> list[int]:
    """All descendants of a process (from /proc)."""
    found = []
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return found
    for child in text.split():
        found.append(int(child))
        found.extend(children(int(child)))
    return found


def rss_kb(pids: list[int]) -> int:
    """Resident memory of these processes together (kB)."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def pss_kb(pids: list[int]) -> int:
    """Proportional set size of these processes together (kB): pages shared
    between them (Starlet's prefork workers share the master's copy-on-write
    pages) count once instead of once per process, as in their RSS sum."""
    total = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
    return total


def which_missing() -> list[str]:
    """Packages of PACKAGES that dpkg does not report as installed."""
    if not shutil.which("dpkg-query"):
        return list(PACKAGES)
    missing = []
    for package in PACKAGES:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package],
            capture_output=True,
            text=True,
            check=False,
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing
