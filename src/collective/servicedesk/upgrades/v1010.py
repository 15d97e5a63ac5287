"""1009 -> 1010: typed settings; operator secrets leave the registry (issue 13).

Every settings schema is registered again from ``collective.servicedesk.settings``
under its old prefix, so every stored value stays. The records of secrets are
removed: from now on they are read from the environment only. The log says
which variable the operator must set; it never repeats a secret's value.
"""

from collective.servicedesk import logger
from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import SECRETS
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

# record name -> setting name in SECRETS
SECRET_RECORDS = {
    "collective.servicedesk.sms_gateway_token": "sms_gateway_token",
    "collective.servicedesk.sms_inbound_secret": "sms_inbound_secret",
    "collective.servicedesk.records.fiksio_integration_password": (
        "fiksio_integration_password"
    ),
    "collective.servicedesk.records.fiksio_private_key": "fiksio_private_key",
}
# Not secret themselves (a file path): the log may name the value to carry over.
LOGGED_VALUES = {"collective.servicedesk.records.fiksio_private_key"}


def typed_settings(context=None) -> list[str]:
    """Register the schemas again, remove secret records; return the removed names."""
    registry = getUtility(IRegistry)
    for schema, prefix in GROUPS.values():
        registry.registerInterface(schema, prefix=prefix)
    removed = []
    for record, name in SECRET_RECORDS.items():
        if record not in registry.records:
            continue
        value = registry.records[record].value
        del registry.records[record]
        removed.append(record)
        if not value:
            continue
        shown = f" (it was {value!r})" if record in LOGGED_VALUES else ""
        logger.warning(
            "Upgrade 1010: the registry record %s was removed%s. The operator "
            "must set the environment variable %s instead.",
            record,
            shown,
            SECRETS[name],
        )
    return removed
