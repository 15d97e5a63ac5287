"""The shared Redis through redis-py: pools, URLs, TLS and the fall-back to memory."""

from collective.servicedesk import redisclient
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
import ipaddress
import pytest
import redis
import shutil
import socket
import subprocess
import time
import uuid

REDIS = "redis://127.0.0.1:6379/0"
SETTING = "collective.servicedesk.workspace.redis_url"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _fresh_pools():
    redisclient.reset()
    yield
    redisclient.reset()


class TestUrls:
    def test_one_pool_per_url(self):
        first = redisclient.pool(REDIS)
        assert redisclient.pool(REDIS) is first
        assert redisclient.pool("redis://127.0.0.1:6379/1") is not first

    def test_password_and_database_from_the_url(self):
        pool = redisclient.pool("redis://kari:s%40cret@redis.example:6380/3")
        kwargs = pool.connection_kwargs
        assert (kwargs["host"], kwargs["port"], kwargs["db"]) == (
            "redis.example",
            6380,
            3,
        )
        assert (kwargs["username"], kwargs["password"]) == ("kari", "s@cret")
        assert pool.connection_class is redis.Connection

    def test_rediss_is_tls(self):
        pool = redisclient.pool(
            "rediss://redis.example:6380/0?ssl_ca_certs=/etc/ca.pem"
        )
        assert pool.connection_class is redis.SSLConnection
        assert pool.connection_kwargs["ssl_ca_certs"] == "/etc/ca.pem"

    @pytest.mark.parametrize(
        ("url", "shown"),
        [
            ("redis://:s3cret@host:6379/0", "redis://:***@host:6379/0"),
            ("rediss://kari:s3cret@host/2", "rediss://kari:***@host/2"),
            ("redis://host:6379/0", "redis://host:6379/0"),
        ],
    )
    def test_passwords_stay_out_of_the_log(self, url, shown):
        assert redisclient.safe_url(url) == shown


class TestClient:
    def test_a_malformed_url_means_memory(self, portal, caplog):
        api.portal.set_registry_record(SETTING, "http://127.0.0.1:6379/0")
        assert redisclient.client() is None
        assert "unavailable" in caplog.text

    def test_no_url_no_client(self, portal):
        api.portal.set_registry_record(SETTING, "")
        assert redisclient.configured_url() == ""
        assert redisclient.client() is None

    def test_commands_on_the_real_redis(self, portal):
        api.portal.set_registry_record(SETTING, REDIS)
        client = redisclient.client()
        key = f"collective.servicedesk:test:{uuid.uuid4().hex}"
        assert client.ping()
        assert client.hset(key, "a", "æøå") == 1
        assert client.hgetall(key) == {"a": "æøå"}
        assert client.delete(key) == 1
        assert client.get(key) is None
        with pytest.raises(redisclient.RedisError):
            client.execute_command("NOSUCHCOMMAND")
        # Clients share the process's pool.
        assert redisclient.client().connection_pool is client.connection_pool

    def test_a_dead_server_is_left_alone_for_a_while(self, portal, caplog):
        url = f"redis://:s3cret@127.0.0.1:{free_port()}/0"
        client = redisclient.client(url)
        with pytest.raises(redisclient.RedisError) as raised:
            client.ping()
        redisclient.failed(url, raised.value)
        assert redisclient.client(url) is None
        assert "s3cret" not in caplog.text
        assert "unavailable" in caplog.text
        redisclient.reset()
        assert redisclient.client(url) is not None


def _certificate(directory) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1 (it is its own CA)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "redis.crt", directory / "redis.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


@pytest.fixture
def tls_redis(tmp_path):
    """A real redis-server that speaks TLS only, on a free port."""
    server = shutil.which("redis-server")
    assert server, "redis-server (Debian package redis-server) is needed"
    cert, key = _certificate(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [
            server,
            "--port",
            "0",
            "--tls-port",
            str(port),
            "--tls-cert-file",
            cert,
            "--tls-key-file",
            key,
            "--tls-ca-cert-file",
            cert,
            "--tls-auth-clients",
            "no",
            "--save",
            "",
            "--appendonly",
            "no",
            "--bind",
            "127.0.0.1",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        probe = redis.Redis(host="127.0.0.1", port=port, ssl=True, ssl_ca_certs=cert)
        for _ in range(100):
            try:
                probe.ping()
                break
            except redis.exceptions.ConnectionError:
                if process.poll() is not None:
                    pytest.fail("redis-server with TLS did not start")
                time.sleep(0.1)
        probe.close()
        yield port, cert
    finally:
        process.terminate()
        process.wait(timeout=10)


class TestTls:
    def test_rediss_url_talks_tls(self, portal, tls_redis):
        port, cert = tls_redis
        api.portal.set_registry_record(
            SETTING, f"rediss://127.0.0.1:{port}/0?ssl_ca_certs={cert}"
        )
        client = redisclient.client()
        assert client.set("collective.servicedesk:test:tls", "å") is True
        assert client.get("collective.servicedesk:test:tls") == "å"

    def test_plain_redis_url_on_a_tls_port_fails(self, portal, tls_redis):
        port, _cert = tls_redis
        client = redisclient.client(f"redis://127.0.0.1:{port}/0")
        with pytest.raises(redisclient.RedisError):
            client.ping()

    def test_an_unknown_certificate_is_refused(self, portal, tls_redis):
        port, _cert = tls_redis
        client = redisclient.client(f"rediss://127.0.0.1:{port}/0")
        with pytest.raises(redisclient.RedisError):
            client.ping()


@pytest.fixture
def password_redis(tmp_path):
    """A real redis-server that wants a password, on a free port."""
    server = shutil.which("redis-server")
    assert server, "redis-server (Debian package redis-server) is needed"
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--requirepass"]
        + ["from-the-env", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        probe = redis.Redis(host="127.0.0.1", port=port, password="from-the-env")
        for _ in range(100):
            try:
                probe.ping()
                break
            except redis.exceptions.ConnectionError:
                if process.poll() is not None:
                    pytest.fail("redis-server with a password did not start")
                time.sleep(0.1)
        probe.close()
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


class TestPasswordFromTheEnvironment:
    """The password is a secret: SERVICEDESK_REDIS_PASSWORD, never the setting."""

    def test_the_setting_refuses_a_password(self, portal):
        from collective.servicedesk.settings import IWorkspaceSettings
        from collective.servicedesk.settings.secrets import PasswordInURL

        field = IWorkspaceSettings["redis_url"]
        with pytest.raises(PasswordInURL):
            field.validate("redis://:secret@127.0.0.1:6379/0")
        field.validate("redis://127.0.0.1:6379/0")
        field.validate("rediss://user@redis.example:6380/1")

    def test_without_the_variable_the_server_refuses(
        self, portal, password_redis, monkeypatch
    ):
        monkeypatch.delenv("SERVICEDESK_REDIS_PASSWORD", raising=False)
        api.portal.set_registry_record(SETTING, f"redis://127.0.0.1:{password_redis}/0")
        with pytest.raises(redis.exceptions.AuthenticationError):
            redisclient.client().ping()

    def test_the_variable_logs_in(self, portal, password_redis, monkeypatch):
        monkeypatch.setenv("SERVICEDESK_REDIS_PASSWORD", "from-the-env")
        api.portal.set_registry_record(SETTING, f"redis://127.0.0.1:{password_redis}/0")
        assert redisclient.client().ping() is True
        # Log lines never show it.
        assert "from-the-env" not in redisclient.safe_url(redisclient.configured_url())

    def test_an_old_url_with_its_password_keeps_working(
        self, portal, password_redis, monkeypatch
    ):
        monkeypatch.setenv("SERVICEDESK_REDIS_PASSWORD", "not-used")
        registry = api.portal.get_tool("portal_registry")
        # Stored before the setting refused passwords (no form validation here).
        registry.records[
            SETTING
        ].value = f"redis://:from-the-env@127.0.0.1:{password_redis}/0"
        assert redisclient.client().ping() is True
