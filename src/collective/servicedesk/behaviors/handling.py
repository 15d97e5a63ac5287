"""Who handles an inquiry, by when, and how it was resolved."""

from collective.servicedesk import _
from plone.app.event.base import default_timezone
from plone.app.z3cform.widgets.datetime import DatetimeFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.interfaces import IEditForm
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IResponsibility(model.Schema):
    """Responsible unit and handler, and the due date."""

    # Never typed as ids in the edit form: the inquiry page changes them by name
    # (Take it, Forward with a reason), with the reason in the timeline.
    directives.omitted(IEditForm, "responsible_unit", "responsible_handler")
    responsible_unit = schema.TextLine(
        title=_("field_responsible_unit", default="Responsible unit"),
        description=_("help_responsible_unit", default="Group id of the unit."),
        required=False,
    )

    responsible_handler = schema.TextLine(
        title=_("field_responsible_handler", default="Handler"),
        description=_("help_responsible_handler", default="User id of the handler."),
        required=False,
    )

    directives.widget(
        "due_date", DatetimeFieldWidget, default_timezone=default_timezone
    )
    due_date = schema.Datetime(
        title=_("field_due_date", default="Due date"),
        required=False,
    )


@provider(IFormFieldProvider)
class IResolution(model.Schema):
    """The answer given to the requester."""

    answer = schema.Text(
        title=_("field_answer", default="Answer"),
        description=_(
            "help_answer", default="The answer or resolution given to the requester."
        ),
        required=False,
    )

    solved_first_contact = schema.Bool(
        title=_("field_solved_first_contact", default="Solved on first contact"),
        required=False,
        default=False,
    )
