#!/usr/bin/env python3
"""Writes the generated seed corpora under Fuzz/Corpus/ (the hand-written ones are committed as they
are): tiny valid IDX files, raw and gzip'd, for IDXFuzzer and DatasetFuzzer, and byte seeds for the
harnesses whose input is a stream of decisions. Deterministic: gzip's timestamp is fixed at 0."""
import gzip
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "Corpus")


def idx(magic, dims, values):
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + bytes(values)


def gz(data):
    return gzip.compress(data, mtime=0)


def write(harness, name, data):
    folder = os.path.join(CORPUS, harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


LABELS, IMAGES = 0x801, 0x803
images = idx(IMAGES, [3, 2, 2], [i * 20 for i in range(12)])
labels = idx(LABELS, [3], [0, 9, 4])
test_images = idx(IMAGES, [2, 2, 2], [0, 255, 51, 102, 1, 2, 3, 4])
test_labels = idx(LABELS, [2], [1, 2])

# IDXFuzzer: control byte (mode | images bit | limit << 3), then the file.
for limit_code in (0, 3):
    write("IDXFuzzer", f"images-parse-{limit_code}", bytes([0 | 4 | limit_code << 3]) + images)
    write("IDXFuzzer", f"images-raw-{limit_code}", bytes([1 | 4 | limit_code << 3]) + images)
    write("IDXFuzzer", f"images-gzip-{limit_code}", bytes([2 | 4 | limit_code << 3]) + gz(images))
    write("IDXFuzzer", f"images-stored-{limit_code}", bytes([3 | 4 | limit_code << 3]) + images)
    write("IDXFuzzer", f"labels-raw-{limit_code}", bytes([1 | limit_code << 3]) + labels)
    write("IDXFuzzer", f"labels-gzip-{limit_code}", bytes([2 | limit_code << 3]) + gz(labels))
write("IDXFuzzer", "empty-images-raw", bytes([1 | 4]) + idx(IMAGES, [0, 28, 28], []))

# DatasetFuzzer: control (gzip bits 0…3, limit << 4), class count byte, four length-prefixed files.
def dataset(control, class_byte, files):
    return bytes([control, class_byte]) + b"".join(struct.pack(">H", len(f)) + f for f in files)


files = [images, labels, test_images, test_labels]
write("DatasetFuzzer", "raw", dataset(0x00, 9, files))
write("DatasetFuzzer", "gzip-all", dataset(0x0F, 9, files))
write("DatasetFuzzer", "gzip-train-limit-2", dataset(0x33, 9, files))
write("DatasetFuzzer", "empty-test-set", dataset(0x00, 9, [images, labels, idx(IMAGES, [0, 2, 2], []), idx(LABELS, [0], [])]))

# Decision-stream harnesses: a few fixed random byte strings each (the fuzzer does the rest).
rng = random.Random(20240601)
for harness, count, length in (("SerializationFuzzer", 8, 200), ("PlotFuzzer", 12, 400)):
    for index in range(count):
        data = bytes(rng.randrange(256) for _ in range(length))
        if harness == "SerializationFuzzer":
            data = bytes([index % 4]) + data[1:]
        write(harness, f"random-{index}", data)
