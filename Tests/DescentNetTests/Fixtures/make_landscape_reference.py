"""Computes the NumPy reference values of `descent landscape` that DescentNetTests compare against.

Run from the repository root:  python3 Tests/DescentNetTests/Fixtures/make_landscape_reference.py
It writes landscape_reference.json beside itself. The book's train_neuralnet.py loop
(Benchmarks/peers/book_network.py) on Fashion-MNIST with np.random.seed(0), 300 iterations, keeping
the parameters every 3 iterations (101 snapshots, the initial and the final included); then, on the
first 1,000 training images, the book's TwoLayerNet.loss of the initial parameters (alpha = 0 of the
interpolation) and of the final ones (alpha = 1), and the principal components of the snapshots'
differences from the final parameters as scikit-learn's PCA computes them (rows centred, SVD): the
explained-variance ratios and the path in the plane of the first two (each up to its sign).
Before writing it checks itself: the loss falls, and the ratios are ordered and sum to at most 1.
Floats are C99 hex strings (float.hex).
"""
import json
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "Benchmarks/peers"))
from book_network import TwoLayerNet, load_mnist  # noqa: E402

KEYS = ('W1', 'b1', 'W2', 'b2')


def hexes(values):
    return [float(v).hex() for v in np.asarray(values).flatten()]


def flat(network):
    return np.concatenate([network.params[key].flatten() for key in KEYS])


def main():
    (x_train, t_train), _ = load_mnist()
    iterations, every, eval_samples = 300, 3, 1000
    np.random.seed(0)
    network = TwoLayerNet(784, 50, 10)
    initial = {key: value.copy() for key, value in network.params.items()}
    snapshots = [flat(network)]
    for i in range(iterations):
        batch_mask = np.random.choice(60000, 100)
        grad = network.gradient(x_train[batch_mask], t_train[batch_mask])
        for key in KEYS:
            network.params[key] -= 0.1 * grad[key]
        if (i + 1) % every == 0:
            snapshots.append(flat(network))
    x_eval, t_eval = x_train[:eval_samples], t_train[:eval_samples]
    final_loss = network.loss(x_eval, t_eval)
    final = {key: value.copy() for key, value in network.params.items()}
    network.params = initial
    initial_loss = network.loss(x_eval, t_eval)
    assert final_loss < initial_loss

    differences = np.array(snapshots) - snapshots[-1]
    centred = differences - differences.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    variances = singular ** 2
    ratios = variances / variances.sum()
    assert ratios[0] >= ratios[1] and ratios[:2].sum() <= 1
    path = differences @ vt[:2].T

    network.params = final
    out = {"about": "NumPy " + np.__version__ + " values for DescentNetTests; see make_landscape_reference.py",
           "seed": 0, "iterations": iterations, "snapshot_every": every, "eval_samples": eval_samples,
           "snapshots": len(snapshots), "initial_loss": float(initial_loss).hex(),
           "final_loss": float(final_loss).hex(), "explained_variance": hexes(ratios[:2]),
           "path": [hexes(point) for point in path]}
    (HERE / "landscape_reference.json").write_text(json.dumps(out, indent=1) + "\n")
    print("wrote landscape_reference.json; loss", initial_loss, "->", final_loss, "explained", ratios[:2])


if __name__ == "__main__":
    main()
