#include "output/render.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

char *wn_xml_clean(wn_arena *arena, const char *text, size_t len)
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

typedef struct xml_state {
    xmlTextWriterPtr w;
    int rc;           /* < 0 once a write failed */
} xml_state;

static void start(xml_state *x, const char *name)
{
    if (x->rc >= 0)
        x->rc = xmlTextWriterStartElement(x->w, BAD_CAST name);
}

static void end(xml_state *x)
{
    if (x->rc >= 0)
        x->rc = xmlTextWriterEndElement(x->w);
}

static void attr(xml_state *x, const char *name, const char *value)
{
    if (x->rc >= 0 && value && *value)
        x->rc = xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value);
}

static void text_element(xml_state *x, const char *name, const wn_content_item *it)
{
    start(x, name);
    if (it->kind == WN_C_HEAD && it->level) {
        char rend[3] = {'h', (char)('0' + it->level), '\0'};
        attr(x, "rend", rend);
    }
    if (x->rc >= 0) {
        /* WriteString escapes; the text is NUL-terminated in the arena. */
        x->rc = xmlTextWriterWriteString(x->w, BAD_CAST it->text);
    }
    end(x);
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
        case WN_C_LIST_OPEN: start(x, "list"); list_depth++; break;
        case WN_C_LIST_CLOSE: end(x); list_depth--; break;
        case WN_C_TABLE_OPEN: start(x, "table"); break;
        case WN_C_TABLE_CLOSE: end(x); break;
        case WN_C_ROW_OPEN: start(x, "row"); row_open++; break;
        case WN_C_ROW_CLOSE: end(x); row_open--; break;
        case WN_C_QUOTE_OPEN: start(x, "quote"); break;
        case WN_C_QUOTE_CLOSE: end(x); break;
        case WN_C_COMMENTS_OPEN:
            end(x); /* </main> */
            start(x, "comments");
            break;
        case WN_C_COMMENTS_CLOSE:
            end(x);
            break;
        case WN_C_COMMENT_OPEN:
            /* <comment author="..." date="..." depth="2">: the author and
             * date items follow the open item, before any paragraph. */
            start(x, "comment");
            for (; i + 1 < content->count; i++) {
                const wn_content_item *next = &content->items[i + 1];
                if (next->kind == WN_C_COMMENT_AUTHOR)
                    attr(x, "author", next->text);
                else if (next->kind == WN_C_COMMENT_DATE)
                    attr(x, "date", next->text);
                else
                    break;
            }
            if (it->level > 1) {
                char depth[8];
                snprintf(depth, sizeof depth, "%u", (unsigned)it->level);
                attr(x, "depth", depth);
            }
            break;
        case WN_C_COMMENT_AUTHOR:
        case WN_C_COMMENT_DATE:
            break; /* written as attributes above */
        case WN_C_COMMENT_CLOSE:
            end(x);
            break;
        }
    }
}

wn_status wn_render_xml(const wn_content *content, const wn_page_info *info, wn_sink_fn sink,
                        void *sink_data)
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
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    xml_state x = {w, 0};
    x.rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    start(&x, "doc");
    if (info) {
        attr(&x, "title", info->title);
        attr(&x, "url", info->url);
        attr(&x, "charset", info->charset);
        attr(&x, "charset-source", info->charset_source);
    }
    start(&x, "main");
    render_items(&x, content);
    if (x.rc >= 0)
        x.rc = xmlTextWriterEndDocument(w);
    if (x.rc >= 0)
        x.rc = xmlTextWriterFlush(w);
    xmlFreeTextWriter(w);
    if (ctx.failed)
        return WN_ERR_OUTPUT;
    return x.rc < 0 ? WN_ERR_OUTPUT : WN_OK;
}
