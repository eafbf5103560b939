/* Charset sniffing before decoding: BOM, WHATWG labels, <meta> prescan. */
#ifndef WN_SNIFF_H
#define WN_SNIFF_H

#include <stddef.h>

/* The iconv name of the encoding a WHATWG label (case-insensitive, spaces
 * trimmed) stands for, e.g. "gb2312" -> "GB18030", "latin1" -> "WINDOWS-1252";
 * NULL for an unknown label. Also takes the names libuchardet reports. */
const char *wn_charset_from_label(const char *label, size_t len);

/* "UTF-8", "UTF-16LE" or "UTF-16BE" when bytes start with that BOM (and
 * *bom_len gets its length), else NULL. */
const char *wn_sniff_bom(const char *bytes, size_t len, size_t *bom_len);

/* The charset declared by <meta charset> or <meta http-equiv=Content-Type>
 * in the first bytes of the page, as a canonical iconv name, or NULL. A
 * declared UTF-16 means UTF-8 (the bytes would have had a BOM otherwise). */
const char *wn_sniff_meta(const char *bytes, size_t len);

#endif
