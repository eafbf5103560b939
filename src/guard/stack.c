/* The guard's model of tree construction, part 1: the machinery the
 * insertion modes share. Element classes and scopes, the stack of open
 * elements with each element's tree level, the list of active formatting
 * elements (Noah's ark, reconstruction), the adoption agency algorithm in
 * Gumbo 0.10.1's form, and the dry runs that check its moves near the depth
 * limit. */
#include "guard/tree_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- element classes ---- */
int wn_gt_is_formatting(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT: case GUMBO_TAG_U:
        return 1;
    default:
        return 0;
    }
}
/* HTML's "special" category, as Gumbo 0.10 has it. */
int wn_gt_is_special(const wn_gt_node *n)
{
    if (n->ns == WN_NS_MATH)
        return n->tag == GUMBO_TAG_MI || n->tag == GUMBO_TAG_MO || n->tag == GUMBO_TAG_MN ||
               n->tag == GUMBO_TAG_MS || n->tag == GUMBO_TAG_MTEXT ||
               n->tag == GUMBO_TAG_ANNOTATION_XML;
    if (n->ns == WN_NS_SVG) /* SVG's <title> is not special in Gumbo */
        return n->tag == GUMBO_TAG_FOREIGNOBJECT || n->tag == GUMBO_TAG_DESC;
    switch (n->tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_APPLET: case GUMBO_TAG_AREA: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_MENUITEM: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_ISINDEX: case GUMBO_TAG_LI:
    case GUMBO_TAG_LINK: case GUMBO_TAG_LISTING: case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_MENU: case GUMBO_TAG_META: case GUMBO_TAG_NAV: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PARAM: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SECTION: case GUMBO_TAG_SELECT: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_STYLE: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_UL: case GUMBO_TAG_WBR: case GUMBO_TAG_XMP:
    case GUMBO_TAG_KEYGEN:
        return 1;
    default:
        return 0;
    }
}
/* "Generate implied end tags" pops these. */
static int is_implied_end(const wn_gt_node *n)
{
    if (n->ns != WN_NS_HTML)
        return 0;
    switch (n->tag) {
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_P: case GUMBO_TAG_RB: case GUMBO_TAG_RP:
    case GUMBO_TAG_RT: case GUMBO_TAG_RTC:
        return 1;
    default:
        return 0;
    }
}
int wn_gt_is_html(const wn_gt_node *n, GumboTag tag)
{
    return n->ns == WN_NS_HTML && n->tag == tag;
}
int wn_gt_is_heading(const wn_gt_node *n)
{
    return n->ns == WN_NS_HTML && n->tag >= GUMBO_TAG_H1 && n->tag <= GUMBO_TAG_H6;
}
int wn_gt_is_mathml_text_ip(const wn_gt_node *n)
{
    return n->ns == WN_NS_MATH &&
           (n->tag == GUMBO_TAG_MI || n->tag == GUMBO_TAG_MO || n->tag == GUMBO_TAG_MN ||
            n->tag == GUMBO_TAG_MS || n->tag == GUMBO_TAG_MTEXT);
}
int wn_gt_is_scope_boundary(const wn_gt_node *n, int kind)
{
    if (kind == SC_TABLE)
        return wn_gt_is_html(n, GUMBO_TAG_TABLE) || wn_gt_is_html(n, GUMBO_TAG_TEMPLATE) ||
               wn_gt_is_html(n, GUMBO_TAG_HTML);
    if (kind == SC_SELECT)
        return !wn_gt_is_html(n, GUMBO_TAG_OPTGROUP) && !wn_gt_is_html(n, GUMBO_TAG_OPTION);
    if (n->ns == WN_NS_MATH)
        return wn_gt_is_mathml_text_ip(n) || n->tag == GUMBO_TAG_ANNOTATION_XML;
    if (n->ns == WN_NS_SVG)
        return n->tag == GUMBO_TAG_FOREIGNOBJECT || n->tag == GUMBO_TAG_DESC ||
               n->tag == GUMBO_TAG_TITLE;
    switch (n->tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_TEMPLATE:
        return 1;
    case GUMBO_TAG_OL: case GUMBO_TAG_UL:
        return kind == SC_LIST;
    case GUMBO_TAG_BUTTON:
        return kind == SC_BUTTON;
    default:
        return 0;
    }
}
/* Index of the topmost HTML `tag` in the given scope, or -1. */
long wn_gt_in_scope(const wn_gt *t, GumboTag tag, int kind)
{
    for (size_t i = t->depth; i-- > 0;) {
        const wn_gt_node *n = &t->stack[i];
        if (wn_gt_is_html(n, tag))
            return (long)i;
        if (wn_gt_is_scope_boundary(n, kind))
            return -1;
    }
    return -1;
}
int wn_gt_heading_in_scope(const wn_gt *t)
{
    for (size_t i = t->depth; i-- > 0;) {
        if (wn_gt_is_heading(&t->stack[i]))
            return 1;
        if (wn_gt_is_scope_boundary(&t->stack[i], SC_DEFAULT))
            return 0;
    }
    return 0;
}
/* ---- the stack ---- */
static uint8_t base_mode(const wn_gt *t)
{
    return t->frameset ? M_FRAMESET : M_BODY;
}
uint8_t wn_gt_current_mode(const wn_gt *t)
{
    return t->depth ? t->stack[t->depth - 1].mode : base_mode(t);
}
static void set_mode(wn_gt *t, size_t i)
{
    wn_gt_node *n = &t->stack[i];
    uint8_t mode = i ? t->stack[i - 1].mode : base_mode(t);
    if (n->ns == WN_NS_HTML) {
        switch (n->tag) {
        case GUMBO_TAG_SELECT:
            mode = (n->flags & NF_SELECT_IN_TABLE) ? M_SELECT_IN_TABLE : M_SELECT;
            break;
        case GUMBO_TAG_TD: case GUMBO_TAG_TH: mode = M_CELL; break;
        case GUMBO_TAG_TR: mode = M_ROW; break;
        case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: mode = M_TBODY; break;
        case GUMBO_TAG_CAPTION: mode = M_CAPTION; break;
        case GUMBO_TAG_COLGROUP: mode = M_COLGROUP; break;
        case GUMBO_TAG_TABLE: mode = M_TABLE; break;
        case GUMBO_TAG_FRAMESET: mode = M_FRAMESET; break;
        default: break;
        }
    }
    n->mode = mode;
}
int wn_gt_push(wn_gt *t, GumboTag tag, uint8_t ns, uint32_t name, uint8_t flags)
{
    if (t->depth == t->stack_cap) {
        size_t cap = t->stack_cap ? t->stack_cap * 2 : 64;
        wn_gt_node *grown = realloc(t->stack, cap * sizeof *grown);
        if (!grown) {
            t->oom = 1;
            return 0;
        }
        t->stack = grown;
        t->stack_cap = cap;
    }
    t->text_pending = 0; /* Gumbo flushes its text buffer first */
    wn_gt_node *n = &t->stack[t->depth];
    n->id = ++t->next_id;
    n->tag = (uint16_t)tag;
    n->ns = ns;
    n->name = name;
    n->flags = flags;
    n->level = t->depth ? t->stack[t->depth - 1].level + 1 : 1;
    n->deepest = n->level;
    if (n->level > t->deepest)
        t->deepest = n->level;
    set_mode(t, t->depth);
    t->depth++;
    t->elements++;
    return 1;
}
unsigned wn_gt_top_level(const wn_gt *t)
{
    return t->depth ? t->stack[t->depth - 1].level : 0;
}
static long afe_index_of(const wn_gt *t, uint32_t id)
{
    for (size_t k = t->afe_len; k-- > 0;)
        if (t->afe[k].id == id)
            return (long)k;
    return -1;
}
long wn_gt_stack_index_of(const wn_gt *t, uint32_t id)
{
    for (size_t i = t->depth; i-- > 0;)
        if (t->stack[i].id == id)
            return (long)i;
    return -1;
}
/* Bookkeeping for a node leaving the stack. */
static void leaving_stack(wn_gt *t, const wn_gt_node *n)
{
    if (n->flags & NF_KEEPS_SPACE)
        t->keeping_space--;
    if (!(n->flags & NF_IN_AFE))
        return;
    long k = afe_index_of(t, n->id);
    if (k >= 0 && t->afe[k].open) {
        t->afe[k].open = 0;
        t->unopened++;
    }
}
/* A closed element's subtree stays in the tree: its depth is carried to
 * the open element below it, which the adoption agency may still move. */
static void carry_depth(wn_gt *t, size_t below, const wn_gt_node *n)
{
    if (t->stack[below].deepest < n->deepest)
        t->stack[below].deepest = n->deepest;
}
void wn_gt_pop(wn_gt *t)
{
    if (!t->depth)
        return;
    t->text_pending = 0; /* Gumbo flushes its text buffer first */
    leaving_stack(t, &t->stack[t->depth - 1]);
    t->depth--;
    if (t->depth)
        carry_depth(t, t->depth - 1, &t->stack[t->depth]);
}
void wn_gt_remove_at(wn_gt *t, size_t i)
{
    leaving_stack(t, &t->stack[i]);
    if (i)
        carry_depth(t, i - 1, &t->stack[i]);
    memmove(&t->stack[i], &t->stack[i + 1], (t->depth - i - 1) * sizeof *t->stack);
    t->depth--;
    for (size_t j = i; j < t->depth; j++)
        set_mode(t, j);
}
/* Pops until an HTML `tag` has been popped. */
void wn_gt_pop_until(wn_gt *t, GumboTag tag)
{
    while (t->depth) {
        int found = wn_gt_is_html(&t->stack[t->depth - 1], tag);
        wn_gt_pop(t);
        if (found)
            return;
    }
}
void wn_gt_generate_implied_end_tags(wn_gt *t, GumboTag except)
{
    while (t->depth) {
        const wn_gt_node *n = &t->stack[t->depth - 1];
        if (!is_implied_end(n) || n->tag == except)
            return;
        wn_gt_pop(t);
    }
}
void wn_gt_implicitly_close(wn_gt *t, GumboTag tag)
{
    wn_gt_generate_implied_end_tags(t, tag);
    wn_gt_pop_until(t, tag);
}
void wn_gt_close_p(wn_gt *t)
{
    if (wn_gt_in_scope(t, GUMBO_TAG_P, SC_BUTTON) >= 0)
        wn_gt_implicitly_close(t, GUMBO_TAG_P);
}
/* ---- the list of active formatting elements ---- */
static int afe_grow(wn_gt *t)
{
    if (t->afe_len < t->afe_cap)
        return 1;
    size_t cap = t->afe_cap ? t->afe_cap * 2 : 16;
    wn_gt_entry *grown = realloc(t->afe, cap * sizeof *grown);
    if (!grown) {
        t->oom = 1;
        return 0;
    }
    t->afe = grown;
    t->afe_cap = cap;
    return 1;
}
void wn_gt_afe_remove(wn_gt *t, size_t k)
{
    wn_gt_entry *e = &t->afe[k];
    if (e->id) {
        if (e->open) {
            long i = wn_gt_stack_index_of(t, e->id);
            if (i >= 0)
                t->stack[i].flags &= (uint8_t)~NF_IN_AFE;
        } else {
            t->unopened--;
        }
    }
    memmove(&t->afe[k], &t->afe[k + 1], (t->afe_len - k - 1) * sizeof *t->afe);
    t->afe_len--;
}
void wn_gt_afe_marker(wn_gt *t)
{
    if (!afe_grow(t))
        return;
    memset(&t->afe[t->afe_len++], 0, sizeof *t->afe);
}
void wn_gt_afe_clear_to_marker(wn_gt *t)
{
    while (t->afe_len) {
        int marker = t->afe[t->afe_len - 1].id == 0;
        wn_gt_afe_remove(t, t->afe_len - 1);
        if (marker)
            return;
    }
}
/* Entries after the last marker, and their weight. */
size_t wn_gt_afe_active(const wn_gt *t, size_t *weight)
{
    size_t n = 0;
    *weight = 0;
    for (size_t k = t->afe_len; k-- > 0 && t->afe[k].id;) {
        n++;
        *weight += t->afe[k].weight;
    }
    return n;
}
/* Adds the current node, a formatting element just pushed, with the Noah's
 * ark clause: a fourth identical element (same tag and attributes) after
 * the last marker removes the earliest. */
unsigned wn_gt_weight(const wn_gt_tag *g)
{
    size_t w = 1 + (size_t)g->attribute_count + g->attribute_bytes / WN_GT_WEIGHT_BYTES;
    return w < 1000 ? (unsigned)w : 1000;
}

void wn_gt_afe_add(wn_gt *t, const wn_gt_tag *g)
{
    if (!afe_grow(t))
        return;
    wn_gt_node *n = &t->stack[t->depth - 1];
    size_t same = 0, earliest = 0;
    for (size_t k = t->afe_len; k-- > 0 && t->afe[k].id;) {
        if (t->afe[k].tag == n->tag && t->afe[k].attributes == g->attributes) {
            same++;
            earliest = k;
        }
    }
    if (same >= 3)
        wn_gt_afe_remove(t, earliest);
    wn_gt_entry *e = &t->afe[t->afe_len++];
    e->id = n->id;
    e->tag = n->tag;
    e->open = 1;
    e->attributes = g->attributes;
    e->weight = (uint16_t)wn_gt_weight(g);
    e->name = n->name;
    n->flags |= NF_IN_AFE;
}
/* "Reconstruct the active formatting elements": each entry after the last
 * open one (or marker) is cloned onto the stack. */
void wn_gt_reconstruct(wn_gt *t)
{
    if (!t->afe_len)
        return;
    size_t i = t->afe_len - 1;
    if (!t->afe[i].id || t->afe[i].open)
        return;
    while (i > 0 && t->afe[i - 1].id && !t->afe[i - 1].open)
        i--;
    for (; i < t->afe_len; i++) {
        wn_gt_entry *e = &t->afe[i];
        if (!wn_gt_push(t, (GumboTag)e->tag, WN_NS_HTML, e->name, NF_IN_AFE))
            return;
        e->id = t->stack[t->depth - 1].id;
        e->open = 1;
        t->unopened--;
    }
}
/* A token other than text reaches the HTML rules. In Gumbo's "in table
 * text" mode, text held back re-creates the formatting elements first when
 * it is more than spaces; any push or pop before then (foreign content's)
 * has flushed it without them. */
void wn_gt_html_token(wn_gt *t)
{
    if (!t->table_text)
        return;
    if (t->text_pending)
        wn_gt_reconstruct(t);
    t->table_text = t->text_pending = 0;
}
/* The adoption agency algorithm (the standard's form, as Gumbo 0.10 runs
 * it): at most eight rounds; each moves the formatting element below the
 * furthest block, cloning the formatting elements between them and dropping
 * the others from the stack; past the third, formatting elements leave the
 * list but, in Gumbo, stay on the stack. */
void wn_gt_adoption_agency(wn_gt *t, GumboTag subject)
{
    if (t->depth) {
        wn_gt_node *top = &t->stack[t->depth - 1];
        if (wn_gt_is_html(top, subject) && !(top->flags & NF_IN_AFE)) {
            wn_gt_pop(t);
            return;
        }
    }
    for (int round = 0; round < 8; round++) {
        long fk = -1;
        for (size_t k = t->afe_len; k-- > 0 && t->afe[k].id;)
            if (t->afe[k].tag == subject) {
                fk = (long)k;
                break;
            }
        if (fk < 0)
            return; /* Gumbo does not go on as for any other end tag */
        uint32_t fid = t->afe[fk].id;
        long fi = t->afe[fk].open ? wn_gt_stack_index_of(t, fid) : -1;
        if (fi < 0) {
            wn_gt_afe_remove(t, (size_t)fk);
            return;
        }
        if (wn_gt_in_scope(t, subject, SC_DEFAULT) < 0)
            return;
        long furthest = -1;
        for (size_t j = (size_t)fi + 1; j < t->depth; j++)
            if (wn_gt_is_special(&t->stack[j])) {
                furthest = (long)j;
                break;
            }
        if (furthest < 0) {
            while (t->depth > (size_t)fi)
                wn_gt_pop(t);
            long k = afe_index_of(t, fid);
            if (k >= 0)
                wn_gt_afe_remove(t, (size_t)k);
            return;
        }
        uint32_t furthest_id = t->stack[furthest].id;
        uint32_t furthest_level = t->stack[furthest].level;
        uint32_t ancestor_level = fi > 0 ? t->stack[fi - 1].level : 0;
        unsigned clones = 0;
        long bookmark = fk;
        uint32_t node_id = furthest_id;
        int last_is_furthest = 1;
        long saved = furthest;
        for (int inner = 1;; inner++) {
            long idx = wn_gt_stack_index_of(t, node_id);
            if (idx < 0)
                idx = saved;
            saved = --idx;
            if (idx < 0)
                break;
            wn_gt_node *node = &t->stack[idx];
            node_id = node->id;
            if (node->id == fid)
                break;
            if (inner > 3 && (node->flags & NF_IN_AFE)) {
                /* Gumbo takes it off the list and leaves it on the stack. */
                long k = afe_index_of(t, node->id);
                if (k >= 0) {
                    wn_gt_afe_remove(t, (size_t)k);
                    if (k < bookmark)
                        bookmark--;
                }
                continue;
            }
            if (!(node->flags & NF_IN_AFE)) {
                wn_gt_remove_at(t, (size_t)idx);
                continue;
            }
            long k = afe_index_of(t, node->id);
            node->id = ++t->next_id; /* a clone takes its place */
            t->elements++;
            clones++;
            node_id = node->id;
            if (k >= 0) {
                t->afe[k].id = node->id;
                if (last_is_furthest)
                    bookmark = k + 1;
            }
            last_is_furthest = 0;
        }
        /* The formatting element is cloned under the furthest block; the
         * clone replaces it on the list (at the bookmark) and on the stack
         * (just above the furthest block). */
        long k = afe_index_of(t, fid);
        if (k < 0)
            return;
        wn_gt_entry entry = t->afe[k];
        memmove(&t->afe[k], &t->afe[k + 1], (t->afe_len - (size_t)k - 1) * sizeof *t->afe);
        t->afe_len--;
        if (k < bookmark)
            bookmark--;
        if (bookmark > (long)t->afe_len)
            bookmark = (long)t->afe_len;
        if (bookmark < 0)
            bookmark = 0;
        entry.id = ++t->next_id;
        entry.open = 1;
        t->elements++;
        memmove(&t->afe[bookmark + 1], &t->afe[bookmark],
                (t->afe_len - (size_t)bookmark) * sizeof *t->afe);
        t->afe[bookmark] = entry;
        t->afe_len++;
        long si = wn_gt_stack_index_of(t, fid);
        if (si < 0)
            return;
        if (t->stack[si].flags & NF_KEEPS_SPACE)
            t->keeping_space--;
        memmove(&t->stack[si], &t->stack[si + 1], (t->depth - (size_t)si - 1) * sizeof *t->stack);
        t->depth--;
        long at = wn_gt_stack_index_of(t, furthest_id) + 1;
        /* The furthest block now hangs from the common ancestor through the
         * clones, and its children (the open ones: the stack above it) move
         * one level down, under the formatting element's clone. */
        uint32_t new_level = ancestor_level + clones + 1;
        for (size_t j = (size_t)at - 1; j < t->depth; j++) {
            wn_gt_node *m = &t->stack[j];
            uint32_t add = new_level + (j >= (size_t)at ? 1 : 0);
            m->level = m->level + add > furthest_level ? m->level + add - furthest_level : 1;
            /* The furthest block's closed children move down one level too. */
            uint32_t d = m->deepest + new_level + 1;
            d = d > furthest_level ? d - furthest_level : 1;
            m->deepest = d > m->level ? d : m->level;
            if (m->deepest > t->deepest)
                t->deepest = m->deepest;
        }
        /* The stack has room: one entry was just removed. */
        memmove(&t->stack[at + 1], &t->stack[at], (t->depth - (size_t)at) * sizeof *t->stack);
        wn_gt_node *n = &t->stack[at];
        n->id = entry.id;
        n->tag = entry.tag;
        n->ns = WN_NS_HTML;
        n->name = entry.name;
        n->flags = NF_IN_AFE;
        n->level = t->stack[at - 1].level + 1;
        n->deepest = n->level;
        t->depth++;
        for (size_t j = si < at ? (size_t)si : (size_t)at; j < t->depth; j++)
            set_mode(t, j);
    }
}
/* ---- dry runs: the adoption agency may deepen subtrees ---- */
int wn_gt_copy_model(wn_gt *dst, const wn_gt *src)
{
    *dst = *src;
    dst->stack = malloc((src->stack_cap ? src->stack_cap : 1) * sizeof *dst->stack);
    dst->afe = malloc((src->afe_cap ? src->afe_cap : 1) * sizeof *dst->afe);
    if (!dst->stack || !dst->afe) {
        free(dst->stack);
        free(dst->afe);
        return 0;
    }
    if (src->depth)
        memcpy(dst->stack, src->stack, src->depth * sizeof *dst->stack);
    if (src->afe_len)
        memcpy(dst->afe, src->afe, src->afe_len * sizeof *dst->afe);
    return 1;
}
/* Each round of the adoption agency moves a subtree down by at most a few
 * levels (three clones and the formatting element): while the deepest
 * subtree on the stack is that far from the limit, no dry run is needed. */
int wn_gt_may_pass_limit(const wn_gt *t)
{
    uint32_t deepest = 0;
    for (size_t i = 0; i < t->depth; i++)
        if (t->stack[i].deepest > deepest)
            deepest = t->stack[i].deepest;
    return deepest + 8 * 5 > t->max_depth;
}
/* ---- end tags that pop ---- */
void wn_gt_any_other_end_tag(wn_gt *t, GumboTag tag)
{
    for (size_t i = t->depth; i-- > 0;) {
        const wn_gt_node *n = &t->stack[i];
        if (wn_gt_is_html(n, tag)) {
            wn_gt_generate_implied_end_tags(t, tag);
            while (t->depth > i)
                wn_gt_pop(t);
            return;
        }
        if (wn_gt_is_special(n))
            return;
    }
}
