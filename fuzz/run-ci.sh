#!/usr/bin/env bash
# The short fuzz run of CI: every target of fuzz/ for FUZZ_SECONDS seconds (default 20)
# from the committed seed corpus, one at a time. Fails on any crash or hang (a run over
# 10 s); prints one line per target. The mutation seed is fixed (-seed=1) so that a CI run
# replays the same inputs (up to how many fit in the time); the long runs explore. New inputs go to a temporary directory, so the
# committed corpus is never changed. Without a nightly toolchain it says SKIPPED and runs
# the stable property tests instead. The long run is in fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-20}

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: SKIPPED: no nightly toolchain; running the stable property tests instead"
    cd ..
    exec cargo test --all-features --test fuzz_regressions --test unicode_props --test segment_props \
        --test diff_props
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz (once)"
    cargo install --locked --quiet cargo-fuzz
fi

# No sanitizer: the code under test is safe Rust, where a panic is what we look for, and
# ASan would halve the runs. Debug assertions on, so overflow panics as in `cargo test`.
flags=(--sanitizer none --debug-assertions)
build_start=$(date +%s)
nice -n 10 cargo +nightly fuzz build "${flags[@]}" >/dev/null 2>build.log || {
    cat build.log
    exit 1
}
echo "fuzz: built every target in $(($(date +%s) - build_start)) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for target in $(cargo +nightly fuzz list); do
    mkdir -p "$work/$target"
    log="$work/$target.log"
    if nice -n 10 cargo +nightly fuzz run "${flags[@]}" "$target" "$work/$target" \
        "corpus/$target" -- -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "fuzz: $target: ok, ${runs:-?} runs in ${seconds} s, ${cov:-cov: ?}"
    else
        failed=1
        echo "fuzz: $target: FAILED (crash, hang or build error); the end of its log:"
        tail -n 40 "$log"
        echo "fuzz: the input is in fuzz/artifacts/$target/; fuzz/README.md says how to turn it into a test"
    fi
done
rm -f build.log
exit "$failed"
