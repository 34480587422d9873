// The libpng full-API writer behind descent_png_write; see include/descent_png_writer.h.
#include "descent_png_writer.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

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

int descent_png_write(
    const uint8_t *pixels, size_t stride, uint32_t width, uint32_t height, int channels,
    uint32_t pixels_per_metre, const descent_png_chunk *chunks, size_t chunk_count,
    int zlib_level, descent_png_output *output,
    char message[DESCENT_PNG_MESSAGE_CAPACITY]) {
    message[0] = 0;
    writer_state *state = calloc(1, sizeof *state);
    if (state == NULL) {
        strcpy(message, "out of memory for the PNG");
        return -1;
    }
    state->message = message;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, fail, ignore_warning);
    png_infop info = png == NULL ? NULL : png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        free(state);
        strcpy(message, "libpng could not start");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(state->bytes);
        free(state);
        return -1;
    }
    // A first guess at the size: an eighth of the raw pixels (the gallery's figures compress
    // 30- to 60-fold); the buffer doubles as needed.
    state->capacity = (size_t)width * height * (size_t)channels / 8 + 1024;
    state->bytes = malloc(state->capacity);
    if (state->bytes == NULL) png_error(png, "out of memory for the PNG");
    png_set_write_fn(png, state, append, flush);
    png_set_IHDR(
        png, info, width, height, 8, channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
        PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    // Both filters are named before the first row, so that libpng keeps the row above (the Up
    // filter needs it); each row then names the one it uses.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE | PNG_FILTER_UP);
    png_set_compression_level(png, zlib_level);
    // Set explicitly: with any filter but None enabled, libpng would choose Z_FILTERED, which
    // makes the gallery's figures 1–3 % larger.
    png_set_compression_strategy(png, Z_DEFAULT_STRATEGY);
    png_write_info(png, info);
    for (size_t index = 0; index < chunk_count; index++) {
        png_byte type[5] = {0};
        memcpy(type, chunks[index].type, 4);
        png_write_chunk(png, type, chunks[index].data, chunks[index].length);
    }
    size_t row_bytes = (size_t)width * (size_t)channels;
    for (uint32_t y = 0; y < height; y++) {
        const uint8_t *row = pixels + (size_t)y * stride;
        // The first row keeps both filters (libpng has not allocated the row above before it); the
        // two agree on it, as the row above the first is zeros.
        if (y > 0) {
            int repeats = memcmp(row, row - stride, row_bytes) == 0;
            png_set_filter(png, PNG_FILTER_TYPE_BASE, repeats ? PNG_FILTER_UP : PNG_FILTER_NONE);
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    output->bytes = state->bytes;
    output->size = state->size;
    free(state);
    return 0;
}
