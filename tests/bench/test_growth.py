"""The growth table of bench/growth.py (issue 19): cost per size and the ratio."""

from bench.report import growth_rows


def test_ratio_is_largest_over_smallest():
    measured = {
        300000: {("S4", "my queue"): 90.0, ("S5", "whole year"): 400.0},
        10000: {("S4", "my queue"): 30.0, ("S5", "whole year"): 100.0},
        100000: {("S4", "my queue"): 45.0},
    }
    rows = growth_rows(measured)
    assert rows == [
        {
            "scenario": "S4",
            "case": "my queue",
            "10000": 30.0,
            "100000": 45.0,
            "300000": 90.0,
            "ratio": 3.0,
        },
        {
            "scenario": "S5",
            "case": "whole year",
            "10000": 100.0,
            "100000": None,
            "300000": 400.0,
            "ratio": 4.0,
        },
    ]


def test_missing_at_largest_size_has_no_ratio():
    rows = growth_rows({10: {("S7", "all panels"): 5.0}, 20: {}})
    assert rows[0]["ratio"] is None
