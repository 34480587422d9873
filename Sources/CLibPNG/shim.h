// libpng 1.6. Reading goes through its simplified API (png_image_*), which needs no setjmp error
// handling; writing goes through the CPNGWriter target, which keeps libpng's setjmp in C.
#include <png.h>

// PNG_FORMAT_RGBA is a compound macro, which Swift does not import.
static const png_uint_32 descent_png_format_rgba = PNG_FORMAT_RGBA;
