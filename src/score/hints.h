/* Hints from the whole web's vocabulary: class/id/role words and the visible
 * words of clutter sections, in English and Chinese. No site's names. */
#ifndef WN_HINTS_H
#define WN_HINTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Block labels; also the categories hints point to. */
typedef enum wn_label {
    WN_LABEL_NONE = 0,   /* not decided (outside the chosen region) */
    WN_LABEL_BODY,
    WN_LABEL_TITLE,
    WN_LABEL_NAV,
    WN_LABEL_RELATED,
    WN_LABEL_COMMENTS,
    WN_LABEL_TIPJAR,
    WN_LABEL_SHARE,
    WN_LABEL_FOOTER,
    WN_LABEL_AD,
    WN_LABEL_OTHER,
    WN_LABEL_COUNT
} wn_label;

const char *wn_label_name(wn_label label);

/* Bits of a class/id/role hint mask. */
enum {
    WN_HINT_POSITIVE = 1u << 0,  /* article, content, entry, post ... */
    WN_HINT_STRONG = 1u << 1,    /* articleBody, role=main: the body itself */
    WN_HINT_NAV = 1u << 2,
    WN_HINT_RELATED = 1u << 3,
    WN_HINT_COMMENTS = 1u << 4,
    WN_HINT_TIPJAR = 1u << 5,
    WN_HINT_SHARE = 1u << 6,
    WN_HINT_FOOTER = 1u << 7,
    WN_HINT_AD = 1u << 8,
    WN_HINT_SIDEBAR = 1u << 9,
    WN_HINT_HEADER = 1u << 10,
    WN_HINT_META = 1u << 11,     /* byline, date, tags, author box */
    WN_HINT_WIDGET = 1u << 12,   /* newsletter, popup, cookie, promo */
    WN_HINT_HIDDEN = 1u << 13,   /* visually hidden helpers */
    WN_HINT_GALLERY = 1u << 14,  /* gallery, slideshow, carousel */
    WN_HINT_QUESTION = 1u << 15, /* the question of a Q&A page */
    WN_HINT_ANSWER = 1u << 16,   /* one of its answers */
    WN_HINT_LEAD = 1u << 17,     /* lead, lede, intro: the article's first paragraph */
    WN_HINT_AUTHORBOX = 1u << 18, /* the author's bio box: authorbox, about-author */
    /* Set by the scorer, not by words: the subtree holds an element named
     * as the article's body (entry-content, articleBody) that has text. */
    WN_HINT_BODY_INSIDE = 1u << 30
};
#define WN_HINT_CLUTTER (WN_HINT_NAV | WN_HINT_RELATED | WN_HINT_COMMENTS | WN_HINT_TIPJAR | \
                         WN_HINT_SHARE | WN_HINT_FOOTER | WN_HINT_AD | WN_HINT_SIDEBAR | \
                         WN_HINT_HEADER | WN_HINT_WIDGET)

/* Hint bits for a class, id or role attribute value. */
uint32_t wn_hints_from_attribute(const char *value, size_t len);

/* The words of a class or id value, lower-cased: runs of ASCII letters and
 * digits, also split where a lower-case letter meets an upper-case one
 * ("postBody" -> "post", "body"). token counts the space-separated names
 * the words belong to. Names that start "js-" or "js_" are hooks for
 * scripts, not descriptions, and yield no words. Only the first
 * WN_CLASS_VALUE_MAX bytes are read; a longer word is cut to
 * WN_CLASS_WORD_MAX bytes. */
#define WN_CLASS_VALUE_MAX 1024
#define WN_CLASS_WORD_MAX 64
typedef void (*wn_class_word_fn)(const char *word, size_t len, unsigned token, void *data);
void wn_class_words(const char *value, size_t len, wn_class_word_fn fn, void *data);
/* Hint bits for a role attribute value (ARIA landmark roles). */
uint32_t wn_hints_from_role(const char *value, size_t len);
/* The label a clutter hint mask stands for (the strongest bit wins). */
wn_label wn_label_from_hints(uint32_t hints);

/* What a short visible text announces, e.g. "相关推荐" or "Related posts". */
typedef enum wn_marker {
    WN_MARKER_NONE = 0,
    WN_MARKER_RELATED,    /* heading of a related-posts section */
    WN_MARKER_COMMENTS,   /* heading of a comment section / reply form */
    WN_MARKER_TIPJAR,     /* tip jar, donation */
    WN_MARKER_PREVNEXT,   /* previous / next article links */
    WN_MARKER_SHARE,      /* share bar */
    WN_MARKER_SOURCE,     /* source, reprint notice, disclaimer, editor line */
    WN_MARKER_NAV,        /* "you are here", breadcrumbs */
    WN_MARKER_FOOTER,     /* copyright, licence numbers */
    WN_MARKER_AD,         /* "Advertisement" */
    WN_MARKER_SEEALSO,    /* an inline "Read more: <link>" line or heading */
    WN_MARKER_MORE,       /* "More letters", "More from us": related, as a heading only */
    WN_MARKER_CONTROL,    /* a page control's label: "Close", "Caption", "Image 2 of 5" */
    WN_MARKER_PROMO,      /* a newsletter / follow-us prompt (wn_promo_text) */
    WN_MARKER_TAGS,       /* "Tags:", "Filed under": the article's tag links */
    WN_MARKER_AUTHOR      /* heading of an author's bio box: "About the author" */
} wn_marker;

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
 * a numeric date ("23.10.2018", "2018-10-23 12:30", never an address); a
 * date written out with a month's name ("Donnerstag, 31. Mai 2012"); a
 * teaser's "Read more" in any of the web's main languages. */
bool wn_count_text(const char *text, size_t len);
bool wn_date_text(const char *text, size_t len);
bool wn_written_date_text(const char *text, size_t len);
bool wn_read_more_text(const char *text, size_t len);
const char *wn_marker_name(wn_marker marker);

#endif
