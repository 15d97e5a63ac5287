"""POST endpoints of the quick registration bar and the FAQ suggestions GET."""

from collective.servicedesk import _
from collective.servicedesk.workspace import bridge
from collective.servicedesk.workspace import faq
from collective.servicedesk.workspace import queue
from collective.servicedesk.workspace.quick import QuickError
from collective.servicedesk.workspace.quick import answer_with_faq
from collective.servicedesk.workspace.quick import register
from collective.servicedesk.workspace.views.base import JSONView
from plone import api


class QuickRegisterView(JSONView):
    """Register an inquiry from the bar (optionally answered with an FAQ and closed)."""

    def __call__(self) -> str:
        problem = self.check_post()
        if problem:
            return self.fail(problem, 405 if self.request.method != "POST" else 403)
        user_id = api.user.get_current().getId()
        form = self.request.form
        try:
            result = register(form, faq_uid=form.get("faq_uid") or "")
        except QuickError as error:
            return self.fail(error.errors)
        return self.done(result, user_id)

    def done(self, result: dict, user_id: str) -> str:
        text = self.tr(self.message(result, user_id))
        if not self.wants_json():
            api.portal.show_message(text, request=self.request)
            return self.back()
        mine = queue.my_queue(user_id, 0)
        counts = {k: mine[k] for k in ("count", "overdue", "due_soon")}
        counts["overdue_text"] = self.tr(
            _(
                "queue_overdue_badge",
                default="${count} overdue",
                mapping={"count": mine["overdue"]},
            )
        )
        return self.json(
            {"ok": True, "message": text, "inquiry": result, "queue": counts},
            self.created_status,
        )

    created_status = 201

    def message(self, result: dict, user_id: str):
        """Confirm the registration and say where the inquiry went."""
        mapping = {"reference": result["reference"]}
        if result["state"] == "closed":
            return _(
                "msg_registered_closed",
                default="Inquiry ${reference} registered and closed.",
                mapping=mapping,
            )
        target = result["handler"] or result["unit"]
        if target and target != user_id:
            mapping["target"] = bridge.principal_title(target)
            return _(
                "msg_registered_routed",
                default="Inquiry ${reference} registered and routed to ${target}.",
                mapping=mapping,
            )
        return _(
            "msg_registered",
            default="Inquiry ${reference} registered.",
            mapping=mapping,
        )


class QuickAnswerView(QuickRegisterView):
    """Answer a just-registered inquiry with an FAQ entry and close it."""

    created_status = 200

    def message(self, result: dict, user_id: str):
        return _(
            "ws_answered_closed",
            default="Inquiry ${reference} answered with the FAQ entry and closed.",
            mapping={"reference": result["reference"]},
        )

    def __call__(self) -> str:
        problem = self.check_post()
        if problem:
            return self.fail(problem, 405 if self.request.method != "POST" else 403)
        form = self.request.form
        try:
            result = answer_with_faq(form.get("uid") or "", form.get("faq_uid") or "")
        except QuickError as error:
            return self.fail(error.errors)
        return self.done(result, api.user.get_current().getId())


class SuggestView(JSONView):
    """FAQ entries matching a half-typed summary (read-only GET)."""

    def __call__(self) -> str:
        text = self.request.form.get("q") or ""
        if not isinstance(text, str):
            text = ""
        return self.json({"items": faq.suggest(text[:200], limit=5)})
