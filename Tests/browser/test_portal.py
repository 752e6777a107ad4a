"""What a person sees on the portal's pages, in a real browser, under a sub-path.

The site is built from Content/ (5 sample reports) plus Tests/Fixtures/portal/reports/ (威海市科学技术局
2020–2022). Expected numbers, worked out from those files by hand:

  reports   8  = 5 samples + 3 fixtures
  agencies  5  = 威海市科学技术局 (2020–2023), 平顶山市科学技术局 (2023), 青州市科学技术局 (2024),
                 威海市环翠区工业和信息化局 (2023), 威海市环翠区科学技术局 (2020)
  years     5  = 2020, 2021, 2022, 2023, 2024
  regions   4  = 威海市, 威海市 › 环翠区, 平顶山市, 青州市
  2023      3 reports: 平顶山市科学技术局 (新收 0), 威海市环翠区工业和信息化局 (新收 1), 威海市科学技术局 (新收 0)
"""

import json
import urllib.request

import pytest
from selenium.webdriver.common.by import By

REPORT = "reports/wei-hai-shi-ke-xue-ji-shu-ju/2023/index.html"
AGENCY = "agencies/wei-hai-shi-ke-xue-ji-shu-ju/index.html"
YEAR = "years/2023/index.html"

SITE_TITLE = "政府信息公开工作年度报告"

# Cell text as a person reads the value: without the "[n]" marker that links a flagged number to
# its finding. Returns, for each cell of the row, its first grid column (colspans counted) and text.
ROW_CELLS_JS = """
const row = arguments[0];
let column = 0;
return Array.from(row.cells).map(cell => {
  const copy = cell.cloneNode(true);
  copy.querySelectorAll('.finding-ref').forEach(ref => (ref.closest('sup') || ref).remove());
  const item = {column: column, span: cell.colSpan, tag: cell.tagName.toLowerCase(),
                text: copy.textContent.trim()};
  column += cell.colSpan;
  return item;
});
"""


def http_status(url):
    request = urllib.request.Request(url, method="GET")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def row_cells(driver, row):
    return driver.execute_script(ROW_CELLS_JS, row)


def header_text(th):
    # After sort.js the header text sits in a button; an arrow marks the sorted column.
    return th.text.replace("▲", "").replace("▼", "").strip()


# --- home ---------------------------------------------------------------------------------------

def test_home_title_and_counts(browser):
    d = browser.open("index.html")
    assert d.current_url == browser.url("index.html")
    assert d.title == f"首页 · {SITE_TITLE}"
    assert browser.h1() == SITE_TITLE
    stats = [li.text.replace(" ", "") for li in d.find_elements(By.CSS_SELECTOR, "main .stats li")]
    assert stats == ["8份报告", "5个机关", "5个年度", "4个地区"]


@pytest.mark.parametrize("section, link, expected_h1, expected_path", [
    ("按年度", "2023年", "2023年政府信息公开工作年度报告", YEAR),
    ("按地区", "威海市", "威海市", "regions/wei-hai-shi/index.html"),
    ("按机关", "威海市科学技术局", "威海市科学技术局", AGENCY),
])
def test_home_links_lead_to_landing_pages(browser, section, link, expected_h1, expected_path):
    d = browser.open("index.html")
    heading = d.find_element(By.XPATH, f"//main//section/h2[normalize-space()='{section}']")
    anchor = heading.find_element(By.XPATH, f"following-sibling::ul//a[normalize-space()='{link}']")
    browser.click_and_wait(anchor)
    assert d.current_url == browser.url(expected_path)
    assert browser.h1() == expected_h1


def test_home_lists_every_year_and_agency(browser):
    d = browser.open("index.html")
    years = [a.text for a in d.find_elements(By.XPATH, "//section[h2='按年度']//a")]
    assert years == ["2024年", "2023年", "2022年", "2021年", "2020年"]
    agencies = [a.text for a in d.find_elements(By.XPATH, "//section[h2='按机关']//a")]
    assert sorted(agencies) == sorted(["威海市科学技术局", "平顶山市科学技术局", "青州市科学技术局",
                                       "威海市环翠区工业和信息化局", "威海市环翠区科学技术局"])


# --- report -------------------------------------------------------------------------------------

def test_report_heading_and_meta(browser):
    d = browser.open(REPORT)
    assert browser.h1() == "威海市科学技术局2023年政府信息公开工作年度报告"
    meta = {dt.text: dt.find_element(By.XPATH, "following-sibling::dd").text
            for dt in d.find_elements(By.CSS_SELECTOR, "dl.meta dt")}
    assert meta["发布机关"] == "威海市科学技术局"
    assert meta["年度"] == "2023"
    assert meta["地区"] == "威海市"
    assert meta["报告格式"].startswith("2021 年版")


def test_report_normative_documents_row(browser):
    d = browser.open(REPORT)
    table = d.find_element(By.CSS_SELECTOR, "#section-2 table")
    assert "主动公开" in table.find_element(By.TAG_NAME, "caption").text
    row = table.find_element(By.XPATH, ".//tr[th[@scope='row' and normalize-space()='行政规范性文件']]")
    # The header row that names this row's columns is the nearest earlier row of column headers.
    header = row.find_element(By.XPATH, "preceding-sibling::tr[th[@scope='col']][1]")
    columns = {c["column"]: c["text"] for c in row_cells(d, header)}
    values = {columns[c["column"]]: c["text"] for c in row_cells(d, row) if c["tag"] == "td"}
    assert values == {"本年制发件数": "5", "本年废止件数": "3", "现行有效件数": "18"}
    # 18 is the number the documents-in-force warning is about: it is marked and linked.
    flagged = row.find_element(By.CSS_SELECTOR, "td.flagged")
    ref = flagged.find_element(By.CSS_SELECTOR, "a.finding-ref")
    target = d.find_element(By.ID, ref.get_attribute("href").split("#", 1)[1])
    assert "现行有效" in target.text and "crossyear.documents-in-force" in target.text


def test_report_lists_the_cross_year_finding(browser):
    d = browser.open(REPORT)
    findings = d.find_element(By.ID, "findings")
    assert findings.find_element(By.TAG_NAME, "h2").text == "核对发现"
    items = [li.text for li in findings.find_elements(By.CSS_SELECTOR, "li")]
    carry = [t for t in items if "crossyear.carry-over" in t]
    assert carry, items
    assert any("2022年“结转下年度”=2" in t and "本年“上年结转”=0" in t for t in carry), carry
    summary = d.find_element(By.CSS_SELECTOR, ".findings-summary").text
    assert "3 个错误" in summary and "1 个警告" in summary


def test_report_previous_year_link(browser):
    d = browser.open(REPORT)
    prev = d.find_element(By.CSS_SELECTOR, "nav.pager a[rel='prev']")
    assert "2022" in prev.text
    assert not d.find_elements(By.CSS_SELECTOR, "nav.pager a[rel='next']")  # 2023 is the latest
    browser.click_and_wait(prev)
    assert d.current_url == browser.url("reports/wei-hai-shi-ke-xue-ji-shu-ju/2022/index.html")
    assert browser.h1() == "威海市科学技术局2022年政府信息公开工作年度报告"


def test_report_source_and_json_links_resolve(browser):
    d = browser.open(REPORT)
    downloads = d.find_element(By.CSS_SELECTOR, "p.downloads")
    source = downloads.find_element(By.XPATH, ".//a[contains(@href, 'sources/')]")
    json_link = downloads.find_element(By.XPATH, ".//a[normalize-space()='report.json']")
    for link in (source, json_link):
        assert link.get_attribute("href").startswith(browser.base_url), "links stay under the sub-path"

    status, body = http_status(source.get_attribute("href"))
    assert status == 200
    assert "威海市科学技术局" in body.decode("utf-8")

    status, body = http_status(json_link.get_attribute("href"))
    assert status == 200
    data = json.loads(body)  # the open-data document, holding this one report
    assert data["schema"] == "sitegen.reports/1"
    assert [r["id"] for r in data["reports"]] == ["wei-hai-shi-ke-xue-ji-shu-ju/2023"]
    assert data["reports"][0]["activeDisclosure"]["normativeDocuments"] == {"issued": 5, "repealed": 3, "inForce": 18}


# --- agency -------------------------------------------------------------------------------------

def test_agency_trend_table(browser):
    d = browser.open(AGENCY)
    assert browser.h1() == "威海市科学技术局"
    table = d.find_element(By.CSS_SELECTOR, "table#trend")
    years = [th.text for th in table.find_elements(By.CSS_SELECTOR, "tbody tr > th[scope='row']")]
    assert years == ["2020年", "2021年", "2022年", "2023年"]
    # 新收申请 per year, read under its header (6, 9, 7, 0 in the four reports).
    headers = [header_text(th) for th in table.find_elements(By.CSS_SELECTOR, "thead tr:first-child th")]
    index = headers.index("新收申请")
    received = [row.find_elements(By.XPATH, "./*")[index].text
                for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert received == ["6", "9", "7", "0"]


def test_agency_chart_is_an_accessible_inline_svg(browser):
    d = browser.open(AGENCY)
    svg = d.find_element(By.CSS_SELECTOR, "main svg[role='img']")
    title = d.execute_script("const t = arguments[0].querySelector(':scope > title'); "
                             "return t ? t.textContent : null;", svg)
    assert title and "威海市科学技术局" in title
    size = svg.size
    assert size["width"] > 200 and size["height"] > 100, size


def test_agency_cross_year_findings(browser):
    d = browser.open(AGENCY)
    findings = d.find_element(By.ID, "findings")
    assert findings.find_element(By.TAG_NAME, "h2").text == "跨年度核对发现"
    text = findings.text
    assert "crossyear.carry-over" in text
    assert "crossyear.documents-in-force" in text


# --- year ---------------------------------------------------------------------------------------

def year_table(d):
    return d.find_element(By.CSS_SELECTOR, "table#year-2023")


def agency_order(table):
    return [row.find_element(By.CSS_SELECTOR, "th a").text
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]


def column_values(table, index):
    return [row.find_elements(By.XPATH, "./*")[index].text
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]


def test_year_comparison_rows_and_totals(browser):
    d = browser.open(YEAR)
    assert browser.h1() == "2023年政府信息公开工作年度报告"
    table = year_table(d)
    assert agency_order(table) == ["平顶山市科学技术局", "威海市环翠区工业和信息化局", "威海市科学技术局"]
    totals = table.find_elements(By.CSS_SELECTOR, "tfoot tr")
    assert len(totals) == 1
    assert totals[0].find_element(By.TAG_NAME, "th").text == "合计（3份）"
    headers = [header_text(th) for th in table.find_elements(By.CSS_SELECTOR, "thead tr:first-child th")]
    index = headers.index("新收申请")
    assert totals[0].find_elements(By.XPATH, "./*")[index].text == "1"


def test_year_table_sorts_by_clicking_a_header(browser):
    d = browser.open(YEAR)
    table = year_table(d)
    headers = table.find_elements(By.CSS_SELECTOR, "thead tr:first-child th")
    names = [header_text(th) for th in headers]
    index = names.index("新收申请")
    th = headers[index]
    button = browser.wait(lambda _: th.find_elements(By.CSS_SELECTOR, "button"),
                          "sort.js did not turn the header into a button")[0]
    assert header_text(button) == "新收申请"

    button.click()
    browser.wait(lambda _: th.get_attribute("aria-sort") == "ascending", "not sorted ascending")
    # Ties keep their order (the sort is stable): the two 0s stay as they were, the 1 goes last.
    assert agency_order(table) == ["平顶山市科学技术局", "威海市科学技术局", "威海市环翠区工业和信息化局"]
    assert column_values(table, index) == ["0", "0", "1"]

    button.click()
    browser.wait(lambda _: th.get_attribute("aria-sort") == "descending", "not sorted descending")
    assert agency_order(table) == ["威海市环翠区工业和信息化局", "平顶山市科学技术局", "威海市科学技术局"]
    assert column_values(table, index) == ["1", "0", "0"]
    # The totals row is not part of the sort.
    assert table.find_element(By.CSS_SELECTOR, "tfoot th").text == "合计（3份）"


# --- region -------------------------------------------------------------------------------------

def test_region_page_found_from_the_regions_list(browser):
    d = browser.open("regions/index.html")
    link = d.find_element(By.XPATH, "//main//a[normalize-space()='威海市']")
    browser.click_and_wait(link)
    assert d.current_url.startswith(browser.url("regions/"))
    assert browser.h1() == "威海市"
    children = [a.text for a in d.find_elements(By.XPATH, "//section[h2='下级地区']//a")]
    assert children == ["环翠区"]
    agencies = [a.text for a in d.find_elements(By.XPATH, "//section[h2='机关']//a")]
    assert sorted(agencies) == sorted(["威海市科学技术局", "威海市环翠区工业和信息化局", "威海市环翠区科学技术局"])
    # A year table per year with reports in the region.
    captions = [c.text for c in d.find_elements(By.CSS_SELECTOR, "main table caption")]
    assert any(c.startswith("威海市2023年") for c in captions), captions

    browser.click_and_wait(d.find_element(By.XPATH, "//section[h2='下级地区']//a[normalize-space()='环翠区']"))
    assert "环翠区" in browser.h1()


# --- search -------------------------------------------------------------------------------------

def test_search_page_shows_its_form(browser):
    d = browser.open("search/index.html")
    assert browser.h1() == "搜索"
    form = d.find_element(By.CSS_SELECTOR, "main form")
    field = form.find_element(By.CSS_SELECTOR, "input[type='search']")
    assert field.is_displayed() and field.is_enabled()
    label = d.find_elements(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']")
    assert (label and label[0].text.strip()) or field.get_attribute("aria-label")
    assert form.find_element(By.CSS_SELECTOR, "button, input[type='submit']").is_displayed()


def test_header_search_box_goes_to_the_search_page(browser):
    d = browser.open(REPORT)
    form = d.find_element(By.CSS_SELECTOR, "header form[role='search']")
    form.find_element(By.CSS_SELECTOR, "input[type='search']").send_keys("科学技术局")
    browser.click_and_wait(form.find_element(By.CSS_SELECTOR, "button"))
    assert d.current_url.startswith(browser.url("search/index.html"))
    assert "q=" in d.current_url
    assert browser.h1() == "搜索"
