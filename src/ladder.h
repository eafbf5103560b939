/* The fallback ladder: when the scorer's region holds next to no text, the
 * page's other sources of its article, tried in order (ladder_run.c runs
 * them; this file decides what each one yields):
 *
 *   selected  the scorer's region (score/)
 *   noscript  the page read with its <noscript> alternatives
 *   template  markup the page renders with a script (<template>, a script
 *             of type text/template, text/html, ...: recorded by the guard)
 *   declared  the articleBody the page declares in JSON-LD (for a HowTo or
 *             a Recipe: its description, ingredients and steps)
 *   prose     the page's prose paragraphs in document order
 *   header    none of the above, and not one prose paragraph: a dated
 *             post's headline and dateline alone (a photo or a video post)
 *   none      no article text: not an error, the result says so
 *
 * A step replaces the result before it only when it holds clearly more
 * text (WN_LADDER_GAIN times as much, and at least WN_LADDER_TINY).
 * A region that is not tiny still gives way to the declared text when that
 * holds WN_LADDER_DECLARED_GAIN times as much: the article is rendered by a
 * script and the region is what the markup held (a standfirst, a caption). */
#ifndef WN_LADDER_H
#define WN_LADDER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "winnow.h"
#include "blocks/blocks.h"
#include "output/content.h"

/* A region with fewer characters (not counting white space) than this is
 * "tiny": the ladder is tried. About 40 English words, or two sentences of
 * Chinese; under every body gold of the development sets but the
 * title-and-date-only pages. */
#define WN_LADDER_TINY 200
/* A later step must hold this many times the text of the best so far. */
#define WN_LADDER_GAIN 2
/* ... and the declared text this many times a region that is not tiny.
 * On the development sets (2,100 pages) a gain of 2 or of 4 changes the
 * same one page, with or without a bound on the region's size. */
#define WN_LADDER_DECLARED_GAIN 4
/* A prose paragraph for the last step: at least this many characters
 * (CJK: WN_LADDER_PROSE_CJK), at most WN_LADDER_PROSE_LINKS of them in
 * links, outside any element named as clutter. */
#define WN_LADDER_PROSE_CHARS 80
#define WN_LADDER_PROSE_CJK 30
#define WN_LADDER_PROSE_LINKS 0.3f
/* The prose step yields nothing with fewer such paragraphs than this, nor
 * the noscript and template steps with fewer blocks: one or two are a
 * notice (cookies, sign-in), not an article. */
#define WN_LADDER_PROSE_BLOCKS 3

/* A template whose text holds more than one placeholder ("{{name}}", ...)
 * per this many bytes is still waiting for its data: not an article. */
#define WN_LADDER_PLACEHOLDER_CHARS 400
bool wn_ladder_unfilled(const wn_content *content);

/* Characters (not white space) in the article's blocks, comments left out;
 * _measure also counts the blocks that are prose (long enough, with
 * sentence punctuation, as for the prose step). */
size_t wn_content_chars(const wn_content *content);
size_t wn_content_measure(const wn_content *content, size_t *blocks);

/* Whether a step's yield of `chars` replaces the best so far (`best`). */
bool wn_ladder_better(size_t chars, size_t best);

/* The longest article text the page's JSON-LD declares (objects at any
 * depth, @graph included): an articleBody, or a HowTo's or a Recipe's
 * description, ingredients and step texts, one a line; copied into the
 * arena without tags; NULL when there is none. */
const char *wn_ladder_declared(const wn_doc *doc, wn_arena *arena, size_t *len);

/* The declared text as content: one paragraph a line, white space
 * collapsed. */
wn_status wn_ladder_content_from_text(const char *text, size_t len, wn_content *content);

/* A headline box: the title and the lines around it, while the box holds
 * at most this many characters more than the title; a dateline in it is a
 * line of at most WN_LADDER_DATELINE characters holding a date. */
#define WN_LADDER_HEADER_EXTRA 160
#define WN_LADDER_DATELINE 120

/* The article's header when the page holds no article text: the element
 * the scorer labelled the title, and the datelines of its headline box, in
 * document order, as paragraphs of content (the datelines become kept
 * body in doc, as --explain shows). Nothing when the title has no
 * dateline beside it: an undated heading is not a post (an index's or an
 * error page's heading). */
wn_status wn_ladder_header(wn_doc *doc, wn_content *content);

/* The characters the page's prose paragraphs hold; with `select`, they
 * become the selected region (every earlier selection cleared). */
size_t wn_ladder_prose(wn_doc *doc, bool select);

#endif
