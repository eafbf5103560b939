/* A clean HTML5 fragment for reader views: one <article>. Only the
 * elements below are written, with no attribute but href, src, alt, class
 * (a code block's language), and every text and attribute value escaped
 * (& < > " '), so nothing of the page's markup or script can come through.
 * URLs pass wn_url_allowed() or are left out. Nesting past HTML_MAX_DEPTH
 * containers is flattened, as in the XML output. */
#include "output/render.h"

#include <stdio.h>
#include <string.h>

#include "output/url.h"

#define HTML_MAX_DEPTH 200

/* What an open container is. */
enum { H_LIST, H_OLIST, H_QUOTE, H_TABLE, H_ROW, H_COMMENTS, H_COMMENT,
       H_NONE /* a row outside any table: written as nothing */ };

typedef struct html {
    wn_sink_fn sink;
    void *sink_data;
    wn_status status;
    unsigned char stack[HTML_MAX_DEPTH];
    bool li_open[HTML_MAX_DEPTH]; /* a list: its last <li> is still open */
    size_t depth;
    size_t flattened;
    const wn_span *link; /* the <a> being written */
    size_t inline_depth; /* inline elements open */
    size_t skipped;      /* inline elements past the depth cap, left out */
    bool images;         /* data:image/ sources allowed */
    const wn_content_item *author, *date;
    bool comment_head;
} html;

static void put(html *h, const char *s, size_t len)
{
    if (h->status == WN_OK && len && h->sink(h->sink_data, s, len) != 0)
        h->status = WN_ERR_OUTPUT;
}

static void puts_(html *h, const char *s)
{
    put(h, s, strlen(s));
}

/* Text or an attribute value, escaped. */
static void escaped(html *h, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = ""; break;
        default: break;
        }
        if (!rep)
            continue;
        put(h, s + run, i - run);
        puts_(h, rep);
        run = i + 1;
    }
    put(h, s + run, len - run);
}

static void attribute(html *h, const char *name, const char *value)
{
    put(h, " ", 1);
    puts_(h, name);
    put(h, "=\"", 2);
    escaped(h, value, strlen(value));
    put(h, "\"", 1);
}

static void h_text(void *ctx, const char *s, size_t len)
{
    escaped(ctx, s, len);
}

static bool h_open(void *ctx, const wn_content_item *it, const wn_span *s)
{
    html *h = ctx;
    (void)it;
    if (s->kind != WN_SPAN_IMAGE && (h->skipped || h->depth + h->inline_depth >= HTML_MAX_DEPTH + 40)) {
        h->skipped++;
        return true;
    }
    if (s->kind != WN_SPAN_IMAGE)
        h->inline_depth++;
    switch ((wn_span_kind)s->kind) {
    case WN_SPAN_LINK:
        if (h->link || !*s->url || !wn_url_allowed(s->url, false))
            return true;
        h->link = s;
        puts_(h, "<a");
        attribute(h, "href", s->url);
        put(h, ">", 1);
        return true;
    case WN_SPAN_IMAGE:
        if (*s->url && wn_url_allowed(s->url, h->images)) {
            puts_(h, "<img");
            attribute(h, "src", s->url);
            attribute(h, "alt", s->alt);
            put(h, ">", 1);
        }
        return false;
    case WN_SPAN_BOLD: puts_(h, "<b>"); return true;
    case WN_SPAN_ITALIC: puts_(h, "<i>"); return true;
    case WN_SPAN_CODE: puts_(h, "<code>"); return true;
    }
    return true;
}

static void h_close(void *ctx, const wn_content_item *it, const wn_span *s)
{
    html *h = ctx;
    (void)it;
    if (s->kind != WN_SPAN_IMAGE && h->skipped) {
        h->skipped--;
        return;
    }
    if (s->kind != WN_SPAN_IMAGE && h->inline_depth)
        h->inline_depth--;
    switch ((wn_span_kind)s->kind) {
    case WN_SPAN_LINK:
        if (h->link == s) {
            h->link = NULL;
            puts_(h, "</a>");
        }
        break;
    case WN_SPAN_BOLD: puts_(h, "</b>"); break;
    case WN_SPAN_ITALIC: puts_(h, "</i>"); break;
    case WN_SPAN_CODE: puts_(h, "</code>"); break;
    default: break;
    }
}

static const wn_inline_ops html_ops = {h_text, h_open, h_close};

static void inline_text(html *h, const wn_content_item *it)
{
    h->link = NULL;
    h->inline_depth = h->skipped = 0;
    if (it->span_count)
        wn_inline_walk(it, &html_ops, h);
    else
        escaped(h, it->text ? it->text : "", it->text ? it->len : 0);
}

static int top(const html *h)
{
    return h->depth && !h->flattened ? h->stack[h->depth - 1] : -1;
}

static bool in_list(const html *h)
{
    return top(h) == H_LIST || top(h) == H_OLIST;
}

/* A block inside a list goes into its open <li> (or one of its own);
 * inside a table or row, into a cell of its own row or cell. */
static void block_begin(html *h, bool *wrapped_li, bool *wrapped_cell, bool *wrapped_row)
{
    *wrapped_li = *wrapped_cell = *wrapped_row = false;
    if (in_list(h) && !h->li_open[h->depth - 1]) {
        puts_(h, "<li>");
        *wrapped_li = true;
    } else if (top(h) == H_TABLE) {
        puts_(h, "<tr><td>");
        *wrapped_row = true;
    } else if (top(h) == H_ROW) {
        puts_(h, "<td>");
        *wrapped_cell = true;
    }
}

static void block_end(html *h, bool wrapped_li, bool wrapped_cell, bool wrapped_row)
{
    if (wrapped_li)
        puts_(h, "</li>\n");
    if (wrapped_cell)
        puts_(h, "</td>");
    if (wrapped_row)
        puts_(h, "</td></tr>\n");
}

static void comment_head(html *h)
{
    if (h->comment_head || (!h->author && !h->date))
        return;
    h->comment_head = true;
    puts_(h, "<p>");
    if (h->author) {
        puts_(h, "<b>");
        escaped(h, h->author->text, h->author->len);
        puts_(h, "</b>");
    }
    if (h->author && h->date)
        puts_(h, " \xC2\xB7 ");
    if (h->date) {
        puts_(h, "<time>");
        escaped(h, h->date->text, h->date->len);
        puts_(h, "</time>");
    }
    puts_(h, "</p>\n");
}

static void text_block(html *h, const wn_content_item *it, const char *tag)
{
    if (!it->text || (!it->len && !it->span_count))
        return;
    bool li, cell, row;
    block_begin(h, &li, &cell, &row);
    put(h, "<", 1);
    puts_(h, tag);
    put(h, ">", 1);
    inline_text(h, it);
    put(h, "</", 2);
    puts_(h, tag);
    puts_(h, cell ? ">" : ">\n");
    block_end(h, li, cell, row);
}

static bool open_container(html *h, int kind, const char *markup)
{
    if (h->flattened || h->depth == HTML_MAX_DEPTH) {
        h->flattened++;
        return false;
    }
    if (kind == H_NONE)
        ;
    else if (kind != H_ROW && top(h) == H_ROW)
        puts_(h, "<td>"); /* a container inside a row goes into a cell */
    else if (kind != H_ROW && top(h) == H_TABLE)
        puts_(h, "<tr><td>");
    else if (in_list(h) && !h->li_open[h->depth - 1]) {
        puts_(h, "<li>"); /* a list or quote in a list goes into an item */
        h->li_open[h->depth - 1] = true;
    }
    puts_(h, markup);
    h->stack[h->depth] = (unsigned char)kind;
    h->li_open[h->depth] = false;
    h->depth++;
    return true;
}

static void close_container(html *h)
{
    if (h->flattened) {
        h->flattened--;
        return;
    }
    if (!h->depth)
        return;
    int kind = h->stack[h->depth - 1];
    if ((kind == H_LIST || kind == H_OLIST) && h->li_open[h->depth - 1])
        puts_(h, "</li>\n");
    h->depth--;
    switch (kind) {
    case H_LIST: puts_(h, "</ul>\n"); break;
    case H_OLIST: puts_(h, "</ol>\n"); break;
    case H_QUOTE: puts_(h, "</blockquote>\n"); break;
    case H_TABLE: puts_(h, "</table>\n"); break;
    case H_ROW: puts_(h, "</tr>\n"); break;
    case H_COMMENTS: puts_(h, "</section>\n"); break;
    case H_COMMENT: puts_(h, "</article>\n"); break;
    default: break;
    }
    if (kind == H_NONE)
        return;
    if (kind != H_ROW && top(h) == H_ROW)
        puts_(h, "</td>");
    else if (kind != H_ROW && top(h) == H_TABLE)
        puts_(h, "</td></tr>\n");
}

wn_status wn_render_html(const wn_content *content, const char *title, wn_sink_fn sink,
                         void *sink_data)
{
    html h;
    memset(&h, 0, sizeof h);
    h.sink = sink;
    h.sink_data = sink_data;
    h.images = (content->spans & WN_FLAG_IMAGES) != 0;
    puts_(&h, "<article>\n");
    if (title && *title) {
        puts_(&h, "<h1>");
        escaped(&h, title, strlen(title));
        puts_(&h, "</h1>\n");
    }
    for (size_t i = 0; i < content->count && h.status == WN_OK; i++) {
        const wn_content_item *it = &content->items[i];
        switch ((wn_content_kind)it->kind) {
        case WN_C_PARA:
            comment_head(&h);
            text_block(&h, it, "p");
            break;
        case WN_C_CAPTION:
            text_block(&h, it, "p");
            break;
        case WN_C_HEAD: {
            char tag[3] = {'h', (char)('0' + (it->level >= 1 && it->level <= 6 ? it->level : 2)), 0};
            text_block(&h, it, tag);
            break;
        }
        case WN_C_CODE: {
            if (!it->text || !it->len)
                break;
            bool li, cell, row;
            block_begin(&h, &li, &cell, &row);
            puts_(&h, "<pre><code");
            if (it->lang) {
                char cls[64];
                snprintf(cls, sizeof cls, "language-%.40s", it->lang);
                attribute(&h, "class", cls);
            }
            put(&h, ">", 1);
            escaped(&h, it->text, it->len);
            puts_(&h, "</code></pre>");
            puts_(&h, cell ? "" : "\n");
            block_end(&h, li, cell, row);
            break;
        }
        case WN_C_ITEM:
            if (!it->text || (!it->len && !it->span_count))
                break;
            if (!in_list(&h)) {
                /* an item outside any list: a list of its own */
                puts_(&h, top(&h) == H_ROW ? "<td><ul><li>" : top(&h) == H_TABLE ? "<tr><td><ul><li>" : "<ul><li>");
                inline_text(&h, it);
                puts_(&h, top(&h) == H_ROW ? "</li></ul></td>" : top(&h) == H_TABLE ? "</li></ul></td></tr>\n" : "</li></ul>\n");
                break;
            }
            if (h.li_open[h.depth - 1])
                puts_(&h, "</li>\n");
            puts_(&h, "<li>");
            inline_text(&h, it);
            h.li_open[h.depth - 1] = true;
            break;
        case WN_C_CELL:
            if (top(&h) == H_ROW) {
                puts_(&h, "<td>");
                inline_text(&h, it);
                puts_(&h, "</td>");
            } else {
                text_block(&h, it, "p");
            }
            break;
        case WN_C_LIST_OPEN:
            open_container(&h, it->level == 1 ? H_OLIST : H_LIST, it->level == 1 ? "<ol>\n" : "<ul>\n");
            break;
        case WN_C_QUOTE_OPEN: open_container(&h, H_QUOTE, "<blockquote>\n"); break;
        case WN_C_TABLE_OPEN: open_container(&h, H_TABLE, "<table>\n"); break;
        case WN_C_ROW_OPEN:
            if (top(&h) == H_TABLE || h.flattened)
                open_container(&h, H_ROW, "<tr>");
            else
                open_container(&h, H_NONE, "");
            break;
        case WN_C_LIST_CLOSE:
        case WN_C_QUOTE_CLOSE:
        case WN_C_TABLE_CLOSE:
        case WN_C_ROW_CLOSE:
        case WN_C_COMMENTS_CLOSE:
        case WN_C_COMMENT_CLOSE:
            if (it->kind == WN_C_COMMENT_CLOSE)
                comment_head(&h);
            close_container(&h);
            break;
        case WN_C_COMMENTS_OPEN: open_container(&h, H_COMMENTS, "<section>\n"); break;
        case WN_C_COMMENT_OPEN: {
            char markup[48];
            if (it->level > 1)
                snprintf(markup, sizeof markup, "<article data-depth=\"%u\">\n", (unsigned)it->level);
            else
                snprintf(markup, sizeof markup, "<article>\n");
            open_container(&h, H_COMMENT, markup);
            h.author = h.date = NULL;
            h.comment_head = false;
            break;
        }
        case WN_C_COMMENT_AUTHOR: h.author = it; break;
        case WN_C_COMMENT_DATE: h.date = it; break;
        case WN_C_POST_OPEN:
            /* A discussion's post: <article>, its byline first. */
            open_container(&h, H_COMMENT, "<article>\n");
            h.author = h.date = NULL;
            h.comment_head = false;
            for (; i + 1 < content->count; i++) {
                const wn_content_item *next = &content->items[i + 1];
                if (next->kind == WN_C_POST_AUTHOR)
                    h.author = next;
                else if (next->kind == WN_C_POST_DATE)
                    h.date = next;
                else
                    break;
            }
            comment_head(&h);
            h.author = h.date = NULL;
            break;
        case WN_C_POST_AUTHOR:
        case WN_C_POST_DATE:
            break; /* read with the open item */
        case WN_C_POST_CLOSE:
            close_container(&h);
            break;
        }
    }
    while (h.depth || h.flattened)
        close_container(&h);
    puts_(&h, "</article>\n");
    return h.status;
}
