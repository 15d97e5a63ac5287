"""SMS gateways: a built-in HTTP/JSON adapter and a log-only adapter."""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.replies.interfaces import ISMSGateway
from collective.servicedesk.replies.interfaces import SMSDeliveryError
from collective.servicedesk.settings import SECRETS
from collective.servicedesk.settings import secret
from collective.servicedesk.settings import settings
from plone import api
from zope.component import getUtilitiesFor
from zope.component import queryUtility
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
import json
import urllib.error
import urllib.request

# Seconds to wait for the gateway: a reply form must not hang on a slow gateway.
TIMEOUT = 10


@implementer(ISMSGateway)
class HTTPGateway:
    """POST one JSON document per message to a configurable URL."""

    title = _("sms_gateway_http", default="HTTP gateway (JSON)")

    def send(
        self, recipient: str, text: str, reference: str, key: str, settings: dict
    ) -> str:
        """Post the message; return the gateway's id or raise SMSDeliveryError."""
        url = settings.get("url")
        if not url:
            raise SMSDeliveryError("No SMS gateway URL configured.")
        body = json.dumps(
            {
                "to": recipient,
                "from": settings.get("sender") or "",
                "text": text,
                "reference": reference,
                "idempotency_key": key,
            }
        ).encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            "Idempotency-Key": key,
        }
        if settings.get("token"):
            headers["Authorization"] = f"Bearer {settings['token']}"
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(
                request, timeout=settings.get("timeout") or TIMEOUT
            ) as response:
                answer = response.read()
        except urllib.error.HTTPError as error:
            hint = ""
            if error.code in (401, 403) and not settings.get("token"):
                variable = SECRETS["sms_gateway_token"]
                hint = f" No token is set: the operator sets {variable}."
            raise SMSDeliveryError(f"Gateway answered {error.code}.{hint}") from error
        except (OSError, ValueError) as error:  # refused, timeout, bad URL
            raise SMSDeliveryError(str(error) or error.__class__.__name__) from error
        try:
            return str(json.loads(answer or b"{}").get("id") or "")
        except (ValueError, AttributeError):
            return ""


@implementer(ISMSGateway)
class LogGateway:
    """Write the message to the event log instead of sending it."""

    title = _("sms_gateway_log", default="Log only (development)")

    def send(
        self, recipient: str, text: str, reference: str, key: str, settings: dict
    ) -> str:
        """Log the message and pretend it was sent."""
        logger.info("SMS (log only) to %s [%s]: %s", recipient, reference, text)
        return f"log-{key}"


def gateway_settings(portal: object = None) -> dict:
    """Return the SMS settings (gateway, url, sender; the token from the environment).

    Reads ``portal``'s registry directly, so it also works in the delivery
    worker, which runs without a site hook.
    """
    desk = settings(portal if portal is not None else api.portal.get()).desk
    return {
        "gateway": desk.sms_gateway or "log",
        "url": desk.sms_gateway_url or "",
        "token": secret("sms_gateway_token"),
        "sender": desk.sms_sender_id or "",
        "timeout": TIMEOUT,
    }


def get_gateway(name: str) -> ISMSGateway:
    """Return the gateway utility ``name``; raise SMSDeliveryError if unknown."""
    gateway = queryUtility(ISMSGateway, name=name)
    if gateway is None:
        raise SMSDeliveryError(f"Unknown SMS gateway {name!r}.")
    return gateway


@provider(IVocabularyFactory)
def gateways_vocabulary(context) -> SimpleVocabulary:
    """Vocabulary of the registered SMS gateways."""
    terms = [
        SimpleTerm(value=name, token=name, title=utility.title)
        for name, utility in sorted(getUtilitiesFor(ISMSGateway))
    ]
    return SimpleVocabulary(terms)
