"""The upgrade policy: every profile version is reached by a tested upgrade step.

From 1000 (the first released profile) to metadata.xml's version, each step's
destination is the next step's source: no gap, no fork. Every destination has
its own test module, ``tests/upgrades/test_v<destination>.py``. This test fails
while a helper's step is still missing, on purpose.
"""

from pathlib import Path
from plone import api
from xml.etree import ElementTree

PROFILE = "collective.servicedesk:default"
FIRST = "1000"
HERE = Path(__file__).resolve().parent
METADATA = HERE.parents[1] / "profiles" / "default" / "metadata.xml"


def metadata_version() -> str:
    return ElementTree.parse(METADATA).getroot().findtext("version").strip()


def registered_steps(portal) -> dict[str, list[str]]:
    """{source: [destinations]} of our profile's upgrade steps."""
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, FIRST)
    steps = setup.listUpgrades(PROFILE, show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    chain: dict[str, list[str]] = {}
    for step in flat:
        destinations = chain.setdefault(step["ssource"], [])
        if step["sdest"] not in destinations:
            destinations.append(step["sdest"])
    return chain


def walk(chain: dict[str, list[str]], target: str) -> list[str]:
    """Versions from FIRST to target; raise AssertionError at a gap or fork."""
    version, path = FIRST, [FIRST]
    while version != target:
        destinations = chain.get(version, [])
        assert destinations, f"no upgrade step from {version} (towards {target})"
        assert len(destinations) == 1, f"{version} forks to {destinations}"
        version = destinations[0]
        assert int(version) <= int(target), f"a step goes past {target}: {version}"
        path.append(version)
    return path


def test_walk_finds_a_gap():
    try:
        walk({"1000": ["1001"], "1002": ["1003"]}, "1003")
    except AssertionError as error:
        assert "from 1001" in str(error)
    else:
        raise AssertionError("a gap was not found")


def test_chain_from_1000_to_metadata_version(portal):
    path = walk(registered_steps(portal), metadata_version())
    assert path[-1] == metadata_version()


def test_every_step_has_a_test(portal):
    chain = registered_steps(portal)
    destinations = {d for ds in chain.values() for d in ds}
    missing = [d for d in sorted(destinations) if not (HERE / f"test_v{d}.py").exists()]
    assert not missing, f"upgrade steps without a test module: {missing}"


def test_upgrade_runs_from_the_addons_panel(portal):
    """The Add-ons panel offers the upgrade when the site is behind."""
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, FIRST)
    installer = api.content.get_view("installer", portal, portal.REQUEST)
    if metadata_version() != FIRST:
        assert installer.upgrade_info("collective.servicedesk")["required"]
