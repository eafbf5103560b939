#include "probe.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "lexicon/classes.h"
#include "lexicon/kinds.h"

/* Elements whose content is never a paragraph's text: skipped to their end
 * tag as raw text. */
static bool raw_text(const char *name, size_t n)
{
    static const char *const names[] = {"script", "style", "template", "textarea", "title",
                                        "noscript", "svg", "math", "select", "iframe", "xmp"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
            return true;
    return false;
}

static bool void_element(const char *name, size_t n)
{
    static const char *const names[] = {"br", "img", "input", "meta", "link", "hr", "wbr",
                                        "source", "area", "col", "embed", "param", "track",
                                        "base"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
            return true;
    return false;
}

/* Tags that end a paragraph where they open or close. */
static bool block_element(const char *name, size_t n)
{
    static const char *const names[] = {"p", "div", "br", "li", "ul", "ol", "dl", "dd", "dt",
                                        "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5",
                                        "h6", "pre", "blockquote", "article", "section", "main",
                                        "figure", "figcaption", "hr", "body", "center"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
            return true;
    return false;
}

/* Elements that the next one of their kind closes. */
static bool self_closing(const char *name, size_t n)
{
    static const char *const names[] = {"p", "li", "dd", "dt", "td", "th", "tr", "option"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
            return true;
    return false;
}

static bool clutter_element(const char *name, size_t n)
{
    static const char *const names[] = {"nav", "footer", "header", "aside", "form", "menu",
                                        "button", "label"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
            return true;
    return false;
}

typedef struct frame {
    char name[12];   /* the tag name, lower-cased, cut */
    uint8_t len;
    uint8_t clutter; /* this element or an ancestor is clutter */
    uint8_t link;    /* an <a> or inside one */
} frame;

typedef struct scan {
    frame stack[WN_PROBE_DEPTH];
    unsigned depth;
    unsigned deep;   /* start tags past WN_PROBE_DEPTH, not followed */
    size_t para;     /* weight of the paragraph being read */
    double score;
} scan;

static void flush(scan *s)
{
    if (s->para >= WN_PROBE_PARA_CHARS)
        s->score += sqrt((double)(s->para - WN_PROBE_PARA_CHARS));
    s->para = 0;
}

static bool in_clutter(const scan *s)
{
    return s->depth && s->stack[s->depth - 1].clutter;
}

static bool in_link(const scan *s)
{
    return s->depth && s->stack[s->depth - 1].link;
}

/* Text: counted unless in clutter or a link. */
static void text(scan *s, const char *p, size_t n)
{
    if (in_clutter(s) || in_link(s))
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c <= ' ' || (c & 0xC0) == 0x80)
            continue;
        if (c == '&') { /* an entity is one character */
            size_t k = i + 1;
            while (k < n && k < i + 10 && p[k] != ';' && p[k] != '<')
                k++;
            if (k < n && p[k] == ';')
                i = k;
        }
        /* U+3000 and above, three bytes from 0xE3: CJK and the like. */
        s->para += c >= 0xE3 && c < 0xF0 ? WN_PROBE_CJK_WEIGHT : 1;
    }
}

/* The value of attribute `name` in a start tag's attributes [p, end). */
static const char *attribute(const char *p, const char *end, const char *name, size_t *len)
{
    size_t nlen = strlen(name);
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '/'))
            p++;
        const char *key = p;
        while (p < end && *p != '=' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' &&
               *p != '\f' && *p != '/')
            p++;
        size_t klen = (size_t)(p - key);
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
        const char *value = NULL;
        size_t vlen = 0;
        if (p < end && *p == '=') {
            p++;
            while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
                p++;
            if (p < end && (*p == '"' || *p == '\'')) {
                char q = *p++;
                value = p;
                while (p < end && *p != q)
                    p++;
                vlen = (size_t)(p - value);
                if (p < end)
                    p++;
            } else {
                value = p;
                while (p < end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                    p++;
                vlen = (size_t)(p - value);
            }
        }
        if (klen == nlen && strncasecmp(key, name, nlen) == 0 && value) {
            *len = vlen;
            return value;
        }
        if (klen == 0 && !value)
            p++;
    }
    return NULL;
}

static bool clutter_names(const char *attrs, const char *end)
{
    uint32_t hints = 0;
    static const char *const names[] = {"class", "id"};
    for (size_t k = 0; k < 2; k++) {
        size_t len;
        const char *v = attribute(attrs, end, names[k], &len);
        if (v && len)
            hints |= wn_hints_from_attribute(v, len < WN_CLASS_VALUE_MAX ? len : WN_CLASS_VALUE_MAX);
    }
    size_t len;
    const char *role = attribute(attrs, end, "role", &len);
    if (role && len)
        hints |= wn_hints_from_role(role, len);
    /* Only the names of plain clutter: "header", "widget", "related" name
     * wrappers of the article too often to count here. */
    const uint32_t clutter = WN_HINT_NAV | WN_HINT_COMMENTS | WN_HINT_FOOTER | WN_HINT_SIDEBAR |
                             WN_HINT_SHARE | WN_HINT_AD;
    return (hints & clutter) && !(hints & (WN_HINT_POSITIVE | WN_HINT_STRONG));
}

static void start_tag(scan *s, const char *name, size_t n, const char *attrs, const char *end)
{
    if (block_element(name, n))
        flush(s);
    if (void_element(name, n))
        return;
    if (s->depth == WN_PROBE_DEPTH) {
        s->deep++;
        return;
    }
    /* Implied end tags: a paragraph ends where a block opens; an item, a
     * cell, a row where the next one opens. */
    if (s->depth) {
        const frame *top = &s->stack[s->depth - 1];
        bool same = top->len == n && strncasecmp(top->name, name, n) == 0;
        if ((top->len == 1 && top->name[0] == 'p' && block_element(name, n)) ||
            (same && self_closing(name, n)))
            s->depth--;
    }
    frame *f = &s->stack[s->depth];
    bool parent_clutter = in_clutter(s), parent_link = in_link(s);
    f->len = (uint8_t)(n < sizeof f->name ? n : sizeof f->name);
    for (size_t i = 0; i < f->len; i++)
        f->name[i] = (char)(name[i] | 0x20);
    /* The page's own wrappers are never clutter, whatever their classes. */
    bool wrapper = (n == 4 && (strncasecmp(name, "html", 4) == 0 || strncasecmp(name, "body", 4) == 0 ||
                               strncasecmp(name, "main", 4) == 0));
    f->clutter = parent_clutter || clutter_element(name, n) || (!wrapper && clutter_names(attrs, end));
    size_t href_len;
    f->link = parent_link || (n == 1 && (name[0] | 0x20) == 'a' && attribute(attrs, end, "href", &href_len));
    s->depth++;
}

static void end_tag(scan *s, const char *name, size_t n)
{
    if (block_element(name, n))
        flush(s);
    size_t len = n < sizeof s->stack[0].name ? n : sizeof s->stack[0].name;
    /* Close the nearest open element of that name (at most WN_PROBE_DEPTH
     * looks: linear in the page). */
    for (unsigned k = 0; k < s->depth; k++) {
        const frame *f = &s->stack[s->depth - 1 - k];
        if (f->len == len && strncasecmp(f->name, name, len) == 0) {
            s->depth -= k + 1;
            return;
        }
    }
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

double wn_probe_score(const char *html, size_t len)
{
    scan s;
    s.depth = 0;
    s.deep = 0;
    s.para = 0;
    s.score = 0;
    const char *p = html, *end = html + len;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) {
            text(&s, p, (size_t)(end - p));
            break;
        }
        text(&s, p, (size_t)(lt - p));
        p = lt + 1;
        if (p + 3 <= end && p[0] == '!' && p[1] == '-' && p[2] == '-') {
            /* A comment. */
            const char *close = p + 3;
            while (close + 3 <= end && memcmp(close, "-->", 3) != 0)
                close++;
            p = close + 3 <= end ? close + 3 : end;
            continue;
        }
        bool closing = p < end && *p == '/';
        if (closing)
            p++;
        if (p >= end || !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {
            if (p < end && (*p == '!' || *p == '?' || closing)) {
                const char *gt = memchr(p, '>', (size_t)(end - p));
                p = gt ? gt + 1 : end;
            }
            continue; /* a '<' that opens no tag is text; so little it is not counted */
        }
        const char *name = p;
        while (p < end && name_char(*p))
            p++;
        size_t n = (size_t)(p - name);
        /* The tag's end, quotes respected. */
        const char *attrs = p;
        char quote = 0;
        while (p < end && (quote || *p != '>')) {
            if (quote && *p == quote)
                quote = 0;
            else if (!quote && (*p == '"' || *p == '\'') && p > attrs && (p[-1] == '=' || p[-1] == ' '))
                quote = *p;
            p++;
        }
        const char *attrs_end = p;
        p = p < end ? p + 1 : end;
        if (closing) {
            end_tag(&s, name, n);
            continue;
        }
        start_tag(&s, name, n, attrs, attrs_end);
        if (raw_text(name, n)) {
            /* To "</name", whatever lies between. */
            const char *q = p;
            while (q < end) {
                const char *c = memchr(q, '<', (size_t)(end - q));
                if (!c) {
                    q = end;
                    break;
                }
                if (c + 2 + n <= end && c[1] == '/' && strncasecmp(c + 2, name, n) == 0 &&
                    (c + 2 + n == end || !name_char(c[2 + n]))) {
                    q = c;
                    break;
                }
                q = c + 1;
            }
            p = q;
        }
    }
    flush(&s);
    return s.score;
}
