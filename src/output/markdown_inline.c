/* Markdown inline text: a block's text escaped so that it reads back as
 * itself (characters that could open markup everywhere, and those that
 * could start a block at the start of a line), with its links, images, code
 * spans and emphasis written where CommonMark reads them back. */
#include "output/markdown.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "output/url.h"
#include "utf8.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* "&name;" or "&#123;" follows: an entity reference to keep literal. */
static bool entity_like(const char *s, size_t len)
{
    size_t i = 1;
    if (i < len && s[i] == '#')
        i++;
    size_t start = i;
    while (i < len && is_alnum(s[i]))
        i++;
    return i > start && i < len && s[i] == ';';
}

void wn_md_escape(md *m, const char *s, size_t len)
{
    wn_buf *b = m->out;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool at_start = b->len == m->line_start;
        bool esc = false;
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '~': case '#': case '|':
            esc = true;
            break;
        case '&':
            esc = entity_like(s + i, len - i);
            break;
        case '-': case '+': case '=':
            esc = at_start;
            break;
        case '.': case ')': {
            /* "12." or "3)" at the start of the line: a list marker */
            size_t k = i;
            while (k > 0 && is_digit(s[k - 1]))
                k--;
            esc = k < i && b->len - (i - k) == m->line_start;
            break;
        }
        case '\n':
            /* only code holds line breaks; elsewhere a space */
            wn_buf_putc(b, ' ');
            continue;
        default:
            break;
        }
        if (esc)
            wn_buf_putc(b, '\\');
        wn_buf_putc(b, c);
    }
}

/* A link destination: white space and angle brackets percent-encoded,
 * parentheses and backslashes escaped. */
static void put_destination(wn_buf *b, const char *url)
{
    for (const char *p = url; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c == '<' || c == '>' || c == 0x7F) {
            char hex[4];
            snprintf(hex, sizeof hex, "%%%02X", c);
            wn_buf_append(b, hex, 3);
        } else if (c == '(' || c == ')' || c == '\\') {
            wn_buf_putc(b, '\\');
            wn_buf_putc(b, (char)c);
        } else {
            wn_buf_putc(b, (char)c);
        }
    }
}

static void md_text(void *ctx, const char *s, size_t len)
{
    wn_md_escape(ctx, s, len);
}

static void code_span(md *m, const char *s, size_t len)
{
    size_t run = 0, longest = 0;
    bool has_ink = false;
    for (size_t i = 0; i < len; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
        has_ink = has_ink || s[i] != ' ';
    }
    if (!has_ink)
        return;
    wn_buf *b = m->out;
    bool pad = s[0] == '`' || s[len - 1] == '`' || (s[0] == ' ' && s[len - 1] == ' ');
    for (size_t i = 0; i <= longest; i++)
        wn_buf_putc(b, '`');
    if (pad)
        wn_buf_putc(b, ' ');
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            wn_buf_putc(b, ' ');
        else if (s[i] == '|' && m->in_table)
            wn_buf_append(b, "\\|", 2); /* a pipe table splits cells before code spans */
        else
            wn_buf_putc(b, s[i]);
    }
    if (pad)
        wn_buf_putc(b, ' ');
    for (size_t i = 0; i <= longest; i++)
        wn_buf_putc(b, '`');
}

/* Whether a span holds text other than white space, or a kept image. */
static bool span_has_ink(const wn_content_item *it, const wn_span *s)
{
    for (uint32_t i = s->start; i < s->end && i < it->len; i++)
        if (it->text[i] != ' ')
            return true;
    for (uint32_t k = (uint32_t)(s - it->spans) + 1; k < it->span_count; k++) {
        const wn_span *c = &it->spans[k];
        uint32_t a = c->parent;
        while (a != WN_SPAN_NONE && a != (uint32_t)(s - it->spans))
            a = it->spans[a].parent;
        if (a == WN_SPAN_NONE)
            break;
        if (c->kind == WN_SPAN_IMAGE && *c->url)
            return true;
    }
    return false;
}

/* CommonMark's classes for delimiter runs: white space (end of line
 * counts as such) and punctuation (ASCII or Unicode P*). */
static bool cm_space(int32_t cp)
{
    return cp < 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r' ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static bool cm_punct(int32_t cp)
{
    if (cp < 0)
        return false;
    if (cp < 0x80)
        return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
               (cp >= '{' && cp <= '~');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return true;
    default:
        return false;
    }
}

static int32_t cp_before(const char *s, size_t pos)
{
    if (pos == 0)
        return -1;
    size_t start = pos - 1;
    while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    size_t p = start;
    return (int32_t)wn_utf8_next(s, pos, &p);
}

static int32_t cp_at(const char *s, size_t len, size_t pos)
{
    if (pos >= len)
        return -1;
    return (int32_t)wn_utf8_next(s, len, &pos);
}

/* The first or last character a span renders: its text's, or the mark of
 * a span inside it that starts or ends there. */
static int32_t span_edge(const wn_content_item *it, const wn_span *s, bool first)
{
    uint32_t self = (uint32_t)(s - it->spans);
    for (uint32_t k = self + 1; k < it->span_count; k++) {
        const wn_span *c = &it->spans[k];
        uint32_t a = c->parent;
        while (a != WN_SPAN_NONE && a != self)
            a = it->spans[a].parent;
        if (a == WN_SPAN_NONE)
            break;
        if (first ? c->start == s->start : c->end == s->end) {
            switch ((wn_span_kind)c->kind) {
            case WN_SPAN_LINK: return first ? '[' : ')';
            case WN_SPAN_IMAGE: return first ? '!' : ')';
            case WN_SPAN_CODE: return '`';
            default: return '*';
            }
        }
    }
    uint32_t end = s->end < it->len ? s->end : it->len;
    return first ? cp_at(it->text, end, s->start) : cp_before(it->text, end);
}

/* Whether "*" or "**" around the span reads back as emphasis: the opening
 * run left-flanking, the closing one right-flanking. When not (emphasis
 * after a letter that begins with punctuation, common in CJK text), the
 * marks are left out: the text stays right. */
static bool emphasis_reads_back(md *m, const wn_content_item *it, const wn_span *s)
{
    wn_buf *b = m->out;
    int32_t before = b->len > m->line_start ? cp_before(b->data, b->len) : -1;
    int32_t first = span_edge(it, s, true), last = span_edge(it, s, false);
    int32_t after = cp_at(it->text, it->len, s->end);
    bool left = !cm_space(first) && (!cm_punct(first) || cm_space(before) || cm_punct(before));
    bool right = !cm_space(last) && (!cm_punct(last) || cm_space(after) || cm_punct(after));
    return left && right;
}

/* The marks written for each open span, so that close() matches open(). */
static bool md_open(void *ctx, const wn_content_item *it, const wn_span *s)
{
    md *m = ctx;
    wn_buf *b = m->out;
    switch ((wn_span_kind)s->kind) {
    case WN_SPAN_LINK:
        if (m->link || !*s->url || !wn_url_allowed(s->url, false))
            return true; /* the text alone */
        m->link = s;
        if (b->len > m->line_start && b->data[b->len - 1] == '!') {
            /* "!" then "[": an image; the "!" is escaped */
            b->len--;
            wn_buf_append(b, "\\!", 2);
        }
        wn_buf_putc(b, '[');
        return true;
    case WN_SPAN_IMAGE:
        if (!*s->url || !wn_url_allowed(s->url, true))
            return false;
        wn_buf_append(b, "![", 2);
        wn_md_escape(m, s->alt, strlen(s->alt));
        wn_buf_append(b, "](", 2);
        put_destination(b, s->url);
        wn_buf_putc(b, ')');
        return false;
    case WN_SPAN_BOLD:
    case WN_SPAN_ITALIC: {
        bool marks = m->nemph < sizeof m->emph && span_has_ink(it, s) && emphasis_reads_back(m, it, s);
        /* bold in bold (italic in italic) adds nothing, and its marks
         * would close the outer ones */
        for (size_t k = 0; k < m->nemph && k < sizeof m->emph && marks; k++)
            marks = m->emph[k] != s->kind + 1;
        if (m->nemph < sizeof m->emph)
            m->emph[m->nemph] = marks ? (uint8_t)(s->kind + 1) : 0;
        m->nemph++;
        if (marks)
            wn_buf_append(b, "**", s->kind == WN_SPAN_BOLD ? 2 : 1);
        return true;
    }
    case WN_SPAN_CODE: {
        uint32_t end = s->end < it->len ? s->end : it->len;
        if (end > s->start)
            code_span(m, it->text + s->start, end - s->start);
        return false;
    }
    }
    return true;
}

static void md_close(void *ctx, const wn_content_item *it, const wn_span *s)
{
    md *m = ctx;
    wn_buf *b = m->out;
    switch ((wn_span_kind)s->kind) {
    case WN_SPAN_LINK:
        if (m->link == s) {
            m->link = NULL;
            wn_buf_append(b, "](", 2);
            put_destination(b, s->url);
            wn_buf_putc(b, ')');
        }
        break;
    case WN_SPAN_BOLD:
    case WN_SPAN_ITALIC:
        if (m->nemph && --m->nemph < sizeof m->emph && m->emph[m->nemph])
            wn_buf_append(b, "**", s->kind == WN_SPAN_BOLD ? 2 : 1);
        break;
    default:
        break;
    }
}

static const wn_inline_ops md_ops = {md_text, md_open, md_close};

/* The item's text with its markup, escaped, appended to out. */
void wn_md_inline(md *m, const wn_content_item *it, wn_buf *out)
{
    m->out = out;
    m->line_start = out->len;
    m->link = NULL;
    m->nemph = 0;
    if (it->span_count)
        wn_inline_walk(it, &md_ops, m);
    else
        wn_md_escape(m, it->text ? it->text : "", it->text ? it->len : 0);
}
