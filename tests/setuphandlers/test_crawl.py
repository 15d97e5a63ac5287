"""After an uninstall no page of the site answers 500 (the site is crawled)."""

from collective.servicedesk.setuphandlers import install
from collective.servicedesk.setuphandlers import uninstall
from html.parser import HTMLParser
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from urllib.parse import urldefrag
from urllib.parse import urljoin
from urllib.parse import urlparse
import os
import pytest
import requests
import transaction

# Every content page first, then the links found; CI may raise the limit.
MAX_PAGES = int(os.environ.get("SERVICEDESK_CRAWL_PAGES", "45"))
SKIP = (
    "_authenticator",
    "sort_on=",
    "b_start",
    "/logout",
    "/++",
    "/portal_",
    "/manage",
    "/@@download",
    "/@@images",
    "/@@site-logo",
)
SKIP_SUFFIXES = (".css", ".js", ".png", ".svg", ".ico", ".jpg", ".woff2")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl(start: str, extra: list[str], limit: int = MAX_PAGES) -> dict[str, int]:
    """Follow same-site links (no query strings) from ``start``: {url: status}."""
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    host = urlparse(start).netloc
    queue, seen, statuses = [start, *extra], set(), {}
    while queue and len(statuses) < limit:
        url = urldefrag(queue.pop(0))[0]
        if url in seen or urlparse(url).netloc != host:
            continue
        seen.add(url)
        if any(part in url for part in SKIP) or url.endswith(SKIP_SUFFIXES):
            continue
        response = session.get(url, allow_redirects=True, timeout=60)
        statuses[url] = response.status_code
        if "text/html" in response.headers.get("Content-Type", ""):
            parser = Links()
            parser.feed(response.text)
            queue.extend(urljoin(url, href) for href in parser.hrefs)
    return statuses


@pytest.fixture
def site_with_records(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        install.ensure_containers(functional_portal)
        desk = install.find_containers("ServiceDesk")[0]
        knowledge = install.find_containers("KnowledgeBase")[0]
        inquiry = api.content.create(
            container=desk, type="Inquiry", title="Brøytebil mangler", channel="phone"
        )
        faq = api.content.create(
            container=knowledge, type="FAQEntry", title="Når brøytes veien?"
        )
        api.content.create(container=functional_portal, type="Document", id="page")
    transaction.commit()
    return [inquiry.absolute_url(), faq.absolute_url(), desk.absolute_url()]


def content_urls(portal) -> list[str]:
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(portal.getPhysicalPath())
    urls = []
    for brain in catalog.unrestrictedSearchResults(path=path):
        urls += [brain.getURL(), brain.getURL() + "/view"]
    return urls


class TestNoErrorAfterUninstall:
    def test_keep(self, functional_portal, site_with_records):
        with api.env.adopt_roles(["Manager"]):
            assert uninstall.run(functional_portal, uninstall.KEEP)
        transaction.commit()
        statuses = crawl(
            functional_portal.absolute_url(),
            site_with_records + content_urls(functional_portal),
        )
        errors = {url: code for url, code in statuses.items() if code >= 500}
        assert not errors
        assert statuses[site_with_records[0]] == 200  # the kept inquiry reads
        assert len(statuses) >= min(MAX_PAGES, 20)

    def test_nothing_kept(self, functional_portal):
        with api.env.adopt_roles(["Manager"]):
            install.ensure_containers(functional_portal)
            assert uninstall.run(functional_portal)
        transaction.commit()
        statuses = crawl(
            functional_portal.absolute_url(), content_urls(functional_portal), 25
        )
        errors = {url: code for url, code in statuses.items() if code >= 500}
        assert not errors
        assert len(statuses) > 10


class TestAdminPagesRender:
    @pytest.mark.parametrize(
        "view",
        [
            "@@servicedesk-get-started",
            "@@servicedesk-uninstall",
            "@@servicedesk-controlpanel",
            "prefs_install_products_form",
        ],
    )
    def test_renders(self, functional_portal, site_with_records, view):
        session = requests.Session()
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        response = session.get(f"{functional_portal.absolute_url()}/{view}")
        assert response.status_code == 200
        assert "form.button.confirm" not in response.text  # no write on GET
        if view == "prefs_install_products_form":
            assert "sd-uninstall-notice" in response.text
        if view == "@@servicedesk-controlpanel":
            assert "sd-setup-progress-viewlet" in response.text
