#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS each, one after the
# other, in one process at a time (niced), and prints each target's
# executions. Exits non-zero if any target found a crash, a hang (over 10 s
# on one input) or an input that needs more than 2 GB.
#
#   scripts/fuzz.sh SECONDS [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). The stable toolchain
# is enough: RUSTC_BOOTSTRAP=1 unlocks the nightly flags cargo-fuzz passes
# (-Zsanitizer=address). SANITIZER=none turns AddressSanitizer off.
# Seeds in fuzz/seeds/TARGET are copied into fuzz/corpus/TARGET (not
# committed) before each run; crashes land in fuzz/artifacts/TARGET.
set -uo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(apportion csv_votes elect)
fi
export RUSTC_BOOTSTRAP=1
sanitizer=${SANITIZER:-address}

nice -n 10 cargo fuzz build --sanitizer "$sanitizer" || exit 2

failed=()
summary=()
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    if [ -d "seeds/$target" ]; then
        cp -n "seeds/$target"/* "corpus/$target/" 2>/dev/null || true
    fi
    log=$(mktemp)
    echo "== $target: ${seconds}s =="
    dict=()
    if [ -f "$target.dict" ]; then dict=(-dict="$target.dict"); fi
    nice -n 10 cargo fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" -- "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tee "$log" |
        grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|SUMMARY|panicked|Test unit written' || true
    status=${PIPESTATUS[0]}
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    summary+=("$target: ${runs:-?} executions in ${seconds}s, exit $status")
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        echo "-- $target failed; the log is $log"
    else
        rm -f "$log"
    fi
done

echo
echo "== summary =="
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "crashes in: ${failed[*]} (see fuzz/artifacts/)"
    exit 1
fi
