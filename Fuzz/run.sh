#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs them on their seed corpora.
#
#   Fuzz/run.sh build                      build every harness (release, fuzzer + address sanitizers)
#   Fuzz/run.sh seeds                      (re)make the generated seeds (IDX, data files) in Fuzz/Corpus
#   Fuzz/run.sh run HARNESS [ARGS...]      fuzz HARNESS (ExpressionFuzzer, IDXFuzzer, DatasetFuzzer,
#                                          SerializationFuzzer, PlotFuzzer); ARGS go to libFuzzer,
#                                          e.g. -runs=1000000 or -max_total_time=900
#   Fuzz/run.sh repro HARNESS FILE...      run HARNESS once on each FILE (a crash reproducer)
#   Fuzz/run.sh all [SECONDS]              fuzz every harness in turn, SECONDS each (default 900)
#   Fuzz/run.sh regress                    replay every committed reproducer (Fuzz/Regressions/HARNESS/*)
#                                          through its harness: lists each as ok or FAILS (exit 1 if any
#                                          fails); a reproducer stays until its fault is fixed and after
#
# New corpus entries go to Fuzz/.build/corpus/HARNESS (not committed; the seeds in
# Fuzz/Corpus/HARNESS are read too), crash reproducers to Fuzz/.build/artifacts/HARNESS/.
# Runs under `nice -n 10`: the machine is shared. Each harness's memory is capped with
# -rss_limit_mb=2048 (a runaway allocation is a finding) and each input's time with -timeout=10.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$here/.build"
harnesses=(ExpressionFuzzer IDXFuzzer DatasetFuzzer SerializationFuzzer PlotFuzzer)

# Swift's crash backtracer can take minutes on a sanitized binary (it hung for 10 minutes here):
# libFuzzer's and ASan's own reports say what is needed.
export SWIFT_BACKTRACE=enable=no
# handle_sigill: a Swift trap (ud2) then gets a symbolised stack from ASan.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_sigill=1:handle_abort=1:symbolize=1}"
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(dirname "$(command -v swift)")/llvm-symbolizer}"

# Per-harness libFuzzer options. Expressions are cut at 2,000 characters by the parser (main,
# eeb2b1e): 4096 lets the fuzzer reach past that limit. Before that fix, 256 kept the fuzzer off
# the known stack overflows; DESCENT_FUZZ_EXPRESSION_MAX_LEN overrides.
options_for() {
    case "$1" in
    ExpressionFuzzer) echo "-max_len=${DESCENT_FUZZ_EXPRESSION_MAX_LEN:-4096} -dict=$here/Corpus/expression.dict" ;;
    IDXFuzzer) echo "-max_len=4096" ;;
    DatasetFuzzer) echo "-max_len=4096" ;;
    SerializationFuzzer) echo "-max_len=1024" ;;
    PlotFuzzer) echo "-max_len=1024" ;;
    esac
}

do_build() {
    cd "$here"
    # SwiftPM does not notice files added to the root package (a path dependency) on its own.
    touch Package.swift
    nice -n 10 swift build -c release --scratch-path "$build" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -g "$@"
}

binary() { echo "$build/release/$1"; }

do_run() {
    local harness="$1"
    shift
    local corpus="$build/corpus/$harness" artifacts="$build/artifacts/$harness"
    mkdir -p "$corpus" "$artifacts" "$here/Corpus/$harness"
    # shellcheck disable=SC2046
    nice -n 10 "$(binary "$harness")" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" $(options_for "$harness") "$@" "$corpus" "$here/Corpus/$harness"
}

case "${1:-}" in
build) shift; do_build "$@" ;;
seeds) python3 "$here/make_seeds.py" ;;
run) shift; do_run "$@" ;;
repro)
    shift
    harness="$1"
    shift
    nice -n 10 "$(binary "$harness")" -rss_limit_mb=2048 -timeout=30 "$@"
    ;;
regress)
    failed=0
    for folder in "$here"/Regressions/*/; do
        harness="$(basename "$folder")"
        for input in "$folder"*; do
            if nice -n 10 "$(binary "$harness")" -rss_limit_mb=2048 -timeout=10 "$input" >/dev/null 2>&1; then
                echo "ok     $harness/$(basename "$input")"
            else
                echo "FAILS  $harness/$(basename "$input")"
                failed=1
            fi
        done
    done
    exit "$failed"
    ;;
all)
    seconds="${2:-900}"
    do_build
    for harness in "${harnesses[@]}"; do
        do_run "$harness" -max_total_time="$seconds"
    done
    ;;
*)
    sed -n '2,20p' "$0"
    exit 2
    ;;
esac
