/* The signatures of a discussion's posts (threads.h): each kept root of the
 * body is a post; its author and date are read from the element of the run
 * of posts that holds it, with the comment finder's pieces and signature
 * rules (threads_internal.h). */
#include "score/threads_internal.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon/date.h"
#include "score/kind.h"

/* The element of the run of posts (a child of the run's parent) that holds
 * node, else node itself. */
static uint32_t post_unit(const wn_doc *doc, uint32_t node)
{
    uint32_t unit = doc->kind_unit;
    if (unit == WN_NONE || node <= unit || node >= doc->nodes[unit].end)
        return node;
    uint32_t a = node;
    while (doc->nodes[a].parent != WN_NONE && doc->nodes[a].parent != unit)
        a = doc->nodes[a].parent;
    return doc->nodes[a].parent == unit ? a : node;
}

wn_status wn_thread_find_posts(const wn_doc *doc, wn_thread_posts *out)
{
    memset(out, 0, sizeof *out);
    wn_buf_init(&out->text);
    if (doc->page_kind != WN_DOC_DISCUSSION || !doc->count)
        return WN_OK;
    /* The posts and the span of the page their units cover. */
    uint32_t lo = UINT32_MAX, hi = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        if (!(n->flags & WN_NODE_PRUNED)) {
            if (!th_grow((void **)&out->list, &out->cap, out->count, sizeof *out->list))
                return WN_ERR_NOMEM;
            wn_thread_post *p = &out->list[out->count++];
            memset(p, 0, sizeof *p);
            p->node = i;
            uint32_t unit = post_unit(doc, i);
            if (unit < lo)
                lo = unit;
            if (doc->nodes[unit].end > hi)
                hi = doc->nodes[unit].end;
        }
        i = n->end - 1;
    }
    if (!out->count)
        return WN_OK;
    thread th;
    memset(&th, 0, sizeof th);
    th.doc = doc;
    wn_buf_init(&th.text);
    own_list own = {NULL, 0, 0};
    wn_status status = WN_OK;
    th.direct = calloc(doc->count, 1);
    th.ckind = malloc(doc->count);
    if (!th.direct || !th.ckind) {
        status = WN_ERR_NOMEM;
        goto done;
    }
    memset(th.ckind, CK_UNSET, doc->count);
    th_build_pieces(&th, 0, lo, hi);
    for (size_t k = 0; k < out->count && !th.failed; k++) {
        wn_thread_post *p = &out->list[k];
        uint32_t unit = post_unit(doc, p->node);
        citem self = {unit, doc->nodes[unit].end, WN_NONE, false};
        if (!th_own_pieces(&th, &self, NULL, 0, &own))
            break;
        size_t author, date;
        th_signature_pieces(&th, &own, &author, &date);
        sign_text sig;
        th_signature_text(&th, &own, author, date, &sig);
        p->author = sig.author;
        p->author_len = (uint32_t)sig.author_len;
        p->date = sig.date;
        p->date_len = (uint32_t)sig.date_len;
        if (sig.date && !wn_date_parse(sig.date, sig.date_len, true, p->iso))
            p->iso[0] = '\0';
    }
done:
    if (th.failed)
        status = WN_ERR_NOMEM;
    free(own.list);
    free(th.pieces);
    free(th.items);
    free(th.shapes);
    free(th.direct);
    free(th.ckind);
    /* The signatures point into the pieces' text: the result keeps it. */
    out->text = th.text;
    return status;
}

void wn_thread_posts_free(wn_thread_posts *posts)
{
    if (!posts)
        return;
    free(posts->list);
    wn_buf_free(&posts->text);
    memset(posts, 0, sizeof *posts);
}
