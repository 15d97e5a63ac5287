"""Our strings render in Bokmål and Nynorsk, and the catalogs are complete."""

from collective.servicedesk import _
from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.i18n import translate
import pytest
import re
import transaction

LOCALES = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "collective"
    / "servicedesk"
    / "locales"
)
DOMAIN = "collective.servicedesk"


def msgids(path: Path) -> dict[str, str]:
    """Return {msgid: msgstr} of a .po/.pot file (single-line and folded strings)."""
    entries: dict[str, str] = {}
    current = None
    field = None
    for line in path.read_text().splitlines():
        if line.startswith("msgid "):
            current = {"msgid": line[7:-1], "msgstr": ""}
            field = "msgid"
        elif line.startswith("msgstr ") and current is not None:
            current["msgstr"] = line[8:-1]
            field = "msgstr"
        elif line.startswith('"') and current is not None and field:
            current[field] += line[1:-1]
        elif not line.strip() and current is not None:
            if current["msgid"]:
                entries[current["msgid"]] = current["msgstr"]
            current = None
    if current is not None and current["msgid"]:
        entries[current["msgid"]] = current["msgstr"]
    return entries


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("nb", "Obligatoriske felt for henvendelser"),
        ("no", "Obligatoriske felt for henvendelser"),
        ("nn", "Obligatoriske felt for førespurnader"),
        ("en", "Required inquiry fields"),
    ],
)
def test_translation(portal, lang, expected):
    message = _("label_required_fields", default="Required inquiry fields")
    assert translate(message, target_language=lang) == expected


@pytest.mark.parametrize("lang", ["no", "nb", "nn", "en"])
def test_catalog_complete(lang):
    pot = msgids(LOCALES / f"{DOMAIN}.pot")
    po = msgids(LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert pot, "the .pot is empty"
    missing = sorted(set(pot) - set(po))
    assert not missing, f"{lang}: msgids missing from the catalog: {missing}"
    if lang != "en":  # English falls back to the defaults in the code
        empty = sorted(m for m in pot if not po.get(m))
        assert not empty, f"{lang}: untranslated msgids: {empty}"


def test_pot_up_to_date():
    """Every _("msgid") in our Python code is in the .pot (run `make i18n`)."""
    pot = msgids(LOCALES / f"{DOMAIN}.pot")
    source = LOCALES.parent
    pattern = re.compile(r"""\b_\(\s*["']([^"']+)["']""")
    found = set()
    for path in source.rglob("*.py"):
        found.update(pattern.findall(path.read_text()))
    missing = sorted(found - set(pot))
    assert not missing, f"msgids not in the .pot: {missing}"


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("nb", "Obligatoriske felt for henvendelser"),
        ("nn", "Obligatoriske felt for førespurnader"),
    ],
)
def test_control_panel_renders_translated(
    functional_app, functional_portal, lang, expected
):
    from plone.testing.zope import Browser

    api.portal.set_registry_record(
        "plone.available_languages", ["en", "nb", "nn", "no"]
    )
    api.portal.set_registry_record("plone.default_language", lang)
    transaction.commit()
    browser = Browser(functional_app)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional_portal.absolute_url() + "/@@servicedesk-controlpanel")
    assert expected in browser.contents
