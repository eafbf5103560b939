#include "input/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <uchardet.h>

#include "input/decoders.h"
#include "input/sniff.h"
#include "utf8.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* Worst case growth to UTF-8 is 3 bytes per input byte (a single-byte
 * charset's upper half, or one U+FFFD per bad byte). */
static char *output_room(wn_arena *arena, size_t len, size_t *room)
{
    if (len > (((size_t)-1) - 16) / 3)
        return NULL;
    *room = len * 3 + 16;
    return wn_arena_alloc(arena, *room);
}

/* Whether a byte of bytes[0..len) is 0x80 or above (eight at a time). */
static bool has_high_byte(const char *bytes, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, bytes + i, sizeof w);
        if (w & 0x8080808080808080ull)
            return true;
    }
    for (; i < len; i++)
        if ((unsigned char)bytes[i] >= 0x80)
            return true;
    return false;
}

/* Bytes of an invalid UTF-8 sequence to replace by one U+FFFD: the lead
 * byte and the continuation bytes that validly follow it. */
static size_t broken_sequence_length(const char *s, size_t len)
{
    const unsigned char *b = (const unsigned char *)s;
    size_t want = b[0] >= 0xF0 && b[0] <= 0xF4 ? 4 : b[0] >= 0xE0 && b[0] <= 0xEF ? 3
                : b[0] >= 0xC2 && b[0] <= 0xDF ? 2 : 1;
    size_t n = 1;
    while (n < want && n < len && (b[n] & 0xC0) == 0x80) {
        /* The second byte's range depends on the lead (no overlongs, no surrogates). */
        if (n == 1 && ((b[0] == 0xE0 && b[1] < 0xA0) || (b[0] == 0xED && b[1] > 0x9F) ||
                       (b[0] == 0xF0 && b[1] < 0x90) || (b[0] == 0xF4 && b[1] > 0x8F)))
            break;
        n++;
    }
    return n;
}

/* Whether bytes are UTF-8 with at most a few damaged sequences (a stray
 * windows-1252 quote, a cut at the end): then a UTF-8 declaration stands. */
static bool mostly_utf8(const char *bytes, size_t len)
{
    size_t pos = 0, good_multibyte = 0, bad = 0;
    while (pos < len) {
        size_t good = wn_utf8_valid_prefix(bytes + pos, len - pos);
        for (size_t i = pos; i < pos + good; i++)
            if (((unsigned char)bytes[i] & 0xC0) == 0xC0)
                good_multibyte++;
        pos += good;
        if (pos < len) {
            bad++;
            pos += broken_sequence_length(bytes + pos, len - pos);
        }
    }
    return bad <= 2 || bad * 8 <= good_multibyte;
}

static wn_status copy_utf8(wn_arena *arena, const char *bytes, size_t len, wn_decoded *out)
{
    size_t good = wn_utf8_valid_prefix(bytes, len);
    if (good == len) {
        /* Valid throughout (most pages): the copy is the input's size. */
        char *copy = wn_arena_strndup(arena, bytes, len);
        if (!copy)
            return WN_ERR_NOMEM;
        out->utf8 = copy;
        out->len = len;
        return WN_OK;
    }
    size_t room;
    char *dst = output_room(arena, len, &room);
    if (!dst)
        return WN_ERR_NOMEM;
    size_t o = 0, pos = 0;
    while (pos < len) {
        size_t good = wn_utf8_valid_prefix(bytes + pos, len - pos);
        memcpy(dst + o, bytes + pos, good);
        o += good;
        pos += good;
        if (pos < len) {
            /* One U+FFFD for the maximal valid start of a sequence (the
             * WHATWG decoder's rule), e.g. a character cut at the end. */
            memcpy(dst + o, REPLACEMENT, 3);
            o += 3;
            pos += broken_sequence_length(bytes + pos, len - pos);
        }
    }
    dst[o] = '\0';
    out->utf8 = dst;
    out->len = o;
    return WN_OK;
}

/* ---- where glibc's decoders depart from the browsers' --------------------
 *
 * iconv does the converting. The tables below cover what differs from the
 * WHATWG Encoding Standard, found by decoding every single- and double-byte
 * sequence with glibc and with Chromium: a few code points, the lone byte
 * 0x80, and how many bytes one bad sequence costs. */

/* Multi-byte decoders, and the glibc decoder each is done with. */
typedef struct multibyte {
    const char *charset;
    const char *iconv_name;
    unsigned char lead_min, lead_max;   /* lead bytes of two-byte sequences */
    unsigned char lead2_min, lead2_max; /* a second lead range, or 0, 0 */
    uint32_t byte80;                    /* the lone byte 0x80, or 0 for an error */
    unsigned unit;                      /* bytes per code unit */
} multibyte;

static const multibyte MULTIBYTE[] = {
    /* cp936 pages write the euro sign as the byte 0x80. */
    {"GB18030", "GB18030", 0x81, 0xFE, 0, 0, 0x20AC, 1},
    {"BIG5-HKSCS", "BIG5-HKSCS", 0x81, 0xFE, 0, 0, 0, 1},
    {"CP949", "CP949", 0x81, 0xFE, 0, 0, 0, 1},
    {"WINDOWS-31J", "WINDOWS-31J", 0x81, 0x9F, 0xE0, 0xFC, 0x80, 1},
    /* Browsers decode EUC-JP with the JIS X 0208 index Shift_JIS uses (NEC
     * row 13, U+FF5E for 0xA1C1); glibc's eucJP-ms has the same mapping. */
    {"EUC-JP", "EUC-JP-MS", 0x8E, 0x8F, 0xA1, 0xFE, 0, 1},
    /* A lone surrogate is one bad code unit, not one bad byte. */
    {"UTF-16LE", "UTF-16LE", 0, 0, 0, 0, 0, 2},
    {"UTF-16BE", "UTF-16BE", 0, 0, 0, 0, 0, 2},
    {"UTF-32LE", "UTF-32LE", 0, 0, 0, 0, 0, 4},
    {"UTF-32BE", "UTF-32BE", 0, 0, 0, 0, 0, 4},
};

/* Code points glibc gives where the WHATWG index has another. */
typedef struct remap {
    const char *charset;
    uint32_t from, to;
} remap;

static const remap REMAPS[] = {
    {"GB18030", 0xE5E5, 0x3000}, /* 0xA3A0: an ideographic space, not PUA */
    /* ISO-2022-JP uses the same JIS X 0208 index as EUC-JP (see above). */
    {"ISO-2022-JP", 0x301C, 0xFF5E}, {"ISO-2022-JP", 0x2016, 0x2225},
    {"ISO-2022-JP", 0x2212, 0xFF0D}, {"ISO-2022-JP", 0x00A2, 0xFFE0},
    {"ISO-2022-JP", 0x00A3, 0xFFE1}, {"ISO-2022-JP", 0x00AC, 0xFFE2},
};

/* Single-byte charsets decode through a table built from glibc, so that
 * glibc's windows-1258 does not compose tone marks (browsers keep them
 * combining) and these bytes read as the WHATWG index has them. */
typedef struct byte_fix {
    const char *charset;
    unsigned char byte;
    uint32_t cp;
} byte_fix;

static const byte_fix BYTE_FIXES[] = {
    {"KOI8-U", 0xAE, 0x045E}, {"KOI8-U", 0xBE, 0x040E}, /* the index is KOI8-RU's: ў Ў */
    {"MACINTOSH", 0xC6, 0x2206}, {"MACINTOSH", 0xF0, 0xF8FF},
    {"MAC-CYRILLIC", 0xFF, 0x20AC},
};

static bool is_single_byte(const char *charset)
{
    return strncmp(charset, "ISO-8859-", 9) == 0 || strncmp(charset, "WINDOWS-12", 10) == 0 ||
           strcmp(charset, "WINDOWS-874") == 0 || strncmp(charset, "KOI8-", 5) == 0 ||
           strcmp(charset, "IBM866") == 0 || strcmp(charset, "MACINTOSH") == 0 ||
           strcmp(charset, "MAC-CYRILLIC") == 0;
}

/* What each byte 0x80..0xFF of a single-byte charset decodes to (built
 * once per charset when decoders keep it). */
static bool single_byte_table(wn_decoders *decoders, const char *charset, uint32_t table[128])
{
    if (wn_decoders_table(decoders, charset, table))
        return true;
    iconv_t cd = wn_decoders_iconv(decoders, charset);
    if (cd == (iconv_t)-1)
        return false;
    /* The windows code pages' undefined bytes are C1 controls to a browser. */
    bool c1_defined = strncmp(charset, "WINDOWS-", 8) == 0;
    for (unsigned b = 0x80; b <= 0xFF; b++) {
        char in = (char)b, buf[16];
        char *ip = &in, *op = buf;
        size_t il = 1, ol = sizeof buf;
        iconv(cd, NULL, NULL, NULL, NULL);
        size_t rc = iconv(cd, &ip, &il, &op, &ol);
        iconv(cd, NULL, NULL, &op, &ol); /* windows-1258 holds a letter back for a tone mark */
        size_t pos = 0;
        if (rc != (size_t)-1 && op > buf)
            table[b - 0x80] = wn_utf8_next(buf, (size_t)(op - buf), &pos);
        else
            table[b - 0x80] = c1_defined && b < 0xA0 ? b : 0xFFFD;
    }
    wn_decoders_iconv_done(decoders, cd);
    for (size_t i = 0; i < sizeof BYTE_FIXES / sizeof BYTE_FIXES[0]; i++)
        if (strcmp(BYTE_FIXES[i].charset, charset) == 0)
            table[BYTE_FIXES[i].byte - 0x80] = BYTE_FIXES[i].cp;
    wn_decoders_keep_table(decoders, charset, table);
    return true;
}

static wn_status decode_single_byte(wn_decoders *decoders, wn_arena *arena, const char *bytes,
                                    size_t len, const char *charset, wn_decoded *out)
{
    uint32_t table[128];
    if (!single_byte_table(decoders, charset, table))
        return WN_ERR_CHARSET;
    size_t room;
    char *dst = output_room(arena, len, &room);
    if (!dst)
        return WN_ERR_NOMEM;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c < 0x80)
            dst[o++] = (char)c;
        else
            o += wn_utf8_encode(table[c - 0x80], dst + o);
    }
    dst[o] = '\0';
    out->utf8 = dst;
    out->len = o;
    return WN_OK;
}

static const multibyte *find_multibyte(const char *charset)
{
    for (size_t i = 0; i < sizeof MULTIBYTE / sizeof MULTIBYTE[0]; i++)
        if (strcmp(MULTIBYTE[i].charset, charset) == 0)
            return &MULTIBYTE[i];
    return NULL;
}

/* Replaces the sequence iconv rejected at *in as the WHATWG decoder would;
 * returns the bytes it stands for. A bad lead byte takes a non-ASCII byte
 * after it along (only an ASCII one is read again). */
static size_t replace_bad(const multibyte *mb, const unsigned char *in, size_t left, char **o)
{
    if (mb && in[0] == 0x80 && mb->byte80) {
        *o += wn_utf8_encode(mb->byte80, *o);
        return 1;
    }
    memcpy(*o, REPLACEMENT, 3);
    *o += 3;
    if (!mb)
        return 1;
    if (mb->unit > 1)
        return left < mb->unit ? left : mb->unit;
    bool lead = (in[0] >= mb->lead_min && in[0] <= mb->lead_max) ||
                (in[0] >= mb->lead2_min && in[0] <= mb->lead2_max && mb->lead2_min);
    return lead && left > 1 && in[1] >= 0x80 ? 2 : 1;
}

static bool contains(const char *hay, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; i + n <= len; i++) {
        const char *p = memchr(hay + i, needle[0], len - n + 1 - i);
        if (!p)
            return false;
        i = (size_t)(p - hay);
        if (memcmp(p, needle, n) == 0)
            return true;
    }
    return false;
}

/* Applies REMAPS for charset to the decoded text: in place when nothing
 * grows, else into a new buffer (only when a remapped character occurs). */
static wn_status apply_remaps(wn_arena *arena, const char *charset, wn_decoded *out)
{
    bool found = false;
    for (size_t i = 0; i < sizeof REMAPS / sizeof REMAPS[0] && !found; i++) {
        char enc[4];
        size_t n = wn_utf8_encode(REMAPS[i].from, enc);
        found = strcmp(REMAPS[i].charset, charset) == 0 && contains(out->utf8, out->len, enc, n);
    }
    if (!found)
        return WN_OK;
    /* Every remapped character grows by at most half (2 bytes to 3). */
    char *dst = wn_arena_alloc(arena, out->len + out->len / 2 + 1);
    if (!dst)
        return WN_ERR_NOMEM;
    size_t pos = 0, o = 0;
    while (pos < out->len) {
        uint32_t cp = wn_utf8_next(out->utf8, out->len, &pos);
        for (size_t i = 0; i < sizeof REMAPS / sizeof REMAPS[0]; i++)
            if (REMAPS[i].from == cp && strcmp(REMAPS[i].charset, charset) == 0)
                cp = REMAPS[i].to;
        o += wn_utf8_encode(cp, dst + o);
    }
    dst[o] = '\0';
    out->utf8 = dst;
    out->len = o;
    return WN_OK;
}

/* HZ-GB-2312 (RFC 1843) rewritten as GB2312's EUC bytes: "~{" .. "~}"
 * bracket pairs of 7-bit bytes that are GB2312 with the high bit cleared,
 * "~~" is "~" and "~" before a newline joins lines. A bad byte becomes 0xFF,
 * which the GB18030 decoder then replaces. glibc has no HZ decoder. */
static char *hz_to_gb(wn_arena *arena, const char *bytes, size_t len, size_t *out_len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    unsigned char *dst = wn_arena_alloc(arena, len + 1);
    if (!dst)
        return NULL;
    bool gb = false;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char next = i + 1 < len ? b[i + 1] : 0;
        if (b[i] == '~' && (next == '{' || next == '}' || (!gb && (next == '~' || next == '\n')))) {
            if (next == '~')
                dst[o++] = '~';
            gb = next == '{' || (gb && next != '}');
            i++;
        } else if (!gb) {
            dst[o++] = b[i] < 0x80 ? b[i] : 0xFF;
        } else if (b[i] >= 0x21 && b[i] <= 0x7E && next >= 0x21 && next <= 0x7E) {
            dst[o++] = b[i] | 0x80;
            dst[o++] = next | 0x80;
            i++;
        } else if (b[i] == '\n' || b[i] == '\r') {
            gb = false; /* a line end closes GB mode, as decoders commonly allow */
            dst[o++] = b[i];
        } else {
            dst[o++] = 0xFF;
        }
    }
    *out_len = o;
    return (char *)dst;
}

static wn_status decode_iconv(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                              const char *charset, wn_decoded *out)
{
    const multibyte *mb = find_multibyte(charset);
    iconv_t cd = wn_decoders_iconv(decoders, mb ? mb->iconv_name : charset);
    if (cd == (iconv_t)-1 && mb)
        cd = wn_decoders_iconv(decoders, charset); /* a C library without eucJP-ms */
    if (cd == (iconv_t)-1)
        return WN_ERR_CHARSET;
    size_t room;
    char *dst = output_room(arena, len, &room);
    if (!dst) {
        wn_decoders_iconv_done(decoders, cd);
        return WN_ERR_NOMEM;
    }
    char *in = (char *)bytes;
    size_t in_left = len;
    char *o = dst;
    size_t o_left = room - 1;
    while (in_left > 0) {
        size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
        if (rc != (size_t)-1)
            break;
        if (errno == E2BIG || o_left < 3)
            break; /* cannot happen with 3x room; stop rather than overflow */
        if (errno == EINVAL) {
            /* A sequence cut short at the end: one U+FFFD for it. */
            memcpy(o, REPLACEMENT, 3);
            o += 3;
            break;
        }
        char *before = o;
        size_t used = replace_bad(mb, (const unsigned char *)in, in_left, &o);
        o_left -= (size_t)(o - before);
        in += used;
        in_left -= used;
    }
    iconv(cd, NULL, NULL, &o, &o_left); /* a stateful decoder's last character */
    wn_decoders_iconv_done(decoders, cd);
    *o = '\0';
    out->utf8 = dst;
    out->len = (size_t)(o - dst);
    return apply_remaps(arena, charset, out);
}

static wn_status decode_with(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                             const char *charset, wn_decoded *out)
{
    out->charset = charset;
    out->borrowed = false;
    if (strcmp(charset, "UTF-8") == 0)
        return copy_utf8(arena, bytes, len, out);
    if (is_single_byte(charset))
        return decode_single_byte(decoders, arena, bytes, len, charset, out);
    if (strcmp(charset, "HZ-GB-2312") == 0) {
        size_t gb_len;
        char *gb = hz_to_gb(arena, bytes, len, &gb_len);
        if (!gb)
            return WN_ERR_NOMEM;
        wn_status st = decode_iconv(decoders, arena, gb, gb_len, "GB18030", out);
        out->charset = charset;
        return st;
    }
    return decode_iconv(decoders, arena, bytes, len, charset, out);
}

wn_status wn_decode_with(wn_arena *arena, const char *bytes, size_t len, const char *charset,
                         wn_decoded *out)
{
    return decode_with(NULL, arena, bytes, len, charset, out);
}

wn_status wn_decode_with_using(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                               const char *charset, wn_decoded *out)
{
    return decode_with(decoders, arena, bytes, len, charset, out);
}

/* libuchardet's guess over the first bytes, as an iconv name, or NULL. */
static const char *detect_charset(wn_decoders *decoders, const char *bytes, size_t len)
{
    uchardet_t detector = wn_decoders_detector(decoders);
    if (!detector)
        return NULL;
    size_t sample = len < (256u << 10) ? len : (256u << 10);
    const char *found = NULL;
    if (uchardet_handle_data(detector, bytes, sample) == 0) {
        uchardet_data_end(detector);
        const char *name = uchardet_get_charset(detector);
        if (name && *name)
            found = wn_charset_from_label(name, strlen(name));
        if (!found && name && strcmp(name, "ASCII") == 0)
            found = "UTF-8";
    }
    wn_decoders_detector_done(decoders, detector);
    return found;
}

/* Whether the bytes plainly contradict a charset hint, as they may a
 * <meta>: a hint of UTF-16 or UTF-32 on ASCII tags written one byte each
 * without a zero byte, or of UTF-8 on bytes far from valid UTF-8 that the
 * detector reads as another charset. A correct hint is never overruled. */
static bool hint_contradicted(wn_decoders *decoders, const char *hinted, const char *bytes,
                              size_t len, bool valid_utf8)
{
    if (wn_charset_is_wide(hinted))
        return wn_sniff_ascii_markup(bytes, len);
    if (strcmp(hinted, "UTF-8") == 0 && !valid_utf8 && !mostly_utf8(bytes, len)) {
        const char *detected = detect_charset(decoders, bytes, len);
        return detected && strcmp(detected, "UTF-8") != 0;
    }
    return false;
}

wn_status wn_decode(wn_arena *arena, const char *bytes, size_t len, const char *charset_hint,
                    wn_decoded *out)
{
    return wn_decode_using(NULL, arena, bytes, len, charset_hint, out);
}

/* decode_with(), or when borrow allows and the bytes are valid UTF-8 (valid:
 * known to be) to be read as UTF-8, the bytes themselves (no copy). */
static wn_status decode_pick(wn_decoders *decoders, wn_arena *arena, bool borrow, bool valid,
                             const char *bytes, size_t len, const char *charset, wn_decoded *out)
{
    if (borrow && strcmp(charset, "UTF-8") == 0 && (valid || wn_utf8_valid_prefix(bytes, len) == len)) {
        /* Counted against the arena's limit as the copy was. */
        if (!wn_arena_charge(arena, len + 1))
            return WN_ERR_NOMEM;
        out->charset = charset;
        out->utf8 = (char *)(uintptr_t)bytes; /* read only (decode.h) */
        out->len = len;
        out->borrowed = true;
        return WN_OK;
    }
    wn_status st = decode_with(decoders, arena, bytes, len, charset, out);
    if (st == WN_OK) /* room was made for the worst case (three bytes a byte) */
        wn_arena_shrink(arena, out->utf8, out->len + 1);
    return st;
}

static wn_status decode_using(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                             const char *charset_hint, bool borrow, wn_decoded *out)
{
    size_t bom_len = 0;
    const char *charset = wn_sniff_bom(bytes, len, &bom_len);
    if (charset) {
        out->source = WN_CHARSET_BOM;
        return decode_pick(decoders, arena, borrow, false, bytes + bom_len, len - bom_len, charset,
                           out);
    }
    const char *hinted = NULL;
    if (!wn_charset_from_hint(charset_hint, &hinted))
        return WN_ERR_CHARSET;
    /* UTF-16 or UTF-32 without a BOM, seen in the zero bytes beside its
     * ASCII markup. A hint naming another charset loses: no other encoding
     * writes markup that way. */
    const char *wide = wn_sniff_wide(bytes, len);
    if (wide) {
        bool hint_agrees = hinted && strcmp(hinted, wide) == 0;
        out->source = hint_agrees ? WN_CHARSET_HINT : WN_CHARSET_DETECTED;
        return decode_pick(decoders, arena, borrow, false, bytes, len, wide, out);
    }
    bool valid_utf8 = wn_utf8_valid_prefix(bytes, len) == len;
    bool has_multibyte = valid_utf8 && has_high_byte(bytes, len);
    /* A Latin-1 hint on bytes whose non-ASCII bytes all form valid UTF-8:
     * servers and crawlers default to ISO-8859-1, and Latin-1 text
     * practically never forms valid multi-byte UTF-8 throughout. The
     * bytes win (a browser would follow the hint). */
    if (hinted && wn_charset_is_latin1(hinted) && has_multibyte) {
        out->source = WN_CHARSET_DETECTED;
        return decode_pick(decoders, arena, borrow, valid_utf8, bytes, len, "UTF-8", out);
    }
    if (hinted && !hint_contradicted(decoders, hinted, bytes, len, valid_utf8)) {
        out->source = WN_CHARSET_HINT;
        return decode_pick(decoders, arena, borrow, valid_utf8, bytes, len, hinted, out);
    }
    charset = wn_sniff_meta(bytes, len);
    /* A declaration the bytes contradict: a page declared UTF-8 whose bytes
     * are not (a GBK page on a UTF-8 template) is detected; a page declared
     * legacy whose non-ASCII bytes all form valid UTF-8 is UTF-8 (legacy text
     * practically never does). */
    if (charset && strcmp(charset, "UTF-8") != 0 && has_multibyte)
        charset = NULL;
    if (charset && !(strcmp(charset, "UTF-8") == 0 && !valid_utf8 && !mostly_utf8(bytes, len))) {
        out->source = WN_CHARSET_META;
        return decode_pick(decoders, arena, borrow, valid_utf8, bytes, len, charset, out);
    }
    /* 7-bit bytes with escape sequences would pass for ASCII: ISO-2022-JP
     * (or -KR, -CN), which Firefox's detector finds too. */
    if (valid_utf8 && !has_multibyte && len && memchr(bytes, 0x1B, len)) {
        charset = detect_charset(decoders, bytes, len);
        if (charset && strncmp(charset, "ISO-2022-", 9) == 0) {
            out->source = WN_CHARSET_DETECTED;
            return decode_pick(decoders, arena, borrow, valid_utf8, bytes, len, charset, out);
        }
    }
    if (valid_utf8) {
        out->source = WN_CHARSET_DETECTED;
        return decode_pick(decoders, arena, borrow, valid_utf8, bytes, len, "UTF-8", out);
    }
    charset = detect_charset(decoders, bytes, len);
    if (charset) {
        out->source = WN_CHARSET_DETECTED;
        return decode_pick(decoders, arena, borrow, valid_utf8, bytes, len, charset, out);
    }
    out->source = WN_CHARSET_FALLBACK;
    return decode_pick(decoders, arena, borrow, valid_utf8, bytes, len, "WINDOWS-1252", out);
}

wn_status wn_decode_using(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                          const char *charset_hint, wn_decoded *out)
{
    return decode_using(decoders, arena, bytes, len, charset_hint, false, out);
}

wn_status wn_decode_borrowing(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                              const char *charset_hint, wn_decoded *out)
{
    return decode_using(decoders, arena, bytes, len, charset_hint, true, out);
}
