"""A service desk filled with the statistics dataset."""

from plone import api
from tests.statistics import dataset
from tests.workspace.helpers import make_desk
import pytest


@pytest.fixture
def specs():
    return dataset.specification()


@pytest.fixture
def filled(portal, specs):
    # The dataset is written in Oslo time, like the demo municipality.
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Oslo")
    desk = make_desk(portal)
    return desk, dataset.create(desk, specs)
