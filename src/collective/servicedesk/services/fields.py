"""Field errors of the services as one JSON 400 (conversion: registration.usecase)."""

from collective.servicedesk.rest.base import ServiceError


def raise_errors(errors: list, translate) -> None:
    """Raise one 400 naming the first field and listing all of them."""
    if errors:
        raise ServiceError(
            400,
            errors[0][1],
            errors[0][0],
            errors=[
                {"field": name, "message": translate(message)}
                for name, message in errors
            ],
        )
