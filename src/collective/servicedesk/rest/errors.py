"""The error every REST service of ours answers as JSON."""


class ServiceError(Exception):
    """An error answered as JSON: ``{"error": {type, message, field}}``."""

    TYPES = {
        400: "BadRequest",
        401: "Unauthorized",
        403: "Forbidden",
        404: "NotFound",
        405: "MethodNotAllowed",
        409: "Conflict",
        413: "PayloadTooLarge",
        415: "UnsupportedMediaType",
        429: "TooManyRequests",
        503: "ServiceUnavailable",
    }

    def __init__(self, status: int, message, field: str | None = None, **extra):
        super().__init__(str(message))
        self.status = status
        self.message = message
        self.field = field
        self.extra = extra
