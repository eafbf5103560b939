/* Pre-parse guard: one linear pass over the decoded page that finds the
 * shapes on which Gumbo 0.10 is superlinear and rewrites them away before
 * the parse.
 *
 * Gumbo checks "element in scope" and reconstructs active formatting
 * elements by walking its stack of open elements, and it checks each new
 * attribute against all earlier ones of the tag. So its cost per tag grows
 * with nesting depth, and per attribute with the attribute count: 40,000
 * nested <div>s take ~46 s, one tag with 100,000 attributes ~18 s (issue 5).
 * The guard models the open-element stack closely enough (implied end tags,
 * void and raw-text elements, end tags matched by name) and drops
 *   - start tags that would open an element deeper than max_depth (and their
 *     end tags): the text stays, the tree is flattened;
 *   - attributes past max_attributes on one tag;
 *   - formatting start tags (<b>, <font>, ...) past a small count of
 *     unclosed ones, which Gumbo re-creates after every block they span.
 * It also counts elements, so a page over max_nodes fails before the parse,
 * and leaves script and style bodies out of the parser's copy (they are
 * never text, and Gumbo's tokenizer is slow on them).
 * A page that needs none of this is passed through untouched (no copy). */
#ifndef WN_GUARD_H
#define WN_GUARD_H

#include <stddef.h>

#include "arena.h"
#include "winnow.h"

typedef struct wn_guard_limits {
    unsigned max_depth;       /* deepest element kept */
    unsigned max_attributes;  /* attributes kept per tag */
    size_t max_elements;      /* more start tags: WN_ERR_TOO_MANY_NODES */
} wn_guard_limits;

typedef struct wn_guard_report {
    size_t elements;            /* start tags seen (elements the parse will create, roughly) */
    size_t dropped_deep;        /* start tags dropped for depth */
    size_t dropped_formatting;  /* unclosed formatting start tags dropped */
    size_t dropped_attributes;  /* attributes dropped */
    unsigned max_depth_seen;    /* deepest nesting met (capped at max_depth + 1) */
    size_t elided_bytes;        /* script and style bodies left out */
} wn_guard_report;

/* Scans html[0..len). On WN_OK, *out / *out_len is either html itself or a
 * rewritten copy in the arena. WN_ERR_TOO_MANY_NODES when the page has more
 * than max_elements start tags; WN_ERR_MEMORY_LIMIT / WN_ERR_NOMEM when the
 * arena is exhausted. */
wn_status wn_guard(wn_arena *arena, const char *html, size_t len, const wn_guard_limits *limits,
                   const char **out, size_t *out_len, wn_guard_report *report);

#endif
