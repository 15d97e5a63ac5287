"""Profiles, groups, units and roles of directory users (real slapd)."""

from collective.servicedesk.directory import people
from collective.servicedesk.directory import slapd as tree
from plone import api
import ldap
import pytest


class TestProfiles:
    def test_norwegian_names_and_attributes(self, directory):
        user = api.user.get(userid="aode")
        assert user is not None
        assert user.getProperty("fullname") == "Åse Ødegård"
        assert user.getProperty("email") == "aode@kommune.test"
        assert user.getProperty("department") == "Servicetorget"
        assert user.getProperty("phone") == "+47 55 000000"

    def test_disabled_account_is_not_a_user(self, directory):
        disabled = directory.tree.disabled[0]
        assert people.user(disabled) is None
        assert api.user.get(userid=disabled) is None

    def test_unknown_id(self, directory):
        assert api.user.get(userid="nobody-here") is None


class TestUnitsAndRoles:
    def test_group_gives_unit_and_role(self, directory):
        # aode is a direct member of sd-frontdesk.
        groups = [g.getId() for g in api.group.get_groups(username="aode")]
        assert "unit-frontdesk" in groups
        assert "Service Desk Agent" in api.user.get_roles(username="aode")
        assert "Case Handler" not in api.user.get_roles(username="aode")

    def test_nested_group(self, directory):
        # bjaesoy is only in sd-frontdesk-evening, nested in sd-frontdesk.
        assert "bjaesoy" in directory.tree.members["sd-frontdesk-evening"]
        assert "bjaesoy" not in directory.tree.members["sd-frontdesk"]
        groups = [g.getId() for g in api.group.get_groups(username="bjaesoy")]
        assert "unit-frontdesk" in groups

    def test_role_mapping_without_unit(self, directory):
        lead = directory.tree.members["sd-leads"][0]
        assert "Service Desk Lead" in api.user.get_roles(username=lead)

    def test_plain_staff_has_no_desk_role(self, directory):
        roles = api.user.get_roles(username="user4000")
        assert "Member" in roles
        assert "Service Desk Agent" not in roles

    def test_user_moved_between_groups(self, directory):
        login = "ksorlie"  # in sd-building
        assert "Case Handler" in api.user.get_roles(username=login)
        admin = directory.admin()
        try:
            admin.modify_s(
                directory.tree.group_dn("sd-building"),
                [(ldap.MOD_DELETE, "member", [directory.tree.user_dn(login).encode()])],
            )
            admin.modify_s(
                directory.tree.group_dn("sd-frontdesk"),
                [(ldap.MOD_ADD, "member", [directory.tree.user_dn(login).encode()])],
            )
            # Within the TTL the cached groups are used ...
            assert "Case Handler" in api.user.get_roles(username=login)
            # ... and when it expires (or at the next log-in) the move shows.
            people.forget_user(login)
            roles = api.user.get_roles(username=login)
            assert "Case Handler" not in roles
            assert "Service Desk Agent" in roles
        finally:
            admin.modify_s(
                directory.tree.group_dn("sd-frontdesk"),
                [(ldap.MOD_DELETE, "member", [directory.tree.user_dn(login).encode()])],
            )
            admin.modify_s(
                directory.tree.group_dn("sd-building"),
                [(ldap.MOD_ADD, "member", [directory.tree.user_dn(login).encode()])],
            )
            admin.unbind_s()


class TestMovedAtNextLogin:
    def test_log_in_reads_the_groups_again(self, directory):
        login = "user0001"  # in sd-frontdesk
        dn = directory.tree.user_dn(login).encode()
        assert "Service Desk Agent" in api.user.get_roles(username=login)
        admin = directory.admin()
        try:
            admin.modify_s(
                directory.tree.group_dn("sd-frontdesk"),
                [(ldap.MOD_DELETE, "member", [dn])],
            )
            assert "Service Desk Agent" in api.user.get_roles(username=login)  # cached
            plugin = api.portal.get_tool("acl_users")["servicedesk_directory"]
            credentials = {"login": login, "password": tree.PASSWORD}
            assert plugin.authenticateCredentials(credentials) == (login, login)
            assert "Service Desk Agent" not in api.user.get_roles(username=login)
        finally:
            admin.modify_s(
                directory.tree.group_dn("sd-frontdesk"),
                [(ldap.MOD_ADD, "member", [dn])],
            )
            admin.unbind_s()


class TestSearch:
    def test_people_search_is_limited(self, directory):
        found = people.search_people("Hansen")
        assert len(found) == 20  # the limit, of hundreds of Hansens
        assert all("hansen" in p["fullname"].lower() for p in found)

    def test_people_search_norwegian_letters(self, directory):
        assert [p["id"] for p in people.search_people("Ødeg")] == ["aode"]

    def test_too_short_searches_nothing(self, directory):
        assert people.search_people("a") == []

    def test_several_words(self, directory):
        found = people.search_people("Kåre sørlie")
        assert [p["id"] for p in found] == ["ksorlie"]

    def test_group_search(self, directory):
        found = people.search_groups("sd-front")
        assert {g["id"] for g in found} == {"sd-frontdesk", "sd-frontdesk-evening"}

    def test_unit_members_from_nested_groups(self, directory):
        from collective.servicedesk.directory import mapping

        members = {p["id"] for p in mapping.unit_members("unit-frontdesk")}
        expected = set(directory.tree.members["sd-frontdesk"]) | set(
            directory.tree.members["sd-frontdesk-evening"]
        )
        expected -= {"sd-frontdesk-evening"}
        expected -= set(directory.tree.disabled)
        assert members == expected


def test_tree_size(slapd):
    assert slapd.tree.users == 5000
    assert len(slapd.tree.members) == 300
    assert tree.USERS_DN in slapd.tree.user_dn("x")


class TestTLS:
    def test_start_tls_with_the_ca_certificate(self, directory):
        from collective.servicedesk.directory import setup

        assert directory.cacert
        setup.connect(start_tls=True, cacert=directory.cacert)
        assert (
            api.user.get(userid="ohaland").getProperty("fullname") == "Øystein Håland"
        )

    def test_start_tls_refuses_an_unknown_certificate(self, directory, tmp_path):
        from collective.servicedesk.directory import client
        from collective.servicedesk.directory import setup

        other = tmp_path / "other-ca.pem"
        import subprocess

        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
            + ["-keyout", str(tmp_path / "k.pem"), "-out", str(other)]
            + ["-subj", "/CN=other"],
            check=True,
            capture_output=True,
        )
        setup.connect(start_tls=True, cacert=str(other))
        with pytest.raises(client.DirectoryUnavailable):
            people.user("ohaland")
        assert client.is_down()
        assert api.user.get(userid="ohaland") is None  # no error page either


class TestLocalAccountsWin:
    def test_directory_account_with_a_local_id_is_ignored(self, directory):
        from collective.servicedesk.directory.plugin import DirectoryPlugin

        acl = api.portal.get_tool("acl_users")
        # Plone's own forms refuse an id the directory has; the user folder does not.
        acl.source_users.addUser("aode", "aode", "x" * 12)
        plugin = acl["servicedesk_directory"]
        assert isinstance(plugin, DirectoryPlugin)
        credentials = {"login": "aode", "password": tree.PASSWORD}
        assert plugin.authenticateCredentials(credentials) is None
        assert "Service Desk Agent" not in api.user.get_roles(username="aode")
        assert api.user.get(userid="aode").getProperty("fullname") != "Åse Ødegård"

    def test_directory_login_returns_the_id(self, directory):
        plugin = api.portal.get_tool("acl_users")["servicedesk_directory"]
        credentials = {"login": "ksorlie@kommune.test", "password": tree.PASSWORD}
        assert plugin.authenticateCredentials(credentials) == (
            "ksorlie",
            "ksorlie@kommune.test",
        )
