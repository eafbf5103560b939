#include "output/render.h"

#include <stdio.h>
#include <string.h>

typedef struct text_writer {
    wn_sink_fn sink;
    void *sink_data;
    wn_status status;
} text_writer;

static void put(text_writer *w, const char *s, size_t len)
{
    if (w->status == WN_OK && len && w->sink(w->sink_data, s, len) != 0)
        w->status = WN_ERR_OUTPUT;
}

wn_status wn_render_text(const wn_content *content, const char *title, wn_sink_fn sink,
                         void *sink_data)
{
    text_writer w = {sink, sink_data, WN_OK};
    if (title && *title) {
        put(&w, title, strlen(title));
        put(&w, "\n", 1);
    }
    bool row_has_cell = false;
    bool wrote = title && *title;
    /* Inside a comment: whether its prefix or a paragraph was written. */
    bool in_comment = false, comment_started = false;
    const wn_content_item *author = NULL, *date = NULL;
    for (size_t i = 0; i < content->count && w.status == WN_OK; i++) {
        const wn_content_item *it = &content->items[i];
        if (wn_content_is_block(it->kind) && it->text && !it->len)
            continue; /* an image alone (WN_FLAG_IMAGES): no text */
        switch ((wn_content_kind)it->kind) {
        case WN_C_COMMENTS_OPEN: {
            /* After the body: a blank line, "--- comments (N) ---", then one
             * line per comment, "[author · date] text", replies indented by
             * two spaces per level. */
            if (row_has_cell) {
                put(&w, "\n", 1);
                row_has_cell = false;
            }
            size_t count = 0;
            for (size_t k = i + 1; k < content->count && content->items[k].kind != WN_C_COMMENTS_CLOSE; k++)
                count += content->items[k].kind == WN_C_COMMENT_OPEN;
            char line[64];
            int n = snprintf(line, sizeof line, "%s--- comments (%zu) ---\n", wrote ? "\n" : "", count);
            put(&w, line, (size_t)n);
            wrote = true;
            break;
        }
        case WN_C_COMMENT_OPEN:
            for (unsigned k = 1; k < it->level; k++)
                put(&w, "  ", 2);
            in_comment = true;
            comment_started = false;
            author = date = NULL;
            break;
        case WN_C_COMMENT_AUTHOR:
            author = it;
            break;
        case WN_C_COMMENT_DATE:
            date = it;
            break;
        case WN_C_COMMENT_CLOSE:
            put(&w, "\n", 1);
            in_comment = false;
            break;
        case WN_C_COMMENTS_CLOSE:
            break;
        case WN_C_CELL:
            if (row_has_cell)
                put(&w, " ", 1);
            put(&w, it->text, it->len);
            row_has_cell = true;
            wrote = true;
            break;
        case WN_C_ROW_CLOSE:
            if (row_has_cell)
                put(&w, "\n", 1);
            row_has_cell = false;
            break;
        case WN_C_ROW_OPEN:
            row_has_cell = false;
            break;
        default:
            if (wn_content_is_block(it->kind) && in_comment) {
                if (!comment_started && (author || date)) {
                    put(&w, "[", 1);
                    if (author)
                        put(&w, author->text, author->len);
                    if (author && date)
                        put(&w, " \xC2\xB7 ", 4); /* " · " */
                    if (date)
                        put(&w, date->text, date->len);
                    put(&w, "] ", 2);
                } else if (comment_started) {
                    put(&w, " ", 1);
                }
                comment_started = true;
                put(&w, it->text, it->len);
            } else if (wn_content_is_block(it->kind)) {
                wrote = true;
                if (row_has_cell) {
                    put(&w, "\n", 1);
                    row_has_cell = false;
                }
                put(&w, it->text, it->len);
                put(&w, "\n", 1);
            }
            break;
        }
    }
    if (row_has_cell)
        put(&w, "\n", 1);
    return w.status;
}
