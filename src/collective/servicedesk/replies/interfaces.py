"""Interfaces of the replies to citizens."""

from zope.interface import Attribute
from zope.interface import Interface


class SMSDeliveryError(Exception):
    """An SMS could not be handed to the gateway; the tick retries it."""


class ISMSGateway(Interface):
    """A way to send an SMS, registered as a named utility.

    The control panel's ``sms_gateway`` setting names the utility used.
    """

    title = Attribute("Translatable title shown in the control panel.")

    def send(recipient: str, text: str, reference: str, key: str, settings: dict):
        """Send ``text`` to ``recipient``; return the gateway's message id.

        ``key`` is unique per reply and lets the gateway drop duplicates;
        ``settings`` holds url, token, sender and timeout. Raise
        ``SMSDeliveryError`` when the message could not be delivered.
        """
