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
static uint64_t chrome_shape(const wn_node *n, uint64_t h);

/* The first number in a post's leading text, or -1. */
static long post_number(const wn_doc *doc, uint32_t index)
{
    char text[48];
    size_t len = wn_leading_text(doc, index, text, sizeof text);
    for (size_t i = 0; i < len; i++)
        if (text[i] >= '0' && text[i] <= '9') {
            long v = 0;
            for (; i < len && text[i] >= '0' && text[i] <= '9' && v < 1000000; i++)
                v = v * 10 + (text[i] - '0');
            return v;
        }
    return -1;
}

/* The first number in an element's class, else in its id ("post-reply
 * post-reply-num-3": 3), or -1. */
static long name_number(const wn_node *n)
{
    const char *names[2] = {wn_node_class(n), wn_node_id(n)};
    for (int k = 0; k < 2; k++) {
        const char *a = names[k];
        for (size_t i = 0; a && a[i] && i < 256; i++)
            if (a[i] >= '0' && a[i] <= '9') {
                long v = 0;
                for (; a[i] >= '0' && a[i] <= '9' && v < 1000000; i++)
                    v = v * 10 + (a[i] - '0');
                return v;
            }
    }
    return -1;
}

/* Whether the children of p of one shape, at least THREAD_NUMBERED_POSTS
 * of them, each open with their number in the thread, counting up by one:
 * "Reply 1 - posted by", "#2", "3楼"; or, with by_name, carry it in their
 * class or id ("post-reply-num-1", "-num-2", ...). */
static bool numbered_run_by(const wn_doc *doc, uint32_t p, bool by_name)
{
    const wn_node *n = &doc->nodes[p];
    uint32_t first = WN_NONE, count = 0;
    long expect = -1;
    for (uint32_t c = p + 1; c < n->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (!element_with_text(k))
            continue;
        if (first == WN_NONE)
            first = c;
        else if (chrome_shape(k, 0) != chrome_shape(&doc->nodes[first], 0))
            return false;
        long v = by_name ? name_number(k) : post_number(doc, c);
        if (v < 0 || (expect >= 0 && v != expect))
            return false;
        expect = v + 1;
        count++;
    }
    return count >= THREAD_NUMBERED_POSTS;
}

static bool numbered_run(const wn_doc *doc, uint32_t p)
{
    return numbered_run_by(doc, p, false);
}

/* Rule numbered-thread: the posts named as comments that were dropped
 * include a run of posts numbered in order, under a short post (a
 * discussion board's first post and its replies, not an article's reader
 * comments): numbered by their text inside one dropped box, or (rule
 * numbered-names) dropped one by one from a kept box and numbered by
 * their class or id. */
static wn_rule numbered_thread(const wn_doc *doc)
{
    if (!on(doc, WN_RULE_NUMBERED_THREAD) || kept_chars(doc) >= THREAD_NUMBERED_KEPT)
        return WN_RULE_NONE;
    uint32_t parent_seen = WN_NONE; /* each kept box's children are counted once */
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!((n->flags & WN_NODE_PRUNED) && n->rule == WN_RULE_HINT && (n->hints & WN_HINT_COMMENTS)))
            continue;
        for (uint32_t k = i; k < n->end; k++)
            if (doc->nodes[k].kind == WN_NODE_ELEMENT && numbered_run(doc, k))
                return WN_RULE_NUMBERED_THREAD;
        if (on(doc, WN_RULE_NUMBERED_NAMES) && n->parent != WN_NONE && n->parent != parent_seen &&
            !(doc->nodes[n->parent].flags & WN_NODE_PRUNED)) {
            parent_seen = n->parent;
            if (numbered_run_by(doc, n->parent, true))
                return WN_RULE_NUMBERED_NAMES;
        }
        i = n->end - 1;
    }
    return WN_RULE_NONE;
}

void wn_sc_restore_thread(wn_doc *doc, region *r)
{
    if (!on(doc, WN_RULE_THREAD_RESTORE) || doc->page_kind == WN_DOC_DISCUSSION)
        return;
    wn_rule why = WN_RULE_THREAD_RESTORE;
    if (!title_heading_chars(doc, r) || kept_chars(doc) >= THREAD_EMPTIED_KEPT ||
        (float)comment_dropped_chars(doc) < THREAD_EMPTIED_SHARE * (float)r->chars) {
        why = numbered_thread(doc);
        if (why == WN_RULE_NONE)
            return;
    }
    doc->page_kind = WN_DOC_DISCUSSION;
    doc->kind_why = WN_KIND_EMPTIED;
    r->layout |= WN_HINT_COMMENTS;
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && n->rule == WN_RULE_HINT && (n->hints & WN_HINT_COMMENTS)) {
            wn_sc_memo_flag_change(doc, r, i, false);
            n->flags &= (uint16_t)~WN_NODE_PRUNED;
            n->label = WN_LABEL_BODY;
            n->rule = (uint8_t)why;
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

/* A box of links around a bare count, wherever it stands: a post's vote or
 * like counter ("12 Vote up Vote down"), no brief's text. */
static bool counter_box(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (n->link_chars >= n->all.chars || n->all.chars - n->link_chars > RESTORE_COUNTER_DIGITS)
        return false;
    for (uint32_t k = index + 1; k < n->end; k++) {
        const wn_node *t = &doc->nodes[k];
        if (t->kind != WN_NODE_TEXT || (t->flags & WN_NODE_IN_LINK))
            continue;
        const char *text = wn_node_text(t);
        for (uint32_t c = 0; c < wn_node_text_len(t); c++)
            if (!strchr(" \t\n\r0123456789,.", text[c]))
                return false;
    }
    return on(doc, WN_RULE_COUNTER_BOX);
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
            /* Rule counter-box: nor is a vote counter. */
            if (wn_node_elem(doc, n)->links >= 2 && n->all.chars < RESTORE_LINK_BOX_CHARS && counter_box(doc, i)) {
                n->rule = WN_RULE_COUNTER_BOX;
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
    if (e->kind != WN_NODE_ELEMENT || (e->flags & WN_NODE_SELECTED))
        return false;
    /* A run of teasers that went counts as the list the label names,
     * however long it was. */
    uint32_t chars = e->all.chars;
    for (uint32_t c = index + 1; c < e->end && chars > ORPHAN_BOX_CHARS; c = doc->nodes[c].end)
        if ((doc->nodes[c].flags & WN_NODE_PRUNED) && doc->nodes[c].rule == WN_RULE_TEASER_RUN)
            chars -= doc->nodes[c].all.chars;
    if (chars > ORPHAN_BOX_CHARS)
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

/* Rule control-row: a row of short items (a post's toolbar: like,
 * bookmark, share, report, "view on phone") most of which went, by their
 * names or their words, as controls or clutter: the items left are the
 * same toolbar's buttons whose words no list knows. */
static bool control_row(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !n->all.chars)
        return false;
    uint32_t items = 0, gone = 0, kept = 0;
    for (uint32_t c = index + 1; c < n->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (!k->all.chars)
            continue;
        if (k->kind != WN_NODE_ELEMENT)
            return false; /* loose text: a line, not a row of buttons */
        items++;
        if (k->flags & WN_NODE_PRUNED) {
            wn_rule family = wn_rule_family((wn_rule)k->rule);
            if (family != WN_RULE_MARKER && family != WN_RULE_HINT && family != WN_RULE_FORM)
                return false;
            gone++;
            continue;
        }
        if (k->all.chars > CONTROL_ROW_ITEM_CHARS || k->all.punct || wn_node_elem(doc, k)->paragraphs)
            return false;
        kept += k->all.chars;
    }
    return items >= CONTROL_ROW_ITEMS && 2 * gone >= items && kept > 0 && kept <= CONTROL_ROW_KEPT_CHARS;
}

/* Rule stat-list: a row of at least STAT_LIST_ITEMS short items without
 * punctuation, nearly all of them a count and its word ("7 replies",
 * "581 views", "14 likes"): a thread's or a post's counters. */
static bool stat_list(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !n->all.chars || n->all.punct ||
        wn_node_elem(doc, n)->paragraphs)
        return false;
    uint32_t items = 0, counts = 0;
    char text[4 * STAT_LIST_ITEM_CHARS + 8];
    for (uint32_t c = index + 1; c < n->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (!k->all.chars || (k->flags & WN_NODE_PRUNED))
            continue;
        if (k->kind != WN_NODE_ELEMENT || k->all.chars > STAT_LIST_ITEM_CHARS)
            return false;
        size_t len = wn_leading_text(doc, c, text, sizeof text);
        items++;
        counts += len && strpbrk(text, "0123456789") != NULL && strchr(text, ' ') != NULL;
    }
    return items >= STAT_LIST_ITEMS && 4 * counts >= 3 * items;
}

/* Prunes, in each selected part, the outermost unpruned elements that
 * `rule_of` gives a rule for (WN_RULE_NONE: none), with that rule. */
static void prune_in_selected(wn_doc *doc, const region *r,
                              wn_rule (*rule_of)(const wn_doc *doc, uint32_t index))
{
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *part = &doc->nodes[i];
        if (!(part->flags & WN_NODE_SELECTED) || (part->flags & WN_NODE_PRUNED))
            continue;
        for (uint32_t j = i + 1; j < part->end; j++) {
            const wn_node *n = &doc->nodes[j];
            if (n->flags & WN_NODE_PRUNED) {
                j = n->end - 1;
                continue;
            }
            wn_rule rule = rule_of(doc, j);
            if (rule != WN_RULE_NONE) {
                wn_sc_prune(doc, r, j, WN_LABEL_OTHER, rule);
                j = n->end - 1;
            }
        }
        i = part->end - 1;
    }
}

static wn_rule control_or_stat_row(const wn_doc *doc, uint32_t index)
{
    if (on(doc, WN_RULE_CONTROL_ROW) && control_row(doc, index))
        return WN_RULE_CONTROL_ROW;
    if (on(doc, WN_RULE_STAT_LIST) && stat_list(doc, index))
        return WN_RULE_STAT_LIST;
    return WN_RULE_NONE;
}

void wn_sc_prune_control_rows(wn_doc *doc, const region *r)
{
    if (on(doc, WN_RULE_CONTROL_ROW) || on(doc, WN_RULE_STAT_LIST))
        prune_in_selected(doc, r, control_or_stat_row);
}

/* Rule user-card: a box beside the element named as a post's body, or
 * beside a box that holds it, made of short lines without a sentence, one
 * of them a date (the post's, or the day its author joined): the author's
 * card (name, rank, post count, "Member since", "Offline"), which a
 * thread of one post shows once. */
static bool user_card(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || n->parent == WN_NONE ||
        (n->hints & (WN_HINT_BODY_INSIDE | WN_HINT_STRONG)) || !n->all.chars ||
        n->all.chars > USER_CARD_MAX_CHARS || wn_node_elem(doc, n)->paragraphs)
        return false;
    uint32_t lines = 0;
    char text[4 * USER_CARD_LINE_CHARS + 8];
    for (uint32_t c = index + 1; c < n->end; c = doc->nodes[c].end) {
        const wn_node *k = &doc->nodes[c];
        if (!k->all.chars)
            continue;
        if (k->kind != WN_NODE_ELEMENT || !(k->flags & WN_NODE_BLOCK) || k->all.chars > USER_CARD_LINE_CHARS)
            return false;
        size_t len = wn_leading_text(doc, c, text, sizeof text);
        if (!len || strchr(".!?", text[len - 1]) || strstr(text, ". "))
            return false;
        lines++;
    }
    if (lines < USER_CARD_LINES || !wn_sc_holds_date_line(doc, n))
        return false;
    /* The named body is a near sibling (a walk over all of a long list's
     * siblings for each would be quadratic). */
    uint32_t c = wn_sc_prev_sibling(doc, index);
    for (unsigned step = 0; c != WN_NONE && step < SIBLING_REACH; c = wn_sc_prev_sibling(doc, c), step++)
        if (doc->nodes[c].hints & WN_HINT_BODY_INSIDE)
            return true;
    const wn_node *p = &doc->nodes[n->parent];
    c = n->end;
    for (unsigned step = 0; c < p->end && step < SIBLING_REACH; c = doc->nodes[c].end, step++)
        if (doc->nodes[c].hints & WN_HINT_BODY_INSIDE)
            return true;
    return false;
}

static wn_rule user_card_rule(const wn_doc *doc, uint32_t index)
{
    return user_card(doc, index) ? WN_RULE_USER_CARD : WN_RULE_NONE;
}

void wn_sc_prune_user_cards(wn_doc *doc, const region *r)
{
    if (on(doc, WN_RULE_USER_CARD))
        prune_in_selected(doc, r, user_card_rule);
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

/* ---- the chrome of a discussion's posts ---------------------------------------- */

/* A node's shape for the post runs: its tag and its class, digits left out
 * (a post's number in its class). */
static uint64_t chrome_shape(const wn_node *n, uint64_t h)
{
    h = (h ^ n->tag) * 1099511628211ull;
    /* The first class word only: the thread's first post, or its owner's
     * posts, often carry one more. */
    const char *c = wn_node_class(n);
    while (c && (*c == ' ' || *c == '\t' || *c == '\n'))
        c++;
    for (; c && *c && *c != ' ' && *c != '\t' && *c != '\n'; c++)
        if (*c < '0' || *c > '9')
            h = (h ^ (unsigned char)*c) * 1099511628211ull;
    return h;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The shape most of the element children of p have, if at least
 * POST_CHROME_MIN_POSTS of them with text have it; 0 otherwise. scratch
 * holds room for the children. */
static uint64_t most_shape(uint64_t *scratch, size_t n);

static uint64_t run_shape(const wn_doc *doc, uint32_t p, uint16_t need, uint64_t *scratch)
{
    size_t n = 0;
    for (uint32_t c = p + 1; c < doc->nodes[p].end; c = doc->nodes[c].end)
        if (element_with_text(&doc->nodes[c]) && !(doc->nodes[c].flags & WN_NODE_PRUNED) &&
            (doc->nodes[c].flags & need) == need)
            scratch[n++] = chrome_shape(&doc->nodes[c], 1469598103934665603ull);
    return most_shape(scratch, n);
}

/* The shape most of n have, if at least POST_CHROME_MIN_POSTS do; else 0. */
static uint64_t most_shape(uint64_t *scratch, size_t n)
{
    if (n < POST_CHROME_MIN_POSTS)
        return 0;
    qsort(scratch, n, sizeof *scratch, cmp_u64);
    uint64_t best = 0;
    size_t best_run = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && scratch[j] == scratch[i]; j++)
            ;
        if (j - i > best_run) {
            best_run = j - i;
            best = scratch[i];
        }
    }
    return best_run >= POST_CHROME_MIN_POSTS ? best : 0;
}

/* Whether a box's text reads as chrome: short, no sentence in it. */
static bool chrome_text(const wn_doc *doc, uint32_t i, bool *digit, char *text, size_t cap)
{
    const wn_node *n = &doc->nodes[i];
    if (!n->all.chars || n->all.chars > POST_CHROME_MAX_CHARS || is_heading((GumboTag)n->tag))
        return false;
    size_t len = wn_leading_text(doc, i, text, cap);
    if (!len)
        return false;
    *digit = strpbrk(text, "0123456789") != NULL;
    /* A count in a few words ("3 people like this.") is no sentence. */
    unsigned words = 1;
    for (size_t k = 0; k < len; k++)
        words += text[k] == ' ';
    if (*digit && words <= POST_CHROME_COUNT_WORDS)
        return true;
    return !(strchr(".!?", text[len - 1]) || strstr(text, ". ") || strstr(text, "\xE3\x80\x82") ||
             strstr(text, "\xEF\xBC\x81") || strstr(text, "\xEF\xBC\x9F"));
}

typedef struct chrome_box {
    uint64_t key;       /* the path of shapes from the post down to it */
    uint32_t node;
    uint32_t post;
} chrome_box;

static int cmp_box(const void *a, const void *b)
{
    const chrome_box *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Rule post-chrome: on a discussion, a block at the same place in at least
 * POST_CHROME_MIN_POSTS of the posts (and in half of them) that is short
 * and holds no sentence in any of them, and in half of them a number and
 * no link (a post's header of its author's name link and its age is the
 * post's own), or the same words in all: a user card, a post's number, a
 * vote or view counter, a toolbar. The posts are the children of one shape of an
 * element that holds half of the region, or the kept parts of one shape
 * of one parent (need: WN_NODE_SELECTED). */
static void prune_chrome_in_run(wn_doc *doc, const region *r, uint32_t p, uint64_t shape, uint16_t need,
                                uint64_t *key, chrome_box *boxes)
{
    size_t n = 0;
    uint32_t posts = 0;
    /* Kept parts are looked for anywhere under p (a nested thread's
     * replies), children only otherwise. */
    for (uint32_t c = p + 1; c < doc->nodes[p].end;) {
        const wn_node *post = &doc->nodes[c];
        if (!element_with_text(post) || (post->flags & WN_NODE_PRUNED) || (post->flags & need) != need ||
            chrome_shape(post, 1469598103934665603ull) != shape) {
            c = need && !(post->flags & WN_NODE_PRUNED) ? c + 1 : post->end;
            continue;
        }
        c = post->end;
        posts++;
        uint32_t at = (uint32_t)(post - doc->nodes);
        key[at] = shape;
        for (uint32_t d = at + 1; d < post->end; d++) {
            const wn_node *e = &doc->nodes[d];
            if (e->flags & WN_NODE_PRUNED) {
                d = e->end - 1;
                continue;
            }
            if (e->kind != WN_NODE_ELEMENT)
                continue;
            key[d] = chrome_shape(e, key[e->parent]);
            if ((e->flags & WN_NODE_BLOCK) && e->all.chars)
                boxes[n++] = (chrome_box){key[d], d, at};
        }
    }
    qsort(boxes, n, sizeof *boxes, cmp_box);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && boxes[j].key == boxes[i].key; j++)
            ;
        uint32_t in_posts = 0, digits = 0, linked = 0, last_post = WN_NONE;
        bool chrome = true, same = true;
        char first[POST_CHROME_MAX_CHARS * 4 + 8], text[sizeof first];
        for (size_t k = i; k < j && chrome; k++) {
            bool digit = false;
            chrome = chrome_text(doc, boxes[k].node, &digit, k == i ? first : text, sizeof first);
            if (chrome && k > i && strcmp(first, text) != 0)
                same = false;
            digits += digit;
            linked += doc->nodes[boxes[k].node].link_chars > 0;
            if (boxes[k].post != last_post)
                in_posts++;
            last_post = boxes[k].post;
        }
        if (!chrome || in_posts < POST_CHROME_MIN_POSTS || 2 * in_posts < posts ||
            (!same && (2 * digits < (uint32_t)(j - i) || linked)))
            continue;
        for (size_t k = i; k < j; k++) {
            uint32_t b = boxes[k].node;
            bool gone = false;
            for (uint32_t a = b; a != boxes[k].post && !gone; a = doc->nodes[a].parent)
                gone = (doc->nodes[a].flags & WN_NODE_PRUNED) != 0;
            if (!gone)
                wn_sc_prune(doc, r, b, WN_LABEL_OTHER, WN_RULE_POST_CHROME);
        }
    }
}

void wn_sc_prune_post_chrome(wn_doc *doc, const region *r)
{
    if (!on(doc, WN_RULE_POST_CHROME) || doc->page_kind != WN_DOC_DISCUSSION)
        return;
    uint64_t *key = malloc(doc->count * sizeof *key);
    chrome_box *boxes = malloc(doc->count * sizeof *boxes);
    if (!key || !boxes) {
        free(key);
        free(boxes);
        return;
    }
    /* Posts kept one by one (a nested thread's replies): the kept parts
     * of one shape. */
    size_t nsel = 0;
    for (uint32_t s = 0; s < doc->count; s++) {
        const wn_node *sel = &doc->nodes[s];
        if (!(sel->flags & WN_NODE_SELECTED) || (sel->flags & WN_NODE_PRUNED) || !element_with_text(sel))
            continue;
        key[nsel++] = chrome_shape(sel, 1469598103934665603ull);
        s = sel->end - 1;
    }
    uint64_t shape = most_shape(key, nsel);
    bool done = shape != 0;
    uint32_t kept = done ? 0 : kept_chars(doc);
    if (done)
        prune_chrome_in_run(doc, r, 0, shape, WN_NODE_SELECTED, key, boxes);
    for (uint32_t s = 0; s < doc->count && !done; s++) {
        const wn_node *sel = &doc->nodes[s];
        if (!(sel->flags & WN_NODE_SELECTED))
            continue;
        for (uint32_t i = s; i < sel->end; i++) {
            const wn_node *n = &doc->nodes[i];
            if (n->flags & WN_NODE_PRUNED) {
                i = n->end - 1;
                continue;
            }
            if (n->kind != WN_NODE_ELEMENT ||
                (float)(n->all.chars - n->link_chars) < POST_CHROME_RUN_SHARE * (float)kept)
                continue;
            uint64_t shape = run_shape(doc, i, 0, key);
            if (shape) {
                prune_chrome_in_run(doc, r, i, shape, 0, key, boxes);
                i = n->end - 1;
            }
        }
        s = sel->end - 1;
    }
    free(key);
    free(boxes);
}
