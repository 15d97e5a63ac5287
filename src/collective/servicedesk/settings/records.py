"""Records system: Fiks Arkiv over Fiks IO or a file drop (prefix ``...records``).

The Fiks integration password and the private key (Maskinporten, ASiC-E) are
secrets: they come from the environment (see ``secrets.py``).
"""

from collective.servicedesk import _
from collective.servicedesk.settings.secrets import no_password_in_url
from zope import schema
from zope.interface import Interface


class IRecordsSettings(Interface):
    """How inquiries reach the records system."""

    transport = schema.Choice(
        title=_("records_label_transport", default="Transport"),
        values=("none", "fiksio", "filedrop"),
        default="none",
    )
    schema_folder = schema.TextLine(
        title=_("records_label_schema_folder", default="Fiks Arkiv schema folder"),
        description=_(
            "records_help_schema_folder",
            default="Folder with the official Fiks Arkiv v1 XSD files.",
        ),
        required=False,
        default="",
    )
    spool_folder = schema.TextLine(
        title=_("records_label_spool_folder", default="Outbox folder"),
        description=_(
            "records_help_spool_folder",
            default="Where messages wait until the records system has them.",
        ),
        required=False,
        default="",
    )
    system_name = schema.TextLine(
        title=_("records_label_system_name", default="System name in the archive"),
        default="collective.servicedesk",
    )
    archive_part = schema.TextLine(
        title=_("records_label_archive_part", default="Archive part (arkivdel)"),
        required=False,
        default="",
    )
    confidential_authority = schema.TextLine(
        title=_(
            "records_label_confidential_authority",
            default="Legal basis for confidential inquiries",
        ),
        default="Offl. § 13, jf. fvl. § 13",
    )
    fiksio_account = schema.TextLine(
        title=_("records_label_fiksio_account", default="Our Fiks IO account id"),
        required=False,
        default="",
    )
    fiksio_recipient = schema.TextLine(
        title=_(
            "records_label_fiksio_recipient", default="Archive's Fiks IO account id"
        ),
        required=False,
        default="",
    )
    fiksio_integration_id = schema.TextLine(
        title=_("records_label_fiksio_integration", default="Fiks integration id"),
        required=False,
        default="",
    )
    fiksio_api = schema.TextLine(
        title=_("records_label_fiksio_api", default="Fiks IO API address"),
        default="https://api.fiks.ks.no",
    )
    fiksio_certificate = schema.TextLine(
        title=_(
            "records_label_fiksio_certificate",
            default="File with our certificate (PEM, enterprise certificate)",
        ),
        required=False,
        default="",
    )
    amqp_url = schema.TextLine(
        title=_("records_label_amqp_url", default="AMQP address of Fiks IO"),
        description=_(
            "records_help_amqp_url",
            default="Fiks IO logs in with the integration id and password. For "
            "another broker put its user in the address (amqps://user@host/) "
            "and its password in the environment variable "
            "SERVICEDESK_AMQP_PASSWORD, never here.",
        ),
        default="amqps://io.fiks.ks.no:5671",
        constraint=no_password_in_url,
    )
    maskinporten_token_url = schema.TextLine(
        title=_("records_label_mp_token_url", default="Maskinporten token address"),
        default="https://maskinporten.no/token",
    )
    maskinporten_audience = schema.TextLine(
        title=_("records_label_mp_audience", default="Maskinporten audience"),
        default="https://maskinporten.no/",
    )
    maskinporten_client_id = schema.TextLine(
        title=_("records_label_mp_client", default="Maskinporten client id"),
        required=False,
        default="",
    )
    filedrop_out = schema.TextLine(
        title=_("records_label_filedrop_out", default="File drop: outgoing folder"),
        required=False,
        default="",
    )
    filedrop_in = schema.TextLine(
        title=_("records_label_filedrop_in", default="File drop: receipt folder"),
        required=False,
        default="",
    )
