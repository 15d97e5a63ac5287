"""The desk's main schema (prefix ``collective.servicedesk``) and its fieldsets."""

from collective.servicedesk import _
from collective.servicedesk.settings.citizen import ICitizenSettings
from collective.servicedesk.settings.deadlines import IDeadlineSettings
from collective.servicedesk.settings.intake import IIntakeSettings
from collective.servicedesk.settings.mail import IMailSettings
from collective.servicedesk.settings.privacy import IPrivacySettings
from plone.supermodel import model
from zope.schema import getFieldNamesInOrder

# Fieldset id -> (label, schema). "Mail & letters" is the form's first tab
# (fields outside any fieldset); the Workspace tab comes from its own schema.
FIELDSETS = {
    "deadlines": (_("fieldset_deadlines", default="Deadlines"), IDeadlineSettings),
    "citizen": (_("fieldset_citizen", default="Citizen channels"), ICitizenSettings),
    "privacy": (_("fieldset_privacy", default="Privacy"), IPrivacySettings),
    "intake": (_("fieldset_intake", default="Intake"), IIntakeSettings),
}
MAIL_FIELDSET_LABEL = _("fieldset_mail", default="Mail & letters")
WORKSPACE_FIELDSET_LABEL = _("fieldset_workspace", default="Workspace")


class IServiceDeskSettings(
    model.Schema,
    IMailSettings,
    IDeadlineSettings,
    ICitizenSettings,
    IPrivacySettings,
    IIntakeSettings,
):
    """Site-wide settings of the service desk, one fieldset per concern."""

    for _id, (_label, _schema) in FIELDSETS.items():
        model.fieldset(_id, label=_label, fields=getFieldNamesInOrder(_schema))
    del _id, _label, _schema
