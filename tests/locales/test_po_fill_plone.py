"""scripts/po_fill.py keeps Plone core overrides in our plone.po (nb, nn, no)."""

from pathlib import Path
import importlib.util
import json
import polib
import pytest
import shutil

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def po_fill(tmp_path, monkeypatch):
    """The script, working on a copy of our catalogs."""
    spec = importlib.util.spec_from_file_location(
        "po_fill", ROOT / "scripts" / "po_fill.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    copy = tmp_path / "servicedesk" / "locales"
    shutil.copytree(module.LOCALES, copy)
    # The workflow definitions are read next to the catalogs, as in the package.
    (copy.parent / "profiles").symlink_to(module.LOCALES.parent / "profiles")
    monkeypatch.setattr(module, "LOCALES", copy)
    return module


def entries(module, lang: str) -> dict[str, str]:
    po = polib.pofile(str(module.catalog(lang, "plone")))
    return {e.msgid: e.msgstr for e in po}


def test_plone_domain_overrides_written_and_kept(po_fill, tmp_path, monkeypatch):
    table = tmp_path / "t.json"
    table.write_text(
        json.dumps(
            {
                "Site Setup": {
                    "nb": "Nettstedsoppsett",
                    "nn": "Nettstadoppsett",
                    "domain": "plone",
                },
                # Also one of our msgids: Plone's text must not change ours.
                "label_state": {"nb": "Status:", "nn": "Status:", "domain": "plone"},
                # Not marked: a msgid of our own domain, never written to plone.po.
                "wayin2 unmarked": {"nb": "Umerket", "nn": "Umerkt"},
            }
        )
    )
    ours_before = polib.pofile(str(po_fill.catalog("nb"))).find("label_state").msgstr
    monkeypatch.setattr("sys.argv", ["po_fill", str(table)])
    po_fill.main()
    ours_after = polib.pofile(str(po_fill.catalog("nb"))).find("label_state").msgstr
    assert ours_after == ours_before != "Status:"
    assert entries(po_fill, "nb")["label_state"] == "Status:"
    assert entries(po_fill, "nb")["Site Setup"] == "Nettstedsoppsett"
    assert entries(po_fill, "no")["Site Setup"] == "Nettstedsoppsett"
    assert entries(po_fill, "nn")["Site Setup"] == "Nettstadoppsett"
    assert "wayin2 unmarked" not in entries(po_fill, "nn")
    # A later run without the JSON keeps the overrides and the workflow titles.
    monkeypatch.setattr("sys.argv", ["po_fill"])
    po_fill.main()
    nn = entries(po_fill, "nn")
    assert nn["Site Setup"] == "Nettstadoppsett"
    assert set(po_fill.workflow_titles()) & set(nn)
    # Workflow descriptions, shown by Plone's state menu, come from our catalog.
    assert "Publish for everyone." in nn
