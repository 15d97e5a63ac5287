"""The replies viewlet on the inquiry: list, status, letter link, escaped text."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.replies.api import send_reply
from collective.servicedesk.replies.browser.viewlet import RepliesViewlet
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zope.viewlet.interfaces import IViewletManager


def render(inquiry) -> str:
    request = inquiry.REQUEST
    alsoProvides(request, IServiceDeskLayer)
    view = inquiry.restrictedTraverse("@@view")
    manager = getMultiAdapter(
        (inquiry, request, view), IViewletManager, name="plone.belowcontentbody"
    )
    manager.update()
    viewlets = [v for v in manager.viewlets if isinstance(v, RepliesViewlet)]
    assert len(viewlets) == 1
    return viewlets[0].render()


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
        assert "@@reply" in html

    def test_empty_but_offers_reply(self, inquiry):
        html = render(inquiry)
        assert "No replies yet." in html
