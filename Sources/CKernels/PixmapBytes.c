// DescentPlot's pixmap to 8-bit samples: each Float component clamped, scaled and rounded as
// `Pixmap` does in Swift.
#include "CKernels.h"
#include "Dispatch.h"

// Every operation as written: a fused multiply-add would change which byte a value rounds to.
#pragma clang fp contract(off)

/// `Pixmap`'s byte of a component: clamped to 0…1 (NaN to 0), times 255, plus 0.5, truncated.
static inline __attribute__((always_inline)) uint8_t component_byte(float value) {
    float clamped = value > 0.0f ? value : 0.0f;
    clamped = clamped < 1.0f ? clamped : 1.0f;
    return (uint8_t)(int32_t)(clamped * 255.0f + 0.5f);
}

static inline __attribute__((always_inline)) void descent_bytes_of_components_body(
    const float *components, size_t count, uint8_t *bytes) {
    for (size_t index = 0; index < count; index++) bytes[index] = component_byte(components[index]);
}

DESCENT_DISPATCH(
    descent_bytes_of_components, (const float *components, size_t count, uint8_t *bytes),
    (components, count, bytes))
