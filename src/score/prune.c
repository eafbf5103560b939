/* Pruning inside the region: class/id hints, forms, link lines and link
 * density, teaser lists; the text counted before a node. */
#include "score/score_internal.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon/date.h"
#include "score/kind.h"

/* ---- pruning inside the region -------------------------------------------------- */

void wn_sc_teaser_index_free(teaser_index *tx)
{
    free(tx->next_text);
    free(tx->last_link);
    free(tx->more);
    tx->next_text = tx->last_link = NULL;
    tx->more = NULL;
}

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
void wn_sc_memo_flag_change(const wn_doc *doc, const region *r, uint32_t index, bool pruning)
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

void wn_sc_prune(wn_doc *doc, const region *r, uint32_t index, wn_label label, wn_rule rule)
{
    wn_node *n = &doc->nodes[index];
    if (!(n->flags & WN_NODE_PRUNED))
        wn_sc_memo_flag_change(doc, r, index, true);
    n->flags |= WN_NODE_PRUNED;
    n->label = (uint8_t)label;
    n->rule = (uint8_t)rule;
}

/* A block named as a post's meta (its author, "original-poster") that
 * holds paragraphs of sentences is the post itself: a byline or an author's
 * line has no paragraphs. */
static bool meta_holds_post(const wn_doc *doc, const wn_node *n)
{
    return (n->hints & (WN_HINT_META | WN_HINT_HIDDEN)) && !(n->hints & WN_HINT_CLUTTER) &&
           wn_node_elem(doc, n)->paragraphs >= META_POST_PARAGRAPHS && n->all.punct >= META_POST_PUNCT &&
           wn_link_density(n) < META_POST_MAX_LD;
}

/* An ad-named box (named nothing else of clutter) that holds nearly all of
 * the region is the page's layout ("outerAd" around everything on an
 * ad-funded site): an ad itself is a small part of a page. */
static bool ad_wrapper(const wn_doc *doc, const wn_node *n, const region *r)
{
    return on(doc, WN_RULE_AD_WRAPPER) && ((n->hints & ~r->layout) & WN_HINT_CLUTTER) == WN_HINT_AD &&
           (float)n->all.chars > AD_WRAPPER_SHARE * (float)r->chars;
}

/* Whether node i is a short element that reads as a date: a <time>, or a
 * text such as "2020.03.11 10:51", "May 31, 2012", "21:14". */
bool wn_sc_date_element(const wn_doc *doc, uint32_t i)
{
    const wn_node *e = &doc->nodes[i];
    if (e->kind != WN_NODE_ELEMENT || !e->all.chars || e->all.chars > THREAD_DATE_MAX_CHARS)
        return false;
    if (e->tag == GUMBO_TAG_TIME)
        return true;
    char lead[96];
    size_t len = wn_leading_text(doc, i, lead, sizeof lead);
    return len < sizeof lead - 1 &&
           (wn_date_numeric_line(lead, len) || wn_date_written_line(lead, len) || wn_date_clock_or_year(lead, len));
}

/* Whether a short element inside n reads as a date (the first short
 * element of a branch answers for the branch). */
bool wn_sc_holds_date_line(const wn_doc *doc, const wn_node *n)
{
    uint32_t index = (uint32_t)(n - doc->nodes);
    for (uint32_t i = index + 1; i < n->end; i++) {
        const wn_node *e = &doc->nodes[i];
        if (e->kind != WN_NODE_ELEMENT || !e->all.chars || e->all.chars > THREAD_DATE_MAX_CHARS)
            continue;
        if (wn_sc_date_element(doc, i))
            return true;
        i = e->end - 1;
    }
    return false;
}

static bool hint_says_clutter(const wn_doc *doc, const wn_node *n, const region *r)
{
    uint32_t h = n->hints & ~r->layout;
    if (h & WN_HINT_STRONG)
        return false;
    if (wn_sc_wraps_prose(doc, n))
        return false;
    /* A "read more" expander or related-named wrapper around most of the
     * region's unlinked prose is the article behind a soft gate. */
    if ((h & WN_HINT_RELATED) && !(h & (WN_HINT_CLUTTER & ~WN_HINT_RELATED)) &&
        (float)n->all.chars > GATE_SHARE * (float)r->chars && wn_link_density(n) < GATE_MAX_LD &&
        n->all.punct >= GATE_MIN_PUNCT)
        return false;
    if (ad_wrapper(doc, n, r))
        return false;
    if (h & (WN_HINT_CLUTTER)) {
        if (!(h & WN_HINT_POSITIVE))
            return (h & (WN_HINT_COMMENTS | WN_HINT_RELATED | WN_HINT_TIPJAR | WN_HINT_SHARE |
                         WN_HINT_AD | WN_HINT_FOOTER)) ||
                   (float)n->all.chars < CLUTTER_SHARE * (float)r->chars || wn_link_density(n) > CLUTTER_LD;
        /* "content" and clutter words together: only small blocks go. */
        return (float)n->all.chars < CLUTTER_CONTENT_SHARE * (float)r->chars;
    }
    if (h & (WN_HINT_META | WN_HINT_HIDDEN)) {
        if (n->all.chars >= META_MAX_CHARS || (on(doc, WN_RULE_META_POST) && meta_holds_post(doc, n)))
            return false;
        return (float)n->all.chars < META_SHARE * (float)r->chars;
    }
    return false;
}

/* Rule dated-meta: a short post's own line of author and date is a large
 * share of it: a meta-named line without a paragraph that gives a date
 * goes while the rest of the region holds more. */
static bool dated_meta(const wn_doc *doc, const wn_node *n, const region *r)
{
    uint32_t h = n->hints & ~r->layout;
    return (h & WN_HINT_META) && !(h & (WN_HINT_STRONG | WN_HINT_CLUTTER)) && n->all.chars < META_MAX_CHARS &&
           !wn_node_elem(doc, n)->paragraphs && (float)n->all.chars < META_DATED_SHARE * (float)r->chars &&
           !wn_sc_wraps_prose(doc, n) && !(on(doc, WN_RULE_META_POST) && meta_holds_post(doc, n)) &&
           wn_sc_holds_date_line(doc, n);
}

/* Rule post-footer: on a discussion, a box named as a post's footer or
 * signature ("post-signature", "b-post__footer") goes, though the word
 * "post" names it as content too: it closes a post, it is not one. One
 * that is long or gives dates holds the replies. */
static bool post_footer(const wn_doc *doc, const wn_node *n, const region *r)
{
    uint32_t h = n->hints & ~r->layout;
    return (r->layout & WN_HINT_COMMENTS) && doc->page_kind == WN_DOC_DISCUSSION &&
           (h & WN_HINT_CLUTTER) == WN_HINT_FOOTER && !(h & WN_HINT_STRONG) &&
           n->all.chars <= POST_FOOTER_MAX_CHARS && (float)n->all.chars < CLUTTER_SHARE * (float)r->chars &&
           !wn_sc_holds_named_body(doc, (uint32_t)(n - doc->nodes)) && !wn_sc_holds_date_line(doc, n);
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
    const wn_elem *b = wn_node_elem(doc, &doc->nodes[n->block]);
    return b->own.chars >= INLINE_SENTENCE_TIMES * n->all.chars + INLINE_SENTENCE_EXTRA && b->own.punct >= 1;
}

/* Characters of the selected region held in "widget" boxes. A page builder
 * wraps every text block of the article in one: when they hold most of the
 * article, the word names its building blocks, not a sidebar's. One box
 * alone is no builder's grid (a slideshow holder set after the text). */
uint32_t wn_sc_widget_chars(const wn_doc *doc)
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
    return (((h & WN_HINT_CLUTTER) && !(h & (WN_HINT_POSITIVE | WN_HINT_STRONG)) && !wn_sc_wraps_prose(doc, n)) ||
            author_box) &&
           wn_sc_text_before(doc, i, r, LATE_CLUTTER_CHARS) >= LATE_CLUTTER_CHARS;
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
    for (uint32_t c = wn_sc_prev_sibling(doc, i), step = 0; c != WN_NONE && step < 4 * SIBLING_REACH;
         c = wn_sc_prev_sibling(doc, c), step++)
        if (doc->nodes[c].hints & WN_HINT_BODY_INSIDE)
            return true;
    const wn_node *p = &doc->nodes[n->parent];
    for (uint32_t c = n->end, step = 0; c < p->end && step < 4 * SIBLING_REACH; c = doc->nodes[c].end, step++)
        if (doc->nodes[c].hints & WN_HINT_BODY_INSIDE)
            return true;
    return false;
}

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
    return heading && wn_sc_text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* Returns true when the node's class/id/role words pruned it. */
bool wn_sc_prune_by_hint(wn_doc *doc, uint32_t i, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    if (section_header(doc, i, r))
        return false;
    /* A date or widget wrapper around the block named as the article's
     * body ("date-outer" around "post-body") is layout; a related list or
     * a comment thread holds other posts' bodies. */
    wn_rule rule = on(doc, WN_RULE_HINT) && hint_says_clutter(doc, n, r)                   ? WN_RULE_HINT
                   : on(doc, WN_RULE_DATED_META) && dated_meta(doc, n, r)             ? WN_RULE_DATED_META
                   : on(doc, WN_RULE_POST_FOOTER) && post_footer(doc, n, r)           ? WN_RULE_POST_FOOTER
                   : on(doc, WN_RULE_GALLERY_BESIDE) && gallery_beside(doc, i, r)     ? WN_RULE_GALLERY_BESIDE
                   : on(doc, WN_RULE_LATE_CLUTTER) && late_clutter(doc, i, r)         ? WN_RULE_LATE_CLUTTER
                   : on(doc, WN_RULE_SIDEBAR_BESIDE_BODY) && sidebar_beside_body(doc, i) ? WN_RULE_SIDEBAR_BESIDE_BODY
                                                                                       : WN_RULE_NONE;
    if (rule == WN_RULE_NONE || inline_in_sentence(doc, n) ||
        (!(n->hints & (WN_HINT_RELATED | WN_HINT_COMMENTS)) && wn_sc_holds_named_body(doc, i)))
        return false;
    wn_label label = wn_label_from_hints(n->hints);
    wn_sc_prune(doc, r, i, label == WN_LABEL_NONE ? WN_LABEL_OTHER : label, rule);
    return true;
}

/* Whether the text of index ends with a colon (":" or "："). */
static bool ends_with_colon(const wn_doc *doc, uint32_t index)
{
    for (uint32_t i = doc->nodes[index].end; i-- > index;) {
        const wn_node *t = &doc->nodes[i];
        if (t->kind != WN_NODE_TEXT || !t->all.chars)
            continue;
        size_t k = wn_node_text_len(t);
        while (k && (wn_node_text(t)[k - 1] == ' ' || wn_node_text(t)[k - 1] == '\n' || wn_node_text(t)[k - 1] == '\t' ||
                     wn_node_text(t)[k - 1] == '\r'))
            k--;
        return (k && wn_node_text(t)[k - 1] == ':') ||
               (k >= 3 && memcmp(wn_node_text(t) + k - 3, "\xEF\xBC\x9A", 3) == 0);
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

/* The link text of the block's anchors whose text is a bare address
 * ("https://example.org/page", "www.example.org"): an address a writer
 * pasted into a post or a quote is text the reader reads, where a menu's
 * links have words. */
static uint32_t bare_url_chars(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    uint32_t chars = 0;
    for (uint32_t k = index + 1; k < n->end; k++) {
        const wn_node *a = &doc->nodes[k];
        if (a->kind != WN_NODE_ELEMENT || a->tag != GUMBO_TAG_A || !a->all.chars)
            continue;
        char buf[96];
        size_t len = wn_leading_text(doc, k, buf, sizeof buf);
        if (len && wn_lex_first(WN_LEX_URL_START, buf, len, 0, NULL) >= 0 && !memchr(buf, ' ', len))
            chars += a->link_chars;
        k = a->end - 1;
    }
    return chars;
}

static bool link_dense_by(const wn_doc *doc, uint32_t index, const region *r, uint32_t link_chars);

static bool link_dense(const wn_doc *doc, uint32_t index, const region *r)
{
    return link_dense_by(doc, index, r, doc->nodes[index].link_chars);
}

/* Rule url-links: a box link density would drop whose links are mostly
 * bare addresses: with them read as text it holds too few links to be a
 * menu (a quoted post that gives an address), kept. */
static bool url_links(const wn_doc *doc, uint32_t index, const region *r)
{
    const wn_node *n = &doc->nodes[index];
    if (!n->link_chars)
        return false;
    uint32_t urls = bare_url_chars(doc, index);
    return urls && !link_dense_by(doc, index, r, n->link_chars - (urls < n->link_chars ? urls : n->link_chars));
}

static bool link_dense_by(const wn_doc *doc, uint32_t index, const region *r, uint32_t link_chars)
{
    const wn_node *n = &doc->nodes[index];
    float ld = n->all.chars ? (float)link_chars / (float)n->all.chars : 0.0f;
    uint32_t links = wn_node_elem(doc, n)->links;
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_DL: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER: case GUMBO_TAG_TBODY: case GUMBO_TAG_TR:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE: case GUMBO_TAG_ARTICLE:
        break;
    case GUMBO_TAG_P:
        /* A paragraph of several links and nothing else is a list of them. */
        if (links >= LINK_LIST_P_LINKS && ld >= LD_NEARLY_ALL &&
            n->all.chars >= LINK_LIST_P_CHARS_PER_LINK * links)
            break;
        return false;
    default:
        return false;
    }
    if (!n->all.chars || (n->hints & WN_HINT_STRONG) || announced_list(doc, index))
        return false;
    /* Most of the region and prose-like: a link-rich article, not a menu. */
    if ((float)n->all.chars > LINK_RICH_SHARE * (float)r->chars && ld < LINK_RICH_MAX_LD &&
        n->all.punct > LINK_RICH_PUNCT)
        return false;
    /* Links set inside sentences: each link comes with a clause of its own
     * words, where a menu or a list of headlines has a few at most. */
    float unlinked = (float)(n->all.chars - link_chars);
    if (ld > LD_MOSTLY_LINKS && ld < LD_SENTENCE_MAX && unlinked >= LD_WORDS_PER_LINK * (float)links &&
        n->all.punct >= links)
        return false;
    bool dense = ld > LD_MOSTLY_LINKS ||
                 /* A short block with a real share of links and no sentences: a link box. */
                 (ld > LINK_BOX_LD && n->all.chars < LINK_BOX_CHARS && n->all.commas < LINK_BOX_COMMAS &&
                  !(n->hints & WN_HINT_POSITIVE));
    /* The post around the block named as its body is the article, however
     * many links it gives (a roundup of links). */
    return dense && !wn_sc_holds_named_body(doc, index);
}

/* A paragraph that is a single link and nothing else, set alone between
 * paragraphs of prose: another article's headline or a "get the app" call.
 * A run of such lines is a list the article gives; a sentence or a bare
 * address is a reference the reader follows. */
static bool whole_link_p(const wn_doc *doc, const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_P && wn_node_elem(doc, n)->links == 1 &&
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
    if (!whole_link_p(doc, n) || n->all.chars < LINK_LINE_MIN_CHARS || n->all.chars > LINK_LINE_MAX_CHARS ||
        n->parent == WN_NONE)
        return false;
    char buf[160];
    size_t len = wn_leading_text(doc, i, buf, sizeof buf);
    if (!len || buf[len - 1] == '.' || buf[len - 1] == '!' || buf[len - 1] == '?' ||
        wn_lex_first(WN_LEX_URL_START, buf, len, 0, NULL) >= 0)
        return false;
    /* Its element siblings: prose before it, no other such line around it.
     * An empty ad slot between them is no sibling a reader sees. */
    uint32_t prev = wn_sc_prev_sibling_where(doc, i, element_with_text);
    uint32_t next = wn_sc_next_sibling_where(doc, i, element_with_text);
    if ((prev != WN_NONE && whole_link_p(doc, &doc->nodes[prev])) ||
        (next != WN_NONE && whole_link_p(doc, &doc->nodes[next])))
        return false;
    return prev != WN_NONE && prose_p(&doc->nodes[prev]);
}

/* A run of headline links closing the article ("Weiterlesen:" and a few
 * other posts' titles, each a paragraph that is one link): nothing but
 * links, short headings and named clutter follows it in its wrapper. */
bool wn_sc_headline_link_p(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (!whole_link_p(doc, n) || n->all.chars < LINK_LINE_MIN_CHARS || n->all.chars > HEADLINE_MAX_CHARS)
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
        if (wn_sc_headline_link_p(doc, c) || (s->hints & WN_HINT_CLUTTER) || wn_link_density(s) >= LD_MOSTLY_LINKS ||
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
    if (wn_sc_headline_link_p(doc, i)) {
        uint32_t prev = wn_sc_prev_sibling_where(doc, i, has_text);
        if (prev == WN_NONE || doc->nodes[prev].kind != WN_NODE_ELEMENT ||
            !(prose_p(&doc->nodes[prev]) || wn_sc_headline_link_p(doc, prev) || intro_line(doc, prev)))
            return false;
    } else if (intro_line(doc, i)) {
        /* The line that announces the run goes with it. */
        uint32_t next = wn_sc_next_sibling_where(doc, i, has_text);
        if (next == WN_NONE || !wn_sc_headline_link_p(doc, next))
            return false;
    } else {
        return false;
    }
    return tail_of_links(doc, i) && wn_sc_text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* An inline element inside a sentence that holds nothing but several long
 * links: a hover card of headlines tucked into the paragraph behind a
 * name, not words of the sentence. */
static bool inline_link_list(const wn_doc *doc, const wn_node *n)
{
    uint32_t links = wn_node_elem(doc, n)->links;
    if ((n->flags & WN_NODE_BLOCK) || n->block == WN_NONE || links < HOVER_CARD_LINKS ||
        wn_link_density(n) < LD_NEARLY_ALL || n->link_chars < HOVER_CARD_CHARS_PER_LINK * links)
        return false;
    const wn_node *b = &doc->nodes[n->block];
    if (b->all.chars - b->link_chars < HOVER_CARD_SENTENCE_CHARS)
        return false;
    /* The card is the child that holds nearly all of the links; the name
     * link beside it is the sentence's word. */
    uint32_t index = (uint32_t)(n - doc->nodes);
    for (uint32_t c = index + 1; c < n->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (k->kind == WN_NODE_ELEMENT && wn_node_elem(doc, k)->links >= HOVER_CARD_LINKS && k->link_chars < n->link_chars &&
            (float)k->link_chars >= HOVER_CARD_SHARE * (float)n->link_chars)
            return false;
    }
    return true;
}

/* Characters of kept text before node index inside the region, counted up
 * to enough (the caller only asks whether there are that many): less than
 * enough is the exact count. The region's memo carries the scan from one
 * question to the next; a question about an earlier node starts it over. */
uint32_t wn_sc_text_before(const wn_doc *doc, uint32_t index, const region *r, uint32_t enough)
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
bool wn_sc_text_after(const wn_doc *doc, uint32_t index, const region *r)
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
    uint32_t links = wn_node_elem(doc, n)->links;
    if (links < 2 || links > TEASER_CARD_MAX_LINKS || n->all.chars > TEASER_CARD_MAX_CHARS)
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
    uint32_t links = wn_node_elem(doc, n)->links;
    if (links < 2 || links > TEASER_LIST_MAX_LINKS || n->all.chars > TEASER_LIST_MAX_CHARS ||
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
           wn_sc_text_before(doc, index, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* The teaser index of the page, in one pass each way; false when out of
 * memory (the rules then walk each subtree). */
bool wn_sc_teaser_index_build(const wn_doc *doc, teaser_index *tx)
{
    tx->next_text = malloc(doc->count * sizeof *tx->next_text);
    tx->last_link = malloc(doc->count * sizeof *tx->last_link);
    tx->more = calloc(doc->count, sizeof *tx->more);
    if (!tx->next_text || !tx->last_link || !tx->more) {
        wn_sc_teaser_index_free(tx);
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

/* Rule script-menu: a box of many anchors without an address (a script
 * opens them: the items of a drop-down that copies a <select>), holding
 * most of its text, with no paragraph: a menu, whatever link density
 * says. */
static bool script_menu(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    const wn_elem *e = wn_node_elem(doc, n);
    if (!(n->flags & WN_NODE_BLOCK) || e->paragraphs || n->all.chars > SCRIPT_MENU_MAX_CHARS ||
        e->elements < SCRIPT_MENU_ITEMS)
        return false;
    uint32_t items = 0, chars = 0;
    for (uint32_t k = index + 1; k < n->end; k++) {
        const wn_node *a = &doc->nodes[k];
        if (a->kind == WN_NODE_ELEMENT && a->tag == GUMBO_TAG_A && !(a->flags & WN_NODE_IN_LINK)) {
            items++;
            chars += a->all.chars;
            k = a->end - 1;
        }
    }
    return items >= SCRIPT_MENU_ITEMS && (float)chars >= SCRIPT_MENU_SHARE * (float)n->all.chars;
}

void wn_sc_prune_selected(wn_doc *doc, uint32_t sel, const region *r, bool by_links)
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
        const wn_elem *e = wn_node_elem(doc, n);
        /* A heading that reads "Comments" opens a section, whatever its
         * class also says: the marker rule sees it first. */
        if (is_heading((GumboTag)n->tag) && wn_sc_prune_by_marker(doc, i, r)) {
            i = n->end;
            continue;
        }
        if (wn_sc_prune_by_hint(doc, i, r)) {
            i = n->end;
            continue;
        }
        if (wn_sc_prune_by_marker(doc, i, r)) {
            i = n->end;
            continue;
        }
        /* The page's wrapper is judged by its parts, not by its links. */
        if (ad_wrapper(doc, n, r)) {
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_AD_WRAPPER;
            i++;
            continue;
        }
        if (on(doc, WN_RULE_FORM) && n->tag == GUMBO_TAG_FORM && e->inputs > 0 &&
            (float)n->all.chars < FORM_SHARE * (float)r->chars) {
            wn_sc_prune(doc, r, i, WN_LABEL_OTHER, WN_RULE_FORM);
            i = n->end;
            continue;
        }
        /* A box of many controls and little text between them is an
         * editor or a toolbar, form element or not (a reply box whose
         * page is one big form); one that holds paragraphs is a post with
         * its form. */
        if (on(doc, WN_RULE_CONTROL_BOX) && e->inputs >= CONTROL_BOX_MIN && e->paragraphs == 0 &&
            weighted_length(&n->all) <= (float)(CONTROL_BOX_CHARS_PER * e->inputs)) {
            wn_sc_prune(doc, r, i, WN_LABEL_OTHER, WN_RULE_CONTROL_BOX);
            i = n->end;
            continue;
        }
        if (on(doc, WN_RULE_SCRIPT_MENU) && script_menu(doc, i)) {
            wn_sc_prune(doc, r, i, WN_LABEL_NAV, WN_RULE_SCRIPT_MENU);
            i = n->end;
            continue;
        }
        wn_rule links = on(doc, WN_RULE_TEASER_LIST) && teaser_list(doc, i, r)       ? WN_RULE_TEASER_LIST
                        : on(doc, WN_RULE_LINK_LINE) && link_line(doc, i)              ? WN_RULE_LINK_LINE
                        : on(doc, WN_RULE_LINK_TAIL_RUN) && link_tail_run(doc, i, r)   ? WN_RULE_LINK_TAIL_RUN
                        : on(doc, WN_RULE_INLINE_LINK_LIST) && inline_link_list(doc, n) ? WN_RULE_INLINE_LINK_LIST
                                                                                       : WN_RULE_NONE;
        if (links != WN_RULE_NONE) {
            wn_sc_prune(doc, r, i, WN_LABEL_RELATED, links);
            i = n->end;
            continue;
        }
        if (by_links && on(doc, WN_RULE_LINK_DENSITY) && link_dense(doc, i, r) && on(doc, WN_RULE_URL_LINKS) &&
            url_links(doc, i, r)) {
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_URL_LINKS;
            i++;
            continue;
        }
        if (by_links && on(doc, WN_RULE_LINK_DENSITY) && link_dense(doc, i, r)) {
            /* Menus have short links; lists of article titles long ones. */
            float per_link = weighted_length(&n->all) / (float)(e->links ? e->links : 1);
            wn_sc_prune(doc, r, i, e->links >= 3 && per_link > HEADLINE_LINK_LEN ? WN_LABEL_RELATED : WN_LABEL_NAV,
                  WN_RULE_LINK_DENSITY);
            i = n->end;
            continue;
        }
        n->label = WN_LABEL_BODY;
        n->rule = on(doc, WN_RULE_META_POST) && meta_holds_post(doc, n) ? WN_RULE_META_POST : WN_RULE_INSIDE;
        i++;
    }
}
