"""Catalog indexers of inquiries (personal data is never indexed)."""

from Acquisition import aq_base
from collective.servicedesk.content.inquiry import IInquiry
from datetime import datetime
from plone.indexer import indexer
from Products.CMFPlone.CatalogTool import DENIED_INTERFACES
from zoneinfo import ZoneInfo
from zope.interface import providedBy


def _value(obj, name: str):
    # aq_base: a field must never be acquired from the container.
    return getattr(aq_base(obj), name, None)


def _required(obj, name: str):
    """Return a value to index, or raise AttributeError to leave it out."""
    value = _value(obj, name)
    if value is None or value == "":
        raise AttributeError(name)
    return value


def _aware(value: datetime | None) -> datetime | None:
    """Make a naive datetime aware, in the portal's time zone."""
    if value is None or value.tzinfo is not None:
        return value
    from plone.app.event.base import default_timezone

    return value.replace(tzinfo=ZoneInfo(default_timezone()))


@indexer(IInquiry)
def reference_number(obj) -> str:
    return _required(obj, "reference_number")


@indexer(IInquiry)
def inquiry_channel(obj) -> str:
    return _required(obj, "channel")


@indexer(IInquiry)
def inquiry_category(obj) -> str:
    return _required(obj, "category")


@indexer(IInquiry)
def service_level(obj) -> str:
    return _required(obj, "service_level")


@indexer(IInquiry)
def responsible_unit(obj) -> str:
    return _required(obj, "responsible_unit")


@indexer(IInquiry)
def responsible_handler(obj) -> str:
    return _required(obj, "responsible_handler")


@indexer(IInquiry)
def due_date(obj) -> datetime:
    return _aware(_required(obj, "due_date"))


@indexer(IInquiry)
def archive_worthy(obj) -> bool:
    return bool(_value(obj, "archive_worthy"))


@indexer(IInquiry)
def confidential(obj) -> bool:
    return bool(_value(obj, "confidential"))


@indexer(IInquiry)
def solved_first_contact(obj) -> bool:
    return bool(_value(obj, "solved_first_contact"))


@indexer(IInquiry)
def answered_date(obj) -> datetime:
    """When the inquiry was first answered (or closed), from the workflow history."""
    history = (getattr(obj, "workflow_history", None) or {}).get(
        "servicedesk_inquiry_workflow", ()
    )
    for entry in history:
        if entry.get("review_state") in ("answered", "closed") and entry.get("action"):
            return entry["time"].asdatetime()
    raise AttributeError("answered_date")


@indexer(IInquiry)
def Subject(obj) -> tuple:
    return tuple(_value(obj, "tags") or ())


def full_text(obj) -> str:
    """Summary, description, answer, tags and reference number; no personal data.

    Indexed once, in the Norwegian text index ``servicedesk_text`` (the desk's
    search and the queues' text filter read it).
    """
    parts = (
        _value(obj, "reference_number"),
        _value(obj, "title"),
        _value(obj, "description"),
        _value(obj, "answer"),
        " ".join(_value(obj, "tags") or ()),
    )
    return " ".join(part for part in parts if part)


@indexer(IInquiry)
def SearchableText(obj) -> str:
    """Reference number, summary and tags: enough for Plone's own site search.

    The long text is in ``servicedesk_text`` only. Indexing it in both text
    indexes doubled the buckets every registration writes (issue 19).
    """
    parts = (
        _value(obj, "reference_number"),
        _value(obj, "title"),
        " ".join(_value(obj, "tags") or ()),
    )
    return " ".join(part for part in parts if part)


# The excerpt listings and the desk's search show. The description itself can
# be long, and every registration rewrites a catalogue bucket holding the
# metadata of about 60 inquiries.
DESCRIPTION_EXCERPT = 240


def excerpt(obj) -> str:
    """The first words of the description (listings and snippets show no more)."""
    text = " ".join((_value(obj, "description") or "").split())
    if len(text) <= DESCRIPTION_EXCERPT:
        return text
    return text[:DESCRIPTION_EXCERPT].rsplit(" ", 1)[0] + " …"


@indexer(IInquiry)
def servicedesk_excerpt(obj) -> str:
    """The excerpt, in the column the desk's search reads first."""
    return excerpt(obj)


@indexer(IInquiry)
def Description(obj) -> str:
    """Empty: inquiries add no words to Plone's ``Description`` text index.

    Nobody queries that index for inquiries (the desk's search and the queues'
    text filter query ``servicedesk_text``, which holds the whole description),
    and its word buckets cost about 15 kB per registration (issue 19). ZCatalog
    fills the column of the same name from this value, so the excerpt moved to
    the ``servicedesk_excerpt`` column. An empty string, not AttributeError:
    Plone's live search and listings crop ``brain.Description`` and need a
    string; an empty text writes no word buckets.
    """
    return ""


# Catalog columns of other types (events, comments, links, knowledge entries).
# An inquiry has none of them: without an indexer the catalog would look for
# them through acquisition (desk, site, Zope root) on every registration, and
# could index a value of the container as the inquiry's.
NOT_APPLICABLE = (
    "author_name",
    "cmf_uid",
    "end",
    "faq_review_by",
    "getRawRelatedItems",
    "getRemoteUrl",
    "in_reply_to",
    "in_response_to",
    "location",
    "start",
    "sync_uid",
    # Inquiries take no discussion comments (their messages are replies and
    # notes): a 0 for each would cost an index bucket per registration.
    "total_comments",
)


@indexer(IInquiry)
def not_applicable(obj):
    """Leave the column empty (Missing.Value) and the index without the inquiry."""
    raise AttributeError("not applicable to inquiries")


@indexer(IInquiry)
def exclude_from_nav(obj) -> bool:
    """Inquiries never appear in navigation (their summaries can be personal)."""
    return True


# Interfaces of an inquiry that nobody queries through ``object_provides``
# (plumbing of Zope, CMF and Dexterity, and our behaviours' own markers; the
# code queries ``portal_type``). Each listed interface cost one bucket of its
# own record-id set per registration: 35 interfaces wrote about 30 kB (issue 19).
UNQUERIED_PREFIXES = (
    "OFS.",
    "zope.location.",
    "plone.supermodel.",
    "plone.uuid.",
    "plone.namedfile.",
    "plone.app.iterate.",
    "Products.CMFCore.interfaces.IMinimalDublinCore",
    "Products.CMFCore.interfaces.IMutableMinimalDublinCore",
    "Products.CMFCore.interfaces.IDublinCore",
    "Products.CMFCore.interfaces.IMutableDublinCore",
    "Products.CMFCore.interfaces.ICatalogableDublinCore",
    "Products.CMFCore.interfaces.IWorkflowAware",
    "Products.CMFCore.interfaces.ICatalogAware",
    "Products.CMFCore.interfaces.IOpaqueItemManager",
    "Products.CMFCore.interfaces.IDynamicType",
    "collective.servicedesk.behaviors.",
    "collective.servicedesk.privacy.behavior.",
    "collective.servicedesk.registration.behavior.",
    "collective.servicedesk.interfaces.IKeepsHistory",
    # Relation markers and the item marker: relations are found through the
    # relation catalogue, never through object_provides (issue 19: six
    # interfaces, about 6 kB per registration).
    "plone.dexterity.interfaces.IDexterityItem",
    "plone.app.relationfield.interfaces.",
    "z3c.relationfield.interfaces.",
)


@indexer(IInquiry)
def object_provides(obj) -> tuple:
    """Plone's list without the interfaces nobody queries (IInquiry, IContentish
    and IDexterityContent stay)."""
    return tuple(
        i.__identifier__
        for i in providedBy(obj).flattened()
        if i.__identifier__ not in DENIED_INTERFACES
        and not i.__identifier__.startswith(UNQUERIED_PREFIXES)
    )
