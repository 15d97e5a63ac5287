"""GET @servicedesk-statistics: the leads' report as JSON (statistics feature).

Parameters as on the statistics page: ``start``, ``end`` (YYYY-MM-DD),
``period`` (day, week, month), ``tally`` (include, exclude, only) and the
dimensions ``category``, ``channel``, ``unit``, ``service_level``.
"""

from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.services.fields import raise_errors
from collective.servicedesk.statistics.compute import compute
from collective.servicedesk.statistics.filters import parse
from dataclasses import asdict
from plone.restapi.serializer.converters import json_compatible


class Statistics(ServiceDeskService):
    """Counts, series, answer metrics; computed from the catalog (no writes)."""

    def handle(self) -> dict:
        form = {k: v for k, v in self.request.form.items() if isinstance(v, str)}
        filters = parse(form)
        raise_errors(sorted(filters.errors.items()), self.translate)
        report = compute(filters)
        filters_data = asdict(filters)
        filters_data.pop("errors", None)
        report["filters"] = filters_data
        return json_compatible(report)
