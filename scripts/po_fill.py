"""Fill empty msgstr entries of the nb/nn catalogs from a JSON file; `no` follows nb.

Usage: python scripts/po_fill.py translations.json
The JSON maps msgid -> {"nb": "...", "nn": "..."}. Existing translations are kept
unless the JSON gives a new one.
"""

from pathlib import Path
import json
import re
import sys

LOCALES = Path(__file__).resolve().parent.parent / "src/collective/servicedesk/locales"
DOMAIN = "collective.servicedesk"


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def fill(po_path: Path, lang: str, table: dict) -> int:
    """Set msgstr for each msgid found in table; return how many were set."""
    text = po_path.read_text()
    count = 0

    def repl(match: re.Match) -> str:
        nonlocal count
        msgid_block = match.group(1)
        msgid = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', msgid_block))
        msgid = msgid.encode().decode("unicode_escape").encode("latin1").decode()
        entry = table.get(msgid)
        if not entry or not entry.get(lang):
            return match.group(0)
        count += 1
        return f'{msgid_block}msgstr "{escape(entry[lang])}"\n'

    pattern = re.compile(
        r'(msgid (?:"(?:[^"\\]|\\.)*"\n)+)(msgstr (?:"(?:[^"\\]|\\.)*"\n)+)'
    )
    po_path.write_text(pattern.sub(repl, text))
    return count


def main() -> None:
    table = json.loads(Path(sys.argv[1]).read_text())
    for lang in ("nb", "nn"):
        po = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        print(lang, fill(po, lang, table))
    nb = (LOCALES / "nb" / "LC_MESSAGES" / f"{DOMAIN}.po").read_text()
    (LOCALES / "no" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    (LOCALES / "no" / "LC_MESSAGES" / f"{DOMAIN}.po").write_text(
        nb.replace('"Language-Code: nb\\n"', '"Language-Code: no\\n"')
        .replace('"Language: nb\\n"', '"Language: no\\n"')
        .replace('"Language-Name: nb\\n"', '"Language-Name: no\\n"')
    )


if __name__ == "__main__":
    main()
