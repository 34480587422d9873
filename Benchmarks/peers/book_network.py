"""The book's network code ("Deep Learning from Scratch": common/functions.py, common/gradient.py,
ch04/two_layer_net.py, ch04/train_neuralnet.py), copied operation for operation, plus an IDX loader:
the single copy that the peer benchmarks and DescentNetTests' fixture generator both run.
The only change: relu_grad starts from np.zeros_like(x), as the book's np.zeros(x) fails for arrays.
"""
import gzip
import pathlib

import numpy as np

from book_ch04 import numerical_gradient_nditer as numerical_gradient  # common/gradient.py

DATA = pathlib.Path("/usr/share/datasets/fashion-mnist")


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


def load_idx(name, directory=DATA):
    """One IDX file (gzip'd) as a NumPy array of its dimensions."""
    with gzip.open(pathlib.Path(directory) / (name + ".gz")) as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load_mnist(directory=DATA):
    """The book's load_mnist(normalize=True, one_hot_label=True): float32 pixels / 255, one-hot labels."""
    x_train = load_idx("train-images-idx3-ubyte", directory).reshape(-1, 784).astype(np.float32) / 255.0
    x_test = load_idx("t10k-images-idx3-ubyte", directory).reshape(-1, 784).astype(np.float32) / 255.0
    t_train = np.eye(10)[load_idx("train-labels-idx1-ubyte", directory)]
    t_test = np.eye(10)[load_idx("t10k-labels-idx1-ubyte", directory)]
    return (x_train, t_train), (x_test, t_test)


def train_neuralnet(x_train, t_train, x_test, t_test, iters_num=10000, batch_size=100, learning_rate=0.1,
                    hidden_size=50, dtype=np.float64):
    """ch04/train_neuralnet.py's loop; returns (train_loss_list, train_acc_list, test_acc_list).
    dtype=np.float32 keeps the weights in float32 (the book's code is float64)."""
    network = TwoLayerNet(input_size=784, hidden_size=hidden_size, output_size=10)
    for key in network.params:
        network.params[key] = network.params[key].astype(dtype)
    t_train = t_train.astype(dtype)
    train_size = x_train.shape[0]
    train_loss_list, train_acc_list, test_acc_list = [], [], []
    iter_per_epoch = max(train_size / batch_size, 1)
    for i in range(iters_num):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch = x_train[batch_mask]
        t_batch = t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ('W1', 'b1', 'W2', 'b2'):
            network.params[key] -= learning_rate * grad[key]
        train_loss_list.append(network.loss(x_batch, t_batch))
        if i % iter_per_epoch == 0:
            train_acc_list.append(network.accuracy(x_train, t_train))
            test_acc_list.append(network.accuracy(x_test, t_test))
    return train_loss_list, train_acc_list, test_acc_list
