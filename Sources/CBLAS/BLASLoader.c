// Loads the BLAS at first use and forwards the two products DescentNet needs (CBLAS.h says which
// library, in what order, and why). Row-major CBLAS constants are spelled out here (CblasRowMajor
// 101, CblasNoTrans 111, CblasTrans 112, fixed by the CBLAS standard) so that no BLAS header is
// needed to build.
#include "CBLAS.h"

#include <stdio.h>
#include <stdlib.h>

static descent_blas_info info;

#if defined(__APPLE__)
#include <Accelerate/Accelerate.h>

const descent_blas_info *descent_blas_load(void) {
    info.library = "Accelerate";
    info.kernel = "chosen by Accelerate";
    info.configuration = "";
    return &info;
}

/// Accelerate is linked: nothing to load.
static void require_blas(void) {}

#define dgemm cblas_dgemm
#define sgemm cblas_sgemm
enum { row_major = CblasRowMajor, no_transpose = CblasNoTrans, transpose = CblasTrans };

#else
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

typedef void (*dgemm_function)(
    int, int, int, int, int, int, double, const double *, int, const double *, int, double, double *, int);
typedef void (*sgemm_function)(
    int, int, int, int, int, int, float, const float *, int, const float *, int, float, float *, int);

enum { row_major = 101, no_transpose = 111, transpose = 112 };

static pthread_once_t once = PTHREAD_ONCE_INIT;
static dgemm_function dgemm;
static sgemm_function sgemm;

/// Restores an environment variable to `saved` (a copy of its old value, or NULL if it had none).
static void restore_variable(const char *name, char *saved) {
    if (saved) {
        setenv(name, saved, 1);
        free(saved);
    } else {
        unsetenv(name);
    }
}

static char *copy_of_variable(const char *name) {
    const char *value = getenv(name);
    return value ? strdup(value) : NULL;
}

/// dlopen of OpenBLAS with one thread (no thread pool: DescentNet runs its own threads) and, if
/// given, `core_type`; the environment is as before afterwards, so child processes and a BLAS that
/// the program loads itself see the user's settings.
static void *open_openblas(const char *core_type) {
    char *threads = copy_of_variable("OPENBLAS_NUM_THREADS");
    char *core = copy_of_variable("OPENBLAS_CORETYPE");
    setenv("OPENBLAS_NUM_THREADS", "1", 1);
    if (core_type) setenv("OPENBLAS_CORETYPE", core_type, 1);
    void *handle = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    restore_variable("OPENBLAS_NUM_THREADS", threads);
    restore_variable("OPENBLAS_CORETYPE", core);
    return handle;
}

/// OpenBLAS's name for its kernel, or "" when the library does not say.
static const char *core_name(void *handle) {
    const char *(*name)(void) = (const char *(*)(void))dlsym(handle, "openblas_get_corename");
    return name ? name() : "";
}

/// Whether `core` is one of OpenBLAS's fallbacks for CPUs missing from its table.
static int is_generic_core(const char *core) {
    return strcasecmp(core, "Prescott") == 0 || strcasecmp(core, "armv8") == 0;
}

/// Takes the products from `handle`; 0 when it lacks them.
static int adopt(void *handle) {
    dgemm = (dgemm_function)dlsym(handle, "cblas_dgemm");
    sgemm = (sgemm_function)dlsym(handle, "cblas_sgemm");
    return dgemm && sgemm;
}

static int load_openblas(void) {
    void *handle = open_openblas(NULL);
    if (!handle) return 0;
    const char *core = core_name(handle);
    const char *better = descent_blas_core_type_for_features(descent_cpu_features());
    if (is_generic_core(core) && better && !getenv("OPENBLAS_CORETYPE")) {
        dlclose(handle);
        handle = open_openblas(better);
        if (!handle) return 0;
        core = core_name(handle);
        info.chosen_core_type = better;
    }
    if (!adopt(handle)) return 0;
    char *(*configuration)(void) = (char *(*)(void))dlsym(handle, "openblas_get_config");
    info.library = "OpenBLAS";
    info.kernel = core;
    info.configuration = configuration ? configuration() : "";
    return 1;
}

static int load_blis(void) {
    void *handle = dlopen("libblis.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!handle || !adopt(handle)) return 0;
    int (*architecture)(void) = (int (*)(void))dlsym(handle, "bli_arch_query_id");
    const char *(*architecture_name)(int) = (const char *(*)(int))dlsym(handle, "bli_arch_string");
    info.library = "BLIS";
    info.kernel = architecture && architecture_name ? architecture_name(architecture()) : "chosen by BLIS";
    info.configuration = "";
    return 1;
}

static int load_system_blas(void) {
    void *handle = dlopen("libblas.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!handle || !adopt(handle)) return 0;
    info.library = "libblas.so.3";
    info.kernel = "unknown";
    info.configuration = "";
    return 1;
}

static void load(void) {
    if (load_openblas() || load_blis() || load_system_blas()) return;
    dgemm = NULL;
    sgemm = NULL;
    info.error =
        "no BLAS library could be loaded (tried libopenblas.so.0, libblis.so.4, libblas.so.3): "
        "install one, for example with apt-get install libopenblas0";
}

const descent_blas_info *descent_blas_load(void) {
    pthread_once(&once, load);
    return &info;
}

/// Loads the BLAS, or stops the process with the reason when there is none.
static void require_blas(void) {
    pthread_once(&once, load);
    if (info.error) {
        fprintf(stderr, "descent: %s\n", info.error);
        exit(70);
    }
}

#endif

/// Defines descent_blas_<prefix>gemm: loads the BLAS if needed, then calls `product` in row-major
/// order.
#define FORWARD_GEMM(prefix, scalar, product)                                                                  \
    void descent_blas_##prefix##gemm(                                                                          \
        int transpose_a, int transpose_b, int m, int n, int k, scalar alpha, const scalar *a, int lda,         \
        const scalar *b, int ldb, scalar beta, scalar *c, int ldc) {                                           \
        require_blas();                                                                                        \
        product(                                                                                               \
            row_major, transpose_a ? transpose : no_transpose, transpose_b ? transpose : no_transpose, m, n, k, \
            alpha, a, lda, b, ldb, beta, c, ldc);                                                              \
    }

FORWARD_GEMM(d, double, dgemm)
FORWARD_GEMM(s, float, sgemm)
