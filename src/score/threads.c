/* The comment thread as data (threads.h): the comments found
 * (threads_find.c), each with its author, date and paragraphs. Which text
 * of a comment is its text and which its signature is decided here; the
 * output renders the result as it stands.
 *
 * What a thread is, where it is looked for and what one comment is:
 * threads_internal.h. */
#include "score/threads_internal.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* A new comment at the end of out; NULL when out of memory. */
static wn_thread_comment *add_comment(thread *th, wn_thread *out, uint32_t node, uint32_t end,
                                      unsigned depth)
{
    if (!wn_array_grow((void **)&out->comments, &out->cap, out->count, sizeof *out->comments)) {
        th->failed = true;
        return NULL;
    }
    wn_thread_comment *c = &out->comments[out->count++];
    memset(c, 0, sizeof *c);
    c->node = node;
    c->end = end;
    c->depth = depth;
    c->first_para = (uint32_t)out->para_count;
    return c;
}

/* A paragraph of the last comment of out. */
static void add_para(thread *th, wn_thread *out, const char *text, size_t len)
{
    if (!wn_array_grow((void **)&out->paras, &out->para_cap, out->para_count, sizeof *out->paras)) {
        th->failed = true;
        return;
    }
    out->paras[out->para_count].text = text;
    out->paras[out->para_count].len = (uint32_t)len;
    out->para_count++;
    out->comments[out->count - 1].para_count++;
}

static bool only_text_in(const thread *th, const own_list *own, uint32_t from, uint32_t to,
                         bool *any)
{
    *any = false;
    for (size_t i = 0; i < own->count; i++) {
        uint32_t at = th->pieces[own->list[i].index].node;
        if (at < from || at >= to)
            continue;
        if (own->list[i].kind == PK_TEXT)
            *any = true;
        else if (own->list[i].kind != PK_SEP)
            return false;
    }
    return true;
}

/* Whether an element is, or is inside, a heading (h1..h6). */
static bool in_heading(const thread *th, uint32_t node)
{
    const wn_node *nodes = th->doc->nodes;
    for (int k = 0; node != WN_NONE && k < 8; node = nodes[node].parent, k++)
        if (nodes[node].tag >= GUMBO_TAG_H1 && nodes[node].tag <= GUMBO_TAG_H6)
            return true;
    return false;
}

/* The author and date pieces of a comment: the first of each kind, else
 * a short name before the text as the author (its kind becomes PK_AUTHOR);
 * without heading_name a heading that is not a link is no such name (a
 * post's heading is its title; "<h4><a>dunlin_dave</a></h4>" names it). */
void th_signature_pieces(const thread *th, own_list *own, bool heading_name, size_t *author_out,
                         size_t *date_out)
{
    size_t author = SIZE_MAX, date = SIZE_MAX;
    for (size_t i = 0; i < own->count; i++) {
        if (own->list[i].kind == PK_AUTHOR && author == SIZE_MAX)
            author = i;
        if (own->list[i].kind == PK_DATE && date == SIZE_MAX)
            date = i;
    }
    if (author == SIZE_MAX) {
        author = th_leading_name(th, own);
        if (author != SIZE_MAX && !heading_name &&
            in_heading(th, th->pieces[own->list[author].index].owner) &&
            !th->pieces[own->list[author].index].link)
            author = SIZE_MAX;
        if (author != SIZE_MAX)
            own->list[author].kind = PK_AUTHOR;
    }
    *author_out = author;
    *date_out = date;
}

/* The author's name and the date from the signature pieces: "by Bob » Mar
 * 9", a header line "Bob 于 2024-3-16 8:20 发表：", a date with its verb and
 * counters cut ("发表于 2024-3-2 21:40", "5楼 2024.04.09 10:21 回复"). */
void th_signature_text(const thread *th, const own_list *own, size_t author, size_t date,
                       sign_text *sig)
{
    sig->author = sig->date = NULL;
    sig->author_len = sig->date_len = 0;
    const char *d = NULL;
    size_t dlen = 0;
    if (author != SIZE_MAX) {
        const piece *p = &th->pieces[own->list[author].index];
        const char *name;
        size_t name_len;
        th_split_author(th_piece_text(th, p), p->len, &name, &name_len, &d, &dlen);
        if (name_len && th_has_word(name, name_len)) {
            sig->author = name;
            sig->author_len = name_len;
        }
    }
    /* No date of its own: one carried by another author piece ("by Bob » Mar 9"). */
    for (size_t i = 0; date == SIZE_MAX && !(d && dlen) && i < own->count; i++) {
        if (own->list[i].kind != PK_AUTHOR || i == author)
            continue;
        const piece *p = &th->pieces[own->list[i].index];
        const char *name;
        size_t name_len;
        th_split_author(th_piece_text(th, p), p->len, &name, &name_len, &d, &dlen);
    }
    if (date != SIZE_MAX) {
        const piece *p = &th->pieces[own->list[date].index];
        const char *name;
        size_t name_len;
        if (th_shape_of_text(th_piece_text(th, p), p->len, &d, &dlen) == PART_DATE) {
            /* a date */
        } else if (th_header_line(th_piece_text(th, p), p->len, &d, &dlen, &name, &name_len)) {
            if (author == SIZE_MAX && name_len) {
                sig->author = name;
                sig->author_len = name_len;
            }
        } else {
            d = th_piece_text(th, p);
            dlen = p->len;
        }
    }
    if (d && dlen) {
        /* "发表于 2024-3-2 21:40", "answered Mar 9 at 18:40": the date alone. */
        size_t verb_end;
        int verb = wn_lex_first(WN_LEX_THREAD_DATE_VERB, d, dlen - 1, 0, &verb_end);
        if (verb >= 0) {
            d += verb_end;
            dlen -= verb_end;
        }
        while (dlen && (*d == ' ' || *d == ':'))
            d++, dlen--;
        /* Counters before or after it: "5楼 2024.04.09 10:21", "08-15 08:11 顶(34) 回复". */
        for (;;) {
            size_t sp = 0;
            while (sp < dlen && d[sp] != ' ')
                sp++;
            if (sp >= dlen || !th_counter_word(d, sp))
                break;
            d += sp + 1;
            dlen -= sp + 1;
        }
        for (;;) {
            size_t sp = dlen;
            while (sp && d[sp - 1] != ' ')
                sp--;
            if (!sp || !th_counter_word(d + sp, dlen - sp))
                break;
            dlen = sp - 1;
            while (dlen && d[dlen - 1] == ' ')
                dlen--;
        }
        if (dlen) {
            sig->date = d;
            sig->date_len = dlen;
        }
    }
}

#define MAX_SPANS 32

/* node lies in one of the spans [start, end). */
static bool in_spans(uint32_t node, uint32_t spans[][2], size_t nspans)
{
    for (size_t k = 0; k < nspans; k++)
        if (node >= spans[k][0] && node < spans[k][1])
            return true;
    return false;
}

/* One comment (and the replies written into its lines), added to out. */
static void comment_of(thread *th, wn_thread *out, const citem *it, unsigned depth,
                       const citem *sub, size_t nsub, own_list *own)
{
    const wn_node *nodes = th->doc->nodes;
    uint32_t item = it->node, root = it->root;
    if (!th_own_pieces(th, it, sub, nsub, own))
        return;
    size_t author, date;
    th_signature_pieces(th, own, true, &author, &date);
    /* A post: the text is in its body element only. */
    if (root != WN_NONE)
        for (size_t i = 0; i < own->count; i++) {
            uint32_t at = th->pieces[own->list[i].index].node;
            if (own->list[i].kind == PK_TEXT && (at < root || at >= nodes[root].end))
                own->list[i].kind = PK_META;
        }
    /* The text: the first text piece of some length (a comment's text comes
     * before the replies and notes under it), and the elements around it
     * that hold only text. */
    float longest = 0.0f;
    for (size_t i = 0; i < own->count; i++) {
        if (own->list[i].kind != PK_TEXT)
            continue;
        const piece *p = &th->pieces[own->list[i].index];
        float w = th_weight_of(th_piece_text(th, p), p->len);
        if (w > longest)
            longest = w;
    }
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < own->count && best == SIZE_MAX; i++) {
        if (own->list[i].kind != PK_TEXT)
            continue;
        const piece *p = &th->pieces[own->list[i].index];
        float w = th_weight_of(th_piece_text(th, p), p->len);
        if (w >= longest * 0.25f && (w >= 12.0f || w == longest))
            best = i;
    }
    if (best == SIZE_MAX)
        return;
    uint32_t spans[MAX_SPANS][2];
    size_t nspans = 0;
    bool any;
    {
        uint32_t box = th->pieces[own->list[best].index].owner;
        for (int k = 0; k < 32; k++) {
            uint32_t up = nodes[box].parent;
            if (up == WN_NONE || up <= item || up >= it->end ||
                !only_text_in(th, own, up, nodes[up].end, &any))
                break;
            box = up;
        }
        spans[nspans][0] = box;
        spans[nspans++][1] = nodes[box].end;
        /* Siblings of the box with its shape holding nothing but text (the
         * other paragraphs of the comment). */
        uint32_t parent = nodes[box].parent;
        if (parent != WN_NONE && parent >= item)
            for (uint32_t s = parent + 1; s < nodes[parent].end && nspans < MAX_SPANS;
                 s = nodes[s].end) {
                if (s == box || nodes[s].kind != WN_NODE_ELEMENT ||
                    th_shape_hash(&nodes[s]) != th_shape_hash(&nodes[box]))
                    continue;
                if (only_text_in(th, own, s, nodes[s].end, &any) && any) {
                    spans[nspans][0] = s;
                    spans[nspans++][1] = nodes[s].end;
                }
            }
    }
    wn_thread_comment *c = add_comment(th, out, it->node, it->end, depth);
    if (!c)
        return;
    c->text_from = spans[0][0];
    c->text_to = spans[0][1];
    for (size_t k = 1; k < nspans; k++) {
        if (spans[k][0] < c->text_from)
            c->text_from = spans[k][0];
        if (spans[k][1] > c->text_to)
            c->text_to = spans[k][1];
    }
    sign_text sig;
    th_signature_text(th, own, author, date, &sig);
    c->author = sig.author;
    c->author_len = (uint32_t)sig.author_len;
    c->date = sig.date;
    c->date_len = (uint32_t)sig.date_len;
    for (size_t i = 0; i < own->count; i++) {
        const piece *p = &th->pieces[own->list[i].index];
        if (own->list[i].kind != PK_TEXT)
            continue;
        bool in = in_spans(p->node, spans, nspans);
        if (in)
            add_para(th, out, th_piece_text(th, p), p->len);
    }
    /* Elsewhere in the comment, an element with the shape of its text box
     * holding only text is a reply written into one line ("作者 2024.04.08
     * 23:10 回复：…"): a comment one level down. */
    uint32_t box = spans[0][0];
    if (root != WN_NONE)
        return;
    /* The shapes from the text's own element up to its box. */
    uint64_t chain[8];
    size_t nchain = 0;
    for (uint32_t c = th->pieces[own->list[best].index].owner; nchain < 8; c = nodes[c].parent) {
        if (th_has_name(&nodes[c]))
            chain[nchain++] = th_shape_hash(&nodes[c]);
        if (c == box || c == WN_NONE)
            break;
    }
    for (size_t i = 0; i < own->count; i++) {
        const piece *p = &th->pieces[own->list[i].index];
        if (own->list[i].kind != PK_TEXT)
            continue;
        bool in = in_spans(p->node, spans, nspans);
        if (in)
            continue;
        uint32_t reply = WN_NONE;
        for (uint32_t c = p->owner; c != WN_NONE && c > item; c = nodes[c].parent) {
            uint64_t shape = th_shape_hash(&nodes[c]);
            for (size_t k = 0; k < nchain; k++)
                if (chain[k] == shape)
                    reply = c;
        }
        if (reply == WN_NONE || !only_text_in(th, own, reply, nodes[reply].end, &any))
            continue;
        if (!add_comment(th, out, reply, nodes[reply].end, depth + 1))
            return;
        for (; i < own->count && th->pieces[own->list[i].index].node < nodes[reply].end; i++)
            if (own->list[i].kind == PK_TEXT)
                add_para(th, out, th_piece_text(th, &th->pieces[own->list[i].index]),
                         th->pieces[own->list[i].index].len);
        i--;
    }
}

/* The comment thread: every comment found, in document order. */
wn_status wn_thread_find(const wn_doc *doc, wn_thread *out)
{
    memset(out, 0, sizeof *out);
    wn_buf_init(&out->text);
    wn_status status = WN_OK;
    thread th;
    memset(&th, 0, sizeof th);
    th.doc = doc;
    wn_buf_init(&th.text);
    own_list own = {NULL, 0, 0};
    region_span *regions = NULL;
    citem *sub = NULL;
    th.direct = calloc(doc->count ? doc->count : 1, 1);
    th.ckind = malloc(doc->count ? doc->count : 1);
    th.post_root = calloc(doc->count ? doc->count : 1, sizeof *th.post_root);
    /* selected_after[i]: the first selected (kept) node at or after i. */
    uint32_t *selected_after = malloc(((size_t)doc->count + 1) * sizeof *selected_after);
    if (!th.direct || !th.ckind || !th.post_root || !selected_after) {
        status = WN_ERR_NOMEM;
        goto done;
    }
    memset(th.ckind, CK_UNSET, doc->count);
    selected_after[doc->count] = UINT32_MAX;
    for (uint32_t i = doc->count; i-- > 0;) {
        const wn_node *n = &doc->nodes[i];
        selected_after[i] = ((n->flags & WN_NODE_SELECTED) && !(n->flags & WN_NODE_PRUNED))
                                ? i
                                : selected_after[i + 1];
    }
    /* The text of the page cut into pieces, once. */
    th_build_pieces(&th, 0, 0, doc->count);
    th_find_posts(&th, selected_after, &own);
    size_t nregions = th_find_regions(&th, selected_after, &regions);
    /* Two passes: the first learns the shapes of comments that repeat, so
     * that a lone comment of that shape elsewhere is one too. */
    for (int pass = 0; pass < 2 && !th.failed; pass++) {
        th.learning = pass == 0;
        th.ni = 0;
        for (size_t r = 0; r < nregions && !th.failed; r++) {
            const region_span *rs = &regions[r];
            th_region_items(&th, rs->node, rs->lo, rs->hi, &own);
        }
        if (!th.nshapes)
            break;
    }
    /* Emit in document order; depth from the enclosing comments. */
    size_t count = 0;
    for (size_t i = 0; i < th.ni; i++)
        if (th.items[i].node != WN_NONE)
            th.items[count++] = th.items[i];
    th.ni = count;
    if (th.ni > 1) /* th.items is NULL when nothing was found */
        qsort(th.items, th.ni, sizeof *th.items, th_cmp_items);
    if (!th.ni || th.failed)
        goto done;
    sub = malloc(th.ni * sizeof *sub);
    uint32_t *stack = malloc(th.ni * sizeof *stack);
    if (!sub || !stack) {
        free(stack);
        status = WN_ERR_NOMEM;
        goto done;
    }
    out->found = true;
    size_t depth = 0;
    for (size_t i = 0; i < th.ni && !th.failed; i++) {
        const citem *it = &th.items[i];
        while (depth && stack[depth - 1] <= it->node)
            depth--;
        /* Its replies: the outermost comments inside it. */
        size_t nsub = 0;
        uint32_t end = 0;
        for (size_t k = i + 1; k < th.ni && th.items[k].node < it->end; k++) {
            if (th.items[k].node < end)
                continue;
            sub[nsub++] = th.items[k];
            end = th.items[k].end;
        }
        comment_of(&th, out, it, (unsigned)depth + 1, sub, nsub, &own);
        stack[depth++] = it->end;
    }
    free(stack);
done:
    if (th.failed && status == WN_OK)
        status = WN_ERR_NOMEM;
    free(sub);
    free(regions);
    free(own.list);
    th_release(&th);
    free(selected_after);
    /* The texts found point into the pieces' text: the result keeps it. */
    out->text = th.text;
    return status;
}

void wn_thread_free(wn_thread *thread)
{
    if (!thread)
        return;
    free(thread->comments);
    free(thread->paras);
    wn_buf_free(&thread->text);
    memset(thread, 0, sizeof *thread);
}
