"""The administrator's path on a plain Bokmål site (no demo profile), in a real browser.

Install from Site Setup → Add-ons, follow the "get started" checklist with the
groups the intranet already has, a front-desk user registers from the quick bar
and the inquiry is routed to a unit. Then uninstall (refused, then "keep"),
reinstall: the inquiry is in the desk list and the front desk works again.
Finally the whole site is deleted from the Zope root.
"""

from collective.servicedesk.setuphandlers import uninstall
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.browser_fixtures import screenshot
from zope.annotation.interfaces import IAnnotations
import pytest
import transaction

MAX_ADMIN_INTERACTIONS = 12


PASSWORD = "passord-for-test-1"
# What an existing intranet has before the add-on comes: groups and people.
GROUPS = {"servicetorget": "Servicetorget", "byggesak": "Byggesak og plan"}
USERS = {"kari": ("Kari Nordmann", "servicetorget")}


@pytest.fixture
def plain_portal(functional_portal):
    """The test site made plain: add-on uninstalled, its stored data gone, Bokmål.

    (The functional layer installs the add-on; a second Plone layer next to it
    would share its WSGI server, so the plain site is made from this one.)
    """
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        assert uninstall.run(portal)
        annotations = IAnnotations(portal)
        for key in [k for k in annotations if k.startswith("collective.servicedesk")]:
            del annotations[key]
        api.portal.set_registry_record("plone.available_languages", ["no"])
        api.portal.set_registry_record("plone.default_language", "no")
        for group_id, title in GROUPS.items():
            api.group.create(groupname=group_id, title=title)
        for user_id, (fullname, group_id) in USERS.items():
            api.user.create(
                username=user_id,
                email=f"{user_id}@kommune.example",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            api.group.add_user(groupname=group_id, username=user_id)
    transaction.commit()
    return portal


class Admin:
    """A Playwright page whose every click, fill and visit is counted."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def goto(self, url):
        self.count += 1
        self.page.goto(url)

    def click(self, selector):
        self.count += 1
        self.page.click(selector)
        self.page.wait_for_load_state("networkidle")

    def fill(self, selector, value):
        self.count += 1
        self.page.fill(selector, value)

    def check(self, selector):
        self.count += 1
        self.page.check(selector)


def login(browser, portal_url, user, password):
    context = browser.new_context(
        locale="nb-NO", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(f"{portal_url}/login")
    page.fill("#__ac_name", user)
    page.fill("#__ac_password", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    return context, page


def addon_button(action):
    return (
        f"form[action='{action}_products']:has(input[value='collective.servicedesk'])"
        " button[type=submit]"
    )


def register_from_quickbar(page, portal_url, title, category):
    page.goto(portal_url)
    page.click("#sd-ws-quickbar > summary")
    page.wait_for_selector("#sd-quickbar-title", state="visible")
    page.fill("#sd-quickbar-title", title)
    page.click(".sd-quickbar-more > summary")
    page.select_option("#sd-quickbar-category", category)
    page.click(".sd-quickbar-submit")
    page.wait_for_selector(".sd-quickbar-form .sd-status a")
    return page.locator(".sd-quickbar-form .sd-status").inner_text()


def inquiry_brain(title):
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Inquiry", Title=title)
    return brains[0] if len(brains) == 1 else None


def test_admin_path(plain_portal, chromium_browser):
    portal_url = plain_portal.absolute_url()
    transaction.commit()
    admin_context, page = login(
        chromium_browser, portal_url, SITE_OWNER_NAME, SITE_OWNER_PASSWORD
    )
    admin = Admin(page)

    # Install from Site Setup → Add-ons.
    admin.goto(f"{portal_url}/prefs_install_products_form")
    screenshot(page, "admin-01-addons")
    admin.click(addon_button("install"))
    installed_after = admin.count

    # Follow the checklist: Site Setup → Service desk: get started.
    admin.goto(f"{portal_url}/@@overview-controlpanel")
    admin.click("a[href$='@@servicedesk-get-started']:visible")
    assert page.locator("#sd-step-desk").get_attribute("data-done") == "true"
    assert page.locator("#sd-step-routing").get_attribute("data-done") == "false"
    screenshot(page, "admin-02-get-started")
    admin.fill("#sd-role-0", "Servicetorget")
    admin.fill("#sd-role-1", "Byggesak")
    admin.click("#sd-step-roles button[type=submit]")
    assert page.locator("#sd-step-roles").get_attribute("data-done") == "true"
    admin.fill("#sd-unit", "Byggesak og plan")
    admin.click("#sd-step-routing button[type=submit]")
    assert page.locator("#sd-step-routing").get_attribute("data-done") == "true"
    screenshot(page, "admin-03-get-started-done")
    after_install = admin.count - installed_after
    assert after_install <= MAX_ADMIN_INTERACTIONS, after_install

    # The front desk registers from the quick bar; routing sends it to the unit.
    kari_context, kari = login(chromium_browser, portal_url, "kari", PASSWORD)
    register_from_quickbar(kari, portal_url, "Spør om garasje", "building-permits")
    screenshot(kari, "admin-04-quickbar-registered")
    brain = inquiry_brain("Spør om garasje")
    assert brain is not None and brain.responsible_unit == "byggesak"
    desk_url = brain.getURL().rsplit("/", 1)[0]

    # Uninstall from Add-ons: refused while the inquiry exists, with the reason.
    admin.goto(f"{portal_url}/prefs_install_products_form")
    assert page.locator("#sd-uninstall-notice").count() == 1
    admin.click(addon_button("uninstall"))
    assert "Site Setup" in page.content() or "Nettstedsoppsett" in page.content()
    screenshot(page, "admin-05-uninstall-refused")
    # The documented choice: keep the records readable.
    admin.goto(f"{portal_url}/@@servicedesk-uninstall")
    screenshot(page, "admin-06-uninstall-choice")
    admin.check("#sd-mode-keep")
    admin.check("#sd-confirm")
    admin.click("button[name=uninstall]")
    assert page.url.endswith("/prefs_install_products_form")
    response = page.request.get(brain.getURL())
    assert response.status == 200  # kept and readable, no "No layout found"

    # Reinstall: the inquiry is back in the desk list, the front desk works.
    admin.goto(f"{portal_url}/prefs_install_products_form")
    admin.click(addon_button("install"))
    admin.goto(desk_url)
    assert "Spør om garasje" in page.content()
    screenshot(page, "admin-07-desk-after-reinstall")
    register_from_quickbar(kari, portal_url, "Vannlekkasje i kjeller", "water-sewage")
    again = inquiry_brain("Vannlekkasje i kjeller")
    assert again is not None and again.responsible_unit == "byggesak"
    kari_context.close()
    admin_context.close()

    # The whole site can be deleted from the Zope root (its inquiries too).
    root_context, root = login(
        chromium_browser, portal_url, SITE_OWNER_NAME, SITE_OWNER_PASSWORD
    )
    app_url = portal_url.rsplit("/", 1)[0]
    site_id = portal_url.rsplit("/", 1)[1]
    root.goto(f"{app_url}/manage_main")
    root.check(f"input[name='ids:list'][value='{site_id}']")
    root.click("[name='manage_delObjects:method']")
    root.wait_for_load_state("networkidle")
    root_context.close()
    transaction.begin()
    assert site_id not in plain_portal.aq_parent.objectIds()
