"""The OpenAPI 3 document of our custom services.

The standard content endpoints are documented by plone.restapi itself.
"""

from collective.servicedesk.chat.services import openapi_paths as chat_paths
from collective.servicedesk.records.services import openapi_paths as records_paths
from collective.servicedesk.rest.openapi import DESK_PATH
from collective.servicedesk.rest.openapi import SCHEMAS
from collective.servicedesk.services.openapi import citizen_paths
from collective.servicedesk.services.openapi import lists_paths
from collective.servicedesk.services.openapi import macros_paths
from collective.servicedesk.services.openapi import staff_paths
from collective.servicedesk.services.openapi import workflow_paths
from collective.servicedesk.services.openapi import workspace_paths
from collective.servicedesk.services.openapi.completion import complete
from copy import deepcopy

VERSION = "1.0.0"
PATHS = {
    **citizen_paths.PATHS,
    **lists_paths.PATHS,
    **macros_paths.PATHS,
    **staff_paths.PATHS,
    **workflow_paths.PATHS,
    **workspace_paths.PATHS,
    **records_paths.PATHS,
    **chat_paths.PATHS,
}


def build(portal_url: str = "http://localhost:8080/Plone", desk_path: str = "") -> dict:
    """Return the OpenAPI document for a site at ``portal_url``.

    Paths below the service desk use its real path (``desk_path``).
    """
    paths = {}
    for path, item in deepcopy(PATHS).items():
        if desk_path and path.startswith(DESK_PATH + "/"):
            path = desk_path + path[len(DESK_PATH) :]
        paths[path] = item
    complete(paths)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "collective.servicedesk REST API",
            "version": VERSION,
            "description": "The custom services of the service desk. Errors are "
            "JSON objects {error: {type, message, field}} with the right status "
            "code; the standard content endpoints are those of plone.restapi.",
        },
        # ++api++ makes every path answer JSON without an Accept header.
        "servers": [{"url": portal_url + "/++api++"}],
        "paths": paths,
        "components": {
            "schemas": deepcopy(SCHEMAS),
            "securitySchemes": {
                "basicAuth": {"type": "http", "scheme": "basic"},
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                },
                "smsSecret": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-Servicedesk-Secret",
                },
            },
        },
    }
