"""Typed settings of the add-on: registry schemas, ``settings()`` and env secrets.

Base layer: imports nothing of the package but ``_`` and ``validation``.
"""

from collective.servicedesk.settings.accessor import GROUPS
from collective.servicedesk.settings.accessor import Settings
from collective.servicedesk.settings.accessor import SettingsGroup
from collective.servicedesk.settings.accessor import settings
from collective.servicedesk.settings.chat import IChatSettings
from collective.servicedesk.settings.directory import IDirectorySettings
from collective.servicedesk.settings.intake import IMailIntakeSettings
from collective.servicedesk.settings.records import IRecordsSettings
from collective.servicedesk.settings.schema import IServiceDeskSettings
from collective.servicedesk.settings.search import ISearchSettings
from collective.servicedesk.settings.secrets import SECRETS
from collective.servicedesk.settings.secrets import MissingSecret
from collective.servicedesk.settings.secrets import require_secret
from collective.servicedesk.settings.secrets import secret
from collective.servicedesk.settings.workspace import IWorkspaceSettings

__all__ = [
    "GROUPS",
    "SECRETS",
    "IChatSettings",
    "IDirectorySettings",
    "IMailIntakeSettings",
    "IRecordsSettings",
    "IServiceDeskSettings",
    "ISearchSettings",
    "IWorkspaceSettings",
    "MissingSecret",
    "Settings",
    "SettingsGroup",
    "require_secret",
    "secret",
    "settings",
]
