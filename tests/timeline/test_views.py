"""The composer and quick actions on the inquiry page (integration)."""

from collective.servicedesk.deadlines.pause import is_waiting
from collective.servicedesk.replies.storage import list_replies
from collective.servicedesk.timeline.browser.state import KEY
from plone import api
from plone.protect.authenticator import createToken
import pytest


def post(inquiry, req, view_name: str, **form):
    req.method = "POST"
    req.form.clear()
    req.form.update(form)
    req.form["_authenticator"] = createToken()
    req.other.pop(KEY, None)
    req.response.setStatus(200)
    view = api.content.get_view(view_name, inquiry, req)
    return view()


@pytest.fixture
def req(portal):
    return portal.REQUEST


@pytest.fixture
def handled(inquiry, req):
    """The inquiry assigned to the demo handler, who is logged in."""
    from collective.servicedesk.content.assignment import assign

    assign(inquiry, handler="handler", unit="servicedesk-building", reason="Byggesak")
    return inquiry


def as_handler(func):
    with api.env.adopt_user(username="handler"):
        return func()


class TestComposer:
    def test_reply_and_close_in_one_step(self, handled, req):
        result = as_handler(
            lambda: post(
                handled,
                req,
                "timeline-compose",
                channel="letter",
                recipient_name="Åse Nordmann",
                text="Du trenger ikke søke.",
                **{"form.buttons.send_close": "1"},
            )
        )
        assert req.response.getStatus() == 302, result
        assert api.content.get_state(handled) == "closed"
        assert handled.answer == "Du trenger ikke søke."
        assert len(list_replies(handled)) == 1

    def test_reply_is_answer(self, handled, req):
        as_handler(
            lambda: post(
                handled,
                req,
                "timeline-compose",
                channel="letter",
                recipient_name="Åse",
                text="Svar",
                **{"form.buttons.send": "1"},
            )
        )
        assert api.content.get_state(handled) == "answered"

    def test_keep_open(self, handled, req):
        state = api.content.get_state(handled)
        as_handler(
            lambda: post(
                handled,
                req,
                "timeline-compose",
                channel="letter",
                recipient_name="Åse",
                text="Delsvar",
                keep_open="1",
                **{"form.buttons.send": "1"},
            )
        )
        assert api.content.get_state(handled) == state
        assert not handled.answer

    def test_error_keeps_every_value(self, handled, req):
        html = as_handler(
            lambda: post(
                handled,
                req,
                "timeline-compose",
                channel="email",
                recipient_email="not-an-address",
                subject="Emne 42",
                text="Hei {name}, svar 42",
                keep_open="1",
                **{"form.buttons.send": "1"},
            )
        )
        assert list_replies(handled) == []
        assert "not-an-address" in html
        assert "Emne 42" in html
        assert "Hei {name}, svar 42" in html or "Hei Åse" in html

    def test_empty_placeholder_refused(self, handled, req):
        handled.requester_name = ""
        html = as_handler(
            lambda: post(
                handled,
                req,
                "timeline-compose",
                channel="letter",
                recipient_address="Gata 1",
                text="Hei {name}!",
                **{"form.buttons.send": "1"},
            )
        )
        assert list_replies(handled) == []
        assert "{name}" in html

    def test_note(self, handled, req):
        as_handler(
            lambda: post(
                handled,
                req,
                "timeline-compose",
                note_text="Ringte <b>innbygger</b>",
                **{"form.buttons.note": "1"},
            )
        )
        html = as_handler(lambda: api.content.get_view("view", handled, req)())
        assert "Ringte &lt;b&gt;innbygger&lt;/b&gt;" in html


class TestQuickActions:
    def test_forward_error_keeps_values(self, handled, req):
        html = as_handler(
            lambda: post(
                handled,
                req,
                "quick-action",
                action="forward",
                handler="handler2",
                unit="servicedesk-health",
                reason="",
            )
        )
        assert handled.responsible_handler == "handler"
        assert 'value="handler2" selected' in html.replace(
            'selected="selected"', "selected"
        )
        assert 'value="servicedesk-health" selected' in html.replace(
            'selected="selected"', "selected"
        )

    def test_forward_with_reason(self, handled, req):
        as_handler(
            lambda: post(
                handled,
                req,
                "quick-action",
                action="forward",
                handler="handler2",
                unit="servicedesk-health",
                reason="Helsesak",
            )
        )
        assert handled.responsible_handler == "handler2"
        assert api.content.get_state(handled) == "forwarded"

    def test_take_wait_resume(self, inquiry, req):
        with api.env.adopt_user(username="agent"):
            post(inquiry, req, "quick-action", action="take")
            assert inquiry.responsible_handler == "agent"
            post(inquiry, req, "quick-action", action="wait", reason="Mangler kart")
            assert is_waiting(inquiry)
            post(inquiry, req, "quick-action", action="resume")
            assert not is_waiting(inquiry)

    def test_close_refused_without_answer(self, handled, req):
        html = as_handler(lambda: post(handled, req, "quick-action", action="close"))
        assert api.content.get_state(handled) != "closed"
        assert "alert-danger" in html

    def test_outsider_cannot(self, handled, req):
        from zExceptions import Forbidden

        api.user.create(
            email="o@example.org", username="outsider", password="pw-1234567"
        )
        with api.env.adopt_user(username="outsider"), pytest.raises(Forbidden):
            post(handled, req, "quick-action", action="take")
