// BLAS matrix products (cblas_dgemm, cblas_sgemm) from OpenBLAS, found through pkg-config.
#include <cblas.h>
