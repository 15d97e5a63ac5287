"""Read the national LOS vocabulary (SKOS RDF/XML) into plain dicts, streaming."""

from lxml import etree
from pathlib import Path
from typing import IO
import io
import urllib.request

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
THEME_SCHEME = "https://psi.norge.no/los/ontologi/tema"
KOMMUNE_LOS = "https://psi.norge.no/los/samling/kommune-los"
NODE_TAGS = {f"{{{RDF}}}Description", f"{{{SKOS}}}Concept", f"{{{SKOS}}}Collection"}
MAX_DOWNLOAD = 50 * 1024 * 1024


class LosImportError(ValueError):
    """The source is readable but holds no LOS data we can use."""


def read_source(source: str) -> bytes:
    """Return the bytes of a file path or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(
            source, headers={"User-Agent": "collective.servicedesk LOS import"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            data = response.read(MAX_DOWNLOAD + 1)
        if len(data) > MAX_DOWNLOAD:
            raise LosImportError("The LOS file is too large.")
        return data
    return Path(source).expanduser().read_bytes()


def _resources(node, name: str) -> list[str]:
    return [
        child.get(f"{{{RDF}}}resource")
        for child in node.iterchildren(f"{{{SKOS}}}{name}")
        if child.get(f"{{{RDF}}}resource")
    ]


def _labels(node) -> dict:
    labels = {}
    for child in node.iterchildren(f"{{{SKOS}}}prefLabel"):
        text = (child.text or "").strip()
        language = child.get(XML_LANG, "")
        # LOS marks missing translations with "*".
        if text and text != "*" and language not in labels:
            labels[language] = text
    return labels


def parse_los(data: bytes | IO[bytes]) -> dict:
    """Return {"concepts": {uri: {...}}, "collections": {uri: [member uris]}}."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    concepts: dict[str, dict] = {}
    collections: dict[str, list[str]] = {}
    parser = etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True
    )
    for _event, node in parser:
        parent = node.getparent()
        if (
            node.tag not in NODE_TAGS
            or parent is None
            or parent.getparent() is not None
        ):
            continue
        uri = node.get(f"{{{RDF}}}about")
        types = {
            child.get(f"{{{RDF}}}resource")
            for child in node.iterchildren(f"{{{RDF}}}type")
        }
        if node.tag != f"{{{RDF}}}Description":
            types.add(SKOS + etree.QName(node).localname)
        if uri and SKOS + "Collection" in types:
            collections[uri] = _resources(node, "member")
        elif uri and SKOS + "Concept" in types:
            concepts[uri] = {
                "uri": uri,
                "schemes": _resources(node, "inScheme"),
                "labels": _labels(node),
                "broader": _resources(node, "broader"),
            }
        # Stream: drop what we have read.
        node.clear()
        while node.getprevious() is not None:
            del parent[0]
    return {"concepts": concepts, "collections": collections}


def select_concepts(parsed: dict, scope: str = "themes") -> list[dict]:
    """Pick the themes ("themes") or the Kommune-Los words and the themes above them."""
    concepts = parsed["concepts"]
    themes = {uri for uri, c in concepts.items() if THEME_SCHEME in c["schemes"]}
    if scope == "themes":
        chosen = set(themes)
    elif scope == "kommune":
        members = set(parsed["collections"].get(KOMMUNE_LOS, ())) & set(concepts)
        chosen = set(members)
        todo = list(members)
        while todo:
            for broader in concepts[todo.pop()]["broader"]:
                if broader in themes and broader not in chosen:
                    chosen.add(broader)
                    todo.append(broader)
    else:
        raise ValueError(f"Unknown LOS scope {scope!r}.")
    if not chosen:
        raise LosImportError("No LOS themes found in the file.")
    return [concepts[uri] for uri in chosen]
