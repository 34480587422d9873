"""Computes the NumPy reference values that DescentNetTests compare against.

Run from the repository root:  python3 Tests/DescentNetTests/Fixtures/make_net_reference.py
It writes net_reference.json beside itself: NumPy's legacy random streams, the book's functions
(common/functions.py), a small TwoLayerNet's outputs and gradients (ch04/two_layer_net.py; the book's
code is in Benchmarks/peers/book_network.py, shared with the peer benchmarks), and the
first 300 losses of the book's train_neuralnet.py on Fashion-MNIST with np.random.seed(0). Before
writing it checks itself: backprop agrees with the numerical gradient, and the loss falls.
Floats are C99 hex strings (float.hex).
"""
import json
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "Benchmarks/peers"))
from book_network import (TwoLayerNet, cross_entropy_error, load_mnist, mean_squared_error, relu,  # noqa: E402
                          relu_grad, sigmoid, sigmoid_grad, softmax)


def hexes(values):
    return [float(v).hex() for v in np.asarray(values).flatten()]


def main():
    out = {"about": "NumPy " + np.__version__ + " values for DescentNetTests; see make_net_reference.py"}

    np.random.seed(42)
    out["seed42"] = {
        "uint32": [int(v) for v in np.random.randint(0, 2**32, size=5, dtype=np.uint64)],
        "random_sample": hexes(np.random.random_sample(5)),
        "randn": hexes(np.random.randn(7)),
        "choice_60000": [int(v) for v in np.random.choice(60000, 12)],
        "randn_after": hexes(np.random.randn(3)),
    }
    np.random.seed(0)
    book = TwoLayerNet(784, 50, 10)
    out["book_net_seed0"] = {"W1_first": hexes(book.params['W1'].flatten()[:6]),
                             "W1_last": hexes(book.params['W1'].flatten()[-3:]),
                             "W2_first": hexes(book.params['W2'].flatten()[:6]),
                             "W2_last": hexes(book.params['W2'].flatten()[-3:])}

    x = np.array([[-1000.0, -3.5, -0.25, 0.0, 0.5, 2.0, 40.0, 1000.0]])
    out["functions"] = {"x": hexes(x), "sigmoid": hexes(sigmoid(x)), "sigmoid_grad": hexes(sigmoid_grad(x)),
                        "relu": hexes(relu(x)), "relu_grad": hexes(relu_grad(x))}
    logits = np.array([[0.3, 2.9, 4.0], [1000.0, 1001.0, 999.0], [-2.0, 0.0, 2.0]])
    targets = np.array([[0, 0, 1], [0, 1, 0], [1, 0, 0]], dtype=np.float64)
    out["functions"].update({"logits": hexes(logits), "softmax": hexes(softmax(logits)),
                             "labels": [2, 1, 0],
                             "cross_entropy": float(cross_entropy_error(softmax(logits), targets)).hex(),
                             "mse_y": hexes([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]),
                             "mse_t": hexes([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
                             "mse": float(mean_squared_error(np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]),
                                                             np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]))).hex()})

    np.random.seed(7)
    small = TwoLayerNet(6, 4, 3, weight_init_std=0.5)
    rng = np.random.default_rng(11)
    sx = rng.uniform(0, 1, size=(5, 6))
    labels = [0, 2, 1, 1, 0]
    st = np.eye(3)[labels]
    backprop = small.gradient(sx, st)
    numeric = small.numerical_gradient(sx, st)
    for key in backprop:
        assert np.max(np.abs(backprop[key] - numeric[key])) < 1e-7, key
    out["small_net"] = {"seed": 7, "weight_init_std": 0.5, "x": hexes(sx), "labels": labels,
                        "predict": hexes(small.predict(sx)), "loss": float(small.loss(sx, st)).hex(),
                        "accuracy": float(small.accuracy(sx, st)),
                        "gradient": {k: hexes(v) for k, v in backprop.items()},
                        "numerical_gradient": {k: hexes(v) for k, v in numeric.items()}}

    (x_train, t_train), (x_test, t_test) = load_mnist()
    np.random.seed(0)
    network = TwoLayerNet(784, 50, 10)
    losses = []
    for i in range(300):
        batch_mask = np.random.choice(60000, 100)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= 0.1 * grad[key]
        losses.append(network.loss(x_batch, t_batch))
    assert losses[-1] < losses[0]
    out["fashion_mnist_300"] = {"seed": 0, "learning_rate": 0.1, "batch": 100, "hidden": 50, "loss": hexes(losses)}

    # The book's loop on the first 3,000 training images (an epoch of 30 batches), for the
    # accuracy checks: how many train and test images it classifies right every 30 iterations.
    train_rows = 3000
    np.random.seed(0)
    network = TwoLayerNet(784, 50, 10)
    accuracies = []
    for i in range(300):
        batch_mask = np.random.choice(train_rows, 100)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= 0.1 * grad[key]
        if i % (train_rows // 100) == 0:
            # As counts of right answers: exact, where a JSON reader may miss a fraction's last bit.
            accuracies.append([i, round(network.accuracy(x_train[:train_rows], t_train[:train_rows]) * train_rows),
                               round(network.accuracy(x_test, t_test) * len(t_test))])
    assert accuracies[-1][2] > 0.5 * len(t_test)
    out["fashion_mnist_3000_rows"] = {"seed": 0, "learning_rate": 0.1, "batch": 100, "hidden": 50,
                                      "train_rows": train_rows, "correct": accuracies}

    (HERE / "net_reference.json").write_text(json.dumps(out, indent=1) + "\n")
    print("wrote net_reference.json; loss", losses[0], "->", losses[-1])


if __name__ == "__main__":
    main()
