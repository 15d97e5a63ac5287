"""Default views of FAQ entries and experience documents."""

from collective.servicedesk.knowledge.text import category_title
from collective.servicedesk.knowledge.usage import faq_use_count
from collective.servicedesk.knowledge.vocabularies import AUDIENCES
from collective.servicedesk.knowledge.vocabularies import DOCUMENT_KINDS
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


class _KnowledgeView(BrowserView):
    def categories(self) -> list[str]:
        return [
            category_title(c) for c in getattr(self.context, "categories", None) or ()
        ]

    def audience(self):
        return dict(AUDIENCES).get(getattr(self.context, "audience", None))

    def related_inquiries(self) -> list[dict]:
        """Related inquiries the current user may see (catalog-filtered)."""
        uids = list(getattr(self.context, "related_inquiries", None) or ())
        source = getattr(self.context, "source_inquiry", None)
        if source and source not in uids:
            uids.append(source)
        if not uids:
            return []
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "reference": b.reference_number
                if isinstance(getattr(b, "reference_number", None), str)
                else "",
                "source": b.UID == source,
            }
            for b in api.content.find(UID=uids)
        ]

    def review_state_title(self) -> str:
        workflow = api.portal.get_tool("portal_workflow")
        title = workflow.getTitleForStateOnType(
            api.content.get_state(self.context), self.context.portal_type
        )
        # Workflow titles are translated in Plone's domain (our plone.po).
        return translate(title, domain="plone", context=self.request)


class FAQEntryView(_KnowledgeView):
    """Question, answer and facts about an FAQ entry."""

    def use_count(self) -> int:
        return faq_use_count(self.context)

    def owner_name(self) -> str:
        owner = getattr(self.context, "faq_owner", None)
        user = api.user.get(userid=owner) if owner else None
        return (user.getProperty("fullname") or owner) if user else (owner or "")


class ExperienceView(_KnowledgeView):
    """Body text, attached file and metadata of an experience document."""

    def kind(self):
        return dict(DOCUMENT_KINDS).get(getattr(self.context, "document_kind", None))

    def attachment_url(self) -> str | None:
        file = getattr(self.context, "attachment", None)
        if not file:
            return None
        return f"{self.context.absolute_url()}/@@download/attachment/{file.filename}"
