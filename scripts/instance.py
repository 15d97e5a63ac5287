"""Write the Zope instance configuration used by `make start` (FileStorage + blobs).

Settings come from environment variables so deployments can override them:
SERVICEDESK_PORT (8080), SERVICEDESK_HOST (0.0.0.0), SERVICEDESK_VAR (./var),
SERVICEDESK_STORAGE (filestorage | relstorage | zeo), SERVICEDESK_PG_DSN (RelStorage),
SERVICEDESK_ZEO_ADDRESS (127.0.0.1:8100), SERVICEDESK_INSTANCE (instance name, so
several instances of one cluster get their own etc/ and blob cache),
SERVICEDESK_THREADS (waitress threads, 4), SERVICEDESK_CACHE_SIZE (objects per
ZODB connection cache, i.e. per thread, 30000) and
SERVICEDESK_CACHE_LOCAL_MB (RelStorage's shared pickle cache per process, 100),
SERVICEDESK_CACHE_LOCAL_DIR (a folder of this instance's own where RelStorage
keeps that cache across restarts; empty: none; see production-tuning.md),
SERVICEDESK_MAX_BODY_MB (largest request body waitress accepts, 10; larger
bodies get 413 before Zope reads them) and SERVICEDESK_TRUSTED_PROXIES
(addresses of front-end proxies, separated by spaces or commas, whose
X-Forwarded-For Zope believes: rate limits then see the real client).
"""

from pathlib import Path
import os

ROOT = Path(__file__).resolve().parent.parent

ZOPE_CONF = """\
%define INSTANCEHOME {instance}
instancehome $INSTANCEHOME
%define CLIENTHOME {var}
clienthome $CLIENTHOME
debug-mode off
{trusted_proxies}security-policy-implementation C
verbose-security off
default-zpublisher-encoding utf-8
python-check-interval 1000

<environment>
    zope_i18n_compile_mo_files true
    zope_i18n_allowed_languages no nb nn en
    CHAMELEON_CACHE {var}/cache
    TZ Europe/Oslo
</environment>

<dos_protection>
    form-memory-limit 4MB
</dos_protection>

{storage}
"""

FILESTORAGE = """\
<zodb_db main>
    cache-size {cache_size}
    <blobstorage>
        blob-dir {var}/blobstorage
        <filestorage>
            path {var}/filestorage/Data.fs
        </filestorage>
    </blobstorage>
    mount-point /
</zodb_db>
"""

# Blobs live in PostgreSQL (shared-blob-dir false): every instance sees them,
# each keeps only a local cache.
RELSTORAGE = """\
%import relstorage
<zodb_db main>
    cache-size {cache_size}
    <relstorage>
        keep-history false
        cache-local-mb {cache_local_mb}
{cache_local_dir}        shared-blob-dir false
        blob-dir {instance}/blobcache
        blob-cache-size 512mb
        <postgresql>
            dsn {dsn}
        </postgresql>
    </relstorage>
    mount-point /
</zodb_db>
"""

ZEO = """\
%import ZEO
<zodb_db main>
    cache-size {cache_size}
    <clientstorage>
        server {zeo}
        blob-dir {instance}/blobcache
        shared-blob-dir false
        name {name}
    </clientstorage>
    mount-point /
</zodb_db>
"""

STORAGES = {"filestorage": FILESTORAGE, "relstorage": RELSTORAGE, "zeo": ZEO}

ZOPE_INI = """\
[app:zope]
use = egg:Zope#main
zope_conf = %(here)s/zope.conf

[server:main]
use = egg:waitress#main
listen = {host}:{port}
threads = {threads}
clear_untrusted_proxy_headers = false
max_request_body_size = {max_body}

[filter:translogger]
use = egg:Paste#translogger
setup_console_handler = False

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    translogger
    zope

[loggers]
keys = root, plone, waitress.queue, waitress, wsgi

[handlers]
keys = console, accesslog, eventlog

[formatters]
keys = generic, message

[logger_root]
level = INFO
handlers = console, eventlog

[logger_plone]
level = INFO
handlers = eventlog
qualname = plone

[logger_waitress.queue]
level = INFO
handlers = eventlog
qualname = waitress.queue
propagate = 0

[logger_waitress]
level = INFO
handlers = eventlog
qualname = waitress

[logger_wsgi]
level = WARN
handlers = accesslog
qualname = wsgi
propagate = 0

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = INFO
formatter = generic

[handler_accesslog]
class = FileHandler
args = ('{var}/log/access.log', 'a')
level = INFO
formatter = message

[handler_eventlog]
class = FileHandler
args = ('{var}/log/event.log', 'a')
level = INFO
formatter = generic

[formatter_generic]
format = %(asctime)s %(levelname)-7.7s [%(name)s:%(lineno)s][%(threadName)s] %(message)s

[formatter_message]
format = %(message)s
"""

SITE_ZCML = """\
<configure
    xmlns="http://namespaces.zope.org/zope"
    xmlns:meta="http://namespaces.zope.org/meta"
    xmlns:five="http://namespaces.zope.org/five">
  <include package="Products.Five" />
  <meta:redefinePermission from="zope2.Public" to="zope2.View" />
  <five:loadProducts file="meta.zcml"/>
  <five:loadProducts />
  <five:loadProductsOverrides />
  <securityPolicy component="AccessControl.security.SecurityPolicy" />
</configure>
"""


def max_body_bytes() -> int:
    """SERVICEDESK_MAX_BODY_MB (default 10) in bytes, at least 1 MB."""
    megabytes = float(os.environ.get("SERVICEDESK_MAX_BODY_MB", "10") or "10")
    return max(1, int(megabytes * 1024 * 1024))


def trusted_proxies(value: str) -> str:
    """zope.conf lines for the proxies in ``value`` (spaces or commas)."""
    addresses = [part for part in value.replace(",", " ").split() if part]
    return "".join(f"trusted-proxy {address}\n" for address in addresses)


def cache_local_dir(value: str) -> str:
    """RelStorage lines for a persistent local cache in ``value`` (made if missing)."""
    if not value.strip():
        return ""
    folder = Path(value.strip()).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    # Written at a clean shutdown, read at start: the first requests after a
    # restart find the catalogue in memory instead of in PostgreSQL.
    return f"        cache-local-dir {folder}\n"


def main() -> None:
    var = Path(os.environ.get("SERVICEDESK_VAR", ROOT / "var")).resolve()
    name = os.environ.get("SERVICEDESK_INSTANCE", "instance")
    instance = var / name
    etc = instance / "etc"
    for folder in (
        etc,
        var / "filestorage",
        var / "blobstorage",
        var / "log",
        var / "cache",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    (var / "blobstorage").chmod(0o700)
    kind = os.environ.get("SERVICEDESK_STORAGE", "filestorage")
    values = {
        "instance": instance,
        "var": var,
        "name": name,
        "dsn": os.environ.get(
            "SERVICEDESK_PG_DSN",
            "dbname='servicedesk' user='postgres' host='127.0.0.1' port='5432'",
        ),
        "zeo": os.environ.get("SERVICEDESK_ZEO_ADDRESS", "127.0.0.1:8100"),
        "port": os.environ.get("SERVICEDESK_PORT", "8080"),
        "host": os.environ.get("SERVICEDESK_HOST", "0.0.0.0"),
        "cache_size": int(os.environ.get("SERVICEDESK_CACHE_SIZE", "30000")),
        "threads": str(int(os.environ.get("SERVICEDESK_THREADS", "4"))),
        "cache_local_mb": int(os.environ.get("SERVICEDESK_CACHE_LOCAL_MB", "100")),
        "cache_local_dir": cache_local_dir(
            os.environ.get("SERVICEDESK_CACHE_LOCAL_DIR", "")
        ),
        "trusted_proxies": trusted_proxies(
            os.environ.get("SERVICEDESK_TRUSTED_PROXIES", "")
        ),
    }
    values["storage"] = STORAGES[kind].format(**values)
    (etc / "zope.conf").write_text(ZOPE_CONF.format(**values))
    (etc / "zope.ini").write_text(
        ZOPE_INI.replace("{var}", str(var))
        .replace("{host}", values["host"])
        .replace("{port}", values["port"])
        .replace("{threads}", values["threads"])
        .replace("{max_body}", str(max_body_bytes()))
    )
    (etc / "site.zcml").write_text(SITE_ZCML)
    print(f"Instance configuration written to {etc}")


if __name__ == "__main__":
    main()
