"""Shared helper for tests that drive a real browser (Debian's chromium).

Import it from a test module (``tests`` is a package)::

    from tests.browser import launch_chromium

    @pytest.mark.browser
    def test_something() -> None:
        with launch_chromium() as browser:
            page = browser.new_page()

Never run ``playwright install``: the tests use the system chromium
(``apt-get install -y chromium``).  When it is missing the test fails if the
``CI`` environment variable is set, and is skipped otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path(os.environ.get("SEO_PIPELINE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def unavailable(reason: str) -> None:
    """Fail under CI (the browser must be there), skip on a developer machine."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is an error)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Launch the system chromium headless with Playwright; close it after."""
    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} not found: apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
