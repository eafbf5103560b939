#include "output/render.h"

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
    for (size_t i = 0; i < content->count && w.status == WN_OK; i++) {
        const wn_content_item *it = &content->items[i];
        switch ((wn_content_kind)it->kind) {
        case WN_C_CELL:
            if (row_has_cell)
                put(&w, " ", 1);
            put(&w, it->text, it->len);
            row_has_cell = true;
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
            if (wn_content_is_block(it->kind)) {
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
