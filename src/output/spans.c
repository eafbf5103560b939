/* The walk over an item's text and spans that the renderers share. */
#include "output/render.h"

#include <stdlib.h>

void wn_inline_walk(const wn_content_item *it, const wn_inline_ops *ops, void *ctx)
{
    const char *text = it->text ? it->text : "";
    uint32_t len = it->text ? it->len : 0;
    uint32_t pos = 0;
    /* The open spans: their indices; a span's parent is open when it opens. */
    uint32_t fixed[32];
    uint32_t *stack = fixed;
    size_t depth = 0;
    if (it->span_count > 32) {
        stack = malloc(it->span_count * sizeof *stack);
        if (!stack) {
            /* no memory for the markup: the text alone */
            ops->text(ctx, text, len);
            return;
        }
    }
    for (uint32_t k = 0; k < it->span_count; k++) {
        const wn_span *s = &it->spans[k];
        /* close what does not hold it */
        while (depth && stack[depth - 1] != s->parent) {
            const wn_span *top = &it->spans[stack[--depth]];
            uint32_t end = top->end < len ? top->end : len;
            if (end > pos) {
                ops->text(ctx, text + pos, end - pos);
                pos = end;
            }
            ops->close(ctx, it, top);
        }
        uint32_t start = s->start < len ? s->start : len;
        if (start > pos) {
            ops->text(ctx, text + pos, start - pos);
            pos = start;
        }
        if (!ops->open(ctx, it, s)) {
            uint32_t end = s->end < len ? s->end : len;
            if (end > pos)
                pos = end;
            ops->close(ctx, it, s);
            /* the spans inside it follow it: skip them */
            while (k + 1 < it->span_count) {
                uint32_t a = it->spans[k + 1].parent;
                bool inside = false;
                while (a != WN_SPAN_NONE && a < k + 1 && !inside) {
                    inside = a == k;
                    a = it->spans[a].parent;
                }
                if (!inside)
                    break;
                k++;
            }
            continue;
        }
        if (s->kind == WN_SPAN_IMAGE) {
            ops->close(ctx, it, s);
            continue;
        }
        stack[depth++] = k;
    }
    while (depth) {
        const wn_span *top = &it->spans[stack[--depth]];
        uint32_t end = top->end < len ? top->end : len;
        if (end > pos) {
            ops->text(ctx, text + pos, end - pos);
            pos = end;
        }
        ops->close(ctx, it, top);
    }
    if (len > pos)
        ops->text(ctx, text + pos, len - pos);
    if (stack != fixed)
        free(stack);
}
