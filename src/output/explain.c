#include "output/render.h"

#include "score/hints.h"
#include "score/kind.h"
#include "score/score.h"

static void put_attr(wn_buf *out, char sigil, const char *value)
{
    if (!value || !*value)
        return;
    wn_buf_putc(out, sigil);
    /* At most 60 bytes, but never ending inside a UTF-8 sequence. */
    for (size_t i = 0; value[i] && (i < 60 || ((unsigned char)value[i] & 0xC0) == 0x80); i++)
        wn_buf_putc(out, (unsigned char)value[i] <= ' ' ? sigil : value[i]);
}

static void put_tag(wn_buf *out, const wn_node *n)
{
    /* Custom elements (<shreddit-comment>, <amp-img>) have no name here. */
    const char *name = n->tag == GUMBO_TAG_UNKNOWN ? "" : gumbo_normalized_tagname((GumboTag)n->tag);
    wn_buf_puts(out, *name ? name : "custom");
    put_attr(out, '.', wn_node_class(n));
    put_attr(out, '#', wn_node_id(n));
}

/* The class/id/role words an element carries, by name: why a class-id-hint
 * rule fired. */
static void put_hints(wn_buf *out, uint32_t hints)
{
    static const char *const NAMES[] = {"positive", "strong", "nav", "related", "comments",
                                        "tipjar", "share", "footer", "ad", "sidebar",
                                        "header", "meta", "widget", "hidden", "gallery",
                                        "question", "answer", "lead",
                                        "authorbox", "dialog"};
    bool first = true;
    for (unsigned bit = 0; bit < sizeof NAMES / sizeof NAMES[0]; bit++) {
        if (!(hints & (1u << bit)))
            continue;
        wn_buf_puts(out, first ? " hints=" : ",");
        wn_buf_puts(out, NAMES[bit]);
        first = false;
    }
}

/* For a marker rule: the visible text that announced the clutter (the block
 * itself, or the heading at the start of the section it opens). */
static void put_marker(wn_buf *out, const wn_doc *doc, uint32_t index)
{
    const wn_node *root = &doc->nodes[index];
    for (uint32_t i = index, seen = 0; i < root->end && seen < 64; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !n->all.chars)
            continue;
        seen++;
        char lead[72];
        size_t len = wn_leading_text(doc, i, lead, sizeof lead);
        wn_marker m = wn_marker_of_text(lead, len, n->all.chars);
        if (m == WN_MARKER_NONE)
            continue;
        /* The marker's own words: up to 24 bytes, whole characters. */
        size_t cut = len < 24 ? len : 24;
        while (cut < len && ((unsigned char)lead[cut] & 0xC0) == 0x80)
            cut++;
        lead[cut] = '\0';
        wn_buf_printf(out, " marker=%s:\"%s\"", wn_marker_name(m), lead);
        return;
    }
}

/* The leading text of a node: at most 60 bytes of whole characters, "..."
 * when cut. */
static void put_lead(wn_buf *out, const wn_doc *doc, uint32_t index)
{
    char lead[72];
    size_t len = wn_leading_text(doc, index, lead, sizeof lead);
    bool cut = len > 60;
    if (cut) {
        len = 60;
        while (len && ((unsigned char)lead[len] & 0xC0) == 0x80)
            len--;
        lead[len] = '\0';
    }
    if (len)
        wn_buf_printf(out, "  \"%s%s\"", lead, cut ? "..." : "");
}

/* A text node of a note line or a repeated line (score/lines.c): the
 * renderer drops it. */
static void put_note(wn_buf *out, const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    unsigned indent = n->depth < 40 ? n->depth : 40;
    for (unsigned k = 0; k < indent; k++)
        wn_buf_puts(out, "  ");
    wn_buf_printf(out, "#text  chars=%u ld=%.2f punct=%u  -> %s (%s)  [dropped]", n->all.chars,
                  (double)wn_link_density(n), n->all.punct, wn_label_name((wn_label)n->label),
                  wn_rule_name((wn_rule)n->rule));
    put_lead(out, doc, index);
    wn_buf_putc(out, '\n');
}

void wn_render_explain(const wn_doc *doc, wn_buf *out)
{
    wn_buf_puts(out,
                "# winnow --explain: one element per line, indented by depth\n"
                "# chars (non-space), ld = link density, punct, content = paragraph score\n"
                "# gathered, score = candidate score, hints = its class/id/role words,\n"
                "# then label (rule) with the marker text for marker rules, then whether\n"
                "# it is kept or dropped (and which element dropped it), and its leading text\n");
    wn_buf_printf(out, "# page kind: %s (%s", wn_doc_kind_name((wn_doc_kind)doc->page_kind),
                  wn_kind_reason_text((wn_kind_reason)doc->kind_why));
    if (doc->page_kind == WN_DOC_DISCUSSION && doc->kind_unit != WN_NONE) {
        wn_buf_printf(out, ": %u posts in ", doc->kind_posts);
        put_tag(out, &doc->nodes[doc->kind_unit]);
    }
    wn_buf_puts(out, ")\n");
    /* The element's fate: kept when inside a selected root and under no
     * pruned element; dropped by the outermost pruned one, or outside. */
    uint32_t region_end = 0, pruned_at = WN_NONE, pruned_end = 0;
    bool in_region = false;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (in_region && i >= region_end)
            in_region = false;
        if (!in_region && (n->flags & WN_NODE_SELECTED)) {
            in_region = true;
            region_end = n->end;
        }
        if (pruned_at != WN_NONE && i >= pruned_end)
            pruned_at = WN_NONE;
        if (pruned_at == WN_NONE && in_region && (n->flags & WN_NODE_PRUNED)) {
            pruned_at = i;
            pruned_end = n->end;
        }
        if (n->kind != WN_NODE_ELEMENT) {
            if ((n->rule == WN_RULE_NOTE_LINE || n->rule == WN_RULE_REPEAT_LINE) && n->all.chars)
                put_note(out, doc, i);
            continue;
        }
        if (!n->all.chars && !(n->flags & (WN_NODE_PRUNED | WN_NODE_SELECTED)))
            continue;
        unsigned indent = n->depth < 40 ? n->depth : 40;
        for (unsigned k = 0; k < indent; k++)
            wn_buf_puts(out, "  ");
        put_tag(out, n);
        wn_buf_printf(out, "  chars=%u ld=%.2f punct=%u", n->all.chars, (double)wn_link_density(n),
                      n->all.punct);
        const wn_elem *e = wn_node_elem(doc, n);
        if (e->content > 0.0f)
            wn_buf_printf(out, " content=%.1f score=%.1f", (double)e->content, (double)e->score);
        put_hints(out, n->hints);
        if (n->label != WN_LABEL_NONE) {
            wn_buf_printf(out, "  -> %s (%s)", wn_label_name((wn_label)n->label),
                          wn_rule_name((wn_rule)n->rule));
            wn_rule family = wn_rule_family((wn_rule)n->rule);
            if (family == WN_RULE_MARKER || family == WN_RULE_MARKER_SECTION)
                put_marker(out, doc, i);
        }
        if (!in_region) {
            wn_buf_puts(out, "  [dropped: outside the article]");
        } else if (pruned_at == WN_NONE) {
            wn_buf_puts(out, "  [kept]");
        } else if (pruned_at == i) {
            wn_buf_puts(out, "  [dropped]");
        } else {
            wn_buf_puts(out, "  [dropped with ");
            put_tag(out, &doc->nodes[pruned_at]);
            wn_buf_puts(out, "]");
        }
        put_lead(out, doc, i);
        wn_buf_putc(out, '\n');
    }
}
