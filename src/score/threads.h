/* The comment thread of a page (--comments), found by the scoring stage
 * once the article is chosen, and the signatures (author, date) of a
 * discussion's posts. The output stage renders what is found here and
 * decides nothing about it (output/content.c).
 *
 * Where a thread is looked for, what one comment is and how its author,
 * date and text are told apart: threads_internal.h. */
#ifndef WN_SCORE_THREADS_H
#define WN_SCORE_THREADS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "blocks/blocks.h"
#include "buf.h"

/* One comment. Its texts point into wn_thread.text; they are the page's
 * text with white space collapsed, not yet in NFC. */
typedef struct wn_thread_comment {
    uint32_t node, end;        /* its element, or run of sibling elements: nodes [node, end) */
    unsigned depth;            /* 1: a comment on the article, 2: a reply to one, ... */
    const char *author;        /* the name as the page writes it, or NULL */
    uint32_t author_len;
    const char *date;          /* the date as the page writes it, or NULL */
    uint32_t date_len;
    uint32_t text_from, text_to; /* its text's elements: nodes [text_from, text_to), siblings
                                    (text_to 0 for a reply written into its comment's lines) */
    uint32_t first_para;       /* its paragraphs: wn_thread.paras[first_para ...] */
    uint32_t para_count;
} wn_thread_comment;

typedef struct wn_thread_para {
    const char *text;
    uint32_t len;
} wn_thread_para;

typedef struct wn_thread {
    bool found;                /* comments were found: the thread's section opens
                                  (empty when none of them kept a text) */
    wn_thread_comment *comments;  /* malloc'ed, in document order; a reply
                                     follows the comment it answers */
    size_t count, cap;
    wn_thread_para *paras;     /* malloc'ed */
    size_t para_count, para_cap;
    wn_buf text;               /* holds every text the comments point to */
} wn_thread;

/* Finds the comment thread of a scored doc (wn_score_select() ran): in the
 * blocks the scorer dropped as comments, in the comment sections outside
 * the article, and in the posts that repeat the article's container. *out
 * is set up here; free it with wn_thread_free() whatever the status.
 * Returns WN_ERR_NOMEM on allocation failure. */
wn_status wn_thread_find(const wn_doc *doc, wn_thread *out);

void wn_thread_free(wn_thread *thread);

/* One post of a discussion (wn_doc.page_kind WN_DOC_DISCUSSION): a kept
 * element of the body, with the signature of the post it stands for. */
typedef struct wn_thread_post {
    uint32_t node;             /* the kept element (a root of the body) */
    const char *author;        /* the name as the page writes it, or NULL */
    uint32_t author_len;
    const char *date;          /* the date as the page writes it, or NULL */
    uint32_t date_len;
    char iso[32];              /* the date in ISO 8601 (wn_date_parse), or "" */
} wn_thread_post;

typedef struct wn_thread_posts {
    wn_thread_post *list;      /* malloc'ed, in document order */
    size_t count, cap;
    wn_buf text;               /* holds the authors' and dates' text */
} wn_thread_posts;

/* The posts of a discussion: every kept root element of the body is one.
 * Its signature is looked for in the element of the run of posts that
 * holds it (the child of wn_doc.kind_unit; the element itself when there
 * is no run), as a comment's is (class words, the shapes of names, dates
 * and header lines). Nothing on a page of another kind. *out is set up
 * here; free it with wn_thread_posts_free() whatever the status. */
wn_status wn_thread_find_posts(const wn_doc *doc, wn_thread_posts *out);

void wn_thread_posts_free(wn_thread_posts *posts);

#endif
