"""Read a JSON request body within limits: size, nesting, text length, Unicode."""

from collective.servicedesk import _
from collective.servicedesk import limits
from collective.servicedesk.rest.errors import ServiceError
import json


def too_large_message(limit: int):
    return _(
        "error_body_too_large",
        default="The request is too large (at most ${limit} kB).",
        mapping={"limit": limit // 1024},
    )


def too_deep_message():
    return _(
        "error_json_too_deep",
        default="The request body is nested too deeply (at most ${limit} levels).",
        mapping={"limit": limits.MAX_JSON_DEPTH},
    )


NOT_AN_OBJECT = _("error_json_body", default="The request body must be a JSON object.")
BAD_LENGTH = _("error_content_length", default="The Content-Length header is invalid.")


def content_length(request) -> int | None:
    """The declared body size, None when not declared; 400 when not a number."""
    value = request.getHeader("Content-Length")
    if value in (None, ""):
        return None
    try:
        length = int(value)
    except (TypeError, ValueError):
        raise ServiceError(400, BAD_LENGTH) from None
    if length < 0:
        raise ServiceError(400, BAD_LENGTH)
    return length


def too_large(limit: int) -> ServiceError:
    return ServiceError(413, too_large_message(limit), limit=limit)


def check_size(request, limit: int) -> None:
    """413 when the declared size is over ``limit``: nothing has been read yet."""
    length = content_length(request)
    if length is not None and length > limit:
        raise too_large(limit)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed")


def parse(raw: bytes | str, exempt: tuple = ()) -> dict:
    """The JSON object in ``raw`` after the shape checks; ServiceError if not."""
    try:
        data = json.loads(raw or b"{}", parse_constant=_reject_constant)
    except RecursionError:
        raise ServiceError(400, too_deep_message()) from None
    except ValueError:  # also invalid UTF-8 and too many digits
        data = None
    if not isinstance(data, dict):
        raise ServiceError(400, NOT_AN_OBJECT)
    check_shape(data, exempt)
    return data


def check_shape(data: dict, exempt: tuple = ()) -> None:
    """Depth, key and text limits over the whole body, without recursion."""
    # (value, depth, field name for the limit, top-level field for the error)
    stack = [(data, 1, "", None)]
    while stack:
        value, depth, name, top = stack.pop()
        if depth > limits.MAX_JSON_DEPTH:
            raise ServiceError(400, too_deep_message(), top)
        if isinstance(value, dict):
            for key, item in value.items():
                if len(key) > limits.MAX_KEY or limits.SURROGATE.search(key):
                    raise ServiceError(400, NOT_AN_OBJECT, top or key[:100])
                field = top or key
                if top is None and key in exempt:
                    # No length limit (e.g. a raw e-mail), still valid Unicode.
                    if isinstance(item, str) and limits.SURROGATE.search(item):
                        raise ServiceError(400, limits.BAD_CHARACTERS, key)
                    continue
                stack.append((item, depth + 1, key, field))
        elif isinstance(value, list):
            stack.extend((item, depth + 1, name, top) for item in value)
        elif isinstance(value, str):
            message = limits.text_error(name, value)
            if message is not None:
                raise ServiceError(400, message, top)


def read_json(request, limit: int, exempt: tuple = ()) -> dict:
    """The request body as a checked JSON object (413 and 400 as JSON errors)."""
    check_size(request, limit)
    raw = request.get("BODY") or b""
    if len(raw) > limit:  # a body sent without Content-Length
        raise too_large(limit)
    return parse(raw, exempt)
