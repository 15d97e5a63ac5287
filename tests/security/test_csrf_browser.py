"""A real cross-origin attack in Chromium: the agent's cookie writes nothing.

The attacker's page is served from another origin on the same site
(``localhost`` on another port), so the browser sends the agent's
SameSite=Lax login cookie along: only our own check stands in the way.
"""

from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer
from tests.services.conftest import PASSWORD
import pytest
import threading
import transaction

FORM_PAGE = """<!DOCTYPE html><html><body>
<form id="f" method="POST" enctype="text/plain" action="{action}">
<input name='{{"category":"byggesak","channel":"phone","x":"' value='"}}'>
</form>
<script>document.getElementById("f").submit();</script>
</body></html>"""
FETCH_PAGE = """<!DOCTYPE html><html><body><script>
window.done = fetch("{action}", {{
  method: "POST", mode: "no-cors", credentials: "include",
  headers: {{"Content-Type": "text/plain", "Accept": "application/json"}},
  body: JSON.stringify({{category: "byggesak", channel: "phone"}})
}}).then(() => "sent", (e) => "failed: " + e);
</script></body></html>"""


@pytest.fixture
def category(functional_portal):
    from collective.servicedesk.categories.storage import add_category

    add_category("byggesak", {"nb": "Byggesak", "en": "Building permits"})
    transaction.commit()
    return "byggesak"


@pytest.fixture
def attacker(public_desk):
    """A web server on another origin serving the attack pages."""
    action = f"{public_desk.absolute_url()}/@servicedesk-tally"
    pages = {
        "/form.html": FORM_PAGE.format(action=action),
        "/fetch.html": FETCH_PAGE.format(action=action),
    }

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode("utf-8")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("localhost", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def inquiries(desk) -> int:
    transaction.begin()
    return len(desk.objectIds())


def test_cross_origin_writes_are_refused(
    new_page, users, public_desk, category, attacker
):
    page = new_page("agent-x", PASSWORD)
    cookies = {c["name"] for c in page.context.cookies()}
    assert "__ac" in cookies
    before = inquiries(public_desk)

    # A form auto-submitted by the foreign page: a top-level POST, cookie sent.
    # (It asks for HTML, so plone.rest does not even dispatch it to the JSON
    # service: 404; either way nothing is written.)
    with page.expect_response(lambda r: "@servicedesk-tally" in r.url) as info:
        page.goto(f"{attacker}/form.html")
    assert info.value.status in (403, 404)
    assert inquiries(public_desk) == before

    # fetch() without CORS from the foreign page, with the safelisted
    # "Accept: application/json", reaches the service: 403.
    with page.expect_response(lambda r: "@servicedesk-tally" in r.url) as info:
        page.goto(f"{attacker}/fetch.html")
        assert page.evaluate("window.done") == "sent"
    assert info.value.status == 403
    # 403, not 415: the cookie logged the request in (anonymous text/plain
    # would get 415), and the foreign Origin was refused.
    assert inquiries(public_desk) == before

    # Control: the same cookie from the site's own page may write.
    page.goto(public_desk.absolute_url())
    status = page.evaluate(
        """url => fetch(url, {method: "POST", credentials: "same-origin",
             headers: {"Content-Type": "application/json", Accept: "application/json"},
             body: JSON.stringify({category: "byggesak", channel: "phone"})})
           .then(r => r.status)""",
        f"{public_desk.absolute_url()}/@servicedesk-tally",
    )
    assert status == 201
    assert inquiries(public_desk) == before + 1
