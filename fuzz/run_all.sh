#!/bin/sh
# Run each fuzz target for $1 seconds (default 720), one after the other, logging to fuzz/logs/.
# Usage (from fuzz/): ./run_all.sh [seconds] [targets...]
# Each target starts from its kept inputs too (tests/fixtures/hostile/corpus/<target>/, read-only);
# what it finds beyond them goes to corpus/<target>/. Exits non-zero when any target failed (a crash
# leaves its reproducer in artifacts/<target>/ and its report at the end of logs/<target>.log).
set -u
secs=${1:-720}
shift 2>/dev/null
targets=${*:-"smithy_json botocore_json docs_html structured_model codec_json_request codec_response"}
mkdir -p logs artifacts
failed=0
for t in $targets; do
  mkdir -p corpus/$t
  seeds=../tests/fixtures/hostile/corpus/$t
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" $(test -d "$seeds" && echo "$seeds") -- \
    -max_total_time="$secs" -dict=dict/json.dict -max_len=16384 -timeout=20 \
    -rss_limit_mb=3072 -print_final_stats=1 > "logs/$t.log" 2>&1
  rc=$?
  echo "$t exit $rc" >> logs/summary
  [ "$rc" -eq 0 ] || { failed=1; tail -n 40 "logs/$t.log" >&2; }
done
exit $failed
