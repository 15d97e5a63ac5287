"""Playwright + Debian chromium fixtures for browser tests (no browser downloads)."""

from pathlib import Path
import os
import pytest
import shutil

CHROMIUM = os.environ.get("SERVICEDESK_CHROMIUM", "/usr/bin/chromium")
# Screenshots land here; `make test` prints the folder.
SCREENSHOTS = Path(
    os.environ.get(
        "SERVICEDESK_SCREENSHOTS",
        Path(__file__).resolve().parent.parent / "test-results" / "screenshots",
    )
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium_browser():
    """A headless Debian chromium driven by Playwright, shared by the session."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if os.environ.get("CI") == "true":
            pytest.fail(f"chromium not found at {CHROMIUM}; .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium_browser, functional_portal):
    """Return a factory: new_page(user, password) -> a logged-in Playwright page."""
    contexts = []

    def factory(user: str | None = None, password: str | None = None):
        context = chromium_browser.new_context(
            locale="nb-NO", viewport={"width": 1280, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        # Generous: the first render compiles templates; CI machines may be busy.
        page.set_default_timeout(60000)
        if user:
            portal_url = functional_portal.absolute_url()
            page.goto(f"{portal_url}/login")
            page.fill("#__ac_name", user)
            page.fill("#__ac_password", password)
            page.click(
                "#login-form button[name='buttons.login'], "
                "#login-form button[type=submit]"
            )
            page.wait_for_load_state("networkidle")
        return page

    yield factory
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under the screenshots folder and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
