import CBLAS
import Testing

@testable import DescentNet

/// Which BLAS and kernel run the products (``BLASLibrary``), and the kernel chosen from CPU
/// features where OpenBLAS does not know the CPU.
@Suite struct BLASLibraryTests {
    /// OpenBLAS's kernels for CPUs without AVX2: its fallbacks for CPUs missing from its table
    /// (Prescott, ARMV8) and the older models.
    static let kernelsWithoutAVX2 = [
        "Unknown", "Katmai", "Coppermine", "Northwood", "Prescott", "Banias", "Atom", "Core2", "Penryn", "Dunnington",
        "Nehalem", "Athlon", "Opteron", "OpteronSSE3", "Barcelona", "Nano", "Sandybridge", "Bulldozer", "Piledriver",
        "armv8",
    ]

    @Test func aCPUWithAVX2RunsAKernelThatUsesIt() throws {
        let library = try BLASLibrary.load()
        let features = descent_cpu_features()
        print("BLAS: \(library), \(library.configuration); CPU features 0x\(String(features, radix: 16))")
        guard library.name == "OpenBLAS", features & UInt32(DESCENT_CPU_AVX2_FMA) != 0 else { return }
        #expect(!Self.kernelsWithoutAVX2.contains { $0.lowercased() == library.kernel.lowercased() })
        #expect(library.configuration.hasPrefix("OpenBLAS"))
    }

    @Test func loadingTwiceDescribesTheSameLibrary() throws {
        #expect(try BLASLibrary.load() == BLASLibrary.load())
        #expect(try BLASLibrary.load().description.hasSuffix(" kernel)"))
    }

    @Test func featuresChooseTheNewestKernelTheyAllow() {
        func coreType(_ features: [Int]) -> String? {
            descent_blas_core_type_for_features(features.reduce(0) { $0 | UInt32($1) }).map { String(cString: $0) }
        }
        let (avx, avx2, avx512) = (
            DESCENT_CPU_AVX, DESCENT_CPU_AVX2_FMA, DESCENT_CPU_AVX512
        )
        #expect(coreType([]) == nil)
        #expect(coreType([avx]) == "Sandybridge")
        #expect(coreType([avx, avx2]) == "Haswell")
        #expect(coreType([avx, avx2, DESCENT_CPU_AMD]) == "Zen")
        #expect(coreType([avx, avx2, avx512]) == "SkylakeX")
        #expect(coreType([avx, avx2, avx512, DESCENT_CPU_AVX512_BF16]) == "Cooperlake")
        #expect(coreType([DESCENT_CPU_ARM_V82]) == "NeoverseN1")
        #expect(coreType([DESCENT_CPU_ARM_V82, DESCENT_CPU_ARM_SVE]) == "NeoverseV1")
    }
}
