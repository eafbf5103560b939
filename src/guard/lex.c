#include <stddef.h>
#include <string.h>

#include "guard/guard_internal.h"

/* ---- tokens ---- */

uint32_t wn_guard_name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)lower(s[i]);
        h *= 16777619u;
    }
    return h ? h : 1;
}

/* Attribute values keep their case: the Noah's ark clause compares them
 * exactly. (Raw bytes: values that differ only in how a character is
 * written, "&amp;" or "&", count as different, which only keeps more
 * entries on the list than Gumbo does, never fewer.) */
static uint64_t value_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ull;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dull;
    x ^= x >> 33;
    return x;
}

int wn_guard_equals_nocase(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    if (n != w)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != word[i])
            return 0;
    return 1;
}

const char *wn_guard_find(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
            return s + i;
    return NULL;
}

static int contains_json(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (lower(s[i]) == 'j' && lower(s[i + 1]) == 's' && lower(s[i + 2]) == 'o' &&
            lower(s[i + 3]) == 'n')
            return 1;
    return 0;
}

static int contains_nocase(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++)
        if (wn_guard_equals_nocase(s + i, k, word))
            return 1;
    return 0;
}

/* A script type whose body is markup for a script to render. */
static int markup_type(const char *s, size_t n)
{
    if (wn_guard_equals_nocase(s, n, "text/html"))
        return 1;
    static const char *const words[] = {"template", "handlebars", "mustache", "x-tmpl"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t k = strlen(words[w]);
        for (size_t i = 0; i + k <= n; i++)
            if (wn_guard_equals_nocase(s + i, k, words[w]))
                return 1;
    }
    return 0;
}

static int starts_nocase(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    return n >= w && wn_guard_equals_nocase(s, w, word);
}

/* Whether word (lower case) is in s[0..n) once white space is left out:
 * blocks.c reads "display:none" in a style with its spaces removed (and
 * the parser turns a CR into a newline). */
static int contains_spaced_nocase(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; i < n; i++) {
        /* a match starts at a letter: from a space, the scan below would
         * run through the whole run again (quadratic in a value of spaces) */
        if (is_space(s[i]))
            continue;
        size_t k = 0;
        for (size_t j = i; j < n && k < w; j++) {
            if (is_space(s[j]))
                continue;
            if (lower(s[j]) != word[k])
                break;
            k++;
        }
        if (k == w)
            return 1;
    }
    return 0;
}

/* The attribute names the scan tells apart (guard_internal.h's AK_*). */
static int attr_kind(const char *name, size_t n)
{
    if (n == 0)
        return AK_OTHER;
    switch (lower(name[0])) {
    case 't':
        return wn_guard_equals_nocase(name, n, "type") ? AK_TYPE : AK_OTHER;
    case 'e':
        return wn_guard_equals_nocase(name, n, "encoding") ? AK_ENCODING : AK_OTHER;
    case 'c':
        if (wn_guard_equals_nocase(name, n, "class"))
            return AK_EVERY;
        if (wn_guard_equals_nocase(name, n, "content"))
            return AK_CONTENT;
        return wn_guard_equals_nocase(name, n, "color") ? AK_FONT : AK_OTHER;
    case 'f':
        return wn_guard_equals_nocase(name, n, "face") ? AK_FONT : AK_OTHER;
    case 's':
        if (wn_guard_equals_nocase(name, n, "size"))
            return AK_FONT;
        if (wn_guard_equals_nocase(name, n, "style"))
            return AK_STYLE;
        if (wn_guard_equals_nocase(name, n, "srcset"))
            return AK_SRCSET;
        return wn_guard_equals_nocase(name, n, "src") ? AK_SRC : AK_OTHER;
    case 'd':
        if (starts_nocase(name, n, "data-"))
            /* where blocks/declare.c finds a lazy image's address */
            return wn_guard_equals_nocase(name, n, "data-src") ||
                           wn_guard_equals_nocase(name, n, "data-original") ||
                           wn_guard_equals_nocase(name, n, "data-lazy-src") ||
                           wn_guard_equals_nocase(name, n, "data-srcset")
                       ? AK_DATA_SRC
                       : AK_DATA;
        if (wn_guard_equals_nocase(name, n, "datetime"))
            return AK_DATETIME;
        return n == 1 ? AK_GONE : AK_OTHER;
    case 'p':
        if (wn_guard_equals_nocase(name, n, "property"))
            return AK_META;
        return wn_guard_equals_nocase(name, n, "points") ? AK_GONE : AK_OTHER;
    case 'o':
        return n > 2 && lower(name[1]) == 'n' ? AK_GONE : AK_OTHER;
    case 'h':
        if (wn_guard_equals_nocase(name, n, "hidden"))
            return AK_HIDING;
        if (wn_guard_equals_nocase(name, n, "http-equiv"))
            return AK_META;
        return wn_guard_equals_nocase(name, n, "href") ? AK_HREF : AK_OTHER;
    case 'r':
        if (wn_guard_equals_nocase(name, n, "role"))
            return AK_EVERY;
        return wn_guard_equals_nocase(name, n, "rel") ? AK_REL : AK_OTHER;
    case 'i':
        if (wn_guard_equals_nocase(name, n, "id"))
            return AK_EVERY;
        return wn_guard_equals_nocase(name, n, "itemprop") ? AK_ITEMPROP : AK_OTHER;
    case 'a':
        if (wn_guard_equals_nocase(name, n, "alt"))
            return AK_ALT;
        if (wn_guard_equals_nocase(name, n, "aria-hidden"))
            return AK_HIDING;
        return wn_guard_equals_nocase(name, n, "aria-modal") ? AK_EVERY : AK_OTHER;
    case 'n':
        return wn_guard_equals_nocase(name, n, "name") ? AK_META : AK_OTHER;
    default:
        return AK_OTHER;
    }
}

/* The readers (R_*) that want an attribute of this kind: src/blocks reads
 * class, id, role, itemprop, aria-modal, hidden, aria-hidden and style on
 * every element it walks (hidden, aria-hidden and style on an <input>
 * too), a <meta>'s name, property, http-equiv and content, an itemprop's
 * content or datetime, a <time>'s datetime, a <link>'s rel and href, a
 * <base>'s href, an <a>'s rel and href (whose value only with links or
 * images wanted, or for a rel src/meta reads), a script's or an input's
 * type, and an <img>'s src, alt, srcset and lazy sources with links or
 * images wanted (blocks/declare.c). */
static unsigned read_on(int kind)
{
    switch (kind) {
    case AK_EVERY: case AK_ITEMPROP: return R_READ;
    case AK_HIDING: case AK_STYLE: return R_READ | R_INPUT;
    case AK_TYPE: return R_SCRIPT | R_INPUT;
    case AK_ENCODING: case AK_FONT: return R_STEER;
    case AK_HREF: return R_HREF | R_LINK | R_BASE;
    case AK_REL: return R_A | R_LINK;
    case AK_META: return R_META;
    case AK_CONTENT: return R_META | R_ITEMPROP;
    case AK_DATETIME: return R_TIME | R_ITEMPROP;
    case AK_SRC: case AK_ALT: case AK_SRCSET: case AK_DATA_SRC: return R_IMAGE;
    default: return 0;
    }
}

/* Whether a style may set white-space (blocks.c reads it with its spaces
 * removed), or holds a character reference that could spell it. */
static int style_keeps_space(const char *value, size_t value_len)
{
    return memchr(value, '&', value_len) || contains_spaced_nocase(value, value_len, "white-space");
}

/* What of an attribute the extraction never reads, on any element (so
 * that Gumbo need not tokenize it): 0 nothing, 1 the whole attribute, 2
 * the payload of a data: URL (the value keeps "data:"). Gone: data-* (but
 * data-src, data-original, data-lazy-src, data-srcset, where
 * blocks/declare.c finds a lazy image's address), on* event handlers, SVG
 * path data (d, points), and style attributes that can neither hide the
 * element nor keep its white space (no "display" nor "white-space" in
 * them, even with white space inside, no character reference that could
 * spell them). What other elements' readers want (read_on()) start_tag()
 * decides. */
static int strippable(int kind, const char *value, size_t value_len)
{
    switch (kind) {
    case AK_DATA: case AK_GONE:
        return 1;
    case AK_STYLE:
        return !style_keeps_space(value, value_len) &&
               !contains_spaced_nocase(value, value_len, "display");
    case AK_SRC: case AK_HREF:
        return value_len > 64 && starts_nocase(value, value_len, "data:") ? 2 : 0;
    default:
        return 0;
    }
}

/* Reads attributes from i to the tag's '>' as the HTML tokenizer does;
 * attributes past the first `keep` are marked for cutting. */
void wn_guard_scan_attributes(const guard *g, size_t i, size_t keep, int hash, tag_scan *t)
{
    const char *s = g->in;
    size_t len = g->len;
    memset(t, 0, offsetof(tag_scan, range));
    for (;;) {
        while (i < len && (is_space(s[i]) || (s[i] == '/' && !(i + 1 < len && s[i + 1] == '>'))))
            i++;
        if (i >= len) {
            t->end = len;
            return;
        }
        if (s[i] == '/') { /* "/>" */
            t->self_closing = 1;
            i++;
        }
        if (s[i] == '>') {
            t->end = i + 1;
            t->terminated = 1;
            return;
        }
        size_t name = i++;
        while (i < len && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=')
            i++;
        size_t name_len = i - name;
        size_t value = i, value_len = 0;
        size_t j = i;
        while (j < len && is_space(s[j]))
            j++;
        if (j < len && s[j] == '=') {
            j++;
            while (j < len && is_space(s[j]))
                j++;
            if (j < len && (s[j] == '"' || s[j] == '\'')) {
                const char *close = memchr(s + j + 1, s[j], len - j - 1);
                value = j + 1;
                i = close ? (size_t)(close - s) + 1 : len;
                value_len = close ? (size_t)(close - s) - value : len - value;
            } else {
                value = j;
                i = j;
                while (i < len && !is_space(s[i]) && s[i] != '>')
                    i++;
                value_len = i - value;
            }
        }
        const char *v = s + value;
        int kind = attr_kind(s + name, name_len);
        if (kind == AK_TYPE) {
            if (contains_json(v, value_len))
                t->json_type = 1;
            if (contains_nocase(v, value_len, "ld+json") || memchr(v, '&', value_len))
                t->ld_json_type = 1;
            if (markup_type(v, value_len))
                t->markup_type = 1;
            if (wn_guard_equals_nocase(v, value_len, "hidden") && !memchr(v, '&', value_len))
                t->hidden = 1;
        } else if (kind == AK_ENCODING) {
            if (memchr(v, '&', value_len) || wn_guard_equals_nocase(v, value_len, "text/html") ||
                wn_guard_equals_nocase(v, value_len, "application/xhtml+xml"))
                t->html_encoding = 1;
        } else if (kind == AK_FONT) {
            t->font_breakout = 1;
        } else if (kind == AK_REL) {
            /* src/meta reads a <link>'s href for these rels alone */
            if (memchr(v, '&', value_len) || contains_nocase(v, value_len, "canonical") ||
                contains_nocase(v, value_len, "license"))
                t->href_read = 1;
            /* and an <a>'s for these (blocks/declare.c) */
            if (memchr(v, '&', value_len) || contains_nocase(v, value_len, "license") ||
                contains_nocase(v, value_len, "author") || contains_nocase(v, value_len, "tag"))
                t->rel_read = 1;
        } else if (kind == AK_ITEMPROP) {
            t->href_read = 1; /* microdata: a <link itemprop> gives its href */
            t->itemprop = 1;
        }
        uint64_t attribute_hash = 0;
        if (hash) {
            attribute_hash = mix64(((uint64_t)wn_guard_name_hash(s + name, name_len) << 32) ^
                                   (uint64_t)(value_len * 0x9e3779b9u) ^ value_hash(v, value_len));
            t->hash += attribute_hash;
        }
        t->attributes++;
        if (t->attributes <= keep)
            t->attribute_bytes += name_len + value_len;
        int style = kind == AK_STYLE;
        t->styles += (unsigned)style;
        if (style && style_keeps_space(v, value_len))
            t->white_space = 1;
        if (t->ranges < ATTR_MAX) {
            int strip = strippable(kind, v, value_len);
            attr_range *r = &t->range[t->ranges++];
            r->from = name;
            r->to = i;
            r->payload = strip == 2 ? value + 5 : 0;
            r->payload_to = value + value_len;
            r->name_len = name_len;
            r->hash = attribute_hash;
            r->read_on = read_on(kind);
            r->always = strip == 1;
            r->style = style;
            r->kind = kind;
            int nul_name = memchr(s + name, '\0', name_len) != NULL;
            t->odd_names |= nul_name;
            /* only a formatting element's stand-in (hash) asks */
            r->plain = hash && !nul_name && !memchr(v, '&', value_len) &&
                       !memchr(v, '\r', value_len) && !memchr(v, '\0', value_len);
        } else {
            t->ranges_overflow = 1;
        }
        if (t->attributes == keep + 1)
            t->cut_from = name;
    }
}

GumboTag wn_guard_read_tag_name(const guard *g, size_t start, size_t *end, uint32_t *hash)
{
    size_t i = start;
    while (i < g->len && !is_space(g->in[i]) && g->in[i] != '/' && g->in[i] != '>')
        i++;
    *end = i;
    size_t n = i - start;
    *hash = wn_guard_name_hash(g->in + start, n);
    char name[24];
    if (n == 0 || n >= sizeof name)
        return GUMBO_TAG_UNKNOWN;
    for (size_t k = 0; k < n; k++)
        name[k] = lower(g->in[start + k]);
    return gumbo_tagn_enum(name, (unsigned)n);
}

/* Whether `name` (lower case, n bytes) starts at i, in any case, followed by
 * what ends a tag name (or the end of input). */
int wn_guard_tag_name_at(const guard *g, size_t i, const char *name, size_t n)
{
    if (i + n > g->len)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (lower(g->in[i + k]) != name[k])
            return 0;
    size_t after = i + n;
    return after == g->len || is_space(g->in[after]) || g->in[after] == '/' ||
           g->in[after] == '>';
}

/* Offset of the "</name" that ends a raw-text element, or len. */
size_t wn_guard_raw_text_end(const guard *g, size_t i, GumboTag tag)
{
    const char *name = gumbo_normalized_tagname(tag);
    size_t n = strlen(name);
    while (i < g->len) {
        const char *lt = memchr(g->in + i, '<', g->len - i);
        if (!lt)
            return g->len;
        size_t at = (size_t)(lt - g->in);
        if (at + 1 < g->len && g->in[at + 1] == '/' && wn_guard_tag_name_at(g, at + 2, name, n))
            return at;
        i = at + 1;
    }
    return g->len;
}

/* Offset of the "</script" that ends a script, with the tokenizer's escape
 * states: inside "<!--", a nested "<script" hides the next "</script". */
size_t wn_guard_script_end(const guard *g, size_t i)
{
    const char *s = g->in;
    size_t len = g->len;
    enum { DATA, ESCAPED, DOUBLE_ESCAPED } state = DATA;
    while (i < len) {
        if (state == DATA) {
            const char *lt = memchr(s + i, '<', len - i);
            if (!lt)
                return len;
            i = (size_t)(lt - s);
            if (i + 1 < len && s[i + 1] == '/' && wn_guard_tag_name_at(g, i + 2, "script", 6))
                return i;
            if (i + 4 <= len && memcmp(s + i, "<!--", 4) == 0) {
                state = ESCAPED;
                i += 4;
                continue;
            }
            i++;
            continue;
        }
        if (s[i] == '-' && i + 3 <= len && s[i + 1] == '-' && s[i + 2] == '>') {
            state = DATA;
            i += 3;
            continue;
        }
        if (s[i] == '<') {
            int end = i + 1 < len && s[i + 1] == '/' && wn_guard_tag_name_at(g, i + 2, "script", 6);
            if (state == ESCAPED && end)
                return i;
            if (state == ESCAPED && wn_guard_tag_name_at(g, i + 1, "script", 6)) {
                state = DOUBLE_ESCAPED;
                i += 7;
                continue;
            }
            if (state == DOUBLE_ESCAPED && end) {
                state = ESCAPED;
                i += 8;
                continue;
            }
        }
        i++;
    }
    return len;
}

size_t wn_guard_skip_to_gt(const guard *g, size_t i)
{
    const char *gt = memchr(g->in + i, '>', g->len - i);
    return gt ? (size_t)(gt - g->in) + 1 : g->len;
}

/* End of a comment opened at i ("<!--"): "-->" or "--!>", the abrupt "<!-->"
 * and "<!--->", or the end of input; as the standard's comment states. */
size_t wn_guard_comment_end(const guard *g, size_t i)
{
    const char *s = g->in;
    size_t len = g->len, k = i + 4;
    if (k < len && s[k] == '>')
        return k + 1;
    if (k + 1 < len && s[k] == '-' && s[k + 1] == '>')
        return k + 2;
    while (k < len) {
        const char *dash = memchr(s + k, '-', len - k);
        if (!dash)
            return len;
        k = (size_t)(dash - s);
        if (k + 1 < len && s[k + 1] == '-') {
            size_t e = k + 2;
            while (e < len && s[e] == '-')
                e++;
            if (e < len && s[e] == '>')
                return e + 1;
            if (e + 1 < len && s[e] == '!' && s[e + 1] == '>')
                return e + 2;
            k = e;
            continue;
        }
        k++;
    }
    return len;
}

/* The raw-text kinds a start tag may open (whether it does is the model's
 * call). */
int wn_guard_raw_kind(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TITLE: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
        return 1;
    default:
        return 0;
    }
}

/* After a raw-text body ending at `at` (or at the end of input): the end tag
 * that closes the element is the parser's, not a token for the model. */
void wn_guard_skip_raw_end_tag(guard *g, size_t at)
{
    if (at >= g->len) {
        g->pos = g->len;
        return;
    }
    size_t name_end;
    uint32_t hash;
    wn_guard_read_tag_name(g, at + 2, &name_end, &hash);
    tag_scan t;
    wn_guard_scan_attributes(g, name_end, SIZE_MAX, 0, &t);
    g->pos = t.end;
}
