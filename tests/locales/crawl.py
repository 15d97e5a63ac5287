"""Helpers of the nb/nn crawl: which pages exist, and which English shows on them.

The pages are read from the component registry (``tests.security.routes``), so a
view added later is crawled without anyone listing it. The English to look for
is read from our ``.pot`` (the defaults) and from Plone's ``no`` catalog (Plone
core strings that have a Norwegian translation).
"""

from lxml import html as lxml_html
from pathlib import Path
import polib
import re

LOCALES = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "collective"
    / "servicedesk"
    / "locales"
)
DOMAIN = "collective.servicedesk"
# Elements whose text is not shown to a reader.
HIDDEN = ("script", "style", "noscript", "svg")
# Attributes a reader sees or hears (tooltips, placeholders, screen readers).
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
DEFAULT = re.compile(r'Default: "(.*)"\s*$', re.S)


def read_catalog(path: Path) -> polib.POFile:
    """A .po/.pot with polib; i18ndude's free-text header lines ("#--- …") dropped."""
    lines = [
        line
        for line in path.read_text().splitlines()
        if not line.startswith("#") or line[1:2] in (" ", ".", ":", ",", "|", "~", "")
    ]
    return polib.pofile("\n".join(lines) + "\n")


def _default(entry: polib.POEntry) -> str:
    """The English default of a .pot entry (the msgid when there is none)."""
    for line in (entry.comment or "").splitlines():
        found = DEFAULT.search(line)
        if found:
            return found.group(1).replace('\\"', '"').replace("\\n", "\n")
    return entry.msgid


def _pattern(text: str) -> re.Pattern:
    """A regex for a default: ``${var}`` matches any text, words on boundaries."""
    parts = re.split(r"\$\{\w+\}", " ".join(text.split()))
    body = ".+?".join(re.escape(part) for part in parts)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])")


def english_defaults(lang: str) -> list[tuple[str, str, re.Pattern]]:
    """(msgid, English default, pattern) of our strings translated differently in lang.

    Single words are matched only as a whole text (a button, a label), longer
    defaults anywhere in a text; a default that equals its translation (a name,
    "E-post" …) cannot be told apart and is left out.
    """
    pot = read_catalog(LOCALES / f"{DOMAIN}.pot")
    po = read_catalog(LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po")
    translated = {e.msgid: e.msgstr for e in po if e.msgstr}
    found = []
    for entry in pot:
        default = _default(entry)
        wanted = translated.get(entry.msgid)
        if not wanted or " ".join(wanted.split()) == " ".join(default.split()):
            continue
        if len(re.sub(r"\$\{\w+\}", "", default).strip()) < 3:
            continue  # "OK", "${n}" – nothing English to recognise
        found.append((entry.msgid, default, _pattern(default)))
    return found


def plone_defaults(msgids: list[str] | tuple[str, ...]) -> dict[str, str]:
    """{msgid: English} of Plone core strings (from plone.app.locales' plone.pot)."""
    import plone.app.locales

    folder = Path(plone.app.locales.__file__).parent / "locales"
    pot = read_catalog(folder / "plone.pot")
    wanted = set(msgids)
    return {e.msgid: _default(e) for e in pot if e.msgid in wanted}


def shown_texts(page: str) -> list[str]:
    """Every text a reader sees on an HTML page: text nodes and shown attributes."""
    tree = lxml_html.fromstring(page)
    # An icon's <title> (inside <svg>) is not shown; the page's own (the first) is.
    # The HTML parser may move an icon's <title> out of its <svg>, so only the
    # first one is kept. A list: dropping while iterating would skip nodes.
    titles = list(tree.iter("title"))[1:]
    for node in list(tree.iter(*HIDDEN)) + titles:
        if node.getparent() is not None:
            node.drop_tree()
    texts = []
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        for value in (node.text, node.tail):
            if value and value.strip():
                texts.append(" ".join(value.split()))
        for name in SHOWN_ATTRIBUTES:
            if node.get("data-bs-dismiss") == "offcanvas" and name == "aria-label":
                # Barceloneta's static theme HTML (index.html): no catalog can
                # translate it; see docs/reference/i18n.md.
                continue
            value = node.get(name)
            if value and value.strip():
                texts.append(" ".join(value.split()))
        if node.tag == "input" and node.get("type") in ("submit", "button"):
            if node.get("value"):
                texts.append(" ".join(node.get("value").split()))
    return texts


def untranslated(texts: list[str], defaults) -> list[tuple[str, str]]:
    """(msgid, shown text) of each English default found in the texts."""
    hits = []
    for msgid, default, pattern in defaults:
        single = " " not in default.strip()
        for text in texts:
            if single:
                if text.strip(" :.…*") == default.strip(" :.…*"):
                    hits.append((msgid, text))
                    break
            elif pattern.search(text):
                hits.append((msgid, text))
                break
    return hits


def plone_norwegian_defaults() -> list[tuple[str, str, re.Pattern]]:
    """(msgid, English, pattern) of Plone core strings that Plone's `no` translates.

    These are the Plone words a Norwegian reader should never see in English; on
    an nb or nn site Plone itself has no text for most of them, so ours must.
    """
    import plone.app.locales

    folder = Path(plone.app.locales.__file__).parent / "locales"
    norwegian = {
        e.msgid: e.msgstr
        for e in read_catalog(folder / "no" / "LC_MESSAGES" / "plone.po")
        if e.msgstr and "fuzzy" not in e.flags
    }
    found = []
    for entry in read_catalog(folder / "plone.pot"):
        default = _default(entry)
        wanted = norwegian.get(entry.msgid)
        if not wanted or wanted.strip() == default.strip():
            continue
        if len(re.sub(r"\$\{\w+\}", "", default).strip()) < 3 or "<" in default:
            continue
        found.append((entry.msgid, default, _pattern(default)))
    return found


def norwegian_texts(lang: str) -> set[str]:
    """Our own translations in lang: such a text is Norwegian, whatever it resembles.

    ("Side" is a page in Norwegian and a portlet column in Plone's English.)
    """
    po = read_catalog(LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po")
    return {" ".join(e.msgstr.split()) for e in po if e.msgstr}
