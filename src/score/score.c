#include "score/score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score/kind.h"
#include "score/params.h"
#include "utf8.h"

typedef struct rule_info {
    const char *name;
    wn_rule family;
    wn_rule_stage stage;
    const char *what;
    const char *test;
} rule_info;

static const rule_info RULES[WN_RULE_COUNT] = {
#define WN_RULE(id, name, family, stage, what, test) \
    {name, WN_RULE_##family, WN_STAGE_##stage, what, test},
#include "score/rules.def"
#undef WN_RULE
};

_Static_assert(WN_RULE_COUNT <= 64, "the switch-off mask has 64 bits");

const char *wn_rule_name(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].name : "?";
}

wn_rule wn_rule_family(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].family : WN_RULE_NONE;
}

wn_rule_stage wn_rule_stage_of(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].stage : WN_STAGE_DEFAULT;
}

const char *wn_rule_stage_name(wn_rule_stage stage)
{
    switch (stage) {
    case WN_STAGE_DEFAULT: return "default";
    case WN_STAGE_REGION: return "region";
    case WN_STAGE_PRUNING: return "pruning";
    case WN_STAGE_CLEANUP: return "cleanup";
    case WN_STAGE_TITLE: return "title";
    }
    return "?";
}

const char *wn_rule_what(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].what : "?";
}

const char *wn_rule_test(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].test : "";
}

wn_rule wn_rule_by_name(const char *name, size_t len)
{
    for (unsigned r = 0; r < WN_RULE_COUNT; r++)
        if (strlen(RULES[r].name) == len && memcmp(RULES[r].name, name, len) == 0)
            return (wn_rule)r;
    return WN_RULE_COUNT;
}

bool wn_rules_parse(const char *list, uint64_t *mask)
{
    uint64_t m = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ", ");
        if (len) {
            wn_rule r = wn_rule_by_name(p, len);
            if (r == WN_RULE_COUNT)
                return false;
            m |= WN_RULE_BIT(r);
        }
        p += len;
        if (*p)
            p++;
    }
    *mask = m;
    return true;
}

/* Whether a rule may decide on this page (not switched off). */
static bool on(const wn_doc *doc, wn_rule rule)
{
    return !(doc->rules_off & WN_RULE_BIT(rule));
}

/* ---- helpers ---------------------------------------------------------------- */

/* Length of text as a reader weighs it: a CJK character carries about as much
 * as three Latin letters (a two-character word plus its space). */
static float weighted_length(const wn_text_stats *s)
{
    return (float)s->chars + 2.0f * (float)s->cjk;
}

static bool is_heading(GumboTag tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

size_t wn_leading_text(const wn_doc *doc, uint32_t index, char *buf, size_t cap)
{
    size_t n = 0;
    bool space = false;
    uint32_t end = doc->nodes[index].end;
    /* Only text nodes with a byte other than white space write; a block or
     * <br> element or white space between two of them makes one space.
     * The scan jumps from one such text node to the next. */
    for (uint32_t i = doc->nodes[index].next_text; i < end && n + 1 < cap;) {
        const wn_node *t = &doc->nodes[i];
        for (uint32_t k = 0; k < t->text_len && n + 1 < cap; k++) {
            unsigned char c = (unsigned char)t->text[k];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                space = n > 0;
                continue;
            }
            if (space) {
                if (n + 2 >= cap)
                    break;
                buf[n++] = ' ';
            }
            space = false;
            buf[n++] = (char)c;
        }
        if (i + 1 >= doc->count)
            break;
        const wn_node *after = &doc->nodes[i + 1];
        if (n && after->next_space < after->next_text && after->next_space < end)
            space = true;
        i = after->next_text;
    }
    /* Do not end inside a UTF-8 sequence. */
    if (n) {
        size_t start = n - 1;
        while (start && ((unsigned char)buf[start] & 0xC0) == 0x80)
            start--;
        unsigned char lead = (unsigned char)buf[start];
        size_t want = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (n - start < want)
            n = start;
    }
    buf[n] = '\0';
    return n;
}

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
static float paragraph_score(const wn_node *n)
{
    if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !n->own.chars)
        return 0.0f;
    /* A heading, or a notice kept hidden until a script shows it. */
    if (is_heading((GumboTag)n->tag) || (n->hints & WN_HINT_HIDDEN))
        return 0.0f;
    float len = weighted_length(&n->own);
    if (len < PARAGRAPH_MIN_LEN)
        return 0.0f;
    float own_ld = (float)n->own_link_chars / (float)n->own.chars;
    if (own_ld > PARAGRAPH_MAX_LD)
        return 0.0f;
    float s = 1.0f + (float)n->own.commas + fminf(PARAGRAPH_LEN_MAX, len / PARAGRAPH_LEN_UNIT);
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
static bool wraps_prose(const wn_node *n)
{
    return !(n->hints & (WN_HINT_CLUTTER & ~(WN_HINT_AD | WN_HINT_SHARE | WN_HINT_TIPJAR | WN_HINT_RELATED))) &&
           n->paragraphs >= 1 && n->all.chars >= WRAPS_PROSE_CHARS && n->all.punct >= WRAPS_PROSE_PUNCT &&
           wn_link_density(n) < WRAPS_PROSE_MAX_LD;
}

/* Whether the subtree holds an element named as the article's body
 * ("entry-content", "articleBody") that carries at least half its text:
 * a clutter-, date- or widget-named wrapper around it ("above-footer",
 * "date-outer") is layout. */
static bool holds_named_body(const wn_doc *doc, uint32_t index)
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
                 !(n->hints & (WN_HINT_POSITIVE | WN_HINT_STRONG)) && !wraps_prose(n) &&
                 (float)n->all.chars < LAYOUT_SHARE * (float)page_chars &&
                 !(n->all.chars >= NAMED_BODY_MIN_CHARS && holds_named_body(doc, i)))
            n->flags |= WN_NODE_IN_CLUTTER;
        if (p->flags & WN_NODE_IN_SIDE)
            n->flags |= WN_NODE_IN_SIDE;
        else if (side_box(n, page_chars))
            n->flags |= WN_NODE_IN_SIDE;
    }
}


static void score_candidates(wn_doc *doc)
{
    mark_clutter_subtrees(doc);
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_IN_CLUTTER))
            continue;
        float s = paragraph_score(n);
        if (s <= 0.0f)
            continue;
        if (n->all.chars <= BROWSER_NOTICE_CHARS) {
            char lead[BROWSER_NOTICE_CHARS * 2];
            size_t len = wn_leading_text(doc, i, lead, sizeof lead);
            if (wn_browser_notice(lead, len))
                continue;
        }
        /* Loose text in a <div> that also holds other blocks votes for the
         * <div> itself first, as Readability's wrapping of such text in a
         * <p> inside that <div> would have it. */
        uint32_t a = n->parent;
        if (n->tag == GUMBO_TAG_DIV && n->own.chars < n->all.chars)
            a = i;
        for (int level = 0; level < VOTE_LEVELS && a != WN_NONE; level++) {
            float share = level == 0 ? 1.0f : level == 1 ? 0.5f : 1.0f / (float)(level * 3);
            doc->nodes[a].content += s * share;
            a = doc->nodes[a].parent;
        }
    }
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || n->content <= 0.0f)
            continue;
        /* Class/id words scale the paragraph evidence more than they add to
         * it: a "content" wrapper holding a title alone must not beat the
         * article (measured: half multiplicative, a little additive). */
        float w = hint_weight(n->hints);
        float scale = fmaxf(HINT_SCALE_MIN, 1.0f + HINT_SCALE * w / HINT_WEIGHT);
        /* The additive part needs some text behind it: a 100-character
         * "entry-content" tweet box must not beat the article. */
        float add = HINT_ADD * w * fminf(1.0f, (float)n->all.chars / HINT_ADD_FULL_CHARS);
        float base = (n->content + tag_base((GumboTag)n->tag)) * scale + add;
        n->score = base * (1.0f - wn_link_density(n));
    }
    for (uint32_t i = doc->count; i-- > 0;) {
        wn_node *n = &doc->nodes[i];
        n->best = fmaxf(n->best, n->score);
        if (n->parent != WN_NONE)
            doc->nodes[n->parent].best = fmaxf(doc->nodes[n->parent].best, n->best);
    }
}

/* ---- siblings -------------------------------------------------------------------- */


/* The sibling just before i, or WN_NONE: the node before i in document
 * order is that sibling or its last descendant. */
static uint32_t prev_sibling(const wn_doc *doc, uint32_t i)
{
    uint32_t parent = doc->nodes[i].parent;
    if (parent == WN_NONE || i == parent + 1)
        return WN_NONE;
    uint32_t j = i - 1;
    while (doc->nodes[j].parent != parent)
        j = doc->nodes[j].parent;
    return j;
}

static bool has_text(const wn_node *n)
{
    return n->all.chars > 0;
}

static bool element_with_text(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT && n->all.chars > 0;
}

static bool element_or_text(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT || n->all.chars > 0;
}

static bool text_or_break(const wn_node *n)
{
    return n->all.chars > 0 || (n->flags & WN_NODE_BREAK);
}

/* The nearest sibling before (after) i that passes want, within reach. */
static uint32_t prev_sibling_where(const wn_doc *doc, uint32_t i, bool (*want)(const wn_node *))
{
    uint32_t c = prev_sibling(doc, i);
    for (unsigned step = 0; c != WN_NONE && step < SIBLING_REACH; step++, c = prev_sibling(doc, c))
        if (want(&doc->nodes[c]))
            return c;
    return WN_NONE;
}

static uint32_t next_sibling_where(const wn_doc *doc, uint32_t i, bool (*want)(const wn_node *))
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

static uint32_t best_candidate(const wn_doc *doc)
{
    uint32_t best = WN_NONE;
    float best_score = 0.0f;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || n->content <= 0.0f)
            continue;
        if (n->tag == GUMBO_TAG_HTML || n->tag == GUMBO_TAG_BODY)
            continue;
        float s = (n->flags & WN_NODE_IN_SIDE) && n->score > 0.0f ? n->score * SIDE_FACTOR : n->score;
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
static bool font_markup(GumboTag tag)
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
static uint32_t refine_top(const wn_doc *doc, uint32_t top)
{
    /* A font-style wrapper (<font>, <small>) around paragraphs is old
     * markup, not the article: the block that holds it is. (A <span> can be
     * a named container.) */
    if (font_markup((GumboTag)doc->nodes[top].tag) && doc->nodes[top].block != WN_NONE)
        top = doc->nodes[top].block;
    float last = doc->nodes[top].score;
    float threshold = last / PARENT_SCORE_DIVISOR;
    uint32_t p = doc->nodes[top].parent;
    while (p != WN_NONE && p != doc->body && doc->nodes[p].tag != GUMBO_TAG_BODY) {
        const wn_node *pn = &doc->nodes[p];
        if (pn->content <= 0.0f) {
            p = pn->parent;
            continue;
        }
        if (pn->score < threshold)
            break;
        if (pn->score > last) {
            top = p;
            break;
        }
        last = pn->score;
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
        if (an->content > 0.0f && (an->score >= SCORE_UP_RATIO * t->score || unlinked) &&
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

static bool same_class(const wn_node *a, const wn_node *b)
{
    return a->class_attr && b->class_attr && *a->class_attr &&
           strcmp(a->class_attr, b->class_attr) == 0;
}

/* A plain wrapper around a single paragraph reads as that paragraph. */
static bool wraps_one_paragraph(const wn_doc *doc, uint32_t index)
{
    uint32_t at = index;
    for (int depth = 0; depth < 3; depth++) {
        const wn_node *n = &doc->nodes[at];
        if (n->tag != GUMBO_TAG_DIV || (n->class_attr && *n->class_attr))
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

static void select_region(wn_doc *doc, uint32_t top)
{
    wn_node *t = &doc->nodes[top];
    uint32_t parent = t->parent;
    if (parent == WN_NONE) {
        t->flags |= WN_NODE_SELECTED;
        t->label = WN_LABEL_BODY;
        t->rule = WN_RULE_TOP;
        return;
    }
    float threshold = fmaxf(SIBLING_MIN_SCORE, t->score * SIBLING_SCORE_SHARE);
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
        wn_rule keep = WN_RULE_NONE;
        float bonus = same_class(s, t) ? t->score * SIBLING_CLASS_BONUS : 0.0f;
        if (on(doc, WN_RULE_SIBLING) && s->content > 0.0f && s->score + bonus >= threshold) {
            keep = WN_RULE_SIBLING;
        } else if (on(doc, WN_RULE_SIBLING_SHAPE) &&
                   ((same_class(s, t) && s->best >= SHAPE_CLASS_BEST_SHARE * t->best &&
                     wn_link_density(s) < LD_PROSE) ||
                    (s->tag == t->tag && s->best >= SHAPE_TAG_BEST_SHARE * t->best &&
                     wn_link_density(s) < SHAPE_TAG_MAX_LD && s->all.chars >= SHAPE_TAG_MIN_CHARS))) {
            /* The article cut into content elements (of one shape, or of
             * one tag and nearly as good): a part's wrapper scores low, the
             * paragraphs block inside it does not. */
            keep = WN_RULE_SIBLING_SHAPE;
        } else if (s->tag == GUMBO_TAG_P || (s->flags & WN_NODE_BLOCK && s->elements == 0) ||
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
                   s->paragraphs >= 1 &&
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
static void select_parts(wn_doc *doc, uint32_t top)
{
    const wn_node *t = &doc->nodes[top];
    if (t->parent == WN_NONE || !t->class_attr || !*t->class_attr)
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
        if (on(doc, WN_RULE_PART) && same_class(n, t) && n->score >= PART_SCORE_SHARE * t->score &&
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
    if (na->tag != nb->tag || (na->class_attr && *na->class_attr) || (nb->class_attr && *nb->class_attr))
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

static void select_chunks(wn_doc *doc, uint32_t top)
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
                float need = same_class(s, an)        ? CHUNK_CLASS_BEST_SHARE
                             : same_shape(doc, c, a) ? CHUNK_SHAPE_BEST_SHARE
                                                     : -1.0f;
                if (on(doc, WN_RULE_CHUNK) && need > 0.0f && s->best >= need * t->best &&
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

/* ---- pruning inside the region -------------------------------------------------- */

/* What text_before() has counted: the kept text of the region's nodes
 * [root, at), pruned subtrees skipped as that walk skips them. Later nodes
 * continue the scan; pruning or restoring a subtree the scan has passed
 * corrects the count (memo_flag_change()), so a pass asks about each node
 * in turn at the cost of one walk over the region. */
typedef struct text_memo {
    bool valid;
    uint32_t at;        /* the scan's next node: never inside a pruned subtree */
    uint32_t chars;     /* kept text of [root, at) */
    uint32_t quiet;     /* no counted text in [quiet, at): a node there has chars before it */
} text_memo;

/* What teaser_list() and teaser_card() read of a subtree, for every node
 * at once: the first text node with characters at or after each node
 * (doc->count if none), the last <a> with text at or before it (WN_NONE
 * if none), and the "Read more" links in each node's subtree, up to 3
 * (not looking inside links). */
typedef struct teaser_index {
    uint32_t *next_text;
    uint32_t *last_link;
    uint8_t *more;
} teaser_index;

static void teaser_index_free(teaser_index *tx)
{
    free(tx->next_text);
    free(tx->last_link);
    free(tx->more);
    tx->next_text = tx->last_link = NULL;
    tx->more = NULL;
}

typedef struct region {
    uint32_t root;      /* the top candidate's parent (or the top itself) */
    uint32_t chars;     /* characters kept before pruning */
    uint32_t layout;    /* hint bits that name the article's own building blocks */
    text_memo *memo;    /* text_before()'s scan (NULL: none) */
    const teaser_index *teasers; /* NULL: walk each subtree */
} region;

/* Characters of kept (unpruned, unlinked) text nodes in [from, to), pruned
 * subtrees skipped; *last is set one past the last text node counted. */
static uint32_t kept_text_in(const wn_doc *doc, uint32_t from, uint32_t to, uint32_t *last)
{
    uint32_t chars = 0;
    for (uint32_t i = from; i < to; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->flags & WN_NODE_PRUNED) {
            i = n->end - 1;
            continue;
        }
        if (n->kind == WN_NODE_TEXT && !(n->flags & WN_NODE_IN_LINK) && n->all.chars) {
            chars += n->all.chars;
            *last = i + 1;
        }
    }
    return chars;
}

/* Called before the pruned flag of index changes (set when pruning, cleared
 * when not): what the memo counted of its subtree goes out, or comes in.
 * Each subtree is walked once when pruned (a later walk skips it). */
static void memo_flag_change(const wn_doc *doc, const region *r, uint32_t index, bool pruning)
{
    text_memo *m = r ? r->memo : NULL;
    if (!m || !m->valid || index < r->root || index >= m->at)
        return;
    /* Inside a pruned subtree: never counted, and at is not inside it. */
    for (uint32_t a = doc->nodes[index].parent; a != WN_NONE && a >= r->root; a = doc->nodes[a].parent)
        if (doc->nodes[a].flags & WN_NODE_PRUNED)
            return;
    const wn_node *n = &doc->nodes[index];
    uint32_t to = n->end < m->at ? n->end : m->at;
    uint32_t last = m->quiet;
    uint32_t chars = 0;
    if (n->kind == WN_NODE_TEXT && !(n->flags & WN_NODE_IN_LINK) && n->all.chars) {
        chars = n->all.chars;
        last = index + 1;
    }
    chars += kept_text_in(doc, index + 1, to, &last);
    if (pruning) {
        m->chars -= chars;
        /* The walk now skips the subtree. */
        if (n->end > m->at)
            m->at = n->end;
    } else {
        m->chars += chars;
        if (last > m->quiet)
            m->quiet = last;
    }
}

static void prune(wn_doc *doc, const region *r, uint32_t index, wn_label label, wn_rule rule)
{
    wn_node *n = &doc->nodes[index];
    if (!(n->flags & WN_NODE_PRUNED))
        memo_flag_change(doc, r, index, true);
    n->flags |= WN_NODE_PRUNED;
    n->label = (uint8_t)label;
    n->rule = (uint8_t)rule;
}

static bool hint_says_clutter(const wn_node *n, const region *r)
{
    uint32_t h = n->hints & ~r->layout;
    if (h & WN_HINT_STRONG)
        return false;
    if (wraps_prose(n))
        return false;
    /* A "read more" expander or related-named wrapper around most of the
     * region's unlinked prose is the article behind a soft gate. */
    if ((h & WN_HINT_RELATED) && !(h & (WN_HINT_CLUTTER & ~WN_HINT_RELATED)) &&
        (float)n->all.chars > GATE_SHARE * (float)r->chars && wn_link_density(n) < GATE_MAX_LD &&
        n->all.punct >= GATE_MIN_PUNCT)
        return false;
    if (h & (WN_HINT_CLUTTER)) {
        if (!(h & WN_HINT_POSITIVE))
            return (h & (WN_HINT_COMMENTS | WN_HINT_RELATED | WN_HINT_TIPJAR | WN_HINT_SHARE |
                         WN_HINT_AD | WN_HINT_FOOTER)) ||
                   (float)n->all.chars < CLUTTER_SHARE * (float)r->chars || wn_link_density(n) > CLUTTER_LD;
        /* "content" and clutter words together: only small blocks go. */
        return (float)n->all.chars < CLUTTER_CONTENT_SHARE * (float)r->chars;
    }
    if (h & (WN_HINT_META | WN_HINT_HIDDEN))
        return n->all.chars < META_MAX_CHARS && (float)n->all.chars < META_SHARE * (float)r->chars;
    return false;
}

/* A gallery of pictures with their captions, credits and counters set
 * beside the article. One whose slides carry paragraphs of prose, or that
 * is named as content too, is the article told in slides. */
static bool gallery_beside(const wn_doc *doc, uint32_t index, const region *r)
{
    const wn_node *n = &doc->nodes[index];
    if (!(n->hints & WN_HINT_GALLERY) || (n->hints & (WN_HINT_POSITIVE | WN_HINT_STRONG)) ||
        (float)n->all.chars >= GALLERY_SHARE * (float)r->chars)
        return false;
    for (uint32_t k = index + 1; k < n->end; k++) {
        const wn_node *d = &doc->nodes[k];
        if (d->kind == WN_NODE_ELEMENT && d->tag == GUMBO_TAG_P && d->all.chars >= GALLERY_PROSE_CHARS &&
            d->all.punct >= GALLERY_PROSE_PUNCT)
            return false;
    }
    return true;
}

/* An inline element (a tag link, a date span) whose block holds much more
 * text around it is words of a sentence, whatever its class says; only a
 * visually hidden helper goes. */
static bool inline_in_sentence(const wn_doc *doc, const wn_node *n)
{
    if ((n->flags & WN_NODE_BLOCK) || (n->hints & WN_HINT_HIDDEN) || n->block == WN_NONE)
        return false;
    const wn_node *b = &doc->nodes[n->block];
    return b->own.chars >= INLINE_SENTENCE_TIMES * n->all.chars + INLINE_SENTENCE_EXTRA && b->own.punct >= 1;
}

/* Characters of the selected region held in "widget" boxes. A page builder
 * wraps every text block of the article in one: when they hold most of the
 * article, the word names its building blocks, not a sidebar's. One box
 * alone is no builder's grid (a slideshow holder set after the text). */
static uint32_t widget_chars(const wn_doc *doc)
{
    uint32_t chars = 0, boxes = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        uint32_t box_end = 0;
        for (uint32_t k = i; k < n->end; k++) {
            const wn_node *d = &doc->nodes[k];
            if (d->kind != WN_NODE_ELEMENT || (d->hints & WN_HINT_CLUTTER) != WN_HINT_WIDGET || !d->all.chars)
                continue;
            boxes++;
            if (k >= box_end) {
                chars += d->all.chars;
                box_end = d->end;
            }
        }
        i = n->end - 1;
    }
    return boxes >= 2 ? chars : 0;
}

static uint32_t text_before(const wn_doc *doc, uint32_t index, const region *r, uint32_t enough);

/* A widget- or clutter-named box that opens only after a good stretch of
 * the article (a slideshow of other stories, a promo holder) is set after
 * it, however much text it holds; a misnamed wrapper of the article starts
 * with the article. */

static bool late_clutter(const wn_doc *doc, uint32_t i, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    uint32_t h = n->hints & ~r->layout;
    /* An author's bio box after the article holds a paragraph of prose
     * of its own. */
    bool author_box = (h & WN_HINT_AUTHORBOX) && !(h & WN_HINT_STRONG) && n->all.chars <= AUTHOR_BOX_MAX_CHARS;
    return (((h & WN_HINT_CLUTTER) && !(h & (WN_HINT_POSITIVE | WN_HINT_STRONG)) && !wraps_prose(n)) ||
            author_box) &&
           text_before(doc, i, r, LATE_CLUTTER_CHARS) >= LATE_CLUTTER_CHARS;
}

/* A box named as a sidebar beside a sibling that holds the element named
 * as the article's body is that page's sidebar, however much of the
 * region its widgets fill. */
static bool sidebar_beside_body(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (!(n->hints & WN_HINT_SIDEBAR) || (n->hints & (WN_HINT_POSITIVE | WN_HINT_STRONG)) ||
        n->parent == WN_NONE)
        return false;
    for (uint32_t c = prev_sibling(doc, i), step = 0; c != WN_NONE && step < 4 * SIBLING_REACH;
         c = prev_sibling(doc, c), step++)
        if (doc->nodes[c].hints & WN_HINT_BODY_INSIDE)
            return true;
    const wn_node *p = &doc->nodes[n->parent];
    for (uint32_t c = n->end, step = 0; c < p->end && step < 4 * SIBLING_REACH; c = doc->nodes[c].end, step++)
        if (doc->nodes[c].hints & WN_HINT_BODY_INSIDE)
            return true;
    return false;
}

static uint32_t text_before(const wn_doc *doc, uint32_t index, const region *r, uint32_t enough);

/* A "header" named block once the article's text has begun heads a
 * section of it (a heading module, a collapsible part's title bar), not
 * the page. */
static bool section_header(const wn_doc *doc, uint32_t i, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    if ((n->hints & ~r->layout & (WN_HINT_CLUTTER | WN_HINT_META | WN_HINT_HIDDEN)) != WN_HINT_HEADER)
        return false;
    /* It holds a heading or prose; a code box's "js" label bar does not. */
    bool heading = is_heading((GumboTag)n->tag) || n->all.chars >= SECTION_HEADER_CHARS;
    for (uint32_t k = i + 1; k < n->end && !heading; k++)
        heading = doc->nodes[k].kind == WN_NODE_ELEMENT && is_heading((GumboTag)doc->nodes[k].tag) &&
                  doc->nodes[k].all.chars;
    return heading && text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* Returns true when the node's class/id/role words pruned it. */
static bool prune_by_hint(wn_doc *doc, uint32_t i, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    if (section_header(doc, i, r))
        return false;
    /* A date or widget wrapper around the block named as the article's
     * body ("date-outer" around "post-body") is layout; a related list or
     * a comment thread holds other posts' bodies. */
    wn_rule rule = on(doc, WN_RULE_HINT) && hint_says_clutter(n, r)                   ? WN_RULE_HINT
                   : on(doc, WN_RULE_GALLERY_BESIDE) && gallery_beside(doc, i, r)     ? WN_RULE_GALLERY_BESIDE
                   : on(doc, WN_RULE_LATE_CLUTTER) && late_clutter(doc, i, r)         ? WN_RULE_LATE_CLUTTER
                   : on(doc, WN_RULE_SIDEBAR_BESIDE_BODY) && sidebar_beside_body(doc, i) ? WN_RULE_SIDEBAR_BESIDE_BODY
                                                                                       : WN_RULE_NONE;
    if (rule == WN_RULE_NONE || inline_in_sentence(doc, n) ||
        (!(n->hints & (WN_HINT_RELATED | WN_HINT_COMMENTS)) && holds_named_body(doc, i)))
        return false;
    wn_label label = wn_label_from_hints(n->hints);
    prune(doc, r, i, label == WN_LABEL_NONE ? WN_LABEL_OTHER : label, rule);
    return true;
}

/* Whether the text of index ends with a colon (":" or "："). */
static bool ends_with_colon(const wn_doc *doc, uint32_t index)
{
    for (uint32_t i = doc->nodes[index].end; i-- > index;) {
        const wn_node *t = &doc->nodes[i];
        if (t->kind != WN_NODE_TEXT || !t->all.chars)
            continue;
        size_t k = t->text_len;
        while (k && (t->text[k - 1] == ' ' || t->text[k - 1] == '\n' || t->text[k - 1] == '\t' ||
                     t->text[k - 1] == '\r'))
            k--;
        return (k && t->text[k - 1] == ':') ||
               (k >= 3 && memcmp(t->text + k - 3, "\xEF\xBC\x9A", 3) == 0);
    }
    return false;
}

/* A list the article's own sentence announces ("Here's how you can join:"):
 * the previous element is prose ending with a colon, and its items carry
 * words of their own beside their links. */
static bool announced_list(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if ((n->tag != GUMBO_TAG_UL && n->tag != GUMBO_TAG_OL) || n->parent == WN_NONE ||
        wn_link_density(n) >= LD_NEARLY_ALL)
        return false;
    uint32_t prev = WN_NONE;
    for (uint32_t c = n->parent + 1; c < index; c = doc->nodes[c].end)
        if (doc->nodes[c].kind == WN_NODE_ELEMENT && doc->nodes[c].all.chars)
            prev = c;
        else if (doc->nodes[c].kind == WN_NODE_TEXT && doc->nodes[c].all.chars)
            prev = WN_NONE;
    if (prev == WN_NONE)
        return false;
    const wn_node *p = &doc->nodes[prev];
    return (p->tag == GUMBO_TAG_P || p->tag == GUMBO_TAG_DIV) && p->all.chars >= ANNOUNCE_MIN_CHARS &&
           wn_link_density(p) < LD_MOSTLY_LINKS && ends_with_colon(doc, prev);
}

static bool link_dense(const wn_doc *doc, uint32_t index, const region *r)
{
    const wn_node *n = &doc->nodes[index];
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_DL: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER: case GUMBO_TAG_TBODY: case GUMBO_TAG_TR:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE: case GUMBO_TAG_ARTICLE:
        break;
    case GUMBO_TAG_P:
        /* A paragraph of several links and nothing else is a list of them. */
        if (n->links >= LINK_LIST_P_LINKS && wn_link_density(n) >= LD_NEARLY_ALL &&
            n->all.chars >= LINK_LIST_P_CHARS_PER_LINK * n->links)
            break;
        return false;
    default:
        return false;
    }
    if (!n->all.chars || (n->hints & WN_HINT_STRONG) || announced_list(doc, index))
        return false;
    float ld = wn_link_density(n);
    /* Most of the region and prose-like: a link-rich article, not a menu. */
    if ((float)n->all.chars > LINK_RICH_SHARE * (float)r->chars && ld < LINK_RICH_MAX_LD &&
        n->all.punct > LINK_RICH_PUNCT)
        return false;
    /* Links set inside sentences: each link comes with a clause of its own
     * words, where a menu or a list of headlines has a few at most. */
    float unlinked = (float)(n->all.chars - n->link_chars);
    if (ld > LD_MOSTLY_LINKS && ld < LD_SENTENCE_MAX && unlinked >= LD_WORDS_PER_LINK * (float)n->links &&
        n->all.punct >= n->links)
        return false;
    bool dense = ld > LD_MOSTLY_LINKS ||
                 /* A short block with a real share of links and no sentences: a link box. */
                 (ld > LINK_BOX_LD && n->all.chars < LINK_BOX_CHARS && n->all.commas < LINK_BOX_COMMAS &&
                  !(n->hints & WN_HINT_POSITIVE));
    /* The post around the block named as its body is the article, however
     * many links it gives (a roundup of links). */
    return dense && !holds_named_body(doc, index);
}

/* A paragraph that is a single link and nothing else, set alone between
 * paragraphs of prose: another article's headline or a "get the app" call.
 * A run of such lines is a list the article gives; a sentence or a bare
 * address is a reference the reader follows. */
static bool whole_link_p(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_P && n->links == 1 &&
           n->all.chars && n->link_chars == n->all.chars;
}

static bool prose_p(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_P && n->all.chars >= PROSE_P_CHARS &&
           wn_link_density(n) < LD_MOSTLY_LINKS;
}

static bool link_line(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (!whole_link_p(n) || n->all.chars < LINK_LINE_MIN_CHARS || n->all.chars > LINK_LINE_MAX_CHARS ||
        n->parent == WN_NONE)
        return false;
    char buf[160];
    size_t len = wn_leading_text(doc, i, buf, sizeof buf);
    if (!len || buf[len - 1] == '.' || buf[len - 1] == '!' || buf[len - 1] == '?' ||
        wn_lex_first(WN_LEX_URL_START, buf, len, 0, NULL) >= 0)
        return false;
    /* Its element siblings: prose before it, no other such line around it.
     * An empty ad slot between them is no sibling a reader sees. */
    uint32_t prev = prev_sibling_where(doc, i, element_with_text);
    uint32_t next = next_sibling_where(doc, i, element_with_text);
    if ((prev != WN_NONE && whole_link_p(&doc->nodes[prev])) ||
        (next != WN_NONE && whole_link_p(&doc->nodes[next])))
        return false;
    return prev != WN_NONE && prose_p(&doc->nodes[prev]);
}

/* A run of headline links closing the article ("Weiterlesen:" and a few
 * other posts' titles, each a paragraph that is one link): nothing but
 * links, short headings and named clutter follows it in its wrapper. */
static bool headline_link_p(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (!whole_link_p(n) || n->all.chars < LINK_LINE_MIN_CHARS || n->all.chars > HEADLINE_MAX_CHARS)
        return false;
    /* A sentence that is a link ("For tickets, click here.") is the
     * article's own. */
    char buf[200];
    size_t len = wn_leading_text(doc, i, buf, sizeof buf);
    return len && buf[len - 1] != '.' && wn_lex_first(WN_LEX_URL_START, buf, len, 0, NULL) < 0;
}

/* A short heading or a line ending in a colon that announces what follows. */
static bool intro_line(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (n->kind != WN_NODE_ELEMENT || n->link_chars || n->all.chars == 0)
        return false;
    if (is_heading((GumboTag)n->tag))
        return n->all.chars <= INTRO_HEADING_CHARS;
    char buf[160];
    size_t len = wn_leading_text(doc, i, buf, sizeof buf);
    return n->all.chars <= INTRO_LINE_CHARS && len && len < sizeof buf - 1 && buf[len - 1] == ':';
}

/* Whether only links, short headings and named clutter follow i in its parent. */
static bool tail_of_links(const wn_doc *doc, uint32_t i)
{
    const wn_node *p = &doc->nodes[doc->nodes[i].parent];
    unsigned seen = 0;
    for (uint32_t c = doc->nodes[i].end; c < p->end; c = doc->nodes[c].end) {
        const wn_node *s = &doc->nodes[c];
        if (!s->all.chars)
            continue;
        /* A run longer than a closing list is a list page of its own. */
        if (++seen > 4 * SIBLING_REACH)
            return false;
        if (s->kind != WN_NODE_ELEMENT)
            return false;
        if (headline_link_p(doc, c) || (s->hints & WN_HINT_CLUTTER) || wn_link_density(s) >= LD_MOSTLY_LINKS ||
            (is_heading((GumboTag)s->tag) && s->all.chars <= INTRO_HEADING_CHARS))
            continue;
        return false;
    }
    return true;
}

static bool link_tail_run(const wn_doc *doc, uint32_t i, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    if (n->parent == WN_NONE || n->kind != WN_NODE_ELEMENT)
        return false;
    if (headline_link_p(doc, i)) {
        uint32_t prev = prev_sibling_where(doc, i, has_text);
        if (prev == WN_NONE || doc->nodes[prev].kind != WN_NODE_ELEMENT ||
            !(prose_p(&doc->nodes[prev]) || headline_link_p(doc, prev) || intro_line(doc, prev)))
            return false;
    } else if (intro_line(doc, i)) {
        /* The line that announces the run goes with it. */
        uint32_t next = next_sibling_where(doc, i, has_text);
        if (next == WN_NONE || !headline_link_p(doc, next))
            return false;
    } else {
        return false;
    }
    return tail_of_links(doc, i) && text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* An inline element inside a sentence that holds nothing but several long
 * links: a hover card of headlines tucked into the paragraph behind a
 * name, not words of the sentence. */
static bool inline_link_list(const wn_doc *doc, const wn_node *n)
{
    if ((n->flags & WN_NODE_BLOCK) || n->block == WN_NONE || n->links < HOVER_CARD_LINKS ||
        wn_link_density(n) < LD_NEARLY_ALL || n->link_chars < HOVER_CARD_CHARS_PER_LINK * n->links)
        return false;
    const wn_node *b = &doc->nodes[n->block];
    if (b->all.chars - b->link_chars < HOVER_CARD_SENTENCE_CHARS)
        return false;
    /* The card is the child that holds nearly all of the links; the name
     * link beside it is the sentence's word. */
    uint32_t index = (uint32_t)(n - doc->nodes);
    for (uint32_t c = index + 1; c < n->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (k->kind == WN_NODE_ELEMENT && k->links >= HOVER_CARD_LINKS && k->link_chars < n->link_chars &&
            (float)k->link_chars >= HOVER_CARD_SHARE * (float)n->link_chars)
            return false;
    }
    return true;
}

/* Characters of kept text before node index inside the region, counted up
 * to enough (the caller only asks whether there are that many): less than
 * enough is the exact count. The region's memo carries the scan from one
 * question to the next; a question about an earlier node starts it over. */
static uint32_t text_before(const wn_doc *doc, uint32_t index, const region *r, uint32_t enough)
{
    const wn_node *root = &doc->nodes[r->root];
    uint32_t limit = index < root->end ? index : root->end;
    if (limit <= r->root)
        return 0;
    text_memo fresh = {false, 0, 0, 0};
    text_memo *m = r->memo ? r->memo : &fresh;
    if (!m->valid || limit < m->quiet) {
        m->valid = true;
        m->at = m->quiet = r->root;
        m->chars = 0;
    }
    /* Nothing counted in [limit, at). */
    if (limit <= m->at)
        return m->chars;
    while (m->at < limit && m->chars < enough) {
        const wn_node *n = &doc->nodes[m->at];
        if (n->flags & WN_NODE_PRUNED) {
            m->at = n->end;
            continue;
        }
        if (n->kind == WN_NODE_TEXT && !(n->flags & WN_NODE_IN_LINK) && n->all.chars) {
            m->chars += n->all.chars;
            m->quiet = m->at + 1;
        }
        m->at++;
    }
    return m->chars;
}

/* Whether any kept text of the article's selected parts follows node
 * index inside the region. */
static bool text_after(const wn_doc *doc, uint32_t index, const region *r)
{
    const wn_node *root = &doc->nodes[r->root];
    for (uint32_t i = doc->nodes[index].end; i < root->end; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->flags & WN_NODE_PRUNED) {
            i = n->end - 1;
            continue;
        }
        if (n->kind != WN_NODE_TEXT || !n->all.chars)
            continue;
        for (uint32_t a = n->parent; a != WN_NONE; a = doc->nodes[a].parent) {
            if (doc->nodes[a].flags & WN_NODE_SELECTED)
                return true;
            if (a == r->root)
                break;
        }
    }
    return false;
}

/* Whether a link's text is a teaser's "Read more" / "Continue reading". */
static bool read_more_link(const wn_doc *doc, uint32_t index)
{
    const wn_node *a = &doc->nodes[index];
    if (a->kind != WN_NODE_ELEMENT || a->tag != GUMBO_TAG_A || !a->all.chars || a->all.chars > READ_MORE_MAX_CHARS)
        return false;
    /* It closes its excerpt: no text after it in its block. */
    if (a->block != WN_NONE && a->block != index)
        for (uint32_t k = a->end; k < doc->nodes[a->block].end; k++)
            if (doc->nodes[k].kind == WN_NODE_TEXT && doc->nodes[k].all.chars)
                return false;
    char buf[64];
    size_t len = wn_leading_text(doc, index, buf, sizeof buf);
    return wn_read_more_text(buf, len);
}

/* One other post's teaser card: its headline link, an excerpt and the
 * "Read more" link that closes it. */
static bool teaser_card(const wn_doc *doc, uint32_t index, const teaser_index *tx)
{
    const wn_node *n = &doc->nodes[index];
    if (n->links < 2 || n->links > TEASER_CARD_MAX_LINKS || n->all.chars > TEASER_CARD_MAX_CHARS)
        return false;
    uint32_t first = WN_NONE, last_link = WN_NONE;
    if (tx && index + 1 < n->end) {
        if (tx->next_text[index + 1] < n->end)
            first = tx->next_text[index + 1];
        if (tx->last_link[n->end - 1] != WN_NONE && tx->last_link[n->end - 1] > index)
            last_link = tx->last_link[n->end - 1];
    }
    for (uint32_t i = index + 1; !tx && i < n->end; i++) {
        const wn_node *k = &doc->nodes[i];
        if (first == WN_NONE && k->kind == WN_NODE_TEXT && k->all.chars)
            first = i;
        if (k->kind == WN_NODE_ELEMENT && k->tag == GUMBO_TAG_A && k->all.chars)
            last_link = i;
    }
    if (first == WN_NONE || last_link == WN_NONE)
        return false;
    /* The card opens with a headline that is a link. */
    uint32_t headline = WN_NONE;
    for (uint32_t a = doc->nodes[first].parent; a != WN_NONE && a != index; a = doc->nodes[a].parent)
        if (doc->nodes[a].tag == GUMBO_TAG_A && doc->nodes[a].kind == WN_NODE_ELEMENT)
            headline = a;
    if (headline == WN_NONE || headline == last_link || doc->nodes[headline].all.chars < TEASER_HEADLINE_CHARS)
        return false;
    /* And closes with "Read more": no text after it. */
    uint32_t after = doc->nodes[last_link].end;
    if (tx && after < n->end && tx->next_text[after] < n->end)
        return false;
    for (uint32_t i = after; !tx && i < n->end; i++)
        if (doc->nodes[i].kind == WN_NODE_TEXT && doc->nodes[i].all.chars)
            return false;
    return read_more_link(doc, last_link);
}

/* A list of other posts' teasers set after the article: three or more
 * "Read more" links, each closing an excerpt; or a single teaser card. */
static bool teaser_list(const wn_doc *doc, uint32_t index, const region *r)
{
    const wn_node *n = &doc->nodes[index];
    if (n->links < 2 || n->links > TEASER_LIST_MAX_LINKS || n->all.chars > TEASER_LIST_MAX_CHARS ||
        !(n->flags & WN_NODE_BLOCK))
        return false;
    const teaser_index *tx = r->teasers;
    unsigned more = tx ? tx->more[index] : 0;
    for (uint32_t i = index + 1; !tx && i < n->end && more < TEASER_LIST_MORE; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && doc->nodes[i].tag == GUMBO_TAG_A) {
            more += read_more_link(doc, i);
            i = doc->nodes[i].end - 1;
        }
    return (more >= TEASER_LIST_MORE || teaser_card(doc, index, tx)) &&
           text_before(doc, index, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* The teaser index of the page, in one pass each way; false when out of
 * memory (the rules then walk each subtree). */
static bool teaser_index_build(const wn_doc *doc, teaser_index *tx)
{
    tx->next_text = malloc(doc->count * sizeof *tx->next_text);
    tx->last_link = malloc(doc->count * sizeof *tx->last_link);
    tx->more = calloc(doc->count, sizeof *tx->more);
    if (!tx->next_text || !tx->last_link || !tx->more) {
        teaser_index_free(tx);
        return false;
    }
    uint32_t next = doc->count;
    for (uint32_t i = doc->count; i-- > 0;) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_TEXT && n->all.chars)
            next = i;
        tx->next_text[i] = next;
        if (n->parent != WN_NONE) {
            /* A link's own links are not looked into. */
            unsigned part = n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_A ? read_more_link(doc, i)
                                                                                 : tx->more[i];
            unsigned sum = tx->more[n->parent] + part;
            tx->more[n->parent] = (uint8_t)(sum < 3 ? sum : 3);
        }
    }
    uint32_t last = WN_NONE;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_A && n->all.chars)
            last = i;
        tx->last_link[i] = last;
    }
    return true;
}

/* The highest ancestor of index below the region root whose text starts with
 * index's text: the whole section a clutter heading opens. */
static uint32_t section_of(const wn_doc *doc, uint32_t index, const region *r)
{
    uint32_t best = index;
    uint32_t a = doc->nodes[index].parent;
    while (a != WN_NONE && a != r->root && !(doc->nodes[a].flags & WN_NODE_SELECTED)) {
        /* index must be at the start of a: no text before it inside a. */
        bool first = true;
        for (uint32_t i = a + 1; i < index; i++) {
            if (doc->nodes[i].kind == WN_NODE_TEXT && doc->nodes[i].all.chars) {
                first = false;
                break;
            }
        }
        if (!first || (float)doc->nodes[a].all.chars > SECTION_SHARE * (float)r->chars)
            break;
        best = a;
        a = doc->nodes[a].parent;
    }
    return best;
}

/* Whether sibling s is another post of the shape of post: the same class,
 * paragraphs of its own and few links (not a teaser of a related list). */
static bool next_post(const wn_doc *doc, uint32_t post, uint32_t s)
{
    const wn_node *a = &doc->nodes[post], *b = &doc->nodes[s];
    return b->kind == WN_NODE_ELEMENT && same_class(a, b) && a->tag != GUMBO_TAG_P &&
           b->paragraphs >= NEXT_POST_PARAGRAPHS && b->all.chars >= NEXT_POST_CHARS &&
           wn_link_density(b) < LD_PROSE;
}

/* Prunes index and its following siblings, and the following siblings of
 * each ancestor up to (not including) the region root. */
static void prune_tail(wn_doc *doc, uint32_t index, wn_label label, wn_rule rule, const region *r)
{
    prune(doc, r, index, label, rule);
    if (!on(doc, WN_RULE_MARKER_TAIL))
        return;
    uint32_t at = index;
    while (at != WN_NONE && at != r->root) {
        uint32_t parent = doc->nodes[at].parent;
        if (parent == WN_NONE)
            break;
        for (uint32_t s = doc->nodes[at].end; s < doc->nodes[parent].end; s = doc->nodes[s].end) {
            /* The next post of a list of posts has its own tail. */
            if (next_post(doc, at, s))
                continue;
            if (doc->nodes[s].kind == WN_NODE_ELEMENT)
                prune(doc, r, s, label, WN_RULE_MARKER_TAIL);
            else if (!(doc->nodes[s].flags & WN_NODE_PRUNED)) {
                memo_flag_change(doc, r, s, true);
                doc->nodes[s].flags |= WN_NODE_PRUNED;
            }
        }
        if (doc->nodes[parent].flags & WN_NODE_SELECTED) {
            /* Following selected siblings under the region root go too,
             * but for posts of the same shape: each has its own tail. */
            uint32_t root = doc->nodes[parent].parent;
            if (root != WN_NONE)
                for (uint32_t s = doc->nodes[parent].end; s < doc->nodes[root].end; s = doc->nodes[s].end)
                    if ((doc->nodes[s].flags & WN_NODE_SELECTED) && !next_post(doc, parent, s))
                        prune(doc, r, s, label, WN_RULE_MARKER_TAIL);
            break;
        }
        at = parent;
    }
}

/* Whether the next element after index is a paragraph of prose without
 * links. */
static bool opens_prose(const wn_doc *doc, uint32_t index)
{
    uint32_t parent = doc->nodes[index].parent;
    for (uint32_t s = doc->nodes[index].end; parent != WN_NONE && s < doc->nodes[parent].end;
         s = doc->nodes[s].end) {
        const wn_node *next = &doc->nodes[s];
        if (next->kind != WN_NODE_ELEMENT) {
            if (next->all.chars)
                return false;
            continue;
        }
        if (!next->all.chars)
            continue;
        return next->tag == GUMBO_TAG_P && next->link_chars == 0 && next->all.chars >= OPENS_PROSE_CHARS &&
               next->all.punct >= OPENS_PROSE_PUNCT;
    }
    return false;
}

static bool is_section_marker(wn_marker m)
{
    return m == WN_MARKER_RELATED || m == WN_MARKER_COMMENTS || m == WN_MARKER_MORE ||
           m == WN_MARKER_AUTHOR;
}

/* "Read more: <link>" between paragraphs goes; a bare "See also" heading
 * takes the link list right after it along. A line that starts so but
 * links nowhere is a sentence. */
static bool prune_see_also(wn_doc *doc, uint32_t i, wn_label label, wn_rule rule, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    bool alone = n->all.chars <= SEE_ALSO_CHARS && n->link_chars == 0;
    if (!alone && n->link_chars == 0)
        return false;
    prune(doc, r, i, label, rule);
    if (!alone || !on(doc, WN_RULE_HEADING_LINK_LIST))
        return true;
    uint32_t parent = n->parent;
    bool pruned_any = false;
    for (uint32_t s = n->end; parent != WN_NONE && s < doc->nodes[parent].end; s = doc->nodes[s].end) {
        const wn_node *next = &doc->nodes[s];
        if (next->kind != WN_NODE_ELEMENT) {
            if (next->all.chars)
                break;
            continue;
        }
        bool first = !pruned_any;
        if (first ? !(next->all.chars < SEE_ALSO_LIST_CHARS && wn_link_density(next) > LD_MOSTLY_LINKS)
                  : !headline_link_p(doc, s))
            break;
        prune(doc, r, s, label, WN_RULE_HEADING_LINK_LIST);
        pruned_any = true;
        /* After a list, the run of headline links that was one item a
         * paragraph goes too. */
        if (!headline_link_p(doc, s))
            break;
    }
    return true;
}

/* The lines of links right after a "相关新闻：" heading set before the
 * article's text: the list it announces, one link a line. */
static void prune_link_run(wn_doc *doc, uint32_t i, wn_label label, const region *r)
{
    if (!on(doc, WN_RULE_RELATED_LINK_RUN))
        return;
    uint32_t parent = doc->nodes[i].parent;
    for (uint32_t s = doc->nodes[i].end; parent != WN_NONE && s < doc->nodes[parent].end; s = doc->nodes[s].end) {
        const wn_node *next = &doc->nodes[s];
        if (next->kind != WN_NODE_ELEMENT) {
            if (next->all.chars)
                break;
            continue;
        }
        if (!next->all.chars)
            continue;
        if (next->all.chars >= LINK_RUN_CHARS || (float)next->link_chars < LD_NEARLY_ALL * (float)next->all.chars)
            break;
        prune(doc, r, s, label, WN_RULE_RELATED_LINK_RUN);
    }
}

/* A line of links to the previous and next posts: nearly all link text,
 * opening with "«" or closing with "»" ("« Older post | Main | Newer »"). */
static bool prev_next_line(const wn_node *n, const char *lead, size_t len)
{
    if (n->links < 1 || n->all.chars > PREV_NEXT_MAX_CHARS || len >= 399 || wn_link_density(n) < PREV_NEXT_LD)
        return false;
    static const char *const OPENS[] = {"\xC2\xAB", "\xE2\x80\xB9"};  /* « ‹ */
    static const char *const CLOSES[] = {"\xC2\xBB", "\xE2\x80\xBA"}; /* » › */
    for (size_t k = 0; k < 2; k++) {
        size_t o = strlen(OPENS[k]), c = strlen(CLOSES[k]);
        if ((len >= o && memcmp(lead, OPENS[k], o) == 0) ||
            (len >= c && memcmp(lead + len - c, CLOSES[k], c) == 0))
            return true;
    }
    return false;
}

/* A pager: an optional label ("Pages:") and then page numbers only, some
 * of them links ("Pages: 1 2", "1 2 3 Next"). A cited "Pages: 18" has one
 * number and no link. */
static bool page_number_line(const wn_node *n, const char *lead, size_t len)
{
    if (n->links < 1 || n->all.chars > PAGER_MAX_CHARS || len >= PAGER_MAX_BYTES)
        return false;
    size_t i = 0;
    const char *colon = memchr(lead, ':', len);
    if (colon && (size_t)(colon - lead) <= PAGER_LABEL_BYTES)
        i = (size_t)(colon - lead) + 1;
    unsigned numbers = 0;
    for (; i < len; i++) {
        char c = lead[i];
        if (c >= '0' && c <= '9') {
            if (i == 0 || lead[i - 1] < '0' || lead[i - 1] > '9')
                numbers++;
        } else if (c != ' ' && c != '|' && c != ',') {
            return false;
        }
    }
    return numbers >= PAGER_MIN_NUMBERS;
}

/* Whether a byline or author box (below the region root) holds index: a
 * comment count there is one of the author's figures, not a heading. */
static bool in_meta_box(const wn_doc *doc, uint32_t index, const region *r)
{
    for (uint32_t a = doc->nodes[index].parent; a != WN_NONE && a != r->root; a = doc->nodes[a].parent)
        if ((doc->nodes[a].hints & WN_HINT_META) && !(doc->nodes[a].hints & WN_HINT_STRONG))
            return true;
    return false;
}

/* An inline element loose in its block that starts a line: nothing but
 * white space, a line break or another block before it in its parent. */
static bool starts_line(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if ((n->flags & WN_NODE_BLOCK) || n->parent == WN_NONE || n->parent != n->block)
        return false;
    uint32_t prev = prev_sibling_where(doc, i, text_or_break);
    if (prev != WN_NONE && !(doc->nodes[prev].flags & (WN_NODE_BLOCK | WN_NODE_BREAK)))
        return false;
    /* Misnested markup can put blocks inside it: then it is a wrapper. */
    for (uint32_t k = i + 1; k < n->end; k++)
        if ((doc->nodes[k].flags & WN_NODE_BLOCK) && doc->nodes[k].all.chars)
            return false;
    return true;
}

/* Returns true when the node was pruned. */
static bool prune_by_marker(wn_doc *doc, uint32_t i, const region *r)
{
    wn_node *n = &doc->nodes[i];
    /* An inline run of links can be a line of its own ("Tags" and the tag
     * links in a <strong> between paragraphs). */
    bool inline_links = !(n->flags & WN_NODE_BLOCK) && n->links >= 2 && wn_link_density(n) >= LD_MOSTLY_LINKS;
    /* An inline element that carries all of its block's own words (a
     * "blog comments powered by" link under the thread) is a line too. */
    bool whole_line = !(n->flags & WN_NODE_BLOCK) && n->block != WN_NONE && n->all.chars &&
                      doc->nodes[n->block].own.chars == n->all.chars;
    /* So can a lone link or label ("zurück zur Listenansicht", "Print"
     * loose between the article's blocks): only it goes. */
    bool inline_line = !whole_line && !(n->flags & WN_NODE_BLOCK) && !is_heading((GumboTag)n->tag) &&
                       !inline_links && n->all.chars <= INLINE_LINE_CHARS && starts_line(doc, i);
    if (!(n->flags & WN_NODE_BLOCK) && !is_heading((GumboTag)n->tag) && !inline_links && !whole_line &&
        !inline_line)
        return false;
    if (n->all.chars == 0 || n->all.chars > MARKER_MAX_CHARS)
        return false;
    char lead[400];
    size_t len = wn_leading_text(doc, i, lead, sizeof lead);
    /* A run of links after the marker words is the list they announce: it
     * is measured by its unlinked words. */
    uint32_t whole = n->all.chars;
    if (wn_link_density(n) >= LD_MOSTLY_LINKS)
        whole -= n->link_chars;
    wn_marker m = wn_marker_of_text(lead, len < MARKER_LEAD_BYTES ? len : MARKER_LEAD_BYTES, whole);
    /* The rule whose predicate named the marker m. */
    wn_rule via = WN_RULE_MARKER;
    if (m == WN_MARKER_TAGS) {
        if (!on(doc, WN_RULE_TAGS))
            return false;
        /* Tag links, or a bare "Tags" heading over them; a line of prose
         * that starts so stays. */
        if (n->link_chars == 0 && n->all.chars <= TAGS_HEADING_CHARS)
            return prune_see_also(doc, i, WN_LABEL_OTHER, WN_RULE_TAGS, r);
        /* One tag after a long label ("Related topics: Colorado") is
         * still only the label and its link. */
        bool label_and_links = n->link_chars > 0 && n->all.chars - n->link_chars <= TAGS_LABEL_CHARS;
        if (wn_link_density(n) < LD_MOSTLY_LINKS && !label_and_links)
            return false;
        prune(doc, r, i, WN_LABEL_OTHER, WN_RULE_TAGS);
        return true;
    }
    if (inline_links && !whole_line)
        return false;
    if (inline_line) {
        if (m == WN_MARKER_NONE || is_section_marker(m) || m == WN_MARKER_SEEALSO ||
            !on(doc, WN_RULE_MARKER_INLINE))
            return false;
        prune(doc, r, i, wn_label_from_marker(m), WN_RULE_MARKER_INLINE);
        return true;
    }
    /* The lexicon's markers, but for those with rules of their own. */
    if (m != WN_MARKER_NONE && m != WN_MARKER_SEEALSO && !on(doc, WN_RULE_MARKER))
        m = WN_MARKER_NONE;
    if (m == WN_MARKER_SEEALSO && !on(doc, WN_RULE_SEE_ALSO))
        m = WN_MARKER_NONE;
    /* A one-line prompt to subscribe or follow: a leaf block only, so that
     * a box of article text around it stays. */
    if ((m == WN_MARKER_NONE || (m == WN_MARKER_SEEALSO && n->link_chars == 0)) &&
        n->own.chars == n->all.chars && n->all.chars <= PROMO_MAX_CHARS &&
        len < sizeof lead - 1) {
        if (on(doc, WN_RULE_PROMO) && wn_promo_text(lead, len)) {
            m = WN_MARKER_PROMO;
            via = WN_RULE_PROMO;
        } else if (on(doc, WN_RULE_APP_PROMO) && wn_app_promo_text(lead, len) &&
                   text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS) {
            m = WN_MARKER_PROMO;
            via = WN_RULE_APP_PROMO;
        }
    }
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK) && n->all.chars <= PLATFORM_MAX_CHARS &&
        len < sizeof lead - 1 && on(doc, WN_RULE_PLATFORM_CREDIT) && wn_platform_credit_text(lead, len)) {
        m = WN_MARKER_FOOTER;
        via = WN_RULE_PLATFORM_CREDIT;
    }
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK) && n->own.chars == n->all.chars &&
        on(doc, WN_RULE_PHOTO_CREDIT) && wn_photo_credit_text(lead, len)) {
        m = WN_MARKER_CONTROL;
        via = WN_RULE_PHOTO_CREDIT;
    }
    /* A byline's labelled fields: source, author, time, views. */
    if (m == WN_MARKER_NONE && n->all.chars <= BYLINE_MAX_CHARS && len < sizeof lead - 1 &&
        on(doc, WN_RULE_BYLINE) &&
        wn_byline_text(lead, len)) {
        m = WN_MARKER_SOURCE;
        via = WN_RULE_BYLINE;
    }
    /* A line that is a bare date ("23.10.2018", "2018-10-23 12:30"): the
     * page's date stamp, not a sentence. Not a table's or a list's cell. */
    if (m == WN_MARKER_NONE && n->tag != GUMBO_TAG_TD && n->tag != GUMBO_TAG_TH &&
        n->tag != GUMBO_TAG_LI && n->tag != GUMBO_TAG_PRE && n->tag != GUMBO_TAG_CODE &&
        on(doc, WN_RULE_DATE_LINE) &&
        (wn_date_text(lead, len) || (wn_written_date_text(lead, len) && wn_link_density(n) > LD_MOSTLY_LINKS))) {
        m = WN_MARKER_SOURCE;
        via = WN_RULE_DATE_LINE;
    }
    /* A bare count closing the article, with nothing after it: the tally
     * of a like or share button whose icon is gone. */
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK) && n->link_chars == 0 && n->tag != GUMBO_TAG_TD &&
        n->tag != GUMBO_TAG_TH && n->tag != GUMBO_TAG_LI && on(doc, WN_RULE_COUNT_LINE) &&
        wn_count_text(lead, len) && !text_after(doc, i, r) && text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS) {
        m = WN_MARKER_CONTROL;
        via = WN_RULE_COUNT_LINE;
    }
    /* A short heading whose class names a related list or a comment
     * thread opens that section as its words would, in any language
     * ("Você pode gostar..." in h3.related-posts-title). */
    if (m == WN_MARKER_NONE && is_heading((GumboTag)n->tag) && n->all.chars <= MARKER_HEADING_CHARS &&
        !(n->hints & (WN_HINT_POSITIVE | WN_HINT_STRONG)) && n->link_chars == 0 &&
        on(doc, WN_RULE_CLASS_HEADING)) {
        via = WN_RULE_CLASS_HEADING;
        if (n->hints & WN_HINT_COMMENTS)
            m = WN_MARKER_COMMENTS;
        else if (n->hints & WN_HINT_RELATED)
            m = WN_MARKER_RELATED;
    }
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK)) {
        if (on(doc, WN_RULE_PREV_NEXT) && prev_next_line(n, lead, len)) {
            m = WN_MARKER_PREVNEXT;
            via = WN_RULE_PREV_NEXT;
        } else if (on(doc, WN_RULE_PAGE_NUMBERS) && page_number_line(n, lead, len)) {
            m = WN_MARKER_PREVNEXT;
            via = WN_RULE_PAGE_NUMBERS;
        }
    }
    /* "More ..." opens a section only as a heading; in a paragraph it is
     * a sentence ("More when we have it"). */
    if (m == WN_MARKER_NONE || (m == WN_MARKER_MORE && !is_heading((GumboTag)n->tag)))
        return false;
    wn_label label = wn_label_from_marker(m);
    if (m == WN_MARKER_SEEALSO)
        return prune_see_also(doc, i, label, WN_RULE_SEE_ALSO, r);
    /* A marker that is a link ("发表评论" jumping to the form) or that comes
     * before any article text names no section: only the line goes. An
     * author's bio heading names its box once the article has begun. */
    uint32_t before = m == WN_MARKER_AUTHOR ? AUTHOR_BEGUN_CHARS : BEGUN_CHARS;
    if (!is_section_marker(m) || n->all.chars > MARKER_HEADING_CHARS || wn_link_density(n) > LD_MOSTLY_LINKS ||
        text_before(doc, i, r, before) < before || (m == WN_MARKER_COMMENTS && in_meta_box(doc, i, r))) {
        prune(doc, r, i, label, via);
        if (m == WN_MARKER_RELATED && n->link_chars == 0 && n->all.chars <= MARKER_HEADING_CHARS)
            prune_link_run(doc, i, label, r);
        return true;
    }
    /* "More reading" over a paragraph of the author's own prose opens a
     * section of the article: a list of links starts with a link. */
    if ((m == WN_MARKER_MORE || m == WN_MARKER_RELATED) && opens_prose(doc, i))
        return false;
    /* A section heading: drop the section it opens. */
    uint32_t section = section_of(doc, i, r);
    if (section != i && doc->nodes[section].all.chars > n->all.chars && on(doc, WN_RULE_MARKER_SECTION)) {
        prune(doc, r, section, label, WN_RULE_MARKER_SECTION);
        return true;
    }
    prune_tail(doc, i, label, via, r);
    return true;
}

static void prune_selected(wn_doc *doc, uint32_t sel, const region *r, bool by_links)
{
    wn_node *root = &doc->nodes[sel];
    for (uint32_t i = sel + 1; i < root->end;) {
        wn_node *n = &doc->nodes[i];
        if (n->flags & WN_NODE_PRUNED) {
            i = n->end;
            continue;
        }
        if (n->kind != WN_NODE_ELEMENT) {
            i++;
            continue;
        }
        /* A heading that reads "Comments" opens a section, whatever its
         * class also says: the marker rule sees it first. */
        if (is_heading((GumboTag)n->tag) && prune_by_marker(doc, i, r)) {
            i = n->end;
            continue;
        }
        if (prune_by_hint(doc, i, r)) {
            i = n->end;
            continue;
        }
        if (prune_by_marker(doc, i, r)) {
            i = n->end;
            continue;
        }
        if (on(doc, WN_RULE_FORM) && n->tag == GUMBO_TAG_FORM && n->inputs > 0 &&
            (float)n->all.chars < FORM_SHARE * (float)r->chars) {
            prune(doc, r, i, WN_LABEL_OTHER, WN_RULE_FORM);
            i = n->end;
            continue;
        }
        wn_rule links = on(doc, WN_RULE_TEASER_LIST) && teaser_list(doc, i, r)       ? WN_RULE_TEASER_LIST
                        : on(doc, WN_RULE_LINK_LINE) && link_line(doc, i)              ? WN_RULE_LINK_LINE
                        : on(doc, WN_RULE_LINK_TAIL_RUN) && link_tail_run(doc, i, r)   ? WN_RULE_LINK_TAIL_RUN
                        : on(doc, WN_RULE_INLINE_LINK_LIST) && inline_link_list(doc, n) ? WN_RULE_INLINE_LINK_LIST
                                                                                       : WN_RULE_NONE;
        if (links != WN_RULE_NONE) {
            prune(doc, r, i, WN_LABEL_RELATED, links);
            i = n->end;
            continue;
        }
        if (by_links && on(doc, WN_RULE_LINK_DENSITY) && link_dense(doc, i, r)) {
            /* Menus have short links; lists of article titles long ones. */
            float per_link = weighted_length(&n->all) / (float)(n->links ? n->links : 1);
            prune(doc, r, i, n->links >= 3 && per_link > HEADLINE_LINK_LEN ? WN_LABEL_RELATED : WN_LABEL_NAV,
                  WN_RULE_LINK_DENSITY);
            i = n->end;
            continue;
        }
        n->label = WN_LABEL_BODY;
        n->rule = WN_RULE_INSIDE;
        i++;
    }
}

/* ---- titles ------------------------------------------------------------------------ */

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
static bool repeats_page_title(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (!(n->flags & WN_NODE_BLOCK) || n->all.chars < TITLE_MIN_CHARS || n->all.chars > TITLE_MAX_CHARS || n->links)
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

static void mark_title(wn_doc *doc)
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
                                      repeats_page_title(doc, k)                          ? WN_RULE_TITLE_REPEAT
                                                                                          : WN_RULE_NONE;
            if (title != WN_RULE_NONE) {
                prune(doc, NULL, k, WN_LABEL_TITLE, title);
                return;
            }
            /* Only before the article's first paragraph. */
            if (h->kind == WN_NODE_ELEMENT && h->tag == GUMBO_TAG_P && h->all.chars > TITLE_STOP_P_CHARS)
                return;
        }
    }
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
        !(b->flags & WN_NODE_BLOCK) && font_markup((GumboTag)b->tag) && stands_alone(doc, i);
    if (!(b->flags & WN_NODE_BLOCK) && !font_line)
        return false;
    /* A block the page styles as its own (a dek, a summary) repeats the
     * page's description; a plain one, or one named as the lead (the lede,
     * the intro), is the article's first words. */
    if (b->class_attr && *b->class_attr && !(b->hints & WN_HINT_LEAD))
        return false;
    if (b->tag == GUMBO_TAG_LI || b->tag == GUMBO_TAG_DT || b->tag == GUMBO_TAG_DD)
        return false;
    /* A line right after a picture is its caption. */
    if (b->parent != WN_NONE) {
        uint32_t prev = prev_sibling_where(doc, i, element_or_text);
        if (prev != WN_NONE && !doc->nodes[prev].all.chars &&
            (doc->nodes[prev].images || doc->nodes[prev].tag == GUMBO_TAG_IMG))
            return false;
    }
    const wn_text_stats *text = font_line ? &b->all : &b->own;
    uint32_t link_chars = font_line ? b->link_chars : b->own_link_chars;
    float len = weighted_length(text);
    if (text->chars < b->all.chars || (float)link_chars > LEAD_MAX_LD * (float)text->chars)
        return false;
    if (is_heading((GumboTag)b->tag) ? len < LEAD_HEADING_LEN : (len < LEAD_MIN_LEN || text->punct == 0))
        return false;
    for (uint32_t a = i; a != WN_NONE && a != common; a = doc->nodes[a].parent) {
        const wn_node *an = &doc->nodes[a];
        if ((an->hints & (WN_HINT_CLUTTER | WN_HINT_META | WN_HINT_HIDDEN) & ~WN_HINT_HEADER) ||
            an->tag == GUMBO_TAG_FIGURE || an->tag == GUMBO_TAG_FIGCAPTION || an->tag == GUMBO_TAG_A ||
            (an->class_attr && wn_lex_in(WN_LEX_CAPTION_CLASS, an->class_attr, strlen(an->class_attr))))
            return false;
    }
    char lead[400];
    size_t n = wn_leading_text(doc, i, lead, sizeof lead);
    return wn_marker_of_text(lead, n < MARKER_LEAD_BYTES ? n : MARKER_LEAD_BYTES, b->all.chars) == WN_MARKER_NONE &&
           !wn_promo_text(lead, n);
}

static void select_lead(wn_doc *doc, uint32_t region_chars)
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

/* Non-link characters that survive pruning in the kept region. */
static uint32_t kept_chars(const wn_doc *doc)
{
    uint32_t chars = 0;
    bool in_region = false;
    uint32_t region_end = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!in_region || i >= region_end) {
            in_region = (n->flags & WN_NODE_SELECTED) != 0;
            region_end = n->end;
            if (!in_region) {
                continue;
            }
        }
        if (n->flags & WN_NODE_PRUNED) {
            i = n->end - 1;
            continue;
        }
        if (n->kind == WN_NODE_TEXT && !(n->flags & WN_NODE_IN_LINK))
            chars += n->all.chars;
    }
    return chars;
}

/* Characters of the top candidate's subtree in blocks link density dropped. */
static uint32_t link_dropped_chars(const wn_doc *doc, uint32_t top)
{
    uint32_t chars = 0;
    for (uint32_t i = top; i < doc->nodes[top].end; i++) {
        const wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && wn_rule_family((wn_rule)n->rule) == WN_RULE_LINK_DENSITY) {
            chars += n->all.chars;
            i = n->end - 1;
        }
    }
    return chars;
}

/* Link density is the weakest pruning signal: when it alone left less than
 * a short paragraph of the article (a link-rich news brief above a long
 * comment thread, a post that is a list of links), or took most of the
 * chosen article (a roundup of links with a line of comment each), its
 * decisions are taken back and the other rules judge what it had dropped. */
static void restore_if_emptied(wn_doc *doc, uint32_t top, const region *r)
{
    if (!on(doc, WN_RULE_LINK_RESTORE))
        return;
    const wn_node *t = &doc->nodes[top];
    bool top_emptied = (float)link_dropped_chars(doc, top) > RESTORE_SHARE * (float)t->all.chars;
    if (kept_chars(doc) >= RESTORE_MIN_KEPT && !top_emptied)
        return;
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && wn_rule_family((wn_rule)n->rule) == WN_RULE_LINK_DENSITY) {
            /* A short box of nothing but links after the text began (a
             * call to action, the post's feed links) is no brief's text. */
            if (n->links >= 2 && n->all.chars < RESTORE_LINK_BOX_CHARS && n->link_chars == n->all.chars &&
                text_before(doc, i, r, 1) >= 1) {
                i = n->end - 1;
                continue;
            }
            memo_flag_change(doc, r, i, false);
            n->flags &= (uint8_t)~WN_NODE_PRUNED;
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_LINK_RESTORE;
            /* The subtree was never visited: the other rules judge it now. */
            if (!prune_by_hint(doc, i, r) && !prune_by_marker(doc, i, r))
                prune_selected(doc, i, r, false);
            i = n->end - 1;
        }
    }
}

static bool repeats_page_title(const wn_doc *doc, uint32_t index);

/* Characters of the subtrees the comment thread's class words dropped. */
static uint32_t comment_dropped_chars(const wn_doc *doc)
{
    uint32_t chars = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && n->rule == WN_RULE_HINT && (n->hints & WN_HINT_COMMENTS)) {
            chars += n->all.chars;
            i = n->end - 1;
        }
    }
    return chars;
}

/* The characters of the region's first heading that repeats the page's
 * title (the thread's own heading: an article's sits above the region, not
 * in its comments), or 0 for none. */
static uint32_t title_heading_chars(const wn_doc *doc, const region *r)
{
    for (uint32_t i = r->root; i < doc->nodes[r->root].end; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && is_heading(n->tag) && repeats_page_title(doc, i))
            return n->all.chars;
    }
    return 0;
}

/* A page that is its thread: the region held little but posts named as
 * comments (a discussion board's replies, a page of short reviews), and
 * their class words took nearly all of it, under a heading that repeats the
 * page's title. The page is a discussion: the
 * posts come back, and the other rules judge what is inside them. */
static void restore_thread(wn_doc *doc, region *r)
{
    if (!on(doc, WN_RULE_THREAD_RESTORE) || doc->page_kind == WN_DOC_DISCUSSION)
        return;
    if (!title_heading_chars(doc, r) || kept_chars(doc) >= THREAD_EMPTIED_KEPT ||
        (float)comment_dropped_chars(doc) < THREAD_EMPTIED_SHARE * (float)r->chars)
        return;
    doc->page_kind = WN_DOC_DISCUSSION;
    doc->kind_why = WN_KIND_EMPTIED;
    r->layout |= WN_HINT_COMMENTS;
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && n->rule == WN_RULE_HINT && (n->hints & WN_HINT_COMMENTS)) {
            memo_flag_change(doc, r, i, false);
            n->flags &= (uint8_t)~WN_NODE_PRUNED;
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_THREAD_RESTORE;
            doc->kind_posts++;
            if (!prune_by_hint(doc, i, r) && !prune_by_marker(doc, i, r))
                prune_selected(doc, i, r, true);
            i = n->end - 1;
        }
    }
}

/* What orphan_label() reads of a subtree, packed in 16 bits: the kept
 * text characters (saturated at 31: more than a label), their sentence
 * punctuation (saturated at 2), the characters of pruned lists, menus,
 * share bars and ads (saturated at 31), whether a pruned form, and whether
 * the last kept text node ends with a colon. */
#define LABEL_KEPT(v) ((v) & 31u)
#define LABEL_PUNCT(v) (((v) >> 5) & 3u)
#define LABEL_GONE(v) (((v) >> 7) & 31u)
#define LABEL_FORM 0x1000u
#define LABEL_COLON 0x2000u

static uint32_t saturate(uint32_t a, uint32_t b, uint32_t max)
{
    return a + b > max || a + b < a ? max : a + b;
}

static uint16_t label_pack(uint32_t kept, uint32_t punct, uint32_t gone, bool form, bool colon)
{
    return (uint16_t)(kept | punct << 5 | gone << 7 | (form ? LABEL_FORM : 0) | (colon ? LABEL_COLON : 0));
}

/* A node as the scan of an ancestor sees it: a pruned subtree by its label,
 * a text node by its text; inside is what the node's own scan found. */
static uint16_t label_part(const wn_node *n, uint16_t inside)
{
    if (n->flags & WN_NODE_PRUNED) {
        /* Only a list, menu, share bar or form names a box so; a
         * byline's date leaves a name that is text. */
        bool gone = n->label == WN_LABEL_RELATED || n->label == WN_LABEL_NAV ||
                    n->label == WN_LABEL_SHARE || n->label == WN_LABEL_AD;
        return label_pack(0, 0, gone ? saturate(n->all.chars, 0, 31) : 0,
                          n->tag == GUMBO_TAG_FORM && n->kind == WN_NODE_ELEMENT, false);
    }
    if (n->kind == WN_NODE_TEXT) {
        if (!n->all.chars)
            return 0;
        size_t k = n->text_len;
        while (k && (n->text[k - 1] == ' ' || n->text[k - 1] == '\n' || n->text[k - 1] == '\t'))
            k--;
        return label_pack(saturate(n->all.chars, 0, 31), saturate(n->all.punct, 0, 2), 0, false,
                          k && n->text[k - 1] == ':');
    }
    return inside;
}

/* The scan of first followed by the scan of then (document order). */
static uint16_t label_join(uint16_t first, uint16_t then)
{
    uint16_t colon = LABEL_KEPT(then) ? then & LABEL_COLON : first & LABEL_COLON;
    return (uint16_t)(label_pack(saturate(LABEL_KEPT(first), LABEL_KEPT(then), 31),
                                 saturate(LABEL_PUNCT(first), LABEL_PUNCT(then), 2),
                                 saturate(LABEL_GONE(first), LABEL_GONE(then), 31), false, false) |
                      ((first | then) & LABEL_FORM) | colon);
}

/* What orphan_label() reads of the subtree of index (its descendants), by
 * a walk over it. */
static uint16_t label_scan(const wn_doc *doc, uint32_t index)
{
    uint16_t v = 0;
    for (uint32_t i = index + 1; i < doc->nodes[index].end; i++) {
        const wn_node *n = &doc->nodes[i];
        v = label_join(v, label_part(n, 0));
        if (n->flags & WN_NODE_PRUNED)
            i = n->end - 1;
    }
    return v;
}

/* The same for every node, in one pass from the end: each node's part
 * joins its parent's scan in front of the later children's. */
static void label_scan_all(const wn_doc *doc, uint16_t *scan)
{
    memset(scan, 0, doc->count * sizeof *scan);
    for (uint32_t i = doc->count; i-- > 0;) {
        const wn_node *n = &doc->nodes[i];
        if (n->parent != WN_NONE)
            scan[n->parent] = label_join(label_part(n, scan[i]), scan[n->parent]);
    }
}

/* A small box whose list, form or links went, leaving only its label
 * ("Photos of the day", "Jump to:") once the article has begun: the label
 * names what is gone. scan: label_scan() of every node, or NULL. */
static bool orphan_label(const wn_doc *doc, uint32_t index, const region *r, const uint16_t *scan)
{
    const wn_node *e = &doc->nodes[index];
    if (e->kind != WN_NODE_ELEMENT || e->all.chars > ORPHAN_BOX_CHARS || (e->flags & WN_NODE_SELECTED))
        return false;
    uint16_t v = scan ? scan[index] : label_scan(doc, index);
    uint32_t kept = LABEL_KEPT(v);
    /* A label has no sentence punctuation, but for a closing colon. */
    if (LABEL_PUNCT(v) > ((v & LABEL_COLON) ? 1u : 0u))
        return false;
    return kept > 0 && kept <= ORPHAN_LABEL_CHARS && ((v & LABEL_FORM) || LABEL_GONE(v) >= kept) &&
           text_before(doc, index, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* The pass prunes only nodes it has looked at and then skips their
 * subtrees: the subtree of each node it looks at is as it was when the
 * pass began, so the scans of all nodes are taken at once. */
static void prune_orphan_labels(wn_doc *doc, const region *r)
{
    if (!on(doc, WN_RULE_ORPHAN_LABEL))
        return;
    uint16_t *scan = malloc(doc->count * sizeof *scan);
    if (scan)
        label_scan_all(doc, scan);
    bool in_region = false;
    uint32_t region_end = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if (!in_region || i >= region_end) {
            in_region = (n->flags & WN_NODE_SELECTED) != 0;
            region_end = n->end;
            continue;
        }
        if (n->flags & WN_NODE_PRUNED) {
            i = n->end - 1;
            continue;
        }
        if (orphan_label(doc, i, r, scan)) {
            prune(doc, r, i, WN_LABEL_OTHER, WN_RULE_ORPHAN_LABEL);
            i = n->end - 1;
        }
    }
    free(scan);
}

/* A heading once the article has begun whose section all went (a list of
 * other stories, a box of links) and that is followed only by another
 * heading or by nothing: it announces text the reader never gets. What
 * went must be a list or a box of text; a picture, video or gallery (and
 * its "Click to enlarge") under a heading leaves the heading its title. */

static bool stranded_heading_p(const wn_doc *doc, uint32_t i, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    if (n->kind != WN_NODE_ELEMENT || !is_heading((GumboTag)n->tag) || !n->all.chars ||
        n->all.chars > STRANDED_MAX_CHARS || n->link_chars)
        return false;
    /* A sentence set as a heading (a pull quote) is the article's own. */
    char buf[160];
    size_t len = wn_leading_text(doc, i, buf, sizeof buf);
    return len && !strchr(".!?:", buf[len - 1]) && text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

static void prune_stranded_headings(wn_doc *doc, const region *r)
{
    if (!on(doc, WN_RULE_STRANDED_HEADING))
        return;
    uint32_t pending = WN_NONE, gone = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *part = &doc->nodes[i];
        if (!(part->flags & WN_NODE_SELECTED) || (part->flags & WN_NODE_PRUNED))
            continue;
        for (uint32_t j = i; j < part->end; j++) {
            const wn_node *n = &doc->nodes[j];
            if (n->flags & WN_NODE_PRUNED) {
                gone += n->all.chars;
                j = n->end - 1;
            } else if (stranded_heading_p(doc, j, r)) {
                if (pending != WN_NONE && gone >= STRANDED_GONE_CHARS)
                    prune(doc, r, pending, WN_LABEL_OTHER, WN_RULE_STRANDED_HEADING);
                pending = j;
                gone = 0;
                j = n->end - 1;
            } else if (n->kind == WN_NODE_TEXT && n->all.chars) {
                pending = WN_NONE;
            }
        }
        i = part->end - 1;
    }
    if (pending != WN_NONE && gone >= STRANDED_GONE_CHARS)
        prune(doc, r, pending, WN_LABEL_OTHER, WN_RULE_STRANDED_HEADING);
}

/* A question-and-answer page: the article is the question and the answer
 * that won. When the top candidate sits in an element named as an answer,
 * the text of the element named as the question before it (its best-scoring
 * block) joins the region. */
static void select_question(wn_doc *doc, uint32_t top)
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
        if (n->kind == WN_NODE_ELEMENT && n->content > 0.0f &&
            (best == WN_NONE || n->score > doc->nodes[best].score))
            best = i;
    }
    if (best == WN_NONE || (doc->nodes[best].flags & WN_NODE_SELECTED))
        return;
    wn_node *b = &doc->nodes[best];
    b->flags |= WN_NODE_SELECTED;
    b->label = WN_LABEL_BODY;
    b->rule = WN_RULE_QUESTION;
}

/* Marks the subtrees that hold an element named as the article's body. */
static void mark_named_bodies(wn_doc *doc)
{
    for (uint32_t i = doc->count; i-- > 0;) {
        wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && (n->hints & WN_HINT_STRONG) && !(n->hints & WN_HINT_CLUTTER) &&
            n->all.chars)
            n->hints |= WN_HINT_BODY_INSIDE;
        if ((n->hints & WN_HINT_BODY_INSIDE) && n->parent != WN_NONE)
            doc->nodes[n->parent].hints |= WN_HINT_BODY_INSIDE;
    }
}

void wn_score_select(wn_doc *doc)
{
    if (doc->count == 0)
        return;
    mark_named_bodies(doc);
    score_candidates(doc);
    uint32_t top = best_candidate(doc);
    if (top == WN_NONE || !on(doc, WN_RULE_TOP))
        top = doc->body;
    else
        top = refine_top(doc, top);
    select_region(doc, top);
    select_parts(doc, top);
    select_chunks(doc, top);
    select_question(doc, top);
    wn_kind_decide(doc, top);

    region r;
    r.root = doc->nodes[top].parent == WN_NONE ? top : doc->nodes[top].parent;
    if (doc->page_kind == WN_DOC_DISCUSSION && doc->kind_unit != WN_NONE)
        r.root = doc->kind_unit;
    r.chars = 0;
    for (uint32_t i = 0; i < doc->count; i++)
        if (doc->nodes[i].flags & WN_NODE_SELECTED) {
            r.chars += doc->nodes[i].all.chars;
            i = doc->nodes[i].end - 1;
        }
    r.layout = widget_chars(doc) > r.chars / 2 ? WN_HINT_WIDGET : 0;
    /* On a discussion the posts are the article's building blocks. */
    if (doc->page_kind == WN_DOC_DISCUSSION)
        r.layout |= WN_HINT_COMMENTS;
    text_memo memo = {false, 0, 0, 0};
    r.memo = &memo;
    teaser_index teasers = {NULL, NULL, NULL};
    r.teasers = teaser_index_build(doc, &teasers) ? &teasers : NULL;
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        /* A kept sibling is judged like any block inside the region. */
        if (i != top && !(n->flags & WN_NODE_PRUNED))
            prune_by_hint(doc, i, &r);
        if (i != top && !(n->flags & WN_NODE_PRUNED))
            prune_by_marker(doc, i, &r);
        if (!(n->flags & WN_NODE_PRUNED))
            prune_selected(doc, i, &r, true);
        i = n->end - 1;
    }

    restore_thread(doc, &r);
    restore_if_emptied(doc, top, &r);
    prune_orphan_labels(doc, &r);
    prune_stranded_headings(doc, &r);
    teaser_index_free(&teasers);
    mark_title(doc);
    select_lead(doc, r.chars);
}
