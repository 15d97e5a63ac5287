"""Anonymous users cannot read, list or search inquiries through any endpoint."""

from collective.servicedesk.citizen import codes
from collective.servicedesk.intake.attachments import add_attachments
from collective.servicedesk.intake.attachments import list_attachments
from plone import api
from tests.services.helpers import make_inquiry
from tests.services.helpers import set_state
import json
import pytest
import transaction

MARKER = "Zanzibarquux"  # a word only the inquiry contains (we search for it)
SECRET = "Qwertyplonk"  # never sent by the tests: seen only if it leaks
STATES = [
    "registered",
    "assigned",
    "in_progress",
    "forwarded",
    "answered",
    "closed",
    "filed",
]


@pytest.fixture
def secret_inquiries(public_desk):
    """One inquiry in each workflow state, with a unique word and an attachment."""
    found = []
    for state in STATES:
        inquiry = make_inquiry(
            public_desk,
            title=f"{MARKER} brøyting",
            description=f"{MARKER} {SECRET} description",
            requester_email="ase@example.no",
        )
        add_attachments(inquiry, [("kart.pdf", "application/pdf", b"%PDF-1.4")])
        if state != "registered":
            set_state(inquiry, state)
        assert api.content.get_state(inquiry) == state
        found.append(inquiry)
    transaction.commit()
    return found


@pytest.fixture
def secret_inquiry(secret_inquiries):
    """The first of them, for checks that do not depend on the state."""
    return secret_inquiries[0]


def rel(obj) -> str:
    return f"/{obj.aq_parent.getId()}/{obj.getId()}"


def leaks(response, inquiries) -> bool:
    """True if the answer shows anything of an inquiry the caller did not send."""
    if isinstance(inquiries, list):
        return any(leaks(response, inquiry) for inquiry in inquiries)
    inquiry = inquiries
    text = response.text
    if SECRET in text or inquiry.UID() in text or "ase@example.no" in text:
        return True
    # A login redirect names the requested URL, and so does the 404 (exactly
    # as for a reference number that does not exist); anything else must not.
    return response.status_code not in (302, 404) and inquiry.absolute_url() in text


class TestRestEndpoints:
    def test_detector_sees_a_leak(self, manager_request, secret_inquiries):
        """Control: staff do find them, and the leak check notices."""
        response = manager_request.get(
            "/@search", params={"SearchableText": MARKER, "metadata_fields": "UID"}
        )
        assert response.json()["items_total"] == len(STATES)
        assert leaks(response, secret_inquiries)

    def test_content_get(self, anon_request, secret_inquiries):
        for inquiry in secret_inquiries:
            response = anon_request.get(rel(inquiry))
            # The same 404 as for a missing one: no existence oracle (issue 12).
            assert response.status_code == 404, api.content.get_state(inquiry)
            assert not leaks(response, inquiry)

    @pytest.mark.parametrize(
        "suffix",
        [
            "/@workflow",
            "/@history",
            "/@sharing",
            "/@breadcrumbs",
            "/@navigation",
            "/@actions",
            "/@types",
            "/@followup-code",
        ],
    )
    def test_content_sub_endpoints(self, anon_request, secret_inquiries, suffix):
        for inquiry in secret_inquiries:
            response = anon_request.get(rel(inquiry) + suffix)
            assert response.status_code in (401, 403, 404)
            assert not leaks(response, inquiry)

    def test_desk_listing(self, anon_request, secret_inquiries):
        response = anon_request.get(f"/{secret_inquiries[0].aq_parent.getId()}")
        assert response.status_code in (200, 401)
        if response.status_code == 200:
            assert response.json()["items_total"] == 0
        assert not leaks(response, secret_inquiries)

    @pytest.mark.parametrize(
        "params",
        [
            {"portal_type": "Inquiry"},
            {"SearchableText": MARKER},
            {"Title": MARKER},
            {"path": "/plone/service-desk"},
            {"portal_type": "Inquiry", "fullobjects": "1"},
            {"metadata_fields": "_all"},
        ],
    )
    def test_search(self, anon_request, secret_inquiries, params):
        response = anon_request.get("/@search", params=params)
        assert response.status_code == 200
        assert not leaks(response, secret_inquiries)
        assert all(item.get("@type") != "Inquiry" for item in response.json()["items"])

    def test_search_by_reference(self, anon_request, secret_inquiries):
        for inquiry in secret_inquiries:
            response = anon_request.get(
                "/@search", params={"reference_number": inquiry.reference_number}
            )
            assert response.json()["items_total"] == 0

    @pytest.mark.parametrize(
        "criterion",
        [
            {
                "i": "portal_type",
                "o": "plone.app.querystring.operation.selection.any",
                "v": ["Inquiry"],
            },
            {
                "i": "SearchableText",
                "o": "plone.app.querystring.operation.string.contains",
                "v": MARKER,
            },
        ],
    )
    def test_querystring_search(self, anon_request, secret_inquiries, criterion):
        body = {"query": [criterion], "metadata_fields": "_all"}
        post = anon_request.post("/@querystring-search", json=body)
        assert post.status_code == 200
        assert post.json()["items_total"] == 0
        get = anon_request.get(
            "/@querystring-search", params={"query": json.dumps(body)}
        )
        assert get.status_code in (200, 400)
        assert not leaks(post, secret_inquiries)
        assert not leaks(get, secret_inquiries)

    @pytest.mark.parametrize(
        "path,statuses",
        [
            ("/@servicedesk-track", {404}),
            # A code in the URL is refused (issue 12: codes never in URLs).
            ("/@servicedesk-track?code=" + MARKER, {400}),
            ("/@servicedesk-faq-public?q=" + MARKER, {200}),
            ("/@faq-suggestions?q=" + MARKER, {200}),
            ("/@knowledge-search?q=" + MARKER, {200}),
            ("/service-desk/@servicedesk-queue?queue=overdue", {401}),
            ("/service-desk/@servicedesk-queue?queue=unit", {401}),
            ("/service-desk/@servicedesk-routing", {401}),
            ("/@servicedesk-statistics", {401}),
            ("/@servicedesk-openapi", {200}),
        ],
    )
    def test_custom_services(self, anon_request, secret_inquiries, path, statuses):
        response = anon_request.get(path)
        assert response.status_code in statuses
        assert not leaks(response, secret_inquiries)

    @pytest.mark.parametrize(
        "path",
        [
            "/@servicedesk-subject-export",
            "/@servicedesk-mail",
            "/service-desk/@servicedesk-register",
        ],
    )
    def test_staff_posts(self, anon_request, secret_inquiries, path):
        response = anon_request.post(
            path, json={"email": "ase@example.no", "reason": "x"}
        )
        assert response.status_code == 401
        assert not leaks(response, secret_inquiries)

    def test_code_of_another_inquiry_is_not_a_key(self, anon_request, secret_inquiry):
        """Codes open only their own inquiry; the reference number opens nothing."""
        codes.issue(secret_inquiry)
        transaction.commit()
        response = anon_request.get(
            "/@servicedesk-track",
            headers={"X-Followup-Code": secret_inquiry.reference_number},
        )
        assert response.status_code == 404


class TestClassicPages:
    @pytest.fixture
    def page(self, request_factory):
        session = request_factory(api=False)
        session.headers["Accept"] = "text/html"
        return session

    @pytest.mark.parametrize(
        "suffix",
        ["", "/view", "/@@inquiry-attachment/x", "/@@images/image"],
    )
    def test_inquiry_pages(self, page, secret_inquiries, suffix):
        for inquiry in secret_inquiries:
            response = page.get(rel(inquiry) + suffix, allow_redirects=False)
            assert response.status_code in (302, 401, 403, 404)
            assert not leaks(response, inquiry)

    def test_attachment_download(self, page, secret_inquiries):
        for inquiry in secret_inquiries:
            attachment_id = list_attachments(inquiry)[0]["id"]
            response = page.get(
                rel(inquiry) + f"/@@inquiry-attachment/{attachment_id}",
                allow_redirects=False,
            )
            assert response.status_code in (302, 401, 403, 404)
            assert b"%PDF" not in response.content

    @pytest.mark.parametrize(
        "path",
        [
            "/service-desk/@@folder_contents",
            "/service-desk/folder_contents",
            "/service-desk/@@fc-contextInfo",
            "/service-desk",
            "/@@search?SearchableText=" + MARKER,
            "/@@search?portal_type=Inquiry",
            "/@@updated_search?SearchableText=" + MARKER,
            "/@@getVocabulary?name=plone.app.vocabularies.Catalog"
            '&query={"criteria":[{"i":"SearchableText","o":'
            '"plone.app.querystring.operation.string.contains","v":"' + MARKER + '"}]}',
            "/@@getVocabulary?name=plone.app.vocabularies.Catalog"
            '&query={"criteria":[{"i":"portal_type","o":'
            '"plone.app.querystring.operation.selection.any","v":["Inquiry"]}]}',
            "/service-desk/RSS",
            "/search_rss?SearchableText=" + MARKER,
            "/sitemap.xml.gz",
        ],
    )
    def test_listings_and_search(self, page, secret_inquiries, path):
        response = page.get(path, allow_redirects=False)
        assert not leaks(response, secret_inquiries)
