"""OpenAPI paths of the list work: caller lookup and bulk actions."""

from collective.servicedesk.rest.openapi import DESK_PATH
from collective.servicedesk.rest.openapi import STAFF
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body

TEXT = {"type": "string"}
ITEM = {
    "type": "object",
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "reference": TEXT,
        "title": TEXT,
        "state": TEXT,
        "state_title": TEXT,
        "created": {"type": "string", "format": "date-time"},
        "created_local": TEXT,
    },
}
DONE = {
    "type": "object",
    "properties": {"uid": TEXT, "reference": TEXT},
}
REFUSED = {
    "type": "object",
    "properties": {"uid": TEXT, "reference": TEXT, "message": TEXT},
}
FILTERS = {
    "type": "object",
    "properties": {
        name: {"type": "string", "maxLength": 200}
        for name in (
            "state",
            "channel",
            "category",
            "unit",
            "handler",
            "text",
            "overdue",
            "tally",
        )
    },
}
SAVED_VIEWS = {
    "type": "object",
    "properties": {
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": TEXT,
                    "filters": FILTERS,
                    "url": {"type": "string", "format": "uri"},
                },
            },
        }
    },
}


def answer(description: str, schema: dict) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


PATHS = {
    DESK_PATH + "/@servicedesk-caller": {
        "post": {
            "operationId": "callerInquiries",
            "tags": ["staff"],
            "summary": "A caller's latest inquiries (found by keyed hashes of the "
            "phone number or e-mail address; only those the user may view).",
            "description": "POST although nothing is written: contact data stays "
            "out of URLs and access logs.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "properties": {
                        "phone": {"type": "string", "maxLength": 254},
                        "email": {"type": "string", "maxLength": 254},
                    },
                }
            ),
            "responses": {
                "200": answer(
                    "Up to five inquiries, newest first, and how many there are.",
                    {
                        "type": "object",
                        "properties": {
                            "items": {"type": "array", "items": ITEM},
                            "total": {"type": "integer"},
                        },
                    },
                ),
                **errors(400, 401),
            },
        }
    },
    DESK_PATH + "/@servicedesk-bulk": {
        "post": {
            "operationId": "bulkAction",
            "tags": ["staff"],
            "summary": "One action on many inquiries: take, forward to a unit with "
            "a reason, close, or add a tag. Each inquiry's permissions decide.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["action", "uids"],
                    "properties": {
                        "action": {
                            "type": "string",
                            "enum": ["take", "forward", "close", "tag"],
                        },
                        "uids": {
                            "type": "array",
                            "items": TEXT,
                            "minItems": 1,
                            "maxItems": 200,
                        },
                        "unit": TEXT,
                        "reason": {"type": "string", "maxLength": 2000},
                        "tag": {"type": "string", "maxLength": 100},
                    },
                }
            ),
            "responses": {
                "200": answer(
                    "What was done, and why the rest was refused.",
                    {
                        "type": "object",
                        "properties": {
                            "done": {"type": "array", "items": DONE},
                            "refused": {"type": "array", "items": REFUSED},
                        },
                    },
                ),
                **errors(400, 401),
            },
        }
    },
    DESK_PATH + "/@servicedesk-saved-views": {
        "get": {
            "operationId": "savedViews",
            "tags": ["staff"],
            "summary": "The current user's saved views of the inquiry listing.",
            "security": STAFF,
            "responses": {
                "200": answer("The saved views.", SAVED_VIEWS),
                **errors(401),
            },
        },
        "post": {
            "operationId": "saveView",
            "tags": ["staff"],
            "summary": "Save (or replace) a named view, or delete one with "
            '{"delete": name}.',
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string", "maxLength": 80},
                        "filters": FILTERS,
                        "delete": TEXT,
                    },
                }
            ),
            "responses": {
                "200": answer("The saved views after the change.", SAVED_VIEWS),
                **errors(400, 401),
            },
        },
    },
}
