"""Feed e-mails to the service desk; run by ``zconsole run``.

    .venv/bin/zconsole run var/instance/etc/zope.conf scripts/mail_intake.py --imap
    .venv/bin/zconsole run var/instance/etc/zope.conf scripts/mail_intake.py mail.eml
    cat mail.eml | .venv/bin/zconsole run <zope.conf> scripts/mail_intake.py -

Options: ``--site`` (default Plone), ``--limit`` (messages per IMAP run).
"""

from collective.servicedesk.intake.command import main
import sys

app = globals()["app"]  # provided by zconsole

# zconsole leaves its own arguments in sys.argv: ours follow the script name.
position = next(
    (i for i, arg in enumerate(sys.argv) if arg.endswith("mail_intake.py")),
    len(sys.argv) - 1,
)
sys.exit(main(app, sys.argv[position + 1 :]))
