import CBLAS

/// The BLAS that ``Matrix``'s products in one precision run on, and the kernel it chose for this
/// CPU.
///
/// DescentNet loads it the first time a product needs it (or ``load(for:)`` is called), so a
/// program that multiplies no matrices never starts it. On Linux the choice is Debian's OpenBLAS,
/// loaded serial (DescentNet runs its own threads:
/// ``Matrix/multiplyInParallel(_:transposed:_:transposed:into:parts:)`` and the trainer's), with
/// BLIS for the Double products on AMD CPUs; BLIS alone where OpenBLAS is missing; then the
/// system's `libblas.so.3`. On Apple platforms, Accelerate.
///
/// OpenBLAS picks its kernel from a table of CPU models when it loads and falls back to its
/// generic one (Prescott on x86-64, ARMV8 on ARM64) on models newer than the table: Debian's
/// 0.3.21 on a recent Xeon multiplies the book's 100×784×50 matrices 3.3× slower than with the
/// kernel the CPU's features allow. When that happens the loader loads it again with the core type
/// those features call for (``chosenCoreType``: Cooperlake, SkylakeX, Zen, Haswell, Sandybridge,
/// NeoverseV1 or NeoverseN1), so no variable is needed; one set in the environment
/// (`OPENBLAS_CORETYPE`) is respected.
///
/// Measured on the book's products (BENCHMARKS.md, `Benchmarks/blas_floor.c`): on an AMD Zen 4,
/// Debian's BLIS 0.9 (its zen3 kernels, which AMD maintains) needs 14–17 % less time than
/// OpenBLAS 0.3.21 for the Double products and 10–15 % more for the Float ones; on the Intel Xeon
/// of issue 12, OpenBLAS (SkylakeX) beat BLIS in both. Hence BLIS for Double on AMD only.
public struct BLASLibrary: Sendable, Equatable, CustomStringConvertible {
    /// `OpenBLAS`, `BLIS`, `Accelerate`, or the file name of another CBLAS.
    public let name: String
    /// The kernel in use: OpenBLAS's core name (`SkylakeX`, `Haswell`, `Prescott`…), BLIS's
    /// architecture (`zen3`, `skx`…), or how the library chooses.
    public let kernel: String
    /// The library's description of its build (OpenBLAS's `openblas_get_config`), or empty.
    public let configuration: String
    /// The OpenBLAS core type chosen from the CPU's features because OpenBLAS fell back to its
    /// generic kernel, or `nil` when OpenBLAS's own choice stood.
    public let chosenCoreType: String?

    /// Why no BLAS could be loaded.
    public struct LoadingError: Error, CustomStringConvertible {
        /// One line naming the libraries tried and how to install one.
        public let description: String
    }

    /// Loads the BLAS if no product has yet, and says which library and kernel run the products
    /// in `Scalar`. Safe to call from any thread; the first call should come before the program
    /// starts threads of its own, since loading sets environment variables for a moment (and
    /// restores them).
    ///
    /// - Throws: ``LoadingError`` when no BLAS library is installed.
    public static func load<Scalar: NetScalar>(for _: Scalar.Type) throws(LoadingError) -> BLASLibrary {
        let info = descent_blas_load().pointee
        let library = Scalar.self == Float.self ? info.float_products : info.double_products
        guard let name = library.library else {
            throw LoadingError(description: info.error.map { String(cString: $0) } ?? "no BLAS library")
        }
        return BLASLibrary(
            name: String(cString: name), kernel: String(cString: library.kernel),
            configuration: String(cString: library.configuration),
            chosenCoreType: library.chosen_core_type.map { String(cString: $0) })
    }

    /// For example `OpenBLAS (Cooperlake kernel)`.
    public var description: String { "\(name) (\(kernel) kernel)" }
}
