"""OpenAPI paths of the records-system services (merged into services/openapi)."""

from collective.servicedesk.rest.openapi import INQUIRY
from collective.servicedesk.rest.openapi import INQUIRY_PATH
from collective.servicedesk.rest.openapi import STAFF
from collective.servicedesk.rest.openapi import errors
from collective.servicedesk.rest.openapi import json_body

TEXT = {"type": "string"}
STATUS = {"type": "string", "enum": ["", "pending", "filed", "rejected"]}
ROW = {
    "type": "object",
    "properties": {
        "uid": TEXT,
        "url": {"type": "string", "format": "uri"},
        "reference": TEXT,
        "title": TEXT,
        "review_state": TEXT,
        "case_number": TEXT,
        "records_status": STATUS,
        "records_error": {"type": "object"},
        "created": {"type": ["string", "null"]},
    },
}
FILING = {
    "type": "object",
    "properties": {
        "@id": TEXT,
        "status": STATUS,
        "case_number": TEXT,
        "requested": {"type": ["string", "null"], "format": "date-time"},
        "filed": {"type": ["string", "null"], "format": "date-time"},
        "journalposts": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string", "enum": ["I", "U"]},
                    "state": TEXT,
                    "journalpost_number": TEXT,
                    "registry_entry": TEXT,
                    "date": TEXT,
                },
            },
        },
        "error": {
            "type": ["object", "null"],
            "description": "The records system's rejection, explained for the agent.",
            "properties": {"type": TEXT, "message": TEXT, "detail": TEXT, "id": TEXT},
        },
    },
}


def _ok(description: str, schema: dict, status: str = "200") -> dict:
    return {
        status: {
            "description": description,
            "content": {"application/json": {"schema": schema}},
        }
    }


PATHS = {
    "/@servicedesk-case": {
        "get": {
            "operationId": "caseInquiries",
            "tags": ["records"],
            "summary": "Every inquiry of a records-system case the user may see.",
            "security": STAFF,
            "parameters": [
                {
                    "name": "number",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "maxLength": 40},
                    "example": "2026/118",
                }
            ],
            "responses": {
                **_ok(
                    "The case's inquiries (catalog data, permission-filtered).",
                    {
                        "type": "object",
                        "properties": {
                            "@id": TEXT,
                            "case_number": TEXT,
                            "items_total": {"type": "integer"},
                            "items": {"type": "array", "items": ROW},
                        },
                    },
                ),
                **errors(400, 401),
            },
        }
    },
    "/@servicedesk-records": {
        "get": {
            "operationId": "recordsOverview",
            "tags": ["records"],
            "summary": "Filing counts (pending, filed, rejected) and what needs help.",
            "security": STAFF,
            "responses": {
                **_ok(
                    "Counts and the pending and rejected filings.",
                    {
                        "type": "object",
                        "properties": {
                            "@id": TEXT,
                            "counts": {
                                "type": "object",
                                "properties": {
                                    s: {"type": "integer"}
                                    for s in ("pending", "filed", "rejected")
                                },
                            },
                            "pending": {"type": "array", "items": ROW},
                            "rejected": {"type": "array", "items": ROW},
                        },
                    },
                ),
                **errors(401, 403),
            },
        }
    },
    INQUIRY_PATH + "/@servicedesk-records": {
        "parameters": [INQUIRY],
        "get": {
            "operationId": "inquiryFiling",
            "tags": ["records"],
            "summary": "The inquiry's filing: status, case, journalposts, rejection.",
            "security": STAFF,
            "responses": {
                **_ok("The filing state.", FILING),
                **errors(401, 404),
            },
        },
        "post": {
            "operationId": "fileInquiry",
            "tags": ["records"],
            "summary": "Request filing in the records system, or send again after a "
            "rejection. Sent after the commit; filed only when the receipt comes.",
            "security": STAFF,
            "requestBody": json_body(
                {
                    "type": "object",
                    "properties": {
                        "action": {"type": "string", "enum": ["request", "resend"]}
                    },
                }
            ),
            "responses": {
                **_ok("Accepted: the messages go after the commit.", FILING, "202"),
                **errors(400, 401, 403, 404, 409, 413),
            },
        },
    },
}
