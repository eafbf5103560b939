/* The extracted article as a flat list of blocks and container events: what
 * every output format renders. Built from the labelled block tree. */
#ifndef WN_CONTENT_H
#define WN_CONTENT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "blocks/blocks.h"

typedef enum wn_content_kind {
    WN_C_PARA = 0,
    WN_C_HEAD,          /* level: 1..6 */
    WN_C_ITEM,
    WN_C_CODE,
    WN_C_CELL,
    WN_C_CAPTION,
    WN_C_LIST_OPEN, WN_C_LIST_CLOSE,
    WN_C_TABLE_OPEN, WN_C_TABLE_CLOSE,
    WN_C_ROW_OPEN, WN_C_ROW_CLOSE,
    WN_C_QUOTE_OPEN, WN_C_QUOTE_CLOSE,
    WN_C_COMMENTS_OPEN, WN_C_COMMENTS_CLOSE,
    /* One comment of the thread, inside COMMENTS_OPEN/CLOSE: COMMENT_OPEN
     * (level: its depth, 1 for a top-level comment, 2 for a reply to it ...),
     * then at most one COMMENT_AUTHOR and one COMMENT_DATE (text items, not
     * blocks), then its paragraphs as WN_C_PARA, then COMMENT_CLOSE. */
    WN_C_COMMENT_OPEN, WN_C_COMMENT_AUTHOR, WN_C_COMMENT_DATE, WN_C_COMMENT_CLOSE,
    /* One post of a discussion page, in the body: POST_OPEN, then at most
     * one POST_AUTHOR and one POST_DATE (text items, not blocks: the date
     * in ISO 8601 when it could be read, else as the page writes it), then
     * the post's blocks and events, then POST_CLOSE. Posts do not nest. */
    WN_C_POST_OPEN, WN_C_POST_AUTHOR, WN_C_POST_DATE, WN_C_POST_CLOSE
} wn_content_kind;

/* Inline markup inside a block's text, kept only when asked
 * (wn_content_opts). */
typedef enum wn_span_kind {
    WN_SPAN_LINK = 0,    /* url: the href, resolved */
    WN_SPAN_IMAGE,       /* url: the src, resolved; alt; start == end (a point) */
    WN_SPAN_BOLD,
    WN_SPAN_ITALIC,
    WN_SPAN_CODE
} wn_span_kind;

#define WN_SPAN_NONE UINT32_MAX

/* A span covers text[start, end) of its item. The spans of an item are in
 * document order of their elements (pre-order): an enclosing span comes
 * before the spans inside it, which name it as parent, and lie within it. A
 * span with no text (start == end) is an image, or holds an image. */
typedef struct wn_span {
    uint32_t start, end;
    uint32_t parent;      /* index in the item's spans, or WN_SPAN_NONE */
    uint8_t kind;         /* wn_span_kind */
    const char *url;      /* links and images: never NULL, may be "" */
    const char *alt;      /* images: never NULL, may be "" */
} wn_span;

typedef struct wn_content_item {
    uint8_t kind;         /* wn_content_kind */
    uint8_t level;        /* WN_C_HEAD: 1..6; WN_C_LIST_OPEN: 1 for an ordered list */
    uint32_t len;
    const char *text;     /* blocks: UTF-8 without XML-forbidden characters; NULL for events;
                             may be "" only when spans holds an image */
    const wn_span *spans; /* span_count spans, or NULL */
    uint32_t span_count;
    const char *lang;     /* WN_C_CODE: the language the page names, or NULL */
} wn_content_item;

typedef struct wn_content {
    wn_content_item *items;  /* in the arena */
    size_t count;
    size_t capacity;
    wn_arena *arena;         /* owns items and their text */
    unsigned spans;          /* WN_FLAG_LINKS | IMAGES | FORMATTING: what the spans may hold */
} wn_content;

/* What a build keeps beyond the plain text. */
struct wn_thread;
struct wn_thread_posts;

typedef struct wn_content_opts {
    bool comments;        /* the comment thread (WN_FLAG_COMMENTS): thread, below */
    unsigned spans;       /* WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING */
    bool no_tables;       /* leave data tables out */
    const char *base_url; /* what links and images resolve against, or NULL */
    const struct wn_thread *thread; /* the comment thread as the scorer found it
                                       (score/threads.h), or NULL */
    const struct wn_thread_posts *posts; /* a discussion's posts (score/threads.h):
                                            each wraps the body's root it names */
} wn_content_opts;

/* Appends the kept blocks of doc (and, with comments, the comment thread as a
 * flat list of comments in document order, replies after their parent with a
 * greater level) to content. Returns WN_ERR_NOMEM on allocation failure.
 * With comments, the thread is found here (wn_thread_find()): for callers
 * that hold only the scored doc. */
wn_status wn_content_build(const wn_doc *doc, bool with_comments, wn_content *content);
/* The same with options (opts NULL: none); the thread rendered is
 * opts->thread, when opts->comments. */
wn_status wn_content_build_with(const wn_doc *doc, const wn_content_opts *opts,
                                wn_content *content);

/* Appends an item of kind and level without text to content (its arena
 * holds the items); NULL when out of memory. */
wn_content_item *wn_content_push(wn_content *content, uint8_t kind, uint8_t level);

/* True for the kinds that carry text. */
static inline int wn_content_is_block(uint8_t kind)
{
    return kind <= WN_C_CAPTION;
}

#endif
