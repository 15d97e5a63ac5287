"""The quick registration form: few required fields, nothing typed is ever lost."""

from collective.servicedesk import _
from collective.servicedesk.registration import schema as form_schema
from collective.servicedesk.registration import usecase
from collective.servicedesk.registration.suggestion import suggestion_info
from collective.servicedesk.registration.usecase import NO_VALUE
from collective.servicedesk.registration.usecase import required_fields
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

__all__ = ["NO_VALUE", "RegisterForm", "required_fields"]

RECENT = 5


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

    def check(self, data: dict, close: bool) -> dict:
        """Run the registration use case's rules; show its errors at the widgets."""
        raw = self.request.form.get("form.widgets.category") or []
        tokens = [raw] if isinstance(raw, str) else list(raw)
        clean, errors = usecase.validate(
            data,
            self.context,
            self.request,
            close=close,
            converted=True,
            category_tokens=tokens,
        )
        for name, message in errors.items():
            if name in self.widgets:
                self.add_error(name, Invalid(message))
        return clean

    def _submit(self, close: bool) -> None:
        data, errors = self.extractData()
        clean = self.check(data, close)
        if errors or self.widgets.errors:
            self.status = _(
                "error_register_form",
                default="The inquiry was not registered. Correct the fields marked "
                "below; everything you typed is kept.",
            )
            return
        inquiry = usecase.register(self.context, clean, close=close)
        if close:
            message = _(
                "msg_registered_closed",
                default="Inquiry ${reference} registered and closed.",
                mapping={"reference": inquiry.reference_number},
            )
        else:
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
