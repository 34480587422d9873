// libpng 1.6 through its simplified API (png_image_*), which needs no setjmp error handling.
#include <png.h>

// PNG_FORMAT_RGBA is a compound macro, which Swift does not import.
static const png_uint_32 descent_png_format_rgba = PNG_FORMAT_RGBA;
static const png_uint_32 descent_png_format_rgb = PNG_FORMAT_RGB;

// An upper bound on the PNG stream png_image_write_to_memory makes of `image` (a compound macro
// too). Writing into a buffer this large takes one compression; asking for the size first takes two.
static inline png_alloc_size_t descent_png_size_max(const png_image *image) {
    return PNG_IMAGE_PNG_SIZE_MAX(*image);
}
