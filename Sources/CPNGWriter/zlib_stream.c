// A zlib stream deflated in parts, pigz-style (Mark Adler's parallel gzip: pieces deflated apart,
// joined at sync-flush boundaries), so that a PNG's parts can be deflated on separate threads.
// See zlib_stream.h for the contract.
#include "zlib_stream.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/// The most input or output handed to one deflate call: zlib counts them in 32-bit `uInt`s.
#define MOST_PER_CALL ((size_t)1 << 30)

/// The memory of one deflate stream (its state, window, hash chains and pending output: about
/// 262 KiB at a 32 KiB window and zlib's default memory level), taken by zlib's allocations one
/// after the other and kept for the next stream: fresh, it cost 45 µs of page faults a stream,
/// more than a whole small image takes to deflate. Larger needs fall back to malloc.
#define ARENA_SIZE ((size_t)320 * 1024)

/// Two arenas kept between parts, one per thread deflating at once; a third part deflated
/// meanwhile takes a fresh one (and keeps it if a slot is empty when it ends).
static _Atomic(uint8_t *) kept_arenas[2];

typedef struct arena {
    uint8_t *base;
    size_t used;
} arena;

static voidpf arena_allocate(voidpf opaque, uInt items, uInt size) {
    arena *memory = opaque;
    size_t length = ((size_t)items * size + 63) & ~(size_t)63;
    if (memory->base == NULL || length > ARENA_SIZE - memory->used) return malloc((size_t)items * size);
    uint8_t *block = memory->base + memory->used;
    memory->used += length;
    return block;
}

static void arena_free(voidpf opaque, voidpf address) {
    arena *memory = opaque;
    uint8_t *block = address;
    if (memory->base != NULL && block >= memory->base && block < memory->base + ARENA_SIZE) return;
    free(address);
}

/// An arena from the kept ones, or a new one (NULL when out of memory: zlib then mallocs).
static uint8_t *take_arena(void) {
    for (int slot = 0; slot < 2; slot++) {
        uint8_t *kept = atomic_exchange(&kept_arenas[slot], NULL);
        if (kept != NULL) return kept;
    }
    return malloc(ARENA_SIZE);
}

/// Keeps `base` for the next image if a slot is free, else frees it.
static void keep_arena(uint8_t *base) {
    for (int slot = 0; slot < 2 && base != NULL; slot++) {
        uint8_t *empty = NULL;
        if (atomic_compare_exchange_strong(&kept_arenas[slot], &empty, base)) return;
    }
    free(base);
}

/// Makes room for at least one more byte of output in `*output` (`*capacity` bytes): hands
/// deflate the rest of the buffer (a call takes at most ``MOST_PER_CALL``), doubling it when it is
/// full.
static int grow(uint8_t **output, z_stream *stream, size_t *capacity) {
    if (stream->avail_out > 0) return 1;
    size_t written = (size_t)(stream->next_out - *output);
    if (written == *capacity) {
        if (*capacity > SIZE_MAX / 2) return 0;
        uint8_t *grown = realloc(*output, *capacity * 2);
        if (grown == NULL) return 0;
        *output = grown;
        *capacity *= 2;
        stream->next_out = grown + written;
    }
    size_t room = *capacity - written;
    stream->avail_out = (uInt)(room < MOST_PER_CALL ? room : MOST_PER_CALL);
    return 1;
}

/// Points `*bytes` at the input from `offset` on and returns how many bytes lie there, at most
/// ``MOST_PER_CALL``.
static size_t input_piece(const descent_deflate_input *input, size_t offset, const uint8_t **bytes) {
    size_t length = input->piece(input->source, offset, bytes);
    if (length > input->length - offset) length = input->length - offset;
    return length < MOST_PER_CALL ? length : MOST_PER_CALL;
}

/// Deflates `input` into `*output` (malloc'd here), returning NULL or what went wrong.
static const char *deflate_input(
    const descent_deflate_input *input, const descent_deflate_settings *settings, int is_last, uint8_t **output,
    size_t *output_length, arena *memory) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    stream.zalloc = arena_allocate;
    stream.zfree = arena_free;
    stream.opaque = memory;
    // windowBits −15: raw deflate, as the parts are joined under one header written apart.
    int tuned = settings->good_length != 0 || settings->max_lazy != 0 || settings->nice_length != 0
        || settings->max_chain != 0;
    if (deflateInit2(&stream, settings->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK
        || (tuned
            && deflateTune(
                   &stream, settings->good_length, settings->max_lazy, settings->nice_length, settings->max_chain)
                != Z_OK)) {
        deflateEnd(&stream);
        return "zlib could not start";
    }
    // An eighth of the input, doubled whenever deflate fills it: the gallery's figures deflate to
    // 1–6 % of their filtered rows. Room for the worst case (deflateBound, a little more than the
    // input) would reserve megabytes that are never written, yet move the heap's top across fresh
    // (huge) pages that the kernel must zero.
    size_t capacity = input->length / 8 + 4096;
    *output = malloc(capacity);
    if (*output == NULL) {
        deflateEnd(&stream);
        return "out of memory for the PNG";
    }
    stream.next_out = *output;
    stream.avail_out = (uInt)(capacity < MOST_PER_CALL ? capacity : MOST_PER_CALL);
    int last_flush = is_last ? Z_FINISH : Z_SYNC_FLUSH;
    const char *error = NULL;
    size_t given = 0;
    for (;;) {
        if (stream.avail_in == 0 && given < input->length) {
            const uint8_t *bytes;
            size_t take = input_piece(input, given, &bytes);
            stream.next_in = (Bytef *)bytes;
            stream.avail_in = (uInt)take;
            given += take;
        }
        int flush = given == input->length ? last_flush : Z_NO_FLUSH;
        if (!grow(output, &stream, &capacity)) {
            error = "out of memory for the PNG";
            break;
        }
        int status = deflate(&stream, flush);
        if (status == Z_STREAM_END) break;
        if (status != Z_OK && status != Z_BUF_ERROR) {
            error = "zlib could not deflate the rows";
            break;
        }
        // A sync flush is complete once deflate returns with output space to spare.
        if (flush == Z_SYNC_FLUSH && stream.avail_in == 0 && stream.avail_out > 0) break;
    }
    *output_length = (size_t)(stream.next_out - *output);
    deflateEnd(&stream);
    if (error != NULL) {
        free(*output);
        *output = NULL;
    }
    return error;
}

int descent_zlib_deflate_part(
    descent_deflate_input input, descent_deflate_settings settings, int is_last, descent_png_part *part,
    char *message, size_t capacity) {
    uLong adler = adler32(0, NULL, 0);
    for (size_t offset = 0; offset < input.length;) {
        const uint8_t *bytes;
        size_t length = input_piece(&input, offset, &bytes);
        adler = adler32_z(adler, bytes, length);
        offset += length;
    }
    arena memory = {take_arena(), 0};
    uint8_t *data = NULL;
    size_t length = 0;
    const char *error = deflate_input(&input, &settings, is_last, &data, &length, &memory);
    keep_arena(memory.base);
    if (error != NULL) {
        snprintf(message, capacity, "%s", error);
        return -1;
    }
    part->data = data;
    part->length = length;
    part->adler = (uint32_t)adler;
    part->filtered_length = input.length;
    return 0;
}

/// The zlib header (RFC 1950 §2.2) that zlib itself writes for `level` with the default strategy
/// and a 32 KiB window: CMF 0x78, FLEVEL from the level (zlib's default, -1, is its level 6),
/// FCHECK making the pair a multiple of 31.
static void write_header(uint8_t header[2], int level) {
    if (level == Z_DEFAULT_COMPRESSION) level = 6;
    unsigned flags = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3;
    unsigned value = (0x78u << 8) | (flags << 6);
    value += 31 - value % 31;
    header[0] = (uint8_t)(value >> 8);
    header[1] = (uint8_t)value;
}

int descent_zlib_join(
    const descent_png_part *parts, size_t count, int level, uint8_t **stream, size_t *length, char *message,
    size_t capacity) {
    size_t total = 2 + 4;
    for (size_t index = 0; index < count; index++) {
        if (parts[index].length > SIZE_MAX - total) {
            snprintf(message, capacity, "the PNG does not fit in memory");
            return -1;
        }
        total += parts[index].length;
    }
    uint8_t *bytes = malloc(total);
    if (bytes == NULL) {
        snprintf(message, capacity, "out of memory for the PNG");
        return -1;
    }
    write_header(bytes, level);
    size_t offset = 2;
    uLong adler = adler32(0, NULL, 0);
    for (size_t index = 0; index < count; index++) {
        if (parts[index].length > 0) memcpy(bytes + offset, parts[index].data, parts[index].length);
        offset += parts[index].length;
        adler = adler32_combine(adler, parts[index].adler, (z_off_t)parts[index].filtered_length);
    }
    // The Adler-32 of all the input, most significant byte first.
    for (int shift = 24; shift >= 0; shift -= 8) bytes[offset++] = (uint8_t)(adler >> shift);
    *stream = bytes;
    *length = total;
    return 0;
}
