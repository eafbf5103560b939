/* The verdict on a page once the fallback ladder (ladder.h) has run: an
 * article, or a page that holds none (wn_page_kind in winnow.h): nothing a
 * reader would call prose, an index of other posts' teasers, a sign-in
 * form inside the chosen region, an error page. Every test is structural or reads the lexicon's
 * error-page list; none runs unless the page's kept text is small, save the
 * index test, which looks at the chosen region only. */
#ifndef WN_VERDICT_H
#define WN_VERDICT_H

#include <stddef.h>

#include "blocks/blocks.h"
#include "winnow.h"

/* A teaser card: an element of at most this many characters whose text
 * opens with a heading that is a link of at least WN_VERDICT_HEADLINE_CHARS
 * characters. An index: at least WN_VERDICT_INDEX_CARDS such cards under
 * one parent, the kept text lying mostly inside them and less than
 * WN_LADDER_TINY outside. */
#define WN_VERDICT_CARD_CHARS 600
#define WN_VERDICT_HEADLINE_CHARS 15
#define WN_VERDICT_INDEX_CARDS 4
/* A sign-in page: a password field inside the chosen region, which holds
 * fewer characters than this in all (kept or not). */
#define WN_VERDICT_SIGN_IN_REGION 400
/* A heading or title this long at most is read for an error page's words. */
#define WN_VERDICT_ERROR_TEXT 120

/* What the page is, given its scored doc (the one the article came from)
 * and the characters of the article chosen (wn_content_chars()). */
wn_page_kind wn_verdict(const wn_doc *doc, size_t chars);

#endif
