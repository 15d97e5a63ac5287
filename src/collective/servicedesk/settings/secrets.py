"""Operator secrets: read from the environment only, never from the registry.

A secret in the registry ends up in exports, ZODB backups and the REST
``@controlpanels`` answer; the environment keeps it with the deployment.
"""

from collective.servicedesk import _
from urllib.parse import quote
from urllib.parse import urlsplit
from urllib.parse import urlunsplit
from zope.schema import ValidationError
import os

# setting name -> environment variable. docs/reference/settings.md lists them.
SECRETS = {
    "sms_gateway_token": "SERVICEDESK_SMS_TOKEN",
    "sms_inbound_secret": "SERVICEDESK_SMS_SECRET",
    "imap_password": "SERVICEDESK_IMAP_PASSWORD",
    "fiksio_integration_password": "SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD",
    "fiksio_private_key": "SERVICEDESK_FIKSIO_PRIVATE_KEY",
    "redis_password": "SERVICEDESK_REDIS_PASSWORD",
    "amqp_password": "SERVICEDESK_AMQP_PASSWORD",
}


class MissingSecret(LookupError):
    """A secret a feature needs is not set in the environment."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.variable = SECRETS[name]
        super().__init__(
            f"The secret {name!r} is not set: the operator must set the "
            f"environment variable {self.variable}."
        )


def secret(name: str) -> str:
    """Return the secret ``name`` from the environment ("" when unset)."""
    return os.environ.get(SECRETS[name], "").strip()


def require_secret(name: str) -> str:
    """Return the secret ``name``; raise MissingSecret naming its variable if unset."""
    value = secret(name)
    if not value:
        raise MissingSecret(name)
    return value


def url_with_secret(url: str, name: str) -> str:
    """``url`` with the password from the environment secret ``name`` put in.

    A password already in the URL (a site configured before the password moved
    to the environment) is kept, so nothing stops working on upgrade.
    """
    password = secret(name)
    parts = urlsplit(url)
    if not url or not password or parts.password is not None or not parts.hostname:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = quote(parts.username or "", safe="")
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


class PasswordInURL(ValidationError):
    __doc__ = _(
        "error_password_in_url",
        default="Do not put a password in this address: the operator sets it in "
        "the environment variable named in the help text, so it never ends up in "
        "exports and backups.",
    )


def no_password_in_url(value: str) -> bool:
    """Field constraint: a URL setting never holds a password (see SECRETS)."""
    if value and urlsplit(value.strip()).password is not None:
        raise PasswordInURL(value)
    return True
