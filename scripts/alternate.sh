#!/usr/bin/env bash
# Measurements that need runs alternated on a shared machine (BENCHMARKS.md, "Status"):
#
#   bash scripts/alternate.sh rebuild N        # N rounds: a full build that writes the cache, then
#                                              # three rebuilds after one report changed; each as % of the full one
#   bash scripts/alternate.sh search N         # N pairs of --no-cache builds with and without the search index
#
# On a copy of .bench/corpus-10000 (made by `make bench`) in $BENCH_TMPFS (default /dev/shm),
# output there too; the binary is .build/release/sitegen (or $SITEGEN). Prints one line per round
# and the medians.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:?rebuild or search}"; ROUNDS="${2:-5}"
TMPFS="${BENCH_TMPFS:-/dev/shm}"
SITEGEN="${SITEGEN:-$ROOT/.build/release/sitegen}"
CORPUS="$ROOT/.bench/corpus-10000"
[ -d "$CORPUS" ] || { echo "no $CORPUS: run make bench (or BENCH_SIZES=10000 make bench) first" >&2; exit 1; }
WORK="$TMPFS/sitegen-alternate-$$"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"
cp -r "$CORPUS" "$WORK/content"
THEME=(--theme "$ROOT/Themes/default")
seconds() { /usr/bin/time -f "%e" -o "$WORK/t" "$@" >/dev/null 2>&1 || true; cat "$WORK/t"; }

case "$MODE" in
rebuild)
  # The report changed: the first of the corpus; a sentence is added to its first section.
  report="$(find "$WORK/content/reports" -name '*.txt' | sort | head -1 || true)"
  for i in $(seq "$ROUNDS"); do
    rm -rf "$WORK/out" "$WORK/cache"
    full=$(seconds "$SITEGEN" build "${THEME[@]}" --content "$WORK/content" --output "$WORK/out" --cache "$WORK/cache" --quiet)
    line="full $full s, load $(cut -d' ' -f1 /proc/loadavg); one report changed:"
    for t in 1 2 3; do
      python3 - "$report" "$i.$t" <<'PY'
import sys
path, tag = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
at = next((n + 1 for n, l in enumerate(lines) if l.startswith("一、")), len(lines))
lines.insert(at, f"本年度新增政务公开数字化工作第{tag}项。")
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
      one=$(seconds "$SITEGEN" build "${THEME[@]}" --content "$WORK/content" --output "$WORK/out" --cache "$WORK/cache" --quiet)
      line="$line $one s ($(python3 -c "print(round(100 * $one / $full, 1))") %)"
      echo "$one $full" >> "$WORK/ratios"
    done
    echo "$line"
  done
  python3 -c "
import statistics
r = [float(a) / float(b) for a, b in (l.split() for l in open('$WORK/ratios'))]
print(f'median {100 * statistics.median(r):.1f} %, {sum(x < 0.1 for x in r)} of {len(r)} under 10 %')"
  ;;
search)
  for i in $(seq "$ROUNDS"); do
    rm -rf "$WORK/out"
    with=$(seconds "$SITEGEN" build "${THEME[@]}" --content "$WORK/content" --output "$WORK/out" --no-cache --quiet)
    rm -rf "$WORK/out"
    without=$(SITEGEN_BENCH_NO_SEARCH=1 seconds "$SITEGEN" build "${THEME[@]}" --content "$WORK/content" --output "$WORK/out" --no-cache --quiet)
    echo "$with $without" >> "$WORK/pairs"
    echo "with search $with s, without $without s ($(python3 -c "print(f'{100 * ($with / $without - 1):+.0f}')") %)"
  done
  python3 -c "
import statistics
p = [tuple(map(float, l.split())) for l in open('$WORK/pairs')]
w, wo = statistics.median(a for a, _ in p), statistics.median(b for _, b in p)
print(f'medians {w:.2f} s with, {wo:.2f} s without: {100 * (w / wo - 1):+.1f} %; median of the pairs {100 * (statistics.median(a / b for a, b in p) - 1):+.1f} %')"
  ;;
*) echo "usage: $0 rebuild|search [rounds]" >&2; exit 2 ;;
esac
