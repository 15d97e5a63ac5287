"""Dynamic FAQ: counting use, "most used" and the categories that lack an FAQ."""

from BTrees.Length import Length
from collective.servicedesk.knowledge.usage import USAGE_KEY
from collective.servicedesk.knowledge.usage import category_gaps
from collective.servicedesk.knowledge.usage import count_faq_use
from collective.servicedesk.knowledge.usage import faq_use_count
from collective.servicedesk.knowledge.usage import faqs_used_for
from collective.servicedesk.knowledge.usage import most_used
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_inquiry
from tests.knowledge.helpers import make_user
from zope.annotation.interfaces import IAnnotations
import pytest


class TestCounting:
    def test_counts_and_returns_new_value(self, portal, kb):
        faq = make_faq(kb, "Q", state="published_internally")
        assert faq_use_count(faq) == 0
        assert count_faq_use(faq) == 1
        assert count_faq_use(faq) == 2
        assert faq_use_count(faq) == 2

    def test_one_inquiry_counts_once(self, portal, kb):
        faq = make_faq(kb, "Q", state="published_internally")
        first = make_inquiry(portal, title="A")
        second = make_inquiry(portal, title="B")
        assert count_faq_use(faq, first) == 1
        assert count_faq_use(faq, first) == 1
        assert count_faq_use(faq, second) == 2
        assert faqs_used_for(first) == [api.content.get_uuid(faq)]

    def test_conflict_free_counter_outside_the_entry(self, portal, kb):
        faq = make_faq(kb, "Q", state="published_internally")
        modified = faq.modified()
        count_faq_use(faq)
        counter = IAnnotations(portal)[USAGE_KEY][api.content.get_uuid(faq)]
        assert isinstance(counter, Length)
        # Length resolves concurrent increments by adding both deltas.
        assert counter._p_resolveConflict(5, 6, 7) == 8
        assert (
            faq.modified() == modified
        )  # the entry itself (and its versions) untouched


class TestMostUsed:
    def test_order_and_permissions(self, portal, kb):
        public = make_faq(kb, "Offentlig", state="published_publicly")
        internal = make_faq(kb, "Intern", state="published_internally")
        draft = make_faq(kb, "Utkast")
        for _ in range(3):
            count_faq_use(internal)
        count_faq_use(public)
        for _ in range(5):
            count_faq_use(draft)
        login(portal, make_user("member-u", ["Member"]))
        assert [(r["title"], r["count"]) for r in most_used()] == [
            ("Intern", 3),
            ("Offentlig", 1),
        ]
        login(portal, make_user("editor-u", ["Knowledge Editor"]))
        assert [r["title"] for r in most_used(limit=2)] == ["Utkast", "Intern"]
        logout()
        assert [r["title"] for r in most_used()] == ["Offentlig"]

    def test_empty(self, portal):
        assert most_used() == []


class TestCategoryGaps:
    @pytest.fixture
    def inquiries(self, portal, kb):
        for number in range(6):
            make_inquiry(
                portal, state=None, title=f"Parkering {number}", category="parking"
            )
        for number in range(5):
            make_inquiry(
                portal, state=None, title=f"Bygg {number}", category="building-permits"
            )
        for number in range(2):
            make_inquiry(portal, state=None, title=f"Skole {number}", category="school")
        make_faq(
            kb,
            "Byggesøknad?",
            state="published_internally",
            categories=["building-permits"],
        )
        make_faq(kb, "Parkering (utkast)?", categories=["parking"])

    def test_busy_categories_without_published_faq(self, inquiries):
        gaps = category_gaps(min_inquiries=5)
        assert [(g["id"], g["inquiries"]) for g in gaps] == [("parking", 6)]
        assert gaps[0]["title"] in ("Parking", "Parkering")

    def test_threshold(self, inquiries):
        assert [g["id"] for g in category_gaps(min_inquiries=2)] == [
            "parking",
            "school",
        ]

    def test_period(self, inquiries):
        for brain in api.content.find(portal_type="Inquiry"):
            inquiry = brain.getObject()
            inquiry.creation_date = inquiry.creation_date - 10
            inquiry.reindexObject(idxs=["created"])
        assert category_gaps(min_inquiries=1, days=5) == []
        assert [g["id"] for g in category_gaps(min_inquiries=5, days=30)] == ["parking"]


class TestInsightsView:
    def test_editor_sees_both_lists(self, portal, kb, http_request):
        faq = make_faq(kb, "Hvordan søker jeg bostøtte?", state="published_internally")
        count_faq_use(faq)
        for number in range(5):
            make_inquiry(
                portal, state=None, title=f"Parkering {number}", category="parking"
            )
        login(portal, make_user("editor-i", ["Knowledge Editor"]))
        html = api.content.get_view("faq-insights", kb, http_request)()
        assert "Hvordan søker jeg bostøtte?" in html
        assert "Parking" in html or "Parkering" in html

    @pytest.mark.parametrize(
        "role,allowed",
        [
            ("Knowledge Editor", True),
            ("Service Desk Lead", True),
            ("Service Desk Agent", False),
            ("Member", False),
        ],
    )
    def test_permission(self, portal, kb, role, allowed):
        user = make_user(f"insights-{role.lower().replace(' ', '-')}", [role])
        assert (
            api.user.has_permission(
                "collective.servicedesk: Manage knowledge", username=user, obj=kb
            )
            is allowed
        )


class TestService:
    def test_post_faq_use(self, functional_portal, request_factory):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD
        from tests.knowledge.helpers import make_kb
        import transaction

        kb = make_kb(functional_portal)
        faq = make_faq(kb, "Q", state="published_internally")
        inquiry = make_inquiry(functional_portal, title="Svar med FAQ")
        transaction.commit()
        session = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        path = inquiry.absolute_url().replace(functional_portal.absolute_url(), "")
        for expected in (1, 1):
            response = session.post(f"{path}/@faq-use", json={"faq": faq.UID()})
            assert response.status_code == 200, response.text
            assert response.json() == {"faq": faq.UID(), "count": expected}
        assert session.post(f"{path}/@faq-use", json={"faq": "nope"}).status_code == 400
