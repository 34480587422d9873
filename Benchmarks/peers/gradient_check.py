"""The peer for `descent gradcheck`: the book's ch05/gradient_check.py (a 784-50-10 TwoLayerNet, the
first 3 training images, numerical against backprop gradients), timed.

    python3 Benchmarks/peers/gradient_check.py
"""
import time

import numpy as np

from book_network import TwoLayerNet, load_mnist


def main():
    (x_train, t_train), _ = load_mnist()
    np.random.seed(0)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    x_batch, t_batch = x_train[:3], t_train[:3]
    start = time.perf_counter()
    grad_numerical = network.numerical_gradient(x_batch, t_batch)
    grad_backprop = network.gradient(x_batch, t_batch)
    elapsed = time.perf_counter() - start
    for key in grad_numerical.keys():
        print(key + ":" + str(np.average(np.abs(grad_backprop[key] - grad_numerical[key]))))
    print(f"numpy gradient check: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
