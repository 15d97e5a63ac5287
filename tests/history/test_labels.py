"""Every action a feature records in the history has a translated label."""

from collective.servicedesk.history.viewlet import ACTION_LABELS
from zope.i18n import translate
import pytest

ACTIONS = [
    "created",
    "edited",
    "reassigned",
    "due_date_changed",
    "internal_note_added",
    "reply_email",
    "reply_letter",
    "reply_sms",
    "anonymised",
    "personal_data_erased",
    "promoted",
    "citizen_information",
    "followup_code_issued",
    "followup_code_revoked",
]


@pytest.mark.parametrize("action", ACTIONS)
def test_label_in_bokmal(portal, action):
    label = ACTION_LABELS[action]
    translated = translate(label, target_language="nb")
    assert translated and translated != label.default and translated != action
