// The BLAS floor of `descent train`: every matrix product of the book's run (784-50-10 network,
// 10,000 iterations of 100 images, 17 accuracy passes over 70,000 images in chunks of 1,000),
// timed alone on one thread, in Double and Float. Training cannot take less wall time than this
// CPU time divided by the cores. Loads the library with one thread, as Descent does, and names
// the kernel it chose. Build and run (Benchmarks/run-net.sh does):
//   cc -O2 Benchmarks/blas_floor.c -o blas_floor -ldl && ./blas_floor libopenblas.so.0
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef void (*dgemm_function)(
    int, int, int, int, int, int, double, const double *, int, const double *, int, double, double *, int);
typedef void (*sgemm_function)(
    int, int, int, int, int, int, float, const float *, int, const float *, int, float, float *, int);

/// One product of the run: op(A) is m × k, op(B) k × n, `count` of them in a whole run.
typedef struct {
    const char *name;
    int transpose_a, transpose_b, m, n, k, count;
} product;

static const product products[] = {
    {"x·W1 (gradient, loss)", 0, 0, 100, 50, 784, 20000},
    {"xᵀ·dz1", 1, 0, 784, 50, 100, 10000},
    {"z1·W2 (gradient, loss)", 0, 0, 100, 10, 50, 20000},
    {"z1ᵀ·dy", 1, 0, 50, 10, 100, 10000},
    {"dy·W2ᵀ", 0, 1, 100, 50, 10, 10000},
    {"accuracy x·W1", 0, 0, 1000, 50, 784, 17 * 70},
    {"accuracy z1·W2", 0, 0, 1000, 10, 50, 17 * 70},
};

static double cpu_seconds(void) {
    struct timespec time;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time);
    return time.tv_sec + time.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    const char *library = argc > 1 ? argv[1] : "libopenblas.so.0";
    setenv("OPENBLAS_NUM_THREADS", "1", 1);
    void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        fprintf(stderr, "blas_floor: %s\n", dlerror());
        return 1;
    }
    dgemm_function dgemm = (dgemm_function)dlsym(handle, "cblas_dgemm");
    sgemm_function sgemm = (sgemm_function)dlsym(handle, "cblas_sgemm");
    const char *(*core)(void) = (const char *(*)(void))dlsym(handle, "openblas_get_corename");
    int (*architecture)(void) = (int (*)(void))dlsym(handle, "bli_arch_query_id");
    const char *(*architecture_name)(int) = (const char *(*)(int))dlsym(handle, "bli_arch_string");
    printf("%s, kernel %s\n", library, core ? core() : architecture ? architecture_name(architecture()) : "?");

    enum { largest = 1000 * 784 };
    double *a = malloc(sizeof(double) * largest), *b = malloc(sizeof(double) * largest),
           *c = malloc(sizeof(double) * largest);
    float *af = malloc(sizeof(float) * largest), *bf = malloc(sizeof(float) * largest),
          *cf = malloc(sizeof(float) * largest);
    for (int i = 0; i < largest; i++) {
        a[i] = af[i] = (float)rand() / RAND_MAX;
        b[i] = bf[i] = (float)rand() / RAND_MAX - 0.5f;
    }
    double total_double = 0, total_float = 0;
    for (size_t p = 0; p < sizeof products / sizeof products[0]; p++) {
        const product q = products[p];
        const int lda = q.transpose_a ? q.m : q.k, ldb = q.transpose_b ? q.k : q.n;
        const int ta = q.transpose_a ? 112 : 111, tb = q.transpose_b ? 112 : 111;
        const int repeats = q.count / 5;
        double start = cpu_seconds();
        for (int r = 0; r < repeats; r++) dgemm(101, ta, tb, q.m, q.n, q.k, 1, a, lda, b, ldb, 0, c, q.n);
        const double each_double = (cpu_seconds() - start) / repeats;
        start = cpu_seconds();
        for (int r = 0; r < repeats; r++) sgemm(101, ta, tb, q.m, q.n, q.k, 1, af, lda, bf, ldb, 0, cf, q.n);
        const double each_float = (cpu_seconds() - start) / repeats;
        total_double += each_double * q.count;
        total_float += each_float * q.count;
        printf("  %-24s %5d×%-4d×%4d  ×%5d  Double %.4f ms  Float %.4f ms\n", q.name, q.m, q.n, q.k, q.count,
               each_double * 1e3, each_float * 1e3);
    }
    printf("whole run, CPU: Double %.2f s, Float %.2f s; floor on 2 cores: Double %.2f s, Float %.2f s\n",
           total_double, total_float, total_double / 2, total_float / 2);
    return 0;
}
