#include "blocks/blocks.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "blocks/blocks_internal.h"

/* ---- tag classes ----------------------------------------------------------- */

bool wn_tag_is_block(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL:
    case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
        return true;
    default:
        return false;
    }
}

/* Subtrees that never hold visible article text. */
static bool tag_is_skipped(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_HEAD: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_RTC: /* ruby annotations: the base text is read */
        return true;
    default:
        return false;
    }
}

static bool is_form_control(GumboTag tag)
{
    return tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_SELECT ||
           tag == GUMBO_TAG_BUTTON;
}

/* ---- the walk ------------------------------------------------------------------ */

typedef struct walk_frame {
    const GumboNode *node;
    uint32_t index;       /* its wn_node */
    unsigned next_child;
} walk_frame;

/* One of the page's arrays (doc->nodes, doc->elems: *capacity entries of
 * size bytes) grown, charged to the page's budget; NULL (the array kept,
 * *status set) when the budget or memory runs out. */
static void *grow_array(wn_doc *doc, void *array, uint32_t *capacity, size_t size, uint32_t first,
                        wn_status *status)
{
    /* `first` entries to start (256 nodes, 20 KiB): 1024 made every page,
     * however small, allocate a block past 128 KiB, which ASan (and glibc
     * before its threshold adapts) maps and unmaps on every call. Then a
     * quarter more each time, not twice as many: the arrays are the biggest
     * things the page holds beside Gumbo's tree, and half of a doubled one
     * stood empty on average until the build's end. */
    uint32_t cap = *capacity ? *capacity + *capacity / 4 : first;
    /* While realloc moves it, old and new arrays are both held. */
    if (doc->budget && !wn_arena_charge(doc->budget, (size_t)cap * size)) {
        *status = WN_ERR_MEMORY_LIMIT;
        return NULL;
    }
    void *grown = realloc(array, (size_t)cap * size);
    if (!grown) {
        if (doc->budget)
            wn_arena_uncharge(doc->budget, (size_t)cap * size);
        *status = WN_ERR_NOMEM;
        return NULL;
    }
    if (doc->budget)
        wn_arena_uncharge(doc->budget, (size_t)*capacity * size);
    *capacity = cap;
    return grown;
}

/* A new node of the given kind (WN_NODE_*), zeroed, with a wn_elem of its
 * own if it is an element. */
static wn_node *push_node(wn_doc *doc, size_t max_nodes, uint8_t kind, wn_status *status)
{
    if (doc->count >= max_nodes) {
        *status = WN_ERR_TOO_MANY_NODES;
        return NULL;
    }
    uint32_t elem = 0;
    if (kind == WN_NODE_ELEMENT) {
        /* The first element comes with elems[0], the text nodes' zero record. */
        uint32_t need = doc->elem_count ? 1 : 2;
        if (doc->elem_count + need > doc->elem_capacity) {
            wn_elem *grown = grow_array(doc, doc->elems, &doc->elem_capacity, sizeof *grown, 128, status);
            if (!grown)
                return NULL;
            doc->elems = grown;
        }
        if (!doc->elem_count)
            memset(&doc->elems[doc->elem_count++], 0, sizeof *doc->elems);
        elem = doc->elem_count++;
        memset(&doc->elems[elem], 0, sizeof *doc->elems);
    }
    if (doc->count == doc->capacity) {
        wn_node *grown = grow_array(doc, doc->nodes, &doc->capacity, sizeof *grown, 256, status);
        if (!grown)
            return NULL;
        doc->nodes = grown;
    }
    wn_node *n = &doc->nodes[doc->count++];
    memset(n, 0, sizeof *n);
    n->parent = WN_NONE;
    n->block = WN_NONE;
    n->kind = kind;
    n->elem_ = elem;
    return n;
}

static void add_stats(wn_text_stats *to, const wn_text_stats *from)
{
    to->chars += from->chars;
    to->cjk += from->cjk;
    to->tokens += from->tokens;
    to->punct += from->punct;
    to->commas += from->commas;
}

/* Adds each subtree's totals to its parent, children before parents. */
/* The blocks that make a table a layout (WN_NODE_HOLDS_BLOCKS). */
static bool holds_blocks_tag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_FORM:
        return true;
    default:
        return false;
    }
}

static void aggregate(wn_doc *doc)
{
    for (uint32_t i = doc->count; i-- > 1;) {
        wn_node *n = &doc->nodes[i];
        wn_node *p = &doc->nodes[n->parent];
        add_stats(&p->all, &n->all);
        p->link_chars += n->link_chars;
        if ((n->flags & WN_NODE_HOLDS_BLOCKS) ||
            (n->kind == WN_NODE_ELEMENT && n->all.chars && holds_blocks_tag((GumboTag)n->tag)))
            p->flags |= WN_NODE_HOLDS_BLOCKS;
        if (n->kind == WN_NODE_ELEMENT) {
            /* A text node adds no counts: only elements have them. */
            const wn_elem *ne = wn_node_elem(doc, n);
            wn_elem *pe = wn_node_elem(doc, p);
            pe->paragraphs += ne->paragraphs;
            pe->links += ne->links;
            pe->images += ne->images;
            pe->items += ne->items;
            pe->inputs += ne->inputs;
            pe->elements += ne->elements;
            pe->elements++;
            switch ((GumboTag)n->tag) {
            case GUMBO_TAG_P: pe->paragraphs++; break;
            case GUMBO_TAG_LI: pe->items++; break;
            case GUMBO_TAG_IMG: pe->images++; break;
            case GUMBO_TAG_A: if (n->flags & WN_NODE_IN_LINK) pe->links++; break;
            default: break;
            }
        }
    }
}

static bool is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* next_text and next_space of every node, in one pass from the end. */
static void link_text_runs(wn_doc *doc)
{
    uint32_t next_text = doc->count, next_space = doc->count;
    for (uint32_t i = doc->count; i-- > 0;) {
        wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_TEXT && wn_node_text_len(n)) {
            bool ink = false;
            for (uint32_t k = 0; k < wn_node_text_len(n) && !ink; k++)
                ink = !is_ascii_space((unsigned char)wn_node_text(n)[k]);
            if (ink)
                next_text = i;
            else
                next_space = i;
        } else if (n->kind == WN_NODE_ELEMENT && (n->flags & (WN_NODE_BLOCK | WN_NODE_BREAK))) {
            next_space = i;
        }
        n->next_text = next_text;
        n->next_space = next_space;
    }
}

/* Gumbo turns a character reference whose value passes 2^31
 * ("&#xCCCCCCC8;") into a lone byte: the text (the parse's, in the page's
 * arena) is mended in place, each byte that starts no UTF-8 character a '?'. */
static void mend_utf8(char *s, size_t len)
{
    size_t pos = wn_utf8_valid_prefix(s, len);
    while (pos < len) {
        size_t start = pos;
        if (wn_utf8_next(s, len, &pos) == 0xFFFD && pos - start == 1)
            s[start] = '?';
    }
}

static void add_text_node(wn_doc *doc, uint32_t index, const GumboNode *g, uint32_t parent)
{
    wn_node *n = &doc->nodes[index];
    wn_node *p = &doc->nodes[parent];
    n->text_ = g->v.text.text;
    size_t len = strlen(n->text_);
    /* White space between tags (most text nodes of a page) has nothing to
     * mend or count: its stats stay zero. */
    bool blank = g->type == GUMBO_NODE_WHITESPACE;
    for (size_t i = 0; blank && i < len; i++)
        blank = is_ascii_space((unsigned char)n->text_[i]);
    if (!blank)
        mend_utf8((char *)n->text_, len);
    n->text_len_ = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    n->flags = p->flags & (WN_NODE_IN_LINK | WN_NODE_PREFORMATTED);
    n->block = p->block;
    if (!blank)
        wn_text_measure(n->text_, n->text_len_, &n->all);
    if (n->flags & WN_NODE_IN_LINK)
        n->link_chars = n->all.chars;
    wn_elem *b = wn_node_elem(doc, &doc->nodes[n->block]);
    add_stats(&b->own, &n->all);
    b->own_link_chars += n->link_chars;
}

static void init_element(wn_doc *doc, hint_cache *cache, uint32_t index, const GumboElement *el,
                         const attr_set *a, uint32_t parent)
{
    wn_node *n = &doc->nodes[index];
    n->tag = (uint8_t)el->tag;
    n->class_attr_ = a->v[A_CLASS];
    n->id_attr_ = a->v[A_ID];
    n->hints = wn_blk_element_hints(cache, el, a, n->class_attr_, n->id_attr_);
    if (parent != WN_NONE) {
        const wn_node *p = &doc->nodes[parent];
        n->flags = p->flags & (WN_NODE_IN_LINK | WN_NODE_PREFORMATTED);
        n->block = p->block;
    }
    if (el->tag == GUMBO_TAG_A && a->v[A_HREF])
        n->flags |= WN_NODE_IN_LINK;
    if (el->tag == GUMBO_TAG_PRE || el->tag == GUMBO_TAG_LISTING || el->tag == GUMBO_TAG_PLAINTEXT ||
        el->tag == GUMBO_TAG_XMP)
        n->flags |= WN_NODE_PREFORMATTED;
    if (a->v[A_STYLE]) {
        int pre = wn_blk_style_white_space(a->v[A_STYLE]);
        if (pre == 1)
            n->flags |= WN_NODE_PREFORMATTED;
        else if (pre == 0)
            n->flags &= (uint16_t)~WN_NODE_PREFORMATTED;
    }
    if (el->tag == GUMBO_TAG_BR)
        n->flags |= WN_NODE_BREAK;
    if (wn_tag_is_block(el->tag) || parent == WN_NONE) {
        n->flags |= WN_NODE_BLOCK;
        n->block = index;
    }
}

static bool node_is_text(const GumboNode *g)
{
    return g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
           g->type == GUMBO_NODE_CDATA;
}

/* The walk's stack grown to twice its size (false when out of memory). */
static bool grow_stack(walk_frame **stack, size_t *cap)
{
    walk_frame *grown = realloc(*stack, *cap * 2 * sizeof *grown);
    if (!grown)
        return false;
    *stack = grown;
    *cap *= 2;
    return true;
}

/* The nodes the walk of wn_blocks_build() adds, and of them the elements,
 * counted by the same walk (of the attributes it reads only those that
 * hide an element: a hidden subtree, which adds no node, can be most of a
 * page). The arrays are sized to them before the build: grown
 * by a quarter at a time they held an unfilled end and were copied on the
 * way (realloc holds both), and at their largest the page holds its most
 * (Gumbo's tree, the arrays, the build's tables). False when the stack
 * could not grow (the build then grows its arrays as it goes). */
static bool count_nodes(const GumboNode *root, const wn_block_limits *limits, walk_frame **stack,
                        size_t *stack_cap, size_t *nodes, size_t *elements)
{
    size_t depth = 0;
    *nodes = *elements = 1;
    (*stack)[depth++] = (walk_frame){root, 0, 0};
    while (depth > 0) {
        walk_frame *top = &(*stack)[depth - 1];
        const GumboVector *children = &top->node->v.element.children;
        if (top->next_child >= children->length) {
            depth--;
            continue;
        }
        const GumboNode *child = children->data[top->next_child++];
        if (node_is_text(child)) {
            (*nodes)++;
            continue;
        }
        if (child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboElement *el = &child->v.element;
        if (el->tag == GUMBO_TAG_HEAD || el->tag_namespace != GUMBO_NAMESPACE_HTML ||
            (tag_is_skipped(el->tag) && !(el->tag == GUMBO_TAG_NOSCRIPT && limits->read_noscript)) ||
            wn_blk_hidden(el))
            continue;
        if (depth < limits->max_depth) {
            (*nodes)++;
            (*elements)++;
        }
        if (depth == *stack_cap && !grow_stack(stack, stack_cap))
            return false;
        (*stack)[depth++] = (walk_frame){child, 0, 0};
    }
    return true;
}

/* doc->nodes and doc->elems allocated for the counts of count_nodes()
 * (the first max_nodes nodes at most), charged to the page's budget. */
static wn_status reserve_arrays(wn_doc *doc, size_t max_nodes, size_t nodes, size_t elements)
{
    if (nodes > max_nodes)
        nodes = max_nodes;
    if (elements > max_nodes)
        elements = max_nodes;
    if (nodes == 0 || nodes >= UINT32_MAX || elements >= UINT32_MAX)
        return WN_OK; /* the build fails at its first node, or grows its arrays */
    elements++; /* the text nodes' zero record */
    size_t bytes = nodes * sizeof *doc->nodes + elements * sizeof *doc->elems;
    if (doc->budget && !wn_arena_charge(doc->budget, bytes))
        return WN_ERR_MEMORY_LIMIT;
    doc->nodes = malloc(nodes * sizeof *doc->nodes);
    doc->elems = malloc(elements * sizeof *doc->elems);
    if (!doc->nodes || !doc->elems) {
        free(doc->nodes);
        free(doc->elems);
        doc->nodes = NULL;
        doc->elems = NULL;
        if (doc->budget)
            wn_arena_uncharge(doc->budget, bytes);
        return WN_ERR_NOMEM;
    }
    doc->capacity = (uint32_t)nodes;
    doc->elem_capacity = (uint32_t)elements;
    return WN_OK;
}

/* One of the page's arrays cut to its count entries (as it was if realloc
 * says no). */
static void *fit_array(wn_doc *doc, void *array, uint32_t count, uint32_t *capacity, size_t size)
{
    if (!count || count >= *capacity)
        return array;
    void *fit = realloc(array, (size_t)count * size);
    if (!fit)
        return array;
    if (doc->budget)
        wn_arena_uncharge(doc->budget, (size_t)(*capacity - count) * size);
    *capacity = count;
    return fit;
}

wn_status wn_blocks_build(const GumboOutput *parse, wn_arena *arena, const wn_block_limits *limits,
                          wn_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->budget = arena;
    doc->body = 0;
    wn_status status = WN_OK;
    const GumboNode *root = parse->root;
    if (!root || root->type != GUMBO_NODE_ELEMENT)
        return WN_ERR_PARSE;
    const char *lang = wn_blk_attribute(&root->v.element, "lang");
    if (lang)
        doc->lang = lang;

    size_t stack_cap = 64, depth = 0;
    walk_frame *stack = malloc(stack_cap * sizeof *stack);
    if (!stack)
        return WN_ERR_NOMEM;
    size_t nodes, elements;
    if (count_nodes(root, limits, &stack, &stack_cap, &nodes, &elements))
        status = reserve_arrays(doc, limits->max_nodes, nodes, elements);
    hint_cache cache;
    memset(&cache, 0, sizeof cache);
    if (status != WN_OK || !push_node(doc, limits->max_nodes, WN_NODE_ELEMENT, &status)) {
        /* elems may have grown before nodes failed to */
        free(stack);
        wn_doc_free(doc);
        return status;
    }
    attr_set root_attrs;
    wn_blk_read_attributes(&root->v.element, &root_attrs);
    init_element(doc, &cache, 0, &root->v.element, &root_attrs, WN_NONE);
    stack[depth++] = (walk_frame){root, 0, 0};

    while (depth > 0) {
        walk_frame *top = &stack[depth - 1];
        const GumboVector *children = &top->node->v.element.children;
        if (top->next_child >= children->length) {
            doc->nodes[top->index].end = doc->count;  /* flattened frames re-set it later */
            depth--;
            continue;
        }
        const GumboNode *child = children->data[top->next_child++];
        uint32_t parent = top->index;
        if (node_is_text(child)) {
            if (!push_node(doc, limits->max_nodes, WN_NODE_TEXT, &status))
                break;
            uint32_t index = doc->count - 1;
            doc->nodes[index].parent = parent;
            doc->nodes[index].depth = (uint16_t)(doc->nodes[parent].depth + 1);
            add_text_node(doc, index, child, parent);
            doc->nodes[index].end = doc->count;
            continue;
        }
        if (child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboElement *el = &child->v.element;
        if (el->tag == GUMBO_TAG_HEAD) {
            wn_blk_read_head(child, arena, doc);
            continue;
        }
        if (el->tag == GUMBO_TAG_SCRIPT)
            wn_blk_note_jsonld(el, doc);
        else if (el->tag == GUMBO_TAG_NOSCRIPT)
            doc->noscripts++;
        attr_set a;
        bool skip = (tag_is_skipped(el->tag) &&
                     !(el->tag == GUMBO_TAG_NOSCRIPT && limits->read_noscript)) ||
                    el->tag_namespace != GUMBO_NAMESPACE_HTML;
        if (!skip) {
            wn_blk_read_attributes(el, &a);
            skip = wn_blk_element_hidden(&a);
        }
        if (skip) {
            if (is_form_control(el->tag))
                wn_node_elem(doc, &doc->nodes[parent])->inputs++;
            if (el->tag == GUMBO_TAG_INPUT) {
                wn_blk_read_attributes(el, &a);
                if (wn_blk_element_hidden(&a))
                    continue;
                const char *type = wn_blk_attribute(el, "type");
                if (type && strcasecmp(type, "password") == 0 && doc->passwords < WN_DOC_PASSWORDS_MAX)
                    doc->password_nodes[doc->passwords++] = parent;
            }
            continue;
        }
        uint32_t index = parent;
        /* Past max_depth an element adds no node: its content is read as
         * part of the deepest kept ancestor (the walk stays iterative). */
        if (depth < limits->max_depth) {
            if (!push_node(doc, limits->max_nodes, WN_NODE_ELEMENT, &status))
                break;
            index = doc->count - 1;
            doc->nodes[index].parent = parent;
            doc->nodes[index].depth = (uint16_t)(doc->nodes[parent].depth + 1);
            init_element(doc, &cache, index, el, &a, parent);
            wn_blk_note_declarations(el, &a, arena, doc, index);
            if (limits->inline_attrs && (el->tag == GUMBO_TAG_A || el->tag == GUMBO_TAG_IMG))
                wn_blk_note_inline(el, arena, doc, index);
            if (el->tag == GUMBO_TAG_BASE && !doc->base_href)
                doc->base_href = wn_blk_attribute(el, "href");
            if (el->tag == GUMBO_TAG_BODY && doc->body == 0)
                doc->body = index;
        } else {
            doc->flattened = true;
        }
        if (depth == stack_cap && !grow_stack(&stack, &stack_cap)) {
            status = WN_ERR_NOMEM;
            break;
        }
        stack[depth++] = (walk_frame){child, index, 0};
    }
    wn_blk_hint_cache_free(&cache);
    free(stack);
    if (status != WN_OK) {
        wn_doc_free(doc);
        return status;
    }
    aggregate(doc);
    link_text_runs(doc);
    /* The arrays grew ahead of need: the ends they did not fill go back. */
    doc->nodes = fit_array(doc, doc->nodes, doc->count, &doc->capacity, sizeof *doc->nodes);
    doc->elems = fit_array(doc, doc->elems, doc->elem_count, &doc->elem_capacity, sizeof *doc->elems);
    return WN_OK;
}

void wn_doc_free(wn_doc *doc)
{
    if (doc->budget) {
        wn_arena_uncharge(doc->budget, (size_t)doc->capacity * sizeof *doc->nodes);
        wn_arena_uncharge(doc->budget, (size_t)doc->elem_capacity * sizeof *doc->elems);
    }
    free(doc->nodes);
    free(doc->elems);
    doc->nodes = NULL;
    doc->elems = NULL;
    doc->count = doc->capacity = 0;
    doc->elem_count = doc->elem_capacity = 0;
}
