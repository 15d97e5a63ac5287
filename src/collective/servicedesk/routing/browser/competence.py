"""One screen, "who knows this?": users and groups per category."""

from collective.servicedesk import _
from collective.servicedesk.categories.storage import category_title
from collective.servicedesk.categories.storage import list_categories
from collective.servicedesk.routing.competence import get_competence
from collective.servicedesk.routing.competence import set_competence
from plone import api
from plone.app.z3cform.widgets.select import AjaxSelectWidget
from plone.autoform.widgets import ParameterizedWidget
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from zope import schema

PRINCIPALS = "plone.app.vocabularies.Principals"


class CompetenceForm(form.Form):
    """A multi-select of users and groups for every active category."""

    template = ViewPageTemplateFile("templates/form_page.pt")

    ignoreContext = False
    label = _("heading_competence", default="Competence: who knows this?")
    description = _(
        "description_competence",
        default="Add the people or groups who can answer questions on each "
        "category. Routing suggests the least busy of them when nobody is on duty.",
    )

    def update(self):
        self.request.set("disable_border", True)
        self.categories = [c["id"] for c in list_categories()]
        fields = []
        for category_id in self.categories:
            fields.append(
                schema.List(
                    __name__=category_id,
                    title=category_title(category_id),
                    value_type=schema.Choice(vocabulary=PRINCIPALS),
                    required=False,
                )
            )
        self.fields = field.Fields(*fields)
        # The vocabulary must be known before the widget converts stored values.
        widget = ParameterizedWidget(AjaxSelectWidget, vocabulary=PRINCIPALS)
        for name in self.fields:
            self.fields[name].widgetFactory = widget
        super().update()

    def getContent(self) -> dict:
        return {
            category_id: get_competence(category_id) for category_id in self.categories
        }

    @button.buttonAndHandler(_("button_save", default="Save"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        for category_id in self.categories:
            set_competence(category_id, data.get(category_id) or [])
        api.portal.show_message(
            _("msg_competence_saved", default="Competence saved."), self.request
        )
        self.request.response.redirect(self.request.getURL())
