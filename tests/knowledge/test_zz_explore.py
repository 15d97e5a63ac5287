from plone import api

def test_explore(portal):
    print("TYPES", sorted(api.portal.get_tool("portal_types").objectIds()))
    qi = api.portal.get_tool("portal_quickinstaller") if "portal_quickinstaller" in portal else None
    st = api.portal.get_tool("portal_setup")
    print("PROFILES", sorted(p for p in [x["id"] for x in st.listProfileInfo()] if st.getLastVersionForProfile(p) != "unknown"))
    print("TOOLS", [x for x in portal.objectIds() if x.startswith("portal_")])
    cat = api.portal.get_tool("portal_catalog")
    print("INDEXES", sorted(cat.indexes()))
    print("LEXICONS", cat.objectIds())
    from zope.component import getUtilityIfSubclass
    import zope.component
    from plone.behavior.interfaces import IBehavior
    print("BEHAVIORS", sorted(n for n, _ in zope.component.getUtilitiesFor(IBehavior) if "." in n and not n.startswith("collective")))
    assert 0
