"""``settings()``: the typed view of every registry record of the add-on."""

from collective.servicedesk.settings.chat import IChatSettings
from collective.servicedesk.settings.directory import IDirectorySettings
from collective.servicedesk.settings.intake import IMailIntakeSettings
from collective.servicedesk.settings.records import IRecordsSettings
from collective.servicedesk.settings.schema import IServiceDeskSettings
from collective.servicedesk.settings.search import ISearchSettings
from collective.servicedesk.settings.workspace import IWorkspaceSettings
from plone.registry.interfaces import IRegistry
from typing import Any
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.interface import Interface
from zope.interface.interface import InterfaceClass
import copy

# attribute of settings() -> (schema, registry prefix). The prefixes are the
# record names sites already have: changing one would orphan stored values.
_MISSING = object()
GROUPS: dict[str, tuple[InterfaceClass, str]] = {
    "desk": (IServiceDeskSettings, "collective.servicedesk"),
    "mail_intake": (IMailIntakeSettings, "collective.servicedesk.mail_intake"),
    "workspace": (IWorkspaceSettings, "collective.servicedesk.workspace"),
    "search": (ISearchSettings, "collective.servicedesk.search"),
    "records": (IRecordsSettings, "collective.servicedesk.records"),
    "directory": (IDirectorySettings, "collective.servicedesk.directory"),
    "chat": (IChatSettings, "collective.servicedesk.chat"),
}


def _matches(interface, schema) -> bool:
    # A form field belongs to the schema, to one of its parts (the desk's
    # schema is built from one interface per fieldset) or to a form's
    # sub-schema of it (the control panel adds checks from higher layers).
    return interface is not Interface and (
        interface.isOrExtends(schema) or schema.isOrExtends(interface)
    )


class SettingsGroup:
    """The records of one schema: typed attributes, the field default when unset.

    Reads go to the registry each time (no stale values after a save); without
    a registry (scripts, the mail worker before a site hook) or before the
    record exists (an upgrade not yet run) the field's default holds.
    """

    def __init__(self, schema: InterfaceClass, prefix: str, registry=None) -> None:
        object.__setattr__(self, "_schema", schema)
        object.__setattr__(self, "_prefix", prefix)
        object.__setattr__(self, "_registry", registry)

    def _field(self, name: str):
        field = self._schema.get(name)
        if field is None or name.startswith("_"):
            raise AttributeError(f"{self._schema.__name__} has no setting {name!r}")
        return field

    def __getattr__(self, name: str) -> Any:
        field = self._field(name)
        value = _MISSING
        if self._registry is not None:
            value = self._registry.get(f"{self._prefix}.{name}", _MISSING)
        # A cleared field stays None (callers fall back as they see fit); only a
        # record that does not exist yet gives the default, as a copy so that
        # callers cannot change a field's default list in place.
        return copy.copy(field.default) if value is _MISSING else value

    def __setattr__(self, name: str, value: Any) -> None:
        self._field(name)
        if self._registry is None:
            raise LookupError("No registry: settings can only be changed in a site.")
        # The record's own field validates the value.
        self._registry[f"{self._prefix}.{name}"] = value

    def __conform__(self, interface):
        # Forms adapt their content to the field's schema (z3c.form's
        # AttributeField data manager); a group answers for its own schema.
        return self if _matches(interface, self._schema) else None


class Settings:
    """All settings, by group: ``settings().desk.sender_name``."""

    def __init__(self, registry=None) -> None:
        for name, (schema, prefix) in GROUPS.items():
            setattr(self, name, SettingsGroup(schema, prefix, registry))

    def __conform__(self, interface):
        # The control panel edits several schemas in one form.
        for name, (schema, _prefix) in GROUPS.items():
            if _matches(interface, schema):
                return getattr(self, name)
        return None


def _registry(portal: object = None):
    if portal is not None:
        return getattr(portal, "portal_registry", None)
    if getSite() is None:
        return None
    return queryUtility(IRegistry)


def settings(portal: object = None) -> Settings:
    """Return the settings of the current site (of ``portal`` when given).

    Pass ``portal`` where no site hook is set (the mail worker thread).
    """
    return Settings(_registry(portal))
