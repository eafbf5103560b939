/* CommonMark output. Every block is one line of inline text (code blocks
 * keep theirs) after a blank line, inside the prefixes of the containers
 * around it: "> " for a quote, the item's indentation for what follows an
 * item in its list. Tables are GitHub pipe tables, buffered row by row until
 * the table closes. Text is escaped so that it reads back as itself:
 * characters that could open markup everywhere, and those that could start
 * a block at the start of a line. */
#include "output/markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(md *m, const char *s, size_t len)
{
    if (m->status == WN_OK && len && m->sink(m->sink_data, s, len) != 0)
        m->status = WN_ERR_OUTPUT;
}

static void puts_(md *m, const char *s)
{
    put(m, s, strlen(s));
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
    wn_md_inline(m, it, &m->line);
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
    wn_md_inline(m, it, &m->line);
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
        if (!wn_array_grow((void **)&m->rows, &m->row_cap, m->nrows, sizeof *m->rows)) {
            m->status = WN_ERR_NOMEM;
            return;
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
        if (!wn_array_grow((void **)&r->cells, &r->cap, r->count, sizeof *r->cells)) {
            m->status = WN_ERR_NOMEM;
            return;
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
        wn_md_inline(m, &copy, &r->cells[r->count - 1]);
    } else {
        wn_md_inline(m, it, &r->cells[r->count - 1]);
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
        wn_md_escape(m, m->author->text, m->author->len);
        wn_buf_append(&m->line, "**", 2);
    }
    if (m->author && m->date)
        wn_buf_append(&m->line, " \xC2\xB7 ", 4);
    if (m->date)
        wn_md_escape(m, m->date->text, m->date->len);
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
