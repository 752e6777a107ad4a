"""axe-core on one page of each kind, driven through axe-selenium-python's `Axe` (no network).

The engine: axe-selenium-python 2.1.6, the last release for Python < 3.12, bundles axe-core 3.1
(2018), whose rules have since been fixed for false positives this site trips (it fails a
visually hidden <label for> as "label"/"hidden-explicit-label", autocomplete="off" on a search
field as "autocomplete-valid", and <div> groups inside <dl> as "dlitem"; axe-core 4 accepts all
three). So the test runs a current axe-core, the copy bundled in the axe-playwright-python package
(run.sh installs it with --no-deps: only its axe.min.js is used, never Playwright), and refuses
to run on the 3.1 engine rather than filter its false positives.

Every violation is printed (pytest -s, or the captured output of a failure); the test fails on
violations of impact "serious" or "critical".
"""

import importlib.util
import os
import re

import pytest
from axe_selenium_python import Axe

from conftest import note


def axe_script():
    """Path of the newest axe.min.js available, and its version."""
    candidates = []
    for package in ("axe_playwright_python", "axe_selenium_python"):
        spec = importlib.util.find_spec(package)
        if not spec or not spec.submodule_search_locations:
            continue
        folder = list(spec.submodule_search_locations)[0]
        for relative in ("axe.min.js", "node_modules/axe-core/axe.min.js"):
            path = os.path.join(folder, relative)
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as f:
                    head = f.read(200)
                match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", head)
                version = tuple(map(int, match.groups())) if match else (3, 1, 0)  # 3.1 has no banner
                candidates.append((version, path))
    assert candidates, "no axe-core found: pip install axe-selenium-python"
    version, path = max(candidates)
    return path, version


AXE_SCRIPT, AXE_VERSION = axe_script()

PAGES = {
    "home": "index.html",
    "report": "reports/wei-hai-shi-ke-xue-ji-shu-ju/2023/index.html",
    "report-2019-template": "reports/wei-hai-shi-ke-xue-ji-shu-ju/2020/index.html",
    "agency": "agencies/wei-hai-shi-ke-xue-ji-shu-ju/index.html",
    "year": "years/2023/index.html",
    "region": "regions/wei-hai-shi/index.html",
    "search": "search/index.html",
    "about": "pages/about/index.html",
    "404": "404.html",
}

BLOCKING = {"serious", "critical"}


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}")
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_no_serious_violations(browser, name):
    if AXE_VERSION < (4,):
        pytest.fail(f"axe-core {AXE_VERSION} is too old (false positives, see the module comment): "
                    "pip install --no-deps axe-playwright-python, as Tests/browser/run.sh does")
    d = browser.open(PAGES[name])
    axe = Axe(d, script_url=AXE_SCRIPT)
    axe.inject()
    results = axe.run()
    violations = results["violations"]
    version = ".".join(map(str, AXE_VERSION))
    note(f"axe-core {version} on {name} ({PAGES[name]}): {len(violations)} violation(s), "
         f"{len(results['incomplete'])} rule(s) to review by hand")
    if violations:
        note(describe(violations))
    for item in results["incomplete"]:
        reasons = sorted({c["message"] for n in item["nodes"] for c in n["any"] + n["all"] + n["none"]})
        note(f"  review: [{item.get('impact')}] {item['id']}: {item['help']} ({len(item['nodes'])} node(s)): "
             + "; ".join(reasons)[:300])
    blocking = [v for v in violations if v.get("impact") in BLOCKING]
    assert not blocking, "\n" + describe(blocking)
