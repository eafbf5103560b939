/* What short visible texts announce: the markers of clutter sections and the
 * line classifiers. Their words are the lexicon's (the .tsv files of src/lexicon, where
 * the few entries kept from one site are marked "site-specific"); the class,
 * id and role words are in lexicon/classes.h. */
#ifndef WN_HINTS_H
#define WN_HINTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon/classes.h"
#include "lexicon/date.h"
#include "lexicon/lexicon.h"

/* Classifies the start of a block's text (UTF-8, whitespace collapsed).
 * whole_len is the length of the block's whole text, so that a marker that
 * must stand alone ("Advertisement") is not matched inside a sentence. */
wn_marker wn_marker_of_text(const char *text, size_t len, size_t whole_len);
wn_label wn_label_from_marker(wn_marker marker);
/* Whether a short line's whole text (UTF-8, white space collapsed) is the
 * site asking the reader to subscribe or follow it: "Sign up for our
 * newsletter", "Follow us on Facebook, Twitter and Instagram." */
bool wn_promo_text(const char *text, size_t len);
/* Whether a short line is only a photo's credit: names and a picture
 * agency, no sentence ("Saul Loeb / AFP - Getty Images", "(Associated
 * Press)"). */
bool wn_photo_credit_text(const char *text, size_t len);
/* Whether a short block names the blog software the site runs on ("(c) 2012
 * Site | powered by WordPress"): the site's footer line. */
bool wn_platform_credit_text(const char *text, size_t len);
/* Whether such a line asks the reader to download the site's apps ("Download
 * our apps for iOS and Android"); after the article's text it is a call,
 * before it the page may be about the app. */
bool wn_app_promo_text(const char *text, size_t len);

/* Whether a short line is a byline: labelled fields ("来源：… 作者：…",
 * "2019-08-13 14:07 来源：…") rather than a sentence. */
bool wn_byline_text(const char *text, size_t len);

/* Whether a short text is the page's note on the reader's browser ("This
 * page is best viewed in an up-to-date web browser", "Please enable
 * JavaScript"): the same words on every page of a site, never its article. */
bool wn_browser_notice(const char *text, size_t len);

/* Whole-line classifiers of short texts: a bare count ("64", "1,587");
 * a teaser's "Read more" in any of the web's main languages. Dates are
 * lexicon/date.h's. */
bool wn_count_text(const char *text, size_t len);
bool wn_read_more_text(const char *text, size_t len);
const char *wn_marker_name(wn_marker marker);

#endif
