"""The statistics equal counts made independently from the test data.

Creating the dataset takes a while, so each test checks a group of numbers.
"""

from collective.servicedesk.statistics.compute import compute
from collective.servicedesk.statistics.filters import Filters
from tests.statistics import dataset
import pytest


def report(period: str = "week", tally: str = "include", **dimensions) -> dict:
    filters = Filters(dataset.START, dataset.END, period, tally, dimensions)
    return compute(filters, when=dataset.NOW)


def as_dict(rows: list[dict]) -> dict:
    return {row["key"]: row["count"] for row in rows}


class TestStatistics:
    def test_counts(self, filled, specs):
        expected = dataset.expected(specs)
        result = report()
        # Two inquiries just outside the range exist but are not counted.
        assert len(specs) - expected["total"] == 2
        assert result["total"] == expected["total"]
        for section in ("by_category", "by_channel", "by_unit", "by_service_level"):
            assert as_dict(result[section]) == expected[section], section
        weeks = as_dict(result["series"])
        assert list(weeks) == ["2026-W10", "2026-W11", "2026-W12"]
        assert weeks == {key: expected["weeks"].get(key, 0) for key in weeks}
        days = report("day")["series"]
        assert len(days) == 21
        assert sum(row["count"] for row in days) == expected["total"]
        assert [row["key"] for row in report("month")["series"]] == ["2026-03"]
        # Trend: only "Før start" lies in the three weeks before the range.
        assert result["previous_total"] == 1
        assert result["change"] == pytest.approx(result["total"] - 1)

    def test_tally_and_filters(self, filled, specs):
        expected = dataset.expected(specs)
        assert expected["tally"] > 0
        assert report(tally="only")["total"] == expected["tally"]
        assert report(tally="exclude")["total"] == expected["total"] - expected["tally"]
        assert report()["tally"]["total"] == expected["tally"]
        parking = expected["by_category"]["parking"]
        result = report(category="parking")
        assert result["total"] == parking
        assert as_dict(result["by_category"]) == {"parking": parking}
        phone_parking = sum(
            1
            for s in specs
            if dataset.in_range(s)
            and s["category"] == "parking"
            and s["channel"] == "phone"
        )
        assert report(category="parking", channel="phone")["total"] == phone_parking
        # A service level of its own, or else the category's.
        assert report(service_level="2")["total"] == expected["level_2"]

    def test_category_levels_are_the_catalogues(self, portal):
        from collective.servicedesk.categories import get_category

        for category, level in dataset.CATEGORY_LEVELS.items():
            assert get_category(category)["service_level"] == level

    def test_answers(self, filled, specs):
        expected = dataset.expected(specs)
        answers = report()["answers"]
        assert answers["base"] == expected["base"]
        assert answers["fcr"] == expected["fcr"]
        assert answers["fcr_rate"] == pytest.approx(expected["fcr"] / expected["base"])
        assert answers["answered"] == expected["answered"]
        assert answers["with_promise"] == expected["with_promise"]
        assert answers["within_promise"] == expected["within_promise"]
        assert 0 < answers["within_promise"] < answers["answered"]
        assert answers["median_hours"] == pytest.approx(expected["median_hours"])
        assert answers["p90_hours"] == pytest.approx(expected["p90_hours"])
        assert answers["p90_hours"] > answers["median_hours"]

    def test_open_and_overdue_now(self, filled, specs):
        expected = dataset.expected(specs)
        now = report()["now"]
        assert now == {"open": expected["open"], "overdue": expected["overdue"]}
        assert 0 < now["overdue"] < now["open"]
