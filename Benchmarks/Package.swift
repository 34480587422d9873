// swift-tools-version: 6.1
//
// Descent's benchmarks, a package of their own so the main build stays light.
// Run from this folder:  swift package --allow-writing-to-package-directory benchmark
// The peers (the book's NumPy code) are the Python scripts in peers/; BENCHMARKS.md at the root
// records both, measured in the same run.

import PackageDescription

import struct Foundation.URL

/// SwiftPM names a path dependency after its folder, which is whatever the clone was called.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "DescentBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: ["Engine", "Plot"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "Descent", package: rootPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
