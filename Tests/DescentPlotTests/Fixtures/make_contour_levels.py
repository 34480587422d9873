"""Prints the contour levels and colours matplotlib chooses, for ContourLevelsTests to compare against.

Run from the repository root:  python3 Tests/DescentPlotTests/Fixtures/make_contour_levels.py
It writes contour_levels.json beside itself (made with matplotlib 3.11.2, NumPy 2).

Each linear case contours a 2 x 2 array whose smallest and largest values are zmin and zmax, with
`plt.contour` (and `plt.contourf`) at their defaults, or with `levels=N`; the levels then depend on
zmin and zmax alone (`ContourSet._autolev`: `MaxNLocator(N + 1, min_n_ticks=1)`, trimmed to keep one
level at or below zmin and one at or above zmax). Each log case passes `locator=ticker.LogLocator()`,
which is how matplotlib draws log-spaced levels (Descent picks log levels by itself when the values
span more than three decades). The colours are the ones matplotlib gives each line (`contour`) or
each band (`contourf`), as RGBA floats from viridis. The Rosenbrock case samples
(1 - x)^2 + 100 (y - x^2)^2 on np.linspace(-2, 2, 200) x np.linspace(-1, 3, 200), Descent's default
grid over the demo's view. Floats are stored as C99 hex strings (float.hex): no decimal rounding.
"""
import json
import pathlib
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import ticker  # noqa: E402

LINEAR = [(0, 25), (0, 50), (0, 1), (-1, 1), (-3.7, 12.2), (1e-3, 1), (100, 100.5), (1e6, 3.2e7),
          (-1e-5, 2e-5), (0.2, 0.9), (-250, -3), (0, 2509)]
COUNTED = [(0, 25, 3), (0, 25, 12), (-2, 7.3, 20), (0, 1, 1), (5, 6, 4)]
LOG = [(1e-4, 2509), (0.5, 1e6), (3e-7, 2e4), (1, 1e20), (2, 3000), (1e-300, 1)]


def hexes(values):
    return [float(v).hex() for v in values]


def case(zmin, zmax, filled=False, **kwargs):
    z = np.array([[zmin, zmax], [zmax, zmin]], dtype=float)
    figure, axes = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        contours = (axes.contourf if filled else axes.contour)(z, **kwargs)
    colors = contours.get_facecolor() if filled else contours.get_edgecolor()
    plt.close(figure)
    return {"zmin": float(zmin).hex(), "zmax": float(zmax).hex(), "levels": hexes(contours.levels),
            "colors": [hexes(c[:3]) for c in colors]}


def rosenbrock():
    x, y = np.meshgrid(np.linspace(-2, 2, 200), np.linspace(-1, 3, 200))
    z = (1 - x)**2 + 100 * (y - x**2)**2
    figure, axes = plt.subplots()
    lines = axes.contour(x, y, z, locator=ticker.LogLocator())
    filled = axes.contourf(x, y, z, locator=ticker.LogLocator())
    plt.close(figure)
    return {"zmin": float(z.min()).hex(), "zmax": float(z.max()).hex(), "levels": hexes(lines.levels),
            "colors": [hexes(c[:3]) for c in lines.get_edgecolor()],
            "filledLevels": hexes(filled.levels), "filledColors": [hexes(c[:3]) for c in filled.get_facecolor()]}


fixture = {
    "matplotlib": matplotlib.__version__,
    "linear": [case(a, b) for a, b in LINEAR],
    "linearFilled": [case(a, b, filled=True) for a, b in LINEAR],
    "counted": [dict(case(a, b, levels=n), count=n) for a, b, n in COUNTED],
    "log": [case(a, b, locator=ticker.LogLocator()) for a, b in LOG],
    "logFilled": [case(a, b, filled=True, locator=ticker.LogLocator()) for a, b in LOG],
    "rosenbrock": rosenbrock(),
}
path = pathlib.Path(__file__).with_name("contour_levels.json")
path.write_text(json.dumps(fixture, indent=1) + "\n")
for kind in ("linear", "counted", "log"):
    for entry in fixture[kind]:
        print(kind, float.fromhex(entry["zmin"]), float.fromhex(entry["zmax"]), entry.get("count", ""),
              [float.fromhex(v) for v in entry["levels"]])
print("rosenbrock", float.fromhex(fixture["rosenbrock"]["zmin"]), [float.fromhex(v) for v in fixture["rosenbrock"]["levels"]])
