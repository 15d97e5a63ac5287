"""The "get started" page: the checklist and the few actions it offers."""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.categories.storage import list_categories
from collective.servicedesk.categories.storage import update_category
from collective.servicedesk.controlpanels import checklist
from collective.servicedesk.routing.competence import all_competence
from collective.servicedesk.setuphandlers.grants import ROLES
from collective.servicedesk.setuphandlers.install import ensure_containers
from datetime import UTC
from datetime import datetime
from email.message import EmailMessage
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

MAX_QUERY = 100
MAX_CHOICES = 20


def find_groups(query: str) -> list[dict]:
    """Groups whose id or title contains ``query``: [{id, title}], at most 20."""
    query = (query or "").strip()[:MAX_QUERY]
    if not query:
        return []
    exact = api.group.get(groupname=query)
    if exact is not None and query not in checklist.BUILTIN_GROUPS:
        return [{"id": query, "title": checklist.principal_title(query)}]
    acl = api.portal.get_tool("acl_users")
    found = {}
    for key in ("id", "title"):
        for info in acl.searchGroups(**{key: query}):
            if info["id"] not in checklist.BUILTIN_GROUPS:
                found[info["id"]] = checklist.principal_title(info["id"])
    matches = [{"id": gid, "title": title} for gid, title in found.items()]
    exact_titles = [m for m in matches if m["title"].lower() == query.lower()]
    if len(exact_titles) == 1:
        return exact_titles
    return sorted(matches, key=lambda m: m["title"].lower())[:MAX_CHOICES]


class GetStartedView(BrowserView):
    """Site Setup → Service desk → Get started."""

    choices: dict

    def __call__(self):
        self.choices = {}
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            action = self.request.form.get("action", "")
            handler = {
                "create-desk": self.create_desk,
                "grant-roles": self.grant_roles,
                "assign-units": self.assign_units,
                "test-mail": self.test_mail,
            }.get(action)
            if handler is not None and handler() and not self.choices:
                # Post/redirect/get: a reload never repeats the action.
                self.request.response.redirect(self.request.getURL())
                return ""
        return self.index()

    # ---- reading ---------------------------------------------------------
    def steps(self) -> list[dict]:
        return checklist.steps(self.context, self.request)

    def done_count(self, steps) -> int:
        return len([step for step in steps if step["done"]])

    def t(self, message) -> str:
        return translate(message, context=self.request)

    def default_test_address(self) -> str:
        user = api.user.get_current()
        return (user.getProperty("email", "") or "") if user else ""

    # ---- actions ---------------------------------------------------------
    def _message(self, message, kind: str = "info") -> None:
        IStatusMessage(self.request).addStatusMessage(message, type=kind)

    def _pick_group(self, field: str) -> dict | None:
        """The group a search field names; several matches become choices."""
        chosen = self.request.form.get(f"{field}-choice", "")
        if chosen and api.group.get(groupname=chosen) is not None:
            return {"id": chosen, "title": checklist.principal_title(chosen)}
        query = self.request.form.get(field, "")
        if not query.strip():
            return None
        matches = find_groups(query)
        if len(matches) == 1:
            return matches[0]
        if matches:
            self.choices[field] = matches
        else:
            self._message(
                _(
                    "msg_no_group_found",
                    default='No group matches "${query}".',
                    mapping={"query": query[:MAX_QUERY]},
                ),
                "warning",
            )
        return None

    def create_desk(self) -> bool:
        created = ensure_containers(self.context)
        if created:
            self._message(_("msg_desk_created", default="Service desk created."))
        return True

    def grant_roles(self) -> bool:
        granted = []
        for index, role in enumerate(ROLES):
            group = self._pick_group(f"role-{index}")
            if group is None:
                continue
            api.group.grant_roles(groupname=group["id"], roles=[role])
            granted.append(group["title"])
            logger.info("Granted %s to group %s.", role, group["id"])
        if granted:
            self._message(
                _(
                    "msg_roles_granted",
                    default="Roles given to: ${groups}.",
                    mapping={"groups": ", ".join(granted)},
                )
            )
        return bool(granted)

    def assign_units(self) -> bool:
        group = self._pick_group("unit")
        if group is None:
            return False
        competence = all_competence()
        changed = 0
        for category in list_categories():
            if category["unit"] or competence.get(category["id"]):
                continue
            update_category(category["id"], unit=group["id"])
            changed += 1
        self._message(
            _(
                "msg_units_assigned",
                default="${group} is now the unit of ${count} categories.",
                mapping={"group": group["title"], "count": changed},
            )
        )
        return True

    def test_mail(self) -> bool:
        recipient = (self.request.form.get("recipient") or "").strip()[:254]
        state = checklist.mail_state(self.context)
        result = {"when": datetime.now(UTC).isoformat(), "to": recipient}
        if not state["configured"]:
            result.update(ok=False, error="not configured")
        elif "@" not in recipient:
            result.update(ok=False, error="no recipient")
        else:
            message = EmailMessage()
            message["Subject"] = self.t(
                _("mail_test_subject", default="Test message from the service desk")
            )
            message["From"] = state["sender"]
            message["To"] = recipient
            message.set_content(
                self.t(
                    _(
                        "mail_test_body",
                        default="The service desk can send e-mail. No reply needed.",
                    )
                )
            )
            mailhost = api.portal.get_tool("MailHost")
            try:
                # Immediate: the admin must learn now whether the server answers.
                mailhost.send(message, immediate=True)
            except Exception as error:  # noqa: BLE001 - any SMTP failure is the answer
                result.update(ok=False, error=str(error)[:300])
            else:
                result.update(ok=True, error="")
        IAnnotations(self.context)[checklist.MAIL_TEST_KEY] = result
        if result["ok"]:
            self._message(
                _(
                    "msg_mail_test_sent",
                    default="Test message sent to ${to}.",
                    mapping={"to": recipient},
                )
            )
        else:
            self._message(
                _(
                    "msg_mail_test_failed",
                    default="The test message could not be sent: ${error}",
                    mapping={"error": result["error"]},
                ),
                "error",
            )
        return True
