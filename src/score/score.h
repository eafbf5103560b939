/* Scoring and selection: which blocks are the article, and why. */
#ifndef WN_SCORE_H
#define WN_SCORE_H

#include "blocks/blocks.h"
#include "score/hints.h"

/* The rule that decided a node's label (shown by --explain). */
typedef enum wn_rule {
    WN_RULE_NONE = 0,
    WN_RULE_OUTSIDE,        /* not in the chosen region */
    WN_RULE_TOP,            /* the best-scoring candidate */
    WN_RULE_SIBLING,        /* a sibling of the top candidate that scores well */
    WN_RULE_INSIDE,         /* inside a kept region */
    WN_RULE_HINT,           /* class/id/role words of clutter */
    WN_RULE_MARKER,         /* its visible text announces clutter */
    WN_RULE_MARKER_SECTION, /* the section a clutter heading opens */
    WN_RULE_MARKER_TAIL,    /* follows a clutter heading to the region's end */
    WN_RULE_LINK_DENSITY,   /* mostly link text */
    WN_RULE_FORM,           /* a form with controls */
    WN_RULE_TITLE,          /* the page title repeated as a heading */
    WN_RULE_LINK_LINE,      /* a paragraph that is one link and nothing else */
    WN_RULE_PART,           /* another part of the article, of the top's class, in a cousin */
    WN_RULE_LEAD,           /* the standfirst between the headline and the article */
    WN_RULE_QUESTION,       /* the question of a Q&A page whose answer is the top */
    WN_RULE_COUNT
} wn_rule;

const char *wn_rule_name(wn_rule rule);

/* Scores every element, picks the main region, prunes clutter inside it and
 * labels every element. After it, kept region roots carry WN_NODE_SELECTED
 * and dropped subtrees WN_NODE_PRUNED. */
void wn_score_select(wn_doc *doc);

/* The first up to cap bytes of a subtree's text, white space collapsed;
 * returns the length written (buf is NUL-terminated). */
size_t wn_leading_text(const wn_doc *doc, uint32_t index, char *buf, size_t cap);

#endif
