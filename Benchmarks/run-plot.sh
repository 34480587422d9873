#!/usr/bin/env bash
# Runs the plot benchmarks and their matplotlib peers in one go. From the repository root:
#   Benchmarks/run-plot.sh
# Needs: pip install matplotlib numpy; apt-get install hyperfine.
set -euo pipefail
cd "$(dirname "$0")"
swift package --allow-writing-to-package-directory benchmark --no-progress --target Plot \
    | grep -E "^trajectory|Time \(wall|Malloc|Memory"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 peers/trajectory_figure.py

# Whole processes: the release binary against python3 running the book's script.
(cd .. && swift build -c release --product descent > /dev/null)
scratch=$(mktemp -d)
# OPENBLAS_NUM_THREADS=1 shows the process without OpenBLAS's thread pool (the library still loads).
hyperfine -N --warmup 3 --runs 20 --export-markdown "$scratch/whole.md" \
    "../.build/release/descent trajectory --output $scratch/descent.png" \
    "../.build/release/descent trajectory --output $scratch/descent-fast.png --png-compression fast" \
    "env OPENBLAS_NUM_THREADS=1 ../.build/release/descent trajectory --output $scratch/descent.png" \
    "../.build/release/descent trajectory --output $scratch/descent.svg" \
    "env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 peers/book_gradient_method.py $scratch/matplotlib.png"
cat "$scratch/whole.md"
# The gallery's other figure commands, each against the book's code drawing the same figure.
for figure in tangent field compare sweep optimizers; do
    hyperfine -N --warmup 3 --runs 10 --export-markdown "$scratch/$figure.md" \
        "../.build/release/descent $figure --output $scratch/descent-$figure.png" \
        "env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 peers/book_figures.py $figure $scratch/matplotlib-$figure.png" \
        > /dev/null
    cat "$scratch/$figure.md"
done
ls -l "$scratch"/*.png
rm -rf "$scratch"
