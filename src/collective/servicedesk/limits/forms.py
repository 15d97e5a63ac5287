"""A z3c.form validator that refuses over-long text and broken Unicode.

The forms that use it register it for themselves (the quick registration form
in ``registration/configure.zcml``), so the limits know no form.
"""

from collective.servicedesk.limits import text_error
from z3c.form.interfaces import IValidator
from z3c.form.validator import SimpleFieldValidator
from zope.interface import Invalid
from zope.interface import implementer


@implementer(IValidator)
class LimitValidator(SimpleFieldValidator):
    """The field's own validation, after the limits of ``limits.FIELD_LIMITS``."""

    def validate(self, value, force=False):
        if isinstance(value, str):
            message = text_error(self.field.__name__, value)
            if message is not None:
                raise Invalid(message)
        return super().validate(value, force)
