#include "output/render.h"

#include <libxml/xmlwriter.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

static char *xml_clean_as_is(wn_arena *arena, const char *text, size_t len);

/* In NFC, as the content's text is (content.c). */
char *wn_xml_clean(wn_arena *arena, const char *text, size_t len)
{
    size_t n;
    char *nfc = wn_utf8_nfc(text, len, &n);
    if (!nfc)
        return xml_clean_as_is(arena, text, len);
    char *out = xml_clean_as_is(arena, nfc, n);
    free(nfc);
    return out;
}

static char *xml_clean_as_is(wn_arena *arena, const char *text, size_t len)
{
    char *out = wn_arena_alloc(arena, len * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0, pos = 0;
    while (pos < len) {
        size_t start = pos;
        uint32_t cp = wn_utf8_next(text, len, &pos);
        if (!wn_is_xml_char(cp))
            continue;
        if (cp == 0xFFFD && pos - start == 1) {
            o += wn_utf8_encode(cp, out + o);
            continue;
        }
        memcpy(out + o, text + start, pos - start);
        o += pos - start;
    }
    out[o] = '\0';
    return out;
}

typedef struct sink_ctx {
    wn_sink_fn sink;
    void *sink_data;
    int failed;
} sink_ctx;

static int write_to_sink(void *context, const char *buffer, int len)
{
    sink_ctx *ctx = context;
    /* A refusing sink is recorded, not reported to libxml2, which would
     * print its own error on stderr; the rest of the output is dropped. */
    if (!ctx->failed && len > 0 && ctx->sink(ctx->sink_data, buffer, (size_t)len) != 0)
        ctx->failed = 1;
    return len;
}

static int close_sink(void *context)
{
    (void)context;
    return 0;
}

/* libxml2's parser without XML_PARSE_HUGE refuses elements nested deeper
 * than 256 and text nodes over 10,000,000 bytes. The output stays under
 * both: containers (list, table, row, quote) past XML_MAX_DEPTH open
 * elements are not written and their content goes into the ancestor at the
 * cap; a block's text over XML_MAX_TEXT bytes is split into several sibling
 * elements of its kind; an attribute value is cut at XML_MAX_ATTR bytes. */
#define XML_MAX_DEPTH 200
#define XML_MAX_TEXT ((size_t)8 << 20)
#define XML_MAX_ATTR ((size_t)1 << 20)
/* A text element may need two levels below a container: <list><item>. */
#define XML_TEXT_ROOM 2

typedef struct xml_state {
    xmlTextWriterPtr w;
    int rc;           /* < 0 once a write failed */
    unsigned depth;   /* open elements */
    size_t flattened; /* containers opened past the cap and not yet closed */
    wn_buf escaped;   /* a text escaped for write_text() */
    wn_buf piece;     /* a NUL-terminated copy of a piece of a text with spans */
    size_t skipped;   /* inline elements past the depth cap, not written */
    size_t inline_depth; /* inline elements open */
    bool code_lang;   /* write <code lang> (the content kept formatting) */
    bool indent;
} xml_state;

static void start(xml_state *x, const char *name)
{
    if (x->rc >= 0)
        x->rc = xmlTextWriterStartElement(x->w, BAD_CAST name);
    x->depth++;
}

static void end(xml_state *x)
{
    if (x->rc >= 0)
        x->rc = xmlTextWriterEndElement(x->w);
    if (x->depth)
        x->depth--;
}

/* A container element: written when there is room under the cap, else
 * flattened into its ancestor. Returns whether it was written. */
static bool open_container(xml_state *x, const char *name)
{
    if (x->flattened || x->depth + 1 + XML_TEXT_ROOM > XML_MAX_DEPTH) {
        x->flattened++;
        return false;
    }
    start(x, name);
    return true;
}

/* Closes the innermost container; returns whether it had been written. */
static bool close_container(xml_state *x)
{
    if (x->flattened) {
        x->flattened--;
        return false;
    }
    end(x);
    return true;
}

/* The length of the longest prefix of text[0..len) of at most max bytes that
 * ends at a character boundary, preferably after a space. */
static size_t piece_length(const char *text, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t cut = max;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
        cut--;
    for (size_t back = 0; back < 4096 && back < cut; back++)
        if (text[cut - back - 1] == ' ' || text[cut - back - 1] == '\n')
            return cut - back;
    return cut ? cut : len < max ? len : max;
}

/* text[0..len) escaped as libxml2's xmlEncodeSpecialChars() escapes it
 * (<, >, &, " and CR), into b (emptied first). */
static void escape_text(wn_buf *b, const char *text, size_t len)
{
    b->len = 0;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep;
        switch (text[i]) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\r': rep = "&#13;"; break;
        default: continue;
        }
        wn_buf_append(b, text + run, i - run);
        wn_buf_puts(b, rep);
        run = i + 1;
    }
    wn_buf_append(b, text + run, len - run);
}

/* Writes text[0..len) as escaped character data: what
 * xmlTextWriterWriteString() writes, escaped here into one reused buffer
 * rather than into a string libxml2 allocates for each text. */
static void write_text(xml_state *x, const char *text, size_t len)
{
    if (x->rc < 0)
        return;
    escape_text(&x->escaped, text, len);
    if (x->escaped.failed || x->escaped.len > INT_MAX) {
        x->rc = -1;
        return;
    }
    x->rc = xmlTextWriterWriteRawLen(x->w, BAD_CAST(x->escaped.data ? x->escaped.data : ""),
                                     (int)x->escaped.len);
}

static void attr(xml_state *x, const char *name, const char *value)
{
    if (x->rc < 0 || !value || !*value)
        return;
    size_t len = strlen(value);
    if (len <= XML_MAX_ATTR) {
        x->rc = xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value);
        return;
    }
    size_t cut = piece_length(value, len, XML_MAX_ATTR);
    char *copy = malloc(cut + 1);
    if (!copy) {
        x->rc = -1;
        return;
    }
    memcpy(copy, value, cut);
    copy[cut] = '\0';
    x->rc = xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST copy);
    free(copy);
}

/* Inline markup (content.h spans): <ref target>, <graphic src alt/>,
 * <hi rend="bold|italic|code">. The block's content is built escaped in
 * x->piece and written raw: libxml2's writer would indent inside mixed
 * content. Past the depth cap the elements are left out and their text
 * written into the enclosing one. */
static void raw_escaped(wn_buf *b, const char *s, size_t len, bool attribute)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)s[i];
        /* What XML cannot hold at all is left out: C0 controls but tab, LF
         * and CR (a form feed in an href), and U+FFFE, U+FFFF. */
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
             ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF))) {
            wn_buf_append(b, s + run, i - run);
            if (c == 0xEF)
                i += 2;
            run = i + 1;
            continue;
        }
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '\r': rep = "&#13;"; break;
        case '"': rep = attribute ? "&quot;" : NULL; break;
        case '\n': rep = attribute ? "&#10;" : NULL; break;
        case '\t': rep = attribute ? "&#9;" : NULL; break;
        default: break;
        }
        if (!rep)
            continue;
        wn_buf_append(b, s + run, i - run);
        wn_buf_puts(b, rep);
        run = i + 1;
    }
    wn_buf_append(b, s + run, len - run);
}

static void raw_attr(wn_buf *b, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    size_t len = strlen(value);
    if (len > XML_MAX_ATTR)
        len = piece_length(value, len, XML_MAX_ATTR);
    wn_buf_putc(b, ' ');
    wn_buf_puts(b, name);
    wn_buf_append(b, "=\"", 2);
    raw_escaped(b, value, len, true);
    wn_buf_putc(b, '"');
}

static void x_text(void *ctx, const char *s, size_t len)
{
    xml_state *x = ctx;
    raw_escaped(&x->piece, s, len, false);
}

static bool x_open(void *ctx, const wn_content_item *it, const wn_span *s)
{
    xml_state *x = ctx;
    (void)it;
    if (x->skipped || x->depth + x->inline_depth + 1 > XML_MAX_DEPTH + XML_TEXT_ROOM + 40) {
        x->skipped++;
        return s->kind != WN_SPAN_IMAGE;
    }
    wn_buf *b = &x->piece;
    switch ((wn_span_kind)s->kind) {
    case WN_SPAN_LINK:
        wn_buf_puts(b, "<ref");
        raw_attr(b, "target", s->url);
        wn_buf_putc(b, '>');
        break;
    case WN_SPAN_IMAGE:
        wn_buf_puts(b, "<graphic");
        raw_attr(b, "src", s->url);
        raw_attr(b, "alt", s->alt);
        wn_buf_puts(b, "/>");
        return false;
    case WN_SPAN_BOLD:
    case WN_SPAN_ITALIC:
    case WN_SPAN_CODE:
        wn_buf_puts(b, s->kind == WN_SPAN_BOLD     ? "<hi rend=\"bold\">"
                       : s->kind == WN_SPAN_ITALIC ? "<hi rend=\"italic\">"
                                                   : "<hi rend=\"code\">");
        break;
    }
    x->inline_depth++;
    return true;
}

static void x_close(void *ctx, const wn_content_item *it, const wn_span *s)
{
    xml_state *x = ctx;
    (void)it;
    if (x->skipped) {
        x->skipped--;
        return;
    }
    if (s->kind == WN_SPAN_IMAGE)
        return;
    wn_buf_puts(&x->piece, s->kind == WN_SPAN_LINK ? "</ref>" : "</hi>");
    x->inline_depth--;
}

static const wn_inline_ops xml_inline_ops = {x_text, x_open, x_close};

/* One block as <name>text</name>; a text longer than XML_MAX_TEXT becomes
 * several sibling elements of the same name, each under the limit (without
 * its inline markup). */
static void text_element(xml_state *x, const char *name, const wn_content_item *it)
{
    const char *text = it->text ? it->text : "";
    size_t len = strlen(text);
    size_t pos = 0;
    if (it->span_count && len <= XML_MAX_TEXT) {
        start(x, name);
        if (it->kind == WN_C_HEAD && it->level) {
            char rend[3] = {'h', (char)('0' + it->level), '\0'};
            attr(x, "rend", rend);
        }
        if (it->kind == WN_C_CODE && x->code_lang && it->lang)
            attr(x, "lang", it->lang);
        x->skipped = 0;
        x->inline_depth = 0;
        x->piece.len = 0;
        wn_inline_walk(it, &xml_inline_ops, x);
        if (x->piece.failed)
            x->rc = -1;
        else if (x->rc >= 0 && x->piece.len)
            x->rc = xmlTextWriterWriteRawLen(x->w, BAD_CAST x->piece.data, (int)x->piece.len);
        end(x);
        return;
    }
    do {
        size_t n = piece_length(text + pos, len - pos, XML_MAX_TEXT);
        start(x, name);
        if (it->kind == WN_C_HEAD && it->level) {
            char rend[3] = {'h', (char)('0' + it->level), '\0'};
            attr(x, "rend", rend);
        }
        if (it->kind == WN_C_CODE && x->code_lang && it->lang)
            attr(x, "lang", it->lang);
        write_text(x, text + pos, n);
        end(x);
        pos += n;
    } while (pos < len && x->rc >= 0);
}

static void render_items(xml_state *x, const wn_content *content)
{
    int list_depth = 0, row_open = 0;
    for (size_t i = 0; i < content->count && x->rc >= 0; i++) {
        const wn_content_item *it = &content->items[i];
        switch ((wn_content_kind)it->kind) {
        case WN_C_PARA: text_element(x, "p", it); break;
        case WN_C_HEAD: text_element(x, "head", it); break;
        case WN_C_CODE: text_element(x, "code", it); break;
        case WN_C_CAPTION: text_element(x, "caption", it); break;
        case WN_C_ITEM:
            if (!list_depth) {
                start(x, "list");
                text_element(x, "item", it);
                end(x);
            } else {
                text_element(x, "item", it);
            }
            break;
        case WN_C_CELL:
            text_element(x, row_open ? "cell" : "p", it);
            break;
        /* Lists and rows count only when written: an item or a cell in a
         * flattened one goes into the written ancestor. */
        case WN_C_LIST_OPEN: list_depth += open_container(x, "list"); break;
        case WN_C_LIST_CLOSE: list_depth -= close_container(x); break;
        case WN_C_TABLE_OPEN: open_container(x, "table"); break;
        case WN_C_ROW_OPEN: row_open += open_container(x, "row"); break;
        case WN_C_ROW_CLOSE: row_open -= close_container(x); break;
        case WN_C_QUOTE_OPEN: open_container(x, "quote"); break;
        case WN_C_TABLE_CLOSE:
        case WN_C_QUOTE_CLOSE:
            close_container(x);
            break;
        case WN_C_COMMENTS_OPEN:
            end(x); /* </main> */
            start(x, "comments");
            break;
        case WN_C_COMMENTS_CLOSE:
            end(x);
            break;
        case WN_C_COMMENT_OPEN: {
            /* <comment author="..." date="..." depth="2">: the author and
             * date items follow the open item, before any paragraph. */
            bool written = open_container(x, "comment");
            for (; i + 1 < content->count; i++) {
                const wn_content_item *next = &content->items[i + 1];
                if (next->kind != WN_C_COMMENT_AUTHOR && next->kind != WN_C_COMMENT_DATE)
                    break;
                if (written)
                    attr(x, next->kind == WN_C_COMMENT_AUTHOR ? "author" : "date", next->text);
            }
            if (written && it->level > 1) {
                char depth[8];
                snprintf(depth, sizeof depth, "%u", (unsigned)it->level);
                attr(x, "depth", depth);
            }
            break;
        }
        case WN_C_POST_OPEN: {
            /* <post author="..." date="...">: a discussion's post in <main>. */
            bool written = open_container(x, "post");
            for (; i + 1 < content->count; i++) {
                const wn_content_item *next = &content->items[i + 1];
                if (next->kind != WN_C_POST_AUTHOR && next->kind != WN_C_POST_DATE)
                    break;
                if (written)
                    attr(x, next->kind == WN_C_POST_AUTHOR ? "author" : "date", next->text);
            }
            break;
        }
        case WN_C_POST_CLOSE:
            close_container(x);
            break;
        case WN_C_COMMENT_AUTHOR:
        case WN_C_COMMENT_DATE:
        case WN_C_POST_AUTHOR:
        case WN_C_POST_DATE:
            break; /* written as attributes above */
        case WN_C_COMMENT_CLOSE:
            close_container(x);
            break;
        }
    }
}

/* <meta> with one child per field the page states; tags one <tag> each. */
static void render_meta(xml_state *x, const wn_metadata *m)
{
    static const char *const names[WN_META_FIELD_COUNT] = {
        [WN_META_TITLE] = "title", [WN_META_AUTHOR] = NULL, [WN_META_DATE] = "date",
        [WN_META_MODIFIED] = "modified", [WN_META_SITE] = "site", [WN_META_URL] = "url",
        [WN_META_DESCRIPTION] = "description", [WN_META_LANG] = "lang", [WN_META_TAGS] = NULL,
        [WN_META_IMAGE] = "image", [WN_META_LICENSE] = "license"};
    bool any = m->author_count || m->tag_count;
    for (int f = 0; f < WN_META_FIELD_COUNT; f++)
        any = any || (names[f] && m->field[f] && *m->field[f]);
    if (!any)
        return;
    start(x, "meta");
    for (int f = 0; f < WN_META_FIELD_COUNT && x->rc >= 0; f++) {
        if (f == WN_META_AUTHOR) {
            for (size_t i = 0; i < m->author_count; i++) {
                start(x, "author");
                write_text(x, m->authors[i], strlen(m->authors[i]));
                end(x);
            }
            continue;
        }
        if (f == WN_META_TAGS) {
            for (size_t i = 0; i < m->tag_count; i++) {
                start(x, "tag");
                write_text(x, m->tags[i], strlen(m->tags[i]));
                end(x);
            }
            continue;
        }
        if (!m->field[f] || !*m->field[f])
            continue;
        start(x, names[f]);
        if (f == WN_META_LANG && m->lang_source && *m->lang_source)
            attr(x, "source", m->lang_source);
        if (f == WN_META_LANG && m->lang_declared && *m->lang_declared)
            attr(x, "declared", m->lang_declared);
        write_text(x, m->field[f], strlen(m->field[f]));
        end(x);
    }
    end(x);
}

wn_status wn_render_xml(const wn_content *content, const wn_page_info *info, bool indent,
                        wn_sink_fn sink, void *sink_data)
{
    sink_ctx ctx = {sink, sink_data, 0};
    xmlOutputBufferPtr out = xmlOutputBufferCreateIO(write_to_sink, close_sink, &ctx, NULL);
    if (!out)
        return WN_ERR_NOMEM;
    xmlTextWriterPtr w = xmlNewTextWriter(out);
    if (!w) {
        xmlOutputBufferClose(out);
        return WN_ERR_NOMEM;
    }
    if (indent) {
        xmlTextWriterSetIndent(w, 1);
        xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    }
    xml_state x = {w, 0, 0, 0, {0}, {0}, 0, 0, (content->spans & WN_FLAG_FORMATTING) != 0, indent};
    wn_buf_init(&x.escaped);
    wn_buf_init(&x.piece);
    x.rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    start(&x, "doc");
    if (info) {
        attr(&x, "title", info->title);
        attr(&x, "url", info->url);
        attr(&x, "charset", info->charset);
        attr(&x, "charset-source", info->charset_source);
        attr(&x, "record-id", info->record_id);
        attr(&x, "source", info->source);
    }
    if (info && info->meta)
        render_meta(&x, info->meta);
    start(&x, "main");
    render_items(&x, content);
    if (x.rc >= 0)
        x.rc = xmlTextWriterEndDocument(w);
    if (x.rc >= 0)
        x.rc = xmlTextWriterFlush(w);
    xmlFreeTextWriter(w);
    wn_buf_free(&x.escaped);
    wn_buf_free(&x.piece);
    if (ctx.failed)
        return WN_ERR_OUTPUT;
    return x.rc < 0 ? WN_ERR_OUTPUT : WN_OK;
}
