/* Refusing input that is not a page: binary files by their magic bytes,
 * and bytes no text encoding produces. */
#ifndef WN_MAGIC_H
#define WN_MAGIC_H

#include <stddef.h>

/* NULL when bytes may be a page (text in some encoding), else a short
 * description of what they are, in static storage: "PNG image",
 * "gzip-compressed data", "binary data". A BOM, a UTF-16/32 pattern of zero
 * bytes or a UTF-16/32 charset_hint explain zero and control bytes; magic
 * bytes are refused whatever the hint. */
const char *wn_sniff_not_text(const char *bytes, size_t len, const char *charset_hint);

#endif
