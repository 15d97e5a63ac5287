"""Fixed choices of the knowledge types that search shows as facet titles too."""

from collective.servicedesk import _

AUDIENCES = (
    ("internal", _("audience_internal", default="Internal (staff)")),
    ("public", _("audience_public", default="Public")),
)
