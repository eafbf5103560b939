#include "utf8.h"

#include <string.h>

#include <utf8proc.h>

uint32_t wn_utf8_next(const char *s, size_t len, size_t *pos)
{
    const unsigned char *p = (const unsigned char *)s + *pos;
    size_t left = len - *pos;
    unsigned char c = p[0];
    if (c < 0x80) {
        *pos += 1;
        return c;
    }
    uint32_t cp;
    size_t n;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; n = 2; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; n = 3; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; n = 4; min = 0x10000; }
    else { *pos += 1; return 0xFFFD; }
    if (left < n) { *pos += 1; return 0xFFFD; }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) { *pos += 1; return 0xFFFD; }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *pos += 1;
        return 0xFFFD;
    }
    *pos += n;
    return cp;
}

size_t wn_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Whether none of the 8 bytes at s has its high bit set. */
static inline bool ascii8(const char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return (w & 0x8080808080808080ull) == 0;
}

size_t wn_utf8_valid_prefix(const char *s, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        /* ASCII runs, eight bytes at a time. */
        while (pos + 8 <= len && ascii8(s + pos))
            pos += 8;
        if (pos >= len)
            break;
        unsigned char c = (unsigned char)s[pos];
        if (c < 0x80) {
            pos++;
            continue;
        }
        size_t before = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        /* A real U+FFFD is three bytes EF BF BD; a one-byte step means an error. */
        if (cp == 0xFFFD && pos - before == 1)
            return before;
    }
    return len;
}

bool wn_is_cjk(uint32_t cp)
{
    /* The ranges of the benchmark's scorer (score.py's CJK class). */
    return (cp >= 0x2E80 && cp <= 0x2FDF) || cp == 0x3005 || cp == 0x3007 ||
           (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303B) ||
           (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3100 && cp <= 0x312F) ||
           (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x31A0 && cp <= 0x31FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3134F);
}

bool wn_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
        return true;
    return false;
}

uint32_t wn_to_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

bool wn_is_word(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               cp == '_';
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

bool wn_is_comma(uint32_t cp)
{
    return cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == 0x060C;
}

bool wn_is_sentence_punct(uint32_t cp)
{
    switch (cp) {
    case ',': case '.': case ';': case ':': case '!': case '?':
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A:
    case 0xFF0E: case 0x060C:
        return true;
    default:
        return false;
    }
}

bool wn_is_xml_char(uint32_t cp)
{
    if (cp < 0x20)
        return cp == 0x09 || cp == 0x0A || cp == 0x0D;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return false;
    return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

/* ASCII's classes in wn_text_measure(): as wn_is_space(), wn_is_word() and
 * wn_is_sentence_punct() (with wn_is_comma()) answer them. */
enum { AC_SPACE, AC_WORD, AC_PUNCT, AC_COMMA, AC_OTHER };
static const unsigned char ASCII_CLASS[128] = {
    /* 0x00 */ AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER,
    /* 0x08 */ AC_OTHER, AC_SPACE, AC_SPACE, AC_SPACE, AC_SPACE, AC_SPACE, AC_OTHER, AC_OTHER,
    /* 0x10 */ AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER,
    /* 0x18 */ AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_SPACE, AC_SPACE, AC_SPACE, AC_SPACE,
    /* ' '  */ AC_SPACE, AC_PUNCT, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER,
    /* '('  */ AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_COMMA, AC_OTHER, AC_PUNCT, AC_OTHER,
    /* '0'  */ AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD,
    /* '8'  */ AC_WORD, AC_WORD, AC_PUNCT, AC_PUNCT, AC_OTHER, AC_OTHER, AC_OTHER, AC_PUNCT,
    /* '@'  */ AC_OTHER, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD,
    /* 'H'  */ AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD,
    /* 'P'  */ AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD,
    /* 'X'  */ AC_WORD, AC_WORD, AC_WORD, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_WORD,
    /* '`'  */ AC_OTHER, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD,
    /* 'h'  */ AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD,
    /* 'p'  */ AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD, AC_WORD,
    /* 'x'  */ AC_WORD, AC_WORD, AC_WORD, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER, AC_OTHER,
};

void wn_text_measure(const char *s, size_t len, wn_text_stats *stats)
{
    size_t pos = 0;
    bool in_word = false;
    while (pos < len) {
        unsigned char c = (unsigned char)s[pos];
        if (c < 0x80) {
            /* ASCII (most text) by its class alone. */
            pos++;
            switch (ASCII_CLASS[c]) {
            case AC_SPACE:
                in_word = false;
                break;
            case AC_WORD:
                stats->chars++;
                if (!in_word)
                    stats->tokens++;
                in_word = true;
                break;
            case AC_COMMA:
                stats->commas++;
                /* fall through */
            case AC_PUNCT:
                stats->punct++;
                /* fall through */
            default:
                stats->chars++;
                in_word = false;
                break;
            }
            continue;
        }
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (wn_is_space(cp)) {
            in_word = false;
            continue;
        }
        stats->chars++;
        if (wn_is_cjk(cp)) {
            stats->cjk++;
            stats->tokens++;
            in_word = false;
        } else if (wn_is_word(cp)) {
            if (!in_word)
                stats->tokens++;
            in_word = true;
        } else {
            in_word = false;
            if (wn_is_sentence_punct(cp)) {
                stats->punct++;
                if (wn_is_comma(cp))
                    stats->commas++;
            }
        }
    }
}

bool wn_utf8_may_change_in_nfc(const char *text, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        if ((unsigned char)text[pos] < 0x80) {
            pos++;
            continue;
        }
        uint32_t cp = wn_utf8_next(text, len, &pos);
        const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
        if (p->combining_class || p->comp_exclusion || (cp >= 0x1100 && cp <= 0x11FF))
            return true;
    }
    return false;
}

char *wn_utf8_nfc(const char *text, size_t len, size_t *out_len)
{
    if (!wn_utf8_may_change_in_nfc(text, len))
        return NULL;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return NULL;
    *out_len = (size_t)n;
    return (char *)nfc;
}

static inline unsigned char ascii_fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

const char *wn_find_ci(const char *hay, const char *needle)
{
    unsigned char first = ascii_fold((unsigned char)needle[0]);
    if (!first)
        return *hay ? hay : NULL; /* as strncasecmp(p, "", 0) at the first byte */
    const char *rest = needle + 1;
    size_t rest_len = strlen(rest);
    const char *end = hay + strlen(hay);
    /* The candidates are found by memchr: the first byte in either case. */
    unsigned char other = first >= 'a' && first <= 'z' ? (unsigned char)(first - 32) : first;
    const char *lo = hay, *up = hay;
    for (;;) {
        if (lo && lo < end && (unsigned char)*lo != first)
            lo = memchr(lo, first, (size_t)(end - lo));
        if (up && up < end && (unsigned char)*up != other)
            up = other == first ? lo : memchr(up, other, (size_t)(end - up));
        if (lo && lo >= end)
            lo = NULL;
        if (up && up >= end)
            up = NULL;
        const char *p = !lo ? up : !up ? lo : lo < up ? lo : up;
        if (!p)
            return NULL;
        if ((size_t)(end - p - 1) >= rest_len) {
            size_t k = 0;
            while (k < rest_len && ascii_fold((unsigned char)p[1 + k]) == ascii_fold((unsigned char)rest[k]))
                k++;
            if (k == rest_len)
                return p;
        }
        if (p == lo)
            lo++;
        if (p == up)
            up++;
    }
}
