// libpng 1.6 through its simplified API (png_image_*), which needs no setjmp error handling.
#include <png.h>

// PNG_FORMAT_RGBA is a compound macro, which Swift does not import.
static const png_uint_32 descent_png_format_rgba = PNG_FORMAT_RGBA;
static const png_uint_32 descent_png_format_rgb = PNG_FORMAT_RGB;
