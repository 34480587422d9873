// PNG encoding through libpng's full write API, with its setjmp/longjmp error handling kept inside
// this C target (DESIGN.md §6): every libpng error ends in descent_png_assemble's return value
// and message, so Swift never sees a longjmp.
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
/// RGB image), an image is deflated in two parts of its rows, on two threads when a second one is
/// free, at zlib
/// levels 2–9; at levels 0 and 1, which deflate about twice as fast, from twice as many. Measured
/// on prefixes of the book's Figure 4-10 with the settings of Descent's two compressions (2-core
/// AMD EPYC, zlib 1.2.13, least of 300 runs, while other builds loaded the machine), when the
/// second part still hashed the 32 KiB before it as its dictionary (parts now stand alone, so
/// two threads pay a little earlier than this): two threads cost about 55 µs more than one
/// (starting the second, 18 µs, and that dictionary), which the halved deflate pays back at the
/// standard compression from about 160 KiB (256 KiB: 592 µs against 428 µs; 922 KiB, the whole
/// figure: 2.21 ms against 1.34 ms) and at the fast one (level 1) from about 330 KiB (512 KiB: 700 µs against 532 µs; the figure:
/// 1.24 ms against 0.85 ms).
#define DESCENT_PNG_PARALLEL_MINIMUM 262144

/// Whether `filtered_length` bytes of filtered rows (each row's bytes and its filter byte) are
/// deflated in two parts at zlib `level`, so that a second thread pays: from
/// DESCENT_PNG_PARALLEL_MINIMUM bytes on, twice that at levels 0 and 1.
static inline int descent_png_deflates_in_two(size_t filtered_length, int level) {
    size_t minimum = level <= 1 ? 2 * (size_t)DESCENT_PNG_PARALLEL_MINIMUM : DESCENT_PNG_PARALLEL_MINIMUM;
    return filtered_length >= minimum;
}

/// Consecutive rows of an image deflated as one part of its PNG's zlib stream (raw deflate data,
/// no header, no check value), by descent_png_deflate_rows; descent_png_assemble joins the parts.
typedef struct descent_png_part {
    /// The deflate data, allocated with malloc: descent_png_part_free frees it.
    uint8_t *data;
    size_t length;
    /// The Adler-32 of the part's filtered rows, and how many bytes they are (filter bytes
    /// included), from which the Adler-32 of all the parts is combined.
    uint32_t adler;
    size_t filtered_length;
} descent_png_part;

/// The longest error message the writer reports, NUL included.
#define DESCENT_PNG_MESSAGE_CAPACITY 200

/// Deflates `rows` rows of `width` 8-bit pixels, `channels` bytes each (3: RGB, 4: RGBA with
/// straight alpha), `stride` bytes apart, with `deflate` (zlib's default strategy, a 32 KiB
/// window), as one part of a PNG's image data: the part ends on a byte boundary with a sync flush
/// (an empty stored block) when parts follow, or with the final block when `is_last`.
///
/// Each part stands alone, as if its rows were a whole image: its first row is filtered None and
/// no match reaches back into the part before it. So the parts of an image, cut between rows, can
/// be deflated on separate threads as soon as their own rows are drawn; the cut costs a few
/// hundred bytes (the first rows of a part find no match above them). The bytes depend only on
/// the pixels, the cuts and `deflate`.
///
/// Row filters: none, except that a row identical to the row above (within the part) is written
/// with the Up filter, which turns it into zeros that zlib encodes in a few bytes. The rows are
/// read where they lie: zlib takes each row's filter byte, then the row itself (or zeros), with no
/// copy of the image.
///
/// Returns 0 and fills `part`, or returns -1 with what failed in `message` (and nothing to free).
int descent_png_deflate_rows(
    const uint8_t *pixels, size_t stride, uint32_t width, uint32_t rows, int channels,
    descent_deflate_settings deflate, int is_last, descent_png_part *part,
    char message[DESCENT_PNG_MESSAGE_CAPACITY]);

/// Frees a part's deflate data (nothing when it has none) and empties it.
void descent_png_part_free(descent_png_part *part);

/// A PNG of `width` × `height` pixels, `channels` bytes each, whose image data are `parts` (the
/// rows from top to bottom, deflated by descent_png_deflate_rows at zlib `level`, the last with
/// `is_last`): an sRGB chunk (the samples are sRGB, as libpng's simplified writer declares too), a
/// pHYs chunk of `pixels_per_metre` in both directions and `chunks` after them, then the parts
/// joined into one zlib stream (a header for `level`, the parts, their combined Adler-32) in one
/// IDAT chunk. libpng writes every chunk, through its raw chunk API for the image data.
///
/// Returns 0 and fills `output`, or returns -1 with what failed (libpng's or this writer's
/// message) in `message` (and nothing to free). The parts stay the caller's.
int descent_png_assemble(
    uint32_t width, uint32_t height, int channels, uint32_t pixels_per_metre, const descent_png_chunk *chunks,
    size_t chunk_count, int level, const descent_png_part *parts, size_t part_count, descent_png_output *output,
    char message[DESCENT_PNG_MESSAGE_CAPACITY]);

#endif
