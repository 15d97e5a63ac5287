"""Rebuild the .pot from the sources and sync the no/nb/nn/en catalogs.

Bokmål is edited in `nb`; Plone core's Bokmål locale is `no`, so the `no`
catalog is written as a copy of `nb` to keep the two identical.
"""

from pathlib import Path
import subprocess
import sys

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src" / "collective" / "servicedesk" / "locales"
DOMAIN = "collective.servicedesk"
LANGUAGES = ("nb", "nn", "en")
BIN = Path(sys.executable).parent
HEADER = """msgid ""
msgstr ""
"Project-Id-Version: {domain}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Language-Code: {lang}\\n"
"Language-Name: {lang}\\n"
"Preferred-Encodings: utf-8 latin1\\n"
"Domain: {domain}\\n"
"Language: {lang}\\n"

"""


def run(*args: str) -> None:
    subprocess.run([str(BIN / "i18ndude"), *args], check=True)


def main() -> None:
    pot = LOCALES / f"{DOMAIN}.pot"
    run(
        "rebuild-pot",
        "--pot",
        str(pot),
        "--create",
        DOMAIN,
        str(ROOT / "src" / "collective" / "servicedesk"),
    )
    catalogs = []
    for lang in LANGUAGES:
        po = LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if not po.exists():
            po.write_text(HEADER.format(lang=lang, domain=DOMAIN))
        catalogs.append(str(po))
    run("sync", "--pot", str(pot), *catalogs)
    nb = (LOCALES / "nb" / "LC_MESSAGES" / f"{DOMAIN}.po").read_text()
    no = LOCALES / "no" / "LC_MESSAGES" / f"{DOMAIN}.po"
    no.parent.mkdir(parents=True, exist_ok=True)
    no.write_text(
        nb.replace('"Language-Code: nb\\n"', '"Language-Code: no\\n"').replace(
            '"Language: nb\\n"', '"Language: no\\n"'
        )
    )
    print("Catalogs synced; fill in empty msgstr entries (tests check completeness).")


if __name__ == "__main__":
    main()
