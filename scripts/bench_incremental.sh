#!/usr/bin/env bash
# Incremental builds with the cache (issue 6): for one corpus, the full build that fills the
# cache, a rebuild with nothing changed, a rebuild after one report changed, and whether that
# rebuild's output is byte-identical to a clean build. Appends a Markdown table row per step.
#   bash scripts/bench_incremental.sh BIN CORPUS OUTROOT RESULTS_MD
# The corpus is edited in place and restored at the end.
set -uo pipefail
BIN="$1" CORPUS="$2" ROOT="$3" RESULTS="$4"
n="$(find "$CORPUS/reports" -type f | wc -l)"
out="$ROOT/incremental-$n" cache="$ROOT/cache-$n" clean="$ROOT/clean-$n"
rm -rf "$out" "$cache" "$clean"

# row STEP: runs sitegen build under time -v; prints "| N | step | wall | cpu | MB | written |".
row() {
    local step="$1"; shift
    local t; t="$(mktemp)"
    /usr/bin/time -v -o "$t" "$BIN" build --content "$CORPUS" --theme Themes/default --output "$out" \
        --cache "$cache" --quiet "$@" >/dev/null 2>"$t.err" || { echo "build failed ($step):" >&2; tail -5 "$t.err" >&2; }
    python3 - "$t" "$n" "$step" "$@" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def get(key):
    m = re.search(re.escape(key) + r": (.*)", text)
    return m.group(1).strip() if m else ""
wall = get("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(get("User time (seconds)") or 0) + float(get("System time (seconds)") or 0)
mb = int(get("Maximum resident set size (kbytes)") or 0) / 1024
print(f"| {sys.argv[2]} | {sys.argv[3]} | {seconds:.2f} | {cpu:.2f} | {mb:.0f} |")
PY
    rm -f "$t" "$t.err"
}

victim="$(find "$CORPUS/reports" -type f -name '*.txt' | sort | sed -n '1p')"
cp "$victim" "$ROOT/victim.bak"
trap 'cp "$ROOT/victim.bak" "$victim"' EXIT

{
    row "full build, cache written" --clean
    row "nothing changed"
    # One report changes: a sentence added to its first section.
    python3 - "$victim" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
for i, line in enumerate(lines):
    if line.startswith("一、"):
        lines.insert(i + 1, "本年度新增政务公开数字化工作。")
        break
else:
    lines.append("本年度新增政务公开数字化工作。")
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
    row "one report changed"
} >>"$RESULTS"

"$BIN" build --content "$CORPUS" --theme Themes/default --output "$clean" --no-cache --quiet >/dev/null 2>&1
if diff -r "$out" "$clean" >/dev/null; then same=yes; else same=NO; fi
echo "| $n | output after the change = clean build | $same | | |" >>"$RESULTS"
rm -rf "$out" "$cache" "$clean"
