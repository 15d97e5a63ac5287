"""Operator secrets: read from the environment only, never from the registry.

A secret in the registry ends up in exports, ZODB backups and the REST
``@controlpanels`` answer; the environment keeps it with the deployment.
"""

import os

# setting name -> environment variable. docs/reference/settings.md lists them.
SECRETS = {
    "sms_gateway_token": "SERVICEDESK_SMS_TOKEN",
    "sms_inbound_secret": "SERVICEDESK_SMS_SECRET",
    "imap_password": "SERVICEDESK_IMAP_PASSWORD",
    "fiksio_integration_password": "SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD",
    "fiksio_private_key": "SERVICEDESK_FIKSIO_PRIVATE_KEY",
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
