// swift-tools-version: 6.1
//
// libFuzzer harnesses for Descent, kept in their own package (like Benchmarks/) so that the root
// package's `swift build` and `swift test` never see them. Each executable target is one harness:
// it defines `LLVMFuzzerTestOneInput` and no `main` (libFuzzer brings its own), so it must be
// built with the fuzzer sanitizer; `Fuzz/run.sh` does that. TESTING.md says what each covers.

import PackageDescription

import struct Foundation.URL

/// SwiftPM names a path dependency after its folder, which is whatever the clone was called.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

/// Every harness is a library-style file (no top-level code): `-parse-as-library`.
let harnessSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "DescentFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzSupport")]
        + ["ExpressionFuzzer", "IDXFuzzer", "DatasetFuzzer", "SerializationFuzzer", "PlotFuzzer"].map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", .product(name: "Descent", package: rootPackage)],
                swiftSettings: harnessSettings)
        }
)
