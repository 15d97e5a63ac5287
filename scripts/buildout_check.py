"""Prove the buildout instance starts with the add-on loaded (`bin/instance run`)."""

from Products.GenericSetup.registry import _profile_registry

profiles = {p["id"] for p in _profile_registry.listProfileInfo()}
assert "collective.servicedesk:default" in profiles, sorted(profiles)
print("buildout instance OK: collective.servicedesk:default is registered")
