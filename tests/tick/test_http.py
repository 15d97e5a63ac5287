"""The tick over HTTP: the view, and the client the periodic loop and cron use."""

from collective.servicedesk.tick import http
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import requests


class TestTickView:
    def test_post_runs_the_steps(self, site):
        response = requests.post(
            site.absolute_url() + "/@@servicedesk-tick",
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            timeout=60,
        )
        assert response.status_code == 200
        data = response.json()
        assert data["interval_minutes"] == 5
        assert "collective.servicedesk.reminders" in data["results"]
        assert "collective.servicedesk.mail" in data["results"]

    def test_get_is_refused(self, site):
        response = requests.get(
            site.absolute_url() + "/@@servicedesk-tick",
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            timeout=60,
        )
        assert response.status_code == 405

    def test_needs_permission(self, site):
        response = requests.post(
            site.absolute_url() + "/@@servicedesk-tick",
            auth=("handler", "secret-password-123"),
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code in (302, 401, 403)


class TestClient:
    def test_once(self, site, monkeypatch, capsys):
        monkeypatch.setenv("SERVICEDESK_TICK_USER", SITE_OWNER_NAME)
        monkeypatch.setenv("SERVICEDESK_TICK_PASSWORD", SITE_OWNER_PASSWORD)
        assert http.once(site.absolute_url()) == 0
        assert "collective.servicedesk.digest" in capsys.readouterr().out

    def test_unreachable(self, monkeypatch):
        assert http.once("http://127.0.0.1:9/Plone") == http.UNREACHABLE

    def test_wrong_password(self, site, monkeypatch):
        monkeypatch.setenv("SERVICEDESK_TICK_USER", SITE_OWNER_NAME)
        monkeypatch.setenv("SERVICEDESK_TICK_PASSWORD", "wrong")
        assert http.once(site.absolute_url()) == 1
