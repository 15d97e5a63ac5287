"""Follow-up codes: unguessable, stored as hashes, revocable, expiring."""

from collective.servicedesk.citizen import codes
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.services.helpers import make_inquiry
from zope.annotation.interfaces import IAnnotations
import hashlib
import statistics
import time


class TestCodes:
    def test_issue_and_resolve(self, portal, desk):
        inquiry = make_inquiry(desk)
        code = codes.issue(inquiry)
        assert len(code) >= 16
        assert codes.resolve(code) == inquiry.UID()

    def test_only_the_hash_is_stored(self, portal, desk):
        inquiry = make_inquiry(desk)
        code = codes.issue(inquiry)
        storage = IAnnotations(portal)[codes.ANNOTATION_KEY]
        digest = hashlib.sha256(code.encode()).hexdigest()
        assert list(storage["by_hash"].keys()) == [digest]
        assert code not in repr(list(storage["by_hash"].items()))
        assert code not in repr(list(storage["by_uid"].items()))

    def test_codes_differ(self, portal, desk):
        inquiry = make_inquiry(desk)
        assert len({codes.issue(inquiry) for _ in range(20)}) == 20

    def test_reissue_revokes_the_old_code(self, portal, desk):
        inquiry = make_inquiry(desk)
        old = codes.issue(inquiry)
        new = codes.issue(inquiry)
        assert codes.resolve(old) is None
        assert codes.resolve(new) == inquiry.UID()

    def test_revoke(self, portal, desk):
        inquiry = make_inquiry(desk)
        code = codes.issue(inquiry)
        assert codes.revoke(inquiry) is True
        assert codes.resolve(code) is None
        assert codes.revoke(inquiry) is False
        assert codes.status(inquiry) is None

    def test_expiry(self, portal, desk):
        inquiry = make_inquiry(desk)
        now = datetime.now(UTC)
        code = codes.issue(inquiry, days=2, now=now)
        assert codes.resolve(code, now=now + timedelta(days=1)) == inquiry.UID()
        assert codes.resolve(code, now=now + timedelta(days=2)) is None
        assert codes.status(inquiry)["expires"] == now + timedelta(days=2)

    def test_default_expiry_from_control_panel(self, portal, desk):
        api.portal.set_registry_record("collective.servicedesk.followup_code_days", 0)
        inquiry = make_inquiry(desk)
        codes.issue(inquiry)
        assert codes.status(inquiry)["expires"] is None

    def test_deleting_the_inquiry_revokes(self, portal, desk):
        inquiry = make_inquiry(desk)
        code = codes.issue(inquiry)
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=inquiry)
        assert codes.resolve(code) is None

    def test_resolve_writes_nothing(self, portal, desk):
        assert codes.resolve("no-such-code") is None
        assert codes.ANNOTATION_KEY not in IAnnotations(portal)

    def test_wrong_and_expired_take_the_same_time(self, portal, desk):
        """Both are one hash and one BTree look-up: no timing signal."""
        inquiry = make_inquiry(desk)
        past = datetime.now(UTC) - timedelta(days=10)
        expired = codes.issue(inquiry, days=1, now=past)
        for i in range(20):  # other codes in the tree
            codes.issue(make_inquiry(desk, title=f"q{i}"))

        def median(code):
            samples = []
            for _ in range(300):
                start = time.perf_counter()
                codes.resolve(code)
                samples.append(time.perf_counter() - start)
            return statistics.median(samples)

        wrong = median("x" * len(expired))
        late = median(expired)
        assert codes.resolve(expired) is None
        # Microseconds either way; far below network jitter.
        assert abs(wrong - late) < 50e-6
