"""Write the development Prosody configuration (used by `make start-chat`)."""

from collective.servicedesk.chat.server import GUEST_MESSAGES_PER_MINUTE
from collective.servicedesk.chat.server import ProsodySetup
from collective.servicedesk.chat.server import write
from pathlib import Path
import argparse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="var/chat", help="config, data and log")
    parser.add_argument("--c2s-port", type=int, default=5222)
    parser.add_argument("--http-port", type=int, default=5280)
    parser.add_argument("--domain", default="servicedesk.localhost")
    parser.add_argument(
        "--guest-messages-per-minute",
        type=int,
        default=GUEST_MESSAGES_PER_MINUTE,
        help="as the registry record collective.servicedesk.chat.messages_per_minute",
    )
    args = parser.parse_args()
    setup = ProsodySetup(
        directory=Path(args.dir).resolve(),
        c2s_port=args.c2s_port,
        http_port=args.http_port,
        domain=args.domain,
        guest_messages_per_minute=args.guest_messages_per_minute,
    )
    print(write(setup))


if __name__ == "__main__":
    main()
