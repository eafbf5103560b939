/* Pruning inside the region by the text a block opens with: section
 * markers ("Comments", "Related"), see-also lines, pagers, bylines. */
#include "score/score_internal.h"

#include <string.h>

/* The highest ancestor of index below the region root whose text starts with
 * index's text: the whole section a clutter heading opens. */
static uint32_t section_of(const wn_doc *doc, uint32_t index, const region *r)
{
    uint32_t best = index;
    uint32_t a = doc->nodes[index].parent;
    while (a != WN_NONE && a != r->root && !(doc->nodes[a].flags & WN_NODE_SELECTED)) {
        /* index must be at the start of a: no text before it inside a. */
        bool first = true;
        for (uint32_t i = a + 1; i < index; i++) {
            if (doc->nodes[i].kind == WN_NODE_TEXT && doc->nodes[i].all.chars) {
                first = false;
                break;
            }
        }
        if (!first || (float)doc->nodes[a].all.chars > SECTION_SHARE * (float)r->chars)
            break;
        best = a;
        a = doc->nodes[a].parent;
    }
    return best;
}

/* Whether sibling s is another post of the shape of post: the same class,
 * paragraphs of its own and few links (not a teaser of a related list). */
static bool next_post(const wn_doc *doc, uint32_t post, uint32_t s)
{
    const wn_node *a = &doc->nodes[post], *b = &doc->nodes[s];
    return b->kind == WN_NODE_ELEMENT && wn_sc_same_class(a, b) && a->tag != GUMBO_TAG_P &&
           wn_node_elem(doc, b)->paragraphs >= NEXT_POST_PARAGRAPHS && b->all.chars >= NEXT_POST_CHARS &&
           wn_link_density(b) < LD_PROSE;
}

/* Prunes index and its following siblings, and the following siblings of
 * each ancestor up to (not including) the region root. */
static void prune_tail(wn_doc *doc, uint32_t index, wn_label label, wn_rule rule, const region *r)
{
    wn_sc_prune(doc, r, index, label, rule);
    if (!on(doc, WN_RULE_MARKER_TAIL))
        return;
    uint32_t at = index;
    while (at != WN_NONE && at != r->root) {
        uint32_t parent = doc->nodes[at].parent;
        if (parent == WN_NONE)
            break;
        for (uint32_t s = doc->nodes[at].end; s < doc->nodes[parent].end; s = doc->nodes[s].end) {
            /* The next post of a list of posts has its own tail. */
            if (next_post(doc, at, s))
                continue;
            if (doc->nodes[s].kind == WN_NODE_ELEMENT)
                wn_sc_prune(doc, r, s, label, WN_RULE_MARKER_TAIL);
            else if (!(doc->nodes[s].flags & WN_NODE_PRUNED)) {
                wn_sc_memo_flag_change(doc, r, s, true);
                doc->nodes[s].flags |= WN_NODE_PRUNED;
            }
        }
        if (doc->nodes[parent].flags & WN_NODE_SELECTED) {
            /* Following selected siblings under the region root go too,
             * but for posts of the same shape: each has its own tail. */
            uint32_t root = doc->nodes[parent].parent;
            if (root != WN_NONE)
                for (uint32_t s = doc->nodes[parent].end; s < doc->nodes[root].end; s = doc->nodes[s].end)
                    if ((doc->nodes[s].flags & WN_NODE_SELECTED) && !next_post(doc, parent, s))
                        wn_sc_prune(doc, r, s, label, WN_RULE_MARKER_TAIL);
            break;
        }
        at = parent;
    }
}

/* Whether the next element after index is a paragraph of prose without
 * links. */
static bool opens_prose(const wn_doc *doc, uint32_t index)
{
    uint32_t parent = doc->nodes[index].parent;
    for (uint32_t s = doc->nodes[index].end; parent != WN_NONE && s < doc->nodes[parent].end;
         s = doc->nodes[s].end) {
        const wn_node *next = &doc->nodes[s];
        if (next->kind != WN_NODE_ELEMENT) {
            if (next->all.chars)
                return false;
            continue;
        }
        if (!next->all.chars)
            continue;
        return next->tag == GUMBO_TAG_P && next->link_chars == 0 && next->all.chars >= OPENS_PROSE_CHARS &&
               next->all.punct >= OPENS_PROSE_PUNCT;
    }
    return false;
}

static bool is_section_marker(wn_marker m)
{
    return m == WN_MARKER_RELATED || m == WN_MARKER_COMMENTS || m == WN_MARKER_MORE ||
           m == WN_MARKER_AUTHOR;
}

/* "Read more: <link>" between paragraphs goes; a bare "See also" heading
 * takes the link list right after it along. A line that starts so but
 * links nowhere is a sentence. */
static bool prune_see_also(wn_doc *doc, uint32_t i, wn_label label, wn_rule rule, const region *r)
{
    const wn_node *n = &doc->nodes[i];
    bool alone = n->all.chars <= SEE_ALSO_CHARS && n->link_chars == 0;
    if (!alone && n->link_chars == 0)
        return false;
    wn_sc_prune(doc, r, i, label, rule);
    if (!alone || !on(doc, WN_RULE_HEADING_LINK_LIST))
        return true;
    uint32_t parent = n->parent;
    bool pruned_any = false;
    for (uint32_t s = n->end; parent != WN_NONE && s < doc->nodes[parent].end; s = doc->nodes[s].end) {
        const wn_node *next = &doc->nodes[s];
        if (next->kind != WN_NODE_ELEMENT) {
            if (next->all.chars)
                break;
            continue;
        }
        bool first = !pruned_any;
        if (first ? !(next->all.chars < SEE_ALSO_LIST_CHARS && wn_link_density(next) > LD_MOSTLY_LINKS)
                  : !wn_sc_headline_link_p(doc, s))
            break;
        wn_sc_prune(doc, r, s, label, WN_RULE_HEADING_LINK_LIST);
        pruned_any = true;
        /* After a list, the run of headline links that was one item a
         * paragraph goes too. */
        if (!wn_sc_headline_link_p(doc, s))
            break;
    }
    return true;
}

/* The lines of links right after a "相关新闻：" heading set before the
 * article's text: the list it announces, one link a line. */
static void prune_link_run(wn_doc *doc, uint32_t i, wn_label label, const region *r)
{
    if (!on(doc, WN_RULE_RELATED_LINK_RUN))
        return;
    uint32_t parent = doc->nodes[i].parent;
    for (uint32_t s = doc->nodes[i].end; parent != WN_NONE && s < doc->nodes[parent].end; s = doc->nodes[s].end) {
        const wn_node *next = &doc->nodes[s];
        if (next->kind != WN_NODE_ELEMENT) {
            if (next->all.chars)
                break;
            continue;
        }
        if (!next->all.chars)
            continue;
        if (next->all.chars >= LINK_RUN_CHARS || (float)next->link_chars < LD_NEARLY_ALL * (float)next->all.chars)
            break;
        wn_sc_prune(doc, r, s, label, WN_RULE_RELATED_LINK_RUN);
    }
}

/* A line of links to the previous and next posts: nearly all link text,
 * opening with "«" or closing with "»" ("« Older post | Main | Newer »"). */
static bool prev_next_line(const wn_doc *doc, const wn_node *n, const char *lead, size_t len)
{
    if (wn_node_elem(doc, n)->links < 1 || n->all.chars > PREV_NEXT_MAX_CHARS || len >= 399 || wn_link_density(n) < PREV_NEXT_LD)
        return false;
    static const char *const OPENS[] = {"\xC2\xAB", "\xE2\x80\xB9"};  /* « ‹ */
    static const char *const CLOSES[] = {"\xC2\xBB", "\xE2\x80\xBA"}; /* » › */
    for (size_t k = 0; k < 2; k++) {
        size_t o = strlen(OPENS[k]), c = strlen(CLOSES[k]);
        if ((len >= o && memcmp(lead, OPENS[k], o) == 0) ||
            (len >= c && memcmp(lead + len - c, CLOSES[k], c) == 0))
            return true;
    }
    return false;
}

/* A pager: an optional label ("Pages:") and then page numbers only, some
 * of them links ("Pages: 1 2", "1 2 3 Next"). A cited "Pages: 18" has one
 * number and no link. */
static bool page_number_line(const wn_doc *doc, const wn_node *n, const char *lead, size_t len)
{
    if (wn_node_elem(doc, n)->links < 1 || n->all.chars > PAGER_MAX_CHARS || len >= PAGER_MAX_BYTES)
        return false;
    size_t i = 0;
    const char *colon = memchr(lead, ':', len);
    if (colon && (size_t)(colon - lead) <= PAGER_LABEL_BYTES)
        i = (size_t)(colon - lead) + 1;
    unsigned numbers = 0;
    for (; i < len; i++) {
        char c = lead[i];
        if (c >= '0' && c <= '9') {
            if (i == 0 || lead[i - 1] < '0' || lead[i - 1] > '9')
                numbers++;
        } else if (c != ' ' && c != '|' && c != ',') {
            return false;
        }
    }
    return numbers >= PAGER_MIN_NUMBERS;
}

/* Whether a byline or author box (below the region root) holds index: a
 * comment count there is one of the author's figures, not a heading. */
static bool in_meta_box(const wn_doc *doc, uint32_t index, const region *r)
{
    for (uint32_t a = doc->nodes[index].parent; a != WN_NONE && a != r->root; a = doc->nodes[a].parent)
        if ((doc->nodes[a].hints & WN_HINT_META) && !(doc->nodes[a].hints & WN_HINT_STRONG))
            return true;
    return false;
}

/* An inline element loose in its block that starts a line: nothing but
 * white space, a line break or another block before it in its parent. */
static bool starts_line(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if ((n->flags & WN_NODE_BLOCK) || n->parent == WN_NONE || n->parent != n->block)
        return false;
    uint32_t prev = wn_sc_prev_sibling_where(doc, i, text_or_break);
    if (prev != WN_NONE && !(doc->nodes[prev].flags & (WN_NODE_BLOCK | WN_NODE_BREAK)))
        return false;
    /* Misnested markup can put blocks inside it: then it is a wrapper. */
    for (uint32_t k = i + 1; k < n->end; k++)
        if ((doc->nodes[k].flags & WN_NODE_BLOCK) && doc->nodes[k].all.chars)
            return false;
    return true;
}

/* Returns true when the node was pruned. */
bool wn_sc_prune_by_marker(wn_doc *doc, uint32_t i, const region *r)
{
    wn_node *n = &doc->nodes[i];
    /* An inline run of links can be a line of its own ("Tags" and the tag
     * links in a <strong> between paragraphs). */
    bool inline_links = !(n->flags & WN_NODE_BLOCK) && wn_node_elem(doc, n)->links >= 2 && wn_link_density(n) >= LD_MOSTLY_LINKS;
    /* An inline element that carries all of its block's own words (a
     * "blog comments powered by" link under the thread) is a line too. */
    bool whole_line = !(n->flags & WN_NODE_BLOCK) && n->block != WN_NONE && n->all.chars &&
                      wn_node_elem(doc, &doc->nodes[n->block])->own.chars == n->all.chars;
    /* So can a lone link or label ("zurück zur Listenansicht", "Print"
     * loose between the article's blocks): only it goes. */
    bool inline_line = !whole_line && !(n->flags & WN_NODE_BLOCK) && !is_heading((GumboTag)n->tag) &&
                       !inline_links && n->all.chars <= INLINE_LINE_CHARS && starts_line(doc, i);
    if (!(n->flags & WN_NODE_BLOCK) && !is_heading((GumboTag)n->tag) && !inline_links && !whole_line &&
        !inline_line)
        return false;
    if (n->all.chars == 0 || n->all.chars > MARKER_MAX_CHARS)
        return false;
    char lead[400];
    size_t len = wn_leading_text(doc, i, lead, sizeof lead);
    /* A run of links after the marker words is the list they announce: it
     * is measured by its unlinked words. */
    uint32_t whole = n->all.chars;
    if (wn_link_density(n) >= LD_MOSTLY_LINKS)
        whole -= n->link_chars;
    wn_marker m = wn_marker_of_text(lead, len < MARKER_LEAD_BYTES ? len : MARKER_LEAD_BYTES, whole);
    /* The rule whose predicate named the marker m. */
    wn_rule via = WN_RULE_MARKER;
    if (m == WN_MARKER_TAGS) {
        if (!on(doc, WN_RULE_TAGS))
            return false;
        /* Tag links, or a bare "Tags" heading over them; a line of prose
         * that starts so stays. */
        if (n->link_chars == 0 && n->all.chars <= TAGS_HEADING_CHARS)
            return prune_see_also(doc, i, WN_LABEL_OTHER, WN_RULE_TAGS, r);
        /* One tag after a long label ("Related topics: Colorado") is
         * still only the label and its link. */
        bool label_and_links = n->link_chars > 0 && n->all.chars - n->link_chars <= TAGS_LABEL_CHARS;
        if (wn_link_density(n) < LD_MOSTLY_LINKS && !label_and_links)
            return false;
        wn_sc_prune(doc, r, i, WN_LABEL_OTHER, WN_RULE_TAGS);
        return true;
    }
    if (inline_links && !whole_line)
        return false;
    if (inline_line) {
        if (m == WN_MARKER_NONE || is_section_marker(m) || m == WN_MARKER_SEEALSO ||
            !on(doc, WN_RULE_MARKER_INLINE))
            return false;
        wn_sc_prune(doc, r, i, wn_label_from_marker(m), WN_RULE_MARKER_INLINE);
        return true;
    }
    /* The lexicon's markers, but for those with rules of their own. */
    if (m != WN_MARKER_NONE && m != WN_MARKER_SEEALSO && !on(doc, WN_RULE_MARKER))
        m = WN_MARKER_NONE;
    if (m == WN_MARKER_SEEALSO && !on(doc, WN_RULE_SEE_ALSO))
        m = WN_MARKER_NONE;
    /* A one-line prompt to subscribe or follow: a leaf block only, so that
     * a box of article text around it stays. */
    if ((m == WN_MARKER_NONE || (m == WN_MARKER_SEEALSO && n->link_chars == 0)) &&
        wn_node_elem(doc, n)->own.chars == n->all.chars && n->all.chars <= PROMO_MAX_CHARS &&
        len < sizeof lead - 1) {
        if (on(doc, WN_RULE_PROMO) && wn_promo_text(lead, len)) {
            m = WN_MARKER_PROMO;
            via = WN_RULE_PROMO;
        } else if (on(doc, WN_RULE_APP_PROMO) && wn_app_promo_text(lead, len) &&
                   wn_sc_text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS) {
            m = WN_MARKER_PROMO;
            via = WN_RULE_APP_PROMO;
        }
    }
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK) && n->all.chars <= PLATFORM_MAX_CHARS &&
        len < sizeof lead - 1 && on(doc, WN_RULE_PLATFORM_CREDIT) && wn_platform_credit_text(lead, len)) {
        m = WN_MARKER_FOOTER;
        via = WN_RULE_PLATFORM_CREDIT;
    }
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK) && wn_node_elem(doc, n)->own.chars == n->all.chars &&
        on(doc, WN_RULE_PHOTO_CREDIT) && wn_photo_credit_text(lead, len)) {
        m = WN_MARKER_CONTROL;
        via = WN_RULE_PHOTO_CREDIT;
    }
    /* A byline's labelled fields: source, author, time, views. */
    if (m == WN_MARKER_NONE && n->all.chars <= BYLINE_MAX_CHARS && len < sizeof lead - 1 &&
        on(doc, WN_RULE_BYLINE) &&
        wn_byline_text(lead, len)) {
        m = WN_MARKER_SOURCE;
        via = WN_RULE_BYLINE;
    }
    /* A line that is a bare date ("23.10.2018", "2018-10-23 12:30"): the
     * page's date stamp, not a sentence. Not a table's or a list's cell. */
    if (m == WN_MARKER_NONE && n->tag != GUMBO_TAG_TD && n->tag != GUMBO_TAG_TH &&
        n->tag != GUMBO_TAG_LI && n->tag != GUMBO_TAG_PRE && n->tag != GUMBO_TAG_CODE &&
        on(doc, WN_RULE_DATE_LINE) &&
        (wn_date_numeric_line(lead, len) || (wn_date_written_line(lead, len) && wn_link_density(n) > LD_MOSTLY_LINKS))) {
        m = WN_MARKER_SOURCE;
        via = WN_RULE_DATE_LINE;
    }
    /* A bare count closing the article, with nothing after it: the tally
     * of a like or share button whose icon is gone. */
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK) && n->link_chars == 0 && n->tag != GUMBO_TAG_TD &&
        n->tag != GUMBO_TAG_TH && n->tag != GUMBO_TAG_LI && on(doc, WN_RULE_COUNT_LINE) &&
        wn_count_text(lead, len) && !wn_sc_text_after(doc, i, r) && wn_sc_text_before(doc, i, r, BEGUN_CHARS) >= BEGUN_CHARS) {
        m = WN_MARKER_CONTROL;
        via = WN_RULE_COUNT_LINE;
    }
    /* A short heading whose class names a related list or a comment
     * thread opens that section as its words would, in any language
     * ("Você pode gostar..." in h3.related-posts-title). */
    if (m == WN_MARKER_NONE && is_heading((GumboTag)n->tag) && n->all.chars <= MARKER_HEADING_CHARS &&
        !(n->hints & (WN_HINT_POSITIVE | WN_HINT_STRONG)) && n->link_chars == 0 &&
        on(doc, WN_RULE_CLASS_HEADING)) {
        via = WN_RULE_CLASS_HEADING;
        /* On a discussion the replies are the body: their heading opens
         * no comment section. */
        if ((n->hints & WN_HINT_COMMENTS) && !(r->layout & WN_HINT_COMMENTS))
            m = WN_MARKER_COMMENTS;
        else if (n->hints & WN_HINT_RELATED)
            m = WN_MARKER_RELATED;
    }
    if (m == WN_MARKER_NONE && (n->flags & WN_NODE_BLOCK)) {
        if (on(doc, WN_RULE_PREV_NEXT) && prev_next_line(doc, n, lead, len)) {
            m = WN_MARKER_PREVNEXT;
            via = WN_RULE_PREV_NEXT;
        } else if (on(doc, WN_RULE_PAGE_NUMBERS) && page_number_line(doc, n, lead, len)) {
            m = WN_MARKER_PREVNEXT;
            via = WN_RULE_PAGE_NUMBERS;
        }
    }
    /* "More ..." opens a section only as a heading; in a paragraph it is
     * a sentence ("More when we have it"). */
    if (m == WN_MARKER_NONE || (m == WN_MARKER_MORE && !is_heading((GumboTag)n->tag)))
        return false;
    wn_label label = wn_label_from_marker(m);
    if (m == WN_MARKER_SEEALSO)
        return prune_see_also(doc, i, label, WN_RULE_SEE_ALSO, r);
    /* A marker that is a link ("发表评论" jumping to the form) or that comes
     * before any article text names no section: only the line goes. An
     * author's bio heading names its box once the article has begun. */
    uint32_t before = m == WN_MARKER_AUTHOR ? AUTHOR_BEGUN_CHARS : BEGUN_CHARS;
    if (!is_section_marker(m) || n->all.chars > MARKER_HEADING_CHARS || wn_link_density(n) > LD_MOSTLY_LINKS ||
        wn_sc_text_before(doc, i, r, before) < before || (m == WN_MARKER_COMMENTS && in_meta_box(doc, i, r))) {
        wn_sc_prune(doc, r, i, label, via);
        if (m == WN_MARKER_RELATED && n->link_chars == 0 && n->all.chars <= MARKER_HEADING_CHARS)
            prune_link_run(doc, i, label, r);
        return true;
    }
    /* "More reading" over a paragraph of the author's own prose opens a
     * section of the article: a list of links starts with a link. */
    if ((m == WN_MARKER_MORE || m == WN_MARKER_RELATED) && opens_prose(doc, i))
        return false;
    /* A section heading: drop the section it opens. */
    uint32_t section = section_of(doc, i, r);
    if (section != i && doc->nodes[section].all.chars > n->all.chars && on(doc, WN_RULE_MARKER_SECTION)) {
        wn_sc_prune(doc, r, section, label, WN_RULE_MARKER_SECTION);
        return true;
    }
    prune_tail(doc, i, label, via, r);
    return true;
}
