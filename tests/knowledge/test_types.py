"""The knowledge types: installed, with their behaviours, fields and add permissions."""

from collective.servicedesk.knowledge.behaviors import IFAQ
from collective.servicedesk.knowledge.behaviors import IKnowledgeClassification
from collective.servicedesk.knowledge.behaviors_experience import IExperience
from collective.servicedesk.knowledge.interfaces import IExperienceDocument
from collective.servicedesk.knowledge.interfaces import IFAQEntry
from collective.servicedesk.knowledge.interfaces import IKnowledgeBase
from datetime import date
from plone import api
from plone.app.testing import login
from plone.dexterity.schema import SCHEMA_CACHE
from tests.knowledge.helpers import html
from tests.knowledge.helpers import make_user
from zExceptions import Unauthorized
from zope.interface import Invalid
import pytest

TYPES = ("KnowledgeBase", "FAQEntry", "ExperienceDocument")


class TestInstalled:
    @pytest.mark.parametrize("portal_type", TYPES)
    def test_fti(self, portal, portal_type):
        assert portal_type in api.portal.get_tool("portal_types")

    @pytest.mark.parametrize(
        "portal_type,permission",
        [
            ("KnowledgeBase", "collective.servicedesk.AddKnowledgeBase"),
            ("FAQEntry", "collective.servicedesk.AddFAQEntry"),
            ("ExperienceDocument", "collective.servicedesk.AddExperienceDocument"),
        ],
    )
    def test_own_add_permission(self, portal, portal_type, permission):
        assert (
            api.portal.get_tool("portal_types")[portal_type].add_permission
            == permission
        )

    @pytest.mark.parametrize(
        "portal_type,behavior",
        [
            ("FAQEntry", "collective.servicedesk.faq"),
            ("FAQEntry", "collective.servicedesk.knowledge_classification"),
            ("FAQEntry", "collective.servicedesk.knowledge_links"),
            ("FAQEntry", "plone.versioning"),
            ("FAQEntry", "plone.categorization"),
            ("FAQEntry", "plone.relateditems"),
            ("ExperienceDocument", "collective.servicedesk.experience"),
            ("ExperienceDocument", "collective.servicedesk.knowledge_classification"),
            ("ExperienceDocument", "plone.dublincore"),
            ("ExperienceDocument", "plone.richtext"),
            ("ExperienceDocument", "plone.versioning"),
            ("ExperienceDocument", "plone.allowdiscussion"),
        ],
    )
    def test_behaviors(self, portal, portal_type, behavior):
        assert behavior in api.portal.get_tool("portal_types")[portal_type].behaviors

    def test_allowed_in_knowledge_base(self, portal):
        fti = api.portal.get_tool("portal_types")["KnowledgeBase"]
        assert set(fti.allowed_content_types) == {
            "FAQEntry",
            "ExperienceDocument",
            "KnowledgeBase",
            "Folder",
        }

    @pytest.mark.parametrize("portal_type", ["FAQEntry", "ExperienceDocument"])
    def test_not_addable_elsewhere(self, portal, portal_type):
        assert api.portal.get_tool("portal_types")[portal_type].global_allow is False

    @pytest.mark.parametrize(
        "portal_type,workflow",
        [
            ("KnowledgeBase", "servicedesk_knowledgebase_workflow"),
            ("FAQEntry", "servicedesk_faq_workflow"),
            ("ExperienceDocument", "servicedesk_experience_workflow"),
        ],
    )
    def test_workflow_bound(self, portal, portal_type, workflow):
        assert api.portal.get_tool("portal_workflow").getChainForPortalType(
            portal_type
        ) == (workflow,)


class TestContent:
    def test_faq_fields(self, kb):
        with api.env.adopt_roles(["Manager"]):
            faq = api.content.create(
                container=kb,
                type="FAQEntry",
                title="Hvor sender jeg byggesøknaden?",
                answer=html("<p>Via Fellestjenester bygg.</p>"),
                categories=["building-permits"],
                audience="public",
                subject=("byggesak", "søknad"),
                review_by=date(2030, 1, 1),
            )
        assert IFAQEntry.providedBy(faq)
        assert IFAQ(faq).title == "Hvor sender jeg byggesøknaden?"
        assert IKnowledgeClassification(faq).categories == ["building-permits"]
        assert faq.Subject() == ("byggesak", "søknad")
        assert faq.getId() == "hvor-sender-jeg-byggesoknaden"
        brain = api.content.find(UID=faq.UID())[0]
        assert brain.servicedesk_categories == ["building-permits"]
        assert brain.servicedesk_audience == "public"
        assert brain.servicedesk_excerpt == "Via Fellestjenester bygg."

    def test_experience_fields(self, kb):
        with api.env.adopt_roles(["Manager"]):
            doc = api.content.create(
                container=kb,
                type="ExperienceDocument",
                title="Rutine for bostøtte",
                description="Slik behandler vi spørsmål om bostøtte.",
                document_kind="routine",
                municipality="Demo kommune",
                source="Husbanken",
                valid_from=date(2026, 1, 1),
                valid_to=date(2026, 12, 31),
            )
        assert IExperienceDocument.providedBy(doc)
        assert IExperience(doc).document_kind == "routine"
        assert (
            "Husbanken"
            in api.content.find(UID=doc.UID(), SearchableText="Husbanken")[0]
            .getObject()
            .source
        )

    def test_validity_invariant(self):
        class Data:
            valid_from = date(2026, 2, 1)
            valid_to = date(2026, 1, 1)

        with pytest.raises(Invalid):
            IExperience.validateInvariants(Data())

    def test_knowledge_base_is_folderish_with_sub_sections(self, kb):
        assert IKnowledgeBase.providedBy(kb)
        with api.env.adopt_roles(["Manager"]):
            section = api.content.create(
                container=kb, type="KnowledgeBase", title="Byggesak"
            )
            folder = api.content.create(container=kb, type="Folder", title="Skjema")
            api.content.create(
                container=section, type="FAQEntry", title="Q", answer=html("<p>A</p>")
            )
        assert "q" in section
        assert folder.portal_type == "Folder"

    def test_vocabularies(self, portal):
        from zope.component import getUtility
        from zope.schema.interfaces import IVocabularyFactory

        audiences = getUtility(
            IVocabularyFactory, "collective.servicedesk.KnowledgeAudiences"
        )(portal)
        kinds = getUtility(IVocabularyFactory, "collective.servicedesk.DocumentKinds")(
            portal
        )
        assert [t.value for t in audiences] == ["internal", "public"]
        assert {
            "user_guide",
            "routine",
            "guideline",
            "law_reference",
            "service_description",
            "elearning",
            "case_writeup",
            "chat_transcript",
        } == {t.value for t in kinds}

    def test_schema_cache_sees_behaviours(self, portal):
        SCHEMA_CACHE.clear()
        fti = api.portal.get_tool("portal_types")["FAQEntry"]
        assert (
            "answer" not in fti.lookupSchema()
        )  # thin type schema, fields in behaviours


ADD_MATRIX = [
    # role, KnowledgeBase, FAQEntry, ExperienceDocument
    ("Manager", True, True, True),
    ("Site Administrator", True, True, True),
    ("Knowledge Editor", True, True, True),
    ("Service Desk Agent", False, True, True),
    ("Case Handler", False, True, True),
    ("Service Desk Lead", False, True, True),
    ("Member", False, False, False),
]


class TestAddPermissions:
    @pytest.mark.parametrize("role,can_kb,can_faq,can_doc", ADD_MATRIX)
    def test_who_may_add(self, portal, kb, role, can_kb, can_faq, can_doc):
        user = make_user(f"user-{role.lower().replace(' ', '-')}", [role])
        login(portal, user)
        for portal_type, allowed in (
            ("KnowledgeBase", can_kb),
            ("FAQEntry", can_faq),
            ("ExperienceDocument", can_doc),
        ):
            values = {"answer": html("<p>A</p>")} if portal_type == "FAQEntry" else {}
            if allowed:
                obj = api.content.create(
                    container=kb, type=portal_type, title=f"New {portal_type}", **values
                )
                assert obj.portal_type == portal_type
            else:
                with pytest.raises((Unauthorized, api.exc.InvalidParameterError)):
                    api.content.create(
                        container=kb,
                        type=portal_type,
                        title=f"New {portal_type}",
                        **values,
                    )

    def test_agent_may_open_the_add_form(self, portal, kb):
        login(portal, make_user("agent-x", ["Service Desk Agent"]))
        assert api.user.get_permissions(obj=kb)["Add portal content"]
        assert api.user.get_permissions(obj=kb)["collective.servicedesk: Add FAQEntry"]
