// swift-tools-version: 6.1
//
// Descent: gradient descent, computed exactly as the book's NumPy code computes it, and drawn.
// Targets follow DESIGN.md §2: one module per stage, the command line only parses and wires.

import PackageDescription

/// What the static Foundation of the Swift 6 toolchains for Linux needs beside itself: modules
/// compiled against the shared Foundation name only `Foundation` for the linker.
let staticFoundationLibraries = [
    "FoundationInternationalization", "FoundationEssentials", "CoreFoundation", "_FoundationICU",
    "_FoundationCShims", "_FoundationCollections", "swiftSynchronization", "dispatch", "BlocksRuntime", "stdc++",
]

let package = Package(
    name: "Descent",
    products: [
        .library(name: "Descent", targets: ["Descent"]),
        .executable(name: "descent", targets: ["DescentCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(
            name: "CFreeType", pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev", "fonts-dejavu-core"]), .brew(["freetype"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // libpng's full write API, its setjmp error handling kept in C (DESIGN.md §6); zlib deflates the
        // rows, on two threads for images that pay.
        .target(name: "CPNGWriter", dependencies: ["CLibPNG", "CZlib"]),
        // The BLAS, loaded at first use (Sources/CBLAS/include/CBLAS.h): Debian's libopenblas0 or
        // libblis4 at run time, nothing at build time; Accelerate on Apple platforms.
        .target(
            name: "CBLAS",
            linkerSettings: [
                .linkedLibrary("dl", .when(platforms: [.linux])),
                .linkedFramework("Accelerate", .when(platforms: [.macOS, .iOS, .tvOS, .watchOS, .visionOS])),
            ]),
        // printf's conversions of one Double, with a fixed signature (no CVarArg boxing).
        .target(name: "CPrintf"),
        .target(name: "DescentCore", dependencies: ["CPrintf"]),
        // Keeps freed memory for reuse, in huge pages, instead of faulting it in again (glibc's
        // allocator settings).
        .target(name: "CHeap"),
        // Element-wise loops in C, with AVX2 or AVX-512 where the CPU has them (chosen at run time):
        // the network's (sigmoid, softmax, gathering pixels, the SGD step) and the pixmap's (blending
        // into its bytes, or into its floats on a transparent background).
        .target(name: "CKernels"),
        .target(name: "DescentNet", dependencies: ["DescentCore", "CBLAS", "CKernels", "CZlib"]),
        .target(name: "DescentPlot", dependencies: ["DescentCore", "CLibPNG", "CPNGWriter", "CFreeType", "CKernels"]),
        .target(name: "Descent", dependencies: ["DescentCore", "DescentPlot", "DescentNet"]),
        .executableTarget(
            name: "DescentCLI",
            dependencies: [
                "Descent",
                "DescentCore",
                "DescentPlot",
                "DescentNet",
                "CHeap",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release executable carries its Swift libraries (Foundation and its ICU data
            // included) instead of loading them: measured on `descent trajectory --output f.png`,
            // 42 ms against 102 ms per run, the dynamic linker's relocations gone (BENCHMARKS.md).
            // It stays position-independent, so that it is loaded at a random address: linked at a
            // fixed one (`-no-pie`), the dynamic linker's 80,000 relative relocations go and
            // `descent --help` takes 3.4 ms instead of 4.3 ms, a hardening not worth that
            // millisecond (BENCHMARKS.md). Its relative relocations are packed instead (DT_RELR,
            // glibc 2.36 on: Debian 12), by the toolchain's lld: a 15 KB table instead of 1.9 MB
            // of RELA entries that the dynamic linker read, `descent --help` 0.8 ms faster, as
            // position-independent as before. Debug builds, which the tests link, stay dynamic.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                    .when(platforms: [.linux], configuration: .release))
            ]
                + staticFoundationLibraries.map {
                    .linkedLibrary($0, .when(platforms: [.linux], configuration: .release))
                }
        ),
        // What the test targets share: a seeded generator, golden files, image comparison.
        .target(name: "DescentTestSupport", dependencies: ["DescentPlot"], path: "Tests/DescentTestSupport"),
        .testTarget(
            name: "DescentCoreTests",
            dependencies: ["DescentCore", "DescentTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DescentPlotTests",
            dependencies: [
                "DescentPlot", "Descent", "CLibPNG", "CPNGWriter", "CFreeType", "CKernels", "DescentTestSupport",
            ],
            resources: [.copy("Golden"), .copy("Fixtures")]
        ),
        .testTarget(
            name: "DescentNetTests",
            dependencies: ["DescentNet", "CBLAS", "CZlib"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DescentCLITests", dependencies: ["DescentCLI", "DescentCore", "DescentPlot", "CHeap"]),
    ]
)
