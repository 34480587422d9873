"""The peer for Descent's engine benchmarks: the book's NumPy code (ch04 gradient_2d.py and
gradient_method.py), timed on the same work as Benchmarks/Engine.

    python3 Benchmarks/peers/gradient_method.py [--steps 1000000]

Prints the median time of one numerical gradient of function_2 at (-3, 4), and the time of one
gradient_descent run of --steps steps (lr 1e-7, so x stays finite), both in the book's code,
unchanged (book_ch04.py) but for the timing around it.
"""
import argparse
import statistics
import time

import numpy as np

from book_ch04 import _numerical_gradient_no_batch, function_2, gradient_descent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=1_000_000)
    args = parser.parse_args()

    x = np.array([-3.0, 4.0])
    samples = []
    for _ in range(20):
        start = time.perf_counter()
        for _ in range(1000):
            _numerical_gradient_no_batch(function_2, x)
        samples.append((time.perf_counter() - start) / 1000)
    print(f"numerical gradient, sphere: {statistics.median(samples) * 1e9:.0f} ns per gradient (median of 20 x 1000)")

    start = time.perf_counter()
    final, history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=1e-7, step_num=args.steps)
    elapsed = time.perf_counter() - start
    print(f"{args.steps} descent steps, sphere: {elapsed:.2f} s ({elapsed / args.steps * 1e9:.0f} ns per step); "
          f"final {final.tolist()}")


if __name__ == "__main__":
    main()
