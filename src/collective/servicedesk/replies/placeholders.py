"""Fill reply templates with the placeholders of an inquiry, safely."""

from collections.abc import Mapping
import re

PLACEHOLDERS = ("reference_number", "name", "category", "due_date")

# Only plain names: "{name.__class__}" or "{0}" are never evaluated (no str.format),
# and unknown placeholders stay visible so the agent sees and fixes them.
PATTERN = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace known ``{placeholders}`` in ``text``; leave unknown ones as they are."""

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key in values and values[key] is not None:
            return str(values[key])
        return match.group(0)

    return PATTERN.sub(replace, text or "")


def unknown(text: str, known: tuple[str, ...] = PLACEHOLDERS) -> list[str]:
    """Return the placeholders in ``text`` that are not in ``known``, in order."""
    found = []
    for key in PATTERN.findall(text or ""):
        if key not in known and key not in found:
            found.append(key)
    return found


def braced(names: list[str] | tuple[str, ...]) -> str:
    """Return the names as placeholders: "{a}, {b}"."""
    return ", ".join("{" + name + "}" for name in names)
