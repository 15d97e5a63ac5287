"""OpenAPI paths of the citizen services (anonymous)."""

from collective.servicedesk.rest.openapi import CODE_HEADER
from collective.servicedesk.rest.openapi import PUBLIC
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body
from collective.servicedesk.rest.openapi import json_response

PATHS = {
    "/@servicedesk-ask": {
        "get": {
            "operationId": "askForm",
            "tags": ["citizen"],
            "summary": "Categories, contact choices, privacy notice and a form stamp.",
            "security": PUBLIC,
            "responses": {"200": json_response("The form description.", "AskForm")},
        },
        "post": {
            "operationId": "ask",
            "tags": ["citizen"],
            "summary": "Send a citizen's question (anonymous allowed).",
            "security": PUBLIC,
            "requestBody": json_body("AskRequest"),
            "responses": {
                "201": json_response("The receipt: reference and code.", "Receipt"),
                **errors(400, 409, 429, 503),
            },
        },
    },
    "/@servicedesk-track": {
        "get": {
            "operationId": "track",
            "tags": ["citizen"],
            "summary": "State and public replies of the inquiry behind a code.",
            "security": PUBLIC,
            "parameters": [CODE_HEADER],
            "responses": {
                "200": json_response("What the citizen may see.", "Tracking"),
                **errors(404, 429),
            },
        },
        "post": {
            "operationId": "addInformation",
            "tags": ["citizen"],
            "summary": "Add information to the inquiry behind a code.",
            "security": PUBLIC,
            "parameters": [CODE_HEADER],
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["information"],
                    "properties": {
                        "information": {
                            "type": "string",
                            "minLength": 5,
                            "maxLength": 5000,
                        }
                    },
                }
            ),
            "responses": {
                "204": {"description": "Added."},
                **errors(400, 404, 409, 429),
            },
        },
    },
    "/@servicedesk-faq-public": {
        "get": {
            "operationId": "publicFaqSuggestions",
            "tags": ["citizen"],
            "summary": "Published FAQ entries matching a question being typed.",
            "security": PUBLIC,
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "string", "maxLength": 500},
                }
            ],
            "responses": {"200": json_response("Suggestions.", "FAQSuggestions")},
        }
    },
    "/@servicedesk-faq-answered": {
        "post": {
            "operationId": "faqAnswered",
            "tags": ["citizen"],
            "summary": "Count a question a published FAQ entry answered.",
            "security": PUBLIC,
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["faq"],
                    "properties": {"faq": {"type": "string"}},
                }
            ),
            "responses": {"204": {"description": "Counted."}, **errors(400, 429)},
        }
    },
}
