"""The data of the "who is on duty / available" panel (read-only)."""

from collective.servicedesk.dates import short
from collective.servicedesk.directory.api import cached_profile
from collective.servicedesk.directory.availability import DEFAULT_STATUS
from collective.servicedesk.directory.availability import all_statuses
from collective.servicedesk.directory.availability import status_titles
from collective.servicedesk.settings import settings
from collective.servicedesk.workspace import bridge
from collective.servicedesk.workspace.presence import seen as seen_store
from datetime import UTC
from datetime import datetime
from plone import api
import time

_competence_cache: dict[str, tuple[float, dict]] = {}
CACHE_SECONDS = 60


def online_seconds() -> int:
    """The online window from the registry, in seconds."""
    return int(settings().workspace.online_minutes or 15) * 60


def competence_by_user() -> dict[str, list[str]]:
    """{user id: [category ids]} with groups expanded (cached for a minute)."""
    site = "/".join(api.portal.get().getPhysicalPath())
    cached = _competence_cache.get(site)
    if cached and time.time() - cached[0] < CACHE_SECONDS:
        return cached[1]
    by_principal: dict[str, list[str]] = {}
    for category, principals in bridge.competence().items():
        for principal in principals:
            by_principal.setdefault(principal, []).append(category)
    result: dict[str, list[str]] = {}
    for principal, categories in by_principal.items():
        for user_id in bridge.expand_users([principal]):
            known = result.setdefault(user_id, [])
            known.extend(c for c in categories if c not in known)
    _competence_cache[site] = (time.time(), result)
    return result


def clear_cache() -> None:
    """Forget cached competence (tests, after editing profiles)."""
    _competence_cache.clear()


def on_duty_now() -> list[dict]:
    """[{category, title, users: [{id, name}]}] for duties running now."""
    by_category: dict[str, list[str]] = {}
    for period in bridge.duties_now():
        for user_id in bridge.expand_users([period["user"]]):
            for category in period["categories"]:
                users = by_category.setdefault(category, [])
                if user_id not in users:
                    users.append(user_id)
    return [
        {
            "category": category,
            "title": bridge.category_title(category),
            "users": [{"id": u, "name": bridge.user_fullname(u)} for u in users],
        }
        for category, users in sorted(
            by_category.items(), key=lambda item: bridge.category_title(item[0])
        )
    ]


def colleagues(
    current_user_id: str = "", duties: list[dict] | None = None
) -> list[dict]:
    """Colleagues with a status, recently seen or on duty, best reachable first.

    Pass `duties` (from `on_duty_now()`) when the caller has them already, so a
    page view evaluates the roster once.
    """
    statuses = all_statuses()
    last_seen = seen_store.seen()
    window = online_seconds()
    now = time.time()
    if duties is None:
        duties = on_duty_now()
    duty_users = {u["id"] for d in duties for u in d["users"]}
    competence = competence_by_user()
    titles = status_titles()
    people = set(statuses) | set(last_seen) | duty_users
    rows = []
    for user_id in people:
        record = statuses.get(user_id) or {}
        status = record.get("status", DEFAULT_STATUS)
        seen_at, name = last_seen.get(user_id, (0.0, ""))
        online = bool(seen_at) and now - seen_at <= window
        rows.append(
            {
                "id": user_id,
                "name": name or bridge.user_fullname(user_id),
                "status": status,
                "status_title": titles[status],
                "note": record.get("note", ""),
                "online": online,
                "last_seen": short(datetime.fromtimestamp(seen_at, UTC))
                if seen_at
                else "",
                "on_duty": user_id in duty_users,
                "is_me": user_id == current_user_id,
                "categories": [
                    bridge.category_title(c) for c in competence.get(user_id, [])
                ],
                # Phone and department from the staff directory (cache only).
                **cached_profile(user_id),
            }
        )
    order = {"available": 0, "busy": 1, "away": 2, "absent": 3}
    return sorted(
        rows,
        key=lambda r: (not r["online"], order.get(r["status"], 9), r["name"].lower()),
    )
