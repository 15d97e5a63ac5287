"""The small script that shows the unread chat count in the presence panel."""

from plone.app.layout.viewlets.common import ViewletBase


class UnreadViewlet(ViewletBase):
    """Loads chat-unread.js for staff (a few hundred bytes, no converse)."""

    def index(self) -> str:
        url = f"{self.site_url}/++resource++collective.servicedesk.chat/chat-unread.js"
        return f'<script defer src="{url}"></script>'
