"""People and groups of the directory, cached for ``cache_seconds``.

Every page of a logged-in directory user needs their name, e-mail and groups;
the panels need names of colleagues; routing needs the members of a unit.
None of that may cost a directory call per request or per row, so answers
are kept in this process for the TTL of the ``cache_seconds`` setting
(default 5 minutes). While the directory is down, older answers are used
rather than none (a clear log line says so).
"""

from collective.servicedesk.directory import client
from collective.servicedesk.settings import settings
from zope.component.hooks import getSite
import threading
import time

# Profile keys read from the directory (pas.plugins.ldap's attribute map names
# them; the values are the directory's attribute names).
PROFILE_KEYS = ("fullname", "email", "phone", "department", "title")
_lock = threading.Lock()
_cache: dict[tuple, tuple[float, object]] = {}
MAX_ENTRIES = 50000


def _key(kind: str, value: str) -> tuple:
    # getSite(), not api.portal.get(): this runs many times per request.
    return (getSite().getPhysicalPath(), kind, value)


def _get(key: tuple, stale: bool = False):
    """(hit, value): a fresh entry, or when ``stale`` any entry."""
    entry = _cache.get(key)
    if entry is None:
        return False, None
    if stale or entry[0] > time.monotonic():
        return True, entry[1]
    return False, None


def _put(key: tuple, value) -> None:
    with _lock:
        if len(_cache) > MAX_ENTRIES:
            _cache.clear()
        _cache[key] = (time.monotonic() + settings().directory.cache_seconds, value)


def _cached(kind: str, value: str, load):
    """``load()`` remembered for the TTL; the old answer while the directory is down."""
    key = _key(kind, value)
    hit, found = _get(key)
    if hit:
        return found
    try:
        found = load()
    except client.DirectoryUnavailable:
        hit, found = _get(key, stale=True)
        if hit:
            return found
        raise
    _put(key, found)
    return found


def clear() -> None:
    """Forget everything (tests; the control panel's "refresh now")."""
    with _lock:
        _cache.clear()


def forget_user(user_id: str) -> None:
    """Forget one person (their next request reads them again)."""
    with _lock:
        _cache.pop(_key("user", user_id), None)


def _attr_names(cfg: client.Config) -> list[str]:
    names = {cfg.attrmap.get(k) for k in ("id", "login", "upn") + PROFILE_KEYS}
    return sorted(n for n in names if n) + ["memberOf"]


def _profile(cfg: client.Config, dn: str, attrs: dict) -> dict:
    def first(key: str) -> str:
        name = cfg.attrmap.get(key)
        values = attrs.get(name) if name else None
        return values[0] if values else ""

    profile = {"id": first("id"), "login": first("login"), "dn": dn}
    for key in PROFILE_KEYS:
        profile[key] = first(key)
    profile["fullname"] = profile["fullname"] or profile["id"]
    profile["groups"] = tuple(g.lower() for g in attrs.get("memberOf", ()))
    return profile


def _users_filter(cfg: client.Config, condition: str) -> str:
    return f"(&{cfg.users_filter}{condition})"


def _find_one(cfg: client.Config, condition: str) -> dict | None:
    found = client.search(
        cfg.users_base,
        _users_filter(cfg, condition),
        _attr_names(cfg),
        scope=cfg.users_scope,
        limit=2,
        cfg=cfg,
    )
    if len(found) != 1:
        return None
    return _profile(cfg, *found[0])


def user(user_id: str) -> dict | None:
    """The profile of a directory user ({id, login, dn, fullname, email, phone,
    department, title, groups}), or None for anyone else (cached)."""
    cfg = client.config()
    if cfg is None or not user_id:
        return None
    id_attr = cfg.attrmap.get("id", "uid")
    return _cached(
        "user",
        user_id,
        lambda: _find_one(cfg, f"({id_attr}={client.escape(user_id)})"),
    )


def peek(user_id: str) -> dict | None:
    """The cached profile of a person, without asking the directory."""
    if not user_id or client.config() is None:
        return None
    return _get(_key("user", user_id), stale=True)[1]


def user_by_login(login: str, fresh: bool = False) -> dict | None:
    """The profile of whoever logs in with ``login`` (login attribute or UPN)."""
    cfg = client.config()
    if cfg is None or not login:
        return None
    value = client.escape(login)
    names = {cfg.attrmap.get("login"), cfg.attrmap.get("upn")} - {None, ""}
    condition = "(|" + "".join(f"({n}={value})" for n in sorted(names)) + ")"
    if not fresh:
        return _cached("login", login.lower(), lambda: _find_one(cfg, condition))
    profile = _find_one(cfg, condition)
    _put(_key("login", login.lower()), profile)
    if profile is not None:
        _put(_key("user", profile["id"]), profile)
    return profile


def _parents(cfg: client.Config, group_dn: str) -> tuple[str, ...]:
    def load():
        found = client.search(
            group_dn, "(objectClass=*)", ["memberOf"], scope=0, limit=1, cfg=cfg
        )
        return (
            tuple(g.lower() for g in found[0][1].get("memberOf", ())) if found else ()
        )

    return _cached("parents", group_dn, load)


def all_groups(profile: dict | None) -> frozenset[str]:
    """DNs (lower case) of a person's groups, nested groups included."""
    if not profile:
        return frozenset()
    cfg = client.config()
    seen: set[str] = set()
    todo = list(profile.get("groups", ()))
    while todo:
        dn = todo.pop()
        if dn in seen:
            continue
        seen.add(dn)
        try:
            todo.extend(_parents(cfg, dn))
        except client.DirectoryUnavailable:
            continue
    return frozenset(seen)


def group_members(group_dn: str) -> list[dict]:
    """Profiles of the people in a group and its nested groups (cached).

    One search per group level (``memberOf=<group>``), never one per person;
    the profiles found are cached as people too.
    """
    cfg = client.config()
    if cfg is None or not group_dn:
        return []

    def load():
        people: dict[str, dict] = {}
        seen: set[str] = set()
        todo = [group_dn.lower()]
        while todo:
            dn = todo.pop()
            if dn in seen:
                continue
            seen.add(dn)
            condition = f"(memberOf={client.escape(dn)})"
            for entry_dn, attrs in client.search(
                cfg.users_base,
                _users_filter(cfg, condition),
                _attr_names(cfg),
                scope=cfg.users_scope,
                cfg=cfg,
            ):
                profile = _profile(cfg, entry_dn, attrs)
                if profile["id"]:
                    people[profile["id"]] = profile
            for entry_dn, _attrs in client.search(
                cfg.groups_base,
                f"(&{cfg.groups_filter}{condition})",
                ["cn"],
                scope=cfg.groups_scope,
                cfg=cfg,
            ):
                todo.append(entry_dn.lower())
        for profile in people.values():
            _put(_key("user", profile["id"]), profile)
        return sorted(people.values(), key=lambda p: p["fullname"].lower())

    return _cached("members", group_dn.lower(), load)


def _tokens(text: str) -> list[str]:
    return [t for t in (text or "").replace("*", " ").split() if t][:4]


def search_people(text: str, limit: int | None = None) -> list[dict]:
    """People whose name, login or e-mail contain every word typed (limited)."""
    cfg = client.config()
    tokens = _tokens(text)
    directory = settings().directory
    if cfg is None or sum(len(t) for t in tokens) < directory.search_min_chars:
        return []
    limit = min(limit or directory.search_limit, directory.search_limit)
    names = [cfg.attrmap.get(k) for k in ("fullname", "login", "email")]
    names = [n for n in dict.fromkeys(names) if n]
    parts = []
    for token in tokens:
        value = client.escape(token)
        parts.append("(|" + "".join(f"({n}=*{value}*)" for n in names) + ")")
    found = client.search(
        cfg.users_base,
        _users_filter(cfg, "".join(parts)),
        _attr_names(cfg),
        scope=cfg.users_scope,
        limit=limit,
        cfg=cfg,
    )
    people = [_profile(cfg, dn, attrs) for dn, attrs in found]
    for profile in people:
        _put(_key("user", profile["id"]), profile)
    return sorted(people, key=lambda p: p["fullname"].lower())


def group(group_dn: str) -> dict | None:
    """{dn, id, title} of a directory group (cached)."""
    cfg = client.config()
    if cfg is None or not group_dn:
        return None

    def load():
        attrs = [cfg.group_id_attr, cfg.group_title_attr, "displayName"]
        found = client.search(
            group_dn, "(objectClass=*)", attrs, scope=0, limit=1, cfg=cfg
        )
        return _group(cfg, *found[0]) if found else None

    return _cached("group", group_dn.lower(), load)


def _group(cfg: client.Config, dn: str, attrs: dict) -> dict:
    def first(name):
        values = attrs.get(name) or ()
        return values[0] if values else ""

    group_id = first(cfg.group_id_attr) or dn.split(",", 1)[0].split("=", 1)[-1]
    title = first("displayName") or first(cfg.group_title_attr) or group_id
    return {"dn": dn.lower(), "id": group_id, "title": title}


def search_groups(text: str, limit: int | None = None) -> list[dict]:
    """Directory groups whose name contains the words typed (limited)."""
    cfg = client.config()
    tokens = _tokens(text)
    directory = settings().directory
    if cfg is None or sum(len(t) for t in tokens) < directory.search_min_chars:
        return []
    limit = min(limit or directory.search_limit, directory.search_limit)
    names = [n for n in dict.fromkeys(["cn", cfg.group_id_attr, "displayName"]) if n]
    parts = []
    for token in tokens:
        value = client.escape(token)
        parts.append("(|" + "".join(f"({n}=*{value}*)" for n in names) + ")")
    found = client.search(
        cfg.groups_base,
        f"(&{cfg.groups_filter}{''.join(parts)})",
        [cfg.group_id_attr, cfg.group_title_attr, "displayName"],
        scope=cfg.groups_scope,
        limit=limit,
        cfg=cfg,
    )
    return sorted((_group(cfg, *e) for e in found), key=lambda g: g["title"].lower())
