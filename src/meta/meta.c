/* Page metadata from markup and visible text. Source order (winnow.h):
 * JSON-LD > OpenGraph/article:* > other <meta> (Twitter, Dublin Core,
 * citation_*, author, keywords) and <link> > microdata > <time datetime> >
 * visible text > <title>. Every source offers values with its rank; a field
 * keeps the first value of the best rank (wn_meta_offer). Authors and tags
 * are lists: the best-ranked source's list wins whole. */
#include "meta/meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon/date.h"
#include "lexicon/kinds.h"
#include "meta/lang.h"
#include "output/content.h"
#include "output/render.h"
#include "score/score.h"
#include "utf8.h"

/* ---- values ---- */

/* strcasestr without the GNU extension. */
static const char *find_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* A copy with white space collapsed, ends trimmed, cut (at a character) at
 * max bytes; NULL when empty or out of memory. */
static const char *clean_value(wn_arena *arena, const char *s, size_t len, size_t max)
{
    if (len > 4 * max)
        len = 4 * max; /* white space may shrink it; more is never kept */
    char *tmp = wn_xml_clean(arena, s, len);
    if (!tmp)
        return NULL;
    size_t r = 0, w = 0;
    bool space = false;
    for (; tmp[r]; r++) {
        unsigned char c = (unsigned char)tmp[r];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = w > 0;
            continue;
        }
        if (space)
            tmp[w++] = ' ';
        space = false;
        tmp[w++] = (char)c;
    }
    if (w > max) {
        w = max;
        while (w > 0 && ((unsigned char)tmp[w] & 0xC0) == 0x80)
            w--;
    }
    while (w > 0 && tmp[w - 1] == ' ')
        w--;
    tmp[w] = '\0';
    return w ? tmp : NULL;
}

static size_t field_max(wn_meta_field field)
{
    return field == WN_META_DESCRIPTION ? WN_META_DESCRIPTION_MAX : WN_META_VALUE_MAX;
}

static bool not_a_value(const char *s, size_t len);

void wn_meta_offer(wn_meta *m, wn_meta_field field, const char *value, size_t len, int rank)
{
    if (!value || rank >= m->rank[field] || not_a_value(value, len))
        return;
    char date[40];
    if (field == WN_META_DATE || field == WN_META_MODIFIED) {
        len = wn_date_parse(value, len, false, date);
        if (!len)
            return;
        value = date;
    }
    if (field == WN_META_TITLE) {
        /* a heading's permalink mark: "Retention policies¶" */
        while (len && (value[len - 1] == ' ' || value[len - 1] == '#'))
            len--;
        if (len >= 2 && (unsigned char)value[len - 2] == 0xC2 && (unsigned char)value[len - 1] == 0xB6)
            len -= 2;
    }
    const char *v = clean_value(m->arena, value, len, field_max(field));
    if (!v)
        return;
    m->pub.field[field] = v;
    m->rank[field] = rank;
}

static bool looks_like_url(const char *s, size_t len)
{
    return (len >= 7 && strncasecmp(s, "http://", 7) == 0) ||
           (len >= 8 && strncasecmp(s, "https://", 8) == 0) || (len >= 1 && s[0] == '/');
}

/* "{{author.name}}" (a template still waiting for its data), "Discuz! Team"
 * (the forum software's credit). */
static bool not_a_value(const char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if ((s[i] == '{' && (s[i + 1] == '{' || s[i + 1] == '%')) || (s[i] == '$' && s[i + 1] == '{'))
            return true;
    return len >= 7 && find_ci(s, "Discuz!") && (size_t)(find_ci(s, "Discuz!") - s) < len;
}

/* Not a person's name: an e-mail address or a template's "name, email@..."
 * (an '@'), a number (a user id), or, in a <meta> author, the site's or
 * source's own name or the first word of it ("网易" for a site named
 * "网易新闻"): portals put themselves there. A byline on the page that names
 * the site is kept: a one-person site or a self-media account writes under
 * its own name. */
static bool not_a_name(const wn_meta *m, const char *v, int rank)
{
    bool letter = false;
    for (const char *p = v; *p; p++) {
        if (*p == '@')
            return true;
        letter |= ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') || (unsigned char)*p >= 0x80;
    }
    if (!letter)
        return true;
    if (rank != WN_RANK_OPENGRAPH && rank != WN_RANK_META)
        return false;
    size_t vl = strlen(v);
    for (unsigned k = 0; k < m->not_author_count; k++) {
        const char *site = m->not_authors[k];
        if (strcmp(site, v) == 0)
            return true;
        /* a CJK name that starts the site's name */
        if ((unsigned char)v[0] >= 0x80 && vl >= 6 && strncmp(site, v, vl) == 0 &&
            (unsigned char)site[vl] >= 0x80)
            return true;
    }
    return false;
}

static void add_not_author(wn_meta *m, const char *s, size_t len)
{
    if (m->not_author_count >= WN_META_NOT_AUTHORS_MAX)
        return;
    const char *v = clean_value(m->arena, s, len, 128);
    if (v)
        m->not_authors[m->not_author_count++] = v;
}

void wn_meta_offer_author(wn_meta *m, const char *value, size_t len, int rank)
{
    if (!value || rank > m->author_rank || looks_like_url(value, len) || not_a_value(value, len))
        return;
    const char *v = clean_value(m->arena, value, len, 128);
    if (!v || not_a_name(m, v, rank))
        return;
    if (rank < m->author_rank) {
        m->pub.author_count = 0;
        m->author_rank = rank;
    }
    for (size_t i = 0; i < m->pub.author_count; i++)
        if (strcmp(m->authors[i], v) == 0)
            return;
    if (m->pub.author_count < WN_META_AUTHORS_MAX)
        m->authors[m->pub.author_count++] = v;
}

static void add_tag(wn_meta *m, const char *s, size_t len)
{
    const char *v = clean_value(m->arena, s, len, 128);
    if (!v || m->pub.tag_count >= WN_META_TAGS_MAX)
        return;
    for (size_t i = 0; i < m->pub.tag_count; i++)
        if (strcasecmp(m->tags[i], v) == 0)
            return;
    m->tags[m->pub.tag_count++] = v;
}

void wn_meta_offer_tags(wn_meta *m, const char *value, size_t len, int rank, bool split)
{
    if (!value || rank > m->tag_rank)
        return;
    if (rank < m->tag_rank) {
        m->pub.tag_count = 0;
        m->tag_rank = rank;
    }
    if (!split) {
        add_tag(m, value, len);
        return;
    }
    /* Separators: ',', ';', '|', '，' (EF BC 8C), '、' (E3 80 81), '；' (EF BC 9B). */
    size_t start = 0, i = 0;
    while (i <= len && m->pub.tag_count < WN_META_TAGS_MAX) {
        size_t sep = 0;
        if (i == len)
            sep = 1;
        else if (value[i] == ',' || value[i] == ';' || value[i] == '|')
            sep = 1;
        else if (i + 2 < len && (memcmp(value + i, "\xEF\xBC\x8C", 3) == 0 ||
                                 memcmp(value + i, "\xE3\x80\x81", 3) == 0 ||
                                 memcmp(value + i, "\xEF\xBC\x9B", 3) == 0))
            sep = 3;
        if (sep) {
            if (i > start)
                add_tag(m, value + start, i - start);
            i += sep;
            start = i;
        } else {
            i++;
        }
    }
}

void wn_meta_offer_lang(wn_meta *m, const char *value, size_t len, int rank, const char *source)
{
    if (!value || rank >= m->lang_rank)
        return;
    char code[36];
    size_t n = 0;
    while (len && (*value == ' ' || *value == '\t')) {
        value++;
        len--;
    }
    /* A language tag: letters, digits, '-' ("zh_CN" from og:locale becomes "zh-CN"). */
    for (size_t i = 0; i < len && n < sizeof code - 1; i++) {
        char c = value[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            code[n++] = c;
        else if (c == '-' || c == '_')
            code[n++] = '-';
        else
            break;
    }
    if (n < 2 || !((code[0] | 0x20) >= 'a' && (code[0] | 0x20) <= 'z'))
        return;
    code[n] = '\0';
    const char *v = clean_value(m->arena, code, n, sizeof code);
    if (!v)
        return;
    m->pub.field[WN_META_LANG] = v;
    m->pub.lang_source = source;
    m->lang_rank = rank;
}

/* ---- <meta>, <link>, microdata, <time> ---- */

/* The text of a short element (an itemprop, a byline): at most SHORT_NODES
 * nodes of its subtree and SHORT_SCAN bytes of each text node are read, so
 * that nested elements around a huge text cost a bounded time each. */
#define SHORT_NODES 64
#define SHORT_SCAN 512

static size_t short_text(const wn_doc *doc, uint32_t index, char *buf, size_t cap)
{
    size_t n = 0;
    bool space = false;
    uint32_t end = doc->nodes[index].end;
    if (end - index > SHORT_NODES)
        end = index + SHORT_NODES;
    for (uint32_t i = index; i < end && n + 2 < cap; i++) {
        const wn_node *t = &doc->nodes[i];
        if (t->kind != WN_NODE_TEXT) {
            if ((t->flags & (WN_NODE_BLOCK | WN_NODE_BREAK)) && n)
                space = true;
            continue;
        }
        uint32_t scan = t->text_len < SHORT_SCAN ? t->text_len : SHORT_SCAN;
        for (uint32_t k = 0; k < scan && n + 2 < cap; k++) {
            char c = t->text[k];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                space = n > 0;
                continue;
            }
            if (space)
                buf[n++] = ' ';
            space = false;
            buf[n++] = c;
        }
    }
    /* not ending inside a character */
    size_t start = n;
    while (start && ((unsigned char)buf[start - 1] & 0xC0) == 0x80)
        start--;
    if (start && (unsigned char)buf[start - 1] >= 0xC0) {
        unsigned char lead = (unsigned char)buf[start - 1];
        size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (n - (start - 1) < want)
            n = start - 1;
    }
    buf[n] = '\0';
    return n;
}

typedef struct meta_key {
    const char *key;
    int field;      /* wn_meta_field, or -1 author, -2 tags (split), -3 tag, -4 lang */
    int rank;
} meta_key;

#define F_AUTHOR (-1)
#define F_TAGS (-2)
#define F_TAG (-3)
#define F_LANG (-4)

static const meta_key meta_keys[] = {
    {"og:title", WN_META_TITLE, WN_RANK_OPENGRAPH},
    {"twitter:title", WN_META_TITLE, WN_RANK_META},
    {"dc.title", WN_META_TITLE, WN_RANK_META},
    {"dcterms.title", WN_META_TITLE, WN_RANK_META},
    {"citation_title", WN_META_TITLE, WN_RANK_META},
    {"headline", WN_META_TITLE, WN_RANK_MICRODATA},
    {"article:author", F_AUTHOR, WN_RANK_OPENGRAPH},
    {"author", F_AUTHOR, WN_RANK_META},
    {"dc.creator", F_AUTHOR, WN_RANK_META},
    {"dcterms.creator", F_AUTHOR, WN_RANK_META},
    {"citation_author", F_AUTHOR, WN_RANK_META},
    {"parsely-author", F_AUTHOR, WN_RANK_META},
    {"sailthru.author", F_AUTHOR, WN_RANK_META},
    {"article:published_time", WN_META_DATE, WN_RANK_OPENGRAPH},
    {"og:published_time", WN_META_DATE, WN_RANK_OPENGRAPH},
    {"og:article:published_time", WN_META_DATE, WN_RANK_OPENGRAPH},
    {"datepublished", WN_META_DATE, WN_RANK_MICRODATA},
    {"date", WN_META_DATE, WN_RANK_META},
    {"dc.date", WN_META_DATE, WN_RANK_META},
    {"dc.date.issued", WN_META_DATE, WN_RANK_META},
    {"dc.date.created", WN_META_DATE, WN_RANK_META},
    {"dcterms.date", WN_META_DATE, WN_RANK_META},
    {"dcterms.issued", WN_META_DATE, WN_RANK_META},
    {"dcterms.created", WN_META_DATE, WN_RANK_META},
    {"citation_publication_date", WN_META_DATE, WN_RANK_META},
    {"citation_date", WN_META_DATE, WN_RANK_META},
    {"pubdate", WN_META_DATE, WN_RANK_META},
    {"publishdate", WN_META_DATE, WN_RANK_META},
    {"publish-date", WN_META_DATE, WN_RANK_META},
    {"publish_date", WN_META_DATE, WN_RANK_META},
    {"sailthru.date", WN_META_DATE, WN_RANK_META},
    {"parsely-pub-date", WN_META_DATE, WN_RANK_META},
    {"article:modified_time", WN_META_MODIFIED, WN_RANK_OPENGRAPH},
    {"og:updated_time", WN_META_MODIFIED, WN_RANK_OPENGRAPH},
    {"datemodified", WN_META_MODIFIED, WN_RANK_MICRODATA},
    {"dcterms.modified", WN_META_MODIFIED, WN_RANK_META},
    {"dc.date.modified", WN_META_MODIFIED, WN_RANK_META},
    {"last-modified", WN_META_MODIFIED, WN_RANK_META},
    {"og:site_name", WN_META_SITE, WN_RANK_OPENGRAPH},
    {"application-name", WN_META_SITE, WN_RANK_META},
    {"dc.publisher", WN_META_SITE, WN_RANK_META},
    {"dcterms.publisher", WN_META_SITE, WN_RANK_META},
    {"citation_publisher", WN_META_SITE, WN_RANK_META},
    {"citation_journal_title", WN_META_SITE, WN_RANK_META},
    {"og:url", WN_META_URL, WN_RANK_META},
    {"og:description", WN_META_DESCRIPTION, WN_RANK_OPENGRAPH},
    {"description", WN_META_DESCRIPTION, WN_RANK_META},
    {"twitter:description", WN_META_DESCRIPTION, WN_RANK_META},
    {"dc.description", WN_META_DESCRIPTION, WN_RANK_META},
    {"dcterms.description", WN_META_DESCRIPTION, WN_RANK_META},
    {"og:image", WN_META_IMAGE, WN_RANK_OPENGRAPH},
    {"og:image:url", WN_META_IMAGE, WN_RANK_OPENGRAPH},
    {"og:image:secure_url", WN_META_IMAGE, WN_RANK_OPENGRAPH},
    {"twitter:image", WN_META_IMAGE, WN_RANK_META},
    {"twitter:image:src", WN_META_IMAGE, WN_RANK_META},
    {"dc.rights", WN_META_LICENSE, WN_RANK_META},
    {"dcterms.license", WN_META_LICENSE, WN_RANK_META},
    {"dcterms.rights", WN_META_LICENSE, WN_RANK_META},
    {"license", WN_META_LICENSE, WN_RANK_META},
    {"article:tag", F_TAG, WN_RANK_OPENGRAPH},
    {"keywords", F_TAGS, WN_RANK_META},
    {"news_keywords", F_TAGS, WN_RANK_META},
    {"dc.subject", F_TAGS, WN_RANK_META},
    {"dcterms.subject", F_TAGS, WN_RANK_META},
    {"citation_keywords", F_TAGS, WN_RANK_META},
    {"article:section", -100, 0},
};

static void offer_key(wn_meta *m, const char *key, const char *value, int rank_shift)
{
    if (!value)
        return;
    size_t len = strlen(value);
    for (size_t k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++) {
        const meta_key *mk = &meta_keys[k];
        if (strcasecmp(key, mk->key) != 0)
            continue;
        int rank = mk->rank + rank_shift;
        if (rank > WN_RANK_VISIBLE)
            rank = WN_RANK_VISIBLE;
        if (mk->field == F_AUTHOR)
            wn_meta_offer_author(m, value, len, rank);
        else if (mk->field == F_TAGS)
            wn_meta_offer_tags(m, value, len, rank, true);
        else if (mk->field == F_TAG)
            wn_meta_offer_tags(m, value, len, rank, false);
        else if (mk->field >= 0)
            wn_meta_offer(m, (wn_meta_field)mk->field, value, len, rank);
        return;
    }
}

/* Whether a block may state the article's date or byline: inside the
 * article (labelled body or title) or in its header area (before the
 * article's first paragraph), and nowhere named as comments, related
 * posts, footer, sidebar, navigation, ads or widgets. */
typedef struct region {
    uint32_t first_para;  /* the article's first body paragraph, or doc->count */
} region;

#define CLUTTER_HINTS                                                                              \
    (WN_HINT_COMMENTS | WN_HINT_RELATED | WN_HINT_FOOTER | WN_HINT_SIDEBAR | WN_HINT_NAV |         \
     WN_HINT_AD | WN_HINT_WIDGET | WN_HINT_SHARE | WN_HINT_AUTHORBOX | WN_HINT_TIPJAR)

static bool in_clutter_of(const wn_doc *doc, uint32_t i, uint32_t bad);

static bool in_clutter(const wn_doc *doc, uint32_t i)
{
    return in_clutter_of(doc, i, CLUTTER_HINTS);
}

static bool in_clutter_of(const wn_doc *doc, uint32_t i, uint32_t bad)
{
    unsigned steps = 0;
    /* <body> and <html> carry page-wide classes ("has-sidebar"): not read */
    for (uint32_t k = i; k != WN_NONE && k > doc->body && steps < 128;
         k = doc->nodes[k].parent, steps++) {
        const wn_node *n = &doc->nodes[k];
        if (n->hints & bad)
            return true;
        switch ((wn_label)n->label) {
        case WN_LABEL_COMMENTS: case WN_LABEL_RELATED: case WN_LABEL_FOOTER: case WN_LABEL_NAV:
        case WN_LABEL_AD: case WN_LABEL_TIPJAR: case WN_LABEL_SHARE:
            return true;
        default:
            break;
        }
    }
    return false;
}

static bool eligible(const wn_doc *doc, const region *r, uint32_t i)
{
    if (i == WN_NONE || i >= doc->count)
        return false;
    const wn_node *n = &doc->nodes[i];
    bool article = n->label == WN_LABEL_BODY || n->label == WN_LABEL_TITLE;
    if (!article) {
        /* a node inside a labelled block counts as that block */
        uint32_t b = n->block;
        if (b != WN_NONE && b < doc->count)
            article = doc->nodes[b].label == WN_LABEL_BODY || doc->nodes[b].label == WN_LABEL_TITLE;
    }
    if (!article && i > r->first_para)
        return false;
    return !in_clutter(doc, i);
}

static void find_region(const wn_doc *doc, region *r)
{
    r->first_para = doc->count;
    for (uint32_t i = doc->body; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_P && n->label == WN_LABEL_BODY &&
            (n->own.chars >= 80 || n->own.cjk >= 30)) {
            r->first_para = i;
            return;
        }
    }
}

static void read_tags(const wn_doc *doc, const region *r, wn_meta *m)
{
    char buf[256];
    for (unsigned t = 0; t < doc->tag_count; t++) {
        const wn_doc_tag *tag = &doc->tags[t];
        switch (tag->kind) {
        case WN_TAG_META:
            if (strcasecmp(tag->key, "content-language") == 0)
                wn_meta_offer_lang(m, tag->value, strlen(tag->value), 1, "content-language");
            else if (strcasecmp(tag->key, "dc.language") == 0 ||
                     strcasecmp(tag->key, "dcterms.language") == 0)
                wn_meta_offer_lang(m, tag->value, strlen(tag->value), 2, "dc.language");
            else if (strcasecmp(tag->key, "og:locale") == 0)
                wn_meta_offer_lang(m, tag->value, strlen(tag->value), 3, "og:locale");
            else if (tag->node == WN_NONE || eligible(doc, r, tag->node))
                offer_key(m, tag->key, tag->value, 0);
            break;
        case WN_TAG_LINK: {
            /* rel is a list of words */
            const char *rel = tag->key;
            size_t len = strlen(tag->value);
            if (find_ci(rel, "canonical"))
                wn_meta_offer(m, WN_META_URL, tag->value, len, WN_RANK_OPENGRAPH);
            else if (find_ci(rel, "license"))
                wn_meta_offer(m, WN_META_LICENSE, tag->value, len, WN_RANK_OPENGRAPH);
            break;
        }
        case WN_TAG_ITEMPROP: {
            if (tag->node != WN_NONE && !eligible(doc, r, tag->node))
                break;
            const char *value = tag->value;
            if (!value && tag->node != WN_NONE) {
                size_t n = short_text(doc, tag->node, buf, sizeof buf);
                value = n ? buf : NULL;
            }
            if (!value)
                break;
            if (strcasecmp(tag->key, "author") == 0 || strcasecmp(tag->key, "creator") == 0)
                wn_meta_offer_author(m, value, strlen(value), WN_RANK_MICRODATA);
            else if (strcasecmp(tag->key, "keywords") == 0)
                wn_meta_offer_tags(m, value, strlen(value), WN_RANK_MICRODATA, true);
            else if (strcasecmp(tag->key, "inLanguage") == 0)
                wn_meta_offer_lang(m, value, strlen(value), 4, "microdata");
            else
                offer_key(m, tag->key, value, 0);
            break;
        }
        case WN_TAG_TIME:
            if (eligible(doc, r, tag->node))
                wn_meta_offer(m, WN_META_DATE, tag->value, strlen(tag->value), WN_RANK_TIME);
            break;
        default:
            break;
        }
    }
}

/* ---- visible text ---- */

static bool has_prefix(const char *s, size_t len, const char *p, size_t *used)
{
    size_t n = strlen(p);
    if (len < n || strncasecmp(s, p, n) != 0)
        return false;
    *used = n;
    return true;
}

/* After a label: its colon (ASCII or full width) and spaces. */
static size_t skip_colon(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    if (i < len && s[i] == ':')
        i++;
    else if (i + 2 < len && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0)
        i += 3;
    else
        return SIZE_MAX;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* Labels that end a name on a Chinese byline line written without spaces
 * ("来源：江城日报作者：陈晨字号：大"). */
static const char *const cjk_labels[] = {
    "\xE4\xBD\x9C\xE8\x80\x85", /* 作者 */ "\xE6\x9D\xA5\xE6\xBA\x90", /* 来源 */
    "\xE7\xBC\x96\xE8\xBE\x91", /* 编辑 */ "\xE5\x8F\x91\xE5\xB8\x83", /* 发布 */
    "\xE6\x97\xB6\xE9\x97\xB4", /* 时间 */ "\xE7\x82\xB9\xE5\x87\xBB", /* 点击 */
    "\xE9\x98\x85\xE8\xAF\xBB", /* 阅读 */ "\xE6\xB5\x8F\xE8\xA7\x88", /* 浏览 */
    "\xE5\xAD\x97\xE5\x8F\xB7", /* 字号 */ "\xE8\xAE\xB0\xE8\x80\x85", /* 记者 */
    "\xE8\xB4\xA3\xE4\xBB\xBB", /* 责任 */ "\xE5\xAE\xA1\xE6\xA0\xB8", /* 审核 */
    "\xE5\x88\x86\xE4\xBA\xAB", /* 分享 */ "\xE8\xAF\x84\xE8\xAE\xBA", /* 评论 */
    "\xE4\xBA\xBA\xE6\xB0\x94", /* 人气 */ "\xE6\x9B\xB4\xE6\x96\xB0", /* 更新 */
    "\xE9\x80\x9A\xE8\xAE\xAF\xE5\x91\x98", /* 通讯员 */ NULL};

/* Whether a label of cjk_labels starts at s + i: before its colon
 * ("编辑："), or 记者 / 通讯员 before a name; not a word that starts like one
 * ("编辑部"). */
static bool label_at(const char *s, size_t len, size_t i)
{
    for (unsigned k = 0; cjk_labels[k]; k++) {
        size_t n = strlen(cjk_labels[k]);
        if (i + n > len || memcmp(s + i, cjk_labels[k], n) != 0)
            continue;
        if (k == 9 || k == 16 || i + n >= len)
            return true;
        /* the colon may follow a word or two later: "发布时间：", "浏览次数：" */
        for (size_t a = i + n; a < len && a <= i + n + 6 && s[a] != ' '; a++)
            if (s[a] == ':' || (a + 2 < len && memcmp(s + a, "\xEF\xBC\x9A", 3) == 0))
                return true;
    }
    return false;
}

/* A name after a label: up to two spaces, a '|' or a full-width space or
 * a separator character, at most 64 bytes. */
static size_t name_length(const char *s, size_t len, bool latin)
{
    size_t i = 0, words = 0;
    while (i < len && i < 64) {
        unsigned char c = (unsigned char)s[i];
        if (c == '|' || c == ',' || c == '(' || c == '/' || c == 0xC2 /* nbsp, middle dot */)
            break;
        if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x80 || (unsigned char)s[i + 2] == 0x80 + 0x01))
            break; /* U+3000, 、 */
        if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC)
            break; /* full-width punctuation */
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80)
            break; /* dashes, bullets */
        if (c == ' ') {
            if (!latin)
                break;
            /* "IT之家 发布时间：..." : a label after the name ends it */
            if (i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && label_at(s, len, i + 1))
                break;
            /* "By Jane Doe on March 5": a lower-case word ends the name,
             * but for "&" and the particles of names ("Femke van Dalsum") */
            static const char *const particles[] = {"& ", "and ", "van ", "von ", "de ",
                                                    "der ", "den ", "da ", "dos ", "del ",
                                                    "di ", "le ", "la ", NULL};
            bool particle = false;
            for (unsigned k = 0; particles[k] && !particle; k++) {
                size_t n = strlen(particles[k]);
                particle = i + 1 + n < len && memcmp(s + i + 1, particles[k], n) == 0 &&
                           s[i + 1 + n] >= 'A' && s[i + 1 + n] <= 'Z';
            }
            if (!particle && i + 1 < len && !((s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
                                              (unsigned char)s[i + 1] >= 0x80))
                break;
            if (++words >= 4)
                break;
        }
        if (latin && c >= '0' && c <= '9')
            break;
        /* a date run into the name by the markup: "Ruth KleinFebruary 27" */
        size_t used;
        if (latin && i > 0 && c >= 'A' && c <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
            wn_date_month_at(s + i, len - i, &used))
            break;
        if (!latin && c >= 0x80 && i > 0 && label_at(s, len, i))
            break;
        i++;
    }
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '.'))
        i--;
    return i;
}

/* CJK characters (three-byte UTF-8, U+4E00..U+9FFF) at s, up to len bytes. */
static size_t han_run(const char *s, size_t len)
{
    size_t i = 0;
    while (i + 2 < len && (unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9 &&
           ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80)
        i += 3;
    return i;
}

/* Words after a name that say what the person did, not who they are:
 * 整合, 报道, 综合, 编译, 发自, 摄. */
static const char *const not_name_words[] = {
    "\xE6\x95\xB4\xE5\x90\x88", "\xE6\x8A\xA5\xE9\x81\x93", "\xE7\xBB\xBC\xE5\x90\x88",
    "\xE7\xBC\x96\xE8\xAF\x91", "\xE5\x8F\x91\xE8\x87\xAA", "\xE6\x91\x84", NULL};

/* Names of two to five Han characters separated by spaces, 、, &, ',' or '，'
 * ("段彦超 廖艳", "叨叨姐、胡一刀&李小飞刀"), offered as authors. With whole,
 * only when the run takes the whole of s but for closing brackets and
 * spaces. Returns how many were offered. */
static unsigned offer_name_run(wn_meta *m, const char *s, size_t len, bool whole, unsigned min)
{
    const char *names[WN_META_AUTHORS_MAX];
    size_t lens[WN_META_AUTHORS_MAX];
    unsigned count = 0;
    size_t i = 0;
    while (i < len && count < WN_META_AUTHORS_MAX) {
        size_t n = han_run(s + i, len - i);
        for (size_t c = 3; c < n; c += 3)
            if (label_at(s, len, i + c)) {
                n = c; /* "陈晨字号：大": the name ends at the label */
                break;
            }
        bool stop = false;
        for (unsigned k = 0; not_name_words[k] && !stop; k++)
            stop = n >= strlen(not_name_words[k]) &&
                   memcmp(s + i, not_name_words[k], strlen(not_name_words[k])) == 0;
        if (stop || n < 6 || n > 15 || label_at(s, len, i))
            break;
        names[count] = s + i;
        lens[count++] = n;
        i += n;
        size_t sep = 0;
        while (i + sep < len && (s[i + sep] == ' ' || s[i + sep] == '&' || s[i + sep] == ','))
            sep++;
        if (!sep && i + 2 < len && (memcmp(s + i, "\xE3\x80\x81", 3) == 0 ||  /* 、 */
                                    memcmp(s + i, "\xEF\xBC\x8C", 3) == 0))   /* ， */
            sep = 3;
        if (!sep)
            break;
        i += sep;
    }
    if (whole) {
        /* what is left: spaces and closing brackets (）, 】, ')') only */
        size_t k = i;
        while (k < len) {
            if (s[k] == ' ' || s[k] == ')' || s[k] == ']')
                k++;
            else if (k + 3 <= len &&
                     (memcmp(s + k, "\xEF\xBC\x89", 3) == 0 || memcmp(s + k, "\xE3\x80\x91", 3) == 0))
                k += 3;
            else
                return 0;
        }
    }
    if (count < min)
        return 0;
    for (unsigned k = 0; k < count; k++)
        wn_meta_offer_author(m, names[k], lens[k], WN_RANK_VISIBLE);
    return count;
}

static bool ends_with(const char *s, size_t len, const char *tail)
{
    size_t n = strlen(tail);
    return len >= n && memcmp(s + len - n, tail, n) == 0;
}

#define REPORTER "\xE8\xAE\xB0\xE8\x80\x85" /* 记者 */

/* Chinese credit lines: "澎湃新闻记者 段彦超 廖艳", "采写：南都见习记者 林子沛"
 * (a line of its own: 记者 near its start, then names to its end; not a photo
 * credit "...记者 张蕊 摄"); "文/张三", "执笔/甲、乙&丙", "【文/观察者网专栏作者
 * 王文】"; a dateline "长江网10月4日讯（记者陈智 整合）..." (讯 or 电 before it). */
static void credit_line(const char *s, size_t len, wn_meta *m)
{
    const char *rep = NULL;
    for (size_t k = 0; k + 6 <= len && k <= 60 && !rep; k++)
        if (memcmp(s + k, REPORTER, 6) == 0)
            rep = s + k;
    if (rep) {
        size_t at = (size_t)(rep - s);
        bool paren = at >= 3 && (memcmp(rep - 3, "\xEF\xBC\x88", 3) == 0 || rep[-1] == '(');
        size_t popen = paren ? (rep[-1] == '(' ? at - 1 : at - 3) : 0;
        if (paren && popen >= 3 && (memcmp(s + popen - 3, "\xE8\xAE\xAF", 3) == 0 || /* 讯 */
                                    memcmp(s + popen - 3, "\xE7\x94\xB5", 3) == 0)) { /* 电 */
            size_t b = at + 6, e = b;
            while (e < len && e < b + 60 && s[e] != ')' &&
                   !(e + 3 <= len && memcmp(s + e, "\xEF\xBC\x89", 3) == 0))
                e++;
            while (b < e && s[b] == ' ')
                b++;
            if (e < len && (s[e] == ')' || memcmp(s + e, "\xEF\xBC\x89", 3) == 0))
                offer_name_run(m, s + b, e - b, false, 1);
            return;
        }
        bool sentence = false;
        for (size_t k = 0; k < at && !sentence; k++)
            sentence = k + 3 <= at && (memcmp(s + k, "\xEF\xBC\x8C", 3) == 0 ||  /* ， */
                                       memcmp(s + k, "\xE3\x80\x82", 3) == 0);   /* 。 */
        if (!paren && !sentence && len <= 90 && !ends_with(s, len, "\xE6\x91\x84")) { /* 摄 */
            size_t b = at + 6;
            while (b < len && (s[b] == ' ' || s[b] == ':'))
                b++;
            if (b + 3 <= len && memcmp(s + b, "\xEF\xBC\x9A", 3) == 0)
                b += 3;
            if (offer_name_run(m, s + b, len - b, true, 1))
                return;
        }
    }
    /* "原创 GameForce 2019-09-04 22:18:34": the original work's author after 原创 */
    if (len > 7 && memcmp(s, "\xE5\x8E\x9F\xE5\x88\x9B", 6) == 0 && s[6] == ' ') {
        size_t n = name_length(s + 7, len - 7, (unsigned char)s[7] < 0x80);
        if (n && n <= 30 && !m->account)
            m->account = clean_value(m->arena, s + 7, n, 128);
        return;
    }
    /* 文/ 执笔/ 撰文/ 作者/ at the start or after an opening bracket */
    static const char *const slash_labels[] = {"\xE6\x96\x87", "\xE6\x89\xA7\xE7\xAC\x94",
                                               "\xE6\x92\xB0\xE6\x96\x87",
                                               "\xE4\xBD\x9C\xE8\x80\x85", NULL};
    size_t start = 0;
    if (len >= 3 && (memcmp(s, "\xE3\x80\x90", 3) == 0 || memcmp(s, "\xEF\xBC\x88", 3) == 0))
        start = 3; /* 【 （ */
    else if (len && (s[0] == '(' || s[0] == '['))
        start = 1;
    for (unsigned k = 0; slash_labels[k]; k++) {
        size_t n = strlen(slash_labels[k]);
        if (start + n >= len || memcmp(s + start, slash_labels[k], n) != 0)
            continue;
        size_t b = start + n;
        if (s[b] == '/')
            b++;
        else if (b + 3 <= len && memcmp(s + b, "\xEF\xBC\x8F", 3) == 0) /* ／ */
            b += 3;
        else
            continue;
        while (b < len && s[b] == ' ')
            b++;
        /* "文/观察者网专栏作者 王文": the name after 作者 or 记者 */
        for (size_t k2 = b; k2 + 7 <= len && k2 < b + 45; k2++)
            if ((memcmp(s + k2, "\xE4\xBD\x9C\xE8\x80\x85", 6) == 0 || memcmp(s + k2, REPORTER, 6) == 0) &&
                s[k2 + 6] == ' ') {
                b = k2 + 7;
                break;
            }
        offer_name_run(m, s + b, len - b, false, 1);
        return;
    }
}

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

static void visible_line(const wn_doc *doc, const region *r, uint32_t i, const char *s,
                         size_t len, wn_meta *m)
{
    if (copyright_line(s))
        return;
    credit_line(s, len, m);
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
                if (strncmp(s, by[b], strlen(by[b])) != 0 || !has_prefix(s, len, by[b], &used) ||
                    len - used < 2 ||
                    !((s[used] >= 'A' && s[used] <= 'Z') || (unsigned char)s[used] >= 0x80))
                    continue;
                size_t n = name_length(s + used, len - used, true);
                if (n)
                    wn_meta_offer_author(m, s + used, n, WN_RANK_VISIBLE);
                break;
            }
        }
        bool author = has_prefix(s + k, len - k, "\xE4\xBD\x9C\xE8\x80\x85", &used); /* 作者 */
        bool source = !author && has_prefix(s + k, len - k, "\xE6\x9D\xA5\xE6\xBA\x90", &used); /* 来源 */
        if (!author && !source)
            continue;
        at = skip_colon(s + k + used, len - k - used);
        if (at == SIZE_MAX) {
            /* "《棱镜》作者 周纯": a short line that ends with the name */
            if (author && len <= 60 && k + used < len && s[k + used] == ' ')
                offer_name_run(m, s + k + used + 1, len - k - used - 1, true, 1);
            /* a bar of '|'-separated fields, "...| 来源CSDN| 作者魏星": the
             * field after the label is the name */
            if (author && memchr(s, '|', len)) {
                size_t b = k + used, e = b;
                while (e < len && s[e] != '|')
                    e++;
                while (e > b && s[e - 1] == ' ')
                    e--;
                size_t h = han_run(s + b, e - b);
                bool field = k == 0 || s[k - 1] == '|' || s[k - 1] == ' ';
                if (field && h == e - b && h >= 6 && h <= 12)
                    wn_meta_offer_author(m, s + b, h, WN_RANK_VISIBLE);
            }
            continue;
        }
        const char *name = s + k + used + at;
        size_t n = name_length(name, len - (size_t)(name - s), false);
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
        if (author && offer_name_run(m, name, len - (size_t)(name - s), false, 2))
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
            size_t at = skip_colon(s + off, len - off);
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

static void read_visible(const wn_doc *doc, const region *r, wn_meta *m)
{
    unsigned seen = 0;
    char buf[VISIBLE_BYTES];
    for (uint32_t i = doc->body; i < doc->count && seen < VISIBLE_BLOCKS; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !n->own.chars)
            continue;
        if (n->all.chars > 300) {
            /* the article's first paragraph: its dateline's reporter */
            if (i == r->first_para && m->author_rank > WN_RANK_VISIBLE) {
                size_t len = wn_leading_text(doc, i, buf, sizeof buf);
                if (len)
                    credit_line(buf, len, m);
            }
            continue;
        }
        if (!eligible(doc, r, i))
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

/* An element of the article's header named as its author ("post-author",
 * "author vcard", "byline"): its text, without a "By" before it. At most
 * AUTHOR_CLASS_NODES elements are looked at. */
#define AUTHOR_CLASS_NODES 4000

static bool author_class(const char *cls)
{
    if (!cls || !(find_ci(cls, "author") || find_ci(cls, "byline") || find_ci(cls, "username") ||
                  find_ci(cls, "nickname")))
        return false;
    static const char *const not_author[] = {"comment", "avatar", "box", "bio", "about", "label",
                                             "more", "list", "title", "img", "photo", "authoriz",
                                             NULL};
    for (unsigned k = 0; not_author[k]; k++)
        if (find_ci(cls, not_author[k]))
            return false;
    return true;
}

static void read_author_classes(const wn_doc *doc, const region *r, wn_meta *m)
{
    char buf[160];
    unsigned seen = 0;
    for (uint32_t i = doc->body; i < doc->count && seen < AUTHOR_CLASS_NODES &&
                                 m->author_rank > WN_RANK_VISIBLE; i++, seen++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !author_class(n->class_attr) || n->all.chars > 80 ||
            !eligible(doc, r, i))
            continue;
        size_t len = short_text(doc, i, buf, sizeof buf);
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
        len = name_length(t, len, len && (unsigned char)*t < 0x80);
        bool plain = len >= 2 && len <= 60;
        for (size_t k = 0; k < len && plain; k++)
            plain = !(t[k] >= '0' && t[k] <= '9') && t[k] != ':' && t[k] != '|';
        /* an account's nickname: the author only when nothing names one */
        if (plain && find_ci(n->class_attr, "nickname") && !find_ci(n->class_attr, "author")) {
            if (!m->account)
                m->account = clean_value(m->arena, t, len, 128);
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

static void read_date_classes(const wn_doc *doc, const region *r, wn_meta *m)
{
    char buf[128], date[40];
    unsigned seen = 0;
    for (uint32_t i = doc->body; i < doc->count && seen < AUTHOR_CLASS_NODES &&
                                 m->rank[WN_META_DATE] > WN_RANK_VISIBLE; i++, seen++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !date_class(n->class_attr) || !n->all.chars ||
            n->all.chars > 60)
            continue;
        /* between the headline and the first paragraph, a date in an entry's
         * "footer" or "share" bar is the entry's own */
        bool header = i < r->first_para && r->first_para < doc->count &&
                      !in_clutter_of(doc, i, CLUTTER_HINTS & ~(WN_HINT_FOOTER | WN_HINT_SHARE));
        if (!header && !eligible(doc, r, i))
            continue;
        size_t len = short_text(doc, i, buf, sizeof buf);
        size_t dl = wn_date_parse(buf, len, true, date);
        if (dl && !copyright_line(buf))
            wn_meta_offer(m, WN_META_DATE, date, dl, WN_RANK_VISIBLE);
    }
}

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

static void offer_headline(const wn_doc *doc, const region *r, wn_meta *m)
{
    if (!doc->title)
        return;
    size_t tl = strlen(doc->title);
    char buf[512], best[512];
    size_t best_len = 0;
    unsigned seen = 0;
    for (uint32_t i = doc->body; i < doc->count && i <= r->first_para && seen < HEADLINE_BLOCKS; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK) || !n->own.chars ||
            n->all.chars > 200)
            continue;
        seen++;
        if (!eligible(doc, r, i))
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

static void offer_title(const wn_doc *doc, const region *r, wn_meta *m)
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
static void collect_not_authors(const wn_doc *doc, const region *r, wn_meta *m)
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
    for (uint32_t i = doc->body; i < doc->count && i < r->first_para && seen < AUTHOR_CLASS_NODES;
         i++, seen++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT || n->all.chars > 120 || !n->all.chars)
            continue;
        bool named = source_class(n->class_attr) && n->all.chars <= 40;
        if (!named && !(n->flags & WN_NODE_BLOCK))
            continue;
        if (!eligible(doc, r, i))
            continue;
        size_t len = short_text(doc, i, buf, sizeof buf);
        for (size_t k = 0; k + 6 <= len; k++) {
            size_t used, at;
            if (!has_prefix(buf + k, len - k, "\xE6\x9D\xA5\xE6\xBA\x90", &used) && /* 来源 */
                !has_prefix(buf + k, len - k, "\xE5\x87\xBA\xE5\xA4\x84", &used))   /* 出处 */
                continue;
            at = skip_colon(buf + k + used, len - k - used);
            if (at == SIZE_MAX)
                continue;
            const char *name = buf + k + used + at;
            size_t nl = name_length(name, len - (size_t)(name - buf), false);
            if (nl)
                add_not_author(m, name, nl);
            named = false; /* a labelled line, read as such */
            break;
        }
        if (named && len) {
            size_t nl = name_length(buf, len, (unsigned char)buf[0] < 0x80);
            if (nl) {
                add_not_author(m, buf, nl);
                wn_meta_offer(m, WN_META_SITE, buf, nl, WN_RANK_VISIBLE);
            }
        }
    }
}

/* ---- the whole ---- */

static const char *join(wn_arena *arena, const char *const *items, size_t count, const char *sep)
{
    size_t total = 1, sl = strlen(sep);
    for (size_t i = 0; i < count; i++)
        total += strlen(items[i]) + sl;
    char *out = wn_arena_alloc(arena, total);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < count; i++) {
        if (i) {
            memcpy(out + o, sep, sl);
            o += sl;
        }
        size_t n = strlen(items[i]);
        memcpy(out + o, items[i], n);
        o += n;
    }
    out[o] = '\0';
    return out;
}

wn_status wn_meta_extract(const wn_doc *doc, wn_arena *arena, wn_meta *m)
{
    memset(m, 0, sizeof *m);
    m->arena = arena;
    for (int f = 0; f < WN_META_FIELD_COUNT; f++)
        m->rank[f] = WN_RANK_NONE;
    m->author_rank = m->tag_rank = m->lang_rank = WN_RANK_NONE;
    m->pub.lang_source = "";
    m->pub.lang_declared = "";
    if (doc->lang)
        wn_meta_offer_lang(m, doc->lang, strlen(doc->lang), 0, "html");
    region r;
    find_region(doc, &r);
    collect_not_authors(doc, &r, m);
    wn_meta_jsonld(doc, m);
    read_tags(doc, &r, m);
    read_visible(doc, &r, m);
    read_author_classes(doc, &r, m);
    read_date_classes(doc, &r, m);
    offer_title(doc, &r, m);
    m->pub.authors = m->authors;
    m->pub.tags = m->tags;
    m->pub.field[WN_META_AUTHOR] = join(arena, m->authors, m->pub.author_count, "; ");
    m->pub.field[WN_META_TAGS] = join(arena, m->tags, m->pub.tag_count, ", ");
    for (int f = 0; f < WN_META_FIELD_COUNT; f++) {
        if (!m->pub.field[f]) {
            if (f == WN_META_AUTHOR || f == WN_META_TAGS)
                return WN_ERR_NOMEM;
            m->pub.field[f] = "";
        }
    }
    return WN_OK;
}

/* ---- the language of the text ---- */

/* Bytes of the article's text handed to the detector, and what the detector
 * must see before its verdict replaces a declared language: CMS templates
 * often keep a default <html lang="en"> on pages in another language. */
#define LANG_SAMPLE 8192
#define LANG_OVERRULE_BYTES 200
#define LANG_OVERRULE_PERCENT 90

/* The primary subtag of a language tag, with the old codes CLD2 still uses
 * and the Norwegian variants folded together. */
static size_t primary_subtag(const char *tag, char out[8])
{
    size_t n = 0;
    while (tag[n] && tag[n] != '-' && tag[n] != '_' && n < 7) {
        out[n] = (char)(tag[n] | 0x20);
        n++;
    }
    out[n] = '\0';
    static const char *const fold[][2] = {{"iw", "he"}, {"jw", "jv"}, {"in", "id"},
                                          {"nb", "no"}, {"nn", "no"}};
    for (size_t k = 0; k < sizeof fold / sizeof fold[0]; k++)
        if (strcmp(out, fold[k][0]) == 0) {
            strcpy(out, fold[k][1]);
            n = 2;
        }
    return n;
}

static size_t sample_append(char *buf, size_t n, const char *s, size_t len)
{
    if (n >= LANG_SAMPLE - 1)
        return n;
    if (len > LANG_SAMPLE - 1 - n) {
        len = LANG_SAMPLE - 1 - n;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* not inside a character */
    }
    memcpy(buf + n, s, len);
    n += len;
    buf[n++] = '\n';
    return n;
}

void wn_meta_detect_lang(wn_meta *m, const wn_content *content)
{
    char *buf = malloc(LANG_SAMPLE);
    if (!buf)
        return; /* best effort: the declared language, if any, stays */
    size_t n = 0;
    const char *title = m->pub.field[WN_META_TITLE];
    if (title && *title)
        n = sample_append(buf, n, title, strlen(title));
    int comments = 0;
    for (size_t i = 0; content && i < content->count && n < LANG_SAMPLE - 1; i++) {
        const wn_content_item *it = &content->items[i];
        if (it->kind == WN_C_COMMENTS_OPEN)
            comments++;
        else if (it->kind == WN_C_COMMENTS_CLOSE && comments > 0)
            comments--;
        else if (!comments && wn_content_is_block(it->kind) && it->text && it->len)
            n = sample_append(buf, n, it->text, it->len);
    }
    wn_lang_guess g;
    wn_lang_detect(buf, n, &g);
    free(buf);
    if (!g.code[0])
        return;
    const char *declared = m->pub.field[WN_META_LANG];
    if (m->lang_rank >= WN_RANK_NONE || !declared || !*declared) {
        if (!g.reliable)
            return;
        wn_meta_offer_lang(m, g.code, strlen(g.code), WN_RANK_NONE - 1, "text");
        return;
    }
    char a[8], b[8];
    primary_subtag(declared, a);
    primary_subtag(g.code, b);
    if (strcmp(a, b) == 0 || !g.reliable || g.text_bytes < LANG_OVERRULE_BYTES ||
        g.percent < LANG_OVERRULE_PERCENT)
        return;
    m->pub.lang_declared = declared;
    m->lang_rank = WN_RANK_NONE;
    wn_meta_offer_lang(m, g.code, strlen(g.code), WN_RANK_NONE - 1, "text");
}
