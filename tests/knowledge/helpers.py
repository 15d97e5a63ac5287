"""Helpers of the knowledge and search tests."""

from plone import api
from plone.app.textfield.value import RichTextValue

STAFF_ROLES = (
    "Service Desk Agent",
    "Case Handler",
    "Knowledge Editor",
    "Service Desk Lead",
)
PASSWORD = "secret-password-1"


def html(text: str) -> RichTextValue:
    """A rich-text value from HTML."""
    return RichTextValue(text, "text/html", "text/x-html-safe")


def make_kb(portal, id: str = "knowledge-base"):
    """The knowledge base, created as Manager if missing."""
    if id in portal:
        return portal[id]
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal, type="KnowledgeBase", id=id, title="Knowledge base"
        )


def make_faq(
    container,
    title: str,
    answer: str = "<p>Svar.</p>",
    state: str | None = None,
    **values,
):
    """An FAQ entry created as Manager, optionally moved to a state."""
    with api.env.adopt_roles(["Manager"]):
        faq = api.content.create(
            container=container,
            type="FAQEntry",
            title=title,
            answer=html(answer),
            **values,
        )
        if state:
            api.content.transition(obj=faq, to_state=state)
    return faq


def make_document(container, title: str, state: str | None = None, **values):
    """An experience document created as Manager, optionally moved to a state."""
    with api.env.adopt_roles(["Manager"]):
        doc = api.content.create(
            container=container, type="ExperienceDocument", title=title, **values
        )
        if state:
            api.content.transition(obj=doc, to_state=state)
    return doc


def make_user(user_id: str, roles=(), fullname: str = "") -> str:
    """A user with global roles; returns the id."""
    if api.user.get(username=user_id) is None:
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password=PASSWORD,
            properties={"fullname": fullname or user_id},
        )
    if roles:
        api.user.grant_roles(username=user_id, roles=list(roles))
    return user_id


def make_desk(portal):
    """The service desk (created as Manager if missing)."""
    if "service-desk" in portal:
        return portal["service-desk"]
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal,
            type="ServiceDesk",
            id="service-desk",
            title="Service desk",
        )


def make_inquiry(portal, state: str | None = "answered", **values):
    """An inquiry created as Manager; "answered" by default (needs an answer)."""
    desk = make_desk(portal)
    values.setdefault("title", "Spørsmål om byggesøknad")
    values.setdefault("channel", "phone")
    if state in ("answered", "closed"):
        values.setdefault("answer", "Søknaden sendes elektronisk.")
    with api.env.adopt_roles(["Manager"]):
        inquiry = api.content.create(container=desk, type="Inquiry", **values)
        if state == "answered":
            api.content.transition(obj=inquiry, transition="answer")
        elif state == "closed":
            api.content.transition(obj=inquiry, transition="answer")
            api.content.transition(obj=inquiry, transition="close")
    return inquiry
