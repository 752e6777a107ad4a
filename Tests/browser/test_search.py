"""The search page (Themes/default/assets/search.js over the index in search/, docs/search-index.md).

Expected results come from an oracle that reads the same documents the browser reads
(search/docs/<id>.z in the built site) and checks, in Python, which of them contain the query:
so every test asserts both "each result contains the query" and "no document that contains it
is missing".
"""

import json
import unicodedata
import urllib.parse
import zlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import WAIT_SECONDS, make_driver, poll

SEARCH = "search/index.html"
WEIHAI_KJJ = "reports/wei-hai-shi-ke-xue-ji-shu-ju/"
BUDGET_BYTES = 150 * 1024

RESULTS_JS = """
return [...document.querySelectorAll('#search-results > li')].map(li => {
  const a = li.querySelector('a');
  const snippet = li.querySelector('.search-snippet');
  return {href: a.href, title: a.textContent,
          meta: li.querySelector('.search-result-meta').textContent,
          snippet: snippet ? snippet.textContent : '',
          marks: [...li.querySelectorAll('mark')].map(m => m.textContent)};
});"""

STATE_JS = """
const list = document.getElementById('search-results');
return {state: list.dataset.state || '', query: list.dataset.query || '',
        status: document.getElementById('search-status').textContent,
        more: !document.getElementById('search-more').hidden,
        count: list.children.length};"""


# --- the oracle -----------------------------------------------------------------------------------

def _norm(text):
    return "".join(unicodedata.normalize("NFKC", ch).lower() for ch in text)


@pytest.fixture(scope="session")
def documents(site_dir):
    """Every search document of the built site: id -> (url, normalised fields)."""
    docs = {}
    folder = site_dir / "search" / "docs"
    manifest = json.loads((site_dir / "search" / "manifest.json").read_text(encoding="utf-8"))
    for i in range(manifest["docCount"]):
        doc = json.loads(zlib.decompress((folder / f"{i}.z").read_bytes()))
        fields = [doc["title"], doc.get("agency", ""), *doc.get("region", []),
                  f"{doc['year']}年" if doc.get("year") else ""]
        for s in doc["sections"]:
            fields += [s["title"], s["text"]]
        docs[i] = {"url": doc["url"], "year": doc.get("year"), "kind": doc["kind"],
                   "agency": doc.get("agency", ""), "fields": [_norm(f) for f in fields if f]}
    return docs


def containing(documents, query, year=None):
    """URLs (relative to the site root) of the documents that hold every term (Han terms)."""
    terms = [_norm(t) for t in query.split()]
    return {d["url"] for d in documents.values()
            if all(any(t in f for f in d["fields"]) for t in terms) and (year is None or d["year"] == year)}


# --- driving the page ---------------------------------------------------------------------------

def settled(browser, q, **filters):
    """Wait until the page shows the search for q (and filters), and return its state."""
    want = {k: v for k, v in {"q": q, **filters}.items() if v}

    def done(_):
        s = browser.driver.execute_script(STATE_JS)
        if s["state"] != "done":
            return False
        got = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(s["query"]).query).items()}
        return s if got == want else False
    return browser.wait(done, f"the search for {want} did not settle")


def results(browser):
    return browser.driver.execute_script(RESULTS_JS)


def site_path(browser, href):
    """A result link as a path relative to the site root, without its fragment."""
    assert href.startswith(browser.base_url), href
    return href[len(browser.base_url):].split("#")[0]


def open_search(browser, **params):
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v})
    d = browser.open(SEARCH + ("?" + query if query else ""))
    return d


def type_query(browser, text):
    field = browser.driver.find_element(By.ID, "q")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)
    return field


def show_all(browser):
    """Press 更多结果 until every result is listed; returns them."""
    d = browser.driver
    for _ in range(50):
        state = d.execute_script(STATE_JS)
        if not state["more"]:
            return results(browser)
        before = state["count"]
        d.find_element(By.ID, "search-more").click()
        browser.wait(lambda drv: drv.execute_script(STATE_JS)["count"] > before
                     or not drv.execute_script(STATE_JS)["more"], "更多结果 added nothing")
    raise AssertionError("更多结果 never ran out")


def console_errors(browser):
    return [m for m in browser.console_messages() if m["level"] in ("SEVERE", "ERROR")
            and "/favicon.ico" not in m["message"]]


# --- results ------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["行政复议", "依申请公开", "规范性文件", "翠区", "讼", "好信息公", "息公开的",
                                   "威海市科学技术局 行政复议"])
def test_results_are_exactly_the_documents_that_contain_the_query(browser, documents, query):
    open_search(browser, q=query)
    settled(browser, query)
    found = show_all(browser)
    expected = containing(documents, query)
    assert expected, f"the oracle finds nothing for {query!r}; pick another query"
    assert {site_path(browser, r["href"]) for r in found} == expected
    assert len(found) == len(expected), "a document is listed twice"
    assert browser.driver.execute_script(STATE_JS)["status"] == f"找到 {len(expected)} 份"
    norm_terms = [_norm(t) for t in query.split()]
    for r in found:
        # Every result shows where the query matched: in its title, section title or snippet.
        shown = {_norm(m) for m in r["marks"]}
        assert any(t in shown for t in norm_terms), (r["title"], r["marks"])


def test_long_query_drops_candidates_that_only_hold_its_trigrams(browser, documents):
    # 威海市科学技术局 2023 holds 好信息 and 信息公 (both trigrams of the query) but not 好信息公:
    # the index alone would list it; the page must confirm against the text and drop it.
    report = next(d for d in documents.values() if d["url"] == WEIHAI_KJJ + "2023/index.html")
    assert any("好信息" in f for f in report["fields"]) and any("信息公" in f for f in report["fields"])
    assert not any("好信息公" in f for f in report["fields"])
    open_search(browser, q="好信息公")
    settled(browser, "好信息公")
    urls = {site_path(browser, r["href"]) for r in results(browser)}
    assert WEIHAI_KJJ + "2023/index.html" not in urls
    assert urls == containing(documents, "好信息公")


def test_agency_name_ranks_that_agencys_reports_first_newest_first(browser, documents):
    open_search(browser, q="威海市科学技术局")
    settled(browser, "威海市科学技术局")
    found = results(browser)
    own = sorted((d for d in documents.values() if d["agency"] == "威海市科学技术局"),
                 key=lambda d: -d["year"])
    assert len(own) == 4
    assert [site_path(browser, r["href"]) for r in found[:4]] == [d["url"] for d in own]
    # Title and agency matches come before any report that only mentions the agency.
    for r in found[:4]:
        assert "威海市科学技术局" in r["meta"] and "威海市科学技术局" in r["marks"]


def test_two_characters_from_the_middle_of_a_word_find_their_reports(browser, documents):
    open_search(browser, q="翠区")
    state = settled(browser, "翠区")
    found = results(browser)
    agencies = [r["meta"].split(" · ")[0] for r in found]
    huancui = sorted(d["url"] for d in documents.values() if "环翠区" in d["agency"])
    assert len(huancui) == 2
    assert sorted(site_path(browser, r["href"]) for r in found[:2]) == huancui
    assert all("环翠区" in a for a in agencies[:2]), agencies
    assert state["status"] == f"找到 {len(found)} 份"


def test_snippet_highlights_the_match_and_links_to_its_section(browser):
    open_search(browser, q="行政复议")
    settled(browser, "行政复议")
    found = results(browser)
    pingdingshan = next(r for r in found if "平顶山市科学技术局" in r["meta"])
    assert "#section-" in pingdingshan["href"]
    assert "行政复议" in pingdingshan["snippet"] and "行政复议" in pingdingshan["marks"]
    assert len(pingdingshan["snippet"]) <= 100
    # The link opens the report at that section, and the section holds the words.
    d = browser.driver
    link = d.find_element(By.CSS_SELECTOR, f"#search-results a[href='{pingdingshan['href']}']")
    browser.click_and_wait(link)
    anchor = pingdingshan["href"].split("#")[1]
    section = d.find_element(By.ID, anchor)
    assert "行政复议" in section.text


def test_query_that_nothing_contains_says_so(browser, documents):
    assert not containing(documents, "段简")
    open_search(browser, q="段简")
    state = settled(browser, "段简")
    assert state["count"] == 0 and not state["more"]
    assert state["status"].startswith("没有找到包含“段简”的报告")


def test_one_character_finds_every_report(browser, documents, site_dir):
    open_search(browser, q="讼")
    settled(browser, "讼")
    urls = {site_path(browser, r["href"]) for r in show_all(browser)}
    reports = {p.relative_to(site_dir).as_posix() for p in (site_dir / "reports").glob("*/*/index.html")}
    assert len(reports) == 8
    assert reports <= urls


def test_document_text_is_escaped(browser):
    query = "<img src=x onerror=alert(1)>"
    open_search(browser, q=query)
    state = settled(browser, query)
    assert state["status"].startswith(f"没有找到包含“{query}”的报告")
    assert not browser.driver.find_elements(By.CSS_SELECTOR, "main img")


# --- filters and the URL ----------------------------------------------------------------------

def test_year_filter_narrows_results_and_goes_into_the_url(browser, documents):
    d = open_search(browser)
    type_query(browser, "行政复议")
    settled(browser, "行政复议")
    everything = {site_path(browser, r["href"]) for r in show_all(browser)}
    year = Select(d.find_element(By.ID, "search-year"))
    assert [o.get_attribute("value") for o in year.options][:2] == ["", "2024"]
    year.select_by_value("2023")
    settled(browser, "行政复议", year="2023")
    narrowed = {site_path(browser, r["href"]) for r in show_all(browser)}
    assert narrowed == containing(documents, "行政复议", year=2023)
    assert narrowed and narrowed < everything
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(d.current_url).query)
    assert params == {"q": ["行政复议"], "year": ["2023"]}


def test_region_and_agency_filters(browser, documents):
    d = open_search(browser, q="讼")
    settled(browser, "讼")
    Select(d.find_element(By.ID, "search-region")).select_by_value("环翠区")
    settled(browser, "讼", region="环翠区")
    assert {site_path(browser, r["href"]) for r in results(browser)} == \
        {x["url"] for x in documents.values() if "环翠区" in x["agency"]}
    Select(d.find_element(By.ID, "search-region")).select_by_value("")
    # The agency list is fetched when the filter is first used, as a person opening it would.
    agency = d.find_element(By.ID, "search-agency")
    agency.click()
    browser.wait(lambda drv: drv.find_elements(By.CSS_SELECTOR, '#search-agency option[value="wei-hai-shi-ke-xue-ji-shu-ju"]'),
                 "the agency list was not loaded")
    Select(agency).select_by_value("wei-hai-shi-ke-xue-ji-shu-ju")
    settled(browser, "讼", agency="wei-hai-shi-ke-xue-ji-shu-ju")
    found = [site_path(browser, r["href"]) for r in results(browser)]
    assert found == [WEIHAI_KJJ + f"{y}/index.html" for y in (2023, 2022, 2021, 2020)]


def test_opening_a_search_url_restores_query_filter_and_results(browser, documents):
    d = open_search(browser, q="行政复议", year="2023")
    settled(browser, "行政复议", year="2023")
    assert d.find_element(By.ID, "q").get_attribute("value") == "行政复议"
    assert Select(d.find_element(By.ID, "search-year")).first_selected_option.get_attribute("value") == "2023"
    found = results(browser)
    assert {site_path(browser, r["href"]) for r in found} == containing(documents, "行政复议", year=2023)
    assert all("2023年度" in r["meta"] for r in found)


def test_back_button_returns_to_the_previous_search(browser):
    d = open_search(browser)
    type_query(browser, "翠区").send_keys(Keys.ENTER)
    settled(browser, "翠区")
    first = [r["href"] for r in results(browser)]
    type_query(browser, "平顶山").send_keys(Keys.ENTER)
    settled(browser, "平顶山")
    assert "q=%E5%B9%B3%E9%A1%B6%E5%B1%B1" in d.current_url
    d.back()
    settled(browser, "翠区")
    assert d.find_element(By.ID, "q").get_attribute("value") == "翠区"
    assert [r["href"] for r in results(browser)] == first
    d.back()
    settled(browser, "")
    assert d.find_element(By.ID, "q").get_attribute("value") == ""
    assert results(browser) == []
    d.forward()
    settled(browser, "翠区")


def test_typing_settles_into_one_history_entry(browser):
    # (history.length stops at 50 in Chrome, so count entries by going back.)
    d = open_search(browser)
    type_query(browser, "依申请公开")
    settled(browser, "依申请公开")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(d.current_url).query) == {"q": ["依申请公开"]}
    d.back()
    # One step back is the empty search page, not a half-typed query.
    settled(browser, "")
    assert urllib.parse.urlsplit(d.current_url).query == ""
    assert d.find_element(By.ID, "q").get_attribute("value") == ""


def test_header_search_box_shows_results(browser, documents):
    d = browser.open(WEIHAI_KJJ + "2023/index.html")
    form = d.find_element(By.CSS_SELECTOR, "header form[role='search']")
    form.find_element(By.CSS_SELECTOR, "input[type='search']").send_keys("规范性文件")
    browser.click_and_wait(form.find_element(By.CSS_SELECTOR, "button"))
    settled(browser, "规范性文件")
    assert {site_path(browser, r["href"]) for r in show_all(browser)} == containing(documents, "规范性文件")


def test_more_results_pages_through_and_moves_focus(browser, documents):
    d = open_search(browser)
    # A page of three, so the small test site has several pages.
    d.execute_script("document.getElementById('search-form').setAttribute('data-page-size', '3')")
    type_query(browser, "讼").send_keys(Keys.ENTER)
    state = settled(browser, "讼")
    assert state["count"] == 3 and state["more"]
    d.find_element(By.ID, "search-more").click()
    browser.wait(lambda drv: drv.execute_script(STATE_JS)["count"] == 6, "更多结果 did not add three")
    focused = d.execute_script("return document.activeElement.href")
    assert focused == results(browser)[3]["href"], "focus did not move to the first new result"
    urls = [site_path(browser, r["href"]) for r in show_all(browser)]
    assert len(urls) == len(set(urls)) and set(urls) == containing(documents, "讼")


# --- keyboard, script, speed -------------------------------------------------------------------

def test_keyboard_focus_stays_in_the_field_and_tab_reaches_the_first_result(browser):
    d = open_search(browser)
    field = d.find_element(By.ID, "q")
    field.click()
    field.send_keys("行政复议")
    settled(browser, "行政复议")
    assert d.execute_script("return document.activeElement.id") == "q"
    first = results(browser)[0]["href"]
    passed = []
    for _ in range(8):
        field = d.switch_to.active_element
        field.send_keys(Keys.TAB)
        active = d.execute_script("const e = document.activeElement;"
                                  "return [e.tagName.toLowerCase(), e.id, e.href || '', !!e.closest('#search-form')];")
        if active[0] == "a":
            break
        assert active[3], f"Tab left the search form for {active} before the results"
        passed.append(active[1])
    assert active[0] == "a" and active[2] == first, (active, passed)
    d.switch_to.active_element.send_keys(Keys.ENTER)
    browser.wait(lambda drv: drv.current_url == first, "Enter on the result did not open it")


def test_every_filter_has_a_label_and_the_page_works_without_inline_script(browser, site_dir):
    html = (site_dir / SEARCH).read_text(encoding="utf-8")
    assert "<noscript>" in html and "搜索需要启用浏览器脚本" in html
    assert " style=" not in html and "<script>" not in html
    assert '<script src="../assets/search.js" defer></script>' in html
    d = open_search(browser, q="讼")
    settled(browser, "讼")
    for select in d.find_elements(By.CSS_SELECTOR, "#search-filters select"):
        label = d.find_element(By.CSS_SELECTOR, f"label[for='{select.get_attribute('id')}']")
        assert label.text.strip() and select.is_displayed()


def test_no_console_errors_while_searching(browser):
    d = open_search(browser, q="行政")
    settled(browser, "行政")
    field = d.find_element(By.ID, "q")
    # Quick typing aborts stale fetches: that must not log anything either.
    for text in ("行", "行政复", "依申请", "威海", "2023", "abc", "，。", ""):
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
        if text:
            field.send_keys(text)
    field.send_keys("依申请公开")
    settled(browser, "依申请公开")
    Select(d.find_element(By.ID, "search-year")).select_by_value("2023")
    settled(browser, "依申请公开", year="2023")
    assert not console_errors(browser), console_errors(browser)


def test_one_query_downloads_less_than_150_kb(base_url):
    """A fresh browser (empty cache): script, manifest, shards and the first page's documents."""
    driver = make_driver()
    try:
        query = urllib.parse.urlencode({"q": "行政复议"})
        driver.get(base_url + SEARCH + "?" + query)
        poll(lambda: driver.execute_script("return document.getElementById('search-results').dataset.state") == "done",
             timeout=WAIT_SECONDS)
        entries = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => ({name: e.name, transfer: e.transferSize,"
            " body: e.encodedBodySize}));")
        search_files = [e for e in entries if "/search/" in e["name"] or e["name"].endswith("/assets/search.js")]
        total = sum(max(e["transfer"], e["body"]) for e in search_files)
        kinds = {k: sum(1 for e in search_files if f"/search/{k}/" in e["name"]) for k in ("shards", "docs")}
        print(f"\nbytes for q=行政复议: {total} in {len(search_files)} files "
              f"({kinds['shards']} shards, {kinds['docs']} documents)")
        assert any(e["name"].endswith("/search/manifest.json") for e in search_files)
        assert 0 < kinds["docs"] <= 10
        assert total < BUDGET_BYTES, search_files
    finally:
        driver.quit()


def test_repeated_query_renders_within_100_ms_of_the_last_keystroke(browser):
    open_search(browser, q="依申请公开")
    settled(browser, "依申请公开")
    d = browser.driver
    d.execute_script("performance.clearMeasures('search')")
    type_query(browser, "依申请公开")
    settled(browser, "依申请公开")
    durations = d.execute_script("return performance.getEntriesByName('search', 'measure').map(m => m.duration)")
    assert durations, "no search measure recorded"
    assert durations[-1] < 100, durations
