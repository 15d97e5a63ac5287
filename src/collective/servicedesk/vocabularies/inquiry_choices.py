"""Fixed choices of inquiry fields: channels, reply channels, object types."""

from collective.servicedesk import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

CHANNELS = (
    ("phone", _("channel_phone", default="Phone")),
    ("visit", _("channel_visit", default="Visit")),
    ("email", _("channel_email", default="E-mail")),
    ("letter", _("channel_letter", default="Letter")),
    ("sms", _("channel_sms", default="SMS")),
    ("web", _("channel_web", default="Web form")),
    ("chat", _("channel_chat", default="Chat")),
    ("social", _("channel_social", default="Social media")),
)

REPLY_CHANNELS = (
    ("email", _("channel_email", default="E-mail")),
    ("letter", _("channel_letter", default="Letter")),
    ("sms", _("channel_sms", default="SMS")),
    ("phone", _("channel_phone", default="Phone")),
    ("none", _("reply_channel_none", default="No reply wanted")),
)

OBJECT_TYPES = (
    ("property", _("object_type_property", default="Property (gnr/bnr)")),
    ("address", _("object_type_address", default="Address")),
    ("organisation", _("object_type_organisation", default="Organisation number")),
    ("other", _("object_type_other", default="Other")),
)


def _vocabulary(items: tuple) -> SimpleVocabulary:
    return SimpleVocabulary(
        [SimpleTerm(value=value, token=value, title=title) for value, title in items]
    )


@provider(IVocabularyFactory)
def channels(context=None) -> SimpleVocabulary:
    """Return the channels an inquiry can come in by."""
    return _vocabulary(CHANNELS)


@provider(IVocabularyFactory)
def reply_channels(context=None) -> SimpleVocabulary:
    """Return the channels a requester can be answered by."""
    return _vocabulary(REPLY_CHANNELS)


@provider(IVocabularyFactory)
def object_types(context=None) -> SimpleVocabulary:
    """Return the kinds of object an inquiry can concern."""
    return _vocabulary(OBJECT_TYPES)
