"""The quick registration form refuses over-long text and broken Unicode."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.limits import text_error
from collective.servicedesk.registration.form import RegisterForm
from z3c.form.interfaces import IValidator
from z3c.form.validator import SimpleFieldValidator
from zope.component import adapter
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema.interfaces import IText


@implementer(IValidator)
@adapter(Interface, IServiceDeskLayer, RegisterForm, IText, Interface)
class LimitValidator(SimpleFieldValidator):
    """The field's own validation, after the limits of ``limits.FIELD_LIMITS``."""

    def validate(self, value, force=False):
        if isinstance(value, str):
            message = text_error(self.field.__name__, value)
            if message is not None:
                raise Invalid(message)
        return super().validate(value, force)
