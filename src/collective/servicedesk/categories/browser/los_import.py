"""Admin form: import the LOS taxonomy from an upload, a server path or a URL."""

from collective.servicedesk import _
from collective.servicedesk.categories.los import LOS_DEFAULT_URL
from collective.servicedesk.categories.los import import_los
from collective.servicedesk.categories.los_parser import LosImportError
from lxml import etree
from plone import api
from plone.autoform import directives
from plone.autoform.form import AutoExtensibleForm
from plone.namedfile.field import NamedFile
from plone.supermodel import model
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import form
from z3c.form.browser.radio import RadioFieldWidget
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Invalid
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

SCOPES = SimpleVocabulary(
    [
        SimpleTerm(
            "themes",
            "themes",
            _("los_scope_themes", default="All LOS themes (two levels, about 90)"),
        ),
        SimpleTerm(
            "kommune",
            "kommune",
            _(
                "los_scope_kommune",
                default="Kommune-Los: the municipal subject words and their themes",
            ),
        ),
    ]
)


class ILosImportForm(model.Schema):
    """Where the LOS file comes from and what to take from it."""

    upload = NamedFile(
        title=_("label_los_upload", default="LOS file (RDF/XML)"),
        description=_(
            "help_los_upload",
            default="Upload the file, or leave empty and give a path or "
            "web address below.",
        ),
        required=False,
    )
    source = schema.TextLine(
        title=_("label_los_source", default="Path or web address"),
        description=_(
            "help_los_source",
            default="A file on the server or an http(s) address. The official "
            "publication is ${url}.",
            mapping={"url": LOS_DEFAULT_URL},
        ),
        required=False,
    )
    directives.widget("scope", RadioFieldWidget)
    scope = schema.Choice(
        title=_("label_los_scope", default="What to import"),
        vocabulary=SCOPES,
        default="themes",
    )


class LosImportForm(AutoExtensibleForm, form.Form):
    """Import LOS; running it again updates labels and keeps local settings."""

    template = ViewPageTemplateFile("templates/form_page.pt")

    schema = ILosImportForm
    ignoreContext = True
    enctype = "multipart/form-data"
    label = _("heading_los_import", default="Import categories from LOS")
    description = _(
        "description_los_import",
        default="LOS is the national vocabulary of public services (Los, "
        "Digitaliseringsdirektoratet). Import again at any time: titles are "
        "updated, while units, service promises, levels and retired flags stay.",
    )

    @button.buttonAndHandler(_("button_import", default="Import"), name="import")
    def handle_import(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        upload, source = data.get("upload"), (data.get("source") or "").strip()
        if upload is None and not source:
            raise WidgetActionExecutionError(
                "source",
                Invalid(
                    _(
                        "error_los_no_source",
                        default="Upload a file or give a path or web address.",
                    )
                ),
            )
        widget = "upload" if upload is not None else "source"
        try:
            counts = import_los(
                upload.data if upload is not None else source, data["scope"]
            )
        except etree.XMLSyntaxError:
            raise WidgetActionExecutionError(
                widget,
                Invalid(_("error_los_not_xml", default="This is not an RDF/XML file.")),
            ) from None
        except LosImportError:
            raise WidgetActionExecutionError(
                widget,
                Invalid(
                    _("error_los_empty", default="No LOS themes found in this file.")
                ),
            ) from None
        except OSError as error:
            raise WidgetActionExecutionError(
                widget,
                Invalid(
                    _(
                        "error_los_unreadable",
                        default="Could not read the LOS file: ${error}",
                        mapping={"error": str(getattr(error, "reason", error))},
                    )
                ),
            ) from None
        api.portal.show_message(
            _(
                "msg_los_imported",
                default="LOS imported: ${added} new, ${updated} updated and "
                "${unchanged} unchanged categories.",
                mapping=counts,
            ),
            self.request,
        )
        self.request.response.redirect(
            f"{api.portal.get().absolute_url()}/@@servicedesk-categories"
        )
