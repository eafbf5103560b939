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

/* The attributes this file reads, found in one pass over an element's
 * attributes (the first 64, as attribute() reads them; the first of a
 * name wins). */
enum {
    A_CLASS, A_ID, A_ROLE, A_ITEMPROP, A_STYLE, A_HIDDEN, A_ARIA_HIDDEN, A_HREF, A_REL,
    A_CONTENT, A_PROPERTY, A_NAME, A_HTTP_EQUIV, A_DATETIME, A_COUNT
};
static const char *const ATTR_NAMES[A_COUNT] = {
    "class", "id", "role", "itemprop", "style", "hidden", "aria-hidden", "href", "rel",
    "content", "property", "name", "http-equiv", "datetime"};

typedef struct attr_set {
    const char *v[A_COUNT];
} attr_set;

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static void read_attributes(const GumboElement *el, attr_set *set)
{
    memset(set, 0, sizeof *set);
    const GumboVector *attrs = &el->attributes;
    unsigned limit = attrs->length < 64 ? attrs->length : 64;
    for (unsigned i = 0; i < limit; i++) {
        const GumboAttribute *a = attrs->data[i];
        int first = ascii_lower((unsigned char)a->name[0]);
        for (unsigned k = 0; k < A_COUNT; k++) {
            if (ATTR_NAMES[k][0] != first || set->v[k] || strcasecmp(a->name, ATTR_NAMES[k]) != 0)
                continue;
            set->v[k] = a->value;
            break;
        }
    }
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

/* The white-space an inline style sets: 1 keeps the text's line breaks
 * and spaces (pre, pre-wrap, pre-line, break-spaces: pre-line's runs of
 * spaces are kept too), 0 collapses them (normal, nowrap), -1 says
 * nothing. */
static int style_white_space(const char *style)
{
    char compact[256];
    size_t n = 0;
    for (const char *p = style; *p && n < sizeof compact - 1; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n')
            compact[n++] = *p;
    compact[n] = '\0';
    const char *last = NULL;
    for (const char *p = compact; (p = strstr(p, "white-space:")) != NULL; p++)
        last = p + sizeof "white-space:" - 1; /* the last declaration wins */
    if (!last)
        return -1;
    if (strncasecmp(last, "pre", 3) == 0 || strncasecmp(last, "break-spaces", 12) == 0)
        return 1;
    if (strncasecmp(last, "normal", 6) == 0 || strncasecmp(last, "nowrap", 6) == 0)
        return 0;
    return -1;
}

static bool element_hidden(const attr_set *a)
{
    if (a->v[A_HIDDEN])
        return true;
    const char *aria = a->v[A_ARIA_HIDDEN];
    if (aria && strcasecmp(aria, "true") == 0)
        return true;
    const char *style = a->v[A_STYLE];
    return style && style_hides(style);
}

/* The hints of class and id values already read, and of the names they
 * are made of: a page repeats the same few values on most of its elements
 * ("item", "nav-link") and the same names across its values ("btn
 * btn-primary", "btn btn-link"), and reading one through the lexicon costs
 * thousands of instructions. Open addressing, keyed by the bytes (the
 * strings stay in the parse while the tree is built); once three quarters
 * full, a table takes no more. */
#define HINT_CACHE_SLOTS 512u /* a power of two; 16 KiB a table */
typedef struct hint_slot {
    const char *key;    /* NULL: empty */
    uint32_t len, hash;
    wn_name_hints hints; /* values: .rest holds the value's hints */
} hint_slot;

typedef struct hint_table {
    hint_slot *slots;   /* NULL: none (allocation failed) */
    unsigned used;
} hint_table;

typedef struct hint_cache {
    hint_table values, names;
} hint_cache;

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* The slot of key, or the empty slot where it would go (NULL: the table
 * is full or missing). */
static hint_slot *hint_find(hint_table *t, const char *key, size_t len, uint32_t h, bool *found)
{
    *found = false;
    if (!t->slots)
        return NULL;
    for (uint32_t k = h & (HINT_CACHE_SLOTS - 1);; k = (k + 1) & (HINT_CACHE_SLOTS - 1)) {
        hint_slot *slot = &t->slots[k];
        if (!slot->key)
            return t->used < HINT_CACHE_SLOTS / 4 * 3 ? slot : NULL;
        if (slot->hash == h && slot->len == len && memcmp(slot->key, key, len) == 0) {
            *found = true;
            return slot;
        }
    }
}

static void hint_store(hint_table *t, hint_slot *slot, const char *key, size_t len, uint32_t h,
                       const wn_name_hints *hints)
{
    if (!slot)
        return;
    slot->key = key;
    slot->len = (uint32_t)len;
    slot->hash = h;
    slot->hints = *hints;
    t->used++;
}

/* wn_hints_from_attribute() of a value, read name by name
 * (wn_name_hints_of()). */
static uint32_t hints_by_names(hint_cache *cache, const char *value, size_t len)
{
    uint32_t hints = 0;
    bool negated = false, live = false;
    size_t i = 0;
    while (i < len) {
        while (i < len && wn_class_space(value[i]))
            i++;
        size_t start = i;
        while (i < len && !wn_class_space(value[i]))
            i++;
        if (i == start)
            break;
        const char *name = value + start;
        size_t n = i - start;
        uint32_t h = hash_bytes(name, n);
        bool found;
        hint_slot *slot = hint_find(&cache->names, name, n, h, &found);
        wn_name_hints p;
        if (found) {
            p = slot->hints;
        } else {
            wn_name_hints_of(name, n, &p);
            hint_store(&cache->names, slot, name, n, h, &p);
        }
        if (!p.words)
            continue;
        hints |= p.rest | (negated ? 0 : p.first);
        negated = p.negates;
        live |= p.live;
    }
    if (live)
        hints &= ~WN_HINT_COMMENTS;
    return hints;
}

static uint32_t hints_of_value(hint_cache *cache, const char *value)
{
    size_t len = strlen(value);
    if (len > WN_NAME_HINTS_VALUE_MAX)
        return wn_hints_from_attribute(value, len);
    uint32_t h = hash_bytes(value, len);
    bool found;
    hint_slot *slot = hint_find(&cache->values, value, len, h, &found);
    if (found)
        return slot->hints.rest;
    wn_name_hints v = {0, hints_by_names(cache, value, len), false, false, false};
    hint_store(&cache->values, slot, value, len, h, &v);
    return v.rest;
}

static uint32_t element_hints(hint_cache *cache, const GumboElement *el, const attr_set *a,
                              const char *cls, const char *id)
{
    uint32_t hints = tag_hints(el->tag);
    if (cls)
        hints |= hints_of_value(cache, cls);
    if (id)
        hints |= hints_of_value(cache, id);
    const char *role = a->v[A_ROLE];
    if (role)
        hints |= wn_hints_from_role(role, strlen(role));
    const char *itemprop = a->v[A_ITEMPROP];
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
static void note_declarations(const GumboElement *el, const attr_set *a, wn_arena *arena,
                              wn_doc *doc, uint32_t node)
{
    if (el->tag == GUMBO_TAG_META) {
        const char *content = a->v[A_CONTENT];
        if (!content)
            return;
        const char *key = a->v[A_PROPERTY];
        if (!key)
            key = a->v[A_NAME];
        if (!key)
            key = a->v[A_ITEMPROP];
        if (!key)
            key = a->v[A_HTTP_EQUIV];
        note_tag(doc, arena, WN_TAG_META, key, content, node);
        return;
    }
    if (el->tag == GUMBO_TAG_LINK) {
        const char *href = a->v[A_HREF];
        const char *rel = a->v[A_REL];
        if (href && rel)
            note_tag(doc, arena, WN_TAG_LINK, rel, href, node);
        if (href && (rel = a->v[A_ITEMPROP]) != NULL)
            note_tag(doc, arena, WN_TAG_ITEMPROP, rel, href, node);
        return;
    }
    if (el->tag == GUMBO_TAG_A) {
        const char *rel = a->v[A_REL];
        const char *href = a->v[A_HREF];
        if (rel && href && (contains_ci(rel, "license") || contains_ci(rel, "author") ||
                            contains_ci(rel, "tag")))
            note_tag(doc, arena, WN_TAG_LINK, rel, href, node);
    }
    const char *itemprop = a->v[A_ITEMPROP];
    if (itemprop) {
        const char *value = a->v[A_CONTENT];
        if (!value)
            value = a->v[A_DATETIME];
        note_tag(doc, arena, WN_TAG_ITEMPROP, itemprop, value, node);
    }
    if (el->tag == GUMBO_TAG_TIME) {
        const char *dt = a->v[A_DATETIME];
        if (dt && node != WN_NONE)
            note_tag(doc, arena, WN_TAG_TIME, "time", dt, node);
    }
}

static bool is_space_byte(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* An image's URL: src, unless missing or a data: placeholder that a
 * lazy-loading script replaces from another attribute. */
static const char *image_url(const GumboElement *el, wn_arena *arena)
{
    const char *src = attribute(el, "src");
    if (src && *src && strncasecmp(src, "data:", 5) != 0)
        return src;
    static const char *const lazy[] = {"data-src", "data-original", "data-lazy-src"};
    for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++) {
        const char *v = attribute(el, lazy[i]);
        if (v && *v)
            return v;
    }
    const char *set = attribute(el, "srcset");
    if (!set)
        set = attribute(el, "data-srcset");
    if (set && *set && !(src && *src)) {
        /* The first candidate's URL: up to white space, or a comma that ends it. */
        while (is_space_byte(*set))
            set++;
        size_t n = 0;
        while (set[n] && !is_space_byte(set[n]))
            n++;
        if (n && set[n - 1] == ',')
            n--;
        if (n)
            return wn_arena_strndup(arena, set, n);
    }
    return src;
}

static void note_inline(const GumboElement *el, wn_arena *arena, wn_doc *doc, uint32_t node)
{
    const char *url = NULL, *alt = NULL;
    if (el->tag == GUMBO_TAG_A) {
        url = attribute(el, "href");
    } else if (el->tag == GUMBO_TAG_IMG) {
        url = image_url(el, arena);
        alt = attribute(el, "alt");
        if (!url)
            url = "";
    }
    if (!url)
        return;
    if (doc->attr_count == doc->attr_cap) {
        uint32_t cap = doc->attr_cap ? doc->attr_cap * 2 : 64;
        wn_doc_attr *grown = wn_arena_alloc(arena, (size_t)cap * sizeof *grown);
        if (!grown)
            return;
        if (doc->attr_count)
            memcpy(grown, doc->attrs, doc->attr_count * sizeof *grown);
        doc->attrs = grown;
        doc->attr_cap = cap;
    }
    doc->attrs[doc->attr_count++] = (wn_doc_attr){node, url, alt};
}

const wn_doc_attr *wn_doc_attr_of(const wn_doc *doc, uint32_t node)
{
    uint32_t lo = 0, hi = doc->attr_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (doc->attrs[mid].node < node)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->attr_count && doc->attrs[lo].node == node ? &doc->attrs[lo] : NULL;
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
        attr_set a;
        read_attributes(el, &a);
        note_declarations(el, &a, arena, doc, WN_NONE);
        if (el->tag == GUMBO_TAG_BASE && !doc->base_href)
            doc->base_href = attribute(el, "href");
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
    /* White space between tags (most text nodes of a page) has nothing to
     * mend or count: its stats stay zero. */
    bool blank = g->type == GUMBO_NODE_WHITESPACE;
    for (size_t i = 0; blank && i < len; i++)
        blank = is_ascii_space((unsigned char)n->text[i]);
    if (!blank)
        mend_utf8((char *)n->text, len);
    n->text_len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    n->flags = p->flags & (WN_NODE_IN_LINK | WN_NODE_PREFORMATTED);
    n->block = p->block;
    if (!blank)
        wn_text_measure(n->text, n->text_len, &n->all);
    if (n->flags & WN_NODE_IN_LINK)
        n->link_chars = n->all.chars;
    wn_node *b = &doc->nodes[n->block];
    add_stats(&b->own, &n->all);
    b->own_link_chars += n->link_chars;
}

static void init_element(wn_doc *doc, hint_cache *cache, uint32_t index, const GumboElement *el,
                         const attr_set *a, uint32_t parent)
{
    wn_node *n = &doc->nodes[index];
    n->kind = WN_NODE_ELEMENT;
    n->tag = (uint16_t)el->tag;
    n->class_attr = a->v[A_CLASS];
    n->id_attr = a->v[A_ID];
    n->hints = element_hints(cache, el, a, n->class_attr, n->id_attr);
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
        int pre = style_white_space(a->v[A_STYLE]);
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
    hint_cache cache = {{calloc(HINT_CACHE_SLOTS, sizeof(hint_slot)), 0},
                        {calloc(HINT_CACHE_SLOTS, sizeof(hint_slot)), 0}};
    if (!push_node(doc, limits->max_nodes, &status)) {
        free(cache.values.slots);
        free(cache.names.slots);
        free(stack);
        return status;
    }
    attr_set root_attrs;
    read_attributes(&root->v.element, &root_attrs);
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
        attr_set a;
        bool skip = (tag_is_skipped(el->tag) &&
                     !(el->tag == GUMBO_TAG_NOSCRIPT && limits->read_noscript)) ||
                    el->tag_namespace != GUMBO_NAMESPACE_HTML;
        if (!skip) {
            read_attributes(el, &a);
            skip = element_hidden(&a);
        }
        if (skip) {
            if (is_form_control(el->tag))
                doc->nodes[parent].inputs++;
            if (el->tag == GUMBO_TAG_INPUT) {
                read_attributes(el, &a);
                if (element_hidden(&a))
                    continue;
                const char *type = attribute(el, "type");
                if (type && strcasecmp(type, "password") == 0 && doc->passwords < WN_DOC_PASSWORDS_MAX)
                    doc->password_nodes[doc->passwords++] = parent;
            }
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
            init_element(doc, &cache, index, el, &a, parent);
            note_declarations(el, &a, arena, doc, index);
            if (limits->inline_attrs && (el->tag == GUMBO_TAG_A || el->tag == GUMBO_TAG_IMG))
                note_inline(el, arena, doc, index);
            if (el->tag == GUMBO_TAG_BASE && !doc->base_href)
                doc->base_href = attribute(el, "href");
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
    free(cache.values.slots);
    free(cache.names.slots);
    free(stack);
    if (status != WN_OK) {
        wn_doc_free(doc);
        return status;
    }
    aggregate(doc);
    link_text_runs(doc);
    /* The array grew by doubling: the end it did not fill goes back. */
    if (doc->count && doc->count < doc->capacity) {
        wn_node *fit = realloc(doc->nodes, (size_t)doc->count * sizeof *fit);
        if (fit) {
            if (doc->budget)
                wn_arena_uncharge(doc->budget,
                                  (size_t)(doc->capacity - doc->count) * sizeof *doc->nodes);
            doc->nodes = fit;
            doc->capacity = doc->count;
        }
    }
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
