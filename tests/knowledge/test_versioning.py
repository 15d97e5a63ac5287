"""Every save of a knowledge item is a version; diff and revert work."""

from plone import api
from tests.knowledge.helpers import html
from tests.knowledge.helpers import make_document
from tests.knowledge.helpers import make_faq
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import pytest


def history_length(obj) -> int:
    return (
        api.portal.get_tool("portal_repository")
        .getHistoryMetadata(obj)
        .getLength(countPurged=False)
    )


def edit(obj, **values):
    """Change fields and fire the event the edit form fires."""
    with api.env.adopt_roles(["Manager"]):
        for name, value in values.items():
            setattr(obj, name, value)
        notify(ObjectModifiedEvent(obj))


class TestVersioning:
    @pytest.mark.parametrize("portal_type", ["FAQEntry", "ExperienceDocument"])
    def test_versionable_with_autoversion(self, portal, portal_type):
        repository = api.portal.get_tool("portal_repository")
        assert portal_type in repository.getVersionableContentTypes()
        assert "at_edit_autoversion" in repository.getPolicyMap()[portal_type]
        assert "version_on_revert" in repository.getPolicyMap()[portal_type]

    def test_initial_version_and_one_per_save(self, kb):
        faq = make_faq(kb, "Når tømmes søppelet?", "<p>Hver fredag.</p>")
        assert history_length(faq) == 1
        edit(faq, answer=html("<p>Annenhver fredag.</p>"))
        assert history_length(faq) == 2
        edit(faq, title="Når tømmes restavfallet?")
        assert history_length(faq) == 3

    def test_diff_between_versions(self, kb):
        faq = make_faq(kb, "Når tømmes søppelet?", "<p>Hver fredag.</p>")
        edit(faq, answer=html("<p>Annenhver fredag.</p>"))
        repository = api.portal.get_tool("portal_repository")
        diff = api.portal.get_tool("portal_diff").createChangeSet(
            repository.retrieve(faq, 0).object,
            repository.retrieve(faq, 1).object,
            id1="0",
            id2="1",
        )
        changed = {d.field for d in diff.getDiffs() if not d.same}
        assert "answer" in changed
        assert "title" not in changed

    def test_history_view_renders_for_editor(self, kb, http_request):
        faq = make_faq(kb, "Når tømmes søppelet?", "<p>Hver fredag.</p>")
        edit(faq, answer=html("<p>Annenhver fredag.</p>"))
        with api.env.adopt_roles(["Manager"]):
            view = api.content.get_view("history", faq, http_request)
            assert "Annenhver" not in view.__name__  # view exists and renders
            assert view()

    def test_revert_restores_old_text_and_versions_it(self, kb, http_request):
        faq = make_faq(kb, "Når tømmes søppelet?", "<p>Hver fredag.</p>")
        edit(faq, answer=html("<p>Annenhver fredag.</p>"))
        http_request.form["version_id"] = "0"
        with api.env.adopt_roles(["Manager"]):
            api.content.get_view("revertversion", faq, http_request)()
        faq = kb[faq.getId()]
        assert faq.answer.raw == "<p>Hver fredag.</p>"
        # version_on_revert: the reverted state is itself a new version
        assert history_length(faq) == 3
        brain = api.content.find(UID=faq.UID())[0]
        assert brain.servicedesk_excerpt == "Hver fredag."

    def test_experience_document_versions_and_revert(self, kb):
        doc = make_document(kb, "Veileder bostøtte", description="Første utgave")
        edit(doc, description="Andre utgave")
        assert history_length(doc) == 2
        repository = api.portal.get_tool("portal_repository")
        with api.env.adopt_roles(["Manager"]):
            repository.revert(doc, 0)
        assert kb[doc.getId()].description == "Første utgave"
