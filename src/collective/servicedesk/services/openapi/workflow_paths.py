"""OpenAPI paths of the staff services wrapping the other features."""

from collective.servicedesk.rest.openapi import DESK_PATH
from collective.servicedesk.rest.openapi import INQUIRY
from collective.servicedesk.rest.openapi import INQUIRY_PATH
from collective.servicedesk.rest.openapi import STAFF
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body
from collective.servicedesk.rest.openapi import json_response


def query(name: str, schema: dict, description: str = "") -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


TEXT = {"type": "string"}
INQUIRY_FIELDS = {
    "title": TEXT,
    "description": TEXT,
    "channel": TEXT,
    "category": TEXT,
    "tags": {"type": "array", "items": TEXT},
    "service_level": TEXT,
    "anonymous": {"type": "boolean"},
    "requester_name": TEXT,
    "requester_phone": TEXT,
    "requester_email": TEXT,
    "requester_organisation": TEXT,
    "reply_channel": TEXT,
    "due_date": {"type": "string", "format": "date-time"},
    "object_type": TEXT,
    "object_value": TEXT,
    "case_number": TEXT,
    "registry_entry_id": TEXT,
    "archive_worthy": {"type": "boolean"},
    "confidential": {"type": "boolean"},
    "responsible_unit": TEXT,
    "responsible_handler": TEXT,
    "override_reason": TEXT,
    "answer": TEXT,
    "close": {"type": "boolean", "description": "Register and close at once."},
}

PATHS = {
    DESK_PATH + "/@servicedesk-register": {
        "post": {
            "operationId": "register",
            "tags": ["staff"],
            "summary": "Quick registration (routed, or closed at once).",
            "security": STAFF,
            "requestBody": json_body({"type": "object", "properties": INQUIRY_FIELDS}),
            "responses": {
                "201": json_response("The new inquiry.", "InquirySummary"),
                **errors(400, 401),
            },
        }
    },
    DESK_PATH + "/@servicedesk-tally": {
        "post": {
            "operationId": "tally",
            "tags": ["staff"],
            "summary": "Count one inquiry of a category and channel (tally mode).",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["category", "channel"],
                    "properties": {"category": TEXT, "channel": TEXT},
                }
            ),
            "responses": {
                "201": json_response("The tally inquiry.", "InquirySummary"),
                **errors(400, 401),
            },
        }
    },
    DESK_PATH + "/@servicedesk-routing": {
        "get": {
            "operationId": "routingSuggestion",
            "tags": ["staff"],
            "summary": "Who should get an inquiry of this category.",
            "security": STAFF,
            "parameters": [query("category", TEXT)],
            "responses": {
                "200": json_response("The suggestion.", "RoutingSuggestion"),
                **errors(400, 401),
            },
        }
    },
    DESK_PATH + "/@servicedesk-queue": {
        "get": {
            "operationId": "queue",
            "tags": ["staff"],
            "summary": "My queue, my follow-ups, my units' queue or the overdue list.",
            "security": STAFF,
            "parameters": [
                query(
                    "queue",
                    {
                        "type": "string",
                        "enum": ["mine", "follow-up", "unit", "overdue"],
                    },
                ),
                query("b_start", {"type": "integer", "minimum": 0}),
                query("b_size", {"type": "integer", "minimum": 1, "maximum": 100}),
            ],
            "responses": {
                "200": json_response("One page of the queue.", "Queue"),
                **errors(400, 401),
            },
        }
    },
    INQUIRY_PATH + "/@servicedesk-assign": {
        "parameters": [INQUIRY],
        "post": {
            "operationId": "assign",
            "tags": ["staff"],
            "summary": "Reassign to a handler and/or unit, with a reason.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "properties": {"handler": TEXT, "unit": TEXT, "reason": TEXT},
                }
            ),
            "responses": {
                "200": json_response("The inquiry.", "InquirySummary"),
                **errors(400, 401, 404, 409),
            },
        },
    },
    INQUIRY_PATH + "/@servicedesk-reply": {
        "parameters": [INQUIRY],
        "post": {
            "operationId": "reply",
            "tags": ["staff"],
            "summary": "Send a public reply to the citizen (e-mail, SMS or letter).",
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
                    },
                }
            ),
            "responses": {
                "201": json_response("The stored reply.", "Reply"),
                **errors(400, 401, 404),
            },
        },
    },
    INQUIRY_PATH + "/@servicedesk-promote": {
        "parameters": [INQUIRY],
        "post": {
            "operationId": "promote",
            "tags": ["staff"],
            "summary": "Promote a solved inquiry to a redacted FAQ/experience draft.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "properties": {
                        "kind": {"type": "string", "enum": ["faq", "experience"]}
                    },
                },
                required=False,
            ),
            "responses": {
                "201": json_response("The draft.", "KnowledgeDraft"),
                **errors(400, 401, 404, 409),
            },
        },
    },
    "/@servicedesk-statistics": {
        "get": {
            "operationId": "statistics",
            "tags": ["staff"],
            "summary": "Counts, series and answer metrics for leads.",
            "security": STAFF,
            "parameters": [
                query("start", {"type": "string", "format": "date"}),
                query("end", {"type": "string", "format": "date"}),
                query("period", {"type": "string", "enum": ["day", "week", "month"]}),
                query(
                    "tally", {"type": "string", "enum": ["include", "exclude", "only"]}
                ),
                query("category", TEXT),
                query("channel", TEXT),
                query("unit", TEXT),
                query("service_level", TEXT),
            ],
            "responses": {
                "200": {
                    "description": "The report.",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                **errors(400, 401),
            },
        }
    },
    "/@servicedesk-subject-export": {
        "post": {
            "operationId": "subjectExport",
            "tags": ["staff"],
            "summary": "Everything stored about one person (right of access); logged.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["reason"],
                    "properties": {
                        "email": TEXT,
                        "phone": TEXT,
                        "name": TEXT,
                        "reason": TEXT,
                    },
                }
            ),
            "responses": {
                "200": {
                    "description": "The person's inquiries.",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                **errors(400, 401),
            },
        }
    },
}
