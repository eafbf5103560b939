/* After pruning: taking back the posts of a page that is its thread and
 * what link density emptied, the labels and
 * the headings that pruning left stranded. */
#include "score/score_internal.h"
#include "score/kind.h"

#include <stdlib.h>
#include <string.h>

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
        if (n->kind == WN_NODE_ELEMENT && is_heading((GumboTag)n->tag) && wn_sc_repeats_page_title(doc, i))
            return n->all.chars;
    }
    return 0;
}

/* A page that is its thread: the region held little but posts named as
 * comments (a discussion board's replies, a page of short reviews), and
 * their class words took nearly all of it, under a heading that repeats the
 * page's title. The page is a discussion: the
 * posts come back, and the other rules judge what is inside them. */
void wn_sc_restore_thread(wn_doc *doc, region *r)
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
            wn_sc_memo_flag_change(doc, r, i, false);
            n->flags &= (uint16_t)~WN_NODE_PRUNED;
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_THREAD_RESTORE;
            doc->kind_posts++;
            if (!wn_sc_prune_by_hint(doc, i, r) && !wn_sc_prune_by_marker(doc, i, r))
                wn_sc_prune_selected(doc, i, r, true);
            i = n->end - 1;
        }
    }
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
void wn_sc_restore_if_emptied(wn_doc *doc, uint32_t top, const region *r)
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
            if (wn_node_elem(doc, n)->links >= 2 && n->all.chars < RESTORE_LINK_BOX_CHARS && n->link_chars == n->all.chars &&
                wn_sc_text_before(doc, i, r, 1) >= 1) {
                i = n->end - 1;
                continue;
            }
            wn_sc_memo_flag_change(doc, r, i, false);
            n->flags &= (uint16_t)~WN_NODE_PRUNED;
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_LINK_RESTORE;
            /* The subtree was never visited: the other rules judge it now. */
            if (!wn_sc_prune_by_hint(doc, i, r) && !wn_sc_prune_by_marker(doc, i, r))
                wn_sc_prune_selected(doc, i, r, false);
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
        size_t k = wn_node_text_len(n);
        while (k && (wn_node_text(n)[k - 1] == ' ' || wn_node_text(n)[k - 1] == '\n' || wn_node_text(n)[k - 1] == '\t'))
            k--;
        return label_pack(saturate(n->all.chars, 0, 31), saturate(n->all.punct, 0, 2), 0, false,
                          k && wn_node_text(n)[k - 1] == ':');
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
           wn_sc_text_before(doc, index, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

/* The pass prunes only nodes it has looked at and then skips their
 * subtrees: the subtree of each node it looks at is as it was when the
 * pass began, so the scans of all nodes are taken at once. */
void wn_sc_prune_orphan_labels(wn_doc *doc, const region *r)
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
            wn_sc_prune(doc, r, i, WN_LABEL_OTHER, WN_RULE_ORPHAN_LABEL);
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
    return len && !strchr(".!?:", buf[len - 1]) && wn_sc_text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS;
}

void wn_sc_prune_stranded_headings(wn_doc *doc, const region *r)
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
                    wn_sc_prune(doc, r, pending, WN_LABEL_OTHER, WN_RULE_STRANDED_HEADING);
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
        wn_sc_prune(doc, r, pending, WN_LABEL_OTHER, WN_RULE_STRANDED_HEADING);
}
