"""FAQ suggestions and answers for the quick bar (knowledge feature underneath)."""

from collective.servicedesk import logger
from html.parser import HTMLParser
from plone import api
import importlib


def _knowledge(name: str):
    for module in (
        "collective.servicedesk.search",
        "collective.servicedesk.knowledge.usage",
    ):
        try:
            function = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if function is not None:
            return function
    return None


class _Text(HTMLParser):
    BLOCKS = {"p", "br", "li", "div", "h1", "h2", "h3", "h4", "tr"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML answer (paragraphs kept as line breaks)."""
    parser = _Text()
    parser.feed(html or "")
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


def _answer_text(obj) -> str:
    answer = getattr(obj, "answer", None)
    if answer is None:
        return obj.Description() or ""
    if hasattr(answer, "output"):
        return html_to_text(answer.output)
    return str(answer)


def _plain(item) -> dict:
    """Normalise a suggestion (dict or brain) to {uid, title, url, snippet}."""
    if isinstance(item, dict):
        get = item.get
        return {
            "uid": get("uid") or get("UID") or "",
            "title": get("title") or get("Title") or "",
            "url": get("url") or get("@id") or "",
            "snippet": get("excerpt") or get("description") or "",
        }
    return {
        "uid": item.UID,
        "title": item.Title,
        "url": item.getURL(),
        "snippet": item.Description or "",
    }


def suggest(text: str, limit: int = 5) -> list[dict]:
    """Best FAQ entries for a half-typed summary (knowledge's suggest_faq)."""
    text = (text or "").strip()
    if len(text) < 3:
        return []
    function = _knowledge("suggest_faq")
    if function is None:
        return []
    try:
        items = function(text, limit=limit)
    except Exception:  # noqa: BLE001 - suggestions are a help, never a blocker
        logger.exception("suggest_faq failed")
        return []
    return [_plain(item) for item in list(items)[:limit]]


def get_entry(uid: str) -> dict | None:
    """The FAQ entry the agent picked (one object), or None."""
    obj = api.content.get(UID=uid) if uid else None
    if obj is None or obj.portal_type != "FAQEntry":
        return None
    return {
        "uid": uid,
        "title": obj.Title(),
        "answer": _answer_text(obj),
        "url": obj.absolute_url(),
        "obj": obj,
    }


def count_use(entry: dict, inquiry) -> None:
    """Count that the FAQ entry answered an inquiry (knowledge's use counter)."""
    function = _knowledge("count_faq_use")
    if function is None:
        logger.info(
            "No FAQ use counter available; use of %s not counted.", entry["uid"]
        )
        return
    function(entry["obj"], inquiry)
