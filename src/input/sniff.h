/* Charset sniffing before decoding: BOM, WHATWG labels, <meta> prescan. */
#ifndef WN_SNIFF_H
#define WN_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* The iconv name of the encoding a WHATWG label (case-insensitive, spaces
 * trimmed) stands for, e.g. "gb2312" -> "GB18030", "latin1" -> "WINDOWS-1252";
 * NULL for an unknown label. Also takes the names libuchardet reports. */
const char *wn_charset_from_label(const char *label, size_t len);

/* A transport's charset hint: a label ("gbk") or a whole HTTP Content-Type
 * value ("text/html; charset=ISO-8859-1"), whose charset parameter is
 * read. Returns false for an unknown label (WN_ERR_CHARSET); true with
 * *charset the iconv name, or NULL when the hint is empty or a Content-Type
 * without a charset parameter ("text/html"). */
bool wn_charset_from_hint(const char *hint, const char **charset);

/* Whether an iconv name is windows-1252 (what the labels iso-8859-1,
 * latin1 and us-ascii stand for) or ISO-8859-15. */
bool wn_charset_is_latin1(const char *charset);

/* "UTF-8", "UTF-16LE" or "UTF-16BE" when bytes start with that BOM (and
 * *bom_len gets its length), else NULL. FF FE 00 00 and 00 00 FE FF
 * followed by UTF-32 text (wn_sniff_wide()) are "UTF-32LE" / "UTF-32BE". */
const char *wn_sniff_bom(const char *bytes, size_t len, size_t *bom_len);

/* The charset declared by <meta charset> or <meta http-equiv=Content-Type>
 * in the first bytes of the page, as a canonical iconv name, or NULL. A
 * declared UTF-16 or UTF-32 means UTF-8 (the prescan could not have read
 * it in those encodings). */
const char *wn_sniff_meta(const char *bytes, size_t len);

/* "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when the first bytes
 * (no BOM) show the zero bytes those encodings put beside ASCII characters:
 * "<\0h\0t\0" is UTF-16LE. NULL when no such pattern is there. */
const char *wn_sniff_wide(const char *bytes, size_t len);

/* True when the first bytes hold ASCII tags as single bytes ("<html ",
 * "</p>") and no zero byte: text no UTF-16 or UTF-32 encoder wrote. */
bool wn_sniff_ascii_markup(const char *bytes, size_t len);

/* Whether an iconv name is UTF-16 or UTF-32 (either byte order). */
bool wn_charset_is_wide(const char *charset);

#endif
