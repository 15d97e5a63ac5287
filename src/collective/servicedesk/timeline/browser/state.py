"""Form values and errors carried from a failed POST to the re-rendered inquiry page."""

KEY = "collective.servicedesk.timeline.form"


def set_state(request, form: str, values: dict, errors: dict) -> None:
    """Remember what the user chose in ``form`` and what was wrong."""
    request.other[KEY] = {"form": form, "values": dict(values), "errors": dict(errors)}


def get_state(request, form: str) -> tuple[dict, dict]:
    """(values, errors) of ``form`` from a failed POST in this request, or empty."""
    state = request.other.get(KEY) or {}
    if state.get("form") != form:
        return {}, {}
    return state["values"], state["errors"]
