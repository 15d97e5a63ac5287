"""Keep the privacy indexes current after workflow transitions."""


def reindex_closed_date(obj: object, event: object) -> None:
    """Closing, reopening and filing change the date retention counts from."""
    if event.transition is not None:
        obj.reindexObject(idxs=["closed_date", "has_personal_data"])
