"""1003 -> 1005: records system — case number and filing status indexed, settings."""

from plone import api

PROFILE = "profile-collective.servicedesk:default"
INDEXES = (("case_number", "FieldIndex"), ("records_status", "FieldIndex"))
COLUMNS = ("case_number", "records_status", "records_error")


def records_system(context=None) -> None:
    """Add the indexes, columns and registry records; re-apply the workflow; reindex."""
    catalog = api.portal.get_tool("portal_catalog")
    added = []
    for name, meta_type in INDEXES:
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
            added.append(name)
    for column in COLUMNS:
        if column not in catalog.schema():
            catalog.addColumn(column)
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        PROFILE, "plone.app.registry", run_dependencies=False
    )
    # The "File to records system" permission and the receipt guard of "file".
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    for brain in catalog.unrestrictedSearchResults(portal_type="Inquiry"):
        brain._unrestrictedGetObject().reindexObject(idxs=[*added, *COLUMNS[:2]])
