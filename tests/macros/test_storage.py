"""The macro storage: a portal annotation, limits checked, reads never write."""

from collective.servicedesk.macros import storage
from collective.servicedesk.macros.storage import MacroError
from plone import api
from zope.annotation.interfaces import IAnnotations
import pytest


class TestStorage:
    def test_read_creates_nothing(self, portal):
        assert storage.search_macros("x") == []
        assert storage.get_macro("nope") is None
        assert storage.ANNOTATION_KEY not in IAnnotations(portal)

    def test_save_get_edit_delete(self, portal):
        macro = storage.save_macro("  Byggesak   mottatt ", "Hei {name}!\r\nTakk.")
        assert macro["title"] == "Byggesak mottatt"
        assert macro["text"] == "Hei {name}!\nTakk."
        assert macro["modified_by"] == api.user.get_current().getId()
        assert storage.get_macro(macro["id"])["text"] == "Hei {name}!\nTakk."
        storage.save_macro("Byggesak", "Ny tekst", macro["id"])
        assert storage.get_macro(macro["id"])["text"] == "Ny tekst"
        assert storage.count_macros() == 1
        assert storage.delete_macro(macro["id"]) is True
        assert storage.delete_macro(macro["id"]) is False
        assert storage.get_macro(macro["id"]) is None

    def test_edit_of_unknown_id_refused(self, portal):
        with pytest.raises(MacroError) as raised:
            storage.save_macro("T", "x", "missing")
        assert raised.value.field == "id"
        assert storage.count_macros() == 0

    def test_search_every_word_title_or_text_sorted(self, portal):
        storage.save_macro("Purring", "Vi minner om dokumentasjonen.")
        storage.save_macro("Byggesak mottatt", "Vi har mottatt søknaden.")
        storage.save_macro("avslag", "Søknaden er avslått.")
        assert [m["title"] for m in storage.search_macros("")] == [
            "avslag",
            "Byggesak mottatt",
            "Purring",
        ]
        assert [m["title"] for m in storage.search_macros("SØKNADEN")] == [
            "avslag",
            "Byggesak mottatt",
        ]
        assert [m["title"] for m in storage.search_macros("mottatt søknaden")] == [
            "Byggesak mottatt"
        ]
        assert storage.search_macros("finnes ikke") == []

    def test_search_returns_at_most_the_limit(self, portal):
        for number in range(storage.MAX_RESULTS + 5):
            storage.save_macro(f"Mal {number:02d}", "tekst")
        assert len(storage.search_macros("mal")) == storage.MAX_RESULTS
        assert len(storage.search_macros("mal", limit=None)) == storage.MAX_RESULTS + 5

    @pytest.mark.parametrize(
        "title,text,field",
        [
            ("", "tekst", "title"),
            ("   ", "tekst", "title"),
            ("Tittel", "  \n ", "text"),
            ("x" * (storage.MAX_TITLE + 1), "tekst", "title"),
            ("Tittel", "x" * (storage.MAX_TEXT + 1), "text"),
        ],
    )
    def test_refused(self, portal, title, text, field):
        with pytest.raises(MacroError) as raised:
            storage.save_macro(title, text)
        assert raised.value.field == field
        assert storage.count_macros() == 0

    def test_at_the_limits_accepted(self, portal):
        macro = storage.save_macro("x" * storage.MAX_TITLE, "y" * storage.MAX_TEXT)
        assert len(macro["text"]) == storage.MAX_TEXT

    def test_not_more_than_max_macros(self, portal, monkeypatch):
        # A smaller cap keeps the test fast; the check is the same.
        monkeypatch.setattr(storage, "MAX_MACROS", 3)
        for number in range(3):
            storage.save_macro(f"m{number}", "t")
        with pytest.raises(MacroError):
            storage.save_macro("one more", "t")
        first = storage.search_macros("m0")[0]
        # Editing is still allowed at the cap.
        storage.save_macro("m0", "endret", first["id"])
        assert storage.get_macro(first["id"])["text"] == "endret"
