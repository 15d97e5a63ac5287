"""Demo knowledge base: FAQ entries and experience documents (idempotent)."""

from collective.servicedesk import logger
from collective.servicedesk.setuphandlers.demo_knowledge_data import DOCUMENTS
from collective.servicedesk.setuphandlers.demo_knowledge_data import FAQ
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue

KNOWLEDGE_BASE_ID = "knowledge-base"
EDITOR = "editor"
FAQ_STATES = {
    "public": "published_publicly",
    "internal": "published_internally",
    "draft": "draft",
    "review": "needs_review",
}


def _html(text: str) -> RichTextValue:
    return RichTextValue(text, "text/html", "text/x-html-safe")


def _knowledge_base(portal):
    kb = portal.get(KNOWLEDGE_BASE_ID)
    if kb is None:
        kb = api.content.create(
            container=portal,
            type="KnowledgeBase",
            id=KNOWLEDGE_BASE_ID,
            title="Kunnskapsbanken",
        )
    return kb


def _owner() -> str | None:
    return EDITOR if api.user.get(username=EDITOR) is not None else None


def _create_faq(kb, spec) -> None:
    key, question, answer, categories, state, tags, language = spec
    if key in kb:
        return
    faq = api.content.create(
        container=kb,
        type="FAQEntry",
        id=key,
        title=question,
        answer=_html(answer),
        categories=list(categories),
        audience="public" if state == "public" else "internal",
        subject=tuple(tags),
        language=language,
        faq_owner=_owner(),
    )
    if state == "review":
        api.content.transition(obj=faq, to_state="published_internally")
        faq.review_by = date.today() - timedelta(days=3)
        api.content.transition(obj=faq, transition="expire")
    elif FAQ_STATES[state] != "draft":
        api.content.transition(obj=faq, to_state=FAQ_STATES[state])


def _create_document(kb, spec) -> None:
    (
        key,
        title,
        description,
        body,
        kind,
        categories,
        state,
        audience,
        link,
        municipality,
        source,
    ) = spec
    if key in kb:
        return
    doc = api.content.create(
        container=kb,
        type="ExperienceDocument",
        id=key,
        title=title,
        description=description,
        text=_html(body),
        document_kind=kind,
        categories=list(categories),
        audience=audience,
        external_link=link,
        municipality=municipality or None,
        source=source or None,
    )
    if state != "private":
        api.content.transition(obj=doc, to_state=state)


def create_demo_knowledge() -> None:
    """Create /knowledge-base with FAQ entries and documents (idempotent)."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        kb = _knowledge_base(portal)
        for spec in FAQ:
            _create_faq(kb, spec)
        for spec in DOCUMENTS:
            _create_document(kb, spec)
    logger.info("Demo knowledge base: %d items.", len(kb.objectIds()))
