"""Privacy: how long personal data is kept."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface


class IPrivacySettings(Interface):
    """Retention of personal data (fieldset "Privacy")."""

    retention_days = schema.Int(
        title=_("label_retention_days", default="Retention period"),
        description=_(
            "help_retention_days",
            default="Days after closing before personal data in an inquiry that is "
            "not archive-worthy is removed.",
        ),
        required=True,
        default=365,
        min=1,
        max=3650,
    )

    retention_enabled = schema.Bool(
        title=_("label_retention_enabled", default="Anonymise automatically"),
        description=_(
            "help_retention_enabled",
            default="Let the tick remove personal data after the retention period. "
            "Check the retention report (dry run) before turning this on.",
        ),
        required=False,
        default=False,
    )
