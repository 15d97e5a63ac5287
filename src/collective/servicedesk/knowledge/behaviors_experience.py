"""The experience-document behaviour: kind, file, link, municipality, validity."""

from collective.servicedesk import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


class InvalidValidity(Invalid):
    __doc__ = _(
        "error_valid_to_before_valid_from",
        default="'Valid to' must not be before 'valid from'.",
    )


@provider(IFormFieldProvider)
class IExperience(model.Schema):
    """Fields of an experience document beyond Dublin Core and the body text."""

    document_kind = schema.Choice(
        title=_("label_document_kind", default="Kind of document"),
        vocabulary="collective.servicedesk.DocumentKinds",
        default="user_guide",
        required=True,
    )

    attachment = NamedBlobFile(
        title=_("label_attachment", default="File"),
        description=_(
            "help_attachment",
            default="PDF or Word files are searchable in free text.",
        ),
        required=False,
    )

    external_link = schema.URI(
        title=_("label_external_link", default="Link"),
        description=_(
            "help_external_link",
            default="Law, regulation, service description or e-learning course.",
        ),
        required=False,
    )

    municipality = schema.TextLine(
        title=_("label_municipality", default="Municipality"),
        description=_(
            "help_municipality",
            default="Leave empty when it applies to every municipality.",
        ),
        required=False,
    )

    source = schema.TextLine(
        title=_("label_source", default="Source"),
        required=False,
    )

    valid_from = schema.Date(
        title=_("label_valid_from", default="Valid from"),
        required=False,
    )

    valid_to = schema.Date(
        title=_("label_valid_to", default="Valid to"),
        required=False,
    )

    @invariant
    def validity_in_order(data):
        """Valid-to is not before valid-from."""
        start = getattr(data, "valid_from", None)
        end = getattr(data, "valid_to", None)
        if start and end and end < start:
            raise InvalidValidity(
                _(
                    "error_valid_to_before_valid_from",
                    default="'Valid to' must not be before 'valid from'.",
                )
            )
