"""The peers of Descent's other figure commands for whole-process timing: each draws, with the
book's NumPy code and matplotlib, what the matching `descent` command draws by default, and saves
it to the PNG named on the command line.

    python3 Benchmarks/peers/book_figures.py tangent figure.png     # ch04 gradient_1d.py, Figure 4-7
    python3 Benchmarks/peers/book_figures.py field figure.png       # ch04 gradient_2d.py, Figure 4-9
    python3 Benchmarks/peers/book_figures.py compare figure.png     # gradient_method.py at lr 0.1, 10, 1e-8
    python3 Benchmarks/peers/book_figures.py sweep figure.png       # the same for 45 rates, final f(x)
    python3 Benchmarks/peers/book_figures.py optimizers figure.png  # ch06 optimizer_compare_naive.py, Figure 6-8
"""
import sys
from collections import OrderedDict

import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pylab as plt  # noqa: E402

from book_ch04 import (  # noqa: E402
    function_1, function_2, gradient_descent, numerical_diff, numerical_gradient, plot_figure_4_10)


def tangent():
    """gradient_1d.py: f(x) = 0.01x² + 0.1x and its tangent at x = 5."""
    def tangent_line(f, x):
        d = numerical_diff(f, x)
        y = f(x) - d * x
        return lambda t: d * t + y
    x = np.arange(0.0, 20.0, 0.1)
    plt.xlabel("x")
    plt.ylabel("f(x)")
    plt.plot(x, function_1(x))
    plt.plot(x, tangent_line(function_1, 5)(x))


def field():
    """gradient_2d.py: −∇f of x0² + x1² as arrows on a grid."""
    x0 = np.arange(-2, 2.5, 0.25)
    x1 = np.arange(-2, 2.5, 0.25)
    X, Y = np.meshgrid(x0, x1)
    X = X.flatten()
    Y = Y.flatten()
    grad = numerical_gradient(function_2, np.array([X, Y]).T).T
    plt.quiver(X, Y, -grad[0], -grad[1], angles="xy", color="#666666")
    plt.xlim([-2, 2])
    plt.ylim([-2, 2])
    plt.xlabel('x0')
    plt.ylabel('x1')
    plt.grid()


def compare():
    """gradient_method.py's run at the book's good rate and its two failure cases, side by side."""
    for panel, lr in enumerate([0.1, 10.0, 1e-8]):
        plt.subplot(1, 3, panel + 1)
        _, x_history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=20)
        plot_figure_4_10(plt, x_history)
        plt.title(f"lr = {lr:g}")


def sweep():
    """gradient_method.py's run for 45 rates from 1e-10 to 10, final f(x) against the rate."""
    rates = np.logspace(-10, 1, 45)
    finals = []
    for lr in rates:
        x, _ = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=20)
        finals.append(function_2(x))
    plt.loglog(rates, finals, "o-")
    plt.xlabel("learning rate")
    plt.ylabel("final f(x)")


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


def optimizers():
    """optimizer_compare_naive.py: four optimisers on x²/20 + y² from (−7, 2), 30 steps each."""
    def f(x, y):
        return x**2 / 20.0 + y**2

    def df(x, y):
        return x / 10.0, 2.0 * y

    init_pos = (-7.0, 2.0)
    params = {'x': init_pos[0], 'y': init_pos[1]}
    grads = {'x': 0, 'y': 0}
    optimizers = OrderedDict()
    optimizers["SGD"] = SGD(lr=0.95)
    optimizers["Momentum"] = Momentum(lr=0.1)
    optimizers["AdaGrad"] = AdaGrad(lr=1.5)
    optimizers["Adam"] = Adam(lr=0.3)
    idx = 1
    for key in optimizers:
        optimizer = optimizers[key]
        x_history = []
        y_history = []
        params['x'], params['y'] = init_pos[0], init_pos[1]
        for i in range(30):
            x_history.append(params['x'])
            y_history.append(params['y'])
            grads['x'], grads['y'] = df(params['x'], params['y'])
            optimizer.update(params, grads)
        x = np.arange(-10, 10, 0.01)
        y = np.arange(-5, 5, 0.01)
        X, Y = np.meshgrid(x, y)
        Z = f(X, Y)
        mask = Z > 7
        Z[mask] = 0
        plt.subplot(2, 2, idx)
        idx += 1
        plt.plot(x_history, y_history, 'o-', color="red")
        plt.contour(X, Y, Z)
        plt.ylim(-10, 10)
        plt.xlim(-10, 10)
        plt.plot(0, 0, '+')
        plt.title(key)
        plt.xlabel("x")
        plt.ylabel("y")


FIGURES = {"tangent": tangent, "field": field, "compare": compare, "sweep": sweep, "optimizers": optimizers}

FIGURES[sys.argv[1]]()
plt.savefig(sys.argv[2])
