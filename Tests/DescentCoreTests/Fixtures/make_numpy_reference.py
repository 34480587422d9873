"""Computes the NumPy reference values that DescentCoreTests compare against bit for bit.

Run from the repository root:  python3 Tests/DescentCoreTests/Fixtures/make_numpy_reference.py
It writes numpy_reference.json beside itself. It runs the book's code, copied operation for
operation into Benchmarks/peers/book_ch04.py (shared with the peer benchmarks). Before writing, the script checks itself:
its values for the cases the book prints must equal ../shared/reference/book_values.json exactly,
and every numerical gradient must agree with the analytic one to 1e-6.
Floats are stored as C99 hex strings (float.hex) so that no decimal rounding can creep in.
"""
import json
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "Benchmarks/peers"))
from book_ch04 import (_numerical_gradient_no_batch, function_1, gradient_descent, numerical_diff,  # noqa: E402
                       numerical_gradient, numerical_gradient_nditer)


# The functions, as Python writes them, with the expression text Descent parses for each.
FUNCTIONS = {
    "x0^2 + x1^2": (lambda x: x[0]**2 + x[1]**2, lambda x: [2 * x[0], 2 * x[1]]),
    "x^2 / 20 + y^2": (lambda x: x[0]**2 / 20 + x[1]**2, lambda x: [x[0] / 10, 2 * x[1]]),
    "(1 - x)^2 + 100 * (y - x^2)^2": (
        lambda x: (1 - x[0])**2 + 100 * (x[1] - x[0]**2)**2,
        lambda x: [-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0]**2), 200 * (x[1] - x[0]**2)]),
    "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2": (
        lambda x: (1.5 - x[0] + x[0]*x[1])**2 + (2.25 - x[0] + x[0]*x[1]**2)**2 + (2.625 - x[0] + x[0]*x[1]**3)**2,
        None),
    "(x^2 + y - 11)^2 + (x + y^2 - 7)^2": (
        lambda x: (x[0]**2 + x[1] - 11)**2 + (x[0] + x[1]**2 - 7)**2, None),
    "(x + 2*y - 7)^2 + (2*x + y - 5)^2": (
        lambda x: (x[0] + 2*x[1] - 7)**2 + (2*x[0] + x[1] - 5)**2, None),
    "x^2 - y^2": (lambda x: x[0]**2 - x[1]**2, lambda x: [2 * x[0], -2 * x[1]]),
    "x0^3 - 2*x0*x1 + x1^4 / 4": (lambda x: x[0]**3 - 2*x[0]*x[1] + x[1]**4 / 4, None),
}


def hexes(values):
    return [float(v).hex() for v in values]


def main():
    book = json.loads((ROOT.parent / "shared/reference/book_values.json").read_text())
    rng = np.random.default_rng(20261128)
    out = {"about": __doc__.strip().splitlines()[0], "numerical_diff": [], "numerical_gradient": [],
           "batch_gradient": {}, "tensor_gradient": {}, "gradient_descent": []}

    f1 = function_1
    for x in [5.0, 10.0, 0.0, 20.0, 1.5, -3.25, 1e6]:
        out["numerical_diff"].append({"function": "0.01*x^2 + 0.1*x", "x": x.hex(), "value": numerical_diff(f1, x).hex()})
    for key, entry in book["numerical_diff"]["at"].items():
        assert numerical_diff(f1, float(key)).hex() == float.fromhex(entry["hex"]).hex(), key

    for text, (f, analytic) in FUNCTIONS.items():
        points = [[3.0, 4.0], [0.0, 2.0], [3.0, 0.0], [-3.0, 4.0], [-1.2, 1.0]]
        points += rng.uniform(-4, 4, size=(5, 2)).tolist()
        for p in points:
            g = _numerical_gradient_no_batch(f, np.array(p, dtype=np.float64))
            if analytic is not None:
                assert np.allclose(g, analytic(p), rtol=1e-6, atol=1e-5), (text, p, g)
            out["numerical_gradient"].append({"function": text, "x": hexes(p), "gradient": hexes(g)})
    for entry in book["numerical_gradient"]["at"]:
        g = _numerical_gradient_no_batch(FUNCTIONS["x0^2 + x1^2"][0], np.array(entry["x"]))
        assert hexes(g) == [float.fromhex(h).hex() for h in entry["gradient_hex"]], entry

    # Batch form: the book's gradient_2d grid (every 0.5 over -2..2), function_2 = np.sum(x**2).
    x0 = np.arange(-2, 2.5, 0.5)
    X, Y = np.meshgrid(x0, x0)
    rows = np.array([X.flatten(), Y.flatten()]).T
    grad = numerical_gradient(lambda x: np.sum(x**2), rows.copy())
    out["batch_gradient"] = {"function": "x0^2 + x1^2", "rows": [hexes(r) for r in rows],
                             "gradient": [hexes(r) for r in grad]}

    # Any-shape form: a 2x3 tensor, f(W) = sum((W - A)**2) summed in order (checked below).
    A = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])
    W = rng.uniform(-2, 2, size=(2, 3))
    squares = ((W - A)**2).flatten()
    sequential = 0.0
    for s in squares:
        sequential += s
    assert np.sum((W - A)**2) == sequential, "np.sum of six elements is not the in-order sum"
    tgrad = numerical_gradient_nditer(lambda w: np.sum((w - A)**2), W.copy())
    out["tensor_gradient"] = {"offset": hexes(A.flatten()), "shape": [2, 3], "w": hexes(W.flatten()),
                              "gradient": hexes(tgrad.flatten())}

    runs = [("x0^2 + x1^2", [-3.0, 4.0], 0.1, 20), ("x0^2 + x1^2", [-3.0, 4.0], 0.1, 100),
            ("x0^2 + x1^2", [-3.0, 4.0], 10.0, 100), ("x0^2 + x1^2", [-3.0, 4.0], 1e-8, 20),
            ("x0^2 + x1^2", [-3.0, 4.0], 1e-10, 100), ("x0^2 + x1^2", [-3.0, 4.0], 1.0, 20),
            ("x^2 / 20 + y^2", [-7.0, 2.0], 0.95, 30),
            ("(1 - x)^2 + 100 * (y - x^2)^2", [-1.2, 1.0], 0.001, 50)]
    for text, init, lr, steps in runs:
        final, history = gradient_descent(FUNCTIONS[text][0], np.array(init), lr=lr, step_num=steps)
        out["gradient_descent"].append({"function": text, "init": init, "lr": lr, "steps": steps,
                                        "history": [hexes(r) for r in history], "final": hexes(final)})
    for run in book["gradient_descent"]["runs"]:
        final, _ = gradient_descent(FUNCTIONS["x0^2 + x1^2"][0], np.array(book["gradient_descent"]["init"]),
                                    lr=run["lr"], step_num=run["step_num"])
        assert hexes(final) == [float.fromhex(h).hex() for h in run["final_hex"]], run

    path = pathlib.Path(__file__).with_name("numpy_reference.json")
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path} with NumPy {np.__version__}")


if __name__ == "__main__":
    main()
