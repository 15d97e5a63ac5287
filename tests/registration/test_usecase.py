"""The form, @servicedesk-register and the quick bar: same errors, same routing.

Each row of the table goes through all three real paths (the z3c.form, the
REST service's handler and the quick bar's endpoint) on the same desk.
"""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.registration import usecase
from collective.servicedesk.registration.form import RegisterForm
from collective.servicedesk.rest.errors import ServiceError
from collective.servicedesk.services.register.post import Register
from plone import api
from plone.app.z3cform.interfaces import IPloneFormLayer
from tests.workspace.helpers import call
from zope.i18n import translate
from zope.interface import alsoProvides
import json
import pytest

# Fields that are select widgets in the form (their values are token lists).
CHOICES = ("channel", "category")


@pytest.fixture
def req(desk, http_request):
    alsoProvides(http_request, IServiceDeskLayer, IPloneFormLayer)
    return http_request


def _reset(request) -> None:
    request.form.clear()
    request.other.pop("BODY", None)
    request.response.setStatus(200)


def by_form(desk, request, data: dict) -> dict:
    """Submit the registration form; {field: translated error}."""
    _reset(request)
    request.method = "POST"
    for name, value in data.items():
        widget = f"form.widgets.{name}"
        request.form[widget] = [value] if name in CHOICES else value
        if name in CHOICES:
            request.form[f"{widget}-empty-marker"] = "1"
    request.form["form.buttons.register"] = "Register"
    form = RegisterForm(desk, request)
    form.update()
    return {
        name: translate(widget.error.message, context=request)
        for name, widget in form.widgets.items()
        if widget.error
    }


def by_rest(desk, request, data: dict) -> dict:
    """Run @servicedesk-register's handler on a JSON body; {field: error}."""
    _reset(request)
    request.method = "POST"
    request["BODY"] = json.dumps(data).encode()
    # plone.rest services get context and request from the traversal.
    service = Register()
    service.context, service.request = desk, request
    try:
        service.handle()
    except ServiceError as error:
        answer = service.error(error)["error"]
        items = answer.get("errors") or [answer]
        return {item["field"]: item["message"] for item in items}
    return {}


def by_quick_bar(desk, request, data: dict) -> dict:
    """Post the quick bar; {field: translated error}."""
    _reset(request)
    status, body = call(api.portal.get(), request, "servicedesk-quick-register", **data)
    return {} if status == 201 else body["errors"]


PATHS = {"form": by_form, "rest": by_rest, "quick bar": by_quick_bar}


def inquiries() -> list:
    return [brain.getObject() for brain in api.content.find(portal_type="Inquiry")]


@pytest.mark.parametrize(
    "data,required,fields",
    [
        ({"title": "", "channel": "phone"}, None, {"title"}),
        ({"title": "   ", "channel": "phone"}, None, {"title"}),
        ({"title": "x" * 301, "channel": "phone"}, None, {"title"}),
        ({"title": "Hei", "channel": "phone", "category": "nope"}, None, {"category"}),
        (
            {"title": "Hei", "channel": "phone", "requester_email": "not-an-address"},
            None,
            {"requester_email"},
        ),
        (
            {"title": "Hei", "channel": "phone", "requester_phone": "call me"},
            None,
            {"requester_phone"},
        ),
        (
            {"title": "Hei", "channel": "phone"},
            ["title", "requester_phone"],
            {"requester_phone"},
        ),
        (
            {"title": "", "channel": "phone", "requester_email": "nope"},
            ["title", "requester_email"],
            {"title", "requester_email"},
        ),
    ],
)
def test_same_errors_on_every_path(req, desk, data, required, fields):
    if required is not None:
        api.portal.set_registry_record(
            "collective.servicedesk.required_fields", required
        )
    answers = {name: path(desk, req, data) for name, path in PATHS.items()}
    for name, errors in answers.items():
        assert set(errors) == fields, name
    # Word for word the same message (same msgid, same translation).
    assert answers["form"] == answers["rest"] == answers["quick bar"]
    assert inquiries() == []


@pytest.mark.parametrize(
    "category,unit,state",
    [
        ("building-permits", "servicedesk-building", "assigned"),
        ("water-sewage", "servicedesk-technical", "assigned"),
        # Routing finds nobody: unassigned in the desk's queue on every path.
        (None, None, "registered"),
    ],
)
def test_same_routing_on_every_path(req, desk, category, unit, state):
    data = {"title": "Garasje", "channel": "visit"}
    if category:
        data["category"] = category
    for name, path in PATHS.items():
        assert path(desk, req, data) == {}, name
    registered = inquiries()
    assert len(registered) == len(PATHS)
    for inquiry in registered:
        assert inquiry.title == "Garasje"
        assert inquiry.responsible_unit == unit
        assert inquiry.responsible_handler is None
        assert api.content.get_state(inquiry) == state


def test_validate_strips_single_line_text(desk):
    clean, errors = usecase.validate(
        {"title": "  Garasje  ", "channel": "phone"}, desk, close=False
    )
    assert errors == {}
    assert clean["title"] == "Garasje"
