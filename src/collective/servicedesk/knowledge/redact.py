"""Remove personal data from text before it becomes shared knowledge (pure Python).

Detects Norwegian national identity numbers and D-numbers (only when both mod-11
check digits and the date part are valid, so ordinary 11-digit numbers stay),
phone numbers, e-mail addresses and given names, and replaces each with a label.
"""

from dataclasses import dataclass
from dataclasses import field
from html import escape
import re

KINDS = ("email", "national_id", "d_number", "phone", "name")

DEFAULT_LABELS = {
    "email": "[e-mail address removed]",
    "national_id": "[national ID number removed]",
    "d_number": "[D-number removed]",
    "phone": "[phone number removed]",
    "name": "[name removed]",
}

WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Eleven digits, optionally written as 6 + 5 with a space.
ELEVEN_DIGITS_RE = re.compile(r"(?<![\d])(\d{6}) ?(\d{5})(?![\d])")
# A Norwegian number: optional +47/0047, eight digits starting 2-9, grouped by
# single spaces at most; not part of a longer number and not an amount in kroner.
NORWEGIAN_PHONE_RE = re.compile(
    r"(?<![\w+])(?<!kr )(?<!kr\. )(?<!NOK )"
    r"(?:(?:\+|00)47[ -]?)?[2-9](?: ?\d){7}(?! ?\d)(?!\w)"
)
INTERNATIONAL_PHONE_RE = re.compile(
    r"(?<![\w+])\+(?!47)[1-9]\d{0,2}(?:[ -]?\d){6,12}(?![ -]?\d)"
)


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    remainder = sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    check = 11 - remainder
    if check == 11:
        return 0
    return None if check == 10 else check


def classify_identity_number(value: str) -> str | None:
    """Return "national_id", "d_number" or None for an 11-digit string."""
    digits_only = value.replace(" ", "")
    if len(digits_only) != 11 or not digits_only.isdigit():
        return None
    digits = [int(c) for c in digits_only]
    if _check_digit(digits[:9], WEIGHTS_1) != digits[9]:
        return None
    if _check_digit(digits[:10], WEIGHTS_2) != digits[10]:
        return None
    day = int(digits_only[:2])
    month = int(digits_only[2:4])
    kind = "national_id"
    if day > 40:  # D-number: 4 added to the first digit of the day
        day -= 40
        kind = "d_number"
    if month > 80:  # synthetic test numbers (Skatteetaten's Tenor)
        month -= 80
    elif month > 40:  # H-number (help number of the health services)
        month -= 40
    if not 1 <= month <= 12 or not 1 <= day <= DAYS_IN_MONTH[month - 1]:
        return None
    return kind


@dataclass(frozen=True)
class Redaction:
    """One removed piece of personal data; start/end point into the redacted text."""

    kind: str
    original: str
    replacement: str
    start: int
    end: int


@dataclass
class Redacted:
    """The redacted text and what was removed."""

    text: str
    redactions: list[Redaction] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of redactions per kind."""
        result: dict[str, int] = {}
        for item in self.redactions:
            result[item.kind] = result.get(item.kind, 0) + 1
        return result


def _name_parts(names: list[str]) -> list[str]:
    """Full names first, then every part of two letters or more, longest first."""
    parts: set[str] = set()
    for name in names:
        name = " ".join((name or "").split())
        if len(name) < 2:
            continue
        parts.add(name)
        for word in name.split(" "):
            for piece in {word, *word.split("-")}:
                if len(piece) >= 2 and piece[0].isupper():
                    parts.add(piece)
    return sorted(parts, key=len, reverse=True)


def _name_pattern(names: list[str]) -> re.Pattern | None:
    variants = []
    for part in _name_parts(names):
        for form in (part, part.upper()):
            variants.append(r"\s+".join(re.escape(w) for w in form.split(" ")))
    if not variants:
        return None
    alternatives = "|".join(dict.fromkeys(variants))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:'s|s'|s)?(?!\w)")


def _find(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """All (start, end, kind) matches, earlier detectors winning overlaps."""
    found: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in found)

    for match in EMAIL_RE.finditer(text):
        found.append((match.start(), match.end(), "email"))
    for match in ELEVEN_DIGITS_RE.finditer(text):
        kind = classify_identity_number(match.group(1) + match.group(2))
        if kind and free(match.start(), match.end()):
            found.append((match.start(), match.end(), kind))
    for regex in (NORWEGIAN_PHONE_RE, INTERNATIONAL_PHONE_RE):
        for match in regex.finditer(text):
            if free(match.start(), match.end()):
                found.append((match.start(), match.end(), "phone"))
    pattern = _name_pattern(names)
    if pattern is not None:
        for match in pattern.finditer(text):
            if free(match.start(), match.end()):
                found.append((match.start(), match.end(), "name"))
    return sorted(found)


def redact(
    text: str, names: list[str] | None = None, labels: dict[str, str] | None = None
) -> Redacted:
    """Replace personal data in text with labels; ``names`` are people to hide."""
    text = text or ""
    labels = {**DEFAULT_LABELS, **(labels or {})}
    pieces: list[str] = []
    redactions: list[Redaction] = []
    position = 0
    length = 0
    for start, end, kind in _find(text, list(names or [])):
        kept = text[position:start]
        pieces.append(kept)
        length += len(kept)
        label = labels[kind]
        pieces.append(label)
        redactions.append(
            Redaction(kind, text[start:end], label, length, length + len(label))
        )
        length += len(label)
        position = end
    pieces.append(text[position:])
    return Redacted("".join(pieces), redactions)


def highlight(result: Redacted, css_class: str = "servicedesk-redaction") -> str:
    """HTML of the redacted text: escaped, redactions in <mark>, paragraphs kept."""
    out: list[str] = []
    position = 0
    for item in result.redactions:
        out.append(escape(result.text[position : item.start]))
        out.append(
            f'<mark class="{css_class}" data-kind="{item.kind}">'
            f"{escape(item.replacement)}</mark>"
        )
        position = item.end
    out.append(escape(result.text[position:]))
    html = "".join(out).replace("\r\n", "\n")
    paragraphs = [p.strip() for p in html.split("\n\n") if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br />')}</p>" for p in paragraphs)
