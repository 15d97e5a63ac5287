"""Caching rules: static resources cacheable, our pages never shared (issue 19).

Over real HTTP with plone.app.caching installed, a preset chosen and the
add-on's ``caching`` profile applied, as docs/how-to/production-tuning.md
tells administrators to do.
"""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from tests.replies.helpers import PASSWORD
from tests.replies.helpers import add_user
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry
import pytest
import transaction

ENABLED = "plone.caching.interfaces.ICacheSettings.enabled"


def setup_site(portal, rules: bool = True, preset: str = "with-caching-proxy"):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    add_user("agent", ["Service Desk Agent"])
    desk = make_desk(portal)
    inquiry = make_inquiry(desk)
    applyProfile(portal, "plone.app.caching:default")
    applyProfile(portal, f"plone.app.caching:{preset}")
    if rules:
        applyProfile(portal, "collective.servicedesk:caching")
    api.portal.set_registry_record(ENABLED, True)
    transaction.commit()
    return desk, inquiry


def cache_control(request_factory, url: str, user: str | None = None) -> str:
    session = (
        request_factory(basic_auth=(user, PASSWORD), api=False)
        if user
        else request_factory(api=False)
    )
    response = session.get(url, allow_redirects=False)
    assert response.status_code == 200, (url, response.status_code)
    return response.headers.get("Cache-Control", "")


def shared(header: str) -> bool:
    """Whether a shared (proxy) cache may keep the response."""
    parts = {p.strip().split("=")[0] for p in header.lower().split(",") if p.strip()}
    return (
        "public" in parts
        or "s-maxage" in parts
        or ("private" not in parts and "no-store" not in parts and "max-age" in parts)
    )


@pytest.mark.parametrize("preset", ["with-caching-proxy", "without-caching-proxy"])
def test_static_resources_are_cacheable(functional_portal, request_factory, preset):
    setup_site(functional_portal, preset=preset)
    url = (
        f"{functional_portal.absolute_url()}"
        "/++resource++collective.servicedesk.citizen/citizen.css"
    )
    header = cache_control(request_factory, url)
    assert "max-age=86400" in header or "s-maxage=86400" in header


@pytest.mark.parametrize("page", ["@@ask", "@@track"])
def test_citizen_pages_are_private(functional_portal, request_factory, page):
    setup_site(functional_portal)
    header = cache_control(
        request_factory, f"{functional_portal.absolute_url()}/{page}"
    )
    assert "private" in header
    assert not shared(header)


@pytest.mark.parametrize(
    "path",
    [
        "servicedesk-dashboard",
        "desk/unit-queue",
        "knowledge-search?q=faktura",
        "desk/{inquiry}",
        "@@ask",
    ],
)
def test_staff_pages_are_never_shared(functional_portal, request_factory, path):
    _desk, inquiry = setup_site(functional_portal)
    path = path.format(inquiry=inquiry.getId())
    url = f"{functional_portal.absolute_url()}/{path}"
    header = cache_control(request_factory, url, user="agent")
    assert "private" in header
    assert not shared(header)


def test_without_the_rules_our_pages_get_no_caching_headers(
    functional_portal, request_factory
):
    """Installing plone.app.caching alone neither caches nor marks our pages."""
    setup_site(functional_portal, rules=False)
    url = f"{functional_portal.absolute_url()}/@@ask"
    assert not shared(cache_control(request_factory, url))
