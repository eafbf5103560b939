/* The comment finder's view of the page (threads_internal.h): what class
 * words say an element holds, the shapes of elements, and the page's text
 * cut into pieces, each classified as seen from inside one comment. */
#include "score/threads_internal.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- class words ---- */

/* The kind a class (else id) attribute names. In one class name the last
 * known word is the head ("comment-author" an author, "reply-content" text,
 * "comment-reply-link" an action); across class names the strongest kind
 * wins ("datetime secondary-text" is a date). */
static int kind_rank(uint8_t kind)
{
    static const int RANK[] = {[CK_NONE] = 0, [CK_ACTION] = 1, [CK_META] = 2, [CK_FORM] = 3,
                               [CK_TEXT] = 4, [CK_QUOTE] = 5, [CK_DATE] = 6, [CK_AUTHOR] = 7};
    return kind < sizeof RANK / sizeof RANK[0] ? RANK[kind] : 0;
}

/* Within one name the last known word says what it is ("comment-author" is
 * an author, "author-links" are links); across names the strongest kind
 * wins. */
typedef struct class_kinds {
    uint8_t kind, token_kind;
    unsigned token;
} class_kinds;

static void add_class_word(const char *word, size_t len, unsigned token, void *data)
{
    class_kinds *k = data;
    if (token != k->token) {
        if (kind_rank(k->token_kind) > kind_rank(k->kind))
            k->kind = k->token_kind;
        k->token_kind = CK_NONE;
        k->token = token;
    }
    int e = wn_lex_whole(WN_LEX_THREAD_CLASS_WORD, word, len);
    if (e >= 0)
        k->token_kind = (uint8_t)wn_lex_entries[e].kinds;
}

static uint8_t class_kind_of(const char *value)
{
    class_kinds k = {CK_NONE, CK_NONE, 0};
    wn_class_words(value, strlen(value), add_class_word, &k);
    return kind_rank(k.token_kind) > kind_rank(k.kind) ? k.token_kind : k.kind;
}

uint8_t th_class_kind(thread *th, uint32_t index)
{
    if (th->ckind[index] != CK_UNSET)
        return th->ckind[index];
    const wn_node *n = &th->doc->nodes[index];
    uint8_t kind = CK_NONE;
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_FORM: case GUMBO_TAG_LABEL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
        kind = CK_FORM;
        break;
    default:
        if (wn_node_class(n) && *wn_node_class(n))
            kind = class_kind_of(wn_node_class(n));
        else if (wn_node_id(n) && *wn_node_id(n))
            kind = class_kind_of(wn_node_id(n));
        if (n->tag == GUMBO_TAG_TIME)
            kind = CK_DATE;
        if (kind == CK_NONE && n->tag == GUMBO_TAG_CITE)
            kind = CK_AUTHOR;
        if (n->tag == GUMBO_TAG_BLOCKQUOTE)
            kind = CK_QUOTE;
        break;
    }
    th->ckind[index] = kind;
    return kind;
}

/* ---- shapes of elements ---- */

uint64_t th_shape_hash(const wn_node *n)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)n->tag;
    h *= 1099511628211ull;
    const char *a = wn_node_class(n) && *wn_node_class(n) ? wn_node_class(n) : wn_node_id(n);
    if (a) {
        h ^= a == wn_node_class(n) ? 'c' : 'i';
        h *= 1099511628211ull;
        for (size_t i = 0; a[i] && a[i] != ' ' && i < 128; i++) {
            if (a[i] >= '0' && a[i] <= '9')
                continue;
            h ^= (unsigned char)a[i];
            h *= 1099511628211ull;
        }
    }
    return h;
}

/* The tag, whole class and id without digits: the identity of a post body
 * ("td.alt1#td_post_301552" is not the profile cell "td.alt2"). */
uint64_t th_full_shape(const wn_node *n)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)n->tag;
    h *= 1099511628211ull;
    const char *attrs[2] = {wn_node_class(n), wn_node_id(n)};
    for (int k = 0; k < 2; k++) {
        h ^= (uint64_t)(k + 1);
        h *= 1099511628211ull;
        for (size_t i = 0; attrs[k] && attrs[k][i] && i < 256; i++) {
            if (attrs[k][i] >= '0' && attrs[k][i] <= '9')
                continue;
            h ^= (unsigned char)attrs[k][i];
            h *= 1099511628211ull;
        }
    }
    return h;
}

bool th_has_name(const wn_node *n)
{
    return (wn_node_class(n) && *wn_node_class(n)) || (wn_node_id(n) && *wn_node_id(n));
}

/* Elements one comment can be. */
bool th_comment_container(const wn_node *n)
{
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_UNKNOWN:
        return true;
    default:
        return false;
    }
}

/* ---- shapes learnt ---- */

bool th_shape_known(const thread *th, uint64_t shape)
{
    for (size_t i = 0; i < th->nshapes; i++)
        if (th->shapes[i] == shape)
            return true;
    return false;
}

void th_learn_shape(thread *th, uint64_t shape)
{
    if (th_shape_known(th, shape) || th->nshapes >= 64)
        return;
    if (!wn_array_grow((void **)&th->shapes, &th->shapecap, th->nshapes, sizeof *th->shapes)) {
        th->failed = true;
        return;
    }
    th->shapes[th->nshapes++] = shape;
}

/* ---- pieces ---- */

/* The element a text node's piece belongs to: its block, or an inline
 * element standing alone in a row of fields (a name link, a <time>). */
static uint32_t owner_of(const thread *th, uint32_t text, uint32_t root)
{
    const wn_node *nodes = th->doc->nodes;
    uint32_t e = nodes[text].parent;
    for (int k = 0; k < 64 && e != root && e != WN_NONE; k++) {
        const wn_node *n = &nodes[e];
        if (n->flags & WN_NODE_BLOCK)
            return e;
        if (n->parent == WN_NONE || !th->direct[n->parent])
            return e;
        e = n->parent;
    }
    return e;
}

static void add_text(thread *th, piece *p, const char *s, size_t len, bool *space)
{
    for (size_t pos = 0; pos < len;) {
        size_t start = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (wn_is_space(cp)) {
            *space = p->len > 0;
            continue;
        }
        if (!wn_is_xml_char(cp))
            continue;
        if (*space) {
            wn_buf_putc(&th->text, ' ');
            p->len++;
            *space = false;
        }
        wn_buf_append(&th->text, s + start, pos - start);
        p->len += (uint32_t)(pos - start);
    }
}

/* Cuts the text of [lo, hi) into pieces. */
void th_release(thread *th)
{
    free(th->pieces);
    free(th->items);
    free(th->shapes);
    free(th->direct);
    free(th->ckind);
    free(th->post_root);
}

void th_build_pieces(thread *th, uint32_t root, uint32_t lo, uint32_t hi)
{
    const wn_node *nodes = th->doc->nodes;
    th->np = 0;
    th->text.len = 0;
    for (uint32_t i = lo; i < hi; i++) {
        const wn_node *n = &nodes[i];
        if (n->kind == WN_NODE_TEXT && n->all.chars && n->parent != WN_NONE &&
            th_has_word(wn_node_text(n), wn_node_text_len(n)))
            th->direct[n->parent] = 1;
    }
    bool space = false;
    for (uint32_t i = lo; i < hi && !th->failed; i++) {
        const wn_node *n = &nodes[i];
        if (n->kind != WN_NODE_TEXT) {
            if (n->flags & (WN_NODE_BREAK | WN_NODE_BLOCK))
                space = true;
            continue;
        }
        if (!n->all.chars) {
            space = true;
            continue;
        }
        uint32_t owner = owner_of(th, i, root);
        piece *p = th->np ? &th->pieces[th->np - 1] : NULL;
        if (!p || p->owner != owner) {
            if (!wn_array_grow((void **)&th->pieces, &th->pcap, th->np, sizeof *th->pieces)) {
                th->failed = true;
                return;
            }
            p = &th->pieces[th->np++];
            p->node = i;
            p->owner = owner;
            p->start = (uint32_t)th->text.len;
            p->len = 0;
            p->link = true;
            p->analysed = false;
            space = false;
        }
        if (!(n->flags & WN_NODE_IN_LINK))
            p->link = false;
        add_text(th, p, wn_node_text(n), wn_node_text_len(n), &space);
    }
    if (th->text.failed) {
        th->failed = true;
        return;
    }
}

/* What the text of a piece alone says, found once when first asked. */
piece *th_analysed(thread *th, size_t index)
{
    piece *p = &th->pieces[index];
    if (p->analysed)
        return p;
    /* Pieces may all be empty, with no text buffer behind them. */
    const char *t = th->text.data ? th->text.data + p->start : "";
    p->word = th_has_word(t, p->len);
    p->weight = th_weight_of(t, p->len);
    p->signature = th_signature_rule(t, p->len);
    /* Dates, counters, headings and notices are short. */
    p->shape = (int8_t)(p->weight <= 80.0f ? th_shape_of_text(t, p->len, NULL, NULL) : PART_OTHER);
    p->marker = p->weight <= 60.0f && wn_marker_of_text(t, p->len, p->len) == WN_MARKER_COMMENTS;
    p->header = p->weight <= 60.0f && th_header_line(t, p->len, NULL, NULL, NULL, NULL);
    p->notice = p->weight <= 60.0f && th_thread_notice(t, p->len);
    p->analysed = true;
    return p;
}

const char *th_piece_text(const thread *th, const piece *p)
{
    return th->text.data ? th->text.data + p->start : "";
}

/* Index of the first piece at or after node. */
size_t th_piece_at(const thread *th, uint32_t node)
{
    size_t lo = 0, hi = th->np;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (th->pieces[mid].node < node)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool is_run(const thread *th, const citem *it)
{
    return it->end != th->doc->nodes[it->node].end;
}

/* The kind of a piece seen from inside the comment it. */
int th_piece_kind(thread *th, const piece *p, const citem *it)
{
    const wn_node *nodes = th->doc->nodes;
    if (!p->word)
        return PK_SEP;
    uint8_t ctx = CK_NONE;
    bool heading = false, boxed = false;
    bool run = is_run(th, it);
    for (uint32_t e = p->owner, k = 0; e != WN_NONE && e >= it->node && e < it->end &&
                                       (run || e != it->node) && k < 24;
         e = nodes[e].parent, k++) {
        GumboTag tag = (GumboTag)nodes[e].tag;
        if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6)
            heading = true;
        uint8_t c = th_class_kind(th, e);
        /* Inside the comment, an element named only "comment" holds its
         * text: an "info" box around it says nothing of the text. */
        if (c == CK_NONE && ctx == CK_NONE && (nodes[e].hints & WN_HINT_COMMENTS))
            boxed = true;
        if (c == CK_FORM) {
            ctx = CK_FORM;
            break;
        }
        if (c != CK_NONE && ctx == CK_NONE)
            ctx = c;
    }
    if (ctx == CK_FORM)
        return PK_FORM;
    if (boxed && (ctx == CK_META || ctx == CK_ACTION))
        ctx = CK_NONE;
    if (ctx == CK_QUOTE)
        return PK_META; /* another post quoted: not this comment's words */
    if (heading && p->link)
        return PK_HEAD; /* "Re: the thread's title", a link */
    if (p->signature)
        return PK_META; /* "__________ Tony – 1968 Mk3": a signature */
    if (ctx == CK_TEXT)
        return PK_TEXT;
    float w = p->weight;
    if (ctx == CK_AUTHOR && w <= 80.0f)
        return PK_AUTHOR;
    if (ctx == CK_DATE && w <= 60.0f)
        return PK_DATE;
    if (p->shape == PART_DATE || p->header)
        return PK_DATE;
    if (p->shape == PART_COUNTER)
        return PK_ACTION;
    /* "暂无评论", "Leave a Reply", "3 Comments": the thread's own headings. */
    if (p->marker)
        return PK_ACTION;
    if ((ctx == CK_META || ctx == CK_ACTION) && w <= 60.0f)
        return ctx == CK_META ? PK_META : PK_ACTION;
    if (heading)
        return PK_HEAD;
    if (p->link)
        return PK_LINK;
    return PK_TEXT;
}

int th_cmp_items(const void *a, const void *b)
{
    const citem *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end; /* the outer one first */
}

/* The pieces of it that are not inside one of the found comments
 * sub[0..nsub) (sorted, outermost ones only), with their kinds. */
bool th_own_pieces(thread *th, const citem *it, const citem *sub, size_t nsub, own_list *out)
{
    out->count = 0;
    size_t s = 0;
    for (size_t i = th_piece_at(th, it->node); i < th->np && th->pieces[i].node < it->end; i++) {
        uint32_t at = th->pieces[i].node;
        while (s < nsub && sub[s].end <= at)
            s++;
        if (s < nsub && sub[s].node <= at)
            continue;
        if (!wn_array_grow((void **)&out->list, &out->cap, out->count, sizeof *out->list)) {
            th->failed = true;
            return false;
        }
        out->list[out->count].index = (uint32_t)i;
        out->list[out->count].kind = th_piece_kind(th, th_analysed(th, i), it);
        out->count++;
    }
    return true;
}

/* The first TEXT/LINK/HEAD/META piece when it is a short name with text
 * after it. */
size_t th_leading_name(const thread *th, const own_list *own)
{
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < own->count; i++) {
        int k = own->list[i].kind;
        if (k == PK_AUTHOR)
            return SIZE_MAX;
        if (first == SIZE_MAX) {
            if (k == PK_TEXT || k == PK_LINK || k == PK_HEAD || k == PK_META) {
                const piece *p = &th->pieces[own->list[i].index];
                if (!th_name_like(th_piece_text(th, p), p->len))
                    return SIZE_MAX;
                first = i;
            }
        } else if (k == PK_TEXT) {
            return first;
        }
    }
    return SIZE_MAX;
}

item_summary th_summarize(const thread *th, const own_list *own)
{
    item_summary s = {false, false, false, true, true};
    size_t name = th_leading_name(th, own);
    for (size_t i = 0; i < own->count; i++) {
        int k = own->list[i].kind;
        if (k == PK_SEP || k == PK_FORM)
            continue;
        s.only_sep = false;
        if (k == PK_TEXT && i != name) {
            s.text = true;
            if (!th->pieces[own->list[i].index].notice)
                s.notices = false;
        } else if (k == PK_AUTHOR || k == PK_DATE || k == PK_ACTION || k == PK_META || i == name)
            s.meta = true;
        if (k == PK_AUTHOR || k == PK_DATE || i == name)
            s.signed_ = true;
    }
    return s;
}

/* The outermost items in items[mark..ni), sorted, into *out (malloc'ed). */
size_t th_outer_items(thread *th, size_t mark, citem **out)
{
    size_t n = 0;
    *out = NULL;
    if (th->ni <= mark)
        return 0;
    citem *list = malloc((th->ni - mark) * sizeof *list);
    if (!list) {
        th->failed = true;
        return 0;
    }
    for (size_t i = mark; i < th->ni; i++)
        if (th->items[i].node != WN_NONE)
            list[n++] = th->items[i];
    qsort(list, n, sizeof *list, th_cmp_items);
    size_t k = 0;
    uint32_t end = 0;
    for (size_t i = 0; i < n; i++) {
        if (list[i].node < end)
            continue;
        list[k++] = list[i];
        end = list[i].end;
    }
    *out = list;
    return k;
}

void th_add_item(thread *th, uint32_t node, uint32_t end, uint32_t root, bool weak)
{
    if (!wn_array_grow((void **)&th->items, &th->icap, th->ni, sizeof *th->items)) {
        th->failed = true;
        return;
    }
    th->items[th->ni].node = node;
    th->items[th->ni].end = end;
    th->items[th->ni].root = root;
    th->items[th->ni].weak = weak;
    th->ni++;
}

