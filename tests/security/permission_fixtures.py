"""Fixtures of the generated permission tests: demo staff, a confidential inquiry."""

from collective.servicedesk.content.assignment import assign
from collective.servicedesk.setuphandlers.demo import DEMO_PASSWORD
from collective.servicedesk.setuphandlers.demo import ensure_groups
from collective.servicedesk.setuphandlers.demo import ensure_users
from plone import api
from tests.services.helpers import make_desk
from tests.services.helpers import set_state
import pytest
import transaction

# Words only the inquiry holds: seen in an answer only if it leaks.
SECRET = "Hemmeligsak Quorbletrix"
REQUESTER = "secret.requester@example.no"


@pytest.fixture
def secret(functional_portal):
    """A confidential, answered inquiry of the health unit, owned by agent."""
    with api.env.adopt_roles(["Manager"]):
        ensure_groups()
        ensure_users()
    desk = make_desk(functional_portal)
    with api.env.adopt_user(username="agent"):
        inquiry = api.content.create(
            container=desk,
            type="Inquiry",
            title=f"{SECRET} title",
            description=f"{SECRET} description",
            answer=f"{SECRET} answer",
            channel="phone",
            requester_name="Åse Hemmelig",
            requester_email=REQUESTER,
            confidential=True,
        )
    with api.env.adopt_roles(["Manager"]):
        assign(inquiry, handler="handler2", unit="servicedesk-health")
    set_state(inquiry, "answered")
    transaction.commit()
    return inquiry


@pytest.fixture
def session_for(request_factory):
    """A requests session as a demo user (None: anonymous)."""

    def make(username: str | None, accept: str = "application/json"):
        if username is None:
            session = request_factory(api=False)
        else:
            session = request_factory(api=False, basic_auth=(username, DEMO_PASSWORD))
        session.headers["Accept"] = accept
        return session

    return make
