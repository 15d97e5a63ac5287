"""Admin screens of the catalogue: list, add, edit, retire, order, LOS, levels."""

from collective.servicedesk.categories import get_category
from collective.servicedesk.categories import list_categories
from collective.servicedesk.categories.levels import get_service_level
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import pytest
import transaction

SAMPLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <skos:Concept rdf:about="https://psi.norge.no/los/tema/natur">
    <skos:inScheme rdf:resource="https://psi.norge.no/los/ontologi/tema"/>
    <skos:prefLabel xml:lang="nb">Natur</skos:prefLabel>
    <skos:prefLabel xml:lang="nn">Natur</skos:prefLabel>
    <skos:prefLabel xml:lang="en">Nature</skos:prefLabel>
  </skos:Concept>
</rdf:RDF>
"""
PASSWORD = "secret-password-123"
SCREENS = [
    "@@servicedesk-categories",
    "@@servicedesk-category-add",
    "@@servicedesk-category-edit?id=parking",
    "@@servicedesk-los-import",
    "@@servicedesk-service-levels",
    "@@servicedesk-competence",
    "@@servicedesk-roster",
]


@pytest.fixture
def browser(functional_app, functional_portal):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


@pytest.fixture
def staff(functional_portal):
    """A lead, an agent and a site administrator."""
    for user_id, role in (
        ("lead", "Service Desk Lead"),
        ("agent", "Service Desk Agent"),
        ("siteadmin", "Site Administrator"),
    ):
        api.user.create(
            username=user_id, email=f"{user_id}@example.org", password=PASSWORD
        )
        api.user.grant_roles(username=user_id, roles=[role])
    transaction.commit()


def open_as(functional_app, url, user_id=None):
    """Open a page as a user (anonymous without one); errors become responses."""
    browser = Browser(functional_app)
    browser.raiseHttpErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    browser.open(url)
    return browser


def denied(browser) -> bool:
    """Plone answers "no" with 401/403 or by sending to the login form."""
    return not browser.headers["status"].startswith("200") or any(
        marker in browser.url
        for marker in ("/login?", "require_login", "insufficient-privileges")
    )


class TestPermissions:
    @pytest.mark.parametrize("screen", SCREENS)
    def test_site_admin_may_use_every_screen(
        self, functional_app, functional_portal, staff, screen
    ):
        browser = open_as(
            functional_app, f"{functional_portal.absolute_url()}/{screen}", "siteadmin"
        )
        assert not denied(browser)

    @pytest.mark.parametrize(
        "user_id,screen,allowed",
        [
            ("lead", "@@servicedesk-roster", True),
            ("lead", "@@servicedesk-categories", False),
            ("lead", "@@servicedesk-competence", False),
            ("lead", "@@servicedesk-los-import", False),
            ("agent", "@@servicedesk-roster", False),
            ("agent", "@@servicedesk-categories", False),
            ("agent", "@@servicedesk-service-levels", False),
        ],
    )
    def test_staff(
        self, functional_app, functional_portal, staff, user_id, screen, allowed
    ):
        url = f"{functional_portal.absolute_url()}/{screen}"
        assert denied(open_as(functional_app, url, user_id)) is not allowed

    @pytest.mark.parametrize("screen", SCREENS)
    def test_anonymous(self, functional_app, functional_portal, screen):
        url = f"{functional_portal.absolute_url()}/{screen}"
        assert denied(open_as(functional_app, url))

    def test_configlets(self, functional_portal):
        actions = {
            a.getId() for a in api.portal.get_tool("portal_controlpanel").listActions()
        }
        assert {
            "servicedesk-categories",
            "servicedesk-competence",
            "servicedesk-roster",
        } <= actions


class TestCatalogueScreens:
    def test_listing(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-categories")
        for category in list_categories():
            assert f'id="category-{category["id"]}"' in browser.contents
        assert "Byggesak" in browser.contents

    def test_add(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-category-add")
        browser.getControl(name="form.widgets.id").value = "dogs"
        browser.getControl(name="form.widgets.title_nb").value = "Hundehold"
        browser.getControl(name="form.widgets.title_en").value = "Dogs"
        browser.getControl(name="form.widgets.service_level:list").value = ["3"]
        browser.getControl(name="form.widgets.promise_hours").value = "12"
        browser.getControl(name="form.buttons.save").click()
        assert browser.url.endswith("@@servicedesk-categories")
        transaction.begin()
        category = get_category("dogs")
        assert category["title"] == {"nb": "Hundehold", "nn": "", "en": "Dogs"}
        assert (category["service_level"], category["promise_hours"]) == ("3", 12)

    @pytest.mark.parametrize(
        "category_id,message",
        [
            ("parking", "This short name is taken."),
            ("Not valid", "Use 1–80 lower-case letters"),
        ],
    )
    def test_add_errors_keep_values(
        self, browser, functional_portal, category_id, message
    ):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-category-add")
        browser.getControl(name="form.widgets.id").value = category_id
        browser.getControl(name="form.widgets.title_nb").value = "Min tekst"
        browser.getControl(name="form.widgets.promise_hours").value = "7"
        browser.getControl(name="form.buttons.save").click()
        assert message in browser.contents
        assert browser.getControl(name="form.widgets.id").value == category_id
        assert browser.getControl(name="form.widgets.title_nb").value == "Min tekst"
        assert browser.getControl(name="form.widgets.promise_hours").value == "7"
        transaction.begin()
        assert get_category("parking")["title"]["nb"] == "Parkering"

    def test_edit_renames(self, browser, functional_portal):
        browser.open(
            f"{functional_portal.absolute_url()}/@@servicedesk-category-edit?id=parking"
        )
        assert browser.getControl(name="form.widgets.title_nb").value == "Parkering"
        browser.getControl(name="form.widgets.title_nb").value = "Parkering og bobiler"
        browser.getControl(name="form.widgets.parent:list").value = ["roads-snow"]
        browser.getControl(name="form.widgets.unit").value = "Reviewers"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        category = get_category("parking")
        assert category["unit"] == "Reviewers"
        assert category["title"]["nb"] == "Parkering og bobiler"
        assert category["title"]["en"] == "Parking"
        assert category["parent"] == "roads-snow"

    def test_edit_refuses_unknown_group(self, browser, functional_portal):
        browser.open(
            f"{functional_portal.absolute_url()}/@@servicedesk-category-edit?id=parking"
        )
        browser.getControl(name="form.widgets.unit").value = "no-such-group"
        browser.getControl(name="form.buttons.save").click()
        assert "There were some errors." in browser.contents
        transaction.begin()
        assert get_category("parking")["unit"] is None

    def test_edit_refuses_cycle(self, browser, functional_portal):
        from collective.servicedesk.categories import storage

        storage.update_category("roads-snow", parent="parking")
        transaction.commit()
        browser.open(
            f"{functional_portal.absolute_url()}/@@servicedesk-category-edit?id=parking"
        )
        browser.getControl(name="form.widgets.parent:list").value = ["roads-snow"]
        browser.getControl(name="form.buttons.save").click()
        assert "cannot be placed under itself" in browser.contents
        transaction.begin()
        assert get_category("parking")["parent"] is None

    def test_retire_restore_and_move(self, browser, functional_portal):
        url = f"{functional_portal.absolute_url()}/@@servicedesk-categories"
        browser.open(url)
        browser.getForm(index=_row_form(browser, "parking")).getControl(
            name="action", index=2
        ).click()
        transaction.begin()
        assert get_category("parking")["retired"] is True
        browser.getForm(index=_row_form(browser, "parking")).getControl(
            name="action", index=2
        ).click()
        transaction.begin()
        assert get_category("parking")["retired"] is False
        ids = [c["id"] for c in list_categories()]
        browser.getForm(index=_row_form(browser, "parking")).getControl(
            name="action", index=0
        ).click()
        transaction.begin()
        moved = [c["id"] for c in list_categories()]
        assert moved.index("parking") == ids.index("parking") - 1

    def test_post_without_token_is_refused(self, browser, functional_portal):
        from zExceptions import Forbidden

        with pytest.raises(Forbidden):
            browser.post(
                f"{functional_portal.absolute_url()}/@@servicedesk-categories",
                "action=retire&category=parking",
            )

    def test_edit_unknown_category(self, browser, functional_portal):
        from zExceptions import NotFound

        with pytest.raises(NotFound):
            browser.open(
                f"{functional_portal.absolute_url()}/@@servicedesk-category-edit?id=nope"
            )


def _row_form(browser, category_id) -> int:
    """Index of the form in the row of a category."""
    index = 0
    while True:
        form = browser.getForm(index=index)
        try:
            if form.getControl(name="category").value == category_id:
                return index
        except LookupError:
            pass
        index += 1


class TestLosImportScreen:
    def test_upload(self, browser, functional_portal):
        import io

        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-los-import")
        browser.getControl(name="form.widgets.upload").add_file(
            io.BytesIO(SAMPLE), "application/rdf+xml", "los.rdf"
        )
        browser.getControl(name="form.buttons.import").click()
        assert (
            "LOS imported: 1 new, 0 updated and 0 unchanged categories."
            in browser.contents
        )
        transaction.begin()
        assert get_category("los-natur")["title"]["en"] == "Nature"

    def test_path(self, browser, functional_portal, tmp_path):
        path = tmp_path / "los.rdf"
        path.write_bytes(SAMPLE)
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-los-import")
        browser.getControl(name="form.widgets.source").value = str(path)
        browser.getControl(name="form.buttons.import").click()
        transaction.begin()
        assert get_category("los-natur") is not None

    @pytest.mark.parametrize(
        "content,message",
        [
            (None, "Upload a file or give a path or web address."),
            ("missing", "Could not read the LOS file"),
            (b"not xml", "This is not an RDF/XML file."),
            (b"<a/>", "No LOS themes found in this file."),
        ],
    )
    def test_errors(self, browser, functional_portal, tmp_path, content, message):
        path = tmp_path / "los.rdf"
        if isinstance(content, bytes):
            path.write_bytes(content)
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-los-import")
        if content is not None:
            browser.getControl(name="form.widgets.source").value = str(path)
        browser.getControl(name="form.buttons.import").click()
        assert message in browser.contents
        if content is not None:
            assert browser.getControl(name="form.widgets.source").value == str(path)


class TestServiceLevelsScreen:
    def test_rename_add_retire(self, browser, functional_portal):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-service-levels")
        browser.getControl(name="nb:2").value = "Generell info"
        browser.getControl(name="retired:6").value = True
        browser.getControl(name="new_id").value = "7"
        browser.getControl(name="new_en").value = "Appeals"
        browser.getControl(name="form.buttons.save").click()
        assert "Service levels saved." in browser.contents
        transaction.begin()
        assert get_service_level("2")["titles"]["nb"] == "Generell info"
        assert get_service_level("6")["retired"] is True
        assert get_service_level("7")["titles"]["en"] == "Appeals"

    @pytest.mark.parametrize(
        "new_id,title,message",
        [
            ("3", "Dup", "This level exists already."),
            ("7", "", "A new level needs a title."),
            ("", "Orphan", "Give the new level a number."),
            ("a b", "X", "Use up to 20 letters or digits"),
        ],
    )
    def test_errors_keep_values(
        self, browser, functional_portal, new_id, title, message
    ):
        browser.open(f"{functional_portal.absolute_url()}/@@servicedesk-service-levels")
        browser.getControl(name="nb:1").value = "Mottak og sentralbord"
        browser.getControl(name="new_id").value = new_id
        browser.getControl(name="new_en").value = title
        browser.getControl(name="form.buttons.save").click()
        assert message in browser.contents
        assert browser.getControl(name="nb:1").value == "Mottak og sentralbord"
        assert browser.getControl(name="new_en").value == title
        transaction.begin()
        assert get_service_level("1")["titles"] == {}
