"""Moved to ``collective.servicedesk.rest.base`` (issue 13, layers).

Kept only so code written before the move still imports; import from
``collective.servicedesk.rest`` instead. The integrator removes this module.
"""

from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.errors import ServiceError

__all__ = ["ServiceDeskService", "ServiceError"]
