// Source-over of one paint on a run of pixels under one coverage, in DescentPlot's Float pixmap
// of a transparent background (premultiplied red, green, blue and alpha a pixel), the same
// operations as `Pixmap` in Swift.
#include "CKernels.h"
#include "Dispatch.h"
#include "PatternLanes.h"

// Every operation as written: a fused multiply-add would change the last bits of a pixel.
#pragma clang fp contract(off)

/// Floats per block: 24, six pixels of four components, three AVX2 vectors.
#define BLOCK 24

static inline __attribute__((always_inline)) void descent_blend_run_body(
    float *components, size_t count, const float *paint, float keep) {
    float pattern[BLOCK];
    for (size_t index = 0; index < BLOCK; index++) pattern[index] = paint[index % 4];
    DESCENT_FOR_EACH_LANE(
        count * 4, BLOCK, position, lane, components[position] = pattern[lane] + components[position] * keep);
}

static inline __attribute__((always_inline)) void descent_fill_run_body(
    float *components, size_t count, const float *paint) {
    float pattern[BLOCK];
    for (size_t index = 0; index < BLOCK; index++) pattern[index] = paint[index % 4];
    DESCENT_FOR_EACH_LANE(count * 4, BLOCK, position, lane, components[position] = pattern[lane]);
}

DESCENT_DISPATCH(
    descent_blend_run, (float *components, size_t count, const float *paint, float keep),
    (components, count, paint, keep))
DESCENT_DISPATCH(
    descent_fill_run, (float *components, size_t count, const float *paint),
    (components, count, paint))
