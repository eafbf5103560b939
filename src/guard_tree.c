#include "guard_tree.h"

#include <stdlib.h>
#include <string.h>

/* Insertion modes, as far as they decide what a token does to the stack.
 * The mode is read off the stack of open elements (HTML's "reset the
 * insertion mode appropriately"), cached on each node. */
enum {
    M_BODY, M_TABLE, M_TBODY, M_ROW, M_CELL, M_CAPTION, M_COLGROUP,
    M_SELECT, M_SELECT_IN_TABLE, M_FRAMESET
};

enum {
    NF_IN_AFE = 1,          /* on the list of active formatting elements */
    NF_HTML_IP = 2,         /* an HTML integration point (svg foreignObject, ...) */
    NF_SELECT_IN_TABLE = 4  /* a <select> opened in a table mode */
};

#define REPROCESS (-1)

/* ---- element classes ---- */

static int is_formatting(GumboTag tag)
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
static int is_special(const wn_gt_node *n)
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

static int is_html(const wn_gt_node *n, GumboTag tag)
{
    return n->ns == WN_NS_HTML && n->tag == tag;
}

static int is_heading(const wn_gt_node *n)
{
    return n->ns == WN_NS_HTML && n->tag >= GUMBO_TAG_H1 && n->tag <= GUMBO_TAG_H6;
}

static int is_mathml_text_ip(const wn_gt_node *n)
{
    return n->ns == WN_NS_MATH &&
           (n->tag == GUMBO_TAG_MI || n->tag == GUMBO_TAG_MO || n->tag == GUMBO_TAG_MN ||
            n->tag == GUMBO_TAG_MS || n->tag == GUMBO_TAG_MTEXT);
}

enum { SC_DEFAULT, SC_LIST, SC_BUTTON, SC_TABLE, SC_SELECT };

static int is_scope_boundary(const wn_gt_node *n, int kind)
{
    if (kind == SC_TABLE)
        return is_html(n, GUMBO_TAG_TABLE) || is_html(n, GUMBO_TAG_TEMPLATE) ||
               is_html(n, GUMBO_TAG_HTML);
    if (kind == SC_SELECT)
        return !is_html(n, GUMBO_TAG_OPTGROUP) && !is_html(n, GUMBO_TAG_OPTION);
    if (n->ns == WN_NS_MATH)
        return is_mathml_text_ip(n) || n->tag == GUMBO_TAG_ANNOTATION_XML;
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
static long in_scope(const wn_gt *t, GumboTag tag, int kind)
{
    for (size_t i = t->depth; i-- > 0;) {
        const wn_gt_node *n = &t->stack[i];
        if (is_html(n, tag))
            return (long)i;
        if (is_scope_boundary(n, kind))
            return -1;
    }
    return -1;
}

static int heading_in_scope(const wn_gt *t)
{
    for (size_t i = t->depth; i-- > 0;) {
        if (is_heading(&t->stack[i]))
            return 1;
        if (is_scope_boundary(&t->stack[i], SC_DEFAULT))
            return 0;
    }
    return 0;
}

/* ---- the stack ---- */

static uint8_t base_mode(const wn_gt *t)
{
    return t->frameset ? M_FRAMESET : M_BODY;
}

static uint8_t current_mode(const wn_gt *t)
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

static int push(wn_gt *t, GumboTag tag, uint8_t ns, uint32_t name, uint8_t flags)
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

static unsigned top_level(const wn_gt *t)
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

static long stack_index_of(const wn_gt *t, uint32_t id)
{
    for (size_t i = t->depth; i-- > 0;)
        if (t->stack[i].id == id)
            return (long)i;
    return -1;
}

/* Bookkeeping for a node leaving the stack. */
static void leaving_stack(wn_gt *t, const wn_gt_node *n)
{
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

static void pop(wn_gt *t)
{
    if (!t->depth)
        return;
    t->text_pending = 0; /* Gumbo flushes its text buffer first */
    leaving_stack(t, &t->stack[t->depth - 1]);
    t->depth--;
    if (t->depth)
        carry_depth(t, t->depth - 1, &t->stack[t->depth]);
}

static void remove_at(wn_gt *t, size_t i)
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
static void pop_until(wn_gt *t, GumboTag tag)
{
    while (t->depth) {
        int found = is_html(&t->stack[t->depth - 1], tag);
        pop(t);
        if (found)
            return;
    }
}

static void generate_implied_end_tags(wn_gt *t, GumboTag except)
{
    while (t->depth) {
        const wn_gt_node *n = &t->stack[t->depth - 1];
        if (!is_implied_end(n) || n->tag == except)
            return;
        pop(t);
    }
}

static void implicitly_close(wn_gt *t, GumboTag tag)
{
    generate_implied_end_tags(t, tag);
    pop_until(t, tag);
}

static void close_p(wn_gt *t)
{
    if (in_scope(t, GUMBO_TAG_P, SC_BUTTON) >= 0)
        implicitly_close(t, GUMBO_TAG_P);
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

static void afe_remove(wn_gt *t, size_t k)
{
    wn_gt_entry *e = &t->afe[k];
    if (e->id) {
        if (e->open) {
            long i = stack_index_of(t, e->id);
            if (i >= 0)
                t->stack[i].flags &= (uint8_t)~NF_IN_AFE;
        } else {
            t->unopened--;
        }
    }
    memmove(&t->afe[k], &t->afe[k + 1], (t->afe_len - k - 1) * sizeof *t->afe);
    t->afe_len--;
}

static void afe_marker(wn_gt *t)
{
    if (!afe_grow(t))
        return;
    memset(&t->afe[t->afe_len++], 0, sizeof *t->afe);
}

static void afe_clear_to_marker(wn_gt *t)
{
    while (t->afe_len) {
        int marker = t->afe[t->afe_len - 1].id == 0;
        afe_remove(t, t->afe_len - 1);
        if (marker)
            return;
    }
}

/* Entries after the last marker, and their weight. */
static size_t afe_active(const wn_gt *t, size_t *weight)
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
static void afe_add(wn_gt *t, const wn_gt_tag *g)
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
        afe_remove(t, earliest);
    wn_gt_entry *e = &t->afe[t->afe_len++];
    e->id = n->id;
    e->tag = n->tag;
    e->open = 1;
    e->attributes = g->attributes;
    e->weight = (uint16_t)(1 + (g->attribute_count < 1000 ? g->attribute_count : 1000));
    e->name = n->name;
    n->flags |= NF_IN_AFE;
}

/* "Reconstruct the active formatting elements": each entry after the last
 * open one (or marker) is cloned onto the stack. */
static void reconstruct(wn_gt *t)
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
        if (!push(t, (GumboTag)e->tag, WN_NS_HTML, e->name, NF_IN_AFE))
            return;
        e->id = t->stack[t->depth - 1].id;
        e->open = 1;
        t->unopened--;
    }
}

static void any_other_end_tag(wn_gt *t, GumboTag tag);

/* A token other than text reaches the HTML rules. In Gumbo's "in table
 * text" mode, text held back re-creates the formatting elements first when
 * it is more than spaces; any push or pop before then (foreign content's)
 * has flushed it without them. */
static void html_token(wn_gt *t)
{
    if (!t->table_text)
        return;
    if (t->text_pending)
        reconstruct(t);
    t->table_text = t->text_pending = 0;
}

/* The adoption agency algorithm (the standard's form, as Gumbo 0.10 runs
 * it): at most eight rounds; each moves the formatting element below the
 * furthest block, cloning the formatting elements between them and dropping
 * the others from the stack; past the third, formatting elements leave the
 * list but, in Gumbo, stay on the stack. */
static void adoption_agency(wn_gt *t, GumboTag subject)
{
    if (t->depth) {
        wn_gt_node *top = &t->stack[t->depth - 1];
        if (is_html(top, subject) && !(top->flags & NF_IN_AFE)) {
            pop(t);
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
        long fi = t->afe[fk].open ? stack_index_of(t, fid) : -1;
        if (fi < 0) {
            afe_remove(t, (size_t)fk);
            return;
        }
        if (in_scope(t, subject, SC_DEFAULT) < 0)
            return;
        long furthest = -1;
        for (size_t j = (size_t)fi + 1; j < t->depth; j++)
            if (is_special(&t->stack[j])) {
                furthest = (long)j;
                break;
            }
        if (furthest < 0) {
            while (t->depth > (size_t)fi)
                pop(t);
            long k = afe_index_of(t, fid);
            if (k >= 0)
                afe_remove(t, (size_t)k);
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
            long idx = stack_index_of(t, node_id);
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
                    afe_remove(t, (size_t)k);
                    if (k < bookmark)
                        bookmark--;
                }
                continue;
            }
            if (!(node->flags & NF_IN_AFE)) {
                remove_at(t, (size_t)idx);
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
        long si = stack_index_of(t, fid);
        if (si < 0)
            return;
        memmove(&t->stack[si], &t->stack[si + 1], (t->depth - (size_t)si - 1) * sizeof *t->stack);
        t->depth--;
        long at = stack_index_of(t, furthest_id) + 1;
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

/* ---- start tags ---- */

static void close_select(wn_gt *t)
{
    pop_until(t, GUMBO_TAG_SELECT);
}

static void clear_to_context(wn_gt *t, GumboTag a, GumboTag b, GumboTag c)
{
    while (t->depth) {
        const wn_gt_node *n = &t->stack[t->depth - 1];
        if (n->ns == WN_NS_HTML && (n->tag == a || n->tag == b || n->tag == c ||
                                    n->tag == GUMBO_TAG_TEMPLATE))
            return;
        pop(t);
    }
}

static void close_cell(wn_gt *t)
{
    GumboTag cell = in_scope(t, GUMBO_TAG_TD, SC_TABLE) >= 0 ? GUMBO_TAG_TD : GUMBO_TAG_TH;
    generate_implied_end_tags(t, GUMBO_TAG_LAST);
    pop_until(t, cell);
    afe_clear_to_marker(t);
}

static void close_list_item(wn_gt *t, int is_li)
{
    for (size_t i = t->depth; i-- > 0;) {
        const wn_gt_node *n = &t->stack[i];
        if (is_li ? is_html(n, GUMBO_TAG_LI)
                  : (is_html(n, GUMBO_TAG_DD) || is_html(n, GUMBO_TAG_DT))) {
            implicitly_close(t, (GumboTag)n->tag);
            return;
        }
        if (is_special(n) && !is_html(n, GUMBO_TAG_ADDRESS) && !is_html(n, GUMBO_TAG_DIV) &&
            !is_html(n, GUMBO_TAG_P))
            return;
    }
}

static int push_void(wn_gt *t, GumboTag tag)
{
    if (push(t, tag, WN_NS_HTML, 0, 0))
        pop(t);
    return WN_GT_DATA;
}

static int start_in_body(wn_gt *t, const wn_gt_tag *g, uint8_t mode)
{
    GumboTag tag = g->tag;
    switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
        return WN_GT_DATA; /* merged or ignored */
    case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
        return push_void(t, tag);
    case GUMBO_TAG_TITLE:
        t->elements++;
        return WN_GT_RCDATA;
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_STYLE:
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_SCRIPT:
        t->elements++;
        return WN_GT_SCRIPT;
    case GUMBO_TAG_NOSCRIPT:
        if (!t->body_started && !t->head_closed && !t->depth) {
            t->elements++;
            return WN_GT_DATA; /* in the head: closed by whatever is not head content */
        }
        reconstruct(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_FRAMESET:
        /* Before the body, or in a body whose frameset-ok flag is still
         * set, a frameset replaces it. */
        if (t->frameset || (t->body_started && t->content_seen))
            return WN_GT_DATA;
        while (t->depth)
            pop(t);
        while (t->afe_len)
            afe_remove(t, t->afe_len - 1);
        t->frameset = 1;
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
        close_p(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        close_p(t);
        if (t->depth && is_heading(&t->stack[t->depth - 1]))
            pop(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_FORM:
        if (t->form_open)
            return WN_GT_DATA;
        close_p(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        t->form_open = 1;
        t->form_id = t->stack[t->depth - 1].id;
        return WN_GT_DATA;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        close_list_item(t, tag == GUMBO_TAG_LI);
        close_p(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_PLAINTEXT:
        close_p(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_PLAINTEXT;
    case GUMBO_TAG_BUTTON:
        if (in_scope(t, GUMBO_TAG_BUTTON, SC_DEFAULT) >= 0) {
            implicitly_close(t, GUMBO_TAG_BUTTON);
            return REPROCESS;
        }
        reconstruct(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_A: {
        for (size_t k = t->afe_len; k-- > 0 && t->afe[k].id;) {
            if (t->afe[k].tag != GUMBO_TAG_A)
                continue;
            adoption_agency(t, GUMBO_TAG_A);
            for (size_t j = t->afe_len; j-- > 0 && t->afe[j].id;) {
                if (t->afe[j].tag == GUMBO_TAG_A) {
                    uint32_t id = t->afe[j].id;
                    int open = t->afe[j].open;
                    afe_remove(t, j);
                    long i = open ? stack_index_of(t, id) : -1;
                    if (i >= 0)
                        remove_at(t, (size_t)i);
                    break;
                }
            }
            break;
        }
        reconstruct(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        afe_add(t, g);
        return WN_GT_DATA;
    }
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        reconstruct(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        afe_add(t, g);
        return WN_GT_DATA;
    case GUMBO_TAG_NOBR:
        reconstruct(t);
        if (in_scope(t, GUMBO_TAG_NOBR, SC_DEFAULT) >= 0) {
            adoption_agency(t, GUMBO_TAG_NOBR);
            reconstruct(t);
        }
        push(t, tag, WN_NS_HTML, g->name, 0);
        afe_add(t, g);
        return WN_GT_DATA;
    case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
        reconstruct(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        afe_marker(t);
        return WN_GT_DATA;
    case GUMBO_TAG_TABLE:
        if (t->no_quirks)
            close_p(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_AREA: case GUMBO_TAG_BR: case GUMBO_TAG_EMBED: case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_WBR: case GUMBO_TAG_INPUT:
        reconstruct(t);
        return push_void(t, tag);
    case GUMBO_TAG_HR:
        close_p(t);
        return push_void(t, tag);
    case GUMBO_TAG_ISINDEX:
        if (t->form_open)
            return WN_GT_DATA;
        close_p(t);
        t->elements += 6; /* form, hr, label, input, hr: opened and closed at once */
        return WN_GT_DATA;
    case GUMBO_TAG_TEXTAREA:
        t->elements++;
        return WN_GT_RCDATA;
    case GUMBO_TAG_XMP:
        close_p(t);
        reconstruct(t);
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_SELECT: {
        reconstruct(t);
        int in_table = mode == M_TABLE || mode == M_CAPTION || mode == M_TBODY ||
                       mode == M_ROW || mode == M_CELL;
        push(t, tag, WN_NS_HTML, g->name, in_table ? NF_SELECT_IN_TABLE : 0);
        return WN_GT_DATA;
    }
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
        if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
            pop(t);
        reconstruct(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_RB: case GUMBO_TAG_RTC:
        if (in_scope(t, GUMBO_TAG_RUBY, SC_DEFAULT) >= 0)
            generate_implied_end_tags(t, GUMBO_TAG_LAST);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_RP: case GUMBO_TAG_RT:
        if (in_scope(t, GUMBO_TAG_RUBY, SC_DEFAULT) >= 0)
            generate_implied_end_tags(t, GUMBO_TAG_RTC);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_MATH: case GUMBO_TAG_SVG:
        reconstruct(t);
        push(t, tag, tag == GUMBO_TAG_MATH ? WN_NS_MATH : WN_NS_SVG, g->name, 0);
        if (g->self_closing)
            pop(t);
        return WN_GT_DATA;
    default:
        reconstruct(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    }
}

static int start_in_table(wn_gt *t, const wn_gt_tag *g, uint8_t mode)
{
    GumboTag tag = g->tag;
    if (mode == M_ROW) {
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            clear_to_context(t, GUMBO_TAG_TR, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
            push(t, tag, WN_NS_HTML, g->name, 0);
            afe_marker(t);
            return WN_GT_DATA;
        }
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_TBODY ||
            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR) {
            if (in_scope(t, GUMBO_TAG_TR, SC_TABLE) < 0)
                return WN_GT_DATA;
            clear_to_context(t, GUMBO_TAG_TR, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
            pop(t);
            return REPROCESS;
        }
    } else if (mode == M_TBODY) {
        if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            push(t, GUMBO_TAG_TR, WN_NS_HTML, tag == GUMBO_TAG_TR ? g->name : 0, 0);
            return tag == GUMBO_TAG_TR ? WN_GT_DATA : REPROCESS;
        }
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
            tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
            if (in_scope(t, GUMBO_TAG_TBODY, SC_TABLE) < 0 &&
                in_scope(t, GUMBO_TAG_THEAD, SC_TABLE) < 0 &&
                in_scope(t, GUMBO_TAG_TFOOT, SC_TABLE) < 0)
                return WN_GT_DATA;
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            pop(t);
            return REPROCESS;
        }
    }
    switch (tag) {
    case GUMBO_TAG_CAPTION:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        afe_marker(t);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_COLGROUP:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_COL:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        push(t, GUMBO_TAG_COLGROUP, WN_NS_HTML, 0, 0);
        return REPROCESS;
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        push(t, GUMBO_TAG_TBODY, WN_NS_HTML, 0, 0);
        return REPROCESS;
    case GUMBO_TAG_TABLE:
        if (in_scope(t, GUMBO_TAG_TABLE, SC_TABLE) < 0)
            return WN_GT_DATA;
        pop_until(t, GUMBO_TAG_TABLE);
        return REPROCESS;
    case GUMBO_TAG_STYLE:
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_SCRIPT:
        t->elements++;
        return WN_GT_SCRIPT;
    case GUMBO_TAG_INPUT:
        if (g->hidden)
            return push_void(t, tag);
        break;
    case GUMBO_TAG_FORM:
        if (t->form_open)
            return WN_GT_DATA;
        push_void(t, tag);
        t->form_open = 1;
        t->form_id = 0; /* inserted and popped at once */
        return WN_GT_DATA;
    default:
        break;
    }
    return start_in_body(t, g, mode); /* foster parented: the stack is the same */
}

/* Table tags that close a <select> opened in a table ("in select in table"). */
static int leaves_select_in_table(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        return 1;
    default:
        return 0;
    }
}

static int start_html(wn_gt *t, const wn_gt_tag *g)
{
    GumboTag tag = g->tag;
    uint8_t mode = current_mode(t);
    switch (mode) {
    case M_SELECT: case M_SELECT_IN_TABLE:
        if (mode == M_SELECT_IN_TABLE && leaves_select_in_table(tag)) {
            close_select(t);
            return REPROCESS;
        }
        switch (tag) {
        case GUMBO_TAG_OPTION:
            if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
                pop(t);
            push(t, tag, WN_NS_HTML, g->name, 0);
            return WN_GT_DATA;
        case GUMBO_TAG_OPTGROUP:
            if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
                pop(t);
            if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTGROUP))
                pop(t);
            push(t, tag, WN_NS_HTML, g->name, 0);
            return WN_GT_DATA;
        case GUMBO_TAG_SELECT:
            close_select(t);
            return WN_GT_DATA;
        case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_TEXTAREA:
            if (in_scope(t, GUMBO_TAG_SELECT, SC_SELECT) < 0)
                return WN_GT_DATA;
            close_select(t);
            return REPROCESS;
        case GUMBO_TAG_SCRIPT:
            t->elements++;
            return WN_GT_SCRIPT;
        default:
            return WN_GT_DATA; /* ignored */
        }
    case M_FRAMESET:
        if (tag == GUMBO_TAG_FRAMESET && t->depth)
            push(t, tag, WN_NS_HTML, g->name, 0);
        else if (tag == GUMBO_TAG_FRAME && t->depth)
            push_void(t, tag);
        else if (tag == GUMBO_TAG_NOFRAMES) {
            t->elements++;
            return WN_GT_RAWTEXT;
        }
        return WN_GT_DATA;
    case M_COLGROUP:
        if (tag == GUMBO_TAG_HTML)
            return WN_GT_DATA;
        if (tag == GUMBO_TAG_COL)
            return push_void(t, tag);
        if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_COLGROUP)) {
            pop(t);
            return REPROCESS;
        }
        return WN_GT_DATA;
    case M_CAPTION: case M_CELL:
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
            tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TFOOT ||
            tag == GUMBO_TAG_TH || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR) {
            if (mode == M_CAPTION) {
                if (in_scope(t, GUMBO_TAG_CAPTION, SC_TABLE) < 0)
                    return WN_GT_DATA;
                generate_implied_end_tags(t, GUMBO_TAG_LAST);
                pop_until(t, GUMBO_TAG_CAPTION);
                afe_clear_to_marker(t);
                return REPROCESS;
            }
            if (in_scope(t, GUMBO_TAG_TD, SC_TABLE) < 0 && in_scope(t, GUMBO_TAG_TH, SC_TABLE) < 0)
                return WN_GT_DATA;
            close_cell(t);
            return REPROCESS;
        }
        return start_in_body(t, g, mode);
    case M_TABLE: case M_TBODY: case M_ROW:
        return start_in_table(t, g, mode);
    default:
        return start_in_body(t, g, mode);
    }
}

static int is_breakout(const wn_gt_tag *g)
{
    switch (g->tag) {
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR: case GUMBO_TAG_CENTER: case GUMBO_TAG_CODE: case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_EM:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HR: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_MENU: case GUMBO_TAG_META: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_UL: case GUMBO_TAG_VAR:
        return 1;
    case GUMBO_TAG_FONT:
        return g->font_breakout;
    default:
        return 0;
    }
}

/* HTML elements that decide an insertion mode when the parser resets it:
 * Gumbo does not check their namespace there. */
static int sets_mode(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TABLE: case GUMBO_TAG_TEMPLATE:
        return 1;
    default:
        return 0;
    }
}

/* Whether a start tag is taken by the HTML rules (not foreign content). */
static int html_start(const wn_gt *t, const wn_gt_tag *g)
{
    if (!t->depth)
        return 1;
    const wn_gt_node *n = &t->stack[t->depth - 1];
    if (n->ns == WN_NS_HTML || (n->flags & NF_HTML_IP))
        return 1;
    if (is_mathml_text_ip(n) && g->tag != GUMBO_TAG_MGLYPH && g->tag != GUMBO_TAG_MALIGNMARK)
        return 1;
    return n->ns == WN_NS_MATH && n->tag == GUMBO_TAG_ANNOTATION_XML && g->tag == GUMBO_TAG_SVG;
}

static int text_is_html(const wn_gt *t)
{
    if (!t->depth)
        return 1;
    const wn_gt_node *n = &t->stack[t->depth - 1];
    return n->ns == WN_NS_HTML || (n->flags & NF_HTML_IP) || is_mathml_text_ip(n);
}

/* ---- dry runs: the adoption agency may deepen subtrees ---- */

static int copy_model(wn_gt *dst, const wn_gt *src)
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
static int may_pass_limit(const wn_gt *t)
{
    uint32_t deepest = 0;
    for (size_t i = 0; i < t->depth; i++)
        if (t->stack[i].deepest > deepest)
            deepest = t->stack[i].deepest;
    return deepest + 8 * 5 > t->max_depth;
}

/* ---- the interface ---- */

void wn_gt_init(wn_gt *t, unsigned max_depth)
{
    memset(t, 0, sizeof *t);
    t->max_depth = max_depth;
}

void wn_gt_finish(wn_gt *t)
{
    html_token(t);
}

void wn_gt_free(wn_gt *t)
{
    free(t->stack);
    free(t->afe);
    memset(t, 0, sizeof *t);
}

int wn_gt_foreign(const wn_gt *t)
{
    return t->depth && t->stack[t->depth - 1].ns != WN_NS_HTML;
}

void wn_gt_text(wn_gt *t, int nonspace)
{
    if (nonspace)
        t->content_seen = t->body_started = t->text_pending = 1;
    if (!text_is_html(t) || t->table_text)
        return;
    switch (current_mode(t)) {
    case M_BODY: case M_CELL: case M_CAPTION:
        reconstruct(t);
        break;
    case M_TABLE: case M_TBODY: case M_ROW:
        /* Gumbo holds text back here whatever the current node is (the
         * standard asks for a table element): see html_token(). */
        t->table_text = 1;
        break;
    case M_COLGROUP:
        if (nonspace && is_html(&t->stack[t->depth - 1], GUMBO_TAG_COLGROUP)) {
            pop(t);
            wn_gt_text(t, nonspace);
        }
        break;
    default:
        break;
    }
}

/* How many elements a start tag can push beyond reconstruction: itself and
 * the table wrappers the parser implies (tbody, tr; colgroup), or the
 * form/label/input that <isindex> stands for. */
static unsigned pushes(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_ISINDEX:
        return 3;
    case GUMBO_TAG_COL:
        return 2;
    default:
        return 1;
    }
}

static int head_content(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BASE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME:
        return 1;
    default:
        return 0;
    }
}

static wn_gt_result start_tag(wn_gt *t, const wn_gt_tag *g);

/* Start tags that clear the parser's frameset-ok flag (as Gumbo sets it). */
static int clears_frameset_ok(const wn_gt_tag *g)
{
    switch (g->tag) {
    case GUMBO_TAG_BODY: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_BUTTON: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TABLE: case GUMBO_TAG_AREA:
    case GUMBO_TAG_BR: case GUMBO_TAG_EMBED: case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_WBR: case GUMBO_TAG_HR: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT: case GUMBO_TAG_ISINDEX:
        return 1;
    case GUMBO_TAG_INPUT:
        return !g->hidden;
    default:
        return 0;
    }
}

wn_gt_result wn_gt_start(wn_gt *t, const wn_gt_tag *g)
{
    /* The checks come first: a tag that is cut must not change the model,
     * since the parser will never see it. Reconstruction can re-open every
     * list entry that is not on the stack, so those count as depth. */
    int exempt = g->tag == GUMBO_TAG_BODY || g->tag == GUMBO_TAG_HEAD ||
                 (g->tag == GUMBO_TAG_HTML && html_start(t, g));
    if (!exempt && top_level(t) + t->unopened + pushes(g->tag) > t->max_depth)
        return WN_GT_TOO_DEEP;
    size_t weight;
    if (is_formatting(g->tag) &&
        (afe_active(t, &weight) >= WN_GT_MAX_FORMATTING ||
         weight + 1 + g->attribute_count > WN_GT_MAX_FORMATTING_WEIGHT))
        return WN_GT_TOO_MANY_FORMATTING;
    if (clears_frameset_ok(g))
        t->content_seen = 1;
    if (!head_content(g->tag) || g->tag == GUMBO_TAG_FRAME || g->tag == GUMBO_TAG_BODY)
        t->body_started = 1;
    if ((g->tag == GUMBO_TAG_A || g->tag == GUMBO_TAG_NOBR) && may_pass_limit(t)) {
        /* Both may run the adoption agency first. */
        wn_gt trial;
        if (!copy_model(&trial, t))
            return WN_GT_NOMEM;
        unsigned before = trial.deepest;
        trial.deepest = 0;
        wn_gt_result r = start_tag(&trial, g);
        if (trial.deepest > t->max_depth) {
            wn_gt_free(&trial);
            return WN_GT_TOO_DEEP;
        }
        trial.deepest = trial.deepest > before ? trial.deepest : before;
        wn_gt_free(t);
        *t = trial;
        return r;
    }
    return start_tag(t, g);
}

static wn_gt_result start_tag(wn_gt *t, const wn_gt_tag *g)
{
    for (int round = 0; round < 64; round++) {
        int r;
        if (html_start(t, g)) {
            html_token(t);
            r = start_html(t, g);
        } else if (is_breakout(g)) {
            while (t->depth) {
                const wn_gt_node *n = &t->stack[t->depth - 1];
                if (n->ns == WN_NS_HTML || (n->flags & NF_HTML_IP) || is_mathml_text_ip(n))
                    break;
                pop(t);
            }
            r = REPROCESS;
        } else {
            uint8_t ns = t->stack[t->depth - 1].ns;
            uint8_t flags = 0;
            if (sets_mode(g->tag))
                return round ? WN_GT_DATA : WN_GT_DROP;
            if ((ns == WN_NS_SVG && (g->tag == GUMBO_TAG_FOREIGNOBJECT ||
                                     g->tag == GUMBO_TAG_DESC || g->tag == GUMBO_TAG_TITLE)) ||
                (ns == WN_NS_MATH && g->tag == GUMBO_TAG_ANNOTATION_XML && g->html_encoding))
                flags = NF_HTML_IP;
            push(t, g->tag, ns, g->name, flags);
            if (g->self_closing)
                pop(t);
            r = WN_GT_DATA;
        }
        if (t->oom)
            return WN_GT_NOMEM;
        if (r != REPROCESS)
            return (wn_gt_result)r;
    }
    return WN_GT_DATA;
}

int wn_gt_end_fits(const wn_gt *t, GumboTag tag)
{
    if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_BR)
        return 1;
    return top_level(t) + t->unopened + 1 <= t->max_depth;
}

static int end_in_body(wn_gt *t, GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
        return 0;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_MAIN:
        if (in_scope(t, tag, SC_DEFAULT) >= 0)
            implicitly_close(t, tag);
        return 0;
    case GUMBO_TAG_FORM: {
        uint32_t id = t->form_id;
        t->form_open = 0;
        t->form_id = 0;
        if (!id)
            return 0;
        for (size_t i = t->depth; i-- > 0;) {
            if (t->stack[i].id == id) {
                generate_implied_end_tags(t, GUMBO_TAG_LAST);
                long at = stack_index_of(t, id);
                if (at >= 0)
                    remove_at(t, (size_t)at);
                return 0;
            }
            if (is_scope_boundary(&t->stack[i], SC_DEFAULT))
                return 0;
        }
        return 0;
    }
    case GUMBO_TAG_P:
        if (in_scope(t, GUMBO_TAG_P, SC_BUTTON) < 0)
            push(t, GUMBO_TAG_P, WN_NS_HTML, 0, 0); /* an empty <p>, at once closed */
        implicitly_close(t, GUMBO_TAG_P);
        return 0;
    case GUMBO_TAG_LI:
        if (in_scope(t, GUMBO_TAG_LI, SC_LIST) >= 0)
            implicitly_close(t, tag);
        return 0;
    case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        if (in_scope(t, tag, SC_DEFAULT) >= 0)
            implicitly_close(t, tag);
        return 0;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        if (heading_in_scope(t)) {
            generate_implied_end_tags(t, GUMBO_TAG_LAST);
            while (t->depth) {
                int h = is_heading(&t->stack[t->depth - 1]);
                pop(t);
                if (h)
                    break;
            }
        }
        return 0;
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT: case GUMBO_TAG_U:
        adoption_agency(t, tag);
        return 0;
    case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
        if (in_scope(t, tag, SC_TABLE) >= 0) { /* Gumbo's scope here */
            implicitly_close(t, tag);
            afe_clear_to_marker(t);
        }
        return 0;
    case GUMBO_TAG_BR:
        reconstruct(t);
        push_void(t, GUMBO_TAG_BR);
        return 0;
    default:
        any_other_end_tag(t, tag);
        return 0;
    }
}

static void any_other_end_tag(wn_gt *t, GumboTag tag)
{
    for (size_t i = t->depth; i-- > 0;) {
        const wn_gt_node *n = &t->stack[i];
        if (is_html(n, tag)) {
            generate_implied_end_tags(t, tag);
            while (t->depth > i)
                pop(t);
            return;
        }
        if (is_special(n))
            return;
    }
}

static int end_html(wn_gt *t, GumboTag tag)
{
    html_token(t);
    uint8_t mode = current_mode(t);
    switch (mode) {
    case M_SELECT: case M_SELECT_IN_TABLE:
        if (mode == M_SELECT_IN_TABLE && leaves_select_in_table(tag)) {
            if (in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            close_select(t);
            return REPROCESS;
        }
        if (tag == GUMBO_TAG_OPTGROUP) {
            if (t->depth >= 2 && is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION) &&
                is_html(&t->stack[t->depth - 2], GUMBO_TAG_OPTGROUP))
                pop(t);
            if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTGROUP))
                pop(t);
        } else if (tag == GUMBO_TAG_OPTION) {
            if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
                pop(t);
        } else if (tag == GUMBO_TAG_SELECT) {
            if (in_scope(t, GUMBO_TAG_SELECT, SC_SELECT) >= 0)
                close_select(t);
        }
        return 0;
    case M_FRAMESET:
        if (tag == GUMBO_TAG_FRAMESET && t->depth &&
            is_html(&t->stack[t->depth - 1], GUMBO_TAG_FRAMESET))
            pop(t);
        return 0;
    case M_COLGROUP:
        if (tag == GUMBO_TAG_COL)
            return 0;
        if (t->depth && is_html(&t->stack[t->depth - 1], GUMBO_TAG_COLGROUP)) {
            pop(t);
            return tag == GUMBO_TAG_COLGROUP ? 0 : REPROCESS;
        }
        return 0;
    case M_CAPTION:
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_TABLE) {
            if (in_scope(t, GUMBO_TAG_CAPTION, SC_TABLE) < 0)
                return 0;
            generate_implied_end_tags(t, GUMBO_TAG_LAST);
            pop_until(t, GUMBO_TAG_CAPTION);
            afe_clear_to_marker(t);
            return tag == GUMBO_TAG_TABLE ? REPROCESS : 0;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
            tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TD ||
            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_THEAD ||
            tag == GUMBO_TAG_TR)
            return 0;
        return end_in_body(t, tag);
    case M_CELL:
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            if (in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            generate_implied_end_tags(t, GUMBO_TAG_LAST);
            pop_until(t, tag);
            afe_clear_to_marker(t);
            return 0;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
            tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML)
            return 0;
        if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT ||
            tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR) {
            if (in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            close_cell(t);
            return REPROCESS;
        }
        return end_in_body(t, tag);
    case M_ROW:
        if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY ||
            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
            GumboTag want = (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE) ? GUMBO_TAG_TR : tag;
            if (in_scope(t, want, SC_TABLE) < 0)
                return 0;
            clear_to_context(t, GUMBO_TAG_TR, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
            pop(t);
            return tag == GUMBO_TAG_TR ? 0 : REPROCESS;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
            tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TD ||
            tag == GUMBO_TAG_TH)
            return 0;
        break;
    case M_TBODY:
        if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
            if (in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            pop(t);
            return 0;
        }
        if (tag == GUMBO_TAG_TABLE) {
            if (in_scope(t, GUMBO_TAG_TBODY, SC_TABLE) < 0 &&
                in_scope(t, GUMBO_TAG_THEAD, SC_TABLE) < 0 &&
                in_scope(t, GUMBO_TAG_TFOOT, SC_TABLE) < 0)
                return 0;
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            pop(t);
            return REPROCESS;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
            tag == GUMBO_TAG_TR || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML ||
            tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
            return 0;
        break;
    case M_TABLE:
        break;
    default:
        return end_in_body(t, tag);
    }
    /* In table. */
    if (tag == GUMBO_TAG_TABLE) {
        if (in_scope(t, GUMBO_TAG_TABLE, SC_TABLE) >= 0)
            pop_until(t, GUMBO_TAG_TABLE);
        return 0;
    }
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
        tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TBODY ||
        tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_TH ||
        tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR)
        return 0;
    return end_in_body(t, tag);
}

static void end_tag(wn_gt *t, GumboTag tag, uint32_t name);

int wn_gt_end(wn_gt *t, GumboTag tag, uint32_t name)
{
    if (is_formatting(tag) && may_pass_limit(t)) {
        wn_gt trial;
        if (!copy_model(&trial, t))
            return WN_GT_NOMEM;
        unsigned before = trial.deepest;
        trial.deepest = 0;
        end_tag(&trial, tag, name);
        if (trial.deepest > t->max_depth) {
            wn_gt_free(&trial);
            return 1;
        }
        trial.deepest = trial.deepest > before ? trial.deepest : before;
        wn_gt_free(t);
        *t = trial;
        return t->oom ? WN_GT_NOMEM : 0;
    }
    end_tag(t, tag, name);
    return t->oom ? WN_GT_NOMEM : 0;
}

static void end_tag(wn_gt *t, GumboTag tag, uint32_t name)
{
    if (tag == GUMBO_TAG_HEAD)
        t->head_closed = 1;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
        t->body_started = 1;
    if (wn_gt_foreign(t)) {
        /* Foreign content: close the nearest foreign element of that name;
         * an HTML element below hands the tag to the HTML rules. */
        for (size_t i = t->depth; i-- > 0;) {
            const wn_gt_node *n = &t->stack[i];
            if (n->ns == WN_NS_HTML)
                break;
            if (n->name == name) {
                while (t->depth > i)
                    pop(t);
                return;
            }
        }
    }
    for (int round = 0; round < 64; round++)
        if (end_html(t, tag) != REPROCESS)
            return;
}
