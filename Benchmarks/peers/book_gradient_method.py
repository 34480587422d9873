"""The book's ch04 gradient_method.py as a whole program, the peer of `descent trajectory` for
whole-process timing: import NumPy and matplotlib, run gradient_descent, draw Figure 4-10 and
save it to the PNG named on the command line (the book calls plt.show() instead).

    python3 Benchmarks/peers/book_gradient_method.py figure.png
"""
import sys

import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pylab as plt  # noqa: E402

from book_ch04 import function_2, gradient_descent, plot_figure_4_10  # noqa: E402

init_x = np.array([-3.0, 4.0])
lr = 0.1
step_num = 20
x, x_history = gradient_descent(function_2, init_x, lr=lr, step_num=step_num)

plot_figure_4_10(plt, x_history)
plt.savefig(sys.argv[1])
