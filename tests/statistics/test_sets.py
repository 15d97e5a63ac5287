"""Decoding DateIndex values gives back the indexed minute."""

from collective.servicedesk.statistics.sets import decode_date
from datetime import UTC
from datetime import datetime
from Products.PluginIndexes.DateIndex.DateIndex import DateIndex
import pytest


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 1, 1, 0, 0, tzinfo=UTC),
        datetime(2026, 1, 31, 23, 59, tzinfo=UTC),
        datetime(2026, 12, 31, 12, 30, tzinfo=UTC),
        datetime(2024, 2, 29, 7, 5, tzinfo=UTC),
        datetime(1999, 12, 1, 0, 1, tzinfo=UTC),
    ],
)
def test_decode_inverts_the_index_encoding(value):
    assert decode_date(DateIndex("x")._convert(value)) == value
