"""Prints matplotlib's arrow polygons of the book's Figure 4-9, for QuiverTests.

Run from the repository root:  python3 Tests/DescentPlotTests/Golden/make_quiver_reference.py
It draws ch04/gradient_2d.py's quiver (640 x 480 at 100 dpi, axes box 80, 57.6, 496 x 369.6) with
the Agg backend and writes quiver_matplotlib.json beside itself: matplotlib's shaft width (as a
fraction of the axes width), its scale, and the polygon of a few arrows in pixels, y downwards,
as Quiver._make_verts computes them (before any pixel snapping). The arrows are the per-point
numerical gradient of x0^2 + x1^2 (numpy_reference's values), so that only the drawing is compared.
"""
import json
import pathlib
import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "Benchmarks/peers"))
from book_ch04 import function_2, numerical_gradient  # noqa: E402

axis = np.arange(-2, 2.5, 0.25)
X, Y = np.meshgrid(axis, axis)
X, Y = X.flatten(), Y.flatten()
grad = numerical_gradient(function_2, np.array([X, Y]).T.copy()).T
fig = plt.figure()
q = plt.quiver(X, Y, -grad[0], -grad[1], angles="xy", color="#666666")
plt.xlim([-2, 2])
plt.ylim([-2, 2])
fig.canvas.draw()
ax = plt.gca()
verts = q._make_verts(q.XY, q.U, q.V, q.angles) * q._trans_scale
offsets = ax.transData.transform(q.XY)
height = fig.bbox.height
arrows = []
for x, y in [(1.0, 1.0), (2.0, -1.5), (0.25, 0.0), (0.0, 0.0), (-2.0, -2.0), (0.0, 0.25), (-0.25, 0.25)]:
    i = int(np.flatnonzero((X == x) & (Y == y))[0])
    polygon = [[float(offsets[i, 0] + vx), float(height - (offsets[i, 1] + vy))] for vx, vy in verts[i]]
    arrows.append({"point": [x, y], "vector": [float(-grad[0][i]), float(-grad[1][i])], "polygon": polygon})
out = {"about": __doc__.strip().splitlines()[0], "matplotlib": matplotlib.__version__,
       "box": [float(v) for v in ax.bbox.bounds], "width": float(q.width), "scale": float(q.scale), "arrows": arrows}
path = pathlib.Path(__file__).with_name("quiver_matplotlib.json")
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path} with matplotlib {matplotlib.__version__}")
