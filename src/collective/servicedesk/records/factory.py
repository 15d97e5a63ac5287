"""Build the Fiks IO transport from the settings, env secrets and key files."""

from collective.servicedesk.records import asice
from collective.servicedesk.records.fiksio import FiksIO
from collective.servicedesk.records.maskinporten import Maskinporten
from collective.servicedesk.records.transport import TransportError
from collective.servicedesk.settings import MissingSecret
from collective.servicedesk.settings import require_secret
from collective.servicedesk.settings import settings
from collective.servicedesk.settings.secrets import url_with_secret
from pathlib import Path

_cache: dict = {}


def _read(name: str, path: str) -> bytes:
    path = (path or "").strip()
    if not path or not Path(path).is_file():
        raise TransportError(
            f"Fiks IO: the file of {name} is not configured or missing"
        )
    return Path(path).read_bytes()


def _secrets() -> tuple[str, str]:
    """The integration password and the key file's path, from the environment."""
    try:
        return (
            require_secret("fiksio_integration_password"),
            require_secret("fiksio_private_key"),
        )
    except MissingSecret as error:
        raise TransportError(f"Fiks IO: {error}") from error


def fiksio_from_settings() -> FiksIO:
    """Return a FiksIO transport; key files are read once per configuration."""
    names = (
        "fiksio_api",
        "fiksio_account",
        "fiksio_recipient",
        "fiksio_integration_id",
        "fiksio_certificate",
        "amqp_url",
        "maskinporten_token_url",
        "maskinporten_audience",
        "maskinporten_client_id",
    )
    records = settings().records
    names += ("fiksio_integration_password", "fiksio_private_key")
    values = tuple(getattr(records, name) or "" for name in names[:-2]) + _secrets()
    amqp_url = url_with_secret(values[names.index("amqp_url")], "amqp_password")
    key = (*values, amqp_url)
    if key not in _cache:
        _cache.clear()
        config = dict(zip(names, values, strict=True))
        key = asice.load_key(_read("fiksio_private_key", config["fiksio_private_key"]))
        certificate = asice.load_certificate(
            _read("fiksio_certificate", config["fiksio_certificate"])
        )
        tokens = Maskinporten(
            token_url=config["maskinporten_token_url"],
            audience=config["maskinporten_audience"],
            client_id=config["maskinporten_client_id"],
            key=key,
            certificate=certificate,
        )
        _cache[key] = FiksIO(
            api=config["fiksio_api"],
            account=config["fiksio_account"],
            recipient=config["fiksio_recipient"],
            integration_id=config["fiksio_integration_id"],
            integration_password=config["fiksio_integration_password"],
            tokens=tokens,
            certificate=certificate,
            key=key,
            amqp_url=amqp_url,
        )
    return _cache[key]
