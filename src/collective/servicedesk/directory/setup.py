"""Connect a site to Active Directory: pas.plugins.ldap settings + our plugin.

``connect()`` is what the control panel's form, the tests and the bench call;
a site policy can do the same with pas.plugins.ldap's ``ldapsettings.xml``
import step followed by ``connect()`` without arguments (see the how-to).
"""

from collective.servicedesk.directory import client
from collective.servicedesk.directory import people
from collective.servicedesk.directory.plugin import INTERFACES
from collective.servicedesk.directory.plugin import PLUGIN_ID
from collective.servicedesk.directory.plugin import DirectoryPlugin
from plone import api

# Active Directory: log in with sAMAccountName (or userPrincipalName, which
# our plugin also accepts), enabled accounts only (bit 2 of
# userAccountControl is ACCOUNTDISABLE), groups of objectClass "group",
# membership from memberOf, nested groups resolved by the add-on.
AD_FILTER = "(&(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))"
AD_SETTINGS = {
    "server.ignore_cert": False,
    "server.start_tls": False,
    "server.page_size": 500,
    "server.conn_timeout": 5,
    "server.op_timeout": 10,
    "cache.cache": False,
    "users.attrmap": {
        "rdn": "cn",
        "id": "sAMAccountName",
        "login": "sAMAccountName",
        "upn": "userPrincipalName",
        "fullname": "displayName",
        "email": "mail",
        "phone": "telephoneNumber",
        "department": "department",
        "title": "title",
        "sAMAccountName": "sAMAccountName",
    },
    "users.scope": 2,  # SUBTREE
    "users.queryFilter": AD_FILTER,
    "users.objectClasses": ["user"],
    "users.memberOfSupport": True,
    "users.recursiveGroups": False,
    "users.account_expiration": False,
    "groups.attrmap": {"rdn": "cn", "id": "cn", "title": "displayName"},
    "groups.scope": 2,
    "groups.queryFilter": "(objectClass=group)",
    "groups.objectClasses": ["group"],
    "groups.memberOfSupport": True,
}


def _ldap_plugin(acl):
    from pas.plugins.ldap.plugin import LDAPPlugin

    if client.PLUGIN_ID not in acl.objectIds():
        acl._setObject(client.PLUGIN_ID, LDAPPlugin(client.PLUGIN_ID, title="LDAP"))
    return acl[client.PLUGIN_ID]


def connect(
    uri: str | None = None,
    bind_dn: str | None = None,
    password: str | None = None,
    users_base: str | None = None,
    groups_base: str | None = None,
    start_tls: bool | None = None,
    cacert: str | None = None,
    **settings,
) -> None:
    """Configure pas.plugins.ldap for AD (given values win) and activate ours.

    pas.plugins.ldap's own PAS interfaces are deactivated: its settings, its
    connection test and Plone's screens stay, while every per-request
    question goes to our cached plugin (pas.plugins.ldap caches only with
    memcached and would ask the directory several times per request).
    """
    acl = api.portal.get_tool("acl_users")
    ldap_plugin = _ldap_plugin(acl)
    for key, value in AD_SETTINGS.items():
        if key not in ldap_plugin.settings:
            ldap_plugin.settings[key] = value
    given = {
        "server.uri": uri,
        "server.user": bind_dn,
        "server.password": password,
        "users.baseDN": users_base,
        "groups.baseDN": groups_base,
        "server.start_tls": start_tls,
        "server.tls_cacertfile": cacert,
        **settings,
    }
    for key, value in given.items():
        if value is not None:
            ldap_plugin.settings[key] = value
    plugins = acl.plugins
    for info in plugins.listPluginTypeInfo():
        interface = info["interface"]
        if client.PLUGIN_ID in plugins.listPluginIds(interface):
            plugins.deactivatePlugin(interface, client.PLUGIN_ID)
    if PLUGIN_ID not in acl.objectIds():
        acl._setObject(PLUGIN_ID, DirectoryPlugin(PLUGIN_ID))
    for interface in INTERFACES:
        if PLUGIN_ID not in plugins.listPluginIds(interface):
            plugins.activatePlugin(interface, PLUGIN_ID)
    # Plone's mutable_properties gives every user empty properties: the
    # directory's name and e-mail must come first.
    from Products.PluggableAuthService.interfaces.plugins import IPropertiesPlugin

    while plugins.listPluginIds(IPropertiesPlugin)[0] != PLUGIN_ID:
        plugins.movePluginsUp(IPropertiesPlugin, [PLUGIN_ID])
    # Plone's own user and group screens must search, never list everyone.
    for name in ("plone.many_users", "plone.many_groups"):
        api.portal.set_registry_record(name, True)
    client.forget_config()
    client.mark_up()
    people.clear()


def disconnect() -> None:
    """Turn the directory off (Plone users only); settings are kept."""
    acl = api.portal.get_tool("acl_users")
    plugins = acl.plugins
    for interface in INTERFACES:
        if PLUGIN_ID in plugins.listPluginIds(interface):
            plugins.deactivatePlugin(interface, PLUGIN_ID)
    client.forget_config()
    people.clear()


def connected() -> bool:
    """True when our plugin answers log-ins."""
    acl = api.portal.get_tool("acl_users")
    return PLUGIN_ID in acl.plugins.listPluginIds(INTERFACES[0])
