"""Computes the NumPy reference values that DescentNetTests compare against.

Run from the repository root:  python3 Tests/DescentNetTests/Fixtures/make_net_reference.py
It writes net_reference.json beside itself: NumPy's legacy random streams, the book's functions
(common/functions.py), a small TwoLayerNet's outputs and gradients (ch04/two_layer_net.py), and the
first 300 losses of the book's train_neuralnet.py on Fashion-MNIST with np.random.seed(0). Before
writing it checks itself: backprop agrees with the numerical gradient, and the loss falls.
Floats are C99 hex strings (float.hex).
"""
import gzip
import json
import pathlib

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
DATA = pathlib.Path("/usr/share/datasets/fashion-mnist")


# --- the book's code, operation for operation (common/functions.py, ch04/two_layer_net.py) ---
def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_grad(x):
    return (1.0 - sigmoid(x)) * sigmoid(x)


def relu(x):
    return np.maximum(0, x)


def relu_grad(x):
    grad = np.zeros_like(x)  # the book writes np.zeros(x), which fails for an array
    grad[x >= 0] = 1
    return grad


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def mean_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def predict(self, x):
        W1, W2 = self.params['W1'], self.params['W2']
        b1, b2 = self.params['b1'], self.params['b2']
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        return softmax(a2)

    def loss(self, x, t):
        return cross_entropy_error(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)
        return {key: numerical_gradient(loss_W, self.params[key]) for key in ('W1', 'b1', 'W2', 'b2')}

    def gradient(self, x, t):
        W1, W2 = self.params['W1'], self.params['W2']
        b1, b2 = self.params['b1'], self.params['b2']
        grads = {}
        batch_num = x.shape[0]
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        y = softmax(a2)
        dy = (y - t) / batch_num
        grads['W2'] = np.dot(z1.T, dy)
        grads['b2'] = np.sum(dy, axis=0)
        da1 = np.dot(dy, W2.T)
        dz1 = sigmoid_grad(a1) * da1
        grads['W1'] = np.dot(x.T, dz1)
        grads['b1'] = np.sum(dz1, axis=0)
        return grads


def load_idx(name):
    with gzip.open(DATA / (name + ".gz")) as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


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

    x_train = load_idx("train-images-idx3-ubyte").reshape(60000, 784).astype(np.float32) / 255.0
    t_train = np.eye(10)[load_idx("train-labels-idx1-ubyte")]
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

    (HERE / "net_reference.json").write_text(json.dumps(out, indent=1) + "\n")
    print("wrote net_reference.json; loss", losses[0], "->", losses[-1])


if __name__ == "__main__":
    main()
