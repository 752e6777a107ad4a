"""Shared fixtures of the portal's browser tests.

Tests/browser/run.sh builds the sample portal under a sub-path, serves it on 127.0.0.1 and sets:

  PORTAL_BASE_URL  http://127.0.0.1:PORT/reports-portal/   (ends with "/")
  PORTAL_SITE_DIR  the folder the site was written to (what the server serves at the base URL)
  CHROMIUM, CHROMEDRIVER  optional paths (default /usr/bin/chromium, /usr/bin/chromedriver)

One headless Chromium serves the whole session (starting one per test would cost ~1 s each).
"""

import json
import os
import time
import urllib.parse
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 10          # every explicit wait in the suite
PAGE_LOAD_SECONDS = 20     # driver.get
SCRIPT_SECONDS = 30        # execute_async_script (axe)


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run the browser tests with `bash Tests/browser/run.sh`", returncode=2)
    return value


BASE_URL = os.environ.get("PORTAL_BASE_URL", "")
SITE_DIR = Path(os.environ["PORTAL_SITE_DIR"]) if os.environ.get("PORTAL_SITE_DIR") else None


# Informational lines (every axe violation and "needs review" item, every validator message),
# printed at the end of the run even when the tests pass.
NOTES = []


def note(line):
    NOTES.append(line)
    print(line)


def pytest_terminal_summary(terminalreporter):
    if NOTES:
        terminalreporter.section("axe-core and Nu validator messages (for information)")
        for line in NOTES:
            terminalreporter.write_line(line)


def site_pages():
    """Every HTML page of the built site, as paths relative to the site root (sorted)."""
    if SITE_DIR is None:
        return []
    return sorted(p.relative_to(SITE_DIR).as_posix() for p in SITE_DIR.rglob("*.html"))


def pytest_configure(config):
    _env("PORTAL_BASE_URL")
    _env("PORTAL_SITE_DIR")
    if not BASE_URL.endswith("/"):
        pytest.exit("PORTAL_BASE_URL must end with '/'", returncode=2)


@pytest.fixture(scope="session")
def base_url():
    return BASE_URL


@pytest.fixture(scope="session")
def site_dir():
    return SITE_DIR


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--lang=zh-CN", "--hide-scrollbars",
                "--force-color-profile=srgb", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--metrics-recording-only", "--no-default-browser-check"):
        options.add_argument(arg)
    # Console messages (CSP violations, script errors, failed loads) and the network log.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
    driver.set_script_timeout(SCRIPT_SECONDS)
    driver.implicitly_wait(0)
    return driver


class Browser:
    """A thin helper over the WebDriver: open pages by site path, read logs, wait."""

    def __init__(self, driver, base_url):
        self.driver = driver
        self.base_url = base_url

    def url(self, path=""):
        return urllib.parse.urljoin(self.base_url, path)

    def drain_logs(self):
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def open(self, path=""):
        """Load a page of the site (path relative to the site root) and wait until it is complete."""
        self.drain_logs()
        self.driver.get(self.url(path))
        self.wait_loaded()
        return self.driver

    def wait_loaded(self):
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def wait(self, condition, message=""):
        return WebDriverWait(self.driver, WAIT_SECONDS).until(condition, message)

    def click_and_wait(self, element):
        """Click a link and wait for the next page to load (the old <html> goes stale)."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        self.wait(lambda d: _is_stale(old), "the page did not change after the click")
        self.wait_loaded()

    def h1(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text.strip()

    def console_messages(self):
        return self.driver.get_log("browser")

    def requested_urls(self):
        """URLs the page requested since the last drain (from Chrome's performance log)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls


def _is_stale(element):
    try:
        element.tag_name
        return False
    except Exception:  # StaleElementReferenceException, or the document is gone
        return True


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture()
def browser(driver, base_url):
    # Every test starts in a new tab (empty history: Chrome caps history.length at 50, which a
    # shared tab reaches after a few dozen tests) at desktop size, whatever the previous one did.
    old = driver.current_window_handle
    driver.switch_to.new_window("tab")
    new = driver.current_window_handle
    driver.switch_to.window(old)
    driver.close()
    driver.switch_to.window(new)
    driver.set_window_size(1280, 900)
    return Browser(driver, base_url)


def pytest_collection_modifyitems(items):
    # Keep a stable, readable order: the behaviour tests first, the page walks last.
    order = {"test_portal.py": 0, "test_keyboard.py": 1, "test_accessibility.py": 2,
             "test_every_page.py": 3, "test_validation.py": 4}
    items.sort(key=lambda item: order.get(Path(str(item.fspath)).name, 9))



def poll(predicate, timeout=WAIT_SECONDS, interval=0.05):
    """Wait for predicate() to be truthy; returns its value or raises TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in %s s" % timeout)
        time.sleep(interval)
