/* The guard's model of HTML tree construction: the stack of open elements
 * and the list of active formatting elements, as Gumbo 0.10 (and the HTML
 * standard's tree-construction rules it follows) change them token by token.
 *
 * The guard (guard.c) tokenizes the page and feeds every token it lets
 * through to this model, which answers how deep Gumbo's stack is, and so
 * which start tags must be cut. The model is written from the standard's
 * insertion modes (in body, in table, in table body, in row, in cell, in
 * caption, in column group, in select, in select in table, in frameset,
 * foreign content) and its algorithms: implied end tags, the special
 * category, the scopes, reconstructing the active formatting elements,
 * the Noah's ark clause and the adoption agency algorithm (in Gumbo's form).
 * <template> never reaches it: the guard cuts templates whole.
 *
 * Where the model cannot be sure what Gumbo does, it errs towards keeping
 * elements open: its depth may exceed Gumbo's, never fall below it. The
 * differential fuzz target (tests/fuzz/fuzz_guard.c) checks exactly that. */
#ifndef WN_GUARD_TREE_H
#define WN_GUARD_TREE_H

#include <gumbo.h>
#include <stddef.h>
#include <stdint.h>

/* Formatting elements kept on the active list. Gumbo re-creates each of
 * them (as a clone) in every block they span, so N of them cost N elements
 * per paragraph. Real pages rarely leave more than a handful open; HTML's
 * own Noah's ark clause keeps three of a kind. */
#define WN_GT_MAX_FORMATTING 32
/* And their weight, one for each element, each of its attributes and each
 * WN_GT_WEIGHT_BYTES of their names and values, which Gumbo copies with it:
 * bounds what one re-creation costs (about three allocations and 64 bytes a
 * unit) whatever the attributes. */
#define WN_GT_MAX_FORMATTING_WEIGHT 48
#define WN_GT_WEIGHT_BYTES 64

/* The weight of a formatting element (see above). */
struct wn_gt_tag;
unsigned wn_gt_weight(const struct wn_gt_tag *tag);

enum { WN_NS_HTML = 0, WN_NS_SVG = 1, WN_NS_MATH = 2 };

/* What a start tag does to the tokenizer once the model has taken it. */
typedef enum wn_gt_result {
    WN_GT_DATA = 0,   /* markup goes on */
    WN_GT_RCDATA,     /* title, textarea: text up to the matching end tag */
    WN_GT_RAWTEXT,    /* style, xmp, iframe, noembed, noframes */
    WN_GT_SCRIPT,     /* script data, with its escape states */
    WN_GT_PLAINTEXT,  /* the rest of the input is text */
    WN_GT_TOO_DEEP,   /* not taken: it would open an element past the limit */
    WN_GT_TOO_MANY_FORMATTING, /* not taken: one formatting element too many */
    WN_GT_DROP,       /* not taken: an SVG/MathML element named like an HTML
                         element that sets the parser's insertion mode (table,
                         select, body, ...), which Gumbo then mistakes for it */
    WN_GT_NOMEM
} wn_gt_result;

/* One start tag as the tokenizer read it. */
typedef struct wn_gt_tag {
    GumboTag tag;            /* GUMBO_TAG_UNKNOWN for names Gumbo does not know */
    uint32_t name;           /* hash of the lower-cased name (foreign end tags match by name) */
    uint64_t attributes;     /* order-free hash of the attributes (the Noah's ark clause) */
    unsigned attribute_count; /* attributes kept */
    size_t attribute_bytes;   /* their names and values */
    unsigned self_closing : 1;
    unsigned html_encoding : 1; /* encoding="text/html" (or unsure): annotation-xml is an integration point */
    unsigned hidden : 1;     /* type=hidden, for <input> in a table */
    unsigned font_breakout : 1; /* color, face or size: <font> leaves foreign content */
    unsigned white_space : 1; /* its text keeps its white space (pre, or a style that may say so) */
} wn_gt_tag;

typedef struct wn_gt_node {
    uint32_t id;
    uint32_t name;
    uint32_t level;          /* depth in the tree below <body> (the stack loses middle entries) */
    uint32_t deepest;        /* deepest level in its subtree, closed descendants included */
    uint16_t tag;
    uint8_t ns;
    uint8_t flags;
    uint8_t mode;            /* insertion mode with this node as the current node */
} wn_gt_node;

typedef struct wn_gt_entry {
    uint32_t id;             /* 0: a marker */
    uint16_t tag;
    uint8_t open;            /* the element is on the stack */
    uint16_t weight;         /* 1 + its attributes */
    uint64_t attributes;
    uint32_t name;
} wn_gt_entry;

typedef struct wn_gt {
    wn_gt_node *stack;       /* below <html> and <body>, which Gumbo always has */
    size_t depth, stack_cap;
    unsigned deepest;        /* deepest tree level an element was given */
    wn_gt_entry *afe;        /* the list of active formatting elements */
    size_t afe_len, afe_cap;
    size_t unopened;         /* list entries whose element is not on the stack */
    uint32_t next_id;
    uint32_t form_id;        /* Gumbo's form element pointer, when that form is on the stack */
    unsigned max_depth;
    size_t elements;         /* elements Gumbo creates, clones and implied ones included */
    size_t keeping_space;    /* elements on the stack whose text keeps its white space */
    unsigned form_open : 1;  /* Gumbo's form element pointer is set */
    unsigned no_quirks : 1;  /* the doctype surely puts the page in no-quirks mode */
    unsigned content_seen : 1; /* the parser's frameset-ok flag is cleared */
    unsigned head_closed : 1; /* </head> seen: a <noscript> now opens in the body */
    unsigned body_started : 1; /* the parser left the head */
    unsigned frameset : 1;   /* the page is a frameset: other content is ignored */
    unsigned table_text : 1; /* Gumbo is in its "in table text" mode */
    unsigned text_pending : 1; /* its text buffer holds more than spaces (flushed
                                  into the tree at the next push or pop) */
    unsigned oom : 1;
    unsigned foreign_start : 1; /* the last start tag put its element in SVG or MathML */
} wn_gt;

void wn_gt_init(wn_gt *t, unsigned max_depth);
void wn_gt_free(wn_gt *t);

/* Whether the next tokens are parsed as foreign content (CDATA sections are
 * recognised there). */
int wn_gt_foreign(const wn_gt *t);

/* Text between tags: `nonspace` when it holds anything but ASCII spaces. */
void wn_gt_text(wn_gt *t, int nonspace);

/* The end of the input. */
void wn_gt_finish(wn_gt *t);

/* A start tag. The model changes only when the result is not TOO_DEEP or
 * TOO_MANY_FORMATTING (the caller then cuts the tag). */
wn_gt_result wn_gt_start(wn_gt *t, const wn_gt_tag *tag);

/* An end tag (`name` as for wn_gt_tag). </br>, </body> and </html> start
 * the body, as body content does. Returns 0 when taken; 1 when not (the
 * caller cuts it): the adoption agency would move a subtree past the depth
 * limit; WN_GT_NOMEM (as an int) when memory ran out. */
int wn_gt_end(wn_gt *t, GumboTag tag, uint32_t name);

/* Whether an end tag `</p>` or `</br>` (which create an element when none is
 * open) may be taken without passing the depth limit. */
int wn_gt_end_fits(const wn_gt *t, GumboTag tag);

#endif
