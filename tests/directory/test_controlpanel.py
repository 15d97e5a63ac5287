"""The @@servicedesk-directory control panel, settings and upgrade step."""

from collective.servicedesk.directory import mapping
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
import re
import requests

PREFIX = "collective.servicedesk.directory"


class TestSettings:
    @pytest.mark.parametrize(
        "name,default",
        [
            ("mapping", []),
            ("cache_seconds", 300),
            ("offline_hours", 8),
            ("search_min_chars", 2),
            ("search_limit", 20),
        ],
    )
    def test_registry_records(self, portal, name, default):
        assert api.portal.get_registry_record(f"{PREFIX}.{name}") == default


class TestMapping:
    @pytest.mark.parametrize(
        "line,expected",
        [
            (
                "CN=Sd,OU=G,DC=x | unit-a | Case Handler",
                ("cn=sd,ou=g,dc=x", "unit-a", ("Case Handler",)),
            ),
            (
                "cn=sd,dc=x |  | Service Desk Lead, Bogus",
                ("cn=sd,dc=x", "", ("Service Desk Lead",)),
            ),
            ("cn=sd,dc=x | | ", None),
            ("not a dn | unit-a |", None),
            ("", None),
        ],
    )
    def test_parse(self, line, expected):
        row = mapping.parse(line)
        assert (row and (row.group, row.unit, row.roles)) == expected


def _token(html: str) -> str:
    return re.search(r'name="_authenticator" value="([^"]+)"', html).group(1)


class TestControlPanel:
    def test_only_managers(self, functional_portal, functional_directory):
        url = f"{functional_portal.absolute_url()}/@@servicedesk-directory"
        response = requests.get(url, auth=("aode", "Passord-123"), timeout=60)
        assert "sd-frontdesk" not in response.text
        assert response.url != url or response.status_code in (401, 403)

    def test_add_and_remove_a_row(self, functional_portal, functional_directory):
        url = f"{functional_portal.absolute_url()}/@@servicedesk-directory"
        session = requests.Session()
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        page = session.get(url, timeout=60)
        assert page.status_code == 200
        assert "Sd Frontdesk" in page.text  # group titles, not only DNs
        groups = session.get(
            f"{functional_portal.absolute_url()}/@@servicedesk-directory-groups",
            params={"q": "sd-hea"},
            timeout=60,
        ).json()["items"]
        assert [g["id"] for g in groups] == ["sd-health"]
        response = session.post(
            url,
            data={
                "_authenticator": _token(page.text),
                "group": groups[0]["dn"],
                "unit": "unit-building",
                "roles:list": ["Case Handler"],
                "form.add": "1",
            },
            timeout=60,
        )
        assert response.status_code == 200
        assert "Sd Health" in response.text
        # The mapping table the server renders after the redirect:
        row = re.search(
            r"<tr>(?:(?!</tr>).)*cn=sd-health(?:(?!</tr>).)*</tr>", response.text, re.S
        )
        assert row is not None
        assert "Byggesak" in row.group(0)
        assert "Case Handler" in row.group(0)

    def test_post_without_token_is_refused(
        self, functional_portal, functional_directory
    ):
        url = f"{functional_portal.absolute_url()}/@@servicedesk-directory"
        response = requests.post(
            url,
            data={"form.refresh": "1"},
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            timeout=60,
        )
        assert response.status_code == 403

    def test_search_input_is_limited(self, functional_portal, functional_directory):
        response = requests.get(
            f"{functional_portal.absolute_url()}/@@servicedesk-people-search",
            params={"q": "x" * 101},
            auth=("aode", "Passord-123"),
            timeout=60,
        )
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "q"


class TestConnectForm:
    def test_disconnect_and_connect_again(self, directory, http_request):
        from collective.servicedesk.directory import setup
        from collective.servicedesk.directory.slapd import SERVICE_DN
        from collective.servicedesk.directory.views import DirectoryControlPanel

        view = DirectoryControlPanel(api.portal.get(), http_request)
        view.handle({"form.disconnect": "1"})
        assert not setup.connected()
        assert api.user.get(userid="aode") is None  # Plone users only
        view.handle(
            {
                "form.connect": "1",
                "uri": directory.uri,
                "bind_dn": SERVICE_DN,
                "password": "",  # keeps the stored one
                "users_base": "",
                "groups_base": "",
            }
        )
        assert setup.connected()
        assert api.user.get(userid="aode").getProperty("fullname") == "Åse Ødegård"
        assert view.server()["bind_dn"] == SERVICE_DN
        assert "password" not in view.server()

    def test_refuses_other_schemes(self, directory, http_request):
        from collective.servicedesk.directory.views import DirectoryControlPanel

        view = DirectoryControlPanel(api.portal.get(), http_request)
        view.handle({"form.connect": "1", "uri": "http://evil", "bind_dn": ""})
        assert view.server()["uri"] == directory.uri
