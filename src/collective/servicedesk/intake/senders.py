"""Is the sender of a follow-up the person the inquiry came from?

Contact data is stored on the inquiry in the clear (the requester fields; the
catalog has only keyed hashes of it), so the comparison is of normalised
values: e-mail addresses lowercased, phone numbers as digits with the
Norwegian country code, the same rules as the contact-data hashes.
"""

from collective.servicedesk.validation import normalise_email
from collective.servicedesk.validation import normalise_phone


def is_confidential(inquiry) -> bool:
    """True for an inquiry under the duty of confidentiality."""
    return getattr(inquiry, "confidential", False) is True


def known_email(inquiry, address: str | None) -> bool:
    """True if ``address`` is the requester's e-mail address of ``inquiry``."""
    stored = normalise_email(getattr(inquiry, "requester_email", "") or "")
    return bool(stored) and stored == normalise_email(address or "")


def known_phone(inquiry, number: str | None) -> bool:
    """True if ``number`` is the requester's phone number of ``inquiry``."""
    stored = normalise_phone(getattr(inquiry, "requester_phone", "") or "")
    return bool(stored) and stored == normalise_phone(number or "")
