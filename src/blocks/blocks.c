#include "blocks/blocks.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon/classes.h"
#include "lexicon/lexicon.h"

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

static uint32_t tag_hints(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_NAV: return WN_HINT_NAV;
    case GUMBO_TAG_ASIDE: return WN_HINT_SIDEBAR;
    case GUMBO_TAG_FOOTER: return WN_HINT_FOOTER;
    case GUMBO_TAG_HEADER: return WN_HINT_HEADER;
    case GUMBO_TAG_ARTICLE: return WN_HINT_POSITIVE;
    case GUMBO_TAG_MAIN: return WN_HINT_POSITIVE;
    default: return 0;
    }
}

/* ---- attributes --------------------------------------------------------------- */

static const char *attribute(const GumboElement *el, const char *name)
{
    const GumboVector *attrs = &el->attributes;
    /* Hostile pages carry thousands of attributes; the ones we read come first. */
    unsigned limit = attrs->length < 64 ? attrs->length : 64;
    for (unsigned i = 0; i < limit; i++) {
        const GumboAttribute *a = attrs->data[i];
        if (strcasecmp(a->name, name) == 0)
            return a->value;
    }
    return NULL;
}

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

/* display:none in an inline style (spaces ignored). visibility:hidden is
 * not taken as hidden: pages use it to reveal the article by script (the
 * WeChat article layout does), while clutter is hidden with display:none. */
static bool style_hides(const char *style)
{
    char compact[256];
    size_t n = 0;
    for (const char *p = style; *p && n < sizeof compact - 1; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n')
            compact[n++] = *p;
    compact[n] = '\0';
    return contains_ci(compact, "display:none");
}

static bool element_hidden(const GumboElement *el)
{
    if (attribute(el, "hidden"))
        return true;
    const char *aria = attribute(el, "aria-hidden");
    if (aria && strcasecmp(aria, "true") == 0)
        return true;
    const char *style = attribute(el, "style");
    return style && style_hides(style);
}

static uint32_t element_hints(const GumboElement *el, const char *cls, const char *id)
{
    uint32_t hints = tag_hints(el->tag);
    if (cls)
        hints |= wn_hints_from_attribute(cls, strlen(cls));
    if (id)
        hints |= wn_hints_from_attribute(id, strlen(id));
    const char *role = attribute(el, "role");
    if (role)
        hints |= wn_hints_from_role(role, strlen(role));
    const char *itemprop = attribute(el, "itemprop");
    if (itemprop && wn_lex_whole(WN_LEX_ITEMPROP_BODY, itemprop, strlen(itemprop)) >= 0)
        hints |= WN_HINT_STRONG | WN_HINT_POSITIVE;
    /* A container that is both "content" and clutter is decided by its text. */
    return hints;
}

/* ---- the walk ------------------------------------------------------------------ */

typedef struct walk_frame {
    const GumboNode *node;
    uint32_t index;       /* its wn_node */
    unsigned next_child;
} walk_frame;

static wn_node *push_node(wn_doc *doc, size_t max_nodes, wn_status *status)
{
    if (doc->count >= max_nodes) {
        *status = WN_ERR_TOO_MANY_NODES;
        return NULL;
    }
    if (doc->count == doc->capacity) {
        /* 256 nodes (36 KiB) to start: 1024 made every page, however small,
         * allocate a block past 128 KiB, which ASan (and glibc before its
         * threshold adapts) maps and unmaps on every call. */
        uint32_t cap = doc->capacity ? doc->capacity * 2 : 256;
        /* While realloc moves it, old and new arrays are both held. */
        if (doc->budget && !wn_arena_charge(doc->budget, (size_t)cap * sizeof *doc->nodes)) {
            *status = WN_ERR_MEMORY_LIMIT;
            return NULL;
        }
        wn_node *grown = realloc(doc->nodes, (size_t)cap * sizeof *grown);
        if (!grown) {
            *status = WN_ERR_NOMEM;
            return NULL;
        }
        if (doc->budget)
            wn_arena_uncharge(doc->budget, (size_t)doc->capacity * sizeof *doc->nodes);
        doc->nodes = grown;
        doc->capacity = cap;
    }
    wn_node *n = &doc->nodes[doc->count++];
    memset(n, 0, sizeof *n);
    n->parent = WN_NONE;
    n->block = WN_NONE;
    return n;
}

/* A copy with white space runs collapsed to one space and the ends trimmed. */
static const char *trimmed_copy(wn_arena *arena, const char *text)
{
    size_t len = strlen(text);
    char *out = wn_arena_alloc(arena, len + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

/* Records the text of a JSON-LD script. */
static void note_jsonld(const GumboElement *el, wn_doc *doc)
{
    const char *type = attribute(el, "type");
    if (!type || !contains_ci(type, "ld+json") || doc->jsonld_count == WN_DOC_JSONLD_MAX ||
        el->children.length != 1)
        return;
    const GumboNode *t = el->children.data[0];
    if (t->type == GUMBO_NODE_TEXT)
        doc->jsonld[doc->jsonld_count++] = t->v.text.text;
}

/* Records a declaration (bounded by WN_DOC_TAGS_MAX). */
static void note_tag(wn_doc *doc, wn_arena *arena, uint8_t kind, const char *key,
                     const char *value, uint32_t node)
{
    if (!key || !*key || doc->tag_count >= WN_DOC_TAGS_MAX)
        return;
    if (!doc->tags) {
        doc->tags = wn_arena_alloc(arena, WN_DOC_TAGS_MAX * sizeof *doc->tags);
        if (!doc->tags)
            return;
    }
    doc->tags[doc->tag_count++] = (wn_doc_tag){key, value, node, kind};
}

/* The declarations of one element: <meta>, <link>, <time>, itemprop. */
static void note_declarations(const GumboElement *el, wn_arena *arena, wn_doc *doc,
                              uint32_t node)
{
    if (el->tag == GUMBO_TAG_META) {
        const char *content = attribute(el, "content");
        if (!content)
            return;
        const char *key = attribute(el, "property");
        if (!key)
            key = attribute(el, "name");
        if (!key)
            key = attribute(el, "itemprop");
        if (!key)
            key = attribute(el, "http-equiv");
        note_tag(doc, arena, WN_TAG_META, key, content, node);
        return;
    }
    if (el->tag == GUMBO_TAG_LINK) {
        const char *href = attribute(el, "href");
        const char *rel = attribute(el, "rel");
        if (href && rel)
            note_tag(doc, arena, WN_TAG_LINK, rel, href, node);
        if (href && (rel = attribute(el, "itemprop")) != NULL)
            note_tag(doc, arena, WN_TAG_ITEMPROP, rel, href, node);
        return;
    }
    if (el->tag == GUMBO_TAG_A) {
        const char *rel = attribute(el, "rel");
        const char *href = attribute(el, "href");
        if (rel && href && (contains_ci(rel, "license") || contains_ci(rel, "author") ||
                            contains_ci(rel, "tag")))
            note_tag(doc, arena, WN_TAG_LINK, rel, href, node);
    }
    const char *itemprop = attribute(el, "itemprop");
    if (itemprop) {
        const char *value = attribute(el, "content");
        if (!value)
            value = attribute(el, "datetime");
        note_tag(doc, arena, WN_TAG_ITEMPROP, itemprop, value, node);
    }
    if (el->tag == GUMBO_TAG_TIME) {
        const char *dt = attribute(el, "datetime");
        if (dt && node != WN_NONE)
            note_tag(doc, arena, WN_TAG_TIME, "time", dt, node);
    }
}

/* <title>, og:title and lang from the head (its direct children only). */
static void read_head(const GumboNode *head, wn_arena *arena, wn_doc *doc)
{
    const GumboVector *children = &head->v.element.children;
    for (unsigned i = 0; i < children->length; i++) {
        const GumboNode *c = children->data[i];
        if (c->type != GUMBO_NODE_ELEMENT)
            continue;
        const GumboElement *el = &c->v.element;
        if (el->tag == GUMBO_TAG_SCRIPT)
            note_jsonld(el, doc);
        note_declarations(el, arena, doc, WN_NONE);
        if (el->tag == GUMBO_TAG_TITLE && !doc->title && el->children.length) {
            const GumboNode *t = el->children.data[0];
            if (t->type == GUMBO_NODE_TEXT)
                doc->title = trimmed_copy(arena, t->v.text.text);
        } else if (el->tag == GUMBO_TAG_META && !doc->og_title) {
            const char *prop = attribute(el, "property");
            const char *content = attribute(el, "content");
            if (prop && content && strcasecmp(prop, "og:title") == 0)
                doc->og_title = trimmed_copy(arena, content);
        }
    }
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
        p->paragraphs += n->paragraphs;
        p->links += n->links;
        p->images += n->images;
        p->items += n->items;
        p->inputs += n->inputs;
        p->elements += n->elements;
        if ((n->flags & WN_NODE_HOLDS_BLOCKS) ||
            (n->kind == WN_NODE_ELEMENT && n->all.chars && holds_blocks_tag((GumboTag)n->tag)))
            p->flags |= WN_NODE_HOLDS_BLOCKS;
        if (n->kind == WN_NODE_ELEMENT) {
            p->elements++;
            switch ((GumboTag)n->tag) {
            case GUMBO_TAG_P: p->paragraphs++; break;
            case GUMBO_TAG_LI: p->items++; break;
            case GUMBO_TAG_IMG: p->images++; break;
            case GUMBO_TAG_A: if (n->flags & WN_NODE_IN_LINK) p->links++; break;
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
        if (n->kind == WN_NODE_TEXT && n->text_len) {
            bool ink = false;
            for (uint32_t k = 0; k < n->text_len && !ink; k++)
                ink = !is_ascii_space((unsigned char)n->text[k]);
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
    n->kind = WN_NODE_TEXT;
    n->text = g->v.text.text;
    size_t len = strlen(n->text);
    mend_utf8((char *)n->text, len);
    n->text_len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    n->flags = p->flags & (WN_NODE_IN_LINK | WN_NODE_PREFORMATTED);
    n->block = p->block;
    wn_text_measure(n->text, n->text_len, &n->all);
    if (n->flags & WN_NODE_IN_LINK)
        n->link_chars = n->all.chars;
    wn_node *b = &doc->nodes[n->block];
    add_stats(&b->own, &n->all);
    b->own_link_chars += n->link_chars;
}

static void init_element(wn_doc *doc, uint32_t index, const GumboElement *el, uint32_t parent)
{
    wn_node *n = &doc->nodes[index];
    n->kind = WN_NODE_ELEMENT;
    n->tag = (uint16_t)el->tag;
    n->class_attr = attribute(el, "class");
    n->id_attr = attribute(el, "id");
    n->hints = element_hints(el, n->class_attr, n->id_attr);
    if (parent != WN_NONE) {
        const wn_node *p = &doc->nodes[parent];
        n->flags = p->flags & (WN_NODE_IN_LINK | WN_NODE_PREFORMATTED);
        n->block = p->block;
    }
    if (el->tag == GUMBO_TAG_A && attribute(el, "href"))
        n->flags |= WN_NODE_IN_LINK;
    if (el->tag == GUMBO_TAG_PRE || el->tag == GUMBO_TAG_LISTING || el->tag == GUMBO_TAG_PLAINTEXT ||
        el->tag == GUMBO_TAG_XMP)
        n->flags |= WN_NODE_PREFORMATTED;
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
    const char *lang = attribute(&root->v.element, "lang");
    if (lang)
        doc->lang = lang;

    size_t stack_cap = 256, depth = 0;
    walk_frame *stack = malloc(stack_cap * sizeof *stack);
    if (!stack)
        return WN_ERR_NOMEM;
    if (!push_node(doc, limits->max_nodes, &status)) {
        free(stack);
        return status;
    }
    init_element(doc, 0, &root->v.element, WN_NONE);
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
            if (!push_node(doc, limits->max_nodes, &status))
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
            read_head(child, arena, doc);
            continue;
        }
        if (el->tag == GUMBO_TAG_SCRIPT)
            note_jsonld(el, doc);
        else if (el->tag == GUMBO_TAG_NOSCRIPT)
            doc->noscripts++;
        if ((tag_is_skipped(el->tag) && !(el->tag == GUMBO_TAG_NOSCRIPT && limits->read_noscript)) ||
            el->tag_namespace != GUMBO_NAMESPACE_HTML || element_hidden(el)) {
            if (is_form_control(el->tag))
                doc->nodes[parent].inputs++;
            continue;
        }
        uint32_t index = parent;
        /* Past max_depth an element adds no node: its content is read as
         * part of the deepest kept ancestor (the walk stays iterative). */
        if (depth < limits->max_depth) {
            if (!push_node(doc, limits->max_nodes, &status))
                break;
            index = doc->count - 1;
            doc->nodes[index].parent = parent;
            doc->nodes[index].depth = (uint16_t)(doc->nodes[parent].depth + 1);
            init_element(doc, index, el, parent);
            note_declarations(el, arena, doc, index);
            if (el->tag == GUMBO_TAG_BODY && doc->body == 0)
                doc->body = index;
        } else {
            doc->flattened = true;
        }
        if (depth == stack_cap) {
            size_t cap = stack_cap * 2;
            walk_frame *grown = realloc(stack, cap * sizeof *grown);
            if (!grown) {
                status = WN_ERR_NOMEM;
                break;
            }
            stack = grown;
            stack_cap = cap;
        }
        stack[depth++] = (walk_frame){child, index, 0};
    }
    free(stack);
    if (status != WN_OK) {
        wn_doc_free(doc);
        return status;
    }
    aggregate(doc);
    link_text_runs(doc);
    return WN_OK;
}

void wn_doc_free(wn_doc *doc)
{
    if (doc->budget)
        wn_arena_uncharge(doc->budget, (size_t)doc->capacity * sizeof *doc->nodes);
    free(doc->nodes);
    doc->nodes = NULL;
    doc->count = doc->capacity = 0;
}
