/* Note lines: the lines the renderer makes of the kept article (runs of
 * text between blocks and <br>s, output/content.c) that are notes rather
 * than the article's text: a source or editor line, a byline, a prompt to
 * get the app, set as loose text among the paragraphs. The markers judge
 * such lines when they are blocks of their own; these are the same lines
 * as runs of text. Their text nodes get WN_LABEL_OTHER by
 * WN_RULE_NOTE_LINE, which the renderer obeys: it drops a line whose text
 * carries the label. The walk below cuts lines where the renderer's walk
 * does (a block opens or ends, a <br> outside code, a dropped block, the
 * end of a kept part) and gives each line the kind the renderer gives it. */
#include "score/score_internal.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* The kinds of line the renderer tells apart here: only a paragraph's line
 * can be a note. */
enum { LINE_PARA, LINE_HEAD, LINE_ITEM, LINE_CODE, LINE_CELL, LINE_CAPTION };

typedef struct line_frame {
    uint32_t end;      /* one past the block's subtree */
    uint8_t kind;      /* LINE_* of the lines inside it */
    bool layout;       /* inside a layout table: cells are not cells */
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

/* loose: the line ends at a <br> or where a child block begins. */
static void flush(line_walk *w, bool loose)
{
    size_t len = w->line.len;
    while (len && w->line.data[len - 1] == ' ')
        len--;
    if (len && (loose || !w->whole) && current_kind(w) == LINE_PARA && note_text(w->line.data, len))
        for (size_t k = 0; k < w->ntexts; k++) {
            wn_node *t = &w->doc->nodes[w->texts[k]];
            t->label = WN_LABEL_OTHER;
            t->rule = WN_RULE_NOTE_LINE;
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
    bool pre = n->flags & WN_NODE_PREFORMATTED;
    const char *s = n->text;
    size_t len = n->text_len;
    for (size_t pos = 0; pos < len;) {
        size_t start = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (!pre && wn_is_space(cp)) {
            w->pending_space = w->line.len > 0;
            continue;
        }
        if ((pre && cp == '\r') || !wn_is_xml_char(cp))
            continue;
        if (w->pending_space) {
            wn_buf_putc(&w->line, ' ');
            w->pending_space = false;
        }
        wn_buf_append(&w->line, s + start, pos - start);
    }
}

static void enter_block(line_walk *w, uint32_t index)
{
    const wn_node *n = &w->doc->nodes[index];
    flush(w, true);
    w->whole = true;
    uint8_t inherited = current_kind(w);
    bool inside_special = inherited == LINE_ITEM || inherited == LINE_CELL || inherited == LINE_CODE ||
                          inherited == LINE_CAPTION;
    line_frame f = {n->end, inside_special ? inherited : LINE_PARA, current_layout(w)};
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
        if (doc->nodes[i].kind == WN_NODE_TEXT && doc->nodes[i].rule == WN_RULE_NOTE_LINE) {
            doc->nodes[i].label = WN_LABEL_NONE;
            doc->nodes[i].rule = WN_RULE_NONE;
        }
    if (!on(doc, WN_RULE_NOTE_LINE))
        return;
    line_walk w;
    memset(&w, 0, sizeof w);
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
}
