"""Write a Prosody configuration for development and tests (not a system service).

Everything lives in one folder (config, data, log, pid), the ports are the
caller's, and only the loopback interface listens. Production differs in TLS
and ports; see docs/how-to/chat.md.
"""

from dataclasses import dataclass
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent / "prosody"

# Limits of the anonymous (citizen) host, enforced by Prosody itself.
GUEST_STANZA_LIMIT = 10 * 1024
GUEST_RATE = "1kb/s"
# Messages per minute per citizen session (mod_servicedesk_guest_limits); the
# registry record collective.servicedesk.chat.messages_per_minute has the same
# default. Prosody reads its own file: give the same value to both.
GUEST_MESSAGES_PER_MINUTE = 10


@dataclass(frozen=True)
class ProsodySetup:
    """Where a development Prosody keeps its files and which ports it uses."""

    directory: Path
    c2s_port: int = 5222
    http_port: int = 5280
    domain: str = "servicedesk.localhost"
    archive_expires: str = "1w"
    guest_messages_per_minute: int = GUEST_MESSAGES_PER_MINUTE

    @property
    def config(self) -> Path:
        return self.directory / "prosody.cfg.lua"

    @property
    def muc(self) -> str:
        return f"rooms.{self.domain}"

    @property
    def guest(self) -> str:
        return f"guest.{self.domain}"

    @property
    def websocket_url(self) -> str:
        return f"ws://localhost:{self.http_port}/xmpp-websocket"

    @property
    def bosh_url(self) -> str:
        return f"http://localhost:{self.http_port}/http-bind"


def _lua(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(setup: ProsodySetup) -> str:
    """The Lua text of the configuration."""
    d = setup.directory
    log = _lua(str(d / "prosody.log"))
    return f"""-- Written by collective.servicedesk (chat/server.py) for dev and tests.
-- Loopback only, no TLS: see docs/how-to/chat.md for a production setup.
pidfile = {_lua(str(d / "prosody.pid"))}
data_path = {_lua(str(d / "data"))}
log = {{ {{ levels = {{ min = "info" }}, to = "file", filename = {log} }} }}
plugin_paths = {{ {_lua(str(PLUGINS))} }}
admin_socket = {_lua(str(d / "prosody.sock"))}
certificates = {_lua(str(d / "certs"))}
-- The tests start prosody as whoever runs them, root in CI containers.
run_as_root = true

interfaces = {{ "127.0.0.1", "::1" }}
local_interfaces = {{ "127.0.0.1", "::1" }}
c2s_ports = {{ {setup.c2s_port} }}
c2s_direct_tls_ports = {{ }}
s2s_ports = {{ }}
component_ports = {{ }}
http_ports = {{ {setup.http_port} }}
http_interfaces = {{ "127.0.0.1", "::1" }}
https_ports = {{ }}

-- Development only: connections never leave this machine.
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_websocket_secure = true
consider_bosh_secure = true
-- Prosody 0.12 answers CORS for WebSocket and BOSH itself: the browser
-- client is served by Plone from another origin.

modules_enabled = {{
    "roster"; "saslauth"; "tls"; "disco"; "carbons"; "pep"; "private";
    "vcard4"; "vcard_legacy"; "ping"; "time"; "uptime"; "version";
    "mam"; "http"; "websocket"; "bosh"; "limits"; "admin_shell";
    -- converse.js waits for the block list (XEP-0191) before opening a chat.
    "blocklist";
}}
modules_disabled = {{ "s2s" }}

storage = "internal"
-- Retention of the one-to-one archive (XEP-0313).
archive_expires_after = {_lua(setup.archive_expires)}
default_archive_policy = true

limits = {{
    c2s = {{ rate = "50kb/s"; burst = "2s" }};
}}

VirtualHost {_lua(setup.domain)}
    authentication = "servicedesk"

-- Citizens: anonymous sessions, small stanzas, slow rate.
VirtualHost {_lua(setup.guest)}
    authentication = "anonymous"
    allow_anonymous_s2s = false
    c2s_stanza_size_limit = {GUEST_STANZA_LIMIT}
    limits = {{ c2s = {{ rate = {_lua(GUEST_RATE)}; burst = "3s" }} }}
    -- Messages per minute per session (chat/prosody/mod_servicedesk_guest_limits.lua).
    modules_enabled = {{ "servicedesk_guest_limits" }}
    servicedesk_guest_messages_per_minute = {int(setup.guest_messages_per_minute)}
    archive_expires_after = "1d"

Component {_lua(setup.muc)} "muc"
    modules_enabled = {{ "muc_mam" }}
    -- Only staff (the parent host) create rooms.
    restrict_room_creation = "local"
    -- A room opened by joining it is usable at once (no configuration form)
    -- and stays after the last one leaves: unit rooms and the help room.
    muc_room_locking = false
    muc_room_default_persistent = true
    muc_log_by_default = true
    muc_log_all_rooms = true
    muc_log_expires_after = {_lua(setup.archive_expires)}
    max_archive_query_results = 100
"""


def write(setup: ProsodySetup) -> Path:
    """Create the folders and write the configuration; return its path."""
    (setup.directory / "data").mkdir(parents=True, exist_ok=True)
    (setup.directory / "certs").mkdir(exist_ok=True)
    setup.config.write_text(render(setup), encoding="utf-8")
    return setup.config
