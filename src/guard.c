#include "guard.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Unclosed formatting elements kept. Gumbo re-creates every one of them
 * (reconstructs the active formatting elements) in each block they span, so
 * N of them cost N elements per paragraph. Real pages rarely leave more than
 * a handful open; HTML's own "Noah's ark" clause keeps three of a kind. */
#define MAX_OPEN_FORMATTING 32

#define NONE (-1)
#define TOMBSTONE GUMBO_TAG_LAST /* an entry removed from the middle of the stack */

enum {
    C_VOID = 1 << 0,       /* no end tag, no children */
    C_RAW = 1 << 1,        /* raw text / RCDATA: content is not markup */
    C_SPECIAL = 1 << 2,    /* HTML's "special" category: blocks "any other end tag" */
    C_SCOPE = 1 << 3,      /* bounds "has an element in scope" */
    C_CLOSES_P = 1 << 4,   /* its start tag closes an open <p> */
    C_FORMATTING = 1 << 5, /* an active formatting element */
    C_IGNORED = 1 << 6,    /* html/head/body: merged by the parser, never nested */
    C_MARKER = 1 << 7,     /* pushes a marker on the active formatting list */
    C_BREAKOUT = 1 << 8    /* its start tag leaves SVG / MathML content */
};

static unsigned tag_class(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK:
    case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR: case GUMBO_TAG_ISINDEX:
        return C_VOID | C_SPECIAL;
    case GUMBO_TAG_BR:
        return C_VOID | C_SPECIAL | C_BREAKOUT;
    case GUMBO_TAG_HR:
        return C_VOID | C_SPECIAL | C_CLOSES_P | C_BREAKOUT;
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE:
        return C_RAW | C_SPECIAL;
    case GUMBO_TAG_XMP:
        return C_RAW | C_SPECIAL | C_CLOSES_P;
    case GUMBO_TAG_PLAINTEXT:
        return C_RAW | C_SPECIAL | C_CLOSES_P;
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY: case GUMBO_TAG_FRAMESET:
        return C_IGNORED | C_SPECIAL | C_BREAKOUT;
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        return C_SPECIAL | C_SCOPE | C_MARKER;
    case GUMBO_TAG_TABLE:
        return C_SPECIAL | C_SCOPE | C_CLOSES_P | C_BREAKOUT;
    case GUMBO_TAG_MI: case GUMBO_TAG_MO: case GUMBO_TAG_MN: case GUMBO_TAG_MS:
    case GUMBO_TAG_MTEXT: case GUMBO_TAG_ANNOTATION_XML: case GUMBO_TAG_FOREIGNOBJECT:
    case GUMBO_TAG_DESC:
        return C_SPECIAL | C_SCOPE;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FORM:
        return C_SPECIAL | C_CLOSES_P;
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_MENU: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return C_SPECIAL | C_CLOSES_P | C_BREAKOUT;
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI:
        return C_SPECIAL | C_BREAKOUT;
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
        return C_SPECIAL;
    case GUMBO_TAG_A:
        return C_FORMATTING;
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        return C_FORMATTING | C_BREAKOUT;
    case GUMBO_TAG_FONT:
        return C_FORMATTING;
    case GUMBO_TAG_RUBY: case GUMBO_TAG_SPAN: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_VAR:
        return C_BREAKOUT;
    default:
        return 0;
    }
}

typedef struct open_element {
    uint16_t tag;
    int32_t prev_same;     /* the next-lower open element with this tag, or NONE */
    int32_t scope_top;     /* topmost scope boundary at or below this entry */
    int32_t special_top;   /* topmost special element at or below this entry */
    uint32_t formatting;   /* open formatting count when a marker was pushed */
} open_element;

typedef struct guard {
    const char *in;
    size_t len;
    size_t pos;
    char *out;             /* rewritten copy, made at the first change */
    size_t out_len;
    size_t copied;         /* input before this offset is in out (or was dropped) */
    wn_arena *arena;
    const wn_guard_limits *limits;
    wn_guard_report *report;

    open_element *stack;
    size_t count;          /* entries, tombstones included */
    size_t capacity;
    size_t tombstones;
    int32_t top_of[GUMBO_TAG_LAST + 1];
    uint32_t dropped[GUMBO_TAG_LAST + 1]; /* dropped start tags whose end tag is still to come */
    uint32_t open_formatting;
    int foreign;           /* open <svg> / <math> elements */
} guard;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t live_depth(const guard *g)
{
    return g->count - g->tombstones;
}

/* Leaves input[from..to) out of the copy given to the parser. */
static wn_status cut(guard *g, size_t from, size_t to)
{
    if (!g->out) {
        g->out = wn_arena_alloc(g->arena, g->len);
        if (!g->out)
            return g->arena->limit_hit ? WN_ERR_MEMORY_LIMIT : WN_ERR_NOMEM;
    }
    memcpy(g->out + g->out_len, g->in + g->copied, from - g->copied);
    g->out_len += from - g->copied;
    g->copied = to;
    return WN_OK;
}

static int32_t scope_top(const guard *g)
{
    return g->count ? g->stack[g->count - 1].scope_top : NONE;
}

static int32_t special_top(const guard *g)
{
    return g->count ? g->stack[g->count - 1].special_top : NONE;
}

static int32_t max3(int32_t a, int32_t b, int32_t c)
{
    int32_t m = a > b ? a : b;
    return m > c ? m : c;
}

static void pop(guard *g)
{
    open_element *e = &g->stack[--g->count];
    if (e->tag == TOMBSTONE) {
        g->tombstones--;
        return;
    }
    g->top_of[e->tag] = e->prev_same;
    unsigned cls = tag_class((GumboTag)e->tag);
    if (cls & C_MARKER)
        g->open_formatting = e->formatting;
    if (e->tag == GUMBO_TAG_SVG || e->tag == GUMBO_TAG_MATH)
        g->foreign--;
}

/* Pops entries until the one at index pos is gone. */
static void pop_to(guard *g, int32_t pos)
{
    while (g->count && (int32_t)g->count > pos)
        pop(g);
}

/* Pops the topmost open `tag` if it lies above `boundary`. */
static void close_if_above(guard *g, GumboTag tag, int32_t boundary)
{
    int32_t at = g->top_of[tag];
    if (at != NONE && at > boundary)
        pop_to(g, at);
}

static wn_status push(guard *g, GumboTag tag)
{
    if (g->count == g->capacity) {
        size_t cap = g->capacity ? g->capacity * 2 : 64;
        open_element *grown = realloc(g->stack, cap * sizeof *grown);
        if (!grown)
            return WN_ERR_NOMEM;
        g->stack = grown;
        g->capacity = cap;
    }
    unsigned cls = tag_class(tag);
    int32_t pos = (int32_t)g->count;
    open_element *e = &g->stack[g->count++];
    e->tag = (uint16_t)tag;
    e->prev_same = g->top_of[tag];
    e->scope_top = (cls & C_SCOPE) ? pos : (pos ? g->stack[pos - 1].scope_top : NONE);
    e->special_top = (cls & C_SPECIAL) ? pos : (pos ? g->stack[pos - 1].special_top : NONE);
    e->formatting = g->open_formatting;
    g->top_of[tag] = pos;
    if (cls & C_MARKER)
        g->open_formatting = 0;
    if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH)
        g->foreign++;
    return WN_OK;
}

/* The end tags a start tag implies (HTML's tree construction, in short). */
static void imply_end_tags(guard *g, GumboTag tag, unsigned cls)
{
    int32_t scope = scope_top(g);
    if (g->foreign && (cls & C_BREAKOUT)) {
        /* An HTML start tag inside SVG/MathML closes the foreign content. */
        int32_t at = g->top_of[GUMBO_TAG_SVG] > g->top_of[GUMBO_TAG_MATH]
                         ? g->top_of[GUMBO_TAG_SVG] : g->top_of[GUMBO_TAG_MATH];
        if (at > scope)
            pop_to(g, at);
        scope = scope_top(g);
    }
    switch (tag) {
    case GUMBO_TAG_LI:
        close_if_above(g, GUMBO_TAG_LI,
                       max3(scope, g->top_of[GUMBO_TAG_UL], g->top_of[GUMBO_TAG_OL]));
        break;
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: {
        int32_t b = max3(scope, g->top_of[GUMBO_TAG_DL], NONE);
        close_if_above(g, GUMBO_TAG_DD, b);
        close_if_above(g, GUMBO_TAG_DT, b);
        break;
    }
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
        if (g->count && g->stack[g->count - 1].tag == GUMBO_TAG_OPTION)
            pop(g);
        break;
    case GUMBO_TAG_TR:
        close_if_above(g, GUMBO_TAG_TR, g->top_of[GUMBO_TAG_TABLE]);
        break;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: {
        int32_t b = g->top_of[GUMBO_TAG_TR] > g->top_of[GUMBO_TAG_TABLE]
                        ? g->top_of[GUMBO_TAG_TR] : g->top_of[GUMBO_TAG_TABLE];
        close_if_above(g, GUMBO_TAG_TD, b);
        close_if_above(g, GUMBO_TAG_TH, b);
        break;
    }
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: {
        int32_t t = g->top_of[GUMBO_TAG_TABLE];
        close_if_above(g, GUMBO_TAG_TBODY, t);
        close_if_above(g, GUMBO_TAG_THEAD, t);
        close_if_above(g, GUMBO_TAG_TFOOT, t);
        break;
    }
    case GUMBO_TAG_A: case GUMBO_TAG_NOBR: case GUMBO_TAG_BUTTON:
        /* A second <a> (<nobr>, <button>) closes the first. */
        close_if_above(g, tag, scope);
        break;
    default:
        break;
    }
    if (cls & C_CLOSES_P)
        close_if_above(g, GUMBO_TAG_P, max3(scope, g->top_of[GUMBO_TAG_BUTTON], NONE));
    if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6 && g->count) {
        uint16_t top = g->stack[g->count - 1].tag;
        if (top >= GUMBO_TAG_H1 && top <= GUMBO_TAG_H6)
            pop(g);
    }
}

static void end_tag(guard *g, GumboTag tag, unsigned cls)
{
    int32_t at = g->top_of[tag];
    if (cls & C_FORMATTING) {
        if (g->open_formatting)
            g->open_formatting--;
        if (at == NONE || at <= scope_top(g))
            return;
        if (special_top(g) < at) {
            pop_to(g, at);
        } else {
            /* The adoption agency takes the element out of the middle of
             * the stack and keeps the blocks above it open. */
            g->stack[at].tag = TOMBSTONE;
            g->top_of[tag] = g->stack[at].prev_same;
            g->tombstones++;
        }
        return;
    }
    if (at == NONE)
        return;
    if (cls & C_SPECIAL) {
        int32_t boundary = scope_top(g);
        if (tag == GUMBO_TAG_P)
            boundary = max3(boundary, g->top_of[GUMBO_TAG_BUTTON], NONE);
        else if (tag == GUMBO_TAG_LI)
            boundary = max3(boundary, g->top_of[GUMBO_TAG_UL], g->top_of[GUMBO_TAG_OL]);
        else if (cls & C_SCOPE)
            boundary = at - 1; /* a scope element ends itself */
        else if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD ||
                 tag == GUMBO_TAG_TFOOT)
            boundary = g->top_of[GUMBO_TAG_TABLE];
        if (at > boundary)
            pop_to(g, at);
        return;
    }
    /* Any other end tag closes the element only if no special one is above it. */
    if (at > special_top(g))
        pop_to(g, at);
}

static GumboTag read_tag_name(const guard *g, size_t start, size_t *end)
{
    size_t i = start;
    while (i < g->len && !is_space(g->in[i]) && g->in[i] != '/' && g->in[i] != '>')
        i++;
    *end = i;
    size_t n = i - start;
    char name[16];
    if (n == 0 || n >= sizeof name)
        return GUMBO_TAG_UNKNOWN;
    for (size_t k = 0; k < n; k++) {
        char c = g->in[start + k];
        name[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    return gumbo_tagn_enum(name, (unsigned)n);
}

typedef struct tag_scan {
    size_t end;              /* just past '>', or len when unterminated */
    int terminated;
    int self_closing;
    size_t attributes;
    size_t cut_from;         /* start of the first attribute past the limit */
    size_t cut_to;           /* end of the last attribute */
    int json_type;           /* a type="...json..." attribute (JSON-LD data) */
} tag_scan;

static int contains_json(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if ((s[i] | 0x20) == 'j' && (s[i + 1] | 0x20) == 's' && (s[i + 2] | 0x20) == 'o' &&
            (s[i + 3] | 0x20) == 'n')
            return 1;
    return 0;
}

/* Reads attributes from i to the tag's '>' as the HTML tokenizer does. */
static void scan_attributes(const guard *g, size_t i, tag_scan *t)
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
        size_t j = i;
        while (j < len && is_space(s[j]))
            j++;
        if (j < len && s[j] == '=') {
            j++;
            while (j < len && is_space(s[j]))
                j++;
            size_t value = j;
            if (j < len && (s[j] == '"' || s[j] == '\'')) {
                const char *close = memchr(s + j + 1, s[j], len - j - 1);
                i = close ? (size_t)(close - s) + 1 : len;
            } else {
                i = j;
                while (i < len && !is_space(s[i]) && s[i] != '>')
                    i++;
            }
            if (j - name >= 4 && (s[name] | 0x20) == 't' && (s[name + 1] | 0x20) == 'y' &&
                (s[name + 2] | 0x20) == 'p' && (s[name + 3] | 0x20) == 'e' &&
                (name + 4 == len || is_space(s[name + 4]) || s[name + 4] == '=') &&
                contains_json(s + value, i - value))
                t->json_type = 1;
        }
        t->attributes++;
        if (t->attributes == (size_t)g->limits->max_attributes + 1)
            t->cut_from = name;
        t->cut_to = i;
    }
}

/* Whether `name` (lower case, n bytes) starts at i, in any case, followed by
 * what ends a tag name (or the end of input). */
static int tag_name_at(const guard *g, size_t i, const char *name, size_t n)
{
    if (i + n > g->len)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = g->in[i + k];
        if ((c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) != name[k])
            return 0;
    }
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

/* Whether "</script" / "<script" (skip = 2 or 1 leading bytes) starts at i,
 * followed by what ends a tag name. */
static int script_tag_at(const guard *g, size_t i, size_t skip)
{
    return tag_name_at(g, i + skip, "script", 6);
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
            if (i + 1 < len && s[i + 1] == '/' && script_tag_at(g, i, 2))
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
            int end = i + 1 < len && s[i + 1] == '/' && script_tag_at(g, i, 2);
            if (state == ESCAPED && end)
                return i;
            if (state == ESCAPED && script_tag_at(g, i, 1)) {
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

static wn_status start_tag(guard *g, size_t lt)
{
    size_t name_end;
    GumboTag tag = read_tag_name(g, lt + 1, &name_end);
    tag_scan t;
    scan_attributes(g, name_end, &t);
    g->pos = t.end;
    if (!t.terminated)
        return WN_OK; /* the tokenizer drops a tag cut off by the end of input */
    wn_status st;
    if (t.cut_from) {
        g->report->dropped_attributes += t.attributes - g->limits->max_attributes;
        if ((st = cut(g, t.cut_from, t.cut_to)) != WN_OK)
            return st;
    }
    unsigned cls = tag_class(tag);
    g->report->elements++;
    if (g->report->elements > g->limits->max_elements)
        return WN_ERR_TOO_MANY_NODES;
    if (cls & C_IGNORED)
        return WN_OK;
    if ((cls & C_RAW) && !g->foreign) {
        if (tag == GUMBO_TAG_PLAINTEXT) {
            g->pos = g->len;
            return WN_OK;
        }
        size_t body = g->pos;
        g->pos = tag == GUMBO_TAG_SCRIPT ? script_end(g, body) : raw_text_end(g, body, tag);
        /* Script and style bodies are never text, and Gumbo tokenizes them a
         * character at a time (more than half the bytes of a typical page):
         * the parser gets them empty. JSON-LD data is kept as evidence. */
        if ((tag == GUMBO_TAG_SCRIPT && !t.json_type) || tag == GUMBO_TAG_STYLE) {
            if (g->pos > body && (st = cut(g, body, g->pos)) != WN_OK)
                return st;
            g->report->elided_bytes += g->pos - body;
        }
        return WN_OK;
    }
    if ((cls & C_VOID) || (g->foreign && t.self_closing))
        return WN_OK;
    if (tag == GUMBO_TAG_FORM && g->top_of[GUMBO_TAG_FORM] != NONE)
        return WN_OK; /* a nested <form> is ignored */
    imply_end_tags(g, tag, cls);
    int too_deep = live_depth(g) >= g->limits->max_depth;
    int too_many_formatting = (cls & C_FORMATTING) && g->open_formatting >= MAX_OPEN_FORMATTING;
    if (too_deep || too_many_formatting) {
        if (too_deep) {
            g->report->dropped_deep++;
            g->report->max_depth_seen = g->limits->max_depth + 1;
        } else {
            g->report->dropped_formatting++;
        }
        g->dropped[tag]++;
        return cut(g, lt, t.end);
    }
    if (cls & C_FORMATTING)
        g->open_formatting++;
    if ((st = push(g, tag)) != WN_OK)
        return st;
    if (live_depth(g) > g->report->max_depth_seen)
        g->report->max_depth_seen = (unsigned)live_depth(g);
    return WN_OK;
}

static wn_status end_tag_at(guard *g, size_t lt)
{
    size_t name_end;
    GumboTag tag = read_tag_name(g, lt + 2, &name_end);
    tag_scan t;
    scan_attributes(g, name_end, &t);
    g->pos = t.end;
    if (!t.terminated)
        return WN_OK;
    if (g->dropped[tag]) {
        g->dropped[tag]--;
        return cut(g, lt, t.end);
    }
    unsigned cls = tag_class(tag);
    if (!(cls & (C_IGNORED | C_VOID)))
        end_tag(g, tag, cls);
    return WN_OK;
}

static wn_status scan(guard *g)
{
    const char *s = g->in;
    size_t len = g->len;
    while (g->pos < len) {
        const char *lt = memchr(s + g->pos, '<', len - g->pos);
        if (!lt)
            break;
        size_t i = (size_t)(lt - s);
        g->pos = i + 1;
        if (i + 1 >= len)
            break;
        char c = s[i + 1];
        wn_status st = WN_OK;
        if (is_alpha(c)) {
            st = start_tag(g, i);
        } else if (c == '/' && i + 2 < len && is_alpha(s[i + 2])) {
            st = end_tag_at(g, i);
        } else if (c == '!' && i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-') {
            /* "-->" may overlap the opener: "<!-->" is an empty comment. */
            const char *close = NULL;
            for (size_t k = i + 2; k + 3 <= len; ) {
                const char *dash = memchr(s + k, '-', len - k);
                if (!dash || (size_t)(dash - s) + 3 > len)
                    break;
                if (dash[1] == '-' && dash[2] == '>') {
                    close = dash;
                    break;
                }
                k = (size_t)(dash - s) + 1;
            }
            g->pos = close ? (size_t)(close - s) + 3 : len;
        } else if (c == '!' || c == '?' || c == '/') {
            g->pos = skip_to_gt(g, i + 1);
        }
        if (st != WN_OK)
            return st;
    }
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
    g->report = report;
    for (size_t t = 0; t <= GUMBO_TAG_LAST; t++)
        g->top_of[t] = NONE;
    wn_status st = scan(g);
    if (st == WN_OK && g->out) {
        memcpy(g->out + g->out_len, html + g->copied, len - g->copied);
        g->out_len += len - g->copied;
        *out = g->out;
        *out_len = g->out_len;
    } else if (st == WN_OK) {
        *out = html;
        *out_len = len;
    }
    free(g->stack);
    free(g);
    return st;
}
