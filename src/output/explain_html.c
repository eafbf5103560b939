/* --explain=html: the page's own text laid out block by block, each block
 * coloured by its label, with its features, score and deciding rule in a
 * title attribute (shown on hover); a legend with the label counts on top.
 * One self-contained page: inline CSS, no scripts, every text escaped. */
#include "output/render.h"

#include <string.h>

#include "lexicon/classes.h"
#include "score/hints.h"
#include "score/score.h"

/* Background colours by wn_label; the test (tests/explain-html) looks for
 * the body's and nav's in a screenshot. Dropped blocks keep their colour
 * and get a dashed border and struck-through text. */
static const char *const COLOURS[WN_LABEL_COUNT] = {
    "#e4e4e4", /* none: outside the article, labelled by no rule ("other") */
    "#9be09b", /* body */
    "#9bbcf5", /* title */
    "#f59b9b", /* nav */
    "#f5c97a", /* related */
    "#d2a6f0", /* comments */
    "#f0e868", /* tipjar */
    "#7adede", /* share */
    "#c9b394", /* footer */
    "#f58cc4", /* ad */
    "#bdbdbd", /* other */
};

static void put_escaped(wn_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        switch (c) {
        case '&': wn_buf_puts(out, "&amp;"); break;
        case '<': wn_buf_puts(out, "&lt;"); break;
        case '>': wn_buf_puts(out, "&gt;"); break;
        case '"': wn_buf_puts(out, "&quot;"); break;
        case '\'': wn_buf_puts(out, "&#39;"); break;
        default:
            /* Control characters (but tab and newline) are not shown. */
            if ((unsigned char)c < 0x20 && c != '\t' && c != '\n')
                wn_buf_putc(out, ' ');
            else
                wn_buf_putc(out, c);
        }
    }
}

static void put_escaped_str(wn_buf *out, const char *s)
{
    if (s)
        put_escaped(out, s, strlen(s));
}

static const char *label_class(wn_label label)
{
    return label == WN_LABEL_NONE ? "outside" : wn_label_name(label);
}

/* The element that labels node i: itself or its nearest labelled ancestor
 * (WN_NONE when none is). */
static uint32_t labelled(const wn_doc *doc, uint32_t i)
{
    for (uint32_t a = i; a != WN_NONE; a = doc->nodes[a].parent)
        if (doc->nodes[a].label != WN_LABEL_NONE)
            return a;
    return WN_NONE;
}

static void put_name(wn_buf *out, const wn_node *n)
{
    const char *name = n->tag == GUMBO_TAG_UNKNOWN ? "custom" : gumbo_normalized_tagname((GumboTag)n->tag);
    put_escaped_str(out, name);
    if (wn_node_class(n) && *wn_node_class(n)) {
        wn_buf_putc(out, '.');
        put_escaped(out, wn_node_class(n), strnlen(wn_node_class(n), 60));
    }
    if (wn_node_id(n) && *wn_node_id(n)) {
        wn_buf_putc(out, '#');
        put_escaped(out, wn_node_id(n), strnlen(wn_node_id(n), 60));
    }
}

/* The title attribute of a block: its features, and the rule that labelled it. */
static void put_tooltip(wn_buf *out, const wn_doc *doc, uint32_t block, uint32_t by, bool kept)
{
    const wn_node *n = &doc->nodes[block];
    put_name(out, n);
    const wn_elem *e = wn_node_elem(doc, n);
    wn_buf_printf(out, " chars=%u ld=%.2f punct=%u links=%u", n->all.chars,
                  (double)wn_link_density(n), n->all.punct, e->links);
    if (e->content > 0.0f)
        wn_buf_printf(out, " content=%.1f score=%.1f", (double)e->content, (double)e->score);
    if (by != WN_NONE) {
        const wn_node *b = &doc->nodes[by];
        wn_buf_printf(out, "&#10;%s by %s", wn_label_name((wn_label)b->label),
                      wn_rule_name((wn_rule)b->rule));
        if (by != block) {
            wn_buf_puts(out, " on ");
            put_name(out, b);
        }
        wn_buf_puts(out, ": ");
        put_escaped_str(out, wn_rule_what((wn_rule)b->rule));
    } else {
        wn_buf_puts(out, "&#10;outside the article, labelled by no rule");
    }
    wn_buf_puts(out, kept ? "&#10;kept" : "&#10;dropped");
}

void wn_render_explain_html(const wn_doc *doc, const char *title, const char *source, wn_buf *out)
{
    /* The segments: runs of text nodes with the same block. Counted first,
     * for the legend. */
    size_t counts[WN_LABEL_COUNT] = {0};
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            wn_buf_puts(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>winnow explain: ");
            put_escaped_str(out, title);
            wn_buf_puts(out, "</title>\n<style>\n"
                             "body{font:15px/1.45 sans-serif;margin:12px;background:#fff;color:#111}\n"
                             "h1{font-size:18px;margin:0 0 6px}\n"
                             ".legend{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 10px}\n"
                             ".legend span{padding:3px 10px;border-radius:3px}\n"
                             ".b{margin:3px 0;padding:4px 8px;border:2px solid transparent;"
                             "white-space:pre-wrap;overflow-wrap:anywhere}\n"
                             ".dropped{border:2px dashed #555;text-decoration:line-through;color:#333}\n");
            for (int l = 0; l < WN_LABEL_COUNT; l++)
                wn_buf_printf(out, ".%s{background:%s}\n", label_class((wn_label)l), COLOURS[l]);
            wn_buf_puts(out, "</style></head>\n<body>\n<h1>winnow --explain: ");
            put_escaped_str(out, title && *title ? title : "(no title)");
            wn_buf_puts(out, "</h1>\n");
            if (source) {
                wn_buf_puts(out, "<p>article source: ");
                put_escaped_str(out, source);
                wn_buf_puts(out, "</p>\n");
            }
            wn_buf_puts(out, "<p>Each block of the page's text in order, coloured by its label; "
                             "dropped blocks are dashed and struck through. Hover a block for its "
                             "features, score and the rule that decided it.</p>\n"
                             "<div class=\"legend\">");
            for (int l = 1; l <= WN_LABEL_COUNT; l++) {
                int k = l % WN_LABEL_COUNT; /* "outside" last */
                wn_buf_printf(out, "<span class=\"%s\">%s: %zu</span>", label_class((wn_label)k),
                              k == WN_LABEL_NONE ? "outside (other)" : wn_label_name((wn_label)k),
                              counts[k]);
            }
            wn_buf_puts(out, "</div>\n");
        }
        uint32_t region_end = 0, pruned_end = 0, open_block = WN_NONE;
        bool open_kept = false;
        for (uint32_t i = 0; i < doc->count; i++) {
            const wn_node *n = &doc->nodes[i];
            if (i >= region_end && (n->flags & WN_NODE_SELECTED))
                region_end = n->end;
            if (i < region_end && i >= pruned_end && (n->flags & WN_NODE_PRUNED))
                pruned_end = n->end;
            if (n->kind != WN_NODE_TEXT || !n->all.chars)
                continue;
            bool kept = i < region_end && i >= pruned_end;
            uint32_t block = n->block != WN_NONE ? n->block : n->parent;
            if (block == WN_NONE)
                continue;
            if (block != open_block || kept != open_kept) {
                uint32_t by = labelled(doc, i);
                wn_label label = by == WN_NONE ? WN_LABEL_NONE : (wn_label)doc->nodes[by].label;
                if (pass == 0) {
                    counts[label]++;
                } else {
                    if (open_block != WN_NONE)
                        wn_buf_puts(out, "</div>\n");
                    unsigned depth = doc->nodes[block].depth;
                    wn_buf_printf(out, "<div class=\"b %s%s\" style=\"margin-left:%upx\" title=\"",
                                  label_class(label), kept ? "" : " dropped",
                                  (depth < 30 ? depth : 30) * 6);
                    put_tooltip(out, doc, block, by, kept);
                    wn_buf_puts(out, "\">");
                }
                open_block = block;
                open_kept = kept;
            } else if (pass == 1) {
                wn_buf_putc(out, ' ');
            }
            if (pass == 1)
                put_escaped(out, wn_node_text(n), wn_node_text_len(n));
        }
        if (pass == 1 && open_block != WN_NONE)
            wn_buf_puts(out, "</div>\n");
    }
    wn_buf_puts(out, "</body></html>\n");
}
