// Row-wise softmax of x + bias (the network's `y = softmax(z1·W2 + b2)`), in double and in float,
// in the three passes of DescentNet's `Activations.softmaxRows`:
//     x += bias; x -= max(row)      (the maximum taken first to last, as Swift's `max`)
//     x = e^x                       (over the whole matrix: one loop that vectorises)
//     x /= sum(row)                 (the sum added left to right from 0)
// with the one exponential of CKernels.h. The row passes are short (10 classes); the exponential
// is where the time goes.
#include "CKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

#define SOFTMAX_BODY(scalar, exponential)                                              \
    for (long row = 0; row < rows; row++) {                                            \
        scalar *start = values + row * columns;                                        \
        for (long column = 0; column < columns; column++) start[column] += bias[column]; \
        scalar largest = start[0];                                                     \
        for (long column = 1; column < columns; column++)                              \
            largest = start[column] >= largest ? start[column] : largest;              \
        for (long column = 0; column < columns; column++) start[column] -= largest;   \
    }                                                                                  \
    long count = rows * columns;                                                       \
    for (long index = 0; index < count; index++) values[index] = exponential(values[index]); \
    for (long row = 0; row < rows; row++) {                                            \
        scalar *start = values + row * columns;                                        \
        scalar sum = 0;                                                                \
        for (long column = 0; column < columns; column++) sum += start[column];        \
        for (long column = 0; column < columns; column++) start[column] /= sum;        \
    }

static inline __attribute__((always_inline)) void descent_softmax_rows_body(
    double *values, long rows, long columns, const double *bias) {
    SOFTMAX_BODY(double, descent_exponential_of_non_positive)
}

static inline __attribute__((always_inline)) void descent_softmax_rows_float_body(
    float *values, long rows, long columns, const float *bias) {
    SOFTMAX_BODY(float, descent_exponential_of_non_positive_float)
}

DESCENT_DISPATCH(
    descent_softmax_rows, (double *values, long rows, long columns, const double *bias),
    (values, rows, columns, bias))
DESCENT_DISPATCH(
    descent_softmax_rows_float, (float *values, long rows, long columns, const float *bias),
    (values, rows, columns, bias))
