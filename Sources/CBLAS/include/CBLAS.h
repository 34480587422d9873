// Matrix products for DescentNet: cblas_dgemm and cblas_sgemm from a BLAS chosen and loaded at
// first use, and which library and kernel that turned out to be.
//
// On Apple platforms the products are Accelerate's, linked as usual. Elsewhere the library is
// loaded with dlopen the first time a product (or descent_blas_load) needs it, so that commands
// that multiply no matrices never start it: Debian's OpenBLAS (libopenblas.so.0, serial: DescentNet
// splits products between threads itself), with BLIS (libblis.so.4, one thread) for the Double
// products on AMD CPUs and for everything where OpenBLAS is missing, then whatever libblas.so.3
// the system's alternatives name. OpenBLAS picks its kernel from a table of CPU
// models when it loads, and on a model newer than the table it falls back to its generic kernel
// (Prescott on x86-64, ARMV8 on ARM64), 3× slower; when that happens on a CPU whose features
// allow better, the loader unloads it and loads it again with OPENBLAS_CORETYPE set from those
// features (descent_blas_core_type_for_features). A core type set in the environment is left as
// it is.
#ifndef DESCENT_CBLAS_H
#define DESCENT_CBLAS_H

#ifdef __cplusplus
extern "C" {
#endif

/// One library that runs products. Every string is static or owned by the loader and lives as
/// long as the process.
typedef struct {
    /// "OpenBLAS", "BLIS", "Accelerate" or the file name of another CBLAS; NULL when none loaded.
    const char *library;
    /// The kernel in use: OpenBLAS's core name ("SkylakeX", "Haswell", "Prescott"…), BLIS's
    /// architecture ("zen3", "skx"…), or how the library chooses.
    const char *kernel;
    /// The library's own build description (OpenBLAS's openblas_get_config), or "".
    const char *configuration;
    /// The core type the loader set before loading OpenBLAS again, or NULL when it set none.
    const char *chosen_core_type;
} descent_blas_library;

/// What was loaded: one library for each precision, since the fastest differs (on AMD CPUs,
/// BLIS's Double products, whose kernels AMD maintains, beat OpenBLAS's by 14–17 % on the book's
/// shapes, and OpenBLAS's Float products beat BLIS's; on Intel CPUs OpenBLAS wins both).
typedef struct {
    descent_blas_library double_products;
    descent_blas_library float_products;
    /// Why no BLAS could be loaded, or NULL.
    const char *error;
} descent_blas_info;

/// Loads the BLAS once (thread-safe; later calls return at once) and says what was loaded.
const descent_blas_info *descent_blas_load(void);

/// C ← α·op(A)·op(B) + β·C on row-major matrices (cblas_dgemm). Loads the BLAS if needed; stops
/// the process with the loader's error on stderr when there is none.
void descent_blas_dgemm(
    int transpose_a, int transpose_b, int m, int n, int k, double alpha, const double *a, int lda,
    const double *b, int ldb, double beta, double *c, int ldc);

/// The Float product, as descent_blas_dgemm (cblas_sgemm).
void descent_blas_sgemm(
    int transpose_a, int transpose_b, int m, int n, int k, float alpha, const float *a, int lda,
    const float *b, int ldb, float beta, float *c, int ldc);

/// CPU features that decide a core type, as bits.
enum {
    DESCENT_CPU_AVX = 1 << 0,
    DESCENT_CPU_AVX2_FMA = 1 << 1,
    /// AVX-512 F, CD, BW, DQ and VL, with the operating system saving the registers.
    DESCENT_CPU_AVX512 = 1 << 2,
    DESCENT_CPU_AVX512_BF16 = 1 << 3,
    /// The vendor is AMD or Hygon.
    DESCENT_CPU_AMD = 1 << 4,
    /// ARMv8.2's dot product and large-system atomics, as a Neoverse N1 has.
    DESCENT_CPU_ARM_V82 = 1 << 5,
    DESCENT_CPU_ARM_SVE = 1 << 6,
};

/// The running CPU's features, as DESCENT_CPU_* bits (cpuid and xgetbv on x86-64, the auxiliary
/// vector on ARM64 Linux; 0 elsewhere).
unsigned descent_cpu_features(void);

/// The OpenBLAS core type that fits `features` best, or NULL where its generic kernel is the best
/// there is: Cooperlake (AVX-512 with BF16), SkylakeX (AVX-512), Zen (AMD with AVX2),
/// Haswell (AVX2 and FMA), Sandybridge (AVX); NeoverseV1 (SVE), NeoverseN1 (ARMv8.2).
const char *descent_blas_core_type_for_features(unsigned features);

#ifdef __cplusplus
}
#endif

#endif
