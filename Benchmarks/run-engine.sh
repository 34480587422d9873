#!/usr/bin/env bash
# Runs the engine benchmarks and their NumPy peer in one go, so both are measured on the same
# machine in the same state. From the repository root:  Benchmarks/run-engine.sh
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are unset for the peer only: they slow a current NumPy.
set -euo pipefail
cd "$(dirname "$0")"
swift package --allow-writing-to-package-directory benchmark --no-progress --filter ".*" \
    | grep -E "^(numerical|1e6)|Time \(wall|Malloc|Memory"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 peers/gradient_method.py --steps 1000000
