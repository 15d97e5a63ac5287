"""Create (or reuse) the Plone site served by `make start`; run by `zconsole run`.

Environment: SERVICEDESK_SITE_ID (Plone), SERVICEDESK_ADMIN_USER (admin),
SERVICEDESK_ADMIN_PASSWORD (admin). Existing sites and data are kept.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
from zope.component.hooks import setSite
import os
import transaction

app = globals()["app"]  # provided by zconsole

SITE_ID = os.environ.get("SERVICEDESK_SITE_ID", "Plone")
ADMIN = os.environ.get("SERVICEDESK_ADMIN_USER", "admin")
PASSWORD = os.environ.get("SERVICEDESK_ADMIN_PASSWORD", "admin")

# The Zope-level admin is (re)set on every start so the printed password is true.
users = app.acl_users
if ADMIN in users.getUserNames():
    users._doChangeUser(ADMIN, PASSWORD, ["Manager"], [])
else:
    users._doAddUser(ADMIN, PASSWORD, ["Manager"], [])
admin = users.getUser(ADMIN).__of__(users)
newSecurityManager(None, admin)

if SITE_ID in app.objectIds():
    site = app[SITE_ID]
    setSite(site)
    print(f"Reusing the existing site /{SITE_ID} and its data.")
    installer = site.restrictedTraverse("@@installer")
    if not installer.is_product_installed("collective.servicedesk"):
        installer.install_product("collective.servicedesk")
    else:
        # Bring the add-on's profile up to date after a code update.
        setup = site.portal_setup
        if setup.listUpgrades("collective.servicedesk:default"):
            installer.upgrade_product("collective.servicedesk")
else:
    site = addPloneSite(
        app,
        SITE_ID,
        title="Servicetorget",
        profile_id="Products.CMFPlone:plone",
        extension_ids=[
            "plone.app.contenttypes:default",
            "plonetheme.barceloneta:default",
            "collective.servicedesk:default",
        ],
        setup_content=False,
        default_language="no",
        portal_timezone="Europe/Oslo",
    )
    setSite(site)
    print(f"Created the site /{SITE_ID}.")

# Demo data once per site; later starts keep whatever the users changed.
# SERVICEDESK_DEMO=0 creates a site without demo data (production, cluster tests).
setup = site.portal_setup
with_demo = os.environ.get("SERVICEDESK_DEMO", "1") != "0"
if (
    with_demo
    and setup.getLastVersionForProfile("collective.servicedesk:demo") == "unknown"
):
    setup.runAllImportStepsFromProfile("profile-collective.servicedesk:demo")
    print("Applied the demo profile.")
    # The demo's mail goes to the local sink `make start` runs (read it at
    # /@@servicedesk-demo-mail); a site without demo data keeps its settings.
    registry = site.portal_registry
    registry["plone.smtp_host"] = "127.0.0.1"
    registry["plone.smtp_port"] = 8025
    if not registry.get("plone.email_from_address"):
        registry["plone.email_from_address"] = "servicetorget@demo.kommune.no"
transaction.commit()
print("Site ready.")
