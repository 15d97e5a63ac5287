"""Display names: kept per site, principal and minute (plone.memoize), or forgotten."""

from collective.servicedesk.routing import display
from plone import api


def _rename(user_id: str, fullname: str) -> None:
    api.user.get(userid=user_id).setMemberProperties({"fullname": fullname})


def _retitle(group_id: str, title: str) -> None:
    api.group.get(groupname=group_id).setGroupProperties({"title": title})


class TestDisplayNames:
    def test_a_name_is_kept_within_the_minute(self, people, monkeypatch):
        monkeypatch.setattr(display, "_bucket", lambda: 1)
        assert display.user_fullname("anna") == "Anna Andersen"
        _rename("anna", "Anna Aas")
        assert display.user_fullname("anna") == "Anna Andersen"

    def test_a_new_minute_looks_the_name_up_again(self, people, monkeypatch):
        monkeypatch.setattr(display, "_bucket", lambda: 1)
        assert display.user_fullname("anna") == "Anna Andersen"
        _rename("anna", "Anna Aas")
        monkeypatch.setattr(display, "_bucket", lambda: 2)
        assert display.user_fullname("anna") == "Anna Aas"

    def test_clear_names_forgets_names_titles_and_groups(self, people, monkeypatch):
        monkeypatch.setattr(display, "_bucket", lambda: 1)
        assert display.user_fullname("bjorn") == "Bjørn Berg"
        assert display.group_title("unit-building") == "Building unit"
        assert "unit-outer" in display.user_groups("dina")
        assert "unit-building" not in display.user_groups("dina")
        _rename("bjorn", "Bjørn Bakke")
        _retitle("unit-building", "Building permits")
        api.group.add_user(groupname="unit-building", username="dina")
        display.clear_names()
        assert display.user_fullname("bjorn") == "Bjørn Bakke"
        assert display.group_title("unit-building") == "Building permits"
        assert "unit-building" in display.user_groups("dina")

    def test_unknown_principals_read_as_their_id(self, people):
        assert display.user_fullname("nobody") == "nobody"
        assert display.group_title("no-such-unit") == "no-such-unit"
        assert display.user_fullname("") == ""
        assert display.user_groups("") == []
