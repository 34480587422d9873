// Source-over of one paint on a run of pixels under one coverage, in DescentPlot's Float pixmap
// (three or four components a pixel), the same operations as `Pixmap.composite` in Swift.
#include "CKernels.h"
#include "Dispatch.h"

// Every operation as written: a fused multiply-add would change the last bits of a pixel.
#pragma clang fp contract(off)

/// Floats per block: 24, a whole number of pixels of three components (8) and of four (6), three
/// AVX2 vectors.
#define BLOCK 24

static inline __attribute__((always_inline)) void descent_blend_run_body(
    float *components, size_t count, size_t channels, const float *paint, float keep) {
    float pattern[BLOCK];
    for (size_t index = 0; index < BLOCK; index++) pattern[index] = paint[index % channels];
    size_t total = count * channels;
    size_t index = 0;
    for (; index + BLOCK <= total; index += BLOCK) {
        for (size_t lane = 0; lane < BLOCK; lane++) {
            components[index + lane] = pattern[lane] + components[index + lane] * keep;
        }
    }
    for (size_t lane = 0; index < total; index++, lane++) {
        components[index] = pattern[lane] + components[index] * keep;
    }
}

static inline __attribute__((always_inline)) void descent_fill_run_body(
    float *components, size_t count, size_t channels, const float *paint) {
    float pattern[BLOCK];
    for (size_t index = 0; index < BLOCK; index++) pattern[index] = paint[index % channels];
    size_t total = count * channels;
    size_t index = 0;
    for (; index + BLOCK <= total; index += BLOCK) {
        for (size_t lane = 0; lane < BLOCK; lane++) components[index + lane] = pattern[lane];
    }
    for (size_t lane = 0; index < total; index++, lane++) components[index] = pattern[lane];
}

DESCENT_DISPATCH(
    descent_blend_run, (float *components, size_t count, size_t channels, const float *paint, float keep),
    (components, count, channels, paint, keep))
DESCENT_DISPATCH(
    descent_fill_run, (float *components, size_t count, size_t channels, const float *paint),
    (components, count, channels, paint))
