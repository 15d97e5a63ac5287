"""POST @servicedesk-bulk on a service desk: one action on many inquiries.

``{"action": "take"|"forward"|"close"|"tag", "uids": [...], "unit": group id,
"reason": text, "tag": text}``; each inquiry's own permissions are checked.
"""

from collective.servicedesk.queues.bulk import BulkError
from collective.servicedesk.queues.bulk import check
from collective.servicedesk.queues.bulk import run
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.services.fields import raise_errors


class Bulk(ServiceDeskService):
    """Done references and, per refused inquiry, the reason in the user's language."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        try:
            data = check(body)
        except BulkError as error:
            raise_errors(list(error.errors.items()), self.translate)
        result = run(self.context, data)
        return {
            "done": result["done"],
            "refused": [
                {**item, "message": self.translate(item["message"])}
                for item in result["refused"]
            ],
        }
