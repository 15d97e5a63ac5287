"""Data-subject requests: find, export (JSON or readable HTML) and erase."""

from collective.servicedesk import _
from collective.servicedesk.localtime import format_local
from collective.servicedesk.privacy import log
from collective.servicedesk.privacy import subject
from collective.servicedesk.privacy.browser.labels import Labels
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import json

QUERY_FIELDS = ("email", "phone", "name")
# The fields of the readable export, in order, with their labels.
EXPORT_FIELDS = (
    ("title", _("field_summary", default="Summary")),
    ("description", _("field_description", default="Description")),
    ("created", _("label_registered", default="Registered")),
    ("state", _("label_state", default="State")),
    ("channel", _("field_channel", default="Channel")),
    ("category", _("field_category", default="Category")),
    ("requester_name", _("field_requester_name", default="Requester's name")),
    ("requester_email", _("field_requester_email", default="Requester's e-mail")),
    ("requester_phone", _("field_requester_phone", default="Requester's phone")),
    (
        "requester_organisation",
        _("field_requester_organisation", default="Requester's organisation"),
    ),
    ("personal_notes", _("field_personal_notes", default="Personal details")),
    ("answer", _("field_answer", default="Answer")),
    ("anonymised", _("label_anonymised", default="Anonymised")),
)
ACTIONS = {
    "form.buttons.find": "find",
    "form.buttons.export_json": "export_json",
    "form.buttons.export_html": "export_html",
    "form.buttons.erase": "erase",
}


class PersonalDataRequests(BrowserView):
    """One page for a request: who (e-mail, phone, name), why, and what to do."""

    export_template = ViewPageTemplateFile("templates/export.pt")
    errors: dict
    values: dict
    results: list | None
    records: list

    def __call__(self):
        self.errors, self.results, self.records = {}, None, []
        form = self.request.form
        self.values = {name: form.get(name, "").strip() for name in QUERY_FIELDS}
        self.values["reason"] = form.get("reason", "").strip()
        action = next((ACTIONS[key] for key in ACTIONS if key in form), None)
        if self.request.method != "POST" or action is None:
            return self.index()
        CheckAuthenticator(self.request)
        if not self.validate():
            return self.index()
        query = {name: self.values[name] for name in QUERY_FIELDS}
        reason = self.values["reason"]
        brains = subject.find(**query)
        if action == "find":
            log.append("find", reason, query, [b.reference_number for b in brains])
            self.results = brains
            return self.index()
        selected = set(form.get("uids", []) or [])
        brains = [brain for brain in brains if brain.UID in selected]
        if not brains:
            self.errors["uids"] = _(
                "error_privacy_select", default="Select at least one inquiry."
            )
            self.results = subject.find(**query)
            return self.index()
        if action == "erase":
            return self.erase(brains, reason, query)
        records = subject.export(brains, reason, query)
        return self.download(records, as_json=action == "export_json")

    def validate(self) -> bool:
        """Check that a person and a reason are given."""
        if not any(self.values[name] for name in QUERY_FIELDS):
            self.errors["email"] = _(
                "error_privacy_query",
                default="Enter an e-mail address, a phone number or a name.",
            )
        if not self.values["reason"]:
            self.errors["reason"] = _(
                "error_privacy_reason",
                default="Say why (for example the date and way of the request).",
            )
        return not self.errors

    def erase(self, brains: list, reason: str, query: dict):
        """Anonymise the selected inquiries and show what is left."""
        if not self.request.form.get("confirm"):
            self.errors["confirm"] = _(
                "error_privacy_confirm",
                default="Tick the box to confirm that the personal data is to be "
                "erased.",
            )
            self.results = subject.find(**query)
            return self.index()
        done = subject.erase(brains, reason, query)
        api.portal.show_message(
            _(
                "privacy_erased",
                default="Personal data erased from ${count} inquiries.",
                mapping={"count": len(done)},
            ),
            request=self.request,
        )
        self.results = subject.find(**query)
        return self.index()

    def download(self, records: list[dict], as_json: bool):
        """Return the export as a file to download."""
        response = self.request.response
        response.setHeader("Cache-Control", "private, no-store")
        if as_json:
            response.setHeader("Content-Type", "application/json; charset=utf-8")
            response.setHeader(
                "Content-Disposition", 'attachment; filename="personal-data.json"'
            )
            return json.dumps(records, ensure_ascii=False, indent=2, default=str)
        self.records = records
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="personal-data.html"'
        )
        return self.export_template()

    def url(self) -> str:
        """Return the address of this page."""
        return f"{self.context.absolute_url()}/@@servicedesk-personal-data"

    def export_fields(self, record: dict) -> list[dict]:
        """Return the filled fields of an exported inquiry with their labels."""
        labels = Labels(self.context)
        shown = {
            **record,
            "state": labels.state(record.get("state")),
            "channel": labels.channel(record.get("channel")),
            "category": labels.category(record.get("category")),
        }
        return [
            {"label": label, "value": shown[name]}
            for name, label in EXPORT_FIELDS
            if shown.get(name)
        ]

    def rows(self) -> list[dict]:
        """Return the found inquiries for the table (catalog data only)."""
        labels = Labels(self.context)
        return [
            {
                "uid": brain.UID,
                "reference": brain.reference_number,
                "url": brain.getURL(),
                "created": format_local(brain.created, time=False),
                "category": labels.category(brain.inquiry_category),
                "state": labels.state(brain.review_state),
                "archive_worthy": brain.archive_worthy,
                "confidential": brain.confidential,
            }
            for brain in self.results or ()
        ]

    def error(self, name: str):
        """Return the error message of a field, or None."""
        return self.errors.get(name)
