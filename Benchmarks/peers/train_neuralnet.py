"""The peer for `descent train`: the book's ch04/train_neuralnet.py on Fashion-MNIST (10000
iterations, batch 100, lr 0.1, hidden 50, accuracy every epoch), timed, in float64 as the book and
in float32 (weights cast to float32).

    python3 Benchmarks/peers/train_neuralnet.py [--iters 10000] [--dtype float64|float32]

Prints the time, the time per iteration, the peak memory and the final accuracies.
"""
import argparse
import resource
import time

import numpy as np

from book_network import load_mnist, train_neuralnet


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iters", type=int, default=10000)
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    (x_train, t_train), (x_test, t_test) = load_mnist()
    np.random.seed(args.seed)
    start = time.perf_counter()
    losses, train_acc, test_acc = train_neuralnet(x_train, t_train, x_test, t_test, iters_num=args.iters,
                                                  dtype=np.dtype(args.dtype).type)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"numpy {args.dtype}: {args.iters} iterations in {elapsed:.2f} s ({elapsed / args.iters * 1e3:.3f} ms per iteration), "
          f"peak memory {peak:.0f} MB, final loss {losses[-1]:.4f}, train accuracy {train_acc[-1]:.4f}, "
          f"test accuracy {test_acc[-1]:.4f}")


if __name__ == "__main__":
    main()
