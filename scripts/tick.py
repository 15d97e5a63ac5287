"""Run the service desk's tick: reminders, escalation, daily digest, mail retries.

Inside the instance (cron with ZEO/RelStorage, or while the server is stopped):

    .venv/bin/zconsole run var/instance/etc/zope.conf scripts/tick.py [--site Plone]

Against a running server over HTTP (basic auth SERVICEDESK_TICK_USER/PASSWORD,
else SERVICEDESK_ADMIN_USER/PASSWORD); `--loop` repeats it every few minutes
until the parent process ends (what `make start` does):

    .venv/bin/python scripts/tick.py --url http://localhost:8080/Plone [--loop]

Exit codes: 0 done, 1 error, 3 no server answered (HTTP mode).
"""

import argparse
import sys

if "app" in globals():  # run by zconsole
    from collective.servicedesk.tick.command import run_in_instance

    position = next(
        (i for i, arg in enumerate(sys.argv) if arg.endswith("tick.py")),
        len(sys.argv) - 1,
    )
    sys.exit(run_in_instance(globals()["app"], sys.argv[position + 1 :]))

from collective.servicedesk.tick.http import loop  # noqa: E402
from collective.servicedesk.tick.http import once  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--url", default="http://localhost:8080/Plone", help="site URL")
parser.add_argument("--loop", action="store_true", help="repeat until stopped")
parser.add_argument("--interval", type=float, help="minutes between runs (--loop)")
args = parser.parse_args()
sys.exit(loop(args.url, args.interval) if args.loop else once(args.url))
