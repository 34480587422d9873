// Source-over into DescentPlot's 8-bit RGB pixmap (an opaque background): each byte read as a
// Float, blended as the Float pixmap blends, and stored as the byte it rounds to, the same
// operations as `Pixmap` in Swift.
#include "CKernels.h"
#include "Dispatch.h"
#include "PatternLanes.h"

// Every operation as written: a fused multiply-add would change which byte a value rounds to.
#pragma clang fp contract(off)

/// Bytes per block: 48, sixteen pixels of three, so that every lane keeps its channel.
#define BLOCK 48

/// A byte as the Float it stands for: d / 255, correctly rounded (the same Float as
/// `Float(d) / 255` in Swift, and as Color's component d / 255 converted to Float).
static inline __attribute__((always_inline)) float byte_value(uint8_t byte) { return (float)byte / 255.0f; }

/// Every byte's d / 255, folded at compile time (correctly rounded, as `byte_value` divides): the
/// pixel-by-pixel kernel below loads it instead of dividing, which costs it a scalar division per
/// channel (the run kernel divides sixteen lanes at once instead).
#define BYTE_VALUE(d) ((float)(d) / 255.0f)
#define BYTE_VALUES_4(d) BYTE_VALUE(d), BYTE_VALUE(d + 1), BYTE_VALUE(d + 2), BYTE_VALUE(d + 3)
#define BYTE_VALUES_16(d) BYTE_VALUES_4(d), BYTE_VALUES_4(d + 4), BYTE_VALUES_4(d + 8), BYTE_VALUES_4(d + 12)
#define BYTE_VALUES_64(d) BYTE_VALUES_16(d), BYTE_VALUES_16(d + 16), BYTE_VALUES_16(d + 32), BYTE_VALUES_16(d + 48)
static const float byte_values[256] = {
    BYTE_VALUES_64(0), BYTE_VALUES_64(64), BYTE_VALUES_64(128), BYTE_VALUES_64(192)};

/// `Pixmap`'s byte of a component: clamped to 0…1 (NaN to 0), times 255, plus 0.5, truncated.
static inline __attribute__((always_inline)) uint8_t component_byte(float value) {
    float clamped = value > 0.0f ? value : 0.0f;
    clamped = clamped < 1.0f ? clamped : 1.0f;
    return (uint8_t)(int32_t)(clamped * 255.0f + 0.5f);
}

static inline __attribute__((always_inline)) void descent_blend_rgb_run_body(
    uint8_t *pixels, size_t count, const float *paint, float keep) {
    float pattern[BLOCK];
    for (size_t index = 0; index < BLOCK; index++) pattern[index] = paint[index % 3];
    DESCENT_FOR_EACH_LANE(
        count * 3, BLOCK, position, lane,
        pixels[position] = component_byte(pattern[lane] + byte_value(pixels[position]) * keep));
}

static inline __attribute__((always_inline)) void descent_fill_rgb_run_body(
    uint8_t *pixels, size_t count, const uint8_t *paint) {
    uint8_t pattern[BLOCK];
    for (size_t index = 0; index < BLOCK; index++) pattern[index] = paint[index % 3];
    DESCENT_FOR_EACH_LANE(count * 3, BLOCK, position, lane, pixels[position] = pattern[lane]);
}

static inline __attribute__((always_inline)) void descent_blend_rgb_coverage_body(
    uint8_t *pixels, const float *coverage, size_t count, const float *color, float alpha) {
    for (size_t pixel = 0; pixel < count; pixel++) {
        float a = coverage[pixel] * alpha;
        if (!(a >= DESCENT_SMALLEST_VISIBLE_OPACITY)) continue;
        float keep = 1.0f - a;
        uint8_t *rgb = pixels + pixel * 3;
        for (size_t channel = 0; channel < 3; channel++) {
            rgb[channel] = component_byte(color[channel] * a + byte_values[rgb[channel]] * keep);
        }
    }
}

DESCENT_DISPATCH(
    descent_blend_rgb_run, (uint8_t *pixels, size_t count, const float *paint, float keep),
    (pixels, count, paint, keep))
DESCENT_DISPATCH(
    descent_fill_rgb_run, (uint8_t *pixels, size_t count, const uint8_t *paint), (pixels, count, paint))
DESCENT_DISPATCH(
    descent_blend_rgb_coverage, (uint8_t *pixels, const float *coverage, size_t count, const float *color, float alpha),
    (pixels, coverage, count, color, alpha))
