/* Page metadata from markup and visible text. Source order (winnow.h):
 * JSON-LD > OpenGraph/article:* > other <meta> (Twitter, Dublin Core,
 * citation_*, author, keywords) and <link> > microdata > <time datetime> >
 * visible text > <title>. Every source offers values with its rank; a field
 * keeps the first value of the best rank (wn_meta_offer). Authors and tags
 * are lists: the best-ranked source's list wins whole. This file holds that
 * decision, the region a byline may stand in, and the run of the readers
 * (meta_internal.h names them). */
#include "meta/meta_internal.h"

#include <string.h>
#include <strings.h>

#include "lexicon/date.h"
#include "output/render.h"

/* ---- values ---- */

const char *wn_meta_clean(wn_arena *arena, const char *s, size_t len, size_t max)
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
    const char *v = wn_meta_clean(m->arena, value, len, field_max(field));
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

void wn_meta_offer_author(wn_meta *m, const char *value, size_t len, int rank)
{
    if (!value || rank > m->author_rank || looks_like_url(value, len) || not_a_value(value, len))
        return;
    const char *v = wn_meta_clean(m->arena, value, len, 128);
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
    const char *v = wn_meta_clean(m->arena, s, len, 128);
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

/* ---- where a byline or date may stand ---- */

bool wn_meta_in_clutter(const wn_doc *doc, uint32_t i, uint32_t bad)
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

bool wn_meta_eligible(const wn_doc *doc, const wn_meta_region *r, uint32_t i)
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
    return !wn_meta_in_clutter(doc, i, WN_META_CLUTTER_HINTS);
}

void wn_meta_find_region(const wn_doc *doc, wn_meta_region *r)
{
    r->first_para = doc->count;
    for (uint32_t i = doc->body; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind == WN_NODE_ELEMENT && n->tag == GUMBO_TAG_P && n->label == WN_LABEL_BODY &&
            (wn_node_elem(doc, n)->own.chars >= 80 || wn_node_elem(doc, n)->own.cjk >= 30)) {
            r->first_para = i;
            return;
        }
    }
}

/* ---- the text of short elements ---- */

/* At most SHORT_NODES nodes of the element's subtree and SHORT_SCAN bytes of
 * each text node are read, so that nested elements around a huge text cost
 * a bounded time each. */
#define SHORT_NODES 64
#define SHORT_SCAN 512

size_t wn_meta_short_text(const wn_doc *doc, uint32_t index, char *buf, size_t cap)
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
        uint32_t scan = wn_node_text_len(t) < SHORT_SCAN ? wn_node_text_len(t) : SHORT_SCAN;
        for (uint32_t k = 0; k < scan && n + 2 < cap; k++) {
            char c = wn_node_text(t)[k];
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
    wn_meta_region r;
    wn_meta_find_region(doc, &r);
    wn_meta_read_not_authors(doc, &r, m);
    wn_meta_jsonld(doc, m);
    wn_meta_read_tags(doc, &r, m);
    wn_meta_read_visible(doc, &r, m);
    wn_meta_read_author_classes(doc, &r, m);
    wn_meta_read_date_classes(doc, &r, m);
    wn_meta_read_title(doc, &r, m);
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

