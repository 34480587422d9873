// Mini-batches and accuracy chunks gathered from a data set kept as its IDX bytes: byte p becomes
// (float)p / 255, the book's `astype(np.float32) / 255.0`, then the network's precision. A quarter
// of the memory traffic of gathering float pixels, and the same values bit for bit (the division
// is IEEE's, correctly rounded, whatever the width of the vector it runs in).
#include "CKernels.h"
#include "Dispatch.h"

// Cache lines fetched ahead for the next image: every line of it (784 bytes: 13 lines).
static inline __attribute__((always_inline)) void prefetch_image(const uint8_t *image, long width) {
    for (long offset = 0; offset < width; offset += 64) __builtin_prefetch(image + offset);
}

#define GATHER_BODY(scalar, convert)                                                      \
    for (long slot = 0; slot < count; slot++) {                                          \
        if (slot + 1 < count) prefetch_image(pixels + indices[slot + 1] * width, width);  \
        const uint8_t *from = pixels + indices[slot] * width;                            \
        scalar *to = out + slot * width;                                                 \
        for (long column = 0; column < width; column++) to[column] = convert;            \
    }

static inline __attribute__((always_inline)) void descent_gather_pixels_body(
    const uint8_t *pixels, long width, const long *indices, long count, double *out) {
    GATHER_BODY(double, (double)((float)from[column] / 255.0f))
}

static inline __attribute__((always_inline)) void descent_gather_pixels_float_body(
    const uint8_t *pixels, long width, const long *indices, long count, float *out) {
    GATHER_BODY(float, (float)from[column] / 255.0f)
}

DESCENT_DISPATCH(
    descent_gather_pixels, (const uint8_t *pixels, long width, const long *indices, long count, double *out),
    (pixels, width, indices, count, out))
DESCENT_DISPATCH(
    descent_gather_pixels_float, (const uint8_t *pixels, long width, const long *indices, long count, float *out),
    (pixels, width, indices, count, out))
