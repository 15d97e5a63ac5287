"""Where the staff panels can appear (their settings: ``..settings.workspace``)."""

from collective.servicedesk import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

PANELS = ("quickbar", "queue", "presence", "messages")
# location id -> viewlet manager name
LOCATIONS = {
    "top": "plone.portalheader",
    "abovecontent": "plone.abovecontent",
    "belowcontent": "plone.belowcontent",
    "footer": "plone.portalfooter",
}


@provider(IVocabularyFactory)
def locations_vocabulary(context=None) -> SimpleVocabulary:
    """Where on the page a panel can appear."""
    titles = {
        "top": _("location_top", default="Top bar (in the site header)"),
        "abovecontent": _("location_abovecontent", default="Above the content"),
        "belowcontent": _("location_belowcontent", default="Below the content"),
        "footer": _("location_footer", default="Page footer"),
    }
    return SimpleVocabulary(
        [SimpleTerm(value=key, token=key, title=titles[key]) for key in LOCATIONS]
    )
