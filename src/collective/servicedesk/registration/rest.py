"""REST deserialisation of an inquiry's due date: no new date in the past."""

from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.deadlines.calendar import to_local
from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.registration.validators import check_due_date
from plone.restapi.deserializer.dxfields import DatetimeFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IDatetime
import dateutil.parser


@implementer(IFieldDeserializer)
@adapter(IDatetime, IInquiry, IServiceDeskLayer)
class InquiryDatetimeDeserializer(DatetimeFieldDeserializer):
    """The due date is stored timezone-aware; a changed one must not be in the past."""

    def __call__(self, value):
        if self.field.__name__ != "due_date" or value is None:
            return super().__call__(value)
        try:
            parsed = dateutil.parser.parse(value)
        except (ValueError, TypeError, OverflowError):
            raise ValueError(f"Invalid date: {value}") from None
        # Naive values are Oslo wall-clock time, as everywhere in the deadlines.
        parsed = to_local(parsed)
        current = self.field.bind(self.context).query(self.context)
        check_due_date(parsed, previous=current)
        self.field.validate(parsed)
        return parsed
