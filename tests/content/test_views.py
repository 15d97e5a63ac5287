"""Default views of the Service Desk and the Inquiry."""

from collective.servicedesk.interfaces import IServiceDeskLayer
from plone import api
from zope.interface import alsoProvides
import pytest


@pytest.fixture
def request_(http_request):
    alsoProvides(http_request, IServiceDeskLayer)
    return http_request


def test_inquiry_view(inquiry, request_):
    inquiry.channel = "phone"
    inquiry.requester_name = "Anne <b>Hansen</b>"
    inquiry.answer = "Apply online"
    view = api.content.get_view("view", inquiry, request_)
    html = view()
    assert inquiry.reference_number in html
    assert "Where do I apply for a permit?" in html
    assert "Phone" in html
    assert "Anne &lt;b&gt;Hansen&lt;/b&gt;" in html
    assert "Apply online" in html
    assert "Registered" in html


def test_anonymous_inquiry_view(desk, request_):
    obj = api.content.create(container=desk, type="Inquiry", title="x", anonymous=True)
    html = api.content.get_view("view", obj, request_)()
    assert "Anonymous: no personal data is stored." in html


def test_confidential_notice(desk, request_):
    obj = api.content.create(
        container=desk, type="Inquiry", title="x", confidential=True
    )
    html = api.content.get_view("view", obj, request_)()
    assert "Confidential" in html


def test_desk_view_lists_inquiries(desk, inquiry, request_):
    view = api.content.get_view("view", desk, request_)
    brains = view.inquiries()
    assert [brain.UID for brain in brains] == [inquiry.UID()]
    html = view()
    assert inquiry.reference_number in html
