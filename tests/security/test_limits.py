"""Size, shape and method limits of the services and forms (issue 12)."""

from collective.servicedesk import limits
from collective.servicedesk.citizen import codes
from collective.servicedesk.citizen import spam
from collective.servicedesk.rest.body import parse
from collective.servicedesk.rest.errors import ServiceError
from pathlib import Path
from tests.services.helpers import make_inquiry
from ZPublisher import HTTPRequest
import json
import os
import pytest
import subprocess
import sys
import transaction

ROOT = Path(__file__).resolve().parents[2]
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


class TestParse:
    @pytest.mark.parametrize(
        "raw,field",
        [
            (b"[" * 100000 + b"]" * 100000, None),
            (b'{"a":' * 50 + b"1" + b"}" * 50, "a"),
            (json.dumps({"title": "x" * 301}).encode(), "title"),
            (json.dumps({"title": "ok \ud800"}).encode(), "title"),
            (json.dumps({"tags": ["a", "b" * 101]}).encode(), "tags"),
            (json.dumps({"x": {"name": "\udfff"}}).encode(), "x"),
            (json.dumps({"k" * 101: 1}).encode(), "k" * 100),
            (b'{"a": NaN}', None),
            (b"[]", None),
            (b"\xff", None),
        ],
    )
    def test_refused(self, raw, field):
        with pytest.raises(ServiceError) as info:
            parse(raw)
        assert info.value.status == 400
        assert info.value.field == field

    def test_accepted(self):
        body = {"title": "x" * 300, "description": "æøå " * 1000, "tags": ["a"]}
        assert parse(json.dumps(body).encode()) == body

    def test_free_fields_have_no_length_limit(self):
        body = {"message": "x" * (limits.DEFAULT_TEXT + 1)}
        assert parse(json.dumps(body).encode(), exempt=("message",)) == body
        with pytest.raises(ServiceError):
            parse(json.dumps({"message": "\ud800"}).encode(), exempt=("message",))


class TestServices:
    def test_413_by_content_length(self, functional_portal, public_desk):
        import requests

        url = f"{functional_portal.absolute_url()}/@servicedesk-ask"
        body = json.dumps({"question": "x" * (limits.MAX_JSON_BODY + 10)})
        response = requests.post(url, data=body, headers=JSON, timeout=120)
        assert response.status_code == 413
        assert response.json()["error"]["type"] == "PayloadTooLarge"

    def test_deep_nesting_is_400_on_any_url(self, functional_portal):
        """plone.restapi's JWT plugin parsed it during authentication: 500."""
        import requests

        body = b"[" * 100000 + b"]" * 100000
        for path in ("/@servicedesk-ask", "/@search", "/front-page"):
            url = functional_portal.absolute_url() + path
            response = requests.post(url, data=body, headers=JSON, timeout=120)
            assert response.status_code < 500, (path, response.text[:300])

    def test_long_title_and_surrogate_named(self, agent_request, public_desk):
        url = f"/{public_desk.getId()}/@servicedesk-register"
        for value in ("x" * 200000, "Brøyting \ud800"):
            response = agent_request.post(
                url,
                data=json.dumps({"title": value, "channel": "phone"}),
                headers=JSON,
            )
            assert response.status_code == 400
            assert response.json()["error"]["field"] == "title"
        transaction.begin()
        assert not public_desk.objectIds()

    def test_faq_suggestions_with_list(self, anon_request):
        response = anon_request.get("/@faq-suggestions?q:list=A&q:list=B")
        assert response.status_code == 200
        assert response.json()["items"] == []


class TestConverters:
    def test_json_for_services(self, anon_request):
        response = anon_request.get("/@servicedesk-queue?b_size:int=x")
        assert response.status_code == 400
        assert response.json()["error"]["type"] == "BadRequest"

    def test_page_for_people(self, functional_portal):
        import requests

        response = requests.get(
            functional_portal.absolute_url() + "/@@track?start:date=never",
            headers={"Accept": "text/html"},
            timeout=120,
        )
        assert response.status_code == 400
        assert "Check your input" in response.text

    def test_still_a_value_error(self):
        from ZPublisher.Converters import get_converter

        with pytest.raises(ValueError):
            get_converter("int")("x")
        assert get_converter("int")("7") == 7


class TestMethods:
    @pytest.mark.parametrize(
        "method,path,allow",
        [
            ("TRACE", "/@servicedesk-ask", "GET, POST"),
            ("PUT", "/@servicedesk-ask", "GET, POST"),
            ("PATCH", "/@servicedesk-track", "GET, POST"),
            ("DELETE", "/service-desk/@servicedesk-tally", "POST"),
        ],
    )
    def test_405(self, anon_request, public_desk, method, path, allow):
        response = anon_request.request(method, path)
        assert response.status_code == 405
        assert response.headers["Allow"] == allow
        assert response.json()["error"]["type"] == "MethodNotAllowed"


@pytest.fixture
def proxy():
    """Zope's trusted-proxy setting (zope.conf) for the loopback balancer."""
    HTTPRequest.trusted_proxies = ("127.0.0.1",)
    yield
    HTTPRequest.trusted_proxies = ()


class TestFollowupCodeLimits:
    def post(self, portal, code, client):
        import requests

        return requests.post(
            portal.absolute_url() + "/@@track",
            data={"code": code},
            headers={"X-Forwarded-For": client},
            timeout=120,
        )

    def test_guesses_lock_out_the_guesser_only(
        self, functional_portal, public_desk, proxy
    ):
        inquiry = make_inquiry(public_desk)
        code = codes.issue(inquiry)
        transaction.commit()
        guesser, citizen = "203.0.113.7", "198.51.100.9"
        statuses = [
            self.post(functional_portal, f"guess-{i}", guesser).status_code
            for i in range(spam.LOOKUP_LIMIT + 1)
        ]
        assert statuses[: spam.LOOKUP_LIMIT] == [404] * spam.LOOKUP_LIMIT
        assert statuses[-1] == 429
        # The guesser may not test a real code either (no oracle) …
        assert self.post(functional_portal, code, guesser).status_code == 429
        # … while the citizen's valid code works from their own address.
        response = self.post(functional_portal, code, citizen)
        assert response.status_code == 200
        assert inquiry.reference_number in response.text

    def test_valid_lookups_do_not_count_as_failures(
        self, functional_portal, public_desk, proxy
    ):
        inquiry = make_inquiry(public_desk)
        code = codes.issue(inquiry)
        transaction.commit()
        for _ in range(spam.LOOKUP_LIMIT + 5):
            assert self.post(functional_portal, code, "198.51.100.9").status_code == 200


def test_instance_configuration(tmp_path):
    env = dict(
        os.environ,
        SERVICEDESK_VAR=str(tmp_path),
        SERVICEDESK_TRUSTED_PROXIES="10.0.0.5, 10.0.0.6",
        SERVICEDESK_MAX_BODY_MB="5",
    )
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "instance.py")], env=env, check=True
    )
    etc = tmp_path / "instance" / "etc"
    conf = (etc / "zope.conf").read_text()
    assert "trusted-proxy 10.0.0.5\ntrusted-proxy 10.0.0.6\n" in conf
    assert "max_request_body_size = 5242880\n" in (etc / "zope.ini").read_text()
    env.pop("SERVICEDESK_TRUSTED_PROXIES")
    env.pop("SERVICEDESK_MAX_BODY_MB")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "instance.py")], env=env, check=True
    )
    assert "trusted-proxy" not in (etc / "zope.conf").read_text()
    assert "max_request_body_size = 10485760\n" in (etc / "zope.ini").read_text()
