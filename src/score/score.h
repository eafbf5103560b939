/* Scoring and selection: which blocks are the article, and why. */
#ifndef WN_SCORE_H
#define WN_SCORE_H

#include "blocks/blocks.h"
#include "score/hints.h"

/* The rule that decided a node's label (shown by --explain): one id for
 * each decision, registered once in rules.def. */
typedef enum wn_rule {
#define WN_RULE(id, name, family, stage, what, test) WN_RULE_##id,
#include "score/rules.def"
#undef WN_RULE
    WN_RULE_COUNT
} wn_rule;

/* Where in wn_score_select() a rule runs. */
typedef enum wn_rule_stage {
    WN_STAGE_DEFAULT, /* the label of no decision; cannot be switched off */
    WN_STAGE_REGION,  /* choosing the region: the top candidate and what joins it */
    WN_STAGE_PRUNING, /* pruning clutter inside the region */
    WN_STAGE_CLEANUP, /* after pruning: taking back, labels left behind */
    WN_STAGE_TITLE,   /* the headline and the standfirst */
} wn_rule_stage;

const char *wn_rule_name(wn_rule rule);
/* The kind of decision a rule is: the id of its family (rules.def). */
wn_rule wn_rule_family(wn_rule rule);
wn_rule_stage wn_rule_stage_of(wn_rule rule);
const char *wn_rule_stage_name(wn_rule_stage stage);
const char *wn_rule_what(wn_rule rule);
/* The case of tests/unit/test_rules.c that shows the rule ("" for none). */
const char *wn_rule_test(wn_rule rule);
/* The rule called name, or WN_RULE_COUNT. */
wn_rule wn_rule_by_name(const char *name, size_t len);
/* Parses a list of rule names separated by commas or spaces into a set;
 * returns false (and *set untouched) on an unknown name. */
bool wn_rules_parse(const char *list, wn_rule_set *set);

/* Scores every element, picks the main region, prunes clutter inside it and
 * labels every element. After it, kept region roots carry WN_NODE_SELECTED
 * and dropped subtrees WN_NODE_PRUNED. */
void wn_score_select(wn_doc *doc);

/* Labels the note lines and the repeated lines of the kept parts
 * (lines.c): their text nodes get WN_LABEL_OTHER by WN_RULE_NOTE_LINE or
 * WN_RULE_REPEAT_LINE, and the renderer drops them. The
 * last phase of wn_score_select(); again after anything that changes what
 * is kept (the ladder's prose step). */
void wn_score_note_lines(wn_doc *doc);

/* The page's title, decided once on the page's final doc (after the
 * fallback ladder): the headline block the scorer labelled WN_LABEL_TITLE,
 * else the first <h1> whose text the <title> repeats ("Headline - Site"),
 * else og:title, else <title>. Returns the text (in buf, cap bytes at most
 * WN_TITLE_CAP, or the doc's own string), its length in *len, and whether it
 * is a visible headline in *from_h1; NULL when the page has none. */
#define WN_TITLE_CAP 512
const char *wn_score_title(const wn_doc *doc, char *buf, size_t cap, size_t *len, bool *from_h1);

/* The first up to cap bytes of a subtree's text, white space collapsed;
 * returns the length written (buf is NUL-terminated). */
size_t wn_leading_text(const wn_doc *doc, uint32_t index, char *buf, size_t cap);

#endif
