"""With the demo profile the panels and the dashboard are populated."""

from collective.servicedesk.directory.availability import all_statuses
from collective.servicedesk.setuphandlers.demo_workspace import create_demo_workspace
from collective.servicedesk.workspace import queue
from plone.app.testing import login
from tests.workspace.pages import render


def test_demo_populates_the_workspace(portal, http_request, desk):
    portal.portal_setup.runAllImportStepsFromProfile(
        "profile-collective.servicedesk:demo"
    )
    statuses = all_statuses()
    assert statuses["handler2"]["status"] == "away"
    mine = queue.my_queue("agent")
    assert mine["count"] >= 2
    # Running it again changes nothing.
    create_demo_workspace()
    assert queue.my_queue("agent")["count"] == mine["count"]
    login(portal, "agent")
    html = render(portal, http_request)
    assert "Ingrid Helse" in html  # away, with a note, in the presence panel
    assert "Kurs til kl. 13" in html
    login(portal, "lead")
    board = queue.unit_queue("lead", 5, all_units=True)
    assert board["count"] > 0 and board["units"]
