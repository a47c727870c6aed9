#!/usr/bin/env bash
# The time of `draftdiff OLD NEW --format json` against `git diff --no-index
# --word-diff=porcelain` on a generated shared-stock pair (issue 12), for one or more
# builds of draftdiff, in one run: the commands take turns (git, then each build), RUNS
# times (default 5), and the medians are printed with their ratio to git's median, the
# peak RSS, and the load average before and after. Two builds of the same code must give
# the same JSON: its SHA-256 is printed per build.
#
#   scripts/speed-vs-git.sh BUILD [BUILD…]        e.g. /tmp/draftdiff-main target/release/draftdiff
#   PARAGRAPHS=10000 RUNS=3 PDF=1 scripts/speed-vs-git.sh target/release/draftdiff
#
# The pair (examples/generate.rs --stock, seed 1) is written to target/tmp/speed-vs-git
# and reused; nothing is committed. benches/vs_git.rs runs the same comparison at 1k, 10k
# and 100k for one build, with the terminal report and the growth exponent.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,12p' "$0"; exit 2; }
PARAGRAPHS=${PARAGRAPHS:-100000}
RUNS=${RUNS:-5}
PDF=${PDF:-0}
dir=target/tmp/speed-vs-git/$PARAGRAPHS-$PDF
mkdir -p "$dir"
export CARGO_INCREMENTAL=0
if [ ! -s "$dir/old.txt" ]; then
    extra=()
    [ "$PDF" = 1 ] && extra+=(--pdf)
    cargo run -q --release --features synth --example generate -- \
        --stock --paragraphs "$PARAGRAPHS" --seed 1 "${extra[@]}" --out "$dir" >/dev/null
fi
old=$dir/old.txt
new=$dir/new.txt
echo "pair: $PARAGRAPHS paragraphs, shared stock$([ "$PDF" = 1 ] && echo ' + PDF noise'), $(stat -c %s "$old") + $(stat -c %s "$new") bytes"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# one NAME CMD…: runs CMD once with its output to a file, appends "seconds peak_kib" to NAME.
one() {
    local name=$1
    shift
    /usr/bin/time -f '%e %M' -o "$dir/time" "$@" >"$dir/out" 2>/dev/null || true
    # time(1) adds "Command exited with non-zero status 1" (git's "differences") first.
    grep -E '^[0-9]' "$dir/time" >>"$dir/$name.runs"
}
rm -f "$dir"/*.runs
for _ in $(seq "$RUNS"); do
    one git git diff --no-index --word-diff=porcelain --no-color "$old" "$new"
    i=0
    for build in "$@"; do
        one "build$i" "$build" "$old" "$new" --format json
        sha256sum <"$dir/out" | cut -c1-16 >"$dir/build$i.sha"
        i=$((i + 1))
    done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
git_time=$(cut -d' ' -f1 "$dir/git.runs" | median)
printf '  %-40s %7.2f s  %7.1f MiB\n' "git --word-diff=porcelain" "$git_time" \
    "$(cut -d' ' -f2 "$dir/git.runs" | sort -n | tail -1 | awk '{print $1 / 1024}')"
i=0
for build in "$@"; do
    t=$(cut -d' ' -f1 "$dir/build$i.runs" | median)
    rss=$(cut -d' ' -f2 "$dir/build$i.runs" | sort -n | tail -1)
    printf '  %-40s %7.2f s  %7.1f MiB  %5.2f× git  (runs: %s; json %s)\n' "$build --format json" "$t" \
        "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$(awk -v a="$t" -v b="$git_time" 'BEGIN { print a / b }')" \
        "$(cut -d' ' -f1 "$dir/build$i.runs" | tr '\n' ' ' | sed 's/ $//')" "$(cat "$dir/build$i.sha")"
    i=$((i + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$dir/out" "$dir/time" "$dir"/*.runs "$dir"/*.sha
