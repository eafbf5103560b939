/* Candidate scoring: the features of every element and the content score
 * that paragraphs propagate to their ancestors. */
#include "score/score_internal.h"
#include "buf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- content scores (after Readability's paragraph propagation) --------------- */

static float tag_base(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION:
        return TAG_BASE_CONTAINER;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
        return TAG_BASE_CELL;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
        return TAG_BASE_LIST;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH:
        return TAG_BASE_HEADING;
    default:
        return 0.0f;
    }
}

static float hint_weight(uint32_t hints)
{
    float w = 0.0f;
    if (hints & WN_HINT_POSITIVE)
        w += HINT_WEIGHT;
    if (hints & WN_HINT_STRONG)
        w += HINT_WEIGHT;
    if (hints & (WN_HINT_CLUTTER | WN_HINT_META))
        w -= HINT_WEIGHT;
    return w;
}

/* A block that reads as a paragraph contributes to its ancestors. */
static float paragraph_score(const wn_doc *doc, const wn_node *n)
{
    const wn_elem *e = wn_node_elem(doc, n);
    if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !e->own.chars)
        return 0.0f;
    /* A heading, or a notice kept hidden until a script shows it. */
    if (is_heading((GumboTag)n->tag) || (n->hints & WN_HINT_HIDDEN))
        return 0.0f;
    float len = weighted_length(&e->own);
    if (len < PARAGRAPH_MIN_LEN)
        return 0.0f;
    float own_ld = (float)e->own_link_chars / (float)e->own.chars;
    if (own_ld > PARAGRAPH_MAX_LD)
        return 0.0f;
    float s = 1.0f + (float)e->own.commas + fminf(PARAGRAPH_LEN_MAX, len / PARAGRAPH_LEN_UNIT);
    if (n->tag == GUMBO_TAG_LI)
        s *= LIST_ITEM_VOTE;
    return s;
}

/* Comment threads, sidebars and related lists can hold more prose than the
 * article: their paragraphs vote for no one. */
/* Only words that never name a layout wrapper ("sidebar" does: sticky-sidebar
 * plugins wrap the article). */
#define SUBTREE_CLUTTER (WN_HINT_COMMENTS | WN_HINT_RELATED | WN_HINT_FOOTER | WN_HINT_TIPJAR | \
                         WN_HINT_SHARE)

/* Ad slots, share bars and tip jars hold no paragraphs of unlinked prose:
 * one so named that does is a wrapper ("share_wrapper", "section--ads"
 * around the text between ad slots). */
bool wn_sc_wraps_prose(const wn_doc *doc, const wn_node *n)
{
    return !(n->hints & (WN_HINT_CLUTTER & ~(WN_HINT_AD | WN_HINT_SHARE | WN_HINT_TIPJAR | WN_HINT_RELATED))) &&
           wn_node_elem(doc, n)->paragraphs >= 1 && n->all.chars >= WRAPS_PROSE_CHARS &&
           n->all.punct >= WRAPS_PROSE_PUNCT &&
           wn_link_density(n) < WRAPS_PROSE_MAX_LD;
}

/* Whether the subtree holds an element named as the article's body
 * ("entry-content", "articleBody") that carries at least half its text:
 * a clutter-, date- or widget-named wrapper around it ("above-footer",
 * "date-outer") is layout. */
bool wn_sc_holds_named_body(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    for (uint32_t k = index + 1; k < n->end; k++) {
        const wn_node *d = &doc->nodes[k];
        if (d->kind != WN_NODE_ELEMENT)
            continue;
        if (2 * d->all.chars < n->all.chars) {
            k = d->end - 1;
            continue;
        }
        if ((d->hints & WN_HINT_STRONG) && !(d->hints & SUBTREE_CLUTTER))
            return true;
    }
    return false;
}

/* A sidebar column or a widget box beside the article: an "About me" blurb
 * or a blog's description there can read better than a short post. */
static bool side_box(const wn_node *n, uint32_t page_chars)
{
    return n->kind == WN_NODE_ELEMENT && (n->hints & (WN_HINT_SIDEBAR | WN_HINT_WIDGET)) &&
           !(n->hints & (WN_HINT_POSITIVE | WN_HINT_STRONG)) &&
           (float)n->all.chars < SIDE_MAX_SHARE * (float)page_chars;
}

/* Rule dialog: an overlay drawn over the page (a cookie-consent centre, a
 * sign-in box), unless it holds most of the page's text or the element
 * named as the article's body: the page shown in a modal. A box of
 * switches and buttons is a settings panel even when its explanations
 * outweigh a short article. */
bool wn_sc_dialog_box(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (n->kind != WN_NODE_ELEMENT || !(n->hints & WN_HINT_DIALOG) || !on(doc, WN_RULE_DIALOG) ||
        (n->hints & WN_HINT_STRONG))
        return false;
    float share = (float)n->all.chars / (float)(doc->nodes[0].all.chars ? doc->nodes[0].all.chars : 1);
    float most = wn_node_elem(doc, n)->inputs >= DIALOG_CONTROLS ? DIALOG_CONTROLS_MAX_SHARE : DIALOG_MAX_SHARE;
    return share < most && !wn_sc_holds_named_body(doc, index);
}

/* Rule teaser-run: one card of a list of other pages' teasers: a block that
 * opens with a headline of its own line that is a link, then an excerpt
 * of unlinked text. *link gets the headline's <a>. */
static bool headline_card(const wn_doc *doc, uint32_t c, uint32_t *link)
{
    const wn_node *n = &doc->nodes[c];
    if (n->kind != WN_NODE_ELEMENT || n->tag == GUMBO_TAG_A || is_heading((GumboTag)n->tag) ||
        c + 1 >= n->end || n->all.chars > TEASER_RUN_CARD_MAX_CHARS ||
        n->all.chars - n->link_chars < TEASER_RUN_EXCERPT_CHARS)
        return false;
    uint32_t first = doc->nodes[c + 1].next_text;
    if (first >= n->end)
        return false;
    uint32_t a = WN_NONE;
    for (uint32_t k = doc->nodes[first].parent; k != WN_NONE && k != c; k = doc->nodes[k].parent)
        if (doc->nodes[k].tag == GUMBO_TAG_A)
            a = k;
    if (a == WN_NONE || doc->nodes[a].all.chars < TEASER_HEADLINE_CHARS)
        return false;
    /* The headline is a line of its own inside the card, not a link that
     * opens a paragraph (a roundup's entry). */
    uint32_t line = doc->nodes[a].block;
    if (line == WN_NONE || line == c || line < c || line >= n->end ||
        wn_link_density(&doc->nodes[line]) < LD_MOSTLY_LINKS)
        return false;
    *link = a;
    return true;
}

/* Whether element i is a run of teaser cards: at least TEASER_RUN_CARDS of
 * its children are, each under a headline of its own (posts of a thread
 * that open with the same "Re:" subject are not), and they hold most of its
 * text. */
static bool teaser_run(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (n->kind != WN_NODE_ELEMENT || n->all.chars < TEASER_RUN_CARDS * TEASER_RUN_EXCERPT_CHARS)
        return false;
    unsigned cards = 0;
    uint32_t card_chars = 0;
    char last[64] = "";
    for (uint32_t c = i + 1; c < n->end; c = doc->nodes[c].end) {
        uint32_t link;
        if (!headline_card(doc, c, &link))
            continue;
        char head[64];
        size_t len = wn_leading_text(doc, link, head, sizeof head);
        if (len && strcmp(head, last) == 0)
            return false;
        memcpy(last, head, len + 1);
        cards++;
        card_chars += doc->nodes[c].all.chars;
    }
    return cards >= TEASER_RUN_CARDS && (float)card_chars >= TEASER_RUN_SHARE * (float)n->all.chars;
}

/* The teaser runs of the page vote for no article, when prose outside them
 * and outside clutter remains to vote: a member's other posts or the
 * site's most read, listed under a short post, outvote it. A page that is
 * nothing but a list of teasers keeps its votes. */
static void mark_teaser_runs(wn_doc *doc)
{
    if (!on(doc, WN_RULE_TEASER_RUN))
        return;
    uint32_t *runs = NULL;
    size_t count = 0, cap = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || (n->flags & WN_NODE_IN_CLUTTER) || !wn_node_elem(doc, n)->links)
            continue;
        if (teaser_run(doc, i)) {
            if (!wn_array_grow((void **)&runs, &cap, count, sizeof *runs))
                break;
            runs[count++] = i;
            i = n->end - 1;
        }
    }
    if (!count) {
        free(runs);
        return;
    }
    uint32_t rest = 0;
    size_t r = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        while (r < count && doc->nodes[runs[r]].end <= i)
            r++;
        if (r < count && i == runs[r]) {
            i = n->end - 1;
            continue;
        }
        if (n->flags & WN_NODE_IN_CLUTTER) {
            i = n->end - 1;
            continue;
        }
        if (paragraph_score(doc, n) > 0.0f)
            rest += wn_node_elem(doc, n)->own.chars;
    }
    if (rest >= TEASER_RUN_REST_CHARS)
        for (size_t k = 0; k < count; k++) {
            wn_node *n = &doc->nodes[runs[k]];
            for (uint32_t d = runs[k]; d < n->end; d++)
                doc->nodes[d].flags |= WN_NODE_IN_CLUTTER;
            wn_sc_prune(doc, NULL, runs[k], WN_LABEL_RELATED, WN_RULE_TEASER_RUN);
        }
    free(runs);
}

static void mark_clutter_subtrees(wn_doc *doc)
{
    /* A wrapper holding nearly all of the page's text is layout, whatever
     * its class says. */
    uint32_t page_chars = doc->nodes[0].all.chars;
    for (uint32_t i = 1; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        const wn_node *p = &doc->nodes[n->parent];
        if (p->flags & WN_NODE_IN_CLUTTER)
            n->flags |= WN_NODE_IN_CLUTTER;
        else if (n->kind == WN_NODE_ELEMENT && (n->hints & SUBTREE_CLUTTER) &&
                 !(n->hints & (WN_HINT_POSITIVE | WN_HINT_STRONG)) && !wn_sc_wraps_prose(doc, n) &&
                 (float)n->all.chars < LAYOUT_SHARE * (float)page_chars &&
                 !(n->all.chars >= NAMED_BODY_MIN_CHARS && wn_sc_holds_named_body(doc, i)))
            n->flags |= WN_NODE_IN_CLUTTER;
        else if (wn_sc_dialog_box(doc, i)) {
            n->flags |= WN_NODE_IN_CLUTTER;
            wn_sc_prune(doc, NULL, i, WN_LABEL_OTHER, WN_RULE_DIALOG);
        }
        if (p->flags & WN_NODE_IN_SIDE)
            n->flags |= WN_NODE_IN_SIDE;
        else if (side_box(n, page_chars))
            n->flags |= WN_NODE_IN_SIDE;
    }
}

/* Whether block i is the label or help text of a form field: its parent
 * holds a control beside it and little text, no picture (a slider's arrow
 * buttons), and is no table cell (a price row's booking button); a code
 * block's "Copy" button leaves the code alone. */
static bool field_text(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (n->parent == WN_NONE || n->tag == GUMBO_TAG_PRE || (n->flags & WN_NODE_PREFORMATTED))
        return false;
    const wn_node *p = &doc->nodes[n->parent];
    const wn_elem *pe = wn_node_elem(doc, p);
    return pe->inputs > wn_node_elem(doc, n)->inputs && p->all.chars <= FIELD_BOX_MAX_CHARS && !pe->images &&
           p->tag != GUMBO_TAG_TD && p->tag != GUMBO_TAG_TH && p->tag != GUMBO_TAG_TR &&
           p->tag != GUMBO_TAG_FIGURE && p->tag != GUMBO_TAG_FIGCAPTION;
}

void wn_sc_score_candidates(wn_doc *doc)
{
    mark_clutter_subtrees(doc);
    mark_teaser_runs(doc);
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_IN_CLUTTER))
            continue;
        float s = paragraph_score(doc, n);
        if (s <= 0.0f)
            continue;
        if (n->all.chars <= BROWSER_NOTICE_CHARS) {
            char lead[BROWSER_NOTICE_CHARS * 2];
            size_t len = wn_leading_text(doc, i, lead, sizeof lead);
            if (wn_browser_notice(lead, len))
                continue;
        }
        /* Rule field-text: the label or help text of a form field (a search
         * box's placeholder and its note for screen readers) sits with the
         * field in a small box: it votes for no article. */
        if (on(doc, WN_RULE_FIELD_TEXT) && field_text(doc, i)) {
            wn_sc_prune(doc, NULL, i, WN_LABEL_OTHER, WN_RULE_FIELD_TEXT);
            continue;
        }
        /* Loose text in a <div> that also holds other blocks votes for the
         * <div> itself first, as Readability's wrapping of such text in a
         * <p> inside that <div> would have it. */
        uint32_t a = n->parent;
        if (n->tag == GUMBO_TAG_DIV && wn_node_elem(doc, n)->own.chars < n->all.chars)
            a = i;
        for (int level = 0; level < VOTE_LEVELS && a != WN_NONE; level++) {
            float share = level == 0 ? 1.0f : level == 1 ? 0.5f : 1.0f / (float)(level * 3);
            wn_node_elem(doc, &doc->nodes[a])->content += s * share;
            a = doc->nodes[a].parent;
        }
    }
    /* Each element's score, and the best score in its subtree: a walk from
     * the end reaches an element after all of its descendants. best starts
     * at 0 and only grows: a text node (score 0) adds nothing. */
    for (uint32_t i = doc->count; i-- > 0;) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT)
            continue;
        wn_elem *e = wn_node_elem(doc, n);
        if (e->content > 0.0f) {
            /* Class/id words scale the paragraph evidence more than they add
             * to it: a "content" wrapper holding a title alone must not beat
             * the article (measured: half multiplicative, a little additive). */
            float w = hint_weight(n->hints);
            float scale = fmaxf(HINT_SCALE_MIN, 1.0f + HINT_SCALE * w / HINT_WEIGHT);
            /* The additive part needs some text behind it: a 100-character
             * "entry-content" tweet box must not beat the article. */
            float add = HINT_ADD * w * fminf(1.0f, (float)n->all.chars / HINT_ADD_FULL_CHARS);
            float base = (e->content + tag_base((GumboTag)n->tag)) * scale + add;
            e->score = base * (1.0f - wn_link_density(n));
        }
        e->best = fmaxf(e->best, e->score);
        if (n->parent != WN_NONE) {
            wn_elem *pe = wn_node_elem(doc, &doc->nodes[n->parent]);
            pe->best = fmaxf(pe->best, e->best);
        }
    }
}
