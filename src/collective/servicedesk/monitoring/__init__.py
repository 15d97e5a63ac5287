"""Operational signals: which requests hit write conflicts, and on which objects.

Importing the package (ZCML does, for its subscribers) also serialises page
template compilation (``templatelock``): a CPython 3.11 bug otherwise fails
pages that two users open for the first time at the same moment.
"""

from collective.servicedesk.monitoring import templatelock

templatelock.install()
