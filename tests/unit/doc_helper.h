/* Test helper: HTML (UTF-8) -> Gumbo parse -> block tree, the way extract.c
 * chains the stages, plus lookups by id and tag. */
#ifndef WN_TEST_DOC_HELPER_H
#define WN_TEST_DOC_HELPER_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "blocks/blocks.h"
#include "parse.h"

typedef struct wn_test_doc {
    wn_arena arena;
    GumboOutput *parse;
    wn_doc doc;
} wn_test_doc;

/* Parses html and builds its block tree; max_nodes 0 = no limit. The test
 * fails if parsing fails; the status of wn_blocks_build() is returned. */
wn_status wn_test_doc_build(wn_test_doc *t, const char *html, size_t max_nodes);
/* The same, then wn_score_select(); fails the test unless it all succeeds. */
void wn_test_doc_scored(wn_test_doc *t, const char *html);
void wn_test_doc_free(wn_test_doc *t);

/* The element whose id attribute is id; fails the test when there is none. */
uint32_t wn_test_by_id(const wn_doc *doc, const char *id);
/* The nth (from 0) element with tag, or WN_NONE. */
uint32_t wn_test_by_tag(const wn_doc *doc, GumboTag tag, unsigned nth);
/* Whether the node is output: inside a selected root, with no pruned node on
 * the way up (itself included). */
bool wn_test_kept(const wn_doc *doc, uint32_t index);
/* The pruned node nearest above (or at) index, or WN_NONE. */
uint32_t wn_test_pruned_at(const wn_doc *doc, uint32_t index);

#endif
