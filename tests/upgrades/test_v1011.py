"""Upgrade 1010 -> 1011: lean writes (text indexed once, unread columns removed)."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

LONG = "Vannlekkasje i kjelleren etter flommen " * 20


def test_step_removes_columns_and_reindexes(portal):
    from collective.servicedesk.upgrades.v1011 import UNREAD_COLUMNS
    from collective.servicedesk.upgrades.v1011 import lean_catalogue

    setRoles(portal, TEST_USER_ID, ["Manager"])
    catalog = api.portal.get_tool("portal_catalog")
    desk = api.content.create(container=portal, type="ServiceDesk", id="desk")
    inquiry = api.content.create(
        container=desk, type="Inquiry", title="Lekkasje", description=LONG
    )
    # The state of a 1010 site: the columns exist, the long text is everywhere.
    for column in UNREAD_COLUMNS:
        catalog.addColumn(column)
    index = catalog._catalog.getIndex("SearchableText")
    rid = catalog.getrid("/".join(inquiry.getPhysicalPath()))
    index.index_object(rid, _Old(inquiry))
    assert api.content.find(SearchableText="kjelleren")

    lean_catalogue(api.portal.get_tool("portal_setup"))

    assert not set(UNREAD_COLUMNS) & set(catalog.schema())
    assert not api.content.find(SearchableText="kjelleren")
    assert api.content.find(SearchableText="Lekkasje")
    (brain,) = api.content.find(UID=inquiry.UID())
    assert len(brain.servicedesk_excerpt) < len(LONG)


class _Old:
    """The inquiry as 1010 indexed it: the whole text in SearchableText."""

    def __init__(self, obj):
        self.SearchableText = f"{obj.title} {obj.description}"


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.servicedesk:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1010", "1011") in [(s["ssource"], s["sdest"]) for s in flat]
