/* Where the comments are (threads_internal.h): the regions of the thread,
 * the posts that repeat the article's container, and inside them the
 * elements (or runs of siblings) that are one comment each. */
#include "score/threads_internal.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Decides whether c, whose inside was scanned (its comments are
 * items[mark..ni)), is one comment. group: how many of its siblings with
 * text share its shape. */
static void decide(thread *th, uint32_t c, size_t mark, unsigned group, own_list *own)
{
    const wn_node *n = &th->doc->nodes[c];
    citem self = {c, n->end, WN_NONE, false};
    citem *sub;
    size_t nsub = th_outer_items(th, mark, &sub);
    if (th->failed || !th_own_pieces(th, &self, sub, nsub, own)) {
        free(sub);
        return;
    }
    item_summary s = th_summarize(th, own);
    uint64_t shape = th_shape_hash(n);
    /* "comment", "comment-list", "comment-block": not "comment-content",
     * "comment-header", "comment-reply-link". */
    bool hinted = (n->hints & WN_HINT_COMMENTS) && !(n->hints & OTHER_CLUTTER) &&
                  th_class_kind(th, c) == CK_NONE;
    bool known = th_shape_known(th, shape);
    if (!s.text && s.only_sep && (hinted || group >= 2 || known)) {
        /* A wrapper around exactly one comment of another shape (li.comment
         * around div.comment-wrap): the wrapper is the comment, so that the
         * replies beside the inner one count as its replies. */
        size_t direct = 0, which = 0;
        for (size_t i = mark; i < th->ni; i++)
            if (th->items[i].node != WN_NONE && th->doc->nodes[th->items[i].node].parent == c) {
                direct++;
                which = i;
            }
        if (direct == 1) {
            th->items[which].node = WN_NONE;
            free(sub);
            nsub = th_outer_items(th, mark, &sub);
            if (th->failed || !th_own_pieces(th, &self, sub, nsub, own)) {
                free(sub);
                return;
            }
            s = th_summarize(th, own);
        }
    }
    if (!s.text && s.signed_ && (hinted || group >= 2 || known)) {
        /* An author and a date here, and the text in an element found as a
         * comment only by its class (div.new-comment): that text is this
         * comment's; the other such elements are its replies. */
        for (size_t i = mark; i < th->ni; i++)
            if (th->items[i].node != WN_NONE && th->items[i].weak) {
                th->items[i].node = WN_NONE;
                free(sub);
                nsub = th_outer_items(th, mark, &sub);
                if (th->failed || !th_own_pieces(th, &self, sub, nsub, own)) {
                    free(sub);
                    return;
                }
                s = th_summarize(th, own);
                break;
            }
    }
    free(sub);
    /* "暫無評論，快來搶沙發吧", "Become a member to start commenting": no
     * author, no date, only words about the thread. */
    if (!s.text || (!s.signed_ && s.notices))
        return;
    bool repeated = group >= 2 && s.meta;
    if (repeated || hinted || (known && s.meta)) {
        th_add_item(th, c, n->end, WN_NONE, hinted && !s.meta && !repeated);
        if (repeated && th->learning)
            th_learn_shape(th, shape);
    }
}

/* Siblings that repeat a cycle of 2 to 4 shapes (dt.comment-author,
 * dd.comment-body, dd.comment-footer, ...) with no comment of their own:
 * each cycle that holds text and an author or date is one comment. */
static void decide_runs(thread *th, const uint32_t *kids, const uint64_t *shapes, size_t n,
                        own_list *own)
{
    const wn_node *nodes = th->doc->nodes;
    for (size_t k = 2; k <= 4 && 2 * k <= n; k++) {
        size_t full = n - n % k;
        bool periodic = true;
        for (size_t i = k; i < full && periodic; i++)
            periodic = shapes[i] == shapes[i % k];
        for (size_t i = 1; i < k && periodic; i++)
            periodic = shapes[i] != shapes[0];
        if (!periodic)
            continue;
        for (size_t i = 0; i + k <= full; i += k) {
            citem run = {kids[i], nodes[kids[i + k - 1]].end, WN_NONE, false};
            if (!th_own_pieces(th, &run, NULL, 0, own))
                return;
            item_summary s = th_summarize(th, own);
            if (s.text && s.meta)
                th_add_item(th, run.node, run.end, WN_NONE, false);
        }
        return;
    }
}

/* A heading inside the thread that opens another section ("Related posts"). */
static bool opens_other_section(const thread *th, uint32_t c)
{
    const wn_node *n = &th->doc->nodes[c];
    if (!(n->flags & WN_NODE_BLOCK) || !n->all.chars || n->all.chars > 20)
        return false;
    char lead[96];
    size_t len = wn_leading_text(th->doc, c, lead, sizeof lead);
    wn_marker m = wn_marker_of_text(lead, len, n->all.chars);
    return m == WN_MARKER_RELATED;
}

/* Finds the comments among the children in [lo, hi). */
static void scan(thread *th, uint32_t lo, uint32_t hi, unsigned level, own_list *own)
{
    const wn_node *nodes = th->doc->nodes;
    if (level > THREAD_MAX_LEVEL || th->failed)
        return;
    /* The children with text, their shapes, and the shapes sorted to count repeats. */
    size_t nkids = 0;
    for (uint32_t c = lo; c < hi; c = nodes[c].end)
        if (nodes[c].kind == WN_NODE_ELEMENT && nodes[c].all.chars)
            nkids++;
    if (!nkids)
        return;
    uint64_t *shapes = malloc(nkids * 2 * sizeof *shapes);
    uint32_t *kids = malloc(nkids * sizeof *kids);
    if (!shapes || !kids) {
        free(shapes);
        free(kids);
        th->failed = true;
        return;
    }
    uint64_t *sorted = shapes + nkids;
    size_t k = 0;
    for (uint32_t c = lo; c < hi; c = nodes[c].end)
        if (nodes[c].kind == WN_NODE_ELEMENT && nodes[c].all.chars) {
            kids[k] = c;
            shapes[k] = sorted[k] = th_shape_hash(&nodes[c]);
            k++;
        }
    qsort(sorted, nkids, sizeof *sorted, cmp_u64);
    size_t first = th->ni;
    size_t scanned = 0; /* children before a section of something else */
    for (size_t i = 0; i < nkids && !th->failed; i++) {
        uint32_t c = kids[i];
        const wn_node *n = &nodes[c];
        if (opens_other_section(th, c))
            break; /* the rest is that section */
        scanned = i + 1;
        if ((n->hints & OTHER_CLUTTER) && !(n->hints & WN_HINT_COMMENTS))
            continue;
        size_t mark = th->ni;
        scan(th, c + 1, n->end, level + 1, own);
        if (!th_comment_container(n))
            continue;
        uint64_t shape = shapes[i];
        unsigned group = 0;
        size_t a = 0, b = nkids;
        while (a < b) {
            size_t m = (a + b) / 2;
            if (sorted[m] < shape)
                a = m + 1;
            else
                b = m;
        }
        while (a < nkids && sorted[a] == shape && group < 1000) {
            group++;
            a++;
        }
        decide(th, c, mark, group, own);
    }
    if (th->ni == first && scanned >= 4) {
        /* Runs are told apart one level down too (tr > td.plt, tr > td). */
        for (size_t i = 0; i < scanned; i++) {
            uint32_t c = kids[i];
            for (uint32_t x = c + 1; x < nodes[c].end; x = nodes[x].end)
                if (nodes[x].kind == WN_NODE_ELEMENT) {
                    shapes[i] = shapes[i] * 31u + th_shape_hash(&nodes[x]);
                    break;
                }
        }
        decide_runs(th, kids, shapes, scanned, own);
    }
    free(shapes);
    free(kids);
}


static bool holds_selected(const wn_doc *doc, uint32_t index, const uint32_t *selected_after)
{
    return selected_after[index] < doc->nodes[index].end;
}

/* Inside a sidebar or a widget that does not hold the article. */
static bool in_sidebar(const wn_doc *doc, uint32_t index, const uint32_t *selected_after)
{
    for (uint32_t a = index, k = 0; a != WN_NONE && k < 64; a = doc->nodes[a].parent, k++)
        if ((doc->nodes[a].hints & (WN_HINT_SIDEBAR | WN_HINT_WIDGET)) &&
            !holds_selected(doc, a, selected_after))
            return true;
    return false;
}

/* The section a comment heading outside the article opens: its highest
 * ancestor that starts with it and holds no article; lo and hi get the range
 * whose children to scan. */
static uint32_t heading_section(const wn_doc *doc, uint32_t h, const uint32_t *selected_after,
                                uint32_t *lo, uint32_t *hi)
{
    uint32_t best = h;
    for (uint32_t a = doc->nodes[h].parent, k = 0; a != WN_NONE && k < 16;
         a = doc->nodes[a].parent, k++) {
        const wn_node *an = &doc->nodes[a];
        if (an->tag == GUMBO_TAG_BODY || an->tag == GUMBO_TAG_HTML || holds_selected(doc, a, selected_after))
            break;
        bool first = true;
        for (uint32_t i = a + 1; i < h; i++)
            if (doc->nodes[i].kind == WN_NODE_TEXT && doc->nodes[i].all.chars) {
                first = false;
                break;
            }
        if (!first)
            break;
        best = a;
    }
    if (best != h) {
        *lo = best + 1;
        *hi = doc->nodes[best].end;
        return best;
    }
    /* The heading stands among other blocks: its following siblings. */
    uint32_t parent = doc->nodes[h].parent;
    *lo = doc->nodes[h].end;
    *hi = parent != WN_NONE ? doc->nodes[parent].end : doc->nodes[h].end;
    return h;
}

/* Whether the subtree at node is signed like a post: an author named by its
 * class, or a date and a leading name. */
static bool signed_post(thread *th, uint32_t node, own_list *own)
{
    citem self = {node, th->doc->nodes[node].end, WN_NONE, false};
    if (th->failed || !th_own_pieces(th, &self, NULL, 0, own))
        return false;
    bool date = false;
    for (size_t i = 0; i < own->count; i++) {
        if (own->list[i].kind == PK_AUTHOR)
            return true;
        date |= own->list[i].kind == PK_DATE;
    }
    size_t name = th_leading_name(th, own);
    return date && name != SIZE_MAX && own->list[name].kind != PK_HEAD;
}

/* A page's headline is not in a reply. */
static bool has_h1(const wn_doc *doc, uint32_t s)
{
    for (uint32_t i = s; i < doc->nodes[s].end; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && doc->nodes[i].tag == GUMBO_TAG_H1)
            return true;
    return false;
}

/* Whether the ancestors of d up to s have the shapes of those of top up to a. */
static bool same_path(const wn_doc *doc, uint32_t d, uint32_t s, uint32_t top, uint32_t a)
{
    while (d != s && top != a) {
        if (th_shape_hash(&doc->nodes[d]) != th_shape_hash(&doc->nodes[top]))
            return false;
        d = doc->nodes[d].parent;
        top = doc->nodes[top].parent;
    }
    return d == s && top == a;
}

/* The element of s at the place top has in a (the same child ordinals down
 * the path), or WN_NONE. */
static uint32_t place_in(const wn_doc *doc, uint32_t s, uint32_t top, uint32_t a)
{
    unsigned ord[16];
    size_t n = 0;
    for (uint32_t c = top; c != a; c = doc->nodes[c].parent) {
        uint32_t parent = doc->nodes[c].parent;
        if (parent == WN_NONE || n == 16)
            return WN_NONE;
        unsigned k = 0;
        for (uint32_t x = parent + 1; x < c; x = doc->nodes[x].end)
            k += doc->nodes[x].kind == WN_NODE_ELEMENT;
        ord[n++] = k;
    }
    uint32_t at = s;
    while (n) {
        unsigned want = ord[--n], k = 0;
        uint32_t found = WN_NONE;
        for (uint32_t x = at + 1; x < doc->nodes[at].end; x = doc->nodes[x].end)
            if (doc->nodes[x].kind == WN_NODE_ELEMENT && k++ == want) {
                found = x;
                break;
            }
        if (found == WN_NONE)
            return WN_NONE;
        at = found;
    }
    return at;
}

/* Marks the posts that repeat the article's container: for the lowest
 * ancestor A of the top candidate whose siblings share its shape, each such
 * sibling holding no article, with an element of the top candidate's shape at
 * the same depth below it, is a post whose text is that element. */
void th_find_posts(thread *th, const uint32_t *selected_after, own_list *own)
{
    const wn_doc *doc = th->doc;
    uint32_t top = WN_NONE;
    for (uint32_t i = 0; i < doc->count; i++)
        if ((doc->nodes[i].flags & WN_NODE_SELECTED) && doc->nodes[i].rule == WN_RULE_TOP) {
            top = i;
            break;
        }
    if (top == WN_NONE)
        return;
    bool named = false; /* some element from the top candidate up to a has a class or id */
    uint64_t top_shape = th_full_shape(&doc->nodes[top]);
    unsigned rel = 0;
    for (uint32_t a = top; rel < 12; rel++) {
        const wn_node *an = &doc->nodes[a];
        uint32_t parent = an->parent;
        if (parent == WN_NONE || an->tag == GUMBO_TAG_BODY || an->tag == GUMBO_TAG_HTML ||
            an->tag == GUMBO_TAG_MAIN)
            return;
        named |= th_has_name(an);
        uint64_t shape = th_shape_hash(an);
        bool found = false;
        int article_signed = -1; /* not yet known at this level */
        for (uint32_t s = parent + 1; s < doc->nodes[parent].end; s = doc->nodes[s].end) {
            const wn_node *sn = &doc->nodes[s];
            if (!named || s == a || sn->kind != WN_NODE_ELEMENT || th_shape_hash(sn) != shape ||
                (sn->hints & (OTHER_CLUTTER | WN_HINT_FOOTER | WN_HINT_HEADER)) ||
                holds_selected(doc, s, selected_after))
                continue;
            unsigned want = sn->depth + rel;
            /* The element at the same place in s, else the first of its shape
             * at its depth. */
            uint32_t same_place = place_in(doc, s, top, a);
            for (uint32_t d = s; d < sn->end; d++) {
                const wn_node *dn = &doc->nodes[d];
                if (same_place != WN_NONE)
                    d = same_place, dn = &doc->nodes[d];
                if (dn->kind == WN_NODE_ELEMENT && dn->depth == want && dn->all.chars &&
                    th_full_shape(dn) == top_shape && same_path(doc, d, s, top, a)) {
                    /* Posts are signed: the article's container and this one
                     * both carry an author or a date beside the text (the
                     * sections of one long article do not). */
                    if (has_h1(doc, s) || !signed_post(th, s, own))
                        break;
                    if (article_signed < 0)
                        article_signed = signed_post(th, a, own);
                    if (!article_signed)
                        break;
                    th->post_root[s] = d;
                    found = true;
                    break;
                }
                if (same_place != WN_NONE) {
                    same_place = WN_NONE;
                    d = s;
                }
            }
        }
        if (found)
            return;
        a = parent;
    }
}

/* Finds the comments of one region (children of [lo, hi)), or one post. */
void th_region_items(thread *th, uint32_t region, uint32_t lo, uint32_t hi, own_list *own)
{
    uint32_t root = th->post_root[region];
    size_t mark = th->ni;
    if (!root) {
        scan(th, lo, hi, 0, own);
    } else {
        /* A post: only the comment lists in it (answers have comments). */
        const wn_node *nodes = th->doc->nodes;
        for (uint32_t i = lo; i < hi && !th->failed; i++)
            if (nodes[i].kind == WN_NODE_ELEMENT && (nodes[i].hints & WN_HINT_COMMENTS) &&
                !(nodes[i].hints & OTHER_CLUTTER) && (i < root || i >= nodes[root].end)) {
                scan(th, i + 1, nodes[i].end, 0, own);
                i = nodes[i].end - 1;
            }
    }
    if (root) {
        citem *sub, self = {region, th->doc->nodes[region].end, root, false};
        size_t nsub = th_outer_items(th, mark, &sub);
        if (!th->failed && th_own_pieces(th, &self, sub, nsub, own)) {
            bool text = false;
            for (size_t i = 0; i < own->count; i++)
                if (own->list[i].kind == PK_TEXT && th->pieces[own->list[i].index].node >= root &&
                    th->pieces[own->list[i].index].node < th->doc->nodes[root].end)
                    text = true;
            if (text)
                th_add_item(th, region, self.end, root, false);
        }
        free(sub);
    }
}

static bool add_region(thread *th, region_span **list, size_t *n, size_t *cap, uint32_t node,
                       uint32_t lo, uint32_t hi)
{
    if (!wn_array_grow((void **)list, cap, *n, sizeof **list)) {
        th->failed = true;
        return false;
    }
    (*list)[*n].node = node;
    (*list)[*n].lo = lo;
    (*list)[*n].hi = hi;
    (*n)++;
    return true;
}

/* The regions of the thread, in document order, none inside another. */
size_t th_find_regions(thread *th, const uint32_t *selected_after, region_span **out)
{
    const wn_doc *doc = th->doc;
    region_span *list = NULL;
    size_t n = 0, cap = 0;
    uint32_t selected_end = 0;
    for (uint32_t i = 0; i < doc->count && !th->failed; i++) {
        const wn_node *nd = &doc->nodes[i];
        if (nd->kind != WN_NODE_ELEMENT || !nd->all.chars)
            continue;
        if (i < selected_end || (nd->flags & WN_NODE_SELECTED)) {
            /* The article: only what the scorer dropped as comments. */
            if (nd->flags & WN_NODE_PRUNED) {
                if (nd->label == WN_LABEL_COMMENTS)
                    add_region(th, &list, &n, &cap, i, i + 1, nd->end);
                i = nd->end - 1;
            } else if (i >= selected_end) {
                selected_end = nd->end;
            }
            continue;
        }
        uint32_t lo = i + 1, hi = nd->end, node = i;
        if (th->post_root[i]) {
            /* a post like the article's */
        } else if ((nd->hints & WN_HINT_COMMENTS) && !(nd->hints & OTHER_CLUTTER)) {
            if (holds_selected(doc, i, selected_after) || in_sidebar(doc, i, selected_after))
                continue;
        } else if ((nd->flags & WN_NODE_BLOCK) && wn_link_density(nd) <= 0.5f &&
                   !holds_selected(doc, i, selected_after)) {
            char lead[96];
            size_t len = wn_leading_text(doc, i, lead, sizeof lead);
            bool heading = nd->all.chars <= 20
                               ? wn_marker_of_text(lead, len, nd->all.chars) == WN_MARKER_COMMENTS ||
                                     th_comment_heading(lead, len)
                               : th_labelled_heading(lead, len);
            if (!heading || in_sidebar(doc, i, selected_after))
                continue;
            /* A labelled block holds its thread; a heading opens a section. */
            if (nd->all.chars <= 20)
                node = heading_section(doc, i, selected_after, &lo, &hi);
            /* Beside the article, only the siblings after it. */
            for (uint32_t s = lo; s < hi; s = doc->nodes[s].end)
                if (holds_selected(doc, s, selected_after))
                    lo = doc->nodes[s].end;
        } else {
            continue;
        }
        if (!add_region(th, &list, &n, &cap, node, lo, hi))
            break;
        uint32_t end = hi > doc->nodes[node].end ? hi : doc->nodes[node].end;
        if (end > i + 1)
            i = end - 1;
    }
    *out = list;
    return n;
}

