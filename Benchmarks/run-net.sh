#!/usr/bin/env bash
# Runs the network benchmarks against the book's NumPy code, one after the other, each as a whole
# process under /usr/bin/time (wall time and peak memory), after the BLAS floor of the training run
# (blas_floor.c: its matrix products alone, with OpenBLAS and with BLIS). From the repository root:
#   Benchmarks/run-net.sh
# The training data is Debian's dataset-fashion-mnist. OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are
# unset for NumPy only (they slow a current NumPy).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product descent > /dev/null
scratch=$(mktemp -d)
measure() {
    /usr/bin/time -f "  wall %e s, user %U s, peak memory %M KB" "$@"
}
cc -O2 Benchmarks/blas_floor.c -o "$scratch/blas_floor" -ldl
cd "$scratch"
for library in libopenblas.so.0 libblis.so.4; do
    ./blas_floor "$library"
done
for precision in double float; do
    echo "descent train --precision $precision"
    measure "$OLDPWD/.build/release/descent" train --precision "$precision" --json
done
for dtype in float64 float32; do
    echo "numpy train_neuralnet.py --dtype $dtype"
    measure env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$OLDPWD/Benchmarks/peers/train_neuralnet.py" --dtype "$dtype"
done
echo "descent gradcheck"
measure "$OLDPWD/.build/release/descent" gradcheck
echo "numpy gradient_check.py"
measure env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$OLDPWD/Benchmarks/peers/gradient_check.py"
cd - > /dev/null
rm -rf "$scratch"
