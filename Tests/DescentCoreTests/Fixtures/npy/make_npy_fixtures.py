#!/usr/bin/env python3
"""Writes the .npy fixtures of NumPyArrayTests with NumPy itself, and manifest.json: for each
file, the values NumPy reads back from it as float64 (row after row, C order), as C99 hex floats
(float.hex(), exact; 'nan', 'inf' and '-inf' for the non-finite).

Every dtype Descent reads, in each byte order, C and Fortran order, through
np.lib.format.write_array with version=(1, 0), (2, 0) and (3, 0); a one-variable history of
shape (n,); and the bad files of the bad-input table (bad/). Run from this folder:

    python3 make_npy_fixtures.py      # numpy 2.4.6 made the committed files
"""
import io
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

# Five points of two coordinates; the floats are not exact in float32/float16, the integers
# reach the ends of their types.
FLOATS = np.array([[-3.0, 4.0], [-2.4, 3.2], [np.pi, -1e-8], [np.nan, np.inf], [-np.inf, -0.0]])
INTEGERS = {
    "i1": [[-128, 127], [-3, 4], [0, -1], [1, 2], [100, -100]],
    "i2": [[-32768, 32767], [-3, 4], [0, -1], [1, 2], [1000, -1000]],
    "i4": [[-2**31, 2**31 - 1], [-3, 4], [0, -1], [1, 2], [10**9, -10**9]],
    "i8": [[-2**63, 2**63 - 1], [-3, 4], [0, -1], [2**53 + 1, 2], [10**18, -10**18]],
    "u1": [[0, 255], [3, 4], [0, 1], [1, 2], [100, 200]],
    "u2": [[0, 65535], [3, 4], [0, 1], [1, 2], [1000, 2000]],
    "u4": [[0, 2**32 - 1], [3, 4], [0, 1], [1, 2], [10**9, 2 * 10**9]],
    "u8": [[0, 2**64 - 1], [3, 4], [0, 1], [2**53 + 1, 2], [10**18, 2 * 10**18]],
}


def hexes(array):
    return [[float(v).hex() for v in row] for row in np.asarray(array, dtype=np.float64).reshape(len(array), -1)]


def write(name, array, version, fortran):
    array = np.asfortranarray(array) if fortran else np.ascontiguousarray(array)
    with open(os.path.join(HERE, name), "wb") as f:
        np.lib.format.write_array(f, array, version=version)
    back = np.load(os.path.join(HERE, name))
    assert back.dtype == array.dtype and back.shape == array.shape
    assert np.array_equal(back, array, equal_nan=back.dtype.kind == "f")
    header_fortran = b"'fortran_order': True" in open(os.path.join(HERE, name), "rb").read(200)
    assert header_fortran == (fortran and array.ndim == 2)
    return {"file": name, "descr": array.dtype.str, "shape": list(array.shape),
            "fortran_order": header_fortran, "version": "%d.%d" % version, "values": hexes(back)}


def main():
    manifest = []
    types = [("f8", FLOATS), ("f4", FLOATS), ("f2", FLOATS)] + [(t, np.array(v, dtype=t)) for t, v in INTEGERS.items()]
    for code, values in types:
        orders = "|" if code[1] == "1" else "<>"
        for order in orders:
            dtype = np.dtype(order + code)
            array = np.array(values).astype(dtype)
            for version in [(1, 0), (2, 0), (3, 0)]:
                for fortran in (False, True):
                    name = "%s%s-v%d-%s.npy" % ({"<": "le-", ">": "be-", "|": ""}[order], code, version[0],
                                                 "F" if fortran else "C")
                    manifest.append(write(name, array, version, fortran))
    # One variable: shape (n,), as np.array(x_history) of a 1-D run.
    manifest.append(write("one-variable.npy", np.array([5.0, 4.0, 3.2, 2.56]), (1, 0), False))
    # The book's x_history for lr = 0.1 from (-3, 4), 20 steps (gradient_descent, ch. 4).
    x = np.array([-3.0, 4.0])
    history = []
    for _ in range(20):
        history.append(x.copy())
        grad = np.zeros_like(x)
        for i in range(x.size):
            tmp = x[i]
            x[i] = tmp + 1e-4
            f1 = np.sum(x**2)
            x[i] = tmp - 1e-4
            f2 = np.sum(x**2)
            grad[i] = (f1 - f2) / (2 * 1e-4)
            x[i] = tmp
        x -= 0.1 * grad
    manifest.append(write("book-x-history.npy", np.array(history), (1, 0), False))
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")

    # The bad-input table.
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    good = io.BytesIO()
    np.lib.format.write_array(good, np.arange(10.0).reshape(5, 2), version=(1, 0))
    good = good.getvalue()
    with open(os.path.join(bad, "truncated.npy"), "wb") as f:
        f.write(good[:-5])
    with open(os.path.join(bad, "truncated-header.npy"), "wb") as f:
        f.write(good[:40])
    with open(os.path.join(bad, "bad-header.npy"), "wb") as f:
        f.write(good.replace(b"'shape': (5, 2)", b"'shape': [5, 2]"))
    with open(os.path.join(bad, "object.npy"), "wb") as f:
        np.save(f, np.array([[1, "a"], [2, None]], dtype=object), allow_pickle=True)
    with open(os.path.join(bad, "three-d.npy"), "wb") as f:
        np.save(f, np.zeros((2, 3, 2)))
    with open(os.path.join(bad, "eleven-columns.npy"), "wb") as f:
        np.save(f, np.zeros((3, 11)))
    with open(os.path.join(bad, "claims-more.npy"), "wb") as f:
        # The header of a (1000000, 2) array over the data of a (5, 2) one, padded as NumPy pads.
        f.write(good.replace(b"'shape': (5, 2), }      ", b"'shape': (1000000, 2), }"))
    with open(os.path.join(bad, "empty.npy"), "wb") as f:
        np.save(f, np.zeros((0, 2)))
    with open(os.path.join(bad, "complex.npy"), "wb") as f:
        np.save(f, np.zeros((2, 2), dtype=complex))


if __name__ == "__main__":
    main()
