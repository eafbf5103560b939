/* Internals of the guard's tree-construction model (stack.c, rules.c,
 * tree.c); the interface is tree.h. */
#ifndef WN_GUARD_TREE_INTERNAL_H
#define WN_GUARD_TREE_INTERNAL_H

#include "guard/tree.h"

/* Insertion modes, as far as they decide what a token does to the stack.
 * The mode is read off the stack of open elements (HTML's "reset the
 * insertion mode appropriately"), cached on each node. */
enum {
    M_BODY, M_TABLE, M_TBODY, M_ROW, M_CELL, M_CAPTION, M_COLGROUP,
    M_SELECT, M_SELECT_IN_TABLE, M_FRAMESET
};

enum {
    NF_IN_AFE = 1,          /* on the list of active formatting elements */
    NF_HTML_IP = 2,         /* an HTML integration point (svg foreignObject, ...) */
    NF_SELECT_IN_TABLE = 4, /* a <select> opened in a table mode */
    NF_KEEPS_SPACE = 8      /* its text keeps its white space (wn_gt_tag.white_space) */
};

/* Scopes: the elements that bound "has an element in ... scope". */
enum { SC_DEFAULT, SC_LIST, SC_BUTTON, SC_TABLE, SC_SELECT };

/* A rule's answer: handle the token again in the mode now current. */
#define REPROCESS (-1)

/* stack.c: element classes and scopes */
int wn_gt_is_formatting(GumboTag tag);
int wn_gt_is_special(const wn_gt_node *n);
int wn_gt_is_html(const wn_gt_node *n, GumboTag tag);
int wn_gt_is_heading(const wn_gt_node *n);
int wn_gt_is_mathml_text_ip(const wn_gt_node *n);
int wn_gt_is_scope_boundary(const wn_gt_node *n, int kind);
long wn_gt_in_scope(const wn_gt *t, GumboTag tag, int kind);
int wn_gt_heading_in_scope(const wn_gt *t);

/* stack.c: the stack of open elements */
uint8_t wn_gt_current_mode(const wn_gt *t);
int wn_gt_push(wn_gt *t, GumboTag tag, uint8_t ns, uint32_t name, uint8_t flags);
unsigned wn_gt_top_level(const wn_gt *t);
long wn_gt_stack_index_of(const wn_gt *t, uint32_t id);
void wn_gt_pop(wn_gt *t);
void wn_gt_remove_at(wn_gt *t, size_t i);
void wn_gt_pop_until(wn_gt *t, GumboTag tag);
void wn_gt_generate_implied_end_tags(wn_gt *t, GumboTag except);
void wn_gt_implicitly_close(wn_gt *t, GumboTag tag);
void wn_gt_close_p(wn_gt *t);

/* stack.c: the list of active formatting elements, the adoption agency,
 * and the end tag that pops to a matching element */
void wn_gt_afe_remove(wn_gt *t, size_t k);
void wn_gt_afe_marker(wn_gt *t);
void wn_gt_afe_clear_to_marker(wn_gt *t);
size_t wn_gt_afe_active(const wn_gt *t, size_t *weight);
void wn_gt_afe_add(wn_gt *t, const wn_gt_tag *g);
void wn_gt_reconstruct(wn_gt *t);
void wn_gt_html_token(wn_gt *t);
void wn_gt_adoption_agency(wn_gt *t, GumboTag subject);
void wn_gt_any_other_end_tag(wn_gt *t, GumboTag tag);

/* stack.c: dry runs */
int wn_gt_copy_model(wn_gt *dst, const wn_gt *src);
int wn_gt_may_pass_limit(const wn_gt *t);

/* rules.c: the insertion modes */
int wn_gt_start_html(wn_gt *t, const wn_gt_tag *g);
int wn_gt_is_breakout(const wn_gt_tag *g);
int wn_gt_sets_mode(GumboTag tag);
int wn_gt_html_start(const wn_gt *t, const wn_gt_tag *g);
int wn_gt_text_is_html(const wn_gt *t);
int wn_gt_end_html(wn_gt *t, GumboTag tag);

#endif
