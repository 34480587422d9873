// The hidden layer's sigmoid over a matrix, bias added first (the network's
// `z1 = sigmoid(x·W1 + b1)`), in double and in float: DescentCore's `Logistic.value`,
//     e = e^(-|x|)    sigmoid = (x >= 0 ? 1 : e) / (1 + e)
// with the one exponential of CKernels.h, operation for operation.
#include "CKernels.h"
#include "Dispatch.h"

// Every operation as written: a fused multiply-add would change the last bits.
#pragma clang fp contract(off)

#define SIGMOID_BODY(scalar, exponential, absolute)                            \
    for (long row = 0; row < rows; row++) {                                     \
        scalar *start = values + row * columns;                                 \
        for (long column = 0; column < columns; column++) {                     \
            scalar x = start[column] + bias[column];                            \
            scalar e = exponential(-absolute(x));                               \
            start[column] = (x >= 0 ? (scalar)1 : e) / ((scalar)1 + e);          \
        }                                                                       \
    }

static inline __attribute__((always_inline)) void descent_sigmoid_rows_body(
    double *values, long rows, long columns, const double *bias) {
    SIGMOID_BODY(double, descent_exponential_of_non_positive, __builtin_fabs)
}

static inline __attribute__((always_inline)) void descent_sigmoid_rows_float_body(
    float *values, long rows, long columns, const float *bias) {
    SIGMOID_BODY(float, descent_exponential_of_non_positive_float, __builtin_fabsf)
}

DESCENT_DISPATCH(
    descent_sigmoid_rows, (double *values, long rows, long columns, const double *bias),
    (values, rows, columns, bias))
DESCENT_DISPATCH(
    descent_sigmoid_rows_float, (float *values, long rows, long columns, const float *bias),
    (values, rows, columns, bias))
