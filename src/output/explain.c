#include "output/render.h"

#include "score/hints.h"
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

void wn_render_explain(const wn_doc *doc, wn_buf *out)
{
    wn_buf_puts(out, "# winnow --explain: one element per line, indented by depth\n"
                     "# chars (non-space), ld = link density, punct, content = paragraph score\n"
                     "# gathered, score = candidate score, then label (rule) and leading text\n");
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT)
            continue;
        if (!n->all.chars && !(n->flags & (WN_NODE_PRUNED | WN_NODE_SELECTED)))
            continue;
        unsigned indent = n->depth < 40 ? n->depth : 40;
        for (unsigned k = 0; k < indent; k++)
            wn_buf_puts(out, "  ");
        wn_buf_puts(out, gumbo_normalized_tagname((GumboTag)n->tag));
        put_attr(out, '.', n->class_attr);
        put_attr(out, '#', n->id_attr);
        wn_buf_printf(out, "  chars=%u ld=%.2f punct=%u", n->all.chars, (double)wn_link_density(n),
                      n->all.punct);
        if (n->content > 0.0f)
            wn_buf_printf(out, " content=%.1f score=%.1f", (double)n->content, (double)n->score);
        if (n->label != WN_LABEL_NONE)
            wn_buf_printf(out, "  -> %s (%s)", wn_label_name((wn_label)n->label),
                          wn_rule_name((wn_rule)n->rule));
        char lead[64];
        size_t len = wn_leading_text(doc, i, lead, sizeof lead);
        if (len)
            wn_buf_printf(out, "  \"%s%s\"", lead, len + 1 >= sizeof lead ? "..." : "");
        wn_buf_putc(out, '\n');
    }
}
