"""Log-in with directory credentials over real HTTP, and the directory going down."""

from collective.servicedesk.directory import client
from collective.servicedesk.directory import people
from collective.servicedesk.directory import slapd as tree
import requests


def form_login(portal_url: str, login: str, password: str) -> requests.Session:
    session = requests.Session()
    session.post(
        f"{portal_url}/login",
        data={
            "__ac_name": login,
            "__ac_password": password,
            "buttons.login": "Log in",
            "came_from": portal_url,
        },
        allow_redirects=False,
        timeout=60,
    )
    return session


class TestLogin:
    def test_directory_credentials(self, functional_portal, functional_directory):
        url = functional_portal.absolute_url()
        session = form_login(url, "aode", tree.PASSWORD)
        assert "__ac" in session.cookies
        page = session.get(url, timeout=60)
        assert page.status_code == 200
        assert "Åse Ødegård" in page.text
        # A Service Desk Agent through sd-frontdesk: the staff panels show.
        assert "sd-ws-queue" in page.text
        assert "sd-ws-presence" in page.text

    def test_user_principal_name(self, functional_portal, functional_directory):
        url = functional_portal.absolute_url()
        session = form_login(url, "aode@kommune.test", tree.PASSWORD)
        assert "__ac" in session.cookies

    def test_wrong_password(self, functional_portal, functional_directory):
        url = functional_portal.absolute_url()
        session = form_login(url, "aode", "wrong-password")
        assert "__ac" not in session.cookies

    def test_disabled_account_refused(self, functional_portal, functional_directory):
        url = functional_portal.absolute_url()
        disabled = functional_directory.tree.disabled[0]
        session = form_login(url, disabled, tree.PASSWORD)
        assert "__ac" not in session.cookies

    def test_basic_auth_and_people_search(
        self, functional_portal, functional_directory
    ):
        url = functional_portal.absolute_url()
        response = requests.get(
            f"{url}/@@servicedesk-people-search",
            params={"q": "Ødegå"},
            auth=("ksorlie", tree.PASSWORD),
            timeout=60,
        )
        assert response.status_code == 200
        items = response.json()["items"]
        assert [(p["id"], p["fullname"]) for p in items] == [("aode", "Åse Ødegård")]
        assert items[0]["email"] == "aode@kommune.test"

    def test_local_users_still_log_in(self, functional_portal, functional_directory):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        url = functional_portal.absolute_url()
        response = requests.get(
            f"{url}/@@servicedesk-directory",
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            timeout=60,
        )
        assert response.status_code == 200
        assert "sd-frontdesk" in response.text


class TestDirectoryDown:
    def test_cached_users_log_in_others_get_a_clear_message(
        self, functional_portal, functional_directory
    ):
        url = functional_portal.absolute_url()
        known = form_login(url, "aode", tree.PASSWORD)
        assert "__ac" in known.cookies
        functional_directory.stop()
        try:
            # Someone who logged in lately logs in again (and only with the
            # right password); the pages work from the cache.
            again = form_login(url, "aode", tree.PASSWORD)
            assert "__ac" in again.cookies
            page = again.get(url, timeout=60)
            assert page.status_code == 200
            assert "Åse Ødegård" in page.text
            assert "__ac" not in form_login(url, "aode", "wrong").cookies
            # Someone unknown to the cache gets told why, never an error page.
            response = requests.post(
                f"{url}/login",
                data={
                    "__ac_name": "ohaland",
                    "__ac_password": tree.PASSWORD,
                    "buttons.login": "Log in",
                },
                timeout=60,
            )
            assert response.status_code == 200
            assert "directory cannot be reached" in response.text
            # The already logged-in session keeps working.
            assert known.get(url, timeout=60).status_code == 200
            # Type-ahead answers with a JSON error, not a 500.
            search = again.get(f"{url}/@@servicedesk-people-search?q=zzzz", timeout=60)
            assert search.status_code in (200, 503)
        finally:
            functional_directory.start()
            client.mark_up()
            people.clear()
