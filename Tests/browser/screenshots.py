"""Full-page screenshots of the portal for docs/screenshots/ (desktop 1280 px and phone 390 px wide).

Run by Tests/browser/run.sh when UPDATE_SCREENSHOTS=1 (it builds and serves the site and sets
PORTAL_BASE_URL). Each image is cut at MAX_HEIGHT CSS pixels so the PNGs stay small and viewable.

    python3 Tests/browser/screenshots.py --out docs/screenshots
"""

import argparse
import base64
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import Browser, make_driver  # noqa: E402

PAGES = {
    "home": "index.html",
    "report": "reports/wei-hai-shi-ke-xue-ji-shu-ju/2023/index.html",
    "agency": "agencies/wei-hai-shi-ke-xue-ji-shu-ju/index.html",
    "year": "years/2023/index.html",
    "region": "regions/wei-hai-shi/index.html",
}

WIDTHS = {"desktop": (1280, 1, False), "phone": (390, 1, True)}  # width, device pixel ratio, mobile
MAX_HEIGHT = 2400   # in image pixels


def capture(driver, width, scale, mobile, path):
    metrics = {"width": width, "height": 900, "deviceScaleFactor": scale, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.execute_script("window.scrollTo(0, 0)")
    height = driver.execute_script(
        "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))")
    page_width = driver.execute_script("return document.documentElement.scrollWidth")
    if page_width > width:
        raise SystemExit(f"{path.name}: the page is {page_width} px wide in a {width} px viewport "
                         "(something does not fit; tables should scroll inside their box)")
    kept = min(height, MAX_HEIGHT // scale)
    # Make the viewport as tall as the picture instead of using captureBeyondViewport: Chromium
    # leaves the inside of horizontally scrolling boxes (our wide tables on a phone) blank below
    # the first screen when it paints beyond the viewport.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=kept))
    driver.execute_script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "fromSurface": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    return height, kept


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--base-url", default=os.environ.get("PORTAL_BASE_URL"))
    args = parser.parse_args()
    if not args.base_url:
        parser.error("PORTAL_BASE_URL is not set (run through Tests/browser/run.sh with UPDATE_SCREENSHOTS=1)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    driver = make_driver()
    try:
        browser = Browser(driver, args.base_url)
        for name, page in PAGES.items():
            browser.open(page)
            # Wait for the web fonts the system has (Noto CJK) before painting.
            driver.execute_script("return document.fonts.ready.then(() => true)")
            for label, (width, scale, mobile) in WIDTHS.items():
                path = out / f"{name}-{label}.png"
                height, kept = capture(driver, width, scale, mobile, path)
                note = "" if kept == height else f", cut from {height}"
                print(f"{path}: {width}×{kept} css px @{scale}x{note}, {path.stat().st_size // 1024} KiB")
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
