"""Links built without a request (``http://nohost/…``) are shown on the site's URL."""

from collective.servicedesk.links import rebase


def test_nohost_link_rebased(portal):
    request = portal.REQUEST
    request.setServerURL(protocol="https", hostname="kommune.example")
    site = portal.absolute_url()
    assert site.startswith("https://kommune.example")
    stored = "http://nohost/plone/service-desk/2026-000001?x=1#timeline"
    assert rebase(stored) == f"{site}/service-desk/2026-000001?x=1#timeline"


def test_other_links_kept(portal):
    assert rebase("https://example.org/plone/a") == "https://example.org/plone/a"
    assert rebase("http://nohost/other-site/a") == "http://nohost/other-site/a"
    assert rebase("") == ""
    assert rebase(None) is None
