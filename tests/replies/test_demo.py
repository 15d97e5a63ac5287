"""The demo data of the replies: templates and letterhead, idempotent."""

from collective.servicedesk.replies.demo import TEMPLATES
from collective.servicedesk.replies.demo import create_demo_replies
from collective.servicedesk.replies.placeholders import unknown
from collective.servicedesk.replies.templates import list_templates
from plone import api


def test_demo_templates_idempotent(portal):
    create_demo_replies()
    create_demo_replies()
    templates = list_templates()
    assert len(templates) == len(TEMPLATES) == 3
    assert all(not unknown(t["subject"] + t["text"]) for t in templates)
    assert [t["title"] for t in list_templates("sms")] == [
        "Svar er klart (SMS)",
        "Videresendt til fagavdeling",
    ]
    record = "collective.servicedesk.letterhead_logo_text"
    assert api.portal.get_registry_record(record) == "DEMO KOMMUNE"
