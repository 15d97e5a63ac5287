"""Realistic, reproducible benchmark data: staff, inquiries, knowledge entries."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
import random

PASSWORD = "bench-servicedesk"
BENCH_TAG = "bench"

# (category, share, topics): what citizens ask about, roughly as often as they do.
CATEGORIES = (
    ("switchboard", 12, ("viderekobling", "telefonnummer", "sentralbord")),
    ("building-permits", 10, ("byggesøknad", "garasje", "tilbygg", "ferdigattest")),
    ("address-property", 5, ("eiendomsgrense", "matrikkel", "adresse", "kart")),
    ("property-tax", 6, ("eiendomsskatt", "takst", "klage på takst")),
    ("municipal-fees", 8, ("faktura", "vannmåler", "gebyr", "avdrag")),
    ("waste-collection", 10, ("søppeltømming", "avfallsdunk", "hytterenovasjon")),
    ("water-sewage", 5, ("vannlekkasje", "kloakk", "vannkvalitet")),
    ("roads-snow", 7, ("brøyting", "gatelys", "hull i veien", "strøing")),
    ("parking", 4, ("parkeringstillatelse", "bot", "beboerparkering")),
    ("kindergarten", 6, ("barnehageplass", "opptak", "foreldrebetaling")),
    ("school", 5, ("skoleskyss", "SFO", "skolebytte")),
    ("health-services", 4, ("fastlege", "vaksine", "helsestasjon")),
    ("home-care", 3, ("hjemmesykepleie", "trygghetsalarm", "praktisk bistand")),
    ("social-assistance", 2, ("sosialhjelp", "nødhjelp", "økonomisk råd")),
    ("nav-referral", 2, ("NAV-kontor", "dagpenger", "arbeidsavklaring")),
    ("housing-allowance", 2, ("bostøtte", "startlån")),
    ("municipal-housing", 2, ("kommunal bolig", "husleie", "vedlikehold")),
    ("culture-library", 3, ("bibliotek", "kulturskole", "idrettshall")),
    ("complaints", 2, ("klage", "vedtak", "saksbehandlingstid")),
    ("other", 2, ("åpningstider", "valg", "frivillighet")),
)
CHANNELS = (
    ("phone", 40),
    ("visit", 15),
    ("email", 20),
    ("web", 10),
    ("sms", 5),
    ("letter", 4),
    ("chat", 5),
    ("social", 1),
)
OPENINGS = (
    "Spørsmål om",
    "Innbygger lurer på",
    "Henvendelse om",
    "Hvor lang tid tar",
    "Trenger hjelp med",
    "Klage på",
    "Ønsker informasjon om",
    "Status på",
)
DETAILS = (
    "Innbyggeren ringte og ba om svar i løpet av uka.",
    "Gjelder eiendommen i {street} {number}.",
    "Hen har sendt e-post tidligere uten å få svar.",
    "Ønsker å bli kontaktet av saksbehandler.",
    "Viser til brev datert {day}.{month}.",
    "Spør om fristen kan forlenges.",
    "Har fått feil beløp på fakturaen.",
    "Naboen har også meldt fra om det samme.",
    "Lurer på hvilket skjema som skal brukes.",
    "Trenger bekreftelse til banken.",
)
STREETS = (
    "Storgata",
    "Kirkeveien",
    "Skolegata",
    "Fjordveien",
    "Bjørkelia",
    "Elvegata",
    "Solbakken",
    "Strandveien",
)
FIRST = ("Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Sofie", "Jonas", "Aisha")
LAST = ("Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Ali")
UNITS = ("servicedesk-building", "servicedesk-health", "servicedesk-technical")
WAITING = ("registered", "assigned", "in_progress", "forwarded")


def staff_accounts(count: int) -> list[tuple[str, str, str]]:
    """(user id, full name, group): 30 % agents, 60 % handlers, 10 % editors+leads."""
    accounts = []
    for n in range(1, count + 1):
        share = n * 100 // max(count, 1)
        if share <= 30:
            group = "servicedesk-frontdesk"
        elif share <= 90:
            group = UNITS[n % len(UNITS)]
        elif share <= 95:
            group = "servicedesk-editors"
        else:
            group = "servicedesk-leads"
        name = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]} {n}"
        accounts.append((f"staff{n:03d}", name, group))
    return accounts


def _weighted(rng: random.Random, pairs) -> object:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


class DataMaker:
    """Makes the n-th inquiry or knowledge entry, the same one on every run."""

    def __init__(self, rng: random.Random, users: int = 100, days: int = 365):
        self.seed = rng.randrange(1 << 30)
        self.days = days
        staff = staff_accounts(users)
        self.agents = [a[0] for a in staff if a[2] == "servicedesk-frontdesk"]
        self.handlers = [(a[0], a[2]) for a in staff if a[2] in UNITS]
        self.now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)

    def text(self, rng: random.Random) -> tuple[str, str, str]:
        category, _share, topics = _weighted(rng, [(c, c[1]) for c in CATEGORIES])  # type: ignore[misc]
        topic = rng.choice(topics)
        title = f"{rng.choice(OPENINGS)} {topic}"
        details = " ".join(
            rng.choice(DETAILS).format(
                street=rng.choice(STREETS),
                number=rng.randint(1, 120),
                day=rng.randint(1, 28),
                month=rng.randint(1, 12),
            )
            for _ in range(rng.randint(1, 3))
        )
        return category, title, f"{topic.capitalize()}: {details}"

    def inquiry(self, n: int) -> dict:
        """Fields, dates, workflow history and log of the n-th inquiry."""
        rng = random.Random(self.seed * 1_000_003 + n)
        category, title, description = self.text(rng)
        # More inquiries lately than a year ago; working hours only.
        age = timedelta(days=self.days * rng.random() ** 1.3, hours=rng.randint(0, 8))
        created = self.now - age
        creator = rng.choice(self.agents)
        handler, unit = rng.choice(self.handlers)
        tally = rng.random() < 0.1
        anonymous = tally or rng.random() < 0.3
        fields = {
            "title": title if not tally else f"Telling: {category}",
            "description": description if not tally else "",
            "channel": _weighted(rng, CHANNELS),
            "category": category,
            "tags": ["bench"],
            "anonymous": anonymous,
            "tally": tally,
            "due_date": created + timedelta(days=rng.randint(2, 14)),
        }
        if not anonymous:
            fields["requester_name"] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            fields["requester_phone"] = f"9{rng.randint(1000000, 9999999)}"
        history = [(None, "registered", created)]
        recent = age < timedelta(days=14)
        roll = rng.random()
        if tally or (not recent and roll < 0.3) or (recent and roll < 0.15):
            fields["solved_first_contact"] = True
            history.append(("close", "closed", created + timedelta(minutes=5)))
        else:
            fields["responsible_handler"] = handler
            fields["responsible_unit"] = unit
            answered = created + timedelta(hours=rng.randint(1, 24 * 12))
            history.append(("assign", "assigned", created + timedelta(minutes=1)))
            if recent and roll < 0.55 or answered > self.now:
                state = rng.choice(WAITING[1:])
                if state != "assigned":
                    history.append((state, state, created + timedelta(hours=1)))
            else:
                fields["answer"] = (
                    "Svar gitt på telefon. Se også rutinen i kunnskapsbanken."
                )
                history.append(("answer", "answered", answered))
                if rng.random() < 0.95:
                    history.append(("close", "closed", answered + timedelta(hours=2)))
        log = [
            {
                "who": creator,
                "when": created,
                "action": "created",
                "comment": "",
                "changes": {},
            }
        ]
        return {
            "fields": fields,
            "created": created,
            "modified": history[-1][2],
            "creator": creator,
            "history": history,
            "log": log,
        }

    def knowledge(self, portal_type: str, n: int) -> tuple[dict, str]:
        """(fields, target state) of the n-th FAQ entry or experience document."""
        from plone.app.textfield.value import RichTextValue

        rng = random.Random(
            self.seed * 7_919 + n + (0 if portal_type == "FAQEntry" else 10**6)
        )
        category, title, description = self.text(rng)
        body = RichTextValue(
            f"<p>{description}</p><p>Slik gjør du det: {title.lower()}.</p>",
            "text/html",
            "text/x-html-safe",
        )
        fields = {
            "title": f"{title}? ({n})" if portal_type == "FAQEntry" else title,
            "categories": [category],
            "subject": (BENCH_TAG,),
        }
        if portal_type == "FAQEntry":
            public = rng.random() < 0.5
            fields.update(answer=body, audience="public" if public else "internal")
            state = "published_publicly" if public else "published_internally"
        else:
            fields.update(
                description=description,
                text=body,
                document_kind=rng.choice(("routine", "guideline", "case_writeup")),
                audience="internal",
            )
            state = "internal"
        return fields, state
