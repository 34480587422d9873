import CBLAS
import Foundation
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

    /// BLIS's architectures without AVX2.
    static let blisArchitecturesWithoutAVX2 = ["generic", "penryn", "sandybridge", "bulldozer"]

    @Test func aCPUWithAVX2RunsAKernelThatUsesItInBothPrecisions() throws {
        let features = descent_cpu_features()
        for library in [try BLASLibrary.load(for: Double.self), try BLASLibrary.load(for: Float.self)] {
            print("BLAS: \(library), \(library.configuration); CPU features 0x\(String(features, radix: 16))")
            guard features & UInt32(DESCENT_CPU_AVX2_FMA) != 0 else { continue }
            switch library.name {
            case "OpenBLAS":
                #expect(!Self.kernelsWithoutAVX2.contains { $0.lowercased() == library.kernel.lowercased() })
                #expect(library.configuration.hasPrefix("OpenBLAS"))
            case "BLIS": #expect(!Self.blisArchitecturesWithoutAVX2.contains(library.kernel))
            default: break
            }
        }
    }

    /// BLIS runs the Double products on AMD CPUs where it is installed; OpenBLAS everything else.
    @Test func doubleProductsRunOnBLISOnAMDCPUs() throws {
        let float = try BLASLibrary.load(for: Float.self)
        guard float.name == "OpenBLAS" else { return }
        let amd = descent_cpu_features() & UInt32(DESCENT_CPU_AMD) != 0
        let blis = dlopen("libblis.so.4", RTLD_LAZY)
        defer { if let blis { dlclose(blis) } }
        let blisInstalled = blis != nil
        #expect(try BLASLibrary.load(for: Double.self).name == (amd && blisInstalled ? "BLIS" : "OpenBLAS"))
    }

    @Test func loadingTwiceDescribesTheSameLibrary() throws {
        #expect(try BLASLibrary.load(for: Double.self) == BLASLibrary.load(for: Double.self))
        #expect(try BLASLibrary.load(for: Float.self).description.hasSuffix(" kernel)"))
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
