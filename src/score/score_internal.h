/* Internals of the scoring stage, shared by its phases: candidates.c scores
 * every element, region.c picks the region, prune.c and markers.c prune
 * clutter inside it, cleanup.c takes back and tidies what pruning left
 * (a thread's posts among them; kind.c decides whether the page is one),
 * title.c decides the headline, the standfirst and the page's title, and
 * lines.c labels the note lines; score.c runs them in order
 * (wn_score_select()). score.h is the stage's public interface. */
#ifndef WN_SCORE_INTERNAL_H
#define WN_SCORE_INTERNAL_H

#include "score/params.h"
#include "score/score.h"

/* Whether a rule may decide on this page (not switched off). */
static inline bool on(const wn_doc *doc, wn_rule rule)
{
    return !wn_rule_set_has(&doc->rules_off, rule);
}

/* Length of text as a reader weighs it: a CJK character carries about as much
 * as three Latin letters (a two-character word plus its space). */
static inline float weighted_length(const wn_text_stats *s)
{
    return (float)s->chars + 2.0f * (float)s->cjk;
}

static inline bool is_heading(GumboTag tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

static inline bool has_text(const wn_node *n)
{
    return n->all.chars > 0;
}

static inline bool element_with_text(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT && n->all.chars > 0;
}

static inline bool element_or_text(const wn_node *n)
{
    return n->kind == WN_NODE_ELEMENT || n->all.chars > 0;
}

static inline bool text_or_break(const wn_node *n)
{
    return n->all.chars > 0 || (n->flags & WN_NODE_BREAK);
}

/* What text_before() has counted: the kept text of the region's nodes
 * [root, at), pruned subtrees skipped as that walk skips them. Later nodes
 * continue the scan; pruning or restoring a subtree the scan has passed
 * corrects the count (memo_flag_change()), so a pass asks about each node
 * in turn at the cost of one walk over the region. */
typedef struct text_memo {
    bool valid;
    uint32_t at;        /* the scan's next node: never inside a pruned subtree */
    uint32_t chars;     /* kept text of [root, at) */
    uint32_t quiet;     /* no counted text in [quiet, at): a node there has chars before it */
} text_memo;

/* What teaser_list() and teaser_card() read of a subtree, for every node
 * at once: the first text node with characters at or after each node
 * (doc->count if none), the last <a> with text at or before it (WN_NONE
 * if none), and the "Read more" links in each node's subtree, up to 3
 * (not looking inside links). */
typedef struct teaser_index {
    uint32_t *next_text;
    uint32_t *last_link;
    uint8_t *more;
} teaser_index;

typedef struct region {
    uint32_t root;      /* the top candidate's parent (or the top itself) */
    uint32_t chars;     /* characters kept before pruning */
    uint32_t layout;    /* hint bits that name the article's own building blocks */
    text_memo *memo;    /* text_before()'s scan (NULL: none) */
    const teaser_index *teasers; /* NULL: walk each subtree */
} region;


/* candidates.c */
bool wn_sc_wraps_prose(const wn_doc *doc, const wn_node *n);
bool wn_sc_holds_named_body(const wn_doc *doc, uint32_t index);
/* Whether node i is a short element that reads as a date; whether a short
 * element inside n does. */
bool wn_sc_date_element(const wn_doc *doc, uint32_t i);
bool wn_sc_holds_date_line(const wn_doc *doc, const wn_node *n);
bool wn_sc_dialog_box(const wn_doc *doc, uint32_t index);
void wn_sc_score_candidates(wn_doc *doc);

/* region.c */
uint32_t wn_sc_prev_sibling(const wn_doc *doc, uint32_t i);
uint32_t wn_sc_prev_sibling_where(const wn_doc *doc, uint32_t i, bool (*want)(const wn_node *));
uint32_t wn_sc_next_sibling_where(const wn_doc *doc, uint32_t i, bool (*want)(const wn_node *));
uint32_t wn_sc_best_candidate(const wn_doc *doc);
bool wn_sc_font_markup(GumboTag tag);
uint32_t wn_sc_refine_top(const wn_doc *doc, uint32_t top);
bool wn_sc_same_class(const wn_node *a, const wn_node *b);
void wn_sc_select_region(wn_doc *doc, uint32_t top);
void wn_sc_select_parts(wn_doc *doc, uint32_t top);
void wn_sc_select_chunks(wn_doc *doc, uint32_t top);
void wn_sc_select_question(wn_doc *doc, uint32_t top);

/* prune.c */
void wn_sc_teaser_index_free(teaser_index *tx);
void wn_sc_memo_flag_change(const wn_doc *doc, const region *r, uint32_t index, bool pruning);
void wn_sc_prune(wn_doc *doc, const region *r, uint32_t index, wn_label label, wn_rule rule);
uint32_t wn_sc_widget_chars(const wn_doc *doc);
uint32_t wn_sc_text_before(const wn_doc *doc, uint32_t index, const region *r, uint32_t enough);
bool wn_sc_prune_by_hint(wn_doc *doc, uint32_t i, const region *r);
bool wn_sc_headline_link_p(const wn_doc *doc, uint32_t i);
bool wn_sc_text_after(const wn_doc *doc, uint32_t index, const region *r);
bool wn_sc_teaser_index_build(const wn_doc *doc, teaser_index *tx);
void wn_sc_prune_selected(wn_doc *doc, uint32_t sel, const region *r, bool by_links);

/* markers.c */
bool wn_sc_prune_by_marker(wn_doc *doc, uint32_t i, const region *r);

/* title.c */
bool wn_sc_repeats_page_title(const wn_doc *doc, uint32_t index);
void wn_sc_mark_headline(wn_doc *doc);
void wn_sc_thread_title(wn_doc *doc);
void wn_sc_select_lead(wn_doc *doc, uint32_t region_chars);

/* cleanup.c */
void wn_sc_restore_thread(wn_doc *doc, region *r);
void wn_sc_restore_if_emptied(wn_doc *doc, uint32_t top, const region *r);
void wn_sc_prune_orphan_labels(wn_doc *doc, const region *r);
void wn_sc_prune_control_rows(wn_doc *doc, const region *r);
void wn_sc_prune_user_cards(wn_doc *doc, const region *r);
void wn_sc_prune_stranded_headings(wn_doc *doc, const region *r);
void wn_sc_prune_post_chrome(wn_doc *doc, const region *r);

#endif
