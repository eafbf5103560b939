/* Internals of the block tree's build (blocks.c): the attributes it reads
 * and the class/id hints (attrs.c), the declarations and inline attributes
 * it records for later stages (declare.c). */
#ifndef WN_BLOCKS_INTERNAL_H
#define WN_BLOCKS_INTERNAL_H

#include <gumbo.h>
#include <stdbool.h>
#include <stdint.h>

#include "blocks/blocks.h"
#include "lexicon/classes.h"

/* The attributes the build reads, found in one pass over an element's
 * attributes (the first 64, as attribute() reads them; the first of a
 * name wins). */
enum {
    A_CLASS, A_ID, A_ROLE, A_ITEMPROP, A_STYLE, A_HIDDEN, A_ARIA_HIDDEN, A_HREF, A_REL,
    A_CONTENT, A_PROPERTY, A_NAME, A_HTTP_EQUIV, A_DATETIME, A_ARIA_MODAL, A_COUNT
};
typedef struct attr_set {
    const char *v[A_COUNT];
} attr_set;

/* The hints of class and id values already read, and of the names they
 * are made of: a page repeats the same few values on most of its elements
 * ("item", "nav-link") and the same names across its values ("btn
 * btn-primary", "btn btn-link"), and reading one through the lexicon costs
 * thousands of instructions. Open addressing, keyed by the bytes (the
 * strings stay in the parse while the tree is built). A table starts at
 * HINT_CACHE_FIRST slots and doubles when three quarters full, up to
 * HINT_CACHE_SLOTS; once that is three quarters full it takes no more.
 * (Two full-size tables from the start were 32 KiB, the biggest thing a
 * small page's build held beside its arrays.) */
#define HINT_CACHE_FIRST 32u  /* powers of two */
#define HINT_CACHE_SLOTS 512u /* 16 KiB a table */
typedef struct hint_slot {
    const char *key;    /* NULL: empty */
    uint32_t len, hash;
    wn_name_hints hints; /* values: .rest holds the value's hints */
} hint_slot;

typedef struct hint_table {
    hint_slot *slots;   /* NULL: none yet, or an allocation failed (nothing cached) */
    unsigned used;
    unsigned size;      /* slots allocated (0: none yet) */
    bool failed;        /* an allocation failed: the table stays as it is */
} hint_table;

typedef struct hint_cache {
    hint_table values, names;
} hint_cache;

void wn_blk_hint_cache_free(hint_cache *cache);

/* attrs.c */
const char *wn_blk_attribute(const GumboElement *el, const char *name);
void wn_blk_read_attributes(const GumboElement *el, attr_set *set);
bool wn_blk_contains_ci(const char *hay, const char *needle);
int wn_blk_style_white_space(const char *style);
bool wn_blk_element_hidden(const attr_set *a);
/* wn_blk_element_hidden() of an element, its attributes read for it alone. */
bool wn_blk_hidden(const GumboElement *el);
uint32_t wn_blk_element_hints(hint_cache *cache, const GumboElement *el, const attr_set *a,
                              const char *cls, const char *id);

/* declare.c */
void wn_blk_note_jsonld(const GumboElement *el, wn_doc *doc);
void wn_blk_note_declarations(const GumboElement *el, const attr_set *a, wn_arena *arena,
                              wn_doc *doc, uint32_t node);
void wn_blk_note_inline(const GumboElement *el, wn_arena *arena, wn_doc *doc, uint32_t node);
void wn_blk_read_head(const GumboNode *head, wn_arena *arena, wn_doc *doc);

#endif
