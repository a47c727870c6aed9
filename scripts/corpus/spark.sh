#!/usr/bin/env bash
# The Spark job's timings (issue 15; python/README.md, "Scaling"): python/examples/
# spark_lineage.py in local mode with 1 and 2 executor cores on the planted-reuse corpora
# that scripts/corpus/scale.sh left in $SCRATCH (run it first), read as JSONL (one file
# each for the corpus and the drafts, as on a cluster: 10^4 small text files cost Hadoop
# minutes of listing), wall time and the driver's peak RSS (`/usr/bin/time -v`; the
# executors run inside the driver's JVM in local mode, Python workers beside it), then
# whether its links are exactly the CLI's (scale.sh's `sources` output of the same corpus).
#
#   scripts/corpus/spark.sh [SIZES] [CORES] [SEED]   # defaults: "1000 10000" "1 2" 1
#
# Needs the package installed (`pip install ./python`) and pyspark with a JRE
# (python/run-ci.sh installs both).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-"1000 10000"}
CORES=${2:-"1 2"}
SEED=${3:-1}
SCRATCH=${SCRATCH:-/work/scratch-corpus5}
PY=${PYTHON:-python3}
tojsonl() {
  "$PY" - "$1" "$2" <<'PYEOF'
import json, os, sys
folder, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as t:
            f.write(json.dumps({"name": name, "text": t.read()}) + "\n")
PYEOF
}
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
  for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.0f", s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.0f", s }' "$1"; }
# Shuffle read (MB) that Spark's log reports, summed over its fetches.
shuffle() {
  grep -o 'non-empty blocks including [0-9]* ([0-9.]* [KMGi]*B)' "$1" | tr '()' '  ' |
    awk '{ u = $NF; m = 1; if (u == "KiB") m = 1024; if (u == "MiB") m = 1048576;
           if (u == "GiB") m = 1073741824; s += $(NF - 1) * m } END { printf "%.0f", s / 1e6 }'
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), seed $SEED, commit $(git rev-parse --short HEAD)"
echo "| documents | cores | wall s (CPU s) | driver peak MB | shuffle read MB | links | the CLI's links? | load after |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for n in $SIZES; do
  dir=$SCRATCH/seed$SEED-$n
  [ -d "$dir/corpus" ] || { echo "spark.sh: $dir: run scripts/corpus/scale.sh first" >&2; exit 2; }
  tojsonl "$dir/corpus" "$dir/corpus.jsonl"
  tojsonl "$dir/drafts" "$dir/drafts.jsonl"
  for c in $CORES; do
    out=$dir/spark-local$c
    rm -rf "$out"
    /usr/bin/time -v -o "$dir/time/spark-local$c" spark-submit --master "local[$c]" \
      --conf spark.sql.shuffle.partitions=8 --conf spark.ui.enabled=false \
      python/examples/spark_lineage.py --corpus "$dir/corpus.jsonl" \
      --drafts "$dir/drafts.jsonl" --out "$out" >"$dir/spark-local$c.log" 2>&1
    links=$(cat "$out"/part-*.json | grep -c . || true)
    same=$("$PY" scripts/corpus/same_links.py "$out" "$dir"/out/all.jsonl | head -1) || true
    printf '| %s | local[%s] | %s (%s) | %s | %s | %s | %s | %s |\n' "$n" "$c" \
      "$(wall "$dir/time/spark-local$c")" "$(cpu "$dir/time/spark-local$c")" \
      "$(rss "$dir/time/spark-local$c")" "$(shuffle "$dir/spark-local$c.log")" "$links" \
      "$same" "$(cut -d' ' -f1 /proc/loadavg)"
  done
  rm -f "$dir/corpus.jsonl" "$dir/drafts.jsonl"
done
