"""Crawl every page of the add-on in Bokmål and Nynorsk: no English of ours shows.

For the site language nb and nn (with a matching Accept-Language), each demo
role and the citizen (anonymous) open every browser page our package registers
(read from the component registry, so a new page is crawled without being
listed here) on the context it is registered for: the site (control panels,
citizen pages), the desk, an inquiry, the knowledge base and its entries.

A page fails when an English default of our domain shows verbatim while the
catalog has a different nb/nn translation. Plone core strings shown on our pages
(the personal bar, form buttons) are checked against Plone's own Norwegian: an
English text that Plone's ``no`` catalog translates must not show either; where
Plone has no nb/nn text, our ``plone.po`` overrides provide it.
"""

from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from collective.servicedesk.setuphandlers.demo import GROUPS
from collective.servicedesk.setuphandlers.demo import ensure_groups
from collective.servicedesk.setuphandlers.demo import ensure_users
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.knowledge.helpers import html
from tests.knowledge.helpers import make_kb
from tests.locales import crawl
from tests.security.routes import routes
from tests.services.helpers import make_desk
import pytest
import requests
import transaction

# The citizen (None), each staff role of the demo, and the site administrator.
USERS = (None, "agent", "handler", "editor", "lead", SITE_OWNER_NAME)
LANGUAGES = ("nb", "nn")
# Plone core strings our pages show (personal bar, buttons, the search box),
# found by this crawl; each must read in Norwegian (ours: locales/*/plone.po).
PLONE_SHOWN = (
    "Log out",
    "Preferences",
    "Site Setup",
    "Search Site",
    "Save",
    "Cancel",
    "Skip to main content",
    "Skip to navigation",
    "Skip to footer",
)


def _password(user: str) -> str:
    return SITE_OWNER_PASSWORD if user == SITE_OWNER_NAME else DEMO_PASSWORD


@pytest.fixture
def site(functional_portal):
    """The site in nb/nn with demo staff, a desk, an inquiry and the knowledge base."""
    portal = functional_portal
    api.portal.set_registry_record(
        "plone.available_languages", ["en", "nb", "nn", "no"]
    )
    with api.env.adopt_roles(["Manager"]):
        ensure_groups()
        ensure_users()
        # Unit names are data: a Norwegian municipality names its groups in
        # Norwegian (the demo's English titles would read as our English).
        for group_id, (_title, norwegian, _roles) in GROUPS.items():
            portal.acl_users.source_groups.updateGroup(group_id, title=norwegian)
            api.group.get(groupname=group_id).setGroupProperties({"title": norwegian})
        # Titles as install gives them in a Norwegian site: content is data.
        desk = make_desk(portal)
        desk.title = "Servicetorget"
        desk.reindexObject()
        inquiry = api.content.create(
            container=desk,
            type="Inquiry",
            title="Brøyting av Ørnevegen",
            description="Vegen er ikkje brøyta sidan i går.",
            channel="phone",
            requester_name="Åse Innbyggjar",
            requester_email="ase@example.no",
        )
        kb = make_kb(portal)
        kb.title = "Kunnskapsbanken"
        kb.reindexObject()
        faq = api.content.create(
            container=kb,
            type="FAQEntry",
            title="Når blir vegen brøyta?",
            answer=html("<p>Hovudvegar først, så bustadfelt.</p>"),
        )
    transaction.commit()
    return {"portal": portal, "desk": desk, "inquiry": inquiry, "kb": kb, "faq": faq}


def pages(site: dict) -> list[tuple[str, object]]:
    """(route, context) of each page of ours, on its most specific context."""
    order = ("inquiry", "faq", "desk", "kb", "portal")
    found: dict[str, object] = {}
    for name in order:
        context = site[name]
        for method, route, mine in routes(context, ours_only=True):
            if mine and method == "*" and route not in found:
                found[route] = context
    # The most specific context wins: visit in the site's order for a stable list.
    return sorted(
        found.items(), key=lambda item: ("/".join(item[1].getPhysicalPath()), item[0])
    )


def sessions(request_factory, lang: str) -> dict:
    """One HTTP session per user (a connection each: the test server has a limit)."""
    result = {}
    for user in USERS:
        auth = None if user is None else (user, _password(user))
        session = request_factory(api=False, basic_auth=auth)
        session.headers.update({"Accept": "text/html", "Accept-Language": lang})
        result[user] = session
    return result


def visit(session, url: str):
    """GET a page; (status, HTML text), the text None for no HTML page."""
    try:
        response = session.get(url, allow_redirects=False, stream=True, timeout=30)
    except requests.exceptions.Timeout:
        # A page that waits on a service not running here (mail, directory):
        # no text to check; the list printed at the end names it.
        return "timeout", None
    try:
        kind = response.headers.get("Content-Type", "")
        disposition = response.headers.get("Content-Disposition", "")
        if (
            response.status_code != 200
            or not kind.startswith("text/html")
            or "attachment" in disposition
        ):
            return response.status_code, None
        return response.status_code, response.text
    finally:
        response.close()


def crawl_site(request_factory, site: dict, lang: str) -> dict:
    """{(user, url): shown texts} of every page each user may open, in lang."""
    api.portal.set_registry_record("plone.default_language", lang)
    transaction.commit()
    shown, log = {}, []
    session_of = sessions(request_factory, lang)
    for route, context in pages(site):
        url = context.absolute_url() + route
        for user in USERS:
            status, page = visit(session_of[user], url)
            log.append(f"{status} {user or 'anonymous'} {url}")
            print(log[-1], flush=True)
            if page is not None:
                shown[(user or "anonymous", url)] = crawl.shown_texts(page)
    for session in session_of.values():
        session.close()
    print(f"\n[{lang}] visited {len(log)} page calls, {len(shown)} HTML pages.")
    return shown


def findings(shown: dict, defaults, norwegian: set[str] = frozenset()) -> list[str]:
    """'user url: msgid -> text' for every English default seen, texts matched once."""
    unique = sorted(
        {text for texts in shown.values() for text in texts} - set(norwegian)
    )
    hits = {}
    for msgid, text in crawl.untranslated(unique, defaults):
        hits.setdefault(text, []).append(msgid)
    result = []
    for (user, url), texts in sorted(shown.items()):
        for text in sorted(set(texts) & set(hits)):
            result.append(f"{user} {url}: {hits[text]} -> {text!r}")
    return result


class TestCrawl:
    def test_pages_found(self, site):
        routes_found = [route for route, _context in pages(site)]
        # Pages on each kind of context: control panels, the desk, an inquiry.
        assert "/@@servicedesk-controlpanel" in routes_found
        assert "/@@servicedesk-statistics" in routes_found
        assert len(routes_found) > 30

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_no_english_of_ours(self, request_factory, site, lang):
        shown = crawl_site(request_factory, site, lang)
        assert len(shown) > 30, "the crawl saw too few pages"
        plone_defaults = crawl.plone_norwegian_defaults()
        plone_english = {default for _msgid, default, _p in plone_defaults}
        # A text that is also one of Plone's (the toolbar's "Edit", "Search") is
        # checked as Plone's: ours and Plone's must both read Norwegian.
        ours = [d for d in crawl.english_defaults(lang) if d[1] not in plone_english]
        norwegian = crawl.norwegian_texts(lang)
        found = findings(shown, ours, norwegian)
        plone = findings(shown, plone_defaults, norwegian)
        assert not found + plone, (
            f"{lang}: English on our pages:\n"
            + "\n".join(found)
            + "\nPlone's:\n"
            + "\n".join(plone)
        )
