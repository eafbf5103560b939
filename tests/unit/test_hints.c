/* hints.c: class/id/role words and the visible markers of clutter. */
#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "score/hints.h"

/* Each text of yes passes fn, none of no does; what names the kind. */
static void check_texts(bool (*fn)(const char *, size_t), const char *what, const char *const *yes,
                        size_t n_yes, const char *const *no, size_t n_no)
{
    for (size_t i = 0; i < n_yes; i++)
        ck_assert_msg(fn(yes[i], strlen(yes[i])), "\"%s\" not %s", yes[i], what);
    for (size_t i = 0; i < n_no; i++)
        ck_assert_msg(!fn(no[i], strlen(no[i])), "\"%s\" %s", no[i], what);
}
#define CHECK_TEXTS(fn, what, yes, no) check_texts(fn, what, yes, WN_COUNT(yes), no, WN_COUNT(no))

/* ---- class / id words ---------------------------------------------------------- */

typedef struct attr_case {
    const char *value;
    uint32_t must;       /* all of these bits */
    uint32_t must_not;   /* none of these */
    wn_label label;      /* wn_label_from_hints() of the result */
} attr_case;

#define CLUTTER WN_HINT_CLUTTER
#define ANY_AD (WN_HINT_AD | WN_HINT_WIDGET)

static const attr_case ATTRS[] = {
    {"entry-content", WN_HINT_STRONG | WN_HINT_POSITIVE, CLUTTER | WN_HINT_META, WN_LABEL_NONE},
    {"entry_content", WN_HINT_STRONG | WN_HINT_POSITIVE, CLUTTER, WN_LABEL_NONE},
    {"articleBody", WN_HINT_STRONG | WN_HINT_POSITIVE, CLUTTER, WN_LABEL_NONE},
    {"post-body clearfix", WN_HINT_STRONG | WN_HINT_POSITIVE, CLUTTER, WN_LABEL_NONE},
    {"article", WN_HINT_POSITIVE, CLUTTER | WN_HINT_STRONG, WN_LABEL_NONE},
    {"main-content", WN_HINT_POSITIVE, CLUTTER, WN_LABEL_NONE},
    {"post-comments", WN_HINT_COMMENTS, WN_HINT_STRONG, WN_LABEL_COMMENTS},
    {"comment-list", WN_HINT_COMMENTS, WN_HINT_STRONG, WN_LABEL_COMMENTS},
    {"commentlist", WN_HINT_COMMENTS, 0, WN_LABEL_COMMENTS},
    {"disqus_thread", WN_HINT_COMMENTS, 0, WN_LABEL_COMMENTS},
    {"relatedPosts", WN_HINT_RELATED, WN_HINT_STRONG, WN_LABEL_RELATED},
    {"related-posts", WN_HINT_RELATED, 0, WN_LABEL_RELATED},
    {"yarpp-related", WN_HINT_RELATED, 0, WN_LABEL_RELATED},
    {"RecommendedStories", WN_HINT_RELATED, 0, WN_LABEL_RELATED},
    {"sidebar-widget", WN_HINT_SIDEBAR, WN_HINT_POSITIVE, WN_LABEL_NAV},
    {"widget-area sidebar", WN_HINT_SIDEBAR, 0, WN_LABEL_NAV},
    {"SideBar", WN_HINT_SIDEBAR, 0, WN_LABEL_NAV},
    {"header", WN_HINT_HEADER, WN_HINT_POSITIVE, WN_LABEL_NAV},
    {"site-header", WN_HINT_HEADER, 0, WN_LABEL_NAV},
    {"masthead", WN_HINT_HEADER, 0, WN_LABEL_NAV},
    {"nav", WN_HINT_NAV, 0, WN_LABEL_NAV},
    {"breadcrumbs", WN_HINT_NAV, 0, WN_LABEL_NAV},
    {"main-navigation", WN_HINT_NAV, 0, WN_LABEL_NAV},
    {"pagination", WN_HINT_NAV, 0, WN_LABEL_NAV},
    {"site-footer", WN_HINT_FOOTER, 0, WN_LABEL_FOOTER},
    {"copyright", WN_HINT_FOOTER, 0, WN_LABEL_FOOTER},
    {"ad", WN_HINT_AD, 0, WN_LABEL_AD},
    {"ad-slot", WN_HINT_AD, 0, WN_LABEL_AD},
    {"ads-banner", WN_HINT_AD, 0, WN_LABEL_AD},
    {"advertisement", WN_HINT_AD, 0, WN_LABEL_AD},
    {"share-buttons", WN_HINT_SHARE, 0, WN_LABEL_SHARE},
    {"social-share", WN_HINT_SHARE, 0, WN_LABEL_SHARE},
    {"donate-box", WN_HINT_TIPJAR, 0, WN_LABEL_TIPJAR},
    {"newsletter-signup", WN_HINT_WIDGET, 0, WN_LABEL_OTHER},
    {"cookie-consent", WN_HINT_WIDGET, 0, WN_LABEL_OTHER},
    {"byline", WN_HINT_META, CLUTTER, WN_LABEL_OTHER},
    {"sr-only", WN_HINT_HIDDEN, CLUTTER, WN_LABEL_OTHER},
    {"asset_gallery", WN_HINT_GALLERY, CLUTTER, WN_LABEL_OTHER},
    {"inlinegallery-item", WN_HINT_GALLERY, CLUTTER, WN_LABEL_OTHER},
    {"slideshow", WN_HINT_GALLERY, CLUTTER, WN_LABEL_OTHER},
    {"screen-reader-text", WN_HINT_HIDDEN, CLUTTER, WN_LABEL_OTHER},
    {"affiliate-disclosure", WN_HINT_WIDGET, WN_HINT_POSITIVE, WN_LABEL_OTHER},
    {"story-lead-text", WN_HINT_LEAD | WN_HINT_POSITIVE, CLUTTER, WN_LABEL_NONE},
    {"article-leadText", WN_HINT_LEAD | WN_HINT_POSITIVE, CLUTTER, WN_LABEL_NONE},
    {"leader-board", 0, WN_HINT_LEAD, WN_LABEL_NONE},
    /* Words inside other words are not hints. */
    {"shadow", 0, ANY_AD, WN_LABEL_NONE},
    {"loading", 0, ANY_AD, WN_LABEL_NONE},
    {"box-shadow loading-spinner", 0, ANY_AD, WN_LABEL_NONE},
    {"download", 0, ANY_AD, WN_LABEL_NONE},
    {"gradient badge", 0, ANY_AD, WN_LABEL_NONE},
    {"uploaded readable", 0, ANY_AD, WN_LABEL_NONE},
    {"headline", 0, CLUTTER, WN_LABEL_NONE},
    {"heading leading", 0, CLUTTER, WN_LABEL_NONE},
    {"navy", 0, CLUTTER, WN_LABEL_NONE},
    {"adventure", 0, CLUTTER, WN_LABEL_NONE},
    {"thread", 0, CLUTTER, WN_LABEL_NONE},
    {"", 0, ~0u, WN_LABEL_NONE},
    {"   ", 0, ~0u, WN_LABEL_NONE},
    /* A negated word says nothing. */
    {"non-ad-column", 0, ANY_AD, WN_LABEL_NONE},
    {"post no-ads", WN_HINT_POSITIVE, ANY_AD, WN_LABEL_NONE},
    {"no ad", 0, ANY_AD, WN_LABEL_NONE},
};

/* A negated word says nothing, through the stem table too: "comment" is not
 * found in the joined "nocomments", nor "related" in "notrelated" (once a
 * bug: an article in <div class="no-comments"> was taken for a thread). */
static const attr_case NEGATED_STEM[] = {
    {"no-comments", 0, WN_HINT_COMMENTS, WN_LABEL_NONE},
    {"not-related", 0, WN_HINT_RELATED, WN_LABEL_NONE},
};

static void check_attribute(const attr_case *c)
{
    uint32_t h = wn_hints_from_attribute(c->value, strlen(c->value));
    ck_assert_msg((h & c->must) == c->must, "\"%s\": hints 0x%x lack 0x%x", c->value, h,
                  c->must & ~h);
    ck_assert_msg((h & c->must_not) == 0, "\"%s\": hints 0x%x include 0x%x", c->value, h,
                  h & c->must_not);
    ck_assert_msg(wn_label_from_hints(h) == c->label, "\"%s\": label %s, want %s", c->value,
                  wn_label_name(wn_label_from_hints(h)), wn_label_name(c->label));
}

START_TEST(test_attribute)
{
    check_attribute(&ATTRS[_i]);
}
END_TEST

START_TEST(test_negated_stem)
{
    check_attribute(&NEGATED_STEM[_i]);
}
END_TEST

/* wn_name_hints_of(): a value's hints put together from its names, as
 * classes.h says, are wn_hints_from_attribute()'s, on values made of class
 * words, stems, negations, live words, script hooks, separators and case
 * changes. */
static uint32_t hints_by_names(const char *value, size_t len)
{
    uint32_t hints = 0;
    bool negated = false, live = false;
    size_t i = 0;
    while (i < len) {
        while (i < len && wn_class_space(value[i]))
            i++;
        size_t start = i;
        while (i < len && !wn_class_space(value[i]))
            i++;
        if (i == start)
            break;
        wn_name_hints p;
        wn_name_hints_of(value + start, i - start, &p);
        if (!p.words)
            continue;
        hints |= p.rest | (negated ? 0 : p.first);
        negated = p.negates;
        live |= p.live;
    }
    return live ? hints & ~(uint32_t)WN_HINT_COMMENTS : hints;
}

START_TEST(test_name_hints_agree)
{
    static const char *const parts[] = {
        "no", "non", "not", "No", "comments", "comment", "Comments", "live", "related", "js-",
        "js_", "js", "post", "Body", "-", "_", " ", "\t", "\n", "sidebar", "nav", "ad", "share",
        "article", "content", "footer", "relatedposts", "nocomments", "advert", "\v", "1",
        "\xc3\xa9", "sronly", "breadcrumb", "Related", "Posts", "authorbox", "main", "storybody"};
    unsigned seed = 12345, differ = 0, nonzero = 0;
    for (size_t i = 0; i < WN_COUNT(ATTRS); i++) {
        const char *v = ATTRS[i].value;
        differ += wn_hints_from_attribute(v, strlen(v)) != hints_by_names(v, strlen(v));
    }
    for (int round = 0; round < 20000; round++) {
        char value[WN_NAME_HINTS_VALUE_MAX + 1];
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        unsigned pieces = (seed >> 16) % 10;
        for (unsigned k = 0; k < pieces; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = parts[(seed >> 16) % WN_COUNT(parts)];
            size_t n = strlen(p);
            if (len + n > WN_NAME_HINTS_VALUE_MAX)
                break;
            memcpy(value + len, p, n);
            len += n;
        }
        uint32_t whole = wn_hints_from_attribute(value, len);
        nonzero += whole != 0;
        if (whole != hints_by_names(value, len) && differ++ < 5) {
            value[len] = '\0';
            fprintf(stderr, "\"%s\": 0x%x by names 0x%x\n", value, whole,
                    hints_by_names(value, len));
        }
    }
    ck_assert_uint_eq(differ, 0);
    ck_assert_uint_gt(nonzero, 10000); /* the values did carry hints */
}
END_TEST

/* Long values are read up to a bound, without overflowing anything. */
START_TEST(test_attribute_long)
{
    char value[5000];
    for (size_t i = 0; i < sizeof value; i++)
        value[i] = "abcdefghij-"[i % 11];
    memcpy(value, "comments ", 9);
    uint32_t h = wn_hints_from_attribute(value, sizeof value);
    ck_assert(h & WN_HINT_COMMENTS);
    /* One long word. */
    memset(value, 'x', sizeof value);
    ck_assert_uint_eq(wn_hints_from_attribute(value, sizeof value), 0);
}
END_TEST

/* ---- roles --------------------------------------------------------------------------- */

typedef struct role_case {
    const char *role;
    uint32_t hints;
} role_case;

static const role_case ROLES[] = {
    {"navigation", WN_HINT_NAV},
    {"main", WN_HINT_POSITIVE | WN_HINT_STRONG},
    {"complementary", WN_HINT_SIDEBAR},
    {"contentinfo", WN_HINT_FOOTER},
    {"banner", WN_HINT_HEADER},
    {"article", WN_HINT_POSITIVE},
    {"comment", WN_HINT_COMMENTS},
    {"presentation", 0},
    {"nav", 0},
    {"", 0},
};

/* The class-word splitter both the scorer and the comment builder use. */
static void collect_word(const char *word, size_t len, unsigned token, void *data)
{
    char *out = data;
    size_t at = strlen(out);
    at += (size_t)snprintf(out + at, 256 - at, "%u:%.*s ", token, (int)len, word);
}

START_TEST(test_class_words)
{
    static const struct {
        const char *value, *words;
    } CASES[] = {
        {"postBody main_content", "0:post 0:body 1:main 1:content "},
        {"js-social-images entry", "1:entry "},
        {"entry js_comment-form  h2title", "0:entry 3:h2title "},
        {"comment-123 JSX", "0:comment 0:123 1:jsx "},
        {"", ""},
    };
    for (size_t i = 0; i < WN_COUNT(CASES); i++) {
        char out[256] = "";
        wn_class_words(CASES[i].value, strlen(CASES[i].value), collect_word, out);
        ck_assert_str_eq(out, CASES[i].words);
    }
    /* A script hook names nothing: "js-social-images" is no share bar. */
    ck_assert_uint_eq(wn_hints_from_attribute("js-social-images", 16) & WN_HINT_SHARE, 0);
    ck_assert_uint_ne(wn_hints_from_attribute("social-images", 13) & WN_HINT_SHARE, 0);
    /* A live ticker's entries are the reporter's, not readers' comments. */
    ck_assert_uint_eq(wn_hints_from_attribute("live-match-comment", 18) & WN_HINT_COMMENTS, 0);
    ck_assert_uint_ne(wn_hints_from_attribute("match-comment", 13) & WN_HINT_COMMENTS, 0);
    /* Words past the read limit are not read. */
    char longv[WN_CLASS_VALUE_MAX + 32];
    memset(longv, 'x', sizeof longv);
    memcpy(longv + WN_CLASS_VALUE_MAX + 8, " comments", 9);
    char out[256] = "";
    wn_class_words(longv, sizeof longv, collect_word, out);
    ck_assert_ptr_null(strstr(out, "comments"));
    ck_assert_uint_eq(strlen(out), strlen("0:") + WN_CLASS_WORD_MAX + 1);
}
END_TEST

START_TEST(test_role)
{
    const role_case *c = &ROLES[_i];
    ck_assert_uint_eq(wn_hints_from_role(c->role, strlen(c->role)), c->hints);
}
END_TEST

/* ---- labels from hints ------------------------------------------------------------------ */

typedef struct label_case {
    uint32_t hints;
    wn_label label;
} label_case;

static const label_case HINT_LABELS[] = {
    {0, WN_LABEL_NONE},
    {WN_HINT_POSITIVE | WN_HINT_STRONG, WN_LABEL_NONE},
    {WN_HINT_COMMENTS, WN_LABEL_COMMENTS},
    {WN_HINT_COMMENTS | WN_HINT_RELATED, WN_LABEL_COMMENTS},
    {WN_HINT_RELATED | WN_HINT_NAV, WN_LABEL_RELATED},
    {WN_HINT_SHARE, WN_LABEL_SHARE},
    {WN_HINT_TIPJAR, WN_LABEL_TIPJAR},
    {WN_HINT_AD | WN_HINT_SIDEBAR, WN_LABEL_AD},
    {WN_HINT_FOOTER, WN_LABEL_FOOTER},
    {WN_HINT_NAV, WN_LABEL_NAV},
    {WN_HINT_SIDEBAR, WN_LABEL_NAV},
    {WN_HINT_HEADER, WN_LABEL_NAV},
    {WN_HINT_META, WN_LABEL_OTHER},
    {WN_HINT_WIDGET, WN_LABEL_OTHER},
};

START_TEST(test_label_from_hints)
{
    ck_assert_int_eq(wn_label_from_hints(HINT_LABELS[_i].hints), HINT_LABELS[_i].label);
}
END_TEST

START_TEST(test_names)
{
    for (int a = 0; a < WN_LABEL_COUNT; a++) {
        const char *name = wn_label_name((wn_label)a);
        ck_assert_ptr_nonnull(name);
        ck_assert_str_ne(name, "?");
        for (int b = 0; b < a; b++)
            ck_assert_str_ne(name, wn_label_name((wn_label)b));
    }
    ck_assert_str_eq(wn_label_name(WN_LABEL_BODY), "body");
    ck_assert_str_eq(wn_label_name(WN_LABEL_RELATED), "related");
    ck_assert_str_eq(wn_label_name(WN_LABEL_COUNT), "?");
    ck_assert_str_eq(wn_marker_name(WN_MARKER_NONE), "none");
    ck_assert_str_eq(wn_marker_name(WN_MARKER_PREVNEXT), "prevnext");
    ck_assert_str_eq(wn_marker_name(WN_MARKER_AD), "ad");
    ck_assert_str_eq(wn_marker_name(WN_MARKER_SEEALSO), "seealso");
    ck_assert_str_eq(wn_marker_name(WN_MARKER_CONTROL), "control");
    ck_assert_str_eq(wn_marker_name(WN_MARKER_AUTHOR), "author");
    ck_assert_str_eq(wn_marker_name((wn_marker)99), "?");
}
END_TEST

/* ---- visible markers ---------------------------------------------------------------------- */

typedef struct marker_case {
    const char *text;
    wn_marker marker;
} marker_case;

static const marker_case MARKERS[] = {
    {"相关推荐", WN_MARKER_RELATED},
    {"相关文章", WN_MARKER_RELATED},
    {"猜你喜欢", WN_MARKER_RELATED},
    {"Related posts", WN_MARKER_RELATED},
    {"RELATED ARTICLES", WN_MARKER_RELATED},
    {"Related", WN_MARKER_RELATED},
    {"You may also like", WN_MARKER_RELATED},
    {"上一篇：某文章", WN_MARKER_PREVNEXT},
    {"下一篇：另一篇文章的标题", WN_MARKER_PREVNEXT},
    {"Previous post: How to bake bread", WN_MARKER_PREVNEXT},
    {"Advertisement", WN_MARKER_AD},
    {"ADVERTISEMENT", WN_MARKER_AD},
    {"[Advertisement]", WN_MARKER_AD},
    {"广告", WN_MARKER_AD},
    {"12 Comments", WN_MARKER_COMMENTS},
    {"1 comment", WN_MARKER_COMMENTS},
    {"3 Responses to \"A post\"", WN_MARKER_COMMENTS},
    {"5条评论", WN_MARKER_COMMENTS},
    {"Comments", WN_MARKER_COMMENTS},
    {"# Comments", WN_MARKER_COMMENTS},
    {"Leave a Reply", WN_MARKER_COMMENTS},
    {"Leave a comment", WN_MARKER_COMMENTS},
    {"发表评论", WN_MARKER_COMMENTS},
    {"网友评论", WN_MARKER_COMMENTS},
    {"本文来自网络", WN_MARKER_SOURCE},
    {"转载请注明出处", WN_MARKER_SOURCE},
    {"责任编辑：张三", WN_MARKER_SOURCE},
    {"Share this:", WN_MARKER_SHARE},
    {"分享到：", WN_MARKER_SHARE},
    {"Tweet", WN_MARKER_SHARE},
    {"打赏", WN_MARKER_TIPJAR},
    {"Buy me a coffee", WN_MARKER_TIPJAR},
    {"当前位置：首页 > 新闻", WN_MARKER_NAV},
    {"You are here: Home > News", WN_MARKER_NAV},
    {"© 2024 Example Inc.", WN_MARKER_FOOTER},
    {"Copyright 2024 Example", WN_MARKER_FOOTER},
    {"版权所有 © 某某网", WN_MARKER_FOOTER},
    {"Read more: Looted colonial art", WN_MARKER_SEEALSO},
    {"READ MORE: China plague outbreak confirmed", WN_MARKER_SEEALSO},
    {"Lea también: Impiden ingreso a Nicaragua", WN_MARKER_SEEALSO},
    {"À lire aussi", WN_MARKER_SEEALSO},
    {"Czytaj też", WN_MARKER_SEEALSO},
    {"Lesen Sie auch: Ein anderer Artikel", WN_MARKER_SEEALSO},
    {"DON'T MISS", WN_MARKER_SEEALSO},
    {"More letters", WN_MARKER_MORE},
    {"Advert", WN_MARKER_AD},
    {"Story continues below", WN_MARKER_AD},
    {"Image 1 of 5", WN_MARKER_CONTROL},
    {"Photo 3/12", WN_MARKER_CONTROL},
    {"2 of 9", WN_MARKER_CONTROL},
    {"Close", WN_MARKER_CONTROL},
    {"HIDE CAPTION", WN_MARKER_CONTROL},
    {"This slideshow requires JavaScript.", WN_MARKER_CONTROL},
    {"Tell us what YOU think...", WN_MARKER_COMMENTS},
    {"MORE SIXERS", WN_MARKER_MORE},
    {"Tags: plague, China, health", WN_MARKER_TAGS},
    {"Filed under: Khawarij |", WN_MARKER_TAGS},
    {"Самые популярные диеты", WN_MARKER_RELATED},
    /* Chinese notes, indented with ideographic spaces or in full-width brackets. */
    {"\xE3\x80\x80\xE3\x80\x80相关新闻：", WN_MARKER_RELATED},
    {"（原标题：某地推出新政 购房补贴最高十万元）", WN_MARKER_SOURCE},
    {"本文来源：新京报 责任编辑：张三_NB123", WN_MARKER_SOURCE},
    {"（责编：张三、李四）", WN_MARKER_SOURCE},
    {"【编辑：张三】", WN_MARKER_SOURCE},
    {"特别声明：本文为自媒体作者上传并发布，仅代表该作者观点。", WN_MARKER_SOURCE},
    {"字号", WN_MARKER_CONTROL},
    {"打开APP，查看更多精彩内容", WN_MARKER_PROMO},
    {"扫描下方二维码关注我们", WN_MARKER_PROMO},
    {"点击进入专题：聚焦某地局势", WN_MARKER_SEEALSO},
    {"Читайте также: другая статья", WN_MARKER_SEEALSO},
    {"Foto: GdP/Hagen Immel", WN_MARKER_SOURCE},
    {"Bild via Wikimedia Commons", WN_MARKER_SOURCE},
    {"Wählen Sie Ihren Zugang und lesen Sie weiter:", WN_MARKER_CONTROL},
    {"Themen: Klima, Energie", WN_MARKER_TAGS},
    {"Themen der Woche waren das Wetter und die Wahl, über die wir lange und ausführlich gesprochen haben.", WN_MARKER_NONE},
    {"Quelle: Landesregierung Hessen", WN_MARKER_SOURCE},
    {"Titelbild: Geyres Christophe/ABACA/picture-alliance", WN_MARKER_SOURCE},
    {"Veröffentlichung: 2. Februar 2022", WN_MARKER_SOURCE},
    {"zurück zur Listenansicht", WN_MARKER_NAV},
    {"Zurück zum Seitenanfang", WN_MARKER_NAV},
    {"0 Kommentare", WN_MARKER_COMMENTS},
    {"Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", WN_MARKER_COMMENTS},
    {"Anzeige, enthält Affiliate Links", WN_MARKER_AD},
    {"Zurück zu Hause angekommen, fand sie die Tür offen.", WN_MARKER_NONE},
    {"Fotos sind erlaubt", WN_MARKER_NONE},
    /* Sentences that merely start like a marker. */
    {"Moreover, the council said the pool would reopen in spring.", WN_MARKER_NONE},
    {"Read more about the study in the journal's next issue.", WN_MARKER_NONE},
    {"Lead a quiet life", WN_MARKER_NONE},
    {"评论家认为，这部电影是近十年来最具野心的作品之一，它用克制的镜头讲述了一个家族三代人的故事。",
     WN_MARKER_NONE},
    {"相关推荐算法在过去十年里发展迅速，已经成为各大平台提升用户体验的核心技术之一。", WN_MARKER_NONE},
    {"Advertisement revenue fell sharply last year as marketers moved their budgets online.",
     WN_MARKER_NONE},
    {"Comments made by the minister on Tuesday drew sharp criticism from the opposition.",
     WN_MARKER_NONE},
    {"About the Author", WN_MARKER_AUTHOR},
    {"This entry was posted on March 3, 2008 at 7:14 pm and is filed under Blogging.", WN_MARKER_SOURCE},
    {"Posted in News, Links | Leave a Comment", WN_MARKER_TAGS},
    {"Labels: walks, maps", WN_MARKER_TAGS},
    {"Powered by WordPress", WN_MARKER_FOOTER},
    {"Powered by a small diesel engine, the boat took us up the river and back again in a day.",
     WN_MARKER_NONE},
    {"No related posts.", WN_MARKER_RELATED},
    {"Featured Content", WN_MARKER_RELATED},
    {"About the author: Jane writes about food and travel for the paper.", WN_MARKER_NONE},
    {"No comments yet.", WN_MARKER_COMMENTS},
    {"RSS feed for comments on this post. TrackBack URI", WN_MARKER_COMMENTS},
    {"You can follow any responses to this entry through the RSS 2.0 feed.", WN_MARKER_COMMENTS},
    {"No comments were made by the minister on Tuesday.", WN_MARKER_NONE},
    {"Relatedness between species is measured by comparing their genomes.", WN_MARKER_NONE},
    {"Sharemarket", WN_MARKER_NONE},
    {"编辑部收到了大量读者来信，他们对这一政策表达了不同的看法。", WN_MARKER_NONE},
    {"3/4", WN_MARKER_NONE},
    {"Image 1 of 5 shows the lander", WN_MARKER_NONE},
    {"1 of 5 adults", WN_MARKER_NONE},
    {"Close to 200 people came", WN_MARKER_NONE},
    {"Advertisers left", WN_MARKER_NONE},
    {"Captions", WN_MARKER_NONE},
    {"Shares of the company rose", WN_MARKER_NONE},
    {"Commentary", WN_MARKER_NONE},
    {"Tweets", WN_MARKER_NONE},
    {"Tagging birds is how the team follows them.", WN_MARKER_NONE},
    {"The comments below are moderated.", WN_MARKER_NONE},
    {"2024 was a good year", WN_MARKER_NONE},
    {"Hello world", WN_MARKER_NONE},
    {"", WN_MARKER_NONE},
    {"   ", WN_MARKER_NONE},
};

/* The sections and controls of German, French, Spanish, Polish and Italian
 * pages (and a few English ones added with them), in any case of their
 * ASCII letters. */
static const marker_case MARKERS_LANGUAGES[] = {
    /* German */
    {"Weitere Artikel", WN_MARKER_RELATED},
    {"weitere Beiträge", WN_MARKER_RELATED},
    {"Verwandte Artikel", WN_MARKER_RELATED},
    {"Das könnte dich auch interessieren", WN_MARKER_RELATED},
    {"Lust auf mehr?", WN_MARKER_RELATED},
    {"Kommentare", WN_MARKER_COMMENTS},
    {"KEINE KOMMENTARE", WN_MARKER_COMMENTS},
    {"Schreibe einen Kommentar", WN_MARKER_COMMENTS},
    {"Nächster Artikel: Die besten Wanderschuhe", WN_MARKER_PREVNEXT},
    {"Vorheriger Beitrag", WN_MARKER_PREVNEXT},
    {"Zurück zur Startseite", WN_MARKER_NAV},
    {"Artikel teilen", WN_MARKER_SHARE},
    {"Teilen:", WN_MARKER_SHARE},
    {"Teilen", WN_MARKER_SHARE},
    {"Werbung", WN_MARKER_AD},
    {"- Anzeige -", WN_MARKER_AD},
    {"-Anzeige-", WN_MARKER_AD},
    {"Bild vergrößern", WN_MARKER_CONTROL},
    {"Rezept drucken", WN_MARKER_CONTROL},
    {"Drucken", WN_MARKER_CONTROL},
    {"War dieser Artikel hilfreich?", WN_MARKER_CONTROL},
    {"Sie sind nicht eingeloggt.", WN_MARKER_CONTROL},
    {"Alle Angaben ohne Gewähr.", WN_MARKER_SOURCE},
    {"Zuletzt aktualisiert: 12.03.2024", WN_MARKER_SOURCE},
    {"Erstellt am 12.03.2024 von Anna Schmidt", WN_MARKER_SOURCE},
    /* French */
    {"Articles similaires", WN_MARKER_RELATED},
    {"Sur le même sujet", WN_MARKER_RELATED},
    {"Commentaires", WN_MARKER_COMMENTS},
    {"Laisser un commentaire", WN_MARKER_COMMENTS},
    {"Article précédent", WN_MARKER_PREVNEXT},
    {"Retour à la liste", WN_MARKER_NAV},
    {"Partager sur Facebook", WN_MARKER_SHARE},
    {"Partager", WN_MARKER_SHARE},
    {"Imprimer", WN_MARKER_CONTROL},
    {"Mis à jour le 12 mars 2024 à 10h15", WN_MARKER_SOURCE},
    {"Publié le 3 mai 2024", WN_MARKER_SOURCE},
    /* Spanish */
    {"NOTICIAS RELACIONADAS", WN_MARKER_RELATED},
    {"Comentarios", WN_MARKER_COMMENTS},
    {"Deja un comentario", WN_MARKER_COMMENTS},
    {"Siguiente artículo", WN_MARKER_PREVNEXT},
    {"Artículo anterior", WN_MARKER_PREVNEXT},
    {"Compartir en Twitter", WN_MARKER_SHARE},
    {"Imprimir", WN_MARKER_CONTROL},
    {"Actualizado el 3 de mayo de 2024", WN_MARKER_SOURCE},
    /* Polish */
    {"Podobne artykuły", WN_MARKER_RELATED},
    {"Powiązane artykuły", WN_MARKER_RELATED},
    {"Komentarze", WN_MARKER_COMMENTS},
    {"Dodaj komentarz", WN_MARKER_COMMENTS},
    {"Następny artykuł", WN_MARKER_PREVNEXT},
    {"Udostępnij", WN_MARKER_SHARE},
    {"REKLAMA", WN_MARKER_AD},
    {"Drukuj", WN_MARKER_CONTROL},
    {"Opublikowano: 3 maja 2024", WN_MARKER_SOURCE},
    /* Italian */
    {"Articoli correlati", WN_MARKER_RELATED},
    {"Commenti", WN_MARKER_COMMENTS},
    {"Lascia un commento", WN_MARKER_COMMENTS},
    {"Condividi", WN_MARKER_SHARE},
    {"Pubblicità", WN_MARKER_AD},
    /* English */
    {"Back to overview", WN_MARKER_NAV},
    {"Was this article helpful?", WN_MARKER_CONTROL},
    {"Rate this article", WN_MARKER_CONTROL},
    {"You must be logged in to post a comment.", WN_MARKER_CONTROL},
    {"Print", WN_MARKER_CONTROL},
    {"Last updated: 12 March 2024", WN_MARKER_SOURCE},
    /* Sentences that start with the same words: past the entry's length, or
     * the word runs on ("Reklamacje", "Printed"). */
    {"Kommentare von Lesern zeigen, dass die neue Regel auf wenig Verständnis stößt.", WN_MARKER_NONE},
    {"Teilen Sie uns mit, welche Route Ihnen am besten gefallen hat, und warum.", WN_MARKER_NONE},
    {"Werbung im Fernsehen ist seit Jahren rückläufig, sagen die Forscher.", WN_MARKER_NONE},
    {"Drucken Sie die Karte vor der Wanderung aus, denn oben gibt es kein Netz.", WN_MARKER_NONE},
    {"Weitere Artikel zu diesem Thema finden Sie in unserem Archiv der letzten Jahre.", WN_MARKER_NONE},
    {"Commentaires et critiques ont suivi la décision du conseil municipal.", WN_MARKER_NONE},
    {"Comentarios del ministro provocaron una fuerte reacción de la oposición.", WN_MARKER_NONE},
    {"Komentarze ekspertów były zgodne: reforma wejdzie w życie w przyszłym roku.", WN_MARKER_NONE},
    {"Reklamacje można składać do końca miesiąca.", WN_MARKER_NONE},
    {"Condividiamo la preoccupazione dei cittadini per il traffico in centro.", WN_MARKER_NONE},
    {"Print media has lost half of its readers in ten years.", WN_MARKER_NONE},
    {"Printed maps are still the safest guide in the hills.", WN_MARKER_NONE},
    {"Last updated versions of the law were published by the ministry on Tuesday.", WN_MARKER_NONE},
};

/* Letters compare in any case beyond ASCII too (a capitalised noun, a
 * heading set in capitals), and a phrase longer than a bare heading's limit
 * has its own. */
static const marker_case MARKER_CASE_FOLDING[] = {
    {"Ähnliche Artikel", WN_MARKER_RELATED},
    {"Zurück zur Übersicht", WN_MARKER_NAV},
    {"Artículos relacionados", WN_MARKER_RELATED},
    {"ARTÍCULOS RELACIONADOS", WN_MARKER_RELATED},
    {"ПОХОЖИЕ СТАТЬИ", WN_MARKER_RELATED},
    {"похожие записи", WN_MARKER_RELATED},
    {"Übersichtlich und klar: so planen Sie die Wanderung mit Kindern.", WN_MARKER_NONE},
};

/* Non-space code points, as the scorer passes for whole_len. */
static size_t chars_of(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p != ' ' && (*p & 0xC0) != 0x80)
            n++;
    return n;
}

static void check_marker(const marker_case *c)
{
    wn_marker m = wn_marker_of_text(c->text, strlen(c->text), chars_of(c->text));
    ck_assert_msg(m == c->marker, "\"%s\": marker %s, want %s", c->text, wn_marker_name(m),
                  wn_marker_name(c->marker));
}

START_TEST(test_marker)
{
    check_marker(&MARKERS[_i]);
}
END_TEST

START_TEST(test_marker_languages)
{
    check_marker(&MARKERS_LANGUAGES[_i]);
}
END_TEST

/* Newsletter and follow-us prompts, found anywhere in a short line. */
START_TEST(test_promo_text)
{
    static const char *const YES[] = {
        "Get the latest updates right in your inbox. Subscribe to our newsletters.",
        "Sign Up: Stay on top of the latest news! Sign up for our Email Newsletters here.",
        "Follow The Opinion section on Facebook, Twitter and Instagram.",
        "Subscribe to the channel for all of the latest videos.",
    };
    static const char *const NO[] = {
        "The newsletter was first printed in 1998 by two students.",
        "Follow the river north for two miles until you reach the bridge.",
        "She signed up for the course after reading about it on Twitter.",
        "Members can subscribe to the club newsletter for free.",
        "",
    };
    CHECK_TEXTS(wn_promo_text, "promo", YES, NO);
    ck_assert_str_eq(wn_marker_name(WN_MARKER_PROMO), "promo");
}
END_TEST

/* Sign-offs, sign-up boxes and follow lines at the foot of a post; a
 * sentence that only mentions the same words stays. */
START_TEST(test_promo_signoffs)
{
    static const char *const YES[] = {
        "If you enjoyed this article, enter your email below to get free updates!",
        "Want to learn more? If you like my articles, there's a good chance you'll like my books.",
        "NEWSLETTER SIGN UP",
        "Sign-up to the Daily Tips newsletter and you will be able to download the eBook for free.",
        "Sign up for free email updates and be entered to win our monthly giveaway!",
        "Join us for Free Printables and fresh fun ideas right to your inbox!",
        "Follow us!",
        "Like The Root on Facebook. Follow us on Twitter.",
        "\xE2\x80\x93 Follow us on Twitter: @desk",
        "Twitter (17,951 followers) \xE2\x80\xA2 Facebook (3,507 likes) \xE2\x80\xA2 Flickr",
        /* The ask in other languages, after a no-break space. */
        "Lust auf mehr? Lass dir die Storys liefern.\xC2\xA0Melde dich hier f\xC3\xBCr unseren Newsletter an!",
        "Zapraszamy te\xC5\xBC do subskrypcji tygodnika.",
        "Puede escribirnos a desk@example.com o seguir a Materia en Facebook, Twitter o suscribirse a nuestra newsletter.",
    };
    static const char *const NO[] = {
        "If you like this idea, the second half of the plan will please you too.",
        "I tweeted to my followers and posted on Facebook and Twitter.",
        "Follow Grace on Twitter.",
        "Residents can get updates from the county's website.",
        "Melde dich bei der Beh\xC3\xB6rde, bevor du abreist.",
    };
    CHECK_TEXTS(wn_promo_text, "promo", YES, NO);
}
END_TEST

/* A line that is only a photo's credit, and the blog software's footer. */
START_TEST(test_credit_lines)
{
    static const char *const CREDITS[] = {
        "Saul Loeb / AFP - Getty Images", "(Associated Press)", "Rex/AP Photo",
        "Jim Wilson/The New York Times", "Tony Gonzalez, John David Mercer-US PRESSWIRE",
    };
    static const char *const NOT_CREDITS[] = {
        "\"They've all got egg on their face,\" she told The Associated Press on Tuesday.",
        "Nick Leroy is SEO Consultant at FindLaw, a Thompson Reuters business",
        "Photo credit: Larry Weinberg", "",
    };
    for (size_t i = 0; i < sizeof CREDITS / sizeof CREDITS[0]; i++)
        ck_assert_msg(wn_photo_credit_text(CREDITS[i], strlen(CREDITS[i])), "\"%s\" not a credit",
                      CREDITS[i]);
    for (size_t i = 0; i < sizeof NOT_CREDITS / sizeof NOT_CREDITS[0]; i++)
        ck_assert_msg(!wn_photo_credit_text(NOT_CREDITS[i], strlen(NOT_CREDITS[i])),
                      "\"%s\" a credit", NOT_CREDITS[i]);
    const char *footer = "(c) 2012 The Curious Brain | powered by WordPress with Barecity";
    ck_assert(wn_platform_credit_text(footer, strlen(footer)));
    const char *sentence = "The rover is powered by a nuclear battery.";
    ck_assert(!wn_platform_credit_text(sentence, strlen(sentence)));
}
END_TEST

/* Bylines: labelled fields, or one field and a date with its time, at the
 * start of the line. */
START_TEST(test_byline_text)
{
    static const char *const YES[] = {
        "2019-08-13 14:07来源：澎湃新闻·澎湃号·政务",
        "来源：本站原创 作者：医技药剂党支部 时间：2019年10月31日 23:00 浏览： 33",
        "2020-11-23 10:22:14 出处：快科技 作者：宪瑞 编辑：宪瑞 人气： 5380 次",
        "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)",
        "发布时间：2019-09-26 10:09:11",
    };
    static const char *const NO[] = {
        "来源：新华社",
        "2022-02-13 20:04:17",
        "会议于2019年9月24日 09:30开幕，来源：新华社。",
        "最新出炉联合国贸发报告：2019年全球经济增长率降至2.3% 发布时间： 2019-09-26 10:09:11",
        "发文字号： 吉政明电〔2022〕1号 发布日期： 2022年01月28日",
        "",
    };
    CHECK_TEXTS(wn_byline_text, "a byline", YES, NO);
}
END_TEST

/* Dates (lexicon/date.h): a line that is only a numeric date, a date
 * written out, a time stamp inside a byline. */
START_TEST(test_date_lines)
{
    static const char *const NUMERIC[] = {"23.10.2018", "2018-10-23 12:30", "2018/10/23"};
    static const char *const NOT_NUMERIC[] = {"192.168.100.1", "10.0.0.1/24", "2018", "Oct 23, 2018", ""};
    CHECK_TEXTS(wn_date_numeric_line, "a numeric date", NUMERIC, NOT_NUMERIC);
    static const char *const WRITTEN[] = {"Donnerstag, 31. Mai 2012", "May 31, 2012", "31 de mayo de 2012"};
    static const char *const NOT_WRITTEN[] = {"May 2012", "31. Mai", "Am 31. Mai 2012 schien die Sonne", ""};
    CHECK_TEXTS(wn_date_written_line, "a written date", WRITTEN, NOT_WRITTEN);
    const char *stamp = "\xE5\x8F\x91\xE5\xB8\x83 2019-08-13 14:07"; /* 发布 */
    ck_assert_uint_eq(wn_date_stamp_at(stamp, strlen(stamp)), 7);
    const char *day = "2019-08-13";
    ck_assert_uint_eq(wn_date_stamp_at(day, strlen(day)), strlen(day));
}
END_TEST

/* A post header's time of day or year (lexicon/date.h), and a labelled
 * date without its year. */
START_TEST(test_date_clock_and_yearless)
{
    static const char *const CLOCK[] = {"21:14", "posted 9:05 by ann", "2024", "am 3. Mai 1999"};
    static const char *const NOT_CLOCK[] = {"123:45", "21:1", "21:145", "1800", "20245", "x1024", ""};
    CHECK_TEXTS(wn_date_clock_or_year, "a time or year", CLOCK, NOT_CLOCK);
    int yy, mo, d, h, mi;
    ck_assert(wn_date_yearless(" 10-08 12:00", 12, &yy, &mo, &d, &h, &mi));
    ck_assert(yy == -1 && mo == 10 && d == 8 && h == 12 && mi == 0);
    ck_assert(wn_date_yearless("10-0812:00", 10, &yy, &mo, &d, &h, &mi));
    ck_assert(yy == -1 && mo == 10 && d == 8 && h == 12 && mi == 0);
    ck_assert(wn_date_yearless("18-03-08 23:16", 14, &yy, &mo, &d, &h, &mi));
    ck_assert(yy == 18 && mo == 3 && d == 8 && h == 23 && mi == 16);
    ck_assert(!wn_date_yearless("13-08 12:00", 11, &yy, &mo, &d, &h, &mi));
    ck_assert(!wn_date_yearless("10-08 24:00", 11, &yy, &mo, &d, &h, &mi));
    ck_assert(!wn_date_yearless("10-08", 5, &yy, &mo, &d, &h, &mi));
    ck_assert(!wn_date_yearless("2019-10-08 12:00", 16, &yy, &mo, &d, &h, &mi));
}
END_TEST

/* Notes on the reader's browser, found anywhere in a short text. */
START_TEST(test_browser_notice)
{
    static const char *const YES[] = {
        "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.",
        "Your browser is out of date. Please upgrade to see this site as it was meant to be seen.",
        "Please enable JavaScript in your browser to view this page.",
    };
    static const char *const NO[] = {
        "The browser war of the late nineties shaped the web we use today.",
        "Firefox and Chrome are the two most popular browsers among our readers.",
        "",
    };
    CHECK_TEXTS(wn_browser_notice, "a notice", YES, NO);
}
END_TEST

START_TEST(test_marker_case_folding)
{
    check_marker(&MARKER_CASE_FOLDING[_i]);
}
END_TEST

/* Follow-us prompts in other languages (two networks at least) and calls
 * to subscribe or join that open the line. */
START_TEST(test_promo_follow_and_join_languages)
{
    static const char *const YES[] = {
        "Síguenos en Facebook, Twitter e Instagram.",
        "Folgen Sie uns auf Facebook und Instagram!",
        "Suivez-nous sur Twitter et LinkedIn",
        "Obserwuj nas: Facebook, Instagram, YouTube",
        "Seguici su Facebook e Instagram",
        "Subscribe now and save 50% on your first year.",
        "Suscríbete a nuestro canal",
        "Abonnez-vous pour lire la suite",
        "Jetzt abonnieren und weiterlesen",
        "Hazte socio y apoya el periodismo independiente.",
    };
    static const char *const NO[] = {
        "Síguenos en Facebook.",
        "Folgen Sie uns durch den Wald bis zur alten Mühle am Bach.",
        "Subscribers paid more this year than last, the company said.",
        "Many readers subscribe because of the puzzles.",
    };
    CHECK_TEXTS(wn_promo_text, "promo", YES, NO);
}
END_TEST

/* A line giving the site's account on a network, and a call to sign up
 * for emails, are prompts; a sentence naming a network is not. */
START_TEST(test_promo_accounts_and_emails)
{
    static const char *const YES[] = {
        "Twitter: @nuttynomads",
        "Facebook Fan Page: www.facebook.com/nuttynomads",
        "Youtube Vids: www.youtube.com/user/nuttynomads",
        "Click here to sign up for First Read emails.",
    };
    static const char *const NO[] = {
        "Twitter: the company said it would not comment.",
        "Facebook: 2 billion users",
        "Sign up with your email address to get regular updates",
        "The emails show that he tried to sign up for the program.",
    };
    CHECK_TEXTS(wn_promo_text, "promo", YES, NO);
}
END_TEST

/* Characters no reader sees (soft hyphens, zero-width spaces) inside a
 * phrase do not hide it. */
START_TEST(test_markers_through_invisible_characters)
{
    static const char shy[] = "Ver\xc2\xadwand\xc2\xadte Ar\xc2\xadti\xc2\xadkel";
    ck_assert_int_eq(wn_marker_of_text(shy, sizeof shy - 1, 16), WN_MARKER_RELATED);
    static const char zw[] = "Related\xe2\x80\x8b posts";
    ck_assert_int_eq(wn_marker_of_text(zw, sizeof zw - 1, 12), WN_MARKER_RELATED);
    static const char zh[] = "\xe7\x9b\xb8\xe5\x85\xb3\xef\xbb\xbf\xe6\x8e\xa8\xe8\x8d\x90";
    ck_assert_int_eq(wn_marker_of_text(zh, sizeof zh - 1, 4), WN_MARKER_RELATED);
}
END_TEST

/* Blog software's default category and a social bar's tagline are
 * markers; "Posted on this day" heads a list of older posts. */
START_TEST(test_markers_blog_furniture)
{
    ck_assert_int_eq(wn_marker_of_text("Uncategorized", 13, 13), WN_MARKER_TAGS);
    ck_assert_int_eq(wn_marker_of_text("Be Sociable, Share!", 19, 17), WN_MARKER_SHARE);
    ck_assert_int_eq(wn_marker_of_text("Posted on this day, other years:", 32, 27), WN_MARKER_RELATED);
    ck_assert_int_eq(wn_marker_of_text("Enlarge Image", 13, 12), WN_MARKER_CONTROL);
}
END_TEST

/* A site's call for letters to the editor and its note on readers'
 * opinions are prompts too; prose that mentions the editor is not. */
START_TEST(test_promo_letters_and_disclaimer)
{
    static const char *const YES[] = {
        "Submit your letter to the editor via this form.",
        "Have an opinion? Send a letter to the editor.",
        "The site is not responsible for the opinions expressed in the comments.",
        "We are not responsible for the content of external sites.",
    };
    static const char *const NO[] = {
        "Readers who send a letter to the editor rarely see it printed.",
        "The council said it was not responsible for the flooding last winter.",
    };
    CHECK_TEXTS(wn_promo_text, "promo", YES, NO);
}
END_TEST

/* "Download our app": the download, the app and a store or platform. */
START_TEST(test_app_promo_text)
{
    static const char *const YES[] = {
        "Download our app for iOS and Android",
        "DOWNLOAD THE NEWS APP on the App Store",
        "Download our free apps from Google Play.",
    };
    static const char *const NO[] = {
        "Download the full report (PDF, 2 MB).",
        "Download the app's user manual from the support page.",
        "The app is available for iOS and Android.",
        "Downloads of the app rose on Android last month.",
        "Download our guide to walking in the hills, free on Android.",
        "",
    };
    CHECK_TEXTS(wn_app_promo_text, "an app prompt", YES, NO);
}
END_TEST

/* A short marker heading at the start of a long block is not that block's label. */
START_TEST(test_marker_whole_len)
{
    ck_assert_int_eq(wn_marker_of_text("Advertisement", 13, 13), WN_MARKER_AD);
    ck_assert_int_eq(wn_marker_of_text("Advertisement", 13, 400), WN_MARKER_NONE);
    ck_assert_int_eq(wn_marker_of_text("相关推荐", strlen("相关推荐"), 4), WN_MARKER_RELATED);
    ck_assert_int_eq(wn_marker_of_text("相关推荐", strlen("相关推荐"), 300), WN_MARKER_NONE);
    ck_assert_int_eq(wn_marker_of_text("12 Comments", 11, 200), WN_MARKER_NONE);
    /* Only len bytes are read. */
    ck_assert_int_eq(wn_marker_of_text("Relatedness", 7, 7), WN_MARKER_RELATED);
}
END_TEST

typedef struct marker_label_case {
    wn_marker marker;
    wn_label label;
} marker_label_case;

static const marker_label_case MARKER_LABELS[] = {
    {WN_MARKER_NONE, WN_LABEL_NONE},       {WN_MARKER_RELATED, WN_LABEL_RELATED},
    {WN_MARKER_COMMENTS, WN_LABEL_COMMENTS}, {WN_MARKER_TIPJAR, WN_LABEL_TIPJAR},
    {WN_MARKER_PREVNEXT, WN_LABEL_NAV},    {WN_MARKER_SHARE, WN_LABEL_SHARE},
    {WN_MARKER_SOURCE, WN_LABEL_OTHER},    {WN_MARKER_NAV, WN_LABEL_NAV},
    {WN_MARKER_FOOTER, WN_LABEL_FOOTER},   {WN_MARKER_AD, WN_LABEL_AD},
    {WN_MARKER_SEEALSO, WN_LABEL_RELATED}, {WN_MARKER_MORE, WN_LABEL_RELATED},
};

START_TEST(test_label_from_marker)
{
    ck_assert_int_eq(wn_label_from_marker(MARKER_LABELS[_i].marker), MARKER_LABELS[_i].label);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("hints");
    TCase *tc = tcase_create("attributes");
    tcase_add_loop_test(tc, test_attribute, 0, WN_COUNT(ATTRS));
    tcase_add_test(tc, test_attribute_long);
    tcase_add_test(tc, test_class_words);
    tcase_add_test(tc, test_name_hints_agree);
    tcase_add_loop_test(tc, test_role, 0, WN_COUNT(ROLES));
    tcase_add_loop_test(tc, test_label_from_hints, 0, WN_COUNT(HINT_LABELS));
    tcase_add_test(tc, test_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("markers");
    tcase_add_loop_test(tc, test_marker, 0, WN_COUNT(MARKERS));
    tcase_add_loop_test(tc, test_marker_languages, 0, WN_COUNT(MARKERS_LANGUAGES));
    tcase_add_test(tc, test_promo_text);
    tcase_add_test(tc, test_byline_text);
    tcase_add_test(tc, test_browser_notice);
    tcase_add_test(tc, test_date_lines);
    tcase_add_test(tc, test_date_clock_and_yearless);
    tcase_add_test(tc, test_promo_follow_and_join_languages);
    tcase_add_test(tc, test_promo_letters_and_disclaimer);
    tcase_add_test(tc, test_app_promo_text);
    tcase_add_test(tc, test_promo_signoffs);
    tcase_add_test(tc, test_promo_accounts_and_emails);
    tcase_add_test(tc, test_markers_blog_furniture);
    tcase_add_test(tc, test_markers_through_invisible_characters);
    tcase_add_test(tc, test_credit_lines);
    tcase_add_loop_test(tc, test_marker_case_folding, 0, WN_COUNT(MARKER_CASE_FOLDING));
    tcase_add_test(tc, test_marker_whole_len);
    tcase_add_loop_test(tc, test_label_from_marker, 0, WN_COUNT(MARKER_LABELS));
    suite_add_tcase(s, tc);

    /* Bugs found and fixed: these keep them fixed. */
    tc = tcase_create("regressions");
    tcase_add_loop_test(tc, test_negated_stem, 0, WN_COUNT(NEGATED_STEM));
    suite_add_tcase(s, tc);
    return s;
}
