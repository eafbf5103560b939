/* What the block tree records for later stages: the head's title, JSON-LD,
 * <meta>/<link>/itemprop/<time> declarations, links' and images'
 * attributes (blocks_internal.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "blocks/blocks_internal.h"

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
void wn_blk_note_jsonld(const GumboElement *el, wn_doc *doc)
{
    const char *type = wn_blk_attribute(el, "type");
    if (!type || !wn_blk_contains_ci(type, "ld+json") || doc->jsonld_count == WN_DOC_JSONLD_MAX ||
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
    if (doc->tag_count == doc->tag_cap) {
        /* Doubled from 16: most pages declare a few dozen things, and the
         * whole WN_DOC_TAGS_MAX (12 KiB) at the first was most of a small
         * page's declarations' memory. The outgrown arrays stay in the
         * arena, less than the last one together. */
        unsigned cap = doc->tag_cap ? doc->tag_cap * 2 : 16;
        if (cap > WN_DOC_TAGS_MAX)
            cap = WN_DOC_TAGS_MAX;
        wn_doc_tag *grown = wn_arena_alloc(arena, cap * sizeof *grown);
        if (!grown)
            return;
        if (doc->tag_count)
            memcpy(grown, doc->tags, doc->tag_count * sizeof *grown);
        doc->tags = grown;
        doc->tag_cap = cap;
    }
    doc->tags[doc->tag_count++] = (wn_doc_tag){key, value, node, kind};
}

/* The declarations of one element: <meta>, <link>, <time>, itemprop. */
void wn_blk_note_declarations(const GumboElement *el, const attr_set *a, wn_arena *arena,
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
        if (rel && href && (wn_blk_contains_ci(rel, "license") || wn_blk_contains_ci(rel, "author") ||
                            wn_blk_contains_ci(rel, "tag")))
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
    const char *src = wn_blk_attribute(el, "src");
    if (src && *src && strncasecmp(src, "data:", 5) != 0)
        return src;
    static const char *const lazy[] = {"data-src", "data-original", "data-lazy-src"};
    for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++) {
        const char *v = wn_blk_attribute(el, lazy[i]);
        if (v && *v)
            return v;
    }
    const char *set = wn_blk_attribute(el, "srcset");
    if (!set)
        set = wn_blk_attribute(el, "data-srcset");
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

void wn_blk_note_inline(const GumboElement *el, wn_arena *arena, wn_doc *doc, uint32_t node)
{
    const char *url = NULL, *alt = NULL;
    if (el->tag == GUMBO_TAG_A) {
        url = wn_blk_attribute(el, "href");
    } else if (el->tag == GUMBO_TAG_IMG) {
        url = image_url(el, arena);
        alt = wn_blk_attribute(el, "alt");
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
void wn_blk_read_head(const GumboNode *head, wn_arena *arena, wn_doc *doc)
{
    const GumboVector *children = &head->v.element.children;
    for (unsigned i = 0; i < children->length; i++) {
        const GumboNode *c = children->data[i];
        if (c->type != GUMBO_NODE_ELEMENT)
            continue;
        const GumboElement *el = &c->v.element;
        if (el->tag == GUMBO_TAG_SCRIPT)
            wn_blk_note_jsonld(el, doc);
        attr_set a;
        wn_blk_read_attributes(el, &a);
        wn_blk_note_declarations(el, &a, arena, doc, WN_NONE);
        if (el->tag == GUMBO_TAG_BASE && !doc->base_href)
            doc->base_href = wn_blk_attribute(el, "href");
        if (el->tag == GUMBO_TAG_TITLE && !doc->title && el->children.length) {
            const GumboNode *t = el->children.data[0];
            if (t->type == GUMBO_NODE_TEXT)
                doc->title = trimmed_copy(arena, t->v.text.text);
        } else if (el->tag == GUMBO_TAG_META && !doc->og_title) {
            const char *prop = wn_blk_attribute(el, "property");
            const char *content = wn_blk_attribute(el, "content");
            if (prop && content && strcasecmp(prop, "og:title") == 0)
                doc->og_title = trimmed_copy(arena, content);
        }
    }
}
