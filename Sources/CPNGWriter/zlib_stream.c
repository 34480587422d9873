// A zlib stream deflated in two halves on two threads, pigz-style (Mark Adler's parallel gzip:
// pieces deflated apart, each primed with the 32 KiB before it, joined at sync-flush boundaries).
// See zlib_stream.h for the contract.
#include "zlib_stream.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/// Deflate's window: how far back a match may reach, so how much of the first half the second
/// half's dictionary holds.
#define WINDOW_SIZE ((size_t)32768)

/// The most input or output handed to one deflate call: zlib counts them in 32-bit `uInt`s.
#define MOST_PER_CALL ((size_t)1 << 30)

/// The memory of one deflate stream (its state, window, hash chains and pending output: about
/// 262 KiB at a 32 KiB window and zlib's default memory level), taken by zlib's allocations one
/// after the other and kept for the next stream: fresh, it cost 45 µs of page faults a stream,
/// more than a whole small image takes to deflate. Larger needs fall back to malloc.
#define ARENA_SIZE ((size_t)320 * 1024)

/// Two arenas kept between images, one per piece; an image being encoded meanwhile on another
/// thread takes fresh ones (and keeps them if the slots are empty when it ends).
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

/// One piece of the input, deflated as raw deflate data (no header, no check value).
typedef struct deflate_part {
    const descent_deflate_input *input;
    /// Where the piece begins in `input`, and how many bytes it has.
    size_t start;
    size_t length;
    /// The input before this piece, up to one window of it (none for the first piece), gathered
    /// into one buffer.
    const uint8_t *dictionary;
    size_t dictionary_length;
    descent_deflate_settings settings;
    /// Z_SYNC_FLUSH for a piece that others follow (it ends on a byte boundary, with no final
    /// block), Z_FINISH for the last.
    int flush;
    /// Results: the deflate data (malloc'd), its length, the Adler-32 of `input`, and NULL or
    /// what went wrong.
    uint8_t *output;
    size_t output_length;
    uLong adler;
    const char *error;
} deflate_part;

/// Makes room for at least one more byte of output: hands deflate the rest of the buffer (a call
/// takes at most ``MOST_PER_CALL``), doubling it when it is full.
static int grow(deflate_part *part, z_stream *stream, size_t *capacity) {
    if (stream->avail_out > 0) return 1;
    size_t written = (size_t)(stream->next_out - part->output);
    if (written == *capacity) {
        if (*capacity > SIZE_MAX / 2) return 0;
        uint8_t *grown = realloc(part->output, *capacity * 2);
        if (grown == NULL) return 0;
        part->output = grown;
        *capacity *= 2;
        stream->next_out = grown + written;
    }
    size_t room = *capacity - written;
    stream->avail_out = (uInt)(room < MOST_PER_CALL ? room : MOST_PER_CALL);
    return 1;
}

/// Points `*bytes` at the input from `offset` on and returns how many bytes lie there, at most
/// `end - offset` and ``MOST_PER_CALL``.
static size_t input_piece(const descent_deflate_input *input, size_t offset, size_t end, const uint8_t **bytes) {
    size_t length = input->piece(input->source, offset, bytes);
    if (length > end - offset) length = end - offset;
    return length < MOST_PER_CALL ? length : MOST_PER_CALL;
}

/// Deflates one piece (the helper's task for the second, the calling thread's for the first).
static void deflate_part_run(void *argument) {
    deflate_part *part = argument;
    size_t end = part->start + part->length;
    part->adler = adler32(0, NULL, 0);
    for (size_t offset = part->start; offset < end;) {
        const uint8_t *bytes;
        size_t length = input_piece(part->input, offset, end, &bytes);
        part->adler = adler32_z(part->adler, bytes, length);
        offset += length;
    }
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    arena memory = {take_arena(), 0};
    stream.zalloc = arena_allocate;
    stream.zfree = arena_free;
    stream.opaque = &memory;
    // windowBits −15: raw deflate, as the pieces are joined under one header written apart.
    const descent_deflate_settings *settings = &part->settings;
    int tuned = settings->good_length != 0 || settings->max_lazy != 0 || settings->nice_length != 0
        || settings->max_chain != 0;
    if (deflateInit2(&stream, settings->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK
        || (tuned
            && deflateTune(
                   &stream, settings->good_length, settings->max_lazy, settings->nice_length, settings->max_chain)
                != Z_OK)) {
        deflateEnd(&stream);
        keep_arena(memory.base);
        part->error = "zlib could not start";
        return;
    }
    if (part->dictionary_length > 0
        && deflateSetDictionary(&stream, part->dictionary, (uInt)part->dictionary_length) != Z_OK) {
        deflateEnd(&stream);
        keep_arena(memory.base);
        part->error = "zlib refused the dictionary";
        return;
    }
    // An eighth of the input, doubled whenever deflate fills it: the gallery's figures deflate to
    // 1–6 % of their filtered rows. Room for the worst case (deflateBound, a little more than the
    // input) would reserve megabytes that are never written, yet move the heap's top across fresh
    // (huge) pages that the kernel must zero.
    size_t capacity = part->length / 8 + 4096;
    part->output = malloc(capacity);
    if (part->output == NULL) {
        deflateEnd(&stream);
        keep_arena(memory.base);
        part->error = "out of memory for the PNG";
        return;
    }
    stream.next_out = part->output;
    stream.avail_out = (uInt)(capacity < MOST_PER_CALL ? capacity : MOST_PER_CALL);
    size_t given = part->start;
    for (;;) {
        if (stream.avail_in == 0 && given < end) {
            const uint8_t *bytes;
            size_t take = input_piece(part->input, given, end, &bytes);
            stream.next_in = (Bytef *)bytes;
            stream.avail_in = (uInt)take;
            given += take;
        }
        int flush = given == end ? part->flush : Z_NO_FLUSH;
        if (!grow(part, &stream, &capacity)) {
            part->error = "out of memory for the PNG";
            break;
        }
        int status = deflate(&stream, flush);
        if (status == Z_STREAM_END) break;
        if (status != Z_OK && status != Z_BUF_ERROR) {
            part->error = "zlib could not deflate the rows";
            break;
        }
        // A sync flush is complete once deflate returns with output space to spare.
        if (flush == Z_SYNC_FLUSH && stream.avail_in == 0 && stream.avail_out > 0) break;
    }
    part->output_length = (size_t)(stream.next_out - part->output);
    deflateEnd(&stream);
    keep_arena(memory.base);
    if (part->error != NULL) {
        free(part->output);
        part->output = NULL;
    }
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

int descent_zlib_deflate(
    descent_deflate_input input, descent_deflate_settings settings, const descent_png_helper *helper,
    uint8_t **stream, size_t *length, char *message, size_t capacity) {
    deflate_part parts[2];
    memset(parts, 0, sizeof parts);
    size_t count = descent_png_deflates_in_two(input.length, settings.level) ? 2 : 1;
    size_t cut = count == 2 ? input.length / 2 : input.length;
    parts[0].input = &input;
    parts[0].length = cut;
    parts[0].settings = settings;
    parts[0].flush = count == 2 ? Z_SYNC_FLUSH : Z_FINISH;
    // The 32 KiB before the cut, gathered from its pieces (a few rows).
    uint8_t *dictionary = NULL;
    if (count == 2) {
        size_t dictionary_start = cut > WINDOW_SIZE ? cut - WINDOW_SIZE : 0;
        dictionary = malloc(cut - dictionary_start);
        if (dictionary == NULL) {
            snprintf(message, capacity, "out of memory for the PNG");
            return -1;
        }
        for (size_t offset = dictionary_start; offset < cut;) {
            const uint8_t *bytes;
            size_t piece = input_piece(&input, offset, cut, &bytes);
            memcpy(dictionary + (offset - dictionary_start), bytes, piece);
            offset += piece;
        }
        parts[1].input = &input;
        parts[1].start = cut;
        parts[1].length = input.length - cut;
        parts[1].dictionary = dictionary;
        parts[1].dictionary_length = cut - dictionary_start;
        parts[1].settings = settings;
        parts[1].flush = Z_FINISH;
    }
    int helped = count == 2 && helper != NULL;
    if (helped) helper->start(helper->context, deflate_part_run, &parts[1]);
    deflate_part_run(&parts[0]);
    if (helped) {
        helper->wait(helper->context);
    } else if (count == 2) {
        // No helper: the same pieces one after the other, the same bytes.
        deflate_part_run(&parts[1]);
    }
    free(dictionary);
    const char *error = parts[0].error != NULL ? parts[0].error : parts[1].error;
    size_t total = 2 + 4;
    for (size_t index = 0; index < count; index++) total += parts[index].output_length;
    uint8_t *bytes = error == NULL ? malloc(total) : NULL;
    if (error == NULL && bytes == NULL) error = "out of memory for the PNG";
    if (error != NULL) {
        snprintf(message, capacity, "%s", error);
        for (size_t index = 0; index < count; index++) free(parts[index].output);
        free(bytes);
        return -1;
    }
    write_header(bytes, settings.level);
    size_t offset = 2;
    uLong adler = parts[0].adler;
    for (size_t index = 0; index < count; index++) {
        memcpy(bytes + offset, parts[index].output, parts[index].output_length);
        offset += parts[index].output_length;
        if (index > 0) adler = adler32_combine(adler, parts[index].adler, (z_off_t)parts[index].length);
        free(parts[index].output);
    }
    // The Adler-32 of all the input, most significant byte first.
    for (int shift = 24; shift >= 0; shift -= 8) bytes[offset++] = (uint8_t)(adler >> shift);
    *stream = bytes;
    *length = total;
    return 0;
}
