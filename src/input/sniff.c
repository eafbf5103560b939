#include "input/sniff.h"

#include <stdbool.h>
#include <string.h>

/* ---- label table (WHATWG Encoding Standard labels -> iconv names) ------- */

typedef struct label_entry {
    const char *label;
    const char *name;
} label_entry;

/* Sorted by label (strcmp) for the binary search. Names are glibc iconv
 * names. Per WHATWG, gb2312/gbk decode as GB18030, big5 as Big5-HKSCS,
 * shift_jis as windows-31j, euc-kr as windows-949 and latin1/ascii as
 * windows-1252. Two departures: the labels WHATWG maps to its "replacement"
 * decoder (a page of one U+FFFD, against script hidden from filters in the
 * shift sequences) get the decoder they name, since winnow's output is
 * escaped text and the text is what the caller wants; x-user-defined reads
 * as windows-1252, which is what a <meta> of it means (its own decoder maps
 * the upper half to private-use characters). ibm852, ibm855 and euc-tw
 * are names only libuchardet reports; its other guesses outside WHATWG's
 * list (mac-centraleurope, viscii) are wrong more often than not, so they
 * stay unknown and such a page falls back to windows-1252. */
static const label_entry LABELS[] = {
    {"866", "IBM866"},
    {"ansi_x3.4-1968", "WINDOWS-1252"},
    {"arabic", "ISO-8859-6"},
    {"ascii", "WINDOWS-1252"},
    {"asmo-708", "ISO-8859-6"},
    {"big5", "BIG5-HKSCS"},
    {"big5-hkscs", "BIG5-HKSCS"},
    {"chinese", "GB18030"},
    {"cn-big5", "BIG5-HKSCS"},
    {"cp1250", "WINDOWS-1250"},
    {"cp1251", "WINDOWS-1251"},
    {"cp1252", "WINDOWS-1252"},
    {"cp1253", "WINDOWS-1253"},
    {"cp1254", "WINDOWS-1254"},
    {"cp1255", "WINDOWS-1255"},
    {"cp1256", "WINDOWS-1256"},
    {"cp1257", "WINDOWS-1257"},
    {"cp1258", "WINDOWS-1258"},
    {"cp819", "WINDOWS-1252"},
    {"cp866", "IBM866"},
    {"cp932", "WINDOWS-31J"},
    {"cp936", "GB18030"},
    {"cp949", "CP949"},
    {"csbig5", "BIG5-HKSCS"},
    {"cseuckr", "CP949"},
    {"cseucpkdfmtjapanese", "EUC-JP"},
    {"csgb2312", "GB18030"},
    {"csibm866", "IBM866"},
    {"csiso2022jp", "ISO-2022-JP"},
    {"csiso2022kr", "ISO-2022-KR"},
    {"csiso58gb231280", "GB18030"},
    {"csiso88596e", "ISO-8859-6"},
    {"csiso88596i", "ISO-8859-6"},
    {"csiso88598e", "ISO-8859-8"},
    {"csiso88598i", "ISO-8859-8"},
    {"csisolatin1", "WINDOWS-1252"},
    {"csisolatin2", "ISO-8859-2"},
    {"csisolatin3", "ISO-8859-3"},
    {"csisolatin4", "ISO-8859-4"},
    {"csisolatin5", "WINDOWS-1254"},
    {"csisolatin6", "ISO-8859-10"},
    {"csisolatin9", "ISO-8859-15"},
    {"csisolatinarabic", "ISO-8859-6"},
    {"csisolatincyrillic", "ISO-8859-5"},
    {"csisolatingreek", "ISO-8859-7"},
    {"csisolatinhebrew", "ISO-8859-8"},
    {"cskoi8r", "KOI8-R"},
    {"csksc56011987", "CP949"},
    {"csmacintosh", "MACINTOSH"},
    {"csshiftjis", "WINDOWS-31J"},
    {"csunicode", "UTF-16LE"},
    {"cyrillic", "ISO-8859-5"},
    {"dos-874", "WINDOWS-874"},
    {"ecma-114", "ISO-8859-6"},
    {"ecma-118", "ISO-8859-7"},
    {"elot_928", "ISO-8859-7"},
    {"euc-jp", "EUC-JP"},
    {"euc-kr", "CP949"},
    {"euc-tw", "EUC-TW"},
    {"gb18030", "GB18030"},
    {"gb2312", "GB18030"},
    {"gb_2312", "GB18030"},
    {"gb_2312-80", "GB18030"},
    {"gbk", "GB18030"},
    {"greek", "ISO-8859-7"},
    {"greek8", "ISO-8859-7"},
    {"hebrew", "ISO-8859-8"},
    {"hz-gb-2312", "HZ-GB-2312"},
    {"ibm-1252", "WINDOWS-1252"},
    {"ibm819", "WINDOWS-1252"},
    {"ibm852", "CP852"},
    {"ibm855", "CP855"},
    {"ibm866", "IBM866"},
    {"iso-10646-ucs-2", "UTF-16LE"},
    {"iso-2022-cn", "ISO-2022-CN"},
    {"iso-2022-cn-ext", "ISO-2022-CN-EXT"},
    {"iso-2022-jp", "ISO-2022-JP"},
    {"iso-2022-kr", "ISO-2022-KR"},
    {"iso-8859-1", "WINDOWS-1252"},
    {"iso-8859-10", "ISO-8859-10"},
    {"iso-8859-11", "WINDOWS-874"},
    {"iso-8859-13", "ISO-8859-13"},
    {"iso-8859-14", "ISO-8859-14"},
    {"iso-8859-15", "ISO-8859-15"},
    {"iso-8859-16", "ISO-8859-16"},
    {"iso-8859-2", "ISO-8859-2"},
    {"iso-8859-3", "ISO-8859-3"},
    {"iso-8859-4", "ISO-8859-4"},
    {"iso-8859-5", "ISO-8859-5"},
    {"iso-8859-6", "ISO-8859-6"},
    {"iso-8859-6-e", "ISO-8859-6"},
    {"iso-8859-6-i", "ISO-8859-6"},
    {"iso-8859-7", "ISO-8859-7"},
    {"iso-8859-8", "ISO-8859-8"},
    {"iso-8859-8-e", "ISO-8859-8"},
    {"iso-8859-8-i", "ISO-8859-8"},
    {"iso-8859-9", "WINDOWS-1254"},
    {"iso-ir-100", "WINDOWS-1252"},
    {"iso-ir-101", "ISO-8859-2"},
    {"iso-ir-109", "ISO-8859-3"},
    {"iso-ir-110", "ISO-8859-4"},
    {"iso-ir-126", "ISO-8859-7"},
    {"iso-ir-127", "ISO-8859-6"},
    {"iso-ir-138", "ISO-8859-8"},
    {"iso-ir-144", "ISO-8859-5"},
    {"iso-ir-148", "WINDOWS-1254"},
    {"iso-ir-149", "CP949"},
    {"iso-ir-157", "ISO-8859-10"},
    {"iso-ir-58", "GB18030"},
    {"iso8859-1", "WINDOWS-1252"},
    {"iso8859-10", "ISO-8859-10"},
    {"iso8859-11", "WINDOWS-874"},
    {"iso8859-13", "ISO-8859-13"},
    {"iso8859-14", "ISO-8859-14"},
    {"iso8859-15", "ISO-8859-15"},
    {"iso8859-2", "ISO-8859-2"},
    {"iso8859-3", "ISO-8859-3"},
    {"iso8859-4", "ISO-8859-4"},
    {"iso8859-5", "ISO-8859-5"},
    {"iso8859-6", "ISO-8859-6"},
    {"iso8859-7", "ISO-8859-7"},
    {"iso8859-8", "ISO-8859-8"},
    {"iso8859-9", "WINDOWS-1254"},
    {"iso88591", "WINDOWS-1252"},
    {"iso885910", "ISO-8859-10"},
    {"iso885911", "WINDOWS-874"},
    {"iso885913", "ISO-8859-13"},
    {"iso885914", "ISO-8859-14"},
    {"iso885915", "ISO-8859-15"},
    {"iso88592", "ISO-8859-2"},
    {"iso88593", "ISO-8859-3"},
    {"iso88594", "ISO-8859-4"},
    {"iso88595", "ISO-8859-5"},
    {"iso88596", "ISO-8859-6"},
    {"iso88597", "ISO-8859-7"},
    {"iso88598", "ISO-8859-8"},
    {"iso88599", "WINDOWS-1254"},
    {"iso_8859-1", "WINDOWS-1252"},
    {"iso_8859-15", "ISO-8859-15"},
    {"iso_8859-1:1987", "WINDOWS-1252"},
    {"iso_8859-2", "ISO-8859-2"},
    {"iso_8859-2:1987", "ISO-8859-2"},
    {"iso_8859-3", "ISO-8859-3"},
    {"iso_8859-3:1988", "ISO-8859-3"},
    {"iso_8859-4", "ISO-8859-4"},
    {"iso_8859-4:1988", "ISO-8859-4"},
    {"iso_8859-5", "ISO-8859-5"},
    {"iso_8859-5:1988", "ISO-8859-5"},
    {"iso_8859-6", "ISO-8859-6"},
    {"iso_8859-6:1987", "ISO-8859-6"},
    {"iso_8859-7", "ISO-8859-7"},
    {"iso_8859-7:1987", "ISO-8859-7"},
    {"iso_8859-8", "ISO-8859-8"},
    {"iso_8859-8:1988", "ISO-8859-8"},
    {"iso_8859-9", "WINDOWS-1254"},
    {"iso_8859-9:1989", "WINDOWS-1254"},
    {"koi", "KOI8-R"},
    {"koi8", "KOI8-R"},
    {"koi8-r", "KOI8-R"},
    {"koi8-ru", "KOI8-U"},
    {"koi8-u", "KOI8-U"},
    {"koi8_r", "KOI8-R"},
    {"korean", "CP949"},
    {"ks_c_5601-1987", "CP949"},
    {"ks_c_5601-1989", "CP949"},
    {"ksc5601", "CP949"},
    {"ksc_5601", "CP949"},
    {"l1", "WINDOWS-1252"},
    {"l2", "ISO-8859-2"},
    {"l3", "ISO-8859-3"},
    {"l4", "ISO-8859-4"},
    {"l5", "WINDOWS-1254"},
    {"l6", "ISO-8859-10"},
    {"l9", "ISO-8859-15"},
    {"latin1", "WINDOWS-1252"},
    {"latin2", "ISO-8859-2"},
    {"latin3", "ISO-8859-3"},
    {"latin4", "ISO-8859-4"},
    {"latin5", "WINDOWS-1254"},
    {"latin6", "ISO-8859-10"},
    {"logical", "ISO-8859-8"},
    {"mac", "MACINTOSH"},
    {"maccyrillic", "MAC-CYRILLIC"},
    {"macintosh", "MACINTOSH"},
    {"ms932", "WINDOWS-31J"},
    {"ms936", "GB18030"},
    {"ms_kanji", "WINDOWS-31J"},
    {"shift-jis", "WINDOWS-31J"},
    {"shift_jis", "WINDOWS-31J"},
    {"sjis", "WINDOWS-31J"},
    {"sun_eu_greek", "ISO-8859-7"},
    {"tis-620", "WINDOWS-874"},
    {"ucs-2", "UTF-16LE"},
    {"uhc", "CP949"},
    {"unicode", "UTF-16LE"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"unicode11utf8", "UTF-8"},
    {"unicode20utf8", "UTF-8"},
    {"unicodefeff", "UTF-16LE"},
    {"unicodefffe", "UTF-16BE"},
    {"us-ascii", "WINDOWS-1252"},
    {"utf-16", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
    {"utf-16le", "UTF-16LE"},
    {"utf-32", "UTF-32LE"},
    {"utf-32be", "UTF-32BE"},
    {"utf-32le", "UTF-32LE"},
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"visual", "ISO-8859-8"},
    {"windows-1250", "WINDOWS-1250"},
    {"windows-1251", "WINDOWS-1251"},
    {"windows-1252", "WINDOWS-1252"},
    {"windows-1253", "WINDOWS-1253"},
    {"windows-1254", "WINDOWS-1254"},
    {"windows-1255", "WINDOWS-1255"},
    {"windows-1256", "WINDOWS-1256"},
    {"windows-1257", "WINDOWS-1257"},
    {"windows-1258", "WINDOWS-1258"},
    {"windows-31j", "WINDOWS-31J"},
    {"windows-874", "WINDOWS-874"},
    {"windows-949", "CP949"},
    {"x-cp1250", "WINDOWS-1250"},
    {"x-cp1251", "WINDOWS-1251"},
    {"x-cp1252", "WINDOWS-1252"},
    {"x-cp1253", "WINDOWS-1253"},
    {"x-cp1254", "WINDOWS-1254"},
    {"x-cp1255", "WINDOWS-1255"},
    {"x-cp1256", "WINDOWS-1256"},
    {"x-cp1257", "WINDOWS-1257"},
    {"x-cp1258", "WINDOWS-1258"},
    {"x-euc-jp", "EUC-JP"},
    {"x-gbk", "GB18030"},
    {"x-mac-cyrillic", "MAC-CYRILLIC"},
    {"x-mac-roman", "MACINTOSH"},
    {"x-mac-ukrainian", "MAC-CYRILLIC"},
    {"x-sjis", "WINDOWS-31J"},
    {"x-unicode20utf8", "UTF-8"},
    {"x-user-defined", "WINDOWS-1252"},
    {"x-x-big5", "BIG5-HKSCS"},
};

static bool is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

const char *wn_charset_from_label(const char *label, size_t len)
{
    while (len && is_ascii_space((unsigned char)*label)) {
        label++;
        len--;
    }
    while (len && is_ascii_space((unsigned char)label[len - 1]))
        len--;
    char key[40];
    if (len == 0 || len >= sizeof key)
        return NULL;
    for (size_t i = 0; i < len; i++)
        key[i] = (char)lower((unsigned char)label[i]);
    key[len] = '\0';
    size_t lo = 0, hi = sizeof LABELS / sizeof LABELS[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = strcmp(key, LABELS[mid].label);
        if (cmp == 0)
            return LABELS[mid].name;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const char *wn_sniff_bom(const char *bytes, size_t len, size_t *bom_len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        *bom_len = 3;
        return "UTF-8";
    }
    if (len >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 &&
        wn_sniff_wide(bytes + 4, len - 4) && strcmp(wn_sniff_wide(bytes + 4, len - 4), "UTF-32LE") == 0) {
        *bom_len = 4;
        return "UTF-32LE";
    }
    if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF &&
        wn_sniff_wide(bytes + 4, len - 4) && strcmp(wn_sniff_wide(bytes + 4, len - 4), "UTF-32BE") == 0) {
        *bom_len = 4;
        return "UTF-32BE";
    }
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        *bom_len = 2;
        return "UTF-16LE";
    }
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        *bom_len = 2;
        return "UTF-16BE";
    }
    *bom_len = 0;
    return NULL;
}

/* ---- UTF-16 and UTF-32 without a BOM ------------------------------------- */

/* How far the pattern checks look: markup fills a page's first KB. */
#define WIDE_SCAN_LIMIT 1024u

/* Code units of a width whose bytes read as one ASCII character in either
 * byte order, and whether all of them could be that encoding at all. */
typedef struct wide_count {
    size_t units, ascii_le, ascii_be, valid_le, valid_be, zero;
} wide_count;

static wide_count count_units(const unsigned char *b, size_t len, size_t width)
{
    wide_count c = {0, 0, 0, 0, 0, 0};
    size_t n = len < WIDE_SCAN_LIMIT ? len : WIDE_SCAN_LIMIT;
    for (size_t i = 0; i + width <= n; i += width) {
        const unsigned char *u = b + i;
        c.units++;
        bool high_zero_le = true, high_zero_be = true, all_zero = true;
        for (size_t k = 1; k < width; k++) {
            high_zero_le = high_zero_le && u[k] == 0;
            high_zero_be = high_zero_be && u[width - 1 - k] == 0;
        }
        for (size_t k = 0; k < width; k++)
            all_zero = all_zero && u[k] == 0;
        c.zero += all_zero;
        c.ascii_le += high_zero_le && u[0] != 0 && u[0] < 0x80;
        c.ascii_be += high_zero_be && u[width - 1] != 0 && u[width - 1] < 0x80;
        /* UTF-32: a code point is at most 0x10FFFF. */
        c.valid_le += width == 2 || (u[3] == 0 && u[2] <= 0x10);
        c.valid_be += width == 2 || (u[0] == 0 && u[1] <= 0x10);
    }
    return c;
}

const char *wn_sniff_wide(const char *bytes, size_t len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    /* Text in an ASCII-compatible encoding has no zero bytes at all. In
     * UTF-16 and UTF-32 every ASCII character brings its own, always at the
     * same place in its code unit: an eighth of the units or more (the
     * markup of a page in Chinese) have them in one byte order and hardly
     * any in the other (U+4E00 is 00 4E in UTF-16LE). UTF-32 first: its
     * ASCII also reads as UTF-16 with NUL characters. */
    wide_count c = count_units(b, len, 4);
    bool few_nuls = c.zero * 16 <= c.units;
    if (c.units >= 2 && few_nuls && c.valid_le == c.units && c.ascii_le * 8 >= c.units)
        return "UTF-32LE";
    if (c.units >= 2 && few_nuls && c.valid_be == c.units && c.ascii_be * 8 >= c.units)
        return "UTF-32BE";
    c = count_units(b, len, 2);
    if (c.units < 4 || c.zero * 16 > c.units)
        return NULL;
    if (c.ascii_le >= 2 && c.ascii_le * 8 >= c.units && c.ascii_be * 8 <= c.ascii_le)
        return "UTF-16LE";
    if (c.ascii_be >= 2 && c.ascii_be * 8 >= c.units && c.ascii_le * 8 <= c.ascii_be)
        return "UTF-16BE";
    /* A page mostly in Chinese may hold fewer ASCII units than that in its
     * first KB; starting with markup ('<' after white space, as a UTF-16
     * unit) with a few more ASCII units in the same byte order says enough. */
    size_t i = 0;
    while (i + 1 < len && i < WIDE_SCAN_LIMIT && ((b[i] == 0 && (b[i + 1] == ' ' || b[i + 1] == '\n' ||
                                                                 b[i + 1] == '\r' || b[i + 1] == '\t')) ||
                                                  (b[i + 1] == 0 && (b[i] == ' ' || b[i] == '\n' ||
                                                                     b[i] == '\r' || b[i] == '\t'))))
        i += 2;
    if (i + 1 < len && b[i] == '<' && b[i + 1] == 0 && c.ascii_le >= 8 && c.ascii_be * 8 <= c.ascii_le)
        return "UTF-16LE";
    if (i + 1 < len && b[i] == 0 && b[i + 1] == '<' && c.ascii_be >= 8 && c.ascii_le * 8 <= c.ascii_be)
        return "UTF-16BE";
    return NULL;
}

static bool is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'z');
}

bool wn_sniff_ascii_markup(const char *bytes, size_t len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    size_t n = len < WIDE_SCAN_LIMIT ? len : WIDE_SCAN_LIMIT;
    if (memchr(b, 0, n))
        return false;
    unsigned tags = 0;
    for (size_t i = 0; i + 2 < n && tags < 2; i++) {
        if (b[i] != '<')
            continue;
        size_t j = i + 1 + (b[i + 1] == '/' || b[i + 1] == '!');
        if (j >= n || lower(b[j]) < 'a' || lower(b[j]) > 'z')
            continue;
        size_t name = 0;
        while (j < n && is_ascii_alnum(b[j]) && name < 12) {
            j++;
            name++;
        }
        /* A tag name ends at a space, '>' or '/': "<html ", "</p>". */
        if (j < n && (is_ascii_space(b[j]) || b[j] == '>' || b[j] == '/'))
            tags++;
    }
    return tags >= 2;
}

bool wn_charset_is_wide(const char *charset)
{
    return charset && (strncmp(charset, "UTF-16", 6) == 0 || strncmp(charset, "UTF-32", 6) == 0);
}

/* ---- <meta> prescan (after the HTML standard's "prescan a byte stream") -- */

typedef struct scanner {
    const unsigned char *p;
    const unsigned char *end;
} scanner;

typedef struct attr_view {
    const unsigned char *name, *value;
    size_t name_len, value_len;
} attr_view;

static bool starts_with_ci(const unsigned char *p, const unsigned char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(p[i]) != (unsigned char)word[i])
            return false;
    return true;
}

static bool name_is(const attr_view *a, const char *word)
{
    return a->name_len == strlen(word) && starts_with_ci(a->name, a->name + a->name_len, word);
}

/* Reads one attribute; false at '>' or the end. */
static bool next_attribute(scanner *s, attr_view *a)
{
    while (s->p < s->end && (is_ascii_space(*s->p) || *s->p == '/'))
        s->p++;
    if (s->p >= s->end || *s->p == '>')
        return false;
    a->name = s->p;
    while (s->p < s->end && !is_ascii_space(*s->p) && *s->p != '=' && *s->p != '>' &&
           !(*s->p == '/' && s->p != a->name))
        s->p++;
    a->name_len = (size_t)(s->p - a->name);
    a->value = s->p;
    a->value_len = 0;
    while (s->p < s->end && is_ascii_space(*s->p))
        s->p++;
    if (s->p >= s->end || *s->p != '=')
        return true;
    s->p++;
    while (s->p < s->end && is_ascii_space(*s->p))
        s->p++;
    if (s->p >= s->end)
        return true;
    if (*s->p == '"' || *s->p == '\'') {
        unsigned char quote = *s->p++;
        a->value = s->p;
        while (s->p < s->end && *s->p != quote)
            s->p++;
        a->value_len = (size_t)(s->p - a->value);
        if (s->p < s->end)
            s->p++;
    } else {
        a->value = s->p;
        while (s->p < s->end && !is_ascii_space(*s->p) && *s->p != '>')
            s->p++;
        a->value_len = (size_t)(s->p - a->value);
    }
    return true;
}

/* The charset= parameter of a Content-Type value, as the standard extracts it. */
static const char *charset_from_content(const unsigned char *v, size_t len)
{
    const unsigned char *end = v + len;
    for (const unsigned char *p = v; p + 7 <= end; p++) {
        if (!starts_with_ci(p, end, "charset"))
            continue;
        const unsigned char *q = p + 7;
        while (q < end && is_ascii_space(*q))
            q++;
        if (q >= end || *q != '=')
            continue;
        q++;
        while (q < end && is_ascii_space(*q))
            q++;
        if (q >= end)
            return NULL;
        const unsigned char *start = q;
        if (*q == '"' || *q == '\'') {
            unsigned char quote = *q++;
            start = q;
            while (q < end && *q != quote)
                q++;
        } else {
            while (q < end && !is_ascii_space(*q) && *q != ';')
                q++;
        }
        return wn_charset_from_label((const char *)start, (size_t)(q - start));
    }
    return NULL;
}

bool wn_charset_from_hint(const char *hint, const char **charset)
{
    *charset = NULL;
    if (!hint)
        return true;
    size_t len = strlen(hint);
    size_t start = 0;
    while (start < len && is_ascii_space((unsigned char)hint[start]))
        start++;
    if (start == len)
        return true;
    /* No label holds '/', ';' or '=': a Content-Type value does. */
    if (!strpbrk(hint, "/;=")) {
        *charset = wn_charset_from_label(hint, len);
        return *charset != NULL;
    }
    /* The parameters after the media type. */
    const char *params = strchr(hint, ';');
    if (!params)
        return true;
    const unsigned char *p = (const unsigned char *)params;
    const unsigned char *end = (const unsigned char *)hint + len;
    for (; p + 7 <= end; p++) {
        if (!starts_with_ci(p, end, "charset"))
            continue;
        if (p[-1] != ';' && !is_ascii_space(p[-1]))
            continue;
        const unsigned char *q = p + 7;
        while (q < end && is_ascii_space(*q))
            q++;
        if (q >= end || *q != '=')
            continue;
        q++;
        while (q < end && is_ascii_space(*q))
            q++;
        const unsigned char *value = q;
        if (q < end && *q == '"') {
            value = ++q;
            while (q < end && *q != '"')
                q++;
        } else {
            while (q < end && !is_ascii_space(*q) && *q != ';')
                q++;
        }
        *charset = wn_charset_from_label((const char *)value, (size_t)(q - value));
        return *charset != NULL;
    }
    return true;
}

bool wn_charset_is_latin1(const char *charset)
{
    return charset && (strcmp(charset, "WINDOWS-1252") == 0 || strcmp(charset, "ISO-8859-15") == 0);
}

static const char *meta_charset(scanner *s)
{
    attr_view a;
    bool http_equiv_ct = false;
    const char *from_content = NULL, *from_charset = NULL;
    bool have_charset_attr = false;
    while (next_attribute(s, &a)) {
        if (name_is(&a, "http-equiv")) {
            http_equiv_ct = a.value_len == 12 &&
                            starts_with_ci(a.value, a.value + a.value_len, "content-type");
        } else if (name_is(&a, "content") && !from_content) {
            from_content = charset_from_content(a.value, a.value_len);
        } else if (name_is(&a, "charset") && !have_charset_attr) {
            have_charset_attr = true;
            from_charset = wn_charset_from_label((const char *)a.value, a.value_len);
        }
    }
    const char *found = have_charset_attr ? from_charset : (http_equiv_ct ? from_content : NULL);
    if (wn_charset_is_wide(found))
        found = "UTF-8";
    return found;
}

static void skip_past(scanner *s, const char *marker)
{
    size_t n = strlen(marker);
    while (s->p < s->end) {
        if ((size_t)(s->end - s->p) >= n && memcmp(s->p, marker, n) == 0) {
            s->p += n;
            return;
        }
        s->p++;
    }
}

/* Skips a tag's attributes (quoted values may hold '>'). */
static void skip_tag(scanner *s)
{
    attr_view a;
    while (next_attribute(s, &a))
        ;
    if (s->p < s->end)
        s->p++;
}

/* Browsers look at the first 1024 bytes; real pages put long scripts first, so
 * look further, but only inside the head. */
#define META_SCAN_LIMIT (16u * 1024u)

const char *wn_sniff_meta(const char *bytes, size_t len)
{
    scanner s = {(const unsigned char *)bytes,
                 (const unsigned char *)bytes + (len < META_SCAN_LIMIT ? len : META_SCAN_LIMIT)};
    while (s.p < s.end) {
        if (*s.p != '<') {
            s.p++;
            continue;
        }
        if (starts_with_ci(s.p, s.end, "<!--")) {
            s.p += 4;
            skip_past(&s, "-->");
        } else if (starts_with_ci(s.p, s.end, "<meta") && s.p + 5 < s.end &&
                   (is_ascii_space(s.p[5]) || s.p[5] == '/')) {
            s.p += 5;
            const char *found = meta_charset(&s);
            if (found)
                return found;
        } else if (starts_with_ci(s.p, s.end, "<body")) {
            return NULL;
        } else if (starts_with_ci(s.p, s.end, "<script") || starts_with_ci(s.p, s.end, "<style")) {
            bool script = s.p[1] == 's' || s.p[1] == 'S' ? (lower(s.p[2]) == 'c') : false;
            skip_tag(&s);
            /* Skip the raw text body so that strings in it are not read as tags. */
            const char *close = script ? "</script" : "</style";
            while (s.p < s.end && !starts_with_ci(s.p, s.end, close))
                s.p++;
        } else if (s.p + 1 < s.end && (s.p[1] == '/' || s.p[1] == '!' || s.p[1] == '?' ||
                                        ((lower(s.p[1]) >= 'a' && lower(s.p[1]) <= 'z')))) {
            s.p++;
            skip_tag(&s);
        } else {
            s.p++;
        }
    }
    return NULL;
}
