// The libpng full-API writer behind descent_png_deflate_rows and descent_png_assemble; see
// include/descent_png_writer.h.
#include "descent_png_writer.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "zlib_stream.h"

/// The most image data one IDAT chunk carries: 1 GiB, within the 2³¹ − 1 a chunk's length may
/// be. A figure's whole stream fits in one.
#define IDAT_MOST ((size_t)1 << 30)

/// Everything the callbacks reach. It lives on the heap: a local variable of the function that
/// calls setjmp, changed before the longjmp, would have no defined value after it (C11 §7.13.2.1).
typedef struct writer_state {
    uint8_t *bytes;
    size_t size;
    size_t capacity;
    char *message;
} writer_state;

static void append(png_structp png, png_bytep data, size_t length) {
    writer_state *state = png_get_io_ptr(png);
    if (length > state->capacity - state->size) {
        size_t capacity = state->capacity;
        while (length > capacity - state->size) {
            if (capacity > SIZE_MAX / 2) png_error(png, "the PNG does not fit in memory");
            capacity *= 2;
        }
        uint8_t *grown = realloc(state->bytes, capacity);
        if (grown == NULL) png_error(png, "out of memory for the PNG");
        state->bytes = grown;
        state->capacity = capacity;
    }
    memcpy(state->bytes + state->size, data, length);
    state->size += length;
}

static void flush(png_structp png) { (void)png; }

static void fail(png_structp png, png_const_charp text) {
    writer_state *state = png_get_error_ptr(png);
    strncpy(state->message, text, DESCENT_PNG_MESSAGE_CAPACITY - 1);
    state->message[DESCENT_PNG_MESSAGE_CAPACITY - 1] = 0;
    png_longjmp(png, 1);
}

static void ignore_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

/// Rows as the IDAT stream holds them before compression, read from the caller's pixels where
/// they lie: per row a filter-type byte, then the row. Filter None (0), except a row identical to
/// the row above: Up (2), which leaves it all zeros.
typedef struct filtered_rows {
    const uint8_t *pixels;
    size_t stride;
    size_t row_bytes;
    /// Each row's filter type, chosen once.
    const uint8_t *filters;
} filtered_rows;

/// What an Up row holds, handed to zlib this many bytes at a time.
static const uint8_t zeros[4096];

/// The `descent_deflate_input` piece of the filtered rows at `offset`: a filter byte, or the rest
/// of a row from `offset` on (of an Up row, zeros).
static size_t filtered_piece(const void *source, size_t offset, const uint8_t **bytes) {
    const filtered_rows *rows = source;
    size_t row = offset / (rows->row_bytes + 1);
    size_t column = offset % (rows->row_bytes + 1);
    if (column == 0) {
        *bytes = rows->filters + row;
        return 1;
    }
    size_t left = rows->row_bytes + 1 - column;
    if (rows->filters[row] == PNG_FILTER_VALUE_UP) {
        *bytes = zeros;
        return left < sizeof zeros ? left : sizeof zeros;
    }
    *bytes = rows->pixels + row * rows->stride + (column - 1);
    return left;
}

/// Each row's filter type: None, or Up for a row identical to the row above (the first row has
/// none above it). Returns NULL when out of memory.
static uint8_t *choose_filters(const uint8_t *pixels, size_t stride, uint32_t height, size_t row_bytes) {
    uint8_t *filters = malloc(height);
    if (filters == NULL) return NULL;
    for (uint32_t y = 0; y < height; y++) {
        const uint8_t *row = pixels + (size_t)y * stride;
        int repeated = y > 0 && memcmp(row, row - stride, row_bytes) == 0;
        filters[y] = repeated ? PNG_FILTER_VALUE_UP : PNG_FILTER_VALUE_NONE;
    }
    return filters;
}

int descent_png_deflate_rows(
    const uint8_t *pixels, size_t stride, uint32_t width, uint32_t rows, int channels,
    descent_deflate_settings deflate, int is_last, descent_png_part *part,
    char message[DESCENT_PNG_MESSAGE_CAPACITY]) {
    message[0] = 0;
    memset(part, 0, sizeof *part);
    size_t row_bytes = (size_t)width * (size_t)channels;
    if (width == 0 || rows == 0 || row_bytes + 1 > SIZE_MAX / rows) {
        strcpy(message, "the PNG does not fit in memory");
        return -1;
    }
    uint8_t *filters = choose_filters(pixels, stride, rows, row_bytes);
    if (filters == NULL) {
        strcpy(message, "out of memory for the PNG");
        return -1;
    }
    filtered_rows source = {pixels, stride, row_bytes, filters};
    descent_deflate_input input = {&source, (row_bytes + 1) * rows, filtered_piece};
    int status = descent_zlib_deflate_part(input, deflate, is_last, part, message, DESCENT_PNG_MESSAGE_CAPACITY);
    free(filters);
    return status;
}

void descent_png_part_free(descent_png_part *part) {
    free(part->data);
    memset(part, 0, sizeof *part);
}

int descent_png_assemble(
    uint32_t width, uint32_t height, int channels, uint32_t pixels_per_metre, const descent_png_chunk *chunks,
    size_t chunk_count, int level, const descent_png_part *parts, size_t part_count, descent_png_output *output,
    char message[DESCENT_PNG_MESSAGE_CAPACITY]) {
    message[0] = 0;
    uint8_t *deflated = NULL;
    size_t deflated_size = 0;
    if (descent_zlib_join(parts, part_count, level, &deflated, &deflated_size, message, DESCENT_PNG_MESSAGE_CAPACITY)
        != 0) {
        return -1;
    }
    writer_state *state = calloc(1, sizeof *state);
    if (state == NULL) {
        free(deflated);
        strcpy(message, "out of memory for the PNG");
        return -1;
    }
    state->message = message;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, fail, ignore_warning);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        free(state);
        free(deflated);
        strcpy(message, "libpng could not start");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(state->bytes);
        free(state);
        free(deflated);
        return -1;
    }
    // The whole file: the image data, its chunks' framing, the header chunks and the text.
    state->capacity = deflated_size + deflated_size / IDAT_MOST * 12 + 1024;
    for (size_t index = 0; index < chunk_count; index++) state->capacity += chunks[index].length + 12;
    state->bytes = malloc(state->capacity);
    if (state->bytes == NULL) png_error(png, "out of memory for the PNG");
    png_set_write_fn(png, state, append, flush);
    png_set_IHDR(
        png, info, width, height, 8, channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
        PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    for (size_t index = 0; index < chunk_count; index++) {
        png_byte type[5] = {0};
        memcpy(type, chunks[index].type, 4);
        png_write_chunk(png, type, chunks[index].data, chunks[index].length);
    }
    static const png_byte idat[5] = "IDAT";
    for (size_t offset = 0; offset < deflated_size; offset += IDAT_MOST) {
        size_t left = deflated_size - offset;
        png_write_chunk(png, idat, deflated + offset, left < IDAT_MOST ? left : IDAT_MOST);
    }
    static const png_byte iend[5] = "IEND";
    png_write_chunk(png, iend, NULL, 0);
    png_destroy_write_struct(&png, &info);
    free(deflated);
    output->bytes = state->bytes;
    output->size = state->size;
    free(state);
    return 0;
}
