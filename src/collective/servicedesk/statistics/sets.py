"""Sets of catalog record ids and per-record index values: never an object load.

Statistics at hundreds of thousands of inquiries cannot wake objects or even
build brains; they work on the catalog's integer record ids (rids): the
inquiries a query selects, intersected with the sets each index keeps per value.
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import difference
from BTrees.IIBTree import intersection
from collective.servicedesk import catalogaccess
from collective.servicedesk.catalogaccess import result_rids
from datetime import UTC
from datetime import datetime
from plone import api


def catalog():
    """The portal catalog."""
    return api.portal.get_tool("portal_catalog")


def has_index(name: str) -> bool:
    """True when the catalog has this index."""
    return name in catalog().indexes()


def rids(query: dict) -> IISet:
    """Record ids matching a catalog query, ignoring view permissions.

    Statistics count everything (confidential inquiries included) but show
    only numbers; the view is protected by its own permission.
    """
    query = {k: v for k, v in query.items() if k in catalog().indexes()}
    return IISet(result_rids(catalog().unrestrictedSearchResults(**query)))


def true_rids(index_name: str) -> IISet:
    """Record ids whose boolean index is True (empty set without the index)."""
    if not has_index(index_name):
        return IISet()
    return rids({index_name: True})


def minus(left: IISet, right: IISet) -> IISet:
    """left without right."""
    return difference(left, right) or IISet()


def both(left: IISet, right: IISet) -> IISet:
    """left and right."""
    return intersection(left, right) or IISet()


def counts_by(index_name: str, selected: IISet) -> dict[str, int]:
    """{value: count} of a FieldIndex within the selected records; "" = no value."""
    result: dict[str, int] = {}
    if not has_index(index_name):
        return {"": len(selected)} if selected else {}
    counted = 0
    for value, docs in catalogaccess.value_rids(index_name):
        hits = len(intersection(selected, docs) or ())
        if hits:
            result[value] = result.get(value, 0) + hits
            counted += hits
    if len(selected) > counted:
        result[""] = len(selected) - counted
    return result


def decode_date(value: int) -> datetime:
    """Invert DateIndex's minute encoding ((((y*12+m)*31+d)*24+h)*60+min, UTC)."""
    minute = value % 60
    value //= 60
    hour = value % 24
    value //= 24
    day = (value - 1) % 31 + 1
    months = (value - day) // 31
    month = (months - 1) % 12 + 1
    year = (months - month) // 12
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def dates(index_name: str, selected: IISet) -> dict[int, datetime]:
    """{rid: aware UTC datetime} of a DateIndex for the selected records."""
    found = raw_dates(index_name, selected)
    return {rid: decode_date(value) for rid, value in found.items()}


def raw_dates(index_name: str, selected: IISet) -> dict[int, int]:
    """{rid: DateIndex value (encoded UTC minute)} for the selected records.

    The encoding grows with time, so encoded values compare like the dates.
    """
    if not has_index(index_name):
        return {}
    value_of = catalogaccess.rid_values(index_name)
    result = {}
    for rid in selected:
        value = value_of(rid)
        if value is not None:
            result[rid] = value
    return result


def minutes(index_name: str, selected: IISet) -> dict[int, int]:
    """{rid: minutes since the epoch (UTC)} of a DateIndex for the selected records.

    Decoding is done once per distinct hour (a year has 8 760), not per record.
    """
    hours: dict[int, int] = {}
    result = {}
    for rid, value in raw_dates(index_name, selected).items():
        hour = value // 60
        start = hours.get(hour)
        if start is None:
            start = hours[hour] = int(decode_date(hour * 60).timestamp()) // 60
        result[rid] = start + value % 60
    return result


def values(index_name: str, selected: IISet) -> dict[int, object]:
    """{rid: value} of a FieldIndex for the selected records (exports)."""
    if not has_index(index_name):
        return {}
    value_of = catalogaccess.rid_values(index_name)
    found = ((rid, value_of(rid)) for rid in selected)
    return {rid: value for rid, value in found if value is not None}
