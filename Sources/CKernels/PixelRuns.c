#include "CKernels.h"

// Every operation as written: a fused multiply-add would change the last bits of a pixel.
#pragma clang fp contract(off)

/// Floats per block: 24, a whole number of pixels of three components (8) and of four (6), three
/// AVX2 vectors.
#define BLOCK 24

static inline __attribute__((always_inline)) void blend_run(
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

static inline __attribute__((always_inline)) void fill_run(
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

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void blend_run_avx2(
    float *components, size_t count, size_t channels, const float *paint, float keep) {
    blend_run(components, count, channels, paint, keep);
}

__attribute__((target("avx2"))) static void fill_run_avx2(
    float *components, size_t count, size_t channels, const float *paint) {
    fill_run(components, count, channels, paint);
}
#endif

void descent_blend_run(float *components, size_t count, size_t channels, const float *paint, float keep) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        blend_run_avx2(components, count, channels, paint, keep);
        return;
    }
#endif
    blend_run(components, count, channels, paint, keep);
}

void descent_fill_run(float *components, size_t count, size_t channels, const float *paint) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        fill_run_avx2(components, count, channels, paint);
        return;
    }
#endif
    fill_run(components, count, channels, paint);
}
