"""Our default service catalogue: what a Norwegian service desk hears about.

Written by us. Where a LOS concept matches, its URI is kept, so a later LOS import
updates these categories instead of adding duplicates. Units are left empty: the
admin (or the demo profile) sets them to the site's own groups.
"""

from collective.servicedesk.categories.storage import add_category
from collective.servicedesk.categories.storage import get_category

LOS = "https://psi.norge.no/los/"

# id, (nb, nn, en), service level, promise hours (None = control panel default), LOS
DEFAULT_CATEGORIES = (
    (
        "switchboard",
        (
            "Sentralbord og viderekobling",
            "Sentralbord og vidarekopling",
            "Switchboard and transfers",
        ),
        "1",
        8,
        None,
    ),
    (
        "building-permits",
        ("Byggesak", "Byggjesak", "Building permits"),
        "4",
        80,
        "ord/byggesak",
    ),
    (
        "address-property",
        (
            "Adresse og eiendomsinformasjon",
            "Adresse og eigedomsinformasjon",
            "Address and property information",
        ),
        "3",
        24,
        "ord/eiendomsregister",
    ),
    (
        "property-tax",
        ("Eiendomsskatt", "Eigedomsskatt", "Property tax"),
        "3",
        40,
        "ord/eiendomsskatt",
    ),
    (
        "municipal-fees",
        (
            "Kommunale avgifter og gebyr",
            "Kommunale avgifter og gebyr",
            "Municipal fees and charges",
        ),
        "3",
        40,
        "ord/kommunale-avgifter-og-gebyr",
    ),
    (
        "waste-collection",
        ("Renovasjon og avfall", "Renovasjon og avfall", "Waste collection"),
        "2",
        16,
        "ord/renovasjon",
    ),
    (
        "water-sewage",
        ("Vann og avløp", "Vatn og avløp", "Water and sewage"),
        "3",
        16,
        "ord/vann-og-avlop",
    ),
    (
        "roads-snow",
        (
            "Vei, gatelys og brøyting",
            "Veg, gatelys og brøyting",
            "Roads, street lights and snow clearing",
        ),
        "2",
        16,
        "ord/broyting",
    ),
    (
        "parking",
        ("Parkering", "Parkering", "Parking"),
        "2",
        24,
        "ord/parkering-og-hvileplasser",
    ),
    (
        "kindergarten",
        ("Barnehageplass", "Barnehageplass", "Kindergarten admission"),
        "3",
        40,
        "ord/barnehageplass",
    ),
    (
        "school",
        ("Skole og SFO", "Skule og SFO", "School and after-school care"),
        "3",
        40,
        "tema/grunnskole",
    ),
    (
        "health-services",
        ("Helsetjenester", "Helsetenester", "Health services"),
        "3",
        24,
        "tema/helsetjenester",
    ),
    (
        "home-care",
        ("Hjemmetjenester", "Heimetenester", "Home care"),
        "4",
        24,
        "ord/hjemmesykepleie",
    ),
    (
        "social-assistance",
        ("Sosialhjelp", "Sosialhjelp", "Social assistance"),
        "5",
        24,
        "ord/sosialhjelp",
    ),
    (
        "nav-referral",
        ("Henvisning til NAV", "Tilvising til NAV", "Referral to NAV"),
        "1",
        8,
        None,
    ),
    (
        "housing-allowance",
        ("Bostøtte", "Bustønad", "Housing allowance"),
        "5",
        80,
        "ord/bostotte",
    ),
    (
        "municipal-housing",
        ("Kommunal bolig", "Kommunal bustad", "Municipal housing"),
        "5",
        80,
        "ord/kommunal-bolig",
    ),
    (
        "culture-library",
        ("Kultur og bibliotek", "Kultur og bibliotek", "Culture and library"),
        "2",
        40,
        "tema/kultur",
    ),
    ("complaints", ("Klager", "Klager", "Complaints"), "4", 80, None),
    ("other", ("Annet", "Anna", "Other"), "2", None, None),
)


def install_default_categories() -> list[str]:
    """Add the default categories that are missing; never touch existing ones."""
    added = []
    for category_id, (nb, nn, en), level, hours, los in DEFAULT_CATEGORIES:
        if get_category(category_id) is not None:
            continue
        add_category(
            category_id,
            {"nb": nb, "nn": nn, "en": en},
            service_level=level,
            promise_hours=hours,
            los_uri=LOS + los if los else None,
        )
        added.append(category_id)
    return added
