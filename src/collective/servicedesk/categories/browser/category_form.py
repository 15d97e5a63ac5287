"""Add and edit forms of a category (z3c.form: errors shown, typed values kept)."""

from collective.servicedesk import _
from collective.servicedesk.categories.storage import ID_PATTERN
from collective.servicedesk.categories.storage import add_category
from collective.servicedesk.categories.storage import ancestors
from collective.servicedesk.categories.storage import get_category
from collective.servicedesk.categories.storage import update_category
from plone import api
from plone.app.z3cform.widgets.select import AjaxSelectFieldWidget
from plone.autoform import directives
from plone.autoform.form import AutoExtensibleForm
from plone.supermodel import model
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import quote
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zExceptions import NotFound
from zope import schema
from zope.interface import Invalid


def _check_id(value: str) -> bool:
    if not ID_PATTERN.match(value or ""):
        raise Invalid(
            _(
                "error_category_id",
                default="Use 1–80 lower-case letters, digits, hyphens or "
                "underscores, starting with a letter or digit.",
            )
        )
    return True


class ICategoryForm(model.Schema):
    """The fields of a category."""

    id = schema.ASCIILine(
        title=_("label_category_id", default="Short name"),
        description=_(
            "help_category_id",
            default="Used in links, statistics and the REST API; "
            "cannot be changed later.",
        ),
        constraint=_check_id,
    )
    title_nb = schema.TextLine(title=_("label_title_nb", default="Title (Bokmål)"))
    title_nn = schema.TextLine(
        title=_("label_title_nn", default="Title (Nynorsk)"), required=False
    )
    title_en = schema.TextLine(
        title=_("label_title_en", default="Title (English)"), required=False
    )
    service_level = schema.Choice(
        title=_("label_service_level", default="Service level"),
        vocabulary="collective.servicedesk.ServiceLevels",
        default="2",
    )
    promise_hours = schema.Int(
        title=_("label_promise_hours", default="Service promise (hours)"),
        description=_(
            "help_promise_hours",
            default="Hours until an answer is due. Empty: the default of the "
            "service desk control panel.",
        ),
        required=False,
        min=1,
        max=24 * 365,
    )
    directives.widget(
        "unit", AjaxSelectFieldWidget, vocabulary="plone.app.vocabularies.Groups"
    )
    unit = schema.Choice(
        title=_("label_unit", default="Responsible unit"),
        description=_(
            "help_unit",
            default="The group whose queue gets the inquiry when nobody is on duty "
            "or competent.",
        ),
        vocabulary="plone.app.vocabularies.Groups",
        required=False,
    )
    parent = schema.Choice(
        title=_("label_parent", default="Parent category"),
        vocabulary="collective.servicedesk.Categories",
        required=False,
    )
    los_uri = schema.URI(
        title=_("label_los_uri", default="LOS concept"),
        description=_(
            "help_los_uri",
            default="Address of the matching concept in the national LOS vocabulary, "
            "e.g. https://psi.norge.no/los/ord/byggesak.",
        ),
        required=False,
    )


def _record_values(data: dict) -> dict:
    return {
        "title": {code: data.get(f"title_{code}") or "" for code in ("nb", "nn", "en")},
        "service_level": data["service_level"],
        "promise_hours": data.get("promise_hours"),
        "unit": data.get("unit"),
        "parent": data.get("parent"),
        "los_uri": data.get("los_uri"),
    }


class CategoryAddForm(AutoExtensibleForm, form.Form):
    """Add a category."""

    template = ViewPageTemplateFile("templates/form_page.pt")

    schema = ICategoryForm
    ignoreContext = True
    label = _("heading_add_category", default="Add category")

    @button.buttonAndHandler(_("button_save", default="Save"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        if get_category(data["id"]) is not None:
            raise WidgetActionExecutionError(
                "id",
                Invalid(
                    _("error_category_exists", default="This short name is taken.")
                ),
            )
        add_category(data["id"], **_record_values(data))
        api.portal.show_message(
            _("msg_category_added", default="Category added."), self.request
        )
        self.request.response.redirect(self.back_url())

    @button.buttonAndHandler(_("button_cancel", default="Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.back_url())

    def back_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/@@servicedesk-categories"


class CategoryEditForm(CategoryAddForm):
    """Edit (rename, re-level, move) a category; its short name stays."""

    ignoreContext = False
    label = _("heading_edit_category", default="Edit category")

    def update(self):
        self.category_id = self.request.form.get("id") or self.request.form.get(
            "form.widgets.id"
        )
        self.record = get_category(self.category_id)
        if self.record is None:
            raise NotFound(self.category_id)
        super().update()

    @property
    def action(self) -> str:
        """Post back to the same category (the id is not an input here)."""
        return f"{self.request.getURL()}?id={quote(self.category_id)}"

    def updateWidgets(self):
        super().updateWidgets()
        self.widgets["id"].mode = "display"

    def getContent(self) -> dict:
        record = self.record
        return {
            "id": record["id"],
            **{
                f"title_{code}": record["title"].get(code)
                for code in ("nb", "nn", "en")
            },
            "service_level": record["service_level"],
            "promise_hours": record["promise_hours"],
            "unit": record["unit"],
            "parent": record["parent"],
            "los_uri": record["los_uri"],
        }

    @button.buttonAndHandler(_("button_save", default="Save"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        values = _record_values(data)
        if values["parent"] and self.category_id in ancestors(values["parent"]):
            raise WidgetActionExecutionError(
                "parent",
                Invalid(
                    _(
                        "error_parent_cycle",
                        default="A category cannot be placed under itself or "
                        "one of its sub-categories.",
                    )
                ),
            )
        update_category(self.category_id, **values)
        api.portal.show_message(
            _("msg_category_saved", default="Changes saved."), self.request
        )
        self.request.response.redirect(self.back_url())

    @button.buttonAndHandler(_("button_cancel", default="Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.back_url())
