#include "CKernels.h"

// Every operation as written: a fused multiply-add would change which byte a value rounds to.
#pragma clang fp contract(off)

/// DescentPlot's `Pixmap` byte of a component: clamped to 0…1, scaled to 255, rounded half up.
static inline __attribute__((always_inline)) uint8_t component_byte(float value) {
    float clamped = value > 0.0f ? value : 0.0f;
    clamped = clamped < 1.0f ? clamped : 1.0f;
    return (uint8_t)(int32_t)(clamped * 255.0f + 0.5f);
}

static inline __attribute__((always_inline)) void bytes_of_components(
    const float *components, size_t count, uint8_t *bytes) {
    for (size_t index = 0; index < count; index++) bytes[index] = component_byte(components[index]);
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void bytes_of_components_avx2(
    const float *components, size_t count, uint8_t *bytes) {
    bytes_of_components(components, count, bytes);
}
#endif

void descent_bytes_of_components(const float *components, size_t count, uint8_t *bytes) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
        bytes_of_components_avx2(components, count, bytes);
        return;
    }
#endif
    bytes_of_components(components, count, bytes);
}
