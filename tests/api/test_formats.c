/* The output formats through the public API, on every corpus page and on
 * hostile shapes: XML valid against src/output/winnow.rng (with and without
 * each option), JSON read back with jansson, HTML read back with libxml2's
 * HTML parser and checked for scripts, event attributes and dangerous
 * URLs; inline markup, URL resolution and --no-tables on small pages. */
#include <dirent.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runner.h"
#include "winnow.h"

#ifndef WN_CORPUS_PAGES
#error "WN_CORPUS_PAGES must name corpus/pages"
#endif
#ifndef WN_SCHEMA
#error "WN_SCHEMA must name src/output/winnow.rng"
#endif

#define PAGE_URL "https://example.org/section/page.html"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(data);
    ck_assert_uint_eq(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    data[n] = '\0';
    *len = (size_t)n;
    return data;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The corpus pages' paths, sorted; NULL-terminated. */
static char **corpus_pages(size_t *count)
{
    DIR *d = opendir(WN_CORPUS_PAGES);
    ck_assert_ptr_nonnull(d);
    size_t n = 0, cap = 128;
    char **list = malloc(cap * sizeof *list);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".html") != 0)
            continue;
        if (n + 1 == cap)
            list = realloc(list, (cap *= 2) * sizeof *list);
        size_t plen = strlen(WN_CORPUS_PAGES) + 1 + len + 1;
        list[n] = malloc(plen);
        snprintf(list[n], plen, "%s/%s", WN_CORPUS_PAGES, e->d_name);
        n++;
    }
    closedir(d);
    qsort(list, n, sizeof *list, by_name);
    list[n] = NULL;
    ck_assert_uint_gt(n, 20);
    *count = n;
    return list;
}

static void free_pages(char **list)
{
    for (char **p = list; *p; p++)
        free(*p);
    free(list);
}

static wn_result *extract_with(const char *html, size_t len, unsigned flags, const char *url)
{
    wn_options o;
    wn_options_init(&o);
    o.flags = flags;
    wn_extractor *ex = NULL;
    ck_assert_int_eq(wn_extractor_new(&o, &ex), WN_OK);
    wn_result *r = NULL;
    wn_status st = wn_extract(ex, html, len, NULL, url, &r);
    wn_extractor_free(ex);
    ck_assert_int_eq(st, WN_OK);
    return r;
}

/* ---- XML against the schema --------------------------------------------------- */

static xmlRelaxNGPtr schema;

static void load_schema(void)
{
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(WN_SCHEMA);
    ck_assert_ptr_nonnull(pc);
    schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    ck_assert_msg(schema != NULL, "%s is not a valid RELAX NG schema", WN_SCHEMA);
}

static void free_schema(void)
{
    xmlRelaxNGFree(schema);
    schema = NULL;
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static char last_error[512];

static void keep_error(void *ctx, xmlErrorPtr error)
{
    (void)ctx;
    snprintf(last_error, sizeof last_error, "line %d: %s", error->line,
             error->message ? error->message : "?");
}

static bool xml_valid(const char *xml, size_t len)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "out.xml", "UTF-8", XML_PARSE_NONET);
    if (!doc) {
        snprintf(last_error, sizeof last_error, "not well-formed");
        return false;
    }
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, keep_error, NULL);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlFreeDoc(doc);
    return rc == 0;
}

static const unsigned XML_FLAGS[] = {
    0,
    WN_FLAG_COMMENTS,
    WN_FLAG_LINKS,
    WN_FLAG_IMAGES,
    WN_FLAG_FORMATTING,
    WN_FLAG_NO_TABLES,
    WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING | WN_FLAG_COMMENTS,
    WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING | WN_FLAG_COMMENTS | WN_FLAG_XML_INDENT,
};

START_TEST(corpus_xml_matches_schema)
{
    load_schema();
    size_t n;
    char **pages = corpus_pages(&n);
    unsigned flags = XML_FLAGS[_i];
    for (char **p = pages; *p; p++) {
        size_t len;
        char *html = read_file(*p, &len);
        wn_result *r = extract_with(html, len, flags, PAGE_URL);
        size_t xml_len;
        const char *xml = wn_result_xml(r, &xml_len);
        ck_assert_ptr_nonnull(xml);
        ck_assert_msg(xml_valid(xml, xml_len), "%s (flags %#x): %s", *p, flags, last_error);
        /* the inline elements appear only when asked */
        if (!(flags & WN_FLAG_LINKS))
            ck_assert_msg(!strstr(xml, "<ref"), "%s: <ref> without links", *p);
        if (!(flags & WN_FLAG_IMAGES))
            ck_assert_msg(!strstr(xml, "<graphic"), "%s: <graphic> without images", *p);
        if (!(flags & WN_FLAG_FORMATTING))
            ck_assert_msg(!strstr(xml, "<hi "), "%s: <hi> without formatting", *p);
        if (flags & WN_FLAG_NO_TABLES)
            ck_assert_msg(!strstr(xml, "<table"), "%s: a table with no-tables", *p);
        wn_result_free(r);
        free(html);
    }
    free_pages(pages);
    free_schema();
}
END_TEST

/* The schema is not a formality: it refuses what winnow does not write. */
START_TEST(schema_refuses_other_shapes)
{
    load_schema();
    static const char *const bad[] = {
        "<doc><p>no main</p></doc>",
        "<doc><main><p>x</p></main><main/></doc>",
        "<doc><main><para>x</para></main></doc>",
        "<doc><main><p>x<script>y</script></p></main></doc>",
        "<doc><main><head rend=\"h7\">x</head></main></doc>",
        "<doc><main><p><hi rend=\"underline\">x</hi></p></main></doc>",
        "<doc><main><p><graphic src=\"a\">text</graphic></p></main></doc>",
        "<doc><main><code lang=\"a b\">x</code></main></doc>",
        "<doc><main><code><hi rend=\"bold\">x</hi></code></main></doc>",
        "<doc><meta><date>yesterday</date></meta><main/></doc>",
        "<doc onload=\"x\"><main/></doc>",
        "<doc><main><post><post><p>x</p></post></post></main></doc>",
        "<doc><main/><post><p>x</p></post></doc>",
        "<doc><main><post depth=\"2\"><p>x</p></post></main></doc>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!xml_valid(bad[i], strlen(bad[i])), "accepted: %s", bad[i]);
    const char *good = "<documents><doc url=\"u\"><main><p>a <ref target=\"t\">b <hi rend=\"bold\">c</hi>"
                       "</ref><graphic src=\"s\" alt=\"\"/></p><list><item>i</item></list>"
                       "<code lang=\"c++\">x</code><post author=\"b\" date=\"2024-03-09\"><p>p</p></post>"
                       "<post><p>q</p></post></main><comments><comment author=\"a\" "
                       "depth=\"2\"><p>c</p></comment></comments></doc></documents>";
    ck_assert_msg(xml_valid(good, strlen(good)), "refused: %s", last_error);
    free_schema();
}
END_TEST

/* ---- JSON read back ------------------------------------------------------------- */

START_TEST(corpus_json_reads_back)
{
    size_t n;
    char **pages = corpus_pages(&n);
    const unsigned all = WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING | WN_FLAG_COMMENTS;
    for (char **p = pages; *p; p++) {
        size_t len;
        char *html = read_file(*p, &len);
        for (int with = 0; with < 2; with++) {
            wn_result *r = extract_with(html, len, all | (with ? WN_FLAG_JSON_MARKDOWN | WN_FLAG_JSON_HTML : 0),
                                        PAGE_URL);
            size_t jlen;
            const char *js = wn_result_json(r, &jlen);
            ck_assert_ptr_nonnull(js);
            ck_assert_msg(jlen && js[jlen - 1] == '\n' && !memchr(js, '\n', jlen - 1),
                          "%s: not one line", *p);
            json_error_t err;
            json_t *o = json_loadb(js, jlen, 0, &err);
            ck_assert_msg(o != NULL, "%s: %s", *p, err.text);
            ck_assert(json_is_object(o));
            ck_assert_str_eq(json_string_value(json_object_get(o, "text")), wn_result_text(r, NULL));
            ck_assert_str_eq(json_string_value(json_object_get(o, "url")), PAGE_URL);
            json_t *md = json_object_get(o, "markdown"), *h = json_object_get(o, "html");
            if (with) {
                ck_assert_msg(json_is_string(md) && json_is_string(h), "%s: keys missing", *p);
                ck_assert_str_eq(json_string_value(md), wn_result_markdown(r, NULL));
                ck_assert_str_eq(json_string_value(h), wn_result_html(r, NULL));
            } else {
                ck_assert_ptr_null(md);
                ck_assert_ptr_null(h);
            }
            json_decref(o);
            wn_result_free(r);
        }
        free(html);
    }
    free_pages(pages);
}
END_TEST

/* ---- a discussion's posts ------------------------------------------------------- */

/* Corpus discussion pages: how many posts, and one post's author and date
 * as the page's HTML writes them (the date in ISO 8601; NULL: not asked). */
typedef struct post_case {
    const char *page;
    size_t count;
    size_t index;
    const char *author;
    const char *date;
} post_case;

static const post_case POSTS[] = {
    /* "<a class="naam">Gerrit_W</a>" in the second div.bericht; its
     * span.datum, which wn_date_parse() does not read, as written */
    {"nl-forum-thread.html", 5, 1, "Gerrit_W", "12 mei 2024 om 21:40"},
    {"nl-forum-thread.html", 5, 2, "Ans de Vries", NULL},
    /* the question, "perguntada em <time datetime="2024-02-11T09:30:00">" */
    {"pt-qa-thread.html", 4, 0, "Luiza M.", "2024-02-11T09:30:00"},
    {"pt-qa-thread.html", 4, 2, "Dona Rita", "2024-02-11T14:05:00"},
    /* "by mountainloaf » Sat Mar 09, 2024 1:47 pm" */
    {"en-forum-thread.html", 8, 3, "mountainloaf", "2024-03-09T13:47:00"},
    {"en-forum-thread.html", 8, 0, "breadnewbie", "2024-03-09T09:41:00"},
    /* <time datetime="2025-11-04"> beside old_plumber_ron's message */
    {"en-forum-discussion.html", 8, 3, "old_plumber_ron", "2025-11-04"},
    /* "发表于 2025-6-12 21:31" under 老何种菜 */
    {"zh-forum-discussion.html", 7, 1, "\xE8\x80\x81\xE4\xBD\x95\xE7\xA7\x8D\xE8\x8F\x9C",
     "2025-06-12T21:31:00"},
};

/* The attribute of the index-th <post> in <main>, or NULL; *count gets
 * how many there are. */
static char *xml_post_attr(const char *xml, size_t len, size_t index, const char *name,
                           size_t *count)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "out.xml", "UTF-8", XML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    char *value = NULL;
    *count = 0;
    for (xmlNodePtr m = xmlDocGetRootElement(doc)->children; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE || strcmp((const char *)m->name, "main") != 0)
            continue;
        for (xmlNodePtr c = m->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "post") != 0)
                continue;
            if ((*count)++ == index) {
                xmlChar *v = xmlGetProp(c, BAD_CAST name);
                value = v ? strdup((const char *)v) : NULL;
                xmlFree(v);
            }
        }
    }
    xmlFreeDoc(doc);
    return value;
}

START_TEST(discussion_posts_signed)
{
    const post_case *pc = &POSTS[_i];
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", WN_CORPUS_PAGES, pc->page);
    size_t len;
    char *html = read_file(path, &len);
    for (int comments = 0; comments < 2; comments++) {
        wn_result *r = extract_with(html, len, comments ? WN_FLAG_COMMENTS : 0, PAGE_URL);
        /* the library's accessors */
        ck_assert_uint_eq(wn_result_post_count(r), pc->count);
        const char *author, *date;
        ck_assert_int_eq(wn_result_post(r, pc->index, &author, &date), 1);
        ck_assert_str_eq(author, pc->author);
        if (pc->date)
            ck_assert_str_eq(date, pc->date);
        ck_assert_int_eq(wn_result_post(r, pc->count, &author, &date), 0);
        ck_assert_str_eq(author, "");
        /* XML: one <post> per post in <main> */
        size_t xml_len, n;
        const char *xml = wn_result_xml(r, &xml_len);
        char *a = xml_post_attr(xml, xml_len, pc->index, "author", &n);
        ck_assert_uint_eq(n, pc->count);
        ck_assert_ptr_nonnull(a);
        ck_assert_str_eq(a, pc->author);
        free(a);
        if (pc->date) {
            char *d = xml_post_attr(xml, xml_len, pc->index, "date", &n);
            ck_assert_ptr_nonnull(d);
            ck_assert_str_eq(d, pc->date);
            free(d);
        }
        /* JSON: "posts", each post's text a part of "text", in order */
        size_t jlen;
        const char *js = wn_result_json(r, &jlen);
        json_error_t err;
        json_t *o = json_loadb(js, jlen, 0, &err);
        ck_assert_msg(o != NULL, "%s: %s", pc->page, err.text);
        json_t *posts = json_object_get(o, "posts");
        ck_assert(json_is_array(posts));
        ck_assert_uint_eq(json_array_size(posts), pc->count);
        json_t *post = json_array_get(posts, pc->index);
        ck_assert_str_eq(json_string_value(json_object_get(post, "author")), pc->author);
        if (pc->date)
            ck_assert_str_eq(json_string_value(json_object_get(post, "date")), pc->date);
        const char *text = json_string_value(json_object_get(o, "text"));
        const char *at = text;
        for (size_t i = 0; i < pc->count; i++) {
            const char *t = json_string_value(json_object_get(json_array_get(posts, i), "text"));
            ck_assert_ptr_nonnull(t);
            ck_assert_msg(*t, "%s: post %zu has no text", pc->page, i);
            const char *found = strstr(at, t);
            ck_assert_msg(found, "%s: post %zu is not in the text after the one before", pc->page, i);
            at = found + strlen(t);
        }
        json_decref(o);
        wn_result_free(r);
    }
    free(html);
}
END_TEST

/* What signs a post where a name would stand but is none: a profile field,
 * a counter, a sentence. en-forum-thread's fourth post, "by mountainloaf »
 * Sat Mar 09, 2024 1:47 pm", with the name replaced: no author, the date
 * still read; the name itself passes (the control). */
static const char *const NOT_NAMES[] = {
    "Joined: Apr 2002", "1860 posts", "Select the author of the article in the settings",
    "mountainloaf1987"};

START_TEST(post_author_is_a_name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", WN_CORPUS_PAGES, "en-forum-thread.html");
    size_t len;
    char *html = read_file(path, &len);
    const char *name = "mountainloaf", *with = NOT_NAMES[_i];
    size_t n = strlen(name), w = strlen(with), cap = len * 4 + 1, out = 0;
    char *page = malloc(cap);
    ck_assert_ptr_nonnull(page);
    for (size_t i = 0; i < len;) {
        if (i + n <= len && memcmp(html + i, name, n) == 0) {
            memcpy(page + out, with, w);
            out += w;
            i += n;
        } else {
            page[out++] = html[i++];
        }
    }
    wn_result *r = extract_with(page, out, 0, PAGE_URL);
    const char *author, *date;
    ck_assert_int_eq(wn_result_post(r, 3, &author, &date), 1);
    ck_assert_str_eq(date, "2024-03-09T13:47:00");
    bool is_name = _i == WN_COUNT(NOT_NAMES) - 1;
    ck_assert_str_eq(author, is_name ? with : "");
    wn_result_free(r);
    free(page);
    free(html);
}
END_TEST

/* An article has no posts: no accessor, <post> or "posts" says otherwise. */
START_TEST(article_has_no_posts)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", WN_CORPUS_PAGES, "en-blog-long-comments.html");
    size_t len;
    char *html = read_file(path, &len);
    wn_result *r = extract_with(html, len, WN_FLAG_COMMENTS, PAGE_URL);
    ck_assert_uint_eq(wn_result_post_count(r), 0);
    const char *author = NULL, *date = NULL;
    ck_assert_int_eq(wn_result_post(r, 0, &author, &date), 0);
    ck_assert_str_eq(author, "");
    ck_assert_str_eq(date, "");
    ck_assert_ptr_null(strstr(wn_result_xml(r, NULL), "<post"));
    ck_assert_ptr_nonnull(strstr(wn_result_xml(r, NULL), "<comment"));
    ck_assert_ptr_null(strstr(wn_result_json(r, NULL), "\"posts\""));
    wn_result_free(r);
    free(html);
    ck_assert_uint_eq(wn_result_post_count(NULL), 0);
}
END_TEST

/* The inline options add markup, never text: the text output (and the
 * XML's text) is the same with and without them. */
START_TEST(corpus_text_unchanged_by_inline_options)
{
    size_t n;
    char **pages = corpus_pages(&n);
    for (char **p = pages; *p; p++) {
        size_t len;
        char *html = read_file(*p, &len);
        wn_result *plain = extract_with(html, len, WN_FLAG_COMMENTS, PAGE_URL);
        wn_result *marked = extract_with(html, len,
                                         WN_FLAG_COMMENTS | WN_FLAG_LINKS | WN_FLAG_IMAGES |
                                             WN_FLAG_FORMATTING,
                                         PAGE_URL);
        ck_assert_msg(strcmp(wn_result_text(plain, NULL), wn_result_text(marked, NULL)) == 0,
                      "%s: the text changed", *p);
        /* the XML's text: parsed, its character data concatenated */
        xmlDocPtr a = xmlReadMemory(wn_result_xml(plain, NULL), (int)strlen(wn_result_xml(plain, NULL)),
                                    "a.xml", "UTF-8", XML_PARSE_NONET);
        xmlDocPtr b = xmlReadMemory(wn_result_xml(marked, NULL), (int)strlen(wn_result_xml(marked, NULL)),
                                    "b.xml", "UTF-8", XML_PARSE_NONET);
        ck_assert(a && b);
        xmlChar *ta = xmlNodeGetContent(xmlDocGetRootElement(a));
        xmlChar *tb = xmlNodeGetContent(xmlDocGetRootElement(b));
        ck_assert_msg(strcmp((const char *)ta, (const char *)tb) == 0, "%s: the XML's text changed", *p);
        xmlFree(ta);
        xmlFree(tb);
        xmlFreeDoc(a);
        xmlFreeDoc(b);
        wn_result_free(plain);
        wn_result_free(marked);
        free(html);
    }
    free_pages(pages);
}
END_TEST

/* ---- HTML: safe to embed -------------------------------------------------------- */

static bool starts_ci(const char *s, const char *prefix)
{
    return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* The checks every HTML output must pass once parsed back. Returns a
 * message for the first failure, or NULL. The parse fixes nothing up: the
 * output is read the way a browser would. */
static const char *html_unsafe(const char *html, size_t len, bool images, char *why, size_t why_len)
{
    static const char *const elements[] = {
        "html", "body", "article", "section", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
        "li", "blockquote", "pre", "code", "table", "tbody", "tr", "td", "a", "img", "b", "i",
        "time"};
    htmlDocPtr doc = htmlReadMemory(html, (int)len, "out.html", "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc)
        return "not parsed";
    const char *fail = NULL;
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n && !fail) {
        if (n->type == XML_ELEMENT_NODE) {
            bool known = false;
            for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++)
                known = known || strcasecmp((const char *)n->name, elements[i]) == 0;
            if (!known) {
                snprintf(why, why_len, "element <%s>", n->name);
                fail = why;
            }
            for (xmlAttrPtr a = n->properties; a && !fail; a = a->next) {
                const char *name = (const char *)a->name;
                xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);
                const char *v = value ? (const char *)value : "";
                if (starts_ci(name, "on") || strcasecmp(name, "style") == 0 ||
                    strcasecmp(name, "srcdoc") == 0 || strcasecmp(name, "formaction") == 0) {
                    snprintf(why, why_len, "attribute %s on <%s>", name, n->name);
                    fail = why;
                } else if (strcasecmp(name, "href") == 0 || strcasecmp(name, "src") == 0) {
                    /* what a browser would take the scheme to be */
                    char scheme[64];
                    size_t k = 0;
                    for (const char *p = v; *p && k + 1 < sizeof scheme; p++) {
                        if ((unsigned char)*p <= ' ')
                            continue;
                        if (*p == ':' || *p == '/' || *p == '?' || *p == '#')
                            break;
                        scheme[k++] = *p;
                    }
                    scheme[k] = '\0';
                    const char *colon = strchr(v, ':');
                    const char *stop = v + strcspn(v, "/?#");
                    bool has_scheme = colon && colon < stop;
                    bool ok = !has_scheme || strcasecmp(scheme, "http") == 0 ||
                              strcasecmp(scheme, "https") == 0 || strcasecmp(scheme, "mailto") == 0 ||
                              strcasecmp(scheme, "ftp") == 0 || strcasecmp(scheme, "tel") == 0;
                    if (has_scheme && strcasecmp(scheme, "data") == 0 && images &&
                        strcasecmp(name, "src") == 0 && starts_ci(v, "data:image/") &&
                        !starts_ci(v, "data:image/svg"))
                        ok = true;
                    if (!ok) {
                        snprintf(why, why_len, "%s=\"%.60s\"", name, v);
                        fail = why;
                    }
                } else if (strcasecmp(name, "alt") != 0 && strcasecmp(name, "class") != 0 &&
                           strcasecmp(name, "data-depth") != 0) {
                    snprintf(why, why_len, "attribute %s", name);
                    fail = why;
                }
                xmlFree(value);
            }
        }
        /* next in document order, iteratively */
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
        } else {
            while (n && !n->next)
                n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
            if (n)
                n = n->next;
        }
    }
    xmlFreeDoc(doc);
    return fail;
}

/* The text of the parsed HTML, for what hostile text must come back as. */
static char *html_text(const char *html, size_t len)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)len, "out.html", "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    xmlChar *t = xmlNodeGetContent(xmlDocGetRootElement(doc));
    char *out = strdup(t ? (const char *)t : "");
    xmlFree(t);
    xmlFreeDoc(doc);
    return out;
}

static const unsigned HTML_FLAGS[] = {
    0,
    WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING | WN_FLAG_COMMENTS,
    WN_FLAG_LINKS | WN_FLAG_FORMATTING | WN_FLAG_NO_TABLES,
};

START_TEST(corpus_html_is_safe)
{
    size_t n;
    char **pages = corpus_pages(&n);
    unsigned flags = HTML_FLAGS[_i];
    char why[256];
    for (char **p = pages; *p; p++) {
        size_t len;
        char *page = read_file(*p, &len);
        wn_result *r = extract_with(page, len, flags, PAGE_URL);
        size_t hlen;
        const char *html = wn_result_html(r, &hlen);
        ck_assert_ptr_nonnull(html);
        ck_assert_msg(strncmp(html, "<article>\n", 10) == 0, "%s: no <article>", *p);
        const char *fail = html_unsafe(html, hlen, flags & WN_FLAG_IMAGES, why, sizeof why);
        ck_assert_msg(!fail, "%s (flags %#x): %s", *p, flags, fail);
        if (!(flags & WN_FLAG_LINKS))
            ck_assert_msg(!strstr(html, "<a "), "%s: a link without links", *p);
        wn_result_free(r);
        free(page);
    }
    free_pages(pages);
}
END_TEST

typedef struct hostile_case {
    const char *name;
    const char *body;        /* inside <article> */
    const char *text;        /* must come back as text, or NULL */
    const char *absent;      /* must not be in the HTML output, or NULL */
} hostile_case;

#define FILL "<p>A paragraph of ordinary article text, long enough for the article to be kept as it is.</p>"

static const hostile_case HOSTILE[] = {
    {"script in text", FILL "<p>Write &lt;script&gt;alert(1)&lt;/script&gt; to test, the tag as text.</p>",
     "<script>alert(1)</script>", "<script"},
    {"javascript link", FILL "<p>Click <a href=\"javascript:alert(1)\">here</a> now, or not.</p>", "here",
     "javascript"},
    {"entity javascript link",
     FILL "<p>Click <a href=\"&#106;ava&#x73;cript&colon;alert(1)\">here</a> now, or not.</p>", "here",
     "cript:"},
    {"tab in scheme", FILL "<p>Click <a href=\"java&#9;script:alert(1)\">here</a> now.</p>", "here",
     "script:"},
    {"newline and space before scheme",
     FILL "<p>Click <a href=\"  &#10; JAVASCRIPT:alert(1)\">here</a> now.</p>", "here", "JAVASCRIPT"},
    {"vbscript link", FILL "<p>Click <a href=\"vbscript:msgbox(1)\">here</a> now.</p>", "here",
     "vbscript"},
    {"data html link", FILL "<p>Click <a href=\"data:text/html,&lt;script&gt;x&lt;/script&gt;\">here</a>.</p>",
     "here", "data:"},
    {"attribute injection through href",
     FILL "<p>See <a href='x\" onmouseover=\"alert(1)'>this</a> link.</p>", "this", "\" onmouseover"},
    {"attribute injection through alt",
     FILL "<p>Look <img src=\"a.png\" alt='\"><script>alert(1)</script>'> here.</p>", "Look", "<script"},
    {"event attributes", FILL "<p onclick=\"alert(1)\">Text <b onmouseover=\"x()\">bold</b> and "
                             "<img src=\"a.png\" onerror=\"alert(1)\" alt=\"pic\"> image.</p>",
     "bold", "onerror"},
    {"svg data image", FILL "<p>Pic <img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\" alt=\"s\">.</p>",
     "Pic", "data:image/svg"},
    {"style and script elements",
     FILL "<p>Styled<style>p{color:red}</style> text<script>alert(1)</script> here.</p>", "Styled",
     "color:red"},
    {"iframe and object", FILL "<p>Frame <iframe src=\"javascript:alert(1)\"></iframe> and "
                              "<object data=\"x.swf\"></object> gone.</p>", "Frame", "iframe"},
    {"entities in text", FILL "<p>Fish &amp;amp; chips &lt;b&gt;not bold&lt;/b&gt; &quot;q&quot; 'a'.</p>",
     "Fish &amp; chips <b>not bold</b> \"q\" 'a'.", "<b>not"},
    {"code block with markup", FILL "<pre><code class='language-html\" onclick=\"x'>&lt;a href=\"javascript:x\"&gt;"
                                    "&lt;/a&gt;</code></pre>",
     "<a href=\"javascript:x\"></a>", "onclick"},
    {"link inside a link text", FILL "<p><a href=\"http://a.example/\">one <a href=\"javascript:x\">two</a></a></p>",
     "two", "javascript"},
};

START_TEST(hostile_html_is_safe)
{
    const hostile_case *c = &HOSTILE[_i];
    char page[4096];
    snprintf(page, sizeof page, "<html><head><title>t</title></head><body><article>%s</article></body></html>",
             c->body);
    const unsigned flags = WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING;
    wn_result *r = extract_with(page, strlen(page), flags, PAGE_URL);
    size_t hlen;
    const char *html = wn_result_html(r, &hlen);
    char why[256];
    const char *fail = html_unsafe(html, hlen, true, why, sizeof why);
    ck_assert_msg(!fail, "%s: %s in\n%s", c->name, fail, html);
    if (c->absent)
        ck_assert_msg(!strstr(html, c->absent), "%s: \"%s\" in\n%s", c->name, c->absent, html);
    if (c->text) {
        char *text = html_text(html, hlen);
        ck_assert_msg(strstr(text, c->text), "%s: \"%s\" not in the text\n%s", c->name, c->text, text);
        free(text);
    }
    /* the other renderings of the same page hold up too */
    size_t xlen;
    const char *xml = wn_result_xml(r, &xlen);
    load_schema();
    ck_assert_msg(xml_valid(xml, xlen), "%s: xml %s", c->name, last_error);
    free_schema();
    const char *md = wn_result_markdown(r, NULL);
    ck_assert_ptr_nonnull(md);
    ck_assert_msg(!strstr(md, "](javascript") && !strstr(md, "](vbscript") && !strstr(md, "](data:text"),
                  "%s: markdown\n%s", c->name, md);
    wn_result_free(r);
}
END_TEST

/* ---- inline markup ------------------------------------------------------------------ */

static const char LINKS_PAGE[] =
    "<html><head><base href=\"/root/sub/\"><title>t</title></head><body><article>"
    "<h2>Links and images</h2>"
    "<p>First <a href=\"../a.html\">up one</a>, then <a href=\"//cdn.example.net/x\">another host</a>, "
    "<a href=\"#part\">a fragment</a> and <a href=\"https://other.example/p?q=1\">an absolute one</a>.</p>"
    "<p>An image <img src=\"img/p.png\" alt=\"a  picture\"> and a lazy one <img "
    "src=\"data:image/gif;base64,R0lGOD\" data-src=\"lazy.jpg\" alt=\"lazy\"> sit in this paragraph.</p>"
    "<p>Some <b>bold</b>, <em>italic</em> and <code>x = 1</code> text, <strong>bold <i>and italic</i></strong>.</p>"
    "<pre><code class=\"hl language-python\">print(1)\n</code></pre>"
    "<table><tr><th>Name</th><th>Value</th></tr><tr><td>a|b</td><td>2</td></tr></table>"
    "</article></body></html>";

START_TEST(links_resolve_against_base)
{
    const unsigned all = WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING;
    wn_result *r = extract_with(LINKS_PAGE, strlen(LINKS_PAGE), all, "https://example.org/x/y.html");
    const char *xml = wn_result_xml(r, NULL);
    static const char *const want[] = {
        "<ref target=\"https://example.org/root/a.html\">up one</ref>",
        "<ref target=\"https://cdn.example.net/x\">another host</ref>",
        "<ref target=\"https://example.org/root/sub/#part\">a fragment</ref>",
        "<ref target=\"https://other.example/p?q=1\">an absolute one</ref>",
        "<graphic src=\"https://example.org/root/sub/img/p.png\" alt=\"a picture\"/>",
        "<graphic src=\"https://example.org/root/sub/lazy.jpg\" alt=\"lazy\"/>",
        "<hi rend=\"bold\">bold</hi>",
        "<hi rend=\"italic\">italic</hi>",
        "<hi rend=\"code\">x = 1</hi>",
        "<hi rend=\"bold\">bold <hi rend=\"italic\">and italic</hi></hi>",
        "<code lang=\"python\">",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(xml, want[i]), "missing %s in\n%s", want[i], xml);
    const char *md = wn_result_markdown(r, NULL);
    static const char *const want_md[] = {
        "## Links and images\n",
        "[up one](https://example.org/root/a.html)",
        "![a picture](https://example.org/root/sub/img/p.png)",
        "**bold**", "*italic*", "`x = 1`", "**bold *and italic***",
        "```python\nprint(1)\n```\n",
        "| Name | Value |\n| --- | --- |\n| a\\|b | 2 |\n",
    };
    for (size_t i = 0; i < sizeof want_md / sizeof want_md[0]; i++)
        ck_assert_msg(strstr(md, want_md[i]), "missing %s in\n%s", want_md[i], md);
    const char *html = wn_result_html(r, NULL);
    static const char *const want_html[] = {
        "<a href=\"https://example.org/root/a.html\">up one</a>",
        "<img src=\"https://example.org/root/sub/img/p.png\" alt=\"a picture\">",
        "<b>bold <i>and italic</i></b>",
        "<pre><code class=\"language-python\">print(1)\n</code></pre>",
        "<tr><td>a|b</td><td>2</td></tr>",
    };
    for (size_t i = 0; i < sizeof want_html / sizeof want_html[0]; i++)
        ck_assert_msg(strstr(html, want_html[i]), "missing %s in\n%s", want_html[i], html);
    wn_result_free(r);

    /* Without the flags: no markup, the same text as always. */
    r = extract_with(LINKS_PAGE, strlen(LINKS_PAGE), 0, "https://example.org/x/y.html");
    xml = wn_result_xml(r, NULL);
    ck_assert(!strstr(xml, "<ref") && !strstr(xml, "<graphic") && !strstr(xml, "<hi ") &&
              !strstr(xml, "lang=\"python\""));
    ck_assert(strstr(xml, "First up one, then another host, a fragment and an absolute one.</p>"));
    md = wn_result_markdown(r, NULL);
    ck_assert_msg(strstr(md, "First up one, then another host") && !strstr(md, "]("), "%s", md);
    ck_assert(strstr(md, "```python\n")); /* the language is the page's, not markup */
    wn_result_free(r);

    /* No page URL: relative references stay relative to the base only. */
    r = extract_with(LINKS_PAGE, strlen(LINKS_PAGE), WN_FLAG_LINKS, NULL);
    xml = wn_result_xml(r, NULL);
    ck_assert_msg(strstr(xml, "<ref target=\"../a.html\">up one</ref>"), "%s", xml);
    wn_result_free(r);
}
END_TEST

/* A link across blocks, a link around an image alone, spans that end
 * with the line. */
START_TEST(spans_across_blocks)
{
    static const char page[] =
        "<html><body><article><p>Opening paragraph of the article, with enough words to be kept.</p>"
        "<a href=\"/story\"><h2>A heading in a link</h2><p>and a paragraph in the same link.</p></a>"
        "<p><a href=\"/big.jpg\"><img src=\"/small.jpg\" alt=\"thumb\"></a></p>"
        "<p>Text with <b>bold across<br>a line break</b> here.</p>"
        "</article></body></html>";
    wn_result *r = extract_with(page, strlen(page), WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING,
                                "http://e.org/");
    const char *xml = wn_result_xml(r, NULL);
    ck_assert_msg(strstr(xml, "<head rend=\"h2\"><ref target=\"http://e.org/story\">A heading in a link</ref></head>"),
                  "%s", xml);
    ck_assert_msg(strstr(xml, "<p><ref target=\"http://e.org/story\">and a paragraph in the same link.</ref></p>"),
                  "%s", xml);
    ck_assert_msg(strstr(xml, "<p><ref target=\"http://e.org/big.jpg\"><graphic src=\"http://e.org/small.jpg\" "
                              "alt=\"thumb\"/></ref></p>"),
                  "%s", xml);
    ck_assert_msg(strstr(xml, "<p>Text with <hi rend=\"bold\">bold across</hi></p>"), "%s", xml);
    ck_assert_msg(strstr(xml, "<p><hi rend=\"bold\">a line break</hi> here.</p>"), "%s", xml);
    const char *md = wn_result_markdown(r, NULL);
    ck_assert_msg(strstr(md, "[![thumb](http://e.org/small.jpg)](http://e.org/big.jpg)"), "%s", md);
    wn_result_free(r);
    /* the image-only paragraph exists only with images */
    r = extract_with(page, strlen(page), WN_FLAG_LINKS, "http://e.org/");
    xml = wn_result_xml(r, NULL);
    ck_assert_msg(!strstr(xml, "<p><ref target=\"http://e.org/big.jpg\">"), "%s", xml);
    wn_result_free(r);
}
END_TEST

START_TEST(no_tables_drops_data_tables)
{
    static const char page[] =
        "<html><body><article><p>Before the table, a paragraph long enough to be the article text.</p>"
        "<table><tr><td>cell one</td><td>cell two</td></tr></table>"
        "<p>After the table, another paragraph of the article body.</p></article></body></html>";
    wn_result *r = extract_with(page, strlen(page), 0, NULL);
    ck_assert(strstr(wn_result_xml(r, NULL), "<cell>cell one</cell>"));
    wn_result_free(r);
    r = extract_with(page, strlen(page), WN_FLAG_NO_TABLES, NULL);
    const char *xml = wn_result_xml(r, NULL);
    ck_assert_msg(!strstr(xml, "cell one") && strstr(xml, "After the table"), "%s", xml);
    ck_assert(!strstr(wn_result_markdown(r, NULL), "cell one"));
    ck_assert(!strstr(wn_result_html(r, NULL), "<table"));
    wn_result_free(r);
}
END_TEST

START_TEST(markdown_escapes_text)
{
    static const char page[] =
        "<html><body><article>"
        "<p># not a heading, and text with *stars*, _under_scores_, `ticks`, [brackets](x) and &lt;tags&gt;.</p>"
        "<p>1. not a list item, though it starts like one and goes on for a while.</p>"
        "<p>- not a bullet either</p><p>+ nor this</p><p>---</p><p>&gt; not a quote</p>"
        "<p>AT&amp;T and &amp;amp; stay as they are, with a back\\slash and a | pipe.</p>"
        "<ol><li>first</li><li>second</li></ol><blockquote><p>quoted</p></blockquote>"
        "</article></body></html>";
    wn_result *r = extract_with(page, strlen(page), 0, NULL);
    const char *md = wn_result_markdown(r, NULL);
    static const char *const want[] = {
        "\\# not a heading, and text with \\*stars\\*, \\_under\\_scores\\_, \\`ticks\\`, "
        "\\[brackets\\](x) and \\<tags\\>.\n",
        "1\\. not a list item",
        "\\- not a bullet either\n",
        "\\+ nor this\n",
        "\\---\n",
        "\\> not a quote\n",
        "AT&T and \\&amp; stay as they are, with a back\\\\slash and a \\| pipe.\n",
        "1. first\n2. second\n",
        "> quoted\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(md, want[i]), "missing %s in\n%s", want[i], md);
    wn_result_free(r);
}
END_TEST

/* The title first with WN_FLAG_TITLE_IN_TEXT, escaped as any text. */
START_TEST(title_first_when_asked)
{
    static const char page[] =
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; *Stars* &amp; #tags</title></head>"
        "<body><article><p>The article's one paragraph, with enough words in it to be kept.</p>"
        "</article></body></html>";
    wn_result *r = extract_with(page, strlen(page), WN_FLAG_TITLE_IN_TEXT, NULL);
    const char *md = wn_result_markdown(r, NULL);
    ck_assert_msg(strncmp(md, "# \\<script\\>alert(1)\\</script\\> \\*Stars\\* & \\#tags\n\n", 50) == 0, "%s", md);
    size_t hlen;
    const char *html = wn_result_html(r, &hlen);
    ck_assert_msg(strncmp(html, "<article>\n<h1>&lt;script&gt;alert(1)&lt;/script&gt; *Stars* &amp; #tags</h1>\n", 70) == 0,
                  "%s", html);
    char why[256];
    ck_assert(!html_unsafe(html, hlen, false, why, sizeof why));
    wn_result_free(r);
    r = extract_with(page, strlen(page), 0, NULL);
    ck_assert(strncmp(wn_result_markdown(r, NULL), "The article", 11) == 0);
    ck_assert(strncmp(wn_result_html(r, NULL), "<article>\n<p>", 13) == 0);
    wn_result_free(r);
}
END_TEST

START_TEST(formats_through_write)
{
    wn_result *r = extract_with(LINKS_PAGE, strlen(LINKS_PAGE), WN_FLAG_LINKS, NULL);
    ck_assert_int_eq(wn_result_write(r, (wn_format)99, NULL, NULL), WN_ERR_ARGUMENT);
    ck_assert_ptr_nonnull(wn_result_markdown(r, NULL));
    ck_assert_ptr_nonnull(wn_result_html(r, NULL));
    ck_assert_ptr_null(wn_result_markdown(NULL, NULL));
    ck_assert_ptr_null(wn_result_html(NULL, NULL));
    wn_result_free(r);
}
END_TEST

Suite *wn_test_suite(void)
{
    xmlSetGenericErrorFunc(NULL, quiet);
    Suite *s = suite_create("formats");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, corpus_xml_matches_schema, 0, WN_COUNT(XML_FLAGS));
    tcase_add_test(tc, corpus_json_reads_back);
    tcase_add_test(tc, corpus_text_unchanged_by_inline_options);
    tcase_add_loop_test(tc, corpus_html_is_safe, 0, WN_COUNT(HTML_FLAGS));
    suite_add_tcase(s, tc);
    tc = tcase_create("shapes");
    tcase_add_test(tc, schema_refuses_other_shapes);
    tcase_add_loop_test(tc, hostile_html_is_safe, 0, WN_COUNT(HOSTILE));
    tcase_add_test(tc, links_resolve_against_base);
    tcase_add_test(tc, spans_across_blocks);
    tcase_add_test(tc, no_tables_drops_data_tables);
    tcase_add_test(tc, markdown_escapes_text);
    tcase_add_test(tc, formats_through_write);
    tcase_add_test(tc, title_first_when_asked);
    suite_add_tcase(s, tc);
    tc = tcase_create("posts");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, discussion_posts_signed, 0, WN_COUNT(POSTS));
    tcase_add_loop_test(tc, post_author_is_a_name, 0, WN_COUNT(NOT_NAMES));
    tcase_add_test(tc, article_has_no_posts);
    suite_add_tcase(s, tc);
    return s;
}
