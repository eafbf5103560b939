/* Invariants every successful extraction must satisfy, shared by the fuzz
 * targets. Public header and libxml2 only; any violation calls abort(), which
 * libFuzzer (and fuzz_replay) report as a crash. */
#ifndef WN_FUZZ_CHECK_H
#define WN_FUZZ_CHECK_H

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "winnow.h"

#define FUZZ_REQUIRE(cond)                                                              \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                    \
        }                                                                               \
    } while (0)

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF, no NUL. */
static inline int fuzz_valid_utf8(const char *s, size_t len)
{
    const unsigned char *b = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = b[i];
        size_t n;
        uint32_t cp;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (len - i <= n)
            return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((b[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

typedef struct fuzz_sink {
    char *data;
    size_t len, cap;
    size_t calls, fail_after; /* fail_after: fail on that call (0 = never) */
} fuzz_sink;

static inline int fuzz_sink_fn(void *sink_data, const char *bytes, size_t len)
{
    fuzz_sink *s = sink_data;
    s->calls++;
    if (s->fail_after && s->calls >= s->fail_after)
        return 1;
    if (s->len + len + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 256;
        while (cap < s->len + len + 1)
            cap *= 2;
        char *p = realloc(s->data, cap);
        FUZZ_REQUIRE(p != NULL);
        s->data = p;
        s->cap = cap;
    }
    if (len)
        memcpy(s->data + s->len, bytes, len);
    s->len += len;
    s->data[s->len] = '\0';
    return 0;
}

/* A streamed rendering equals the cached string; a sink that refuses its
 * first write makes the call fail with WN_ERR_OUTPUT. */
static inline void fuzz_check_stream(const wn_result *res, wn_format format, const char *cached,
                                     size_t cached_len)
{
    fuzz_sink s = {0};
    FUZZ_REQUIRE(wn_result_write(res, format, fuzz_sink_fn, &s) == WN_OK);
    FUZZ_REQUIRE(s.len == cached_len);
    FUZZ_REQUIRE(cached_len == 0 || memcmp(s.data, cached, cached_len) == 0);
    free(s.data);
    if (cached_len) {
        fuzz_sink f = {0};
        f.fail_after = 1;
        FUZZ_REQUIRE(wn_result_write(res, format, fuzz_sink_fn, &f) == WN_ERR_OUTPUT);
        free(f.data);
    }
}

/* Whether an HTML rendering is safe to embed: parsed back by libxml2's
 * HTML parser, no script, style, iframe, object, embed or form element, no
 * on* or style attribute, no href or src with a scheme other than http(s),
 * mailto, ftp, tel or data:image/. */
static inline int fuzz_url_safe(const char *v)
{
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '\f')
        v++;
    const char *colon = strchr(v, ':');
    const char *stop = strpbrk(v, "/?#");
    if (!colon || (stop && stop < colon))
        return 1; /* relative */
    static const char *const ok[] = {"http:", "https:", "mailto:", "ftp:", "tel:", "data:image/"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strncasecmp(v, ok[i], strlen(ok[i])) == 0)
            return 1;
    return 0;
}

static inline void fuzz_check_html(const char *html, size_t len)
{
    FUZZ_REQUIRE(strlen(html) == len && fuzz_valid_utf8(html, len));
    if (!len)
        return;
    htmlDocPtr doc = htmlReadMemory(html, (int)len, "winnow.html", "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    FUZZ_REQUIRE(doc != NULL);
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            static const char *const banned[] = {"script", "style", "iframe", "object", "embed", "form"};
            for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
                if (strcasecmp((const char *)n->name, banned[i]) == 0) {
                    fprintf(stderr, "<%s> in the HTML rendering:\n%s\n", banned[i], html);
                    abort();
                }
            for (xmlAttrPtr a = n->properties; a; a = a->next) {
                const char *name = (const char *)a->name;
                FUZZ_REQUIRE(strncasecmp(name, "on", 2) != 0 && strcasecmp(name, "style") != 0);
                if (strcasecmp(name, "href") == 0 || strcasecmp(name, "src") == 0) {
                    xmlChar *v = xmlNodeListGetString(doc, a->children, 1);
                    if (v && !fuzz_url_safe((const char *)v)) {
                        fprintf(stderr, "unsafe URL %s in the HTML rendering\n", (const char *)v);
                        abort();
                    }
                    xmlFree(v);
                }
            }
        }
        /* Document order, iteratively. */
        if (n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent;
        if (n)
            n = n->next;
    }
    xmlFreeDoc(doc);
}

/* Everything a result hands out: the XML is well-formed (no recovery) with a
 * <doc> root, text / title / explain are strict UTF-8 without NULs. */
static inline void fuzz_check_result(wn_result *res, int explain_kept)
{
    size_t xml_len = 0, text_len = 0;
    const char *xml = wn_result_xml(res, &xml_len);
    FUZZ_REQUIRE(xml != NULL);
    FUZZ_REQUIRE(strlen(xml) == xml_len);
    FUZZ_REQUIRE(xml_len <= INT32_MAX);
    xmlDocPtr doc = xmlReadMemory(xml, (int)xml_len, "winnow.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        fprintf(stderr, "not well-formed XML (%zu bytes):\n%s\n", xml_len, xml);
        abort();
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    FUZZ_REQUIRE(root != NULL && strcmp((const char *)root->name, "doc") == 0);
    xmlFreeDoc(doc);
    /* A second call returns the same cached string. */
    FUZZ_REQUIRE(wn_result_xml(res, NULL) == xml);

    const char *text = wn_result_text(res, &text_len);
    FUZZ_REQUIRE(text != NULL);
    FUZZ_REQUIRE(strlen(text) == text_len);
    FUZZ_REQUIRE(fuzz_valid_utf8(text, text_len));

    const char *title = wn_result_title(res);
    FUZZ_REQUIRE(title != NULL && fuzz_valid_utf8(title, strlen(title)));
    const char *charset = wn_result_charset(res);
    FUZZ_REQUIRE(charset != NULL && *charset);
    FUZZ_REQUIRE((unsigned)wn_result_charset_source(res) <= (unsigned)WN_CHARSET_FALLBACK);

    fuzz_check_stream(res, WN_FORMAT_XML, xml, xml_len);
    fuzz_check_stream(res, WN_FORMAT_TEXT, text, text_len);

    /* Metadata: every field strict UTF-8 and bounded; the JSON one line that
     * parses back, its text the text rendering's. */
    const wn_metadata *meta = wn_result_metadata(res);
    for (int f = 0; f < WN_META_FIELD_COUNT; f++) {
        const char *v = wn_result_meta(res, (wn_meta_field)f);
        FUZZ_REQUIRE(v != NULL && v == meta->field[f] && fuzz_valid_utf8(v, strlen(v)));
        FUZZ_REQUIRE(f == WN_META_AUTHOR || f == WN_META_TAGS || strlen(v) <= 2048);
    }
    FUZZ_REQUIRE(meta->author_count <= 16 && meta->tag_count <= 32);
    size_t json_len = 0;
    const char *json = wn_result_json(res, &json_len);
    FUZZ_REQUIRE(json != NULL && strlen(json) == json_len && json_len > 1);
    FUZZ_REQUIRE(json[json_len - 1] == '\n' && memchr(json, '\n', json_len - 1) == NULL);
    FUZZ_REQUIRE(fuzz_valid_utf8(json, json_len));
    json_error_t error;
    json_t *obj = json_loadb(json, json_len, 0, &error);
    FUZZ_REQUIRE(obj != NULL);
    json_t *jtext = json_object_get(obj, "text");
    FUZZ_REQUIRE(json_is_string(jtext) && json_string_length(jtext) == text_len &&
                 memcmp(json_string_value(jtext), text, text_len) == 0);
    json_decref(obj);
    fuzz_check_stream(res, WN_FORMAT_JSON, json, json_len);

    /* Markdown: strict UTF-8, streamed as cached; HTML: safe to embed. */
    size_t md_len = 0, html_len = 0;
    const char *md = wn_result_markdown(res, &md_len);
    FUZZ_REQUIRE(md != NULL && strlen(md) == md_len && fuzz_valid_utf8(md, md_len));
    fuzz_check_stream(res, WN_FORMAT_MARKDOWN, md, md_len);
    const char *html = wn_result_html(res, &html_len);
    FUZZ_REQUIRE(html != NULL);
    fuzz_check_html(html, html_len);
    fuzz_check_stream(res, WN_FORMAT_HTML, html, html_len);

    fuzz_sink e = {0};
    wn_status st = wn_result_write(res, WN_FORMAT_EXPLAIN, fuzz_sink_fn, &e);
    if (explain_kept) {
        FUZZ_REQUIRE(st == WN_OK);
        FUZZ_REQUIRE(e.len == 0 || fuzz_valid_utf8(e.data, e.len));
    } else {
        FUZZ_REQUIRE(st == WN_ERR_NOT_KEPT);
    }
    free(e.data);
}

#endif
