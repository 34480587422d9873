"""The peer for Descent's plot benchmarks: the book's Figure 4-10 drawn by matplotlib (Agg),
built and encoded in process, PNG and SVG, from a computed run, as Benchmarks/Plot does.

    python3 Benchmarks/peers/trajectory_figure.py

Prints the median wall and CPU time of 20 builds for each format and the size of the file.
"""
import io
import statistics
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from book_ch04 import function_2, gradient_descent, plot_figure_4_10  # noqa: E402


def draw(x_history, fmt):
    """The book's plotting code (gradient_method.py), saved to memory instead of shown."""
    fig = plt.figure()
    plot_figure_4_10(plt, x_history)
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt)
    plt.close(fig)
    return buffer.getvalue()


def main():
    _, x_history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=20)
    for fmt in ("png", "svg"):
        draw(x_history, fmt)
        samples = []
        cpu = []
        for _ in range(20):
            start = time.perf_counter()
            start_cpu = time.process_time()
            data = draw(x_history, fmt)
            samples.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        print(f"matplotlib trajectory figure 640x480, {fmt.upper()}: {statistics.median(samples) * 1e3:.2f} ms "
              f"wall, {statistics.median(cpu) * 1e3:.2f} ms CPU (medians of 20), {len(data)} bytes")


if __name__ == "__main__":
    main()
