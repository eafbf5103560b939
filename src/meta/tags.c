/* Metadata the page declares in its markup: <meta name|property>, <link
 * rel>, microdata (itemprop) and <time datetime>, each offered with the
 * rank of its source (meta.h). */
#include "meta/meta_internal.h"

#include <string.h>
#include <strings.h>

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
    unsigned char first = (unsigned char)key[0];
    if (first >= 'A' && first <= 'Z')
        first += 32;
    for (size_t k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++) {
        const meta_key *mk = &meta_keys[k];
        /* the first byte, case folded, decides most */
        unsigned char kf = (unsigned char)mk->key[0];
        if ((kf >= 'A' && kf <= 'Z' ? kf + 32 : kf) != first || strcasecmp(key, mk->key) != 0)
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

void wn_meta_read_tags(const wn_doc *doc, const wn_meta_region *r, wn_meta *m)
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
            else if (tag->node == WN_NONE || wn_meta_eligible(doc, r, tag->node))
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
            if (tag->node != WN_NONE && !wn_meta_eligible(doc, r, tag->node))
                break;
            const char *value = tag->value;
            if (!value && tag->node != WN_NONE) {
                size_t n = wn_meta_short_text(doc, tag->node, buf, sizeof buf);
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
            if (wn_meta_eligible(doc, r, tag->node))
                wn_meta_offer(m, WN_META_DATE, tag->value, strlen(tag->value), WN_RANK_TIME);
            break;
        default:
            break;
        }
    }
}

