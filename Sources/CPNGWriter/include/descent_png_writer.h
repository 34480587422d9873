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

/// How zlib deflates the rows: a level and, optionally, its search parameters (`deflateTune`).
typedef struct descent_deflate_settings {
    /// 0 stores, 1 is fastest, 9 smallest; the level also chooses zlib's matcher (greedy at
    /// 1–3, lazy from 4 on).
    int level;
    /// deflateTune's good_length, max_lazy (at levels 1–3: the longest match whose strings are
    /// all entered in the hash chains), nice_length and max_chain; all 0 for the level's own.
    int good_length;
    int max_lazy;
    int nice_length;
    int max_chain;
} descent_deflate_settings;

/// From this many bytes of filtered rows on (the rows with their filter bytes: 256 KiB, a 300 × 291
/// RGB image), descent_png_write deflates the two halves at once (on the caller's helper) at zlib levels 2–9;
/// at levels 0 and 1, which deflate about twice as fast, from twice as many. Measured on prefixes
/// of the book's Figure 4-10 with the settings of Descent's two compressions (2-core AMD EPYC, zlib
/// 1.2.13, least of 300 runs, while other builds loaded the machine): two threads cost about 55 µs
/// more than one (starting the second, 18 µs, and hashing its 32 KiB dictionary), which the halved
/// deflate pays back at the standard compression from about 160 KiB (256 KiB: 592 µs against
/// 428 µs; 922 KiB, the whole figure: 2.21 ms against 1.34 ms) and at the fast one (level 1) from
/// about 330 KiB (512 KiB: 700 µs against 532 µs; the figure: 1.24 ms against 0.85 ms).
#define DESCENT_PNG_PARALLEL_MINIMUM 262144

/// Whether `filtered_length` bytes of filtered rows (each row's bytes and its filter byte) are
/// deflated in two halves at zlib `level`, so that a helper thread pays: from
/// DESCENT_PNG_PARALLEL_MINIMUM bytes on, twice that at levels 0 and 1.
static inline int descent_png_deflates_in_two(size_t filtered_length, int level) {
    size_t minimum = level <= 1 ? 2 * (size_t)DESCENT_PNG_PARALLEL_MINIMUM : DESCENT_PNG_PARALLEL_MINIMUM;
    return filtered_length >= minimum;
}

/// A thread the caller keeps running, to which descent_png_write hands the second half of a
/// two-thread deflate (the writer starts no thread of its own): `start(context, task, argument)`
/// has `task(argument)` run there and returns at once; `wait(context)` returns once it has run.
/// A thread started on an idle core can take milliseconds to run on a virtual machine (its
/// virtual CPU must be woken first); one already running takes it at once.
typedef struct descent_png_helper {
    void (*start)(void *context, void (*task)(void *), void *argument);
    void (*wait)(void *context);
    void *context;
} descent_png_helper;

/// The longest error message descent_png_write reports, NUL included.
#define DESCENT_PNG_MESSAGE_CAPACITY 200

/// Encodes `height` rows of `width` 8-bit pixels, `channels` bytes each (3: RGB, 4: RGBA with
/// straight alpha), `stride` bytes apart, as a PNG with an sRGB chunk (the samples are sRGB, as
/// libpng's simplified writer declares too), a pHYs chunk of `pixels_per_metre` in both
/// directions and `chunks` after them, deflated with `deflate` (zlib's default strategy, a 32 KiB
/// window).
///
/// Row filters: none, except that a row identical to the row above is written with the Up filter,
/// which turns it into zeros that zlib encodes in a few bytes. The rows are read where they lie:
/// zlib takes each row's filter byte, then the row itself (or zeros), with no copy of the image.
///
/// Compression: from DESCENT_PNG_PARALLEL_MINIMUM bytes of filtered rows on (twice that at levels 0
/// and 1: descent_png_deflates_in_two), the two halves are deflated apart and joined into one zlib
/// stream (zlib_stream.h), the second on `helper` at the same time as the first, or after it when
/// `helper` is NULL; the bytes depend only on the pixels and `deflate`'s settings, never on the
/// threads or their timing. libpng writes the header and text chunks, and the finished stream as one IDAT chunk through
/// its raw chunk API.
///
/// Returns 0 and fills `output`, or returns -1 with what failed (libpng's, zlib's or this
/// writer's message) in `message` (and nothing to free).
int descent_png_write(
    const uint8_t *pixels, size_t stride, uint32_t width, uint32_t height, int channels,
    uint32_t pixels_per_metre, const descent_png_chunk *chunks, size_t chunk_count,
    descent_deflate_settings deflate, const descent_png_helper *helper, descent_png_output *output,
    char message[DESCENT_PNG_MESSAGE_CAPACITY]);

#endif
