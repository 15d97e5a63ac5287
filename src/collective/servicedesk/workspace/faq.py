"""FAQ suggestions and answers for the quick bar (knowledge feature underneath)."""

from collective.servicedesk import logger
from collective.servicedesk.knowledge.usage import count_faq_use
from collective.servicedesk.plaintext import html_to_text
from collective.servicedesk.search.suggest import suggest_faq
from plone import api


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
    try:
        items = suggest_faq(text, limit=limit)
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
    count_faq_use(entry["obj"], inquiry)
