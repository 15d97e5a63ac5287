"""Generate versions.cfg (buildout) from constraints.txt, our single lock."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render(constraints: str) -> str:
    """Return buildout [versions] text for the pins in a constraints file."""
    lines = [
        "# Generated from constraints.txt by scripts/versions_cfg.py; do not edit.",
        "[versions]",
    ]
    for raw in constraints.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or "==" not in line:
            continue
        name, version = (part.strip() for part in line.split("==", 1))
        lines.append(f"{name} = {version}")
    lines.append("collective.servicedesk =")
    return "\n".join(lines) + "\n"


def main() -> None:
    text = render((ROOT / "constraints.txt").read_text())
    (ROOT / "versions.cfg").write_text(text)
    print("versions.cfg written from constraints.txt")


if __name__ == "__main__":
    main()
