"""The OpenAPI document: served to anyone, kept in docs/, and fuzzed (no 5xx)."""

from collective.servicedesk.services.openapi.spec import build
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import hypothesis
import pytest
import re
import requests
import schemathesis
import transaction
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reference" / "openapi.yaml"
SERVICES = ROOT / "src" / "collective" / "servicedesk" / "services"
# Per operation and role: ~25 operations x 10 x 2 roles, about 500 requests.
MAX_EXAMPLES = 10


class Dumper(yaml.SafeDumper):
    """Plain YAML: no &anchors for repeated blocks."""

    def ignore_aliases(self, data) -> bool:
        return True


def document_text() -> str:
    """The docs copy: the document of the demo site (http://localhost:8080/Plone)."""
    return yaml.dump(
        build("http://localhost:8080/Plone", "/service-desk"),
        Dumper=Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=88,
    )


def registered_services() -> set[str]:
    names = set()
    for zcml in SERVICES.glob("*/configure.zcml"):
        names.update(re.findall(r'name="(@[\w-]+)"', zcml.read_text()))
    return names


class TestDocument:
    def test_served_to_anonymous(self, anon_request, functional_portal):
        response = anon_request.get("/@servicedesk-openapi")
        assert response.status_code == 200
        data = response.json()
        assert data["openapi"].startswith("3.")
        assert data["servers"] == [
            {"url": functional_portal.absolute_url() + "/++api++"}
        ]

    def test_every_service_is_documented(self):
        documented = {
            part
            for path in build()["paths"]
            for part in path.split("/")
            if part.startswith("@")
        }
        assert registered_services() <= documented
        assert registered_services()  # the scan found the services at all

    def test_docs_copy_is_current(self):
        """Regenerate with SERVICEDESK_UPDATE_DOCS=1 after changing the API."""
        import os

        if os.environ.get("SERVICEDESK_UPDATE_DOCS"):
            DOC.write_text(document_text())
        assert DOC.read_text() == document_text()

    def test_valid_openapi(self):
        schema = schemathesis.openapi.from_dict(build())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= len(registered_services())


@pytest.fixture
def fuzz_site(functional_portal, public_desk, monkeypatch):
    """A site with a service desk, an inquiry and the SMS webhook switched on."""
    from tests.services.helpers import make_inquiry

    monkeypatch.setenv("SERVICEDESK_SMS_SECRET", "fuzz-secret")
    make_inquiry(public_desk)
    transaction.commit()
    return functional_portal


@pytest.mark.parametrize("role", ["Anonymous", "Manager"])
def test_schemathesis_finds_no_server_errors(request_factory, fuzz_site, role):
    """A bounded run: a few hundred generated requests, no 5xx allowed."""
    from collective.servicedesk.citizen import spam

    raw = request_factory().get("/@servicedesk-openapi").json()
    # A plain session: the fixture's session rewrites URLs relative to itself.
    session = requests.Session()
    session.headers["Accept"] = "application/json"
    if role == "Manager":
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    # Credentials come from the session, not from the generator: random bytes
    # in "Authorization: Basic …" make Zope itself fail (ZPublisher decodes
    # them as UTF-8) before any of our code runs.
    raw["components"].pop("securitySchemes")
    for item in raw["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                operation.pop("security", None)
    schema = schemathesis.openapi.from_dict(raw)
    base_url = raw["servers"][0]["url"]
    failures = []
    calls = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @hypothesis.settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(hypothesis.HealthCheck),
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        )
        @hypothesis.given(case=operation.as_strategy())
        def run(case):
            spam.reset()  # let the fuzzer past the rate limits
            response = case.call(
                base_url=base_url,
                session=session,
                headers={"X-Servicedesk-Secret": "fuzz-secret"},
            )
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path}: {response.status_code} "
                    f"{response.text[:300]}"
                )

        run()
    assert calls and len(calls) <= 600
    session.close()
    assert failures == []
    # The run reached the services, not just 404s of wrong URLs.
    assert {200, 400} & set(calls) or {201, 400} & set(calls)


class TestRestDocs:
    def test_every_example_is_shown_and_exists(self):
        page = (ROOT / "docs" / "reference" / "rest-api.md").read_text()
        shown = set(re.findall(r"examples/([\w-]+)\.json", page))
        written = {path.stem for path in (DOC.parent / "examples").glob("*.json")}
        assert shown and shown <= written
        assert written <= shown
