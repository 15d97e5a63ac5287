"""Reply templates: storage and the editors' management page."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.replies.templates import delete_template
from collective.servicedesk.replies.templates import get_template
from collective.servicedesk.replies.templates import list_templates
from collective.servicedesk.replies.templates import save_template
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.interface import alsoProvides
import pytest


@pytest.fixture
def site(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


def manage_view(portal, **form):
    request = portal.REQUEST
    alsoProvides(request, IServiceDeskLayer)
    request.method = "POST"
    request.form.clear()
    request.form.update(form)
    request.form["_authenticator"] = api.content.get_view(
        "authenticator", portal, request
    ).token()
    return api.content.get_view("servicedesk-reply-templates", portal, request)


class TestStorage:
    def test_save_list_filter_delete(self, site):
        email = save_template("Svar e-post", "Hei {name}", channels=["email"])
        every = save_template("Alle kanaler", "Ref {reference_number}")
        assert [t["title"] for t in list_templates()] == ["Alle kanaler", "Svar e-post"]
        assert [t["id"] for t in list_templates("sms")] == [every["id"]]
        assert {t["id"] for t in list_templates("email")} == {email["id"], every["id"]}
        changed = save_template("Svar e-post", "Hallo", template_id=email["id"])
        assert get_template(email["id"])["text"] == "Hallo" == changed["text"]
        assert delete_template(email["id"]) is True
        assert delete_template(email["id"]) is False
        assert get_template(email["id"]) is None

    @pytest.mark.parametrize(
        "title,text,channels",
        [("", "x", []), ("T", "  ", []), ("T", "x", ["fax"])],
    )
    def test_invalid(self, site, title, text, channels):
        with pytest.raises(ValueError):
            save_template(title, text, channels=channels)


class TestManagePage:
    def test_add_through_the_form(self, site):
        view = manage_view(
            site,
            title="Mottatt",
            subject="Henvendelse {reference_number}",
            text="Hei {name}, {ukjent}",
            **{"channels": ["email", "sms"], "form.buttons.save": "1"},
        )
        view()
        (template,) = list_templates()
        assert template["title"] == "Mottatt"
        assert template["channels"] == ["email", "sms"]
        assert template["modified_by"] == TEST_USER_ID
        assert site.REQUEST.response.getStatus() == 302

    def test_missing_title_keeps_typed_values(self, site):
        view = manage_view(
            site, title=" ", text="Min tekst", **{"form.buttons.save": "1"}
        )
        html = view()
        assert "title" in view.errors
        assert "Min tekst" in html
        assert list_templates() == []

    def test_delete_through_the_form(self, site):
        template = save_template("Slett meg", "x")
        manage_view(site, id=template["id"], **{"form.buttons.delete": "1"})()
        assert list_templates() == []
