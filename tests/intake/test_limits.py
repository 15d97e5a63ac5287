"""Mail bombs are handled by the limits: refused before any change, or accepted.

Outcomes only, no timings (the figures are in bench/mail_intake.py).
"""

from collective.servicedesk.intake.attachments import MAX_COUNT
from collective.servicedesk.intake.attachments import list_attachments
from collective.servicedesk.intake.limits import MailLimits
from collective.servicedesk.intake.limits import MailRefused
from collective.servicedesk.intake.limits import mail_limits
from collective.servicedesk.intake.mail import MAX_TEXT
from collective.servicedesk.intake.mail import intake_mail
from collective.servicedesk.intake.mailparse import parse_message
from plone import api
from tests.intake import messages
import pytest

GENEROUS = MailLimits(max_parts=5000, max_depth=100)


class TestRefused:
    @pytest.mark.parametrize("count", [500, 1000])
    def test_many_attachments(self, portal, desk, count):
        with pytest.raises(MailRefused) as refused:
            intake_mail(messages.many_attachments(count))
        assert (refused.value.reason, refused.value.limit) == ("too_many_parts", 200)
        assert list(desk.objectIds()) == []

    def test_just_over_the_part_limit(self, portal, desk):
        # 1 container + 1 text + 199 files = 201 parts: the exact count refuses.
        with pytest.raises(MailRefused) as refused:
            intake_mail(messages.many_attachments(199))
        assert refused.value.reason == "too_many_parts"
        assert list(desk.objectIds()) == []

    def test_at_the_part_limit(self, portal, desk):
        inquiry = intake_mail(messages.many_attachments(198)).inquiry
        assert len(list_attachments(inquiry)) == MAX_COUNT

    def test_too_deep(self, portal, desk):
        with pytest.raises(MailRefused) as refused:
            intake_mail(messages.nested(11))
        assert (refused.value.reason, refused.value.limit) == ("too_deep", 10)
        assert intake_mail(messages.nested(10)).outcome == "created"

    def test_too_large(self, portal, desk):
        api.portal.set_registry_record(
            "collective.servicedesk.mail_intake.max_megabytes", 1
        )
        assert mail_limits().max_bytes == 1024 * 1024
        with pytest.raises(MailRefused) as refused:
            intake_mail(messages.large_text(2))
        assert (refused.value.reason, refused.value.limit) == ("too_large", 1)
        assert list(desk.objectIds()) == []

    def test_settings_raise_the_limit(self, portal, desk):
        api.portal.set_registry_record(
            "collective.servicedesk.mail_intake.max_parts", 600
        )
        inquiry = intake_mail(messages.many_attachments(500)).inquiry
        assert inquiry.channel == "email"
        assert len(list_attachments(inquiry)) == MAX_COUNT


class TestAccepted:
    def test_thousand_parts_under_generous_limits(self):
        mail = parse_message(messages.many_attachments(1000), GENEROUS)
        assert len(mail.attachments) == 1000
        assert {data for _name, _type, data in mail.attachments} == {b"x"}
        assert mail.text == "Se vedleggene."

    def test_ten_megabyte_body(self, portal, desk):
        inquiry = intake_mail(messages.large_text(10)).inquiry
        assert inquiry.title == "Veldig lang e-post"
        assert len(inquiry.description) <= MAX_TEXT + 10
        assert inquiry.description.endswith("[…]")
        [full] = list_attachments(inquiry)
        assert full["filename"] == "message.txt"
        assert full["size"] > 10_000_000
        assert full["file"].data.decode("utf-8").startswith("Lang tekst om veien")

    def test_forwarded_mail_parts_are_not_attachments(self):
        mail = parse_message(messages.forwarded())
        assert [(name, kind) for name, kind, _data in mail.attachments] == [
            ("forwarded.eml", "message/rfc822")
        ]
