"""The mail intake command: feed files, standard input or the IMAP mailbox.

Run it with ``zconsole run <zope.conf> scripts/mail_intake.py [options]``
(see ``docs/how-to/citizen-channels.md``).
"""

from collective.servicedesk import logger
from collective.servicedesk.intake import imap
from collective.servicedesk.intake.limits import MailRefused
from collective.servicedesk.intake.mail import intake_mail
from zope.component.hooks import setSite
import argparse
import sys
import transaction


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(
        prog="mail_intake",
        description="Turn e-mails into service desk inquiries.",
    )
    parser.add_argument("--site", default="Plone", help="id of the Plone site")
    parser.add_argument(
        "--imap",
        action="store_true",
        help="poll the mailbox configured in the control panel",
    )
    parser.add_argument("--limit", type=int, default=100, help="messages per run")
    parser.add_argument(
        "files", nargs="*", help="RFC 822 files to feed in; '-' reads standard input"
    )
    return parser


def _describe(result) -> str:
    reference = getattr(result.inquiry, "reference_number", "") or ""
    return f"{result.outcome} {reference} {result.reason}".strip()


def main(app, args: list[str], out=None) -> int:
    """Run the command against ``app``; return the exit status."""
    out = out or sys.stdout
    options = parser().parse_args(args)
    site = app.unrestrictedTraverse(options.site)
    setSite(site)
    status = 0
    if options.imap:
        config = imap.config_from_registry()
        if config is None:
            print("No mailbox configured (imap_host).", file=out)
            return 2
        client = imap.connect(config)
        try:
            counts = imap.poll(client, config.folder, limit=options.limit)
        finally:
            client.logout()
        print(" ".join(f"{key}={value}" for key, value in counts.items()), file=out)
        status = 1 if counts["failed"] else 0
    for name in options.files:
        if name == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as stream:
                raw = stream.read()
        try:
            result = intake_mail(raw)
        except MailRefused as refusal:
            transaction.abort()
            logger.warning("Mail intake refused %s (%s)", name, refusal)
            print(f"{name}: refused {refusal.reason}", file=out)
            status = max(status, 1)
            continue
        transaction.commit()
        print(f"{name}: {_describe(result)}", file=out)
    return status
