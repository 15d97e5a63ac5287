"""OpenAPI paths of the reply macros: search (staff), add, change, delete (leads)."""

from collective.servicedesk.rest.openapi import DESK_PATH
from collective.servicedesk.rest.openapi import INQUIRY
from collective.servicedesk.rest.openapi import INQUIRY_PATH
from collective.servicedesk.rest.openapi import STAFF
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body

TEXT = {"type": "string"}
MACRO = {
    "type": "object",
    "properties": {
        "id": TEXT,
        "title": TEXT,
        "text": TEXT,
        "modified": {"type": "string", "format": "date-time"},
    },
}
FILLED = {
    "type": "object",
    "properties": {
        **MACRO["properties"],
        "filled": TEXT,
        "unfilled": {"type": "array", "items": TEXT},
    },
}
QUERY = {
    "name": "q",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "maxLength": 100},
    "description": "Words that must all occur in the title or text.",
}
MACRO_ID = {
    "name": "macro",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "maxLength": 100},
    "description": "Id of the macro.",
}
BODY = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "maxLength": 120},
        "text": {"type": "string", "maxLength": 5000},
    },
}


def _ok(description: str, schema: dict) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


def _items(schema: dict) -> dict:
    return {
        "type": "object",
        "properties": {"items": {"type": "array", "items": schema}},
    }


def _search(operation: str, summary: str, schema: dict, parameters: list) -> dict:
    return {
        "get": {
            "operationId": operation,
            "tags": ["staff"],
            "summary": summary,
            "security": STAFF,
            "parameters": [*parameters, QUERY],
            "responses": {
                "200": _ok("At most 20 macros, by title.", _items(schema)),
                **errors(400, 401, 403),
            },
        }
    }


PATHS = {
    DESK_PATH + "/@servicedesk-macros": _search(
        "macros_desk", "Search the reply macros (Use workspace).", MACRO, []
    ),
    INQUIRY_PATH + "/@servicedesk-macros": _search(
        "macros_inquiry",
        "Search the reply macros, filled for this inquiry.",
        FILLED,
        [INQUIRY],
    ),
    "/@servicedesk-macros": {
        **_search("macros_site", "Search the reply macros (managers).", MACRO, []),
        "post": {
            "operationId": "macros_add",
            "tags": ["staff"],
            "summary": "Add a reply macro (Manage reply macros).",
            "security": STAFF,
            "requestBody": json_body({**BODY, "required": ["title", "text"]}),
            "responses": {
                "201": _ok("The new macro.", MACRO),
                **errors(400, 401, 403, 413, 415),
            },
        },
    },
    "/@servicedesk-macros/{macro}": {
        "patch": {
            "operationId": "macros_edit",
            "tags": ["staff"],
            "summary": "Change a reply macro's title and/or text.",
            "security": STAFF,
            "parameters": [MACRO_ID],
            "requestBody": json_body(BODY),
            "responses": {
                "200": _ok("The changed macro.", MACRO),
                **errors(400, 401, 403, 404, 413, 415),
            },
        },
        "delete": {
            "operationId": "macros_delete",
            "tags": ["staff"],
            "summary": "Delete a reply macro.",
            "security": STAFF,
            "parameters": [MACRO_ID],
            "responses": {
                "204": {"description": "Deleted."},
                **errors(401, 403, 404),
            },
        },
    },
}
