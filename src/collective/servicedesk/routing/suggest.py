"""Suggest who should handle an inquiry: on duty → competent (least loaded) → unit."""

from collections.abc import Callable
from collective.servicedesk import _
from collective.servicedesk.categories.storage import ancestors
from collective.servicedesk.categories.storage import category_title
from collective.servicedesk.categories.storage import get_category
from collective.servicedesk.directory.availability import all_statuses
from collective.servicedesk.routing.competence import competent_for
from collective.servicedesk.routing.load import open_load
from collective.servicedesk.routing.principals import principal_title
from collective.servicedesk.routing.roster import on_duty
from dataclasses import dataclass
from datetime import datetime
from zope.i18nmessageid import Message

LoadFunction = Callable[[list[str]], dict[str, int]]


def absent_users() -> set[str]:
    """Users whose availability is "absent" (set on the workspace panels)."""
    return {
        user_id
        for user_id, status in all_statuses().items()
        if status.get("status") == "absent"
    }


@dataclass(frozen=True)
class Suggestion:
    """The routing suggestion shown to the agent, who may override it."""

    handler: str | None
    unit: str | None
    source: str | None  # "duty" | "competence" | "unit" | None
    reason: Message
    load: int | None = None  # open inquiries of the suggested handler


def _least_loaded(candidates: list[str], load: LoadFunction) -> tuple[str, int]:
    """The candidate with the fewest open inquiries; ties go to the first listed."""
    counts = load(candidates)
    best = min(
        candidates, key=lambda user: (counts.get(user, 0), candidates.index(user))
    )
    return best, counts.get(best, 0)


def _handler_reason(source: str, mapping: dict, several: bool) -> Message:
    if source == "duty" and several:
        return _(
            "routing_reason_duty_load",
            default="${name} is on duty for ${category} and has the fewest open "
            "inquiries (${count}) of the ${total} people on duty.",
            mapping=mapping,
        )
    if source == "duty":
        return _(
            "routing_reason_duty",
            default="${name} is on duty for ${category}.",
            mapping=mapping,
        )
    if several:
        return _(
            "routing_reason_competence_load",
            default="Nobody is on duty for ${category}. ${name} knows this topic and "
            "has the fewest open inquiries (${count}) of ${total} competent people.",
            mapping=mapping,
        )
    return _(
        "routing_reason_competence",
        default="Nobody is on duty for ${category}. ${name} knows this topic.",
        mapping=mapping,
    )


def suggest(
    category: str | None,
    when: datetime | None = None,
    exclude: set | None = None,
    load: LoadFunction | None = None,
) -> Suggestion:
    """Suggest a handler and unit for a category at a moment (default: now).

    The category's parents count too: duty or competence for "Building and
    property" covers "Building permits". ``exclude`` skips users (e.g. the one
    an inquiry is forwarded away from); ``load`` replaces the catalog count.
    """
    if not category:
        reason = _(
            "routing_reason_no_category",
            default="Choose a category to get a routing suggestion.",
        )
        return Suggestion(None, None, None, reason)
    if get_category(category) is None:
        reason = _(
            "routing_reason_unknown_category",
            default="Unknown category ${category}: assign the inquiry by hand.",
            mapping={"category": category},
        )
        return Suggestion(None, None, None, reason)
    # Never send a citizen to someone who is not there (field study rule).
    exclude = set(exclude or ()) | absent_users()
    load = load or open_load
    chain = ancestors(category)
    units = [get_category(level)["unit"] for level in chain]
    unit = next((unit for unit in units if unit), None)
    title = category_title(category)
    for source, finder in (
        ("duty", lambda c: on_duty(c, when)),
        ("competence", competent_for),
    ):
        for level in chain:
            candidates = [user for user in finder(level) if user not in exclude]
            if not candidates:
                continue
            handler, count = _least_loaded(candidates, load)
            mapping = {
                "name": principal_title(f"user:{handler}"),
                "category": category_title(level),
                "count": count,
                "total": len(candidates),
            }
            reason = _handler_reason(source, mapping, len(candidates) > 1)
            return Suggestion(handler, unit, source, reason, count)
    if unit:
        reason = _(
            "routing_reason_unit",
            default="Nobody is on duty for or registered as competent in ${category}; "
            "the inquiry goes to the queue of ${unit}.",
            mapping={"category": title, "unit": principal_title(f"group:{unit}")},
        )
        return Suggestion(None, unit, "unit", reason)
    reason = _(
        "routing_reason_none",
        default="Nobody is on duty for or competent in ${category}, and it has no "
        "responsible unit: assign the inquiry by hand.",
        mapping={"category": title},
    )
    return Suggestion(None, None, None, reason)
