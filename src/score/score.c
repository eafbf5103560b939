/* The scoring stage: the rule registry and wn_score_select(), which runs
 * the phases in order (score_internal.h names them). */
#include "score/score_internal.h"

#include <string.h>

#include "score/kind.h"

typedef struct rule_info {
    const char *name;
    wn_rule family;
    wn_rule_stage stage;
    const char *what;
    const char *test;
} rule_info;

static const rule_info RULES[WN_RULE_COUNT] = {
#define WN_RULE(id, name, family, stage, what, test) \
    {name, WN_RULE_##family, WN_STAGE_##stage, what, test},
#include "score/rules.def"
#undef WN_RULE
};

_Static_assert(WN_RULE_COUNT <= WN_RULE_SET_MAX, "wn_rule_set holds every rule");

const char *wn_rule_name(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].name : "?";
}

wn_rule wn_rule_family(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].family : WN_RULE_NONE;
}

wn_rule_stage wn_rule_stage_of(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].stage : WN_STAGE_DEFAULT;
}

const char *wn_rule_stage_name(wn_rule_stage stage)
{
    switch (stage) {
    case WN_STAGE_DEFAULT: return "default";
    case WN_STAGE_REGION: return "region";
    case WN_STAGE_PRUNING: return "pruning";
    case WN_STAGE_CLEANUP: return "cleanup";
    case WN_STAGE_TITLE: return "title";
    }
    return "?";
}

const char *wn_rule_what(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].what : "?";
}

const char *wn_rule_test(wn_rule rule)
{
    return (unsigned)rule < WN_RULE_COUNT ? RULES[rule].test : "";
}

wn_rule wn_rule_by_name(const char *name, size_t len)
{
    for (unsigned r = 0; r < WN_RULE_COUNT; r++)
        if (strlen(RULES[r].name) == len && memcmp(RULES[r].name, name, len) == 0)
            return (wn_rule)r;
    return WN_RULE_COUNT;
}

bool wn_rules_parse(const char *list, wn_rule_set *set)
{
    wn_rule_set m = {{0}};
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ", ");
        if (len) {
            wn_rule r = wn_rule_by_name(p, len);
            if (r == WN_RULE_COUNT)
                return false;
            wn_rule_set_add(&m, r);
        }
        p += len;
        if (*p)
            p++;
    }
    *set = m;
    return true;
}

/* ---- helpers ---------------------------------------------------------------- */

size_t wn_leading_text(const wn_doc *doc, uint32_t index, char *buf, size_t cap)
{
    size_t n = 0;
    bool space = false;
    uint32_t end = doc->nodes[index].end;
    /* Only text nodes with a byte other than white space write; a block or
     * <br> element or white space between two of them makes one space.
     * The scan jumps from one such text node to the next. */
    for (uint32_t i = doc->nodes[index].next_text; i < end && n + 1 < cap;) {
        const wn_node *t = &doc->nodes[i];
        /* read once: the writes to buf could alias them for the compiler */
        const unsigned char *text = (const unsigned char *)wn_node_text(t);
        const uint32_t text_len = wn_node_text_len(t);
        for (uint32_t k = 0; k < text_len && n + 1 < cap; k++) {
            unsigned char c = text[k];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                space = n > 0;
                continue;
            }
            if (space) {
                if (n + 2 >= cap)
                    break;
                buf[n++] = ' ';
            }
            space = false;
            buf[n++] = (char)c;
        }
        if (i + 1 >= doc->count)
            break;
        const wn_node *after = &doc->nodes[i + 1];
        if (n && after->next_space < after->next_text && after->next_space < end)
            space = true;
        i = after->next_text;
    }
    /* Do not end inside a UTF-8 sequence. */
    if (n) {
        size_t start = n - 1;
        while (start && ((unsigned char)buf[start] & 0xC0) == 0x80)
            start--;
        unsigned char lead = (unsigned char)buf[start];
        size_t want = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (n - start < want)
            n = start;
    }
    buf[n] = '\0';
    return n;
}

/* Marks the subtrees that hold an element named as the article's body. */
static void mark_named_bodies(wn_doc *doc)
{
    for (uint32_t i = doc->count; i-- > 0;) {
        wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && (n->hints & WN_HINT_STRONG) && !(n->hints & WN_HINT_CLUTTER) &&
            n->all.chars)
            n->hints |= WN_HINT_BODY_INSIDE;
        if ((n->hints & WN_HINT_BODY_INSIDE) && n->parent != WN_NONE)
            doc->nodes[n->parent].hints |= WN_HINT_BODY_INSIDE;
    }
}

void wn_score_select(wn_doc *doc)
{
    if (doc->count == 0)
        return;
    mark_named_bodies(doc);
    wn_sc_score_candidates(doc);
    uint32_t top = wn_sc_best_candidate(doc);
    if (top == WN_NONE || !on(doc, WN_RULE_TOP))
        top = doc->body;
    else
        top = wn_sc_refine_top(doc, top);
    wn_sc_select_region(doc, top);
    wn_sc_select_parts(doc, top);
    wn_sc_select_chunks(doc, top);
    wn_sc_select_question(doc, top);
    top = wn_kind_decide(doc, top);

    region r;
    r.root = doc->nodes[top].parent == WN_NONE ? top : doc->nodes[top].parent;
    if (doc->page_kind == WN_DOC_DISCUSSION && doc->kind_unit != WN_NONE)
        r.root = doc->kind_unit;
    r.chars = 0;
    for (uint32_t i = 0; i < doc->count; i++)
        if (doc->nodes[i].flags & WN_NODE_SELECTED) {
            r.chars += doc->nodes[i].all.chars;
            i = doc->nodes[i].end - 1;
        }
    r.layout = wn_sc_widget_chars(doc) > r.chars / 2 ? WN_HINT_WIDGET : 0;
    /* On a discussion the posts are the article's building blocks. */
    if (doc->page_kind == WN_DOC_DISCUSSION)
        r.layout |= WN_HINT_COMMENTS;
    text_memo memo = {false, 0, 0, 0};
    r.memo = &memo;
    teaser_index teasers = {NULL, NULL, NULL};
    r.teasers = wn_sc_teaser_index_build(doc, &teasers) ? &teasers : NULL;
    for (uint32_t i = 0; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        /* A kept sibling is judged like any block inside the region. */
        if (i != top && !(n->flags & WN_NODE_PRUNED))
            wn_sc_prune_by_hint(doc, i, &r);
        if (i != top && !(n->flags & WN_NODE_PRUNED))
            wn_sc_prune_by_marker(doc, i, &r);
        if (!(n->flags & WN_NODE_PRUNED))
            wn_sc_prune_selected(doc, i, &r, true);
        i = n->end - 1;
    }

    wn_sc_restore_thread(doc, &r);
    wn_sc_restore_if_emptied(doc, top, &r);
    wn_sc_prune_post_chrome(doc, &r);
    wn_sc_prune_control_rows(doc, &r);
    wn_sc_prune_user_cards(doc, &r);
    wn_sc_prune_orphan_labels(doc, &r);
    wn_sc_prune_stranded_headings(doc, &r);
    wn_sc_teaser_index_free(&teasers);
    wn_sc_mark_headline(doc);
    wn_sc_select_lead(doc, r.chars);
    wn_score_note_lines(doc);
    wn_kind_replies(doc, top);
    wn_sc_thread_title(doc);
}
