#!/usr/bin/env python3
"""Helpers for scripts/bench.sh (standard library only).

    bench_tools.py record  --results F --tool T --reports N --target tmpfs|disk --time TIMEFILE
                           --stderr FILE --output DIR --status S [--corpus DIR] [--load L]
        Appends one JSON line to F: wall, user+sys CPU and max RSS from `/usr/bin/time -v`,
        the `--timings` stage times from sitegen's stderr, pages (index.html files) and bytes
        written, the size of search/ and of the report text.

    bench_tools.py findings --corpus DIR --check JSON [--results F] [--reports N] [--examples K]
        Compares `sitegen check --format json` with DIR/expected-findings.json: recall (every
        broken report found with its rule), precision (reports flagged with one of the four
        sum rules that were broken on purpose) and any other finding on a report that should
        be clean. Prints a summary; appends a JSON line to F.

    bench_tools.py metadata --corpus DIR --output SITE [--results F] [--reports N]
        Compares SITE/data/reports.json with DIR/corpus.json: agency, year, region chain and
        template of every report as the generator wrote them.

    bench_tools.py estimate --results F --tool T --target tmpfs|disk --reports N
        Prints the memory in KB a run is expected to need, scaled from the largest smaller run.

    bench_tools.py report --results F [--markdown OUT] [--meta JSON]
        Renders every recorded line as Markdown tables (stdout and OUT).
"""
import argparse
import collections
import json
import os
import re
import sys

SUM_RULES = ["applications.balance", "applications.row-total", "review.total", "crossyear.carry-over"]
STAGES = ["load", "parse", "check", "catalog", "keys", "search", "render", "links", "write"]


def parse_time_v(path):
    out = {}
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return out
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            v = line.rsplit(": ", 1)[1]
            parts = [float(p) for p in v.split(":")]
            secs = 0.0
            for p in parts:
                secs = secs * 60 + p
            out["wall"] = secs
        elif line.startswith("User time (seconds):"):
            out["user"] = float(line.rsplit(":", 1)[1])
        elif line.startswith("System time (seconds):"):
            out["sys"] = float(line.rsplit(":", 1)[1])
        elif line.startswith("Maximum resident set size (kbytes):"):
            out["maxrss_kb"] = int(line.rsplit(":", 1)[1])
        elif line.startswith("Exit status:"):
            out["exit"] = int(line.rsplit(":", 1)[1])
        elif line.startswith("Percent of CPU this job got:"):
            out["cpu_percent"] = line.rsplit(":", 1)[1].strip()
    return out


def parse_timings(path):
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return {}
    found = {}
    for line in text.splitlines():
        if line.startswith("timings:"):
            for k, v in re.findall(r"(\w+)=([0-9.]+)", line):
                found[k] = float(v)
    return found


def tree_stats(root):
    pages = files = size = 0
    if not root or not os.path.isdir(root):
        return 0, 0, 0
    for dirpath, _, names in os.walk(root):
        for n in names:
            files += 1
            if n == "index.html":
                pages += 1
            try:
                size += os.lstat(os.path.join(dirpath, n)).st_size
            except OSError:
                pass
    return pages, files, size


def report_bytes(corpus):
    if not corpus:
        return None
    try:
        return json.load(open(os.path.join(corpus, "corpus.json"), encoding="utf-8"))["reportBytes"]
    except (OSError, KeyError, ValueError):
        total = 0
        for dirpath, _, names in os.walk(os.path.join(corpus, "reports")):
            total += sum(os.path.getsize(os.path.join(dirpath, n)) for n in names)
        return total


def cmd_record(a):
    rec = {"kind": "run", "tool": a.tool, "reports": a.reports, "target": a.target, "status": a.status,
           "load": a.load}
    rec.update(parse_time_v(a.time))
    if a.stderr:
        t = parse_timings(a.stderr)
        if t:
            rec["timings"] = t
    pages, files, size = tree_stats(a.output) if a.status == "ok" else (0, 0, 0)
    rec.update(pages=pages, files=files, bytes=size)
    if a.status == "ok" and a.output and os.path.isdir(os.path.join(a.output, "search")):
        _, sfiles, ssize = tree_stats(os.path.join(a.output, "search"))
        rec.update(search_files=sfiles, search_bytes=ssize)
    rb = report_bytes(a.corpus)
    if rb is not None:
        rec["report_bytes"] = rb
    with open(a.results, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    wall = rec.get("wall")
    print(f"  {a.tool:8} {a.target:5} N={a.reports}: {a.status}"
          + (f", wall {wall:.2f} s, CPU {rec.get('user', 0) + rec.get('sys', 0):.2f} s, "
             f"max RSS {rec.get('maxrss_kb', 0) / 1024:.0f} MB, {pages} pages" if wall is not None else ""))


def cmd_findings(a):
    expected = json.load(open(os.path.join(a.corpus, "expected-findings.json"), encoding="utf-8"))
    try:
        check = json.load(open(a.check, encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"  cannot read check output {a.check}: {e}", file=sys.stderr)
        rec = {"kind": "findings", "reports": a.reports, "status": "no output"}
        if a.results:
            with open(a.results, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(rec) + "\n")
        return 1
    broken = {b["source"]: b["rule"] for b in expected["broken"]}
    by_file = collections.defaultdict(list)
    for f in check.get("findings", []):
        by_file[f["file"]].append(f)
    found = {src for src, rule in broken.items() if any(f["rule"] == rule for f in by_file.get(src, []))}
    missed = sorted(set(broken) - found)
    flagged = {src for src, fs in by_file.items() if any(f["rule"] in SUM_RULES for f in fs)}
    true_pos = flagged & set(broken)
    false_pos = sorted(flagged - set(broken))
    # Findings on reports that were broken: any rule other than the intended one?
    extra_on_broken = sorted({(src, f["rule"]) for src, rule in broken.items() for f in by_file.get(src, [])
                              if f["rule"] != rule})
    clean_findings = [f for src, fs in by_file.items() if src not in broken for f in fs]
    rules_clean = collections.Counter(f["rule"] for f in clean_findings)
    per_rule = {}
    for rule in SUM_RULES:
        exp = {s for s, r in broken.items() if r == rule}
        got = {s for s in exp if s in found}
        flagged_rule = {s for s, fs in by_file.items() if any(f["rule"] == rule for f in fs)}
        per_rule[rule] = {"expected": len(exp), "found": len(got),
                          "flagged": len(flagged_rule), "flagged_expected": len(flagged_rule & exp)}
    recall = len(found) / len(broken) if broken else 1.0
    precision = len(true_pos) / len(flagged) if flagged else 1.0
    rec = {"kind": "findings", "reports": a.reports or check.get("reports"), "status": "ok",
           "checked": check.get("reports"), "errors": check.get("errors"), "warnings": check.get("warnings"),
           "broken": len(broken), "found": len(found), "recall": recall, "flagged": len(flagged),
           "precision": precision, "false_positive_reports": len(false_pos),
           "clean_reports_with_findings": len({f["file"] for f in clean_findings}),
           "clean_findings_by_rule": dict(rules_clean), "per_rule": per_rule,
           "missed_examples": missed[:a.examples],
           "false_positive_examples": false_pos[:a.examples],
           "extra_on_broken": [list(x) for x in extra_on_broken[:a.examples]],
           "clean_examples": [f"{f['file']}:{f['line']}:{f['column']}: {f['severity']}: {f['message']} [{f['rule']}]"
                              for f in sorted(clean_findings, key=lambda f: (f["file"], f["line"]))[:a.examples]]}
    if a.results:
        with open(a.results, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"  check N={rec['reports']}: {len(broken)} broken, {len(found)} found with their rule "
          f"(recall {recall:.4f}); {len(flagged)} reports flagged by a sum rule (precision {precision:.4f}); "
          f"{rec['clean_reports_with_findings']} clean reports with findings {dict(rules_clean)}")
    for m in missed[:a.examples]:
        print(f"    missed: {m} ({broken[m]}): " + "; ".join(f"{f['rule']}" for f in by_file.get(m, [])))
    for ex in rec["clean_examples"]:
        print(f"    clean report finding: {ex}")
    return 0


def cmd_metadata(a):
    """Compares the published open data with what the generator wrote (agency, year, region, template)."""
    corpus = json.load(open(os.path.join(a.corpus, "corpus.json"), encoding="utf-8"))
    expected = {r["source"]: r for r in corpus["reports"]}
    try:
        data = json.load(open(os.path.join(a.output, "data", "reports.json"), encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"  cannot read the open data: {e}", file=sys.stderr)
        return 1
    published = {r["source"]: r for r in data.get("reports", [])}
    unpublished = data.get("unpublished", [])
    wrong = collections.Counter()
    examples = {}
    for src, e in expected.items():
        r = published.get(src)
        if r is None:
            wrong["unpublished"] += 1
            examples.setdefault("unpublished", src)
            continue
        for field in ("agency", "year", "template", "region"):
            if r.get(field) != e[field]:
                key = f"{field}: {e[field]} → {r.get(field)}" if field == "region" else field
                wrong[key] += 1
                examples.setdefault(key, f"{src} ({r.get('agency')})")
    rec = {"kind": "metadata", "reports": a.reports, "published": len(published), "unpublished": len(unpublished),
           "mismatches": sum(wrong.values()),
           "by_kind": [[k, v, examples[k]] for k, v in wrong.most_common(a.examples)]}
    if a.results:
        with open(a.results, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"  open data N={a.reports}: {len(published)} published, {len(unpublished)} unpublished, "
          f"{rec['mismatches']} reports with agency/year/region/template different from the generator's")
    for k, v, ex in rec["by_kind"]:
        print(f"    {v} × {k}, e.g. {ex}")
    return 0


def cmd_estimate(a):
    """Prints the memory (KB) a run of TOOL on N reports is expected to need: the max RSS of the
    largest smaller successful run, scaled linearly, plus its output when that goes to tmpfs."""
    best = None
    try:
        for l in open(a.results, encoding="utf-8"):
            r = json.loads(l)
            if (r.get("kind") == "run" and r.get("tool") == a.tool and r.get("status") == "ok"
                    and r.get("reports", 0) < a.reports and "maxrss_kb" in r and r.get("target") == a.target):
                if best is None or r["reports"] > best["reports"]:
                    best = r
    except OSError:
        pass
    if best is None:
        print(0)
        return 0
    scale = a.reports / best["reports"]
    kb = best["maxrss_kb"] * scale
    if a.target == "tmpfs":
        kb += best.get("bytes", 0) / 1024 * scale
    print(int(kb))
    return 0


def fmt(v, digits=2):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(head))) + "|"]
    out += ["| " + " | ".join(fmt(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def cmd_report(a):
    lines = [json.loads(l) for l in open(a.results, encoding="utf-8") if l.strip()]
    runs = [l for l in lines if l.get("kind") == "run"]
    checks = [l for l in lines if l.get("kind") == "findings"]
    meta = json.loads(a.meta) if a.meta else {}
    # For each (tool, reports, target): the fastest successful run (BENCH_REPEAT > 1), else the last.
    last = {}
    for r in runs:
        key = (r["tool"], r["reports"], r["target"])
        old = last.get(key)
        if old is None or (r.get("status") == "ok" and
                           (old.get("status") != "ok" or r.get("wall", 1e18) < old.get("wall", 1e18))):
            last[key] = r
    repeats = collections.Counter((r["tool"], r["reports"], r["target"]) for r in runs)
    sizes = sorted({k[1] for k in last})
    out = []
    if meta:
        out.append("Machine: " + ", ".join(f"{k} {v}" for k, v in meta.items()))
        out.append("")

    def cpu(r):
        return (r.get("user") or 0) + (r.get("sys") or 0) if "user" in r else None

    def rss(r):
        return r["maxrss_kb"] / 1024 if "maxrss_kb" in r else None

    def pps(r):
        return r["pages"] / r["wall"] if r.get("pages") and r.get("wall") else None

    def load1(r):
        return (r.get("load") or "").split(" ")[0] or None

    def wall(r):
        return r.get("wall") if r.get("status") == "ok" else None

    out.append("### sitegen build")
    out.append("")
    rows = []
    for n in sizes:
        for target in ("tmpfs", "disk"):
            r = last.get(("sitegen", n, target))
            if not r:
                continue
            t = r.get("timings", {})
            rows.append([n, target, r["status"], wall(r), cpu(r), rss(r), r.get("pages") if wall(r) else None, pps(r)] +
                        [t.get(s) for s in STAGES] + [load1(r)])
    out.append(table(["reports", "output", "status", "wall s", "CPU s", "max RSS MB", "pages", "pages/s"] + STAGES
                     + ["load avg"], rows))
    out.append("")
    out.append("Stage columns are sitegen's own `--timings` (seconds); `pages` counts the `index.html` files written; "
               "`load avg` is the 1-minute load average when the run started (other work on the machine)."
               + (f" Best of {max(repeats.values())} runs." if repeats and max(repeats.values()) > 1 else ""))
    out.append("")
    out.append("### Hugo (same reports as Markdown pages, taxonomies agency/year/region)")
    out.append("")
    rows = []
    for n in sizes:
        for target in ("tmpfs", "disk"):
            for tool, flags in (("hugo", "--minify"), ("hugo-plain", "–")):
                h = last.get((tool, n, target))
                s = last.get(("sitegen", n, target))
                if not h:
                    continue
                ratio = wall(s) / wall(h) if s and wall(s) and wall(h) else None
                rows.append([n, target, flags, h["status"], wall(h), cpu(h), rss(h), h.get("pages") if wall(h) else None,
                             pps(h), wall(s) if s else None, ratio, load1(h)])
    out.append(table(["reports", "output", "hugo flags", "status", "wall s", "CPU s", "max RSS MB", "pages", "pages/s",
                      "sitegen wall s", "sitegen/hugo", "load avg"], rows))
    out.append("")
    out.append("### Scaling (wall time per report, output on tmpfs)")
    out.append("")
    rows = []
    base = {}
    for n in sizes:
        s = last.get(("sitegen", n, "tmpfs"))
        h = last.get(("hugo", n, "tmpfs"))
        sp = wall(s) / n * 1000 if s and wall(s) else None
        hp = wall(h) / n * 1000 if h and wall(h) else None
        if sp and "s" not in base:
            base["s"] = sp
        if hp and "h" not in base:
            base["h"] = hp
        t = s.get("timings", {}) if s else {}
        rows.append([n, sp, sp / base["s"] if sp and base.get("s") else None,
                     t.get("parse") / n * 1000 if t.get("parse") else None,
                     t.get("search") / n * 1000 if t.get("search") else None,
                     t.get("render") / n * 1000 if t.get("render") else None,
                     rss(s) / n * 1024 if s and rss(s) else None,
                     hp, hp / base["h"] if hp and base.get("h") else None])
    out.append(table(["reports", "sitegen ms/report", "vs smallest", "parse ms/report", "search ms/report",
                      "render ms/report", "sitegen RSS KB/report", "hugo ms/report", "vs smallest"], rows))
    out.append("")
    out.append("### Search index")
    out.append("")
    rows = []
    for n in sizes:
        s = last.get(("sitegen", n, "tmpfs")) or last.get(("sitegen", n, "disk"))
        if not s or s.get("status") != "ok":
            continue
        t = s.get("timings", {})
        total = sum(t.get(k, 0) for k in STAGES) or None
        rb = s.get("report_bytes")
        sb = s.get("search_bytes")
        rows.append([n, rb / 1e6 if rb else None, sb / 1e6 if sb else None, sb / rb if sb and rb else None,
                     s.get("search_files"), t.get("search"),
                     f"{100 * t['search'] / total:.1f} %" if total and "search" in t else None,
                     f"{100 * t['search'] / s['wall']:.1f} %" if s.get("wall") and "search" in t else None])
    out.append(table(["reports", "report text MB", "search/ MB", "search/ ÷ text", "files in search/",
                      "search stage s", "share of stages", "share of wall"], rows))
    out.append("")
    if checks:
        lastc = {}
        for c in checks:
            lastc[c.get("reports")] = c
        out.append("### Checker against the known broken reports (`sitegen check --format json`)")
        out.append("")
        rows = []
        for n, c in sorted(lastc.items(), key=lambda kv: kv[0] or 0):
            if c.get("status") != "ok":
                rows.append([n, c.get("status")] + [None] * 7)
                continue
            rows.append([n, c["status"], c["broken"], c["found"], f"{c['recall']:.4f}", c["flagged"],
                         f"{c['precision']:.4f}", c["clean_reports_with_findings"],
                         ", ".join(f"{k} {v}" for k, v in sorted(c["clean_findings_by_rule"].items())) or "none"])
        out.append(table(["reports", "status", "broken", "found with rule", "recall", "flagged (sum rules)",
                          "precision", "clean reports with findings", "their rules"], rows))
        out.append("")
        for n, c in sorted(lastc.items(), key=lambda kv: kv[0] or 0):
            if c.get("status") != "ok":
                continue
            out.append(f"Per rule at {n} reports: " + "; ".join(
                f"`{r}` {v['found']}/{v['expected']} found, {v['flagged']} flagged"
                for r, v in c["per_rule"].items()))
            for ex in c.get("clean_examples", [])[:5]:
                out.append(f"- clean report: `{ex}`")
            for ex in c.get("missed_examples", [])[:5]:
                out.append(f"- missed: `{ex}`")
            out.append("")
        ct = [r for r in runs if r["tool"] == "check"]
        if ct:
            rows = []
            for n in sizes:
                r = last.get(("check", n, "-"))
                if r:
                    rows.append([n, r["status"], wall(r), cpu(r), rss(r),
                                 wall(r) / n * 1000 if wall(r) else None])
            out.append(table(["reports", "status", "check wall s", "CPU s", "max RSS MB", "ms/report"], rows))
            out.append("")
    metas = {}
    for l in lines:
        if l.get("kind") == "metadata":
            metas[l.get("reports")] = l
    if metas:
        out.append("### Metadata read back (open data vs the generator's agency, year, region, template)")
        out.append("")
        rows = [[n, m["published"], m["unpublished"], m["mismatches"],
                 "; ".join(f"{v} × {k} (e.g. {ex})" for k, v, ex in m["by_kind"][:4]) or "none"]
                for n, m in sorted(metas.items(), key=lambda kv: kv[0] or 0)]
        out.append(table(["reports", "published", "unpublished", "reports with a difference", "differences"], rows))
        out.append("")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.markdown:
        with open(a.markdown, "w", encoding="utf-8") as fh:
            fh.write(text)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("--results", required=True)
    r.add_argument("--tool", required=True)
    r.add_argument("--reports", type=int, required=True)
    r.add_argument("--target", required=True)
    r.add_argument("--time", required=True)
    r.add_argument("--stderr")
    r.add_argument("--output")
    r.add_argument("--corpus")
    r.add_argument("--status", default="ok")
    r.add_argument("--load")
    f = sub.add_parser("findings")
    f.add_argument("--corpus", required=True)
    f.add_argument("--check", required=True)
    f.add_argument("--results")
    f.add_argument("--reports", type=int)
    f.add_argument("--examples", type=int, default=10)
    m = sub.add_parser("metadata")
    m.add_argument("--corpus", required=True)
    m.add_argument("--output", required=True)
    m.add_argument("--results")
    m.add_argument("--reports", type=int)
    m.add_argument("--examples", type=int, default=10)
    e = sub.add_parser("estimate")
    e.add_argument("--results", required=True)
    e.add_argument("--tool", required=True)
    e.add_argument("--target", required=True)
    e.add_argument("--reports", type=int, required=True)
    p = sub.add_parser("report")
    p.add_argument("--results", required=True)
    p.add_argument("--markdown")
    p.add_argument("--meta")
    a = ap.parse_args()
    return {"record": cmd_record, "findings": cmd_findings, "metadata": cmd_metadata, "estimate": cmd_estimate,
            "report": cmd_report}[a.cmd](a) or 0


if __name__ == "__main__":
    sys.exit(main())
