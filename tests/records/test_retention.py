"""Retention never anonymises an archive-worthy inquiry before its receipt."""

from collective.servicedesk.privacy.retention import candidates
from collective.servicedesk.records import state
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.replies.helpers import close
from tests.replies.helpers import make_desk
from tests.replies.helpers import make_inquiry


def due(uid: str) -> bool:
    later = datetime.now(UTC) + timedelta(days=4000)
    return uid in {brain.UID for brain, _reason in candidates(later)}


def test_pending_is_kept_until_the_receipt(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    obj = make_inquiry(make_desk(portal), archive_worthy=True, case_number="2026/118")
    close(obj)
    # Pending: requested, no receipt yet. Even in "filed" by some other route,
    # it stays until the records system confirms.
    state.put(obj, {"status": state.PENDING, "messages": []})
    with api.env.adopt_roles(["Manager"]):
        wf = api.portal.get_tool("portal_workflow")
        wf.setStatusOf(
            "servicedesk_inquiry_workflow",
            obj,
            {
                **wf.getStatusOf("servicedesk_inquiry_workflow", obj),
                "review_state": "filed",
            },
        )
    obj.reindexObject()
    assert not due(obj.UID())
    # Rejected: still kept.
    state.put(obj, {"status": state.REJECTED, "messages": [], "error": {"type": "x"}})
    obj.reindexObject()
    assert not due(obj.UID())
    # The receipt came: now the records system keeps it, retention may go on.
    state.put(obj, {"status": state.FILED, "messages": []})
    obj.reindexObject()
    assert due(obj.UID())


def test_closed_archive_worthy_without_filing_is_kept(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    obj = make_inquiry(make_desk(portal), archive_worthy=True)
    close(obj)
    assert not due(obj.UID())
