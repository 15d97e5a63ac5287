"""Test layers of collective.servicedesk (used by pytest-plone fixtures)."""

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE
import collective.servicedesk


class ServiceDeskLayer(PloneSandboxLayer):
    """Plone site with collective.servicedesk installed."""

    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=collective.servicedesk)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "collective.servicedesk:default")
        applyProfile(portal, "collective.servicedesk:testing")


FIXTURE = ServiceDeskLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,), name="CollectiveServicedeskLayer:IntegrationTesting"
)

# Functional tests get a real WSGI server: REST tests (pytest-plone's
# request_factory) and the browser tests (Playwright) talk HTTP to it.
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="CollectiveServicedeskLayer:FunctionalTesting",
)
