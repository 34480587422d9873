// BLAS matrix products (cblas_dgemm, cblas_sgemm): Accelerate on Apple platforms, OpenBLAS
// (found through pkg-config) elsewhere. Package.swift links Accelerate; pkg-config names OpenBLAS.
#if defined(__APPLE__)
#include <Accelerate/Accelerate.h>

// Accelerate sizes its own threads; these keep one interface for callers.
static inline void openblas_set_num_threads(int num_threads) { (void)num_threads; }
static inline int openblas_get_num_threads(void) { return 1; }
#else
#include <cblas.h>

// OpenBLAS's own thread count, lowered while training runs its own threads.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
#endif
