"""The category catalogue: defaults, add, rename, retire, order, contract keys."""

from collective.servicedesk.categories import get_category
from collective.servicedesk.categories import list_categories
from collective.servicedesk.categories import storage
from collective.servicedesk.categories.defaults import DEFAULT_CATEGORIES
from plone import api
from zope.annotation.interfaces import IAnnotations
import pytest

CONTRACT_KEYS = {
    "id",
    "title",
    "service_level",
    "promise_hours",
    "unit",
    "retired",
    "order",
    "los_uri",
}
STEP = "collective.servicedesk-categories"


def rerun_install(portal):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile("profile-collective.servicedesk:default", STEP)


class TestDefaults:
    def test_default_catalogue_installed(self, portal):
        ids = [c["id"] for c in list_categories()]
        assert ids == [row[0] for row in DEFAULT_CATEGORIES]
        assert 15 <= len(ids) <= 25

    @pytest.mark.parametrize(
        "category_id,nb,nn,en,level",
        [
            ("building-permits", "Byggesak", "Byggjesak", "Building permits", "4"),
            ("property-tax", "Eiendomsskatt", "Eigedomsskatt", "Property tax", "3"),
            (
                "kindergarten",
                "Barnehageplass",
                "Barnehageplass",
                "Kindergarten admission",
                "3",
            ),
            (
                "switchboard",
                "Sentralbord og viderekobling",
                "Sentralbord og vidarekopling",
                "Switchboard and transfers",
                "1",
            ),
            ("other", "Annet", "Anna", "Other", "2"),
        ],
    )
    def test_default_titles(self, portal, category_id, nb, nn, en, level):
        category = get_category(category_id)
        assert category["title"] == {"nb": nb, "nn": nn, "en": en}
        assert category["service_level"] == level
        assert category["retired"] is False
        assert category["unit"] is None

    def test_contract_keys(self, portal):
        assert CONTRACT_KEYS <= set(get_category("building-permits"))
        assert get_category("building-permits")["los_uri"] == (
            "https://psi.norge.no/los/ord/byggesak"
        )

    def test_unknown_and_empty(self, portal):
        assert get_category("no-such-thing") is None
        assert get_category(None) is None
        assert get_category("") is None

    def test_returned_dicts_are_copies(self, portal):
        category = get_category("parking")
        category["title"]["nb"] = "Changed"
        category["unit"] = "someone"
        assert get_category("parking")["title"]["nb"] == "Parkering"
        assert get_category("parking")["unit"] is None

    def test_reinstall_keeps_admin_changes(self, portal):
        storage.update_category(
            "parking", title={"nb": "Parkering og piggdekk"}, unit="g1"
        )
        storage.retire_category("nav-referral")
        del storage._storage()["other"]
        rerun_install(portal)
        assert get_category("parking")["title"]["nb"] == "Parkering og piggdekk"
        assert get_category("parking")["unit"] == "g1"
        assert get_category("nav-referral")["retired"] is True
        # A default that is missing altogether comes back.
        assert get_category("other")["title"]["en"] == "Other"

    def test_reads_do_not_create_storage(self, portal):
        annotations = IAnnotations(portal)
        del annotations[storage.ANNOTATION_KEY]
        assert list_categories() == []
        assert get_category("parking") is None
        assert storage.ANNOTATION_KEY not in annotations

    def test_other_profiles_do_not_run_the_step(self, portal):
        storage.retire_category("other")
        del storage._storage()["parking"]
        setup = api.portal.get_tool("portal_setup")
        setup.runImportStepFromProfile("profile-collective.servicedesk:testing", STEP)
        assert get_category("parking") is None


class TestManage:
    def test_add(self, portal):
        added = storage.add_category(
            "dog-licences",
            {"nb": "Hundehold", "nn": "Hundehald", "en": "Dogs"},
            service_level="3",
            promise_hours=24,
            unit="servicedesk-technical",
        )
        assert added == get_category("dog-licences")
        assert added["order"] > max(
            c["order"] for c in list_categories() if c["id"] != "dog-licences"
        )
        assert list_categories()[-1]["id"] == "dog-licences"

    @pytest.mark.parametrize(
        "category_id", ["", "Big", "with space", "-dash", "æøå", "x" * 81, None]
    )
    def test_invalid_ids(self, portal, category_id):
        with pytest.raises(ValueError):
            storage.add_category(category_id, {"nb": "X"})

    def test_duplicate_id(self, portal):
        with pytest.raises(ValueError):
            storage.add_category("parking", {"nb": "Parkering"})

    def test_title_required(self, portal):
        with pytest.raises(ValueError):
            storage.add_category("empty", {"nb": " ", "en": ""})

    def test_rename_keeps_other_languages(self, portal):
        storage.update_category("parking", title={"en": "Parking permits"})
        assert get_category("parking")["title"] == {
            "nb": "Parkering",
            "nn": "Parkering",
            "en": "Parking permits",
        }

    def test_cannot_change_id_or_unknown_fields(self, portal):
        with pytest.raises(ValueError):
            storage.update_category("parking", id="parking2")
        with pytest.raises(ValueError):
            storage.update_category("parking", colour="red")
        with pytest.raises(KeyError):
            storage.update_category("nope", unit="x")

    def test_retire_and_restore(self, portal):
        storage.retire_category("parking")
        assert "parking" not in [c["id"] for c in list_categories()]
        assert "parking" in [c["id"] for c in list_categories(include_retired=True)]
        assert get_category("parking")["retired"] is True
        storage.retire_category("parking", retired=False)
        assert "parking" in [c["id"] for c in list_categories()]

    def test_move(self, portal):
        ids = [c["id"] for c in list_categories()]
        storage.move_category(ids[2], -1)
        moved = [c["id"] for c in list_categories()]
        assert moved[1] == ids[2] and moved[2] == ids[1]
        storage.move_category(moved[0], -1)  # already first: nothing happens
        assert [c["id"] for c in list_categories()] == moved
        storage.move_category(moved[-1], 1)
        assert [c["id"] for c in list_categories()] == moved

    def test_move_with_equal_orders_renumbers(self, portal):
        for category in list_categories(include_retired=True):
            storage.update_category(category["id"], order=5)
        ids = [c["id"] for c in list_categories()]
        storage.move_category(ids[0], 1)
        assert [c["id"] for c in list_categories()][:2] == [ids[1], ids[0]]

    def test_parent_and_ancestors(self, portal):
        storage.add_category("building", {"nb": "Bygg"})
        storage.update_category("building-permits", parent="building")
        assert storage.ancestors("building-permits") == ["building-permits", "building"]
        with pytest.raises(ValueError):
            storage.update_category("building", parent="building-permits")
        with pytest.raises(ValueError):
            storage.update_category("building", parent="unknown")

    def test_service_promise_falls_back_to_control_panel(self, portal):
        api.portal.set_registry_record(
            "collective.servicedesk.default_service_promise", 30
        )
        assert storage.service_promise_hours("other") == 30
        assert storage.service_promise_hours("building-permits") == 80
        assert storage.service_promise_hours("unknown") == 30

    @pytest.mark.parametrize(
        "language,expected",
        [("nb", "Vann og avløp"), ("nn", "Vatn og avløp"), ("en", "Water and sewage")],
    )
    def test_category_title(self, portal, language, expected):
        assert storage.category_title("water-sewage", language) == expected
        assert storage.category_title("unknown", language) == "unknown"


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    def test_configlets_removed(self, controlpanel_actions):
        for configlet in (
            "servicedesk-categories",
            "servicedesk-competence",
            "servicedesk-roster",
        ):
            assert configlet not in controlpanel_actions

    def test_roster_permission_taken_away(self, portal):
        roles = [
            r["name"]
            for r in portal.rolesOfPermission("collective.servicedesk: Manage roster")
            if r["selected"]
        ]
        assert roles == []

    def test_catalogue_kept_for_a_reinstall(self, portal):
        assert get_category("building-permits")["title"]["nb"] == "Byggesak"
