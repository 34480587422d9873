// BLAS matrix products (cblas_dgemm, cblas_sgemm) from OpenBLAS, found through pkg-config.
#include <cblas.h>

// OpenBLAS's own thread count, lowered while several networks train side by side.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
