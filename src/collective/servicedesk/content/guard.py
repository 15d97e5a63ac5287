"""One guard for every route into an inquiry: who may not view it gets a 404.

Zope checks a view's own permission only at the end of traversal, and answers
401 when it fails; a missing inquiry answers 404. That difference tells an
outsider which reference numbers exist. So every request that traverses an
inquiry (its page, any ``@@view``, any REST service, any sub-path) passes
through ``check_traversal`` first, from ``Inquiry.__before_publishing_traverse__``:
whoever may not *View* the inquiry gets exactly the 404 a missing one gives,
before any view, form or service code runs. Views added later are covered
without doing anything.

At that point of traversal Zope has not authenticated the request yet, so the
guard asks the user folders itself, the same way Zope will a moment later.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from zExceptions import NotFound

VIEW = "View"
# Request key: the user the guard found, so a request is authenticated once.
USER_KEY = "collective.servicedesk.guard.user"
_NOBODY = object()


def _user_folders(context) -> list:
    """The user folders from the site up to the Zope root, innermost first."""
    folders, seen = [], set()
    for obj in aq_chain(aq_inner(context)):
        folder = getattr(aq_base(obj), "__allow_groups__", None)
        if folder is not None and id(aq_base(folder)) not in seen:
            seen.add(id(aq_base(folder)))
            folders.append(obj.__allow_groups__)
    return folders


def _from_folder(folder, request):
    extract = getattr(folder, "_extractUserIds", None)
    if extract is not None:  # PluggableAuthService: every extraction plugin
        for user_id, _login in extract(request, folder.plugins):
            user = folder.getUserById(user_id)
            if user is not None:
                return user.__of__(folder)
        return None
    auth = getattr(request, "_auth", None)
    if auth and hasattr(folder, "identify"):  # a classic user folder (basic auth)
        try:
            name, password = folder.identify(auth)
        except Exception:
            return None
        user = folder.authenticate(name, password, request)
        return user.__of__(folder) if user is not None else None
    return None


def request_user(context, request):
    """The user the request's credentials belong to, or None for anonymous."""
    found = request.other.get(USER_KEY, _NOBODY)
    if found is not _NOBODY:
        return found
    user = None
    current = getSecurityManager().getUser()
    if current is not None and current.getUserName() != "Anonymous User":
        user = current  # already authenticated (e.g. a sub-request)
    else:
        for folder in _user_folders(context):
            user = _from_folder(folder, request)
            if user is not None:
                break
    request.other[USER_KEY] = user
    return user


def can_view(inquiry, user) -> bool:
    """Whether ``user`` (None: anonymous) may view ``inquiry``."""
    if user is None:
        return False  # no workflow state gives Anonymous the View permission
    return bool(user.has_permission(VIEW, inquiry))


def not_found(inquiry, request) -> NotFound:
    """The same exception Zope raises for a path that does not exist.

    Traversal has already put the inquiry on ``PARENTS``; the error page
    would take it as its context (its type and section show in the page).
    Without it the page is the one of a missing inquiry: the desk's.
    """
    parents = request.get("PARENTS")
    if parents:
        last = getattr(parents[-1], "context", parents[-1])  # plone.rest wraps
        if aq_base(last) is aq_base(inquiry):
            parents.pop()
    return NotFound(request.get("URL", ""))


def check_traversal(inquiry, request) -> None:
    """Raise the 404 of a missing inquiry unless the requester may view it."""
    if not can_view(inquiry, request_user(inquiry, request)):
        raise not_found(inquiry, request)


def ensure_can_view(inquiry, request=None) -> None:
    """For code that finds an inquiry itself (by UID, by reference in a body)."""
    if not getSecurityManager().checkPermission(VIEW, inquiry):
        raise NotFound(getattr(request, "URL", "") if request is not None else "")
