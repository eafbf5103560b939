#include "output/content.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "output/render.h"
#include "output/url.h"
#include "score/hints.h"
#include "score/score.h"
#include "score/threads.h"
#include "utf8.h"

typedef struct frame {
    uint32_t end;         /* the node index at which this frame closes */
    uint8_t close_kind;   /* event to emit on close, or 0xFF for none */
    uint8_t line_kind;    /* kind of text lines inside */
    uint8_t level;
    bool layout;          /* inside a table used for layout, not for data */
    const char *lang;     /* code: the language the page names, or NULL */
} frame;

/* Inline markup (wn_content_opts.spans): the spans of the current line, in
 * the order their elements open, and the elements open now. A line break
 * (a block, a <br>) ends the line's part of an open span; the rest of it
 * is a new span of the next line. */
typedef struct line_span {
    wn_span s;
    bool child_kept;     /* a span inside it is kept */
} line_span;

typedef struct open_span {
    uint32_t end;        /* the node index at which its element closes */
    uint32_t slot;       /* its span in the current line */
    uint8_t kind;
    const char *url;
} open_span;

typedef struct emitter {
    const wn_doc *doc;
    wn_content *content;
    wn_buf line;
    bool pending_space;
    frame *stack;
    size_t depth, cap;
    bool line_dropped;    /* the scorer dropped the line (score/lines.c) */
    bool root_layout;     /* the emitted subtree sits in a layout table */
    wn_status status;
    const wn_content_opts *opts;
    line_span *spans;     /* malloc'ed */
    size_t nspans, span_cap;
    open_span *open;      /* malloc'ed */
    size_t nopen, open_cap;
} emitter;

static void push_item_as_is(emitter *e, uint8_t kind, uint8_t level, const char *text, size_t len);

/* Item arrays this big are blocks of their own in the arena, freed as
 * they are outgrown (wn_arena_alloc_big): in the chunks, every array a
 * long article outgrew would stay with the result. */
#define ITEMS_BIG ((size_t)16 << 10)

wn_content_item *wn_content_push(wn_content *c, uint8_t kind, uint8_t level)
{
    if (c->count == c->capacity) {
        size_t cap = c->capacity ? c->capacity * 2 : 64;
        if (cap > SIZE_MAX / sizeof *c->items)
            return NULL;
        size_t bytes = cap * sizeof *c->items;
        wn_content_item *grown = bytes >= ITEMS_BIG ? wn_arena_alloc_big(c->arena, bytes)
                                                    : wn_arena_alloc(c->arena, bytes);
        if (!grown)
            return NULL;
        if (c->count)
            memcpy(grown, c->items, c->count * sizeof *grown);
        if (c->capacity * sizeof *c->items >= ITEMS_BIG)
            wn_arena_free_big(c->arena, c->items);
        c->items = grown;
        c->capacity = cap;
    }
    wn_content_item *it = &c->items[c->count++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->level = level;
    return it;
}

static void push_item(emitter *e, uint8_t kind, uint8_t level, const char *text, size_t len)
{
    /* Text in NFC, the form readers' tools and the golds compare in. */
    size_t nfc_len = 0;
    char *nfc = text ? wn_utf8_nfc(text, len, &nfc_len) : NULL;
    if (nfc) {
        text = nfc;
        len = nfc_len;
    }
    push_item_as_is(e, kind, level, text, len);
    free(nfc);
}

static void push_item_as_is(emitter *e, uint8_t kind, uint8_t level, const char *text, size_t len)
{
    wn_content *c = e->content;
    if (e->status != WN_OK)
        return;
    wn_content_item *it = wn_content_push(c, kind, level);
    if (!it) {
        e->status = WN_ERR_NOMEM;
        return;
    }
    if (text) {
        it->text = wn_arena_strndup(c->arena, text, len);
        it->len = (uint32_t)len;
        if (!it->text)
            e->status = WN_ERR_NOMEM;
    }
}

static uint8_t current_kind(const emitter *e)
{
    return e->depth ? e->stack[e->depth - 1].line_kind : WN_C_PARA;
}

static uint8_t current_level(const emitter *e)
{
    return e->depth ? e->stack[e->depth - 1].level : 0;
}

static bool current_layout(const emitter *e)
{
    return e->depth ? e->stack[e->depth - 1].layout : e->root_layout;
}

static const char *current_lang(const emitter *e)
{
    return e->depth ? e->stack[e->depth - 1].lang : NULL;
}

static bool spans_kept(emitter *e, size_t len);
static void push_item_with_spans(emitter *e, uint8_t kind, uint8_t level, const char *text,
                                 size_t len);
static void spans_next_line(emitter *e);
static const char *code_language(emitter *e, uint32_t pre);

/* Ends the line: pushes its text unless the scorer labelled it dropped, a
 * note or a repeat of an earlier line (score/lines.c). */
static void flush_line(emitter *e)
{
    size_t len = e->line.len;
    while (len && e->line.data[len - 1] == ' ')
        len--;
    bool dropped = false;
    if (len && e->line_dropped)
        len = 0, dropped = true;
    e->line_dropped = false;
    if (e->nspans && !dropped && spans_kept(e, len))
        push_item_with_spans(e, current_kind(e), current_level(e), e->line.data, len);
    else if (len)
        push_item(e, current_kind(e), current_level(e), e->line.data, len);
    if (len && current_kind(e) == WN_C_CODE && e->status == WN_OK)
        e->content->items[e->content->count - 1].lang = current_lang(e);
    e->line.len = 0;
    e->pending_space = false;
    if (e->nspans)
        spans_next_line(e);
}

/* Spans that hold nothing yet begin after the space about to be written. */
static void spans_skip_space(void *ctx)
{
    emitter *e = ctx;
    for (size_t k = 0; k < e->nopen; k++)
        if (e->spans[e->open[k].slot].s.start == e->line.len)
            e->spans[e->open[k].slot].s.start = (uint32_t)e->line.len + 1;
}

/* Appends text; collapses white space unless preformatted; drops characters
 * XML cannot hold (wn_buf_append_text). */
static void append_text(emitter *e, const char *s, size_t len, bool pre)
{
    wn_buf_append_text(&e->line, &e->pending_space, s, len, pre, spans_skip_space, e);
}

static bool push_frame(emitter *e, frame f)
{
    if (e->depth == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 32;
        frame *grown = wn_arena_alloc(e->content->arena, cap * sizeof *grown);
        if (!grown) {
            e->status = WN_ERR_NOMEM;
            return false;
        }
        if (e->depth)
            memcpy(grown, e->stack, e->depth * sizeof *grown);
        e->stack = grown;
        e->cap = cap;
    }
    e->stack[e->depth++] = f;
    return true;
}

static void pop_frames(emitter *e, uint32_t at)
{
    while (e->depth && e->stack[e->depth - 1].end <= at) {
        flush_line(e);
        frame f = e->stack[--e->depth];
        if (f.close_kind != 0xFF)
            push_item(e, f.close_kind, 0, NULL, 0);
    }
}

static void enter_block(emitter *e, uint32_t index)
{
    const wn_node *n = &e->doc->nodes[index];
    flush_line(e);
    uint8_t inherited = current_kind(e);
    bool inside_special = inherited == WN_C_ITEM || inherited == WN_C_CELL ||
                          inherited == WN_C_CODE || inherited == WN_C_CAPTION;
    frame f = {n->end, 0xFF, inside_special ? inherited : WN_C_PARA, current_level(e), current_layout(e),
               current_lang(e)};
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_MENU:
        if (wn_node_elem(e->doc, n)->items) {
            push_item(e, WN_C_LIST_OPEN, n->tag == GUMBO_TAG_OL, NULL, 0);
            f.close_kind = WN_C_LIST_CLOSE;
        }
        break;
    case GUMBO_TAG_TABLE:
        f.layout = (n->flags & WN_NODE_HOLDS_BLOCKS) != 0;
        f.line_kind = WN_C_PARA;
        if (!f.layout) {
            push_item(e, WN_C_TABLE_OPEN, 0, NULL, 0);
            f.close_kind = WN_C_TABLE_CLOSE;
        }
        break;
    case GUMBO_TAG_TR:
        if (!f.layout) {
            push_item(e, WN_C_ROW_OPEN, 0, NULL, 0);
            f.close_kind = WN_C_ROW_CLOSE;
        }
        break;
    case GUMBO_TAG_BLOCKQUOTE:
        push_item(e, WN_C_QUOTE_OPEN, 0, NULL, 0);
        f.close_kind = WN_C_QUOTE_CLOSE;
        break;
    case GUMBO_TAG_LI: f.line_kind = WN_C_ITEM; break;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (!f.layout)
            f.line_kind = WN_C_CELL;
        break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
        f.line_kind = WN_C_CODE;
        if (!f.lang)
            f.lang = code_language(e, index);
        break;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: f.line_kind = WN_C_CAPTION; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        f.line_kind = WN_C_HEAD;
        f.level = (uint8_t)(n->tag - GUMBO_TAG_H1 + 1);
        break;
    default:
        break;
    }
    push_frame(e, f);
}

/* ---- inline markup ---------------------------------------------------------------- */

/* The language a code block names: a class "language-X" or "lang-X" on the
 * <pre> or on the <code> it begins with (HTML's convention for code). In
 * the content's arena. */
static const char *code_language(emitter *e, uint32_t pre)
{
    const wn_doc *doc = e->doc;
    const char *classes[2] = {wn_node_class(&doc->nodes[pre]), NULL};
    for (uint32_t k = pre + 1; k < doc->nodes[pre].end; k++) {
        const wn_node *d = &doc->nodes[k];
        if (d->kind == WN_NODE_TEXT && d->all.chars == 0)
            continue;
        if (d->kind == WN_NODE_ELEMENT && d->tag == GUMBO_TAG_CODE)
            classes[1] = wn_node_class(d);
        break;
    }
    for (int c = 0; c < 2; c++) {
        const char *p = classes[c];
        while (p && *p) {
            while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
                p++;
            size_t n = strcspn(p, " \t\n\r\f");
            size_t skip = 0;
            if (n > 9 && strncmp(p, "language-", 9) == 0)
                skip = 9;
            else if (n > 5 && strncmp(p, "lang-", 5) == 0)
                skip = 5;
            bool ok = skip && n - skip <= 32;
            for (size_t i = skip; ok && i < n; i++) {
                char ch = p[i];
                ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                     ch == '_' || ch == '+' || ch == '#' || ch == '.' || ch == '-';
            }
            if (ok)
                return wn_arena_strndup(e->content->arena, p + skip, n - skip);
            p += n;
        }
    }
    return NULL;
}

static line_span *add_span(emitter *e, uint8_t kind, const char *url, const char *alt)
{
    if (e->nspans == e->span_cap) {
        size_t cap = e->span_cap ? e->span_cap * 2 : 16;
        line_span *grown = realloc(e->spans, cap * sizeof *grown);
        if (!grown) {
            e->status = WN_ERR_NOMEM;
            return NULL;
        }
        e->spans = grown;
        e->span_cap = cap;
    }
    line_span *l = &e->spans[e->nspans++];
    memset(l, 0, sizeof *l);
    l->s.start = l->s.end = (uint32_t)e->line.len;
    l->s.parent = e->nopen ? e->open[e->nopen - 1].slot : WN_SPAN_NONE;
    l->s.kind = kind;
    l->s.url = url;
    l->s.alt = alt;
    return l;
}

static void open_span_at(emitter *e, uint8_t kind, uint32_t end, const char *url)
{
    if (e->nopen == e->open_cap) {
        size_t cap = e->open_cap ? e->open_cap * 2 : 16;
        open_span *grown = realloc(e->open, cap * sizeof *grown);
        if (!grown) {
            e->status = WN_ERR_NOMEM;
            return;
        }
        e->open = grown;
        e->open_cap = cap;
    }
    if (!add_span(e, kind, url, NULL))
        return;
    e->open[e->nopen++] = (open_span){end, (uint32_t)(e->nspans - 1), kind, url};
}

static void close_spans(emitter *e, uint32_t at)
{
    while (e->nopen && e->open[e->nopen - 1].end <= at) {
        line_span *l = &e->spans[e->open[--e->nopen].slot];
        l->s.end = (uint32_t)e->line.len;
    }
}

/* A copy of an attribute's URL resolved against the base, in the content's arena. */
static const char *span_url(emitter *e, const char *value)
{
    if (!value)
        return "";
    const char *url = wn_url_resolve(e->content->arena, e->opts->base_url, value, strlen(value));
    if (!url)
        e->status = WN_ERR_NOMEM;
    return url ? url : "";
}

/* An image's alt text as the content holds text: white space collapsed,
 * valid UTF-8 in NFC without characters XML cannot hold. */
static const char *alt_text(emitter *e, const char *alt)
{
    wn_buf b;
    wn_buf_init(&b);
    bool space = false;
    for (const char *p = alt; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
            space = b.len > 0;
            continue;
        }
        if (space)
            wn_buf_putc(&b, ' ');
        space = false;
        wn_buf_putc(&b, *p);
    }
    const char *out = b.failed ? NULL : wn_xml_clean(e->content->arena, b.data ? b.data : "", b.len);
    wn_buf_free(&b);
    if (!out)
        e->status = WN_ERR_NOMEM;
    return out ? out : "";
}

/* An inline element that opens a span (or, an image, is one). */
static void inline_element(emitter *e, uint32_t index)
{
    const wn_node *n = &e->doc->nodes[index];
    unsigned want = e->opts->spans;
    if (current_kind(e) == WN_C_CODE)
        return; /* a code block holds text only */
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_A: {
        const wn_doc_attr *a = (want & WN_FLAG_LINKS) ? wn_doc_attr_of(e->doc, index) : NULL;
        if (a)
            open_span_at(e, WN_SPAN_LINK, n->end, span_url(e, a->url));
        break;
    }
    case GUMBO_TAG_IMG: {
        const wn_doc_attr *a = (want & WN_FLAG_IMAGES) ? wn_doc_attr_of(e->doc, index) : NULL;
        if (!a || !a->url || !*a->url)
            break;
        const char *alt = a->alt ? alt_text(e, a->alt) : "";
        add_span(e, WN_SPAN_IMAGE, span_url(e, a->url), alt);
        break;
    }
    case GUMBO_TAG_B: case GUMBO_TAG_STRONG:
        if (want & WN_FLAG_FORMATTING)
            open_span_at(e, WN_SPAN_BOLD, n->end, NULL);
        break;
    case GUMBO_TAG_I: case GUMBO_TAG_EM:
        if (want & WN_FLAG_FORMATTING)
            open_span_at(e, WN_SPAN_ITALIC, n->end, NULL);
        break;
    case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_TT:
        if (want & WN_FLAG_FORMATTING)
            open_span_at(e, WN_SPAN_CODE, n->end, NULL);
        break;
    default:
        break;
    }
}

/* Decides which spans of the line are kept, the line cut at len: a span
 * with text, an image, or one holding a kept span. Children come after
 * their parents, so one backward pass decides. Returns whether any is. */
static bool spans_kept(emitter *e, size_t len)
{
    bool any = false;
    for (size_t k = e->nspans; k-- > 0;)
        e->spans[k].child_kept = false;
    bool code = current_kind(e) == WN_C_CODE;
    for (size_t o = 0; o < e->nopen; o++)
        e->spans[e->open[o].slot].s.end = (uint32_t)e->line.len;
    for (size_t k = e->nspans; k-- > 0;) {
        line_span *l = &e->spans[k];
        if (l->s.start > len)
            l->s.start = (uint32_t)len;
        if (l->s.end > len)
            l->s.end = (uint32_t)len;
        bool keep = !code && (l->s.kind == WN_SPAN_IMAGE ? true : l->s.end > l->s.start || l->child_kept);
        if (!keep) {
            l->s.kind = 0xFF;
            continue;
        }
        any = true;
        if (l->s.parent != WN_SPAN_NONE)
            e->spans[l->s.parent].child_kept = true;
    }
    return any;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The line's text and its kept spans as an item. The text goes to NFC a
 * piece at a time, between span boundaries, so that the offsets hold. */
static void push_item_with_spans(emitter *e, uint8_t kind, uint8_t level, const char *text,
                                 size_t len)
{
    size_t kept = 0;
    for (size_t k = 0; k < e->nspans; k++)
        kept += e->spans[k].s.kind != 0xFF;
    uint32_t *cuts = malloc((2 * kept + 2) * sizeof *cuts);
    uint32_t *moved = malloc((2 * kept + 2) * sizeof *moved);
    uint32_t *index = malloc((e->nspans + 1) * sizeof *index);
    wn_buf out;
    wn_buf_init(&out);
    if (!cuts || !moved || !index)
        goto fail;
    size_t nc = 0;
    cuts[nc++] = 0;
    cuts[nc++] = (uint32_t)len;
    for (size_t k = 0; k < e->nspans; k++)
        if (e->spans[k].s.kind != 0xFF) {
            cuts[nc++] = e->spans[k].s.start;
            cuts[nc++] = e->spans[k].s.end;
        }
    qsort(cuts, nc, sizeof *cuts, cmp_u32);
    size_t u = 0;
    for (size_t k = 0; k < nc; k++)
        if (!u || cuts[k] != cuts[u - 1])
            cuts[u++] = cuts[k];
    nc = u;
    for (size_t k = 0; k < nc; k++) {
        moved[k] = (uint32_t)out.len;
        if (k + 1 == nc)
            break;
        size_t a = cuts[k], b = cuts[k + 1], n = 0;
        char *nfc = wn_utf8_nfc(text + a, b - a, &n);
        if (nfc)
            wn_buf_append(&out, nfc, n);
        else
            wn_buf_append(&out, text + a, b - a);
        free(nfc);
    }
    if (out.failed)
        goto fail;
    push_item_as_is(e, kind, level, out.data ? out.data : "", out.len);
    if (e->status != WN_OK)
        goto done;
    wn_span *spans = wn_arena_alloc(e->content->arena, kept * sizeof *spans);
    if (!spans)
        goto fail;
    size_t m = 0;
    for (size_t k = 0; k < e->nspans; k++) {
        const wn_span *s = &e->spans[k].s;
        if (s->kind == 0xFF)
            continue;
        index[k] = (uint32_t)m;
        wn_span *d = &spans[m++];
        *d = *s;
        uint32_t *at = bsearch(&s->start, cuts, nc, sizeof *cuts, cmp_u32);
        d->start = at ? moved[at - cuts] : 0;
        at = bsearch(&s->end, cuts, nc, sizeof *cuts, cmp_u32);
        d->end = at ? moved[at - cuts] : d->start;
        /* A kept span's parent is kept. */
        d->parent = s->parent == WN_SPAN_NONE ? WN_SPAN_NONE : index[s->parent];
        if (!d->url)
            d->url = "";
        if (!d->alt)
            d->alt = "";
    }
    wn_content_item *it = &e->content->items[e->content->count - 1];
    it->spans = spans;
    it->span_count = (uint32_t)m;
    goto done;
fail:
    e->status = WN_ERR_NOMEM;
done:
    wn_buf_free(&out);
    free(cuts);
    free(moved);
    free(index);
}

/* After a flush: the open spans go on as new spans of the next line. */
static void spans_next_line(emitter *e)
{
    size_t nopen = e->nopen;
    e->nspans = 0;
    e->nopen = 0;
    for (size_t o = 0; o < nopen && e->status == WN_OK; o++) {
        open_span old = e->open[o];
        if (!add_span(e, old.kind, old.url, NULL))
            return;
        old.slot = (uint32_t)(e->nspans - 1);
        e->open[e->nopen++] = old;
    }
}

/* Emits the kept part of the subtree at root. */
static void emit_subtree(emitter *e, uint32_t root)
{
    const wn_doc *doc = e->doc;
    uint32_t end = doc->nodes[root].end;
    size_t base = e->depth;
    /* A region that starts inside a table (a layout cell or row won) takes
     * the table's nature. */
    e->root_layout = false;
    if (doc->nodes[root].tag != GUMBO_TAG_TABLE)
        for (uint32_t a = doc->nodes[root].parent; a != WN_NONE; a = doc->nodes[a].parent)
            if (doc->nodes[a].kind == WN_NODE_ELEMENT && doc->nodes[a].tag == GUMBO_TAG_TABLE) {
                e->root_layout = (doc->nodes[a].flags & WN_NODE_HOLDS_BLOCKS) != 0;
                break;
            }
    for (uint32_t i = root; i < end && e->status == WN_OK;) {
        if (e->nopen)
            close_spans(e, i);
        pop_frames(e, i);
        const wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && i != root) {
            if (n->flags & WN_NODE_BLOCK)
                flush_line(e);
            i = n->end;
            continue;
        }
        if (n->kind == WN_NODE_TEXT) {
            e->line_dropped |= n->rule == WN_RULE_NOTE_LINE || n->rule == WN_RULE_REPEAT_LINE;
            append_text(e, wn_node_text(n), wn_node_text_len(n), n->flags & WN_NODE_PREFORMATTED);
        } else if (n->flags & WN_NODE_BREAK) {
            if (current_kind(e) == WN_C_CODE)
                wn_buf_putc(&e->line, '\n');
            else
                flush_line(e);
        } else if (n->flags & WN_NODE_BLOCK) {
            if (e->opts->no_tables && n->tag == GUMBO_TAG_TABLE && !(n->flags & WN_NODE_HOLDS_BLOCKS)) {
                flush_line(e);
                i = n->end;
                continue;
            }
            enter_block(e, i);
        } else if (n->tag == GUMBO_TAG_IMG || n->tag == GUMBO_TAG_HR) {
            if (e->opts->spans && n->tag == GUMBO_TAG_IMG)
                inline_element(e, i);
            e->pending_space = e->line.len > 0;
        } else if (e->opts->spans && n->kind == WN_NODE_ELEMENT) {
            inline_element(e, i);
        }
        i++;
    }
    close_spans(e, UINT32_MAX);
    while (e->depth > base)
        pop_frames(e, UINT32_MAX);
    flush_line(e);
}

/* ---- the comment thread (--comments) -------------------------------------------
 *
 * The scorer found it (score/threads.h): a flat list of comments in document
 * order, a reply after the comment it answers with a greater depth. Each is
 * rendered as COMMENT_OPEN (level: its depth), its author and date when
 * found, its paragraphs, COMMENT_CLOSE. */
static void emit_comments(emitter *e, const wn_thread *th)
{
    if (!th->found)
        return;
    push_item(e, WN_C_COMMENTS_OPEN, 0, NULL, 0);
    for (size_t i = 0; i < th->count && e->status == WN_OK; i++) {
        const wn_thread_comment *c = &th->comments[i];
        push_item(e, WN_C_COMMENT_OPEN, (uint8_t)(c->depth > 255 ? 255 : c->depth), NULL, 0);
        if (c->author)
            push_item(e, WN_C_COMMENT_AUTHOR, 0, c->author, c->author_len);
        if (c->date)
            push_item(e, WN_C_COMMENT_DATE, 0, c->date, c->date_len);
        for (uint32_t k = 0; k < c->para_count; k++) {
            const wn_thread_para *para = &th->paras[c->first_para + k];
            push_item(e, WN_C_PARA, 0, para->text, para->len);
        }
        push_item(e, WN_C_COMMENT_CLOSE, 0, NULL, 0);
    }
    push_item(e, WN_C_COMMENTS_CLOSE, 0, NULL, 0);
}

/* A post of a discussion around the items from mark on, when they hold a
 * block: POST_OPEN, its author and date, the items, POST_CLOSE. */
static void wrap_post(emitter *e, const wn_thread_post *post, size_t mark)
{
    wn_content *c = e->content;
    bool block = false;
    for (size_t k = mark; k < c->count && !block; k++)
        block = wn_content_is_block(c->items[k].kind);
    if (!block || e->status != WN_OK)
        return;
    size_t end = c->count;
    push_item(e, WN_C_POST_OPEN, 0, NULL, 0);
    if (post->author)
        push_item(e, WN_C_POST_AUTHOR, 0, post->author, post->author_len);
    if (post->iso[0])
        push_item(e, WN_C_POST_DATE, 0, post->iso, strlen(post->iso));
    else if (post->date)
        push_item(e, WN_C_POST_DATE, 0, post->date, post->date_len);
    if (e->status != WN_OK)
        return;
    /* The head items go before the post's items. */
    wn_content_item head[3];
    size_t nhead = c->count - end;
    memcpy(head, c->items + end, nhead * sizeof *head);
    memmove(c->items + mark + nhead, c->items + mark, (end - mark) * sizeof *head);
    memcpy(c->items + mark, head, nhead * sizeof *head);
    push_item(e, WN_C_POST_CLOSE, 0, NULL, 0);
}

wn_status wn_content_build(const wn_doc *doc, bool with_comments, wn_content *content)
{
    wn_content_opts opts = {0};
    opts.comments = with_comments;
    if (!with_comments)
        return wn_content_build_with(doc, &opts, content);
    wn_thread thread;
    wn_status st = wn_thread_find(doc, &thread);
    if (st == WN_OK) {
        opts.thread = &thread;
        st = wn_content_build_with(doc, &opts, content);
    }
    wn_thread_free(&thread);
    return st;
}

wn_status wn_content_build_with(const wn_doc *doc, const wn_content_opts *opts, wn_content *content)
{
    static const wn_content_opts none = {0};
    emitter e;
    memset(&e, 0, sizeof e);
    e.doc = doc;
    e.content = content;
    e.opts = opts ? opts : &none;
    content->spans = e.opts->spans & (WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING);
    wn_buf_init(&e.line);
    const struct wn_thread_posts *posts = e.opts->posts;
    size_t next_post = 0;
    for (uint32_t i = 0; i < doc->count && e.status == WN_OK; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        if (!(n->flags & WN_NODE_PRUNED)) {
            while (posts && next_post < posts->count && posts->list[next_post].node < i)
                next_post++;
            size_t mark = content->count;
            emit_subtree(&e, i);
            if (posts && next_post < posts->count && posts->list[next_post].node == i)
                wrap_post(&e, &posts->list[next_post], mark);
        }
        i = n->end - 1;
    }
    if (e.opts->comments && e.opts->thread && e.status == WN_OK)
        emit_comments(&e, e.opts->thread);
    if (e.line.failed)
        e.status = WN_ERR_NOMEM;
    wn_buf_free(&e.line);
    free(e.spans);
    free(e.open);
    return e.status;
}
