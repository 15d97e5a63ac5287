"""The bad-input table: a compact spec expanded into ``bad_inputs.json``.

Every custom REST service and form of the add-on, each with the inputs an
outside tester tries first (issue 12): broken and hostile JSON, wrong types,
over-long and broken Unicode text, Zope's ``:int``/``:date``/``:list``
converters, unexpected methods and media types. The test sends each row to a
real functional server and allows any answer but a 5xx.

Regenerate after changing the spec: ``.venv/bin/python -m tests.security.bad_inputs``.
"""

from pathlib import Path
import json

TABLE = Path(__file__).with_name("bad_inputs.json")

# (endpoint id, method, path, role, fields of its JSON body)
JSON_POSTS = [
    (
        "register",
        "POST",
        "{desk}/@servicedesk-register",
        "agent",
        [
            "title",
            "description",
            "category",
            "channel",
            "requester_name",
            "requester_email",
            "due_date",
            "tags",
            "responsible_unit",
            "close",
            "answer",
            "anonymous",
        ],
    ),
    ("tally", "POST", "{desk}/@servicedesk-tally", "agent", ["category", "channel"]),
    (
        "assign",
        "POST",
        "{inquiry}/@servicedesk-assign",
        "manager",
        ["unit", "handler", "reason"],
    ),
    (
        "reply",
        "POST",
        "{inquiry}/@servicedesk-reply",
        "manager",
        ["channel", "text", "subject", "recipient"],
    ),
    ("promote", "POST", "{inquiry}/@servicedesk-promote", "manager", ["kind"]),
    ("followup-code", "POST", "{inquiry}/@followup-code", "manager", ["days"]),
    ("faq-use", "POST", "{inquiry}/@faq-use", "manager", ["faq"]),
    (
        "ask",
        "POST",
        "/@servicedesk-ask",
        "anonymous",
        [
            "question",
            "category",
            "contact",
            "name",
            "email",
            "phone",
            "form_started",
            "website",
        ],
    ),
    ("track-add", "POST", "/@servicedesk-track", "anonymous", ["code", "information"]),
    ("faq-answered", "POST", "/@servicedesk-faq-answered", "anonymous", ["faq"]),
    ("sms", "POST", "/@servicedesk-sms", "anonymous", ["from", "text"]),
    ("mail", "POST", "/@servicedesk-mail", "manager", ["message", "message_base64"]),
    (
        "subject-export",
        "POST",
        "/@servicedesk-subject-export",
        "manager",
        ["email", "phone", "name", "reason"],
    ),
]

# Whole bodies: (label, body). ``make`` builds large ones at test time.
BODIES = [
    ("empty", {"raw": ""}),
    ("null", {"raw": "null"}),
    ("array", {"raw": "[]"}),
    ("string", {"raw": '"text"'}),
    ("number", {"raw": "42"}),
    ("truncated", {"raw": "{"}),
    ("truncated-value", {"raw": '{"a":'}),
    ("nan", {"raw": '{"a": NaN}'}),
    ("infinity", {"raw": '{"a": -Infinity}'}),
    ("huge-float", {"raw": '{"a": 1e999}'}),
    ("duplicate-keys", {"raw": '{"a": 1, "a": [2]}'}),
    ("surrogate-key", {"raw": '{"\\ud800": 1}'}),
    ("bom", {"hex": "efbbbf7b7d"}),
    ("invalid-utf8", {"hex": "7b2261223a2022ff22207d"}),
    (
        "latin1-charset",
        {
            "hex": "7b2261223a2022e622207d",
            "content_type": "application/json; charset=latin-1",
        },
    ),
    ("deep-array-100000", {"make": ["deep_array", 100000]}),
    ("deep-object-20000", {"make": ["deep_object", 20000]}),
    ("deep-array-25", {"make": ["deep_array", 25]}),
    ("big-int", {"make": ["big_int", 5000]}),
    ("long-key", {"make": ["long_key", 5000]}),
    ("many-keys", {"make": ["many_keys", 20000]}),
    ("long-list", {"make": ["long_list", 100000]}),
    ("two-megabytes", {"make": ["big_body", 2 * 1024 * 1024]}),
    ("text-plain", {"raw": "{}", "content_type": "text/plain"}),
    (
        "form-encoded",
        {"raw": "a=1", "content_type": "application/x-www-form-urlencoded"},
    ),
    ("xml", {"raw": "<a/>", "content_type": "application/xml"}),
]

# One field at a time: (label, JSON value); "make" values are built at test time.
VALUES = [
    ("surrogate", "\ud800"),
    ("surrogate-pair-half", "ok \udfff ok"),
    ("long-200000", {"make": ["long_text", 200000]}),
    ("list", ["a", {"b": 1}]),
    ("object", {"a": "b"}),
    ("integer", 12345678901234567890),
    ("boolean", True),
    ("null", None),
    ("nul-and-control", "a\u0000b\u001bc"),
]

# GET endpoints and views: (endpoint id, path, role).
GETS = [
    ("faq-suggestions", "/@faq-suggestions", "anonymous"),
    ("knowledge-search", "/@knowledge-search", "anonymous"),
    ("faq-public", "/@servicedesk-faq-public", "anonymous"),
    ("ask-get", "/@servicedesk-ask", "anonymous"),
    ("track-get", "/@servicedesk-track", "anonymous"),
    ("openapi", "/@servicedesk-openapi", "anonymous"),
    ("queue", "{desk}/@servicedesk-queue", "agent"),
    ("routing", "{desk}/@servicedesk-routing", "agent"),
    ("statistics", "/@servicedesk-statistics", "manager"),
    ("followup-code-get", "{inquiry}/@followup-code", "manager"),
    ("view-ask", "/@@ask", "anonymous"),
    ("view-track", "/@@track", "anonymous"),
    ("view-ical", "/@@servicedesk-ical", "anonymous"),
    ("view-knowledge-search", "/@@knowledge-search", "anonymous"),
    ("view-statistics", "/@@servicedesk-statistics", "manager"),
    ("view-statistics-csv", "/@@servicedesk-statistics-csv", "manager"),
    ("view-inquiries", "{desk}/@@inquiries", "manager"),
    ("view-my-inquiries", "{desk}/@@my-inquiries", "manager"),
    ("view-register", "{desk}/@@register", "agent"),
    ("view-history", "{inquiry}/@@history", "manager"),
    ("view-inquiry", "{inquiry}", "manager"),
    ("view-followup-code", "{inquiry}/@@followup-code", "manager"),
    ("view-people-search", "/@@servicedesk-people-search", "manager"),
    ("view-personal-data", "/@@servicedesk-personal-data", "manager"),
]

# Query strings (already URL-encoded) for every GET endpoint.
QUERIES = [
    ("list", "q:list=A&q:list=B"),
    ("record", "q.a:record=1&b_size.x:record=2"),
    ("int", "b_size:int=x&limit:int=x"),
    ("float", "b_start:float=nan"),
    ("date", "start:date=not-a-date&end:date=2026-13-45"),
    ("required", "q:required="),
    ("long", "q=" + "a" * 5000),
    ("broken-utf8", "q=%ED%A0%80&category=%FF%FE"),
    ("code", "code=AAAAAAAAAAAAAAAA"),
    ("negative", "b_start=-5&b_size=-1&queue=../../etc"),
    ("tokens", "category:tokens=a+b&queue:lines=mine"),
    ("json", "q:json=%7B"),
]

# HTML forms posted as a browser would: (endpoint id, path, role, button).
FORMS = [
    ("form-ask", "/@@ask", "anonymous", "form.buttons.send"),
    ("form-track", "/@@track", "anonymous", "form.buttons.add"),
    ("form-register", "{desk}/@@register", "agent", "form.buttons.register"),
    ("form-tally", "{desk}/@@tally", "agent", "form.buttons.save"),
    (
        "form-followup-code",
        "{inquiry}/@@followup-code",
        "manager",
        "form.buttons.issue",
    ),
    ("form-reassign", "{inquiry}/@@reassign", "manager", "form.buttons.save"),
]
FORM_BODIES = [
    ("empty", ""),
    ("int", "question:int=x&code:int=x&form.widgets.title:int=x"),
    ("date", "form.widgets.due_date:date=yesterday"),
    ("list", "question:list=a&question:list=b&code:list=x&form.widgets.title:list=a"),
    ("record", "question.a:record=1&code.b:record=2"),
    (
        "broken-utf8",
        "question=%ED%A0%80%ED%A0%80hello&name=%FF&code=%ED%A0%80"
        "&information=%ED%A0%80abcdef&form.widgets.title=%ED%A0%80"
        "&form.widgets.description=%ED%A0%80",
    ),
    ("long", {"make": ["long_form", 200000]}),
    (
        "surrogate-name",
        "question=Hvor+er+bilen%3F&contact=email&name=%ED%A0%80&email=a%40example.no",
    ),
    ("json-body", '{"question": 1}'),
]

METHODS = [
    ("trace-ask", "TRACE", "/@servicedesk-ask", "anonymous"),
    ("trace-register", "TRACE", "{desk}/@servicedesk-register", "agent"),
    ("put-ask", "PUT", "/@servicedesk-ask", "anonymous"),
    ("patch-track", "PATCH", "/@servicedesk-track", "anonymous"),
    ("delete-tally", "DELETE", "{desk}/@servicedesk-tally", "agent"),
    ("get-register", "GET", "{desk}/@servicedesk-register", "agent"),
    ("options-reply", "OPTIONS", "{inquiry}/@servicedesk-reply", "manager"),
    ("delete-followup-twice", "DELETE", "{inquiry}/@followup-code", "manager"),
]


def build() -> list[dict]:
    """Every row of the table."""
    rows = []
    for endpoint, method, path, role, fields in JSON_POSTS:
        for label, body in BODIES:
            rows.append(
                {
                    "id": f"{endpoint}:{label}",
                    "method": method,
                    "path": path,
                    "role": role,
                    "body": body,
                }
            )
        for field in fields:
            for label, value in VALUES:
                rows.append(
                    {
                        "id": f"{endpoint}:{field}={label}",
                        "method": method,
                        "path": path,
                        "role": role,
                        "body": {"json": {field: value}},
                    }
                )
    for endpoint, path, role in GETS:
        for label, query in QUERIES:
            rows.append(
                {
                    "id": f"{endpoint}?{label}",
                    "method": "GET",
                    "path": f"{path}?{query}",
                    "role": role,
                }
            )
    for endpoint, path, role, button in FORMS:
        for label, body in FORM_BODIES:
            if isinstance(body, dict):
                spec = {**body, "button": button}
            else:
                raw = f"{body}&{button}=1" if body else f"{button}=1"
                spec = {"raw": raw}
            spec["content_type"] = "application/x-www-form-urlencoded"
            rows.append(
                {
                    "id": f"{endpoint}:{label}",
                    "method": "POST",
                    "path": path,
                    "role": role,
                    "body": spec,
                }
            )
    for endpoint, method, path, role in METHODS:
        rows.append({"id": endpoint, "method": method, "path": path, "role": role})
    return rows


def make(spec: list):
    """Build a large value or body from its compact spec."""
    kind, size = spec
    if kind == "deep_array":
        return "[" * size + "]" * size
    if kind == "deep_object":
        return '{"a":' * size + "1" + "}" * size
    if kind == "big_int":
        return '{"a": ' + "9" * size + "}"
    if kind == "long_key":
        return json.dumps({"k" * size: 1})
    if kind == "many_keys":
        return json.dumps({f"k{i}": i for i in range(size)})
    if kind == "long_list":
        return json.dumps({"a": list(range(size))})
    if kind == "big_body":
        return json.dumps({"a": "x" * size})
    if kind == "long_form":
        return (
            f"question={'a' * size}&name={'b' * 5000}&form.widgets.title={'c' * size}"
        )
    if kind == "long_text":
        return "x" * size
    raise ValueError(kind)


def write() -> None:
    TABLE.write_text(json.dumps(build(), indent=1, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    write()
