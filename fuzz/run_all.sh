#!/bin/sh
# Run each fuzz target for $1 seconds (default 720), one after the other, logging to fuzz/logs/.
# Usage (from fuzz/): ./run_all.sh [seconds] [targets...]
set -u
secs=${1:-720}
shift 2>/dev/null
targets=${*:-"smithy_json botocore_json docs_html structured_model"}
mkdir -p logs artifacts
for t in $targets; do
  mkdir -p corpus/$t
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$secs" -dict=dict/json.dict -max_len=16384 -timeout=20 \
    -rss_limit_mb=3072 -print_final_stats=1 > "logs/$t.log" 2>&1
  echo "$t exit $?" >> logs/summary
done
