"""The directory control panel and the type-ahead searches of people and groups."""

from collective.servicedesk import _
from collective.servicedesk.directory import client
from collective.servicedesk.directory import mapping
from collective.servicedesk.directory import people
from collective.servicedesk.directory import setup
from collective.servicedesk.settings import settings
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
import json

MAX_QUERY = 100
INTEGER_SETTINGS = {
    "cache_seconds": (10, 86400),
    "offline_hours": (0, 72),
    "search_min_chars": (1, 10),
    "search_limit": (1, 200),
}


def _json(request, payload, status: int = 200) -> str:
    request.response.setStatus(status)
    request.response.setHeader("Content-Type", "application/json")
    request.response.setHeader("Cache-Control", "private, no-store")
    return json.dumps(payload)


def _error(request, message, status: int = 400, field: str = "q") -> str:
    payload = {"type": "BadRequest", "message": message, "field": field}
    return _json(request, {"error": payload}, status)


class _Search(BrowserView):
    """Shared type-ahead: ``?q=`` with at least ``search_min_chars`` characters."""

    def find(self, text: str) -> list[dict]:
        raise NotImplementedError

    def __call__(self):
        text = self.request.form.get("q", "")
        if not isinstance(text, str) or len(text) > MAX_QUERY:
            return _error(self.request, "q must be text of at most 100 characters")
        try:
            items = self.find(text.strip())
        except client.DirectoryUnavailable:
            return _error(
                self.request, "The directory cannot be reached.", 503, field=""
            )
        return _json(
            self.request,
            {"items": items, "min_chars": settings().directory.search_min_chars},
        )


class PeopleSearch(_Search):
    """People of the directory by name, login or e-mail (limited)."""

    def find(self, text):
        keys = ("id", "fullname", "email", "phone", "department", "title")
        return [{k: p[k] for k in keys} for p in people.search_people(text)]


class GroupSearch(_Search):
    """Directory groups by name (limited), for the mapping."""

    def find(self, text):
        return people.search_groups(text)


class DirectoryControlPanel(BrowserView):
    """``@@servicedesk-directory``: status, group mapping, cache and search."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.handle(self.request.form)
            self.request.response.redirect(
                f"{api.portal.get().absolute_url()}/@@servicedesk-directory"
            )
            return ""
        return self.index()

    def _message(self, text, kind="info"):
        IStatusMessage(self.request).add(text, type=kind)

    def handle(self, form: dict) -> None:
        rows = list(settings().directory.mapping or [])
        if "form.add" in form:
            roles = form.get("roles") or []
            roles = [roles] if isinstance(roles, str) else roles
            line = " | ".join(
                [
                    str(form.get("group", ""))[:500],
                    str(form.get("unit", ""))[:100],
                    ", ".join(r for r in roles if r in mapping.ROLES),
                ]
            )
            row = mapping.parse(line)
            if row is None:
                self._message(
                    _(
                        "directory_mapping_invalid",
                        default="Choose a directory group and a unit or a role.",
                    ),
                    "error",
                )
                return
            rows.append(row.line())
        elif "form.remove" in form:
            index = str(form.get("index", ""))
            if index.isdigit() and int(index) < len(rows):
                rows.pop(int(index))
        elif "form.settings" in form:
            for name, (low, high) in INTEGER_SETTINGS.items():
                value = str(form.get(name, ""))
                if value.isdigit() and low <= int(value) <= high:
                    setattr(settings().directory, name, int(value))
            self._message(_("directory_saved", default="Changes saved."))
            return
        elif "form.connect" in form:
            values = {
                name: str(form.get(name, "")).strip()[:500]
                for name in ("uri", "bind_dn", "users_base", "groups_base", "cacert")
            }
            if not values["uri"].startswith(("ldap://", "ldaps://")):
                self._message(
                    _(
                        "directory_uri_invalid",
                        default="The server address must start with ldap:// or ldaps://.",
                    ),
                    "error",
                )
                return
            password = str(form.get("password", ""))[:500]
            setup.connect(
                uri=values["uri"],
                bind_dn=values["bind_dn"],
                # An empty password field keeps the stored one.
                password=password or None,
                users_base=values["users_base"] or None,
                groups_base=values["groups_base"] or None,
                start_tls=bool(form.get("start_tls")),
                cacert=values["cacert"],
            )
            self._message(_("directory_saved", default="Changes saved."))
            return
        elif "form.disconnect" in form:
            setup.disconnect()
            self._message(_("directory_saved", default="Changes saved."))
            return
        elif "form.refresh" in form:
            people.clear()
            client.mark_up()
            self._message(
                _(
                    "directory_refreshed",
                    default="Everything is read again from the directory.",
                )
            )
            return
        else:
            return
        settings().directory.mapping = rows
        people.clear()
        self._message(_("directory_saved", default="Changes saved."))

    # Template helpers
    def status(self) -> dict:
        cfg = client.config()
        if cfg is None:
            return {"connected": False}
        try:
            client.search(cfg.users_base, "(objectClass=*)", ["cn"], scope=0, cfg=cfg)
            reachable, error = True, ""
        except client.DirectoryUnavailable as exc:
            reachable, error = False, str(exc)
        return {
            "connected": setup.connected(),
            "uri": cfg.uri,
            "tls": cfg.uri.startswith("ldaps://") or cfg.start_tls,
            "users_base": cfg.users_base,
            "groups_base": cfg.groups_base,
            "reachable": reachable,
            "error": error,
        }

    def server(self) -> dict:
        """The connection form's values (never the password)."""
        plugin = client.ldap_plugin()
        settings = plugin.settings if plugin is not None else {}
        return {
            "available": client.ldap is not None,
            "uri": settings.get("server.uri", "ldaps://dc1.kommune.no"),
            "bind_dn": settings.get("server.user", ""),
            "users_base": settings.get("users.baseDN", ""),
            "groups_base": settings.get("groups.baseDN", ""),
            "start_tls": bool(settings.get("server.start_tls", False)),
            "cacert": settings.get("server.tls_cacertfile", "") or "",
        }

    def rows(self) -> list[dict]:
        result = []
        for index, row in enumerate(mapping.rows()):
            try:
                group = people.group(row.group)
            except client.DirectoryUnavailable:
                group = None
            unit = api.group.get(groupname=row.unit) if row.unit else None
            result.append(
                {
                    "index": index,
                    "group": (group or {}).get("title") or row.group,
                    "dn": row.group,
                    "unit": (unit.getProperty("title") or row.unit)
                    if unit
                    else row.unit,
                    "roles": row.roles,
                }
            )
        return result

    def units(self) -> list[dict]:
        groups = api.portal.get_tool("acl_users").source_groups
        return sorted(
            (
                {"id": gid, "title": groups.getGroupInfo(gid).get("title") or gid}
                for gid in groups.getGroupIds()
            ),
            key=lambda item: item["title"].lower(),
        )

    def roles(self) -> tuple[str, ...]:
        return mapping.ROLES

    def settings(self) -> dict:
        directory = settings().directory
        return {name: getattr(directory, name) for name in INTEGER_SETTINGS}
