"""Computes the chapter-6 optimiser histories that DescentCoreTests compare against bit for bit.

Run from the repository root:  python3 Tests/DescentCoreTests/Fixtures/make_optimizer_reference.py
It writes optimizer_reference.json beside itself.

The problem is the book's Figure 6-8 (ch06/optimizer_compare_naive.py): f(x, y) = x**2 / 20.0 + y**2,
its gradient df = (x / 10.0, 2.0 * y), start (-7.0, 2.0), 30 updates, the history holding the point
before each update. The update rules are those of the book's common/optimizer.py, written out below
operation for operation (the issue lists them). As in the book's figure, each parameter is a Python
float and each piece of state starts as np.zeros_like(parameter), a 0-d float64 array; after the
first update the parameters are np.float64 scalars. So every `**` is C's pow (Python floats and
NumPy scalars call pow; NumPy arrays, 0-d ones included, turn `a**2` into np.square, a*a). The script also runs every case on float64 arrays of shape (2,) and records, for each,
whether the two agree: they differ only where pow(g, 2) and g*g do.

Floats are stored as C99 hex strings (float.hex) so that no decimal rounding can creep in.
"""
import json
import math
import pathlib

import numpy as np

EPSILON = 1e-7  # the book's guard against division by zero


def f(x, y):
    return x**2 / 20.0 + y**2


def df(x, y):
    return x / 10.0, 2.0 * y


class Rule:
    """One optimiser: its name, learning rate and settings, and per-parameter state made lazily."""

    def __init__(self, name, lr, **settings):
        self.name, self.lr, self.settings = name, lr, settings
        self.state = None
        self.t = 0

    def update(self, params, grads):
        if self.state is None:
            self.state = {key: [np.zeros_like(p), np.zeros_like(p)] for key, p in params.items()}
        lr, s = self.lr, self.settings
        if self.name == "adam":
            self.t += 1
            b1, b2 = s["beta1"], s["beta2"]
            lr_t = lr * np.sqrt(1.0 - b2**self.t) / (1.0 - b1**self.t)
        for key in params:
            g = grads[key]
            a, b = self.state[key]
            if self.name == "sgd":
                params[key] -= lr * g
            elif self.name == "momentum":
                m = s["momentum"]
                self.state[key][0] = m * a - lr * g
                params[key] += self.state[key][0]
            elif self.name == "nesterov":
                m = s["momentum"]
                a *= m
                a -= lr * g
                params[key] += m * m * a
                params[key] -= (1 + m) * lr * g
            elif self.name == "adagrad":
                a += g * g
                params[key] -= lr * g / (np.sqrt(a) + EPSILON)
            elif self.name == "rmsprop":
                d = s["decay"]
                a *= d
                a += (1 - d) * g * g
                params[key] -= lr * g / (np.sqrt(a) + EPSILON)
            elif self.name == "adam":
                a += (1 - b1) * (g - a)
                b += (1 - b2) * (g**2 - b)
                params[key] -= lr_t * a / (np.sqrt(b) + EPSILON)
            else:
                raise ValueError(self.name)


DEFAULTS = {"momentum": {"momentum": 0.9}, "nesterov": {"momentum": 0.9}, "rmsprop": {"decay": 0.99},
            "adam": {"beta1": 0.9, "beta2": 0.999}, "sgd": {}, "adagrad": {}}

# The book's four (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3), the two it defines but does not
# draw, and non-default settings of each optimiser that has any.
CASES = [("sgd", 0.95, {}), ("momentum", 0.1, {}), ("adagrad", 1.5, {}), ("adam", 0.3, {}),
         ("nesterov", 0.1, {}), ("rmsprop", 0.1, {}),
         ("adam", 0.3, {"beta1": 0.5, "beta2": 0.9}), ("adam", 0.05, {"beta1": 0.0, "beta2": 0.5}),
         ("nesterov", 0.05, {"momentum": 0.7}), ("nesterov", 0.2, {"momentum": 0.0}),
         ("momentum", 0.1, {"momentum": 0.5}), ("rmsprop", 0.3, {"decay": 0.9})]

START, STEPS = (-7.0, 2.0), 30


def run_scalars(name, lr, settings):
    """The book's figure: a dict of scalar parameters."""
    rule = Rule(name, lr, **{**DEFAULTS[name], **settings})
    params = {"x": START[0], "y": START[1]}
    history = []
    for _ in range(STEPS):
        history.append([float(params["x"]), float(params["y"])])
        gx, gy = df(params["x"], params["y"])
        rule.update(params, {"x": gx, "y": gy})
    return history, [float(params["x"]), float(params["y"])]


def run_array(name, lr, settings):
    """The same on one float64 array of shape (2,), as Descent's vector x."""
    rule = Rule(name, lr, **{**DEFAULTS[name], **settings})
    params = {"p": np.array(START, dtype=np.float64)}
    history = []
    for _ in range(STEPS):
        history.append([float(v) for v in params["p"]])
        rule.update(params, {"p": np.array(df(*params["p"]))})
    return history, [float(v) for v in params["p"]]


def hexes(values):
    return [float(v).hex() for v in values]


def main():
    out = {"about": __doc__.strip().splitlines()[0], "function": "x^2 / 20 + y^2", "init": list(START),
           "steps": STEPS, "gradient": [], "runs": []}

    rng = np.random.default_rng(20261129)
    points = [[-7.0, 2.0], [3.0, -4.0], [0.0, 0.0], [1e-310, -1e-310], [1.5e308, 1e300], [-1.7e308, 3.0]]
    points += rng.uniform(-10, 10, size=(20, 2)).tolist()
    for p in points:
        out["gradient"].append({"x": hexes(p), "df": hexes(df(*p))})

    for name, lr, settings in CASES:
        history, final = run_scalars(name, lr, settings)
        array_history, array_final = run_array(name, lr, settings)
        assert all(math.isfinite(v) for row in history for v in row), name
        assert f(*final) < f(*START), (name, lr, final)
        out["runs"].append({"optimizer": name, "lr": lr, "settings": {**DEFAULTS[name], **settings},
                            "given": settings, "history": [hexes(r) for r in history], "final": hexes(final),
                            "arrays_agree": array_history == history and array_final == final})
    path = pathlib.Path(__file__).with_name("optimizer_reference.json")
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path} with NumPy {np.__version__}")
    for run in out["runs"]:
        print(run["optimizer"], run["lr"], run["given"], "arrays agree" if run["arrays_agree"] else "arrays DIFFER")


if __name__ == "__main__":
    main()
