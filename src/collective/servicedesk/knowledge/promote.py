"""Promote a solved inquiry to a draft FAQ entry or experience document, redacted."""

from collective.servicedesk import _
from collective.servicedesk.annotations import object_storage
from collective.servicedesk.history import record
from collective.servicedesk.knowledge.interfaces import EXPERIENCE_DOCUMENT
from collective.servicedesk.knowledge.interfaces import FAQ_ENTRY
from collective.servicedesk.knowledge.interfaces import KNOWLEDGE_BASE
from collective.servicedesk.knowledge.redact import Redacted
from collective.servicedesk.knowledge.redact import highlight
from collective.servicedesk.knowledge.redact import redact
from html import escape
from persistent.list import PersistentList
from plone import api
from plone.app.textfield.value import RichTextValue
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

SOLVED_STATES = ("answered", "closed", "filed")
KINDS = {"faq": FAQ_ENTRY, "experience": EXPERIENCE_DOCUMENT}
# On the draft: what was removed, by kind and count (never the removed values).
REDACTIONS_KEY = "collective.servicedesk.knowledge.redactions"
# On the inquiry: UIDs of the drafts made from it.
PROMOTED_KEY = "collective.servicedesk.knowledge.promoted_to"

LABELS = {
    "email": _("redacted_email", default="[e-mail address removed]"),
    "national_id": _("redacted_national_id", default="[national ID number removed]"),
    "d_number": _("redacted_d_number", default="[D-number removed]"),
    "phone": _("redacted_phone", default="[phone number removed]"),
    "name": _("redacted_name", default="[name removed]"),
}


class PromoteError(ValueError):
    """The inquiry cannot be promoted; ``message`` is translatable."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _labels() -> dict[str, str]:
    language = api.portal.get_default_language()
    return {
        kind: translate(label, target_language=language)
        for kind, label in LABELS.items()
    }


def knowledge_base():
    """The top-most knowledge base of the site, or None."""
    brains = api.content.find(portal_type=KNOWLEDGE_BASE, sort_on="path", sort_limit=1)
    return brains[0].getObject() if brains else None


def _check(inquiry) -> None:
    if inquiry.portal_type != "Inquiry":
        raise PromoteError(
            _("error_promote_not_inquiry", default="Only inquiries can be promoted.")
        )
    if getattr(inquiry, "confidential", False):
        # Redaction removes names and numbers, not what makes a case confidential.
        raise PromoteError(
            _(
                "error_promote_confidential",
                default="Confidential inquiries cannot be shared as knowledge.",
            )
        )
    if api.content.get_state(inquiry, default=None) not in SOLVED_STATES:
        raise PromoteError(
            _(
                "error_promote_not_solved",
                default="Only answered or closed inquiries can be promoted.",
            )
        )
    if not (getattr(inquiry, "answer", None) or "").strip():
        raise PromoteError(
            _("error_promote_no_answer", default="The inquiry has no answer to share.")
        )


def _names(inquiry) -> list[str]:
    return [getattr(inquiry, "requester_name", None) or ""]


def _record_redactions(obj, parts: list[Redacted]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for part in parts:
        for kind, count in part.counts().items():
            counts[kind] = counts.get(kind, 0) + count
    IAnnotations(obj)[REDACTIONS_KEY] = dict(counts)
    return counts


def redaction_counts(obj) -> dict[str, int]:
    """Kinds and numbers of redactions made when the item was promoted."""
    return dict(IAnnotations(obj).get(REDACTIONS_KEY, {}))


def promoted_to(inquiry) -> list[str]:
    """UIDs of the knowledge drafts made from an inquiry."""
    return list(IAnnotations(inquiry).get(PROMOTED_KEY, ()))


def _section(title, redacted: Redacted) -> str:
    return (
        f"<h2>{escape(title)}</h2>{highlight(redacted)}"
        if redacted.text.strip()
        else ""
    )


def promote_inquiry(inquiry, kind: str = "faq", container=None):
    """Create a redacted draft from a solved inquiry and return it."""
    if kind not in KINDS:
        raise PromoteError(
            _("error_promote_kind", default="Unknown kind of knowledge item.")
        )
    _check(inquiry)
    container = container or knowledge_base()
    if container is None:
        raise PromoteError(
            _("error_no_knowledge_base", default="There is no knowledge base yet.")
        )
    labels = _labels()
    names = _names(inquiry)
    title = redact(inquiry.title or "", names, labels)
    question = redact(getattr(inquiry, "description", None) or "", names, labels)
    answer = redact(inquiry.answer or "", names, labels)
    uid = api.content.get_uuid(inquiry)
    category = getattr(inquiry, "category", None)
    common = {
        "categories": [category] if category else [],
        "audience": "internal",
        "subject": tuple(getattr(inquiry, "tags", None) or ()),
        "related_inquiries": [uid],
        "source_inquiry": uid,
    }
    if kind == "faq":
        obj = api.content.create(
            container=container,
            type=FAQ_ENTRY,
            title=title.text,
            answer=RichTextValue(highlight(answer), "text/html", "text/x-html-safe"),
            faq_owner=api.user.get_current().getId(),
            **common,
        )
        parts = [title, answer]
    else:
        language = api.portal.get_default_language()
        heading_q = translate(
            _("heading_question", default="Question"), target_language=language
        )
        heading_a = translate(
            _("heading_answer", default="Answer"), target_language=language
        )
        obj = api.content.create(
            container=container,
            type=EXPERIENCE_DOCUMENT,
            title=title.text,
            document_kind="case_writeup",
            source=getattr(inquiry, "reference_number", None) or "",
            text=RichTextValue(
                _section(heading_q, question) + _section(heading_a, answer),
                "text/html",
                "text/x-html-safe",
            ),
            **common,
        )
        parts = [title, question, answer]
    _record_redactions(obj, parts)
    promoted = object_storage(inquiry, PROMOTED_KEY, PersistentList, create=True)
    promoted.append(api.content.get_uuid(obj))
    _history(inquiry, obj)
    return obj


def _history(inquiry, obj) -> None:
    record(inquiry, "promoted", comment=obj.absolute_url())
