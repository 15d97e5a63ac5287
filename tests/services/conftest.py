"""Fixtures of the REST service tests."""

from collective.servicedesk.citizen import spam
from plone import api
from tests.services.helpers import make_desk
import pytest
import transaction

PASSWORD = "secret-pass-123"


@pytest.fixture(autouse=True)
def fresh_spam_counters():
    spam.reset()
    yield
    spam.reset()


@pytest.fixture
def public_desk(functional_portal):
    desk = make_desk(functional_portal)
    transaction.commit()
    return desk


@pytest.fixture
def users(functional_portal):
    """An agent (Service Desk Agent) and a plain member without service desk roles."""
    with api.env.adopt_roles(["Manager"]):
        _create_users()
    transaction.commit()


def _create_users() -> None:
    api.user.create(
        email="agent@example.no",
        username="agent-x",
        password=PASSWORD,
        properties={"fullname": "Agent X"},
    )
    api.user.grant_roles(username="agent-x", roles=["Service Desk Agent"])
    api.user.create(
        email="member@example.no",
        username="member-x",
        password=PASSWORD,
    )


@pytest.fixture
def agent_request(request_factory, users):
    return request_factory(basic_auth=("agent-x", PASSWORD))


@pytest.fixture
def member_request(request_factory, users):
    return request_factory(basic_auth=("member-x", PASSWORD))
