"""A real XMPP client (slixmpp) for the tests, connected to the test Prosody."""

from slixmpp import ClientXMPP
import asyncio
import threading

WAIT = 30  # seconds: a ceiling for a hung server, not an assertion on speed


class Client(ClientXMPP):
    """Logs in over plain TCP on loopback and collects what it receives."""

    def __init__(self, jid: str, password: str = ""):
        super().__init__(jid, password)
        self.enable_direct_tls = False
        self.enable_starttls = False
        self.enable_plaintext = True
        self.plugin["feature_mechanisms"].unencrypted_plain = True
        self.register_plugin("xep_0030")
        self.register_plugin("xep_0045")
        self.register_plugin("xep_0199")
        self.outcome: asyncio.Future | None = None
        self.inbox: asyncio.Queue = asyncio.Queue()
        self.errors: asyncio.Queue = asyncio.Queue()
        self.add_event_handler("session_start", self._started)
        self.add_event_handler("failed_all_auth", self._refused)
        self.add_event_handler("message", self._message)
        self.add_event_handler("groupchat_message", self._message)
        self.add_event_handler("message_error", self.errors.put_nowait)

    async def _started(self, event):
        self.send_presence()
        if not self.outcome.done():
            self.outcome.set_result(True)

    def _refused(self, event):
        if not self.outcome.done():
            self.outcome.set_result(False)

    def _message(self, message):
        if message["body"] and message["type"] != "error":
            self.inbox.put_nowait(message)

    async def log_in(self, port: int) -> bool:
        """True when the server accepted the log-in, False when it refused it."""
        self.outcome = asyncio.get_running_loop().create_future()
        self.connect("127.0.0.1", port)
        return await asyncio.wait_for(self.outcome, WAIT)

    async def next_message(self):
        return await asyncio.wait_for(self.inbox.get(), WAIT)

    async def next_error(self):
        return await asyncio.wait_for(self.errors.get(), WAIT)

    async def close(self):
        self.disconnect()
        await asyncio.sleep(0)


def run(coroutine):
    """Run ``coroutine`` to its end in its own thread and event loop.

    Playwright's sync API keeps an event loop running in the main thread for
    the whole session (the browser tests), so ``asyncio.run`` cannot be used
    there directly.
    """
    outcome = {}

    def target():
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
