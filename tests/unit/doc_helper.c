#include "doc_helper.h"

#include <check.h>
#include <string.h>

#include "score/score.h"

wn_status wn_test_doc_build(wn_test_doc *t, const char *html, size_t max_nodes)
{
    memset(t, 0, sizeof *t);
    wn_arena_init(&t->arena, 0);
    ck_assert_int_eq(wn_parse(&t->arena, html, strlen(html), 0, &t->parse), WN_OK);
    ck_assert_ptr_nonnull(t->parse);
    wn_block_limits limits = {max_nodes ? max_nodes : (size_t)-1, 512, false, true};
    return wn_blocks_build(t->parse, &t->arena, &limits, &t->doc);
}

void wn_test_doc_scored(wn_test_doc *t, const char *html)
{
    ck_assert_int_eq(wn_test_doc_build(t, html, 0), WN_OK);
    wn_score_select(&t->doc);
}

void wn_test_doc_free(wn_test_doc *t)
{
    wn_doc_free(&t->doc);
    wn_arena_release(&t->arena);
}

uint32_t wn_test_by_id(const wn_doc *doc, const char *id)
{
    for (uint32_t i = 0; i < doc->count; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && wn_node_id(&doc->nodes[i]) &&
            strcmp(wn_node_id(&doc->nodes[i]), id) == 0)
            return i;
    ck_abort_msg("no element with id \"%s\"", id);
    return WN_NONE;
}

uint32_t wn_test_by_tag(const wn_doc *doc, GumboTag tag, unsigned nth)
{
    for (uint32_t i = 0; i < doc->count; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && doc->nodes[i].tag == tag && nth-- == 0)
            return i;
    return WN_NONE;
}

bool wn_test_kept(const wn_doc *doc, uint32_t index)
{
    for (uint32_t a = index; a != WN_NONE; a = doc->nodes[a].parent) {
        if (doc->nodes[a].flags & WN_NODE_PRUNED)
            return false;
        if (doc->nodes[a].flags & WN_NODE_SELECTED)
            return true;
    }
    return false;
}

uint32_t wn_test_pruned_at(const wn_doc *doc, uint32_t index)
{
    for (uint32_t a = index; a != WN_NONE; a = doc->nodes[a].parent)
        if (doc->nodes[a].flags & WN_NODE_PRUNED)
            return a;
    return WN_NONE;
}
