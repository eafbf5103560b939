#include "output/content.h"

#include <string.h>

#include "buf.h"
#include "score/hints.h"
#include "utf8.h"

typedef struct frame {
    uint32_t end;         /* the node index at which this frame closes */
    uint8_t close_kind;   /* event to emit on close, or 0xFF for none */
    uint8_t line_kind;    /* kind of text lines inside */
    uint8_t level;
} frame;

/* Hashes of the long blocks emitted so far: a page that carries the article
 * twice (a hidden copy for another layout, a print version) yields it once. */
typedef struct seen_set {
    uint64_t *slots;   /* 0 = empty */
    size_t cap;        /* a power of two */
    size_t count;
} seen_set;

#define DEDUP_MIN_BYTES 60

typedef struct emitter {
    const wn_doc *doc;
    wn_content *content;
    seen_set seen;
    wn_buf line;
    bool pending_space;
    frame *stack;
    size_t depth, cap;
    wn_status status;
} emitter;

static void push_item(emitter *e, uint8_t kind, uint8_t level, const char *text, size_t len)
{
    wn_content *c = e->content;
    if (e->status != WN_OK)
        return;
    if (c->count == c->capacity) {
        size_t cap = c->capacity ? c->capacity * 2 : 64;
        wn_content_item *grown = wn_arena_alloc(c->arena, cap * sizeof *grown);
        if (!grown) {
            e->status = WN_ERR_NOMEM;
            return;
        }
        if (c->count)
            memcpy(grown, c->items, c->count * sizeof *grown);
        c->items = grown;
        c->capacity = cap;
    }
    wn_content_item *it = &c->items[c->count++];
    it->kind = kind;
    it->level = level;
    it->text = NULL;
    it->len = 0;
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

static void flush_line(emitter *e)
{
    size_t len = e->line.len;
    while (len && e->line.data[len - 1] == ' ')
        len--;
    if (len >= DEDUP_MIN_BYTES && seen_before(e, e->line.data, len))
        len = 0;
    if (len)
        push_item(e, current_kind(e), current_level(e), e->line.data, len);
    e->line.len = 0;
    e->pending_space = false;
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
    frame f = {n->end, 0xFF, inside_special ? inherited : WN_C_PARA, current_level(e)};
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_MENU:
        if (n->items) {
            push_item(e, WN_C_LIST_OPEN, 0, NULL, 0);
            f.close_kind = WN_C_LIST_CLOSE;
        }
        break;
    case GUMBO_TAG_TABLE:
        push_item(e, WN_C_TABLE_OPEN, 0, NULL, 0);
        f.close_kind = WN_C_TABLE_CLOSE;
        f.line_kind = WN_C_PARA;
        break;
    case GUMBO_TAG_TR:
        push_item(e, WN_C_ROW_OPEN, 0, NULL, 0);
        f.close_kind = WN_C_ROW_CLOSE;
        break;
    case GUMBO_TAG_BLOCKQUOTE:
        push_item(e, WN_C_QUOTE_OPEN, 0, NULL, 0);
        f.close_kind = WN_C_QUOTE_CLOSE;
        break;
    case GUMBO_TAG_LI: f.line_kind = WN_C_ITEM; break;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: f.line_kind = WN_C_CELL; break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
        f.line_kind = WN_C_CODE;
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

/* Emits the kept part of the subtree at root. */
static void emit_subtree(emitter *e, uint32_t root)
{
    const wn_doc *doc = e->doc;
    uint32_t end = doc->nodes[root].end;
    size_t base = e->depth;
    for (uint32_t i = root; i < end && e->status == WN_OK;) {
        pop_frames(e, i);
        const wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && i != root) {
            if (n->flags & WN_NODE_BLOCK)
                flush_line(e);
            i = n->end;
            continue;
        }
        if (n->kind == WN_NODE_TEXT) {
            append_text(e, n->text, n->text_len, n->flags & WN_NODE_PREFORMATTED);
        } else if (n->flags & WN_NODE_BREAK) {
            if (current_kind(e) == WN_C_CODE)
                wn_buf_putc(&e->line, '\n');
            else
                flush_line(e);
        } else if (n->flags & WN_NODE_BLOCK) {
            enter_block(e, i);
        } else if (n->tag == GUMBO_TAG_IMG || n->tag == GUMBO_TAG_HR) {
            e->pending_space = e->line.len > 0;
        }
        i++;
    }
    while (e->depth > base)
        pop_frames(e, UINT32_MAX);
    flush_line(e);
}

/* The comment thread: blocks pruned as comments inside the article, and
 * comment containers outside it, in document order. */
static void emit_comments(emitter *e)
{
    const wn_doc *doc = e->doc;
    bool open = false;
    uint32_t selected_end = 0; /* end of the kept region being passed through */
    uint32_t next_selected = 0; /* the first kept root at or after i */
    for (uint32_t i = 0; i < doc->count && e->status == WN_OK; i++) {
        const wn_node *n = &doc->nodes[i];
        if (next_selected < i || next_selected == 0)
            for (next_selected = i; next_selected < doc->count &&
                                    !(doc->nodes[next_selected].flags & WN_NODE_SELECTED);)
                next_selected++;
        bool inside = i < selected_end;
        if (!inside && (n->flags & WN_NODE_SELECTED)) {
            selected_end = n->end;
            inside = true;
        }
        /* A wrapper around the article is layout, whatever its class says. */
        bool wraps_article = next_selected < n->end && next_selected > i;
        bool thread = inside ? (n->flags & WN_NODE_PRUNED) && n->label == WN_LABEL_COMMENTS
                             : (n->hints & WN_HINT_COMMENTS) && !wraps_article;
        if (!thread || n->kind != WN_NODE_ELEMENT || !n->all.chars)
            continue;
        if (!open) {
            push_item(e, WN_C_COMMENTS_OPEN, 0, NULL, 0);
            open = true;
        }
        emit_subtree(e, i);
        i = n->end - 1;
    }
    if (open)
        push_item(e, WN_C_COMMENTS_CLOSE, 0, NULL, 0);
}

wn_status wn_content_build(const wn_doc *doc, bool with_comments, wn_content *content)
{
    emitter e;
    memset(&e, 0, sizeof e);
    e.doc = doc;
    e.content = content;
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
    return e.status;
}
