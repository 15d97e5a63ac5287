"""Read-only LDAP searches with the connection settings of pas.plugins.ldap.

pas.plugins.ldap keeps the server, bind account, TLS and base DNs (its control
panel and ``ldapsettings.xml`` import step edit them); this module reads them
and runs the few searches the service desk needs with paging, a size limit
and short timeouts. A server that does not answer marks the directory "down"
for ``DOWN_SECONDS``, so a page never waits for it twice.
"""

from collective.servicedesk import logger
from dataclasses import dataclass
from plone import api
from zope.component.hooks import getSite
import threading
import time

try:
    from ldap.controls import SimplePagedResultsControl
    from ldap.filter import escape_filter_chars
    import ldap
except ImportError:  # the optional "ldap" extra is not installed
    ldap = None

    def escape_filter_chars(value: str) -> str:
        return value


PLUGIN_ID = "pasldap"
SERVICEDESK_PLUGIN_ID = "servicedesk_directory"
DOWN_SECONDS = 30.0
PAGE_SIZE = 500
_state = threading.local()
_down_until: dict[str, float] = {}


class DirectoryUnavailable(Exception):
    """The directory server cannot be reached (or answers with an error)."""


@dataclass(frozen=True)
class Config:
    uri: str
    bind_dn: str
    password: str
    start_tls: bool
    ignore_cert: bool
    cacert: str
    conn_timeout: float
    op_timeout: float
    users_base: str
    users_scope: int
    users_filter: str
    attrmap: dict
    groups_base: str
    groups_scope: int
    groups_filter: str
    group_id_attr: str
    group_title_attr: str


def ldap_plugin():
    """The pas.plugins.ldap plugin of this site, or None."""
    if ldap is None:
        return None
    acl = api.portal.get_tool("acl_users")
    return acl.get(PLUGIN_ID) if PLUGIN_ID in acl.objectIds() else None


def active() -> bool:
    """True when the service desk's directory plugin is switched on."""
    from Products.PluggableAuthService.interfaces.plugins import IRolesPlugin

    acl = api.portal.get_tool("acl_users")
    return SERVICEDESK_PLUGIN_ID in acl.plugins.listPluginIds(IRolesPlugin)


# Every PAS call of every request needs the settings: they are read at most
# every CONFIG_SECONDS per process (``connect()`` forgets them at once).
CONFIG_SECONDS = 10.0
_configs: dict[tuple, tuple[float, Config | None]] = {}


def forget_config() -> None:
    """Read the settings again at the next call (after connect/disconnect)."""
    _configs.clear()


def config() -> Config | None:
    """The connection settings, or None when no directory is configured."""
    key = getSite().getPhysicalPath()
    hit = _configs.get(key)
    now = time.monotonic()
    if hit is not None and hit[0] > now:
        return hit[1]
    found = _read_config()
    _configs[key] = (now + CONFIG_SECONDS, found)
    return found


def _read_config() -> Config | None:
    plugin = ldap_plugin()
    if plugin is None or not active():
        return None
    from pas.plugins.ldap.defaults import DEFAULTS

    def get(key):
        return plugin.settings.get(key, DEFAULTS[key])

    groups_map = dict(get("groups.attrmap"))
    # Short timeouts: a page must not wait for a directory that hangs.
    return Config(
        uri=get("server.uri"),
        bind_dn=get("server.user") or "",
        password=get("server.password") or "",
        start_tls=bool(get("server.start_tls")),
        ignore_cert=bool(get("server.ignore_cert")),
        cacert=get("server.tls_cacertfile") or "",
        conn_timeout=min(float(get("server.conn_timeout") or 5), 5.0),
        op_timeout=min(float(get("server.op_timeout") or 10), 10.0),
        users_base=get("users.baseDN"),
        users_scope=int(get("users.scope")),
        users_filter=get("users.queryFilter") or "(objectClass=*)",
        attrmap=dict(get("users.attrmap")),
        groups_base=get("groups.baseDN"),
        groups_scope=int(get("groups.scope")),
        groups_filter=get("groups.queryFilter") or "(objectClass=*)",
        group_id_attr=groups_map.get("id", "cn"),
        group_title_attr=groups_map.get("title", "cn"),
    )


def is_down(cfg: Config | None = None) -> bool:
    """True while the directory is marked unreachable."""
    cfg = cfg or config()
    return cfg is not None and _down_until.get(cfg.uri, 0.0) > time.monotonic()


def mark_up(cfg: Config | None = None) -> None:
    """Forget that the directory was down (tests, the control panel's check)."""
    if cfg is None:
        _down_until.clear()
    else:
        _down_until.pop(cfg.uri, None)


def _mark_down(cfg: Config, error: Exception) -> DirectoryUnavailable:
    _down_until[cfg.uri] = time.monotonic() + DOWN_SECONDS
    _drop(cfg)
    logger.warning("Directory %s unreachable: %s", cfg.uri, error)
    return DirectoryUnavailable(str(error))


def _initialize(cfg: Config):
    connection = ldap.initialize(cfg.uri)
    connection.set_option(ldap.OPT_PROTOCOL_VERSION, 3)
    connection.set_option(ldap.OPT_REFERRALS, 0)  # AD: never chase referrals
    connection.set_option(ldap.OPT_NETWORK_TIMEOUT, cfg.conn_timeout)
    connection.set_option(ldap.OPT_TIMEOUT, cfg.op_timeout)
    connection.timeout = cfg.op_timeout
    if cfg.uri.startswith("ldaps://") or cfg.start_tls:
        if cfg.ignore_cert:
            connection.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
        else:
            connection.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
            if cfg.cacert:
                connection.set_option(ldap.OPT_X_TLS_CACERTFILE, cfg.cacert)
        connection.set_option(ldap.OPT_X_TLS_NEWCTX, 0)
        if cfg.start_tls and not cfg.uri.startswith("ldaps://"):
            connection.start_tls_s()
    return connection


def _conn_key(cfg: Config) -> tuple:
    return (cfg.uri, cfg.bind_dn, cfg.password, cfg.start_tls, cfg.cacert)


def _drop(cfg: Config) -> None:
    connections = getattr(_state, "connections", {})
    connection = connections.pop(_conn_key(cfg), None)
    if connection is not None:
        try:
            connection.unbind_s()
        except Exception:  # noqa: BLE001, S110 - it is gone anyway
            pass


def _connection(cfg: Config):
    """A bound connection of this thread (re-used; one per settings)."""
    connections = getattr(_state, "connections", None)
    if connections is None:
        connections = _state.connections = {}
    connection = connections.get(_conn_key(cfg))
    if connection is None:
        connection = _initialize(cfg)
        connection.simple_bind_s(cfg.bind_dn, cfg.password)
        connections[_conn_key(cfg)] = connection
    return connection


UNREACHABLE = ()
if ldap is not None:
    UNREACHABLE = (ldap.SERVER_DOWN, ldap.TIMEOUT, ldap.CONNECT_ERROR)


def _decode(attrs: dict) -> dict[str, list[str]]:
    return {
        key: [value.decode("utf-8", "replace") for value in values]
        for key, values in attrs.items()
    }


def _paged(connection, base, scope, filterstr, attrs, limit):
    # A limited search asks for one page of `limit` entries: the server stops
    # there (a size limit would make it throw the partial result away).
    size = min(PAGE_SIZE, limit) if limit else PAGE_SIZE
    control = SimplePagedResultsControl(True, size=size, cookie="")
    results = []
    while True:
        msgid = connection.search_ext(
            base, scope, filterstr, attrs, serverctrls=[control]
        )
        _type, data, _msgid, controls = connection.result3(msgid)
        results.extend((dn, attrs) for dn, attrs in data if dn)
        if limit and len(results) >= limit:
            break
        cookies = [
            c.cookie
            for c in controls
            if c.controlType == SimplePagedResultsControl.controlType
        ]
        if not cookies or not cookies[0]:
            break
        control.cookie = cookies[0]
    return results[:limit] if limit else results


def search(
    base: str,
    filterstr: str,
    attrs: list[str],
    scope: int | None = None,
    limit: int = 0,
    cfg: Config | None = None,
) -> list[tuple[str, dict[str, list[str]]]]:
    """Entries as (dn, {attribute: [values]}); raise DirectoryUnavailable."""
    cfg = cfg or config()
    if cfg is None:
        return []
    if is_down(cfg):
        raise DirectoryUnavailable(cfg.uri)
    scope = ldap.SCOPE_SUBTREE if scope is None else scope
    for attempt in (1, 2):
        try:
            connection = _connection(cfg)
            found = _paged(connection, base, scope, filterstr, attrs, limit)
            return [(dn, _decode(entry)) for dn, entry in found]
        except ldap.NO_SUCH_OBJECT:
            return []
        except UNREACHABLE as error:
            # A re-used connection may have been closed by the server: retry
            # once on a new one before calling the directory down.
            _drop(cfg)
            if attempt == 2:
                raise _mark_down(cfg, error) from error
        except ldap.LDAPError as error:
            raise _mark_down(cfg, error) from error
    return []


def check_password(dn: str, password: str, cfg: Config | None = None) -> bool:
    """True when the directory accepts the password (a bind as the person)."""
    cfg = cfg or config()
    if cfg is None or not dn or not password:
        return False
    if is_down(cfg):
        raise DirectoryUnavailable(cfg.uri)
    try:
        connection = _initialize(cfg)
        try:
            connection.simple_bind_s(dn, password)
        finally:
            connection.unbind_s()
        return True
    except ldap.INVALID_CREDENTIALS:
        return False
    except UNREACHABLE as error:
        raise _mark_down(cfg, error) from error
    except ldap.LDAPError as error:
        logger.warning("Directory refused the bind of %s: %s", dn, error)
        return False


def escape(value: str) -> str:
    """Escape a value for an LDAP filter."""
    return escape_filter_chars(value)
