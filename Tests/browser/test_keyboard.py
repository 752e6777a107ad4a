"""Keyboard use: the skip link is the first Tab stop, shows itself, and moves focus to <main>."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

ACTIVE = "const e = document.activeElement; return e ? [e.tagName.toLowerCase(), e.id, e.className, e.textContent.trim()] : null;"


@pytest.mark.parametrize("path", [
    "index.html",
    "reports/wei-hai-shi-ke-xue-ji-shu-ju/2023/index.html",
    "years/2023/index.html",
    "search/index.html",
])
def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(browser, path):
    d = browser.open(path)
    ActionChains(d).send_keys(Keys.TAB).perform()
    tag, _, cls, text = d.execute_script(ACTIVE)
    assert (tag, cls) == ("a", "skip-link"), f"first Tab stop is <{tag} class={cls!r}> {text!r}"
    assert text == "跳到正文"
    # Focused, it is on screen (it hides off-screen otherwise).
    rect = d.execute_script("const r = document.activeElement.getBoundingClientRect();"
                            "return [r.left, r.top, r.width, r.height, innerWidth, innerHeight];")
    left, top, width, height, vw, vh = rect
    assert width > 0 and height > 0 and 0 <= left < vw and 0 <= top < vh, rect

    ActionChains(d).send_keys(Keys.ENTER).perform()
    browser.wait(lambda drv: drv.execute_script(ACTIVE)[:2] == ["main", "main"],
                 "focus did not move to <main id=main>")
    assert d.current_url.endswith(path + "#main")
    # The next Tab continues inside main, not back at the header.
    ActionChains(d).send_keys(Keys.TAB).perform()
    inside = d.execute_script("return document.getElementById('main').contains(document.activeElement)"
                              " && document.activeElement !== document.getElementById('main');")
    assert inside, d.execute_script(ACTIVE)
