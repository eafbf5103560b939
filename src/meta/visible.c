/* Bylines and dates in the visible text of the article and its header:
 * labelled and bare lines of short blocks, and elements whose class names
 * an author or a date. */
#include "meta/meta_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lexicon/date.h"
#include "score/score.h"

static bool copyright_line(const char *s)
{
    return strstr(s, "\xC2\xA9") || find_ci(s, "copyright") || strstr(s, "\xE7\x89\x88\xE6\x9D\x83") ||
           find_ci(s, "all rights reserved");
}

/* Labels before a date (published / updated). */
static const char *const date_labels[] = {
    "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4", /* 发布时间 */
    "\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xA5\xE6\x9C\x9F", /* 发布日期 */
    "\xE5\x8F\x91\xE8\xA1\xA8\xE4\xBA\x8E",             /* 发表于 */
    "\xE5\x8F\x91\xE5\xB8\x83\xE4\xBA\x8E",             /* 发布于 */
    "\xE6\x97\xB6\xE9\x97\xB4",                         /* 时间 */
    "\xE6\x97\xA5\xE6\x9C\x9F",                         /* 日期 */
    "published", "posted", "updated", "last updated", NULL};

/* A labelled date without its year, "10-08 12:00", "10-0812:00" (the day
 * run into the time) or "18-03-08 23:16": the year from a full date the page
 * declares in its <meta> for the same month and day (and two-digit year),
 * else from the two-digit year. ISO 8601 into out (at least 32 bytes). */
static size_t yearless_date(const wn_doc *doc, const char *s, size_t len, char *out)
{
    int yy, mo, d, h, mi;
    if (!wn_date_yearless(s, len, &yy, &mo, &d, &h, &mi))
        return 0;
    int year = 0;
    char iso[40];
    for (unsigned t = 0; t < doc->tag_count && !year; t++) {
        const wn_doc_tag *tag = &doc->tags[t];
        int y2, m2, d2;
        if (tag->kind != WN_TAG_META || !tag->value ||
            !wn_date_parse(tag->value, strlen(tag->value), false, iso) ||
            sscanf(iso, "%4d-%2d-%2d", &y2, &m2, &d2) != 3)
            continue;
        if (m2 == mo && d2 == d && (yy < 0 || y2 % 100 == yy))
            year = y2;
    }
    if (!year && yy >= 0)
        year = 2000 + yy;
    if (!year)
        return 0;
    return (size_t)snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:00", year, mo, d, h, mi);
}

static void visible_line(const wn_doc *doc, const wn_meta_region *r, uint32_t i, const char *s,
                         size_t len, wn_meta *m)
{
    if (copyright_line(s))
        return;
    wn_meta_credit_line(s, len, m);
    char date[40];
    /* byline and source anywhere in the line: "来源：新华社 作者：张三 2024-03-05" */
    for (size_t k = 0; k < len; k++) {
        size_t used, at;
        if (k == 0) {
            /* "By Jane Doe", and the same in the corpus's other languages */
            static const char *const by[] = {
                "By ", "by ", "Words by ", "Posted by ", "Written by: ", "Written by ", "Post author: ",
                "Von ", "Door ", "Por ", "\xC4\x90\xC4\x83ng b\xE1\xBB\x9Fi ", /* Đăng bởi */
                NULL};
            for (unsigned b = 0; by[b]; b++) {
                if (strncmp(s, by[b], strlen(by[b])) != 0 || !wn_meta_has_prefix(s, len, by[b], &used) ||
                    len - used < 2 ||
                    !((s[used] >= 'A' && s[used] <= 'Z') || (unsigned char)s[used] >= 0x80))
                    continue;
                size_t n = wn_meta_name_length(s + used, len - used, true);
                if (n)
                    wn_meta_offer_author(m, s + used, n, WN_RANK_VISIBLE);
                break;
            }
        }
        bool author = wn_meta_has_prefix(s + k, len - k, "\xE4\xBD\x9C\xE8\x80\x85", &used); /* 作者 */
        bool source = !author && /* 来源 */
                      wn_meta_has_prefix(s + k, len - k, "\xE6\x9D\xA5\xE6\xBA\x90", &used);
        if (!author && !source)
            continue;
        at = wn_meta_skip_colon(s + k + used, len - k - used);
        if (at == SIZE_MAX) {
            /* "《棱镜》作者 周纯": a short line that ends with the name */
            if (author && len <= 60 && k + used < len && s[k + used] == ' ')
                wn_meta_offer_names(m, s + k + used + 1, len - k - used - 1, true, 1);
            /* a bar of '|'-separated fields, "...| 来源CSDN| 作者魏星": the
             * field after the label is the name */
            if (author && memchr(s, '|', len)) {
                size_t b = k + used, e = b;
                while (e < len && s[e] != '|')
                    e++;
                while (e > b && s[e - 1] == ' ')
                    e--;
                size_t h = wn_meta_han_run(s + b, e - b);
                bool field = k == 0 || s[k - 1] == '|' || s[k - 1] == ' ';
                if (field && h == e - b && h >= 6 && h <= 12)
                    wn_meta_offer_author(m, s + b, h, WN_RANK_VISIBLE);
            }
            continue;
        }
        const char *name = s + k + used + at;
        size_t n = wn_meta_name_length(name, len - (size_t)(name - s), false);
        if (!n)
            continue;
        /* 未知 (unknown), 本站原创 / 本站 (this site), 网络 / 互联网 (the web), admin */
        static const char *const nobody[] = {"\xE6\x9C\xAA\xE7\x9F\xA5",
                                             "\xE6\x9C\xAC\xE7\xAB\x99",
                                             "\xE7\xBD\x91\xE7\xBB\x9C",
                                             "\xE4\xBA\x92\xE8\x81\x94\xE7\xBD\x91", "admin",
                                             NULL};
        bool placeholder = false;
        for (unsigned k = 0; nobody[k] && !placeholder; k++)
            placeholder = n >= strlen(nobody[k]) && memcmp(name, nobody[k], strlen(nobody[k])) == 0;
        if (placeholder)
            continue;
        if (author && wn_meta_offer_names(m, name, len - (size_t)(name - s), false, 2))
            continue; /* "作者：余毅菁 向雪妮" */
        if (author)
            wn_meta_offer_author(m, name, n, WN_RANK_VISIBLE);
        else
            wn_meta_offer(m, WN_META_SITE, name, n, WN_RANK_VISIBLE);
    }
    /* A labelled date anywhere; a bare one only in a short line of the
     * header area or of the title. */
    for (unsigned l = 0; date_labels[l]; l++) {
        const char *hit = find_ci(s, date_labels[l]);
        if (!hit)
            continue;
        size_t off = (size_t)(hit - s) + strlen(date_labels[l]);
        size_t n = wn_date_parse(s + off, len - off, true, date);
        if (!n) {
            size_t at = wn_meta_skip_colon(s + off, len - off);
            if (at != SIZE_MAX)
                n = yearless_date(doc, s + off + at, len - off - at, date);
        }
        if (n && n < 32) {
            bool updated = find_ci(date_labels[l], "updated") != NULL;
            wn_meta_offer(m, updated ? WN_META_MODIFIED : WN_META_DATE, date, n,
                          WN_RANK_VISIBLE);
            return;
        }
    }
    /* a short line, or one that starts with the date ("2024-11-05 07:12 来源：...") */
    bool starts = wn_date_parse(s, len, false, date) > 0;
    if (i < r->first_para || doc->nodes[i].label == WN_LABEL_TITLE) {
        size_t n = wn_date_parse(s, len, true, date);
        /* a longer header line: a date with its time ("Headline 2019-09-05 11:10 Site") */
        bool timed = n && memchr(date, 'T', n);
        if (n && (len <= 80 || starts || (len <= 200 && timed)))
            wn_meta_offer(m, WN_META_DATE, date, n, timed ? WN_RANK_VISIBLE : WN_RANK_VISIBLE_BARE);
    }
}

/* Blocks read for a byline or date: at most this many, each its first
 * VISIBLE_BYTES bytes. */
#define VISIBLE_BLOCKS 400
#define VISIBLE_BYTES 400

void wn_meta_read_visible(const wn_doc *doc, const wn_meta_region *r, wn_meta *m)
{
    unsigned seen = 0;
    char buf[VISIBLE_BYTES];
    for (uint32_t i = doc->body; i < doc->count && seen < VISIBLE_BLOCKS; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !wn_node_elem(doc, n)->own.chars)
            continue;
        if (n->all.chars > 300) {
            /* the article's first paragraph: its dateline's reporter */
            if (i == r->first_para && m->author_rank > WN_RANK_VISIBLE) {
                size_t len = wn_leading_text(doc, i, buf, sizeof buf);
                if (len)
                    wn_meta_credit_line(buf, len, m);
            }
            continue;
        }
        if (!wn_meta_eligible(doc, r, i))
            continue;
        seen++;
        size_t len = wn_leading_text(doc, i, buf, sizeof buf);
        if (len)
            visible_line(doc, r, i, buf, len, m);
        if (m->rank[WN_META_DATE] <= WN_RANK_VISIBLE && m->author_rank <= WN_RANK_VISIBLE &&
            m->rank[WN_META_SITE] <= WN_RANK_VISIBLE)
            break;
        i = n->end - 1; /* its subtree was read with it */
    }
}

/* strstr() with the type of find_ci(). */
static const char *strstr_const(const char *hay, const char *needle)
{
    return strstr(hay, needle);
}

/* An element of the article's header named as its author ("post-author",
 * "author vcard", "byline"): its text, without a "By" before it. At most
 * WN_META_CLASS_NODES elements are looked at. */
static bool author_class(const char *cls)
{
    if (!cls)
        return false;
    /* The words are sought in the class lower-cased once (find_ci() folds
     * the class again for each word); a longer class is read by find_ci(). */
    char lower[256];
    size_t n = 0;
    for (; cls[n] && n < sizeof lower - 1; n++)
        lower[n] = (char)(cls[n] >= 'A' && cls[n] <= 'Z' ? cls[n] + 32 : cls[n]);
    lower[n] = '\0';
    const char *(*find)(const char *, const char *) = cls[n] ? find_ci : strstr_const;
    const char *hay = cls[n] ? cls : lower;
    if (!(find(hay, "author") || find(hay, "byline") || find(hay, "username") || find(hay, "nickname")))
        return false;
    static const char *const not_author[] = {"comment", "avatar", "box", "bio", "about", "label",
                                             "more", "list", "title", "img", "photo", "authoriz",
                                             NULL};
    for (unsigned k = 0; not_author[k]; k++)
        if (find(hay, not_author[k]))
            return false;
    return true;
}

void wn_meta_read_author_classes(const wn_doc *doc, const wn_meta_region *r, wn_meta *m)
{
    char buf[160];
    unsigned seen = 0;
    for (uint32_t i = doc->body; i < doc->count && seen < WN_META_CLASS_NODES &&
                                 m->author_rank > WN_RANK_VISIBLE; i++, seen++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !author_class(wn_node_class(n)) || n->all.chars > 80 ||
            !wn_meta_eligible(doc, r, i))
            continue;
        size_t len = wn_meta_short_text(doc, i, buf, sizeof buf);
        if (memchr(buf, '>', len) || strstr(buf, "\xC2\xBB") || strstr(buf, "\xE2\x80\xBA"))
            continue; /* a breadcrumb (> » ›), not a byline */
        const char *t = buf;
        static const char *const prefixes[] = {"By ", "by ", "Post author: ", "Posted by ",
                                               "\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A", /* 作者： */
                                               NULL};
        for (unsigned k = 0; prefixes[k]; k++) {
            size_t pl = strlen(prefixes[k]);
            if (len > pl && memcmp(t, prefixes[k], pl) == 0) {
                t += pl;
                len -= pl;
                break;
            }
        }
        /* "Post author:Ros Penhallow": the name after a colon */
        const char *colon = memchr(t, ':', len < 24 ? len : 24);
        if (colon) {
            len -= (size_t)(colon + 1 - t);
            t = colon + 1;
            while (len && *t == ' ') {
                t++;
                len--;
            }
        }
        /* "财经通记者 何家乐", "记者 刘思远 通讯员 周敏": the name after 记者 */
        const char *reporter = find_ci(t, "\xE8\xAE\xB0\xE8\x80\x85"); /* 记者 */
        if (!reporter)
            reporter = find_ci(t, "\xE8\xA8\x98\xE8\x80\x85"); /* 記者 */
        if (reporter && (size_t)(reporter - t) < len) {
            len -= (size_t)(reporter - t) + 6;
            t = reporter + 6;
            while (len && (*t == ' ' || *t == ':')) {
                t++;
                len--;
            }
        }
        len = wn_meta_name_length(t, len, len && (unsigned char)*t < 0x80);
        bool plain = len >= 2 && len <= 60;
        for (size_t k = 0; k < len && plain; k++)
            plain = !(t[k] >= '0' && t[k] <= '9') && t[k] != ':' && t[k] != '|';
        /* an account's nickname: the author only when nothing names one */
        if (plain && find_ci(wn_node_class(n), "nickname") && !find_ci(wn_node_class(n), "author")) {
            if (!m->account)
                m->account = wn_meta_clean(m->arena, t, len, 128);
        } else if (plain) {
            wn_meta_offer_author(m, t, len, WN_RANK_VISIBLE);
        }
    }
    if (m->account && m->author_rank > WN_RANK_VISIBLE)
        wn_meta_offer_author(m, m->account, strlen(m->account), WN_RANK_VISIBLE);
}

/* An element of the article's header named as its date ("post-date",
 * "a_time", "publish-time"), not an update: its text when it is a date. */
static bool date_class(const char *cls)
{
    return cls && (find_ci(cls, "date") || find_ci(cls, "time")) && !find_ci(cls, "update") &&
           !find_ci(cls, "modif") && !find_ci(cls, "comment");
}

void wn_meta_read_date_classes(const wn_doc *doc, const wn_meta_region *r, wn_meta *m)
{
    char buf[128], date[40];
    unsigned seen = 0;
    for (uint32_t i = doc->body; i < doc->count && seen < WN_META_CLASS_NODES &&
                                 m->rank[WN_META_DATE] > WN_RANK_VISIBLE; i++, seen++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !date_class(wn_node_class(n)) || !n->all.chars ||
            n->all.chars > 60)
            continue;
        /* between the headline and the first paragraph, a date in an entry's
         * "footer" or "share" bar is the entry's own */
        bool header = i < r->first_para && r->first_para < doc->count &&
                      !wn_meta_in_clutter(doc, i,
                                          WN_META_CLUTTER_HINTS & ~(WN_HINT_FOOTER | WN_HINT_SHARE));
        if (!header && !wn_meta_eligible(doc, r, i))
            continue;
        size_t len = wn_meta_short_text(doc, i, buf, sizeof buf);
        size_t dl = wn_date_parse(buf, len, true, date);
        if (dl && !copyright_line(buf))
            wn_meta_offer(m, WN_META_DATE, date, dl, WN_RANK_VISIBLE);
    }
}

