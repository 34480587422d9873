#ifndef DESCENT_CKERNELS_H
#define DESCENT_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// x[r][c] <- sigmoid(x[r][c] + bias[c]) over `rows` rows of `columns` doubles, computed exactly as
/// DescentNet's `Logistic.value` with its vectorisable `Exponential.ofNonPositive` (the same
/// operations in the same order, no fused multiply-add), so the results are the same bits. Runs
/// four doubles a step where the CPU has AVX2 (chosen at run time), two otherwise: the baseline
/// x86-64 target of Swift code allows SSE2 only, and this loop is bound by its division.
void descent_sigmoid_rows(double *values, long rows, long columns, const double *bias);

/// bytes[i] <- the 8-bit value of components[i], `count` of them: the component clamped to 0…1,
/// times 255, plus 0.5, truncated, exactly as DescentPlot's `Pixmap` computes it in Float (no fused
/// multiply-add), so the same bytes. Eight components a step where the CPU has AVX2 (chosen at run
/// time), four otherwise: a 640 × 480 RGB image is 921,600 of them. A NaN component gives 0.
void descent_bytes_of_components(const float *components, size_t count, uint8_t *bytes);

/// Source-over of one paint on `count` consecutive pixels of `channels` (3 or 4) Float components
/// each: c <- paint[k] + c · keep for component k of every pixel, where `paint` holds the paint's
/// premultiplied components (r·a, g·a, b·a and, with four channels, a) and keep = 1 − a; DescentPlot's
/// `Pixmap` computes the same in the same order. A run of pixels under one constant coverage (the
/// inside of a filled shape) is one call: 24 components a step where the CPU has AVX2.
void descent_blend_run(float *components, size_t count, size_t channels, const float *paint, float keep);

/// Sets `count` consecutive pixels of `channels` (3 or 4) Float components each to `paint`: what
/// source-over leaves under an opaque paint at full coverage (c · 0 + paint).
void descent_fill_run(float *components, size_t count, size_t channels, const float *paint);

#endif
