"""GET @servicedesk-people?q=…: people (with availability) and units by name."""

from collective.servicedesk.directory.names import search_people
from collective.servicedesk.directory.names import search_units
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.timeline.people import availability


class People(ServiceDeskService):
    """At most 20 people and 20 units; a query of at least 2 characters."""

    def handle(self) -> dict:
        query = self.request.form.get("q", "")
        if not isinstance(query, str):
            query = ""
        people = []
        for person in search_people(query):
            info = availability(person["id"])
            people.append(
                {
                    **person,
                    "status": info["status"],
                    "status_label": self.translate(info["label"]),
                }
            )
        people.sort(key=lambda p: (p["status"] == "absent", p["name"].lower()))
        return {"people": people, "units": search_units(query)}
