"""Write an HAProxy configuration for the cluster from scripts/haproxy.cfg.in.

Usage:
    python scripts/haproxy_config.py --bind 127.0.0.1:8080 \
        --server 127.0.0.1:8081 --server 127.0.0.1:8082 [--site Plone] \
        [--stats 127.0.0.1:8404] [--check-interval 2s] [--out var/haproxy.cfg]

`make start-cluster` runs it when `haproxy` is installed; in production copy
the result (or the template) and adjust the addresses.
"""

from pathlib import Path
from string import Template
import argparse
import sys

TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg.in"


def render(
    bind: str,
    servers: list[str],
    site: str = "Plone",
    stats: str = "127.0.0.1:8404",
    check_interval: str = "2s",
    balance: str = "leastconn",
) -> str:
    """The configuration text for these addresses."""
    if not servers:
        raise ValueError("at least one --server is needed")
    lines = [
        f"    server instance{number} {address}"
        for number, address in enumerate(servers, start=1)
    ]
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        bind=bind,
        servers="\n".join(lines),
        health_path=f"/{site.strip('/')}/@@servicedesk-ready",
        health_host="localhost",
        stats_bind=stats,
        check_interval=check_interval,
        balance=balance,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", required=True, help="address:port to listen on")
    parser.add_argument(
        "--server", action="append", default=[], help="an instance's address:port"
    )
    parser.add_argument("--site", default="Plone", help="the Plone site's id")
    parser.add_argument("--stats", default="127.0.0.1:8404", help="stats page")
    parser.add_argument("--check-interval", default="2s")
    parser.add_argument("--balance", default="leastconn")
    parser.add_argument("--out", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    text = render(
        args.bind,
        args.server,
        args.site,
        args.stats,
        args.check_interval,
        args.balance,
    )
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
