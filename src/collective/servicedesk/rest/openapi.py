"""Schemas and building blocks of the OpenAPI document."""

DESK_PATH = "/service-desk"
INQUIRY_PATH = DESK_PATH + "/{inquiry}"

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["type", "message"],
            "properties": {
                "type": {"type": "string", "example": "BadRequest"},
                "message": {"type": "string"},
                "field": {"type": "string"},
                "reason": {"type": "string"},
                "errors": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "field": {"type": "string"},
                            "message": {"type": "string"},
                        },
                    },
                },
            },
        }
    },
}

# Zope and plone.rest answer some errors themselves (401 before our code runs,
# 404 of traversal): {type, message} without the "error" wrapper.
PLONE_ERROR = {
    "type": "object",
    "required": ["type", "message"],
    "properties": {
        "type": {"type": "string", "example": "Unauthorized"},
        "message": {"type": "string"},
        "context": {"type": "string"},
        "traceback": {"type": "array", "items": {"type": "string"}},
    },
}
ERROR_BODY = {
    "anyOf": [
        {"$ref": "#/components/schemas/Error"},
        {"$ref": "#/components/schemas/PloneError"},
    ]
}

SCHEMAS = {
    "InquirySummary": {
        "type": "object",
        "properties": {
            "@id": {"type": "string", "format": "uri"},
            "UID": {"type": "string"},
            "reference_number": {"type": "string"},
            "review_state": {"type": "string"},
            "responsible_unit": {"type": ["string", "null"]},
            "responsible_handler": {"type": ["string", "null"]},
            "due_date": {"type": ["string", "null"], "format": "date-time"},
        },
    },
    "RoutingSuggestion": {
        "type": "object",
        "properties": {
            name: {"type": "string"}
            for name in (
                "category",
                "handler",
                "handler_title",
                "unit",
                "unit_title",
                "source",
                "reason",
            )
        },
    },
    "Queue": {
        "type": "object",
        "properties": {
            "queue": {"type": "string"},
            "items_total": {"type": "integer"},
            "items": {"type": "array", "items": {"type": "object"}},
        },
    },
    "Reply": {
        "type": "object",
        "properties": {
            name: {"type": "string"}
            for name in ("id", "date", "channel", "subject", "text", "recipient")
        },
    },
    "KnowledgeDraft": {
        "type": "object",
        "properties": {
            name: {"type": "string"}
            for name in ("@id", "@type", "UID", "title", "review_state")
        },
    },
    "Error": ERROR,
    "PloneError": PLONE_ERROR,
    "Category": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "title": {"type": "string"}},
    },
    "AskForm": {
        "type": "object",
        "properties": {
            "categories": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Category"},
            },
            "contact_choices": {"type": "array", "items": {"type": "string"}},
            "notice": {"type": "string"},
            "honeypot": {"type": "string"},
            "token_field": {"type": "string"},
            "form_started": {"type": "string"},
        },
    },
    "AskRequest": {
        "type": "object",
        "required": ["question", "form_started"],
        "properties": {
            "question": {"type": "string", "minLength": 5, "maxLength": 5000},
            "category": {"type": "string"},
            "contact": {"type": "string", "enum": ["anonymous", "email", "sms"]},
            "name": {"type": "string", "maxLength": 200},
            "email": {"type": "string"},
            "phone": {"type": "string"},
            "form_started": {
                "type": "string",
                "description": "The signed stamp from GET @servicedesk-ask.",
            },
            "website": {"type": "string", "description": "Honeypot: leave empty."},
        },
    },
    "Receipt": {
        "type": "object",
        "properties": {
            "reference_number": {"type": "string", "example": "2026-000123"},
            "followup_code": {"type": "string"},
            "track_url": {"type": "string", "format": "uri"},
        },
    },
    "Tracking": {
        "type": "object",
        "properties": {
            "reference_number": {"type": "string"},
            "created": {"type": "string", "format": "date-time"},
            "state": {
                "type": "string",
                "enum": ["received", "in_progress", "answered", "closed"],
            },
            "state_title": {"type": "string"},
            "category": {"type": "string"},
            "unit": {"type": "string"},
            "handler": {"type": "string"},
            "can_add": {"type": "boolean"},
            "replies": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "date": {"type": "string", "format": "date-time"},
                        "channel": {"type": "string"},
                        "subject": {"type": "string"},
                        "text": {"type": "string"},
                        "sender": {"type": "string"},
                    },
                },
            },
            "additions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "date": {"type": "string", "format": "date-time"},
                        "text": {"type": "string"},
                    },
                },
            },
        },
    },
    "FAQSuggestions": {
        "type": "object",
        "properties": {
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "@id": {"type": "string", "format": "uri"},
                        "UID": {"type": "string"},
                        "title": {"type": "string"},
                        "description": {"type": "string"},
                    },
                },
            },
            "items_total": {"type": "integer"},
        },
    },
    "IntakeResult": {
        "type": "object",
        "properties": {
            "outcome": {
                "type": "string",
                "enum": ["created", "followup", "held", "ignored"],
            },
            "reason": {"type": "string"},
            "reference_number": {"type": "string"},
            "@id": {"type": ["string", "null"]},
        },
    },
    "FollowupCodeStatus": {
        "type": "object",
        "properties": {
            "active": {"type": "boolean"},
            "issued": {"type": ["string", "null"], "format": "date-time"},
            "expires": {"type": ["string", "null"], "format": "date-time"},
        },
    },
    "FollowupCode": {
        "type": "object",
        "properties": {
            "followup_code": {"type": "string"},
            "expires": {"type": ["string", "null"], "format": "date-time"},
            "track_url": {"type": "string", "format": "uri"},
        },
    },
}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def json_response(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": ref(schema)}},
    }


def errors(*codes: int) -> dict:
    texts = {
        400: "Invalid input: the message names the field.",
        401: "Not logged in.",
        403: "Not allowed.",
        404: "Not found (also for a wrong, revoked or expired code).",
        405: "This service does not accept the method (see the Allow header).",
        409: "Conflict with the current state.",
        413: "The body is too large (before it is read).",
        415: "The body is not in a type the service reads (JSON).",
        429: "Too many requests from this client.",
        503: "Not available on this site.",
    }
    return {
        str(code): {
            "description": texts[code],
            "content": {"application/json": {"schema": ERROR_BODY}},
        }
        for code in codes
    }


def json_body(schema: str | dict, required: bool = True) -> dict:
    schema = ref(schema) if isinstance(schema, str) else schema
    return {"required": required, "content": {"application/json": {"schema": schema}}}


PUBLIC = []  # no authentication
STAFF = [{"basicAuth": []}, {"bearerAuth": []}]
CODE_HEADER = {
    "name": "X-Followup-Code",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "maxLength": 64},
    "description": "The citizen's follow-up code (kept out of URLs and logs).",
}
INQUIRY = {
    "name": "inquiry",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "Id of the inquiry in the service desk.",
}
