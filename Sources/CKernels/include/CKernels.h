#ifndef DESCENT_CKERNELS_H
#define DESCENT_CKERNELS_H

// The network's and the pixmap's element-wise loops in C, where each may run four doubles (eight
// floats) a step with AVX2 and eight (sixteen) with AVX-512, chosen at run time by cpuid
// (Dispatch.h): Swift code for the baseline x86-64 target gets SSE2 only. Every operation is as written (no fused
// multiply-add, no reassociation), so a kernel gives the same bits on every CPU as the element
// function it stands for; the tests compare them.

#include <stdint.h>
#include <string.h>

/// Horner's rule from `p` (the sum so far of the terms above r^5/5!) down to the constant term,
/// ((((p*r + 1/5!)*r + 1/4!)*r + 1/3!)*r + 1/2)*r + 1)*r + 1, each coefficient rounded to
/// `scalar`: the low terms both exponentials share, defined once for each precision.
#define DESCENT_DEFINE_LOW_TERMS(name, scalar)                                             \
    static inline __attribute__((always_inline)) scalar name(scalar p, scalar r) {         \
        _Pragma("clang fp contract(off)") p = p * r + (scalar)1 / (scalar)120;            \
        p = p * r + (scalar)1 / (scalar)24;                                                \
        p = p * r + (scalar)1 / (scalar)6;                                                 \
        p = p * r + (scalar)0.5;                                                           \
        p = p * r + (scalar)1;                                                             \
        return p * r + (scalar)1;                                                          \
    }
DESCENT_DEFINE_LOW_TERMS(descent_exponential_low_terms, double)
DESCENT_DEFINE_LOW_TERMS(descent_exponential_low_terms_float, float)

/// e^x for x <= 0, written so that a loop over an array vectorises: no table, no branch, no call.
/// Sigmoid and softmax only ever exponentiate non-positive numbers (sigmoid takes e^(-|x|),
/// softmax e^(x - max)), so that is the whole domain they need. The one copy of the network's
/// exponential: DescentNet's `Exponential` calls it, and the kernels below inline it.
///
/// The classic range reduction (Cody & Waite; Muller, *Elementary Functions*, ch. 11):
///
///     k = round(x / ln 2)      r = (x - k*ln2_hi) - k*ln2_lo      |r| <= ln 2 / 2
///     e^x = 2^k * p(r)         p = the Taylor polynomial of e^r, evaluated by Horner's rule
///
/// k is rounded by adding 1.5*2^52, which leaves it in the low bits of the sum, and 2^k is built
/// from those bits. ln2_hi has its low bits zero, so k*ln2_hi is exact. The polynomial has degree
/// 13 (truncation error r^14/14! < 5e-18), so the result is within 2 ulp of the exact e^x (the C
/// library's `exp` is within 1): the network's losses move in the 16th digit, far inside the 1e-9
/// at which they match NumPy's.
///
/// Special values: e^0 = 1; below ln(smallest normal) = -708.40 the result is 0 where the exact
/// one is subnormal, less than 2.3e-308 from it; -inf gives 0, NaN gives NaN. Positive x is
/// outside the domain (2^k would overflow its exponent bits).
static inline __attribute__((always_inline)) double descent_exponential_of_non_positive(double x) {
#pragma clang fp contract(off)
    const double smallest_normal_logarithm = -708.3964185322641;
    const double shifter = 0x1.8p52;
    // Swift's max(x, s): s >= x ? s : x, so NaN stays NaN.
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
    p = descent_exponential_low_terms(p, r);
    uint64_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 1023) << 52;
    double scale;
    memcpy(&scale, &bits, sizeof scale);
    return x < smallest_normal_logarithm ? 0.0 : p * scale;
}

/// e^x for x <= 0 in float: as the double version, with k rounded by adding 1.5*2^23, ln 2 split
/// for float, and a polynomial of degree 7 (truncation error < 6e-9), within 2 ulp of `expf`.
/// Below ln(smallest normal float) = -87.34 the result is 0 (the exact one is below 1.2e-38).
static inline __attribute__((always_inline)) float descent_exponential_of_non_positive_float(float x) {
#pragma clang fp contract(off)
    const float smallest_normal_logarithm = -87.33654f;
    const float shifter = 0x1.8p23f;
    float clamped = smallest_normal_logarithm >= x ? smallest_normal_logarithm : x;
    float shifted = clamped * 1.442695f + shifter;
    float k = shifted - shifter;
    float r = (clamped - k * 0x1.62e4p-1f) - k * 0x1.7f7d1cp-20f;
    float p = 1.0f / 5040.0f;
    p = p * r + 1.0f / 720.0f;
    p = descent_exponential_low_terms_float(p, r);
    uint32_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return x < smallest_normal_logarithm ? 0.0f : p * scale;
}

/// x[r][c] <- sigmoid(x[r][c] + bias[c]) over `rows` rows of `columns` doubles: DescentCore's
/// `Logistic.value` with the exponential above, e = e^(-|x|), sigmoid = (x >= 0 ? 1 : e) / (1 + e).
/// Bound by its division, which AVX2 runs four lanes wide against SSE2's two.
void descent_sigmoid_rows(double *values, long rows, long columns, const double *bias);

/// The float version of `descent_sigmoid_rows`, eight lanes with AVX2.
void descent_sigmoid_rows_float(float *values, long rows, long columns, const float *bias);

/// Row-wise softmax of x + bias, in place, in three passes as DescentNet's `Activations.softmaxRows`
/// computes it: bias added and the row's maximum (Swift's `max`, first to last) subtracted; every
/// exponential, over the whole matrix in one loop; each row divided by its sum, added left to right.
void descent_softmax_rows(double *values, long rows, long columns, const double *bias);

/// The float version of `descent_softmax_rows`.
void descent_softmax_rows_float(float *values, long rows, long columns, const float *bias);

/// Copies `count` images of `width` byte pixels, image `indices[i]` of `pixels` into row i of
/// `out`, each byte p as (double)((float)p / 255) (the book's `astype(np.float32) / 255.0`, then
/// the network's precision). Fetches the next image while it converts one: rows drawn at random
/// from a data set larger than the cache are bound by memory latency, not arithmetic.
void descent_gather_pixels(const uint8_t *pixels, long width, const long *indices, long count, double *out);

/// The float version of `descent_gather_pixels`: each byte p as (float)p / 255.
void descent_gather_pixels_float(const uint8_t *pixels, long width, const long *indices, long count, float *out);

/// parameters[i] <- parameters[i] - rate * gradients[i] for i < count: one step of gradient
/// descent over a parameter array, the product rounded before the difference (no fused
/// multiply-add), as NumPy computes it.
void descent_descend(double *parameters, const double *gradients, long count, double rate);

/// The float version of `descent_descend`.
void descent_descend_float(float *parameters, const float *gradients, long count, float rate);

/// The opacity below which source-over changes no byte of an 8-bit pixel: 2^-10. Painting c at
/// opacity a moves a byte's value d = k / 255 to c·a + d·(1 − a), within a·|c − d| < 2^-10 of d
/// (and the Float roundings within 2^-21), so 255 times it stays within 0.25 of k, and adding 0.5
/// and truncating gives k again. The rasterizer leaves such coverage where a shape's edges cancel
/// in Float (the inside of a stroked frame: every row of every axes, below 3e-8); skipping it saves
/// compare blending about 600,000 pixels that keep their bytes.
#define DESCENT_SMALLEST_VISIBLE_OPACITY 0.0009765625f

/// Source-over of one paint on `count` consecutive pixels of DescentPlot's 8-bit RGB pixmap (an
/// opaque background) under one coverage: every byte d of channel k becomes the byte of
/// paint[k] + (d / 255) · keep, where `paint` holds the paint's premultiplied components (r·a, g·a,
/// b·a) and keep = 1 − a, computed in float as `Pixmap` computes it; a value's byte is the value
/// clamped to 0…1 (NaN to 0), times 255, plus 0.5, truncated. A run of pixels under one constant
/// coverage (the inside of a filled shape) is one call, 48 bytes (16 pixels) a block.
void descent_blend_rgb_run(uint8_t *pixels, size_t count, const float *paint, float keep);

/// Sets `count` consecutive RGB pixels to the three bytes of `paint`: what source-over leaves
/// under an opaque paint at full coverage.
void descent_fill_rgb_run(uint8_t *pixels, size_t count, const uint8_t *paint);

/// Source-over of `color` (red, green, blue, each 0…1) at opacity `alpha` on `count` consecutive
/// RGB pixels, pixel i under coverage[i]: a = coverage[i] · alpha and every byte d becomes the byte
/// of color[k] · a + (d / 255) · (1 − a), as in `descent_blend_rgb_run`; a pixel where a is below
/// DESCENT_SMALLEST_VISIBLE_OPACITY (or NaN), which that would not change, is left alone. The
/// anti-aliased edge of a shape.
void descent_blend_rgb_coverage(uint8_t *pixels, const float *coverage, size_t count, const float *color, float alpha);

/// Source-over of one paint on `count` consecutive pixels of DescentPlot's Float pixmap of a
/// transparent background, four components each: c <- paint[k] + c · keep for component k of every
/// pixel, where `paint` holds the paint's premultiplied components (r·a, g·a, b·a, a) and
/// keep = 1 − a; `Pixmap` computes the same in the same order. A run of pixels under one constant
/// coverage (the inside of a filled shape) is one call, 24 components (6 pixels) a block.
void descent_blend_run(float *components, size_t count, const float *paint, float keep);

/// Sets `count` consecutive pixels of four Float components each to `paint`: what source-over
/// leaves under an opaque paint at full coverage (c · 0 + paint).
void descent_fill_run(float *components, size_t count, const float *paint);

#endif
