"""Every HTML page of the built site: nothing is loaded from another host, nothing is logged to the
console as an error (CSP violations, script errors and failed loads all show up there), and every
relative link points at a file (and fragment) that exists.
"""

import posixpath
import urllib.parse
from html.parser import HTMLParser

import pytest

from conftest import SITE_DIR, site_pages

PAGES = site_pages()

# Attributes through which a page makes the browser fetch something.
FETCHING = {
    "link": ("href",), "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "embed": ("src",), "object": ("data",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "input": ("src",), "form": ("action",),
}


class PageLinks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetches = []     # (tag, attribute, value)
        self.anchors = []     # href of <a>
        self.ids = set()
        self.base = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "base":
            self.base = attrs.get("href")
        for name in FETCHING.get(tag, ()):
            value = attrs.get(name)
            if value is not None:
                if name == "srcset":
                    for candidate in value.split(","):
                        if candidate.strip():
                            self.fetches.append((tag, name, candidate.strip().split()[0]))
                else:
                    self.fetches.append((tag, name, value))
        if tag == "a" and attrs.get("href") is not None:
            self.anchors.append(attrs["href"])

    handle_startendtag = handle_starttag


def parse(path):
    parser = PageLinks()
    parser.feed((SITE_DIR / path).read_text(encoding="utf-8"))
    return parser


def is_relative(url):
    parts = urllib.parse.urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("/")


def test_the_site_has_every_kind_of_page():
    kinds = {p.split("/")[0] if "/" in p else p for p in PAGES}
    assert {"index.html", "404.html", "reports", "agencies", "years", "regions", "search", "pages"} <= kinds, kinds
    assert "pages/about/index.html" in PAGES and "pages/guide/index.html" in PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_nothing_from_elsewhere_and_logs_no_errors(browser, path):
    d = browser.open(path)
    origin = urllib.parse.urlsplit(browser.base_url)
    requested = browser.requested_urls()
    assert requested, "the performance log recorded no request (is logging enabled?)"
    outside = []
    for url in requested:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if parts.hostname != "127.0.0.1" or parts.port != origin.port:
            outside.append(url)
        elif not url.startswith(browser.base_url) and parts.path != "/favicon.ico":
            # Chrome asks the host for /favicon.ico by itself; anything else must stay in the portal.
            outside.append(url)
    assert not outside, f"requests leaving the portal: {outside}"

    errors = [m for m in browser.console_messages() if m["level"] in ("SEVERE", "ERROR")
              # /favicon.ico is not the portal's: Chrome requests it from the host's root by
              # itself, and the bare test server (python -m http.server) answers 404.
              and "/favicon.ico" not in m["message"]]
    assert not errors, "console errors:\n" + "\n".join(m["message"] for m in errors)
    assert d.title.strip(), "page without a <title>"


@pytest.mark.parametrize("path", PAGES)
def test_page_references_are_relative_and_resolve(path):
    page = parse(path)
    assert page.base is None or is_relative(page.base), f"<base href={page.base!r}> is not relative"
    problems = []
    for tag, attribute, value in page.fetches:
        if value.startswith("data:"):
            continue
        if not is_relative(value):
            problems.append(f"<{tag} {attribute}={value!r}> is not a relative URL")
            continue
        target = urllib.parse.urlsplit(value).path
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        if target and not (SITE_DIR / resolved).is_file():
            problems.append(f"<{tag} {attribute}={value!r}> → {resolved} does not exist")
    for href in page.anchors:
        parts = urllib.parse.urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # a link out (e.g. the agency's own web page) is followed only by a person
        if href.startswith("/"):
            problems.append(f"<a href={href!r}> is root-relative: breaks under a sub-path")
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path)) if parts.path else path
        file = SITE_DIR / resolved
        if file.is_dir():
            problems.append(f"<a href={href!r}> names a folder: works on a web server only, not from disk")
            continue
        if not file.is_file():
            problems.append(f"<a href={href!r}> → {resolved} does not exist")
            continue
        if parts.fragment and resolved.endswith(".html") and parts.fragment not in parse(resolved).ids:
            problems.append(f"<a href={href!r}> → no id {parts.fragment!r} in {resolved}")
    assert not problems, "\n".join(problems)
