/* Block tree: the DOM flattened into a pre-order array of element and text
 * nodes, each element with the text features of its subtree. Built by one
 * iterative walk; later stages walk the array, never the DOM, by recursion. */
#ifndef WN_BLOCKS_H
#define WN_BLOCKS_H

#include <gumbo.h>
#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "score/rule_set.h"
#include "utf8.h"
#include "winnow.h"

#define WN_NONE UINT32_MAX

enum { WN_NODE_ELEMENT = 0, WN_NODE_TEXT = 1 };

/* wn_node.flags */
enum {
    WN_NODE_IN_LINK = 1u << 0,   /* an <a href> or inside one */
    WN_NODE_BLOCK = 1u << 1,     /* a block-level element: its text is its own block */
    WN_NODE_PRUNED = 1u << 2,    /* dropped by selection (with a label and rule) */
    WN_NODE_SELECTED = 1u << 3,  /* the root of a kept part of the article */
    WN_NODE_BREAK = 1u << 4,     /* <br>: a line break inside a block */
    WN_NODE_PREFORMATTED = 1u << 5, /* inside <pre>: keep white space */
    WN_NODE_IN_CLUTTER = 1u << 6,  /* inside an element whose class/id/role says clutter */
    WN_NODE_IN_SIDE = 1u << 7,     /* inside a sidebar or widget box */
    /* The subtree holds a paragraph, list, heading, table, quote, <pre>,
     * <div> or form with text: a table with it lays the page out (its text
     * is blocks, not rows of cells). */
    WN_NODE_HOLDS_BLOCKS = 1u << 8
};

/* The node array is walked linearly by every pass, so a node's size is both
 * heap and cache: wn_node holds what most passes read, of text nodes and
 * elements alike; what only an element has (its own text, the counts of its
 * subtree, its candidate scores) is in a wn_elem of the side array
 * wn_doc.elems, read with wn_node_elem(). Text nodes, about half the nodes
 * of a page, do not carry it. The fields leave no holes; the union's
 * pointers align the struct to 8 bytes, so 4 bytes at its end are padding. */
typedef struct wn_node {
    uint32_t parent;        /* WN_NONE for the root */
    uint32_t end;           /* one past the last node of this subtree */
    uint32_t block;         /* nearest block-level ancestor (or self) */
    uint32_t hints;         /* WN_HINT_* from tag, class, id, role */
    /* Text nodes have text, elements attributes: the two share the space.
     * Read them with wn_node_text(), wn_node_text_len(), wn_node_class()
     * and wn_node_id(), which give NULL / 0 for the other kind. */
    union {
        struct {
            const char *text_;      /* the text (UTF-8) */
            uint32_t text_len_;
        };
        struct {
            const char *class_attr_; /* attribute values or NULL */
            const char *id_attr_;
        };
    };
    /* The first node at or after this one (document order, any subtree;
     * doc->count if none) that is a text node with a byte other than ASCII
     * white space, and the first that is a block or <br> element or a text
     * node of white space alone: a scan for text (wn_leading_text) jumps
     * over what lies between. */
    uint32_t next_text;
    wn_text_stats all;      /* all text in the subtree */
    uint32_t link_chars;    /* of which inside links */
    uint32_t next_space;    /* see next_text */
    uint32_t elem_;         /* the wn_elem in wn_doc.elems (0 for a text node): wn_node_elem() */
    uint16_t flags;
    uint16_t depth;
    uint8_t tag;            /* GumboTag for elements (all below 256) */
    uint8_t kind;           /* WN_NODE_ELEMENT / WN_NODE_TEXT */
    uint8_t label;          /* wn_label once decided */
    uint8_t rule;           /* the wn_rule that decided it */
} wn_node;

/* What only an element has. Text nodes all share wn_doc.elems[0], whose
 * fields stay zero: readers need not ask a node's kind first. */
typedef struct wn_elem {
    wn_text_stats own;      /* text of this block itself (not nested blocks) */
    uint32_t own_link_chars;
    uint32_t elements;      /* descendant elements */
    uint32_t paragraphs;    /* <p> descendants */
    uint32_t links;         /* <a href> descendants */
    uint32_t images;
    uint32_t items;         /* <li> descendants */
    uint32_t inputs;        /* form controls */
    float content;          /* content score gathered from paragraphs */
    float score;            /* candidate score */
    float best;             /* the best candidate score in the subtree */
} wn_elem;

_Static_assert(GUMBO_TAG_LAST <= UINT8_MAX, "wn_node.tag is a byte");
_Static_assert(sizeof(wn_node) <= 80, "wn_node grew: every pass walks the node array");
_Static_assert(sizeof(wn_elem) <= 60, "wn_elem grew: one per element of the page");

/* A text node's text and its length in bytes (NULL and 0 for an element). */
static inline const char *wn_node_text(const wn_node *n)
{
    return n->kind == WN_NODE_TEXT ? n->text_ : NULL;
}
static inline uint32_t wn_node_text_len(const wn_node *n)
{
    return n->kind == WN_NODE_TEXT ? n->text_len_ : 0;
}
/* An element's class and id attribute values (NULL if none, or a text node). */
static inline const char *wn_node_class(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT ? n->class_attr_ : NULL;
}
static inline const char *wn_node_id(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT ? n->id_attr_ : NULL;
}

/* A declaration the page makes in markup (wn_doc.tags). */
enum {
    WN_TAG_META = 0,   /* <meta name|property|http-equiv=key content=value> */
    WN_TAG_LINK,       /* <link rel=key href=value> */
    WN_TAG_ITEMPROP,   /* itemprop=key: value from content/datetime/href, else NULL
                          (the element's text, node) */
    WN_TAG_TIME        /* <time datetime=value> in the body (key "time") */
};

typedef struct wn_doc_tag {
    const char *key;        /* as written (compare without case) */
    const char *value;      /* attribute value or NULL */
    uint32_t node;          /* the wn_node of the element, or WN_NONE (head) */
    uint8_t kind;           /* WN_TAG_* */
} wn_doc_tag;

/* The attributes of a link or an image (wn_doc.attrs), kept only when
 * wn_block_limits.inline_attrs asks. */
typedef struct wn_doc_attr {
    uint32_t node;          /* the <a> or <img> */
    const char *url;        /* <a href>; <img src> (or the lazy-loading data-src,
                               data-original, data-lazy-src, or srcset's first URL,
                               when src is missing or a data: placeholder) */
    const char *alt;        /* <img alt>, or NULL */
} wn_doc_attr;

typedef struct wn_doc {
    wn_node *nodes;         /* malloc'ed; wn_doc_free() */
    uint32_t count;
    uint32_t capacity;
    /* The elements' wn_elem, in node order after the zero record [0] of
     * every text node (malloc'ed; wn_node_elem()). */
    wn_elem *elems;
    uint32_t elem_count;
    uint32_t elem_capacity;
    uint32_t body;          /* the <body> element (or the root) */
    const char *title;      /* <title>, og:title: arena strings or NULL */
    const char *og_title;
    const char *lang;
    bool flattened;         /* elements past max_depth were read into an ancestor */
    /* The texts of the page's JSON-LD scripts (application/ld+json), in the
     * parse; the first WN_DOC_JSONLD_MAX. */
#define WN_DOC_JSONLD_MAX 8
    const char *jsonld[WN_DOC_JSONLD_MAX];
    unsigned jsonld_count;
    unsigned noscripts;     /* <noscript> elements in the body, skipped or read */
    /* The elements holding the page's visible password fields (<input
     * type=password>), the first WN_DOC_PASSWORDS_MAX. */
#define WN_DOC_PASSWORDS_MAX 4
    uint32_t password_nodes[WN_DOC_PASSWORDS_MAX];
    unsigned passwords;
    /* <meta>, <link rel>, itemprop and <time datetime> of the page, in
     * document order, for src/meta/ (the first WN_DOC_TAGS_MAX; arena). */
#define WN_DOC_TAGS_MAX 512
    struct wn_doc_tag *tags;
    unsigned tag_count;
    unsigned tag_cap;       /* entries allocated */
    wn_arena *budget;       /* the page's arena: `nodes` and `elems` count against its limit */
    /* <a href> and <img> attributes in node order (inline_attrs; arena). */
    wn_doc_attr *attrs;
    uint32_t attr_count, attr_cap;
    const char *base_href;  /* the first <base href>, or NULL */
    /* Scoring rules switched off (score/rule_set.h), for debugging and the
     * rule-coverage test only; empty in normal use. */
    wn_rule_set rules_off;
    /* Data tables are left out of the content (--no-tables): the scorer's
     * lines (score/lines.c) are the renderer's, without them. */
    bool no_tables;
    /* The page's kind (score/kind.h, wn_doc_kind), why (wn_kind_reason),
     * and on a discussion the posts of the thread and the element that
     * holds them (WN_NONE otherwise). */
    uint8_t page_kind;
    uint8_t kind_why;
    uint32_t kind_posts;
    uint32_t kind_unit;
} wn_doc;

typedef struct wn_block_limits {
    size_t max_nodes;
    unsigned max_depth;
    bool read_noscript;     /* read <noscript> contents as the page's (they are
                               skipped: a browser with scripts shows none) */
    bool inline_attrs;      /* keep links' and images' attributes (wn_doc.attrs) */
} wn_block_limits;

/* Builds the block tree of a parsed page; strings point into the parse. */
wn_status wn_blocks_build(const GumboOutput *parse, wn_arena *arena, const wn_block_limits *limits,
                          wn_doc *doc);
void wn_doc_free(wn_doc *doc);

/* Link density of a subtree: link characters / characters (0 when empty). */
static inline float wn_link_density(const wn_node *n)
{
    return n->all.chars ? (float)n->link_chars / (float)n->all.chars : 0.0f;
}

/* The wn_elem of a node of doc: an element's own; for a text node one whose
 * fields are all zero (and must stay so: write only an element's). */
static inline wn_elem *wn_node_elem(const wn_doc *doc, const wn_node *n)
{
    return &doc->elems[n->elem_];
}

/* The attributes of node (an <a> or <img>), or NULL. */
const wn_doc_attr *wn_doc_attr_of(const wn_doc *doc, uint32_t node);

/* Whether a GumboTag starts its own text block. */
bool wn_tag_is_block(GumboTag tag);

#endif
