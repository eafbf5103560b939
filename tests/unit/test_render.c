/* content.c + text.c + xml.c + explain.c: the content model and its renderers.
 * XML output is parsed back with libxml2 to prove it well-formed. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc_helper.h"
#include "output/content.h"
#include "output/render.h"
#include "runner.h"
#include "score/score.h"
#include "utf8.h"

/* ---- helpers ------------------------------------------------------------------- */

static int to_buf(void *data, const char *bytes, size_t len)
{
    wn_buf_append(data, bytes, len);
    return 0;
}

typedef struct failing_sink {
    unsigned calls;
    unsigned fail_at;   /* the call (from 1) that fails */
} failing_sink;

static int fail_sink(void *data, const char *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    failing_sink *f = data;
    f->calls++;
    return f->calls >= f->fail_at ? -1 : 0;
}

/* A hand-built content list in an arena. */
typedef struct built_content {
    wn_arena arena;
    wn_content content;
} built_content;

static void content_init(built_content *b)
{
    wn_arena_init(&b->arena, 0);
    memset(&b->content, 0, sizeof b->content);
    b->content.arena = &b->arena;
    b->content.capacity = 64;
    b->content.items = wn_arena_calloc(&b->arena, 64, sizeof(wn_content_item));
}

static void add(built_content *b, wn_content_kind kind, unsigned level, const char *text)
{
    ck_assert_uint_lt(b->content.count, b->content.capacity);
    wn_content_item *it = &b->content.items[b->content.count++];
    it->kind = (uint8_t)kind;
    it->level = (uint8_t)level;
    it->text = text;
    it->len = text ? (uint32_t)strlen(text) : 0;
}

/* Content built from a page by the real pipeline (blocks -> score -> content). */
typedef struct page_content {
    wn_test_doc t;
    wn_arena arena;
    wn_content content;
} page_content;

static void page_init(page_content *p, const char *html, bool comments)
{
    wn_test_doc_scored(&p->t, html);
    wn_arena_init(&p->arena, 0);
    memset(&p->content, 0, sizeof p->content);
    p->content.arena = &p->arena;
    ck_assert_int_eq(wn_content_build(&p->t.doc, comments, &p->content), WN_OK);
}

static void page_free(page_content *p)
{
    wn_arena_release(&p->arena);
    wn_test_doc_free(&p->t);
}

static char *render_text(const wn_content *content, const char *title)
{
    wn_buf b;
    wn_buf_init(&b);
    ck_assert_int_eq(wn_render_text(content, title, to_buf, &b), WN_OK);
    return wn_buf_detach(&b, NULL);
}

static char *render_xml(const wn_content *content, const wn_page_info *info, size_t *len)
{
    wn_buf b;
    wn_buf_init(&b);
    ck_assert_int_eq(wn_render_xml(content, info, false, to_buf, &b), WN_OK);
    return wn_buf_detach(&b, len);
}

/* Parses XML strictly (no recovery): NULL if it is not well-formed. */
static xmlDocPtr parse_xml(const char *xml, size_t len)
{
    return xmlReadMemory(xml, (int)len, "out.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                            XML_PARSE_NOWARNING);
}

static xmlNodePtr first_element(xmlNodePtr n)
{
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

static xmlNodePtr next_element(xmlNodePtr n)
{
    return n ? first_element(n->next) : NULL;
}

static xmlNodePtr child(xmlNodePtr n)
{
    return n ? first_element(n->children) : NULL;
}

static void assert_element(xmlNodePtr n, const char *name, const char *text)
{
    ck_assert_msg(n != NULL, "missing <%s>", name);
    ck_assert_str_eq((const char *)n->name, name);
    if (text) {
        xmlChar *content = xmlNodeGetContent(n);
        ck_assert_str_eq((const char *)content, text);
        xmlFree(content);
    }
}

/* The serialised structure of an XML element: "main(p,list(item,item))". */
static void shape(xmlNodePtr n, wn_buf *out)
{
    wn_buf_puts(out, (const char *)n->name);
    xmlNodePtr c = child(n);
    if (!c)
        return;
    wn_buf_putc(out, '(');
    for (bool first = true; c; c = next_element(c), first = false) {
        if (!first)
            wn_buf_putc(out, ',');
        shape(c, out);
    }
    wn_buf_putc(out, ')');
}

static char *shape_of(xmlNodePtr n)
{
    wn_buf b;
    wn_buf_init(&b);
    shape(n, &b);
    return wn_buf_detach(&b, NULL);
}

/* ---- hand-built content ------------------------------------------------------------ */

static void sample_content(built_content *b)
{
    content_init(b);
    add(b, WN_C_HEAD, 2, "Section & <one>");
    add(b, WN_C_PARA, 0, "First \"para\" with 'quotes' > and <tags>.");
    add(b, WN_C_LIST_OPEN, 0, NULL);
    add(b, WN_C_ITEM, 0, "apple");
    add(b, WN_C_ITEM, 0, "pear");
    add(b, WN_C_LIST_CLOSE, 0, NULL);
    add(b, WN_C_TABLE_OPEN, 0, NULL);
    add(b, WN_C_ROW_OPEN, 0, NULL);
    add(b, WN_C_CELL, 0, "a1");
    add(b, WN_C_CELL, 0, "b1");
    add(b, WN_C_ROW_CLOSE, 0, NULL);
    add(b, WN_C_ROW_OPEN, 0, NULL);
    add(b, WN_C_CELL, 0, "a2");
    add(b, WN_C_CELL, 0, "b2");
    add(b, WN_C_ROW_CLOSE, 0, NULL);
    add(b, WN_C_TABLE_CLOSE, 0, NULL);
    add(b, WN_C_QUOTE_OPEN, 0, NULL);
    add(b, WN_C_PARA, 0, "quoted");
    add(b, WN_C_QUOTE_CLOSE, 0, NULL);
    add(b, WN_C_CODE, 0, "x = 1;\n  y = 2;");
    add(b, WN_C_CAPTION, 0, "caption");
}

START_TEST(test_text_sample)
{
    built_content b;
    sample_content(&b);
    char *text = render_text(&b.content, NULL);
    ck_assert_str_eq(text, "Section & <one>\n"
                           "First \"para\" with 'quotes' > and <tags>.\n"
                           "apple\npear\n"
                           "a1 b1\na2 b2\n"
                           "quoted\n"
                           "x = 1;\n  y = 2;\n"
                           "caption\n");
    free(text);
    text = render_text(&b.content, "The Title");
    ck_assert_ptr_nonnull(strstr(text, "The Title\nSection & <one>\n"));
    ck_assert_int_eq(strncmp(text, "The Title\n", 10), 0);
    free(text);
    wn_arena_release(&b.arena);
}
END_TEST

START_TEST(test_xml_sample)
{
    built_content b;
    sample_content(&b);
    wn_page_info info = {"Title & \"quotes\" <x>", "http://example.com/?a=1&b=2", "GB18030", "meta", "<urn:uuid:1>", NULL, NULL};
    size_t len;
    char *xml = render_xml(&b.content, &info, &len);
    ck_assert_uint_eq(len, strlen(xml));
    ck_assert_int_eq(strncmp(xml, "<?xml", 5), 0);
    xmlDocPtr doc = parse_xml(xml, len);
    ck_assert_msg(doc != NULL, "not well-formed:\n%s", xml);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_element(root, "doc", NULL);
    xmlChar *title = xmlGetProp(root, BAD_CAST "title");
    ck_assert_str_eq((const char *)title, "Title & \"quotes\" <x>");
    xmlFree(title);
    xmlChar *url = xmlGetProp(root, BAD_CAST "url");
    ck_assert_str_eq((const char *)url, "http://example.com/?a=1&b=2");
    xmlFree(url);
    xmlChar *charset = xmlGetProp(root, BAD_CAST "charset");
    ck_assert_str_eq((const char *)charset, "GB18030");
    xmlFree(charset);
    xmlChar *source = xmlGetProp(root, BAD_CAST "charset-source");
    ck_assert_str_eq((const char *)source, "meta");
    xmlFree(source);
    xmlChar *record_id = xmlGetProp(root, BAD_CAST "record-id");
    ck_assert_str_eq((const char *)record_id, "<urn:uuid:1>");
    xmlFree(record_id);

    xmlNodePtr main = child(root);
    assert_element(main, "main", NULL);
    ck_assert_ptr_null(next_element(main));
    char *s = shape_of(main);
    ck_assert_str_eq(s, "main(head,p,list(item,item),table(row(cell,cell),row(cell,cell)),quote(p),code,caption)");
    free(s);
    xmlNodePtr head = child(main);
    assert_element(head, "head", "Section & <one>");
    xmlChar *rend = xmlGetProp(head, BAD_CAST "rend");
    ck_assert_str_eq((const char *)rend, "h2");
    xmlFree(rend);
    xmlNodePtr p = next_element(head);
    assert_element(p, "p", "First \"para\" with 'quotes' > and <tags>.");
    xmlNodePtr list = next_element(p);
    assert_element(child(list), "item", "apple");
    assert_element(next_element(child(list)), "item", "pear");
    xmlNodePtr table = next_element(list);
    xmlNodePtr row2 = next_element(child(table));
    assert_element(child(row2), "cell", "a2");
    assert_element(next_element(child(row2)), "cell", "b2");
    xmlNodePtr code = next_element(next_element(table));
    assert_element(code, "code", "x = 1;\n  y = 2;");
    xmlFreeDoc(doc);
    free(xml);
    wn_arena_release(&b.arena);
}
END_TEST

/* No info, no content: still a well-formed document with an empty <main>. */
START_TEST(test_xml_empty)
{
    built_content b;
    content_init(&b);
    size_t len;
    char *xml = render_xml(&b.content, NULL, &len);
    xmlDocPtr doc = parse_xml(xml, len);
    ck_assert_msg(doc != NULL, "not well-formed:\n%s", xml);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_element(root, "doc", NULL);
    assert_element(child(root), "main", NULL);
    ck_assert_ptr_null(child(child(root)));
    xmlFreeDoc(doc);
    free(xml);
    char *text = render_text(&b.content, NULL);
    ck_assert_str_eq(text, "");
    free(text);
    wn_arena_release(&b.arena);
}
END_TEST

/* A sink that refuses bytes makes the render fail with WN_ERR_OUTPUT. */
static const unsigned FAIL_AT[] = {1, 2, 3};

START_TEST(test_sink_failure)
{
    built_content b;
    sample_content(&b);
    failing_sink f = {0, FAIL_AT[_i]};
    ck_assert_int_eq(wn_render_text(&b.content, "title", fail_sink, &f), WN_ERR_OUTPUT);
    ck_assert_uint_eq(f.calls, FAIL_AT[_i]); /* nothing more after the failure */
    failing_sink g = {0, 1};
    ck_assert_int_eq(wn_render_xml(&b.content, NULL, false, fail_sink, &g), WN_ERR_OUTPUT);
    ck_assert_uint_eq(g.calls, 1);
    wn_arena_release(&b.arena);
}
END_TEST

/* ---- bounds: what libxml2's default parser accepts -------------------------------- */

/* The deepest element nesting of a document (iterative walk). */
static unsigned max_depth(xmlDocPtr doc)
{
    unsigned depth = 1, deepest = 0;
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n) {
        if (depth > deepest)
            deepest = depth;
        xmlNodePtr down = first_element(n->children);
        if (down) {
            n = down;
            depth++;
            continue;
        }
        while (n && !next_element(n)) {
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
            depth--;
        }
        if (n)
            n = next_element(n);
    }
    return deepest;
}

static void content_init_sized(built_content *b, size_t capacity)
{
    content_init(b);
    b->content.capacity = capacity;
    b->content.items = wn_arena_calloc(&b->arena, capacity, sizeof(wn_content_item));
}

START_TEST(test_xml_unindented_by_default)
{
    built_content b;
    sample_content(&b);
    size_t len;
    char *xml = render_xml(&b.content, NULL, &len);
    /* No line break between elements (the code block keeps its own). */
    const char *body = strstr(xml, "?>\n<doc>");
    ck_assert_ptr_nonnull(body);
    ck_assert_ptr_null(strstr(body + 3, ">\n<"));
    ck_assert_ptr_null(strstr(body + 3, ">\n "));
    ck_assert_ptr_nonnull(strstr(xml, "<doc><main><head rend=\"h2\">"));
    free(xml);

    wn_buf out;
    wn_buf_init(&out);
    ck_assert_int_eq(wn_render_xml(&b.content, NULL, true, to_buf, &out), WN_OK);
    char *indented = wn_buf_detach(&out, &len);
    ck_assert_ptr_nonnull(strstr(indented, "<doc>\n  <main>\n    <head rend=\"h2\">"));
    ck_assert_ptr_nonnull(strstr(indented, "\n      <item>apple</item>\n"));
    xmlDocPtr doc = parse_xml(indented, len);
    ck_assert_ptr_nonnull(doc);
    xmlFreeDoc(doc);
    free(indented);
    wn_arena_release(&b.arena);
}
END_TEST

/* 600 nested quotes, then 600 nested lists with an item at the bottom and a
 * table at each level: libxml2 refuses nesting past 256 unless told
 * XML_PARSE_HUGE. Containers past the cap go into their ancestor; the text
 * stays, and the structure resumes after them. */
START_TEST(test_xml_deep_nesting_capped)
{
    enum { LEVELS = 600 };
    built_content b;
    content_init_sized(&b, LEVELS * 10 + 16);
    for (int i = 0; i < LEVELS; i++)
        add(&b, WN_C_QUOTE_OPEN, 0, NULL);
    add(&b, WN_C_PARA, 0, "deep quote");
    for (int i = 0; i < LEVELS; i++)
        add(&b, WN_C_QUOTE_CLOSE, 0, NULL);
    for (int i = 0; i < LEVELS; i++) {
        add(&b, WN_C_LIST_OPEN, 0, NULL);
        add(&b, WN_C_TABLE_OPEN, 0, NULL);
        add(&b, WN_C_ROW_OPEN, 0, NULL);
        add(&b, WN_C_CELL, 0, "cell");
        add(&b, WN_C_ROW_CLOSE, 0, NULL);
        add(&b, WN_C_TABLE_CLOSE, 0, NULL);
    }
    add(&b, WN_C_ITEM, 0, "deep item");
    for (int i = 0; i < LEVELS; i++)
        add(&b, WN_C_LIST_CLOSE, 0, NULL);
    add(&b, WN_C_PARA, 0, "after");
    size_t len;
    char *xml = render_xml(&b.content, NULL, &len);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "deep.xml", NULL, XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ck_assert_msg(doc != NULL, "libxml2's default parser refused the output");
    unsigned depth = max_depth(doc);
    ck_assert_uint_le(depth, 256);
    ck_assert_uint_ge(depth, 150); /* nesting is kept up to the cap */
    xmlChar *all = xmlNodeGetContent(xmlDocGetRootElement(doc));
    ck_assert_ptr_nonnull(strstr((char *)all, "deep quote"));
    ck_assert_ptr_nonnull(strstr((char *)all, "deep item"));
    xmlFree(all);
    /* Every cell is still there, each in an element of its own. */
    size_t cells = 0;
    for (const char *p = xml; (p = strstr(p, ">cell</")); p++)
        cells++;
    ck_assert_uint_eq(cells, LEVELS);
    ck_assert_ptr_nonnull(strstr(xml, "<item>deep item</item>"));
    /* The last paragraph is main's own child again. */
    xmlNodePtr main = child(xmlDocGetRootElement(doc));
    xmlNodePtr last = xmlGetLastChild(main);
    assert_element(last, "p", "after");
    xmlFreeDoc(doc);
    free(xml);
    wn_arena_release(&b.arena);
}
END_TEST

/* A 21 MB paragraph (libxml2 refuses text nodes over 10,000,000 bytes) is
 * split into sibling <p> elements, each under the limit, at character
 * boundaries; together they hold the whole text. A heading keeps its rend. */
START_TEST(test_xml_long_text_split)
{
    static const char unit[] = "w\xC3\xB6rd \xE4\xB8\xAD\xE6\x96\x87 & <x> "; /* 17 bytes */
    size_t units = 21000000 / (sizeof unit - 1);
    size_t text_len = units * (sizeof unit - 1);
    char *text = malloc(text_len + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < units; i++)
        memcpy(text + i * (sizeof unit - 1), unit, sizeof unit - 1);
    text[text_len] = '\0';
    built_content b;
    content_init(&b);
    add(&b, WN_C_HEAD, 2, text);
    add(&b, WN_C_PARA, 0, text);
    size_t len;
    char *xml = render_xml(&b.content, NULL, &len);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "long.xml", NULL, XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ck_assert_msg(doc != NULL, "libxml2's default parser refused the output");
    const char *names[] = {"head", "p"};
    xmlNodePtr n = child(child(xmlDocGetRootElement(doc)));
    for (int k = 0; k < 2; k++) {
        size_t pos = 0, pieces = 0;
        for (; n && strcmp((const char *)n->name, names[k]) == 0; n = next_element(n)) {
            xmlChar *content = xmlNodeGetContent(n);
            size_t piece = strlen((const char *)content);
            ck_assert_uint_lt(piece, 10000000);
            ck_assert_uint_le(pos + piece, text_len);
            ck_assert_msg(memcmp(text + pos, content, piece) == 0, "piece %zu differs", pieces);
            if (k == 0) {
                xmlChar *rend = xmlGetProp(n, BAD_CAST "rend");
                ck_assert_str_eq((const char *)rend, "h2");
                xmlFree(rend);
            }
            xmlFree(content);
            pos += piece;
            pieces++;
        }
        ck_assert_uint_eq(pos, text_len);
        ck_assert_uint_ge(pieces, 3);
    }
    ck_assert_ptr_null(n);
    xmlFreeDoc(doc);
    free(xml);
    free(text);
    wn_arena_release(&b.arena);
}
END_TEST

/* An attribute value (a page's <title>) over 1 MiB is cut at a character
 * boundary: libxml2 refuses attribute values over 10,000,000 bytes. */
START_TEST(test_xml_long_attribute_cut)
{
    size_t title_len = 12000000;
    char *title = malloc(title_len + 1);
    ck_assert_ptr_nonnull(title);
    for (size_t i = 0; i + 3 <= title_len; i += 3)
        memcpy(title + i, "\xE4\xB8\xAD", 3);
    title[title_len] = '\0';
    built_content b;
    content_init(&b);
    add(&b, WN_C_PARA, 0, "text");
    wn_page_info info = {title, NULL, "UTF-8", "meta", NULL, NULL, NULL};
    size_t len;
    char *xml = render_xml(&b.content, &info, &len);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "attr.xml", NULL, XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ck_assert_msg(doc != NULL, "libxml2's default parser refused the output");
    xmlChar *got = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "title");
    size_t got_len = strlen((const char *)got);
    ck_assert_uint_gt(got_len, 1000000 - 3);
    ck_assert_uint_le(got_len, 1 << 20);
    ck_assert_uint_eq(got_len % 3, 0);
    ck_assert_int_eq(memcmp(got, title, got_len), 0);
    xmlFree(got);
    xmlFreeDoc(doc);
    free(xml);
    free(title);
    wn_arena_release(&b.arena);
}
END_TEST

/* ---- pages through the content builder ------------------------------------------------ */

/* Distinct long paragraphs (identical long blocks are emitted once). */
#define LONG_PARA \
    "This paragraph is long enough, with commas, clauses and a full stop, to be taken as the " \
    "body of the article by any reasonable scorer."
#define LONG_PARA2 \
    "A second paragraph follows, and it too has commas, several clauses and enough words to " \
    "count as prose rather than as a menu or a caption."
#define LONG_PARA3 \
    "The third and last paragraph closes the article, repeating nothing, adding a little more, " \
    "and ending, as paragraphs do, with a full stop."

START_TEST(test_page_table_and_list)
{
    page_content p;
    page_init(&p, "<html><body><div id=\"art\"><p>" LONG_PARA "</p>"
                  "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr>"
                  "<tr><td>Bob</td><td>42</td></tr></table>"
                  "<p>" LONG_PARA2 "</p><ul><li>first item</li><li>second <b>item</b></li></ul>"
                  "<p>" LONG_PARA3 "</p></div></body></html>", false);
    char *text = render_text(&p.content, NULL);
    ck_assert_str_eq(text, LONG_PARA "\nName Age\nAnn 31\nBob 42\n" LONG_PARA2 "\nfirst item\nsecond item\n"
                           LONG_PARA3 "\n");
    free(text);
    size_t len;
    char *xml = render_xml(&p.content, NULL, &len);
    xmlDocPtr doc = parse_xml(xml, len);
    ck_assert_msg(doc != NULL, "not well-formed:\n%s", xml);
    char *s = shape_of(child(xmlDocGetRootElement(doc)));
    ck_assert_str_eq(s, "main(p,table(row(cell,cell),row(cell,cell),row(cell,cell)),p,list(item,item),p)");
    free(s);
    xmlNodePtr table = next_element(child(child(xmlDocGetRootElement(doc))));
    xmlNodePtr row2 = next_element(child(table));
    assert_element(child(row2), "cell", "Ann");
    assert_element(next_element(child(row2)), "cell", "31");
    xmlFreeDoc(doc);
    free(xml);
    page_free(&p);
}
END_TEST

/* Text comes out in NFC: a combining accent joins its letter, a character
 * NFC never keeps (Bengali U+09DF) is decomposed, "é" stays as it is. */
START_TEST(test_text_in_nfc)
{
    page_content p;
    page_init(&p, "<html><body><div id=\"art\"><p>" LONG_PARA "</p>"
                  "<p>Cafe\xcc\x81 caf\xc3\xa9 \xe0\xa7\x9f.</p><p>" LONG_PARA2 "</p></div></body></html>",
              false);
    char *text = render_text(&p.content, NULL);
    ck_assert_str_eq(text, LONG_PARA "\nCaf\xc3\xa9 caf\xc3\xa9 \xe0\xa6\xaf\xe0\xa6\xbc.\n" LONG_PARA2 "\n");
    free(text);
    page_free(&p);
}
END_TEST

/* Ruby annotations (<rt>, <rp>, <rtc>) are not read: the base text is. */
START_TEST(test_ruby_base_text_only)
{
    page_content p;
    page_init(&p, "<html><body><div id=\"art\"><p>" LONG_PARA "</p><p>"
                  "<ruby>\xe6\xbc\xa2<rp>(</rp><rt>kan</rt><rp>)</rp>\xe5\xad\x97"
                  "<rtc>letters</rtc></ruby> are written here.</p>"
                  "<p>" LONG_PARA2 "</p></div></body></html>", false);
    char *text = render_text(&p.content, NULL);
    ck_assert_str_eq(text, LONG_PARA "\n\xe6\xbc\xa2\xe5\xad\x97 are written here.\n" LONG_PARA2 "\n");
    free(text);
    page_free(&p);
}
END_TEST

/* A table that lays the page out (its cells hold paragraphs, lists,
 * headings) is read as blocks; a data table keeps its rows and cells. */
START_TEST(test_layout_table)
{
    page_content p;
    page_init(&p, "<html><body><table><tr><td><h2>Walks</h2><p>" LONG_PARA "</p>"
                  "<ul><li>first item</li><li>second item</li></ul></td>"
                  "<td>Loose cell text<br>on two lines</td></tr>"
                  "<tr><td><p>" LONG_PARA2 "</p><table><tr><td>Ann</td><td>31</td></tr></table></td></tr>"
                  "</table></body></html>", false);
    char *text = render_text(&p.content, NULL);
    ck_assert_str_eq(text, "Walks\n" LONG_PARA "\nfirst item\nsecond item\nLoose cell text\non two lines\n"
                           LONG_PARA2 "\nAnn 31\n");
    free(text);
    size_t len;
    char *xml = render_xml(&p.content, NULL, &len);
    xmlDocPtr doc = parse_xml(xml, len);
    ck_assert_msg(doc != NULL, "not well-formed:\n%s", xml);
    char *shape = shape_of(child(xmlDocGetRootElement(doc)));
    ck_assert_str_eq(shape, "main(head,p,list(item,item),p,p,p,table(row(cell,cell)))");
    free(shape);
    xmlFreeDoc(doc);
    free(xml);
    page_free(&p);
}
END_TEST

START_TEST(test_page_whitespace_and_breaks)
{
    page_content p;
    page_init(&p, "<div><p>" LONG_PARA "</p><p>  spaced \n\t out   <i>words</i> </p>"
                  "<p>line one<br>line two</p><pre>  keep\n    this</pre><h2>A   heading</h2>"
                  "<p>" LONG_PARA2 "</p></div>", false);
    char *text = render_text(&p.content, NULL);
    ck_assert_str_eq(text, LONG_PARA "\nspaced out words\nline one\nline two\n  keep\n    this\n"
                           "A heading\n" LONG_PARA2 "\n");
    free(text);
    page_free(&p);
}
END_TEST

/* Characters XML 1.0 forbids never reach the XML, wherever they come from. */
static const char *const FORBIDDEN[] = {
    "\x01", "\x08", "\x0B", "\x0C", "\x1F", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\x7F\x01\xEF\xBF\xBE",
};

START_TEST(test_forbidden_chars)
{
    const char *bad = FORBIDDEN[_i];
    char html[1024];
    snprintf(html, sizeof html,
             "<html><head><title>T%sitle</title></head><body><div><h1>Head%sing</h1>"
             "<p>" LONG_PARA "</p><p>bad%schar</p><ul><li>it%sem</li></ul>"
             "<table><tr><td>ce%sll</td></tr></table><p>" LONG_PARA2 "</p></div></body></html>",
             bad, bad, bad, bad, bad);
    page_content p;
    page_init(&p, html, false);
    for (size_t i = 0; i < p.content.count; i++) {
        const wn_content_item *it = &p.content.items[i];
        if (!it->text)
            continue;
        size_t pos = 0;
        while (pos < it->len)
            ck_assert_msg(wn_is_xml_char(wn_utf8_next(it->text, it->len, &pos)), "item %zu: \"%s\"", i,
                          it->text);
    }
    static const char dirty_title[] = "T\x01i\xEF\xBF\xBEtle";
    wn_page_info info = {wn_xml_clean(&p.arena, dirty_title, strlen(dirty_title)), NULL, "UTF-8", "meta", NULL, NULL, NULL};
    size_t len;
    char *xml = render_xml(&p.content, &info, &len);
    ck_assert_ptr_null(memchr(xml, '\x01', len));
    ck_assert_ptr_null(strstr(xml, "\xEF\xBF\xBE"));
    ck_assert_ptr_null(strstr(xml, "&#1;"));
    ck_assert_ptr_null(strstr(xml, "&#x1;"));
    xmlDocPtr doc = parse_xml(xml, len);
    ck_assert_msg(doc != NULL, "not well-formed:\n%s", xml);
    /* The text around the character survives (HTML white space among them
     * becomes a space). */
    ck_assert_ptr_nonnull(strstr(xml, "bad"));
    ck_assert_ptr_nonnull(strstr(xml, "char"));
    ck_assert_ptr_nonnull(strstr(xml, "<item>"));
    ck_assert_ptr_nonnull(strstr(xml, "<cell>"));
    ck_assert_ptr_nonnull(strstr(xml, "title=\"Title\""));
    xmlFreeDoc(doc);
    free(xml);
    page_free(&p);
}
END_TEST

START_TEST(test_xml_clean)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    /* Controls and noncharacters go; a bad byte becomes U+FFFD; tab/LF/CR stay. */
    static const char in[] = "a\x01" "b\xEF\xBF\xBE" "c\xFF" "d\t\n\r\xEF\xBF\xBF" "e\xED\xA0\x80" "f\xC3\xA9";
    char *out = wn_xml_clean(&arena, in, sizeof in - 1);
    ck_assert_str_eq(out, "abc\xEF\xBF\xBD" "d\t\n\r" "e\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "f\xC3\xA9");
    ck_assert_str_eq(wn_xml_clean(&arena, "", 0), "");
    wn_arena_release(&arena);
}
END_TEST

START_TEST(test_comments_section)
{
    static const char html[] =
        "<div id=\"art\"><p>" LONG_PARA "</p><p>" LONG_PARA2 "</p><p>" LONG_PARA3 "</p>"
        "<div class=\"comments\"><h3>2 Comments</h3><div class=\"comment\"><p>First comment text "
        "here, fairly short.</p></div><div class=\"comment\"><p>Second comment text.</p></div></div></div>";
    page_content p;
    page_init(&p, html, true);
    size_t len;
    char *xml = render_xml(&p.content, NULL, &len);
    xmlDocPtr doc = parse_xml(xml, len);
    ck_assert_msg(doc != NULL, "not well-formed:\n%s", xml);
    xmlNodePtr main = child(xmlDocGetRootElement(doc));
    assert_element(main, "main", NULL);
    xmlNodePtr comments = next_element(main);
    assert_element(comments, "comments", NULL);
    xmlChar *all = xmlNodeGetContent(comments);
    ck_assert_ptr_nonnull(strstr((const char *)all, "First comment text"));
    ck_assert_ptr_nonnull(strstr((const char *)all, "Second comment text."));
    xmlFree(all);
    xmlChar *body = xmlNodeGetContent(main);
    ck_assert_ptr_null(strstr((const char *)body, "comment text"));
    xmlFree(body);
    xmlFreeDoc(doc);
    free(xml);
    page_free(&p);

    /* Without the flag the thread is simply gone. */
    page_init(&p, html, false);
    char *text = render_text(&p.content, NULL);
    ck_assert_ptr_null(strstr(text, "comment text"));
    ck_assert_ptr_nonnull(strstr(text, LONG_PARA));
    free(text);
    page_free(&p);
}
END_TEST

/* Notes set as loose lines of text (split by <br> or beside a child block)
 * are judged like the blocks they would be: a source or editor note, an app
 * prompt and a byline of labelled fields go; a sentence that merely starts
 * with such a word, and a whole block, stay. */
START_TEST(test_loose_note_lines)
{
    page_content p;
    page_init(&p, "<div><p>" LONG_PARA "</p><div>" LONG_PARA2 "<br>\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96"
                  "\xE8\xBE\x91\xEF\xBC\x9A\xE5\xBC\xA0\xE4\xB8\x89<br>"
                  "\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A\xE6\x9F\x90\xE6\x9F\x90\xE6\x97\xA5\xE6\x8A\xA5 "
                  "\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A\xE6\x9D\x8E\xE5\x9B\x9B<br>"
                  "\xE7\xBC\x96\xE8\xBE\x91\xE9\x83\xA8\xE7\x9A\x84\xE5\x90\x8C\xE4\xBA\x8B"
                  "\xE4\xBB\xAC\xE4\xB8\x80\xE8\xB5\xB7\xE5\x8E\xBB\xE4\xBA\x86\xE9\xA6\x99"
                  "\xE5\xB1\xB1\xE3\x80\x82</div><p>" LONG_PARA3 "</p></div>", false);
    char *text = render_text(&p.content, NULL);
    /* 责任编辑：张三 and 来源：某某日报 作者：李四 go; 编辑部的同事们一起去了香山。 stays. */
    ck_assert_str_eq(text, LONG_PARA "\n" LONG_PARA2 "\n\xE7\xBC\x96\xE8\xBE\x91\xE9\x83\xA8"
                           "\xE7\x9A\x84\xE5\x90\x8C\xE4\xBA\x8B\xE4\xBB\xAC\xE4\xB8\x80"
                           "\xE8\xB5\xB7\xE5\x8E\xBB\xE4\xBA\x86\xE9\xA6\x99\xE5\xB1\xB1"
                           "\xE3\x80\x82\n" LONG_PARA3 "\n");
    free(text);
    page_free(&p);
}
END_TEST

/* A page that carries its article twice yields it once; short lines that
 * repeat ("Yes.", a refrain) are not duplicates of anything. */
START_TEST(test_duplicate_blocks)
{
    page_content p;
    page_init(&p, "<div><p>" LONG_PARA "</p><p>Yes.</p><p>" LONG_PARA2 "</p><p>Yes.</p>"
                  "<div class=\"print-copy\"><p>" LONG_PARA "</p><p>" LONG_PARA2 "</p></div>"
                  "<p>" LONG_PARA3 "</p></div>", false);
    char *text = render_text(&p.content, NULL);
    ck_assert_str_eq(text, LONG_PARA "\nYes.\n" LONG_PARA2 "\nYes.\n" LONG_PARA3 "\n");
    free(text);
    page_free(&p);
}
END_TEST

START_TEST(test_explain)
{
    wn_test_doc t;
    wn_test_doc_scored(&t, "<body><nav><a href=/>Home</a></nav><div class=\"entry-content\" id=\"art\"><h1>T</h1>"
                           "<p>" LONG_PARA "</p><p>" LONG_PARA2 "</p></div></body>");
    wn_buf b;
    wn_buf_init(&b);
    wn_render_explain(&t.doc, &b);
    ck_assert(!b.failed);
    ck_assert_ptr_nonnull(b.data);
    ck_assert_int_eq(b.data[0], '#');
    ck_assert_ptr_nonnull(strstr(b.data, "div.entry-content#art"));
    ck_assert_ptr_nonnull(strstr(b.data, "-> body (top-candidate)"));
    ck_assert_ptr_nonnull(strstr(b.data, "-> title (title)"));
    ck_assert_ptr_nonnull(strstr(b.data, "\"This paragraph is long enough"));
    ck_assert_uint_eq(wn_utf8_valid_prefix(b.data, b.len), b.len);
    wn_buf_free(&b);
    wn_test_doc_free(&t);
}
END_TEST

/* Explain prints one element per line, even for a class or id value that
 * spans lines (common in templated HTML; once a bug). Input:
 * <div class="entry\n   content" id="a\tb"> */
START_TEST(test_explain_one_line_per_element)
{
    wn_test_doc t;
    wn_test_doc_scored(&t, "<body><div class=\"entry\n   content\" id=\"a\tb\"><p>" LONG_PARA "</p><p>"
                           LONG_PARA2 "</p></div></body>");
    wn_buf b;
    wn_buf_init(&b);
    wn_render_explain(&t.doc, &b);
    for (char *line = b.data, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        ck_assert_msg(line[0] == '#' || strstr(line, "chars="), "not an element line: \"%s\"", line);
        ck_assert_msg(!strchr(line, '\t'), "tab in an element line: \"%s\"", line);
    }
    wn_buf_free(&b);
    wn_test_doc_free(&t);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("render");
    TCase *tc = tcase_create("renderers");
    tcase_add_test(tc, test_text_sample);
    tcase_add_test(tc, test_xml_sample);
    tcase_add_test(tc, test_xml_empty);
    tcase_add_loop_test(tc, test_sink_failure, 0, WN_COUNT(FAIL_AT));
    tcase_add_test(tc, test_xml_clean);
    tcase_add_test(tc, test_xml_unindented_by_default);
    suite_add_tcase(s, tc);

    /* Tens of MB through the writer and the parser: slow under sanitizers. */
    tc = tcase_create("bounds");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_xml_deep_nesting_capped);
    tcase_add_test(tc, test_xml_long_text_split);
    tcase_add_test(tc, test_xml_long_attribute_cut);
    suite_add_tcase(s, tc);

    tc = tcase_create("pages");
    tcase_add_test(tc, test_page_table_and_list);
    tcase_add_test(tc, test_page_whitespace_and_breaks);
    tcase_add_loop_test(tc, test_forbidden_chars, 0, WN_COUNT(FORBIDDEN));
    tcase_add_test(tc, test_comments_section);
    tcase_add_test(tc, test_duplicate_blocks);
    tcase_add_test(tc, test_loose_note_lines);
    tcase_add_test(tc, test_layout_table);
    tcase_add_test(tc, test_ruby_base_text_only);
    tcase_add_test(tc, test_text_in_nfc);
    tcase_add_test(tc, test_explain);
    suite_add_tcase(s, tc);

    /* Failing tests for bugs reported to the lead (src/ is not ours to fix). */
    tc = tcase_create("regressions");
    tcase_add_test(tc, test_explain_one_line_per_element);
    suite_add_tcase(s, tc);
    return s;
}
