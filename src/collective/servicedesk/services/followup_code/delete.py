"""DELETE @followup-code on an inquiry: revoke the citizen's code."""

from collective.servicedesk import _
from collective.servicedesk.citizen import codes
from collective.servicedesk.history import record
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError


class RevokeFollowupCode(ServiceDeskService):
    """The code stops working at once."""

    writes = True

    def handle(self):
        if not codes.revoke(self.context):
            raise ServiceError(
                404, _("error_no_code", default="This inquiry has no follow-up code.")
            )
        record(self.context, "followup_code_revoked")
        return self.reply_no_content()
