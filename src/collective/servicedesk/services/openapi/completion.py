"""What every operation shares: the errors it really answers, and links.

Added to the paths of all feature modules, so a new service documents its
limit and CSRF errors without repeating them, and schemathesis can follow
``links`` from a created inquiry (or a code) to the services that use it.
"""

from collective.servicedesk.rest.openapi import errors

METHODS = ("get", "post", "put", "patch", "delete")
# Zope's form converters (``:int``, ``:date``) on any query: 400.
ALWAYS = (400,)
# Write services: body too large, not JSON; CSRF refused for cookie logins.
WITH_BODY = (400, 403, 413, 415)
# Staff services: not logged in, not allowed, or the object is not there.
WITH_LOGIN = (401, 403, 404)

INQUIRY_OPERATIONS = {
    "assign": "assign",
    "reply": "reply",
    "promote": "promote",
    "followupCodeStatus": "followupCodeStatus",
    "issueFollowupCode": "issueFollowupCode",
}
CREATES_INQUIRY = ("register", "tally")
GIVES_CODE = {"ask": "followup_code", "issueFollowupCode": "followup_code"}
USES_CODE = ("track", "addInformation")


def _links(operation_id: str) -> dict:
    links = {}
    if operation_id in CREATES_INQUIRY:
        for name, target in INQUIRY_OPERATIONS.items():
            links[name] = {
                "operationId": target,
                "parameters": {"inquiry": "$response.body#/reference_number"},
            }
    if operation_id in GIVES_CODE:
        for target in USES_CODE:
            links[target] = {
                "operationId": target,
                "parameters": {
                    "header.X-Followup-Code": "$response.body#/"
                    + GIVES_CODE[operation_id]
                },
            }
    return links


def complete(paths: dict) -> dict:
    """Add the shared error responses and the links to every operation."""
    for item in paths.values():
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            responses = operation.setdefault("responses", {})
            codes = list(ALWAYS)
            if "requestBody" in operation or method in ("post", "delete"):
                codes += WITH_BODY
            if operation.get("security") != []:
                codes += WITH_LOGIN
            for code, response in errors(*codes).items():
                responses.setdefault(code, response)
            links = _links(operation.get("operationId", ""))
            if links:
                for code in ("200", "201"):
                    if code in responses:
                        responses[code].setdefault("links", {}).update(links)
    return paths
