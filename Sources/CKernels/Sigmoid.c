#include "CKernels.h"

#include <stdint.h>
#include <string.h>

// Every operation as written: a fused multiply-add would change the last bits.
#pragma clang fp contract(off)

/// e^x for x <= 0: DescentNet's `Exponential.ofNonPositive(_: Double)`, operation for operation.
static inline __attribute__((always_inline)) double exponential_of_non_positive(double x) {
    const double smallest_normal_logarithm = -708.3964185322641;
    const double shifter = 0x1.8p52;
    double clamped = smallest_normal_logarithm >= x ? smallest_normal_logarithm : x;
    double shifted = clamped * 1.4426950408889634 + shifter;
    double k = shifted - shifter;
    double r = (clamped - k * 0x1.62e42fee00000p-1) - k * 0x1.a39ef35793c76p-33;
    double p = 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    uint64_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 1023) << 52;
    double scale;
    memcpy(&scale, &bits, sizeof scale);
    return x < smallest_normal_logarithm ? 0.0 : p * scale;
}

/// The rows, one pass each: `Logistic.value(x + bias, exponential:)`.
static inline __attribute__((always_inline)) void sigmoid_rows(
    double *values, long rows, long columns, const double *bias) {
    for (long row = 0; row < rows; row++) {
        double *start = values + row * columns;
        for (long column = 0; column < columns; column++) {
            double x = start[column] + bias[column];
            double e = exponential_of_non_positive(-__builtin_fabs(x));
            start[column] = (x >= 0 ? 1.0 : e) / (1.0 + e);
        }
    }
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void sigmoid_rows_avx2(
    double *values, long rows, long columns, const double *bias) {
    sigmoid_rows(values, rows, columns, bias);
}
#endif

void descent_sigmoid_rows(double *values, long rows, long columns, const double *bias) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        sigmoid_rows_avx2(values, rows, columns, bias);
        return;
    }
#endif
    sigmoid_rows(values, rows, columns, bias);
}
