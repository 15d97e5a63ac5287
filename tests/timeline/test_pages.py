"""Pages under the desk: times in the site's time zone, people and units by name."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.history.storage import ANNOTATION_KEY
from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.messages.notes import add_note
from datetime import UTC
from datetime import datetime
from lxml import html as lxml_html
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides
import pytest
import pytz

IDS = ("agent", "handler", "handler2", "servicedesk-building", "servicedesk-health")


def render(obj, name: str = "view") -> str:
    request = obj.REQUEST
    alsoProvides(request, IServiceDeskLayer)
    request.other.pop("_servicedesk_names", None)
    return obj.restrictedTraverse(f"@@{name}")()


def visible_texts(page: str) -> set[str]:
    """Each piece of text a person reads (not attributes or scripts), stripped."""
    tree = lxml_html.fromstring(page)
    for node in tree.xpath("//script|//style"):
        node.drop_tree()
    return {text.strip() for text in tree.xpath("//text()") if text.strip()}


@pytest.mark.parametrize(
    "moment,local,utc",
    [
        (
            datetime(2026, 7, 1, 10, 0, tzinfo=UTC),
            "01.07.2026 12:00",
            "01.07.2026 10:00",
        ),
        (
            datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
            "01.12.2026 11:00",
            "01.12.2026 10:00",
        ),
    ],
)
def test_inquiry_page_in_local_time(inquiry, moment, local, utc):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
    inquiry.due_date = moment.astimezone(pytz.utc)
    for entry in IAnnotations(inquiry)[ANNOTATION_KEY]:
        entry["when"] = moment
    add_note(inquiry, "Notat", author_id="agent")
    notes = IAnnotations(inquiry)["collective.servicedesk.notes"]
    for key in list(notes.keys()):
        notes[key] = dict(notes[key], created=moment)
    page = render(inquiry)
    # Due date (details and deadline box), registration and the note.
    assert page.count(local) >= 4
    assert utc not in page


def test_no_ids_where_names_exist(inquiry, desk):
    assign(inquiry, handler="handler", unit="servicedesk-building", reason="Byggesak")
    with api.env.adopt_user(username="agent"):
        assign(inquiry, handler="handler2", unit="servicedesk-health", reason="Helse")
    for obj in (inquiry, desk):
        texts = visible_texts(render(obj))
        assert not texts & set(IDS), (obj, texts & set(IDS))
    texts = visible_texts(render(inquiry))
    assert {"Per Byggmester", "Ingrid Helse", "Health and social"} <= texts


def test_edit_form_asks_for_no_ids(inquiry):
    page = render(inquiry, "edit")
    assert "IResponsibility.responsible_handler" not in page
    assert "IResponsibility.responsible_unit" not in page
    assert "IResponsibility.due_date" in page
