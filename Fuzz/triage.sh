#!/usr/bin/env bash
# Groups a harness's crash reproducers by fault: the first frame in Descent's sources (or the
# harness invariant that failed) and the runtime message. Usage: Fuzz/triage.sh HARNESS
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for input in "$here/.build/artifacts/$1"/crash-*; do
    report="$("$here/run.sh" repro "$1" "$input" 2>&1)"
    where="$(grep -m1 -oE '/Sources/Descent[A-Za-z]+/[^ ]+\.swift:[0-9]+' <<<"$report" || true)"
    what="$(grep -m1 -oE 'Swift runtime failure: [^/]*|fuzz invariant failed: [^"<:]*|AddressSanitizer: [a-z-]+' <<<"$report" || true)"
    echo "${where:-?} | ${what:-?} | $(basename "$input")"
done | sort | awk -F' [|] ' '{ key = $1 " | " $2; count[key]++; if (!(key in first)) first[key] = $3 }
    END { for (key in count) printf "%3d  %s  (e.g. %s)\n", count[key], key, first[key] }' | sort -rn
