/* The lines the renderer makes of the kept article (runs of text between
 * blocks and <br>s, output/content.c), judged here so that the renderer
 * only obeys labels. The walk below cuts lines where the renderer's walk
 * does (a block opens or ends, a <br> outside code, a dropped block, a
 * data table left out with --no-tables, the end of a kept part) and gives
 * each line the kind the renderer gives it. Two rules label a line's text
 * nodes WN_LABEL_OTHER, and the renderer drops a line whose text carries
 * either:
 *
 * - WN_RULE_NOTE_LINE: a line that is a note rather than the article's
 *   text: a source or editor line, a byline, a prompt to get the app, set
 *   as loose text among the paragraphs. The markers judge such lines when
 *   they are blocks of their own; these are the same lines as runs of text.
 * - WN_RULE_REPEAT_LINE: a long line whose text an earlier line of the
 *   kept parts already had, verbatim: a page that carries its article
 *   twice (a hidden copy for another layout, a print version) yields it
 *   once. Every line counts as earlier text, a note line too; a line that
 *   is both is a note. */
#include "score/score_internal.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexicon/classes.h"
#include "lexicon/lexicon.h"
#include "score/kind.h"

/* The kinds of line the renderer tells apart here: only a paragraph's line
 * can be a note. */
enum { LINE_PARA, LINE_HEAD, LINE_ITEM, LINE_CODE, LINE_CELL, LINE_CAPTION };

typedef struct line_frame {
    uint32_t end;      /* one past the block's subtree */
    uint8_t kind;      /* LINE_* of the lines inside it */
    bool layout;       /* inside a layout table: cells are not cells */
    bool quote;        /* inside a post's quote of another (a discussion's) */
} line_frame;

typedef struct line_walk {
    wn_doc *doc;
    wn_buf line;       /* the line's text, white space collapsed */
    bool pending_space;
    bool whole;        /* the line began with its block */
    bool root_layout;
    uint32_t *texts;   /* the text nodes of the line */
    size_t ntexts, textcap;
    line_frame *stack;
    size_t depth, cap;
    uint64_t *seen;    /* hashes of the long lines so far (0 = empty slot) */
    size_t seencap, nseen;   /* seencap: a power of two */
    bool notes, repeats;     /* the rules that are on */
    bool quotes;             /* a discussion: quotes of earlier posts stay */
    bool failed;
} line_walk;

/* A run of loose text that is a note: a source or editor line, a prompt to
 * get the app, or a short byline. */
static bool note_text(const char *text, size_t len)
{
    size_t whole = 0, pos = 0;
    while (pos < len) {
        uint32_t cp = wn_utf8_next(text, len, &pos);
        whole += !wn_is_space(cp);
    }
    if (whole > NOTE_MAX_CHARS)
        return false;
    wn_marker m = wn_marker_of_text(text, len < NOTE_LEAD_BYTES ? len : NOTE_LEAD_BYTES, whole);
    return m == WN_MARKER_SOURCE || m == WN_MARKER_PROMO ||
           (whole <= NOTE_BYLINE_CHARS && wn_byline_text(text, len));
}

/* The array with room for one more of its count items (capacity *cap,
 * doubled when full); NULL (and the walk failed) when out of memory. */
static void *room(line_walk *w, void *array, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return array;
    size_t grown_cap = *cap ? *cap * 2 : 16;
    void *grown = realloc(array, grown_cap * size);
    if (!grown) {
        w->failed = true;
        return NULL;
    }
    *cap = grown_cap;
    return grown;
}

static uint8_t current_kind(const line_walk *w)
{
    return w->depth ? w->stack[w->depth - 1].kind : LINE_PARA;
}

static bool current_layout(const line_walk *w)
{
    return w->depth ? w->stack[w->depth - 1].layout : w->root_layout;
}

static uint64_t hash_line(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

/* True when an earlier line had the text; records it otherwise. */
static bool seen_before(line_walk *w, const char *text, size_t len)
{
    if (w->nseen * 2 >= w->seencap) {
        size_t cap = w->seencap ? w->seencap * 2 : 64;
        uint64_t *slots = calloc(cap, sizeof *slots);
        if (!slots) {
            w->failed = true;
            return false;
        }
        for (size_t i = 0; i < w->seencap; i++) {
            if (!w->seen[i])
                continue;
            size_t k = (size_t)w->seen[i] & (cap - 1);
            while (slots[k])
                k = (k + 1) & (cap - 1);
            slots[k] = w->seen[i];
        }
        free(w->seen);
        w->seen = slots;
        w->seencap = cap;
    }
    uint64_t h = hash_line(text, len);
    size_t k = (size_t)h & (w->seencap - 1);
    while (w->seen[k]) {
        if (w->seen[k] == h)
            return true;
        k = (k + 1) & (w->seencap - 1);
    }
    w->seen[k] = h;
    w->nseen++;
    return false;
}

/* loose: the line ends at a <br> or where a child block begins. */
static void flush(line_walk *w, bool loose)
{
    size_t len = w->line.len;
    while (len && w->line.data[len - 1] == ' ')
        len--;
    /* Every long line is recorded, whatever becomes of it. */
    bool repeat = len >= REPEAT_LINE_MIN_BYTES && seen_before(w, w->line.data, len);
    wn_rule rule = WN_RULE_NONE;
    if (len && w->notes && (loose || !w->whole) && current_kind(w) == LINE_PARA &&
        note_text(w->line.data, len))
        rule = WN_RULE_NOTE_LINE;
    else if (repeat && w->repeats && !(w->depth && w->stack[w->depth - 1].quote))
        rule = WN_RULE_REPEAT_LINE;
    if (rule != WN_RULE_NONE)
        for (size_t k = 0; k < w->ntexts; k++) {
            wn_node *t = &w->doc->nodes[w->texts[k]];
            t->label = WN_LABEL_OTHER;
            t->rule = rule;
        }
    w->whole = false;
    w->line.len = 0;
    w->ntexts = 0;
    w->pending_space = false;
}

/* Leaves the blocks that end at or before at: each ends its line. */
static void pop_frames(line_walk *w, uint32_t at)
{
    while (w->depth && w->stack[w->depth - 1].end <= at) {
        flush(w, false);
        w->depth--;
    }
}

static void append_text(line_walk *w, uint32_t index)
{
    const wn_node *n = &w->doc->nodes[index];
    uint32_t *texts = room(w, w->texts, &w->textcap, w->ntexts, sizeof *texts);
    if (!texts)
        return;
    w->texts = texts;
    w->texts[w->ntexts++] = index;
    wn_buf_append_text(&w->line, &w->pending_space, wn_node_text(n), wn_node_text_len(n),
                       (n->flags & WN_NODE_PREFORMATTED) != 0, NULL, NULL);
}

static void quote_word(const char *word, size_t len, unsigned token, void *data)
{
    (void)token;
    int e = wn_lex_whole(WN_LEX_THREAD_CLASS_WORD, word, len);
    if (e >= 0 && wn_lex_entries[e].kinds == WN_CK_QUOTE)
        *(bool *)data = true;
}

/* An element whose class names a quote ("bbcode_quote", "quoted-post"). */
static bool quote_named(const wn_node *n)
{
    bool quote = false;
    const char *c = wn_node_class(n);
    if (c && *c)
        wn_class_words(c, strlen(c), quote_word, &quote);
    return quote;
}

static void enter_block(line_walk *w, uint32_t index)
{
    const wn_node *n = &w->doc->nodes[index];
    flush(w, true);
    w->whole = true;
    uint8_t inherited = current_kind(w);
    bool inside_special = inherited == LINE_ITEM || inherited == LINE_CELL || inherited == LINE_CODE ||
                          inherited == LINE_CAPTION;
    line_frame f = {n->end, inside_special ? inherited : LINE_PARA, current_layout(w),
                    w->depth && w->stack[w->depth - 1].quote};
    if (w->quotes && !f.quote)
        f.quote = n->tag == GUMBO_TAG_BLOCKQUOTE || quote_named(n);
    switch ((GumboTag)n->tag) {
    case GUMBO_TAG_TABLE:
        f.layout = (n->flags & WN_NODE_HOLDS_BLOCKS) != 0;
        f.kind = LINE_PARA;
        break;
    case GUMBO_TAG_LI: f.kind = LINE_ITEM; break;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (!f.layout)
            f.kind = LINE_CELL;
        break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
        f.kind = LINE_CODE;
        break;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: f.kind = LINE_CAPTION; break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        f.kind = LINE_HEAD;
        break;
    default:
        break;
    }
    line_frame *stack = room(w, w->stack, &w->cap, w->depth, sizeof *stack);
    if (!stack)
        return;
    w->stack = stack;
    w->stack[w->depth++] = f;
}

/* The lines of one kept part. */
static void walk_part(line_walk *w, uint32_t root)
{
    const wn_doc *doc = w->doc;
    uint32_t end = doc->nodes[root].end;
    w->root_layout = false;
    if (doc->nodes[root].tag != GUMBO_TAG_TABLE)
        for (uint32_t a = doc->nodes[root].parent; a != WN_NONE; a = doc->nodes[a].parent)
            if (doc->nodes[a].kind == WN_NODE_ELEMENT && doc->nodes[a].tag == GUMBO_TAG_TABLE) {
                w->root_layout = (doc->nodes[a].flags & WN_NODE_HOLDS_BLOCKS) != 0;
                break;
            }
    w->depth = 0;
    for (uint32_t i = root; i < end && !w->failed;) {
        pop_frames(w, i);
        const wn_node *n = &doc->nodes[i];
        if ((n->flags & WN_NODE_PRUNED) && i != root) {
            if (n->flags & WN_NODE_BLOCK)
                flush(w, false);
            i = n->end;
            continue;
        }
        if (n->kind == WN_NODE_TEXT) {
            append_text(w, i);
        } else if (n->flags & WN_NODE_BREAK) {
            if (current_kind(w) == LINE_CODE)
                wn_buf_putc(&w->line, '\n');
            else
                flush(w, true);
        } else if (n->flags & WN_NODE_BLOCK) {
            if (doc->no_tables && n->tag == GUMBO_TAG_TABLE && !(n->flags & WN_NODE_HOLDS_BLOCKS)) {
                flush(w, true); /* a block begins, as when it is read */
                i = n->end;
                continue;
            }
            enter_block(w, i);
        } else if (n->tag == GUMBO_TAG_IMG || n->tag == GUMBO_TAG_HR) {
            w->pending_space = w->line.len > 0;
        }
        i++;
    }
    pop_frames(w, UINT32_MAX);
    flush(w, false);
}

void wn_score_note_lines(wn_doc *doc)
{
    for (uint32_t i = 0; i < doc->count; i++)
        if (doc->nodes[i].kind == WN_NODE_TEXT &&
            (doc->nodes[i].rule == WN_RULE_NOTE_LINE || doc->nodes[i].rule == WN_RULE_REPEAT_LINE)) {
            doc->nodes[i].label = WN_LABEL_NONE;
            doc->nodes[i].rule = WN_RULE_NONE;
        }
    line_walk w;
    memset(&w, 0, sizeof w);
    w.notes = on(doc, WN_RULE_NOTE_LINE);
    w.repeats = on(doc, WN_RULE_REPEAT_LINE);
    /* In a discussion a reply quotes an earlier post word for word: the
     * quote is the reply's, not a second copy of the page. */
    w.quotes = doc->page_kind == WN_DOC_DISCUSSION;
    if (!w.notes && !w.repeats)
        return;
    w.doc = doc;
    wn_buf_init(&w.line);
    for (uint32_t i = 0; i < doc->count && !w.failed; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        if (!(n->flags & WN_NODE_PRUNED))
            walk_part(&w, i);
        i = n->end - 1;
    }
    wn_buf_free(&w.line);
    free(w.texts);
    free(w.stack);
    free(w.seen);
}
