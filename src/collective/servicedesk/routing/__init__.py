"""Routing: competence profiles, the on-duty roster and the assignment suggestion."""

from collective.servicedesk.routing.competence import competent_for
from collective.servicedesk.routing.roster import on_duty
from collective.servicedesk.routing.suggest import Suggestion
from collective.servicedesk.routing.suggest import suggest

__all__ = ["Suggestion", "competent_for", "on_duty", "suggest"]
