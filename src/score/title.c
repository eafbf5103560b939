/* The headline and the standfirst, and the page's title. */
#include "score/score_internal.h"

#include <string.h>

#include "score/kind.h"

/* Copies text without its white space (ASCII, and the ideographic and
 * no-break spaces) into out; returns the length. */
static size_t squeezed(const char *text, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; text[i] && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            continue;
        if (c == 0xE3 && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        if (c == 0xC2 && (unsigned char)text[i + 1] == 0xA0) {
            i++;
            continue;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

/* Whether a block's text is the page's title: the <title> or og:title
 * holds it (around it only the site's name or section), and it is most of
 * that title. */
bool wn_sc_repeats_page_title(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (!(n->flags & WN_NODE_BLOCK) || n->all.chars < TITLE_MIN_CHARS || n->all.chars > TITLE_MAX_CHARS || wn_node_elem(doc, n)->links)
        return false;
    char lead[640], text[640];
    wn_leading_text(doc, index, lead, sizeof lead);
    size_t len = squeezed(lead, text, sizeof text);
    if (len < TITLE_MIN_SQUEEZED)
        return false;
    const char *titles[] = {doc->title, doc->og_title};
    for (size_t t = 0; t < 2; t++) {
        if (!titles[t])
            continue;
        char title[640];
        size_t title_len = squeezed(titles[t], title, sizeof title);
        if (title_len && TITLE_SHARE_DEN * len >= TITLE_SHARE_NUM * title_len && strstr(title, text))
            return true;
    }
    return false;
}

/* Labels the article's headline block WN_LABEL_TITLE (out of the body);
 * wn_score_title() reads that label when it decides the page's title. */
void wn_sc_mark_headline(wn_doc *doc)
{
    /* The first <h1> in the kept region is the article's title, not its
     * body; so is a block before the first paragraph that repeats the
     * page's title (an <h2>, a "title" <div> on pages without an <h1>). */
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        for (uint32_t k = i; k < n->end; k++) {
            wn_node *h = &doc->nodes[k];
            if (h->flags & WN_NODE_PRUNED) {
                k = h->end - 1;
                continue;
            }
            wn_rule title = h->kind != WN_NODE_ELEMENT                                   ? WN_RULE_NONE
                            : h->tag == GUMBO_TAG_H1 && on(doc, WN_RULE_TITLE)            ? WN_RULE_TITLE
                            : n->rule != WN_RULE_TOP && on(doc, WN_RULE_TITLE_REPEAT) &&
                                      wn_sc_repeats_page_title(doc, k)                        ? WN_RULE_TITLE_REPEAT
                                                                                          : WN_RULE_NONE;
            if (title != WN_RULE_NONE) {
                wn_sc_prune(doc, NULL, k, WN_LABEL_TITLE, title);
                return;
            }
            /* Only before the article's first paragraph. */
            if (h->kind == WN_NODE_ELEMENT && h->tag == GUMBO_TAG_P && h->all.chars > TITLE_STOP_P_CHARS)
                return;
        }
    }
}

/* Whether the page's <title> or og:title holds the squeezed text. */
static bool page_title_holds(const wn_doc *doc, const char *text)
{
    const char *titles[] = {doc->title, doc->og_title};
    for (size_t t = 0; t < 2; t++) {
        if (!titles[t])
            continue;
        char title[640];
        if (squeezed(titles[t], title, sizeof title) && strstr(title, text))
            return true;
    }
    return false;
}

/* Rule thread-title: a discussion's body opens with its thread's title
 * (the title, the first post and every reply). The headline the rules
 * above took out of the body goes back in; else the heading before the
 * first post whose text the page's title holds (the thread's title set
 * above the posts' common parent, in the page's header), the longest of
 * them, unless the body already opens with its text. */
void wn_sc_thread_title(wn_doc *doc)
{
    if (doc->page_kind != WN_DOC_DISCUSSION || !on(doc, WN_RULE_THREAD_TITLE))
        return;
    uint32_t first = WN_NONE;
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && n->label == WN_LABEL_TITLE &&
            (n->rule == WN_RULE_TITLE || n->rule == WN_RULE_TITLE_REPEAT)) {
            n->flags &= (uint16_t)~WN_NODE_PRUNED;
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_THREAD_TITLE;
            return;
        }
        if (first == WN_NONE && (n->flags & WN_NODE_SELECTED) && !(n->flags & WN_NODE_PRUNED))
            first = i;
    }
    if (first == WN_NONE)
        return;
    uint32_t best = WN_NONE;
    char lead[640], text[640], best_text[640] = "";
    for (uint32_t i = 0; i < first; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || n->tag < GUMBO_TAG_H1 || n->tag > GUMBO_TAG_H3 ||
            n->all.chars < TITLE_MIN_CHARS || n->all.chars > TITLE_MAX_CHARS)
            continue;
        wn_leading_text(doc, i, lead, sizeof lead);
        size_t len = squeezed(lead, text, sizeof text);
        if (len >= TITLE_MIN_SQUEEZED && page_title_holds(doc, text) &&
            (best == WN_NONE || n->all.chars >= doc->nodes[best].all.chars)) {
            best = i;
            memcpy(best_text, text, len + 1);
        }
        i = n->end - 1;
    }
    if (best == WN_NONE)
        return;
    /* The first post may open with the title itself. */
    wn_leading_text(doc, first, lead, sizeof lead);
    squeezed(lead, text, sizeof text);
    if (strncmp(text, best_text, strlen(best_text)) == 0)
        return;
    wn_node *h = &doc->nodes[best];
    h->flags = (uint16_t)((h->flags | WN_NODE_SELECTED) & ~WN_NODE_PRUNED);
    for (uint32_t k = best + 1; k < h->end; k++)
        doc->nodes[k].flags &= (uint16_t)~(WN_NODE_SELECTED | WN_NODE_PRUNED);
    h->label = WN_LABEL_BODY;
    h->rule = WN_RULE_THREAD_TITLE;
}

const char *wn_score_title(const wn_doc *doc, char *buf, size_t cap, size_t *len, bool *from_h1)
{
    *from_h1 = true;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if ((n->label == WN_LABEL_TITLE || n->rule == WN_RULE_THREAD_TITLE) && n->kind == WN_NODE_ELEMENT) {
            *len = wn_leading_text(doc, i, buf, cap);
            if (*len)
                return buf;
        }
    }
    /* Else the first <h1> whose text the <title> repeats ("Headline - Site"). */
    unsigned tried = 0; /* a hostile page may hold thousands of <h1> */
    for (uint32_t i = 0; doc->title && i < doc->count && tried < TITLE_H1_TRIES; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || n->tag != GUMBO_TAG_H1 || !n->all.chars)
            continue;
        tried++;
        *len = wn_leading_text(doc, i, buf, cap);
        if (*len >= TITLE_H1_MIN_BYTES && strstr(doc->title, buf))
            return buf;
    }
    *from_h1 = false;
    const char *t = doc->og_title && *doc->og_title ? doc->og_title : doc->title;
    *len = t ? strlen(t) : 0;
    return t;
}

/* The standfirst: prose between the headline and the kept region (a lead
 * paragraph or a summary heading set in the article's header, outside the
 * body's wrapper). Only close to the headline and only prose: no links,
 * no clutter-named wrapper, no figure caption, no marker line. */

/* An inline element that is a line of its own: no loose text beside it,
 * and other text in its parent (the only text of a block is that block's). */
static bool stands_alone(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (n->parent == WN_NONE)
        return false;
    const wn_node *p = &doc->nodes[n->parent];
    uint32_t prev = WN_NONE, next = WN_NONE;
    for (uint32_t c = n->parent + 1; c < p->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (k->kind != WN_NODE_ELEMENT && !k->all.chars)
            continue;
        if (c < i)
            prev = c;
        else if (c > i) {
            next = c;
            break;
        }
    }
    if ((prev != WN_NONE && doc->nodes[prev].kind != WN_NODE_ELEMENT) ||
        (next != WN_NONE && doc->nodes[next].kind != WN_NODE_ELEMENT))
        return false;
    return p->all.chars > n->all.chars;
}

static bool lead_block(const wn_doc *doc, uint32_t i, uint32_t common)
{
    const wn_node *b = &doc->nodes[i];
    if (b->kind != WN_NODE_ELEMENT || (b->flags & WN_NODE_IN_CLUTTER))
        return false;
    /* Old markup sets the lead as a <font> line between blocks. */
    bool font_line =
        !(b->flags & WN_NODE_BLOCK) && wn_sc_font_markup((GumboTag)b->tag) && stands_alone(doc, i);
    if (!(b->flags & WN_NODE_BLOCK) && !font_line)
        return false;
    /* A block the page styles as its own (a dek, a summary) repeats the
     * page's description; a plain one, or one named as the lead (the lede,
     * the intro), is the article's first words. */
    if (wn_node_class(b) && *wn_node_class(b) && !(b->hints & WN_HINT_LEAD))
        return false;
    if (b->tag == GUMBO_TAG_LI || b->tag == GUMBO_TAG_DT || b->tag == GUMBO_TAG_DD)
        return false;
    /* A line right after a picture is its caption. */
    if (b->parent != WN_NONE) {
        uint32_t prev = wn_sc_prev_sibling_where(doc, i, element_or_text);
        if (prev != WN_NONE && !doc->nodes[prev].all.chars &&
            (wn_node_elem(doc, &doc->nodes[prev])->images || doc->nodes[prev].tag == GUMBO_TAG_IMG))
            return false;
    }
    const wn_text_stats *text = font_line ? &b->all : &wn_node_elem(doc, b)->own;
    uint32_t link_chars = font_line ? b->link_chars : wn_node_elem(doc, b)->own_link_chars;
    float len = weighted_length(text);
    if (text->chars < b->all.chars || (float)link_chars > LEAD_MAX_LD * (float)text->chars)
        return false;
    if (is_heading((GumboTag)b->tag) ? len < LEAD_HEADING_LEN : (len < LEAD_MIN_LEN || text->punct == 0))
        return false;
    for (uint32_t a = i; a != WN_NONE && a != common; a = doc->nodes[a].parent) {
        const wn_node *an = &doc->nodes[a];
        if ((an->hints & (WN_HINT_CLUTTER | WN_HINT_META | WN_HINT_HIDDEN) & ~WN_HINT_HEADER) ||
            an->tag == GUMBO_TAG_FIGURE || an->tag == GUMBO_TAG_FIGCAPTION || an->tag == GUMBO_TAG_A ||
            (wn_node_class(an) && wn_lex_in(WN_LEX_CAPTION_CLASS, wn_node_class(an), strlen(wn_node_class(an)))))
            return false;
    }
    char lead[400];
    size_t n = wn_leading_text(doc, i, lead, sizeof lead);
    return wn_marker_of_text(lead, n < MARKER_LEAD_BYTES ? n : MARKER_LEAD_BYTES, b->all.chars) == WN_MARKER_NONE &&
           !wn_promo_text(lead, n);
}

void wn_sc_select_lead(wn_doc *doc, uint32_t region_chars)
{
    if (!on(doc, WN_RULE_LEAD))
        return;
    uint32_t start = WN_NONE;
    for (uint32_t i = 0; i < doc->count; i++)
        if ((doc->nodes[i].flags & WN_NODE_SELECTED) && !(doc->nodes[i].flags & WN_NODE_PRUNED)) {
            start = i;
            break;
        }
    if (start == WN_NONE)
        return;
    uint32_t title = WN_NONE;
    for (uint32_t i = 0; i < start; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_H1 && n->end <= start && n->all.chars)
            title = i;
    }
    /* A headline that links away is a site's name, as is one followed by
     * a post title that links to its post. */
    if (title == WN_NONE || wn_link_density(&doc->nodes[title]) > LD_MOSTLY_LINKS)
        return;
    uint32_t gap = 0;
    for (uint32_t i = doc->nodes[title].end; i < start; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_TEXT)
            gap += n->all.chars;
        else if (is_heading((GumboTag)n->tag) && n->all.chars && wn_link_density(n) > LD_MOSTLY_LINKS)
            return;
    }
    if (gap > LEAD_GAP_CHARS)
        return;
    /* The lowest element holding both the headline and the region. */
    uint32_t common = doc->nodes[title].parent;
    while (common != WN_NONE && doc->nodes[common].end <= start)
        common = doc->nodes[common].parent;
    /* The headline and the article must fill their wrapper: a site's name
     * and motto over a page of posts and sidebars are no headline. */
    if (common == WN_NONE ||
        (float)(doc->nodes[title].all.chars + gap + region_chars) <
            LEAD_FILL_SHARE * (float)doc->nodes[common].all.chars)
        return;
    for (uint32_t i = doc->nodes[title].end; i < start; i++) {
        /* Past another heading the text is that heading's, not the lead;
         * a wrapper of the region is walked into, never taken whole. */
        if (doc->nodes[i].end > start)
            continue;
        if (!lead_block(doc, i, common)) {
            if (doc->nodes[i].kind == WN_NODE_ELEMENT && is_heading((GumboTag)doc->nodes[i].tag) &&
                doc->nodes[i].all.chars)
                return;
            continue;
        }
        wn_node *b = &doc->nodes[i];
        b->flags |= WN_NODE_SELECTED;
        b->label = WN_LABEL_BODY;
        b->rule = WN_RULE_LEAD;
        i = b->end - 1;
    }
}
