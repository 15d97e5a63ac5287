"""The read-only reference number of an inquiry."""

from collective.servicedesk import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IReferenceNumber(model.Schema):
    """Human-readable number such as 2026-000123, set on creation."""

    reference_number = schema.TextLine(
        title=_("field_reference_number", default="Reference number"),
        required=False,
        readonly=True,
    )
