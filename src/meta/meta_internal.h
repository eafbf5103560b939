/* Internals of the metadata stage, shared by its readers: meta.c decides
 * (every source offers values with its rank, wn_meta_offer) and runs the
 * readers in order (wn_meta_extract); tags.c reads <meta>, <link>,
 * microdata and <time>; jsonld.c the JSON-LD scripts; visible.c the
 * visible bylines and dates, with names.c finding the names in a line;
 * title.c the title and the site's own names; language.c the language.
 * meta.h is the stage's interface. */
#ifndef WN_META_INTERNAL_H
#define WN_META_INTERNAL_H

#include <string.h>
#include <strings.h>

#include "lexicon/kinds.h"
#include "meta/meta.h"
#include "utf8.h"

/* Where a block may state the article's date or byline (meta.c): inside
 * the article (labelled body or title) or in its header area (before the
 * article's first paragraph), and nowhere named as comments, related
 * posts, footer, sidebar, navigation, ads or widgets. */
typedef struct wn_meta_region {
    uint32_t first_para;  /* the article's first body paragraph, or doc->count */
} wn_meta_region;

#define WN_META_CLUTTER_HINTS                                                                      \
    (WN_HINT_COMMENTS | WN_HINT_RELATED | WN_HINT_FOOTER | WN_HINT_SIDEBAR | WN_HINT_NAV |         \
     WN_HINT_AD | WN_HINT_WIDGET | WN_HINT_SHARE | WN_HINT_AUTHORBOX | WN_HINT_TIPJAR)

/* Elements looked at for a class that names an author, a date or a
 * source: at most this many from the start of <body>. */
#define WN_META_CLASS_NODES 4000

void wn_meta_find_region(const wn_doc *doc, wn_meta_region *r);
/* Whether node i lies in the region and in no clutter. */
bool wn_meta_eligible(const wn_doc *doc, const wn_meta_region *r, uint32_t i);
/* Whether node i or an ancestor below <body> has one of the hints bad or
 * a clutter label. */
bool wn_meta_in_clutter(const wn_doc *doc, uint32_t i, uint32_t bad);

/* ---- values (meta.c) ---- */

/* strcasestr without the GNU extension (utf8.h). */
static inline const char *find_ci(const char *hay, const char *needle)
{
    return wn_find_ci(hay, needle);
}

/* A copy in m's arena with white space collapsed, ends trimmed, cut (at a
 * character) at max bytes; NULL when empty or out of memory. */
const char *wn_meta_clean(wn_arena *arena, const char *s, size_t len, size_t max);
/* The text of a short element (an itemprop, a byline) into buf, spaces
 * collapsed; bounded in the nodes and bytes read. */
size_t wn_meta_short_text(const wn_doc *doc, uint32_t index, char *buf, size_t cap);

/* ---- names in a line (names.c) ---- */

/* Whether s starts with p (ASCII case folded); *used its length. The
 * first byte is tested here (a label is tried at each place of a line),
 * the rest by wn_meta_has_prefix_rest(). */
bool wn_meta_has_prefix_rest(const char *s, size_t len, const char *p, size_t *used);
static inline bool wn_meta_has_prefix(const char *s, size_t len, const char *p, size_t *used)
{
    if (len && p[0]) {
        unsigned char a = (unsigned char)s[0], b = (unsigned char)p[0];
        if (a >= 'A' && a <= 'Z')
            a += 32;
        if (b >= 'A' && b <= 'Z')
            b += 32;
        if (a != b)
            return false;
    }
    return wn_meta_has_prefix_rest(s, len, p, used);
}
/* After a label: the length of its colon (ASCII or full width) and spaces,
 * SIZE_MAX when no colon follows. */
size_t wn_meta_skip_colon(const char *s, size_t len);
/* The length of a name after a label (latin: words of Latin script). */
size_t wn_meta_name_length(const char *s, size_t len, bool latin);
/* The length of the run of Han characters at s. */
size_t wn_meta_han_run(const char *s, size_t len);
/* Han names separated by spaces, 、, &, ',' or '，' offered as authors;
 * with whole, only when they take the whole of s. At least min or none.
 * Returns how many were offered. */
unsigned wn_meta_offer_names(wn_meta *m, const char *s, size_t len, bool whole, unsigned min);
/* A Chinese credit line ("记者 张三", "文/张三", a dateline's reporter). */
void wn_meta_credit_line(const char *s, size_t len, wn_meta *m);

/* ---- the readers, in the order wn_meta_extract runs them ---- */

void wn_meta_read_not_authors(const wn_doc *doc, const wn_meta_region *r, wn_meta *m); /* title.c */
void wn_meta_read_tags(const wn_doc *doc, const wn_meta_region *r, wn_meta *m);        /* tags.c */
void wn_meta_read_visible(const wn_doc *doc, const wn_meta_region *r, wn_meta *m);     /* visible.c */
void wn_meta_read_author_classes(const wn_doc *doc, const wn_meta_region *r, wn_meta *m);
void wn_meta_read_date_classes(const wn_doc *doc, const wn_meta_region *r, wn_meta *m);
void wn_meta_read_title(const wn_doc *doc, const wn_meta_region *r, wn_meta *m);       /* title.c */

#endif
