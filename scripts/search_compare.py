#!/usr/bin/env python3
"""Our search against Pagefind (extended) on the same reports, in headless Chromium.

    python3 scripts/search_compare.py --corpus .bench/corpus-10000 --ours SITE \\
        [--hugo-source .bench/hugo-10000] [--pagefind-site /dev/shm/pf-hugo-10000] \\
        [--out .bench/search-compare-10000] [--runs 3] [--reuse] [--no-pagefind] [queries…]

- Pagefind: installs `pagefind-bin-extended` 1.5.x with pip when it is missing, builds the Hugo
  site (`hugo --minify`, the Hugo source scripts/generate_corpus.py --hugo wrote; the source
  folder is only read) into --pagefind-site, runs `python3 -m pagefind_bin_extended --site` on
  it under /usr/bin/time -v (wall time, max RSS) and measures the index (pagefind/). With
  --reuse an existing pagefind/ there is used as is (no build numbers then). When Pagefind
  cannot be installed (pip offline) only our side is measured.
- Both sites are served on 127.0.0.1 by http.server in threads (no compression: bytes are the
  files' sizes; the server counts what it sends). Headless Chromium (selenium, Debian's chromium
  and chromedriver) with the browser cache disabled opens, per query and run, a fresh page:
    ours      SITE/search/index.html, waits until the script has loaded the manifest, types the
              query into #q key by key (send_keys) and waits for #search-results to settle on it;
              the count is the one the page shows ("找到 N 份");
    Pagefind  a small page added to the Hugo output (pf-bench.html) that imports
              pagefind/pagefind.js, awaits pagefind.init(), and on every input event calls
              pagefind.search(q) (stale searches are dropped) and renders the first ten results
              from result.data(); the count is results.length. Same typing.
  Measured: the bytes fetched for search files (ours: assets/search.js and search/…; Pagefind:
  pagefind/…) from the page load to the results, the time from the last input event to the
  results (or the "nothing found" message) in the DOM, and once more for the same query typed
  again on the same page (warm: everything it needs is already fetched).
- Ground truth: the corpus's report texts (DIR/reports/…), normalised as docs/search-index.md
  says (NFKC then lower case, per character), a report "contains" a query when the normalised
  text contains every whitespace-separated term as a substring. Our result set: the index's
  candidates (decoded in Python with the rules of docs/search-index.md) confirmed against
  search/docs/<id>.z for queries the index alone does not decide; the page's count is checked
  against it. Pagefind's result set: the ids pagefind.search returns, mapped to URLs through
  the fragment files; only report pages count against the truth (list pages are reported apart).

Writes OUT.json and OUT.md and prints the Markdown. Exit status 0; 3 when neither engine could
be measured. Standard library plus selenium.
"""
import argparse
import base64
import gzip
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.parse
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import search_bytes  # noqa: E402  (tokens, shard hashing and posting decoding of docs/search-index.md)

QUERIES = ["行政复议", "依申请公开", "规范性文件", "环翠区", "翠区", "讼", "段简", "政府信息公开申请",
           "信息处理费", "2023"]
PAGEFIND_SPEC = "pagefind-bin-extended>=1.5,<1.6"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def norm(text):
    return "".join(unicodedata.normalize("NFKC", ch).lower() for ch in text)


# --- ground truth ---------------------------------------------------------------------------------

def ground_truth(corpus, queries):
    meta = json.load(open(os.path.join(corpus, "corpus.json"), encoding="utf-8"))
    reports = meta["reports"]
    truth = {q: set() for q in queries}
    terms = {q: [norm(t) for t in q.split()] for q in queries}
    for r in reports:
        text = norm(open(os.path.join(corpus, r["source"]), encoding="utf-8").read())
        for q in queries:
            if all(t in text for t in terms[q]):
                truth[q].add(r["source"])
    return reports, truth


# --- our index, in Python -------------------------------------------------------------------------

def our_result_sets(site, queries, reports):
    """Per query: the sources of the reports our index finds (candidates, confirmed against the
    stored documents when the index alone does not decide), plus pages (non-report documents)."""
    search = os.path.join(site, "search")
    manifest = json.load(open(os.path.join(search, "manifest.json"), encoding="utf-8"))
    n, shards = manifest["docCount"], manifest["shardCount"]
    by_key = {(r["agency"], r["year"]): r["source"] for r in reports}
    cache, docs = {}, {}

    def shard(i):
        if i not in cache:
            cache[i] = json.load(open(os.path.join(search, "shards", f"{i}.json"), encoding="utf-8"))
        return cache[i]

    def doc(i):
        if i not in docs:
            d = json.loads(zlib.decompress(open(os.path.join(search, "docs", f"{i}.z"), "rb").read()))
            fields = [d["title"], d.get("agency", ""), *d.get("region", []), f"{d['year']}年" if d.get("year") else ""]
            for s in d.get("sections", []):
                fields += [s.get("title", ""), s.get("text", "")]
            docs[i] = (d, [norm(f) for f in fields if f])
        return docs[i]

    out = {}
    for q in queries:
        cand = None
        exact = True
        for term in q.split():
            runs = search_bytes.runs(term)
            if len(runs) != 1 or (runs[0][0] == "han" and len(runs[0][1]) > 3) or \
                    (runs[0][0] == "word" and len(runs[0][1]) >= 32):
                exact = False
            for t in search_bytes.query_tokens(term):
                s = shard(search_bytes.fnv1a(t) % shards)
                ids = search_bytes.decode(s[t], n) if t in s else set()
                cand = ids if cand is None else cand & ids
        cand = cand or set()
        if not exact:
            terms = [norm(t) for t in q.split()]
            # Confirmation ignores separators between the parts of a term; these queries have none.
            cand = {i for i in cand if all(any(t in f for f in doc(i)[1]) for t in terms)}
        found, pages = set(), 0
        for i in cand:
            d = doc(i)[0]
            if d.get("kind") == "report":
                found.add(by_key.get((d.get("agency"), d.get("year")), "?" + d["url"]))
            else:
                pages += 1
        out[q] = {"reports": found, "pages": pages, "exact_from_index": exact}
    # The truth over the text the index covers (the stored documents: table rows only with a
    # non-zero value), which is what our engine promises to match exactly.
    terms = {q: [norm(t) for t in q.split()] for q in queries}
    for q in queries:
        out[q]["indexed_truth"] = set()
    for i in range(n):
        d, fields = doc(i)
        if d.get("kind") != "report":
            continue
        src = by_key.get((d.get("agency"), d.get("year")), "?" + d["url"])
        for q in queries:
            if all(any(t in f for f in fields) for t in terms[q]):
                out[q]["indexed_truth"].add(src)
        docs.pop(i, None)
    return out


# --- Pagefind ---------------------------------------------------------------------------------------

def pagefind_version():
    try:
        r = subprocess.run([sys.executable, "-m", "pagefind_bin_extended", "--version"],
                           capture_output=True, text=True, timeout=60)
        return r.stdout.strip() if r.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def ensure_pagefind():
    v = pagefind_version()
    if v and v.split()[-1].startswith("1.5."):
        return v
    log(f"installing {PAGEFIND_SPEC} (pip)")
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", PAGEFIND_SPEC],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        log("pip install failed:\n" + r.stderr[-2000:])
        return None
    return pagefind_version()


def parse_time_v(path):
    out = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            secs = 0.0
            for p in line.rsplit(": ", 1)[1].split(":"):
                secs = secs * 60 + float(p)
            out["wall_s"] = secs
        elif line.startswith("Maximum resident set size (kbytes):"):
            out["maxrss_mb"] = int(line.rsplit(":", 1)[1]) / 1024
        elif line.startswith("User time (seconds):"):
            out["user_s"] = float(line.rsplit(":", 1)[1])
        elif line.startswith("System time (seconds):"):
            out["sys_s"] = float(line.rsplit(":", 1)[1])
    return out


def loadavg():
    try:
        return open("/proc/loadavg").read().split()[:3]
    except OSError:
        return None


def build_pagefind_site(hugo_source, site, logs):
    """hugo --minify into `site` (the source folder is only read), then Pagefind on it."""
    shutil.rmtree(site, ignore_errors=True)
    resources = site.rstrip("/") + ".resources"
    env = dict(os.environ, HUGO_RESOURCEDIR=resources)   # Hugo would write resources/ into the source
    t = os.path.join(logs, "hugo.time")
    log(f"hugo --minify {hugo_source} -> {site}")
    load = loadavg()
    r = subprocess.run(["/usr/bin/time", "-v", "-o", t, "hugo", "--source", hugo_source, "--minify",
                        "--noBuildLock", "-d", site], env=env, capture_output=True, text=True)
    shutil.rmtree(resources, ignore_errors=True)
    if r.returncode != 0:
        raise RuntimeError("hugo failed:\n" + r.stdout[-2000:] + r.stderr[-2000:])
    hugo = dict(parse_time_v(t), load=load)
    t = os.path.join(logs, "pagefind.time")
    log(f"pagefind --site {site}")
    load = loadavg()
    r = subprocess.run(["/usr/bin/time", "-v", "-o", t, sys.executable, "-m", "pagefind_bin_extended",
                        "--site", site], capture_output=True, text=True)
    open(os.path.join(logs, "pagefind.log"), "w").write(r.stdout + r.stderr)
    if r.returncode != 0:
        raise RuntimeError("pagefind failed:\n" + r.stdout[-2000:] + r.stderr[-2000:])
    pf = dict(parse_time_v(t), load=load)
    m = re.search(r"Indexed (\d+) pages", r.stdout + r.stderr)
    if m:
        pf["pages"] = int(m.group(1))
    return hugo, pf


def tree_size(root, skip=()):
    files = size = 0
    for d, _, names in os.walk(root):
        for name in names:
            if name in skip:
                continue
            files += 1
            size += os.path.getsize(os.path.join(d, name))
    return files, size


PF_UI_FILES = {"pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
               "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"}


def pagefind_fragments(site):
    """Fragment id (what pagefind.search returns) -> page URL."""
    folder = os.path.join(site, "pagefind", "fragment")
    out = {}
    for name in os.listdir(folder):
        data = gzip.decompress(open(os.path.join(folder, name), "rb").read())
        if data.startswith(b"pagefind_dcd"):
            data = data[len(b"pagefind_dcd"):]
        out[name[:-len(".pf_fragment")]] = json.loads(data)["url"]
    return out


PF_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><input id="q" type="search" autocomplete="off"><p id="status"></p><ol id="results"></ol>
<script type="module">
const input = document.getElementById("q"), list = document.getElementById("results"),
      status = document.getElementById("status");
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.init();
window.__pf = pagefind;
let seq = 0;
input.addEventListener("input", async () => {
  const my = ++seq, q = input.value.trim();
  const search = await pagefind.search(q);
  if (my !== seq) return;
  const results = search ? search.results : [];
  const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
  if (my !== seq) return;
  list.replaceChildren(...data.map((d) => {
    const li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
    a.href = d.url; a.textContent = d.meta && d.meta.title || d.url; p.innerHTML = d.excerpt;
    li.append(a, p); return li;
  }));
  window.__pfIds = results.map((r) => r.id);
  status.textContent = results.length ? `${results.length} results` : "no results";
  list.dataset.query = q;
  list.dataset.count = String(results.length);
  list.dataset.state = "done";
});
document.body.dataset.ready = "1";
</script></body></html>
"""


# --- serving ----------------------------------------------------------------------------------------

class CountingServer:
    """http.server over a folder on 127.0.0.1 (a thread); records the bytes of every file sent."""

    def __init__(self, root):
        sent = self.sent = []
        lock = self.lock = threading.Lock()

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **k):
                super().__init__(*a, directory=root, **k)

            def log_message(self, *a):
                pass

            def end_headers(self):
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def do_GET(self):
                f = self.send_head()
                if f:
                    try:
                        size = os.fstat(f.fileno()).st_size
                        with lock:
                            sent.append((urllib.parse.unquote(self.path.split("?")[0]), size))
                        self.copyfile(f, self.wfile)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    finally:
                        f.close()

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path=""):
        return f"http://127.0.0.1:{self.port}/{path}"

    def take(self):
        with self.lock:
            out = list(self.sent)
            self.sent.clear()
        return out

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# --- browser ----------------------------------------------------------------------------------------

def make_driver(chromium, chromedriver):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=zh-CN", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-default-browser-check"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(900)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def wait_for(predicate, timeout=60, interval=0.01):
    deadline = time.monotonic() + timeout
    while True:
        v = predicate()
        if v:
            return v
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(interval)


# Installed before typing: the time of the last input event on #q, and the time #search-results
# (or #results) first says it is done for the final query.
HARNESS_JS = """
const [listId, target, _unused, typed] = arguments;
if (window.__benchObserver) window.__benchObserver.disconnect();
const input = document.getElementById('q'), list = document.getElementById(listId);
window.__bench = {last: 0, shown: 0, events: 0};
input.addEventListener('input', (e) => { window.__bench.last = e.timeStamp; window.__bench.events++; }, true);
const observer = new MutationObserver(() => {
  if (list.dataset.state === 'done' && list.dataset.query === target && input.value.trim() === typed
      && !window.__bench.shown) {
    window.__bench.shown = performance.now();
    window.__bench.items = list.children.length;
  }
});
observer.observe(list, {attributes: true, childList: true});
window.__benchObserver = observer;
"""


def type_and_wait(driver, list_id, query_attr, query):
    from selenium.webdriver.common.by import By
    driver.execute_script(HARNESS_JS, list_id, query_attr, None, query)
    field = driver.find_element(By.ID, "q")
    field.click()
    field.send_keys(query)
    # Pagefind takes tens of seconds for some queries at 10,000 pages on a busy machine.
    wait_for(lambda: driver.execute_script("return window.__bench.shown"), timeout=900)
    b = driver.execute_script("return window.__bench")
    return {"ms": b["shown"] - b["last"], "items": b["items"], "input_events": b["events"]}


def clear_field(driver, list_id):
    driver.execute_script(
        "const i = document.getElementById('q'); i.value = ''; i.dispatchEvent(new Event('input', {bubbles: true}));")
    time.sleep(0.3)


def ours_query_attr(query):
    return "/search/index.html?" + urllib.parse.urlencode({"q": query})


def measure_ours(driver, server, query):
    server.take()
    driver.get(server.url("search/index.html"))
    # The page has loaded its script and manifest and run the empty search.
    wait_for(lambda: driver.execute_script(
        "const l = document.getElementById('search-results'); return l && l.dataset.state === 'done'"))
    cold = type_and_wait(driver, "search-results", ours_query_attr(query), query)
    status = driver.execute_script("return document.getElementById('search-status').textContent")
    sent = server.take()
    clear_field(driver, "search-results")
    warm = type_and_wait(driver, "search-results", ours_query_attr(query), query)
    m = re.search(r"(至多)?\s*(\d+)", status)
    count = int(m.group(2)) if m and "找到" in status else 0
    search_files = [(p, s) for p, s in sent if p.startswith("/search/") and not p.endswith(".html")
                    or p.endswith("/assets/search.js")]
    return {"ms": cold["ms"], "warm_ms": warm["ms"], "shown": cold["items"], "count": count,
            "upper_bound": bool(m and m.group(1)), "status": status,
            "bytes": sum(s for _, s in search_files), "files": len(search_files),
            "fixed_bytes": sum(s for p, s in search_files if p.endswith(("search.js", "manifest.json"))),
            "page_bytes": sum(s for _, s in sent)}


def measure_pagefind(driver, server, query):
    server.take()
    driver.get(server.url("pf-bench.html"))
    wait_for(lambda: driver.execute_script("return document.body && document.body.dataset.ready === '1'"))
    fixed = sum(s for p, s in server.take() if p.startswith("/pagefind/"))
    cold = type_and_wait(driver, "results", query, query)
    ids = driver.execute_script("return window.__pfIds")
    sent = server.take()
    clear_field(driver, "results")
    warm = type_and_wait(driver, "results", query, query)
    pf = [(p, s) for p, s in sent if p.startswith("/pagefind/")]
    return {"ms": cold["ms"], "warm_ms": warm["ms"], "shown": cold["items"], "count": len(ids), "ids": ids,
            "bytes": fixed + sum(s for _, s in pf), "fixed_bytes": fixed, "files": len(pf)}


def best_of(runs):
    best = min(runs, key=lambda r: r["ms"])
    out = dict(best)
    out["ms_runs"] = [round(r["ms"], 1) for r in runs]
    out["warm_ms"] = min(r["warm_ms"] for r in runs)
    out["warm_ms_runs"] = [round(r["warm_ms"], 1) for r in runs]
    out["bytes_runs"] = [r["bytes"] for r in runs]
    return out


# --- report -----------------------------------------------------------------------------------------

def kb(n):
    return f"{n / 1000:.1f}"


def markdown(res):
    lines = []
    m = res["meta"]
    lines.append(f"Search: ours vs Pagefind, {m['reports']} reports — {m['date']}, load before/after "
                 f"{' '.join(m['load_before'])} / {' '.join(m['load_after'])}, {m['nproc']} cores, "
                 f"best of {m['runs']} runs. Pagefind: {m.get('pagefind') or 'not measured'}.")
    lines.append("")
    lines.append("| | ours | Pagefind |")
    lines.append("|---|---:|---:|")
    o, p = res["ours"]["index"], (res.get("pagefind") or {}).get("index")
    pb = (res.get("pagefind") or {}).get("build") or {}
    lines.append(f"| index size | {o['bytes'] / 1e6:.1f} MB, {o['files']} files | "
                 + (f"{p['bytes'] / 1e6:.1f} MB, {p['files']} files" if p else "–") + " |")
    ob = res["ours"].get("build") or {}
    lines.append(f"| index build | {ob.get('text', '–')} | "
                 + (f"{pb['wall_s']:.1f} s wall, {pb.get('user_s', 0) + pb.get('sys_s', 0):.1f} s CPU, "
                    f"{pb['maxrss_mb'] / 1024:.2f} GB max RSS (load {' '.join(pb.get('load') or [])})"
                    if pb.get("wall_s") else "–") + " |")
    lines.append("")
    lines.append("| query | reports containing it | ours: count shown | ours: exact set | ours KB | ours ms (warm) "
                 "| Pagefind: results (reports / other pages) | Pagefind: reports found / missing / wrong | Pagefind KB "
                 "| Pagefind ms (warm) |")
    lines.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for q in res["queries"]:
        t = res["truth"][q]
        ou = res["ours"]["queries"][q]
        pf = (res.get("pagefind") or {}).get("queries", {}).get(q)
        exact = "yes" if ou["set_missing"] == 0 and ou["set_wrong"] == 0 else \
            f"{ou['set_size']}: {ou['set_missing']} missing, {ou['set_wrong']} wrong"
        if ou["indexed_missing"] or ou["indexed_wrong"]:
            exact += f"; indexed text: {ou['indexed_missing']} missing, {ou['indexed_wrong']} wrong"
        elif ou["indexed_truth"] != t:
            exact += f"; = the {ou['indexed_truth']} whose indexed text has it"
        count = f"{'≤ ' if ou['upper_bound'] else ''}{ou['count']}"
        if ou["count_matches"] is False:
            count += " (≠ set)"
        row = [q, str(t), count, exact, kb(ou["bytes"]), f"{ou['ms']:.0f} ({ou['warm_ms']:.0f})"]
        if pf:
            row += [f"{pf['count']} ({pf['reports']} / {pf['other_pages']})",
                    f"{pf['found']} / {pf['missing']} / {pf['wrong']}", kb(pf["bytes"]),
                    f"{pf['ms']:.0f} ({pf['warm_ms']:.0f})"]
        else:
            row += ["–"] * 4
        lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    lines.append("reports containing it: whose text (the corpus file, NFKC + lower case) contains every term. "
                 "ours: exact set: the reports our index returns against those (Python, from the index "
                 "files); our index leaves out table rows whose values are all zero (docs/search-index.md), "
                 "so a report whose only occurrence is such a row label is not found, by design. "
                 "Pagefind: found / missing / wrong count report pages only; other pages are Hugo's list pages.")
    lines.append("")
    fo = min(res["ours"]["queries"].values(), key=lambda r: r["fixed_bytes"])["fixed_bytes"]
    lines.append(f"KB: search files fetched from the page load to the results (ours: assets/search.js "
                 f"and search/…, of which script + manifest {kb(fo)} KB; Pagefind: pagefind/…"
                 + (f", of which {kb(res['pagefind']['fixed_bytes'])} KB fetched by the end of pagefind.init() "
                    "(before the query)" if res.get("pagefind") else "") + "). ms: last input event → "
                 "first ten results (or the nothing-found message) in the DOM, on a fresh page with its "
                 "script loaded, cache off; (warm): the same query typed again on that page.")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--ours", required=True, help="a site built by sitegen build")
    ap.add_argument("--ours-build", help="text for the 'index build' cell of our column")
    ap.add_argument("--ours-record", metavar="JSONL",
                    help="scripts/bench.sh's results.jsonl: our index build from its sitegen tmpfs run")
    ap.add_argument("--hugo-source", help="the Hugo site generate_corpus.py --hugo wrote")
    ap.add_argument("--pagefind-site", help="where to build the Hugo site and Pagefind's index")
    ap.add_argument("--reuse", action="store_true", help="use an existing Pagefind index in --pagefind-site")
    ap.add_argument("--no-pagefind", action="store_true")
    ap.add_argument("--pagefind-from", metavar="JSON",
                    help="take the Pagefind side from an earlier run's OUT.json (same corpus and queries) "
                         "and measure only ours")
    ap.add_argument("--out", default=os.path.join(HERE, "..", ".bench", "search-compare"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    ap.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    ap.add_argument("queries", nargs="*")
    a = ap.parse_args()
    queries = a.queries or QUERIES
    out = os.path.abspath(a.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    logs = out + "-logs"
    os.makedirs(logs, exist_ok=True)

    res = {"meta": {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "nproc": os.cpu_count(),
                    "runs": a.runs, "load_before": loadavg(), "corpus": os.path.abspath(a.corpus),
                    "ours": os.path.abspath(a.ours)},
           "queries": queries}

    # Pagefind: install, build, index.
    pf_site = a.pagefind_site
    with_pf = not a.no_pagefind and not a.pagefind_from and pf_site
    if with_pf:
        version = ensure_pagefind()
        if not version:
            log("Pagefind is not available: measuring our search only")
            with_pf = False
        else:
            res["meta"]["pagefind"] = version
            res["pagefind"] = {}
            if a.reuse and os.path.isfile(os.path.join(pf_site, "pagefind", "pagefind-entry.json")):
                log(f"reusing the Pagefind index in {pf_site}")
                try:
                    res["pagefind"]["build"] = json.load(open(os.path.join(pf_site, "pf-build.json")))
                except (OSError, ValueError):
                    res["pagefind"]["build"] = None
            else:
                if not a.hugo_source:
                    ap.error("--hugo-source is needed to build the Pagefind site (or --reuse)")
                hugo, pfb = build_pagefind_site(os.path.abspath(a.hugo_source), pf_site, logs)
                res["pagefind"]["build"] = pfb
                res["pagefind"]["hugo"] = hugo
                json.dump(pfb, open(os.path.join(pf_site, "pf-build.json"), "w"))
            files, size = tree_size(os.path.join(pf_site, "pagefind"), skip=PF_UI_FILES)
            res["pagefind"]["index"] = {"files": files, "bytes": size,
                                        "note": "pagefind/ without the UI files"}
            with open(os.path.join(pf_site, "pf-bench.html"), "w", encoding="utf-8") as fh:
                fh.write(PF_PAGE)

    # Ground truth and our result sets.
    log("ground truth from the corpus texts")
    reports, truth = ground_truth(a.corpus, queries)
    res["meta"]["reports"] = len(reports)
    res["truth"] = {q: len(truth[q]) for q in queries}
    files, size = tree_size(os.path.join(a.ours, "search"), skip={"index.html"})
    res["ours"] = {"index": {"files": files, "bytes": size}, "queries": {},
                   "build": {"text": a.ours_build} if a.ours_build else None}
    if a.ours_record and not a.ours_build:
        rec = None
        try:
            for line in open(a.ours_record, encoding="utf-8"):
                r = json.loads(line)
                if (r.get("kind"), r.get("tool"), r.get("target"), r.get("status"), r.get("reports")) == \
                        ("run", "sitegen", "tmpfs", "ok", len(reports)):
                    rec = r
        except (OSError, ValueError):
            pass
        if rec and rec.get("timings", {}).get("search") is not None:
            res["ours"]["build"] = dict(rec, text=f"search stage {rec['timings']['search']:.1f} s of a "
                                        f"{rec['wall']:.1f} s build (whole build: {rec['maxrss_kb'] / 1048576:.2f} GB "
                                        f"max RSS, load {rec.get('load') or '?'})")
    ours_sets = our_result_sets(a.ours, queries, reports)

    url_to_source = {}
    if with_pf:
        log("reading Pagefind's fragments")
        for r in reports:
            url_to_source["/" + r["source"][:-len(".txt")].lower() + "/"] = r["source"]
        fragments = pagefind_fragments(pf_site)

    # Browser.
    ours_server = CountingServer(os.path.abspath(a.ours))
    pf_server = CountingServer(os.path.abspath(pf_site)) if with_pf else None
    driver = make_driver(a.chromium, a.chromedriver)
    try:
        for q in queries:
            runs = [measure_ours(driver, ours_server, q) for _ in range(a.runs)]
            r = best_of(runs)
            s = ours_sets[q]
            r["set_size"] = len(s["reports"])
            r["set_missing"] = len(truth[q] - s["reports"])
            r["set_wrong"] = len(s["reports"] - truth[q])
            r["indexed_truth"] = len(s["indexed_truth"])
            r["indexed_missing"] = len(s["indexed_truth"] - s["reports"])
            r["indexed_wrong"] = len(s["reports"] - s["indexed_truth"])
            r["set_pages"] = s["pages"]
            r["count_matches"] = r["count"] == len(s["reports"]) + s["pages"]
            res["ours"]["queries"][q] = r
            log(f"ours     {q}: {r['count']} shown count, set {r['set_size']} (truth {len(truth[q])}), "
                f"{r['bytes']} B, {r['ms_runs']} ms, warm {r['warm_ms_runs']} ms")
            if with_pf:
                runs = [measure_pagefind(driver, pf_server, q) for _ in range(a.runs)]
                r = best_of(runs)
                urls = [fragments.get(i, "?" + i) for i in r.pop("ids")]
                found = {url_to_source[u] for u in urls if u in url_to_source}
                r["reports"] = sum(1 for u in urls if u in url_to_source)
                r["other_pages"] = len(urls) - r["reports"]
                r["found"] = len(found & truth[q])
                r["missing"] = len(truth[q] - found)
                r["wrong"] = len(found - truth[q])
                res["pagefind"].setdefault("queries", {})[q] = r
                res["pagefind"]["fixed_bytes"] = r["fixed_bytes"]
                with open(out + ".partial.json", "w", encoding="utf-8") as fh:   # in case a later query fails
                    json.dump(res, fh, ensure_ascii=False, default=list)
                log(f"pagefind {q}: {r['count']} results ({r['reports']} reports, {r['found']} right, "
                    f"{r['missing']} missing, {r['wrong']} wrong), {r['bytes']} B, {r['ms_runs']} ms, "
                    f"warm {r['warm_ms_runs']} ms")
    finally:
        driver.quit()
        ours_server.close()
        if pf_server:
            pf_server.close()
    res["meta"]["load_after"] = loadavg()
    if a.pagefind_from:
        old = json.load(open(a.pagefind_from, encoding="utf-8"))
        res["pagefind"] = old.get("pagefind")
        res["meta"]["pagefind"] = (old["meta"].get("pagefind") or "") + \
            f" (measured {old['meta']['date']}, load {' '.join(old['meta']['load_before'])} / " \
            f"{' '.join(old['meta'].get('load_after') or [])}, from {a.pagefind_from})"

    text = markdown(res)
    with open(out + ".json", "w", encoding="utf-8") as fh:
        json.dump(res, fh, ensure_ascii=False, indent=1)
    with open(out + ".md", "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)
    log(f"written: {out}.md, {out}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
