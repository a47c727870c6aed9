#!/usr/bin/env bash
# The scaling figures of `draftdiff index` and `draftdiff sources` on the planted-reuse
# corpus (issue 15; python/README.md, "Scaling"): for each size, the time and peak memory
# (`/usr/bin/time -v`) of generating the corpus, of `index`, of `sources` on one draft
# (draft-000: reading the saved index is most of it) and of `sources --drafts` on all 60
# drafts in one process (the index read once, JSON Lines), then recall and precision of
# the planted links (`planted_corpus score`, overall and by edit). One table row per size.
#
#   scripts/corpus/scale.sh [SIZES] [SEED]        # defaults: "1000 10000 100000" 1
#
# Environment: SCRATCH (default /work/scratch-corpus5): corpora go to $SCRATCH/seedS-N and
# stay there (the Spark timings reuse them); REUSE=1 keeps a corpus already written there
# (its generation column then reads "-"); KEEP_ABOVE (default 10000): larger corpora and
# their index are deleted after their row. Run from anywhere; builds in release first.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_INCREMENTAL=0
SIZES=${1:-"1000 10000 100000"}
SEED=${2:-1}
SCRATCH=${SCRATCH:-/work/scratch-corpus5}
REUSE=${REUSE:-0}
KEEP_ABOVE=${KEEP_ABOVE:-10000}
cargo build -q --release --features synth --bin draftdiff --example planted_corpus
BIN=$PWD/target/release/draftdiff
GEN=$PWD/target/release/examples/planted_corpus
mkdir -p "$SCRATCH"

# `timed LOG CMD…`: runs CMD under /usr/bin/time -v, its report in LOG.
timed() { local log=$1; shift; /usr/bin/time -v -o "$log" "$@"; }
# Wall seconds and peak RSS (MB) of a /usr/bin/time -v report.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
  for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
# CPU seconds (user + system) of /usr/bin/time -v reports, summed: on a shared machine the
# wall time grows with the load, the CPU time hardly.
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$@"; }

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), seed $SEED, commit $(git rev-parse --short HEAD)"
echo "| documents | generate s / MB | index s (CPU s) / MB | index file MB | one draft s (CPU s) / MB | 60 drafts, one process s (CPU s) / MB | recall | precision | load after |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in $SIZES; do
  dir=$SCRATCH/seed$SEED-$n
  if [ "$REUSE" = 1 ] && [ -f "$dir/planted.json" ]; then
    rm -rf "$dir/out" "$dir/time"; mkdir -p "$dir/out" "$dir/time"; generated="- / -"
  else
    rm -rf "$dir"; mkdir -p "$dir/out" "$dir/time"
    timed "$dir/time/generate" "$GEN" "$dir" "$n" "$SEED" >/dev/null
    generated="$(wall "$dir/time/generate") / $(rss "$dir/time/generate")"
  fi
  timed "$dir/time/index" "$BIN" index "$dir/corpus" -o "$dir/corpus.ddx"
  timed "$dir/time/one" "$BIN" sources --format json "$dir/drafts/draft-000.txt" "$dir/corpus.ddx" >/dev/null
  ls "$dir"/drafts/*.txt >"$dir/drafts.list"
  timed "$dir/time/all" "$BIN" sources --format json --drafts "$dir/drafts.list" "$dir/corpus.ddx" >"$dir/out/all.jsonl"
  "$GEN" score "$dir" "$dir/out/all.jsonl" >"$dir/score.txt"
  read -r recall precision < <(awk '/^  all/ { gsub(/[;,]/, ""); print $6, $NF }' "$dir/score.txt")
  printf '| %s | %s | %s (%s) / %s | %s | %s (%s) / %s | %s (%s) / %s | %s | %s | %s |\n' \
    "$n" "$generated" \
    "$(wall "$dir/time/index")" "$(cpu "$dir/time/index")" "$(rss "$dir/time/index")" \
    "$(( $(stat -c %s "$dir/corpus.ddx") / 1000000 ))" \
    "$(wall "$dir/time/one")" "$(cpu "$dir/time/one")" "$(rss "$dir/time/one")" \
    "$(wall "$dir/time/all")" "$(cpu "$dir/time/all")" "$(rss "$dir/time/all")" \
    "$recall" "$precision" "$(cut -d' ' -f1 /proc/loadavg)"
  sed 's/^/    /' "$dir/score.txt" >&2
  if [ "$n" -gt "$KEEP_ABOVE" ]; then rm -rf "$dir"; fi
done
