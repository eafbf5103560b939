/* The signatures of a discussion's posts (threads.h): each kept root of the
 * body is a post; its author and date are read from the element of the run
 * of posts that holds it, with the comment finder's pieces and signature
 * rules (threads_internal.h). */
#include "score/threads_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/date.h"
#include "score/kind.h"
#include "score/params.h"

/* The element of the run of posts (a child of the run's parent) that holds
 * node, else node itself. When that element holds other posts too (answers
 * grouped in one box apart from the question), the largest element around
 * node that holds no other post: prev and next are the posts before and
 * after it (WN_NONE at the ends). */
static uint32_t post_unit(const wn_doc *doc, uint32_t node, uint32_t prev, uint32_t next)
{
    uint32_t unit = doc->kind_unit;
    if (unit == WN_NONE || node <= unit || node >= doc->nodes[unit].end)
        return node;
    uint32_t a = node;
    while (doc->nodes[a].parent != WN_NONE && doc->nodes[a].parent != unit) {
        uint32_t p = doc->nodes[a].parent;
        if ((prev != WN_NONE && prev >= p) || (next != WN_NONE && next < doc->nodes[p].end))
            return a;
        a = p;
    }
    return doc->nodes[a].parent == unit ? a : node;
}

/* Whether node lies in a comment list inside the post's unit (the
 * comments under an answer are not the answer's signature). */
static bool in_comments(const wn_doc *doc, uint32_t node, uint32_t unit)
{
    for (uint32_t a = doc->nodes[node].parent; a != WN_NONE && a > unit; a = doc->nodes[a].parent)
        if (doc->nodes[a].hints & WN_HINT_COMMENTS)
            return true;
    return false;
}

/* The first <time datetime> of the unit outside its comments, or WN_NONE;
 * *value gets its datetime. */
static uint32_t unit_time(const wn_doc *doc, uint32_t unit, const char **value)
{
    uint32_t end = doc->nodes[unit].end;
    for (unsigned t = 0; t < doc->tag_count; t++) {
        const wn_doc_tag *tag = &doc->tags[t];
        if (tag->kind != WN_TAG_TIME || tag->node == WN_NONE || tag->node < unit ||
            !tag->value)
            continue;
        if (tag->node >= end)
            break;
        if (in_comments(doc, tag->node, unit))
            continue;
        *value = tag->value;
        return tag->node;
    }
    return WN_NONE;
}

/* A 12-hour clock: "1:47 pm" read as 01:47 is 13:47 ("12:05 am" 00:05).
 * iso holds wn_date_parse()'s reading of raw. */
static void meridiem(const char *raw, size_t len, char *iso)
{
    if (strlen(iso) < 16 || iso[10] != 'T')
        return;
    for (size_t i = 0; i + 3 < len; i++) {
        if (raw[i] != ':' || i == 0 || raw[i - 1] < '0' || raw[i - 1] > '9')
            continue;
        size_t k = i + 1;
        while (k < len && raw[k] >= '0' && raw[k] <= '9')
            k++;
        while (k < len && raw[k] == ' ')
            k++;
        if (k + 1 >= len || (k + 2 < len && ((raw[k + 2] | 0x20) >= 'a' && (raw[k + 2] | 0x20) <= 'z')))
            return;
        char m = (char)(raw[k] | 0x20), n = (char)(raw[k + 1] | 0x20);
        if ((m != 'a' && m != 'p') || n != 'm')
            return;
        int hour = (iso[11] - '0') * 10 + (iso[12] - '0');
        if (m == 'p' && hour >= 1 && hour <= 11)
            hour += 12;
        else if (m == 'a' && hour == 12)
            hour = 0;
        iso[11] = (char)('0' + hour / 10);
        iso[12] = (char)('0' + hour % 10);
        return;
    }
}

static bool has_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return true;
    return false;
}

static size_t words_in(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

/* A letter, '_' or a byte of a character past ASCII ("风1987"). */
static bool word_byte(char c)
{
    return isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

/* A run of digits with no letter or '_' joined to it ("2 posts",
 * "(11783)"); "user1990", "1004reg" and "风1987" are names. */
static bool has_count(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9')
            j++;
        bool joined = (i > 0 && word_byte(s[i - 1])) || (j < len && word_byte(s[j]));
        if (!joined)
            return true;
        i = j;
    }
    return false;
}

static bool has_text(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return true;
    return false;
}

/* No author found: a short name in a link in the element that holds the
 * post's date ("respondida em <time>…</time> <a>Caio R.</a>"). */
static bool author_beside(thread *th, const own_list *own, uint32_t time, sign_text *sig)
{
    const wn_node *nodes = th->doc->nodes;
    uint32_t box = time;
    while (box != WN_NONE && !(nodes[box].flags & WN_NODE_BLOCK))
        box = nodes[box].parent;
    if (box == WN_NONE)
        return false;
    for (size_t i = 0; i < own->count; i++) {
        const piece *p = &th->pieces[own->list[i].index];
        if (p->node < box || p->node >= nodes[box].end || !p->link)
            continue;
        const char *t = th_piece_text(th, p);
        if (th_has_word(t, p->len) && th_name_like(t, p->len) &&
            th_shape_of_text(t, p->len, NULL, NULL) == PART_OTHER) {
            sig->author = t;
            sig->author_len = p->len;
            return true;
        }
    }
    return false;
}

wn_status wn_thread_find_posts(const wn_doc *doc, wn_thread_posts *out)
{
    memset(out, 0, sizeof *out);
    wn_buf_init(&out->text);
    if (doc->page_kind != WN_DOC_DISCUSSION || !doc->count)
        return WN_OK;
    /* The posts and the span of the page their units cover. */
    uint32_t lo = UINT32_MAX, hi = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (!(n->flags & WN_NODE_SELECTED))
            continue;
        /* The thread's title is no post. */
        if (!(n->flags & WN_NODE_PRUNED) && n->rule != WN_RULE_THREAD_TITLE) {
            if (!wn_array_grow((void **)&out->list, &out->cap, out->count, sizeof *out->list))
                return WN_ERR_NOMEM;
            wn_thread_post *p = &out->list[out->count++];
            memset(p, 0, sizeof *p);
            p->node = i;
        }
        i = n->end - 1;
    }
    if (!out->count)
        return WN_OK;
    for (size_t k = 0; k < out->count; k++) {
        uint32_t unit = post_unit(doc, out->list[k].node, k ? out->list[k - 1].node : WN_NONE,
                                  k + 1 < out->count ? out->list[k + 1].node : WN_NONE);
        if (unit < lo)
            lo = unit;
        if (doc->nodes[unit].end > hi)
            hi = doc->nodes[unit].end;
    }
    thread th;
    memset(&th, 0, sizeof th);
    th.doc = doc;
    wn_buf_init(&th.text);
    own_list own = {NULL, 0, 0};
    wn_status status = WN_OK;
    th.direct = calloc(doc->count, 1);
    th.ckind = malloc(doc->count);
    if (!th.direct || !th.ckind) {
        status = WN_ERR_NOMEM;
        goto done;
    }
    memset(th.ckind, CK_UNSET, doc->count);
    th_build_pieces(&th, 0, lo, hi);
    for (size_t k = 0; k < out->count && !th.failed; k++) {
        wn_thread_post *p = &out->list[k];
        uint32_t unit = post_unit(doc, p->node, k ? out->list[k - 1].node : WN_NONE,
                                  k + 1 < out->count ? out->list[k + 1].node : WN_NONE);
        citem self = {unit, doc->nodes[unit].end, WN_NONE, false};
        if (!th_own_pieces(&th, &self, NULL, 0, &own))
            break;
        size_t author, date;
        th_signature_pieces(&th, &own, false, &author, &date);
        sign_text sig;
        th_signature_text(&th, &own, author, date, &sig);
        /* The page's own stamp, <time datetime>, is the date when it reads. */
        const char *stamp = NULL;
        uint32_t time = unit_time(doc, unit, &stamp);
        if (time != WN_NONE && !sig.author)
            author_beside(&th, &own, time, &sig);
        p->author = sig.author;
        p->author_len = (uint32_t)sig.author_len;
        p->date = sig.date;
        p->date_len = (uint32_t)sig.date_len;
        /* A labelled field ("Joined: Apr 2002", "Posts：12") is the poster's
         * profile, a number standing apart ("1860 posts", "看过(11783)") a
         * counter, a sentence (a template's "Select the article's author in
         * ...") a text: none is a name. */
        if (p->author && (memchr(p->author, ':', p->author_len) ||
                          has_text(p->author, p->author_len, "\xEF\xBC\x9A") ||
                          has_count(p->author, p->author_len) ||
                          words_in(p->author, p->author_len) > POST_AUTHOR_MAX_WORDS))
            p->author = NULL, p->author_len = 0;
        if (stamp && wn_date_parse(stamp, strlen(stamp), false, p->iso))
            continue;
        if (sig.date && wn_date_parse(sig.date, sig.date_len, true, p->iso)) {
            meridiem(sig.date, sig.date_len, p->iso);
        } else {
            p->iso[0] = '\0';
            /* A date that does not read keeps its words only with a digit
             * in them: a poster's place ("浙江省杭州市") is no date. */
            if (p->date && !has_digit(p->date, p->date_len))
                p->date = NULL, p->date_len = 0;
        }
    }
done:
    if (th.failed)
        status = WN_ERR_NOMEM;
    free(own.list);
    th_release(&th);
    /* The signatures point into the pieces' text: the result keeps it. */
    out->text = th.text;
    return status;
}

void wn_thread_posts_free(wn_thread_posts *posts)
{
    if (!posts)
        return;
    free(posts->list);
    wn_buf_free(&posts->text);
    memset(posts, 0, sizeof *posts);
}
