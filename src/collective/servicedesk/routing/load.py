"""Open workload per handler, counted in the catalog (never waking objects)."""

from plone import api

CLOSED_STATES = ("closed", "filed")


def open_load(user_ids: list[str]) -> dict[str, int]:
    """Return {user id: number of open inquiries where the user is the handler}."""
    catalog = api.portal.get_tool("portal_catalog")
    if "responsible_handler" not in catalog.indexes():
        return dict.fromkeys(user_ids, 0)
    return {
        user_id: len(
            catalog.unrestrictedSearchResults(
                portal_type="Inquiry",
                responsible_handler=user_id,
                review_state={"not": list(CLOSED_STATES)},
            )
        )
        for user_id in user_ids
    }
