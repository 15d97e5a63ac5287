"""Test data of the tick tests: the due date and users in units."""

from datetime import datetime
from plone import api
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
# Monday 9 March 2026, 12:00 in Oslo.
DUE = datetime(2026, 3, 9, 12, 0, tzinfo=OSLO)


def add_user(user_id: str, groups=(), language: str = "nb") -> None:
    api.user.create(
        username=user_id,
        email=f"{user_id}@demo.kommune.no",
        password="secret-password-123",
        properties={"fullname": user_id.title(), "language": language},
    )
    for group in groups:
        api.group.add_user(groupname=group, username=user_id)
