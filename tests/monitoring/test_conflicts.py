"""Write conflicts are logged with where they happened (publisher retries, failures)."""

from collective.servicedesk.monitoring import conflicts
from persistent.mapping import PersistentMapping
from ZODB.POSException import ConflictError
from ZPublisher.pubevents import PubFailure
import logging
import sys


def failure(request, error, retry: bool) -> PubFailure:
    try:
        raise error
    except type(error):
        return PubFailure(request, sys.exc_info(), retry)


class TestConflictLog:
    def test_retry_is_logged_with_path_and_class(self, portal, request, caplog):
        request = portal.REQUEST
        request["PATH_INFO"] = "/plone/desk/@servicedesk-register"
        caplog.set_level(logging.INFO, logger="collective.servicedesk.conflicts")
        before = conflicts.COUNTS["retried"]
        error = ConflictError(object=PersistentMapping())
        conflicts.log_conflict(failure(request, error, retry=True))
        assert conflicts.COUNTS["retried"] == before + 1
        record = caplog.records[-1]
        assert record.levelname == "INFO"
        assert "conflict retried: /plone/desk/@servicedesk-register" in record.message
        assert "persistent.mapping.PersistentMapping" in record.message

    def test_final_failure_is_a_warning(self, portal, caplog):
        request = portal.REQUEST
        caplog.set_level(logging.INFO, logger="collective.servicedesk.conflicts")
        before = conflicts.COUNTS["failed"]
        conflicts.log_conflict(failure(request, ConflictError("boom"), retry=False))
        assert conflicts.COUNTS["failed"] == before + 1
        assert caplog.records[-1].levelname == "WARNING"
        assert "conflict failed:" in caplog.records[-1].message

    def test_other_errors_are_not_conflicts(self, portal, caplog):
        caplog.set_level(logging.INFO, logger="collective.servicedesk.conflicts")
        before = dict(conflicts.COUNTS)
        conflicts.log_conflict(failure(portal.REQUEST, ValueError("x"), retry=False))
        assert dict(conflicts.COUNTS) == before
        assert not caplog.records

    def test_subscriber_is_registered(self, portal):
        from zope.component import getGlobalSiteManager

        handlers = [r.handler for r in getGlobalSiteManager().registeredHandlers()]
        assert conflicts.log_conflict in handlers
