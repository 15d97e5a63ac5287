"""POST @servicedesk-macros on the site: add a macro ``{"title", "text"}`` (201)."""

from collective.servicedesk.macros.storage import MacroError
from collective.servicedesk.macros.storage import save_macro
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from collective.servicedesk.services.macros.get import as_json


def saved(body: dict, macro_id: str | None = None) -> dict:
    """Save the macro of ``body`` or answer the reason as a 400/404."""
    try:
        macro = save_macro(body.get("title", ""), body.get("text", ""), macro_id)
    except MacroError as error:
        status = 404 if error.field == "id" else 400
        raise ServiceError(status, error.message, error.field or None) from error
    return as_json(macro)


class Add(ServiceDeskService):
    """Add a macro (Manage reply macros)."""

    writes = True

    def handle(self) -> dict:
        answer = saved(self.json_body())
        self.request.response.setStatus(201)
        return answer
