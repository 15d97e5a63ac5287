"""Directory: what the desk does with the groups pas.plugins.ldap reads."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface


class IDirectorySettings(Interface):
    """What the service desk does with the directory pas.plugins.ldap reads."""

    mapping = schema.List(
        title=_("directory_mapping", default="Directory groups"),
        description=_(
            "directory_mapping_help",
            default="One line per directory group: group DN | unit (group id) | "
            "roles (comma separated).",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    cache_seconds = schema.Int(
        title=_("directory_cache_seconds", default="Cache people and groups for"),
        description=_(
            "directory_cache_seconds_help",
            default="Seconds. A person moved in the directory is moved here "
            "on the next log-in or when this time has passed.",
        ),
        min=10,
        max=86400,
        default=300,
    )
    offline_hours = schema.Int(
        title=_(
            "directory_offline_hours", default="Log-in while the directory is down"
        ),
        description=_(
            "directory_offline_hours_help",
            default="Hours a person who logged in here may log in again while "
            "the directory cannot be reached (0: never).",
        ),
        min=0,
        max=72,
        default=8,
    )
    search_min_chars = schema.Int(
        title=_("directory_search_min_chars", default="Search from"),
        description=_(
            "directory_search_min_chars_help",
            default="Characters typed before people and groups are searched.",
        ),
        min=1,
        max=10,
        default=2,
    )
    search_limit = schema.Int(
        title=_("directory_search_limit", default="Search results"),
        min=1,
        max=200,
        default=20,
    )
