#include "score/kind.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon/date.h"
#include "score/hints.h"
#include "score/params.h"
#include "score/score.h"
#include "score/score_internal.h"
#include "score/threads.h"
#include "verdict.h"

const char *wn_doc_kind_name(wn_doc_kind kind)
{
    return kind == WN_DOC_DISCUSSION ? "discussion" : "article";
}

const char *wn_kind_reason_text(wn_kind_reason why)
{
    switch (why) {
    case WN_KIND_FEW_POSTS:
        return "the top repeats beside it, but too few of the repeats hold text at its place";
    case WN_KIND_LISTING:
        return "the top repeats beside it as a list of teasers (a headline link each)";
    case WN_KIND_POSTS:
        return "the top is one post of a run of posts of one shape";
    case WN_KIND_INNER_RUN:
        return "the top holds a run of posts of one shape: their text replaces it";
    case WN_KIND_EMPTIED:
        return "posts named as comments were nearly all of the region: the page is its thread";
    case WN_KIND_DATES:
        return "the top's post date repeats in the same header place in other posts";
    case WN_KIND_FIRST_POST:
        return "the top is one of a run of posts each with its own comments link: the first is the article";
    case WN_KIND_PARTS:
        return "the top and the parts of its shape that joined it are posts";
    case WN_KIND_TWINS:
        return "the top's post repeats apart from it, each repeat signed by its author";
    case WN_KIND_REPLIES:
        return "a short post followed by a nested thread of replies dated in <time> elements";
    case WN_KIND_SIGNED_REPLIES:
        return "a short post followed by replies signed as it is: an author or date element of the same class";
    case WN_KIND_QA:
        return "the top is a Q&A page's question, with a box named for its answers, or an answer beside the question (qa-page)";
    case WN_KIND_NO_REPEAT:
    default:
        return "the top is not one of a run of elements of one shape";
    }
}

/* An element's shape: its tag and class words, digits left out (a post's
 * number in its class). */
static uint64_t shape_of(const wn_node *n)
{
    uint64_t h = 1469598103934665603ull;
    h = (h ^ n->tag) * 1099511628211ull;
    /* The first class word only: the first post of a thread often carries
     * one more (its owner's, "first") than the replies. */
    if (wn_node_class(n)) {
        const char *c = wn_node_class(n);
        while (*c == ' ' || *c == '\t' || *c == '\n')
            c++;
        for (; *c && *c != ' ' && *c != '\t' && *c != '\n'; c++)
            if (*c < '0' || *c > '9')
                h = (h ^ (unsigned char)*c) * 1099511628211ull;
    }
    return h;
}

/* The nth (from 0) element child of parent with the given shape, or
 * WN_NONE. */
static uint32_t child_of_shape(const wn_doc *doc, uint32_t parent, uint64_t shape, uint32_t nth)
{
    const wn_node *p = &doc->nodes[parent];
    for (uint32_t c = parent + 1; c < p->end; c = doc->nodes[c].end)
        if (doc->nodes[c].kind == WN_NODE_ELEMENT && shape_of(&doc->nodes[c]) == shape && nth-- == 0)
            return c;
    return WN_NONE;
}

/* How many element siblings before x have its shape. */
static uint32_t rank_of(const wn_doc *doc, uint32_t x, uint64_t shape)
{
    uint32_t parent = doc->nodes[x].parent, rank = 0;
    if (parent == WN_NONE)
        return 0;
    for (uint32_t c = parent + 1; c < x; c = doc->nodes[c].end)
        if (doc->nodes[c].kind == WN_NODE_ELEMENT && shape_of(&doc->nodes[c]) == shape)
            rank++;
    return rank;
}

/* The node at the top's place in a repeat of the top's ancestor at level:
 * down the shapes (and ranks among their like) of the ancestors below it. */
static uint32_t same_place(const wn_doc *doc, uint32_t repeat, const uint64_t *shapes,
                           const uint32_t *ranks, int level)
{
    uint32_t x = repeat;
    for (int j = level - 1; j >= 0 && x != WN_NONE; j--)
        x = child_of_shape(doc, x, shapes[j], ranks[j]);
    return x;
}

/* Whether a repeat holds a post at x: text, not nearly all links (a short
 * reply's author and date links can outweigh it). */
static bool holds_post_text(const wn_doc *doc, uint32_t x)
{
    if (x == WN_NONE)
        return false;
    const wn_node *n = &doc->nodes[x];
    return n->all.chars > 0 && wn_link_density(n) <= THREAD_POST_MAX_LD;
}

/* Whether a repeat carries, beside its post text at x, the parts of a
 * post: an author's link or avatar, and a date (a <time>, or a short
 * element whose text is a date). */
static bool signed_repeat(const wn_doc *doc, uint32_t repeat, uint32_t x)
{
    const wn_node *r = &doc->nodes[repeat], *n = &doc->nodes[x];
    const wn_elem *re = wn_node_elem(doc, r), *ne = wn_node_elem(doc, n);
    if (re->links <= ne->links && re->images <= ne->images)
        return false;
    for (uint32_t i = repeat + 1; i < r->end; i++) {
        if (i == x) {
            i = n->end - 1;
            continue;
        }
        if (wn_sc_date_element(doc, i))
            return true;
    }
    return false;
}

static bool kind_heading(uint16_t tag)
{
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

/* Whether the element's text opens with a heading that is a link: another
 * post's headline. */
bool wn_kind_teaser_card(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    if (n->kind != WN_NODE_ELEMENT || n->tag == GUMBO_TAG_A || kind_heading(n->tag) ||
        !wn_node_elem(doc, n)->links || n->all.chars < WN_VERDICT_HEADLINE_CHARS ||
        n->all.chars > WN_VERDICT_CARD_CHARS)
        return false;
    uint32_t first = index + 1 < n->end ? doc->nodes[index + 1].next_text : doc->count;
    if (first >= n->end)
        return false;
    bool heading = false;
    uint32_t link = WN_NONE;
    for (uint32_t a = doc->nodes[first].parent; a != WN_NONE && a != index; a = doc->nodes[a].parent) {
        heading |= kind_heading(doc->nodes[a].tag);
        if (doc->nodes[a].tag == GUMBO_TAG_A)
            link = a;
    }
    return heading && link != WN_NONE && doc->nodes[link].all.chars >= WN_VERDICT_HEADLINE_CHARS;
}

/* Selects node x as a post: unless a selected element holds it; a selected
 * element inside it gives way to it. */
static void select_post(wn_doc *doc, uint32_t x)
{
    for (uint32_t a = x; a != WN_NONE; a = doc->nodes[a].parent)
        if (doc->nodes[a].flags & WN_NODE_SELECTED)
            return;
    wn_node *n = &doc->nodes[x];
    for (uint32_t k = x + 1; k < n->end; k++)
        doc->nodes[k].flags &= (uint16_t)~WN_NODE_SELECTED;
    n->flags |= WN_NODE_SELECTED;
    n->label = WN_LABEL_BODY;
    n->rule = WN_RULE_THREAD_POST;
}

/* Whether a repeat carries, outside its post text at x and after it, a link
 * whose text points to the post's own comments ("3 Comments", "Leave a
 * comment", "发表评论"): a post of its own with its own thread, not a reply
 * in a thread. */
static bool own_comments_link(const wn_doc *doc, uint32_t repeat, uint32_t x)
{
    const wn_node *r = &doc->nodes[repeat];
    uint32_t from = x != WN_NONE ? doc->nodes[x].end : repeat + 1;
    for (uint32_t i = from; i < r->end; i++) {
        const wn_node *e = &doc->nodes[i];
        if (e->kind != WN_NODE_ELEMENT || e->tag != GUMBO_TAG_A || !e->all.chars ||
            e->all.chars > FIRST_POST_LINK_CHARS)
            continue;
        char text[128];
        size_t len = wn_leading_text(doc, i, text, sizeof text);
        if (len && len < sizeof text - 1 && wn_marker_of_text(text, len, e->all.chars) == WN_MARKER_COMMENTS)
            return true;
        i = e->end - 1;
    }
    return false;
}

static bool date_part(const wn_doc *doc, uint32_t i);

/* The first date in a repeat, as ISO 8601 into out (32 bytes); false when
 * it has none that reads as one. */
static bool repeat_date(const wn_doc *doc, uint32_t repeat, char *out)
{
    const wn_node *r = &doc->nodes[repeat];
    for (uint32_t i = repeat + 1; i < r->end; i++) {
        if (!date_part(doc, i))
            continue;
        char text[96];
        size_t len = wn_leading_text(doc, i, text, sizeof text);
        if (len && wn_date_parse(text, len, true, out))
            return true;
        i = doc->nodes[i].end - 1;
    }
    return false;
}

/* A run of posts each with its own comments link, dated newest first, is a
 * blog's front page: several articles one after the other, none a reply to
 * another (a thread runs oldest first; its replies have no comments of
 * their own). The article is the first post: the run's selections give way
 * to it, and it becomes the top. Returns the first post, or WN_NONE when
 * the run is not one. */
static uint32_t first_of_own_posts(wn_doc *doc, uint32_t parent, const uint64_t *shapes,
                                   const uint32_t *ranks, int level, uint32_t posts)
{
    if (wn_rule_set_has(&doc->rules_off, WN_RULE_FIRST_POST))
        return WN_NONE;
    const wn_node *p = &doc->nodes[parent];
    uint32_t linked = 0, dated = 0, first = WN_NONE;
    char newest[32] = "", last[32] = "", date[32];
    bool backwards = true;
    for (uint32_t c = parent + 1; c < p->end; c = doc->nodes[c].end) {
        if (doc->nodes[c].kind != WN_NODE_ELEMENT || shape_of(&doc->nodes[c]) != shapes[level])
            continue;
        uint32_t x = same_place(doc, c, shapes, ranks, level);
        if (!holds_post_text(doc, x))
            continue;
        if (first == WN_NONE)
            first = x;
        linked += own_comments_link(doc, c, x);
        if (repeat_date(doc, c, date)) {
            /* Newest first: each post's date no later than the one before. */
            if (dated && strcmp(date, last) > 0)
                backwards = false;
            if (!dated)
                memcpy(newest, date, sizeof newest);
            memcpy(last, date, sizeof last);
            dated++;
        }
    }
    if (first == WN_NONE || linked < THREAD_MIN_POSTS || linked * FIRST_POST_SHARE_DEN < posts * FIRST_POST_SHARE_NUM)
        return WN_NONE;
    if (!backwards || dated < THREAD_MIN_POSTS || dated * FIRST_POST_SHARE_DEN < posts * FIRST_POST_SHARE_NUM ||
        strcmp(newest, last) <= 0)
        return WN_NONE;
    for (uint32_t k = parent; k < p->end; k++) {
        wn_node *n = &doc->nodes[k];
        if (n->flags & WN_NODE_SELECTED) {
            n->flags &= (uint16_t)~WN_NODE_SELECTED;
            n->label = WN_LABEL_NONE;
            n->rule = WN_RULE_NONE;
        }
    }
    wn_node *f = &doc->nodes[first];
    f->flags |= WN_NODE_SELECTED;
    f->label = WN_LABEL_BODY;
    f->rule = WN_RULE_FIRST_POST;
    doc->kind_why = WN_KIND_FIRST_POST;
    doc->kind_posts = posts;
    doc->kind_unit = parent;
    return first;
}

/* The run is looked for around `from` (the top, or the best block inside
 * it), in parents inside `within` (WN_NONE: anywhere). */
static uint32_t decide_by_repeats(wn_doc *doc, uint32_t from, uint32_t within)
{
    bool need_signed = within != WN_NONE;
    uint32_t top = from;
    uint64_t shapes[THREAD_LEVELS + 1];
    uint32_t ranks[THREAD_LEVELS + 1];
    uint32_t a = top;
    for (int level = 0; level <= THREAD_LEVELS; level++) {
        shapes[level] = shape_of(&doc->nodes[a]);
        ranks[level] = rank_of(doc, a, shapes[level]);
        uint32_t parent = doc->nodes[a].parent;
        if (parent == WN_NONE || doc->nodes[parent].tag == GUMBO_TAG_HTML ||
            (within != WN_NONE && (parent < within || parent >= doc->nodes[within].end)))
            return WN_NONE;
        const wn_node *p = &doc->nodes[parent];
        uint32_t repeats = 0, posts = 0;
        for (uint32_t c = parent + 1; c < p->end; c = doc->nodes[c].end) {
            if (doc->nodes[c].kind != WN_NODE_ELEMENT || shape_of(&doc->nodes[c]) != shapes[level])
                continue;
            repeats++;
            uint32_t x = same_place(doc, c, shapes, ranks, level);
            if (holds_post_text(doc, x) && (!need_signed || signed_repeat(doc, c, x)))
                posts++;
        }
        if (level > 0 && repeats >= THREAD_MIN_POSTS) {
            if (posts < THREAD_MIN_POSTS) {
                /* Rows of a post's own table, say: the run may lie higher. */
                doc->kind_why = WN_KIND_FEW_POSTS;
                a = parent;
                continue;
            }
            /* Cards that open with another page's headline are a listing
             * (an index, a related-posts grid), not a thread. */
            uint32_t cards = 0;
            for (uint32_t c = parent + 1; c < p->end; c = doc->nodes[c].end)
                if (doc->nodes[c].kind == WN_NODE_ELEMENT && shape_of(&doc->nodes[c]) == shapes[level] &&
                    wn_kind_teaser_card(doc, c))
                    cards++;
            if (2 * cards >= repeats) {
                doc->kind_why = WN_KIND_LISTING;
                return WN_NONE;
            }
            /* The top one of a blog's posts (the top holding the run is
             * judged by the run's whole text). */
            uint32_t first = within == WN_NONE ? first_of_own_posts(doc, parent, shapes, ranks, level, posts)
                                               : WN_NONE;
            if (first != WN_NONE)
                return first;
            doc->page_kind = WN_DOC_DISCUSSION;
            doc->kind_why = WN_KIND_POSTS;
            doc->kind_posts = posts;
            doc->kind_unit = parent;
            for (uint32_t c = parent + 1; c < p->end; c = doc->nodes[c].end) {
                /* A sibling of another name but the same inside (a Q&A
                 * page's question beside its answers) is a post too. */
                if (doc->nodes[c].kind != WN_NODE_ELEMENT || doc->nodes[c].tag != doc->nodes[a].tag)
                    continue;
                uint32_t x = same_place(doc, c, shapes, ranks, level);
                if (x != top && holds_post_text(doc, x) &&
                    (shape_of(&doc->nodes[c]) == shapes[level] || signed_repeat(doc, c, x)))
                    select_post(doc, x);
            }
            return WN_NONE;
        }
        a = parent;
    }
    return WN_NONE;
}

/* The top can hold the whole thread, each post with its author box,
 * signature and toolbar: from the best block inside it, a run of posts
 * inside the top makes a discussion whose posts' text replaces the top. */
static void decide_by_inner_run(wn_doc *doc, uint32_t top)
{
    const wn_node *t = &doc->nodes[top];
    uint32_t inner = WN_NONE;
    for (uint32_t i = top + 1; i < t->end; i++) {
        const wn_node *n = &doc->nodes[i];
        const wn_elem *e = wn_node_elem(doc, n);
        if (n->kind == WN_NODE_ELEMENT && e->content > 0.0f &&
            (inner == WN_NONE || e->score > wn_node_elem(doc, &doc->nodes[inner])->score))
            inner = i;
    }
    if (inner == WN_NONE)
        return;
    wn_node *tn = &doc->nodes[top];
    uint16_t flags = tn->flags;
    tn->flags &= (uint16_t)~WN_NODE_SELECTED;
    decide_by_repeats(doc, inner, top);
    if (doc->page_kind != WN_DOC_DISCUSSION) {
        tn->flags = flags;
        return;
    }
    tn->label = WN_LABEL_NONE;
    tn->rule = WN_RULE_NONE;
    doc->kind_why = WN_KIND_INNER_RUN;
    select_post(doc, inner);
}

/* After the rules of the region: the top and the parts that joined it as
 * its like (cousins of its shape) are posts when there are enough of them. */
static void decide_by_parts(wn_doc *doc, uint32_t top)
{
    uint64_t shape = shape_of(&doc->nodes[top]);
    uint32_t posts = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        if (i == top || ((n->rule == WN_RULE_PART || n->rule == WN_RULE_CHUNK ||
                          n->rule == WN_RULE_SIBLING_SHAPE) &&
                         shape_of(n) == shape))
            posts++;
        i = n->end - 1;
    }
    if (posts >= THREAD_MIN_POSTS) {
        doc->page_kind = WN_DOC_DISCUSSION;
        doc->kind_why = WN_KIND_PARTS;
        doc->kind_posts = posts;
    }
}

/* ---- a thread found by its posts' dates ------------------------------------ */

/* The last answer date_part() read from text, and the text nodes with ink
 * it read (first and last): an element that wraps another and adds no
 * text of its own (a <div> around a <span>) reads the same leading text,
 * so it gets the same answer without reading it again. */
typedef struct date_memo {
    uint32_t first, last;
    bool date;
} date_memo;

/* Whether element i is a post's date: a <time>, or a short element whose
 * whole text is a date or a time stamp. memo: NULL, or the last answer of
 * a scan in document order (first UINT32_MAX before any). */
static bool date_part_memo(const wn_doc *doc, uint32_t i, date_memo *memo)
{
    const wn_node *e = &doc->nodes[i];
    if (e->kind != WN_NODE_ELEMENT || !e->all.chars || e->all.chars > THREAD_DATE_MAX_CHARS)
        return false;
    if (e->tag == GUMBO_TAG_TIME)
        return true;
    /* A short text in few bytes: white space around it is not read again
     * for each element that holds it. */
    uint32_t bytes = 0, last = UINT32_MAX;
    for (uint32_t t = e->next_text; t < e->end && bytes <= THREAD_DATE_MAX_BYTES;
         t = t + 1 < doc->count ? doc->nodes[t + 1].next_text : doc->count) {
        bytes += wn_node_text_len(&doc->nodes[t]);
        last = t;
    }
    if (bytes > THREAD_DATE_MAX_BYTES)
        return false;
    if (memo && memo->first == e->next_text && memo->last == last)
        return memo->date;
    char lead[96];
    size_t len = wn_leading_text(doc, i, lead, sizeof lead);
    bool date = len < sizeof lead - 1 &&
                (wn_date_numeric_line(lead, len) || wn_date_written_line(lead, len) ||
                 wn_date_clock_or_year(lead, len));
    if (memo)
        *memo = (date_memo){e->next_text, last, date};
    return date;
}

static bool date_part(const wn_doc *doc, uint32_t i)
{
    return date_part_memo(doc, i, NULL);
}

/* A date's place in its post's header: its shape and its parents'. */
static uint64_t date_key(const wn_doc *doc, uint32_t i)
{
    uint64_t h = 1469598103934665603ull;
    for (int level = 0; level < THREAD_DATE_KEY_LEVELS && i != WN_NONE; level++) {
        h = (h ^ shape_of(&doc->nodes[i])) * 1099511628211ull;
        i = doc->nodes[i].parent;
    }
    return h;
}

/* Whether a date inside the top opens it: at most THREAD_HEAD_CHARS of the
 * top's text before it. A date further in is a reply's inside an article
 * that holds its comments. */
static bool heads_top(const wn_doc *doc, uint32_t top, uint32_t date)
{
    uint32_t chars = 0;
    for (uint32_t i = top; i < date && chars <= THREAD_HEAD_CHARS; i++)
        if (doc->nodes[i].kind == WN_NODE_TEXT)
            chars += doc->nodes[i].all.chars;
    return chars <= THREAD_HEAD_CHARS;
}

/* Whether the date or its parent carries a class or an id: a header made
 * for posts, not a layout table's cell. */
static bool named_header(const wn_doc *doc, uint32_t date)
{
    for (int level = 0; level < THREAD_DATE_KEY_LEVELS && date != WN_NONE; level++) {
        const wn_node *n = &doc->nodes[date];
        if ((wn_node_class(n) && *wn_node_class(n)) || (wn_node_id(n) && *wn_node_id(n)))
            return true;
        date = n->parent;
    }
    return false;
}

static uint32_t common_ancestor(const wn_doc *doc, uint32_t a, uint32_t b)
{
    while (a != WN_NONE && !(b >= a && b < doc->nodes[a].end))
        a = doc->nodes[a].parent;
    return a;
}

/* Where the last date's post ends: with the child of the unit that holds
 * it (the text after a list of teasers is not the last teaser's). */
static uint32_t last_post_end(const wn_doc *doc, uint32_t unit, uint32_t date)
{
    uint32_t a = date;
    while (doc->nodes[a].parent != WN_NONE && doc->nodes[a].parent != unit)
        a = doc->nodes[a].parent;
    return doc->nodes[a].end;
}

/* The top's post carries a date (in an ancestor at most
 * THREAD_HEAD_LEVELS above the top, heading the top); when the same date,
 * in the same place of the same header, repeats at least THREAD_DATES_MIN_POSTS times on the page,
 * each a post's, the posts are a thread even where the replies sit in
 * another structure than the first post: the element that holds the top
 * and all of them is the discussion. */
static void decide_by_dates(wn_doc *doc, uint32_t top)
{
    if (wn_rule_set_has(&doc->rules_off, WN_RULE_THREAD_DATES))
        return;
    /* The outermost date elements, in document order. */
    uint32_t cap = 0, count = 0, *dates = NULL;
    date_memo memo = {UINT32_MAX, UINT32_MAX, false};
    for (uint32_t i = 0; i < doc->count; i++) {
        if (!date_part_memo(doc, i, &memo))
            continue;
        if (count == cap) {
            cap = cap ? 2 * cap : 64;
            uint32_t *grown = realloc(dates, cap * sizeof *dates);
            if (!grown) {
                free(dates);
                return;
            }
            dates = grown;
        }
        dates[count++] = i;
        i = doc->nodes[i].end - 1;
    }
    /* The date that heads the top: the first inside it, when it opens it,
     * else the nearest before it in an ancestor close above. */
    uint32_t after = 0;
    while (after < count && dates[after] < top)
        after++;
    uint32_t anchor = WN_NONE, a = top;
    if (after < count && dates[after] < doc->nodes[top].end && heads_top(doc, top, dates[after]))
        anchor = dates[after];
    for (int level = 0; level <= THREAD_HEAD_LEVELS && a != WN_NONE && anchor == WN_NONE && after > 0;
         level++) {
        const wn_node *n = &doc->nodes[a];
        if (n->tag == GUMBO_TAG_BODY || n->tag == GUMBO_TAG_HTML)
            break;
        if (dates[after - 1] >= a)
            anchor = dates[after - 1];
        a = n->parent;
    }
    if (anchor == WN_NONE || !named_header(doc, anchor)) {
        free(dates);
        return;
    }
    uint64_t key = date_key(doc, anchor);
    uint32_t twins = 0, unit = top;
    for (uint32_t k = 0; k < count; k++)
        if (date_key(doc, dates[k]) == key) {
            dates[twins++] = dates[k];
            unit = common_ancestor(doc, unit, dates[k]);
        }
    if (twins < THREAD_DATES_MIN_POSTS || unit == WN_NONE) {
        free(dates);
        return;
    }
    /* Each date opens a post: text not in links nor headings follows it
     * before the next (an archive's list of months has none, a list of
     * teasers little but their headlines). */
    uint32_t posts = 0, headed = 0;
    for (uint32_t k = 0; k < twins; k++) {
        uint32_t stop = k + 1 < twins ? dates[k + 1] : last_post_end(doc, unit, dates[k]), chars = 0;
        bool heading = false;
        for (uint32_t i = doc->nodes[dates[k]].end; i < stop; i++) {
            const wn_node *t = &doc->nodes[i];
            if (t->kind == WN_NODE_ELEMENT && kind_heading(t->tag)) {
                heading |= t->all.chars > 0;
                i = t->end - 1;
            } else if (t->kind == WN_NODE_TEXT && !(t->flags & WN_NODE_IN_LINK)) {
                chars += t->all.chars;
            }
        }
        posts += chars >= THREAD_DATE_POST_CHARS;
        headed += heading;
    }
    /* Dated blocks that mostly run into a headline are a listing of
     * posts, not a thread of replies. */
    if (2 * headed > twins)
        posts = 0;
    free(dates);
    if (posts < THREAD_DATES_MIN_POSTS)
        return;
    const wn_node *u = &doc->nodes[unit];
    if (u->tag == GUMBO_TAG_BODY || u->tag == GUMBO_TAG_HTML || wn_link_density(u) > THREAD_DATES_MAX_LD)
        return;
    doc->page_kind = WN_DOC_DISCUSSION;
    doc->kind_why = WN_KIND_DATES;
    doc->kind_posts = posts;
    doc->kind_unit = unit;
    select_post(doc, unit);
    doc->nodes[unit].rule = WN_RULE_THREAD_DATES;
}

/* Whether the element's class opens with a word (its shape is more than
 * its tag). */
static bool has_class_word(const wn_node *n)
{
    const char *c = wn_node_class(n);
    if (!c)
        return false;
    while (*c == ' ' || *c == '\t' || *c == '\n')
        c++;
    return *c != '\0';
}

/* Whether a twin is signed as a post: an author's link or avatar beside
 * its post text at x, and no headline (a teaser of another page, a blog's
 * index entry, opens with a link of a headline's length or holds a linked
 * heading). */
static bool twin_signed(const wn_doc *doc, uint32_t repeat, uint32_t x)
{
    const wn_node *r = &doc->nodes[repeat], *n = &doc->nodes[x];
    const wn_elem *re = wn_node_elem(doc, r), *ne = wn_node_elem(doc, n);
    if (re->links <= ne->links && re->images <= ne->images)
        return false;
    uint32_t first = repeat + 1 < r->end ? doc->nodes[repeat + 1].next_text : doc->count;
    if (first < r->end)
        for (uint32_t a = doc->nodes[first].parent; a != WN_NONE && a != repeat; a = doc->nodes[a].parent)
            if (doc->nodes[a].tag == GUMBO_TAG_A && doc->nodes[a].all.chars >= WN_VERDICT_HEADLINE_CHARS)
                return false;
    for (uint32_t i = repeat + 1; i < r->end; i++) {
        const wn_node *e = &doc->nodes[i];
        if (e->kind == WN_NODE_ELEMENT && kind_heading(e->tag) && wn_node_elem(doc, e)->links)
            return false;
        if (e->kind == WN_NODE_ELEMENT && e->tag == GUMBO_TAG_A)
            for (uint32_t k = i + 1; k < e->end; k++)
                if (doc->nodes[k].kind == WN_NODE_ELEMENT && kind_heading(doc->nodes[k].tag))
                    return false;
    }
    return true;
}

/* The shape of element c, kept in memo[c] once read (0: not read yet;
 * memo NULL: read each time). The scans for twins, a level at a time, ask
 * for the same elements' shapes again. */
static uint64_t shape_kept(const wn_doc *doc, uint64_t *memo, uint32_t c)
{
    if (!memo)
        return shape_of(&doc->nodes[c]);
    if (!memo[c])
        memo[c] = shape_of(&doc->nodes[c]);
    return memo[c];
}

/* Whether node c is a twin of a: an element of its tag and shape that is
 * not one of its ancestors. */
static bool twin_of(const wn_doc *doc, uint64_t *memo, uint32_t a, uint32_t c, uint64_t shape)
{
    const wn_node *e = &doc->nodes[c];
    return e->kind == WN_NODE_ELEMENT && e->tag == doc->nodes[a].tag &&
           shape_kept(doc, memo, c) == shape && !(c < a && e->end > a);
}

/* What one pass over a's twins found: twins, teaser cards among them,
 * posts (a's own counted by the caller) and their common ancestor. */
/* In a twin of the top's element, the element at the top's place: the same
 * path of shapes down, or else the first element of the top's own shape
 * (a class-named one) as many levels down: the wrappers between may be
 * named apart (a question's cell and an answer's cell around the same
 * post-text element). The scan reads at most THREAD_TWIN_PLACE_SCAN nodes. */
static uint32_t twin_place(const wn_doc *doc, uint32_t repeat, const uint64_t *shapes, const uint32_t *ranks,
                           int level, bool named_top)
{
    uint32_t x = same_place(doc, repeat, shapes, ranks, level);
    if (x != WN_NONE || !named_top)
        return x;
    const wn_node *r = &doc->nodes[repeat];
    uint32_t depth = (uint32_t)r->depth + (uint32_t)level;
    uint32_t end = r->end - repeat > THREAD_TWIN_PLACE_SCAN ? repeat + THREAD_TWIN_PLACE_SCAN : r->end;
    for (uint32_t i = repeat + 1; i < end; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && n->depth == depth && shape_of(n) == shapes[0])
            return i;
    }
    return WN_NONE;
}

typedef struct twin_count {
    uint32_t twins, cards, posts, unit;
    bool named_top; /* the top's element has a class word (twin_place) */
    uint64_t *shapes; /* the elements' shapes read so far (shape_kept), or NULL */
} twin_count;

/* One pass over the twins of a at the level: counts them into tc, or, with
 * select, selects the text of each that is a signed post (rule
 * THREAD_TWINS). */
static void scan_twins(wn_doc *doc, uint32_t a, const uint64_t *shapes, const uint32_t *ranks, int level,
                       bool select, twin_count *tc)
{
    for (uint32_t c = 0; c < doc->count; c++) {
        if (c == a) {
            c = doc->nodes[c].end - 1;
            continue;
        }
        if (!twin_of(doc, tc->shapes, a, c, shapes[level]))
            continue;
        if (!select) {
            tc->twins++;
            tc->cards += wn_kind_teaser_card(doc, c);
        }
        uint32_t x = twin_place(doc, c, shapes, ranks, level, tc->named_top);
        if (!holds_post_text(doc, x) || !twin_signed(doc, c, x))
            continue;
        if (select) {
            select_post(doc, x);
            doc->nodes[x].rule = WN_RULE_THREAD_TWINS;
        } else {
            tc->posts++;
            tc->unit = common_ancestor(doc, tc->unit, c);
        }
    }
}

/* Rule thread-twins: the top's post repeats elsewhere on the page, not as
 * its sibling (the answers of a Q&A page grouped apart from the question,
 * "more answers" below the one shown): an ancestor of the top, named by a
 * class, whose twins of its shape anywhere on the page hold post text at
 * the top's place and an author and a date beside it. With at least
 * THREAD_MIN_POSTS posts the page is a discussion of them all. */
static void decide_by_twins(wn_doc *doc, uint32_t top)
{
    if (wn_rule_set_has(&doc->rules_off, WN_RULE_THREAD_TWINS))
        return;
    /* From the block of the top that gathered the most paragraph score
     * (the top may hold its post's header and toolbar), up. */
    uint32_t a = top;
    for (uint32_t i = top + 1; i < doc->nodes[top].end; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && wn_node_elem(doc, n)->content > wn_node_elem(doc, &doc->nodes[a])->content)
            a = i;
    }
    bool named_top = has_class_word(&doc->nodes[a]);
    uint64_t shapes[THREAD_LEVELS + 1];
    uint32_t ranks[THREAD_LEVELS + 1];
    uint64_t *kept = calloc(doc->count, sizeof *kept); /* NULL: shapes read each time */
    for (int level = 0; level <= THREAD_LEVELS; level++) {
        shapes[level] = shape_of(&doc->nodes[a]);
        ranks[level] = rank_of(doc, a, shapes[level]);
        if (level > 0 && has_class_word(&doc->nodes[a])) {
            twin_count tc = {.posts = 1, .unit = a, .named_top = named_top, .shapes = kept};
            scan_twins(doc, a, shapes, ranks, level, false, &tc);
            uint32_t posts = tc.posts, twins = tc.twins, unit = tc.unit;
            if (twins && posts >= THREAD_MIN_POSTS && 2 * posts > twins + 1 && 2 * tc.cards < twins && unit != WN_NONE &&
                doc->nodes[unit].tag != GUMBO_TAG_BODY && doc->nodes[unit].tag != GUMBO_TAG_HTML) {
                scan_twins(doc, a, shapes, ranks, level, true, &tc);
                doc->page_kind = WN_DOC_DISCUSSION;
                doc->kind_why = WN_KIND_TWINS;
                doc->kind_posts = posts;
                doc->kind_unit = unit;
                break;
            }
        }
        uint32_t parent = doc->nodes[a].parent;
        if (parent == WN_NONE || doc->nodes[parent].tag == GUMBO_TAG_HTML || doc->nodes[parent].tag == GUMBO_TAG_BODY)
            break;
        a = parent;
    }
    free(kept);
}

/* ---- a short post and replies signed as it is ------------------------------ */

/* Whether the element's text lies in at most max bytes: a short text,
 * whose white space around it is not read again for each element that
 * holds it. */
static bool text_within(const wn_doc *doc, uint32_t i, uint32_t max)
{
    const wn_node *e = &doc->nodes[i];
    uint32_t bytes = 0;
    for (uint32_t t = e->next_text; t < e->end && bytes <= max;
         t = t + 1 < doc->count ? doc->nodes[t + 1].next_text : doc->count)
        bytes += wn_node_text_len(&doc->nodes[t]);
    return bytes <= max;
}

/* The key of an element of a signature: its shape when it has a class
 * word, else its shape with its parent's when that has one; 0 when neither
 * is named (a bare link or <time> says nothing of the page's design). */
static uint64_t sign_key(const wn_doc *doc, uint32_t i)
{
    const wn_node *n = &doc->nodes[i];
    if (has_class_word(n))
        return shape_of(n);
    uint32_t p = n->parent;
    if (p != WN_NONE && has_class_word(&doc->nodes[p]))
        return ((shape_of(n) ^ 0x9e3779b97f4a7c15ull) * 1099511628211ull) ^ shape_of(&doc->nodes[p]);
    return 0;
}

typedef struct sign_keys {
    uint64_t key[THREAD_SIGNED_MAX_KEYS];
    bool seen[THREAD_SIGNED_MAX_KEYS];
    uint32_t count;
} sign_keys;

/* Adds key to the set; returns its index, or UINT32_MAX when the set is
 * full or the key is 0. */
static uint32_t add_key(sign_keys *ks, uint64_t key)
{
    if (!key)
        return UINT32_MAX;
    for (uint32_t k = 0; k < ks->count; k++)
        if (ks->key[k] == key)
            return k;
    if (ks->count == THREAD_SIGNED_MAX_KEYS)
        return UINT32_MAX;
    ks->key[ks->count] = key;
    ks->seen[ks->count] = false;
    return ks->count++;
}

/* Whether element i of a reply, outside its text, is its signature: its
 * date (an element that is a date, and the elements inside it of the same
 * text), or an element whose whole text is the author's name. */
static bool reply_sign_part(const wn_doc *doc, const wn_thread_comment *c, uint32_t i, uint32_t date)
{
    const wn_node *e = &doc->nodes[i];
    if (date != WN_NONE && i >= date && i < doc->nodes[date].end && e->all.chars == doc->nodes[date].all.chars)
        return true;
    if (!c->author || !e->all.chars || e->all.chars > THREAD_SIGNED_NAME_CHARS ||
        !text_within(doc, i, THREAD_DATE_MAX_BYTES))
        return false;
    char text[4 * THREAD_SIGNED_NAME_CHARS];
    size_t len = wn_leading_text(doc, i, text, sizeof text);
    return len == c->author_len && memcmp(text, c->author, len) == 0;
}

/* The keys of a reply's signature elements into ks; their indexes into
 * idx (at most cap). Returns how many. */
static uint32_t reply_keys(const wn_doc *doc, const wn_thread_comment *c, sign_keys *ks, uint32_t *idx,
                           uint32_t cap)
{
    uint32_t date = WN_NONE, n = 0;
    for (uint32_t i = c->node; i < c->end && date == WN_NONE; i++) {
        if (i == c->text_from) {
            i = c->text_to - 1;
            continue;
        }
        if (date_part(doc, i))
            date = i;
    }
    for (uint32_t i = c->node; i < c->end && n < cap; i++) {
        if (i == c->text_from) {
            i = c->text_to - 1;
            continue;
        }
        if (doc->nodes[i].kind != WN_NODE_ELEMENT || !reply_sign_part(doc, c, i, date))
            continue;
        uint32_t k = add_key(ks, sign_key(doc, i));
        if (k != UINT32_MAX)
            idx[n++] = k;
    }
    return n;
}

/* Whether an element named as answers lies inside the subtree of index. */
static bool holds_answers(const wn_doc *doc, uint32_t index)
{
    const wn_node *n = &doc->nodes[index];
    for (uint32_t i = index + 1; i < n->end; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && (doc->nodes[i].hints & WN_HINT_ANSWER) &&
            !(doc->nodes[i].hints & WN_HINT_QUESTION))
            return true;
    return false;
}

/* Rule qa-page: the top lies in a box named as a Q&A page's question that
 * holds, or stands beside, a box named for its answers (the answers, or
 * where they would go: "no answers yet", the answer form); or in an answer
 * whose question the question rule took. A thread of one question and its
 * answers, however few: a discussion. */
static void decide_by_qa(wn_doc *doc, uint32_t top)
{
    if (wn_rule_set_has(&doc->rules_off, WN_RULE_QA_PAGE))
        return;
    bool qa = false;
    for (uint32_t a = top, depth = 0; a != WN_NONE && !qa && depth < THREAD_LEVELS; a = doc->nodes[a].parent, depth++) {
        const wn_node *n = &doc->nodes[a];
        if (n->flags & WN_NODE_IN_CLUTTER)
            return;
        if ((n->hints & WN_HINT_QUESTION) && !(n->hints & WN_HINT_ANSWER)) {
            qa = holds_answers(doc, a) || (n->parent != WN_NONE && holds_answers(doc, n->parent));
        } else if ((n->hints & WN_HINT_ANSWER) && !(n->hints & WN_HINT_QUESTION)) {
            for (uint32_t i = 0; i < doc->count && !qa; i++)
                qa = (doc->nodes[i].flags & WN_NODE_SELECTED) && doc->nodes[i].rule == WN_RULE_QUESTION;
        }
    }
    if (!qa)
        return;
    doc->page_kind = WN_DOC_DISCUSSION;
    doc->kind_why = WN_KIND_QA;
}

uint32_t wn_kind_decide(wn_doc *doc, uint32_t top)
{
    doc->page_kind = WN_DOC_ARTICLE;
    doc->kind_why = WN_KIND_NO_REPEAT;
    doc->kind_posts = 0;
    doc->kind_unit = WN_NONE;
    if (wn_rule_set_has(&doc->rules_off, WN_RULE_THREAD_POST))
        return top;
    uint32_t first = decide_by_repeats(doc, top, WN_NONE);
    if (first != WN_NONE)
        return first;
    if (doc->page_kind == WN_DOC_ARTICLE)
        decide_by_inner_run(doc, top);
    if (doc->page_kind == WN_DOC_ARTICLE)
        decide_by_parts(doc, top);
    if (doc->page_kind == WN_DOC_ARTICLE)
        decide_by_dates(doc, top);
    if (doc->page_kind == WN_DOC_ARTICLE)
        decide_by_twins(doc, top);
    if (doc->page_kind == WN_DOC_ARTICLE)
        decide_by_qa(doc, top);
    return top;
}

/* The kept text nodes (inside a selected element, not pruned) in document
 * order: the first at or after i, or doc->count. *selected_end carries the
 * end of the selected element the walk is in (0 to start). */
static uint32_t next_kept_text(const wn_doc *doc, uint32_t i, uint32_t *selected_end)
{
    for (; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->flags & WN_NODE_PRUNED) {
            i = n->end - 1;
            continue;
        }
        if (i >= *selected_end && (n->flags & WN_NODE_SELECTED))
            *selected_end = n->end;
        if (i < *selected_end && n->kind == WN_NODE_TEXT)
            return i;
    }
    return doc->count;
}

/* Characters kept in the body: selected, not pruned. */
static uint32_t kept_chars(const wn_doc *doc)
{
    uint32_t chars = 0, selected_end = 0;
    for (uint32_t i = next_kept_text(doc, 0, &selected_end); i < doc->count;
         i = next_kept_text(doc, i + 1, &selected_end))
        chars += doc->nodes[i].all.chars;
    return chars;
}

/* Whether a <time> element lies in nodes [from, to). */
static bool holds_time(const wn_doc *doc, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && doc->nodes[i].tag == GUMBO_TAG_TIME)
            return true;
    return false;
}


/* Whether element i's whole text is a post's number: "#" and digits, or
 * digits and "#" ("#12", "12#"). Its number, or 0. */
static uint32_t post_number(const wn_doc *doc, uint32_t i)
{
    const wn_node *e = &doc->nodes[i];
    if (e->kind != WN_NODE_ELEMENT || e->all.chars < 2 || e->all.chars > THREAD_SIGNED_NUMBER_CHARS ||
        !text_within(doc, i, THREAD_DATE_MAX_BYTES))
        return 0;
    char text[32];
    size_t len = wn_leading_text(doc, i, text, sizeof text);
    if (len < 2 || len >= sizeof text - 1)
        return 0;
    size_t from = 0, to = len;
    if (text[0] == '#')
        from = 1;
    else if (text[len - 1] == '#')
        to = len - 1;
    else
        return 0;
    while (from < to && text[from] == ' ')
        from++;
    while (to > from && text[to - 1] == ' ')
        to--;
    uint32_t n = 0;
    for (size_t k = from; k < to; k++) {
        if (text[k] < '0' || text[k] > '9' || n > 100000)
            return 0;
        n = n * 10 + (uint32_t)(text[k] - '0');
    }
    return to > from ? n : 0;
}

/* A reply's number: the first post number in it outside its text, or 0. */
static uint32_t reply_number(const wn_doc *doc, const wn_thread_comment *c)
{
    for (uint32_t i = c->node; i < c->end; i++) {
        if (i == c->text_from) {
            i = c->text_to - 1;
            continue;
        }
        uint32_t n = post_number(doc, i);
        if (n)
            return n;
    }
    return 0;
}

/* Whether comment c of the thread is a reply to the post: after the top's
 * first node, its text found in elements, and not in the kept body. */
static bool reply_of_post(const wn_doc *doc, const wn_thread_comment *c, uint32_t top)
{
    return c->node > top && c->text_to > c->text_from;
}

/* Whether one of the reply text elements (boxes, n of them) lies in the
 * subtree of c. */
static bool holds_box(const wn_doc *doc, uint32_t c, const uint32_t *boxes, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (boxes[k] >= c && boxes[k] < doc->nodes[c].end)
            return true;
    return false;
}

/* The outermost dropped element above x inside the kept element that
 * holds it, or WN_NONE (x lies in no kept element, or none above it was
 * dropped). */
static uint32_t dropped_above(const wn_doc *doc, uint32_t x)
{
    uint32_t dropped = WN_NONE;
    for (uint32_t a = doc->nodes[x].parent; a != WN_NONE; a = doc->nodes[a].parent) {
        if (doc->nodes[a].flags & WN_NODE_SELECTED)
            return dropped;
        if (doc->nodes[a].flags & WN_NODE_PRUNED)
            dropped = a;
    }
    return WN_NONE;
}

/* Keeps the replies' text elements (boxes, n of them, in document order).
 * One outside the kept elements is selected. One inside a kept element
 * under a dropped one (a reply the scorer dropped with the comments around
 * it) is carved out: from it up to the outermost dropped element, each
 * element is kept and its children that hold no reply text are dropped in
 * its place, with its label and rule. */
static void keep_reply_texts(wn_doc *doc, const uint32_t *boxes, size_t n, wn_rule rule_kept)
{
    uint32_t *outer = malloc((n ? n : 1) * sizeof *outer);
    if (!outer)
        return;
    for (size_t k = 0; k < n; k++)
        outer[k] = dropped_above(doc, boxes[k]);
    for (size_t k = 0; k < n; k++) {
        uint32_t x = boxes[k];
        bool inside = false;
        for (uint32_t a = doc->nodes[x].parent; a != WN_NONE && !inside; a = doc->nodes[a].parent)
            inside = (doc->nodes[a].flags & WN_NODE_SELECTED) != 0;
        if (inside && outer[k] == WN_NONE)
            continue;
        if (!inside)
            select_post(doc, x);
        wn_node *xn = &doc->nodes[x];
        for (uint32_t j = x; j < xn->end; j++)
            doc->nodes[j].flags &= (uint16_t)~WN_NODE_PRUNED;
        xn->label = WN_LABEL_BODY;
        xn->rule = (uint8_t)rule_kept;
        if (outer[k] == WN_NONE)
            continue;
        uint8_t label = doc->nodes[outer[k]].label, rule = doc->nodes[outer[k]].rule;
        for (uint32_t a = doc->nodes[x].parent;; a = doc->nodes[a].parent) {
            wn_node *an = &doc->nodes[a];
            if (an->flags & WN_NODE_PRUNED) {
                an->flags &= (uint16_t)~WN_NODE_PRUNED;
                an->label = WN_LABEL_NONE;
                an->rule = WN_RULE_NONE;
            }
            for (uint32_t c = a + 1; c < an->end; c = doc->nodes[c].end)
                if (!holds_box(doc, c, boxes, n) && !(doc->nodes[c].flags & WN_NODE_PRUNED)) {
                    doc->nodes[c].flags |= WN_NODE_PRUNED;
                    doc->nodes[c].label = label;
                    doc->nodes[c].rule = rule;
                }
            if (a == outer[k])
                break;
        }
    }
    free(outer);
}

/* The first kept text node that holds text, or WN_NONE. */
static uint32_t first_kept_text(const wn_doc *doc)
{
    uint32_t selected_end = 0, i = next_kept_text(doc, 0, &selected_end);
    while (i < doc->count && !doc->nodes[i].all.chars)
        i = next_kept_text(doc, i + 1, &selected_end);
    return i < doc->count ? i : WN_NONE;
}

/* Adds to the replies' text elements (*boxes, *n of them) the text of the
 * siblings of reply model's element that have its shape and are in no
 * box yet: the element at the place of model's text in each (its shapes
 * and ranks down from the reply's element). False when out of memory. */
static bool complete_run(const wn_doc *doc, const wn_thread_comment *model, uint32_t **boxes, size_t *n,
                         size_t *cap, uint32_t *posts)
{
    uint64_t shapes[THREAD_LEVELS + 1];
    uint32_t ranks[THREAD_LEVELS + 1];
    int level = 0;
    uint32_t a = model->text_from;
    while (a != model->node && level < THREAD_LEVELS) {
        shapes[level] = shape_of(&doc->nodes[a]);
        ranks[level] = rank_of(doc, a, shapes[level]);
        a = doc->nodes[a].parent;
        level++;
    }
    uint32_t parent = doc->nodes[model->node].parent;
    if (a != model->node || parent == WN_NONE)
        return true;
    uint64_t shape = shape_of(&doc->nodes[model->node]);
    size_t had = *n;
    for (uint32_t c = parent + 1; c < doc->nodes[parent].end; c = doc->nodes[c].end) {
        if (doc->nodes[c].kind != WN_NODE_ELEMENT || shape_of(&doc->nodes[c]) != shape)
            continue;
        bool known = false;
        for (size_t k = 0; k < had && !known; k++)
            known = (*boxes)[k] >= c && (*boxes)[k] < doc->nodes[c].end;
        if (known)
            continue;
        uint32_t x = same_place(doc, c, shapes, ranks, level);
        if (x == WN_NONE || !doc->nodes[x].all.chars || !holds_post_text(doc, x))
            continue;
        if (!wn_array_grow((void **)boxes, cap, *n, sizeof **boxes))
            return false;
        (*boxes)[(*n)++] = x;
        (*posts)++;
    }
    return true;
}

/* Rule thread-signed: a short post followed by numbered replies ("#1",
 * "#2", ... or "1#", ... in increasing order), each signed by an author and
 * a date, most of them with an element of a class (and tag) that the
 * post's own box carries too: the post is signed as its replies are, a
 * thread's first post, not an article whose reader comments have a design
 * of their own. The post's box is the outermost ancestor of the first kept
 * text that holds none of the replies. The replies' text is kept after
 * the post. */
static void decide_by_signed_replies(wn_doc *doc, uint32_t top, uint32_t kept)
{
    if (wn_rule_set_has(&doc->rules_off, WN_RULE_THREAD_SIGNED))
        return;
    if (kept == 0 || kept > THREAD_SIGNED_MAX_KEPT)
        return;
    uint32_t start = first_kept_text(doc);
    if (start == WN_NONE)
        return;
    /* Cheap gate first: post numbers after the post, as many as more than
     * half of MIN_REPLIES replies carry. */
    uint32_t numbers = 0, want = THREAD_SIGNED_MIN_REPLIES * THREAD_SIGNED_SHARE_NUM / THREAD_SIGNED_SHARE_DEN + 1;
    for (uint32_t i = start; i < doc->count && numbers < want; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && post_number(doc, i)) {
            numbers++;
            i = doc->nodes[i].end - 1;
        }
    if (numbers < want)
        return;
    wn_thread th;
    if (wn_thread_find(doc, &th) != WN_OK) {
        wn_thread_free(&th);
        return;
    }
    uint32_t first = WN_NONE, last = WN_NONE;
    for (size_t k = 0; k < th.count; k++)
        if (reply_of_post(doc, &th.comments[k], top) && th.comments[k].node > start) {
            if (first == WN_NONE)
                first = th.comments[k].node;
            last = th.comments[k].node;
        }
    if (first == WN_NONE) {
        wn_thread_free(&th);
        return;
    }
    uint32_t box = start;
    for (;;) {
        uint32_t up = doc->nodes[box].parent;
        if (up == WN_NONE || doc->nodes[up].tag == GUMBO_TAG_BODY || doc->nodes[up].tag == GUMBO_TAG_HTML ||
            doc->nodes[up].end > first)
            break;
        box = up;
    }
    /* The replies' keys, then which of them the post's box carries. */
    sign_keys ks;
    ks.count = 0;
    for (size_t k = 0; k < th.count; k++) {
        const wn_thread_comment *c = &th.comments[k];
        uint32_t idx[16];
        if (c->node >= first && reply_of_post(doc, c, top) && c->author && c->date)
            reply_keys(doc, c, &ks, idx, 16);
    }
    for (uint32_t i = box; i < doc->nodes[box].end && ks.count; i++) {
        if (doc->nodes[i].kind != WN_NODE_ELEMENT)
            continue;
        uint64_t key = sign_key(doc, i);
        for (uint32_t k = 0; key && k < ks.count; k++)
            if (ks.key[k] == key)
                ks.seen[k] = true;
    }
    uint32_t signed_replies = 0, twinned = 0, numbered = 0, number = 0, heads = 0;
    bool rising = true;
    /* Numbers are the posts' of the thread's outer level (a reply to a
     * reply may carry none). */
    unsigned depth = UINT32_MAX;
    for (size_t k = 0; k < th.count; k++)
        if (th.comments[k].node >= first && reply_of_post(doc, &th.comments[k], top) &&
            th.comments[k].depth < depth)
            depth = th.comments[k].depth;
    for (size_t k = 0; k < th.count; k++) {
        const wn_thread_comment *c = &th.comments[k];
        if (c->node < first || !reply_of_post(doc, c, top) || !c->author || !c->date)
            continue;
        signed_replies++;
        uint32_t idx[16];
        uint32_t n = reply_keys(doc, c, &ks, idx, 16);
        for (uint32_t j = 0; j < n; j++)
            if (ks.seen[idx[j]]) {
                twinned++;
                break;
            }
        if (c->depth != depth)
            continue;
        heads++;
        uint32_t no = reply_number(doc, c);
        if (no) {
            rising &= no > number;
            number = no;
            numbered++;
        }
    }
    if (signed_replies < THREAD_SIGNED_MIN_REPLIES ||
        twinned * THREAD_SIGNED_SHARE_DEN <= signed_replies * THREAD_SIGNED_SHARE_NUM ||
        !rising || numbered * THREAD_SIGNED_SHARE_DEN <= heads * THREAD_SIGNED_SHARE_NUM) {
        wn_thread_free(&th);
        return;
    }
    /* The replies' text elements, in document order. */
    uint32_t *boxes = NULL;
    size_t nboxes = 0, cap = 0;
    uint32_t posts = 1;
    for (size_t k = 0; k < th.count; k++) {
        const wn_thread_comment *c = &th.comments[k];
        if (c->node < first || !reply_of_post(doc, c, top))
            continue;
        posts++;
        for (uint32_t x = c->text_from; x < c->text_to; x = doc->nodes[x].end) {
            if (doc->nodes[x].kind != WN_NODE_ELEMENT || !doc->nodes[x].all.chars)
                continue;
            if (!wn_array_grow((void **)&boxes, &cap, nboxes, sizeof *boxes)) {
                free(boxes);
                wn_thread_free(&th);
                return;
            }
            boxes[nboxes++] = x;
        }
    }
    /* Replies of the run the finder passed over (a line too short to read
     * as a comment's text): siblings of the first reply of its shape, their
     * text at its text's place. */
    const wn_thread_comment *model = NULL;
    for (size_t k = 0; k < th.count && !model; k++)
        if (th.comments[k].node >= first && reply_of_post(doc, &th.comments[k], top) &&
            th.comments[k].text_from > th.comments[k].node)
            model = &th.comments[k];
    if (model && !complete_run(doc, model, &boxes, &nboxes, &cap, &posts)) {
        free(boxes);
        wn_thread_free(&th);
        return;
    }
    wn_thread_free(&th);
    keep_reply_texts(doc, boxes, nboxes, WN_RULE_THREAD_SIGNED);
    free(boxes);
    /* The replies' run: each reply's post is read in the child of it that
     * holds it. */
    uint32_t unit = first != last ? common_ancestor(doc, first, last) : WN_NONE;
    doc->page_kind = WN_DOC_DISCUSSION;
    doc->kind_why = WN_KIND_SIGNED_REPLIES;
    doc->kind_posts = posts;
    doc->kind_unit = unit != WN_NONE && doc->nodes[unit].tag != GUMBO_TAG_HTML ? unit : WN_NONE;
}

static bool replied_with_times(wn_doc *doc, uint32_t top, uint32_t kept);

/* Rule thread-replies: a short post followed by a nested thread of signed
 * replies, each dated in a <time>, is a discussion whose body is the post
 * and its replies (a page whose replies share no header with its post, so
 * that the rules above found no run of posts). A long article with reader
 * comments keeps its comments out: its kept text is over MAX_KEPT. */
/* Rule thread-twins, after the pruning: a post of the discussion that lies
 * inside the kept region (so not selected on its own) and went with a
 * clutter-named box around it ("More answers" named as related) is kept
 * again, carved out of that box. */
static void restore_twins(wn_doc *doc)
{
    uint32_t *boxes = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *x = &doc->nodes[i];
        if (x->kind != WN_NODE_ELEMENT || x->rule != WN_RULE_THREAD_TWINS ||
            (x->flags & (WN_NODE_SELECTED | WN_NODE_PRUNED)) || dropped_above(doc, i) == WN_NONE)
            continue;
        if (!wn_array_grow((void **)&boxes, &cap, n, sizeof *boxes)) {
            free(boxes);
            return;
        }
        boxes[n++] = i;
        i = x->end - 1;
    }
    if (n)
        keep_reply_texts(doc, boxes, n, WN_RULE_THREAD_TWINS);
    free(boxes);
}

void wn_kind_replies(wn_doc *doc, uint32_t top)
{
    if (doc->page_kind == WN_DOC_DISCUSSION && doc->kind_why == WN_KIND_TWINS &&
        !wn_rule_set_has(&doc->rules_off, WN_RULE_THREAD_TWINS))
        restore_twins(doc);
    if (doc->page_kind != WN_DOC_ARTICLE || top == WN_NONE)
        return;
    /* Cheap gates first: enough <time> elements after the top, a short
     * kept body; only then is the thread looked for. */
    uint32_t kept = kept_chars(doc);
    if (!replied_with_times(doc, top, kept))
        decide_by_signed_replies(doc, top, kept);
}

/* Rule thread-replies, once its cheap gates hold; false when it does not
 * make the page a discussion. */
static bool replied_with_times(wn_doc *doc, uint32_t top, uint32_t kept)
{
    uint32_t times = 0;
    for (uint32_t i = doc->nodes[top].end; i < doc->count && times < THREAD_REPLIES_MIN_DATED; i++)
        times += doc->nodes[i].kind == WN_NODE_ELEMENT && doc->nodes[i].tag == GUMBO_TAG_TIME;
    if (times < THREAD_REPLIES_MIN_DATED)
        return false;
    if (kept == 0 || kept > THREAD_REPLIES_MAX_KEPT || wn_rule_set_has(&doc->rules_off, WN_RULE_THREAD_REPLIES))
        return false;
    wn_thread th;
    if (wn_thread_find(doc, &th) != WN_OK) {
        wn_thread_free(&th);
        return false;
    }
    uint32_t dated = 0, replies = 0;
    for (size_t k = 0; k < th.count; k++) {
        const wn_thread_comment *c = &th.comments[k];
        if (c->node < doc->nodes[top].end)
            continue;
        dated += c->author && c->date && holds_time(doc, c->node, c->end);
        replies += c->depth > 1;
    }
    if (dated < THREAD_REPLIES_MIN_DATED || replies < THREAD_REPLIES_MIN_NESTED) {
        wn_thread_free(&th);
        return false;
    }
    uint32_t posts = 1;
    for (size_t k = 0; k < th.count; k++) {
        const wn_thread_comment *c = &th.comments[k];
        if (c->node < doc->nodes[top].end || c->depth != 1 || !c->date)
            continue;
        for (uint32_t i = c->node; i < c->end; i = doc->nodes[i].end) {
            wn_node *n = &doc->nodes[i];
            for (uint32_t j = i + 1; j < n->end; j++)
                doc->nodes[j].flags &= (uint16_t)~(WN_NODE_SELECTED | WN_NODE_PRUNED);
            n->flags = (uint16_t)((n->flags | WN_NODE_SELECTED) & ~WN_NODE_PRUNED);
            n->label = WN_LABEL_BODY;
            n->rule = WN_RULE_THREAD_REPLIES;
        }
        posts++;
    }
    wn_thread_free(&th);
    doc->page_kind = WN_DOC_DISCUSSION;
    doc->kind_why = WN_KIND_REPLIES;
    doc->kind_posts = posts;
    doc->kind_unit = WN_NONE;
    return true;
}
