"""Form values with broken UTF-8 are refused (400) before any view runs.

Zope decodes form and query values with ``surrogateescape``: invalid UTF-8
(``%ED%A0%80``, ``%FF``) reaches views as lone surrogates, which then fail
wherever the text is encoded (catalogue, mail, JSON): a 500, or a stored
value that breaks every notice that carries it. Browsers always send valid
UTF-8, so only hand-made requests end here.
"""

from collective.servicedesk.interfaces import IServiceDeskLayer
from collective.servicedesk.limits import SURROGATE
from collective.servicedesk.limits.converters import ConversionError


def _strings(value, depth: int = 0):
    if isinstance(value, str):
        yield value
    elif depth < 3 and isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, depth + 1)
    elif depth < 3 and hasattr(value, "items") and not hasattr(value, "read"):
        for item in value.values() if hasattr(value, "values") else ():
            yield from _strings(item, depth + 1)


def refuse_broken_unicode(event) -> None:
    """IPubAfterTraversal: 400 for a form value that is not valid Unicode."""
    request = event.request
    if not IServiceDeskLayer.providedBy(request):
        return
    for name, value in list(request.form.items()):
        if SURROGATE.search(name) or any(
            SURROGATE.search(text) for text in _strings(value)
        ):
            raise ConversionError(name[:100], "text")
