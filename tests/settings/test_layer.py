"""The settings sit in the base layer and are the only reader of our records."""

from pathlib import Path
import ast
import re

SRC = Path(__file__).resolve().parents[2] / "src" / "collective" / "servicedesk"
ALLOWED = {"collective.servicedesk", "collective.servicedesk.validation"}


def test_settings_import_nothing_above_the_base():
    for path in (SRC / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module
                if module.startswith("collective.servicedesk"):
                    assert module in ALLOWED or module.startswith(
                        "collective.servicedesk.settings"
                    ), f"{path.name} imports {module}"


# A string name of one of our records handed to the registry, or a prefix
# constant to build one: what settings() replaces.
STRING_READ = re.compile(
    r"""(get_registry_record|set_registry_record|registry\.get)\(\s*f?["']"""
    r"""collective\.servicedesk|(?<!\w)PREFIX\s*=\s*["']collective\.servicedesk[."']"""
)


def test_no_record_is_read_by_its_string_name():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "upgrades" not in path.parts and STRING_READ.search(path.read_text())
    ]
    assert offenders == []
