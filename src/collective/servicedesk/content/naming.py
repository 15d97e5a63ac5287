"""Inquiries are named after their reference number, never after their summary."""

from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.content.reference import ensure_reference_number
from collective.servicedesk.content.service_desk import IServiceDesk
from plone.app.content.namechooser import NormalizingNameChooser
from zope.component import adapter
from zope.container.interfaces import INameChooser
from zope.interface import implementer


@implementer(INameChooser)
@adapter(IServiceDesk)
class ServiceDeskNameChooser(NormalizingNameChooser):
    """Use the reference number as id: summaries may contain personal data."""

    def chooseName(self, name, obj) -> str:
        if IInquiry.providedBy(obj):
            name = ensure_reference_number(obj)
        return super().chooseName(name, obj)
