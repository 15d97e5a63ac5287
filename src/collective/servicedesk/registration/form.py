"""The quick registration form: few required fields, nothing typed is ever lost."""

from collective.servicedesk import _
from collective.servicedesk.registration import schema as form_schema
from collective.servicedesk.registration import service
from collective.servicedesk.registration.suggestion import suggestion_info
from collective.servicedesk.registration.turns import run_in_turn
from collective.servicedesk.registration.validators import DueDateInPast
from collective.servicedesk.registration.validators import check_due_date
from collective.servicedesk.registration.validators import is_known_category
from collective.servicedesk.registration.validators import unknown_category_message
from collective.servicedesk.routing.principals import principal_title
from plone import api
from plone.app.event.base import default_timezone
from plone.app.z3cform.widgets.datetime import DatetimeWidget
from plone.autoform.widgets import ParameterizedWidget
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import IErrorViewSnippet
from zope.component import getMultiAdapter
from zope.interface import Invalid
from zope.schema.interfaces import RequiredMissing

REGISTRY_REQUIRED = "collective.servicedesk.required_fields"
DEFAULT_REQUIRED = ("channel", "title")
NO_VALUE = "--NOVALUE--"
RECENT = 5


def required_fields() -> tuple[str, ...]:
    """The fields the admin made required in the control panel."""
    value = api.portal.get_registry_record(REGISTRY_REQUIRED, default=None)
    return tuple(DEFAULT_REQUIRED if value is None else value)


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == ()


class RegisterForm(form.Form):
    """Register an inquiry in seconds; "Register and close" answers it at once."""

    template = ViewPageTemplateFile("templates/register.pt")
    ignoreContext = True
    enable_unload_protection = True
    label = _("title_register_inquiry", default="Register inquiry")
    description = _(
        "description_register_inquiry",
        default="Only the fields marked as required must be filled in.",
    )

    @property
    def fields(self):
        fields = field.Fields(*form_schema.form_fields())
        fields["due_date"].widgetFactory = ParameterizedWidget(
            DatetimeWidget, default_timezone=default_timezone
        )
        return fields

    def update(self):
        self.required = required_fields()
        super().update()

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        for name in self.required:
            if name in self.widgets:
                self.widgets[name].required = True

    def updateActions(self):
        super().updateActions()
        action = self.actions["register"]
        action.klass = action.klass.replace("btn-secondary", "btn-primary")

    # -- layout helpers for the template --------------------------------
    def _names(self, names) -> list:
        return [self.widgets[name] for name in names if name in self.widgets]

    def main_widgets(self) -> list:
        moved = [name for name in form_schema.MORE_FIELDS if name in self.required]
        return self._names([*form_schema.MAIN_FIELDS, *moved])

    def answer_widgets(self) -> list:
        return self._names(form_schema.ANSWER_FIELDS)

    def more_widgets(self) -> list:
        return self._names(
            name for name in form_schema.MORE_FIELDS if name not in self.required
        )

    def more_open(self) -> bool:
        """Keep "More details" open when something in it was typed or is wrong."""
        for widget in self.more_widgets():
            if widget.error:
                return True
            raw = self.request.form.get(widget.name)
            if raw not in (None, "", [], [NO_VALUE], NO_VALUE):
                return True
        return False

    def suggestion(self) -> dict:
        """The routing suggestion for the category currently chosen."""
        token = self.request.form.get("form.widgets.category")
        if isinstance(token, list):
            token = token[0] if token else None
        if not token or token == NO_VALUE:
            token = None
        return suggestion_info(token)

    def recent(self) -> list:
        """The agent's last registrations, read from the catalog."""
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.searchResults(
            portal_type="Inquiry",
            path="/".join(self.context.getPhysicalPath()),
            Creator=api.user.get_current().getId(),
            sort_on="reference_number",
            sort_order="descending",
            sort_limit=RECENT,
        )[:RECENT]

    # -- validation -------------------------------------------------------
    def add_error(self, name: str, error: Exception) -> None:
        """Show `error` at the widget `name` (z3c.form's own error rendering)."""
        widget = self.widgets[name]
        if widget.error:
            return
        snippet = getMultiAdapter(
            (error, self.request, widget, widget.field, self, self.context),
            IErrorViewSnippet,
        )
        snippet.update()
        widget.error = snippet
        self.widgets.errors += (snippet,)

    def check(self, data: dict, close: bool) -> None:
        """Add the errors z3c.form cannot find by itself."""
        anonymous = bool(data.get("anonymous"))
        for name in self.required:
            if name not in self.widgets or self.widgets[name].error:
                continue
            if anonymous and name in form_schema.PERSONAL_FIELDS:
                continue
            if _empty(data.get(name)):
                self.add_error(name, RequiredMissing(name))
        raw = self.request.form.get("form.widgets.category") or []
        tokens = [raw] if isinstance(raw, str) else list(raw)
        for token in tokens:
            if (
                token
                and token != NO_VALUE
                and not is_known_category(token, self.context)
            ):
                self.add_error("category", Invalid(unknown_category_message(token)))
        try:
            check_due_date(data.get("due_date"))
        except DueDateInPast as error:
            self.add_error("due_date", error)
        if not close and not data.get("override_reason"):
            suggestion = service.suggest(data.get("category"))
            if service.is_override(
                suggestion,
                data.get("responsible_handler"),
                data.get("responsible_unit"),
            ):
                self.add_error(
                    "override_reason",
                    Invalid(
                        _(
                            "error_override_reason",
                            default="You chose another unit or handler than "
                            "suggested: write why.",
                        )
                    ),
                )

    def _submit(self, close: bool) -> None:
        data, errors = self.extractData()
        self.check(data, close)
        if errors or self.widgets.errors:
            self.status = _(
                "error_register_form",
                default="The inquiry was not registered. Correct the fields marked "
                "below; everything you typed is kept.",
            )
            return
        if close:
            inquiry = run_in_turn(
                self.context,
                lambda: service.register_and_close(
                    self.context, data, answer=data.get("answer") or ""
                ),
            )
            message = _(
                "msg_registered_closed",
                default="Inquiry ${reference} registered and closed.",
                mapping={"reference": inquiry.reference_number},
            )
        else:
            inquiry = run_in_turn(
                self.context,
                lambda: service.register(
                    self.context,
                    data,
                    handler=data.get("responsible_handler"),
                    unit=data.get("responsible_unit"),
                    reason=data.get("override_reason") or "",
                ),
            )
            message = self.registered_message(inquiry)
        api.portal.show_message(message, request=self.request)
        self.request.response.redirect(f"{self.context.absolute_url()}/@@register")

    def registered_message(self, inquiry):
        """Confirm the registration and say where the inquiry went."""
        target = inquiry.responsible_handler or inquiry.responsible_unit
        if not target:
            return _(
                "msg_registered",
                default="Inquiry ${reference} registered.",
                mapping={"reference": inquiry.reference_number},
            )
        return _(
            "msg_registered_routed",
            default="Inquiry ${reference} registered and routed to ${target}.",
            mapping={
                "reference": inquiry.reference_number,
                "target": principal_title(target),
            },
        )

    @button.buttonAndHandler(_("button_register", default="Register"), name="register")
    def handle_register(self, action):
        self._submit(close=False)

    @button.buttonAndHandler(
        _("button_register_close", default="Register and close"), name="register_close"
    )
    def handle_register_close(self, action):
        self._submit(close=True)
