"""The visible text of HTML: one converter for answers, indexing and mail bodies.

Scripts, styles and the document head are not text a person sees, so they are
left out; entities are decoded; block elements become line breaks.
"""

from html.parser import HTMLParser
import re

# Their content is never shown as text.
HIDDEN = frozenset({"head", "noscript", "script", "style", "template", "title"})
# Elements that start (and end) a line of their own.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "body":
            # A head left open in sloppy mail HTML must not hide the body.
            self.hidden = 0
        elif tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str | None, paragraphs: bool = False) -> str:
    """Visible text of ``html``, one line per block.

    With ``paragraphs`` an empty line stays between blocks (mail bodies);
    without, empty lines are dropped (answers, index text).
    """
    if not html:
        return ""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    if not paragraphs:
        return "\n".join(line for line in lines if line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
