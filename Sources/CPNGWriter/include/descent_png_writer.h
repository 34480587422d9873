// PNG encoding through libpng's full write API, with its setjmp/longjmp error handling kept inside
// this C target (DESIGN.md §6): every libpng error ends in descent_png_write's return value and
// message, so Swift never sees a longjmp.
#ifndef DESCENT_PNG_WRITER_H
#define DESCENT_PNG_WRITER_H

#include <stddef.h>
#include <stdint.h>

/// One ancillary chunk written verbatim after the image header (IHDR, pHYs), before the pixels:
/// a text chunk (tEXt or iTXt) whose data the caller has built.
typedef struct descent_png_chunk {
    /// The chunk type, four ASCII letters, e.g. "tEXt".
    char type[4];
    const uint8_t *data;
    size_t length;
} descent_png_chunk;

/// A PNG in memory, allocated with malloc: the caller frees `bytes`.
typedef struct descent_png_output {
    uint8_t *bytes;
    size_t size;
} descent_png_output;

/// From this many bytes of filtered rows on (the rows with their filter bytes: 256 KiB, a 300 × 291
/// RGB image), descent_png_write deflates the two halves at once on two threads at zlib levels 2–9;
/// at levels 0 and 1, which deflate more than twice as fast, from twice as many. Measured on prefixes
/// of the book's Figure 4-10 (2-core AMD EPYC, zlib 1.2.13, minimum of 300 runs, while other builds
/// loaded the machine): two threads cost about 50 µs more than one (starting the second, 18 µs, and
/// hashing its 32 KiB dictionary), which the halved deflate pays back at level 6 from about 192 KiB
/// (256 KiB: 787 µs against 745 µs; 922 KiB, the whole figure: 3.03 ms against 1.99 ms) and at
/// level 1 from about 400 KiB (922 KiB: 1.24 ms against 0.85 ms).
#define DESCENT_PNG_PARALLEL_MINIMUM 262144

/// The longest error message descent_png_write reports, NUL included.
#define DESCENT_PNG_MESSAGE_CAPACITY 200

/// Encodes `height` rows of `width` 8-bit pixels, `channels` bytes each (3: RGB, 4: RGBA with
/// straight alpha), `stride` bytes apart, as a PNG with an sRGB chunk (the samples are sRGB, as
/// libpng's simplified writer declares too), a pHYs chunk of `pixels_per_metre` in both
/// directions and `chunks` after them, deflated at `zlib_level` (0 stores, 1 is fastest, 9 smallest)
/// with zlib's default strategy.
///
/// Row filters: none, except that a row identical to the row above is written with the Up filter,
/// which turns it into zeros that zlib encodes in a few bytes.
///
/// Compression: from DESCENT_PNG_PARALLEL_MINIMUM bytes of filtered rows on (twice that at levels 0
/// and 1), the two halves are deflated at once on two threads and joined into one zlib stream
/// (zlib_stream.h); the bytes depend only on the pixels and the level. libpng writes the header and text chunks, and the
/// finished stream as one IDAT chunk through its raw chunk API.
///
/// Returns 0 and fills `output`, or returns -1 with libpng's message in `message` (and nothing to
/// free).
int descent_png_write(
    const uint8_t *pixels, size_t stride, uint32_t width, uint32_t height, int channels,
    uint32_t pixels_per_metre, const descent_png_chunk *chunks, size_t chunk_count,
    int zlib_level, descent_png_output *output,
    char message[DESCENT_PNG_MESSAGE_CAPACITY]);

#endif
