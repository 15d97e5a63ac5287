"""A real IMAP server for the poller tests: Dovecot on loopback, in a temp folder.

One user (``postmottak``) with a Maildir; plain-text login on 127.0.0.1 only.
Dovecot runs in the foreground as a child process and is stopped afterwards.
"""

from pathlib import Path
from tests.helpers.servers import free_port
import imaplib
import os
import pwd
import shutil
import subprocess
import time

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER = "postmottak"
PASSWORD = "imap-test-password"

CONFIG = """
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 0
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""


class IMAPServer:
    """Start Dovecot with one mailbox; deliver messages with APPEND."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.process = None

    def start(self) -> "IMAPServer":
        uid, gid = os.getuid(), os.getgid()
        if uid == 0:  # Dovecot never runs a mailbox as root: use nobody
            nobody = pwd.getpwnam("nobody")
            uid, gid = nobody.pw_uid, nobody.pw_gid
        for name in ("run", "state", "mail", "home"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        for name in ("mail", "home"):
            os.chown(self.root / name, uid, gid)
        # Dovecot's auth process runs as its own user: it must reach the file.
        self.root.chmod(0o755)
        (self.root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(root=self.root, port=self.port, uid=uid, gid=gid)
        )
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                self.client().logout()
                return self
            except (OSError, imaplib.IMAP4.error):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError((self.root / "dovecot.log").read_text()[-2000:])

    def client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4("127.0.0.1", self.port)
        client.login(USER, PASSWORD)
        return client

    def deliver(self, *raws: bytes, folder: str = "INBOX") -> None:
        client = self.client()
        try:
            for raw in raws:
                client.append(folder, None, None, raw)
        finally:
            client.logout()

    def flags(self, folder: str = "INBOX") -> list[set[str]]:
        """The flags of each message of ``folder``, in order."""
        client = self.client()
        try:
            client.select(folder)
            status, data = client.fetch("1:*", "(FLAGS)")
            return [
                set(item.decode().split("FLAGS (", 1)[1].split(")", 1)[0].split())
                for item in data
                if item
            ]
        finally:
            client.logout()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None
