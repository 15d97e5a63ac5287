"""The listing and queue pages: rendered from brains only, permission-aware."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from plone.app.testing import login
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
import pytest


@pytest.fixture
def render(filled, http_request, monkeypatch):
    """Render a view of the desk; waking an object from a brain fails the test."""
    desk, items = filled
    alsoProvides(http_request, IServiceDeskLayer)

    def no_objects(self, *args, **kwargs):
        raise AssertionError("a listing called getObject()")

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", no_objects)

    def render(name: str, user: str = "agent2", **form) -> str:
        login(desk.aq_parent, user)
        http_request.form.clear()
        http_request.form.update(form)
        view = getMultiAdapter((desk, http_request), name=name)
        return view()

    return render


class TestListingView:
    def test_lists_and_filters(self, render):
        html = render("inquiries")
        for title in ("Garasje", "Dispensasjon", "Vannlekkasje", "Åpningstider"):
            assert title in html
        assert "Sosialhjelp" not in html
        html = render("inquiries", channel="letter")
        assert "Dispensasjon" in html
        assert "Garasje" not in html
        # Filter choices come from vocabularies and the catalog.
        assert 'value="building-permits"' in html
        assert 'value="servicedesk-technical"' in html

    def test_overdue_badge(self, render):
        html = render("inquiries", overdue="1")
        assert "Dispensasjon" in html
        assert "Overdue" in html
        assert "Garasje" not in html

    def test_batching(self, render):
        html = render("inquiries", b_size="2")
        assert html.count('class="inquiry-link"') == 2
        assert "b_start:int=2" in html or "b_start=2" in html

    def test_escaped(self, render, filled):
        desk, items = filled
        items["garage"].title = "<script>alert(1)</script>"
        items["garage"].reindexObject()
        html = render("inquiries")
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


class TestQueueViews:
    def test_my_inquiries(self, render):
        html = render("my-inquiries", user="handler")
        assert "Garasje" in html
        assert "Dispensasjon" not in html

    def test_unit_queue(self, render):
        html = render("unit-queue", user="handler")
        assert "Garasje" in html
        assert "Dispensasjon" in html
        assert "Vannlekkasje" not in html

    def test_unit_queue_of_another_unit_hides_confidential(self, render):
        assert "Sosialhjelp" in render("unit-queue", user="handler2")
        assert "Sosialhjelp" not in render("unit-queue", user="handler")
        assert "Sosialhjelp" not in render("overdue-inquiries", user="handler")

    def test_overdue(self, render):
        html = render("overdue-inquiries", user="lead")
        assert "Dispensasjon" in html
        assert "Vannlekkasje" in html
        assert "Garasje" not in html
