/* Internals of the comment-thread finder (threads.h), shared by its parts:
 * threads_text.c reads the shapes of texts (dates, counters, names, header
 * lines), threads_pieces.c cuts the page's text into pieces and tells what
 * each is inside a comment, threads_find.c finds the comments (regions,
 * posts like the article's, repeats), threads.c makes the result and reads
 * a comment's signature, threads_posts.c signs a discussion's posts. */
#ifndef WN_SCORE_THREADS_INTERNAL_H
#define WN_SCORE_THREADS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lexicon/kinds.h"
#include "score/hints.h"
#include "score/score.h"
#include "score/threads.h"

/* The comment thread (--comments).
 *
 * Result (wn_thread): a flat list of comments in document order; a reply
 * follows the comment it answers with a greater depth. Each holds its
 * paragraphs and, when found, its author and date. No comment, no section.
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

/* What the text of a piece is: a date, a counter or action, other text. */
enum { PART_EMPTY = 0, PART_DATE, PART_COUNTER, PART_OTHER };

#define OTHER_CLUTTER (WN_HINT_NAV | WN_HINT_RELATED | WN_HINT_TIPJAR | WN_HINT_SHARE | \
                       WN_HINT_AD | WN_HINT_SIDEBAR | WN_HINT_WIDGET)

typedef struct own_piece {
    uint32_t index;    /* into th->pieces */
    int kind;
} own_piece;

typedef struct own_list {
    own_piece *list;
    size_t count, cap;
} own_list;

typedef struct item_summary {
    bool text;    /* has a text piece */
    bool meta;    /* has an author, date, action or a leading name */
    bool signed_; /* has an author, a date or a leading name */
    bool only_sep;   /* nothing but separators and form labels */
    bool notices;    /* every text piece is a short notice of the thread */
} item_summary;

typedef struct region_span {
    uint32_t node, lo, hi;   /* the region's element, and the range whose children to scan */
} region_span;

/* threads_text.c: the shapes of texts. */
bool th_has_word(const char *s, size_t len);
float th_weight_of(const char *s, size_t len);
int th_shape_of_text(const char *s, size_t len, const char **date, size_t *date_len);
bool th_signature_rule(const char *s, size_t len);
bool th_counter_word(const char *s, size_t len);
bool th_header_line(const char *s, size_t len, const char **date, size_t *date_len,
                    const char **name, size_t *name_len);
bool th_name_like(const char *s, size_t len);
bool th_thread_notice(const char *s, size_t len);
void th_split_author(const char *s, size_t len, const char **name, size_t *name_len,
                     const char **date, size_t *date_len);
bool th_comment_heading(const char *s, size_t len);
bool th_labelled_heading(const char *s, size_t len);

/* threads_pieces.c: class words, shapes of elements, pieces. */
uint8_t th_class_kind(thread *th, uint32_t index);
uint64_t th_shape_hash(const wn_node *n);
uint64_t th_full_shape(const wn_node *n);
bool th_has_name(const wn_node *n);
bool th_comment_container(const wn_node *n);
bool th_shape_known(const thread *th, uint64_t shape);
void th_learn_shape(thread *th, uint64_t shape);
void th_build_pieces(thread *th, uint32_t root, uint32_t lo, uint32_t hi);
/* Frees the working arrays of th (not its text, which the result keeps). */
void th_release(thread *th);
piece *th_analysed(thread *th, size_t index);
const char *th_piece_text(const thread *th, const piece *p);
size_t th_piece_at(const thread *th, uint32_t node);
int th_piece_kind(thread *th, const piece *p, const citem *it);
int th_cmp_items(const void *a, const void *b);
bool th_own_pieces(thread *th, const citem *it, const citem *sub, size_t nsub, own_list *out);
size_t th_leading_name(const thread *th, const own_list *own);
item_summary th_summarize(const thread *th, const own_list *own);
size_t th_outer_items(thread *th, size_t mark, citem **out);
void th_add_item(thread *th, uint32_t node, uint32_t end, uint32_t root, bool weak);

/* threads.c: a comment's signature. */
typedef struct sign_text {
    const char *author, *date;
    size_t author_len, date_len;
} sign_text;

void th_signature_pieces(const thread *th, own_list *own, bool heading_name, size_t *author_out,
                         size_t *date_out);
void th_signature_text(const thread *th, const own_list *own, size_t author, size_t date,
                       sign_text *sig);

/* threads_find.c: where the comments are. */
void th_find_posts(thread *th, const uint32_t *selected_after, own_list *own);
size_t th_find_regions(thread *th, const uint32_t *selected_after, region_span **out);
void th_region_items(thread *th, uint32_t region, uint32_t lo, uint32_t hi, own_list *own);

#endif
