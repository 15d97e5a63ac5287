"""Vocabularies Categories and ServiceLevels: language, order, retired terms."""

from collective.servicedesk.categories import levels
from collective.servicedesk.categories import storage
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory
import pytest

CATEGORIES = "collective.servicedesk.Categories"
LEVELS = "collective.servicedesk.ServiceLevels"


def vocabulary(name, context=None):
    return getUtility(IVocabularyFactory, name)(context)


class Inquiry:
    """Stands in for an existing inquiry (only its attributes matter here)."""

    def __init__(self, **values):
        self.__dict__.update(values)


class TestCategoriesVocabulary:
    @pytest.mark.parametrize(
        "language,expected",
        [
            ("nb", "Byggesak"),
            ("no", "Byggesak"),
            ("nb-no", "Byggesak"),
            ("nn", "Byggjesak"),
            ("en", "Building permits"),
            ("en-us", "Building permits"),
            ("de", "Building permits"),
        ],
    )
    def test_title_in_request_language(self, portal, http_request, language, expected):
        http_request["LANGUAGE"] = language
        assert vocabulary(CATEGORIES).getTerm("building-permits").title == expected

    def test_missing_translation_falls_back_to_bokmal(self, portal, http_request):
        storage.add_category("local", {"nb": "Lokalt", "nn": "", "en": ""})
        http_request["LANGUAGE"] = "nn"
        assert vocabulary(CATEGORIES).getTerm("local").title == "Lokalt"

    def test_order_follows_catalogue(self, portal):
        tokens = [term.token for term in vocabulary(CATEGORIES)]
        assert tokens == [c["id"] for c in storage.list_categories()]
        storage.move_category("other", -1)
        assert [t.token for t in vocabulary(CATEGORIES)][-2] == "other"

    def test_retired_not_offered_for_new(self, portal):
        storage.retire_category("parking")
        assert "parking" not in vocabulary(CATEGORIES)
        assert "parking" not in vocabulary(CATEGORIES, portal)

    def test_retired_stays_valid_on_old_inquiry(self, portal, http_request):
        http_request["LANGUAGE"] = "en"
        storage.retire_category("parking")
        storage.retire_category("roads-snow")
        terms = vocabulary(CATEGORIES, Inquiry(category="parking"))
        assert terms.getTerm("parking").title == "Parking"
        # ...but only its own retired category.
        assert "roads-snow" not in terms

    def test_parent_shown_in_title(self, portal, http_request):
        http_request["LANGUAGE"] = "en"
        storage.add_category("building", {"nb": "Bygg", "en": "Building"})
        storage.update_category("building-permits", parent="building")
        assert vocabulary(CATEGORIES).getTerm("building-permits").title == (
            "Building › Building permits"
        )


class TestServiceLevelsVocabulary:
    @pytest.mark.parametrize(
        "language,level,expected",
        [
            ("en", "1", "1. Reception"),
            ("en", "6", "6. Discretionary case work"),
            ("nb", "1", "1. Mottak"),
            ("nb", "5", "5. Regelstyrt saksbehandling"),
            ("nn", "4", "4. Saksførebuing"),
        ],
    )
    def test_default_levels(self, portal, http_request, language, level, expected):
        http_request["LANGUAGE"] = language
        assert vocabulary(LEVELS).getTerm(level).title == expected

    def test_six_levels(self, portal):
        assert [t.token for t in vocabulary(LEVELS)] == ["1", "2", "3", "4", "5", "6"]

    def test_admin_titles_and_extra_level(self, portal, http_request):
        levels.set_service_level("2", {"nb": "Generell info", "en": ""})
        levels.set_service_level("7", {"nb": "Klagebehandling", "en": "Appeals"})
        http_request["LANGUAGE"] = "nb"
        terms = vocabulary(LEVELS)
        assert terms.getTerm("2").title == "2. Generell info"
        assert terms.getTerm("7").title == "7. Klagebehandling"
        http_request["LANGUAGE"] = "en"
        terms = vocabulary(LEVELS)
        assert terms.getTerm("2").title == "2. General information"
        assert [t.token for t in terms][-1] == "7"

    def test_retired_level(self, portal):
        levels.set_service_level("6", {}, retired=True)
        assert "6" not in vocabulary(LEVELS)
        assert "6" in vocabulary(LEVELS, Inquiry(service_level="6"))

    @pytest.mark.parametrize("level_id", ["", "a b", "x" * 21])
    def test_invalid_level_id(self, portal, level_id):
        with pytest.raises(ValueError):
            levels.set_service_level(level_id, {"nb": "X"})

    def test_new_level_needs_title(self, portal):
        with pytest.raises(ValueError):
            levels.set_service_level("8", {"nb": ""})
