"""Bulk actions on the listing: each inquiry's own permissions decide."""

from collective.servicedesk.queues.bulk import BulkError
from collective.servicedesk.queues.bulk import check
from collective.servicedesk.queues.bulk import run
from plone import api
from plone.app.testing import login
from plone.protect.authenticator import createToken
import json
import pytest


def uids(items, *keys) -> list[str]:
    return [items[key].UID() for key in keys]


def post_view(portal, desk, request, **form) -> tuple[int, dict]:
    request.method = "POST"
    request.environ["REQUEST_METHOD"] = "POST"
    request.environ["HTTP_ACCEPT"] = "application/json"
    request.form.update(form)
    request.form["_authenticator"] = createToken()
    body = desk.restrictedTraverse("@@servicedesk-bulk")()
    return request.response.getStatus(), json.loads(body)


class TestCheck:
    @pytest.mark.parametrize(
        "data,field",
        [
            ({"action": "delete", "uids": ["x"]}, "action"),
            ({"action": "close", "uids": []}, "uids"),
            ({"action": "close", "uids": ["x"] * 201}, "uids"),
            ({"action": "close", "uids": [1, 2]}, "uids"),
            ({"action": "forward", "uids": ["x"], "reason": "r"}, "unit"),
            (
                {"action": "forward", "uids": ["x"], "unit": "servicedesk-building"},
                "reason",
            ),
            ({"action": "tag", "uids": ["x"], "tag": " "}, "tag"),
            ({"action": "tag", "uids": ["x"], "tag": "t" * 101}, "tag"),
            ({"action": "close", "uids": ["x"], "reason": "r" * 2001}, "reason"),
        ],
    )
    def test_refused_before_any_work(self, portal, data, field):
        with pytest.raises(BulkError) as raised:
            check(data)
        assert field in raised.value.errors


class TestRun:
    def test_close_three(self, portal, filled):
        desk, items = filled
        for key in ("garage", "leak"):
            items[key].answer = "Svar gitt på telefon"
        login(portal, "agent")
        data = check(
            {"action": "close", "uids": uids(items, "garage", "leak", "answered")}
        )
        result = run(desk, data)
        assert len(result["done"]) == 3, result["refused"]
        for key in ("garage", "leak", "answered"):
            assert api.content.get_state(items[key]) == "closed"

    def test_close_unanswered_says_why(self, portal, filled):
        desk, items = filled
        login(portal, "agent")
        result = run(desk, check({"action": "close", "uids": uids(items, "garage")}))
        assert result["done"] == []
        assert result["refused"][0]["message"] == "bulk_needs_answer"
        assert api.content.get_state(items["garage"]) == "assigned"

    def test_forwarded_is_not_the_front_desks_to_close(self, portal, filled):
        desk, items = filled
        login(portal, "agent")
        result = run(desk, check({"action": "close", "uids": uids(items, "permit")}))
        assert result["refused"][0]["message"] == "bulk_not_allowed"

    def test_confidential_refused_and_unchanged(self, portal, filled):
        desk, items = filled
        items["garage"].answer = "Svar"
        login(portal, "agent2")
        data = check({"action": "close", "uids": uids(items, "secret", "garage")})
        result = run(desk, data)
        assert [item["uid"] for item in result["refused"]] == [items["secret"].UID()]
        assert api.content.get_state(items["secret"]) == "assigned"
        assert api.content.get_state(items["garage"]) == "closed"

    def test_forward_with_reason(self, portal, filled):
        desk, items = filled
        login(portal, "agent")
        data = check(
            {
                "action": "forward",
                "uids": uids(items, "garage"),
                "unit": "servicedesk-technical",
                "reason": "Gjelder vei",
            }
        )
        result = run(desk, data)
        assert len(result["done"]) == 1
        assert items["garage"].responsible_unit == "servicedesk-technical"

    def test_take_and_tag(self, portal, filled):
        desk, items = filled
        login(portal, "agent")
        run(desk, check({"action": "take", "uids": uids(items, "leak")}))
        assert items["leak"].responsible_handler == "agent"
        run(desk, check({"action": "tag", "uids": uids(items, "leak"), "tag": "vår"}))
        assert "vår" in items["leak"].tags
        again = run(
            desk, check({"action": "tag", "uids": uids(items, "leak"), "tag": "vår"})
        )
        assert again["done"] == [] and len(again["refused"]) == 1

    def test_foreign_uid_not_found(self, portal, filled):
        desk, items = filled
        login(portal, "agent")
        result = run(desk, check({"action": "close", "uids": ["no-such-uid"]}))
        assert result["done"] == []
        assert result["refused"][0]["uid"] == "no-such-uid"


class TestView:
    def test_json_answer(self, portal, http_request, filled):
        desk, items = filled
        for key in ("garage", "leak"):
            items[key].answer = "Svar"
        login(portal, "agent")
        status, body = post_view(
            portal,
            desk,
            http_request,
            action="close",
            uids=uids(items, "garage", "leak"),
        )
        assert status == 200
        assert body["ok"] is True
        assert len(body["done"]) == 2
        assert "2" in body["message"]

    def test_without_token_refused(self, portal, http_request, filled):
        desk, items = filled
        login(portal, "agent")
        http_request.method = "POST"
        http_request.environ["REQUEST_METHOD"] = "POST"
        http_request.environ["HTTP_ACCEPT"] = "application/json"
        http_request.form.update(action="close", uids=uids(items, "garage"))
        desk.restrictedTraverse("@@servicedesk-bulk")()
        assert http_request.response.getStatus() == 403
        assert api.content.get_state(items["garage"]) == "assigned"

    def test_listing_has_row_checkboxes(self, portal, http_request, filled):
        desk, items = filled
        login(portal, "agent")
        html = desk.restrictedTraverse("@@inquiries")()
        assert 'class="sd-bulk-row"' in html
        assert items["garage"].UID() in html
        assert "@@servicedesk-bulk" in html
