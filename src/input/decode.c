#include "input/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <string.h>
#include <uchardet.h>

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

wn_status wn_decode_with(wn_arena *arena, const char *bytes, size_t len, const char *charset,
                         wn_decoded *out)
{
    out->charset = charset;
    if (strcmp(charset, "UTF-8") == 0)
        return copy_utf8(arena, bytes, len, out);
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return WN_ERR_CHARSET;
    size_t room;
    char *dst = output_room(arena, len, &room);
    if (!dst) {
        iconv_close(cd);
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
        /* EILSEQ: a bad byte; EINVAL: a sequence cut short at the end. */
        memcpy(o, REPLACEMENT, 3);
        o += 3;
        o_left -= 3;
        if (errno == EINVAL) {
            in_left = 0;
            break;
        }
        in++;
        in_left--;
    }
    iconv_close(cd);
    *o = '\0';
    out->utf8 = dst;
    out->len = (size_t)(o - dst);
    return WN_OK;
}

/* libuchardet's guess over the first bytes, as an iconv name, or NULL. */
static const char *detect_charset(const char *bytes, size_t len)
{
    uchardet_t detector = uchardet_new();
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
    uchardet_delete(detector);
    return found;
}

wn_status wn_decode(wn_arena *arena, const char *bytes, size_t len, const char *charset_hint,
                    wn_decoded *out)
{
    size_t bom_len = 0;
    const char *charset = wn_sniff_bom(bytes, len, &bom_len);
    if (charset) {
        out->source = WN_CHARSET_BOM;
        return wn_decode_with(arena, bytes + bom_len, len - bom_len, charset, out);
    }
    if (charset_hint && *charset_hint) {
        charset = wn_charset_from_label(charset_hint, strlen(charset_hint));
        if (!charset)
            return WN_ERR_CHARSET;
        out->source = WN_CHARSET_HINT;
        return wn_decode_with(arena, bytes, len, charset, out);
    }
    bool valid_utf8 = wn_utf8_valid_prefix(bytes, len) == len;
    bool has_multibyte = false;
    for (size_t i = 0; valid_utf8 && i < len && !has_multibyte; i++)
        has_multibyte = (unsigned char)bytes[i] >= 0x80;
    charset = wn_sniff_meta(bytes, len);
    /* A declaration the bytes contradict: a page declared UTF-8 whose bytes
     * are not (a GBK page on a UTF-8 template) is detected; a page declared
     * legacy whose non-ASCII bytes all form valid UTF-8 is UTF-8 (legacy text
     * practically never does). */
    if (charset && strcmp(charset, "UTF-8") != 0 && has_multibyte)
        charset = NULL;
    if (charset && !(strcmp(charset, "UTF-8") == 0 && !valid_utf8 && !mostly_utf8(bytes, len))) {
        out->source = WN_CHARSET_META;
        return wn_decode_with(arena, bytes, len, charset, out);
    }
    if (valid_utf8) {
        out->source = WN_CHARSET_DETECTED;
        return wn_decode_with(arena, bytes, len, "UTF-8", out);
    }
    charset = detect_charset(bytes, len);
    if (charset) {
        out->source = WN_CHARSET_DETECTED;
        return wn_decode_with(arena, bytes, len, charset, out);
    }
    out->source = WN_CHARSET_FALLBACK;
    return wn_decode_with(arena, bytes, len, "WINDOWS-1252", out);
}
