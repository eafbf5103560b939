/* The guard's model of tree construction, part 3: the interface the
 * tokenizer (guard.c) drives, one token at a time, with the checks that
 * decide whether a tag is let through. */
#include "guard/tree_internal.h"

#include <stdlib.h>
#include <string.h>

static wn_gt_result start_tag(wn_gt *t, const wn_gt_tag *g);
static void end_tag(wn_gt *t, GumboTag tag, uint32_t name);

/* ---- the interface ---- */
void wn_gt_init(wn_gt *t, unsigned max_depth)
{
    memset(t, 0, sizeof *t);
    t->max_depth = max_depth;
}
void wn_gt_finish(wn_gt *t)
{
    wn_gt_html_token(t);
}
void wn_gt_free(wn_gt *t)
{
    free(t->stack);
    free(t->afe);
    memset(t, 0, sizeof *t);
}
int wn_gt_foreign(const wn_gt *t)
{
    return t->depth && t->stack[t->depth - 1].ns != WN_NS_HTML;
}
void wn_gt_text(wn_gt *t, int nonspace)
{
    if (nonspace)
        t->content_seen = t->body_started = t->text_pending = 1;
    if (!wn_gt_text_is_html(t) || t->table_text)
        return;
    switch (wn_gt_current_mode(t)) {
    case M_BODY: case M_CELL: case M_CAPTION:
        wn_gt_reconstruct(t);
        break;
    case M_TABLE: case M_TBODY: case M_ROW:
        /* Gumbo holds text back here whatever the current node is (the
         * standard asks for a table element): see wn_gt_html_token(). */
        t->table_text = 1;
        break;
    case M_COLGROUP:
        if (nonspace && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_COLGROUP)) {
            wn_gt_pop(t);
            wn_gt_text(t, nonspace);
        }
        break;
    default:
        break;
    }
}
/* How many elements a start tag can push beyond reconstruction: itself and
 * the table wrappers the parser implies (tbody, tr; colgroup), or the
 * form/label/input that <isindex> stands for. */
static unsigned pushes(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_ISINDEX:
        return 3;
    case GUMBO_TAG_COL:
        return 2;
    default:
        return 1;
    }
}
static int head_content(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BASE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME:
        return 1;
    default:
        return 0;
    }
}
/* Start tags that clear the parser's frameset-ok flag (as Gumbo sets it). */
static int clears_frameset_ok(const wn_gt_tag *g)
{
    switch (g->tag) {
    case GUMBO_TAG_BODY: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_BUTTON: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TABLE: case GUMBO_TAG_AREA:
    case GUMBO_TAG_BR: case GUMBO_TAG_EMBED: case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_WBR: case GUMBO_TAG_HR: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT: case GUMBO_TAG_ISINDEX:
        return 1;
    case GUMBO_TAG_INPUT:
        return !g->hidden;
    default:
        return 0;
    }
}
/* The element a start tag has just opened, when it is the current node,
 * keeps its text's white space. */
static wn_gt_result note_white_space(wn_gt *t, const wn_gt_tag *g, wn_gt_result r)
{
    if (g->white_space && t->depth) {
        wn_gt_node *top = &t->stack[t->depth - 1];
        if (top->id == t->next_id && !(top->flags & NF_KEEPS_SPACE)) {
            top->flags |= NF_KEEPS_SPACE;
            t->keeping_space++;
        }
    }
    return r;
}
wn_gt_result wn_gt_start(wn_gt *t, const wn_gt_tag *g)
{
    /* The checks come first: a tag that is cut must not change the model,
     * since the parser will never see it. Reconstruction can re-open every
     * list entry that is not on the stack, so those count as depth. */
    t->foreign_start = 0;
    int exempt = g->tag == GUMBO_TAG_BODY || g->tag == GUMBO_TAG_HEAD ||
                 (g->tag == GUMBO_TAG_HTML && wn_gt_html_start(t, g));
    if (!exempt && wn_gt_top_level(t) + t->unopened + pushes(g->tag) > t->max_depth)
        return WN_GT_TOO_DEEP;
    size_t weight;
    if (wn_gt_is_formatting(g->tag) &&
        (wn_gt_afe_active(t, &weight) >= WN_GT_MAX_FORMATTING ||
         weight + wn_gt_weight(g) > WN_GT_MAX_FORMATTING_WEIGHT))
        return WN_GT_TOO_MANY_FORMATTING;
    if (clears_frameset_ok(g))
        t->content_seen = 1;
    if (!head_content(g->tag) || g->tag == GUMBO_TAG_FRAME || g->tag == GUMBO_TAG_BODY)
        t->body_started = 1;
    if ((g->tag == GUMBO_TAG_A || g->tag == GUMBO_TAG_NOBR) && wn_gt_may_pass_limit(t)) {
        /* Both may run the adoption agency first. */
        wn_gt trial;
        if (!wn_gt_copy_model(&trial, t))
            return WN_GT_NOMEM;
        unsigned before = trial.deepest;
        trial.deepest = 0;
        wn_gt_result r = start_tag(&trial, g);
        if (trial.deepest > t->max_depth) {
            wn_gt_free(&trial);
            return WN_GT_TOO_DEEP;
        }
        trial.deepest = trial.deepest > before ? trial.deepest : before;
        wn_gt_free(t);
        *t = trial;
        return note_white_space(t, g, r);
    }
    return note_white_space(t, g, start_tag(t, g));
}
static wn_gt_result start_tag(wn_gt *t, const wn_gt_tag *g)
{
    for (int round = 0; round < 64; round++) {
        int r;
        if (wn_gt_html_start(t, g)) {
            wn_gt_html_token(t);
            r = wn_gt_start_html(t, g);
        } else if (wn_gt_is_breakout(g)) {
            while (t->depth) {
                const wn_gt_node *n = &t->stack[t->depth - 1];
                if (n->ns == WN_NS_HTML || (n->flags & NF_HTML_IP) || wn_gt_is_mathml_text_ip(n))
                    break;
                wn_gt_pop(t);
            }
            r = REPROCESS;
        } else {
            uint8_t ns = t->stack[t->depth - 1].ns;
            uint8_t flags = 0;
            if (wn_gt_sets_mode(g->tag))
                return round ? WN_GT_DATA : WN_GT_DROP;
            if ((ns == WN_NS_SVG && (g->tag == GUMBO_TAG_FOREIGNOBJECT ||
                                     g->tag == GUMBO_TAG_DESC || g->tag == GUMBO_TAG_TITLE)) ||
                (ns == WN_NS_MATH && g->tag == GUMBO_TAG_ANNOTATION_XML && g->html_encoding))
                flags = NF_HTML_IP;
            wn_gt_push(t, g->tag, ns, g->name, flags);
            t->foreign_start = 1;
            if (g->self_closing)
                wn_gt_pop(t);
            r = WN_GT_DATA;
        }
        if (t->oom)
            return WN_GT_NOMEM;
        if (r != REPROCESS)
            return (wn_gt_result)r;
    }
    return WN_GT_DATA;
}
int wn_gt_end(wn_gt *t, GumboTag tag, uint32_t name)
{
    if (wn_gt_is_formatting(tag) && wn_gt_may_pass_limit(t)) {
        wn_gt trial;
        if (!wn_gt_copy_model(&trial, t))
            return WN_GT_NOMEM;
        unsigned before = trial.deepest;
        trial.deepest = 0;
        end_tag(&trial, tag, name);
        if (trial.deepest > t->max_depth) {
            wn_gt_free(&trial);
            return 1;
        }
        trial.deepest = trial.deepest > before ? trial.deepest : before;
        wn_gt_free(t);
        *t = trial;
        return t->oom ? WN_GT_NOMEM : 0;
    }
    end_tag(t, tag, name);
    return t->oom ? WN_GT_NOMEM : 0;
}
static void end_tag(wn_gt *t, GumboTag tag, uint32_t name)
{
    if (tag == GUMBO_TAG_HEAD)
        t->head_closed = 1;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
        t->body_started = 1;
    if (wn_gt_foreign(t)) {
        /* Foreign content: close the nearest foreign element of that name;
         * an HTML element below hands the tag to the HTML rules. */
        for (size_t i = t->depth; i-- > 0;) {
            const wn_gt_node *n = &t->stack[i];
            if (n->ns == WN_NS_HTML)
                break;
            if (n->name == name) {
                while (t->depth > i)
                    wn_gt_pop(t);
                return;
            }
        }
    }
    for (int round = 0; round < 64; round++)
        if (wn_gt_end_html(t, tag) != REPROCESS)
            return;
}
