"""POST @servicedesk-tally on a service desk: count one inquiry (sample weeks)."""

from collective.servicedesk import _
from collective.servicedesk.categories import get_category
from collective.servicedesk.categories.language import pick_title
from collective.servicedesk.registration.service import register_tally
from collective.servicedesk.registration.turns import run_in_turn
from collective.servicedesk.registration.validators import is_known_category
from collective.servicedesk.registration.validators import unknown_category_message
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.services.fields import raise_errors
from collective.servicedesk.services.register.post import inquiry_summary
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

UNKNOWN_CHANNEL = _("error_unknown_channel", default="Choose a channel from the list.")


class Tally(ServiceDeskService):
    """``{"category": id, "channel": id}``: a closed, anonymous tally inquiry."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        category, channel = body.get("category"), body.get("channel")
        errors = []
        if not isinstance(category, str) or not is_known_category(
            category, self.context
        ):
            errors.append(("category", unknown_category_message(str(category or ""))))
        channels = getUtility(IVocabularyFactory, "collective.servicedesk.Channels")
        if not isinstance(channel, str) or channel not in channels(self.context):
            errors.append(("channel", UNKNOWN_CHANNEL))
        raise_errors(errors, self.translate)
        record = get_category(category) or {}
        inquiry = run_in_turn(
            self.context,
            lambda: register_tally(
                self.context, category, channel, pick_title(record.get("title") or {})
            ),
        )
        self.request.response.setStatus(201)
        return inquiry_summary(inquiry)
