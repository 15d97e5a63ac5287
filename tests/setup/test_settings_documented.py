"""Every registry record of the add-on has a documentation line.

docs/reference/settings.md must name each record (in backticks, with its full
dotted name) on a line of its own. A new field in any settings interface
fails this test until it is documented.
"""

from pathlib import Path
from plone import api
import re

SETTINGS_DOC = (
    Path(__file__).resolve().parents[2] / "docs" / "reference" / "settings.md"
)
PREFIX = "collective.servicedesk."


def documented() -> set[str]:
    return set(
        re.findall(r"`(collective\.servicedesk\.[\w.]+)`", SETTINGS_DOC.read_text())
    )


def records() -> set[str]:
    registry = api.portal.get_tool("portal_registry")
    return {name for name in registry.records.keys() if name.startswith(PREFIX)}


def test_every_record_is_documented(portal):
    missing = sorted(records() - documented())
    assert not missing, (
        "registry records without a line in docs/reference/settings.md:\n"
        + "\n".join(missing)
    )


def test_no_documentation_of_records_that_do_not_exist(portal):
    # Interfaces and prefixes are named in backticks too: only check record-like
    # names under the prefixes the registry actually has.
    prefixes = {name.rsplit(".", 1)[0] for name in records()}
    stale = sorted(
        name
        for name in documented() - records()
        if name.rsplit(".", 1)[0] in prefixes
        and name not in prefixes
        and not name.rsplit(".", 1)[1][:1].isupper()
    )
    assert not stale, "documented records that do not exist:\n" + "\n".join(stale)
