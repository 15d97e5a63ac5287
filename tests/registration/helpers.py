"""Test data of the registration tests: demo people, a service desk, routing data."""

from collective.servicedesk.categories.storage import update_category
from collective.servicedesk.setuphandlers import demo
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles


def make_desk(portal):
    """Demo groups and users, a service desk, and building permits routed to a unit."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    demo.ensure_groups()
    demo.ensure_users()
    desk = api.content.create(
        container=portal, type="ServiceDesk", id="desk", title="Servicetorget"
    )
    update_category("building-permits", unit="servicedesk-building")
    update_category("water-sewage", unit="servicedesk-technical")
    return desk
