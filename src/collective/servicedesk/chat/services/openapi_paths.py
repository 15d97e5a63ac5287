"""OpenAPI paths of the chat services (merged into services/openapi)."""

from collective.servicedesk.rest.openapi import STAFF
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body

TEXT = {"type": "string"}
LINES = {
    "type": "array",
    "minItems": 1,
    "maxItems": 500,
    "items": {
        "type": "object",
        "required": ["from", "body"],
        "properties": {
            "from": {"type": "string", "maxLength": 200},
            "body": {"type": "string", "maxLength": 4000},
            "time": {"type": "string", "maxLength": 40},
        },
    },
}


def _ok(description: str, properties: dict, status: str = "200") -> dict:
    return {
        status: {
            "description": description,
            "content": {
                "application/json": {
                    "schema": {"type": "object", "properties": properties}
                }
            },
        }
    }


PATHS = {
    "/@chat-token": {
        "get": {
            "operationId": "chatToken",
            "tags": ["chat"],
            "summary": "A five-minute token that logs the current user in to Prosody.",
            "security": STAFF,
            "responses": {
                **_ok(
                    "XMPP address, signed token (also as password) and where to "
                    "connect; never cached.",
                    {
                        "jid": TEXT,
                        "token": TEXT,
                        "password": TEXT,
                        "expires": {"type": "integer"},
                        "websocket_url": TEXT,
                        "muc": TEXT,
                        "name": TEXT,
                    },
                ),
                **errors(401, 404),
            },
        }
    },
    "/@chat-knowledge": {
        "post": {
            "operationId": "chatKnowledge",
            "tags": ["chat"],
            "summary": "Save a chat transcript as a redacted experience document.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["title", "lines"],
                    "properties": {
                        "title": {"type": "string", "maxLength": 200},
                        "lines": LINES,
                        "inquiry": {"type": "string", "maxLength": 64},
                    },
                }
            ),
            "responses": {
                **_ok(
                    "The draft (kind chat_transcript), linked to the inquiry.",
                    {
                        "@id": TEXT,
                        "@type": TEXT,
                        "UID": TEXT,
                        "title": TEXT,
                        "document_kind": TEXT,
                        "review_state": TEXT,
                    },
                    "201",
                ),
                **errors(400, 401, 403, 404, 409, 413, 415),
            },
        }
    },
    "/@chat-inquiry": {
        "post": {
            "operationId": "chatInquiry",
            "tags": ["chat"],
            "summary": "Register a citizen's chat as an inquiry with its transcript.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["title", "lines"],
                    "properties": {
                        "title": {"type": "string", "maxLength": 200},
                        "lines": LINES,
                        "requester_name": {"type": "string", "maxLength": 200},
                        "requester_email": {"type": "string", "maxLength": 254},
                        "confidential": {"type": "boolean"},
                    },
                }
            ),
            "responses": {
                **_ok(
                    "The inquiry (channel chat) and the citizen's follow-up code.",
                    {
                        "@id": TEXT,
                        "UID": TEXT,
                        "reference_number": TEXT,
                        "channel": TEXT,
                        "followup_code": TEXT,
                    },
                    "201",
                ),
                **errors(400, 401, 403, 409, 413, 415),
            },
        }
    },
}
