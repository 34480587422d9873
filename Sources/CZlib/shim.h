// zlib, for reading gzip'd IDX files (inflateInit2 with gzip decoding).
#include <zlib.h>

// inflateInit2 is a macro; Swift imports only functions.
static inline int descent_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}
