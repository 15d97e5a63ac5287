"""POST @servicedesk-subject-export: everything stored about one person.

POST, not GET: the person's e-mail address and phone number stay out of URLs
and access logs, and the export is written to the privacy log (a write).
"""

from collective.servicedesk import _
from collective.servicedesk.privacy.subject import export
from collective.servicedesk.privacy.subject import find
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.services.fields import raise_errors

NO_CONTACT = _(
    "error_subject_contact",
    default="Give an e-mail address, a phone number or a name.",
)
NO_REASON = _(
    "error_subject_reason",
    default="Give the reason (for example the request's case number).",
)


class SubjectExport(ServiceDeskService):
    """``{"email", "phone", "name", "reason"}`` → the person's inquiries."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        query = {
            key: body[key].strip()
            for key in ("email", "phone", "name")
            if isinstance(body.get(key), str) and body[key].strip()
        }
        reason = body.get("reason") if isinstance(body.get("reason"), str) else ""
        errors = []
        if not query:
            errors.append(("email", NO_CONTACT))
        if not reason.strip():
            errors.append(("reason", NO_REASON))
        raise_errors(errors, self.translate)
        records = export(find(**query), reason.strip(), query)
        return {"items_total": len(records), "items": records}
