"""Demo data of the replies: a few reply templates and the letterhead."""

from collective.servicedesk.replies.templates import list_templates
from collective.servicedesk.replies.templates import save_template
from collective.servicedesk.settings import settings

# (title, channels, subject, text) — Norwegian, as the demo municipality's staff write.
TEMPLATES = (
    (
        "Kvittering for mottatt henvendelse",
        ["email", "letter"],
        "Vi har mottatt henvendelsen din",
        "Hei {name}!\n\nTakk for henvendelsen om {category}. Den er registrert med "
        "referansenummer {reference_number}, og du får svar innen {due_date}.\n\n"
        "Med vennlig hilsen\nServicetorget",
    ),
    (
        "Svar er klart (SMS)",
        ["sms"],
        "",
        "Hei {name}! Svaret på henvendelse {reference_number} er klart. "
        "Ring Servicetorget eller se e-posten din. Hilsen kommunen",
    ),
    (
        "Videresendt til fagavdeling",
        [],
        "Henvendelsen din er sendt videre",
        "Hei {name}!\n\nHenvendelse {reference_number} om {category} er sendt til "
        "rett fagavdeling. Du hører fra oss innen {due_date}.\n\n"
        "Med vennlig hilsen\nServicetorget",
    ),
)


def create_demo_replies() -> None:
    """Create the demo reply templates and letterhead (idempotent)."""
    existing = {template["title"] for template in list_templates()}
    for title, channels, subject, text in TEMPLATES:
        if title not in existing:
            save_template(title, text, subject=subject, channels=channels)
    desk = settings().desk
    if not desk.letterhead_address:
        desk.letterhead_address = (
            "Postboks 1, 1234 Demo\nTlf. 12 34 56 78\ndemo.kommune.no"
        )
        desk.letterhead_logo_text = "DEMO KOMMUNE"
