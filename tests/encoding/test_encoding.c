/* The encoding suite: every page in cases.tsv through the public API.
 *
 * Each case names a page (raw bytes in some encoding), the caller's charset
 * hint, the charset winnow must report and where it must say it came from,
 * and the text a browser shows (expected/, UTF-8: the title line, then one
 * line per paragraph). The text output must equal it byte for byte; the XML
 * output must parse back with libxml2 (no recovery) and carry the same title,
 * paragraphs and charset. make_pages.py writes the pages; this file only
 * reads them, through winnow.h and libwinnow. */
#include "winnow.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"

#ifndef WN_ENCODING_DIR
#  error "WN_ENCODING_DIR must name tests/encoding"
#endif

/* ---- the manifest ------------------------------------------------------------------ */

#define MAX_CASES 256
#define FIELDS 6

typedef struct enc_case {
    char *id, *page, *hint, *charset, *source, *expected;
} enc_case;

static enc_case cases[MAX_CASES];
static int n_cases;
static const char *manifest_error;

static char *read_file(const char *relative, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", WN_ENCODING_DIR, relative);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap + 1);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            char *grown = realloc(data, cap + 1);
            if (!grown)
                free(data);
            data = grown;
        }
    }
    fclose(f);
    if (data) {
        data[n] = '\0';
        *len = n;
    }
    return data;
}

/* Splits cases.tsv into cases[]; the buffer stays allocated for the run. */
static void load_manifest(void)
{
    size_t len;
    char *text = read_file("cases.tsv", &len);
    if (!text) {
        manifest_error = "cannot read " WN_ENCODING_DIR "/cases.tsv";
        return;
    }
    char *line = text;
    while (*line) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        if (*line && *line != '#') {
            if (n_cases == MAX_CASES) {
                manifest_error = "more than MAX_CASES cases";
                return;
            }
            char *field[FIELDS];
            int n = 0;
            for (char *p = line; n < FIELDS; n++) {
                field[n] = p;
                p = strchr(p, '\t');
                if (!p) {
                    n++;
                    break;
                }
                *p++ = '\0';
            }
            if (n != FIELDS) {
                manifest_error = "a line of cases.tsv without 6 fields";
                return;
            }
            cases[n_cases++] = (enc_case){field[0], field[1], field[2], field[3], field[4], field[5]};
        }
        if (!end)
            break;
        line = end + 1;
    }
}

static const char *const SOURCE_NAMES[] = {"bom", "hint", "meta", "detected", "fallback"};

/* ---- helpers --------------------------------------------------------------------------- */

static wn_result *extract_page(const enc_case *c, char **bytes_out)
{
    size_t len = 0;
    char *bytes = read_file(c->page, &len);
    ck_assert_msg(bytes != NULL, "%s: cannot read %s", c->id, c->page);
    wn_options options;
    wn_options_init(&options);
    options.flags = WN_FLAG_TITLE_IN_TEXT;
    wn_extractor *ex = NULL;
    ck_assert_int_eq(wn_extractor_new(&options, &ex), WN_OK);
    wn_result *res = NULL;
    const char *hint = strcmp(c->hint, "-") == 0 ? NULL : c->hint;
    wn_status st = wn_extract(ex, bytes, len, hint, NULL, &res);
    wn_extractor_free(ex);
    ck_assert_msg(st == WN_OK, "%s: wn_extract: %s", c->id, wn_status_message(st));
    *bytes_out = bytes;
    return res;
}

/* Where two strings first differ, for a readable failure. */
static void assert_same_text(const char *id, const char *got, size_t got_len, const char *want,
                             size_t want_len)
{
    size_t i = 0;
    while (i < got_len && i < want_len && got[i] == want[i])
        i++;
    size_t from = i > 40 ? i - 40 : 0;
    ck_assert_msg(got_len == want_len && i == got_len,
                  "%s: text differs at byte %zu (got %zu bytes, want %zu)\n  got:  ...%.*s\n  want: ...%.*s",
                  id, i, got_len, want_len, (int)((got_len - from) < 120 ? got_len - from : 120),
                  got + from, (int)((want_len - from) < 120 ? want_len - from : 120), want + from);
}

/* The next line of the expected text (NUL-terminated in place). */
static char *next_line(char **cursor)
{
    char *line = *cursor;
    if (!line || !*line)
        return NULL;
    char *nl = strchr(line, '\n');
    if (nl) {
        *nl = '\0';
        *cursor = nl + 1;
    } else {
        *cursor = NULL;
    }
    return line;
}

/* ---- the cases ------------------------------------------------------------------------- */

START_TEST(test_manifest)
{
    ck_assert_msg(manifest_error == NULL, "%s", manifest_error ? manifest_error : "");
    ck_assert_int_gt(n_cases, 0);
    /* Every page on disk is a case, and every case's files exist. */
    char path[1024];
    snprintf(path, sizeof path, "%s/pages", WN_ENCODING_DIR);
    DIR *dir = opendir(path);
    ck_assert_ptr_nonnull(dir);
    int pages = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        pages++;
        int listed = 0;
        for (int i = 0; i < n_cases && !listed; i++)
            listed = strcmp(cases[i].page + strlen("pages/"), e->d_name) == 0;
        ck_assert_msg(listed, "pages/%s is not in cases.tsv", e->d_name);
    }
    closedir(dir);
    ck_assert_int_eq(pages, n_cases);
    for (int i = 0; i < n_cases; i++) {
        int known = 0;
        for (int s = 0; s < WN_COUNT(SOURCE_NAMES); s++)
            known |= strcmp(cases[i].source, SOURCE_NAMES[s]) == 0;
        ck_assert_msg(known, "%s: unknown source %s", cases[i].id, cases[i].source);
    }
}
END_TEST

/* The text output is exactly what a browser shows, and the charset and its
 * source are as expected. */
START_TEST(test_text)
{
    ck_assert_msg(manifest_error == NULL && _i < n_cases, "no case %d", _i);
    const enc_case *c = &cases[_i];
    char *bytes;
    wn_result *res = extract_page(c, &bytes);
    ck_assert_msg(strcmp(wn_result_charset(res), c->charset) == 0, "%s: charset %s, want %s", c->id,
                  wn_result_charset(res), c->charset);
    wn_charset_source source = wn_result_charset_source(res);
    ck_assert_msg((int)source >= 0 && (int)source < WN_COUNT(SOURCE_NAMES) &&
                      strcmp(SOURCE_NAMES[source], c->source) == 0,
                  "%s: charset source %d, want %s", c->id, (int)source, c->source);
    size_t want_len = 0, got_len = 0;
    char *want = read_file(c->expected, &want_len);
    ck_assert_msg(want != NULL, "%s: cannot read %s", c->id, c->expected);
    const char *got = wn_result_text(res, &got_len);
    ck_assert_ptr_nonnull(got);
    assert_same_text(c->id, got, got_len, want, want_len);
    free(want);
    wn_result_free(res);
    free(bytes);
}
END_TEST

/* The XML output parses back without recovery and holds the same title,
 * paragraphs and charset as the text. */
START_TEST(test_xml)
{
    ck_assert_msg(manifest_error == NULL && _i < n_cases, "no case %d", _i);
    const enc_case *c = &cases[_i];
    char *bytes;
    wn_result *res = extract_page(c, &bytes);
    size_t xml_len = 0;
    const char *xml = wn_result_xml(res, &xml_len);
    ck_assert_ptr_nonnull(xml);
    xmlDocPtr doc = xmlReadMemory(xml, (int)xml_len, "out.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ck_assert_msg(doc != NULL, "%s: the XML is not well-formed:\n%s", c->id, xml);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq((const char *)root->name, "doc");

    xmlChar *charset = xmlGetProp(root, BAD_CAST "charset");
    xmlChar *source = xmlGetProp(root, BAD_CAST "charset-source");
    ck_assert_msg(charset && strcmp((const char *)charset, c->charset) == 0, "%s: charset=\"%s\"", c->id,
                  charset ? (const char *)charset : "(none)");
    ck_assert_msg(source && strcmp((const char *)source, c->source) == 0, "%s: charset-source=\"%s\"",
                  c->id, source ? (const char *)source : "(none)");
    xmlFree(charset);
    xmlFree(source);

    size_t want_len;
    char *want = read_file(c->expected, &want_len);
    ck_assert_ptr_nonnull(want);
    char *cursor = want;
    char *line = next_line(&cursor);
    xmlChar *title = xmlGetProp(root, BAD_CAST "title");
    ck_assert_msg(title && line && strcmp((const char *)title, line) == 0, "%s: title=\"%s\", want \"%s\"",
                  c->id, title ? (const char *)title : "(none)", line ? line : "(none)");
    xmlFree(title);

    xmlNodePtr main_el = NULL;
    for (xmlNodePtr n = root->children; n && !main_el; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "main") == 0)
            main_el = n;
    ck_assert_msg(main_el != NULL, "%s: no <main>", c->id);
    int paragraphs = 0;
    for (xmlNodePtr n = main_el->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        line = next_line(&cursor);
        xmlChar *content = xmlNodeGetContent(n);
        ck_assert_msg(line && content && strcmp((const char *)content, line) == 0,
                      "%s: <%s> %d is \"%s\", want \"%s\"", c->id, (const char *)n->name, paragraphs,
                      content ? (const char *)content : "", line ? line : "(no more lines)");
        xmlFree(content);
        paragraphs++;
    }
    ck_assert_msg(next_line(&cursor) == NULL, "%s: fewer paragraphs in the XML than expected", c->id);
    free(want);
    xmlFreeDoc(doc);
    wn_result_free(res);
    free(bytes);
}
END_TEST

Suite *wn_test_suite(void)
{
    load_manifest();
    Suite *s = suite_create("encoding");
    TCase *tc = tcase_create("manifest");
    tcase_add_test(tc, test_manifest);
    suite_add_tcase(s, tc);

    int n = n_cases > 0 ? n_cases : 1; /* an unreadable manifest still fails */
    tc = tcase_create("text");
    tcase_add_loop_test(tc, test_text, 0, n);
    suite_add_tcase(s, tc);

    tc = tcase_create("xml");
    tcase_add_loop_test(tc, test_xml, 0, n);
    suite_add_tcase(s, tc);
    return s;
}
