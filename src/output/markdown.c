/* CommonMark output. Every block is one line of inline text (code blocks
 * keep theirs) after a blank line, inside the prefixes of the containers
 * around it: "> " for a quote, the item's indentation for what follows an
 * item in its list. Tables are GitHub pipe tables, buffered row by row until
 * the table closes. Text is escaped so that it reads back as itself:
 * characters that could open markup everywhere, and those that could start
 * a block at the start of a line. */
#include "output/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "output/url.h"
#include "utf8.h"

/* Containers past this depth are read into the one at the cap. */
#define MD_MAX_DEPTH 40

typedef struct md_container {
    bool quote;          /* else a list */
    bool ordered;
    bool implicit;       /* a list for items the content gave outside any list */
    bool has_item;       /* a list: an item was written (what follows is indented under it) */
    unsigned number;     /* an ordered list: the next item's number */
    unsigned width;      /* the last item's marker width */
    char bullet;         /* '-' or '*'; '.' or ')' for an ordered list */
} md_container;

typedef struct md_cell_row {
    wn_buf *cells;
    size_t count, cap;
} md_cell_row;

typedef struct md {
    wn_sink_fn sink;
    void *sink_data;
    wn_status status;
    md_container stack[MD_MAX_DEPTH];
    size_t depth;
    size_t flattened;    /* container opens past the cap, not yet closed */
    bool wrote;          /* a block was written: the next needs a blank line */
    bool last_item;      /* the last block written was a list item */
    unsigned serial;     /* lists opened: adjacent lists alternate their markers */
    wn_buf line;         /* the block being written */
    /* inline state */
    wn_buf *out;         /* where inline text goes */
    size_t line_start;   /* out->len where the block's text began */
    bool in_table;
    const wn_span *link;  /* the link being written, or NULL */
    uint8_t emph[256];    /* open emphasis spans: their kind + 1 when their marks were
                             written, else 0 */
    size_t nemph;
    /* a table being collected */
    int table_depth;
    int table_ignored;   /* containers opened inside the table, ignored */
    md_cell_row *rows;
    size_t nrows, row_cap;
    bool row_open;
    /* the comment thread */
    const wn_content_item *author, *date;
    bool comment_head_written;
    unsigned comment_quotes;
} md;

static void put(md *m, const char *s, size_t len)
{
    if (m->status == WN_OK && len && m->sink(m->sink_data, s, len) != 0)
        m->status = WN_ERR_OUTPUT;
}

static void puts_(md *m, const char *s)
{
    put(m, s, strlen(s));
}

/* ---- inline text -------------------------------------------------------------- */

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

static void escape_text(md *m, const char *s, size_t len)
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
    escape_text(ctx, s, len);
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
        escape_text(m, s->alt, strlen(s->alt));
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
static void render_inline(md *m, const wn_content_item *it, wn_buf *out)
{
    m->out = out;
    m->line_start = out->len;
    m->link = NULL;
    m->nemph = 0;
    if (it->span_count)
        wn_inline_walk(it, &md_ops, m);
    else
        escape_text(m, it->text ? it->text : "", it->text ? it->len : 0);
}

/* ---- blocks ------------------------------------------------------------------- */

/* The prefix of a line inside the open containers; marker: the list item
 * marker that begins the innermost list's new item, or NULL. */
static void put_prefix(md *m, const char *marker, bool blank)
{
    wn_buf p;
    wn_buf_init(&p);
    for (size_t i = 0; i < m->depth; i++) {
        const md_container *c = &m->stack[i];
        if (c->quote) {
            wn_buf_append(&p, "> ", 2);
        } else if (marker && i + 1 == m->depth) {
            wn_buf_puts(&p, marker);
        } else if (c->has_item) {
            for (unsigned k = 0; k < c->width; k++)
                wn_buf_putc(&p, ' ');
        }
    }
    size_t len = p.len;
    if (blank)
        while (len && p.data[len - 1] == ' ')
            len--;
    if (p.failed)
        m->status = WN_ERR_NOMEM;
    put(m, p.data, len);
    wn_buf_free(&p);
}

static void start_block(md *m, bool item)
{
    if (m->wrote && !(item && m->last_item)) {
        put_prefix(m, NULL, true);
        put(m, "\n", 1);
    }
    m->wrote = true;
    m->last_item = item;
}

static bool blank_text(const wn_buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (b->data[i] != ' ')
            return false;
    return true;
}

/* A block of one line: heading marks, then the inline text. */
static void write_line_block(md *m, const wn_content_item *it, const char *lead)
{
    m->line.len = 0;
    render_inline(m, it, &m->line);
    if (m->line.failed) {
        m->status = WN_ERR_NOMEM;
        return;
    }
    if (blank_text(&m->line))
        return;
    start_block(m, false);
    put_prefix(m, NULL, false);
    puts_(m, lead);
    put(m, m->line.data, m->line.len);
    put(m, "\n", 1);
}

static void write_code(md *m, const wn_content_item *it)
{
    const char *text = it->text ? it->text : "";
    size_t len = it->text ? it->len : 0;
    if (!len)
        return;
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < len; i++) {
        run = text[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    char fence[64];
    size_t n = longest < 3 ? 3 : longest + 1;
    if (n >= sizeof fence) {
        /* a run that long: a tilde fence, as long as any tilde run */
        n = 0;
    }
    start_block(m, false);
    wn_buf f;
    wn_buf_init(&f);
    if (n) {
        for (size_t i = 0; i < n; i++)
            wn_buf_putc(&f, '`');
    } else {
        size_t tl = 0, tlong = 0;
        for (size_t i = 0; i < len; i++) {
            tl = text[i] == '~' ? tl + 1 : 0;
            if (tl > tlong)
                tlong = tl;
        }
        for (size_t i = 0; i < (tlong < 3 ? 3 : tlong + 1); i++)
            wn_buf_putc(&f, '~');
    }
    (void)fence;
    put_prefix(m, NULL, false);
    put(m, f.data, f.len);
    if (it->lang)
        puts_(m, it->lang);
    put(m, "\n", 1);
    size_t start = 0;
    if (text[len - 1] == '\n')
        len--; /* the fence's line ends the last line */
    while (start <= len) {
        size_t end = start;
        while (end < len && text[end] != '\n')
            end++;
        put_prefix(m, NULL, end == start);
        put(m, text + start, end - start);
        put(m, "\n", 1);
        start = end + 1;
    }
    put_prefix(m, NULL, false);
    put(m, f.data, f.len);
    put(m, "\n", 1);
    if (f.failed)
        m->status = WN_ERR_NOMEM;
    wn_buf_free(&f);
}

static bool push_container(md *m, md_container c)
{
    if (m->flattened || m->depth == MD_MAX_DEPTH) {
        m->flattened++;
        return false;
    }
    m->stack[m->depth++] = c;
    return true;
}

static void pop_container(md *m)
{
    if (m->flattened) {
        m->flattened--;
        return;
    }
    if (m->depth)
        m->depth--;
}

/* A quote: the blank line that separates it from what came before is
 * written outside it (two quotes in a row stay two). */
static bool open_quote(md *m)
{
    if (m->wrote) {
        put_prefix(m, NULL, true);
        put(m, "\n", 1);
    }
    m->wrote = false;
    m->last_item = false;
    md_container c = {0};
    c.quote = true;
    return push_container(m, c);
}

/* An implicit list on top ends before anything but an item. */
static void end_implicit(md *m)
{
    if (!m->flattened && m->depth && m->stack[m->depth - 1].implicit)
        m->depth--;
}

static void open_list(md *m, bool ordered, bool implicit)
{
    md_container c = {0};
    c.ordered = ordered;
    c.implicit = implicit;
    c.number = 1;
    c.bullet = ordered ? ((m->serial & 1) ? ')' : '.') : ((m->serial & 1) ? '*' : '-');
    m->serial++;
    push_container(m, c);
}

static void write_item(md *m, const wn_content_item *it)
{
    if (m->flattened == 0 && (!m->depth || m->stack[m->depth - 1].quote))
        open_list(m, false, true);
    m->line.len = 0;
    render_inline(m, it, &m->line);
    if (m->line.failed) {
        m->status = WN_ERR_NOMEM;
        return;
    }
    if (blank_text(&m->line))
        return;
    char marker[24];
    md_container *c = m->depth ? &m->stack[m->depth - 1] : NULL;
    if (c && !c->quote) {
        if (c->ordered)
            snprintf(marker, sizeof marker, "%u%c ", c->number++ % 1000000000u, c->bullet);
        else
            snprintf(marker, sizeof marker, "%c ", c->bullet);
    } else {
        snprintf(marker, sizeof marker, "- ");
    }
    start_block(m, true);
    put_prefix(m, c && !c->quote ? marker : NULL, false);
    if (!c || c->quote)
        puts_(m, marker);
    if (c && !c->quote) {
        c->has_item = true;
        c->width = (unsigned)strlen(marker);
    }
    put(m, m->line.data, m->line.len);
    put(m, "\n", 1);
}

/* ---- tables ------------------------------------------------------------------- */

static void table_cell(md *m, const wn_content_item *it, bool new_cell)
{
    if (!m->row_open) {
        /* a block in the table outside any row: a row of its own */
        if (m->nrows == m->row_cap) {
            size_t cap = m->row_cap ? m->row_cap * 2 : 8;
            md_cell_row *grown = realloc(m->rows, cap * sizeof *grown);
            if (!grown) {
                m->status = WN_ERR_NOMEM;
                return;
            }
            m->rows = grown;
            m->row_cap = cap;
        }
        m->rows[m->nrows++] = (md_cell_row){NULL, 0, 0};
        m->row_open = true;
        new_cell = true;
        table_cell(m, it, true);
        m->row_open = false;
        return;
    }
    md_cell_row *r = &m->rows[m->nrows - 1];
    if (new_cell || !r->count) {
        if (r->count == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 8;
            wn_buf *grown = realloc(r->cells, cap * sizeof *grown);
            if (!grown) {
                m->status = WN_ERR_NOMEM;
                return;
            }
            r->cells = grown;
            r->cap = cap;
        }
        wn_buf_init(&r->cells[r->count++]);
    } else {
        wn_buf_putc(&r->cells[r->count - 1], ' ');
    }
    m->in_table = true;
    if (it->kind == WN_C_CODE) {
        /* a code block in a cell: its text as a code span */
        wn_span whole = {0, it->len, WN_SPAN_NONE, WN_SPAN_CODE, "", ""};
        wn_content_item copy = *it;
        copy.spans = &whole;
        copy.span_count = 1;
        render_inline(m, &copy, &r->cells[r->count - 1]);
    } else {
        render_inline(m, it, &r->cells[r->count - 1]);
    }
    m->in_table = false;
}

static void free_table(md *m)
{
    for (size_t r = 0; r < m->nrows; r++) {
        for (size_t c = 0; c < m->rows[r].count; c++)
            wn_buf_free(&m->rows[r].cells[c]);
        free(m->rows[r].cells);
    }
    m->nrows = 0;
}

static void write_table(md *m)
{
    size_t cols = 0;
    for (size_t r = 0; r < m->nrows; r++)
        if (m->rows[r].count > cols)
            cols = m->rows[r].count;
    if (!cols) {
        free_table(m);
        return;
    }
    start_block(m, false);
    bool header = true;
    for (size_t r = 0; r < m->nrows && m->status == WN_OK; r++) {
        const md_cell_row *row = &m->rows[r];
        if (!row->count)
            continue;
        put_prefix(m, NULL, false);
        put(m, "|", 1);
        for (size_t c = 0; c < cols; c++) {
            put(m, " ", 1);
            if (c < row->count) {
                if (row->cells[c].failed)
                    m->status = WN_ERR_NOMEM;
                put(m, row->cells[c].data, row->cells[c].len);
            }
            put(m, " |", 2);
        }
        put(m, "\n", 1);
        if (header) {
            put_prefix(m, NULL, false);
            put(m, "|", 1);
            for (size_t c = 0; c < cols; c++)
                put(m, " --- |", 6);
            put(m, "\n", 1);
            header = false;
        }
    }
    free_table(m);
}

/* ---- comments ----------------------------------------------------------------- */

static void comment_head(md *m)
{
    if (m->comment_head_written || (!m->author && !m->date))
        return;
    m->comment_head_written = true;
    m->line.len = 0;
    m->out = &m->line;
    m->line_start = 0;
    if (m->author) {
        wn_buf_append(&m->line, "**", 2);
        escape_text(m, m->author->text, m->author->len);
        wn_buf_append(&m->line, "**", 2);
    }
    if (m->author && m->date)
        wn_buf_append(&m->line, " \xC2\xB7 ", 4);
    if (m->date)
        escape_text(m, m->date->text, m->date->len);
    start_block(m, false);
    put_prefix(m, NULL, false);
    put(m, m->line.data, m->line.len);
    put(m, "\n", 1);
}

/* ---- the walk ----------------------------------------------------------------- */

wn_status wn_render_markdown(const wn_content *content, const char *title, wn_sink_fn sink,
                             void *sink_data)
{
    md m;
    memset(&m, 0, sizeof m);
    m.sink = sink;
    m.sink_data = sink_data;
    wn_buf_init(&m.line);
    if (title && *title) {
        wn_content_item head = {WN_C_HEAD, 1, (uint32_t)strlen(title), title, NULL, 0, NULL};
        write_line_block(&m, &head, "# ");
    }
    for (size_t i = 0; i < content->count && m.status == WN_OK; i++) {
        const wn_content_item *it = &content->items[i];
        wn_content_kind kind = (wn_content_kind)it->kind;
        if (m.table_depth) {
            switch (kind) {
            case WN_C_TABLE_OPEN: m.table_depth++; break;
            case WN_C_TABLE_CLOSE:
                if (--m.table_depth == 0) {
                    m.row_open = false;
                    write_table(&m);
                }
                break;
            case WN_C_ROW_OPEN:
                if (m.nrows == m.row_cap) {
                    size_t cap = m.row_cap ? m.row_cap * 2 : 8;
                    md_cell_row *grown = realloc(m.rows, cap * sizeof *grown);
                    if (!grown) {
                        m.status = WN_ERR_NOMEM;
                        break;
                    }
                    m.rows = grown;
                    m.row_cap = cap;
                }
                m.rows[m.nrows++] = (md_cell_row){NULL, 0, 0};
                m.row_open = true;
                break;
            case WN_C_ROW_CLOSE: m.row_open = false; break;
            case WN_C_CELL: table_cell(&m, it, true); break;
            case WN_C_PARA: case WN_C_HEAD: case WN_C_ITEM: case WN_C_CODE: case WN_C_CAPTION:
                table_cell(&m, it, false);
                break;
            default:
                break; /* lists and quotes inside a table: their text is in the cells */
            }
            continue;
        }
        if (kind != WN_C_ITEM && kind != WN_C_LIST_OPEN)
            end_implicit(&m);
        switch (kind) {
        case WN_C_PARA:
        case WN_C_CAPTION:
            comment_head(&m);
            write_line_block(&m, it, "");
            break;
        case WN_C_CELL:
            write_line_block(&m, it, ""); /* a cell outside a row */
            break;
        case WN_C_HEAD: {
            static const char *const marks[] = {"# ", "## ", "### ", "#### ", "##### ", "###### "};
            unsigned level = it->level >= 1 && it->level <= 6 ? it->level : 2;
            write_line_block(&m, it, marks[level - 1]);
            break;
        }
        case WN_C_CODE:
            write_code(&m, it);
            break;
        case WN_C_ITEM:
            write_item(&m, it);
            break;
        case WN_C_LIST_OPEN:
            open_list(&m, it->level == 1, false);
            break;
        case WN_C_LIST_CLOSE:
            pop_container(&m);
            break;
        case WN_C_QUOTE_OPEN:
            open_quote(&m);
            break;
        case WN_C_QUOTE_CLOSE:
            pop_container(&m);
            break;
        case WN_C_TABLE_OPEN:
            m.table_depth = 1;
            m.nrows = 0;
            m.row_open = false;
            break;
        case WN_C_ROW_OPEN: case WN_C_ROW_CLOSE: case WN_C_TABLE_CLOSE:
            break; /* unmatched */
        case WN_C_COMMENTS_OPEN:
            start_block(&m, false);
            put_prefix(&m, NULL, false);
            puts_(&m, "* * *\n");
            break;
        case WN_C_COMMENTS_CLOSE:
            break;
        case WN_C_COMMENT_OPEN: {
            m.author = m.date = NULL;
            m.comment_head_written = false;
            m.comment_quotes = 0;
            for (unsigned k = 1; k < it->level && k < 8; k++)
                m.comment_quotes += open_quote(&m);
            break;
        }
        case WN_C_COMMENT_AUTHOR: m.author = it; break;
        case WN_C_COMMENT_DATE: m.date = it; break;
        case WN_C_POST_OPEN:
            /* A discussion's post: its byline, "**author** · date". */
            m.author = m.date = NULL;
            m.comment_head_written = false;
            for (; i + 1 < content->count; i++) {
                const wn_content_item *next = &content->items[i + 1];
                if (next->kind == WN_C_POST_AUTHOR)
                    m.author = next;
                else if (next->kind == WN_C_POST_DATE)
                    m.date = next;
                else
                    break;
            }
            comment_head(&m);
            m.author = m.date = NULL;
            break;
        case WN_C_POST_AUTHOR: case WN_C_POST_DATE: case WN_C_POST_CLOSE:
            break;
        case WN_C_COMMENT_CLOSE:
            comment_head(&m);
            while (m.comment_quotes) {
                pop_container(&m);
                m.comment_quotes--;
            }
            m.author = m.date = NULL;
            break;
        }
    }
    if (m.table_depth)
        write_table(&m);
    free_table(&m);
    free(m.rows);
    wn_buf_free(&m.line);
    return m.status;
}
