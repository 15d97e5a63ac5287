"""Named behaviours of the knowledge types (classification, FAQ fields, links)."""

from collective.servicedesk import _
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.app.z3cform.widgets.select import SelectFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IKnowledgeClassification(model.Schema):
    """Categories from the service catalogue and the audience."""

    categories = schema.List(
        title=_("label_knowledge_categories", default="Categories"),
        description=_(
            "help_knowledge_categories",
            default="Categories of the service catalogue this entry answers.",
        ),
        value_type=schema.Choice(vocabulary="collective.servicedesk.Categories"),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("categories", SelectFieldWidget)

    audience = schema.Choice(
        title=_("label_audience", default="Audience"),
        vocabulary="collective.servicedesk.KnowledgeAudiences",
        default="internal",
        required=True,
    )


@provider(IFormFieldProvider)
class IFAQ(model.Schema):
    """Question, answer, owner and review date of an FAQ entry."""

    title = schema.TextLine(
        title=_("label_question", default="Question"),
        required=True,
    )

    answer = RichText(
        title=_("label_answer", default="Answer"),
        required=True,
    )

    alternative_phrasings = schema.List(
        title=_("label_alternative_phrasings", default="Alternative phrasings"),
        description=_(
            "help_alternative_phrasings",
            default="Other ways people ask this question, one per line. FAQ "
            "suggestions weigh them like keywords; phrasings learned from agents' "
            "choices are added here.",
        ),
        value_type=schema.TextLine(max_length=300),
        required=False,
        default=[],
        missing_value=[],
        max_length=200,
    )

    faq_owner = schema.Choice(
        title=_("label_faq_owner", default="Owner"),
        description=_(
            "help_faq_owner",
            default="Who keeps this answer up to date; notified when it is due "
            "for review.",
        ),
        vocabulary="plone.app.vocabularies.Users",
        required=False,
    )
    directives.widget(
        "faq_owner", AjaxSelectFieldWidget, vocabulary="plone.app.vocabularies.Users"
    )

    review_by = schema.Date(
        title=_("label_review_by", default="Review by"),
        description=_(
            "help_review_by",
            default="After this date the entry moves to 'needs review'. "
            "Empty: one year after publishing.",
        ),
        required=False,
    )


@provider(IFormFieldProvider)
class IKnowledgeLinks(model.Schema):
    """Links to inquiries: related ones and the one an entry was promoted from."""

    related_inquiries = schema.List(
        title=_("label_related_inquiries", default="Related inquiries"),
        description=_(
            "help_related_inquiries",
            default="Inquiries (their unique ids) this entry answers.",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )

    source_inquiry = schema.TextLine(
        title=_("label_source_inquiry", default="Promoted from inquiry"),
        required=False,
    )
    directives.mode(source_inquiry="display")
