"""The way in, by keyboard and on a phone: quick bar with caller lookup, tally, bulk."""

from plone import api
from tests.browser_fixtures import screenshot
import transaction

PASSWORD = "demo-servicedesk"
CALLER = "91234567"


def demo(portal) -> str:
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    transaction.commit()
    return portal["service-desk"].absolute_url()


def earlier_inquiry(portal) -> str:
    desk = portal["service-desk"]
    with api.env.adopt_roles(["Manager"]):
        inquiry = api.content.create(
            container=desk,
            type="Inquiry",
            title="Ringte om feiing i fjor",
            channel="phone",
            requester_phone=CALLER,
        )
        inquiry.reindexObject()
    transaction.commit()
    return inquiry.reference_number


def test_phone_call_registered_by_keyboard_with_caller(functional_portal, new_page):
    demo(functional_portal)
    reference = earlier_inquiry(functional_portal)
    agent = new_page("agent", PASSWORD)
    agent.goto(functional_portal.absolute_url())
    agent.keyboard.press("n")  # from any page: the quick bar opens, summary focused
    agent.wait_for_function(
        "document.activeElement && document.activeElement.name === 'title'"
    )
    agent.keyboard.type("Spør om feiing av pipe")
    agent.keyboard.press("Tab")  # to "Who is asking"
    agent.keyboard.press("Enter")  # open it
    agent.keyboard.press("Tab")  # to the phone field
    agent.keyboard.type(CALLER)
    history = agent.locator(".sd-caller-history")
    history.wait_for(state="visible")
    assert reference in history.inner_text()
    screenshot(agent, "quickbar-caller-history")
    agent.keyboard.press("Enter")  # registers
    agent.locator(".sd-status a").wait_for()
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(
        portal_type="Inquiry", Title="Spør om feiing av pipe"
    )
    inquiry = brain.getObject()
    assert inquiry.requester_phone == CALLER
    assert inquiry.channel == "phone"
    agent.keyboard.press("Escape")
    assert not agent.locator("details.sd-ws-quickbar").evaluate("node => node.open")


def test_shortcut_list(functional_portal, new_page):
    demo(functional_portal)
    agent = new_page("agent", PASSWORD)
    agent.goto(functional_portal.absolute_url())
    agent.keyboard.press("?")
    dialog = agent.locator("#sd-shortcuts-dialog")
    dialog.wait_for(state="visible")
    assert "j" in dialog.inner_text()


def test_tally_five_clicks_and_undo_without_reload(functional_portal, new_page):
    desk_url = demo(functional_portal)
    catalog = api.portal.get_tool("portal_catalog")
    query = {"portal_type": "Inquiry", "tally": True, "inquiry_category": "parking"}
    stored = len(catalog.unrestrictedSearchResults(**query))
    agent = new_page("agent", PASSWORD)
    agent.goto(f"{desk_url}/@@tally")
    agent.evaluate("window.sdNoReload = true")
    cell = agent.locator(
        "button.tally-button[data-category='parking'][data-channel='phone']"
    )
    before = int(cell.locator(".tally-count").inner_text())
    for clicks in range(1, 6):
        cell.click()
        agent.wait_for_function(
            "([selector, count]) => document.querySelector(selector)"
            ".textContent.trim() === String(count)",
            arg=[
                "button.tally-button[data-category='parking'][data-channel='phone'] "
                ".tally-count",
                before + clicks,
            ],
        )
    agent.click(".tally-undo")
    agent.wait_for_function(
        "([selector, count]) => document.querySelector(selector)"
        ".textContent.trim() === String(count)",
        arg=[
            "button.tally-button[data-category='parking'][data-channel='phone'] "
            ".tally-count",
            before + 4,
        ],
    )
    assert agent.evaluate("window.sdNoReload") is True  # never left the page
    screenshot(agent, "tally-in-place")
    transaction.begin()
    assert len(catalog.unrestrictedSearchResults(**query)) == stored + 4


def test_bulk_close_three(functional_portal, new_page):
    desk_url = demo(functional_portal)
    desk = functional_portal["service-desk"]
    uids = []
    with api.env.adopt_roles(["Manager"]):
        for number in range(3):
            inquiry = api.content.create(
                container=desk,
                type="Inquiry",
                title=f"Besvart på telefon {number}",
                channel="phone",
                answer="Svar gitt",
            )
            uids.append(inquiry.UID())
    transaction.commit()
    agent = new_page("agent", PASSWORD)
    agent.goto(f"{desk_url}/@@inquiries?text=Besvart")
    for uid in uids:
        agent.check(f".sd-bulk-row[value='{uid}']")
    agent.select_option("form.sd-bulk select[name=action]", "close")
    agent.click("form.sd-bulk button[type=submit]")
    agent.wait_for_function(
        "document.querySelector('.sd-bulk-status') && "
        "document.querySelector('.sd-bulk-status').textContent.trim() !== ''"
    )
    screenshot(agent, "inquiries-bulk-closed")
    status = agent.locator(".sd-bulk-status").inner_text()
    assert "3" in status and "0" in status, status
    transaction.begin()
    for uid in uids:
        assert api.content.get_state(api.content.get(UID=uid)) == "closed"


def test_every_panel_reachable_at_390_px(functional_portal, chromium_browser):
    demo(functional_portal)
    context = chromium_browser.new_context(
        locale="nb-NO", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(f"{functional_portal.absolute_url()}/login")
    page.fill("#__ac_name", "agent")
    page.fill("#__ac_password", PASSWORD)
    page.click(
        "#login-form button[type=submit], #login-form button[name='buttons.login']"
    )
    page.wait_for_load_state("networkidle")
    page.goto(functional_portal.absolute_url())
    toggles = page.locator("details.sd-ws > summary")
    assert toggles.count() >= 3
    outside = []
    for index in range(toggles.count()):
        box = toggles.nth(index).bounding_box()
        if box is None or box["x"] < 0 or box["x"] + box["width"] > 390:
            outside.append((toggles.nth(index).inner_text(), box))
    for index in range(toggles.count()):
        toggle = toggles.nth(index)
        toggle.click()  # opens; its panel must fit the screen too
        panel = toggle.locator("xpath=following-sibling::*[1]")
        box = panel.bounding_box()
        if box is None or box["x"] < 0 or box["x"] + box["width"] > 390:
            outside.append((f"panel {index}", box))
        if index == 0:
            screenshot(page, "workspace-390px-open")
        page.keyboard.press("Escape")
    screenshot(page, "workspace-390px")
    context.close()
    assert outside == []
