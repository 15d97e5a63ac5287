"""Synonym rings from the LOS taxonomy: every label of one concept is one ring.

LOS (Digdir) gives each concept Bokmål, Nynorsk and English preferred labels and
hidden labels, the words citizens use ("Renovasjon": avfall, boss, søppel ...).
"""

from collective.servicedesk.categories import list_categories
from collective.servicedesk.categories.los_parser import KOMMUNE_LOS
from collective.servicedesk.categories.los_parser import THEME_SCHEME
from collective.servicedesk.categories.los_parser import read_source
from lxml import etree
from typing import IO
import io

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
LABELS = tuple(f"{{{SKOS}}}{name}" for name in ("prefLabel", "altLabel", "hiddenLabel"))
SCOPES = ("site", "kommune", "all")


def parse_rings(data: bytes | IO[bytes]) -> tuple[dict[str, list[str]], set[str]]:
    """({concept uri: labels}, uris of the Kommune-LOS collection and the themes)."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    rings: dict[str, list[str]] = {}
    municipal: set[str] = set()
    for _event, node in etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True
    ):
        parent = node.getparent()
        if parent is None or parent.getparent() is not None:
            continue
        uri = node.get(f"{{{RDF}}}about") or ""
        labels = [
            " ".join((child.text or "").split())
            for child in node
            if child.tag in LABELS and (child.text or "").strip() not in ("", "*")
        ]
        if labels:
            rings[uri] = list(dict.fromkeys(labels))
        if uri == KOMMUNE_LOS:
            municipal.update(
                child.get(f"{{{RDF}}}resource")
                for child in node.iterchildren(f"{{{SKOS}}}member")
            )
        for child in node.iterchildren(f"{{{SKOS}}}inScheme"):
            if child.get(f"{{{RDF}}}resource") == THEME_SCHEME:
                municipal.add(uri)
        node.clear()
        while node.getprevious() is not None:
            del parent[0]
    return rings, municipal


def _site_uris() -> set[str]:
    return {c["los_uri"] for c in list_categories() if c.get("los_uri")}


def select_rings(
    source: str | bytes | IO[bytes], scope: str = "site"
) -> list[list[str]]:
    """Label rings of the concepts a municipal site uses ("site": its own LOS
    categories and Kommune-LOS), of Kommune-LOS only ("kommune") or of all LOS."""
    if scope not in SCOPES:
        raise ValueError(f"Unknown LOS scope {scope!r}.")
    data = read_source(source) if isinstance(source, str) else source
    rings, municipal = parse_rings(data)
    if scope == "all":
        chosen = set(rings)
    elif scope == "site":
        # The site's own LOS categories and the municipal subset around them.
        chosen = _site_uris() | municipal
    else:
        chosen = municipal
    return [rings[uri] for uri in sorted(chosen) if len(rings.get(uri, ())) > 1]
