#include "output/content.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "output/render.h"
#include "output/url.h"
#include "score/hints.h"
#include "score/score.h"
#include "utf8.h"

typedef struct frame {
    uint32_t end;         /* the node index at which this frame closes */
    uint8_t close_kind;   /* event to emit on close, or 0xFF for none */
    uint8_t line_kind;    /* kind of text lines inside */
    uint8_t level;
    bool layout;          /* inside a table used for layout, not for data */
    const char *lang;     /* code: the language the page names, or NULL */
} frame;

/* Hashes of the long blocks emitted so far: a page that carries the article
 * twice (a hidden copy for another layout, a print version) yields it once. */
typedef struct seen_set {
    uint64_t *slots;   /* 0 = empty */
    size_t cap;        /* a power of two */
    size_t count;
} seen_set;

#define DEDUP_MIN_BYTES 60

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
    seen_set seen;
    wn_buf line;
    bool pending_space;
    frame *stack;
    size_t depth, cap;
    bool line_note;       /* the line's text is a note (WN_RULE_NOTE_LINE): dropped */
    bool root_layout;     /* the emitted subtree sits in a layout table */
    wn_status status;
    const wn_content_opts *opts;
    line_span *spans;     /* malloc'ed */
    size_t nspans, span_cap;
    open_span *open;      /* malloc'ed */
    size_t nopen, open_cap;
} emitter;

static void push_item_as_is(emitter *e, uint8_t kind, uint8_t level, const char *text, size_t len);

wn_content_item *wn_content_push(wn_content *c, uint8_t kind, uint8_t level)
{
    if (c->count == c->capacity) {
        size_t cap = c->capacity ? c->capacity * 2 : 64;
        wn_content_item *grown = wn_arena_alloc(c->arena, cap * sizeof *grown);
        if (!grown)
            return NULL;
        if (c->count)
            memcpy(grown, c->items, c->count * sizeof *grown);
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

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

/* True when the text was seen before; records it otherwise. */
static bool seen_before(emitter *e, const char *text, size_t len)
{
    seen_set *set = &e->seen;
    if (set->count * 2 >= set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        uint64_t *slots = wn_arena_calloc(e->content->arena, cap, sizeof *slots);
        if (!slots)
            return false;
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->slots[i])
                continue;
            size_t k = (size_t)set->slots[i] & (cap - 1);
            while (slots[k])
                k = (k + 1) & (cap - 1);
            slots[k] = set->slots[i];
        }
        set->slots = slots;
        set->cap = cap;
    }
    uint64_t h = hash_bytes(text, len);
    size_t k = (size_t)h & (set->cap - 1);
    while (set->slots[k]) {
        if (set->slots[k] == h)
            return true;
        k = (k + 1) & (set->cap - 1);
    }
    set->slots[k] = h;
    set->count++;
    return false;
}

static bool spans_kept(emitter *e, size_t len);
static void push_item_with_spans(emitter *e, uint8_t kind, uint8_t level, const char *text,
                                 size_t len);
static void spans_next_line(emitter *e);
static const char *code_language(emitter *e, uint32_t pre);

/* Ends the line: pushes its text unless it repeats an earlier line or the
 * scorer labelled it a note (score/lines.c). */
static void flush_line(emitter *e)
{
    size_t len = e->line.len;
    while (len && e->line.data[len - 1] == ' ')
        len--;
    bool dropped = false;
    if (len >= DEDUP_MIN_BYTES && seen_before(e, e->line.data, len))
        len = 0, dropped = true;
    if (len && e->line_note)
        len = 0, dropped = true;
    e->line_note = false;
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

/* Appends text; collapses white space unless preformatted; drops characters
 * XML cannot hold. */
static void append_text(emitter *e, const char *s, size_t len, bool pre)
{
    size_t pos = 0;
    while (pos < len) {
        unsigned char c = (unsigned char)s[pos];
        uint32_t cp;
        size_t start = pos;
        if (c < 0x80) {
            cp = c;
            pos++;
        } else {
            cp = wn_utf8_next(s, len, &pos);
        }
        if (!pre && wn_is_space(cp)) {
            e->pending_space = e->line.len > 0;
            continue;
        }
        if (pre && cp == '\r')
            continue;
        if (!wn_is_xml_char(cp))
            continue;
        if (e->pending_space) {
            /* Spans that hold nothing yet begin after the space. */
            for (size_t k = 0; k < e->nopen; k++)
                if (e->spans[e->open[k].slot].s.start == e->line.len)
                    e->spans[e->open[k].slot].s.start = (uint32_t)e->line.len + 1;
            wn_buf_putc(&e->line, ' ');
            e->pending_space = false;
        }
        wn_buf_append(&e->line, s + start, pos - start);
    }
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
        if (n->items) {
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
    const char *classes[2] = {doc->nodes[pre].class_attr, NULL};
    for (uint32_t k = pre + 1; k < doc->nodes[pre].end; k++) {
        const wn_node *d = &doc->nodes[k];
        if (d->kind == WN_NODE_TEXT && d->all.chars == 0)
            continue;
        if (d->kind == WN_NODE_ELEMENT && d->tag == GUMBO_TAG_CODE)
            classes[1] = d->class_attr;
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
            e->line_note |= n->rule == WN_RULE_NOTE_LINE;
            append_text(e, n->text, n->text_len, n->flags & WN_NODE_PREFORMATTED);
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
 * Output: a flat list of comments in document order; a reply follows the
 * comment it answers with a greater depth (COMMENT_OPEN's level). Each holds
 * its paragraphs and, when found, its author and date. No comment, no section.
 *
 * Where a thread is looked for, in document order, never in the kept body:
 *   - blocks the scorer dropped as comments inside the article;
 *   - outside the article, elements whose class/id/role says comments, the
 *     section a comment heading opens ("评论 18", "Responses (41)", "Leave a
 *     comment") and blocks labelled with it ("网友评论：…"), never in a sidebar
 *     or widget, never around the article;
 *   - posts that repeat the article's own container (forum replies, other
 *     answers of a Q&A page): siblings of an ancestor of the top candidate with
 *     its tag and class, holding at the same place an element of the top
 *     candidate's tag, class and id, both signed (an author or a date).
 * What one comment is: a container (div, li, article, section, dl, table, tr
 * or a custom element) with text of its own that repeats among its siblings
 * with an author, date or action beside the text, or says comment in its
 * class, or has the shape of comments seen elsewhere in the thread; or a run
 * of siblings repeating a cycle of shapes (Blogger's dt/dd, a table's
 * header-row/text-row pairs). Comments inside a comment are its replies.
 * Inside a comment every run of text is a piece, classified by the class
 * words around it (author/name/nick/user, date/time, reply/like/share/count,
 * meta/info/profile, content/text/message, quote, form) and by its shape (a
 * date, a counter such as "赞 31", a link alone, a heading, a signature, a
 * notice such as "暂无评论"). The text is the first piece of some length with
 * the elements around it that hold nothing else (and its siblings of the same
 * shape); the author and date are the first such pieces, else a short name
 * before the text. Forms, buttons, counters, badges, profiles, quotes of other
 * posts and navigation are left out. */

enum {
    PK_TEXT = 0, PK_AUTHOR, PK_DATE, PK_ACTION, PK_META, PK_LINK, PK_HEAD, PK_SEP, PK_FORM
};

/* What an element's class words (or tag) say its text is. */
enum {
    CK_NONE = WN_CK_NONE, CK_TEXT = WN_CK_TEXT, CK_AUTHOR = WN_CK_AUTHOR, CK_DATE = WN_CK_DATE,
    CK_META = WN_CK_META, CK_ACTION = WN_CK_ACTION, CK_FORM = WN_CK_FORM, CK_QUOTE = WN_CK_QUOTE,
    CK_UNSET = 0xFF
};

typedef struct piece {
    uint32_t node;     /* its first text node */
    uint32_t owner;    /* the block, or the field-like inline element, it belongs to */
    uint32_t start;    /* its text in thread.text */
    uint32_t len;
    bool link;         /* all of it inside links */
    bool word;         /* it has a letter, digit or ideograph */
    bool signature;    /* it opens with a rule: "____ Tony" */
    bool marker;       /* a heading of the thread: "3 Comments", "暂无评论" */
    bool header;       /* a header line: "Bob 于 2024-3-16 8:20 发表：" */
    bool notice;       /* a notice of the thread: "暂无评论，快来抢沙发" */
    bool analysed;     /* the fields above are set */
    int8_t shape;      /* PART_* of its text */
    float weight;
} piece;

/* One comment: an element, or a run of sibling elements [node, end) when
 * the thread repeats a few siblings per comment (Blogger's dt/dd pairs). */
typedef struct citem {
    uint32_t node;     /* its (first) element; WN_NONE once absorbed */
    uint32_t end;      /* one past its last node */
    uint32_t root;     /* where its text is (a post body), or WN_NONE to find it */
    bool weak;         /* only its class says comment: text alone, no author or date */
} citem;

#define THREAD_MAX_LEVEL 64
#define NAME_MAX_WEIGHT 32.0f

typedef struct thread {
    const wn_doc *doc;
    uint8_t *direct;   /* per node: the element has word text of its own */
    uint8_t *ckind;    /* per node: CK_* of its class words, CK_UNSET until asked */
    uint32_t *post_root; /* per node: a post's body element, or 0 */
    piece *pieces;
    size_t np, pcap;
    wn_buf text;
    citem *items;
    size_t ni, icap;
    uint64_t *shapes;  /* shapes of comments that repeat with an author or date */
    size_t nshapes, shapecap;
    bool learning;
    bool failed;
} thread;

static bool grow(void **array, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return true;
    size_t cap2 = *cap ? *cap * 2 : 64;
    void *grown = realloc(*array, cap2 * size);
    if (!grown)
        return false;
    *array = grown;
    *cap = cap2;
    return true;
}

/* ---- text shapes ---- */

static bool is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
        return false;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
        (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
        (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD)
        return false;
    return true;
}

static bool has_word(const char *s, size_t len)
{
    for (size_t pos = 0; pos < len;) {
        if (is_word_cp(wn_utf8_next(s, len, &pos)))
            return true;
    }
    return false;
}

/* Length as a reader weighs it (a CJK character counts three). */
static float weight_of(const char *s, size_t len)
{
    wn_text_stats st;
    memset(&st, 0, sizeof st);
    wn_text_measure(s, len, &st);
    return (float)st.chars + 2.0f * (float)st.cjk;
}

/* The kinds (WN_LEXK_*) of a word or character of the thread's vocabulary
 * that text is, whole; 0 if none. */
static uint32_t thread_kinds(wn_lex_list list, const char *text, size_t len)
{
    int e = wn_lex_whole(list, text, len);
    return e >= 0 ? wn_lex_entries[e].kinds : 0;
}

enum { PART_EMPTY = 0, PART_DATE, PART_COUNTER, PART_OTHER };

/* A date, a counter/action, or other text: one part of a piece. */
static int part_kind(const char *s, size_t len)
{
    unsigned digits = 0, numerals = 0, date_words = 0, relative = 0, actions = 0;
    unsigned date_punct = 0, dots = 0;
    bool prev_digit = false;
    for (size_t pos = 0; pos < len;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
            char word[20];
            size_t n = 0;
            pos = at;
            while (pos < len && (((unsigned char)s[pos] | 0x20) >= 'a' &&
                                 ((unsigned char)s[pos] | 0x20) <= 'z')) {
                if (n < sizeof word)
                    word[n] = (char)(s[pos] | 0x20);
                n++;
                pos++;
            }
            if (n > sizeof word)
                return PART_OTHER;
            /* Latin words of dates and times ("April 2, 2024 at 6:14 pm",
             * "4h ago"), of counters and actions ("3 replies", "Reply"). */
            uint32_t kinds = thread_kinds(WN_LEX_THREAD_WORD, word, n);
            if (kinds & (WN_LEXK_THREAD_WORD_DATE | WN_LEXK_THREAD_WORD_RELATIVE)) {
                date_words++;
                if (kinds & WN_LEXK_THREAD_WORD_RELATIVE)
                    relative++;
            } else if (kinds & WN_LEXK_THREAD_WORD_ACTION)
                actions++;
            else
                return PART_OTHER;
            prev_digit = false;
            continue;
        }
        if (cp >= '0' && cp <= '9') {
            digits++;
            prev_digit = true;
            continue;
        }
        if (cp == '-' || cp == '/' || cp == ':' || cp == '.') {
            if (prev_digit && pos < len && s[pos] >= '0' && s[pos] <= '9') {
                if (cp == '.')
                    dots++;
                else
                    date_punct++;
            }
            prev_digit = false;
            continue;
        }
        prev_digit = false;
        if (!is_word_cp(cp) || cp < 0x80)
            continue;
        /* CJK words of counters and actions, the first listed that matches. */
        int action = wn_lex_first(WN_LEX_THREAD_ACTION_CJK, s + at, len - at, 0, NULL);
        if (action >= 0) {
            pos = at + wn_lex_entries[action].bytes;
            actions++;
            continue;
        }
        /* CJK characters of dates and times ("2小时前", "7月2日", "发表于"). */
        uint32_t kinds = thread_kinds(WN_LEX_THREAD_DATE_CJK, s + at, pos - at);
        if (kinds) {
            date_words++;
            if (kinds & WN_LEXK_THREAD_DATE_CJK_RELATIVE)
                relative++;
        } else if (wn_lex_whole(WN_LEX_THREAD_NUMERAL_CJK, s + at, pos - at) >= 0) {
            numerals++;
        } else {
            return PART_OTHER;
        }
    }
    if (dots >= 2)
        date_punct++;
    bool numbered = digits || numerals;
    /* "2小时前", "5楼 2024.04.09 10:21": a date, with or without a counter. */
    if ((numbered && (date_words || date_punct)) || relative)
        return PART_DATE;
    if (actions || numbered)
        return PART_COUNTER;
    return date_words ? PART_OTHER : PART_EMPTY;
}

/* Where a piece splits into parts: "08-26 · 赞 31", "by Bob » Mar 9". */
static size_t separator_at(const char *s, size_t len, size_t pos)
{
    static const char *const SEPS[] = {"\xC2\xB7", "\xE2\x80\xA2", "|", "\xEF\xBD\x9C",
                                       "\xE2\x88\x99", "\xE2\x8B\x85", "\xC2\xBB", "\xC2\xAB",
                                       "\xE2\x80\xBA", "\xE2\x97\x8F", " - ", " \xE2\x80\x94 ",
                                       "\xE3\x80\x80", "\xEF\xBC\x9A", NULL};
    unsigned char c = (unsigned char)s[pos];
    if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF && c != '|' && c != ' ')
        return 0;
    for (size_t i = 0; SEPS[i]; i++) {
        size_t n = strlen(SEPS[i]);
        if (len - pos >= n && memcmp(s + pos, SEPS[i], n) == 0)
            return n;
    }
    return 0;
}

/* Classifies a piece by its parts: PART_DATE if one part is a date and the
 * others counters, PART_COUNTER if all are counters or actions. *date and
 * *date_len get the first date part. */
static int shape_of_text(const char *s, size_t len, const char **date, size_t *date_len)
{
    int result = PART_EMPTY;
    size_t start = 0;
    for (size_t pos = 0; pos <= len;) {
        size_t sep = pos < len ? separator_at(s, len, pos) : 1;
        if (!sep) {
            pos++;
            continue;
        }
        const char *part = s + start;
        size_t plen = pos - start;
        while (plen && (*part == ' ')) {
            part++;
            plen--;
        }
        while (plen && part[plen - 1] == ' ')
            plen--;
        int k = wn_date_label(part, plen) ? PART_EMPTY : part_kind(part, plen);
        if (k == PART_OTHER)
            return PART_OTHER;
        if (k == PART_DATE && result != PART_DATE) {
            result = PART_DATE;
            if (date) {
                *date = part;
                *date_len = plen;
            }
        } else if (k == PART_COUNTER && result == PART_EMPTY) {
            result = PART_COUNTER;
        }
        pos += sep;
        start = pos;
    }
    return result;
}

/* A line opening with a rule of underscores or dashes: a signature. */
static bool signature_rule(const char *s, size_t len)
{
    size_t run = 0;
    while (run < len && (s[run] == '_' || s[run] == '-' || s[run] == '='))
        run++;
    return run >= 4;
}

/* A counter with a word in it ("5楼", "顶(34)", "Reply"), not a bare number. */
static bool counter_word(const char *s, size_t len)
{
    bool word = false;
    for (size_t pos = 0; pos < len;) {
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
            word = true;
    }
    return word && part_kind(s, len) == PART_COUNTER;
}

static bool name_like(const char *s, size_t len);

/* A comment's header line, "美食爱好者 于 2024-3-16 8:20:11 发表：": ends with a
 * colon and holds a date (a run of digits with - / : in it). *date gets the
 * date, *name the words before it when they are a name. */
static bool header_line(const char *s, size_t len, const char **date, size_t *date_len,
                        const char **name, size_t *name_len)
{
    while (len && s[len - 1] == ' ')
        len--;
    bool colon = (len >= 1 && s[len - 1] == ':') ||
                 (len >= 3 && memcmp(s + len - 3, "\xEF\xBC\x9A", 3) == 0);
    if (!colon)
        return false;
    /* The longest run of digits, spaces and - / : . starting with a digit. */
    size_t best = 0, best_len = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || (i && s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        size_t j = i, seps = 0;
        while (j < len && ((s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '/' ||
                           s[j] == ':' || s[j] == '.' || s[j] == ' ')) {
            seps += s[j] == '-' || s[j] == '/' || s[j] == ':';
            j++;
        }
        while (j > i && (s[j - 1] == ' ' || s[j - 1] == ':'))
            j--;
        if (seps >= 2 && j - i > best_len) {
            best = i;
            best_len = j - i;
        }
    }
    if (best_len < 6)
        return false;
    if (date) {
        *date = s + best;
        *date_len = best_len;
    }
    if (name) {
        size_t n = 0;
        while (n < best && s[n] != ' ')
            n++;
        *name = s;
        *name_len = n < best && name_like(s, n) ? n : 0;
    }
    return true;
}

/* A name: short, not a sentence, not a "Label: value". */
static bool name_like(const char *s, size_t len)
{
    if (!len || weight_of(s, len) > NAME_MAX_WEIGHT)
        return false;
    for (size_t pos = 0; pos < len;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if ((cp == ':' || cp == 0xFF1A) && pos < len && has_word(s + pos, len - pos))
            return false;
        if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0C || cp == '!' ||
            cp == '?' || cp == ';' || cp == 0xFF1B)
            return false;
        if ((cp == '.' || cp == ',') && pos < len && s[pos] == ' ' && at > 2 &&
            s[at - 2] != ' ')
            return false; /* "Kate R. says" is a name, "Nice. Thanks" is not */
    }
    return true;
}

/* Whether a short text is a notice of the thread itself ("暫無評論，快來搶沙發吧",
 * "Become a member to start commenting", "Already a member? Sign in"). */
static bool thread_notice(const char *s, size_t len)
{
    if (len >= 256)
        return false;
    return wn_lex_in(WN_LEX_THREAD_NOTICE, s, len);
}

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

static uint8_t class_kind(thread *th, uint32_t index)
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
        if (n->class_attr && *n->class_attr)
            kind = class_kind_of(n->class_attr);
        else if (n->id_attr && *n->id_attr)
            kind = class_kind_of(n->id_attr);
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

static uint64_t shape_hash(const wn_node *n)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)n->tag;
    h *= 1099511628211ull;
    const char *a = n->class_attr && *n->class_attr ? n->class_attr : n->id_attr;
    if (a) {
        h ^= a == n->class_attr ? 'c' : 'i';
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
static uint64_t full_shape(const wn_node *n)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)n->tag;
    h *= 1099511628211ull;
    const char *attrs[2] = {n->class_attr, n->id_attr};
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

static bool has_name(const wn_node *n)
{
    return (n->class_attr && *n->class_attr) || (n->id_attr && *n->id_attr);
}

/* Elements one comment can be. */
static bool comment_container(const wn_node *n)
{
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_UNKNOWN:
        return true;
    default:
        return false;
    }
}

#define OTHER_CLUTTER (WN_HINT_NAV | WN_HINT_RELATED | WN_HINT_TIPJAR | WN_HINT_SHARE | \
                       WN_HINT_AD | WN_HINT_SIDEBAR | WN_HINT_WIDGET)

static bool shape_known(const thread *th, uint64_t shape)
{
    for (size_t i = 0; i < th->nshapes; i++)
        if (th->shapes[i] == shape)
            return true;
    return false;
}

static void learn_shape(thread *th, uint64_t shape)
{
    if (shape_known(th, shape) || th->nshapes >= 64)
        return;
    if (!grow((void **)&th->shapes, &th->shapecap, th->nshapes, sizeof *th->shapes)) {
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
static void build_pieces(thread *th, uint32_t root, uint32_t lo, uint32_t hi)
{
    const wn_node *nodes = th->doc->nodes;
    th->np = 0;
    th->text.len = 0;
    for (uint32_t i = lo; i < hi; i++) {
        const wn_node *n = &nodes[i];
        if (n->kind == WN_NODE_TEXT && n->all.chars && n->parent != WN_NONE &&
            has_word(n->text, n->text_len))
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
            if (!grow((void **)&th->pieces, &th->pcap, th->np, sizeof *th->pieces)) {
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
        add_text(th, p, n->text, n->text_len, &space);
    }
    if (th->text.failed) {
        th->failed = true;
        return;
    }
}

/* What the text of a piece alone says, found once when first asked. */
static piece *analysed(thread *th, size_t index)
{
    piece *p = &th->pieces[index];
    if (p->analysed)
        return p;
    /* Pieces may all be empty, with no text buffer behind them. */
    const char *t = th->text.data ? th->text.data + p->start : "";
    p->word = has_word(t, p->len);
    p->weight = weight_of(t, p->len);
    p->signature = signature_rule(t, p->len);
    /* Dates, counters, headings and notices are short. */
    p->shape = (int8_t)(p->weight <= 80.0f ? shape_of_text(t, p->len, NULL, NULL) : PART_OTHER);
    p->marker = p->weight <= 60.0f && wn_marker_of_text(t, p->len, p->len) == WN_MARKER_COMMENTS;
    p->header = p->weight <= 60.0f && header_line(t, p->len, NULL, NULL, NULL, NULL);
    p->notice = p->weight <= 60.0f && thread_notice(t, p->len);
    p->analysed = true;
    return p;
}

static const char *piece_text(const thread *th, const piece *p)
{
    return th->text.data ? th->text.data + p->start : "";
}

/* Index of the first piece at or after node. */
static size_t piece_at(const thread *th, uint32_t node)
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
static int piece_kind(thread *th, const piece *p, const citem *it)
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
        uint8_t c = class_kind(th, e);
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

/* ---- one comment ---- */

typedef struct own_piece {
    uint32_t index;    /* into th->pieces */
    int kind;
} own_piece;

typedef struct own_list {
    own_piece *list;
    size_t count, cap;
} own_list;

static int cmp_items(const void *a, const void *b)
{
    const citem *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end; /* the outer one first */
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The pieces of it that are not inside one of the found comments
 * sub[0..nsub) (sorted, outermost ones only), with their kinds. */
static bool own_pieces(thread *th, const citem *it, const citem *sub, size_t nsub, own_list *out)
{
    out->count = 0;
    size_t s = 0;
    for (size_t i = piece_at(th, it->node); i < th->np && th->pieces[i].node < it->end; i++) {
        uint32_t at = th->pieces[i].node;
        while (s < nsub && sub[s].end <= at)
            s++;
        if (s < nsub && sub[s].node <= at)
            continue;
        if (!grow((void **)&out->list, &out->cap, out->count, sizeof *out->list)) {
            th->failed = true;
            return false;
        }
        out->list[out->count].index = (uint32_t)i;
        out->list[out->count].kind = piece_kind(th, analysed(th, i), it);
        out->count++;
    }
    return true;
}

/* The first TEXT/LINK/HEAD/META piece when it is a short name with text
 * after it. */
static size_t leading_name(const thread *th, const own_list *own)
{
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < own->count; i++) {
        int k = own->list[i].kind;
        if (k == PK_AUTHOR)
            return SIZE_MAX;
        if (first == SIZE_MAX) {
            if (k == PK_TEXT || k == PK_LINK || k == PK_HEAD || k == PK_META) {
                const piece *p = &th->pieces[own->list[i].index];
                if (!name_like(piece_text(th, p), p->len))
                    return SIZE_MAX;
                first = i;
            }
        } else if (k == PK_TEXT) {
            return first;
        }
    }
    return SIZE_MAX;
}

typedef struct item_summary {
    bool text;    /* has a text piece */
    bool meta;    /* has an author, date, action or a leading name */
    bool signed_; /* has an author, a date or a leading name */
    bool only_sep;   /* nothing but separators and form labels */
    bool notices;    /* every text piece is a short notice of the thread */
} item_summary;

static item_summary summarize(const thread *th, const own_list *own)
{
    item_summary s = {false, false, false, true, true};
    size_t name = leading_name(th, own);
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
static size_t outer_items(thread *th, size_t mark, citem **out)
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
    qsort(list, n, sizeof *list, cmp_items);
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

static void add_item(thread *th, uint32_t node, uint32_t end, uint32_t root, bool weak)
{
    if (!grow((void **)&th->items, &th->icap, th->ni, sizeof *th->items)) {
        th->failed = true;
        return;
    }
    th->items[th->ni].node = node;
    th->items[th->ni].end = end;
    th->items[th->ni].root = root;
    th->items[th->ni].weak = weak;
    th->ni++;
}

/* Decides whether c, whose inside was scanned (its comments are
 * items[mark..ni)), is one comment. group: how many of its siblings with
 * text share its shape. */
static void decide(thread *th, uint32_t c, size_t mark, unsigned group, own_list *own)
{
    const wn_node *n = &th->doc->nodes[c];
    citem self = {c, n->end, WN_NONE, false};
    citem *sub;
    size_t nsub = outer_items(th, mark, &sub);
    if (th->failed || !own_pieces(th, &self, sub, nsub, own)) {
        free(sub);
        return;
    }
    item_summary s = summarize(th, own);
    uint64_t shape = shape_hash(n);
    /* "comment", "comment-list", "comment-block": not "comment-content",
     * "comment-header", "comment-reply-link". */
    bool hinted = (n->hints & WN_HINT_COMMENTS) && !(n->hints & OTHER_CLUTTER) &&
                  class_kind(th, c) == CK_NONE;
    bool known = shape_known(th, shape);
    if (!s.text && s.only_sep && (hinted || group >= 2 || known)) {
        /* A wrapper around exactly one comment of another shape (li.comment
         * around div.comment-wrap): the wrapper is the comment, so that the
         * replies beside the inner one count as its replies. */
        size_t direct = 0, which = 0;
        for (size_t i = mark; i < th->ni; i++)
            if (th->items[i].node != WN_NONE && th->doc->nodes[th->items[i].node].parent == c) {
                direct++;
                which = i;
            }
        if (direct == 1) {
            th->items[which].node = WN_NONE;
            free(sub);
            nsub = outer_items(th, mark, &sub);
            if (th->failed || !own_pieces(th, &self, sub, nsub, own)) {
                free(sub);
                return;
            }
            s = summarize(th, own);
        }
    }
    if (!s.text && s.signed_ && (hinted || group >= 2 || known)) {
        /* An author and a date here, and the text in an element found as a
         * comment only by its class (div.new-comment): that text is this
         * comment's; the other such elements are its replies. */
        for (size_t i = mark; i < th->ni; i++)
            if (th->items[i].node != WN_NONE && th->items[i].weak) {
                th->items[i].node = WN_NONE;
                free(sub);
                nsub = outer_items(th, mark, &sub);
                if (th->failed || !own_pieces(th, &self, sub, nsub, own)) {
                    free(sub);
                    return;
                }
                s = summarize(th, own);
                break;
            }
    }
    free(sub);
    /* "暫無評論，快來搶沙發吧", "Become a member to start commenting": no
     * author, no date, only words about the thread. */
    if (!s.text || (!s.signed_ && s.notices))
        return;
    bool repeated = group >= 2 && s.meta;
    if (repeated || hinted || (known && s.meta)) {
        add_item(th, c, n->end, WN_NONE, hinted && !s.meta && !repeated);
        if (repeated && th->learning)
            learn_shape(th, shape);
    }
}

/* Siblings that repeat a cycle of 2 to 4 shapes (dt.comment-author,
 * dd.comment-body, dd.comment-footer, ...) with no comment of their own:
 * each cycle that holds text and an author or date is one comment. */
static void decide_runs(thread *th, const uint32_t *kids, const uint64_t *shapes, size_t n,
                        own_list *own)
{
    const wn_node *nodes = th->doc->nodes;
    for (size_t k = 2; k <= 4 && 2 * k <= n; k++) {
        size_t full = n - n % k;
        bool periodic = true;
        for (size_t i = k; i < full && periodic; i++)
            periodic = shapes[i] == shapes[i % k];
        for (size_t i = 1; i < k && periodic; i++)
            periodic = shapes[i] != shapes[0];
        if (!periodic)
            continue;
        for (size_t i = 0; i + k <= full; i += k) {
            citem run = {kids[i], nodes[kids[i + k - 1]].end, WN_NONE, false};
            if (!own_pieces(th, &run, NULL, 0, own))
                return;
            item_summary s = summarize(th, own);
            if (s.text && s.meta)
                add_item(th, run.node, run.end, WN_NONE, false);
        }
        return;
    }
}

/* A heading inside the thread that opens another section ("Related posts"). */
static bool opens_other_section(const thread *th, uint32_t c)
{
    const wn_node *n = &th->doc->nodes[c];
    if (!(n->flags & WN_NODE_BLOCK) || !n->all.chars || n->all.chars > 20)
        return false;
    char lead[96];
    size_t len = wn_leading_text(th->doc, c, lead, sizeof lead);
    wn_marker m = wn_marker_of_text(lead, len, n->all.chars);
    return m == WN_MARKER_RELATED;
}

/* Finds the comments among the children in [lo, hi). */
static void scan(thread *th, uint32_t lo, uint32_t hi, unsigned level, own_list *own)
{
    const wn_node *nodes = th->doc->nodes;
    if (level > THREAD_MAX_LEVEL || th->failed)
        return;
    /* The children with text, their shapes, and the shapes sorted to count repeats. */
    size_t nkids = 0;
    for (uint32_t c = lo; c < hi; c = nodes[c].end)
        if (nodes[c].kind == WN_NODE_ELEMENT && nodes[c].all.chars)
            nkids++;
    if (!nkids)
        return;
    uint64_t *shapes = malloc(nkids * 2 * sizeof *shapes);
    uint32_t *kids = malloc(nkids * sizeof *kids);
    if (!shapes || !kids) {
        free(shapes);
        free(kids);
        th->failed = true;
        return;
    }
    uint64_t *sorted = shapes + nkids;
    size_t k = 0;
    for (uint32_t c = lo; c < hi; c = nodes[c].end)
        if (nodes[c].kind == WN_NODE_ELEMENT && nodes[c].all.chars) {
            kids[k] = c;
            shapes[k] = sorted[k] = shape_hash(&nodes[c]);
            k++;
        }
    qsort(sorted, nkids, sizeof *sorted, cmp_u64);
    size_t first = th->ni;
    size_t scanned = 0; /* children before a section of something else */
    for (size_t i = 0; i < nkids && !th->failed; i++) {
        uint32_t c = kids[i];
        const wn_node *n = &nodes[c];
        if (opens_other_section(th, c))
            break; /* the rest is that section */
        scanned = i + 1;
        if ((n->hints & OTHER_CLUTTER) && !(n->hints & WN_HINT_COMMENTS))
            continue;
        size_t mark = th->ni;
        scan(th, c + 1, n->end, level + 1, own);
        if (!comment_container(n))
            continue;
        uint64_t shape = shapes[i];
        unsigned group = 0;
        size_t a = 0, b = nkids;
        while (a < b) {
            size_t m = (a + b) / 2;
            if (sorted[m] < shape)
                a = m + 1;
            else
                b = m;
        }
        while (a < nkids && sorted[a] == shape && group < 1000) {
            group++;
            a++;
        }
        decide(th, c, mark, group, own);
    }
    if (th->ni == first && scanned >= 4) {
        /* Runs are told apart one level down too (tr > td.plt, tr > td). */
        for (size_t i = 0; i < scanned; i++) {
            uint32_t c = kids[i];
            for (uint32_t x = c + 1; x < nodes[c].end; x = nodes[x].end)
                if (nodes[x].kind == WN_NODE_ELEMENT) {
                    shapes[i] = shapes[i] * 31u + shape_hash(&nodes[x]);
                    break;
                }
        }
        decide_runs(th, kids, shapes, scanned, own);
    }
    free(shapes);
    free(kids);
}

/* ---- regions ---- */

/* Whether [index, end) holds a kept (selected) node. */
static bool holds_selected(const wn_doc *doc, uint32_t index, const uint32_t *selected_after)
{
    return selected_after[index] < doc->nodes[index].end;
}

/* Inside a sidebar or a widget that does not hold the article. */
static bool in_sidebar(const wn_doc *doc, uint32_t index, const uint32_t *selected_after)
{
    for (uint32_t a = index, k = 0; a != WN_NONE && k < 64; a = doc->nodes[a].parent, k++)
        if ((doc->nodes[a].hints & (WN_HINT_SIDEBAR | WN_HINT_WIDGET)) &&
            !holds_selected(doc, a, selected_after))
            return true;
    return false;
}

/* The section a comment heading outside the article opens: its highest
 * ancestor that starts with it and holds no article; lo and hi get the range
 * whose children to scan. */
static uint32_t heading_section(const wn_doc *doc, uint32_t h, const uint32_t *selected_after,
                                uint32_t *lo, uint32_t *hi)
{
    uint32_t best = h;
    for (uint32_t a = doc->nodes[h].parent, k = 0; a != WN_NONE && k < 16;
         a = doc->nodes[a].parent, k++) {
        const wn_node *an = &doc->nodes[a];
        if (an->tag == GUMBO_TAG_BODY || an->tag == GUMBO_TAG_HTML || holds_selected(doc, a, selected_after))
            break;
        bool first = true;
        for (uint32_t i = a + 1; i < h; i++)
            if (doc->nodes[i].kind == WN_NODE_TEXT && doc->nodes[i].all.chars) {
                first = false;
                break;
            }
        if (!first)
            break;
        best = a;
    }
    if (best != h) {
        *lo = best + 1;
        *hi = doc->nodes[best].end;
        return best;
    }
    /* The heading stands among other blocks: its following siblings. */
    uint32_t parent = doc->nodes[h].parent;
    *lo = doc->nodes[h].end;
    *hi = parent != WN_NONE ? doc->nodes[parent].end : doc->nodes[h].end;
    return h;
}

/* Whether the subtree at node is signed like a post: an author named by its
 * class, or a date and a leading name. */
static bool signed_post(thread *th, uint32_t node, own_list *own)
{
    citem self = {node, th->doc->nodes[node].end, WN_NONE, false};
    if (th->failed || !own_pieces(th, &self, NULL, 0, own))
        return false;
    bool date = false;
    for (size_t i = 0; i < own->count; i++) {
        if (own->list[i].kind == PK_AUTHOR)
            return true;
        date |= own->list[i].kind == PK_DATE;
    }
    size_t name = leading_name(th, own);
    return date && name != SIZE_MAX && own->list[name].kind != PK_HEAD;
}

/* A page's headline is not in a reply. */
static bool has_h1(const wn_doc *doc, uint32_t s)
{
    for (uint32_t i = s; i < doc->nodes[s].end; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && doc->nodes[i].tag == GUMBO_TAG_H1)
            return true;
    return false;
}

/* Whether the ancestors of d up to s have the shapes of those of top up to a. */
static bool same_path(const wn_doc *doc, uint32_t d, uint32_t s, uint32_t top, uint32_t a)
{
    while (d != s && top != a) {
        if (shape_hash(&doc->nodes[d]) != shape_hash(&doc->nodes[top]))
            return false;
        d = doc->nodes[d].parent;
        top = doc->nodes[top].parent;
    }
    return d == s && top == a;
}

/* The element of s at the place top has in a (the same child ordinals down
 * the path), or WN_NONE. */
static uint32_t place_in(const wn_doc *doc, uint32_t s, uint32_t top, uint32_t a)
{
    unsigned ord[16];
    size_t n = 0;
    for (uint32_t c = top; c != a; c = doc->nodes[c].parent) {
        uint32_t parent = doc->nodes[c].parent;
        if (parent == WN_NONE || n == 16)
            return WN_NONE;
        unsigned k = 0;
        for (uint32_t x = parent + 1; x < c; x = doc->nodes[x].end)
            k += doc->nodes[x].kind == WN_NODE_ELEMENT;
        ord[n++] = k;
    }
    uint32_t at = s;
    while (n) {
        unsigned want = ord[--n], k = 0;
        uint32_t found = WN_NONE;
        for (uint32_t x = at + 1; x < doc->nodes[at].end; x = doc->nodes[x].end)
            if (doc->nodes[x].kind == WN_NODE_ELEMENT && k++ == want) {
                found = x;
                break;
            }
        if (found == WN_NONE)
            return WN_NONE;
        at = found;
    }
    return at;
}

/* Marks the posts that repeat the article's container: for the lowest
 * ancestor A of the top candidate whose siblings share its shape, each such
 * sibling holding no article, with an element of the top candidate's shape at
 * the same depth below it, is a post whose text is that element. */
static void find_posts(thread *th, const uint32_t *selected_after, own_list *own)
{
    const wn_doc *doc = th->doc;
    uint32_t top = WN_NONE;
    for (uint32_t i = 0; i < doc->count; i++)
        if ((doc->nodes[i].flags & WN_NODE_SELECTED) && doc->nodes[i].rule == WN_RULE_TOP) {
            top = i;
            break;
        }
    if (top == WN_NONE)
        return;
    bool named = false; /* some element from the top candidate up to a has a class or id */
    uint64_t top_shape = full_shape(&doc->nodes[top]);
    unsigned rel = 0;
    for (uint32_t a = top; rel < 12; rel++) {
        const wn_node *an = &doc->nodes[a];
        uint32_t parent = an->parent;
        if (parent == WN_NONE || an->tag == GUMBO_TAG_BODY || an->tag == GUMBO_TAG_HTML ||
            an->tag == GUMBO_TAG_MAIN)
            return;
        named |= has_name(an);
        uint64_t shape = shape_hash(an);
        bool found = false;
        int article_signed = -1; /* not yet known at this level */
        for (uint32_t s = parent + 1; s < doc->nodes[parent].end; s = doc->nodes[s].end) {
            const wn_node *sn = &doc->nodes[s];
            if (!named || s == a || sn->kind != WN_NODE_ELEMENT || shape_hash(sn) != shape ||
                (sn->hints & (OTHER_CLUTTER | WN_HINT_FOOTER | WN_HINT_HEADER)) ||
                holds_selected(doc, s, selected_after))
                continue;
            unsigned want = sn->depth + rel;
            /* The element at the same place in s, else the first of its shape
             * at its depth. */
            uint32_t same_place = place_in(doc, s, top, a);
            for (uint32_t d = s; d < sn->end; d++) {
                const wn_node *dn = &doc->nodes[d];
                if (same_place != WN_NONE)
                    d = same_place, dn = &doc->nodes[d];
                if (dn->kind == WN_NODE_ELEMENT && dn->depth == want && dn->all.chars &&
                    full_shape(dn) == top_shape && same_path(doc, d, s, top, a)) {
                    /* Posts are signed: the article's container and this one
                     * both carry an author or a date beside the text (the
                     * sections of one long article do not). */
                    if (has_h1(doc, s) || !signed_post(th, s, own))
                        break;
                    if (article_signed < 0)
                        article_signed = signed_post(th, a, own);
                    if (!article_signed)
                        break;
                    th->post_root[s] = d;
                    found = true;
                    break;
                }
                if (same_place != WN_NONE) {
                    same_place = WN_NONE;
                    d = s;
                }
            }
        }
        if (found)
            return;
        a = parent;
    }
}

/* The name (and a date, if it carries one) of an author piece:
 * "by Bob » Mar 9, 2024", "Margaret O. says:". */
static void split_author(const char *s, size_t len, const char **name, size_t *name_len,
                         const char **date, size_t *date_len)
{
    *date = NULL;
    *date_len = 0;
    if (len > 3 && (s[0] == 'b' || s[0] == 'B') && s[1] == 'y' && s[2] == ' ') {
        s += 3;
        len -= 3;
    }
    size_t cut = len;
    for (size_t pos = 0; pos < len; pos++) {
        size_t sep = separator_at(s, len, pos);
        if (!sep)
            continue;
        cut = pos;
        shape_of_text(s + pos + sep, len - pos - sep, date, date_len);
        break;
    }
    while (cut && s[cut - 1] == ' ')
        cut--;
    /* " says:", "说：": the first listed that ends the name's part, after a word. */
    size_t says;
    if (wn_lex_suffix(WN_LEX_THREAD_SAYS, s, cut, 1, &says) >= 0)
        cut = says;
    while (cut && s[cut - 1] == ' ')
        cut--;
    *name = s;
    *name_len = cut;
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

#define MAX_SPANS 32

/* One comment, appended to the content. */
static void emit_comment(emitter *e, thread *th, const citem *it, unsigned depth,
                         const citem *sub, size_t nsub, own_list *own)
{
    const wn_node *nodes = th->doc->nodes;
    uint32_t item = it->node, root = it->root;
    if (!own_pieces(th, it, sub, nsub, own))
        return;
    size_t author = SIZE_MAX, date = SIZE_MAX;
    for (size_t i = 0; i < own->count; i++) {
        if (own->list[i].kind == PK_AUTHOR && author == SIZE_MAX)
            author = i;
        if (own->list[i].kind == PK_DATE && date == SIZE_MAX)
            date = i;
    }
    if (author == SIZE_MAX) {
        author = leading_name(th, own);
        if (author != SIZE_MAX)
            own->list[author].kind = PK_AUTHOR;
    }
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
        float w = weight_of(piece_text(th, p), p->len);
        if (w > longest)
            longest = w;
    }
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < own->count && best == SIZE_MAX; i++) {
        if (own->list[i].kind != PK_TEXT)
            continue;
        const piece *p = &th->pieces[own->list[i].index];
        float w = weight_of(piece_text(th, p), p->len);
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
                    shape_hash(&nodes[s]) != shape_hash(&nodes[box]))
                    continue;
                if (only_text_in(th, own, s, nodes[s].end, &any) && any) {
                    spans[nspans][0] = s;
                    spans[nspans++][1] = nodes[s].end;
                }
            }
    }
    push_item(e, WN_C_COMMENT_OPEN, (uint8_t)(depth > 255 ? 255 : depth), NULL, 0);
    const char *d = NULL;
    size_t dlen = 0;
    if (author != SIZE_MAX) {
        const piece *p = &th->pieces[own->list[author].index];
        const char *name;
        size_t name_len;
        split_author(piece_text(th, p), p->len, &name, &name_len, &d, &dlen);
        if (name_len && has_word(name, name_len))
            push_item(e, WN_C_COMMENT_AUTHOR, 0, name, name_len);
    }
    /* No date of its own: one carried by another author piece ("by Bob » Mar 9"). */
    for (size_t i = 0; date == SIZE_MAX && !(d && dlen) && i < own->count; i++) {
        if (own->list[i].kind != PK_AUTHOR || i == author)
            continue;
        const piece *p = &th->pieces[own->list[i].index];
        const char *name;
        size_t name_len;
        split_author(piece_text(th, p), p->len, &name, &name_len, &d, &dlen);
    }
    if (date != SIZE_MAX) {
        const piece *p = &th->pieces[own->list[date].index];
        const char *name;
        size_t name_len;
        if (shape_of_text(piece_text(th, p), p->len, &d, &dlen) == PART_DATE) {
            /* a date */
        } else if (header_line(piece_text(th, p), p->len, &d, &dlen, &name, &name_len)) {
            if (author == SIZE_MAX && name_len)
                push_item(e, WN_C_COMMENT_AUTHOR, 0, name, name_len);
        } else {
            d = piece_text(th, p);
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
            if (sp >= dlen || !counter_word(d, sp))
                break;
            d += sp + 1;
            dlen -= sp + 1;
        }
        for (;;) {
            size_t sp = dlen;
            while (sp && d[sp - 1] != ' ')
                sp--;
            if (!sp || !counter_word(d + sp, dlen - sp))
                break;
            dlen = sp - 1;
            while (dlen && d[dlen - 1] == ' ')
                dlen--;
        }
        if (dlen)
            push_item(e, WN_C_COMMENT_DATE, 0, d, dlen);
    }
    for (size_t i = 0; i < own->count; i++) {
        const piece *p = &th->pieces[own->list[i].index];
        if (own->list[i].kind != PK_TEXT)
            continue;
        bool in = false;
        for (size_t k = 0; k < nspans && !in; k++)
            in = p->node >= spans[k][0] && p->node < spans[k][1];
        if (in)
            push_item(e, WN_C_PARA, 0, piece_text(th, p), p->len);
    }
    push_item(e, WN_C_COMMENT_CLOSE, 0, NULL, 0);
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
        if (has_name(&nodes[c]))
            chain[nchain++] = shape_hash(&nodes[c]);
        if (c == box || c == WN_NONE)
            break;
    }
    for (size_t i = 0; i < own->count; i++) {
        const piece *p = &th->pieces[own->list[i].index];
        if (own->list[i].kind != PK_TEXT)
            continue;
        bool in = false;
        for (size_t k = 0; k < nspans && !in; k++)
            in = p->node >= spans[k][0] && p->node < spans[k][1];
        if (in)
            continue;
        uint32_t reply = WN_NONE;
        for (uint32_t c = p->owner; c != WN_NONE && c > item; c = nodes[c].parent) {
            uint64_t shape = shape_hash(&nodes[c]);
            for (size_t k = 0; k < nchain; k++)
                if (chain[k] == shape)
                    reply = c;
        }
        if (reply == WN_NONE || !only_text_in(th, own, reply, nodes[reply].end, &any))
            continue;
        push_item(e, WN_C_COMMENT_OPEN, (uint8_t)(depth >= 255 ? 255 : depth + 1), NULL, 0);
        for (; i < own->count && th->pieces[own->list[i].index].node < nodes[reply].end; i++)
            if (own->list[i].kind == PK_TEXT)
                push_item(e, WN_C_PARA, 0, piece_text(th, &th->pieces[own->list[i].index]),
                          th->pieces[own->list[i].index].len);
        i--;
        push_item(e, WN_C_COMMENT_CLOSE, 0, NULL, 0);
    }
}

/* Finds the comments of one region (children of [lo, hi)), or one post. */
static void region_items(thread *th, uint32_t region, uint32_t lo, uint32_t hi, own_list *own)
{
    uint32_t root = th->post_root[region];
    size_t mark = th->ni;
    if (!root) {
        scan(th, lo, hi, 0, own);
    } else {
        /* A post: only the comment lists in it (answers have comments). */
        const wn_node *nodes = th->doc->nodes;
        for (uint32_t i = lo; i < hi && !th->failed; i++)
            if (nodes[i].kind == WN_NODE_ELEMENT && (nodes[i].hints & WN_HINT_COMMENTS) &&
                !(nodes[i].hints & OTHER_CLUTTER) && (i < root || i >= nodes[root].end)) {
                scan(th, i + 1, nodes[i].end, 0, own);
                i = nodes[i].end - 1;
            }
    }
    if (root) {
        citem *sub, self = {region, th->doc->nodes[region].end, root, false};
        size_t nsub = outer_items(th, mark, &sub);
        if (!th->failed && own_pieces(th, &self, sub, nsub, own)) {
            bool text = false;
            for (size_t i = 0; i < own->count; i++)
                if (own->list[i].kind == PK_TEXT && th->pieces[own->list[i].index].node >= root &&
                    th->pieces[own->list[i].index].node < th->doc->nodes[root].end)
                    text = true;
            if (text)
                add_item(th, region, self.end, root, false);
        }
        free(sub);
    }
}

/* A heading naming the thread, with or without its count: "Responses (41)",
 * "评论 (3)", "全部评论 4", "Comments: 12". */
static bool comment_heading(const char *s, size_t len)
{
    char word[48];
    size_t n = 0;
    for (size_t pos = 0; pos < len;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if ((cp >= '0' && cp <= '9') || cp == ' ' || cp == '(' || cp == ')' || cp == '[' ||
            cp == ']' || cp == ':' || cp == 0xFF08 || cp == 0xFF09 || cp == 0xFF1A ||
            cp == 0x3010 || cp == 0x3011 || cp == ',' || cp == '.')
            continue;
        if (n + (pos - at) >= sizeof word)
            return false;
        for (size_t k = at; k < pos; k++)
            word[n++] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    }
    return n && wn_lex_whole(WN_LEX_THREAD_HEADING_NAME, word, n) >= 0;
}

/* A block opening with the thread's name as a label: "网友评论：（只显示最新10条）". */
static bool labelled_heading(const char *s, size_t len)
{
    for (size_t pos = 0; pos < len && pos < 32;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (cp == ':' || cp == 0xFF1A)
            return at && comment_heading(s, at);
    }
    return false;
}

typedef struct region_span {
    uint32_t node, lo, hi;   /* the region's element, and the range whose children to scan */
} region_span;

static bool add_region(thread *th, region_span **list, size_t *n, size_t *cap, uint32_t node,
                       uint32_t lo, uint32_t hi)
{
    if (!grow((void **)list, cap, *n, sizeof **list)) {
        th->failed = true;
        return false;
    }
    (*list)[*n].node = node;
    (*list)[*n].lo = lo;
    (*list)[*n].hi = hi;
    (*n)++;
    return true;
}

/* The regions of the thread, in document order, none inside another. */
static size_t find_regions(thread *th, const uint32_t *selected_after, region_span **out)
{
    const wn_doc *doc = th->doc;
    region_span *list = NULL;
    size_t n = 0, cap = 0;
    uint32_t selected_end = 0;
    for (uint32_t i = 0; i < doc->count && !th->failed; i++) {
        const wn_node *nd = &doc->nodes[i];
        if (nd->kind != WN_NODE_ELEMENT || !nd->all.chars)
            continue;
        if (i < selected_end || (nd->flags & WN_NODE_SELECTED)) {
            /* The article: only what the scorer dropped as comments. */
            if (nd->flags & WN_NODE_PRUNED) {
                if (nd->label == WN_LABEL_COMMENTS)
                    add_region(th, &list, &n, &cap, i, i + 1, nd->end);
                i = nd->end - 1;
            } else if (i >= selected_end) {
                selected_end = nd->end;
            }
            continue;
        }
        uint32_t lo = i + 1, hi = nd->end, node = i;
        if (th->post_root[i]) {
            /* a post like the article's */
        } else if ((nd->hints & WN_HINT_COMMENTS) && !(nd->hints & OTHER_CLUTTER)) {
            if (holds_selected(doc, i, selected_after) || in_sidebar(doc, i, selected_after))
                continue;
        } else if ((nd->flags & WN_NODE_BLOCK) && wn_link_density(nd) <= 0.5f &&
                   !holds_selected(doc, i, selected_after)) {
            char lead[96];
            size_t len = wn_leading_text(doc, i, lead, sizeof lead);
            bool heading = nd->all.chars <= 20
                               ? wn_marker_of_text(lead, len, nd->all.chars) == WN_MARKER_COMMENTS ||
                                     comment_heading(lead, len)
                               : labelled_heading(lead, len);
            if (!heading || in_sidebar(doc, i, selected_after))
                continue;
            /* A labelled block holds its thread; a heading opens a section. */
            if (nd->all.chars <= 20)
                node = heading_section(doc, i, selected_after, &lo, &hi);
            /* Beside the article, only the siblings after it. */
            for (uint32_t s = lo; s < hi; s = doc->nodes[s].end)
                if (holds_selected(doc, s, selected_after))
                    lo = doc->nodes[s].end;
        } else {
            continue;
        }
        if (!add_region(th, &list, &n, &cap, node, lo, hi))
            break;
        uint32_t end = hi > doc->nodes[node].end ? hi : doc->nodes[node].end;
        if (end > i + 1)
            i = end - 1;
    }
    *out = list;
    return n;
}

/* The comment thread: every comment found, in document order. */
static void emit_comments(emitter *e)
{
    const wn_doc *doc = e->doc;
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
        e->status = WN_ERR_NOMEM;
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
    build_pieces(&th, 0, 0, doc->count);
    find_posts(&th, selected_after, &own);
    size_t nregions = find_regions(&th, selected_after, &regions);
    /* Two passes: the first learns the shapes of comments that repeat, so
     * that a lone comment of that shape elsewhere is one too. */
    for (int pass = 0; pass < 2 && !th.failed; pass++) {
        th.learning = pass == 0;
        th.ni = 0;
        for (size_t r = 0; r < nregions && !th.failed; r++) {
            const region_span *rs = &regions[r];
            region_items(&th, rs->node, rs->lo, rs->hi, &own);
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
        qsort(th.items, th.ni, sizeof *th.items, cmp_items);
    if (!th.ni || th.failed)
        goto done;
    sub = malloc(th.ni * sizeof *sub);
    uint32_t *stack = malloc(th.ni * sizeof *stack);
    if (!sub || !stack) {
        free(stack);
        e->status = WN_ERR_NOMEM;
        goto done;
    }
    push_item(e, WN_C_COMMENTS_OPEN, 0, NULL, 0);
    size_t depth = 0;
    for (size_t i = 0; i < th.ni && e->status == WN_OK && !th.failed; i++) {
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
        emit_comment(e, &th, it, (unsigned)depth + 1, sub, nsub, &own);
        stack[depth++] = it->end;
    }
    free(stack);
    push_item(e, WN_C_COMMENTS_CLOSE, 0, NULL, 0);
done:
    if (th.failed && e->status == WN_OK)
        e->status = WN_ERR_NOMEM;
    free(sub);
    free(regions);
    free(own.list);
    free(th.pieces);
    free(th.items);
    free(th.shapes);
    free(th.direct);
    free(th.ckind);
    free(th.post_root);
    free(selected_after);
    wn_buf_free(&th.text);
}

wn_status wn_content_build(const wn_doc *doc, bool with_comments, wn_content *content)
{
    wn_content_opts opts = {0};
    opts.comments = with_comments;
    return wn_content_build_with(doc, &opts, content);
}

wn_status wn_content_build_with(const wn_doc *doc, const wn_content_opts *opts, wn_content *content)
{
    static const wn_content_opts none = {0};
    bool with_comments = opts && opts->comments;
    emitter e;
    memset(&e, 0, sizeof e);
    e.doc = doc;
    e.content = content;
    e.opts = opts ? opts : &none;
    content->spans = e.opts->spans & (WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING);
    wn_buf_init(&e.line);
    for (uint32_t i = 0; i < doc->count && e.status == WN_OK; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        if (!(n->flags & WN_NODE_PRUNED))
            emit_subtree(&e, i);
        i = n->end - 1;
    }
    if (with_comments && e.status == WN_OK)
        emit_comments(&e);
    if (e.line.failed)
        e.status = WN_ERR_NOMEM;
    wn_buf_free(&e.line);
    free(e.spans);
    free(e.open);
    return e.status;
}
