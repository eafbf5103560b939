/* blocks.c: the block tree built from a Gumbo parse. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_helper.h"
#include "runner.h"
#include "score/hints.h"

static const char PAGE[] =
    "<!DOCTYPE html><html lang=\"en\"><head>"
    "<title>  The Title \n</title>"
    "<meta property=\"og:title\" content=\" OG Title \">"
    "<style>p { color: red }</style><script>var inHead = 1;</script>"
    "</head><body>"
    "<nav id=\"nav\"><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>"
    "<div id=\"main\" class=\"entry-content\">"
    "<h1 id=\"h\">Heading</h1>"
    "<p id=\"p1\">Hello world, first para.</p>"
    "<p id=\"p2\">Read <a id=\"a1\" href=\"/x\">this <b id=\"b1\">link</b></a> now.</p>"
    "<p id=\"p3\">line one<br id=\"br\">line two</p>"
    "<script>var s = \"script text\";</script>"
    "<style>.x { display: none }</style>"
    "<noscript>noscript text</noscript>"
    "<div id=\"hid1\" style=\"color: red; display : none\">hidden one</div>"
    "<div id=\"hid2\" hidden>hidden two</div>"
    "<div id=\"hid3\" aria-hidden=\"true\">hidden three</div>"
    "<div id=\"vh\" style=\"visibility:hidden\">revealed later</div>"
    "<div id=\"vis\" aria-hidden=\"false\">shown</div>"
    "<ul id=\"list\"><li>one</li><li>two</li></ul>"
    "<img id=\"img\" src=\"x.png\" alt=\"alt text\">"
    "<a id=\"anchor\" name=\"top\">anchor</a>"
    "<pre id=\"pre\">  x = 1;\n  y = 2;\n</pre>"
    "<form id=\"form\"><input name=\"q\"><select><option>opt text</option></select>"
    "<textarea>area</textarea><button>Go</button></form>"
    "<svg><text>svg text</text></svg>"
    "</div>"
    "<aside id=\"side\" role=\"complementary\">Side</aside>"
    "</body></html>";

typedef struct built {
    wn_test_doc t;
    const wn_doc *doc;
} built;

static void build(built *b, const char *html)
{
    ck_assert_int_eq(wn_test_doc_build(&b->t, html, 0), WN_OK);
    b->doc = &b->t.doc;
}

static const wn_node *node(const built *b, const char *id)
{
    return &b->doc->nodes[wn_test_by_id(b->doc, id)];
}

/* The wn_elem of the element with this id. */
static const wn_elem *elem(const built *b, const char *id)
{
    return wn_node_elem(b->doc, node(b, id));
}

/* The concatenated text of a subtree (its text nodes, in order). */
static char *subtree_text(const wn_doc *doc, uint32_t index)
{
    size_t cap = 1, n = 0;
    for (uint32_t i = index; i < doc->nodes[index].end; i++)
        cap += doc->nodes[i].kind == WN_NODE_TEXT ? wn_node_text_len(&doc->nodes[i]) : 0;
    char *s = malloc(cap);
    for (uint32_t i = index; i < doc->nodes[index].end; i++)
        if (doc->nodes[i].kind == WN_NODE_TEXT) {
            memcpy(s + n, wn_node_text(&doc->nodes[i]), wn_node_text_len(&doc->nodes[i]));
            n += wn_node_text_len(&doc->nodes[i]);
        }
    s[n] = '\0';
    return s;
}

/* ---- structure -------------------------------------------------------------------- */

START_TEST(test_root_and_body)
{
    built b;
    build(&b, PAGE);
    const wn_doc *doc = b.doc;
    ck_assert_uint_gt(doc->count, 20);
    ck_assert_uint_le(doc->count, doc->capacity);
    ck_assert_int_eq(doc->nodes[0].kind, WN_NODE_ELEMENT);
    ck_assert_int_eq(doc->nodes[0].tag, GUMBO_TAG_HTML);
    ck_assert_uint_eq(doc->nodes[0].parent, WN_NONE);
    ck_assert_uint_eq(doc->nodes[0].end, doc->count);
    ck_assert_uint_eq(doc->nodes[0].depth, 0);
    ck_assert_int_eq(doc->nodes[doc->body].tag, GUMBO_TAG_BODY);
    ck_assert_uint_eq(doc->nodes[doc->body].parent, 0);
    ck_assert(doc->nodes[0].flags & WN_NODE_BLOCK);
    wn_test_doc_free(&b.t);
}
END_TEST

/* Pre-order: children follow their parent, every subtree range nests inside
 * its parent's, siblings tile the parent's range, depth grows by one. */
static void check_preorder(const wn_doc *doc)
{
    for (uint32_t i = 1; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        ck_assert_uint_ne(n->parent, WN_NONE);
        ck_assert_uint_lt(n->parent, i);
        const wn_node *p = &doc->nodes[n->parent];
        ck_assert_uint_gt(n->end, i);
        ck_assert_uint_le(n->end, p->end);
        ck_assert_uint_eq(n->depth, p->depth + 1);
        ck_assert_int_eq(p->kind, WN_NODE_ELEMENT);
        if (n->kind == WN_NODE_TEXT)
            ck_assert_uint_eq(n->end, i + 1);
        /* The block is self or the parent's block. */
        if (n->kind == WN_NODE_ELEMENT && (n->flags & WN_NODE_BLOCK))
            ck_assert_uint_eq(n->block, i);
        else
            ck_assert_uint_eq(n->block, p->block);
        ck_assert(doc->nodes[n->block].flags & WN_NODE_BLOCK);
    }
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT)
            continue;
        uint32_t c = i + 1;
        while (c < n->end) {
            ck_assert_uint_eq(doc->nodes[c].parent, i);
            c = doc->nodes[c].end;
        }
        ck_assert_uint_eq(c, n->end);
    }
    /* next_text and next_space: the first text node with a byte other than
     * white space, and the first block, <br> or white-space text node. */
    for (uint32_t i = doc->count; i-- > 0;) {
        const wn_node *n = &doc->nodes[i];
        uint32_t text = i + 1 < doc->count ? doc->nodes[i + 1].next_text : doc->count;
        uint32_t space = i + 1 < doc->count ? doc->nodes[i + 1].next_space : doc->count;
        if (n->kind == WN_NODE_TEXT && wn_node_text_len(n)) {
            uint32_t k = 0;
            while (k < wn_node_text_len(n) && strchr(" \n\t\r\f", wn_node_text(n)[k]) && wn_node_text(n)[k])
                k++;
            if (k < wn_node_text_len(n))
                text = i;
            else
                space = i;
        } else if (n->kind == WN_NODE_ELEMENT && (n->flags & (WN_NODE_BLOCK | WN_NODE_BREAK))) {
            space = i;
        }
        ck_assert_uint_eq(n->next_text, text);
        ck_assert_uint_eq(n->next_space, space);
    }
}

START_TEST(test_preorder)
{
    built b;
    build(&b, PAGE);
    check_preorder(b.doc);
    wn_test_doc_free(&b.t);
}
END_TEST

/* Gumbo's tree fixing (misnested tags, implied elements) still gives a clean tree. */
START_TEST(test_preorder_misnested)
{
    built b;
    build(&b, "<p>one<b>two<i>three</b>four</i>five<table><td>cell<p>x</table><li>a<li>b"
              "<div><span>unclosed");
    check_preorder(b.doc);
    wn_test_doc_free(&b.t);
}
END_TEST

/* ---- head ------------------------------------------------------------------------------ */

START_TEST(test_head)
{
    built b;
    build(&b, PAGE);
    ck_assert_str_eq(b.doc->title, "The Title");
    ck_assert_str_eq(b.doc->og_title, "OG Title");
    ck_assert_str_eq(b.doc->lang, "en");
    /* Nothing of the head is in the tree. */
    ck_assert_uint_eq(wn_test_by_tag(b.doc, GUMBO_TAG_HEAD, 0), WN_NONE);
    ck_assert_uint_eq(wn_test_by_tag(b.doc, GUMBO_TAG_TITLE, 0), WN_NONE);
    wn_test_doc_free(&b.t);
}
END_TEST

START_TEST(test_head_missing)
{
    built b;
    build(&b, "<p>no head here</p>");
    ck_assert_ptr_null(b.doc->title);
    ck_assert_ptr_null(b.doc->og_title);
    ck_assert_ptr_null(b.doc->lang);
    ck_assert_int_eq(b.doc->nodes[b.doc->body].tag, GUMBO_TAG_BODY);
    wn_test_doc_free(&b.t);
}
END_TEST

/* ---- skipped and hidden subtrees ----------------------------------------------------------- */

static const char *const SKIPPED_TEXT[] = {
    "script text", "inHead", "display", "noscript text", "hidden one", "hidden two",
    "hidden three", "opt text", "area", "Go", "svg text", "color",
};

START_TEST(test_skipped_text)
{
    built b;
    build(&b, PAGE);
    char *all = subtree_text(b.doc, 0);
    ck_assert_msg(strstr(all, SKIPPED_TEXT[_i]) == NULL, "\"%s\" is in the tree", SKIPPED_TEXT[_i]);
    ck_assert_ptr_nonnull(strstr(all, "shown"));
    free(all);
    wn_test_doc_free(&b.t);
}
END_TEST

static const GumboTag SKIPPED_TAGS[] = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_INPUT, GUMBO_TAG_SELECT,
    GUMBO_TAG_OPTION, GUMBO_TAG_TEXTAREA, GUMBO_TAG_BUTTON, GUMBO_TAG_SVG, GUMBO_TAG_HEAD,
};

START_TEST(test_skipped_tags)
{
    built b;
    build(&b, PAGE);
    ck_assert_uint_eq(wn_test_by_tag(b.doc, SKIPPED_TAGS[_i], 0), WN_NONE);
    wn_test_doc_free(&b.t);
}
END_TEST

START_TEST(test_hidden_elements)
{
    built b;
    build(&b, PAGE);
    for (uint32_t i = 0; i < b.doc->count; i++) {
        const char *id = wn_node_id(&b.doc->nodes[i]);
        ck_assert_msg(!id || strncmp(id, "hid", 3) != 0, "hidden element #%s is in the tree", id);
    }
    ck_assert_uint_eq(node(&b, "vis")->all.chars, 5);
    /* visibility:hidden is kept on purpose: pages reveal the article by script. */
    ck_assert_uint_eq(node(&b, "vh")->all.chars, 13);
    wn_test_doc_free(&b.t);
}
END_TEST

/* ---- text statistics ----------------------------------------------------------------------- */

START_TEST(test_paragraph_stats)
{
    built b;
    build(&b, PAGE);
    const wn_node *p1 = node(&b, "p1");
    ck_assert_uint_eq(p1->all.chars, 21);  /* Hello world, first para. */
    ck_assert_uint_eq(p1->all.tokens, 4);
    ck_assert_uint_eq(p1->all.punct, 2);
    ck_assert_uint_eq(p1->all.commas, 1);
    ck_assert_uint_eq(p1->link_chars, 0);
    ck_assert_uint_eq(elem(&b, "p1")->own.chars, 21);
    ck_assert(p1->flags & WN_NODE_BLOCK);
    ck_assert_int_eq(p1->tag, GUMBO_TAG_P);

    const wn_node *p2 = node(&b, "p2");
    ck_assert_uint_eq(p2->all.chars, 16);  /* Read this link now. */
    ck_assert_uint_eq(p2->link_chars, 8);  /* this link */
    ck_assert_uint_eq(elem(&b, "p2")->own.chars, 16);
    ck_assert_uint_eq(elem(&b, "p2")->own_link_chars, 8);
    ck_assert_uint_eq(elem(&b, "p2")->links, 1);
    ck_assert_float_eq_tol(wn_link_density(p2), 0.5f, 1e-6f);

    /* The link and everything inside it. */
    uint32_t a1 = wn_test_by_id(b.doc, "a1");
    const wn_node *a = &b.doc->nodes[a1];
    ck_assert(a->flags & WN_NODE_IN_LINK);
    ck_assert(!(a->flags & WN_NODE_BLOCK));
    ck_assert_uint_eq(a->block, wn_test_by_id(b.doc, "p2"));
    ck_assert(node(&b, "b1")->flags & WN_NODE_IN_LINK);
    for (uint32_t i = a1; i < a->end; i++)
        ck_assert(b.doc->nodes[i].flags & WN_NODE_IN_LINK);
    ck_assert_uint_eq(a->link_chars, 8);
    ck_assert(!(p2->flags & WN_NODE_IN_LINK));

    /* An <a> without href is not a link. */
    const wn_node *anchor = node(&b, "anchor");
    ck_assert(!(anchor->flags & WN_NODE_IN_LINK));
    ck_assert_uint_eq(anchor->link_chars, 0);
    wn_test_doc_free(&b.t);
}
END_TEST

START_TEST(test_aggregates)
{
    built b;
    build(&b, PAGE);
    const wn_node *main = node(&b, "main");
    /* Heading 7 + p1 21 + p2 16 + p3 14 + revealed later 13 + shown 5 + one 3 + two 3
     * + anchor 6 + pre 8. */
    ck_assert_uint_eq(main->all.chars, 96);
    ck_assert_uint_eq(main->link_chars, 8);
    ck_assert_uint_eq(elem(&b, "main")->paragraphs, 3);
    ck_assert_uint_eq(elem(&b, "main")->items, 2);
    ck_assert_uint_eq(elem(&b, "main")->links, 1);
    ck_assert_uint_eq(elem(&b, "main")->images, 1);
    ck_assert_uint_eq(elem(&b, "main")->own.chars, 6);    /* "anchor": the rest is in child blocks */
    ck_assert_uint_eq(elem(&b, "form")->inputs, 4);
    ck_assert_uint_eq(elem(&b, "list")->items, 2);
    const wn_node *nav = node(&b, "nav");
    ck_assert_uint_eq(elem(&b, "nav")->links, 2);
    ck_assert_uint_eq(nav->link_chars, 9);
    ck_assert_float_eq_tol(wn_link_density(nav), 1.0f, 1e-6f);
    ck_assert_uint_eq(b.doc->nodes[b.doc->body].all.chars, 96 + 9 + 4);

    /* Every element's totals are the sums over its children. */
    for (uint32_t i = 0; i < b.doc->count; i++) {
        const wn_node *n = &b.doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT)
            continue;
        uint32_t chars = 0, cjk = 0, tokens = 0, punct = 0, links = 0, elements = 0;
        for (uint32_t c = i + 1; c < n->end; c = b.doc->nodes[c].end) {
            const wn_node *k = &b.doc->nodes[c];
            chars += k->all.chars;
            cjk += k->all.cjk;
            tokens += k->all.tokens;
            punct += k->all.punct;
            links += k->link_chars;
            elements += k->kind == WN_NODE_ELEMENT ? 1 + wn_node_elem(b.doc, k)->elements : 0;
        }
        ck_assert_uint_eq(n->all.chars, chars);
        ck_assert_uint_eq(n->all.cjk, cjk);
        ck_assert_uint_eq(n->all.tokens, tokens);
        ck_assert_uint_eq(n->all.punct, punct);
        ck_assert_uint_eq(n->link_chars, links);
        ck_assert_uint_eq(wn_node_elem(b.doc, n)->elements, elements);
        ck_assert_uint_le(wn_node_elem(b.doc, n)->own.chars, n->all.chars);
        ck_assert_uint_le(n->link_chars, n->all.chars);
    }
    wn_test_doc_free(&b.t);
}
END_TEST

START_TEST(test_flags)
{
    built b;
    build(&b, PAGE);
    ck_assert(node(&b, "br")->flags & WN_NODE_BREAK);
    const wn_node *pre = node(&b, "pre");
    ck_assert(pre->flags & WN_NODE_PREFORMATTED);
    uint32_t text = wn_test_by_id(b.doc, "pre") + 1;
    ck_assert_int_eq(b.doc->nodes[text].kind, WN_NODE_TEXT);
    ck_assert(b.doc->nodes[text].flags & WN_NODE_PREFORMATTED);
    ck_assert(!(node(&b, "p1")->flags & WN_NODE_PREFORMATTED));
    ck_assert(node(&b, "list")->flags & WN_NODE_BLOCK);
    ck_assert(!(node(&b, "b1")->flags & WN_NODE_BLOCK));
    wn_test_doc_free(&b.t);
}
END_TEST

START_TEST(test_hints)
{
    built b;
    build(&b, PAGE);
    const wn_node *main = node(&b, "main");
    ck_assert(main->hints & WN_HINT_STRONG);
    ck_assert(main->hints & WN_HINT_POSITIVE);
    ck_assert_str_eq(wn_node_class(main), "entry-content");
    ck_assert_str_eq(wn_node_id(main), "main");
    ck_assert(node(&b, "nav")->hints & WN_HINT_NAV);       /* from the tag */
    ck_assert(node(&b, "side")->hints & WN_HINT_SIDEBAR);  /* tag and role */
    ck_assert_uint_eq(node(&b, "p1")->hints, 0);
    wn_test_doc_free(&b.t);
}
END_TEST

/* Each element has a wn_elem of its own, in node order; text nodes share
 * the zero record elems[0], which scoring leaves zero. */
START_TEST(test_element_records)
{
    static const char page[] =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav>"
        "<div id=\"main\"><h1>Title</h1>"
        "<p>A first paragraph of plain prose, long enough to count, with a comma or two, "
        "and a full stop at its end.</p>\n"
        "<p>A second paragraph, of the same kind, that <a href=\"/x\">links</a> once and "
        "says a little more before it ends.</p></div></body></html>";
    wn_test_doc t;
    wn_test_doc_scored(&t, page);
    const wn_doc *doc = &t.doc;
    uint32_t elements = 0, texts = 0, last = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        const wn_elem *e = wn_node_elem(doc, n);
        if (n->kind == WN_NODE_TEXT) {
            ck_assert_ptr_eq(e, &doc->elems[0]);
            texts++;
            continue;
        }
        ck_assert_uint_gt(e - doc->elems, last);
        last = (uint32_t)(e - doc->elems);
        elements++;
    }
    ck_assert_uint_gt(texts, 5);
    ck_assert_uint_eq(doc->elem_count, elements + 1);
    ck_assert_uint_eq(last, elements);
    /* The page scored: some element gathered content. */
    ck_assert_float_gt(wn_node_elem(doc, &doc->nodes[wn_test_by_id(doc, "main")])->content, 0.0f);
    const wn_elem zero = {0};
    ck_assert_int_eq(memcmp(&doc->elems[0], &zero, sizeof zero), 0);
    wn_test_doc_free(&t);
}
END_TEST

START_TEST(test_cjk_stats)
{
    built b;
    build(&b, "<div id=\"d\"><p>你好，世界。</p><p>Hello, world.</p></div>");
    const wn_node *d = node(&b, "d");
    ck_assert_uint_eq(d->all.chars, 18);
    ck_assert_uint_eq(d->all.cjk, 4);
    ck_assert_uint_eq(d->all.tokens, 6);
    ck_assert_uint_eq(d->all.commas, 2);
    ck_assert_uint_eq(elem(&b, "d")->paragraphs, 2);
    wn_test_doc_free(&b.t);
}
END_TEST

/* ---- limits --------------------------------------------------------------------------------- */

static char *many_paragraphs(unsigned n)
{
    char *html = malloc(32 + (size_t)n * 16);
    strcpy(html, "<body>");
    size_t len = strlen(html);
    for (unsigned i = 0; i < n; i++)
        len += (size_t)sprintf(html + len, "<p>x%u</p>", i % 10);
    return html;
}

START_TEST(test_max_nodes)
{
    char *html = many_paragraphs(500);
    wn_test_doc t;
    ck_assert_int_eq(wn_test_doc_build(&t, html, 0), WN_OK);
    uint32_t count = t.doc.count;
    ck_assert_uint_ge(count, 1000); /* 500 <p> + 500 texts + html, body */
    wn_test_doc_free(&t);

    /* Exactly enough nodes is fine; one fewer fails and leaves no tree. */
    ck_assert_int_eq(wn_test_doc_build(&t, html, count), WN_OK);
    ck_assert_uint_eq(t.doc.count, count);
    wn_test_doc_free(&t);
    ck_assert_int_eq(wn_test_doc_build(&t, html, count - 1), WN_ERR_TOO_MANY_NODES);
    ck_assert_ptr_null(t.doc.nodes);
    ck_assert_uint_eq(t.doc.count, 0);
    wn_test_doc_free(&t);
    ck_assert_int_eq(wn_test_doc_build(&t, html, 10), WN_ERR_TOO_MANY_NODES);
    wn_test_doc_free(&t);
    ck_assert_int_eq(wn_test_doc_build(&t, html, 1), WN_ERR_TOO_MANY_NODES);
    wn_test_doc_free(&t);
    free(html);
}
END_TEST

/* Deep nesting is walked without recursion. */
START_TEST(test_deep_nesting)
{
    unsigned depth = 3000;
    size_t cap = (size_t)depth * 12 + 64;
    char *html = malloc(cap);
    size_t len = 0;
    for (unsigned i = 0; i < depth; i++)
        len += (size_t)sprintf(html + len, "<div><i>");
    strcpy(html + len, "deep text");
    wn_test_doc t;
    ck_assert_int_eq(wn_test_doc_build(&t, html, 0), WN_OK);
    ck_assert_uint_eq(t.doc.nodes[0].all.chars, 8);
    check_preorder(&t.doc);
    wn_test_doc_free(&t);
    free(html);
}
END_TEST

/* wn_options.max_depth: tags nested deeper are flattened into the element
 * at the limit (once a bug: the block tree ignored the limit). Input: 100
 * nested <div>s with max_depth 16. */
START_TEST(test_max_depth_flattens)
{
    unsigned nesting = 100;
    char *html = malloc((size_t)nesting * 8 + 64);
    size_t len = 0;
    for (unsigned i = 0; i < nesting; i++)
        len += (size_t)sprintf(html + len, "<div>");
    strcpy(html + len, "deep text");
    wn_test_doc t;
    memset(&t, 0, sizeof t);
    wn_arena_init(&t.arena, 0);
    ck_assert_int_eq(wn_parse(&t.arena, html, strlen(html), 0, &t.parse), WN_OK);
    wn_block_limits limits = {1000000, 16, false, false};
    ck_assert_int_eq(wn_blocks_build(t.parse, &t.arena, &limits, &t.doc), WN_OK);
    unsigned deepest = 0;
    for (uint32_t i = 0; i < t.doc.count; i++)
        if (t.doc.nodes[i].depth > deepest)
            deepest = t.doc.nodes[i].depth;
    /* Text survives the flattening. */
    ck_assert_uint_eq(t.doc.nodes[0].all.chars, 8);
    ck_assert_msg(deepest <= 16, "max_depth 16 ignored: tree depth %u", deepest);
    wn_test_doc_free(&t);
    free(html);
}
END_TEST

START_TEST(test_empty_page)
{
    wn_test_doc t;
    ck_assert_int_eq(wn_test_doc_build(&t, "", 0), WN_OK);
    ck_assert_int_eq(t.doc.nodes[0].tag, GUMBO_TAG_HTML);
    ck_assert_int_eq(t.doc.nodes[t.doc.body].tag, GUMBO_TAG_BODY);
    ck_assert_uint_eq(t.doc.nodes[0].all.chars, 0);
    wn_test_doc_free(&t);
}
END_TEST

static const GumboTag BLOCK_TAGS[] = {GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_LI, GUMBO_TAG_H2,
                                      GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_PRE, GUMBO_TAG_BLOCKQUOTE};
static const GumboTag INLINE_TAGS[] = {GUMBO_TAG_A, GUMBO_TAG_SPAN, GUMBO_TAG_B, GUMBO_TAG_EM,
                                       GUMBO_TAG_IMG, GUMBO_TAG_BR, GUMBO_TAG_CODE};

START_TEST(test_tag_is_block)
{
    ck_assert(wn_tag_is_block(BLOCK_TAGS[_i]));
    if (_i < WN_COUNT(INLINE_TAGS))
        ck_assert(!wn_tag_is_block(INLINE_TAGS[_i]));
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("blocks");
    TCase *tc = tcase_create("structure");
    tcase_add_test(tc, test_root_and_body);
    tcase_add_test(tc, test_preorder);
    tcase_add_test(tc, test_preorder_misnested);
    tcase_add_test(tc, test_head);
    tcase_add_test(tc, test_head_missing);
    tcase_add_test(tc, test_empty_page);
    tcase_add_loop_test(tc, test_tag_is_block, 0, WN_COUNT(BLOCK_TAGS));
    suite_add_tcase(s, tc);

    tc = tcase_create("skipped");
    tcase_add_loop_test(tc, test_skipped_text, 0, WN_COUNT(SKIPPED_TEXT));
    tcase_add_loop_test(tc, test_skipped_tags, 0, WN_COUNT(SKIPPED_TAGS));
    tcase_add_test(tc, test_hidden_elements);
    suite_add_tcase(s, tc);

    tc = tcase_create("stats");
    tcase_add_test(tc, test_paragraph_stats);
    tcase_add_test(tc, test_aggregates);
    tcase_add_test(tc, test_flags);
    tcase_add_test(tc, test_hints);
    tcase_add_test(tc, test_cjk_stats);
    tcase_add_test(tc, test_element_records);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_add_test(tc, test_max_nodes);
    tcase_add_test(tc, test_deep_nesting);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);

    /* Failing tests for bugs reported to the lead (src/ is not ours to fix). */
    tc = tcase_create("regressions");
    tcase_add_test(tc, test_max_depth_flattens);
    suite_add_tcase(s, tc);
    return s;
}
