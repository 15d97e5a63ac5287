"""Replies in the inquiry's timeline: status, letter link, escaped text, composer."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.replies.api import send_reply
from zope.interface import alsoProvides


def render(inquiry) -> str:
    request = inquiry.REQUEST
    alsoProvides(request, IServiceDeskLayer)
    return inquiry.restrictedTraverse("@@servicedesk-workspace-panel")()


class TestViewlet:
    def test_lists_replies_with_status_and_letter_link(self, inquiry):
        send_reply(inquiry, "email", "Svar <script>x</script>", recipient="a@b.no")
        letter = send_reply(inquiry, "letter", "Brev", recipient_name="Åse")
        html = render(inquiry)
        assert "&lt;script&gt;x&lt;/script&gt;" in html
        assert "<script>x" not in html
        assert f"@@reply-letter?id={letter['id']}" in html
        assert "a@b.no" in html
        assert "Waiting to be sent" in html  # the e-mail, before the commit
        assert "Ready to print" in html
        assert "@@timeline-compose" in html

    def test_empty_but_offers_reply(self, inquiry):
        html = render(inquiry)
        assert "kind-reply_" not in html
        assert 'id="composer-send-close"' in html
