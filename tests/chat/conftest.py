"""A real Prosody for the chat tests, started once per session in a temp folder."""

from collective.servicedesk.chat.server import ProsodySetup
from collective.servicedesk.chat.server import write
from collective.servicedesk.chat.settings import ChatServer
from pathlib import Path
import os
import pytest
import shutil
import socket
import subprocess
import time

SECRET = "test-secret-0123456789abcdef-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def prosody(tmp_path_factory):
    """The running Prosody's setup; the process stops after the session."""
    binary = shutil.which("prosody")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("prosody not found; .ci/run installs it")
        pytest.skip("prosody is not installed (apt-get install prosody lua-sec)")
    setup = ProsodySetup(
        directory=tmp_path_factory.mktemp("prosody"),
        c2s_port=free_port(),
        http_port=free_port(),
    )
    write(setup)
    env = dict(os.environ, SERVICEDESK_CHAT_SECRET=SECRET)
    process = subprocess.Popen(
        [binary, "-F", "--config", str(setup.config)],
        cwd=setup.directory,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Wait for the listeners (start-up, not a timed assertion).
        deadline = time.monotonic() + 60
        while not (listening(setup.c2s_port) and listening(setup.http_port)):
            if process.poll() is not None or time.monotonic() > deadline:
                log = (setup.directory / "prosody.log").read_text(errors="replace")
                pytest.fail(f"prosody did not start:\n{log}")
            time.sleep(0.1)
        yield setup
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def chat_server(prosody) -> ChatServer:
    """What Plone knows of the test Prosody."""
    return ChatServer(
        domain=prosody.domain,
        muc=prosody.muc,
        guest=prosody.guest,
        websocket_url=prosody.websocket_url,
        secret=SECRET,
    )


@pytest.fixture
def chat_env(chat_server, monkeypatch):
    """Plone's environment pointing at the test Prosody."""
    monkeypatch.setenv("SERVICEDESK_CHAT_SECRET", chat_server.secret)
    monkeypatch.setenv("SERVICEDESK_CHAT_DOMAIN", chat_server.domain)
    monkeypatch.setenv("SERVICEDESK_CHAT_WEBSOCKET", chat_server.websocket_url)
    return chat_server


PASSWORD = "secret-pass-123"
STAFF = (("kari", "Kari Nordmann"), ("ola", "Ola Nordmann"))


@pytest.fixture
def staff(functional_portal):
    """Two agents and a member without service desk roles."""
    from plone import api
    import transaction

    with api.env.adopt_roles(["Manager"]):
        for username, fullname in STAFF:
            api.user.create(
                email=f"{username}@example.no",
                username=username,
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            api.user.grant_roles(username=username, roles=["Service Desk Agent"])
        api.user.create(email="m@example.no", username="member", password=PASSWORD)
    transaction.commit()
    return [username for username, _ in STAFF]


@pytest.fixture
def chat_pages(chat_client, staff, chat_env, prosody, new_page, functional_portal):
    """Kari and Ola, each logged in to the Bokmål intranet in their own browser."""
    from plone import api
    import transaction

    api.portal.set_registry_record("plone.available_languages", ["nb"])
    api.portal.set_registry_record("plone.default_language", "nb")
    transaction.commit()
    portal_url = functional_portal.absolute_url()
    kari = new_page("kari", PASSWORD)
    ola = new_page("ola", PASSWORD)
    return portal_url, kari, ola


CLIENT = (
    Path(__file__).resolve().parents[2]
    / "src/collective/servicedesk/chat/browser/static/converse/converse.min.js"
)


@pytest.fixture(scope="session")
def chat_client():
    """The converse.js build the browser tests load (make chat-client)."""
    if not CLIENT.exists():
        pytest.fail("converse.js is not built: run `make chat-client` (npm)")
    return CLIENT
