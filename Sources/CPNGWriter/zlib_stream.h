// Parts of a zlib stream (RFC 1950) deflated apart and joined, pigz-style; see zlib_stream.c.
#ifndef DESCENT_ZLIB_STREAM_H
#define DESCENT_ZLIB_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "descent_png_writer.h"

/// Bytes to deflate that need not lie in one buffer (a PNG's rows with their filter bytes, read
/// from the caller's pixels): `piece(source, offset, &bytes)` points `bytes` at the input from
/// `offset` on and returns how many bytes lie there one after the other, at least 1 for every
/// `offset` below `length`. It only reads, so parts of one image can be deflated on separate
/// threads.
typedef struct descent_deflate_input {
    const void *source;
    size_t length;
    size_t (*piece)(const void *source, size_t offset, const uint8_t **bytes);
} descent_deflate_input;

/// Deflates `input` with `settings` (zlib's default strategy, a 32 KiB window) as raw deflate
/// data, one part of a zlib stream: ending in a sync flush (an empty stored block that brings it
/// to a byte boundary) unless `is_last`, then in the final block. The input reaches zlib piece by
/// piece, which changes no byte at levels 1–9 (level 0's stored blocks would follow the pieces; no
/// setting of Descent's uses it): zlib consumes it only while a whole longest match (258 bytes)
/// lies ahead, whatever arrived when, and its rolling hash of three bytes forgets what came
/// before them (checked against the one-buffer encoder's bytes by `PNGTwoThreadDeflateTests`).
///
/// Returns 0 with the data (malloc'd) and the input's Adler-32 and length in `*part`, or -1 with
/// a message in `message` (`capacity` bytes) and nothing to free.
int descent_zlib_deflate_part(
    descent_deflate_input input, descent_deflate_settings settings, int is_last, descent_png_part *part,
    char *message, size_t capacity);

/// Joins `parts` (deflated by descent_zlib_deflate_part at zlib `level`, in order, the last with
/// `is_last`) into one zlib stream, as pigz does: the 2-byte header zlib writes for `level`, the
/// parts, the Adler-32 of all their input (`adler32_combine`).
///
/// Returns 0 with the stream in `*stream` (malloc'd, the caller frees it) and its length in
/// `*length`, or -1 with a message in `message` (`capacity` bytes) and nothing to free.
int descent_zlib_join(
    const descent_png_part *parts, size_t count, int level, uint8_t **stream, size_t *length, char *message,
    size_t capacity);

#endif
