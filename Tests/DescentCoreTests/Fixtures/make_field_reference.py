"""Computes the NumPy reference values of the gradient field (Figure 4-9) and the tangent (Figure 4-7).

Run from the repository root:  python3 Tests/DescentCoreTests/Fixtures/make_field_reference.py
It writes field_reference.json beside itself, floats as C99 hex strings (float.hex). It runs the
book's code from Benchmarks/peers/book_ch04.py:
- np.arange for the book's grids and for steps where NumPy's values are not start + i*step;
- the field: np.meshgrid(np.arange(-2, 2.5, 0.25), ...) flattened, the numerical gradient over the
  batch of points (numerical_gradient with one point a row), and the arrows -grad;
- the book's own gradient_2d.py computation, numerical_gradient(function_2, np.array([X, Y])) with
  function_2 = np.sum(x**2) over rows of 324 coordinates, whose last bits differ (recorded, and
  checked here to stay within 4e-10 relative of the per-point values);
- tangent_line(function_1, x) of gradient_1d.py: slope and intercept (checked against the book).
"""
import json
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "Benchmarks/peers"))
from book_ch04 import _numerical_gradient_no_batch, function_1, function_2, numerical_diff, numerical_gradient  # noqa: E402


def hexes(values):
    return [float(v).hex() for v in values]


def main():
    book = json.loads((ROOT.parent / "shared/reference/book_values.json").read_text())
    out = {"about": __doc__.strip().splitlines()[0], "numpy": np.__version__, "arange": [], "field": {},
           "tangent": []}

    for start, stop, step in [(-2, 2.5, 0.25), (0.0, 20.0, 0.1), (-2, 2, 0.1), (-3.5, 3.5, 0.3), (0.1, 1.0, 0.07),
                              (-1.0, 1.0, 0.3), (5.0, 5.0, 1.0), (0.0, 1e-3, 1e-4)]:
        values = np.arange(start, stop, step)
        naive = np.array([start + i * step for i in range(len(values))])
        out["arange"].append({"start": float(start).hex(), "stop": float(stop).hex(), "step": float(step).hex(),
                              "values": hexes(values), "equals_start_plus_i_step": bool(np.array_equal(values, naive))})

    axis = np.arange(-2, 2.5, 0.25)
    X, Y = np.meshgrid(axis, axis)
    X, Y = X.flatten(), Y.flatten()
    points = np.array([X, Y]).T.copy()
    grad = numerical_gradient(function_2, points.copy())  # one point a row
    for p, g in zip(points, grad):
        assert np.array_equal(g, _numerical_gradient_no_batch(function_2, p.copy()))
    book_grad = numerical_gradient(lambda x: np.sum(x**2), np.array([X, Y]))  # gradient_2d.py as written
    relative = np.abs(book_grad.T - grad) / np.maximum(np.abs(grad), 1e-300)
    assert relative.max() < 4e-10, relative.max()
    out["field"] = {"function": "x0^2 + x1^2", "axis": hexes(axis), "points": [hexes(p) for p in points],
                    "vectors": [hexes(-g) for g in grad], "book_rows_vectors": [hexes(-g) for g in book_grad.T],
                    "book_rows_max_relative_difference": float(relative.max())}

    for x in [5.0, 10.0, 0.0, 19.9, -3.0, 0.1]:
        d = numerical_diff(function_1, x)
        y = function_1(x) - d * x
        out["tangent"].append({"function": "0.01*x^2 + 0.1*x", "at": x.hex(), "slope": d.hex(), "intercept": y.hex()})
    for key, entry in book["numerical_diff"]["at"].items():
        assert numerical_diff(function_1, float(key)).hex() == float.fromhex(entry["hex"]).hex(), key

    path = pathlib.Path(__file__).with_name("field_reference.json")
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path} with NumPy {np.__version__}")


if __name__ == "__main__":
    main()
