/* Pre-parse guard: one linear pass over the decoded page that keeps Gumbo
 * linear and its tree within the limits.
 *
 * Gumbo checks "element in scope" and reconstructs active formatting
 * elements by walking its stack of open elements and its list of active
 * formatting elements, and it checks each new attribute against all earlier
 * ones of the element. So its cost per tag grows with the stack's depth and
 * the list's length, and per attribute with the attribute count: 40,000
 * nested <div>s take ~46 s, one tag with 100,000 attributes ~18 s.
 *
 * The guard tokenizes the page as the HTML standard does and feeds every
 * token it lets through to a model of tree construction (guard/tree.h), so
 * it knows the depth each start tag would reach in Gumbo's tree. It cuts
 *   - start tags that would put an element deeper than max_depth below
 *     <body> (and their end tags; the text stays, the tree is flattened),
 *     and formatting end tags whose adoption-agency moves would;
 *   - formatting start tags past WN_GT_MAX_FORMATTING on the active list;
 *   - attributes past max_attributes on one tag, counting those Gumbo
 *     merges into the one <html> and <body>;
 * and it refuses a page whose elements and text nodes, counted as Gumbo
 * will create them (clones and implied elements included), pass
 * max_elements, before any tree is built.
 *
 * So that the parser cannot read the page differently from the guard,
 * comments, bogus comments, CDATA sections and processing instructions are
 * cut, <template> elements are cut whole (never shown; Gumbo parses their
 * contents in modes of their own), script and style bodies are cut (they are never text; Gumbo
 * tokenizes them a character at a time), JSON-LD keeps its '<' only as the
 * JSON escape \u003c, and title and textarea text keep theirs as "&lt;".
 * Other JSON in a script (a framework's state, a widget's settings) is cut
 * with the scripts: a script's text is read for JSON-LD alone.
 *
 * Runs of white space in text are cut to one byte (a newline if the run
 * holds one, else its first byte), outside the elements that keep their
 * text's white space (pre, listing, plaintext, any element whose style may
 * set white-space; title, textarea and xmp are raw text, left whole): no
 * reader tells a run from one space there, and Gumbo tokenizes every byte.
 * A run with a form feed is left whole. Attributes no reader wants on the
 * element go too (lex.c's strippable() and read_on(), guard.c's
 * element_readers(): data-*, event handlers, styles that neither hide nor
 * keep white space, and every attribute the element's readers do not name;
 * on SVG and MathML elements all but those that steer the parser; the value
 * of an <a>'s href without links or images wanted, and of a <link>'s that
 * src/meta does not read: the bare name stays). A formatting element's
 * unread ones give way to one stand-in that hashes them, so that Gumbo's
 * Noah's ark clause, which compares attributes, decides as it would on the
 * page (not needed on <a>: no three are ever on the list together). A tag
 * that repeats an attribute name is left whole (Gumbo 0.10.1 joins the
 * name after a repeated valueless one to it), and so is one with more
 * attributes than src/blocks reads (64).
 *
 * One repair, where browsers would lose the page: a title, textarea, style,
 * xmp, iframe, noembed, noframes or script that never closes would hold the
 * rest of the page as its text. The guard closes it where the markup plainly
 * resumes (as libxml2's HTML parser does): before the first tag of an HTML
 * element, or for a script, before the first </head>, <body> or </body>.
 *
 * A page that needs none of this is passed through untouched (no copy). */
#ifndef WN_GUARD_H
#define WN_GUARD_H

#include <stddef.h>

#include "arena.h"
#include "winnow.h"

typedef struct wn_guard_limits {
    unsigned max_depth;       /* deepest element kept */
    unsigned max_attributes;  /* attributes kept per tag */
    size_t max_elements;      /* more elements and text nodes: WN_ERR_TOO_MANY_NODES */
    unsigned untrimmed;       /* 1: white space runs and unread attributes are left
                                 whole (what the copy would be without the trims) */
    unsigned inline_attrs;    /* links or images are wanted: an <a>'s href and an
                                 <img>'s addresses and alt are read */
} wn_guard_limits;

/* Markup a script renders: the contents of a <template>, or of a script
 * whose type says it holds markup (text/template, text/html, x-handlebars,
 * ...), as offsets into the guard's input. */
#define WN_GUARD_HIDDEN_MAX 4
typedef struct wn_guard_range {
    size_t start, len;
} wn_guard_range;

typedef struct wn_guard_report {
    size_t elements;            /* elements the parse will create (an upper bound) */
    size_t nodes;               /* elements and text nodes (an upper bound) */
    size_t dropped_deep;        /* start tags dropped for depth */
    size_t dropped_formatting;  /* unclosed formatting start tags dropped */
    size_t dropped_attributes;  /* attributes dropped */
    unsigned max_depth_seen;    /* deepest level below <body> given to an element
                                   (max_depth + 1 once a tag was cut for depth) */
    size_t elided_bytes;        /* script and style bodies left out */
    size_t closed_raw_text;     /* unclosed raw-text elements closed (see above) */
    size_t collapsed_bytes;     /* white space left out of runs (see above) */
    wn_guard_range hidden[WN_GUARD_HIDDEN_MAX]; /* the longest ones, longest first */
    unsigned hidden_count;
} wn_guard_report;

/* Scans html[0..len). On WN_OK, *out / *out_len is either html itself or a
 * rewritten copy in the arena. WN_ERR_TOO_MANY_NODES when the page has more
 * than max_elements elements and text nodes; WN_ERR_MEMORY_LIMIT /
 * WN_ERR_NOMEM when the arena is exhausted. */
wn_status wn_guard(wn_arena *arena, const char *html, size_t len, const wn_guard_limits *limits,
                   const char **out, size_t *out_len, wn_guard_report *report);

/* The page as plain paragraphs: its text, '<' escaped, with <p> at block
 * boundaries and only balanced <a> and <hN> inside them, so that no parser
 * nests it deeper than body > p > a. Script and style bodies and comments
 * are left out; the first title is kept. For the page whose parse passed
 * its budget (the guard's model missed a shape). */
wn_status wn_guard_flatten(wn_arena *arena, const char *html, size_t len, const char **out,
                           size_t *out_len);

#endif
