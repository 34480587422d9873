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
    const descent_blas_library accelerate = {"Accelerate", "chosen by Accelerate", "", NULL};
    info.double_products = accelerate;
    info.float_products = accelerate;
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
#include <stdint.h>
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

/// The products of one library.
typedef struct {
    dgemm_function dgemm;
    sgemm_function sgemm;
} products;

/// Takes the products from `handle` (NULL when it is NULL or lacks them).
static products products_of(void *handle) {
    products found = {NULL, NULL};
    if (!handle) return found;
    found.dgemm = (dgemm_function)dlsym(handle, "cblas_dgemm");
    found.sgemm = (sgemm_function)dlsym(handle, "cblas_sgemm");
    if (!found.dgemm || !found.sgemm) found.dgemm = NULL;
    return found;
}

static products load_openblas(descent_blas_library *library) {
    void *handle = open_openblas(NULL);
    if (!handle) return products_of(NULL);
    const char *core = core_name(handle);
    const char *better = descent_blas_core_type_for_features(descent_cpu_features());
    if (is_generic_core(core) && better && !getenv("OPENBLAS_CORETYPE")) {
        dlclose(handle);
        handle = open_openblas(better);
        if (!handle) return products_of(NULL);
        core = core_name(handle);
        // Unchanged when the program had OpenBLAS loaded already: dlclose could not unload it.
        if (strcasecmp(core, better) == 0) library->chosen_core_type = better;
    }
    char *(*configuration)(void) = (char *(*)(void))dlsym(handle, "openblas_get_config");
    library->library = "OpenBLAS";
    library->kernel = core;
    library->configuration = configuration ? configuration() : "";
    return products_of(handle);
}

/// BLIS, set to one thread (its OpenMP build would follow OMP_NUM_THREADS otherwise).
static products load_blis(descent_blas_library *library) {
    void *handle = dlopen("libblis.so.4", RTLD_NOW | RTLD_LOCAL);
    products found = products_of(handle);
    if (!found.dgemm) return found;
    void (*set_threads)(int64_t) = (void (*)(int64_t))dlsym(handle, "bli_thread_set_num_threads");
    if (set_threads) set_threads(1);
    int (*architecture)(void) = (int (*)(void))dlsym(handle, "bli_arch_query_id");
    const char *(*architecture_name)(int) = (const char *(*)(int))dlsym(handle, "bli_arch_string");
    library->library = "BLIS";
    library->kernel = architecture && architecture_name ? architecture_name(architecture()) : "chosen by BLIS";
    library->configuration = "";
    return found;
}

static products load_system_blas(descent_blas_library *library) {
    products found = products_of(dlopen("libblas.so.3", RTLD_NOW | RTLD_LOCAL));
    library->library = "libblas.so.3";
    library->kernel = "unknown";
    library->configuration = "";
    return found;
}

static void load(void) {
    descent_blas_library openblas = {0}, blis = {0}, system = {0};
    const products from_openblas = load_openblas(&openblas);
    const int amd = (descent_cpu_features() & DESCENT_CPU_AMD) != 0;
    const products from_blis = !from_openblas.dgemm || amd ? load_blis(&blis) : products_of(NULL);
    if (from_openblas.dgemm) {
        info.float_products = info.double_products = openblas;
        sgemm = from_openblas.sgemm;
        dgemm = from_openblas.dgemm;
    }
    if (from_blis.dgemm) {
        info.double_products = blis;
        dgemm = from_blis.dgemm;
        if (!from_openblas.dgemm) {
            info.float_products = blis;
            sgemm = from_blis.sgemm;
        }
    }
    if (dgemm) return;
    const products from_system = load_system_blas(&system);
    if (from_system.dgemm) {
        info.float_products = info.double_products = system;
        sgemm = from_system.sgemm;
        dgemm = from_system.dgemm;
        return;
    }
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
