/* The title (the <title> less the site's name, the headline the page
 * shows, og:title cut of its suffix) and the names the page gives its site
 * or source, which are not authors (wn_meta.not_authors). */
#include "meta/meta_internal.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "score/score.h"

/* ---- the title ---- */

/* "Headline | Site", "Headline - Site", "Headline_Site": the headline, when
 * the part cut off is shorter than it. */
static size_t strip_site_suffix(const char *t, size_t len)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "_",
                                       " :: ", " \xC2\xB7 ", " | ", "|", NULL};
    size_t best = len;
    for (unsigned k = 0; seps[k]; k++) {
        size_t sl = strlen(seps[k]);
        for (size_t i = len; i-- > 0;) {
            if (i + sl <= len && memcmp(t + i, seps[k], sl) == 0) {
                if (i > 0 && len - i - sl < i && len - i - sl > 0 && i < best)
                    best = i;
                break;
            }
        }
        if (best < len)
            break;
    }
    return best;
}

/* The headline as the page shows it: the longest short block of the
 * article's header (before its first paragraph) whose text the <title>
 * holds and that makes at least half of it ("Headline-Site", "Section--
 * Headline", "Headline Column_Site" all hold it). Taken when no source
 * before the <title> gave a title, or when the declared one is the start
 * of it cut at a '"' (an og:title whose quotes end the attribute). */
#define HEADLINE_BLOCKS 300

static void offer_headline(const wn_doc *doc, const wn_meta_region *r, wn_meta *m)
{
    if (!doc->title)
        return;
    size_t tl = strlen(doc->title);
    char buf[512], best[512];
    size_t best_len = 0;
    unsigned seen = 0;
    for (uint32_t i = doc->body; i < doc->count && i <= r->first_para && seen < HEADLINE_BLOCKS; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !wn_node_elem(doc, n)->own.chars ||
            n->all.chars > 200)
            continue;
        seen++;
        if (!wn_meta_eligible(doc, r, i))
            continue;
        size_t len = wn_leading_text(doc, i, buf, sizeof buf);
        if (len < 6 || 2 * len < tl || len <= best_len || !strstr(doc->title, buf))
            continue;
        memcpy(best, buf, len + 1); /* with its '\0' */
        best_len = len;
    }
    if (!best_len)
        return;
    const char *t = m->pub.field[WN_META_TITLE];
    size_t have = t ? strlen(t) : 0;
    if (m->rank[WN_META_TITLE] >= WN_RANK_TITLE_TAG) {
        wn_meta_offer(m, WN_META_TITLE, best, best_len, WN_RANK_VISIBLE);
    } else if (have && have < best_len && memcmp(best, t, have) == 0 && best[have] == '"') {
        int rank = m->rank[WN_META_TITLE];
        m->rank[WN_META_TITLE] = WN_RANK_NONE;
        wn_meta_offer(m, WN_META_TITLE, best, best_len, rank);
    }
}

void wn_meta_read_title(const wn_doc *doc, const wn_meta_region *r, wn_meta *m)
{
    offer_headline(doc, r, m);
    /* og:title may carry the site suffix too: cut when the site is named. */
    const char *t = m->pub.field[WN_META_TITLE];
    const char *site = m->pub.field[WN_META_SITE];
    if (t && *t && site && *site) {
        size_t tl = strlen(t), sl = strlen(site);
        size_t cut = strip_site_suffix(t, tl);
        if (cut < tl && strstr(t + cut, site) && sl < tl) {
            int rank = m->rank[WN_META_TITLE];
            m->rank[WN_META_TITLE] = WN_RANK_NONE;
            wn_meta_offer(m, WN_META_TITLE, t, cut, rank);
        }
    }
    if (doc->title) {
        const char *title = doc->title;
        size_t len = strlen(title);
        /* "... - Powered by Discuz!": the software's credit is no part of it */
        const char *credit = find_ci(title, "Powered by");
        if (credit && credit > title) {
            len = (size_t)(credit - title);
            while (len && (title[len - 1] == ' ' || title[len - 1] == '-' || title[len - 1] == '|' ||
                           title[len - 1] == '_'))
                len--;
        }
        size_t last = strip_site_suffix(title, len), cut = last;
        /* More parts before the site: "Post_Category_Site", "帖子 - 版块 - 论坛";
         * a part with Latin letters after " - " may be the headline's own. */
        for (unsigned rounds = 0; cut < len && rounds < 4; rounds++) {
            size_t before = strip_site_suffix(title, cut);
            if (before >= cut)
                break;
            bool latin = false;
            for (size_t k = before; k < cut && !latin; k++)
                latin = ((title[k] | 0x20) >= 'a' && (title[k] | 0x20) <= 'z');
            if (latin && title[before] != '_')
                break;
            cut = before;
        }
        wn_meta_offer(m, WN_META_TITLE, title, cut, WN_RANK_TITLE_TAG);
        /* The last part names the site. */
        if (last < len) {
            const char *site = title + last;
            size_t sl = len - last;
            /* past the separator: spaces, |-_:: and the dashes and dot (E2 80 9x, C2 B7) */
            while (sl && (*site == ' ' || *site == '|' || *site == '-' || *site == '_' ||
                          *site == ':' || (unsigned char)*site == 0xE2 ||
                          (unsigned char)*site == 0xC2 || (unsigned char)*site == 0x80 ||
                          (unsigned char)*site == 0x93 || (unsigned char)*site == 0x94 ||
                          (unsigned char)*site == 0xB7)) {
                site++;
                sl--;
            }
            wn_meta_offer(m, WN_META_SITE, site, sl, WN_RANK_TITLE_TAG);
        }
    }
}

static void add_not_author(wn_meta *m, const char *s, size_t len)
{
    if (m->not_author_count >= WN_META_NOT_AUTHORS_MAX)
        return;
    const char *v = wn_meta_clean(m->arena, s, len, 128);
    if (v)
        m->not_authors[m->not_author_count++] = v;
}

/* With no declared headline, the article's <h1> (the page's title as
 * wn_score_title() decided it from an <h1>) comes before the <title>; not
 * when it is the site's name (a blog's). */
void wn_meta_offer_h1(wn_meta *m, const char *h1)
{
    if (h1 && *h1 && m->rank[WN_META_TITLE] >= WN_RANK_TITLE_TAG &&
        strcmp(h1, m->pub.field[WN_META_SITE]) != 0) {
        m->pub.field[WN_META_TITLE] = h1;
        m->rank[WN_META_TITLE] = WN_RANK_VISIBLE;
    }
}

/* ---- names that are not authors ---- */

static bool source_class(const char *cls)
{
    return cls && find_ci(cls, "source") && !find_ci(cls, "resource") && !find_ci(cls, "img") &&
           !find_ci(cls, "photo");
}

/* The site's and the source's names (wn_meta.not_authors), before any
 * author is offered: the <title>'s parts after the headline, og:site_name,
 * application-name, and in the article's header a 来源/出处 line or an
 * element named "source" ("<span class=source>参考消息</span>"), whose name is
 * also offered as the site. */
void wn_meta_read_not_authors(const wn_doc *doc, const wn_meta_region *r, wn_meta *m)
{
    if (doc->title) {
        const char *t = doc->title;
        size_t len = strlen(t);
        for (unsigned rounds = 0; rounds < 3; rounds++) {
            size_t cut = strip_site_suffix(t, len);
            if (cut >= len)
                break;
            size_t k = cut;
            while (k < len && (t[k] == ' ' || t[k] == '|' || t[k] == '-' || t[k] == '_' ||
                               t[k] == ':' || (unsigned char)t[k] == 0xE2 ||
                               (unsigned char)t[k] == 0xC2 || (unsigned char)t[k] == 0x80 ||
                               (unsigned char)t[k] == 0x93 || (unsigned char)t[k] == 0x94 ||
                               (unsigned char)t[k] == 0xB7))
                k++;
            if (k < len)
                add_not_author(m, t + k, len - k);
            len = cut;
        }
        /* "Headline-CSDN.NET": a last part after a bare '-', shorter than the rest */
        const char *dash = strrchr(doc->title, '-');
        size_t tl = strlen(doc->title);
        if (dash && dash > doc->title && dash[1] && dash[1] != ' ' && dash[-1] != ' ' &&
            (size_t)(dash - doc->title) > tl - (size_t)(dash - doc->title) - 1)
            add_not_author(m, dash + 1, tl - (size_t)(dash - doc->title) - 1);
    }
    for (unsigned t = 0; t < doc->tag_count; t++) {
        const wn_doc_tag *tag = &doc->tags[t];
        if (tag->kind == WN_TAG_META && tag->value &&
            (strcasecmp(tag->key, "og:site_name") == 0 ||
             strcasecmp(tag->key, "application-name") == 0))
            add_not_author(m, tag->value, strlen(tag->value));
    }
    char buf[160];
    unsigned seen = 0;
    for (uint32_t i = doc->body; i < doc->count && i < r->first_para && seen < WN_META_CLASS_NODES;
         i++, seen++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || n->all.chars > 120 || !n->all.chars)
            continue;
        bool named = source_class(wn_node_class(n)) && n->all.chars <= 40;
        if (!named && !(n->flags & WN_NODE_BLOCK))
            continue;
        if (!wn_meta_eligible(doc, r, i))
            continue;
        size_t len = wn_meta_short_text(doc, i, buf, sizeof buf);
        for (size_t k = 0; k + 6 <= len; k++) {
            size_t used, at;
            if (!wn_meta_has_prefix(buf + k, len - k, "\xE6\x9D\xA5\xE6\xBA\x90", &used) && /* 来源 */
                !wn_meta_has_prefix(buf + k, len - k, "\xE5\x87\xBA\xE5\xA4\x84", &used))   /* 出处 */
                continue;
            at = wn_meta_skip_colon(buf + k + used, len - k - used);
            if (at == SIZE_MAX)
                continue;
            const char *name = buf + k + used + at;
            size_t nl = wn_meta_name_length(name, len - (size_t)(name - buf), false);
            if (nl)
                add_not_author(m, name, nl);
            named = false; /* a labelled line, read as such */
            break;
        }
        if (named && len) {
            size_t nl = wn_meta_name_length(buf, len, (unsigned char)buf[0] < 0x80);
            if (nl) {
                add_not_author(m, buf, nl);
                wn_meta_offer(m, WN_META_SITE, buf, nl, WN_RANK_VISIBLE);
            }
        }
    }
}

