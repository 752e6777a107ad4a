#!/usr/bin/env bash
# Fuzzes the report parser with libFuzzer for a bounded time (FUZZ_SECONDS, default 60).
# Seeds: the sample reports and the parser's variant fixtures. A crash leaves its input in
# .fuzz/crashes/; copy it to Tests/ReportParserTests/Fixtures/fuzz-regressions/ so the
# regression test replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${FUZZ_SECONDS:-60}
swift build -c release --product fuzz-parser --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc FUZZING
mkdir -p .fuzz/corpus .fuzz/crashes
cp Content/reports/* Tests/ReportParserTests/Fixtures/variants/*.{txt,md,html} .fuzz/corpus/ 2>/dev/null || true
# The crash handler would wait on every crash; libFuzzer reports them itself.
export SWIFT_BACKTRACE=enable=no
.build-fuzz/release/fuzz-parser .fuzz/corpus -max_total_time="$SECONDS_TO_RUN" -max_len=20000 \
  -timeout=10 -rss_limit_mb=4096 -artifact_prefix=.fuzz/crashes/ -print_final_stats=1 2>&1 \
  | tee .fuzz/last-run.log | grep -E "^(#[0-9]+.*DONE|Done|==[0-9]+==|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)" || true
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "fuzz: the parser crashed; input in .fuzz/crashes/ (see .fuzz/last-run.log)" >&2
  exit 1
fi
echo "fuzz: no crash in ${SECONDS_TO_RUN}s"
