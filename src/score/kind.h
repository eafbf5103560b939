/* The page's kind: an article (its reader comments are not the body) or a
 * discussion (a forum thread, a Q&A page: the first post and every reply
 * are the body). Decided from the page's structure after the region is
 * chosen. */
#ifndef WN_SCORE_KIND_H
#define WN_SCORE_KIND_H

#include "blocks/blocks.h"

typedef enum wn_doc_kind {
    WN_DOC_ARTICLE = 0,
    WN_DOC_DISCUSSION
} wn_doc_kind;

/* Why the kind was chosen (wn_doc.kind_why). */
typedef enum wn_kind_reason {
    WN_KIND_NO_REPEAT = 0,   /* the top is not one of a run of posts of one shape */
    WN_KIND_FEW_POSTS,       /* a run, but too few of its posts hold text */
    WN_KIND_LISTING,         /* a run of teasers: each post a headline link and little text */
    WN_KIND_POSTS,           /* the top is one post of a run of post-shaped siblings */
    WN_KIND_PARTS,           /* the top and the parts of its shape that joined it are posts */
    WN_KIND_EMPTIED,         /* comment-named posts were nearly all of the region */
    WN_KIND_INNER_RUN,       /* the top holds a run of posts: their text replaces it */
    WN_KIND_DATES,           /* the top's post date repeats in other posts' headers */
    WN_KIND_FIRST_POST,      /* the top is one of a run of posts each with its own comments link */
    WN_KIND_REPLIES,         /* a short post, then a nested thread of replies dated in <time> */
    WN_KIND_TWINS,           /* the top's post repeats apart from it, signed */
    WN_KIND_SIGNED_REPLIES,  /* a short post, then replies signed as the post is */
    WN_KIND_QA               /* the top is a Q&A page's question or answer, the other beside it */
} wn_kind_reason;

const char *wn_doc_kind_name(wn_doc_kind kind);

/* Whether an element is a teaser card: its text opens with a heading that
 * is a link of at least WN_VERDICT_HEADLINE_CHARS (another page's
 * headline), and it holds at most WN_VERDICT_CARD_CHARS. */
bool wn_kind_teaser_card(const wn_doc *doc, uint32_t index);
const char *wn_kind_reason_text(wn_kind_reason why);

/* Decides doc's kind around the top candidate; on a discussion, selects
 * the text of every post of the run (rule THREAD_POST) in place of the top
 * alone. Sets doc->page_kind, kind_why, kind_posts, kind_unit. Returns the
 * top: the one given, or, on a blog's front page (a run of posts each with
 * its own comments link; rule FIRST_POST), its first post, selected in
 * place of the run's selections. */
uint32_t wn_kind_decide(wn_doc *doc, uint32_t top);
void wn_kind_replies(wn_doc *doc, uint32_t top);

#endif
