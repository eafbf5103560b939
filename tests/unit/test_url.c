/* url.c: RFC 3986 reference resolution (the examples of section 5.4 and
 * more) and the schemes the renderers let through. */
#include <stdlib.h>
#include <string.h>

#include "output/url.h"
#include "runner.h"

typedef struct resolve_case {
    const char *base;
    const char *ref;
    const char *want;
} resolve_case;

#define RFC_BASE "http://a/b/c/d;p?q"

static const resolve_case RESOLVE[] = {
    /* 5.4.1 normal examples */
    {RFC_BASE, "g:h", "g:h"},
    {RFC_BASE, "g", "http://a/b/c/g"},
    {RFC_BASE, "./g", "http://a/b/c/g"},
    {RFC_BASE, "g/", "http://a/b/c/g/"},
    {RFC_BASE, "/g", "http://a/g"},
    {RFC_BASE, "//g", "http://g"},
    {RFC_BASE, "?y", "http://a/b/c/d;p?y"},
    {RFC_BASE, "g?y", "http://a/b/c/g?y"},
    {RFC_BASE, "#s", "http://a/b/c/d;p?q#s"},
    {RFC_BASE, "g#s", "http://a/b/c/g#s"},
    {RFC_BASE, "g?y#s", "http://a/b/c/g?y#s"},
    {RFC_BASE, ";x", "http://a/b/c/;x"},
    {RFC_BASE, "g;x", "http://a/b/c/g;x"},
    {RFC_BASE, "g;x?y#s", "http://a/b/c/g;x?y#s"},
    {RFC_BASE, ".", "http://a/b/c/"},
    {RFC_BASE, "./", "http://a/b/c/"},
    {RFC_BASE, "..", "http://a/b/"},
    {RFC_BASE, "../", "http://a/b/"},
    {RFC_BASE, "../g", "http://a/b/g"},
    {RFC_BASE, "../..", "http://a/"},
    {RFC_BASE, "../../", "http://a/"},
    {RFC_BASE, "../../g", "http://a/g"},
    /* 5.4.2 abnormal examples */
    {RFC_BASE, "../../../g", "http://a/g"},
    {RFC_BASE, "../../../../g", "http://a/g"},
    {RFC_BASE, "/./g", "http://a/g"},
    {RFC_BASE, "/../g", "http://a/g"},
    {RFC_BASE, "g.", "http://a/b/c/g."},
    {RFC_BASE, ".g", "http://a/b/c/.g"},
    {RFC_BASE, "g..", "http://a/b/c/g.."},
    {RFC_BASE, "..g", "http://a/b/c/..g"},
    {RFC_BASE, "./../g", "http://a/b/g"},
    {RFC_BASE, "./g/.", "http://a/b/c/g/"},
    {RFC_BASE, "g/./h", "http://a/b/c/g/h"},
    {RFC_BASE, "g/../h", "http://a/b/c/h"},
    {RFC_BASE, "g;x=1/./y", "http://a/b/c/g;x=1/y"},
    {RFC_BASE, "g;x=1/../y", "http://a/b/c/y"},
    {RFC_BASE, "g?y/./x", "http://a/b/c/g?y/./x"},
    {RFC_BASE, "g?y/../x", "http://a/b/c/g?y/../x"},
    {RFC_BASE, "g#s/./x", "http://a/b/c/g#s/./x"},
    {RFC_BASE, "g#s/../x", "http://a/b/c/g#s/../x"},
    {RFC_BASE, "http:g", "http:g"}, /* strict parser */
    /* a base with an authority and no path */
    {"http://example.org", "a/b", "http://example.org/a/b"},
    {"http://example.org", "?q", "http://example.org?q"},
    /* what pages write */
    {"https://example.org/news/2024/story.html", "../img/a.png", "https://example.org/news/img/a.png"},
    {"https://example.org/news/", "//cdn.example.net/x.js", "https://cdn.example.net/x.js"},
    {"https://example.org/a/b", "  \n /c d\t\n ", "https://example.org/c d"},
    {"https://example.org/a/b", "ja\tva\nscript:alert(1)", "javascript:alert(1)"},
    {"https://example.org/a/b", "mailto:x@example.org", "mailto:x@example.org"},
    {"https://example.org/a/b", "HTTP://Example.ORG/%7Ex", "HTTP://Example.ORG/%7Ex"},
    {"https://example.org/a/b", "", ""},
    /* no base, or a base that is not absolute: the reference as it is */
    {NULL, "../x?y#z", "../x?y#z"},
    {"/relative/base", "x", "x"},
};

START_TEST(resolves)
{
    const resolve_case *c = &RESOLVE[_i];
    wn_arena arena;
    wn_arena_init(&arena, 0);
    char *got = wn_url_resolve(&arena, c->base, c->ref, strlen(c->ref));
    ck_assert_ptr_nonnull(got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s + %s: got \"%s\", want \"%s\"",
                  c->base ? c->base : "(null)", c->ref, got, c->want);
    wn_arena_release(&arena);
}
END_TEST

/* A reference of only dot segments, and a long one, stays bounded. */
START_TEST(resolves_long_dot_runs)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    size_t n = 300000;
    char *ref = malloc(n + 2);
    ck_assert_ptr_nonnull(ref);
    for (size_t i = 0; i < n; i += 3)
        memcpy(ref + i, "../", 3);
    memcpy(ref + n, "g", 2);
    char *got = wn_url_resolve(&arena, RFC_BASE, ref, strlen(ref));
    ck_assert_str_eq(got, "http://a/g");
    free(ref);
    wn_arena_release(&arena);
}
END_TEST

typedef struct allow_case {
    const char *url;
    bool data_image;
    bool want;
} allow_case;

static const allow_case ALLOW[] = {
    {"http://example.org/", false, true},
    {"HTTPS://example.org/", false, true},
    {"mailto:a@example.org", false, true},
    {"tel:+100", false, true},
    {"ftp://example.org/f", false, true},
    {"relative/path?x:y", false, true},
    {"/abs#frag:x", false, true},
    {"#top", false, true},
    {"javascript:alert(1)", false, false},
    {"JaVaScRiPt:alert(1)", false, false},
    {"vbscript:msgbox", false, false},
    {"data:text/html,<script>", false, false},
    {"data:text/html,<script>", true, false},
    {"data:image/png;base64,AAAA", false, false},
    {"data:image/png;base64,AAAA", true, true},
    {"data:image/svg+xml,<svg onload=x>", true, false},
    {"file:///etc/passwd", false, false},
    {"java script:x", false, false},
    {"java\tscript:x", false, false},
    {" javascript:x", false, false},
    {"\x01javascript:x", false, false},
};

START_TEST(allows)
{
    const allow_case *c = &ALLOW[_i];
    ck_assert_msg(wn_url_allowed(c->url, c->data_image) == c->want, "%s (data images %d)", c->url,
                  c->data_image);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("url");
    TCase *tc = tcase_create("resolve");
    tcase_add_loop_test(tc, resolves, 0, WN_COUNT(RESOLVE));
    tcase_add_test(tc, resolves_long_dot_runs);
    suite_add_tcase(s, tc);
    tc = tcase_create("allowed");
    tcase_add_loop_test(tc, allows, 0, WN_COUNT(ALLOW));
    suite_add_tcase(s, tc);
    return s;
}
