"""Viewlets of the administrator's path."""

from collective.servicedesk.controlpanels import checklist
from plone.app.layout.viewlets import ViewletBase


class SetupProgressViewlet(ViewletBase):
    """On the settings page: how far the checklist is, and a link to it."""

    def update(self) -> None:
        super().update()
        steps = checklist.steps(self.context, self.request)
        self.total = len(steps)
        self.done = len([step for step in steps if step["done"]])
        self.open_titles = [step["title"] for step in steps if not step["done"]]
        self.url = f"{self.context.absolute_url()}/@@servicedesk-get-started"


class UninstallNoticeViewlet(ViewletBase):
    """On the Add-ons page: uninstalling asks first while records exist."""

    def update(self) -> None:
        super().update()
        from collective.servicedesk.setuphandlers.uninstall import content_counts

        self.counts = content_counts()
        self.url = f"{self.context.absolute_url()}/@@servicedesk-uninstall"

    def available(self) -> bool:
        return any(self.counts.values())
