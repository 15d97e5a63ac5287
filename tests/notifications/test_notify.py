"""notify(): translated notices, queued in the ZODB, e-mailed after commit."""

from collective.servicedesk.notifications import notify
from collective.servicedesk.notifications import queue
from collective.servicedesk.notifications.delivery import wait_for_deliveries
from collective.servicedesk.notifications.preferences import set_disabled_kinds
from plone import api
from tests.helpers.notifications import make_user
from tests.helpers.notifications import notice
import pytest
import transaction


class TestQueue:
    def test_one_item_per_recipient_in_their_language(self, portal):
        make_user("kari", "nb")
        make_user("nils", "nn")
        make_user("john", "en")
        keys = notify(["kari", "nils", "john"], "assignment", **notice())
        assert len(keys) == 3
        items = {
            queue.get_item(key)["recipient_id"]: queue.get_item(key) for key in keys
        }
        assert items["kari"]["subject"] == (
            "[2026-000042] Tildelt deg: Broken street light"
        )
        assert items["nils"]["subject"] == (
            "[2026-000042] Tildelt deg: Broken street light"
        )
        assert "Frist: 09.03.2026 10:30" in items["kari"]["body"]
        assert "Frist: 09.03.2026 10:30" in items["nils"]["body"]
        assert (
            items["john"]["subject"]
            == "[2026-000042] Assigned to you: Broken street light"
        )
        assert items["john"]["lang"] == "en"
        assert items["kari"]["to"] == ["kari@demo.kommune.no"]
        assert all(item["status"] == queue.PENDING for item in items.values())

    def test_site_language_is_the_fallback(self, portal):
        api.portal.set_registry_record("plone.default_language", "nn")
        make_user("ola")
        (key,) = notify(["ola"], "reminder", **notice())
        assert queue.get_item(key)["lang"] == "nn"

    def test_group_expands_to_members_once(self, portal):
        make_user("kari", "nb")
        make_user("per", "nb")
        api.group.create(groupname="unit-a")
        api.group.add_user(groupname="unit-a", username="kari")
        api.group.add_user(groupname="unit-a", username="per")
        keys = notify(["unit-a", "kari"], "forwarding", **notice())
        assert sorted(queue.get_item(k)["recipient_id"] for k in keys) == [
            "kari",
            "per",
        ]

    def test_same_key_is_queued_once(self, portal):
        make_user("kari", "nb")
        assert len(notify(["kari"], "reminder", key="reminder:x:1", **notice())) == 1
        assert notify(["kari"], "reminder", key="reminder:x:1", **notice()) == []

    def test_turned_off_kind_is_kept_but_not_sent(self, portal):
        make_user("kari", "nb")
        set_disabled_kinds("kari", {"reminder"})
        (key,) = notify(["kari"], "reminder", **notice())
        item = queue.get_item(key)
        assert item["status"] == queue.SKIPPED
        assert item["reason"] == "turned_off"
        assert key not in queue.due_keys(queue.utcnow())

    def test_user_without_address_is_skipped(self, portal):
        make_user("kari", "nb", email="")
        api.user.get(userid="kari").setMemberProperties({"email": ""})
        (key,) = notify(["kari"], "assignment", **notice())
        assert queue.get_item(key)["reason"] == "no_address"

    def test_unknown_kind_is_refused(self, portal):
        with pytest.raises(ValueError):
            notify(["kari"], "nonsense")


class TestDeliveryAfterCommit:
    def test_received_with_recipient_language_and_link(self, mail_portal, smtp):
        make_user("kari", "nb")
        make_user("john", "en")
        notify(["kari", "john"], "assignment", **notice())
        transaction.commit()
        assert wait_for_deliveries(20)
        messages = smtp.wait_for(2)
        assert len(messages) == 2
        kari = smtp.to("kari@demo.kommune.no")[0]
        assert kari["Subject"] == "[2026-000042] Tildelt deg: Broken street light"
        assert kari["Content-Language"] == "nb"
        assert kari["To"] == "kari@demo.kommune.no"
        assert kari["From"] == "Servicetorget <post@demo.kommune.no>"
        body = kari.get_content()
        assert "http://nohost/plone/service-desk/light" in body
        assert "Frist: 09.03.2026 10:30" in body
        john = smtp.to("john@demo.kommune.no")[0]
        assert john["Subject"] == "[2026-000042] Assigned to you: Broken street light"
        assert "Due: 09.03.2026 10:30" in john.get_content()
        transaction.begin()
        statuses = {item["status"] for item in queue.list_items()}
        assert statuses == {queue.SENT}

    def test_rollback_sends_nothing(self, mail_portal, smtp):
        make_user("kari", "nb")
        transaction.commit()
        notify(["kari"], "assignment", **notice())
        transaction.abort()
        assert wait_for_deliveries(20)
        assert smtp.wait_for(1, timeout=1) == []
        assert queue.list_items() == []

    def test_failed_commit_sends_nothing(self, mail_portal, smtp):
        make_user("kari", "nb")
        transaction.commit()
        notify(["kari"], "assignment", **notice())

        def fail(*args):
            raise RuntimeError("veto")

        transaction.get().addBeforeCommitHook(fail)
        with pytest.raises(RuntimeError):
            transaction.commit()
        transaction.abort()
        assert wait_for_deliveries(20)
        assert smtp.wait_for(1, timeout=1) == []
