"""Workflow guards of servicedesk_inquiry_workflow, callable from guard expressions.

Used as ``python:modules['collective.servicedesk.content.guards'].can_close(here)``:
plain functions work without a request or browser layer (e.g. in scheduled jobs).
"""

from AccessControl import ModuleSecurityInfo

security = ModuleSecurityInfo("collective.servicedesk.content.guards")


def _text(obj, name: str) -> str:
    return (getattr(obj, name, None) or "").strip()


security.declarePublic("has_target")


def has_target(obj) -> bool:
    """True if the inquiry has a responsible handler or unit."""
    return bool(_text(obj, "responsible_handler") or _text(obj, "responsible_unit"))


security.declarePublic("has_answer")


def has_answer(obj) -> bool:
    """True if an answer is written."""
    return bool(_text(obj, "answer"))


security.declarePublic("can_close")


def can_close(obj) -> bool:
    """True if answered, or solved on first contact."""
    return has_answer(obj) or bool(getattr(obj, "solved_first_contact", False))


security.declarePublic("can_file")


def can_file(obj) -> bool:
    """True if archive-worthy and a records-system case number is set."""
    return bool(getattr(obj, "archive_worthy", False)) and bool(
        _text(obj, "case_number")
    )
