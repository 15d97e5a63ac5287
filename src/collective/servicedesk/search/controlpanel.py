"""The knowledge control panel: synonym list and the LOS synonym import."""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.search.synonyms import import_los_synonyms
from collective.servicedesk.search.synonyms import los_ring_count
from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import ISearchSettings
from collective.servicedesk.settings import settings
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from z3c.form import button


class SearchSettingsForm(RegistryEditForm):
    """Editors keep the synonym list; LOS labels are imported on request."""

    schema = ISearchSettings
    schema_prefix = GROUPS["search"][1]
    label = _("title_knowledge_controlpanel", default="Knowledge search")

    @property
    def description(self):
        return _(
            "description_knowledge_controlpanel",
            default="Synonyms used by the FAQ suggestions and the knowledge "
            "search. Synonym groups from LOS: ${count}.",
            mapping={"count": los_ring_count()},
        )

    @button.buttonAndHandler(_("label_save", default="Save"), name="save")
    def handleSave(self, action):
        super().handleSave(self, action)

    @button.buttonAndHandler(_("label_cancel", default="Cancel"), name="cancel")
    def handleCancel(self, action):
        super().handleCancel(self, action)

    @button.buttonAndHandler(
        _("label_import_los_synonyms", default="Import synonyms from LOS"),
        name="import_los",
    )
    def handleImportLos(self, action):
        source = settings().search.los_source
        try:
            count = import_los_synonyms(source) if source else 0
        except Exception:  # noqa: BLE001 - any read or parse failure is shown
            logger.exception("LOS synonym import from %s failed", source)
            api.portal.show_message(
                _("error_los_synonyms", default="The LOS file could not be read."),
                self.request,
                type="error",
            )
            return
        api.portal.show_message(
            _(
                "msg_los_synonyms_imported",
                default="${count} synonym groups imported from LOS.",
                mapping={"count": count},
            ),
            self.request,
        )


class SearchSettingsPanel(ControlPanelFormWrapper):
    """The control panel page."""

    form = SearchSettingsForm
