"""OpenAPI paths of the intake and staff services."""

from collective.servicedesk.rest.openapi import INQUIRY
from collective.servicedesk.rest.openapi import INQUIRY_PATH
from collective.servicedesk.rest.openapi import PUBLIC
from collective.servicedesk.rest.openapi import STAFF
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body
from collective.servicedesk.rest.openapi import json_response

PATHS = {
    "/@servicedesk-mail": {
        "post": {
            "operationId": "mailIntake",
            "tags": ["intake"],
            "summary": "Feed one raw e-mail (RFC 822) to the intake.",
            "security": STAFF,
            "requestBody": {
                "required": True,
                "content": {
                    "message/rfc822": {"schema": {"type": "string"}},
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "message": {"type": "string"},
                                "message_base64": {"type": "string"},
                            },
                        }
                    },
                },
            },
            "responses": {
                "201": json_response("A new inquiry.", "IntakeResult"),
                "200": json_response("A follow-up on an inquiry.", "IntakeResult"),
                "202": json_response(
                    "Held for review (a follow-up from an unknown sender) or "
                    "ignored (auto-reply, empty).",
                    "IntakeResult",
                ),
                **errors(400, 401, 409, 413),
            },
        }
    },
    "/@servicedesk-sms": {
        "post": {
            "operationId": "smsInbound",
            "tags": ["intake"],
            "summary": "Inbound SMS webhook of the SMS gateway.",
            "security": [{"smsSecret": []}],
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "from": {"type": "string"},
                        "text": {"type": "string"},
                    },
                }
            ),
            "responses": {
                "201": json_response("A new inquiry.", "IntakeResult"),
                "200": json_response("A follow-up on an inquiry.", "IntakeResult"),
                "202": json_response(
                    "Held for review (a follow-up from an unknown number).",
                    "IntakeResult",
                ),
                **errors(400, 403, 409),
            },
        }
    },
    "/@servicedesk-openapi": {
        "get": {
            "operationId": "openapi",
            "tags": ["meta"],
            "summary": "This document.",
            "security": PUBLIC,
            "responses": {"200": {"description": "The OpenAPI document."}},
        }
    },
    INQUIRY_PATH + "/@followup-code": {
        "parameters": [INQUIRY],
        "get": {
            "operationId": "followupCodeStatus",
            "tags": ["staff"],
            "summary": "Whether the inquiry has a follow-up code, and until when.",
            "security": STAFF,
            "responses": {
                "200": json_response("Status.", "FollowupCodeStatus"),
                **errors(401, 404),
            },
        },
        "post": {
            "operationId": "issueFollowupCode",
            "tags": ["staff"],
            "summary": "Issue a new code; the old one stops working.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "properties": {
                        "days": {"type": "integer", "minimum": 0, "maximum": 3650}
                    },
                },
                required=False,
            ),
            "responses": {
                "201": json_response("The new code (shown once).", "FollowupCode"),
                **errors(400, 401, 404),
            },
        },
        "delete": {
            "operationId": "revokeFollowupCode",
            "tags": ["staff"],
            "summary": "Revoke the code.",
            "security": STAFF,
            "responses": {"204": {"description": "Revoked."}, **errors(401, 404)},
        },
    },
}
