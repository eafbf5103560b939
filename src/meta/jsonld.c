/* JSON-LD metadata: the article object of the page's ld+json scripts.
 * The walk is iterative with an explicit stack, bounded in depth, in the
 * objects visited and in the keys read per object, so a hostile script
 * (deep nesting, huge strings, 100,000 keys) costs one parse and a bounded
 * walk. jansson itself refuses nesting past 2048 levels. */
#include "meta/meta.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>

#define JSONLD_MAX_VISITS 4096
#define JSONLD_MAX_DEPTH 64
#define JSONLD_MAX_ITEMS 64     /* elements of one array looked into / authors read */
#define JSONLD_MAX_BYTES ((size_t)4 << 20) /* scripts longer are not parsed */

static bool type_is(json_t *obj, const char *const *names)
{
    json_t *type = json_object_get(obj, "@type");
    json_t *one = type;
    size_t i = 0, n = json_is_array(type) ? json_array_size(type) : 1;
    for (; i < n && i < 8; i++) {
        if (json_is_array(type))
            one = json_array_get(type, i);
        if (!json_is_string(one))
            continue;
        const char *t = json_string_value(one);
        for (unsigned k = 0; names[k]; k++)
            if (strcasecmp(t, names[k]) == 0)
                return true;
    }
    return false;
}

static const char *const article_types[] = {
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle",
    "SocialMediaPosting", "LiveBlogPosting", "OpinionNewsArticle", "ReportageNewsArticle",
    "AnalysisNewsArticle", "Recipe", "HowTo", "DiscussionForumPosting", "QAPage", "Review",
    "AdvertiserContentArticle", "SatiricalArticle", "BackgroundNewsArticle", "Posting", NULL};
static const char *const page_types[] = {"WebPage", "ItemPage", "AboutPage", "FAQPage",
                                         "CollectionPage", "ProfilePage", NULL};
static const char *const site_types[] = {"WebSite", "Organization", "NewsMediaOrganization",
                                         NULL};

/* How much an object looks like the page's article. */
static int article_score(json_t *obj)
{
    int score = 0;
    if (type_is(obj, article_types))
        score += 4;
    else if (type_is(obj, page_types))
        score += 1;
    if (json_object_get(obj, "headline"))
        score += 2;
    if (json_object_get(obj, "datePublished"))
        score += 2;
    return score;
}

static void offer_string(wn_meta *m, wn_meta_field field, json_t *v, int rank)
{
    if (json_is_string(v))
        wn_meta_offer(m, field, json_string_value(v), json_string_length(v), rank);
}

/* "name" of an object, or the string itself. */
static json_t *name_of(json_t *v)
{
    if (json_is_object(v))
        return json_object_get(v, "name");
    return v;
}

static void offer_authors(wn_meta *m, json_t *v)
{
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v) && i < JSONLD_MAX_ITEMS; i++) {
            json_t *a = name_of(json_array_get(v, i));
            if (json_is_string(a))
                wn_meta_offer_author(m, json_string_value(a), json_string_length(a),
                                     WN_RANK_JSONLD);
        }
        return;
    }
    json_t *a = name_of(v);
    if (json_is_string(a))
        wn_meta_offer_author(m, json_string_value(a), json_string_length(a), WN_RANK_JSONLD);
}

static void offer_image(wn_meta *m, json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v))
        v = json_object_get(v, "url");
    offer_string(m, WN_META_IMAGE, v, WN_RANK_JSONLD);
}

static void offer_keywords(wn_meta *m, json_t *v)
{
    if (json_is_string(v)) {
        wn_meta_offer_tags(m, json_string_value(v), json_string_length(v), WN_RANK_JSONLD, true);
        return;
    }
    if (!json_is_array(v))
        return;
    for (size_t i = 0; i < json_array_size(v) && i < JSONLD_MAX_ITEMS; i++) {
        json_t *k = json_array_get(v, i);
        if (json_is_string(k))
            wn_meta_offer_tags(m, json_string_value(k), json_string_length(k), WN_RANK_JSONLD,
                               false);
    }
}

static void read_article(wn_meta *m, json_t *a)
{
    json_t *title = json_object_get(a, "headline");
    if (!json_is_string(title) && type_is(a, article_types))
        title = json_object_get(a, "name");
    offer_string(m, WN_META_TITLE, title, WN_RANK_JSONLD);
    offer_authors(m, json_object_get(a, "author"));
    if (!m->pub.author_count)
        offer_authors(m, json_object_get(a, "creator"));
    offer_string(m, WN_META_DATE, json_object_get(a, "datePublished"), WN_RANK_JSONLD);
    offer_string(m, WN_META_MODIFIED, json_object_get(a, "dateModified"), WN_RANK_JSONLD);
    json_t *publisher = name_of(json_object_get(a, "publisher"));
    offer_string(m, WN_META_SITE, publisher, WN_RANK_JSONLD);
    offer_string(m, WN_META_DESCRIPTION, json_object_get(a, "description"), WN_RANK_JSONLD);
    json_t *lang = json_object_get(a, "inLanguage");
    if (json_is_string(lang))
        wn_meta_offer_lang(m, json_string_value(lang), json_string_length(lang), 5, "json-ld");
    offer_keywords(m, json_object_get(a, "keywords"));
    offer_image(m, json_object_get(a, "image"));
    json_t *license = json_object_get(a, "license");
    offer_string(m, WN_META_LICENSE, name_of(license), WN_RANK_JSONLD);
}

/* Finds the best article object (and a site object) of one script. */
static void read_script(wn_meta *m, json_t *root)
{
    json_t *stack[JSONLD_MAX_DEPTH];
    size_t depth = 0, visits = 0;
    json_t *best = NULL, *site = NULL;
    int best_score = 0;
    stack[depth++] = root;
    while (depth && visits < JSONLD_MAX_VISITS) {
        json_t *v = stack[--depth];
        visits++;
        if (json_is_object(v)) {
            int score = article_score(v);
            if (score > best_score) {
                best = v;
                best_score = score;
            }
            if (!site && type_is(v, site_types))
                site = v;
            /* Objects that are properties (author, publisher) are not the
             * article: only @graph, mainEntity and arrays are looked into. */
            const char *const into[] = {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"};
            for (unsigned k = 0; k < sizeof into / sizeof into[0]; k++) {
                json_t *c = json_object_get(v, into[k]);
                if ((json_is_object(c) || json_is_array(c)) && depth < JSONLD_MAX_DEPTH)
                    stack[depth++] = c;
            }
        } else if (json_is_array(v)) {
            size_t n = json_array_size(v);
            /* pushed last first: the first element is read first */
            for (size_t i = n < JSONLD_MAX_ITEMS ? n : JSONLD_MAX_ITEMS; i-- > 0;) {
                json_t *c = json_array_get(v, i);
                if ((json_is_object(c) || json_is_array(c)) && depth < JSONLD_MAX_DEPTH)
                    stack[depth++] = c;
            }
        }
    }
    if (best)
        read_article(m, best);
    if (site) {
        json_t *name = json_object_get(site, "name");
        if (json_is_string(name))
            wn_meta_offer(m, WN_META_SITE, json_string_value(name), json_string_length(name),
                          WN_RANK_META);
    }
}

void wn_meta_jsonld(const wn_doc *doc, wn_meta *m)
{
    for (unsigned i = 0; i < doc->jsonld_count; i++) {
        size_t len = strlen(doc->jsonld[i]);
        if (len > JSONLD_MAX_BYTES)
            continue;
        json_error_t error;
        json_t *root = json_loadb(doc->jsonld[i], len, JSON_DECODE_ANY, &error);
        if (!root)
            continue;
        read_script(m, root);
        json_decref(root);
    }
}
