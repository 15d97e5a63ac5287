"""GET @servicedesk-openapi: the OpenAPI 3 document of our custom services."""

from collective.servicedesk.intake.desk import find_service_desk
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.services.openapi.spec import build
from plone import api


class OpenAPIDocument(ServiceDeskService):
    """Readable by anyone: it describes the API, not the data."""

    def handle(self) -> dict:
        portal = api.portal.get()
        desk = find_service_desk()
        desk_path = ""
        if desk is not None:
            portal_path = len(portal.getPhysicalPath())
            desk_path = "/" + "/".join(desk.getPhysicalPath()[portal_path:])
        return build(portal.absolute_url(), desk_path)
