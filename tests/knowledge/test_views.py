"""Pages: the public FAQ, entry and document views, the search page, comments."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import applyProfile
from plone.app.testing import login
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from tests.knowledge.helpers import PASSWORD
from tests.knowledge.helpers import make_document
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_kb
from tests.knowledge.helpers import make_user
from urllib.parse import quote
import pytest
import transaction


@pytest.fixture
def site(functional_portal):
    kb = make_kb(functional_portal)
    make_faq(
        kb,
        "Hvordan sender jeg en byggesøknad?",
        "<p>Byggesøknader sendes digitalt.</p>",
        state="published_publicly",
        categories=["building-permits"],
        audience="public",
    )
    make_faq(
        kb,
        "Når tømmes søppelet?",
        "<p>Hver fredag.</p>",
        state="published_publicly",
        categories=["waste-collection"],
        audience="public",
    )
    make_faq(
        kb,
        "Generelt spørsmål <b>uten</b> kategori",
        "<p>Svar.</p>",
        state="published_publicly",
    )
    make_faq(
        kb,
        "Intern rutine for byggesøknader",
        "<p>Kun for ansatte.</p>",
        state="published_internally",
        categories=["building-permits"],
    )
    make_document(
        kb,
        "Veileder bostøtte",
        state="published",
        description="Hjelp med søknad.",
        attachment=NamedBlobFile(
            data=b"Bostotte tekst", filename="veileder.txt", contentType="text/plain"
        ),
        external_link="https://husbanken.no/bostotte",
    )
    make_user("staff-v", ["Service Desk Agent"])
    transaction.commit()
    return kb


def browser(app, user=None) -> Browser:
    b = Browser(app)
    b.handleErrors = False
    if user:
        b.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    return b


class TestPublicFAQ:
    def test_anonymous_sees_public_entries_by_category(self, functional_app, site):
        b = browser(functional_app)
        b.open(site.absolute_url() + "/@@faq")
        html = b.contents
        assert "Hvordan sender jeg en byggesøknad?" in html
        assert "Når tømmes søppelet?" in html
        assert "Intern rutine" not in html
        assert 'id="faq-building-permits"' in html
        assert 'id="faq-waste-collection"' in html
        assert 'id="faq-general"' in html
        # Escaped question text, never raw markup from an editor's title.
        assert "Generelt spørsmål &lt;b&gt;uten&lt;/b&gt; kategori" in html
        assert html.index('id="faq-general"') > html.index('id="faq-waste-collection"')

    def test_search_on_public_page(self, functional_app, site):
        b = browser(functional_app)
        b.open(site.absolute_url() + "/@@faq?q=" + quote("byggesøknadene"))
        assert "<mark>byggesøknad</mark>" in b.contents
        assert "Når tømmes søppelet?" not in b.contents
        assert "Intern rutine" not in b.contents

    def test_staff_see_the_same_public_list(self, functional_app, site):
        b = browser(functional_app, "staff-v")
        b.open(site.absolute_url() + "/@@faq")
        assert "Intern rutine" not in b.contents

    def test_public_entry_page_and_internal_entry_hidden(self, functional_app, site):
        b = browser(functional_app)
        b.open(site["hvordan-sender-jeg-en-byggesoknad"].absolute_url())
        assert "Byggesøknader sendes digitalt." in b.contents
        from zExceptions import Unauthorized

        with pytest.raises(Unauthorized):
            b.open(site["intern-rutine-for-byggesoknader"].absolute_url())


class TestStaffPages:
    def test_knowledge_base_opens_on_the_search_page(self, functional_app, site):
        b = browser(functional_app, "staff-v")
        b.open(site.absolute_url() + "?q=" + quote("byggesøknad"))
        html = b.contents
        assert "Search the knowledge base" in html
        assert "<mark>byggesøknad</mark>" in html
        assert "Intern rutine for <mark>byggesøknader</mark>" in html
        assert 'class="facet-count"' in html

    def test_facet_links_filter(self, functional_app, site):
        b = browser(functional_app, "staff-v")
        b.open(
            site.absolute_url()
            + "/@@knowledge-search?q="
            + quote("byggesøknad")
            + "&audience=public"
        )
        assert "Hvordan sender jeg en" in b.contents
        assert "Intern rutine" not in b.contents

    def test_entry_view_shows_facts(self, functional_app, site):
        b = browser(functional_app, "staff-v")
        b.open(site["intern-rutine-for-byggesoknader"].absolute_url())
        assert "Kun for ansatte." in b.contents
        assert "Review by" in b.contents
        assert "Used in answers" in b.contents

    def test_document_view_with_file_and_link(self, functional_app, site):
        b = browser(functional_app, "staff-v")
        doc = site["veileder-bostotte"]
        b.open(doc.absolute_url())
        assert "@@download/attachment/veileder.txt" in b.contents
        assert "https://husbanken.no/bostotte" in b.contents
        b.open(doc.absolute_url() + "/@@download/attachment/veileder.txt")
        assert b.contents == "Bostotte tekst"

    def test_editor_add_form_has_the_fields(self, functional_app, site):
        b = browser(functional_app, f"{SITE_OWNER_NAME}")
        b.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        b.open(site.absolute_url() + "/++add++FAQEntry")
        for name in (
            "form.widgets.IFAQ.title",
            "form.widgets.IFAQ.answer",
            "form.widgets.IFAQ.review_by",
            "form.widgets.IKnowledgeClassification.audience",
        ):
            assert name in b.contents


class TestComments:
    @pytest.fixture
    def discussion(self, portal):
        applyProfile(portal, "plone.app.discussion:default")
        api.portal.set_registry_record(
            "plone.app.discussion.interfaces.IDiscussionSettings.globally_enabled", True
        )

    def test_enabled_on_documents_not_on_faq(
        self, portal, kb, discussion, http_request
    ):
        from plone.app.discussion.interfaces import IDiscussionLayer
        from zope.interface import alsoProvides

        alsoProvides(http_request, IDiscussionLayer)
        doc = make_document(kb, "Erfaring", state="internal")
        faq = make_faq(kb, "Q", state="published_internally")
        assert api.content.get_view("conversation_view", doc, http_request).enabled()
        assert not api.content.get_view(
            "conversation_view", faq, http_request
        ).enabled()

    def test_staff_comment_and_public_never_sees_it(self, portal, kb, discussion):
        from plone.app.discussion.interfaces import IConversation
        from zope.component import createObject

        doc = make_document(kb, "Erfaring med byggesaker", state="published")
        login(portal, make_user("commenting-agent", ["Service Desk Agent"]))
        assert api.user.has_permission("Reply to item", obj=doc)
        comment = createObject("plone.Comment")
        comment.text = "Husk å sjekke reguleringsplanen først."
        IConversation(doc).addComment(comment)
        assert len(IConversation(doc)) == 1
        assert not api.user.has_permission(
            "Reply to item", username=make_user("plain-member", ["Member"]), obj=doc
        )
        from plone.app.testing import logout

        assert api.content.find(
            portal_type="Discussion Item", SearchableText="reguleringsplanen"
        )
        logout()
        assert not api.content.find(
            portal_type="Discussion Item", SearchableText="reguleringsplanen"
        )
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=doc, transition="make_private")
        login(portal, "plain-member")
        assert not api.content.find(
            portal_type="Discussion Item", SearchableText="reguleringsplanen"
        )
