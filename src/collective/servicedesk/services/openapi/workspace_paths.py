"""OpenAPI paths of the inquiry workspace: timeline, answer, quick actions, people."""

from collective.servicedesk.rest.openapi import INQUIRY
from collective.servicedesk.rest.openapi import INQUIRY_PATH
from collective.servicedesk.rest.openapi import STAFF
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body
from collective.servicedesk.rest.openapi import ref

TEXT = {"type": "string"}
NAMED = {
    "type": "object",
    "properties": {"id": TEXT, "name": TEXT, "status": TEXT, "status_label": TEXT},
}


def _ok(description: str, schema: dict) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


ENTRY = {
    "type": "object",
    "properties": {
        **dict.fromkeys(
            (
                "id",
                "kind",
                "action",
                "audience",
                "who",
                "who_name",
                "title",
                "text",
                "subject",
                "channel",
                "status",
                "status_label",
                "icon",
            ),
            TEXT,
        ),
        "when": {"type": "string", "format": "date-time", "description": "UTC"},
        "when_local": {
            "type": "string",
            "format": "date-time",
            "description": "In the site's time zone, with its offset.",
        },
        "changes": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"label": TEXT, "before": TEXT, "after": TEXT},
            },
        },
    },
}

PATHS = {
    INQUIRY_PATH + "/@servicedesk-timeline": {
        "parameters": [INQUIRY],
        "get": {
            "operationId": "timeline",
            "tags": ["staff"],
            "summary": "Everything that happened to the inquiry, oldest first.",
            "security": STAFF,
            "parameters": [
                {
                    "name": "audience",
                    "in": "query",
                    "required": False,
                    "schema": {
                        "type": "string",
                        "enum": ["all", "citizen", "internal"],
                    },
                }
            ],
            "responses": {
                "200": _ok(
                    "The entries (internal notes only for those who may see them).",
                    {
                        "type": "object",
                        "properties": {
                            "@id": TEXT,
                            "audience": TEXT,
                            "items": {"type": "array", "items": ENTRY},
                        },
                    },
                ),
                **errors(401, 404),
            },
        },
    },
    INQUIRY_PATH + "/@servicedesk-answer": {
        "parameters": [INQUIRY],
        "post": {
            "operationId": "answer",
            "tags": ["staff"],
            "summary": "Reply to the citizen and answer the inquiry (or close it).",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["channel", "text"],
                    "properties": {
                        "channel": {
                            "type": "string",
                            "enum": ["email", "sms", "letter"],
                        },
                        "text": TEXT,
                        "subject": TEXT,
                        "recipient": TEXT,
                        "recipient_name": TEXT,
                        "recipient_address": TEXT,
                        "template_id": TEXT,
                        "keep_open": {"type": "boolean"},
                        "close": {"type": "boolean"},
                    },
                }
            ),
            "responses": {
                "201": _ok(
                    "The reply and the state afterwards.",
                    {
                        "type": "object",
                        "properties": {
                            "reply": ref("Reply"),
                            "answered": {"type": "boolean"},
                            "closed": {"type": "boolean"},
                            "review_state": TEXT,
                        },
                    },
                ),
                **errors(400, 401, 403, 404, 413),
            },
        },
    },
    INQUIRY_PATH + "/@servicedesk-action": {
        "parameters": [INQUIRY],
        "post": {
            "operationId": "quickAction",
            "tags": ["staff"],
            "summary": "Take, forward (with a reason), wait for the citizen, resume, "
            "remind the handler or close.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["action"],
                    "properties": {
                        "action": {
                            "type": "string",
                            "enum": [
                                "take",
                                "forward",
                                "wait",
                                "resume",
                                "remind",
                                "close",
                            ],
                        },
                        "handler": TEXT,
                        "unit": TEXT,
                        "reason": {"type": "string", "maxLength": 2000},
                    },
                }
            ),
            "responses": {
                "200": _ok(
                    "What changed, and the inquiry's state and assignment.",
                    {
                        "type": "object",
                        "properties": {
                            "action": TEXT,
                            "review_state": TEXT,
                            "responsible_handler": {"type": ["string", "null"]},
                            "responsible_unit": {"type": ["string", "null"]},
                            "due_date": {"type": ["string", "null"]},
                        },
                    },
                ),
                **errors(400, 401, 403, 404, 409, 413),
            },
        },
    },
    "/@servicedesk-people": {
        "get": {
            "operationId": "people",
            "tags": ["staff"],
            "summary": "Find people (availability, absent last) and units by name.",
            "security": STAFF,
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "string", "maxLength": 100},
                    "description": "At least 2 characters of a name.",
                }
            ],
            "responses": {
                "200": _ok(
                    "At most 20 people and 20 units.",
                    {
                        "type": "object",
                        "properties": {
                            "people": {"type": "array", "items": NAMED},
                            "units": {"type": "array", "items": NAMED},
                        },
                    },
                ),
                **errors(401),
            },
        }
    },
}
