// Gradient descent's step over one parameter array, p <- p - lr * g (the book's
// `network.params[key] -= learning_rate * grad[key]`), in double and in float: the product
// rounded, then the difference, as NumPy computes them.
#include "CKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

static inline __attribute__((always_inline)) void descent_descend_body(
    double *parameters, const double *gradients, long count, double rate) {
    for (long index = 0; index < count; index++) parameters[index] -= rate * gradients[index];
}

static inline __attribute__((always_inline)) void descent_descend_float_body(
    float *parameters, const float *gradients, long count, float rate) {
    for (long index = 0; index < count; index++) parameters[index] -= rate * gradients[index];
}

DESCENT_DISPATCH(
    descent_descend, (double *parameters, const double *gradients, long count, double rate),
    (parameters, gradients, count, rate))
DESCENT_DISPATCH(
    descent_descend_float, (float *parameters, const float *gradients, long count, float rate),
    (parameters, gradients, count, rate))
