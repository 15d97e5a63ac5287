"""Page templates compiled one at a time (CPython 3.11 before 3.11.8).

On CPython 3.11.0-3.11.7 and 3.12.0-3.12.1, two threads turning source into
AST objects at once (``compile(..., ast.PyCF_ONLY_AST)``, which Chameleon does
for every template it compiles) can fail with "SystemError: AST constructor
recursion depth mismatch": the depth counter of that conversion was shared
between threads, and a garbage collection in the middle lets another thread
in (python/cpython#106905, fixed in 3.11.8 and 3.12.2). Debian 12's
``python3.11`` is 3.11.2. Each page template is compiled on its first use in
a process, so right after a restart the first users who open the same kind of
page at the same moment got an error page: seen in ``make bench`` S6 at
100 000 inquiries (two "open inquiry" pages, 3 December 2026).

``install`` puts a process-wide lock around Chameleon's ``BaseTemplate._cook``
(parse, compile and load one template). Compiling happens once per template
and process, so the lock costs nothing once the pages have been seen; the
lock is re-entrant in case compiling one template loads another. Chameleon has
no setting for it, hence the wrapper; it is applied on every Python version,
as it is harmless where the bug is fixed.
"""

from chameleon.template import BaseTemplate
import functools
import threading

_lock = threading.RLock()


def locked(cook):
    """``cook`` (a ``_cook`` method) behind the process-wide lock."""

    @functools.wraps(cook)
    def _cook(self, *args, **kwargs):
        with _lock:
            return cook(self, *args, **kwargs)

    _cook._servicedesk_locked = True
    return _cook


def install() -> bool:
    """Wrap ``BaseTemplate._cook`` once; True if it was wrapped now."""
    if getattr(BaseTemplate._cook, "_servicedesk_locked", False):
        return False
    BaseTemplate._cook = locked(BaseTemplate._cook)
    return True
