/* Choosing the region: the top candidate, then the siblings, parts,
 * chunks and the question that join it. */
#include "score/score_internal.h"

#include <math.h>
#include <string.h>

/* ---- siblings -------------------------------------------------------------------- */

/* The sibling just before i, or WN_NONE: the node before i in document
 * order is that sibling or its last descendant. */
uint32_t wn_sc_prev_sibling(const wn_doc *doc, uint32_t i)
{
    uint32_t parent = doc->nodes[i].parent;
    if (parent == WN_NONE || i == parent + 1)
        return WN_NONE;
    uint32_t j = i - 1;
    while (doc->nodes[j].parent != parent)
        j = doc->nodes[j].parent;
    return j;
}

/* The nearest sibling before (after) i that passes want, within reach. */
uint32_t wn_sc_prev_sibling_where(const wn_doc *doc, uint32_t i, bool (*want)(const wn_node *))
{
    uint32_t c = wn_sc_prev_sibling(doc, i);
    for (unsigned step = 0; c != WN_NONE && step < SIBLING_REACH; step++, c = wn_sc_prev_sibling(doc, c))
        if (want(&doc->nodes[c]))
            return c;
    return WN_NONE;
}

uint32_t wn_sc_next_sibling_where(const wn_doc *doc, uint32_t i, bool (*want)(const wn_node *))
{
    uint32_t parent = doc->nodes[i].parent;
    if (parent == WN_NONE)
        return WN_NONE;
    uint32_t c = doc->nodes[i].end;
    for (unsigned step = 0; c < doc->nodes[parent].end && step < SIBLING_REACH; step++, c = doc->nodes[c].end)
        if (want(&doc->nodes[c]))
            return c;
    return WN_NONE;
}

/* ---- choosing the region ------------------------------------------------------- */

uint32_t wn_sc_best_candidate(const wn_doc *doc)
{
    uint32_t best = WN_NONE;
    float best_score = 0.0f;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        const wn_elem *e = wn_node_elem(doc, n);
        if (n->kind != WN_NODE_ELEMENT || e->content <= 0.0f)
            continue;
        if (n->tag == GUMBO_TAG_HTML || n->tag == GUMBO_TAG_BODY)
            continue;
        float s = (n->flags & WN_NODE_IN_SIDE) && e->score > 0.0f ? e->score * SIDE_FACTOR : e->score;
        if (best == WN_NONE || s > best_score) {
            best = i;
            best_score = s;
        }
    }
    return best;
}

/* Count of element children and the only one, if there is exactly one. */
static uint32_t only_element_child(const wn_doc *doc, uint32_t index)
{
    uint32_t only = WN_NONE, count = 0;
    const wn_node *n = &doc->nodes[index];
    for (uint32_t c = index + 1; c < n->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (k->kind == WN_NODE_ELEMENT) {
            only = c;
            count++;
        } else if (k->all.chars) {
            return WN_NONE;
        }
    }
    return count == 1 ? only : WN_NONE;
}

/* Old markup's font-style wrappers, which some pages put around whole
 * paragraphs. */
bool wn_sc_font_markup(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_FONT: case GUMBO_TAG_SMALL: case GUMBO_TAG_BIG: case GUMBO_TAG_B: case GUMBO_TAG_I:
    case GUMBO_TAG_U: case GUMBO_TAG_STRONG: case GUMBO_TAG_EM:
        return true;
    default:
        return false;
    }
}

/* Readability's refinements: prefer a parent that scores better, and do not
 * stop at an element that is its parent's only child. */
uint32_t wn_sc_refine_top(const wn_doc *doc, uint32_t top)
{
    /* A font-style wrapper (<font>, <small>) around paragraphs is old
     * markup, not the article: the block that holds it is. (A <span> can be
     * a named container.) */
    if (wn_sc_font_markup((GumboTag)doc->nodes[top].tag) && doc->nodes[top].block != WN_NONE)
        top = doc->nodes[top].block;
    float last = wn_node_elem(doc, &doc->nodes[top])->score;
    float threshold = last / PARENT_SCORE_DIVISOR;
    uint32_t p = doc->nodes[top].parent;
    while (p != WN_NONE && p != doc->body && doc->nodes[p].tag != GUMBO_TAG_BODY) {
        const wn_node *pn = &doc->nodes[p];
        const wn_elem *pe = wn_node_elem(doc, pn);
        if (pe->content <= 0.0f) {
            p = pn->parent;
            continue;
        }
        if (pe->score < threshold)
            break;
        if (pe->score > last) {
            top = p;
            break;
        }
        last = pe->score;
        p = pn->parent;
    }
    /* An ancestor that scores nearly as well and holds much more prose is
     * the article; the top was one part of it (a table of signatories, a
     * quoted box). */
    const wn_node *t = &doc->nodes[top];
    float top_prose = (float)(t->all.chars - t->link_chars);
    for (uint32_t a = t->parent; a != WN_NONE; a = doc->nodes[a].parent) {
        const wn_node *an = &doc->nodes[a];
        if (an->tag == GUMBO_TAG_BODY || an->tag == GUMBO_TAG_HTML)
            break;
        float prose = (float)(an->all.chars - an->link_chars);
        /* One named as the article's body ("post-body", "articleBody") that
         * adds a good deal of prose no more linked than the top's is the
         * whole of it: the top was its longest part. */
        bool named_body = (an->hints & WN_HINT_STRONG) && !(t->hints & WN_HINT_STRONG) &&
                          prose >= NAMED_UP_RATIO * top_prose &&
                          wn_link_density(an) <= wn_link_density(t) + NAMED_UP_LD_MARGIN;
        /* One without links around much more prose is the article whatever
         * it scores: nested layout tables thin the votes out before they
         * reach it. */
        bool unlinked = wn_link_density(an) <= UNLINKED_LD && prose >= PROSE_UP_RATIO * top_prose &&
                        !(an->hints & WN_HINT_CLUTTER) && !(an->flags & WN_NODE_IN_CLUTTER);
        const wn_elem *ae = wn_node_elem(doc, an);
        if (ae->content > 0.0f && (ae->score >= SCORE_UP_RATIO * wn_node_elem(doc, t)->score || unlinked) &&
            (named_body || prose >= PROSE_UP_RATIO * top_prose) && wn_link_density(an) < LD_PROSE) {
            top = a;
            t = an;
            top_prose = prose;
        }
    }
    while (doc->nodes[top].parent != WN_NONE) {
        uint32_t parent = doc->nodes[top].parent;
        const wn_node *pn = &doc->nodes[parent];
        if (pn->tag == GUMBO_TAG_BODY || pn->tag == GUMBO_TAG_HTML)
            break;
        if (only_element_child(doc, parent) != top)
            break;
        top = parent;
    }
    return top;
}

static bool ends_like_sentence(const wn_doc *doc, uint32_t index)
{
    char buf[4096];
    size_t n = wn_leading_text(doc, index, buf, sizeof buf);
    if (!n)
        return false;
    if (strstr(buf, ". ") || buf[n - 1] == '.')
        return true;
    return strstr(buf, "\xE3\x80\x82") != NULL; /* 。 */
}

bool wn_sc_same_class(const wn_node *a, const wn_node *b)
{
    return wn_node_class(a) && wn_node_class(b) && *wn_node_class(a) &&
           strcmp(wn_node_class(a), wn_node_class(b)) == 0;
}

/* A plain wrapper around a single paragraph reads as that paragraph. */
static bool wraps_one_paragraph(const wn_doc *doc, uint32_t index)
{
    uint32_t at = index;
    for (int depth = 0; depth < 3; depth++) {
        const wn_node *n = &doc->nodes[at];
        if (n->tag != GUMBO_TAG_DIV || (wn_node_class(n) && *wn_node_class(n)))
            return false;
        at = only_element_child(doc, at);
        if (at == WN_NONE)
            return false;
        if (doc->nodes[at].tag == GUMBO_TAG_P)
            return true;
    }
    return false;
}

/* A layout table's row or cell that holds one line of text: no block inside
 * but the cell around it, no picture. */
static bool text_row(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (n->tag != GUMBO_TAG_TR && n->tag != GUMBO_TAG_TD)
        return false;
    uint32_t cells = 0;
    for (uint32_t k = index + 1; k < n->end; k++) {
        const wn_node *d = &doc->nodes[k];
        if (d->kind != WN_NODE_ELEMENT)
            continue;
        if (d->tag == GUMBO_TAG_IMG)
            return false;
        if (d->tag == GUMBO_TAG_TD || d->tag == GUMBO_TAG_TH)
            cells++;
        else if (d->flags & WN_NODE_BLOCK)
            return false;
    }
    return cells <= 1;
}

void wn_sc_select_region(wn_doc *doc, uint32_t top)
{
    wn_node *t = &doc->nodes[top];
    uint32_t parent = t->parent;
    if (parent == WN_NONE) {
        t->flags |= WN_NODE_SELECTED;
        t->label = WN_LABEL_BODY;
        t->rule = WN_RULE_TOP;
        return;
    }
    const wn_elem *te = wn_node_elem(doc, t);
    float threshold = fmaxf(SIBLING_MIN_SCORE, te->score * SIBLING_SCORE_SHARE);
    const wn_node *p = &doc->nodes[parent];
    for (uint32_t c = parent + 1; c < p->end; c = doc->nodes[c].end) {
        wn_node *s = &doc->nodes[c];
        if (c == top) {
            s->flags |= WN_NODE_SELECTED;
            s->label = WN_LABEL_BODY;
            s->rule = WN_RULE_TOP;
            continue;
        }
        if (s->kind != WN_NODE_ELEMENT || !s->all.chars)
            continue;
        /* A sidebar or widget box beside the article is not more of it. */
        if ((s->flags & WN_NODE_IN_SIDE) && !(t->flags & WN_NODE_IN_SIDE))
            continue;
        const wn_elem *se = wn_node_elem(doc, s);
        wn_rule keep = WN_RULE_NONE;
        float bonus = wn_sc_same_class(s, t) ? te->score * SIBLING_CLASS_BONUS : 0.0f;
        if (on(doc, WN_RULE_SIBLING) && se->content > 0.0f && se->score + bonus >= threshold) {
            keep = WN_RULE_SIBLING;
        } else if (on(doc, WN_RULE_SIBLING_SHAPE) &&
                   ((wn_sc_same_class(s, t) && se->best >= SHAPE_CLASS_BEST_SHARE * te->best &&
                     wn_link_density(s) < LD_PROSE) ||
                    (s->tag == t->tag && se->best >= SHAPE_TAG_BEST_SHARE * te->best &&
                     wn_link_density(s) < SHAPE_TAG_MAX_LD && s->all.chars >= SHAPE_TAG_MIN_CHARS))) {
            /* The article cut into content elements (of one shape, or of
             * one tag and nearly as good): a part's wrapper scores low, the
             * paragraphs block inside it does not. */
            keep = WN_RULE_SIBLING_SHAPE;
        } else if (s->tag == GUMBO_TAG_P || (s->flags & WN_NODE_BLOCK && se->elements == 0) ||
                   wraps_one_paragraph(doc, c) || text_row(doc, c)) {
            float ld = wn_link_density(s);
            float len = weighted_length(&s->all);
            if (len > SIBLING_LINE_LEN && ld < LD_PROSE)
                keep = on(doc, WN_RULE_SIBLING_PROSE) ? WN_RULE_SIBLING_PROSE : WN_RULE_NONE;
            else if (len > 0.0f && len <= SIBLING_LINE_LEN && ld == 0.0f && on(doc, WN_RULE_SIBLING_SENTENCE) &&
                     ends_like_sentence(doc, c))
                keep = WN_RULE_SIBLING_SENTENCE;
        } else if (on(doc, WN_RULE_SIBLING_TABLE_BOX) &&
                   (s->tag == GUMBO_TAG_TABLE || s->tag == GUMBO_TAG_TD) && s->tag == t->tag &&
                   !s->hints && wn_link_density(s) == 0.0f && s->all.chars <= TABLE_BOX_MAX_CHARS &&
                   se->paragraphs >= 1 &&
                   ends_like_sentence(doc, c)) {
            /* A short box of unlinked sentences beside the article in a
             * table layout: its opening lines. */
            keep = WN_RULE_SIBLING_TABLE_BOX;
        }
        if (keep != WN_RULE_NONE) {
            s->flags |= WN_NODE_SELECTED;
            s->label = WN_LABEL_BODY;
            s->rule = (uint8_t)keep;
        }
    }
}

/* The layout can cut the article into chunks, each in its own grid row
 * with an ad rail beside it: the top's cousins that carry exactly its class
 * words and score well are the other chunks. */
void wn_sc_select_parts(wn_doc *doc, uint32_t top)
{
    const wn_node *t = &doc->nodes[top];
    if (t->parent == WN_NONE || !wn_node_class(t) || !*wn_node_class(t))
        return;
    uint32_t parent = t->parent;
    uint32_t grand = doc->nodes[parent].parent;
    /* Up through wrappers that hold the top's row and nothing else (a
     * table's cell and row). */
    while (grand != WN_NONE &&
           (doc->nodes[grand].tag == GUMBO_TAG_TR || doc->nodes[grand].tag == GUMBO_TAG_TD) &&
           (float)doc->nodes[grand].all.chars <= WRAPPER_SLACK * (float)t->all.chars) {
        parent = grand;
        grand = doc->nodes[parent].parent;
    }
    if (grand == WN_NONE || doc->nodes[grand].tag == GUMBO_TAG_BODY ||
        doc->nodes[grand].tag == GUMBO_TAG_HTML)
        return;
    const wn_node *g = &doc->nodes[grand];
    for (uint32_t i = grand + 1; i < g->end; i++) {
        wn_node *n = &doc->nodes[i];
        if (i == parent) {
            i = n->end - 1;
            continue;
        }
        if (n->kind != WN_NODE_ELEMENT || (n->flags & WN_NODE_SELECTED))
            continue;
        if (on(doc, WN_RULE_PART) && wn_sc_same_class(n, t) &&
            wn_node_elem(doc, n)->score >= PART_SCORE_SHARE * wn_node_elem(doc, t)->score &&
            wn_link_density(n) < LD_PROSE && !(n->flags & WN_NODE_IN_CLUTTER)) {
            n->flags |= WN_NODE_SELECTED;
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_PART;
            i = n->end - 1;
        }
    }
}

/* A section layout repeats one wrapper per chunk of the article (a heading
 * and its paragraphs), the top sitting a few plain wrappers deep in one of
 * them: the wrapper's siblings of exactly its class that hold prose nearly
 * as good as the top's are the other chunks. */
static bool holds_selected(const wn_doc *doc, uint32_t index)
{
    for (uint32_t k = index + 1; k < doc->nodes[index].end; k++)
        if (doc->nodes[k].flags & WN_NODE_SELECTED)
            return true;
    return false;
}

/* Two unnamed wrappers of one shape: the same tag and the same sequence of
 * child element tags, at least two of them (a dated block of posts on an
 * old news page: a date table, then a table of posts). */
static bool same_shape(const wn_doc *doc, uint32_t a, uint32_t b)
{
    const wn_node *na = &doc->nodes[a], *nb = &doc->nodes[b];
    if (na->tag != nb->tag || (wn_node_class(na) && *wn_node_class(na)) || (wn_node_class(nb) && *wn_node_class(nb)))
        return false;
    uint32_t ca = a + 1, cb = b + 1, count = 0;
    for (;;) {
        while (ca < na->end && doc->nodes[ca].kind != WN_NODE_ELEMENT)
            ca = doc->nodes[ca].end;
        while (cb < nb->end && doc->nodes[cb].kind != WN_NODE_ELEMENT)
            cb = doc->nodes[cb].end;
        if (ca >= na->end || cb >= nb->end)
            return ca >= na->end && cb >= nb->end && count >= 2;
        if (doc->nodes[ca].tag != doc->nodes[cb].tag)
            return false;
        count++;
        ca = doc->nodes[ca].end;
        cb = doc->nodes[cb].end;
    }
}

void wn_sc_select_chunks(wn_doc *doc, uint32_t top)
{
    const wn_node *t = &doc->nodes[top];
    uint32_t a = top;
    for (int level = 0; level < CHUNK_LEVELS; level++) {
        const wn_node *an = &doc->nodes[a];
        uint32_t parent = an->parent;
        if (parent == WN_NONE || doc->nodes[parent].tag == GUMBO_TAG_HTML)
            return;
        const wn_node *p = &doc->nodes[parent];
        if (level > 0) {
            for (uint32_t c = parent + 1; c < p->end; c = doc->nodes[c].end) {
                wn_node *s = &doc->nodes[c];
                if (c == a || s->kind != WN_NODE_ELEMENT || (s->flags & WN_NODE_SELECTED))
                    continue;
                /* One of a run of unnamed posts of one shape needs less: its
                 * shape already says what it is. */
                float need = wn_sc_same_class(s, an)        ? CHUNK_CLASS_BEST_SHARE
                             : same_shape(doc, c, a) ? CHUNK_SHAPE_BEST_SHARE
                                                     : -1.0f;
                if (on(doc, WN_RULE_CHUNK) && need > 0.0f &&
                    wn_node_elem(doc, s)->best >= need * wn_node_elem(doc, t)->best &&
                    wn_link_density(s) < LD_PROSE && !(s->flags & WN_NODE_IN_CLUTTER) &&
                    !holds_selected(doc, c)) {
                    s->flags |= WN_NODE_SELECTED;
                    s->label = WN_LABEL_BODY;
                    s->rule = WN_RULE_CHUNK;
                }
            }
        }
        /* Only up through wrappers that hold the top and nothing else. */
        if (p->tag == GUMBO_TAG_BODY || (float)p->all.chars > WRAPPER_SLACK * (float)an->all.chars)
            return;
        a = parent;
    }
}

/* A question-and-answer page: the article is the question and the answer
 * that won. When the top candidate sits in an element named as an answer,
 * the text of the element named as the question before it (its best-scoring
 * block) joins the region. */
void wn_sc_select_question(wn_doc *doc, uint32_t top)
{
    if (!on(doc, WN_RULE_QUESTION))
        return;
    uint32_t answer = top;
    while (answer != WN_NONE && !(doc->nodes[answer].hints & WN_HINT_ANSWER))
        answer = doc->nodes[answer].parent;
    if (answer == WN_NONE)
        return;
    uint32_t question = WN_NONE;
    for (uint32_t i = 0; i < answer; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->end > answer || n->kind != WN_NODE_ELEMENT)
            continue;   /* an ancestor of the answer holds it */
        if ((n->hints & WN_HINT_QUESTION) && !(n->hints & WN_HINT_ANSWER) &&
            !(n->flags & WN_NODE_IN_CLUTTER) && n->all.chars >= QUESTION_MIN_CHARS &&
            wn_link_density(n) < QUESTION_MAX_LD) {
            question = i;
            i = n->end - 1;
        }
    }
    if (question == WN_NONE)
        return;
    uint32_t best = WN_NONE;
    for (uint32_t i = question; i < doc->nodes[question].end; i++) {
        const wn_node *n = &doc->nodes[i];
        const wn_elem *e = wn_node_elem(doc, n);
        if (n->kind == WN_NODE_ELEMENT && e->content > 0.0f &&
            (best == WN_NONE || e->score > wn_node_elem(doc, &doc->nodes[best])->score))
            best = i;
    }
    if (best == WN_NONE || (doc->nodes[best].flags & WN_NODE_SELECTED))
        return;
    wn_node *b = &doc->nodes[best];
    b->flags |= WN_NODE_SELECTED;
    b->label = WN_LABEL_BODY;
    b->rule = WN_RULE_QUESTION;
}
