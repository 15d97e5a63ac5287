"""Accessible inline SVG charts rendered on the server (numbers also in a table).

Labels are escaped here; the markup itself is ours, so templates may insert
it with `structure`.
"""

from html import escape
import itertools

_ids = itertools.count(1)
COLOURS = ("#005b9a", "#2a7d2e", "#8a5300", "#6a3d9a", "#b00020", "#00707a")


def _frame(width: int, height: int, title: str, summary: str, body: str) -> str:
    number = next(_ids)
    return (
        f'<svg class="sd-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="sd-chart-t{number} sd-chart-d{number}">'
        f'<title id="sd-chart-t{number}">{escape(title)}</title>'
        f'<desc id="sd-chart-d{number}">{escape(summary)}</desc>{body}</svg>'
    )


def summary_text(rows: list[dict], limit: int = 5) -> str:
    """A one-line text alternative: the largest values."""
    return "; ".join(f"{row['label']}: {row['count']}" for row in rows[:limit])


def bars(rows: list[dict], title: str, width: int = 480) -> str:
    """Horizontal bars, one per row ({label, count})."""
    rows = rows[:15]
    label_width, row_height, top = 170, 24, 8
    height = top * 2 + row_height * max(len(rows), 1)
    largest = max((row["count"] for row in rows), default=0) or 1
    room = width - label_width - 50
    parts = []
    for index, row in enumerate(rows):
        y = top + index * row_height
        length = max(1, round(room * row["count"] / largest)) if row["count"] else 0
        label = row["label"] if len(row["label"]) <= 26 else row["label"][:25] + "…"
        colour = COLOURS[index % len(COLOURS)]
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{length}" '
            f'height="{row_height - 8}" fill="{colour}"></rect>'
            f'<text x="{label_width + length + 4}" y="{y + 16}">{row["count"]}</text>'
        )
    return _frame(width, height, title, summary_text(rows), "".join(parts))


def columns(
    rows: list[dict], title: str, previous: list[dict] | None = None, width: int = 640
) -> str:
    """Columns per period; the previous range as a dashed line for the trend."""
    height, left, bottom, top = 220, 36, 40, 12
    count = max(len(rows), 1)
    step = (width - left - 8) / count
    values = [row["count"] for row in rows] + [row["count"] for row in previous or []]
    largest = max(values, default=0) or 1
    room = height - bottom - top

    def y_of(value: int) -> float:
        return top + room - room * value / largest

    parts = [
        f'<line x1="{left}" y1="{top + room}" x2="{width - 4}" y2="{top + room}" '
        'stroke="#777"></line>',
        f'<text x="{left - 4}" y="{top + 10}" text-anchor="end">{largest}</text>',
        f'<text x="{left - 4}" y="{top + room}" text-anchor="end">0</text>',
    ]
    every = max(1, round(count / 12))
    for index, row in enumerate(rows):
        x = left + index * step
        bar = max(step * 0.7, 1)
        y = y_of(row["count"])
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{y:.1f}" width="{bar:.1f}" '
            f'height="{top + room - y:.1f}" fill="{COLOURS[0]}"></rect>'
        )
        if index % every == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle">{escape(str(row["label"]))}</text>'
            )
    if previous:
        points = " ".join(
            f"{left + i * step + step / 2:.1f},{y_of(row['count']):.1f}"
            for i, row in enumerate(previous[: len(rows)])
        )
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{COLOURS[2]}" '
            f'stroke-width="2" stroke-dasharray="5,4"></polyline>'
        )
    return _frame(width, height, title, summary_text(rows, 12), "".join(parts))
