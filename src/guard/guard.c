#include "guard/guard.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guard/tree.h"
#include "guard/tree_internal.h"

typedef struct guard {
    const char *in;
    size_t len;
    size_t pos;
    char *out;             /* the parser's copy, made at the first change */
    size_t out_len, out_cap;
    size_t copied;         /* input before this offset is in out (or was dropped) */
    wn_arena *arena;
    const wn_guard_limits *limits;
    wn_guard_report *report;
    wn_gt tree;
    uint32_t dropped[GUMBO_TAG_LAST + 1]; /* cut start tags whose end tag is still to come */
    size_t html_attributes, body_attributes; /* merged into the one <html> / <body> */
    int text, text_nonspace; /* text since the last tag */
    int tokens;            /* a doctype counts only as the first token */
    size_t ignored_newline; /* just after a <pre> or <listing> start tag (else SIZE_MAX) */
    int nul;               /* a NUL was met */
    size_t text_nodes;
} guard;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* ---- the parser's copy: written in input order, never behind `copied` ---- */

static wn_status reserve(guard *g, size_t more)
{
    if (g->out && g->out_len + more <= g->out_cap)
        return WN_OK;
    size_t cap = g->out_cap ? g->out_cap * 2 : g->len + g->len / 8 + 64;
    if (cap < g->out_len + more)
        cap = g->out_len + more;
    char *grown = wn_arena_alloc(g->arena, cap);
    if (!grown)
        return g->arena->limit_hit ? WN_ERR_MEMORY_LIMIT : WN_ERR_NOMEM;
    if (g->out_len)
        memcpy(grown, g->out, g->out_len);
    g->out = grown;
    g->out_cap = cap;
    return WN_OK;
}

/* Copies the input up to `to` (from where the copy stands). */
static wn_status copy_to(guard *g, size_t to)
{
    if (to <= g->copied)
        return WN_OK;
    wn_status st = reserve(g, to - g->copied);
    if (st != WN_OK)
        return st;
    memcpy(g->out + g->out_len, g->in + g->copied, to - g->copied);
    g->out_len += to - g->copied;
    g->copied = to;
    return WN_OK;
}

/* Leaves input[from..to) out of the parser's copy. A cut never joins a
 * text '<' before it to what follows ("<<?>v>" must not become "<v>"): that
 * '<' becomes "&lt;", the same text. */
static wn_status cut(guard *g, size_t from, size_t to)
{
    wn_status st = copy_to(g, from);
    if (st == WN_OK && !g->out)
        st = reserve(g, 0);
    if (st == WN_OK && g->out_len && g->out[g->out_len - 1] == '<' && from < to) {
        g->out_len--;
        st = reserve(g, 4);
        if (st == WN_OK) {
            memcpy(g->out + g->out_len, "&lt;", 4);
            g->out_len += 4;
        }
    }
    if (st == WN_OK && to > g->copied)
        g->copied = to;
    return st;
}

static wn_status emit(guard *g, const char *s, size_t n)
{
    wn_status st = reserve(g, n);
    if (st == WN_OK) {
        memcpy(g->out + g->out_len, s, n);
        g->out_len += n;
    }
    return st;
}

/* Replaces every '<' of input[from..to) with `with`. */
static wn_status escape_lt(guard *g, size_t from, size_t to, const char *with)
{
    const char *lt = memchr(g->in + from, '<', to - from);
    while (lt) {
        size_t at = (size_t)(lt - g->in);
        wn_status st = cut(g, at, at + 1);
        if (st == WN_OK)
            st = emit(g, with, strlen(with));
        if (st != WN_OK)
            return st;
        lt = memchr(g->in + at + 1, '<', to - at - 1);
    }
    return WN_OK;
}

/* ---- tokens ---- */

static uint32_t name_hash(const char *s, size_t n)
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

static int equals_nocase(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    if (n != w)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != word[i])
            return 0;
    return 1;
}

static const char *find(const char *s, size_t n, const char *needle)
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

/* A script type whose body is markup for a script to render. */
static int markup_type(const char *s, size_t n)
{
    if (equals_nocase(s, n, "text/html"))
        return 1;
    static const char *const words[] = {"template", "handlebars", "mustache", "x-tmpl"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t k = strlen(words[w]);
        for (size_t i = 0; i + k <= n; i++)
            if (equals_nocase(s + i, k, words[w]))
                return 1;
    }
    return 0;
}

/* Keeps the longest ranges of hidden markup. */
static void note_hidden(guard *g, size_t start, size_t end)
{
    wn_guard_report *r = g->report;
    if (end <= start)
        return;
    wn_guard_range range = {start, end - start};
    unsigned n = r->hidden_count;
    if (n == WN_GUARD_HIDDEN_MAX) {
        if (r->hidden[n - 1].len >= range.len)
            return;
        n--;
    }
    unsigned at = n;
    while (at > 0 && r->hidden[at - 1].len < range.len) {
        r->hidden[at] = r->hidden[at - 1];
        at--;
    }
    r->hidden[at] = range;
    r->hidden_count = n + 1;
}

/* Attribute bytes the extraction never reads, left out of the parser's
 * copy so that Gumbo does not tokenize them (see strippable()). */
#define STRIP_MAX 16
typedef struct strip_range {
    size_t from, to;
    int style;               /* a style attribute (kept if the tag has two) */
} strip_range;

typedef struct tag_scan {
    size_t end;              /* just past '>', or len when unterminated */
    int terminated;
    int self_closing;
    size_t attributes;
    size_t attribute_bytes;  /* names and values of the first `keep` */
    size_t cut_from;         /* start of the first attribute past `keep` (0: none) */
    uint64_t hash;           /* order-free hash of names and values */
    int json_type;           /* type="...json..." (JSON-LD data) */
    int markup_type;         /* a script type for markup (markup_type()) */
    int hidden;              /* type=hidden */
    int html_encoding;       /* encoding=text/html or application/xhtml+xml, or unsure */
    int font_breakout;       /* color, face or size */
    strip_range strip[STRIP_MAX]; /* in input order */
    unsigned strips;
    unsigned styles;         /* style attributes */
} tag_scan;

static int starts_nocase(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    return n >= w && equals_nocase(s, w, word);
}

/* Whether word (lower case) is in s[0..n) once white space is left out:
 * blocks.c reads "display:none" in a style with its spaces removed (and
 * the parser turns a CR into a newline). */
static int contains_spaced_nocase(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; i < n; i++) {
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

/* What of an attribute the extraction never reads (blocks.c reads the
 * tree's attributes; src/meta reads what blocks.c records), so that Gumbo
 * need not tokenize it: 0 nothing, 1 the whole attribute, 2 the payload of
 * a data: URL (the value keeps "data:"). Left whole: every attribute a
 * reader names (class, id, style with "display" or "white-space", hidden,
 * aria-hidden, role,
 * itemprop, content, property, name, http-equiv, href, rel, datetime, lang,
 * type, src, alt, ...) and those that steer tree construction (type,
 * encoding, color, face, size). Gone: data-* (but data-src, a lazy image's
 * address), srcset, on* event handlers, SVG path data (d, points), and
 * style attributes that can neither hide the element nor keep its white
 * space (no "display" nor "white-space" in them, even with white space
 * inside, no character reference that could spell them). */
static int strippable(const char *name, size_t name_len, const char *value, size_t value_len)
{
    if (starts_nocase(name, name_len, "data-"))
        return !equals_nocase(name, name_len, "data-src");
    if (equals_nocase(name, name_len, "srcset") || equals_nocase(name, name_len, "d") ||
        equals_nocase(name, name_len, "points"))
        return 1;
    if (name_len > 2 && starts_nocase(name, name_len, "on"))
        return 1;
    if (equals_nocase(name, name_len, "style"))
        return !memchr(value, '&', value_len) && !contains_spaced_nocase(value, value_len, "display") &&
               !contains_spaced_nocase(value, value_len, "white-space");
    if (value_len > 64 && starts_nocase(value, value_len, "data:") &&
        (equals_nocase(name, name_len, "src") || equals_nocase(name, name_len, "href")))
        return 2;
    return 0;
}

/* Reads attributes from i to the tag's '>' as the HTML tokenizer does;
 * attributes past the first `keep` are marked for cutting. */
static void scan_attributes(const guard *g, size_t i, size_t keep, tag_scan *t)
{
    const char *s = g->in;
    size_t len = g->len;
    memset(t, 0, sizeof *t);
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
        int entity = memchr(v, '&', value_len) != NULL;
        if (equals_nocase(s + name, name_len, "type")) {
            if (contains_json(v, value_len))
                t->json_type = 1;
            if (markup_type(v, value_len))
                t->markup_type = 1;
            if (equals_nocase(v, value_len, "hidden") && !entity)
                t->hidden = 1;
        } else if (equals_nocase(s + name, name_len, "encoding")) {
            if (entity || equals_nocase(v, value_len, "text/html") ||
                equals_nocase(v, value_len, "application/xhtml+xml"))
                t->html_encoding = 1;
        } else if (equals_nocase(s + name, name_len, "color") ||
                   equals_nocase(s + name, name_len, "face") ||
                   equals_nocase(s + name, name_len, "size")) {
            t->font_breakout = 1;
        }
        t->hash += mix64(((uint64_t)name_hash(s + name, name_len) << 32) ^
                         (uint64_t)(value_len * 0x9e3779b9u) ^ value_hash(v, value_len));
        t->attributes++;
        if (t->attributes <= keep)
            t->attribute_bytes += name_len + value_len;
        int style = equals_nocase(s + name, name_len, "style");
        t->styles += (unsigned)style;
        int strip = strippable(s + name, name_len, v, value_len);
        if (strip && t->strips < STRIP_MAX) {
            strip_range *r = &t->strip[t->strips++];
            r->from = strip == 2 ? value + 5 : name;
            r->to = strip == 2 ? value + value_len : i;
            r->style = style;
        }
        if (t->attributes == keep + 1)
            t->cut_from = name;
    }
}

static GumboTag read_tag_name(const guard *g, size_t start, size_t *end, uint32_t *hash)
{
    size_t i = start;
    while (i < g->len && !is_space(g->in[i]) && g->in[i] != '/' && g->in[i] != '>')
        i++;
    *end = i;
    size_t n = i - start;
    *hash = name_hash(g->in + start, n);
    char name[24];
    if (n == 0 || n >= sizeof name)
        return GUMBO_TAG_UNKNOWN;
    for (size_t k = 0; k < n; k++)
        name[k] = lower(g->in[start + k]);
    return gumbo_tagn_enum(name, (unsigned)n);
}

/* Whether `name` (lower case, n bytes) starts at i, in any case, followed by
 * what ends a tag name (or the end of input). */
static int tag_name_at(const guard *g, size_t i, const char *name, size_t n)
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
static size_t raw_text_end(const guard *g, size_t i, GumboTag tag)
{
    const char *name = gumbo_normalized_tagname(tag);
    size_t n = strlen(name);
    while (i < g->len) {
        const char *lt = memchr(g->in + i, '<', g->len - i);
        if (!lt)
            return g->len;
        size_t at = (size_t)(lt - g->in);
        if (at + 1 < g->len && g->in[at + 1] == '/' && tag_name_at(g, at + 2, name, n))
            return at;
        i = at + 1;
    }
    return g->len;
}

/* Offset of the "</script" that ends a script, with the tokenizer's escape
 * states: inside "<!--", a nested "<script" hides the next "</script". */
static size_t script_end(const guard *g, size_t i)
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
            if (i + 1 < len && s[i + 1] == '/' && tag_name_at(g, i + 2, "script", 6))
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
            int end = i + 1 < len && s[i + 1] == '/' && tag_name_at(g, i + 2, "script", 6);
            if (state == ESCAPED && end)
                return i;
            if (state == ESCAPED && tag_name_at(g, i + 1, "script", 6)) {
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

static size_t skip_to_gt(const guard *g, size_t i)
{
    const char *gt = memchr(g->in + i, '>', g->len - i);
    return gt ? (size_t)(gt - g->in) + 1 : g->len;
}

/* End of a comment opened at i ("<!--"): "-->" or "--!>", the abrupt "<!-->"
 * and "<!--->", or the end of input; as the standard's comment states. */
static size_t comment_end(const guard *g, size_t i)
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

/* Text between tags. NUL is no text: Gumbo drops it in the body, and so
 * it re-creates no formatting element there. */
static void note_text(guard *g, size_t from, size_t to)
{
    if (from == g->ignored_newline && from < to && (g->in[from] == '\n' || g->in[from] == '\r')) {
        /* The newline that follows <pre> or <listing> is dropped. */
        from += g->in[from] == '\r' && from + 1 < to && g->in[from + 1] == '\n' ? 2 : 1;
    }
    for (size_t i = from; i < to && !g->text_nonspace; i++) {
        char c = g->in[i];
        if (c == '\0') {
            g->nul = 1; /* before a doctype, it already means quirks mode */
            continue;
        }
        g->text = 1;
        if (!is_space(c))
            g->text_nonspace = 1;
    }
}

static void flush_text(guard *g)
{
    if (g->text) {
        wn_gt_text(&g->tree, g->text_nonspace);
        g->text_nodes++;
    }
    g->text = g->text_nonspace = 0;
}

/* Public identifiers that put a page in quirks mode (the HTML standard's
 * list). Gumbo compares them whole, without case, not as prefixes. */
static const char *const QUIRKS_PUBLIC[] = {
    "+//Silmaril//dtd html Pro v0r11 19970101//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
    "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//IETF//DTD HTML 2.0 Level 1//", "-//IETF//DTD HTML 2.0 Level 2//",
    "-//IETF//DTD HTML 2.0 Strict Level 1//", "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//", "-//IETF//DTD HTML 2.0//", "-//IETF//DTD HTML 2.1E//",
    "-//IETF//DTD HTML 3.0//", "-//IETF//DTD HTML 3.2 Final//", "-//IETF//DTD HTML 3.2//",
    "-//IETF//DTD HTML 3//", "-//IETF//DTD HTML Level 0//", "-//IETF//DTD HTML Level 1//",
    "-//IETF//DTD HTML Level 2//", "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//", "-//IETF//DTD HTML Strict Level 1//",
    "-//IETF//DTD HTML Strict Level 2//", "-//IETF//DTD HTML Strict Level 3//",
    "-//IETF//DTD HTML Strict//", "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
    "-//Netscape Comm. Corp.//DTD HTML//", "-//Netscape Comm. Corp.//DTD Strict HTML//",
    "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
    "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
    "-//Spyglass//DTD HTML 2.0 Extended//", "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//",
    "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//", "-//W3C//DTD HTML 3.2 Draft//",
    "-//W3C//DTD HTML 3.2 Final//", "-//W3C//DTD HTML 3.2//", "-//W3C//DTD HTML 3.2S Draft//",
    "-//W3C//DTD HTML 4.0 Frameset//", "-//W3C//DTD HTML 4.0 Transitional//",
    "-//W3C//DTD HTML Experimental 19960712//", "-//W3C//DTD HTML Experimental 970421//",
    "-//W3C//DTD W3 HTML//", "-//W3O//DTD W3 HTML 3.0//", "-//WebTechs//DTD Mozilla HTML 2.0//",
    "-//WebTechs//DTD Mozilla HTML//",
};

static int is_doctype_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* A quoted identifier at *i: its span, or 0 when there is no quote or a '>'
 * (or the end) comes first, which forces quirks mode. */
static int doctype_id(const char *s, size_t n, size_t *i, size_t *from, size_t *len)
{
    while (*i < n && is_doctype_space(s[*i]))
        (*i)++;
    if (*i >= n || (s[*i] != '"' && s[*i] != '\''))
        return 0;
    char quote = s[(*i)++];
    *from = *i;
    while (*i < n && s[*i] != quote && s[*i] != '>')
        (*i)++;
    if (*i >= n || s[*i] != quote)
        return 0;
    *len = *i - *from;
    (*i)++;
    return 1;
}

/* Whether a doctype (s[0..n), from "<!" to its '>') puts the page in quirks
 * mode, where <table> does not close an open <p>: as the standard's doctype
 * states read it (a missing name, an unknown keyword, an unquoted or cut
 * identifier force quirks) and as Gumbo then decides. */
static int doctype_quirks(const char *s, size_t n)
{
    size_t i = 9; /* "<!doctype" */
    while (i < n && is_doctype_space(s[i]))
        i++;
    size_t name = i;
    while (i < n && !is_doctype_space(s[i]) && s[i] != '>')
        i++;
    if (i == name || i >= n || !equals_nocase(s + name, i - name, "html"))
        return 1; /* no name, cut off, or not html */
    while (i < n && is_doctype_space(s[i]))
        i++;
    if (i >= n)
        return 1;
    if (s[i] == '>')
        return 0;
    size_t pub = 0, pub_len = 0, sys = 0, sys_len = 0;
    int has_pub = 0, has_sys = 0;
    if (i + 6 <= n && equals_nocase(s + i, 6, "public")) {
        i += 6;
        if (!doctype_id(s, n, &i, &pub, &pub_len))
            return 1;
        has_pub = 1;
        size_t j = i;
        while (j < n && is_doctype_space(s[j]))
            j++;
        if (j < n && (s[j] == '"' || s[j] == '\'')) {
            if (!doctype_id(s, n, &i, &sys, &sys_len))
                return 1;
            has_sys = 1;
        } else if (j >= n || s[j] != '>') {
            return 1; /* neither '>' nor a quoted system identifier */
        }
    } else if (i + 6 <= n && equals_nocase(s + i, 6, "system")) {
        i += 6;
        if (!doctype_id(s, n, &i, &sys, &sys_len))
            return 1;
        has_sys = 1;
    } else {
        return 1;
    }
    /* What follows the identifiers only makes a bogus doctype. */
    const char *p = s + pub;
    if (has_pub) {
        for (size_t k = 0; k < sizeof QUIRKS_PUBLIC / sizeof *QUIRKS_PUBLIC; k++)
            if (strlen(QUIRKS_PUBLIC[k]) == pub_len &&
                strncasecmp(p, QUIRKS_PUBLIC[k], pub_len) == 0)
                return 1;
        if ((pub_len == 36 && memcmp(p, "-//W3O//DTD W3 HTML Strict 3.0//EN//", 36) == 0) ||
            (pub_len == 34 && memcmp(p, "-/W3C/DTD HTML 4.0 Transitional/EN", 34) == 0) ||
            (pub_len == 4 && memcmp(p, "HTML", 4) == 0))
            return 1;
        if (!has_sys && ((pub_len == 32 && strncasecmp(p, "-//W3C//DTD HTML 4.01 Frameset//", 32) == 0) ||
                         (pub_len == 36 && strncasecmp(p, "-//W3C//DTD HTML 4.01 Transitional//", 36) == 0)))
            return 1;
    }
    if (has_sys && sys_len == 58 &&
        memcmp(s + sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd", 58) == 0)
        return 1;
    return 0;
}

/* The raw-text kinds a start tag may open (whether it does is the model's
 * call). */
static int raw_kind(GumboTag tag)
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
static void skip_raw_end_tag(guard *g, size_t at)
{
    if (at >= g->len) {
        g->pos = g->len;
        return;
    }
    size_t name_end;
    uint32_t hash;
    read_tag_name(g, at + 2, &name_end, &hash);
    tag_scan t;
    scan_attributes(g, name_end, SIZE_MAX, &t);
    g->pos = t.end;
}

/* Where the markup resumes after a raw-text element that never closes: the
 * first tag of a known HTML element (start or end tag), or for a script,
 * whose code often holds tags in strings, the first </head>, <body> or
 * </body>. g->len when there is none. */
static size_t markup_resumes(const guard *g, size_t i, int script)
{
    while (i < g->len) {
        const char *lt = memchr(g->in + i, '<', g->len - i);
        if (!lt)
            return g->len;
        size_t at = (size_t)(lt - g->in);
        size_t name = at + 1 + (at + 1 < g->len && g->in[at + 1] == '/');
        if (name < g->len && is_alpha(g->in[name])) {
            size_t name_end;
            uint32_t hash;
            GumboTag tag = read_tag_name(g, name, &name_end, &hash);
            int end_tag = name > at + 1;
            if (script ? (end_tag && (tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY)) ||
                             (!end_tag && tag == GUMBO_TAG_BODY)
                       : tag != GUMBO_TAG_UNKNOWN)
                return at;
        }
        i = at + 1;
    }
    return g->len;
}

static wn_status raw_body(guard *g, GumboTag tag, wn_gt_result kind, int json, int markup)
{
    size_t body = g->pos;
    size_t end = kind == WN_GT_SCRIPT ? script_end(g, body) : raw_text_end(g, body, tag);
    size_t resume = g->len;
    if (end == g->len)
        resume = end = markup_resumes(g, body, kind == WN_GT_SCRIPT);
    wn_status st = WN_OK;
    if (kind == WN_GT_SCRIPT && json) {
        /* JSON-LD is kept as evidence; with no '<' left, no parser can read
         * markup in it. */
        st = escape_lt(g, body, end, "\\u003c");
    } else if (kind == WN_GT_RCDATA) {
        /* Title and textarea decode "&lt;": the text is the same, and no
         * parser can read markup in it. */
        st = escape_lt(g, body, end, "&lt;");
    } else if (tag != GUMBO_TAG_XMP && end > body) {
        /* Script, style, iframe, noembed, noframes: never text. */
        if (kind == WN_GT_SCRIPT && markup)
            note_hidden(g, body, end);
        st = cut(g, body, end);
        g->report->elided_bytes += end - body;
    }
    if (end > body && (kind == WN_GT_RCDATA || tag == GUMBO_TAG_XMP || json))
        g->text_nodes++;
    if (resume < g->len) {
        /* Closed here: the parser's end tag, not a token for the model. */
        char close[32];
        int n = snprintf(close, sizeof close, "</%s>", gumbo_normalized_tagname(tag));
        if (st == WN_OK)
            st = copy_to(g, resume);
        if (st == WN_OK)
            st = emit(g, close, (size_t)n);
        g->report->closed_raw_text++;
        g->pos = resume;
        return st;
    }
    skip_raw_end_tag(g, end);
    return st;
}

/* End of the <template> element whose start tag ends at i: just past the
 * matching "</template...>", nested templates counted, or the end of input
 * (an unclosed template holds the rest of the page). */
static size_t template_end(const guard *g, size_t i, size_t *content_end)
{
    size_t open = 1;
    *content_end = g->len;
    while (i < g->len) {
        const char *lt = memchr(g->in + i, '<', g->len - i);
        if (!lt)
            return g->len;
        size_t at = (size_t)(lt - g->in);
        if (at + 1 < g->len && g->in[at + 1] == '/' && tag_name_at(g, at + 2, "template", 8)) {
            if (--open == 0) {
                *content_end = at;
                return skip_to_gt(g, at + 2);
            }
        } else if (tag_name_at(g, at + 1, "template", 8)) {
            open++;
        }
        i = at + 1;
    }
    return g->len;
}

static wn_status start_tag(guard *g, size_t lt)
{
    size_t name_end;
    wn_gt_tag tag;
    memset(&tag, 0, sizeof tag);
    tag.tag = read_tag_name(g, lt + 1, &name_end, &tag.name);
    /* For matching end tags in foreign content, Gumbo reads the name off
     * the start tag's raw text up to a space of C's isspace(), \v too. */
    const char *vt = memchr(g->in + lt + 1, '\v', name_end - lt - 1);
    if (vt)
        tag.name = name_hash(g->in + lt + 1, (size_t)(vt - g->in) - lt - 1);
    size_t keep = g->limits->max_attributes;
    if (tag.tag == GUMBO_TAG_HTML || tag.tag == GUMBO_TAG_BODY) {
        /* Gumbo merges the attributes of every <html> (<body>) into the
         * first, each checked against all before it. */
        size_t had = tag.tag == GUMBO_TAG_HTML ? g->html_attributes : g->body_attributes;
        keep = had >= keep ? 0 : keep - had;
    }
    tag_scan t;
    scan_attributes(g, name_end, keep, &t);
    g->pos = t.end;
    if (!t.terminated)
        return WN_OK; /* the tokenizer drops a tag cut off by the end of input */
    g->tokens++;
    tag.attributes = t.hash;
    tag.attribute_count = (unsigned)(t.attributes < keep ? t.attributes : keep);
    tag.attribute_bytes = t.attribute_bytes;
    tag.self_closing = (unsigned)t.self_closing;
    tag.hidden = (unsigned)t.hidden;
    tag.html_encoding = (unsigned)t.html_encoding;
    tag.font_breakout = (unsigned)t.font_breakout;
    flush_text(g);
    int foreign = wn_gt_foreign(&g->tree);
    if (tag.tag == GUMBO_TAG_TEMPLATE) {
        /* Template contents are never shown, and Gumbo parses them in modes
         * of their own: the element goes whole, as script bodies do. */
        size_t content_end;
        g->pos = template_end(g, t.end, &content_end);
        g->report->elided_bytes += g->pos - lt;
        note_hidden(g, t.end, content_end);
        return cut(g, lt, g->pos);
    }
    wn_gt_result r = wn_gt_start(&g->tree, &tag);
    if (r == WN_GT_NOMEM)
        return WN_ERR_NOMEM;
    if (r == WN_GT_DROP)
        return cut(g, lt, t.end);
    if (g->tree.elements + g->text_nodes > g->limits->max_elements)
        return WN_ERR_TOO_MANY_NODES;
    if (r == WN_GT_TOO_DEEP || r == WN_GT_TOO_MANY_FORMATTING) {
        if (r == WN_GT_TOO_DEEP) {
            g->report->dropped_deep++;
            g->report->max_depth_seen = g->limits->max_depth + 1;
        } else {
            g->report->dropped_formatting++;
        }
        size_t to = t.end;
        if (raw_kind(tag.tag) && !foreign) {
            /* The body goes with the tag: read as markup it would be text. */
            size_t end = tag.tag == GUMBO_TAG_SCRIPT ? script_end(g, to) : raw_text_end(g, to, tag.tag);
            skip_raw_end_tag(g, end);
            to = g->pos;
        } else if (tag.tag != GUMBO_TAG_UNKNOWN) {
            g->dropped[tag.tag]++;
        }
        return cut(g, lt, to);
    }
    if (g->tree.deepest > g->report->max_depth_seen)
        g->report->max_depth_seen = g->tree.deepest;
    wn_status st = WN_OK;
    if (t.cut_from) {
        /* Everything from the first attribute too many up to the '>' goes;
         * "/" (self-closing) or " " takes its place, so that a '/' left
         * before the cut cannot make a tag self-closing that was not. */
        size_t over = t.attributes - keep;
        g->report->dropped_attributes += over;
        st = cut(g, t.cut_from, t.end - 1);
        if (st == WN_OK)
            st = emit(g, t.self_closing ? "/" : " ", 1);
    }
    if (st == WN_OK && !t.cut_from && t.attributes <= 64 && !wn_gt_is_formatting(tag.tag)) {
        /* Bytes no reader wants (strippable()). Not on formatting
         * elements, whose attributes Gumbo compares (the Noah's ark
         * clause), nor on tags with more attributes than blocks.c reads. */
        for (unsigned k = 0; k < t.strips && st == WN_OK; k++)
            if (!t.strip[k].style || t.styles == 1)
                st = cut(g, t.strip[k].from, t.strip[k].to);
    }
    size_t kept = t.attributes < keep ? t.attributes : keep;
    if (tag.tag == GUMBO_TAG_HTML)
        g->html_attributes += kept;
    else if (tag.tag == GUMBO_TAG_BODY)
        g->body_attributes += kept;
    if (st != WN_OK)
        return st;
    if (tag.tag == GUMBO_TAG_PRE || tag.tag == GUMBO_TAG_LISTING)
        g->ignored_newline = t.end;
    switch (r) {
    case WN_GT_RCDATA: case WN_GT_RAWTEXT: case WN_GT_SCRIPT:
        return raw_body(g, tag.tag, r, t.json_type, t.markup_type);
    case WN_GT_PLAINTEXT:
        note_text(g, g->pos, g->len);
        /* Past <plaintext>, a NUL is U+FFFD: text, not nothing. */
        if (memchr(g->in + g->pos, '\0', g->len - g->pos))
            g->text = g->text_nonspace = 1;
        g->pos = g->len;
        return WN_OK;
    default:
        return WN_OK;
    }
}

static wn_status end_tag(guard *g, size_t lt)
{
    size_t name_end;
    uint32_t hash;
    GumboTag tag = read_tag_name(g, lt + 2, &name_end, &hash);
    tag_scan t;
    scan_attributes(g, name_end, SIZE_MAX, &t);
    g->pos = t.end;
    if (!t.terminated)
        return WN_OK;
    g->tokens++;
    /* Gumbo matches an end tag to an SVG/MathML element by the end tag's
     * raw text: "</svg >" or "</svg/>" closes no <svg>. */
    if (t.end != name_end + 1)
        hash = 0;
    if (tag == GUMBO_TAG_TEMPLATE) /* a stray one: its start tag went whole */
        return cut(g, lt, t.end);
    if (tag != GUMBO_TAG_UNKNOWN && g->dropped[tag]) {
        g->dropped[tag]--;
        return cut(g, lt, t.end);
    }
    flush_text(g);
    if (!wn_gt_end_fits(&g->tree, tag))
        return cut(g, lt, t.end);
    int r = wn_gt_end(&g->tree, tag, hash);
    if (r == WN_GT_NOMEM)
        return WN_ERR_NOMEM;
    if (r == WN_GT_DROP)
        return cut(g, lt, t.end);
    if (r) {
        g->report->dropped_deep++;
        return cut(g, lt, t.end);
    }
    return WN_OK;
}

/* "<!": a comment, a doctype, a CDATA section (foreign content only), or a
 * bogus comment. All but a doctype that opens the page are cut: whatever the
 * parser would have made of them, it then cannot differ from the guard. */
static wn_status markup_declaration(guard *g, size_t lt)
{
    const char *s = g->in;
    size_t len = g->len;
    size_t end;
    if (lt + 3 < len && s[lt + 2] == '-' && s[lt + 3] == '-') {
        end = comment_end(g, lt);
    } else if (lt + 9 <= len && equals_nocase(s + lt + 2, 7, "doctype")) {
        end = skip_to_gt(g, lt + 2);
        g->pos = end;
        if (g->tokens++ == 0 && !g->text_nonspace && !g->nul) {
            g->tree.no_quirks = (unsigned)!doctype_quirks(s + lt, end - lt);
            return WN_OK;
        }
        /* Past the first token the parser ignores a doctype; in its "in
         * table text" mode it would first flush held-back text. Cut. */
        return cut(g, lt, end);
    } else if (lt + 9 <= len && memcmp(s + lt + 2, "[CDATA[", 7) == 0 &&
               wn_gt_foreign(&g->tree)) {
        const char *close = find(s + lt + 9, len - lt - 9, "]]>");
        end = close ? (size_t)(close - s) + 3 : len;
    } else {
        end = skip_to_gt(g, lt + 2);
    }
    g->pos = end;
    return cut(g, lt, end);
}

static wn_status scan(guard *g)
{
    const char *s = g->in;
    size_t len = g->len;
    while (g->pos < len) {
        const char *lt = memchr(s + g->pos, '<', len - g->pos);
        size_t i = lt ? (size_t)(lt - s) : len;
        note_text(g, g->pos, i);
        if (!lt || i + 1 >= len) {
            note_text(g, i, len);
            break;
        }
        char c = s[i + 1];
        wn_status st = WN_OK;
        if (is_alpha(c)) {
            st = start_tag(g, i);
        } else if (c == '/' && i + 2 < len && is_alpha(s[i + 2])) {
            st = end_tag(g, i);
        } else if (c == '/' && i + 2 < len && s[i + 2] == '>') {
            /* "</>" is nothing to the standard, but after it Gumbo 0.10.1
             * no longer matches the end tag of a foreign element: cut. */
            g->pos = i + 3;
            st = cut(g, i, g->pos);
        } else if (c == '!') {
            st = markup_declaration(g, i);
        } else if (c == '?' || c == '/') {
            g->pos = skip_to_gt(g, i + 1); /* a bogus comment */
            st = cut(g, i, g->pos);
        } else {
            note_text(g, i, i + 1); /* a '<' that starts nothing is text */
            g->pos = i + 1;
        }
        if (st != WN_OK)
            return st;
    }
    flush_text(g);
    return WN_OK;
}

wn_status wn_guard(wn_arena *arena, const char *html, size_t len, const wn_guard_limits *limits,
                   const char **out, size_t *out_len, wn_guard_report *report)
{
    guard *g = calloc(1, sizeof *g);
    if (!g)
        return WN_ERR_NOMEM;
    memset(report, 0, sizeof *report);
    g->in = html;
    g->len = len;
    g->arena = arena;
    g->limits = limits;
    g->ignored_newline = SIZE_MAX;
    g->report = report;
    wn_gt_init(&g->tree, limits->max_depth);
    wn_status st = scan(g);
    wn_gt_finish(&g->tree);
    if (st == WN_OK && g->out)
        st = copy_to(g, len);
    if (st == WN_OK && g->out)
        wn_arena_shrink(arena, g->out, g->out_len); /* sized for more, when it was made */
    if (st == WN_OK) {
        *out = g->out ? g->out : html;
        *out_len = g->out ? g->out_len : len;
    }
    report->elements = g->tree.elements;
    report->nodes = g->tree.elements + g->text_nodes;
    if (st == WN_OK && report->nodes > limits->max_elements)
        st = WN_ERR_TOO_MANY_NODES;
    wn_gt_free(&g->tree);
    free(g);
    return st;
}

/* ---- the flattened page: the fallback when the parse passes its budget ---- */

static int is_block(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BR: case GUMBO_TAG_HR:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY: case GUMBO_TAG_OPTION: case GUMBO_TAG_LISTING:
        return 1;
    default:
        return 0;
    }
}

/* Text of input[from..to), its '<' escaped. */
static wn_status emit_text(guard *g, size_t from, size_t to)
{
    while (from < to) {
        const char *lt = memchr(g->in + from, '<', to - from);
        size_t end = lt ? (size_t)(lt - g->in) : to;
        wn_status st = emit(g, g->in + from, end - from);
        if (st == WN_OK && lt)
            st = emit(g, "&lt;", 4);
        if (st != WN_OK)
            return st;
        from = end + (lt ? 1 : 0);
    }
    return WN_OK;
}

typedef struct flat_state {
    int link;      /* an <a> is open */
    int heading;   /* 1..6: an <hN> is open */
} flat_state;

static wn_status close_inline(guard *g, flat_state *f)
{
    wn_status st = WN_OK;
    if (f->link)
        st = emit(g, "</a>", 4);
    f->link = 0;
    if (st == WN_OK && f->heading) {
        char end[6] = {'<', '/', 'h', (char)('0' + f->heading), '>', 0};
        st = emit(g, end, 5);
    }
    f->heading = 0;
    return st;
}

wn_status wn_guard_flatten(wn_arena *arena, const char *html, size_t len, const char **out,
                           size_t *out_len)
{
    guard g;
    memset(&g, 0, sizeof g);
    g.in = html;
    g.len = len;
    g.arena = arena;
    flat_state f = {0, 0};
    int title = 0;
    wn_status st = reserve(&g, 0);
    size_t pos = 0;
    while (st == WN_OK && pos < len) {
        const char *lt = memchr(html + pos, '<', len - pos);
        size_t i = lt ? (size_t)(lt - html) : len;
        st = emit_text(&g, pos, i);
        if (st != WN_OK || !lt)
            break;
        char c = i + 1 < len ? html[i + 1] : 0;
        if (is_alpha(c) || (c == '/' && i + 2 < len && is_alpha(html[i + 2]))) {
            int end = c == '/';
            size_t name_end;
            uint32_t hash;
            GumboTag tag = read_tag_name(&g, i + 1 + (size_t)end, &name_end, &hash);
            tag_scan t;
            scan_attributes(&g, name_end, SIZE_MAX, &t);
            pos = t.end;
            if (!end && raw_kind(tag)) {
                size_t body = pos;
                size_t stop = tag == GUMBO_TAG_SCRIPT ? script_end(&g, body)
                                                      : raw_text_end(&g, body, tag);
                if (tag == GUMBO_TAG_TITLE && !title) {
                    title = 1;
                    st = emit(&g, "<title>", 7);
                    if (st == WN_OK)
                        st = emit_text(&g, body, stop);
                    if (st == WN_OK)
                        st = emit(&g, "</title>", 8);
                }
                skip_raw_end_tag(&g, stop);
                pos = g.pos;
                continue;
            }
            if (tag == GUMBO_TAG_A) {
                if (f.link)
                    st = emit(&g, "</a>", 4);
                f.link = 0;
                if (st == WN_OK && !end) {
                    st = emit(&g, "<a>", 3);
                    f.link = 1;
                }
            } else if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) {
                st = close_inline(&g, &f);
                if (st == WN_OK && !end) {
                    f.heading = 1 + (int)(tag - GUMBO_TAG_H1);
                    char start[5] = {'<', 'h', (char)('0' + f.heading), '>', 0};
                    st = emit(&g, start, 4);
                }
            } else if (is_block(tag)) {
                st = close_inline(&g, &f);
                if (st == WN_OK)
                    st = emit(&g, "\n<p>", 4);
            }
        } else if (c == '!' && i + 3 < len && html[i + 2] == '-' && html[i + 3] == '-') {
            pos = comment_end(&g, i);
        } else if (c == '!' || c == '?' || c == '/') {
            pos = skip_to_gt(&g, i + 1);
        } else {
            st = emit(&g, "&lt;", 4);
            pos = i + 1;
        }
    }
    if (st == WN_OK)
        st = close_inline(&g, &f);
    if (st == WN_OK) {
        *out = g.out;
        *out_len = g.out_len;
    }
    return st;
}
