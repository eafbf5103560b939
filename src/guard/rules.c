/* The guard's model of tree construction, part 2: what each start and end
 * tag does to the stack in each insertion mode, as Gumbo 0.10.1 does it
 * (where it parts from the HTML standard, the comment says so). */
#include "guard/tree_internal.h"

/* ---- start tags ---- */
static void close_select(wn_gt *t)
{
    wn_gt_pop_until(t, GUMBO_TAG_SELECT);
}
static void clear_to_context(wn_gt *t, GumboTag a, GumboTag b, GumboTag c)
{
    while (t->depth) {
        const wn_gt_node *n = &t->stack[t->depth - 1];
        if (n->ns == WN_NS_HTML && (n->tag == a || n->tag == b || n->tag == c ||
                                    n->tag == GUMBO_TAG_TEMPLATE))
            return;
        wn_gt_pop(t);
    }
}
static void close_cell(wn_gt *t)
{
    GumboTag cell = wn_gt_in_scope(t, GUMBO_TAG_TD, SC_TABLE) >= 0 ? GUMBO_TAG_TD : GUMBO_TAG_TH;
    wn_gt_generate_implied_end_tags(t, GUMBO_TAG_LAST);
    wn_gt_pop_until(t, cell);
    wn_gt_afe_clear_to_marker(t);
}
static void close_list_item(wn_gt *t, int is_li)
{
    for (size_t i = t->depth; i-- > 0;) {
        const wn_gt_node *n = &t->stack[i];
        if (is_li ? wn_gt_is_html(n, GUMBO_TAG_LI)
                  : (wn_gt_is_html(n, GUMBO_TAG_DD) || wn_gt_is_html(n, GUMBO_TAG_DT))) {
            wn_gt_implicitly_close(t, (GumboTag)n->tag);
            return;
        }
        if (wn_gt_is_special(n) && !wn_gt_is_html(n, GUMBO_TAG_ADDRESS) && !wn_gt_is_html(n, GUMBO_TAG_DIV) &&
            !wn_gt_is_html(n, GUMBO_TAG_P))
            return;
    }
}
static int push_void(wn_gt *t, GumboTag tag)
{
    if (wn_gt_push(t, tag, WN_NS_HTML, 0, 0))
        wn_gt_pop(t);
    return WN_GT_DATA;
}
static int start_in_body(wn_gt *t, const wn_gt_tag *g, uint8_t mode)
{
    GumboTag tag = g->tag;
    switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
        return WN_GT_DATA; /* merged or ignored */
    case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
        return push_void(t, tag);
    case GUMBO_TAG_TITLE:
        t->elements++;
        return WN_GT_RCDATA;
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_STYLE:
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_SCRIPT:
        t->elements++;
        return WN_GT_SCRIPT;
    case GUMBO_TAG_NOSCRIPT:
        if (!t->body_started && !t->head_closed && !t->depth) {
            t->elements++;
            return WN_GT_DATA; /* in the head: closed by whatever is not head content */
        }
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_FRAMESET:
        /* Before the body, or in a body whose frameset-ok flag is still
         * set, a frameset replaces it. */
        if (t->frameset || (t->body_started && t->content_seen))
            return WN_GT_DATA;
        while (t->depth)
            wn_gt_pop(t);
        while (t->afe_len)
            wn_gt_afe_remove(t, t->afe_len - 1);
        t->frameset = 1;
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
        wn_gt_close_p(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        wn_gt_close_p(t);
        if (t->depth && wn_gt_is_heading(&t->stack[t->depth - 1]))
            wn_gt_pop(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_FORM:
        if (t->form_open)
            return WN_GT_DATA;
        wn_gt_close_p(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        t->form_open = 1;
        t->form_id = t->stack[t->depth - 1].id;
        return WN_GT_DATA;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        close_list_item(t, tag == GUMBO_TAG_LI);
        wn_gt_close_p(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_PLAINTEXT:
        wn_gt_close_p(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_PLAINTEXT;
    case GUMBO_TAG_BUTTON:
        if (wn_gt_in_scope(t, GUMBO_TAG_BUTTON, SC_DEFAULT) >= 0) {
            wn_gt_implicitly_close(t, GUMBO_TAG_BUTTON);
            return REPROCESS;
        }
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_A: {
        for (size_t k = t->afe_len; k-- > 0 && t->afe[k].id;) {
            if (t->afe[k].tag != GUMBO_TAG_A)
                continue;
            wn_gt_adoption_agency(t, GUMBO_TAG_A);
            for (size_t j = t->afe_len; j-- > 0 && t->afe[j].id;) {
                if (t->afe[j].tag == GUMBO_TAG_A) {
                    uint32_t id = t->afe[j].id;
                    int open = t->afe[j].open;
                    wn_gt_afe_remove(t, j);
                    long i = open ? wn_gt_stack_index_of(t, id) : -1;
                    if (i >= 0)
                        wn_gt_remove_at(t, (size_t)i);
                    break;
                }
            }
            break;
        }
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        wn_gt_afe_add(t, g);
        return WN_GT_DATA;
    }
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        wn_gt_afe_add(t, g);
        return WN_GT_DATA;
    case GUMBO_TAG_NOBR:
        wn_gt_reconstruct(t);
        if (wn_gt_in_scope(t, GUMBO_TAG_NOBR, SC_DEFAULT) >= 0) {
            wn_gt_adoption_agency(t, GUMBO_TAG_NOBR);
            wn_gt_reconstruct(t);
        }
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        wn_gt_afe_add(t, g);
        return WN_GT_DATA;
    case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        wn_gt_afe_marker(t);
        return WN_GT_DATA;
    case GUMBO_TAG_TABLE:
        if (t->no_quirks)
            wn_gt_close_p(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_AREA: case GUMBO_TAG_BR: case GUMBO_TAG_EMBED: case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_WBR: case GUMBO_TAG_INPUT:
        wn_gt_reconstruct(t);
        return push_void(t, tag);
    case GUMBO_TAG_HR:
        wn_gt_close_p(t);
        return push_void(t, tag);
    case GUMBO_TAG_ISINDEX:
        if (t->form_open)
            return WN_GT_DATA;
        wn_gt_close_p(t);
        t->elements += 6; /* form, hr, label, input, hr: opened and closed at once */
        return WN_GT_DATA;
    case GUMBO_TAG_TEXTAREA:
        t->elements++;
        return WN_GT_RCDATA;
    case GUMBO_TAG_XMP:
        wn_gt_close_p(t);
        wn_gt_reconstruct(t);
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_SELECT: {
        wn_gt_reconstruct(t);
        int in_table = mode == M_TABLE || mode == M_CAPTION || mode == M_TBODY ||
                       mode == M_ROW || mode == M_CELL;
        wn_gt_push(t, tag, WN_NS_HTML, g->name, in_table ? NF_SELECT_IN_TABLE : 0);
        return WN_GT_DATA;
    }
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
        if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
            wn_gt_pop(t);
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_RB: case GUMBO_TAG_RTC:
        if (wn_gt_in_scope(t, GUMBO_TAG_RUBY, SC_DEFAULT) >= 0)
            wn_gt_generate_implied_end_tags(t, GUMBO_TAG_LAST);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_RP: case GUMBO_TAG_RT:
        if (wn_gt_in_scope(t, GUMBO_TAG_RUBY, SC_DEFAULT) >= 0)
            wn_gt_generate_implied_end_tags(t, GUMBO_TAG_RTC);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_MATH: case GUMBO_TAG_SVG:
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, tag == GUMBO_TAG_MATH ? WN_NS_MATH : WN_NS_SVG, g->name, 0);
        t->foreign_start = 1;
        if (g->self_closing)
            wn_gt_pop(t);
        return WN_GT_DATA;
    default:
        wn_gt_reconstruct(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    }
}
static int start_in_table(wn_gt *t, const wn_gt_tag *g, uint8_t mode)
{
    GumboTag tag = g->tag;
    if (mode == M_ROW) {
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            clear_to_context(t, GUMBO_TAG_TR, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
            wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
            wn_gt_afe_marker(t);
            return WN_GT_DATA;
        }
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_TBODY ||
            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR) {
            if (wn_gt_in_scope(t, GUMBO_TAG_TR, SC_TABLE) < 0)
                return WN_GT_DATA;
            clear_to_context(t, GUMBO_TAG_TR, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
            wn_gt_pop(t);
            return REPROCESS;
        }
    } else if (mode == M_TBODY) {
        if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            wn_gt_push(t, GUMBO_TAG_TR, WN_NS_HTML, tag == GUMBO_TAG_TR ? g->name : 0, 0);
            return tag == GUMBO_TAG_TR ? WN_GT_DATA : REPROCESS;
        }
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
            tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
            if (wn_gt_in_scope(t, GUMBO_TAG_TBODY, SC_TABLE) < 0 &&
                wn_gt_in_scope(t, GUMBO_TAG_THEAD, SC_TABLE) < 0 &&
                wn_gt_in_scope(t, GUMBO_TAG_TFOOT, SC_TABLE) < 0)
                return WN_GT_DATA;
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            wn_gt_pop(t);
            return REPROCESS;
        }
    }
    switch (tag) {
    case GUMBO_TAG_CAPTION:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        wn_gt_afe_marker(t);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_COLGROUP:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_COL:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        wn_gt_push(t, GUMBO_TAG_COLGROUP, WN_NS_HTML, 0, 0);
        return REPROCESS;
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        return WN_GT_DATA;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
        clear_to_context(t, GUMBO_TAG_TABLE, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
        wn_gt_push(t, GUMBO_TAG_TBODY, WN_NS_HTML, 0, 0);
        return REPROCESS;
    case GUMBO_TAG_TABLE:
        if (wn_gt_in_scope(t, GUMBO_TAG_TABLE, SC_TABLE) < 0)
            return WN_GT_DATA;
        wn_gt_pop_until(t, GUMBO_TAG_TABLE);
        return REPROCESS;
    case GUMBO_TAG_STYLE:
        t->elements++;
        return WN_GT_RAWTEXT;
    case GUMBO_TAG_SCRIPT:
        t->elements++;
        return WN_GT_SCRIPT;
    case GUMBO_TAG_INPUT:
        if (g->hidden)
            return push_void(t, tag);
        break;
    case GUMBO_TAG_FORM:
        if (t->form_open)
            return WN_GT_DATA;
        push_void(t, tag);
        t->form_open = 1;
        t->form_id = 0; /* inserted and popped at once */
        return WN_GT_DATA;
    default:
        break;
    }
    return start_in_body(t, g, mode); /* foster parented: the stack is the same */
}
/* Table tags that close a <select> opened in a table ("in select in table"). */
static int leaves_select_in_table(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        return 1;
    default:
        return 0;
    }
}
int wn_gt_start_html(wn_gt *t, const wn_gt_tag *g)
{
    GumboTag tag = g->tag;
    uint8_t mode = wn_gt_current_mode(t);
    switch (mode) {
    case M_SELECT: case M_SELECT_IN_TABLE:
        if (mode == M_SELECT_IN_TABLE && leaves_select_in_table(tag)) {
            close_select(t);
            return REPROCESS;
        }
        switch (tag) {
        case GUMBO_TAG_OPTION:
            if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
                wn_gt_pop(t);
            wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
            return WN_GT_DATA;
        case GUMBO_TAG_OPTGROUP:
            if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
                wn_gt_pop(t);
            if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTGROUP))
                wn_gt_pop(t);
            wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
            return WN_GT_DATA;
        case GUMBO_TAG_SELECT:
            close_select(t);
            return WN_GT_DATA;
        case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_TEXTAREA:
            if (wn_gt_in_scope(t, GUMBO_TAG_SELECT, SC_SELECT) < 0)
                return WN_GT_DATA;
            close_select(t);
            return REPROCESS;
        case GUMBO_TAG_SCRIPT:
            t->elements++;
            return WN_GT_SCRIPT;
        default:
            return WN_GT_DATA; /* ignored */
        }
    case M_FRAMESET:
        if (tag == GUMBO_TAG_FRAMESET && t->depth)
            wn_gt_push(t, tag, WN_NS_HTML, g->name, 0);
        else if (tag == GUMBO_TAG_FRAME && t->depth)
            push_void(t, tag);
        else if (tag == GUMBO_TAG_NOFRAMES) {
            t->elements++;
            return WN_GT_RAWTEXT;
        }
        return WN_GT_DATA;
    case M_COLGROUP:
        if (tag == GUMBO_TAG_HTML)
            return WN_GT_DATA;
        if (tag == GUMBO_TAG_COL)
            return push_void(t, tag);
        if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_COLGROUP)) {
            wn_gt_pop(t);
            return REPROCESS;
        }
        return WN_GT_DATA;
    case M_CAPTION: case M_CELL:
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
            tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TFOOT ||
            tag == GUMBO_TAG_TH || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR) {
            if (mode == M_CAPTION) {
                if (wn_gt_in_scope(t, GUMBO_TAG_CAPTION, SC_TABLE) < 0)
                    return WN_GT_DATA;
                wn_gt_generate_implied_end_tags(t, GUMBO_TAG_LAST);
                wn_gt_pop_until(t, GUMBO_TAG_CAPTION);
                wn_gt_afe_clear_to_marker(t);
                return REPROCESS;
            }
            if (wn_gt_in_scope(t, GUMBO_TAG_TD, SC_TABLE) < 0 && wn_gt_in_scope(t, GUMBO_TAG_TH, SC_TABLE) < 0)
                return WN_GT_DATA;
            close_cell(t);
            return REPROCESS;
        }
        return start_in_body(t, g, mode);
    case M_TABLE: case M_TBODY: case M_ROW:
        return start_in_table(t, g, mode);
    default:
        return start_in_body(t, g, mode);
    }
}
int wn_gt_is_breakout(const wn_gt_tag *g)
{
    switch (g->tag) {
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR: case GUMBO_TAG_CENTER: case GUMBO_TAG_CODE: case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_EM:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HR: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_MENU: case GUMBO_TAG_META: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_UL: case GUMBO_TAG_VAR:
        return 1;
    case GUMBO_TAG_FONT:
        return g->font_breakout;
    default:
        return 0;
    }
}
/* HTML elements that decide an insertion mode when the parser resets it:
 * Gumbo does not check their namespace there. */
int wn_gt_sets_mode(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TABLE: case GUMBO_TAG_TEMPLATE:
        return 1;
    default:
        return 0;
    }
}
/* Whether a start tag is taken by the HTML rules (not foreign content). */
int wn_gt_html_start(const wn_gt *t, const wn_gt_tag *g)
{
    if (!t->depth)
        return 1;
    const wn_gt_node *n = &t->stack[t->depth - 1];
    if (n->ns == WN_NS_HTML || (n->flags & NF_HTML_IP))
        return 1;
    if (wn_gt_is_mathml_text_ip(n) && g->tag != GUMBO_TAG_MGLYPH && g->tag != GUMBO_TAG_MALIGNMARK)
        return 1;
    return n->ns == WN_NS_MATH && n->tag == GUMBO_TAG_ANNOTATION_XML && g->tag == GUMBO_TAG_SVG;
}
int wn_gt_text_is_html(const wn_gt *t)
{
    if (!t->depth)
        return 1;
    const wn_gt_node *n = &t->stack[t->depth - 1];
    return n->ns == WN_NS_HTML || (n->flags & NF_HTML_IP) || wn_gt_is_mathml_text_ip(n);
}
/* ---- end tags ---- */
int wn_gt_end_fits(const wn_gt *t, GumboTag tag)
{
    if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_BR)
        return 1;
    return wn_gt_top_level(t) + t->unopened + 1 <= t->max_depth;
}
static int end_in_body(wn_gt *t, GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
        return 0;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_MAIN:
        if (wn_gt_in_scope(t, tag, SC_DEFAULT) >= 0)
            wn_gt_implicitly_close(t, tag);
        return 0;
    case GUMBO_TAG_FORM: {
        uint32_t id = t->form_id;
        t->form_open = 0;
        t->form_id = 0;
        if (!id)
            return 0;
        for (size_t i = t->depth; i-- > 0;) {
            if (t->stack[i].id == id) {
                wn_gt_generate_implied_end_tags(t, GUMBO_TAG_LAST);
                long at = wn_gt_stack_index_of(t, id);
                if (at >= 0)
                    wn_gt_remove_at(t, (size_t)at);
                return 0;
            }
            if (wn_gt_is_scope_boundary(&t->stack[i], SC_DEFAULT))
                return 0;
        }
        return 0;
    }
    case GUMBO_TAG_P:
        if (wn_gt_in_scope(t, GUMBO_TAG_P, SC_BUTTON) < 0)
            wn_gt_push(t, GUMBO_TAG_P, WN_NS_HTML, 0, 0); /* an empty <p>, at once closed */
        wn_gt_implicitly_close(t, GUMBO_TAG_P);
        return 0;
    case GUMBO_TAG_LI:
        if (wn_gt_in_scope(t, GUMBO_TAG_LI, SC_LIST) >= 0)
            wn_gt_implicitly_close(t, tag);
        return 0;
    case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        if (wn_gt_in_scope(t, tag, SC_DEFAULT) >= 0)
            wn_gt_implicitly_close(t, tag);
        return 0;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        if (wn_gt_heading_in_scope(t)) {
            wn_gt_generate_implied_end_tags(t, GUMBO_TAG_LAST);
            while (t->depth) {
                int h = wn_gt_is_heading(&t->stack[t->depth - 1]);
                wn_gt_pop(t);
                if (h)
                    break;
            }
        }
        return 0;
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT: case GUMBO_TAG_U:
        wn_gt_adoption_agency(t, tag);
        return 0;
    case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
        if (wn_gt_in_scope(t, tag, SC_TABLE) >= 0) { /* Gumbo's scope here */
            wn_gt_implicitly_close(t, tag);
            wn_gt_afe_clear_to_marker(t);
        }
        return 0;
    case GUMBO_TAG_BR:
        wn_gt_reconstruct(t);
        push_void(t, GUMBO_TAG_BR);
        return 0;
    default:
        wn_gt_any_other_end_tag(t, tag);
        return 0;
    }
}
int wn_gt_end_html(wn_gt *t, GumboTag tag)
{
    wn_gt_html_token(t);
    uint8_t mode = wn_gt_current_mode(t);
    switch (mode) {
    case M_SELECT: case M_SELECT_IN_TABLE:
        if (mode == M_SELECT_IN_TABLE && leaves_select_in_table(tag)) {
            if (wn_gt_in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            close_select(t);
            return REPROCESS;
        }
        if (tag == GUMBO_TAG_OPTGROUP) {
            if (t->depth >= 2 && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION) &&
                wn_gt_is_html(&t->stack[t->depth - 2], GUMBO_TAG_OPTGROUP))
                wn_gt_pop(t);
            if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTGROUP))
                wn_gt_pop(t);
        } else if (tag == GUMBO_TAG_OPTION) {
            if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_OPTION))
                wn_gt_pop(t);
        } else if (tag == GUMBO_TAG_SELECT) {
            if (wn_gt_in_scope(t, GUMBO_TAG_SELECT, SC_SELECT) >= 0)
                close_select(t);
        }
        return 0;
    case M_FRAMESET:
        if (tag == GUMBO_TAG_FRAMESET && t->depth &&
            wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_FRAMESET))
            wn_gt_pop(t);
        return 0;
    case M_COLGROUP:
        if (tag == GUMBO_TAG_COL)
            return 0;
        if (t->depth && wn_gt_is_html(&t->stack[t->depth - 1], GUMBO_TAG_COLGROUP)) {
            wn_gt_pop(t);
            return tag == GUMBO_TAG_COLGROUP ? 0 : REPROCESS;
        }
        return 0;
    case M_CAPTION:
        if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_TABLE) {
            if (wn_gt_in_scope(t, GUMBO_TAG_CAPTION, SC_TABLE) < 0)
                return 0;
            wn_gt_generate_implied_end_tags(t, GUMBO_TAG_LAST);
            wn_gt_pop_until(t, GUMBO_TAG_CAPTION);
            wn_gt_afe_clear_to_marker(t);
            return tag == GUMBO_TAG_TABLE ? REPROCESS : 0;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
            tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TD ||
            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_THEAD ||
            tag == GUMBO_TAG_TR)
            return 0;
        return end_in_body(t, tag);
    case M_CELL:
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            if (wn_gt_in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            wn_gt_generate_implied_end_tags(t, GUMBO_TAG_LAST);
            wn_gt_pop_until(t, tag);
            wn_gt_afe_clear_to_marker(t);
            return 0;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
            tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML)
            return 0;
        if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT ||
            tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR) {
            if (wn_gt_in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            close_cell(t);
            return REPROCESS;
        }
        return end_in_body(t, tag);
    case M_ROW:
        if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY ||
            tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
            GumboTag want = (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE) ? GUMBO_TAG_TR : tag;
            if (wn_gt_in_scope(t, want, SC_TABLE) < 0)
                return 0;
            clear_to_context(t, GUMBO_TAG_TR, GUMBO_TAG_HTML, GUMBO_TAG_HTML);
            wn_gt_pop(t);
            return tag == GUMBO_TAG_TR ? 0 : REPROCESS;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
            tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TD ||
            tag == GUMBO_TAG_TH)
            return 0;
        break;
    case M_TBODY:
        if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
            if (wn_gt_in_scope(t, tag, SC_TABLE) < 0)
                return 0;
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            wn_gt_pop(t);
            return 0;
        }
        if (tag == GUMBO_TAG_TABLE) {
            if (wn_gt_in_scope(t, GUMBO_TAG_TBODY, SC_TABLE) < 0 &&
                wn_gt_in_scope(t, GUMBO_TAG_THEAD, SC_TABLE) < 0 &&
                wn_gt_in_scope(t, GUMBO_TAG_TFOOT, SC_TABLE) < 0)
                return 0;
            clear_to_context(t, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT, GUMBO_TAG_THEAD);
            wn_gt_pop(t);
            return REPROCESS;
        }
        if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
            tag == GUMBO_TAG_TR || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML ||
            tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
            return 0;
        break;
    case M_TABLE:
        break;
    default:
        return end_in_body(t, tag);
    }
    /* In table. */
    if (tag == GUMBO_TAG_TABLE) {
        if (wn_gt_in_scope(t, GUMBO_TAG_TABLE, SC_TABLE) >= 0)
            wn_gt_pop_until(t, GUMBO_TAG_TABLE);
        return 0;
    }
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL ||
        tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TBODY ||
        tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_TH ||
        tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TR)
        return 0;
    return end_in_body(t, tag);
}
