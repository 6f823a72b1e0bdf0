#ifndef GOODAIR_CZLIB_SHIM_H
#define GOODAIR_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 and inflateInit2 are macros in zlib.h; Swift cannot call macros.
static inline int goodair_deflate_init_gzip(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

static inline int goodair_inflate_init_gzip(z_streamp strm) {
    return inflateInit2(strm, 15 + 32);
}
#endif
