"""The PAS plugin that makes directory staff service desk staff.

pas.plugins.ldap holds the connection settings and serves Plone's user and
group screens. This plugin answers what every request asks about a
directory user — are they who they say (log-in), who are they (name, e-mail,
phone, department), which units and roles do they have — from the cache in
``people`` instead of the directory, and maps directory groups to units and
roles through the control panel's mapping.
"""

from AccessControl.class_init import InitializeClass
from Acquisition import aq_base
from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.directory import client
from collective.servicedesk.directory import mapping
from collective.servicedesk.directory import offline
from collective.servicedesk.directory import people
from Products.PluggableAuthService.interfaces import plugins as pas
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.globalrequest import getRequest
from zope.interface import implementer

PLUGIN_ID = "servicedesk_directory"
INTERFACES = (
    pas.IAuthenticationPlugin,
    pas.IUserEnumerationPlugin,
    pas.IPropertiesPlugin,
    pas.IGroupsPlugin,
    pas.IRolesPlugin,
)


def _is_group(principal) -> bool:
    # Without acquisition: portal_groups.isGroup would be found otherwise.
    is_group = getattr(aq_base(principal), "isGroup", None)
    return bool(is_group and is_group())


def _is_local(plugin, user_id: str) -> bool:
    """True for an account of Plone's own user folder (never a directory user).

    A directory account with the same id as a local one (say "admin") must
    not log in as, or lend its groups and roles to, the local account.
    """
    source = getattr(plugin._getPAS(), "source_users", None)
    return source is not None and bool(
        source.enumerateUsers(id=user_id, exact_match=True)
    )


def _user(plugin, user_id: str) -> dict | None:
    if _is_local(plugin, user_id):
        return None
    try:
        return people.user(user_id)
    except client.DirectoryUnavailable:
        return None


def _tell_unreachable() -> None:
    request = getRequest()
    if request is None:
        return
    from Products.statusmessages.interfaces import IStatusMessage

    IStatusMessage(request).add(
        _(
            "directory_unreachable",
            default="The municipality's user directory cannot be reached right "
            "now, so your password could not be checked. Try again in a few "
            "minutes; if it goes on, call the IT service desk.",
        ),
        type="error",
    )


@implementer(*INTERFACES)
class DirectoryPlugin(BasePlugin):
    """Directory staff: log-in, profile, units and roles from a cache."""

    meta_type = "Service Desk Directory Plugin"

    def __init__(self, id=PLUGIN_ID, title="Service desk directory"):
        self._setId(id)
        self.title = title

    # IAuthenticationPlugin
    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        password = credentials.get("password")
        if not login or not password or client.config() is None:
            return None
        source = getattr(self._getPAS(), "source_users", None)
        if source is not None and source.enumerateUsers(login=login, exact_match=True):
            return None  # a local account: Plone's user folder answers
        try:
            # Always fresh at log-in: a disabled or moved person is seen now.
            profile = people.user_by_login(login, fresh=True)
            if profile is None or _is_local(self, profile["id"]):
                return None
            if not client.check_password(profile["dn"], password):
                return None
        except client.DirectoryUnavailable:
            user_id = offline.check(login, password)
            if user_id is None or _is_local(self, user_id):
                _tell_unreachable()
                return None
            logger.warning("Directory down: %s logged in from the cache", user_id)
            return user_id, login
        offline.remember(login, password, profile["id"])
        return profile["id"], login

    # IUserEnumerationPlugin
    def enumerateUsers(
        self,
        id=None,
        login=None,
        exact_match=False,
        sort_by=None,
        max_results=None,
        **kw,
    ):
        if client.config() is None:
            return ()
        plugin_id = self.getId()
        if exact_match:
            value = id or login
            if not isinstance(value, str) or not value:
                return ()
            try:
                profile = people.user(id) if id else people.user_by_login(login)
            except client.DirectoryUnavailable:
                return ()
            if profile is None or (id and login and profile["login"] != login):
                return ()
            return (
                {"id": profile["id"], "login": profile["login"], "pluginid": plugin_id},
            )
        # Never list the whole directory: only a search with enough typed.
        text = " ".join(
            str(v)
            for v in (id, login, kw.get("fullname"), kw.get("email"), kw.get("name"))
            if isinstance(v, str) and v
        )
        if not text:
            return ()
        try:
            found = people.search_people(text, max_results)
        except client.DirectoryUnavailable:
            return ()
        return tuple(
            {"id": p["id"], "login": p["login"], "pluginid": plugin_id} for p in found
        )

    # IPropertiesPlugin
    def getPropertiesForUser(self, user, request=None):
        if _is_group(user):
            return {}
        profile = _user(self, user.getId())
        if profile is None:
            return {}
        return {key: profile[key] for key in people.PROFILE_KEYS}

    # IGroupsPlugin
    def getGroupsForPrincipal(self, principal, request=None):
        if _is_group(principal):
            return ()
        profile = _user(self, principal.getId())
        if profile is None:
            return ()
        units, _roles = mapping.for_groups(people.all_groups(profile))
        return tuple(sorted(units))

    # IRolesPlugin
    def getRolesForPrincipal(self, principal, request=None):
        if _is_group(principal):
            return ()
        profile = _user(self, principal.getId())
        if profile is None:
            return ()
        _units, roles = mapping.for_groups(people.all_groups(profile))
        return ("Member", *sorted(roles))


InitializeClass(DirectoryPlugin)
