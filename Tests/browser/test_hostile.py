"""The hostile fixture (Tests/Fixtures/hostile): report text, front matter and site.yml full of
<script>, event handlers, javascript: links, ]]>, {{ }} and bidi overrides. Every page of the
site built from it is opened in Chromium; nothing may run."""

import os
import urllib.parse
from pathlib import Path

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from conftest import Browser

HOSTILE_BASE_URL = os.environ.get("HOSTILE_BASE_URL", "")
HOSTILE_SITE_DIR = Path(os.environ["HOSTILE_SITE_DIR"]) if os.environ.get("HOSTILE_SITE_DIR") else None


def hostile_pages():
    if HOSTILE_SITE_DIR is None:
        return []
    return sorted(p.relative_to(HOSTILE_SITE_DIR).as_posix() for p in HOSTILE_SITE_DIR.rglob("*.html"))


@pytest.mark.skipif(not HOSTILE_BASE_URL, reason="run through Tests/browser/run.sh")
@pytest.mark.parametrize("page", hostile_pages())
def test_nothing_from_the_hostile_fixture_runs(driver, page):
    browser = Browser(driver, HOSTILE_BASE_URL)
    browser.open(page)
    # Every injected snippet sets window.pwned; none may have run.
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    # No element was injected: the only scripts are the theme's own, no image from the text.
    for script in driver.find_elements(By.TAG_NAME, "script"):
        assert "/assets/" in script.get_attribute("src")
    assert driver.find_elements(By.CSS_SELECTOR, "img") == []
    for link in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        assert not link.get_attribute("href").lower().startswith("javascript:")
    # No CSP violation either: nothing even tried to run inline.
    errors = [m for m in browser.console_messages() if m["level"] == "SEVERE" and "favicon" not in m["message"]]
    assert errors == []


@pytest.mark.skipif(not HOSTILE_BASE_URL, reason="run through Tests/browser/run.sh")
def test_hostile_text_is_shown_as_text(driver):
    browser = Browser(driver, HOSTILE_BASE_URL)
    report = next(p for p in hostile_pages() if p.startswith("reports/") and p.endswith("/2023/index.html"))
    browser.open(report)
    body = driver.find_element(By.TAG_NAME, "main").text
    assert "<script>window.pwned=1</script>" in body  # the agency name, as text
    assert "{{site.title}}" in body
    assert "\u202e" not in body
