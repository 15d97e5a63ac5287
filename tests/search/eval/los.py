"""Where the LOS file is: ../shared/data beside the checkout, or SERVICEDESK_LOS_RDF."""

from pathlib import Path
import os

REPO = Path(__file__).resolve().parents[3]


def los_file() -> Path | None:
    """The national LOS file (never committed), or None if it is not here."""
    path = Path(
        os.environ.get("SERVICEDESK_LOS_RDF")
        or REPO.parent / "shared" / "data" / "los" / "los-all.rdf"
    )
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        raise FileNotFoundError(f"LOS file not found at {path} (SERVICEDESK_LOS_RDF)")
    return None
