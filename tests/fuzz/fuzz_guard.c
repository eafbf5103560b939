/* libFuzzer target: the pre-parse guard (src/guard/guard.h) against Gumbo itself.
 *
 * The guard promises that the copy it hands to the parser makes Gumbo build
 * a tree no deeper than max_depth, with no element over max_attributes, from
 * no more start tags than it counted. It keeps that promise only as far as
 * its model of the HTML tokenizer and tree builder agrees with Gumbo's; this
 * target parses the guard's output with Gumbo and checks the tree Gumbo
 * actually built.
 *
 * Input: two header bytes, then the page (UTF-8, as the guard gets it after
 * decoding).
 *   byte 0  (b0 & 7) == 0: default limits (depth 512, attributes 256,
 *           elements 2,000,000); else tiny ones: depth 8 + (b0 >> 3) % 17
 *   byte 1  tiny limits only: attributes 2 + b1 % 5; when b1 & 0x80, at most
 *           8 + ((b1 >> 3) & 15) * 8 elements, else 2,000,000
 * e.g. "Aa" (0x41 0x61): depth 16, attributes 4, elements 2,000,000.
 *
 * Checks, each printing what it measured before abort():
 *   status   WN_OK, or WN_ERR_TOO_MANY_NODES only with report.nodes past
 *            max_elements; the copy is never longer than the page but for
 *            the escapes of '<' in raw text (at most 5 bytes more each) and
 *            the end tag that closes a raw-text element that never closes
 *            (at most 11 bytes, "</noframes>", for the start tag's '<').
 *   depth    source depth (ancestors-or-self that came from a start tag of
 *            the page, without html/head/body) <= max_depth: the guard's own
 *            model; a leaf (no element children: void elements, raw text
 *            such as <title>, which the guard never cuts) may sit at
 *            max_depth + 1; total depth (every element ancestor: html, body,
 *            parser-implied tbody/tr/colgroup, reconstructed formatting
 *            clones, adoption-agency moves) <= max_depth + DEPTH_ALLOWANCE,
 *            the guard's promise (guard.h): html and body above the limit.
 *   attrs    every element <= max_attributes, attributes merged into <html>
 *            and <body> from repeated tags included (+1 on the <input> an
 *            <isindex> becomes: Gumbo adds name="isindex").
 *   elements source elements <= report.elements (a start tag the guard did
 *            not see is a tokenizer divergence); all elements, clones and
 *            implied ones included, <= report.elements + 3 (html, head,
 *            body), and <= ELEMENTS_PER_BYTE * len + 16.
 *   work     Gumbo allocator calls <= ALLOCS_PER_BYTE * len + ALLOC_BASE.
 *   trims    the copy made without the trims (limits.untrimmed: white
 *            space runs and unread attributes left whole) parses to the same
 *            tree: the same nodes and elements (so the Noah's ark clause
 *            decided alike on the stand-ins of formatting elements'
 *            attributes), and the same texts, byte for byte below an element
 *            that keeps its white space (pre, listing, plaintext, xmp,
 *            textarea, title, a style naming white-space), elsewhere once
 *            each run of white space is read as one space; but for a script
 *            whose type names no JSON-LD, which may have lost its text;
 *            and the attributes a reader wants are kept with their values
 *            (read_attribute_lost()).
 *
 * Gumbo is not built with coverage instrumentation, so libFuzzer would see
 * only the guard's branches. Under libFuzzer (WN_LIBFUZZER), the tree feeds
 * extra counters back: each tag Gumbo built by how it got there (from the
 * page, implied, re-created), and how close the tree came to each limit, so
 * that inputs nearing a violation are kept and mutated further. */
#include <gumbo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "guard/guard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libFuzzer's extra counters: every non-zero byte (and its hit count, in
 * buckets) is a feature of the run. */
enum {
    FEATURE_TAGS = 0,                                  /* tag * 4 + origin */
    FEATURE_DEPTH = FEATURE_TAGS + (GUMBO_TAG_LAST + 1) * 4, /* margin to max_depth */
    FEATURE_ELEMENTS = FEATURE_DEPTH + 32,             /* margin to report.elements */
    FEATURE_ATTRIBUTES = FEATURE_ELEMENTS + 32,        /* margin to max_attributes */
    FEATURE_TOTAL = FEATURE_ATTRIBUTES + 16
};
#ifdef WN_LIBFUZZER
__attribute__((section("__libfuzzer_extra_counters")))
#endif
static uint8_t features[FEATURE_TOTAL];

static void feature(size_t at)
{
    if (features[at] < 255)
        features[at]++;
}

/* A margin (limit - measured, >= 0 while within the limit) as a feature:
 * the closer, the more distinct buckets. */
static void margin_feature(size_t base, size_t buckets, long long margin)
{
    size_t b = margin < 0 ? 0 : margin >= (long long)buckets - 1 ? buckets - 1 : (size_t)margin + 1;
    feature(base + b);
}

/* html and body: the guard's model counts everything below them, the
 * wrappers Gumbo implies around table rows and columns, the formatting
 * elements it re-creates and the levels the adoption agency adds included. */
#define DEPTH_ALLOWANCE 2
/* "<p>x" makes a <p> and re-creates up to 32 formatting elements: 33
 * elements per 4 bytes. */
#define ELEMENTS_PER_BYTE 9
/* Gumbo's fixed cost (parser, document, html/head/body, buffers), then what
 * a byte may cost: an attribute is 3 allocations (struct, name, value) per
 * 2 bytes ("<b a b c>"), a tag a node and a few vectors; and re-creating
 * the formatting list, at most WN_GT_MAX_FORMATTING_WEIGHT (48) elements and
 * attributes at about 3 allocations each, can follow every 4 bytes ("<p>x"):
 * 36 a byte. */
#define ALLOC_BASE 256
#define ALLOCS_PER_BYTE 40

typedef struct counting {
    size_t calls;
    size_t bytes;
} counting;

static void *count_alloc(void *userdata, size_t size)
{
    counting *c = userdata;
    c->calls++;
    c->bytes += size;
    return malloc(size);
}

static void count_free(void *userdata, void *ptr)
{
    (void)userdata;
    free(ptr);
}

typedef struct limits_case {
    wn_guard_limits limits;
    int defaults;
} limits_case;

static limits_case pick_limits(uint8_t b0, uint8_t b1)
{
    limits_case c;
    c.limits.untrimmed = 0;
    c.limits.inline_attrs = 0;
    if ((b0 & 7) == 0) {
        c.limits.max_depth = 512;
        c.limits.max_attributes = 256;
        c.limits.max_elements = 2000000;
        c.defaults = 1;
        return c;
    }
    c.limits.max_depth = 8 + (unsigned)(b0 >> 3) % 17;
    c.limits.max_attributes = 2 + (unsigned)b1 % 5;
    c.limits.max_elements = (b1 & 0x80) ? 8 + (size_t)((b1 >> 3) & 15) * 8 : 2000000;
    c.defaults = 0;
    return c;
}

typedef struct walk_item {
    const GumboNode *node;
    unsigned depth;        /* element ancestors-or-self */
    unsigned source_depth; /* of them, from start tags of the page */
} walk_item;

typedef struct tree_stats {
    size_t elements, source_elements;
    unsigned max_depth;
    unsigned max_source_depth; /* a leaf's less one */
    const GumboNode *deepest, *deepest_source;
    size_t max_attributes;
    const GumboNode *most_attributes;
    int attribute_violation;
    const GumboNode *attribute_violator;
} tree_stats;

static int from_source(const GumboNode *n)
{
    const GumboElement *e = &n->v.element;
    if (e->tag == GUMBO_TAG_HTML || e->tag == GUMBO_TAG_HEAD || e->tag == GUMBO_TAG_BODY)
        return 0;
    return !(n->parse_flags & (GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_IMPLIED |
                               GUMBO_INSERTION_CONVERTED_FROM_END_TAG |
                               GUMBO_INSERTION_FROM_ISINDEX |
                               GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                               GUMBO_INSERTION_ADOPTION_AGENCY_CLONED));
}

static int has_element_child(const GumboElement *e)
{
    for (unsigned i = 0; i < e->children.length; i++) {
        const GumboNode *c = e->children.data[i];
        if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE)
            return 1;
    }
    return 0;
}

static const char *node_name(const GumboNode *n)
{
    if (!n)
        return "-";
    const char *name = gumbo_normalized_tagname(n->v.element.tag);
    return *name ? name : "(unknown)";
}

/* Iterative depth-first walk over every element (template contents too). */
static void walk(const GumboNode *root, unsigned max_attributes, tree_stats *s)
{
    memset(s, 0, sizeof *s);
    size_t cap = 256, top = 0;
    walk_item *stack = malloc(cap * sizeof *stack);
    if (!stack)
        abort();
    stack[top++] = (walk_item){root, 0, 0};
    while (top) {
        walk_item it = stack[--top];
        const GumboNode *n = it.node;
        const GumboVector *children;
        unsigned depth = it.depth, source_depth = it.source_depth;
        if (n->type == GUMBO_NODE_DOCUMENT) {
            children = &n->v.document.children;
        } else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
            const GumboElement *e = &n->v.element;
            depth++;
            s->elements++;
            if (from_source(n)) {
                source_depth++;
                s->source_elements++;
            }
            unsigned origin = from_source(n) ? 0
                              : (n->parse_flags & (GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                                                   GUMBO_INSERTION_ADOPTION_AGENCY_CLONED)) ? 2
                              : (n->parse_flags & GUMBO_INSERTION_BY_PARSER) ? 1 : 3;
            feature(FEATURE_TAGS + (size_t)(e->tag <= GUMBO_TAG_LAST ? e->tag : GUMBO_TAG_LAST) * 4 +
                    origin);
            if (depth > s->max_depth) {
                s->max_depth = depth;
                s->deepest = n;
            }
            /* A leaf counts one level less: nothing is ever opened in it. */
            unsigned counted = source_depth;
            if (counted && from_source(n) && !has_element_child(e))
                counted--;
            if (counted > s->max_source_depth) {
                s->max_source_depth = counted;
                s->deepest_source = n;
            }
            size_t attrs = e->attributes.length;
            size_t allowed = max_attributes + ((n->parse_flags & GUMBO_INSERTION_FROM_ISINDEX) ? 1 : 0);
            if (attrs > s->max_attributes) {
                s->max_attributes = attrs;
                s->most_attributes = n;
            }
            if (attrs > allowed && !s->attribute_violation) {
                s->attribute_violation = 1;
                s->attribute_violator = n;
            }
            children = &e->children;
        } else {
            continue;
        }
        if (top + children->length > cap) {
            while (top + children->length > cap)
                cap *= 2;
            walk_item *grown = realloc(stack, cap * sizeof *stack);
            if (!grown)
                abort();
            stack = grown;
        }
        for (size_t i = children->length; i-- > 0;)
            stack[top++] = (walk_item){children->data[i], depth, source_depth};
    }
    free(stack);
}

static void report_and_abort(const char *what, const limits_case *c, size_t size,
                             const wn_guard_report *r, const tree_stats *s, const counting *alloc)
{
    fprintf(stderr,
            "fuzz_guard: %s\n"
            "  limits: max_depth %u, max_attributes %u, max_elements %zu%s; page %zu bytes\n"
            "  guard:  elements %zu, dropped deep %zu / formatting %zu / attributes %zu, "
            "max_depth_seen %u\n",
            what, c->limits.max_depth, c->limits.max_attributes, c->limits.max_elements,
            c->defaults ? " (defaults)" : "", size, r->elements, r->dropped_deep,
            r->dropped_formatting, r->dropped_attributes, r->max_depth_seen);
    if (s)
        fprintf(stderr,
                "  gumbo:  depth %u (deepest <%s>), source depth %u (<%s>; leaves less one), elements %zu "
                "(from source %zu), most attributes %zu (<%s>)\n",
                s->max_depth, node_name(s->deepest), s->max_source_depth,
                node_name(s->deepest_source), s->elements, s->source_elements,
                s->max_attributes, node_name(s->most_attributes));
    if (alloc)
        fprintf(stderr, "  gumbo:  %zu allocator calls, %zu bytes\n", alloc->calls, alloc->bytes);
    abort();
}

/* Whether an element keeps its text's white space (as blocks.c reads it,
 * and more: any style that names white-space). */
static int keeps_space(const GumboNode *n)
{
    const GumboElement *e = &n->v.element;
    if (e->tag_namespace == GUMBO_NAMESPACE_HTML &&
        (e->tag == GUMBO_TAG_PRE || e->tag == GUMBO_TAG_LISTING || e->tag == GUMBO_TAG_PLAINTEXT ||
         e->tag == GUMBO_TAG_XMP || e->tag == GUMBO_TAG_TEXTAREA || e->tag == GUMBO_TAG_TITLE))
        return 1;
    const GumboAttribute *style = gumbo_get_attribute(&e->attributes, "style");
    if (!style)
        return 0;
    static const char word[] = "white-space";
    for (const char *p = style->value; *p; p++) {
        size_t k = 0;
        for (const char *q = p; *q && k < sizeof word - 1; q++) {
            if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f')
                continue;
            char c = (*q >= 'A' && *q <= 'Z') ? (char)(*q + 32) : *q;
            if (c != word[k])
                break;
            k++;
        }
        if (k == sizeof word - 1)
            return 1;
    }
    return 0;
}

static int contains_nocase(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; *s; s++)
        if (strncasecmp(s, word, n) == 0)
            return 1;
    return 0;
}

/* The attributes a reader wants on an element, as the untrimmed tree has
 * them, must be on the trimmed one with the same value (an <a>'s href
 * without links or images wanted: the name alone; a long data: URL: its
 * "data:"): src/blocks reads class, id, role, itemprop, aria-modal,
 * hidden and aria-hidden on every element it walks (hidden and
 * aria-hidden on an <input> too), and what blocks/declare.c reads of a
 * <meta>, <link>, <base>, <a>, <time>, script, input or itemprop. NULL,
 * or the first attribute that differs. */
static const char *read_attribute_lost(const GumboNode *trimmed, const GumboNode *whole)
{
    const GumboElement *a = &trimmed->v.element, *b = &whole->v.element;
    if (b->tag_namespace != GUMBO_NAMESPACE_HTML || b->attributes.length > 64)
        return NULL;
    static const char *const every[] = {"class", "id", "role", "itemprop", "aria-modal",
                                        "hidden", "aria-hidden"};
    const char *names[24];
    size_t n = 0;
    int walked = 0;
    switch (b->tag) {
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_OBJECT: case GUMBO_TAG_MAP: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_RTC:
        break;
    case GUMBO_TAG_INPUT:
        names[n++] = "type";
        names[n++] = "hidden";
        names[n++] = "aria-hidden";
        break;
    default:
        for (size_t i = 0; i < sizeof every / sizeof *every; i++)
            names[n++] = every[i];
        walked = 1;
        break;
    }
    const GumboAttribute *itemprop = gumbo_get_attribute(&b->attributes, "itemprop");
    if (itemprop && walked) {
        names[n++] = "content";
        names[n++] = "datetime";
    }
    const GumboAttribute *rel = gumbo_get_attribute(&b->attributes, "rel");
    const GumboAttribute *type = gumbo_get_attribute(&b->attributes, "type");
    switch (b->tag) {
    case GUMBO_TAG_META:
        names[n++] = "name";
        names[n++] = "property";
        names[n++] = "http-equiv";
        names[n++] = "content";
        break;
    case GUMBO_TAG_TIME: names[n++] = "datetime"; break;
    case GUMBO_TAG_BASE: names[n++] = "href"; break;
    case GUMBO_TAG_LINK: names[n++] = "rel"; break;
    case GUMBO_TAG_A:
        names[n++] = "rel";
        if (rel && (contains_nocase(rel->value, "license") || contains_nocase(rel->value, "author") ||
                    contains_nocase(rel->value, "tag")))
            names[n++] = "href";
        else if (gumbo_get_attribute(&b->attributes, "href") &&
                 !gumbo_get_attribute(&a->attributes, "href"))
            return "href";
        break;
    case GUMBO_TAG_SCRIPT:
        if (type && contains_nocase(type->value, "ld+json"))
            names[n++] = "type";
        break;
    default:
        break;
    }
    for (size_t i = 0; i < n; i++) {
        const GumboAttribute *want = gumbo_get_attribute(&b->attributes, names[i]);
        const GumboAttribute *got = gumbo_get_attribute(&a->attributes, names[i]);
        if (!want)
            continue;
        /* a long data: URL keeps "data:" */
        int payload = strncasecmp(want->value, "data:", 5) == 0;
        if (!got || (payload ? strcmp(got->value, "data:") != 0 && strcmp(want->value, got->value) != 0
                             : strcmp(want->value, got->value) != 0))
            return names[i];
    }
    return NULL;
}

/* A script whose text no reader wants: its type (the first, as Gumbo keeps
 * it) does not name JSON-LD (src/blocks reads a script's text for that
 * alone). */
static int unread_script(const GumboNode *n)
{
    const GumboElement *e = &n->v.element;
    if (e->tag_namespace != GUMBO_NAMESPACE_HTML || e->tag != GUMBO_TAG_SCRIPT)
        return 0;
    const GumboAttribute *type = gumbo_get_attribute(&e->attributes, "type");
    if (!type)
        return 1;
    for (const char *p = type->value; *p; p++)
        if (strncasecmp(p, "ld+json", 7) == 0)
            return 0;
    return 1;
}

static int html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* a and b are the same once each run of white space is one space. */
static int same_but_space(const char *a, const char *b)
{
    for (;;) {
        if (html_space(*a) && html_space(*b)) {
            while (html_space(*a))
                a++;
            while (html_space(*b))
                b++;
            continue;
        }
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++;
        b++;
    }
}

typedef struct pair_item {
    const GumboNode *a, *b;
    int keep;
} pair_item;

/* Walks both trees side by side; the first difference, or NULL. */
static const char *compare_trees(const GumboNode *ra, const GumboNode *rb, const GumboNode **where)
{
    size_t cap = 256, top = 0;
    pair_item *stack = malloc(cap * sizeof *stack);
    if (!stack)
        abort();
    stack[top++] = (pair_item){ra, rb, 0};
    const char *diff = NULL;
    while (top && !diff) {
        pair_item it = stack[--top];
        const GumboNode *a = it.a, *b = it.b;
        *where = a;
        if (a->type != b->type) {
            diff = "node types differ";
            break;
        }
        const GumboVector *ca, *cb;
        int keep = it.keep;
        if (a->type == GUMBO_NODE_DOCUMENT) {
            ca = &a->v.document.children;
            cb = &b->v.document.children;
        } else if (a->type == GUMBO_NODE_ELEMENT || a->type == GUMBO_NODE_TEMPLATE) {
            const GumboElement *ea = &a->v.element, *eb = &b->v.element;
            if (ea->tag != eb->tag || ea->tag_namespace != eb->tag_namespace) {
                diff = "elements differ";
                break;
            }
            /* Attributes differ by design; white space as the untrimmed
             * copy says (its styles are all there). */
            const char *lost = read_attribute_lost(a, b);
            if (lost) {
                fprintf(stderr, "fuzz_guard: attribute %s\n", lost);
                diff = "an attribute a reader wants was trimmed";
                break;
            }
            keep = keep || keeps_space(b);
            ca = &ea->children;
            cb = &eb->children;
            if (ca->length == 0 && unread_script(b))
                continue; /* its text was cut */
        } else {
            const char *ta = a->v.text.text, *tb = b->v.text.text;
            if (keep ? strcmp(ta, tb) != 0 : !same_but_space(ta, tb))
                diff = keep ? "text that keeps its white space differs" : "texts differ";
            continue;
        }
        if (diff)
            break;
        if (ca->length != cb->length) {
            diff = "child counts differ";
            break;
        }
        if (top + ca->length > cap) {
            while (top + ca->length > cap)
                cap *= 2;
            pair_item *grown = realloc(stack, cap * sizeof *stack);
            if (!grown)
                abort();
            stack = grown;
        }
        for (size_t i = ca->length; i-- > 0;)
            stack[top++] = (pair_item){ca->data[i], cb->data[i], keep};
    }
    free(stack);
    return diff;
}

/* The trims check (see the top). */
static void check_white_space(const GumboOutput *parsed, const uint8_t *data, size_t size,
                              const limits_case *c, const wn_guard_report *r)
{
    limits_case kept = *c;
    kept.limits.untrimmed = 1;
    wn_arena arena;
    wn_arena_init(&arena, 0);
    const char *out = NULL;
    size_t out_len = 0;
    wn_guard_report kr;
    wn_status st = wn_guard(&arena, (const char *)data, size, &kept.limits, &out, &out_len, &kr);
    if (st != WN_OK)
        report_and_abort("untrimmed: another status", c, size, r, NULL, NULL);
    if (kr.collapsed_bytes)
        report_and_abort("untrimmed: runs collapsed", c, size, r, NULL, NULL);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput *whole = gumbo_parse_with_options(&options, out_len ? out : "", out_len);
    if (!whole || !whole->document)
        report_and_abort("gumbo_parse failed (untrimmed)", c, size, r, NULL, NULL);
    const GumboNode *where = NULL;
    const char *diff = compare_trees(parsed->document, whole->document, &where);
    if (diff) {
        fprintf(stderr, "fuzz_guard: %s near <%s> (%zu bytes collapsed)\n", diff,
                where && (where->type == GUMBO_NODE_ELEMENT || where->type == GUMBO_NODE_TEMPLATE)
                    ? node_name(where) : "#text",
                r->collapsed_bytes);
        report_and_abort("the trims changed the tree", c, size, r, NULL, NULL);
    }
    gumbo_destroy_output(&options, whole);
    wn_arena_release(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    limits_case c = pick_limits(data[0], data[1]);
    data += 2;
    size -= 2;

    wn_arena arena;
    wn_arena_init(&arena, 0);
    const char *out = NULL;
    size_t out_len = 0;
    wn_guard_report r;
    wn_status st = wn_guard(&arena, (const char *)data, size, &c.limits, &out, &out_len, &r);
    if (st == WN_ERR_TOO_MANY_NODES) {
        if (r.nodes <= c.limits.max_elements)
            report_and_abort("WN_ERR_TOO_MANY_NODES under max_elements", &c, size, &r, NULL, NULL);
        wn_arena_release(&arena);
        return 0;
    }
    if (st != WN_OK) {
        fprintf(stderr, "fuzz_guard: wn_guard: %s\n", wn_status_message(st));
        report_and_abort("unexpected status", &c, size, &r, NULL, NULL);
    }
    size_t lts = 0;
    for (size_t i = 0; i < size; i++)
        lts += data[i] == '<';
    if (out_len > size + 11 * lts || (out_len && !out))
        report_and_abort("the guard's copy is longer than the page", &c, size, &r, NULL, NULL);

    counting alloc = {0, 0};
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = count_alloc;
    options.deallocator = count_free;
    options.userdata = &alloc;
    options.max_errors = 0; /* as src/parse.c */
    GumboOutput *parsed = gumbo_parse_with_options(&options, out_len ? out : "", out_len);
    if (!parsed || !parsed->document)
        report_and_abort("gumbo_parse failed", &c, size, &r, NULL, &alloc);

    tree_stats s;
    walk(parsed->document, c.limits.max_attributes, &s);
    margin_feature(FEATURE_DEPTH, 32, (long long)c.limits.max_depth - s.max_source_depth);
    margin_feature(FEATURE_ELEMENTS, 32, (long long)r.elements - (long long)s.source_elements);
    margin_feature(FEATURE_ATTRIBUTES, 16, (long long)c.limits.max_attributes - (long long)s.max_attributes);
    if (getenv("FUZZ_GUARD_VERBOSE")) /* the measures of a passing input too */
        fprintf(stderr, "fuzz_guard: depth %u (source %u), elements %zu (source %zu, guard %zu), "
                        "most attributes %zu, %zu allocator calls; limits %u/%u, page %zu bytes\n",
                s.max_depth, s.max_source_depth, s.elements, s.source_elements, r.elements,
                s.max_attributes, alloc.calls, c.limits.max_depth, c.limits.max_attributes, size);
    if (s.max_source_depth > c.limits.max_depth)
        report_and_abort("source depth past max_depth", &c, size, &r, &s, &alloc);
    if (s.max_depth > c.limits.max_depth + DEPTH_ALLOWANCE)
        report_and_abort("depth past max_depth + DEPTH_ALLOWANCE", &c, size, &r, &s, &alloc);
    if (s.attribute_violation) {
        const GumboNode *v = s.attribute_violator;
        fprintf(stderr, "fuzz_guard: <%s> (parse flags 0x%x) has %u attributes:",
                node_name(v), (unsigned)v->parse_flags, v->v.element.attributes.length);
        for (unsigned i = 0; i < v->v.element.attributes.length; i++)
            fprintf(stderr, " %.40s", ((const GumboAttribute *)v->v.element.attributes.data[i])->name);
        const GumboStringPiece *tag = &v->v.element.original_tag;
        fprintf(stderr, "\n  start tag as parsed: %.*s\n", tag->length > 300 ? 300 : (int)tag->length,
                tag->data ? tag->data : "");
        report_and_abort("attributes past max_attributes", &c, size, &r, &s, &alloc);
    }
    if (s.source_elements > r.elements)
        report_and_abort("more elements from start tags than the guard counted", &c, size, &r, &s,
                         &alloc);
    if (s.elements > r.elements + 3)
        report_and_abort("more elements than the guard counted", &c, size, &r, &s, &alloc);
    if (s.elements > ELEMENTS_PER_BYTE * size + 16)
        report_and_abort("elements past ELEMENTS_PER_BYTE * len + 16", &c, size, &r, &s, &alloc);
    if (alloc.calls > ALLOCS_PER_BYTE * size + ALLOC_BASE)
        report_and_abort("allocator calls past ALLOCS_PER_BYTE * len + ALLOC_BASE", &c, size, &r, &s,
                         &alloc);
    check_white_space(parsed, data, size, &c, &r);

    gumbo_destroy_output(&options, parsed);
    wn_arena_release(&arena);
    return 0;
}
