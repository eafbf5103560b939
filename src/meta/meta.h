/* Page metadata (winnow.h "page metadata"): read from the declarations the
 * block walk recorded (wn_doc.tags, wn_doc.jsonld, title, lang) and, for
 * date, author and source, from the visible text of the labelled blocks. */
#ifndef WN_META_H
#define WN_META_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "blocks/blocks.h"
#include "winnow.h"

#define WN_META_AUTHORS_MAX 16
#define WN_META_TAGS_MAX 32
#define WN_META_VALUE_MAX 1024
#define WN_META_DESCRIPTION_MAX 2048
#define WN_META_NOT_AUTHORS_MAX 8

/* Ranks: a field keeps the value of the lowest rank offered (meta.c). */
enum {
    WN_RANK_JSONLD = 0,
    WN_RANK_OPENGRAPH,
    WN_RANK_META,
    WN_RANK_MICRODATA,
    WN_RANK_TIME,
    WN_RANK_VISIBLE,
    WN_RANK_VISIBLE_BARE, /* a header line's date without label or time: a later
                             "发布时间：" or dated-and-timed line wins over it
                             (a masthead's today's-date clock) */
    WN_RANK_TITLE_TAG,
    WN_RANK_NONE
};

typedef struct wn_meta {
    wn_metadata pub;          /* what the API hands out; strings in `arena` */
    int rank[WN_META_FIELD_COUNT];
    const char *authors[WN_META_AUTHORS_MAX];
    int author_rank;
    const char *tags[WN_META_TAGS_MAX];
    int tag_rank;
    int lang_rank;
    /* Names the page gives its site or source (the <title>'s suffix,
     * og:site_name, a 来源 line): an author offered under one of them is the
     * publication, not a writer (wn_meta_offer_author). */
    const char *not_authors[WN_META_NOT_AUTHORS_MAX];
    unsigned not_author_count;
    /* "原创 NAME": the account that published the text, the author only
     * when no byline names a person (read_author_classes). */
    const char *account;
    wn_arena *arena;
} wn_meta;

/* Fills *meta from a labelled page (after wn_score_select and the ladder).
 * Strings are copied into arena. WN_ERR_NOMEM only. */
wn_status wn_meta_extract(const wn_doc *doc, wn_arena *arena, wn_meta *meta);

/* The page's title when wn_score_title() took it from the article's <h1>
 * (stored as is, in the result's arena): the metadata's title when no
 * source before the <title> gave one and it is not the site's name. Call
 * after wn_meta_extract. */
void wn_meta_offer_h1(wn_meta *m, const char *h1);

/* The language of the article's text (CLD2, lang.h): fills the language
 * when the page declares none and the detector is sure; replaces a declared
 * one (kept in pub.lang_declared) that a long, reliably detected text
 * contradicts. lang_source "text" either way. Call after wn_meta_extract
 * with the final content (NULL: the title only). */
struct wn_content;
void wn_meta_detect_lang(wn_meta *m, const struct wn_content *content);

/* The sources offer values with their rank (meta.c); the lowest rank wins. */
void wn_meta_offer(wn_meta *m, wn_meta_field field, const char *value, size_t len, int rank);
void wn_meta_offer_author(wn_meta *m, const char *value, size_t len, int rank);
/* A list "a, b; c" (or one tag when one is set) as tags. */
void wn_meta_offer_tags(wn_meta *m, const char *value, size_t len, int rank, bool split);
void wn_meta_offer_lang(wn_meta *m, const char *value, size_t len, int rank, const char *source);

/* JSON-LD scripts (jsonld.c). The other readers: meta_internal.h. */
void wn_meta_jsonld(const wn_doc *doc, wn_meta *m);

#endif
