"""Computes the NumPy values that DescentNetTests compare the network's optimisers against.

Run from the repository root:  python3 Tests/DescentNetTests/Fixtures/make_net_optimizer_reference.py
It writes net_optimizer_reference.json beside itself, with two sections:

- "updates": each optimiser of the book's common/optimizer.py (the rules of
  Tests/DescentCoreTests/Fixtures/make_optimizer_reference.py, imported from there) applied five times
  to a dict of two NumPy arrays (a 3x4 weight and a 4-vector bias) with given gradients, in float64
  and in float32, the parameters after each update recorded. On arrays `g**2` is np.square (g*g), and
  in float32 NumPy 2 (NEP 50) casts each Python-float constant to float32 (`lr * g`, `(1 - d) * g`,
  `1e-7`), while Adam's lr_t is an np.float64 scalar, so Adam's last step is computed in float64 and
  rounded to float32 when stored. No BLAS: Descent must agree bit for bit.
- "training": the book's TwoLayerNet (Benchmarks/peers/book_network.py) on Fashion-MNIST, seed 0,
  batches of 100, trained 30 iterations by each optimiser at the book's rate for the network
  (ch06/optimizer_compare_mnist.py: the classes' defaults), one network per optimiser from the same
  seed, as `descent train --optimizer ...` does; the loss after each update. BLAS sums in its own
  order, so these agree to about 1e-12, not to the bit.

Floats are C99 hex strings (float.hex); float32 values are exact in them.
"""
import json
import pathlib
import sys

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ in the test resources it imports from
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "Benchmarks/peers"))
sys.path.insert(0, str(ROOT / "Tests/DescentCoreTests/Fixtures"))
from book_network import TwoLayerNet, load_mnist  # noqa: E402
from make_optimizer_reference import DEFAULTS, Rule  # noqa: E402

NETWORK_RATES = {"sgd": 0.01, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01, "rmsprop": 0.01, "adam": 0.001}
UPDATE_CASES = [("sgd", 0.1, {}), ("momentum", 0.1, {}), ("nesterov", 0.1, {}), ("adagrad", 0.1, {}),
                ("rmsprop", 0.01, {}), ("adam", 0.01, {}), ("momentum", 0.3, {"momentum": 0.5}),
                ("adam", 0.05, {"beta1": 0.5, "beta2": 0.9}), ("rmsprop", 0.05, {"decay": 0.5})]


def hexes(values):
    return [float(v).hex() for v in np.asarray(values).flatten()]


def updates():
    rng = np.random.default_rng(9)
    w = rng.normal(0, 1, size=(3, 4))
    b = rng.normal(0, 1, size=4)
    grads = [(rng.normal(0, 0.5, size=(3, 4)), rng.normal(0, 0.5, size=4)) for _ in range(5)]
    out = {"w": hexes(w), "b": hexes(b), "gradients": [{"w": hexes(gw), "b": hexes(gb)} for gw, gb in grads],
           "cases": []}
    for name, lr, settings in UPDATE_CASES:
        case = {"optimizer": name, "lr": lr, "given": settings}
        for dtype in (np.float64, np.float32):
            rule = Rule(name, lr, **{**DEFAULTS[name], **settings})
            params = {"W": w.astype(dtype), "b": b.astype(dtype)}
            after = []
            for gw, gb in grads:
                rule.update(params, {"W": gw.astype(dtype), "b": gb.astype(dtype)})
                assert params["W"].dtype == dtype and params["b"].dtype == dtype
                after.append({"w": hexes(params["W"]), "b": hexes(params["b"])})
            case[np.dtype(dtype).name] = after
        out["cases"].append(case)
    return out


def training(iterations=30):
    (x_train, t_train), _ = load_mnist()
    out = {"seed": 0, "batch": 100, "hidden": 50, "iterations": iterations, "runs": []}
    for name, lr in NETWORK_RATES.items():
        np.random.seed(0)
        network = TwoLayerNet(784, 50, 10)
        rule = Rule(name, lr, **DEFAULTS[name])
        losses = []
        for _ in range(iterations):
            mask = np.random.choice(60000, 100)
            x_batch, t_batch = x_train[mask], t_train[mask]
            grads = network.gradient(x_batch, t_batch)
            rule.update(network.params, grads)
            losses.append(network.loss(x_batch, t_batch))
        assert losses[-1] < losses[0], name
        out["runs"].append({"optimizer": name, "lr": lr, "loss": hexes(losses)})
    return out


def main():
    out = {"about": __doc__.strip().splitlines()[0] + " NumPy " + np.__version__,
           "updates": updates(), "training": training()}
    (HERE / "net_optimizer_reference.json").write_text(json.dumps(out, indent=1) + "\n")
    print("wrote net_optimizer_reference.json")
    for run in out["training"]["runs"]:
        print(run["optimizer"], float.fromhex(run["loss"][0]), "->", float.fromhex(run["loss"][-1]))


if __name__ == "__main__":
    main()
