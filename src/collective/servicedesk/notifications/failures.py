"""Tell a permanent delivery failure (park it) from a passing one (retry it).

Permanent: the message cannot be composed (retrying builds the same message)
or the server refuses it for good (an SMTP 5xx answer, RFC 5321 4.2.1).
Everything else (connection refused, time-outs, 4xx answers) passes and is
retried with back-off.
"""

import smtplib


def smtp_codes(error: BaseException) -> list[int]:
    """Return the SMTP reply codes an smtplib error carries."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return [code for code, _text in (error.recipients or {}).values()]
    code = getattr(error, "smtp_code", None)
    return [code] if isinstance(code, int) else []


def is_permanent(error: BaseException, composing: bool = False) -> bool:
    """True if sending the same item again would fail the same way."""
    if composing:
        return True
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return True  # e.g. a non-ASCII address and no SMTPUTF8
    if isinstance(error, UnicodeError):
        return True
    codes = smtp_codes(error)
    return bool(codes) and all(500 <= code < 600 for code in codes)


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def describe(error: BaseException) -> str:
    """Return a readable one-line error for the queue (at most 500 characters)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        text = "; ".join(
            f"{address}: {code} {_text(message)}"
            for address, (code, message) in (error.recipients or {}).items()
        )
    elif isinstance(error, smtplib.SMTPResponseException):
        text = f"{error.smtp_code} {_text(error.smtp_error)}"
    else:
        text = str(error)
    return f"{type(error).__name__}: {' '.join(text.split())}"[:500]
