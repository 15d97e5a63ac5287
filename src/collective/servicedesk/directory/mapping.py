"""Directory groups mapped to service desk units and roles.

A row of the ``mapping`` setting reads ``group DN | unit id | Role, Role``.
A person in the directory group (directly or through nested groups) belongs
to the unit (a Plone group, so its roles, competence and queues apply) and
gets the roles, for as long as the directory says so.
"""

from collective.servicedesk.directory import people
from collective.servicedesk.settings import settings
from dataclasses import dataclass

# Roles the mapping may grant (global roles of the service desk).
ROLES = (
    "Service Desk Agent",
    "Case Handler",
    "Knowledge Editor",
    "Service Desk Lead",
)


@dataclass(frozen=True)
class Row:
    group: str  # DN, lower case
    unit: str  # Plone group id, or ""
    roles: tuple[str, ...]

    def line(self) -> str:
        return f"{self.group} | {self.unit} | {', '.join(self.roles)}"


def parse(line: str) -> Row | None:
    """A mapping row from its text form (None for an empty or broken line)."""
    parts = [part.strip() for part in (line or "").split("|")]
    if not parts[0] or "=" not in parts[0]:
        return None
    unit = parts[1] if len(parts) > 1 else ""
    names = parts[2].split(",") if len(parts) > 2 else []
    roles = tuple(r.strip() for r in names if r.strip() in ROLES)
    if not unit and not roles:
        return None
    return Row(group=parts[0].lower(), unit=unit, roles=roles)


def rows() -> list[Row]:
    """The mapping rows of the setting, in order."""
    lines = settings().directory.mapping or ()
    return [row for row in map(parse, lines) if row is not None]


def for_groups(group_dns: frozenset[str]) -> tuple[set[str], set[str]]:
    """(unit ids, roles) that these directory groups give."""
    units: set[str] = set()
    roles: set[str] = set()
    for row in rows():
        if row.group in group_dns:
            if row.unit:
                units.add(row.unit)
            roles.update(row.roles)
    return units, roles


def mapped_units() -> set[str]:
    """Units that have at least one directory group."""
    return {row.unit for row in rows() if row.unit}


def unit_members(unit_id: str) -> list[dict]:
    """Profiles of the directory people of a unit (from its groups, cached)."""
    found: dict[str, dict] = {}
    for row in rows():
        if row.unit == unit_id:
            for profile in people.group_members(row.group):
                found.setdefault(profile["id"], profile)
    return sorted(found.values(), key=lambda p: p["fullname"].lower())
