"""The tick inside the instance (`zconsole run ... scripts/tick.py`)."""

from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.tick.runner import tick
from plone.browserlayer.layer import mark_layer
from urllib.parse import urlsplit
from zope.component.hooks import setSite
from zope.traversing.interfaces import BeforeTraverseEvent
import argparse
import json
import os
import transaction


def public_url() -> str:
    """The server's public base URL, used for the links in the notices."""
    port = os.environ.get("SERVICEDESK_PORT", "8080")
    return os.environ.get("SERVICEDESK_PUBLIC_URL", f"http://localhost:{port}")


def run_in_instance(app: object, argv: list[str]) -> int:
    """Run the tick once on the site, commit, and wait until the mail is out."""
    parser = argparse.ArgumentParser(prog="tick.py")
    parser.add_argument(
        "--site", default=os.environ.get("SERVICEDESK_SITE_ID", "Plone")
    )
    args = parser.parse_args(argv)
    url = urlsplit(public_url())
    default_port = 443 if url.scheme == "https" else 80
    app.REQUEST.setServerURL(url.scheme, url.hostname, url.port or default_port)
    site = app.unrestrictedTraverse(args.site)
    setSite(site)
    # As on a web request: the add-on's browser layer is on the request.
    mark_layer(site, BeforeTraverseEvent(site, app.REQUEST))
    results = tick(site)
    transaction.commit()
    done = wait_for_deliveries(timeout=300)
    print(json.dumps({"results": results, "mail_done": done}, default=str))
    return 0
