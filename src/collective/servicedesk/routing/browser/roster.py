"""The duty roster screen: a week table, the list of periods and an add form."""

from collective.servicedesk import _
from collective.servicedesk.categories.storage import category_title
from collective.servicedesk.routing.principals import principal_title
from collective.servicedesk.routing.roster import add_period
from collective.servicedesk.routing.roster import list_periods
from collective.servicedesk.routing.roster import portal_timezone
from collective.servicedesk.routing.roster import remove_period
from collective.servicedesk.routing.roster import to_utc
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.app.z3cform.widgets.select import SelectFieldWidget
from plone.autoform import directives
from plone.autoform.form import AutoExtensibleForm
from plone.protect import CheckAuthenticator
from plone.supermodel import model
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer


@implementer(IFieldWidget)
def MultiSelectFieldWidget(field, request):
    """A plain multiple select (works without JavaScript, short for long lists)."""
    widget = SelectFieldWidget(field, request)
    widget.multiple = "multiple"
    widget.size = 8
    return widget


WEEKDAYS = (
    _("weekday_monday", default="Monday"),
    _("weekday_tuesday", default="Tuesday"),
    _("weekday_wednesday", default="Wednesday"),
    _("weekday_thursday", default="Thursday"),
    _("weekday_friday", default="Friday"),
    _("weekday_saturday", default="Saturday"),
    _("weekday_sunday", default="Sunday"),
)


class IDutyPeriod(model.Schema):
    """A duty period."""

    directives.widget(
        "principals",
        AjaxSelectFieldWidget,
        vocabulary="plone.app.vocabularies.Principals",
    )
    principals = schema.List(
        title=_("label_duty_principal", default="Who"),
        description=_(
            "help_duty_principals",
            default="One or more people, or a group whose members share the duty.",
        ),
        value_type=schema.Choice(vocabulary="plone.app.vocabularies.Principals"),
        min_length=1,
    )
    directives.widget("categories", MultiSelectFieldWidget)
    categories = schema.List(
        title=_("label_duty_categories", default="Categories"),
        description=_(
            "help_duty_categories",
            default="Duty for a category also covers its sub-categories.",
        ),
        value_type=schema.Choice(vocabulary="collective.servicedesk.Categories"),
        min_length=1,
    )
    start = schema.Datetime(title=_("label_duty_start", default="From"))
    end = schema.Datetime(title=_("label_duty_end", default="Until"))
    note = schema.TextLine(title=_("label_duty_note", default="Note"), required=False)


class RosterView(AutoExtensibleForm, form.Form):
    """Who answers which categories when; removing needs the same permission."""

    schema = IDutyPeriod
    ignoreContext = True
    template = ViewPageTemplateFile("templates/roster.pt")
    label = _("heading_roster", default="Duty roster")

    def update(self):
        self.request.set("disable_border", True)
        if self.request.method == "POST" and self.request.form.get("remove"):
            CheckAuthenticator(self.request)
            if remove_period(self.request.form["remove"]):
                api.portal.show_message(
                    _("msg_duty_removed", default="Duty period removed."), self.request
                )
        super().update()

    @button.buttonAndHandler(
        _("button_add_duty", default="Add duty period"), name="add"
    )
    def handle_add(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        if to_utc(data["end"]) <= to_utc(data["start"]):
            raise WidgetActionExecutionError(
                "end",
                Invalid(
                    _("error_duty_end", default="The period must end after it starts.")
                ),
            )
        for principal in data["principals"]:
            add_period(
                principal,
                data["categories"],
                data["start"],
                data["end"],
                data.get("note") or "",
            )
        api.portal.show_message(
            _("msg_duty_added", default="Duty period added."), self.request
        )
        self.request.response.redirect(self.request.getURL())

    # --- display helpers -------------------------------------------------

    def week_start(self) -> date:
        """Monday of the week asked for (?week=YYYY-MM-DD), else of this week."""
        try:
            day = date.fromisoformat(self.request.form.get("week", ""))
        except ValueError:
            day = datetime.now(portal_timezone()).date()
        return day - timedelta(days=day.weekday())

    def _local(self, when: datetime) -> datetime:
        return when.astimezone(portal_timezone())

    def _row(self, period: dict) -> dict:
        start, end = self._local(period["start"]), self._local(period["end"])
        return {
            "id": period["id"],
            "who": principal_title(period["user"]),
            "categories": ", ".join(category_title(c) for c in period["categories"]),
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": end.strftime("%Y-%m-%d %H:%M"),
            "note": period["note"],
            "current": period["start"] <= to_utc(None) < period["end"],
        }

    def periods(self) -> list[dict]:
        """Current and coming periods."""
        return [self._row(p) for p in list_periods(start=to_utc(None))]

    def week(self) -> dict:
        """The week table: days as columns, people as rows, categories in cells."""
        tz = portal_timezone()
        monday = self.week_start()
        today = datetime.now(tz).date()
        days = [monday + timedelta(days=n) for n in range(7)]
        start = datetime.combine(monday, time(0), tz)
        periods = list_periods(start=start, end=start + timedelta(days=7))
        rows: dict[str, dict] = {}
        for period in periods:
            row = rows.setdefault(
                period["user"],
                {"who": principal_title(period["user"]), "cells": [[] for _ in days]},
            )
            for index, day in enumerate(days):
                day_start = datetime.combine(day, time(0), tz)
                day_end = day_start + timedelta(days=1)
                if period["start"] < day_end and period["end"] > day_start:
                    begin = max(self._local(period["start"]), day_start)
                    finish = min(self._local(period["end"]), day_end)
                    until = "24:00" if finish == day_end else f"{finish:%H:%M}"
                    titles = ", ".join(category_title(c) for c in period["categories"])
                    row["cells"][index].append(f"{begin:%H:%M}–{until} {titles}")
        return {
            "days": [
                {
                    "name": WEEKDAYS[day.weekday()],
                    "date": f"{day:%d.%m.}",
                    "today": day == today,
                }
                for day in days
            ],
            "rows": sorted(rows.values(), key=lambda r: r["who"]),
            "previous": (monday - timedelta(days=7)).isoformat(),
            "next": (monday + timedelta(days=7)).isoformat(),
        }
