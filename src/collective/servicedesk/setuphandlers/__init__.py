"""Install and uninstall handlers of collective.servicedesk."""

from collective.servicedesk.setuphandlers.grants import ROLES  # noqa: F401
from collective.servicedesk.setuphandlers.install import post_install  # noqa: F401
from collective.servicedesk.setuphandlers.install import pre_install  # noqa: F401
from collective.servicedesk.setuphandlers.uninstall import post_uninstall  # noqa: F401
from collective.servicedesk.setuphandlers.uninstall import pre_uninstall  # noqa: F401
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Hide the helper profiles from the add-on control panel."""

    def getNonInstallableProfiles(self) -> list[str]:
        return [
            "collective.servicedesk:uninstall",
            "collective.servicedesk:uninstall-types",
            "collective.servicedesk:testing",
        ]

    def getNonInstallableProducts(self) -> list[str]:
        return []
