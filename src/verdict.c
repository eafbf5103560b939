#include "verdict.h"

#include <string.h>

#include "ladder.h"
#include "lexicon/lexicon.h"
#include "score/kind.h"
#include "score/score.h"

/* An index page: the chosen region is a list of cards under one parent,
 * and the text kept lies mostly in them. */
static bool index_page(const wn_doc *doc)
{
    size_t kept = 0, in_lists = 0, in_run = 0;
    unsigned run = 0;
    uint32_t run_parent = WN_NONE;
    uint32_t region_end = 0, pruned_end = 0, card_end = 0;
    for (uint32_t i = doc->body; i <= doc->count; i++) {
        const wn_node *n = i < doc->count ? &doc->nodes[i] : NULL;
        bool card = n && i >= card_end && i < region_end && wn_kind_teaser_card(doc, i);
        /* A run of cards ends at a card of another parent, or the end. */
        if (!n || (card && n->parent != run_parent)) {
            if (run >= WN_VERDICT_INDEX_CARDS)
                in_lists += in_run;
            run = 0;
            in_run = 0;
            run_parent = n ? n->parent : WN_NONE;
        }
        if (!n)
            break;
        if (i >= region_end && (n->flags & WN_NODE_SELECTED))
            region_end = n->end;
        if (i < region_end && i >= pruned_end && (n->flags & WN_NODE_PRUNED))
            pruned_end = n->end;
        if (card && i < region_end) {
            card_end = n->end;
            run++;
        }
        if (n->kind != WN_NODE_TEXT || i >= region_end || i < pruned_end)
            continue;
        kept += n->all.chars;
        if (i < card_end)
            in_run += n->all.chars;
    }
    return in_lists > kept - in_lists && kept - in_lists < WN_LADDER_TINY;
}

static bool error_text(const char *text, size_t len)
{
    if (!text || !len || len > WN_VERDICT_ERROR_TEXT * 4)
        return false;
    /* A status code alone: "404", " 503 ". */
    size_t a = 0, b = len;
    while (a < b && (text[a] == ' ' || text[a] == '\n'))
        a++;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\n'))
        b--;
    if (b - a == 3 && (text[a] == '4' || text[a] == '5') && text[a + 1] >= '0' &&
        text[a + 1] <= '9' && text[a + 2] >= '0' && text[a + 2] <= '9')
        return true;
    return wn_lex_in(WN_LEX_ERROR_PAGE, text, len);
}

/* An error page: its title, or one of its top headings, says so. */
static bool error_page(const wn_doc *doc)
{
    if (doc->title && error_text(doc->title, strlen(doc->title)))
        return true;
    unsigned headings = 0; /* a hostile page may hold thousands */
    for (uint32_t i = doc->body; i < doc->count && headings < 8; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || (n->tag != GUMBO_TAG_H1 && n->tag != GUMBO_TAG_H2) ||
            !n->all.chars)
            continue;
        headings++;
        if (n->all.chars > WN_VERDICT_ERROR_TEXT)
            continue;
        char buf[WN_VERDICT_ERROR_TEXT * 4 + 8];
        size_t len = wn_leading_text(doc, i, buf, sizeof buf);
        if (error_text(buf, len))
            return true;
    }
    return false;
}

/* A sign-in form in the chosen region: a password field inside it. */
static bool sign_in_page(const wn_doc *doc)
{
    /* The region is the form and a few lines about it, nothing pruned
     * around them (a comment thread's sign-in box, say). */
    size_t region = 0;
    for (uint32_t i = doc->body; i < doc->count; i++)
        if (doc->nodes[i].flags & WN_NODE_SELECTED) {
            region += doc->nodes[i].all.chars;
            i = doc->nodes[i].end - 1;
        }
    if (region >= WN_VERDICT_SIGN_IN_REGION)
        return false;
    /* The form is in the region, dropped as a form at most: not inside a
     * box pruned as something else (a comment thread's, a widget's). */
    for (unsigned k = 0; k < doc->passwords; k++) {
        bool other = false;
        for (uint32_t a = doc->password_nodes[k]; a != WN_NONE && a < doc->count;
             a = doc->nodes[a].parent) {
            const wn_node *n = &doc->nodes[a];
            other |= (n->flags & WN_NODE_PRUNED) && wn_rule_family((wn_rule)n->rule) != WN_RULE_FORM;
            if (n->flags & WN_NODE_SELECTED) {
                if (!other)
                    return true;
                break;
            }
        }
    }
    return false;
}

wn_page_kind wn_verdict(const wn_doc *doc, size_t chars)
{
    if (chars == 0)
        return WN_PAGE_EMPTY;
    if (chars < WN_LADDER_TINY) {
        if (sign_in_page(doc))
            return WN_PAGE_SIGN_IN;
        if (error_page(doc))
            return WN_PAGE_ERROR;
    }
    if (index_page(doc))
        return WN_PAGE_INDEX;
    return WN_PAGE_ARTICLE;
}
