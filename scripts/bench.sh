#!/usr/bin/env bash
# Benchmarks `sitegen build` (and Hugo on the same reports) on synthetic corpora.
#
#   bash scripts/bench.sh                      # what `make bench` runs: 1,000, 10,000 and 50,000 reports
#   BENCH_SIZES="1000 10000" bash scripts/bench.sh
#
# For every size N it generates the corpus once (scripts/generate_corpus.py, cached in .bench/,
# regenerated when the generator or the seed changes), then measures with /usr/bin/time -v
# (wall, user+sys CPU, max RSS) and sitegen's --timings:
#   - sitegen check --format json, compared with the corpus's expected-findings.json;
#   - sitegen build with the output on tmpfs (/dev/shm) and on disk (.bench/out);
#   - hugo --minify on the equivalent Hugo site, output on tmpfs and on disk, and plain hugo on tmpfs;
#   - search (sizes in BENCH_SEARCH_SIZES, on the first tmpfs build): scripts/search_bytes.py (bytes
#     per query, from the index) and scripts/search_compare.py (ours against Pagefind 1.5 extended
#     in headless Chromium: index size and build, bytes and milliseconds per query, result counts
#     against the reports that contain the query). Pagefind is pip-installed when missing; when pip
#     cannot reach it, only our side is measured; without chromium/chromedriver/selenium the
#     comparison is skipped. Results: .bench/search-bytes-N.md, .bench/search-compare-N.{md,json}.
# It prints Markdown tables and writes them to .bench/results.md (raw records: .bench/results.jsonl,
# logs: .bench/logs/).
#
# Environment:
#   BENCH_SIZES     report counts (default "1000 10000 50000")
#   BENCH_DIR       work folder (default .bench in the repository)
#   BENCH_SEED      corpus seed (default 1)
#   BENCH_TIMEOUT   seconds allowed for each step (default 1800); a step that runs out is recorded as "timeout"
#   BENCH_HUGO      0 to skip Hugo (default 1; also the Pagefind side of the search comparison)
#   BENCH_SEARCH    0 to skip the search measurements (default 1)
#   BENCH_SEARCH_SIZES  report counts to measure search at (default 10000)
#   BENCH_SEARCH_RUNS   browser runs per query and engine (default 3); timings keep the best
#   BENCH_DISK      0 to skip the on-disk runs (default 1)
#   BENCH_TMPFS     tmpfs folder for outputs (default /dev/shm)
#   BENCH_REPEAT    runs of each build (default 1); the tables show the fastest
#   BENCH_MEMORY_CHECK  0 to run a step even when its memory, scaled from the largest smaller run,
#                   exceeds 85 % of MemAvailable (default 1: such a step is skipped and recorded as skipped)
#   BENCH_APPEND    1 to add to the previous results.jsonl (e.g. a later 50000 run) instead of starting over
#   SITEGEN         a sitegen binary to use instead of building one
#   SWIFT           the swift command (default swift)
#   BENCH_LABEL     how to name the sitegen version in the tables (default: git commit of the checkout)
# Needs python3, GNU time (/usr/bin/time) and timeout; installs `time` and `hugo` with apt-get when
# they are missing and the script runs as root (otherwise it says what to install).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZES="${BENCH_SIZES:-1000 10000 50000}"
BENCH_DIR="${BENCH_DIR:-$ROOT/.bench}"
SEED="${BENCH_SEED:-1}"
TIMEOUT="${BENCH_TIMEOUT:-1800}"
WITH_HUGO="${BENCH_HUGO:-1}"
WITH_DISK="${BENCH_DISK:-1}"
WITH_SEARCH="${BENCH_SEARCH:-1}"
SEARCH_SIZES="${BENCH_SEARCH_SIZES:-10000}"
SEARCH_RUNS="${BENCH_SEARCH_RUNS:-3}"
TMPFS="${BENCH_TMPFS:-/dev/shm}"
REPEAT="${BENCH_REPEAT:-1}"
SWIFT="${SWIFT:-swift}"
RESULTS="$BENCH_DIR/results.jsonl"
LOGS="$BENCH_DIR/logs"
TOOLS="$ROOT/scripts/bench_tools.py"
GEN="$ROOT/scripts/generate_corpus.py"

log() { printf '%s\n' "$*" >&2; }
die() { log "bench: $*"; exit 2; }

mkdir -p "$BENCH_DIR" "$LOGS" "$BENCH_DIR/out" || die "cannot create $BENCH_DIR"
TMP_OUT="$(mktemp -d "$TMPFS/sitegen-bench.XXXXXX")" || die "cannot create a folder in $TMPFS"
cleanup() { rm -rf "$TMP_OUT"; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# --- tools --------------------------------------------------------------------------------------
apt_install() {   # apt_install PACKAGE: only as root, only when asked for a missing tool
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing $1 (apt-get)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >"$LOGS/apt-$1.log" 2>&1 ||
            { apt-get update -q >>"$LOGS/apt-$1.log" 2>&1 &&
              DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >>"$LOGS/apt-$1.log" 2>&1; }
    else
        return 1
    fi
}
command -v python3 >/dev/null || die "python3 is needed"
command -v timeout >/dev/null || die "timeout (coreutils) is needed"
if [ ! -x /usr/bin/time ]; then
    apt_install time || die "GNU time is missing: apt-get install time"
fi
if [ "$WITH_HUGO" = 1 ] && ! command -v hugo >/dev/null; then
    apt_install hugo || { log "hugo is missing (apt-get install hugo); skipping the Hugo runs"; WITH_HUGO=0; }
fi

# --- sitegen ------------------------------------------------------------------------------------
if [ -n "${SITEGEN:-}" ]; then
    BIN="$SITEGEN"
else
    log "building sitegen (release)"
    timeout "$TIMEOUT" "$SWIFT" build -c release --product sitegen >"$LOGS/swift-build.log" 2>&1 ||
        { tail -20 "$LOGS/swift-build.log" >&2; die "swift build failed (log: $LOGS/swift-build.log)"; }
    BIN="$("$SWIFT" build -c release --show-bin-path)/sitegen"
fi
[ -x "$BIN" ] || die "no sitegen binary at $BIN"

# --- machine ------------------------------------------------------------------------------------
CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
MEM_GB="$(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo 2>/dev/null)"
HUGO_VERSION="$( [ "$WITH_HUGO" = 1 ] && hugo version 2>/dev/null | awk '{print $2}' || echo none)"
if [ -n "${BENCH_LABEL:-}" ]; then COMMIT="$BENCH_LABEL"; DIRTY=""; else
    COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    DIRTY="$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' (+ uncommitted changes)' || true)"
fi
META="$(python3 -c 'import json,sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2])), ensure_ascii=False))' \
    date "$(date -u '+%Y-%m-%d %H:%M UTC')" nproc "$(nproc)" memory "${MEM_GB} GB" cpu "$CPU_MODEL" \
    sitegen "$COMMIT$DIRTY" hugo "$HUGO_VERSION" tmpfs "$TMPFS" disk "$BENCH_DIR/out")"
log "machine: $META"
[ "${BENCH_APPEND:-0}" = 1 ] || : >"$RESULTS"

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null; }

# measure TOOL N TARGET OUTDIR CORPUS -- command…   (runs the command under time -v and timeout)
measure() {
    local tool="$1" n="$2" target="$3" out="$4" corpus="$5"; shift 6
    local tag="$tool-$n-$target" status=ok load need avail
    load="$(loadavg)"
    # Skip a run that would not fit in memory (scaled from the largest smaller run): running out
    # of memory on a shared machine kills other people's processes too.
    if [ "${BENCH_MEMORY_CHECK:-1}" = 1 ] && [ "$target" != - ]; then
        need="$(python3 "$TOOLS" estimate --results "$RESULTS" --tool "$tool" --target "$target" --reports "$n")"
        avail="$(awk '/MemAvailable/ {print $2}' /proc/meminfo)"
        if [ -n "$avail" ] && [ "${need:-0}" -gt $((avail * 85 / 100)) ]; then
            status="skipped: needs ~$((need / 1048576)) GB, $((avail / 1048576)) GB available"
            log "  $tool $target N=$n: $status"
            : >"$LOGS/$tag.time"
            python3 "$TOOLS" record --results "$RESULTS" --tool "$tool" --reports "$n" --target "$target" \
                --time "$LOGS/$tag.time" --corpus "$corpus" --status "$status" --load "$load" >/dev/null
            return 1
        fi
    fi
    /usr/bin/time -v -o "$LOGS/$tag.time" timeout --kill-after=30 "$TIMEOUT" "$@" \
        >"$LOGS/$tag.stdout" 2>"$LOGS/$tag.stderr"
    local rc=$?
    if [ $rc = 124 ] || [ $rc = 137 ]; then status=timeout
    elif [ $rc != 0 ] && { [ "$tool" != check ] || [ $rc != 1 ]; }; then status="exit $rc"; fi
    python3 "$TOOLS" record --results "$RESULTS" --tool "$tool" --reports "$n" --target "$target" \
        --time "$LOGS/$tag.time" --stderr "$LOGS/$tag.stderr" --output "$out" --corpus "$corpus" \
        --status "$status" --load "$load"
    [ "$status" = ok ]
}

# --- search -------------------------------------------------------------------------------------
# search_step N SITE CORPUS: bytes per query from the index, then the browser comparison with
# Pagefind. Failures are logged; the benchmark goes on.
search_step() {
    local n="$1" site="$2" corpus="$3" pf=()
    log "search: bytes per query from the index ($n reports)"
    if python3 "$ROOT/scripts/search_bytes.py" "$site" >"$BENCH_DIR/search-bytes-$n.md" 2>"$LOGS/search-bytes-$n.log"; then
        cat "$BENCH_DIR/search-bytes-$n.md" >&2
    else
        log "  search_bytes.py failed (log: $LOGS/search-bytes-$n.log)"
    fi
    # What building the index adds: the same build without it (SITEGEN_BENCH_NO_SEARCH=1), alternated.
    log "search: time added to the build ($n reports)"
    {
        echo "| build | wall s | CPU s |"; echo "|---|---:|---:|"
        for run in 1 2; do
            for skip in 0 1; do
                SITEGEN_BENCH_NO_SEARCH=$skip /usr/bin/time -f "%e %U %S" -o "$LOGS/search-added.time" \
                    "$BIN" build --content "$corpus" --theme Themes/default --output "$TMP_OUT/search-added-$n" \
                    --no-cache --quiet --force >/dev/null 2>&1
                read -r wall user sys <"$LOGS/search-added.time"
                echo "| $([ $skip = 1 ] && echo without || echo with) search index | $wall | $(awk "BEGIN { print $user + $sys }") |"
            done
        done
    } >"$BENCH_DIR/search-added-$n.md"
    rm -rf "$TMP_OUT/search-added-$n"
    cat "$BENCH_DIR/search-added-$n.md" >&2
    if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" ] ||
       ! python3 -c 'import selenium' 2>/dev/null; then
        log "  search comparison skipped: needs chromium, chromium-driver and python3 selenium"
        return 0
    fi
    if [ "$WITH_HUGO" = 1 ]; then
        pf=(--hugo-source "$BENCH_DIR/hugo-$n" --pagefind-site "$TMP_OUT/pagefind-$n")
    else
        pf=(--no-pagefind)
    fi
    log "search: ours against Pagefind in headless Chromium ($n reports; log: $LOGS/search-compare-$n.log)"
    timeout --kill-after=30 "$TIMEOUT" python3 "$ROOT/scripts/search_compare.py" --corpus "$corpus" --ours "$site" \
        --ours-record "$RESULTS" --runs "$SEARCH_RUNS" --out "$BENCH_DIR/search-compare-$n" "${pf[@]}" \
        >/dev/null 2>"$LOGS/search-compare-$n.log" &&
        cat "$BENCH_DIR/search-compare-$n.md" >&2 ||
        log "  search_compare.py failed or timed out (log: $LOGS/search-compare-$n.log)"
    rm -rf "$TMP_OUT/pagefind-$n"
}

# --- corpora ------------------------------------------------------------------------------------
corpus_for() {   # corpus_for N: generates (or reuses) .bench/corpus-N and .bench/hugo-N
    local n="$1" dir="$BENCH_DIR/corpus-$n" hugo="$BENCH_DIR/hugo-$n" stamp
    stamp="$(sha256sum "$GEN" | cut -c1-16) count=$n seed=$SEED"
    if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ] && [ -f "$hugo/config.yaml" ]; then
        log "corpus $n: cached ($dir)"
        return 0
    fi
    log "corpus $n: generating"
    rm -rf "$dir" "$hugo"
    timeout "$TIMEOUT" python3 "$GEN" --count "$n" --seed "$SEED" --output "$dir" --hugo "$hugo" \
        2>"$LOGS/generate-$n.log" || { cat "$LOGS/generate-$n.log" >&2; return 1; }
    cat "$LOGS/generate-$n.log" >&2
    echo "$stamp" >"$dir/.stamp"
}

for n in $SIZES; do
    log "== $n reports"
    corpus_for "$n" || { log "corpus $n failed; skipping"; continue; }
    corpus="$BENCH_DIR/corpus-$n"

    # The checker against the known broken reports.
    measure check "$n" - "" "$corpus" -- "$BIN" check --content "$corpus" --format json
    cp "$LOGS/check-$n--.stdout" "$BENCH_DIR/check-$n.json" 2>/dev/null
    python3 "$TOOLS" findings --corpus "$corpus" --check "$BENCH_DIR/check-$n.json" --results "$RESULTS" --reports "$n" --examples 40 >&2

    # sitegen build, tmpfs then disk. A fresh output folder each time.
    for ((i = 1; i <= REPEAT; i++)); do
        out="$TMP_OUT/sitegen-$n"; rm -rf "$out"
        if measure sitegen "$n" tmpfs "$out" "$corpus" -- "$BIN" build --content "$corpus" --theme Themes/default --output "$out" --timings --no-cache &&
           [ "$i" = 1 ]; then
            # What the parser made of the metadata, against what the generator wrote.
            python3 "$TOOLS" metadata --corpus "$corpus" --output "$out" --results "$RESULTS" --reports "$n" --examples 40 >&2
            if [ "$WITH_SEARCH" = 1 ] && [[ " $SEARCH_SIZES " == *" $n "* ]]; then
                search_step "$n" "$out" "$corpus"
            fi
        fi
        rm -rf "$out"
        if [ "$WITH_DISK" = 1 ]; then
            out="$BENCH_DIR/out/sitegen-$n"; rm -rf "$out"
            measure sitegen "$n" disk "$out" "$corpus" -- "$BIN" build --content "$corpus" --theme Themes/default --output "$out" --timings --no-cache
            rm -rf "$out"
        fi

        if [ "$WITH_HUGO" = 1 ]; then
            hugo_site="$BENCH_DIR/hugo-$n"
            out="$TMP_OUT/hugo-$n"; rm -rf "$out"
            measure hugo "$n" tmpfs "$out" "$corpus" -- hugo --source "$hugo_site" --minify -d "$out"
            rm -rf "$out" "$hugo_site/resources"
            # Hugo without --minify too: it does less work, and sitegen does not minify.
            measure hugo-plain "$n" tmpfs "$out" "$corpus" -- hugo --source "$hugo_site" -d "$out"
            rm -rf "$out" "$hugo_site/resources"
            if [ "$WITH_DISK" = 1 ]; then
                out="$BENCH_DIR/out/hugo-$n"; rm -rf "$out"
                measure hugo "$n" disk "$out" "$corpus" -- hugo --source "$hugo_site" --minify -d "$out"
                rm -rf "$out" "$hugo_site/resources"
            fi
        fi
    done

    # Incremental rebuilds with the cache (tmpfs).
    if [ "${WITH_INCREMENTAL:-1}" = 1 ]; then
        [ -f "$BENCH_DIR/incremental.md" ] && [ "$n" != "${SIZES%% *}" ] || {
            echo "| reports | build | wall s | CPU s | max RSS MB |"; echo "|---:|---|---:|---:|---:|"; } >"$BENCH_DIR/incremental.md"
        bash scripts/bench_incremental.sh "$BIN" "$corpus" "$TMP_OUT" "$BENCH_DIR/incremental.md"
    fi
done

python3 "$TOOLS" report --results "$RESULTS" --markdown "$BENCH_DIR/results.md" --meta "$META"
cat "$BENCH_DIR/incremental.md" >>"$BENCH_DIR/results.md" 2>/dev/null
log "written: $BENCH_DIR/results.md"
