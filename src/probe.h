/* wn_is_probably_article()'s look at a page: the decoded text scanned once
 * for paragraphs, without a parse tree (Readability's isProbablyReaderable
 * in spirit): a paragraph is the text between two block-level tags, link
 * text and the text inside elements named or tagged as clutter (nav,
 * footer, header, aside, form, menus, sidebars, comment threads ...) left
 * out; each paragraph of WN_PROBE_PARA_CHARS characters or more (a CJK
 * character counting WN_PROBE_CJK_WEIGHT) adds the square root of what it
 * holds beyond them, and a page whose sum passes WN_PROBE_SCORE probably
 * holds an article. Memory: a fixed stack; time: linear in the text. */
#ifndef WN_PROBE_H
#define WN_PROBE_H

#include <stdbool.h>
#include <stddef.h>

#define WN_PROBE_PARA_CHARS 140
#define WN_PROBE_CJK_WEIGHT 3
#define WN_PROBE_SCORE 20.0
/* Open elements followed; deeper ones are read as their ancestor's. */
#define WN_PROBE_DEPTH 256

/* The score of a page's paragraphs (UTF-8 HTML). */
double wn_probe_score(const char *html, size_t len);

#endif
