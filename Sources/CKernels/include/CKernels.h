#ifndef DESCENT_CKERNELS_H
#define DESCENT_CKERNELS_H

/// x[r][c] <- sigmoid(x[r][c] + bias[c]) over `rows` rows of `columns` doubles, computed exactly as
/// DescentNet's `Logistic.value` with its vectorisable `Exponential.ofNonPositive` (the same
/// operations in the same order, no fused multiply-add), so the results are the same bits. Runs
/// four doubles a step where the CPU has AVX2 (chosen at run time), two otherwise: the baseline
/// x86-64 target of Swift code allows SSE2 only, and this loop is bound by its division.
void descent_sigmoid_rows(double *values, long rows, long columns, const double *bias);

#endif
