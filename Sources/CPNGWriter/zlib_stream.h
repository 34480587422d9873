// A zlib stream (RFC 1950) deflated in two halves at once, pigz-style; see zlib_stream.c.
#ifndef DESCENT_ZLIB_STREAM_H
#define DESCENT_ZLIB_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "descent_png_writer.h"

/// Bytes to deflate that need not lie in one buffer (a PNG's rows with their filter bytes, read
/// from the caller's pixels): `piece(source, offset, &bytes)` points `bytes` at the input from
/// `offset` on and returns how many bytes lie there one after the other, at least 1 for every
/// `offset` below `length`. Both threads call it, so it only reads.
typedef struct descent_deflate_input {
    const void *source;
    size_t length;
    size_t (*piece)(const void *source, size_t offset, const uint8_t **bytes);
} descent_deflate_input;

/// Deflates `input` with `settings` (zlib's default strategy, a 32 KiB window) into one zlib
/// stream: the 2-byte header, the deflate data, the Adler-32 of `input`. The input reaches zlib
/// piece by piece, which changes no byte of the stream at levels 1–9 (level 0's stored blocks would
/// follow the pieces; no setting of Descent's uses it): zlib consumes it only while a whole
/// longest match (258 bytes) lies ahead, whatever arrived when, and its rolling hash of three
/// bytes forgets what came before them (checked against the one-buffer encoder's bytes by
/// `PNGTwoThreadDeflateTests`).
///
/// From ``DESCENT_PNG_PARALLEL_MINIMUM`` bytes on (twice that at levels 0 and 1), the first half
/// and the second half of `input` are deflated apart, the second on `helper` at the same time as
/// the first (or after it, without one), as pigz does: the first ends in a sync flush (an empty stored block that brings it to a
/// byte boundary), the second starts with the 32 KiB of input before it as its dictionary, so it
/// may refer back across the cut, and ends the stream; the Adler-32 of the two is combined
/// (`adler32_combine`). The bytes depend only on `input` and `settings`, never on the threads'
/// timing or the number of cores; the stream is a few bytes longer than one deflate's (the flush
/// marker, a block boundary).
///
/// Returns 0 with the stream in `*stream` (malloc'd, the caller frees it) and its length in
/// `*length`, or -1 with a message in `message` (`capacity` bytes) and nothing to free.
int descent_zlib_deflate(
    descent_deflate_input input, descent_deflate_settings settings, const descent_png_helper *helper,
    uint8_t **stream, size_t *length, char *message, size_t capacity);

#endif
