/* A result: its renderings (written to a sink, or kept as strings on
 * first use), its accessors, and its end. */
#include "extract.h"

#include <stdlib.h>

#include "buf.h"
#include "output/render.h"

static int sink_to_buf(void *data, const char *bytes, size_t len)
{
    wn_buf *b = data;
    wn_buf_append(b, bytes, len);
    return b->failed ? -1 : 0;
}

wn_status wn_result_write(const wn_result *result, wn_format format, wn_sink_fn sink,
                          void *sink_data)
{
    if (!result || !sink)
        return WN_ERR_ARGUMENT;
    switch (format) {
    case WN_FORMAT_XML:
        return wn_render_xml(&result->content, &result->info,
                             (result->flags & WN_FLAG_XML_INDENT) != 0, sink, sink_data);
    case WN_FORMAT_TEXT:
        return wn_render_text(&result->content,
                              (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title : NULL,
                              sink, sink_data);
    case WN_FORMAT_JSON: {
        wn_buf b;
        wn_buf_init(&b);
        /* "text" is the text rendering, as wn_result_text() gives it */
        wn_status st = wn_render_text(&result->content,
                                      (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title
                                                                             : NULL,
                                      sink_to_buf, &b);
        size_t len = 0;
        char *text = st == WN_OK ? wn_buf_detach(&b, &len) : NULL;
        if (!text) {
            wn_buf_free(&b);
            return st == WN_OK ? WN_ERR_NOMEM : st;
        }
        char *extra[2] = {NULL, NULL};
        size_t extra_len[2] = {0, 0};
        static const wn_format extra_format[2] = {WN_FORMAT_MARKDOWN, WN_FORMAT_HTML};
        static const unsigned extra_flag[2] = {WN_FLAG_JSON_MARKDOWN, WN_FLAG_JSON_HTML};
        for (int k = 0; k < 2 && st == WN_OK; k++) {
            if (!(result->flags & extra_flag[k]))
                continue;
            wn_buf_init(&b);
            st = wn_result_write(result, extra_format[k], sink_to_buf, &b);
            extra[k] = st == WN_OK ? wn_buf_detach(&b, &extra_len[k]) : NULL;
            if (st == WN_OK && !extra[k])
                st = WN_ERR_NOMEM;
            if (st != WN_OK)
                wn_buf_free(&b);
        }
        if (st == WN_OK)
            st = wn_render_json(&result->info, &result->content, text, len, wn_article_source_name(result->source),
                                extra[0], extra_len[0], extra[1], extra_len[1], sink, sink_data);
        free(text);
        free(extra[0]);
        free(extra[1]);
        return st;
    }
    case WN_FORMAT_MARKDOWN:
        return wn_render_markdown(&result->content,
                                  (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title : NULL,
                                  sink, sink_data);
    case WN_FORMAT_HTML:
        return wn_render_html(&result->content,
                              (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title : NULL,
                              sink, sink_data);
    case WN_FORMAT_EXPLAIN:
        if (!result->explain)
            return WN_ERR_NOT_KEPT;
        return sink(sink_data, result->explain, result->explain_len) ? WN_ERR_OUTPUT : WN_OK;
    case WN_FORMAT_EXPLAIN_HTML:
        if (!result->explain_html)
            return WN_ERR_NOT_KEPT;
        return sink(sink_data, result->explain_html, result->explain_html_len) ? WN_ERR_OUTPUT
                                                                              : WN_OK;
    }
    return WN_ERR_ARGUMENT;
}

/* A rendering kept in the result on first use. */
static const char *render_cached(wn_result *result, wn_format format, size_t *len)
{
    if (!result)
        return NULL;
    char **cache = &result->rendered[format];
    if (!*cache) {
        wn_buf b;
        wn_buf_init(&b);
        if (wn_result_write(result, format, sink_to_buf, &b) != WN_OK) {
            wn_buf_free(&b);
            return NULL;
        }
        *cache = wn_buf_detach(&b, &result->rendered_len[format]);
        if (!*cache)
            return NULL;
    }
    if (len)
        *len = result->rendered_len[format];
    return *cache;
}

const char *wn_result_xml(wn_result *result, size_t *len)
{
    return render_cached(result, WN_FORMAT_XML, len);
}

const char *wn_result_text(wn_result *result, size_t *len)
{
    return render_cached(result, WN_FORMAT_TEXT, len);
}

const char *wn_result_json(wn_result *result, size_t *len)
{
    return render_cached(result, WN_FORMAT_JSON, len);
}

const char *wn_result_markdown(wn_result *result, size_t *len)
{
    return render_cached(result, WN_FORMAT_MARKDOWN, len);
}

const char *wn_result_html(wn_result *result, size_t *len)
{
    return render_cached(result, WN_FORMAT_HTML, len);
}

static const wn_metadata empty_metadata = {
    {"", "", "", "", "", "", "", "", "", "", ""}, NULL, 0, NULL, 0, "", ""};

const wn_metadata *wn_result_metadata(const wn_result *result)
{
    return result && result->info.meta ? result->info.meta : &empty_metadata;
}

const char *wn_result_meta(const wn_result *result, wn_meta_field field)
{
    if ((unsigned)field >= WN_META_FIELD_COUNT)
        return "";
    const char *v = wn_result_metadata(result)->field[field];
    return v ? v : "";
}

const char *wn_meta_field_name(wn_meta_field field)
{
    static const char *const names[WN_META_FIELD_COUNT] = {
        "title", "author", "date", "modified", "site", "url", "description", "lang", "tags",
        "image", "license"};
    return (unsigned)field < WN_META_FIELD_COUNT ? names[field] : NULL;
}

const char *wn_result_charset(const wn_result *result)
{
    return result && result->info.charset ? result->info.charset : "";
}

wn_charset_source wn_result_charset_source(const wn_result *result)
{
    return result ? result->charset_source : WN_CHARSET_FALLBACK;
}

wn_status wn_result_degraded(const wn_result *result)
{
    return result ? result->degraded : WN_ERR_ARGUMENT;
}

const char *wn_result_title(const wn_result *result)
{
    return result && result->info.title ? result->info.title : "";
}

wn_article_source wn_result_article_source(const wn_result *result)
{
    return result ? result->source : WN_ARTICLE_NONE;
}

size_t wn_result_post_count(const wn_result *result)
{
    size_t count = 0;
    if (!result)
        return 0;
    for (size_t i = 0; i < result->content.count; i++)
        count += result->content.items[i].kind == WN_C_POST_OPEN;
    return count;
}

int wn_result_post(const wn_result *result, size_t index, const char **author, const char **date)
{
    const char *a = "", *d = "";
    int found = 0;
    for (size_t i = 0; result && i < result->content.count && !found; i++) {
        if (result->content.items[i].kind != WN_C_POST_OPEN || index--)
            continue;
        found = 1;
        for (size_t k = i + 1; k < result->content.count; k++) {
            const wn_content_item *it = &result->content.items[k];
            if (it->kind == WN_C_POST_AUTHOR)
                a = it->text;
            else if (it->kind == WN_C_POST_DATE)
                d = it->text;
            else
                break;
        }
    }
    if (author)
        *author = a;
    if (date)
        *date = d;
    return found;
}

wn_page_kind wn_result_page_kind(const wn_result *result)
{
    return result ? result->kind : WN_PAGE_EMPTY;
}

int wn_result_has_article(const wn_result *result)
{
    return result && result->kind == WN_PAGE_ARTICLE;
}

const char *wn_page_kind_name(wn_page_kind kind)
{
    static const char *const names[] = {"article", "empty", "index", "sign-in", "error"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : NULL;
}

const char *wn_article_source_name(wn_article_source source)
{
    switch (source) {
    case WN_ARTICLE_SELECTED: return "selected";
    case WN_ARTICLE_NOSCRIPT: return "noscript";
    case WN_ARTICLE_TEMPLATE: return "template";
    case WN_ARTICLE_DECLARED: return "declared";
    case WN_ARTICLE_PROSE: return "prose";
    case WN_ARTICLE_NONE: return "none";
    case WN_ARTICLE_HEADER: return "header";
    }
    return "unknown";
}

void wn_result_free(wn_result *result)
{
    if (!result)
        return;
    for (size_t f = 0; f < sizeof result->rendered / sizeof result->rendered[0]; f++)
        free(result->rendered[f]);
    free(result->explain);
    free(result->explain_html);
    wn_arena_release(&result->arena);
    free(result);
}
