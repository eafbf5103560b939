#include "score/hints.h"

#include <stdbool.h>
#include <string.h>

#include "utf8.h"

static const char *const LABEL_NAMES[WN_LABEL_COUNT] = {
    "none", "body", "title", "nav", "related", "comments", "tipjar", "share", "footer", "ad", "other",
};

const char *wn_label_name(wn_label label)
{
    return (unsigned)label < WN_LABEL_COUNT ? LABEL_NAMES[label] : "?";
}

/* ---- class / id words ---------------------------------------------------- */

typedef struct word_hint {
    const char *word;
    uint32_t hints;
} word_hint;

/* Whole words of a class or id (split at spaces, '-', '_' and case changes). */
static const word_hint WORDS[] = {
    {"ad", WN_HINT_AD}, {"ads", WN_HINT_AD}, {"adv", WN_HINT_AD}, {"advert", WN_HINT_AD},
    {"adsense", WN_HINT_AD}, {"adslot", WN_HINT_AD}, {"adunit", WN_HINT_AD},
    {"advertisement", WN_HINT_AD}, {"advertising", WN_HINT_AD}, {"banner", WN_HINT_AD},
    {"sponsor", WN_HINT_AD}, {"sponsored", WN_HINT_AD}, {"promo", WN_HINT_WIDGET},
    {"promoted", WN_HINT_AD}, {"guanggao", WN_HINT_AD}, {"outbrain", WN_HINT_AD},
    {"taboola", WN_HINT_AD}, {"dfp", WN_HINT_AD}, {"gpt", WN_HINT_AD},
    {"article", WN_HINT_POSITIVE}, {"content", WN_HINT_POSITIVE}, {"entry", WN_HINT_POSITIVE},
    {"post", WN_HINT_POSITIVE}, {"main", WN_HINT_POSITIVE}, {"body", WN_HINT_POSITIVE},
    {"text", WN_HINT_POSITIVE}, {"story", WN_HINT_POSITIVE}, {"blog", WN_HINT_POSITIVE},
    {"hentry", WN_HINT_POSITIVE}, {"prose", WN_HINT_POSITIVE}, {"detail", WN_HINT_POSITIVE},
    {"details", WN_HINT_POSITIVE}, {"single", WN_HINT_POSITIVE}, {"con", WN_HINT_POSITIVE},
    {"txt", WN_HINT_POSITIVE}, {"zw", WN_HINT_POSITIVE}, {"zhengwen", WN_HINT_POSITIVE},
    {"neirong", WN_HINT_POSITIVE}, {"wenzhang", WN_HINT_POSITIVE}, {"news", WN_HINT_POSITIVE},
    {"page", WN_HINT_POSITIVE},
    {"nav", WN_HINT_NAV}, {"navbar", WN_HINT_NAV}, {"menu", WN_HINT_NAV}, {"menubar", WN_HINT_NAV},
    {"breadcrumb", WN_HINT_NAV}, {"breadcrumbs", WN_HINT_NAV}, {"crumbs", WN_HINT_NAV},
    {"pagination", WN_HINT_NAV}, {"pager", WN_HINT_NAV}, {"paging", WN_HINT_NAV},
    {"skip", WN_HINT_NAV}, {"prevnext", WN_HINT_NAV}, {"toolbar", WN_HINT_NAV},
    {"related", WN_HINT_RELATED}, {"relatedposts", WN_HINT_RELATED}, {"recommend", WN_HINT_RELATED},
    {"recommended", WN_HINT_RELATED}, {"recommendations", WN_HINT_RELATED},
    {"similar", WN_HINT_RELATED}, {"suggested", WN_HINT_RELATED}, {"trending", WN_HINT_RELATED},
    {"popular", WN_HINT_RELATED}, {"xgtj", WN_HINT_RELATED}, {"tuijian", WN_HINT_RELATED},
    {"xiangguan", WN_HINT_RELATED}, {"readmore", WN_HINT_RELATED}, {"more", WN_HINT_RELATED},
    {"comment", WN_HINT_COMMENTS}, {"comments", WN_HINT_COMMENTS}, {"reply", WN_HINT_COMMENTS},
    {"replies", WN_HINT_COMMENTS}, {"respond", WN_HINT_COMMENTS}, {"discuss", WN_HINT_COMMENTS},
    {"discussion", WN_HINT_COMMENTS}, {"disqus", WN_HINT_COMMENTS}, {"pinglun", WN_HINT_COMMENTS},
    {"donate", WN_HINT_TIPJAR}, {"donation", WN_HINT_TIPJAR}, {"donations", WN_HINT_TIPJAR},
    {"tipjar", WN_HINT_TIPJAR}, {"kofi", WN_HINT_TIPJAR}, {"patreon", WN_HINT_TIPJAR},
    {"buymeacoffee", WN_HINT_TIPJAR}, {"reward", WN_HINT_TIPJAR}, {"dashang", WN_HINT_TIPJAR},
    {"zanshang", WN_HINT_TIPJAR},
    {"share", WN_HINT_SHARE}, {"sharing", WN_HINT_SHARE}, {"social", WN_HINT_SHARE},
    {"sharebar", WN_HINT_SHARE}, {"sharethis", WN_HINT_SHARE}, {"addthis", WN_HINT_SHARE},
    {"fenxiang", WN_HINT_SHARE}, {"bdshare", WN_HINT_SHARE}, {"sociallinks", WN_HINT_SHARE},
    {"footer", WN_HINT_FOOTER}, {"foot", WN_HINT_FOOTER}, {"copyright", WN_HINT_FOOTER},
    {"colophon", WN_HINT_FOOTER}, {"sitefooter", WN_HINT_FOOTER}, {"disclaimer", WN_HINT_FOOTER},
    {"sidebar", WN_HINT_SIDEBAR}, {"aside", WN_HINT_SIDEBAR}, {"widget", WN_HINT_WIDGET},
    {"widgets", WN_HINT_WIDGET},
    {"header", WN_HINT_HEADER}, {"masthead", WN_HINT_HEADER}, {"topbar", WN_HINT_HEADER},
    {"byline", WN_HINT_META}, {"author", WN_HINT_META}, {"authors", WN_HINT_META},
    {"dateline", WN_HINT_META}, {"date", WN_HINT_META}, {"timestamp", WN_HINT_META},
    {"meta", WN_HINT_META}, {"postmeta", WN_HINT_META}, {"tags", WN_HINT_META},
    {"tag", WN_HINT_META}, {"taglist", WN_HINT_META}, {"categories", WN_HINT_META},
    {"published", WN_HINT_META}, {"posted", WN_HINT_META}, {"info", WN_HINT_META},
    {"newsletter", WN_HINT_WIDGET}, {"subscribe", WN_HINT_WIDGET}, {"subscription", WN_HINT_WIDGET},
    {"signup", WN_HINT_WIDGET}, {"popup", WN_HINT_WIDGET}, {"modal", WN_HINT_WIDGET},
    {"cookie", WN_HINT_WIDGET}, {"cookies", WN_HINT_WIDGET}, {"gdpr", WN_HINT_WIDGET},
    {"consent", WN_HINT_WIDGET}, {"overlay", WN_HINT_WIDGET}, {"login", WN_HINT_WIDGET},
    {"gallery", WN_HINT_GALLERY}, {"slideshow", WN_HINT_GALLERY}, {"carousel", WN_HINT_GALLERY},
    {"disclosure", WN_HINT_WIDGET}, {"fivestar", WN_HINT_WIDGET},
    {"hidden", WN_HINT_HIDDEN}, {"invisible", WN_HINT_HIDDEN},
    {"question", WN_HINT_QUESTION}, {"answer", WN_HINT_ANSWER}, {"answers", WN_HINT_ANSWER},
    {"cmt", WN_HINT_COMMENTS}, {"cmts", WN_HINT_COMMENTS},
    {"lead", WN_HINT_LEAD}, {"lede", WN_HINT_LEAD}, {"intro", WN_HINT_LEAD},
};

/* Stems looked for inside the joined lower-case words ("commentlist",
 * "related_posts" -> "relatedposts"). Only long, unambiguous stems. */
static const word_hint STEMS[] = {
    {"articlebody", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"articlecontent", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"entrycontent", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"postcontent", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"postbody", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"storybody", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"storycontent", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"articletext", WN_HINT_STRONG | WN_HINT_POSITIVE},
    {"comment", WN_HINT_COMMENTS}, {"related", WN_HINT_RELATED}, {"breadcrumb", WN_HINT_NAV},
    {"sidebar", WN_HINT_SIDEBAR}, {"footer", WN_HINT_FOOTER}, {"copyright", WN_HINT_FOOTER},
    {"pagination", WN_HINT_NAV}, {"navigation", WN_HINT_NAV}, {"advert", WN_HINT_AD},
    {"newsletter", WN_HINT_WIDGET}, {"sharing", WN_HINT_SHARE}, {"socialmedia", WN_HINT_SHARE},
    {"sharebutton", WN_HINT_SHARE}, {"donat", WN_HINT_TIPJAR}, {"recommend", WN_HINT_RELATED},
    {"dashang", WN_HINT_TIPJAR}, {"pinglun", WN_HINT_COMMENTS}, {"xiangguan", WN_HINT_RELATED},
    {"tuijian", WN_HINT_RELATED}, {"fenxiang", WN_HINT_SHARE}, {"screenreader", WN_HINT_HIDDEN},
    {"visuallyhidden", WN_HINT_HIDDEN}, {"sronly", WN_HINT_HIDDEN}, {"buymeacoffee", WN_HINT_TIPJAR},
    {"kofi", WN_HINT_TIPJAR}, {"patreon", WN_HINT_TIPJAR}, {"prevnext", WN_HINT_NAV},
    {"postnav", WN_HINT_NAV}, {"authorbox", WN_HINT_META | WN_HINT_AUTHORBOX},
    {"aboutauthor", WN_HINT_META | WN_HINT_AUTHORBOX}, {"authorbio", WN_HINT_META | WN_HINT_AUTHORBOX},
    {"gallery", WN_HINT_GALLERY}, {"slideshow", WN_HINT_GALLERY},
};

static bool is_alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static uint32_t lookup_word(const char *word, size_t len)
{
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++)
        if (strlen(WORDS[i].word) == len && memcmp(WORDS[i].word, word, len) == 0)
            return WORDS[i].hints;
    return 0;
}

/* Whether the stem at `at` in the joined words follows "no", "non" or "not"
 * at the start of a class name ("no-comments" -> "nocomments"). */
static bool negated_at(const char *joined, const char *at)
{
    static const char *const NEGATIONS[] = {"non", "not", "no"};
    for (size_t i = 0; i < sizeof NEGATIONS / sizeof NEGATIONS[0]; i++) {
        size_t n = strlen(NEGATIONS[i]);
        if ((size_t)(at - joined) < n || memcmp(at - n, NEGATIONS[i], n) != 0)
            continue;
        const char *start = at - n;
        if (start == joined || start[-1] == ' ')
            return true;
    }
    return false;
}

static bool script_hook_at(const char *value, size_t len, size_t at)
{
    return at + 3 <= len && value[at] == 'j' && value[at + 1] == 's' &&
           (value[at + 2] == '-' || value[at + 2] == '_');
}

void wn_class_words(const char *value, size_t len, wn_class_word_fn fn, void *data)
{
    char word[WN_CLASS_WORD_MAX];
    size_t word_len = 0;
    unsigned token = 0;
    if (len > WN_CLASS_VALUE_MAX)
        len = WN_CLASS_VALUE_MAX;
    bool hook = script_hook_at(value, len, 0);
    for (size_t i = 0; i <= len; i++) {
        unsigned char c = i < len ? (unsigned char)value[i] : ' ';
        bool alnum = is_alnum_ascii(c);
        bool upper = c >= 'A' && c <= 'Z';
        bool case_break = upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z';
        if ((!alnum || case_break) && word_len) {
            if (!hook)
                fn(word, word_len, token, data);
            word_len = 0;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            token++;
            hook = script_hook_at(value, len, i + 1);
            continue;
        }
        if (alnum && word_len < sizeof word)
            word[word_len++] = (char)(upper ? c + 32 : c);
    }
}

/* joined: the words, each name's run together and the names apart
 * ("related_posts main" -> "relatedposts main"), for the stem table. */
typedef struct hint_words {
    uint32_t hints;
    bool negated;
    bool live;        /* "live-comments", "live-match-comment": a live ticker's entries */
    unsigned token;
    char joined[256];
    size_t joined_len;
} hint_words;

static void add_hint_word(const char *word, size_t len, unsigned token, void *data)
{
    hint_words *h = data;
    /* "non-ad-column", "no-comments": a negated word says nothing. */
    if (!h->negated)
        h->hints |= lookup_word(word, len);
    h->live |= len == 4 && memcmp(word, "live", 4) == 0;
    h->negated = (len == 2 && memcmp(word, "no", 2) == 0) ||
                 (len == 3 && (memcmp(word, "non", 3) == 0 || memcmp(word, "not", 3) == 0));
    if (token != h->token && h->joined_len && h->joined_len < sizeof h->joined - 1)
        h->joined[h->joined_len++] = ' ';
    h->token = token;
    for (size_t k = 0; k < len && h->joined_len < sizeof h->joined - 1; k++)
        h->joined[h->joined_len++] = word[k];
}

uint32_t wn_hints_from_attribute(const char *value, size_t len)
{
    hint_words h = {0};
    wn_class_words(value, len, add_hint_word, &h);
    h.joined[h.joined_len] = '\0';
    for (size_t i = 0; i < sizeof STEMS / sizeof STEMS[0]; i++)
        for (const char *at = strstr(h.joined, STEMS[i].word); at; at = strstr(at + 1, STEMS[i].word))
            if (!negated_at(h.joined, at)) {
                h.hints |= STEMS[i].hints;
                break;
            }
    /* A live ticker's "comments" are the reporter's, not the readers'. */
    if (h.live)
        h.hints &= ~WN_HINT_COMMENTS;
    return h.hints;
}

uint32_t wn_hints_from_role(const char *value, size_t len)
{
    static const word_hint ROLES[] = {
        {"navigation", WN_HINT_NAV}, {"menu", WN_HINT_NAV}, {"menubar", WN_HINT_NAV},
        {"complementary", WN_HINT_SIDEBAR}, {"contentinfo", WN_HINT_FOOTER},
        {"banner", WN_HINT_HEADER}, {"main", WN_HINT_POSITIVE | WN_HINT_STRONG},
        {"article", WN_HINT_POSITIVE}, {"search", WN_HINT_WIDGET}, {"dialog", WN_HINT_WIDGET},
        {"alertdialog", WN_HINT_WIDGET}, {"comment", WN_HINT_COMMENTS},
    };
    for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++) {
        size_t n = strlen(ROLES[i].word);
        if (n == len && strncmp(ROLES[i].word, value, n) == 0)
            return ROLES[i].hints;
    }
    return 0;
}

wn_label wn_label_from_hints(uint32_t hints)
{
    if (hints & WN_HINT_COMMENTS) return WN_LABEL_COMMENTS;
    if (hints & WN_HINT_RELATED) return WN_LABEL_RELATED;
    if (hints & WN_HINT_TIPJAR) return WN_LABEL_TIPJAR;
    if (hints & WN_HINT_SHARE) return WN_LABEL_SHARE;
    if (hints & WN_HINT_AD) return WN_LABEL_AD;
    if (hints & WN_HINT_FOOTER) return WN_LABEL_FOOTER;
    if (hints & (WN_HINT_NAV | WN_HINT_HEADER | WN_HINT_SIDEBAR)) return WN_LABEL_NAV;
    if (hints & (WN_HINT_WIDGET | WN_HINT_META | WN_HINT_HIDDEN | WN_HINT_GALLERY)) return WN_LABEL_OTHER;
    return WN_LABEL_NONE;
}

/* ---- visible markers --------------------------------------------------------- */

typedef struct marker_entry {
    const char *prefix;      /* compared case-insensitively for ASCII */
    wn_marker marker;
    unsigned max_whole;      /* the block's text may have at most this many non-space characters */
} marker_entry;

#define HEADING 20   /* a heading: the marker and little else */
#define LINE 200     /* a line that starts with the marker */

static const marker_entry MARKERS[] = {
    {"相关推荐", WN_MARKER_RELATED, HEADING}, {"相关文章", WN_MARKER_RELATED, HEADING},
    {"相关阅读", WN_MARKER_RELATED, HEADING}, {"相关新闻", WN_MARKER_RELATED, HEADING},
    {"相关资讯", WN_MARKER_RELATED, HEADING}, {"相关内容", WN_MARKER_RELATED, HEADING},
    {"相关链接", WN_MARKER_RELATED, HEADING}, {"猜你喜欢", WN_MARKER_RELATED, HEADING},
    {"推荐阅读", WN_MARKER_RELATED, HEADING}, {"热门推荐", WN_MARKER_RELATED, HEADING},
    {"热门文章", WN_MARKER_RELATED, HEADING}, {"热门阅读", WN_MARKER_RELATED, HEADING},
    {"延伸阅读", WN_MARKER_RELATED, HEADING}, {"精彩推荐", WN_MARKER_RELATED, HEADING},
    {"为你推荐", WN_MARKER_RELATED, HEADING}, {"为您推荐", WN_MARKER_RELATED, HEADING},
    {"更多推荐", WN_MARKER_RELATED, HEADING}, {"大家都在看", WN_MARKER_RELATED, HEADING},
    {"最新文章", WN_MARKER_RELATED, HEADING}, {"相關推薦", WN_MARKER_RELATED, HEADING},
    {"相關文章", WN_MARKER_RELATED, HEADING}, {"推薦閱讀", WN_MARKER_RELATED, HEADING},
    {"related posts", WN_MARKER_RELATED, HEADING}, {"related articles", WN_MARKER_RELATED, HEADING},
    {"related stories", WN_MARKER_RELATED, HEADING}, {"related content", WN_MARKER_RELATED, HEADING},
    {"related reading", WN_MARKER_RELATED, HEADING}, {"related", WN_MARKER_RELATED, 8},
    {"you may also like", WN_MARKER_RELATED, HEADING}, {"you might also like", WN_MARKER_RELATED, HEADING},
    {"you may be interested", WN_MARKER_RELATED, HEADING}, {"more from", WN_MARKER_RELATED, HEADING},
    {"more stories", WN_MARKER_RELATED, HEADING}, {"recommended", WN_MARKER_RELATED, HEADING},
    {"read next", WN_MARKER_RELATED, HEADING}, {"popular posts", WN_MARKER_RELATED, HEADING},
    {"most popular", WN_MARKER_RELATED, HEADING}, {"most read", WN_MARKER_RELATED, HEADING},
    {"recent posts", WN_MARKER_RELATED, HEADING}, {"latest posts", WN_MARKER_RELATED, HEADING},
    {"no related posts", WN_MARKER_RELATED, HEADING}, {"featured post", WN_MARKER_RELATED, HEADING},
    {"featured content", WN_MARKER_RELATED, HEADING}, {"featured articles", WN_MARKER_RELATED, HEADING},
    {"featured stories", WN_MARKER_RELATED, HEADING}, {"keep reading", WN_MARKER_RELATED, 12},
    /* Links to the blog's posts of the same date in earlier years. */
    {"posted on this day", WN_MARKER_RELATED, 40},
    {"more ", WN_MARKER_MORE, HEADING},
    /* Russian (Cyrillic is compared as written: capitalised). */
    {"Похожие статьи", WN_MARKER_RELATED, HEADING}, {"Похожие записи", WN_MARKER_RELATED, HEADING},
    {"Самые популярные", WN_MARKER_RELATED, HEADING}, {"Популярные статьи", WN_MARKER_RELATED, HEADING},
    {"Читайте также", WN_MARKER_SEEALSO, LINE}, {"Смотрите также", WN_MARKER_SEEALSO, LINE},
    {"Комментарии", WN_MARKER_COMMENTS, 14}, {"Отзывы", WN_MARKER_COMMENTS, 10},
    {"发表评论", WN_MARKER_COMMENTS, HEADING}, {"发表回复", WN_MARKER_COMMENTS, HEADING},
    {"网友评论", WN_MARKER_COMMENTS, HEADING}, {"评论列表", WN_MARKER_COMMENTS, HEADING},
    {"精彩评论", WN_MARKER_COMMENTS, HEADING}, {"精彩評論", WN_MARKER_COMMENTS, HEADING},
    {"最新评论", WN_MARKER_COMMENTS, HEADING}, {"热门评论", WN_MARKER_COMMENTS, HEADING},
    {"我要评论", WN_MARKER_COMMENTS, HEADING}, {"暂无评论", WN_MARKER_COMMENTS, HEADING},
    {"评论", WN_MARKER_COMMENTS, 10}, {"評論", WN_MARKER_COMMENTS, 10},
    {"留言", WN_MARKER_COMMENTS, 10}, {"网友留言", WN_MARKER_COMMENTS, HEADING},
    {"comments", WN_MARKER_COMMENTS, 14}, {"comment", WN_MARKER_COMMENTS, 8},
    {"leave a comment", WN_MARKER_COMMENTS, HEADING}, {"leave a reply", WN_MARKER_COMMENTS, HEADING},
    {"post a comment", WN_MARKER_COMMENTS, HEADING}, {"add a comment", WN_MARKER_COMMENTS, HEADING},
    {"join the discussion", WN_MARKER_COMMENTS, HEADING}, {"join the conversation", WN_MARKER_COMMENTS, HEADING},
    {"reader comments", WN_MARKER_COMMENTS, HEADING}, {"responses", WN_MARKER_COMMENTS, 10},
    /* The lines blog software prints around an empty or closed thread. */
    {"no comments yet", WN_MARKER_COMMENTS, HEADING}, {"no comments", WN_MARKER_COMMENTS, 12},
    {"rss feed for comments", WN_MARKER_COMMENTS, 60},
    {"you can follow any responses to this entry", WN_MARKER_COMMENTS, LINE},
    {"comments are closed", WN_MARKER_COMMENTS, 30}, {"blog comments powered by", WN_MARKER_COMMENTS, 30},
    /* The line blog software prints under a post: its date and categories. */
    {"this entry was posted", WN_MARKER_SOURCE, 400},
    {"like this:", WN_MARKER_CONTROL, 9}, {"be the first to like this", WN_MARKER_CONTROL, 24},
    {"打赏", WN_MARKER_TIPJAR, 40}, {"赞赏", WN_MARKER_TIPJAR, 40},
    {"微信扫一扫", WN_MARKER_TIPJAR, 40}, {"支付宝扫一扫", WN_MARKER_TIPJAR, 40},
    {"扫码打赏", WN_MARKER_TIPJAR, 40}, {"buy me a coffee", WN_MARKER_TIPJAR, 40},
    {"donate", WN_MARKER_TIPJAR, 25}, {"support us", WN_MARKER_TIPJAR, 25},
    {"tip jar", WN_MARKER_TIPJAR, 25}, {"become a patron", WN_MARKER_TIPJAR, 30},
    {"上一篇", WN_MARKER_PREVNEXT, LINE}, {"下一篇", WN_MARKER_PREVNEXT, LINE},
    {"上一页", WN_MARKER_PREVNEXT, LINE}, {"下一页", WN_MARKER_PREVNEXT, LINE},
    {"上一条", WN_MARKER_PREVNEXT, LINE}, {"下一条", WN_MARKER_PREVNEXT, LINE},
    {"上一篇", WN_MARKER_PREVNEXT, LINE}, {"上一則", WN_MARKER_PREVNEXT, LINE},
    {"previous post", WN_MARKER_PREVNEXT, 80}, {"next post", WN_MARKER_PREVNEXT, 80},
    {"previous article", WN_MARKER_PREVNEXT, 80}, {"next article", WN_MARKER_PREVNEXT, 80},
    {"older post", WN_MARKER_PREVNEXT, 80}, {"newer post", WN_MARKER_PREVNEXT, 80},
    {"« previous", WN_MARKER_PREVNEXT, 80}, {"分享到", WN_MARKER_SHARE, 40},
    {"分享：", WN_MARKER_SHARE, 40}, {"分享", WN_MARKER_SHARE, 6},
    {"share this", WN_MARKER_SHARE, 40}, {"share on", WN_MARKER_SHARE, 40},
    {"share:", WN_MARKER_SHARE, 40}, {"share", WN_MARKER_SHARE, 6}, {"tweet", WN_MARKER_SHARE, 5},
    {"pin it", WN_MARKER_SHARE, 5}, {"be sociable", WN_MARKER_SHARE, 20},
    {"本文来自", WN_MARKER_SOURCE, LINE}, {"转载请注明", WN_MARKER_SOURCE, LINE},
    {"转载请保留", WN_MARKER_SOURCE, LINE}, {"免责声明", WN_MARKER_SOURCE, 500},
    {"版权声明", WN_MARKER_SOURCE, 500}, {"责任编辑", WN_MARKER_SOURCE, 40},
    {"原文链接", WN_MARKER_SOURCE, LINE}, {"本文链接", WN_MARKER_SOURCE, LINE},
    {"文章来源", WN_MARKER_SOURCE, 80}, {"返回搜狐", WN_MARKER_SOURCE, 40},
    {"本文由", WN_MARKER_SOURCE, 100}, {"声明：", WN_MARKER_SOURCE, 500},
    {"本站声明", WN_MARKER_SOURCE, 500}, {"轉載請註明", WN_MARKER_SOURCE, LINE},
    {"本文來自", WN_MARKER_SOURCE, LINE}, {"免責聲明", WN_MARKER_SOURCE, 500},
    {"原标题", WN_MARKER_SOURCE, LINE}, {"本文原标题", WN_MARKER_SOURCE, LINE},
    {"原题为", WN_MARKER_SOURCE, LINE}, {"本文来源", WN_MARKER_SOURCE, LINE},
    {"责编", WN_MARKER_SOURCE, 40}, {"特别声明", WN_MARKER_SOURCE, 500},
    {"编辑：", WN_MARKER_SOURCE, 20}, {"编辑:", WN_MARKER_SOURCE, 20}, {"编辑|", WN_MARKER_SOURCE, 20},
    {"原创：", WN_MARKER_SOURCE, 40},
    {"当前位置", WN_MARKER_NAV, LINE}, {"您的位置", WN_MARKER_NAV, LINE},
    {"你的位置", WN_MARKER_NAV, LINE}, {"您现在的位置", WN_MARKER_NAV, LINE},
    {"目前位置", WN_MARKER_NAV, LINE}, {"當前位置", WN_MARKER_NAV, LINE},
    {"you are here", WN_MARKER_NAV, LINE},
    {"版权所有", WN_MARKER_FOOTER, LINE}, {"copyright ©", WN_MARKER_FOOTER, LINE},
    {"copyright", WN_MARKER_FOOTER, 80}, {"©", WN_MARKER_FOOTER, 80},
    {"(c) 19", WN_MARKER_FOOTER, 80}, {"(c) 20", WN_MARKER_FOOTER, 80},
    {"all rights reserved", WN_MARKER_FOOTER, 80}, {"powered by", WN_MARKER_FOOTER, 60}, {"版權所有", WN_MARKER_FOOTER, LINE},
    {"advertisement", WN_MARKER_AD, 14}, {"sponsored", WN_MARKER_AD, 10},
    {"广告", WN_MARKER_AD, 5}, {"advert", WN_MARKER_AD, 6}, {"anzeige", WN_MARKER_AD, 8},
    {"publicidad", WN_MARKER_AD, 10}, {"publicité", WN_MARKER_AD, 10},
    {"anzeige,", WN_MARKER_AD, 40}, /* "Anzeige, enthält Affiliate Links" */
    {"story continues below", WN_MARKER_AD, 26}, {"article continues below", WN_MARKER_AD, 28},
    {"continue reading below", WN_MARKER_AD, 26}, {"content continues below", WN_MARKER_AD, 28},
    /* The labels of a page's controls, standing alone. */
    {"caption", WN_MARKER_CONTROL, 7}, {"close", WN_MARKER_CONTROL, 5},
    {"hide caption", WN_MARKER_CONTROL, 11}, {"toggle caption", WN_MARKER_CONTROL, 13},
    {"enlarge this image", WN_MARKER_CONTROL, 16}, {"click to enlarge", WN_MARKER_CONTROL, 15},
    {"this slideshow requires javascript", WN_MARKER_CONTROL, 32},
    {"enlarge image", WN_MARKER_CONTROL, 13}, {"story highlights", WN_MARKER_CONTROL, 16},
    {"view gallery", WN_MARKER_CONTROL, 11}, {"launch gallery", WN_MARKER_CONTROL, 13},
    /* A video teaser: "Watch video 02:17" over another story's title. */
    {"watch video", WN_MARKER_CONTROL, 120},
    {"tell us what you think", WN_MARKER_COMMENTS, 24},
    /* An author's bio box after the article, under its own heading. */
    {"about the author", WN_MARKER_AUTHOR, 16}, {"about the authors", WN_MARKER_AUTHOR, 17},
    {"about the writer", WN_MARKER_AUTHOR, 16}, {"about the blogger", WN_MARKER_AUTHOR, 17},
    {"字号", WN_MARKER_CONTROL, 12}, {"收藏", WN_MARKER_CONTROL, 4}, {"图集", WN_MARKER_CONTROL, 2},
    {"举报", WN_MARKER_CONTROL, 4},
    /* Prompts to get the app or follow the account. */
    {"打开app", WN_MARKER_PROMO, 40}, {"下载app", WN_MARKER_PROMO, 40},
    {"下载客户端", WN_MARKER_PROMO, 40}, {"扫描下方二维码", WN_MARKER_PROMO, 60},
    {"长按二维码", WN_MARKER_PROMO, 60}, {"长按识别二维码", WN_MARKER_PROMO, 60},
    {"扫码关注", WN_MARKER_PROMO, 60}, {"扫码下载", WN_MARKER_PROMO, 60},
    /* Links to other articles set between paragraphs, in the languages of
     * the web's news sites; a colon where the words could open a sentence. */
    {"点击进入", WN_MARKER_SEEALSO, LINE}, {"read more:", WN_MARKER_SEEALSO, LINE}, {"read:", WN_MARKER_SEEALSO, LINE},
    {"read also", WN_MARKER_SEEALSO, LINE},
    {"also read", WN_MARKER_SEEALSO, LINE}, {"see also:", WN_MARKER_SEEALSO, LINE},
    {"see more:", WN_MARKER_SEEALSO, LINE}, {"related:", WN_MARKER_SEEALSO, LINE},
    {"don't miss", WN_MARKER_SEEALSO, LINE}, {"don\xE2\x80\x99t miss", WN_MARKER_SEEALSO, LINE},
    {"lea también", WN_MARKER_SEEALSO, LINE}, {"lee también", WN_MARKER_SEEALSO, LINE},
    {"lea más:", WN_MARKER_SEEALSO, LINE}, {"lea:", WN_MARKER_SEEALSO, LINE},
    {"mire:", WN_MARKER_SEEALSO, LINE}, {"puedes ver:", WN_MARKER_SEEALSO, LINE},
    {"le puede interesar", WN_MARKER_SEEALSO, LINE}, {"te puede interesar", WN_MARKER_SEEALSO, LINE},
    {"también te puede interesar", WN_MARKER_SEEALSO, LINE}, {"ver también", WN_MARKER_SEEALSO, LINE},
    {"leia também", WN_MARKER_SEEALSO, LINE}, {"leia mais:", WN_MARKER_SEEALSO, LINE},
    {"à lire aussi", WN_MARKER_SEEALSO, LINE}, {"À lire aussi", WN_MARKER_SEEALSO, LINE},
    {"À LIRE AUSSI", WN_MARKER_SEEALSO, LINE}, {"a lire aussi", WN_MARKER_SEEALSO, LINE},
    {"lire aussi", WN_MARKER_SEEALSO, LINE}, {"voir aussi", WN_MARKER_SEEALSO, LINE},
    {"czytaj też", WN_MARKER_SEEALSO, LINE}, {"czytaj także", WN_MARKER_SEEALSO, LINE},
    {"zobacz też", WN_MARKER_SEEALSO, LINE}, {"zobacz także", WN_MARKER_SEEALSO, LINE},
    {"auch lesen", WN_MARKER_SEEALSO, LINE}, {"lesen sie auch", WN_MARKER_SEEALSO, LINE},
    {"auch interessant", WN_MARKER_SEEALSO, LINE}, {"zum weiterlesen", WN_MARKER_SEEALSO, LINE},
    {"weiterlesen:", WN_MARKER_SEEALSO, LINE},
    {"schon gelesen", WN_MARKER_SEEALSO, LINE}, {"mehr zum thema", WN_MARKER_SEEALSO, LINE},
    {"das könnte sie auch interessieren", WN_MARKER_SEEALSO, LINE},
    {"dowiedz się więcej", WN_MARKER_SEEALSO, LINE},
    /* The article's tag links. */
    {"tags", WN_MARKER_TAGS, LINE}, {"tagged", WN_MARKER_TAGS, LINE},
    {"filed under", WN_MARKER_TAGS, LINE}, {"topics:", WN_MARKER_TAGS, LINE}, {"themen:", WN_MARKER_TAGS, LINE},
    {"posted in", WN_MARKER_TAGS, LINE}, {"labels:", WN_MARKER_TAGS, LINE},
    {"related topics", WN_MARKER_TAGS, LINE},
    /* Blog software's default category, shown as the post's category link. */
    {"uncategorized", WN_MARKER_TAGS, 13}, {"uncategorised", WN_MARKER_TAGS, 13},
    {"etiquetas", WN_MARKER_TAGS, LINE}, {"schlagwörter", WN_MARKER_TAGS, LINE},
    {"标签", WN_MARKER_TAGS, LINE}, {"標籤", WN_MARKER_TAGS, LINE}, {"关键词", WN_MARKER_TAGS, LINE},
    /* The same sections and controls in the other languages of the web's
     * news sites and blogs (German, French, Spanish, Polish, Italian). */
    {"weitere beiträge", WN_MARKER_RELATED, 40}, {"weitere artikel", WN_MARKER_RELATED, 40},
    {"weitere nachrichten", WN_MARKER_RELATED, HEADING}, {"ähnliche artikel", WN_MARKER_RELATED, HEADING},
    {"ähnliche beiträge", WN_MARKER_RELATED, HEADING}, {"verwandte artikel", WN_MARKER_RELATED, HEADING},
    {"verwandte beiträge", WN_MARKER_RELATED, HEADING}, {"lust auf mehr", WN_MARKER_RELATED, HEADING},
    {"das könnte dich auch interessieren", WN_MARKER_RELATED, 40},
    {"artículos relacionados", WN_MARKER_RELATED, 30}, {"noticias relacionadas", WN_MARKER_RELATED, HEADING},
    {"articles similaires", WN_MARKER_RELATED, HEADING}, {"articles liés", WN_MARKER_RELATED, HEADING},
    {"sur le même sujet", WN_MARKER_RELATED, HEADING}, {"podobne artykuły", WN_MARKER_RELATED, HEADING},
    {"powiązane artykuły", WN_MARKER_RELATED, HEADING}, {"articoli correlati", WN_MARKER_RELATED, HEADING},
    {"kommentare", WN_MARKER_COMMENTS, 14}, {"kommentar schreiben", WN_MARKER_COMMENTS, HEADING},
    {"kommentare schreiben", WN_MARKER_COMMENTS, HEADING}, {"kommentar verfassen", WN_MARKER_COMMENTS, HEADING},
    {"schreibe einen kommentar", WN_MARKER_COMMENTS, 30}, {"schreiben sie einen kommentar", WN_MARKER_COMMENTS, 30},
    {"keine kommentare", WN_MARKER_COMMENTS, 70}, {"kommentieren", WN_MARKER_COMMENTS, 12},
    {"commentaires", WN_MARKER_COMMENTS, 14}, {"laisser un commentaire", WN_MARKER_COMMENTS, 30},
    {"comentarios", WN_MARKER_COMMENTS, 13}, {"deja un comentario", WN_MARKER_COMMENTS, 30},
    {"deja tu comentario", WN_MARKER_COMMENTS, 30}, {"komentarze", WN_MARKER_COMMENTS, 12},
    {"dodaj komentarz", WN_MARKER_COMMENTS, HEADING}, {"commenti", WN_MARKER_COMMENTS, 10},
    {"lascia un commento", WN_MARKER_COMMENTS, 30}, {"no comments", WN_MARKER_COMMENTS, 12},
    {"nächster artikel", WN_MARKER_PREVNEXT, 80}, {"vorheriger artikel", WN_MARKER_PREVNEXT, 80},
    {"nächster beitrag", WN_MARKER_PREVNEXT, 80}, {"vorheriger beitrag", WN_MARKER_PREVNEXT, 80},
    {"vorschau auf den nächsten", WN_MARKER_PREVNEXT, 80}, {"article suivant", WN_MARKER_PREVNEXT, 80},
    {"article précédent", WN_MARKER_PREVNEXT, 80}, {"artículo siguiente", WN_MARKER_PREVNEXT, 80},
    {"siguiente artículo", WN_MARKER_PREVNEXT, 80}, {"artículo anterior", WN_MARKER_PREVNEXT, 80},
    {"następny artykuł", WN_MARKER_PREVNEXT, 80}, {"poprzedni artykuł", WN_MARKER_PREVNEXT, 80},
    /* "Zurück zur Übersicht", "zurück zur Listenansicht", "Zurück zum Seitenanfang". */
    {"zurück zur", WN_MARKER_NAV, 40}, {"zurück zum", WN_MARKER_NAV, 40}, {"back to overview", WN_MARKER_NAV, 40},
    {"retour à la liste", WN_MARKER_NAV, 40},
    {"artikel teilen", WN_MARKER_SHARE, 40}, {"beitrag teilen", WN_MARKER_SHARE, 40},
    {"diesen artikel teilen", WN_MARKER_SHARE, 40}, {"möchten sie den artikel teilen", WN_MARKER_SHARE, 40},
    {"teilen:", WN_MARKER_SHARE, 40}, {"teilen", WN_MARKER_SHARE, 6}, {"partager", WN_MARKER_SHARE, 8},
    {"partager sur", WN_MARKER_SHARE, 40}, {"partager cet article", WN_MARKER_SHARE, 40},
    {"compartir", WN_MARKER_SHARE, 9}, {"compartir en", WN_MARKER_SHARE, 40},
    {"udostępnij", WN_MARKER_SHARE, 12}, {"condividi", WN_MARKER_SHARE, 9},
    {"reklama", WN_MARKER_AD, 7}, {"werbung", WN_MARKER_AD, 7}, {"pubblicità", WN_MARKER_AD, 10},
    {"zum vergrößern", WN_MARKER_CONTROL, 40}, {"bild vergrößern", WN_MARKER_CONTROL, 20},
    {"bild anzeigen", WN_MARKER_CONTROL, 30}, {"rezept drucken", WN_MARKER_CONTROL, 14},
    {"artikel drucken", WN_MARKER_CONTROL, 15}, {"seite drucken", WN_MARKER_CONTROL, 13},
    {"drucken", WN_MARKER_CONTROL, 7}, {"drukuj", WN_MARKER_CONTROL, 6}, {"print", WN_MARKER_CONTROL, 5},
    {"imprimir", WN_MARKER_CONTROL, 8}, {"imprimer", WN_MARKER_CONTROL, 8},
    {"war der artikel nützlich", WN_MARKER_CONTROL, 60}, {"war dieser artikel hilfreich", WN_MARKER_CONTROL, 60},
    {"hier können sie den artikel bewerten", WN_MARKER_CONTROL, 40}, {"artikel bewerten", WN_MARKER_CONTROL, 20},
    {"was this article helpful", WN_MARKER_CONTROL, 60}, {"was this helpful", WN_MARKER_CONTROL, 60},
    {"rate this article", WN_MARKER_CONTROL, 30},
    {"sie sind aktuell nicht eingeloggt", WN_MARKER_CONTROL, 60}, {"sie sind nicht eingeloggt", WN_MARKER_CONTROL, 60},
    {"you must be logged in", WN_MARKER_CONTROL, 80},
    /* The title of a consent box standing in for an embedded post or video. */
    {"externer inhalt", WN_MARKER_CONTROL, 15}, {"empfohlener externer inhalt", WN_MARKER_CONTROL, 27},
    {"contenido externo", WN_MARKER_CONTROL, 17}, {"contenu externe", WN_MARKER_CONTROL, 15},
    {"external content", WN_MARKER_CONTROL, 16},
    {"alle angaben ohne gewähr", WN_MARKER_SOURCE, 80}, {"angaben ohne gewähr", WN_MARKER_SOURCE, 80},
    /* Date lines a page puts over or under its text. */
    {"erstellt am", WN_MARKER_SOURCE, LINE}, {"aktualisiert am", WN_MARKER_SOURCE, 60},
    {"zuletzt aktualisiert", WN_MARKER_SOURCE, 60}, {"veröffentlicht am", WN_MARKER_SOURCE, 60},
    {"last updated", WN_MARKER_SOURCE, 60}, {"mis à jour le", WN_MARKER_SOURCE, 60},
    {"publié le", WN_MARKER_SOURCE, 60}, {"actualizado el", WN_MARKER_SOURCE, 60},
    {"opublikowano", WN_MARKER_SOURCE, 60}, {"veröffentlichung:", WN_MARKER_SOURCE, 60},
    {"stand:", WN_MARKER_SOURCE, 30},
    /* A post's byline: "Verfasst von: Anna | 31. Dezember 2008". */
    {"verfasst von", WN_MARKER_SOURCE, 60}, {"geschrieben von", WN_MARKER_SOURCE, 60},
    {"publié par", WN_MARKER_SOURCE, 60}, {"publicado por", WN_MARKER_SOURCE, 60},
    /* Picture credits and source lines: "Foto: dpa", "Quelle: Landesregierung". */
    {"foto:", WN_MARKER_SOURCE, 80}, {"fotos:", WN_MARKER_SOURCE, 80}, {"bild:", WN_MARKER_SOURCE, 80},
    {"bild via", WN_MARKER_SOURCE, 80}, {"wählen sie ihren zugang", WN_MARKER_CONTROL, 80},
    {"titelbild:", WN_MARKER_SOURCE, 80}, {"quelle:", WN_MARKER_SOURCE, 80},
    {"abbildung:", WN_MARKER_SOURCE, 80}, {"fuente:", WN_MARKER_SOURCE, 80},
    {"imagen:", WN_MARKER_SOURCE, 80}, {"źródło:", WN_MARKER_SOURCE, 80},
};

static bool prefix_ci(const char *text, size_t len, const char *prefix)
{
    /* Letters compare in any case, beyond ASCII too ("Ähnliche Artikel",
     * "ПОХОЖИЕ СТАТЬИ"). */
    /* Most calls fail on the first letter: no strlen() for them. */
    unsigned char p0 = (unsigned char)prefix[0], t0 = len ? (unsigned char)text[0] : 0;
    if (len && p0 && p0 < 0x80 && t0 < 0x80 &&
        (p0 >= 'A' && p0 <= 'Z' ? p0 + 32 : p0) != (t0 >= 'A' && t0 <= 'Z' ? t0 + 32 : t0))
        return false;
    size_t n = strlen(prefix), i = 0, t = 0;
    while (i < n) {
        if (t >= len)
            return false;
        unsigned char pb = (unsigned char)prefix[i], tb = (unsigned char)text[t];
        if (pb < 0x80 && tb < 0x80) {
            /* Two ASCII bytes (the common case, and most calls fail on the
             * first): wn_to_lower() without the calls. A non-ASCII letter
             * may lower to an ASCII one (K, the Kelvin sign), so any other
             * pair goes the long way. */
            if ((pb >= 'A' && pb <= 'Z' ? pb + 32 : pb) != (tb >= 'A' && tb <= 'Z' ? tb + 32 : tb))
                return false;
            i++;
            t++;
            continue;
        }
        uint32_t b = wn_utf8_next(prefix, n, &i);
        uint32_t a = wn_utf8_next(text, len, &t);
        if (wn_to_lower(a) != wn_to_lower(b))
            return false;
    }
    /* An ASCII word must end at a word boundary ("sharemarket" is no marker). */
    unsigned char last = (unsigned char)prefix[n - 1];
    if (t < len && last < 0x80 && is_alnum_ascii(last) && is_alnum_ascii((unsigned char)text[t]))
        return false;
    return true;
}

/* "12 Comments", "3 responses to ...", "5条评论". */
static bool counted_comments(const char *text, size_t len, size_t whole_len)
{
    size_t i = 0;
    while (i < len && text[i] >= '0' && text[i] <= '9')
        i++;
    if (i == 0 || whole_len > 40)
        return false;
    while (i < len && text[i] == ' ')
        i++;
    return prefix_ci(text + i, len - i, "comment") || prefix_ci(text + i, len - i, "comments") ||
           prefix_ci(text + i, len - i, "response") || prefix_ci(text + i, len - i, "responses") ||
           prefix_ci(text + i, len - i, "thoughts on") || prefix_ci(text + i, len - i, "repl") ||
           prefix_ci(text + i, len - i, "条评论") || prefix_ci(text + i, len - i, "条回复") ||
           prefix_ci(text + i, len - i, "kommentar") || prefix_ci(text + i, len - i, "kommentare") ||
           prefix_ci(text + i, len - i, "commentaire") || prefix_ci(text + i, len - i, "commentaires") ||
           prefix_ci(text + i, len - i, "comentario") || prefix_ci(text + i, len - i, "comentarios") ||
           prefix_ci(text + i, len - i, "komentarz") || prefix_ci(text + i, len - i, "komentarzy") ||
           prefix_ci(text + i, len - i, "komentarze");
}

/* A gallery's counter standing alone: "Image 2 of 5", "Photo 3/12", "1 of 9"
 * (a bare "3/4" is a fraction, not a counter). */
static bool gallery_counter(const char *text, size_t len, size_t whole_len)
{
    static const char *const WORDS_BEFORE[] = {"image", "photo", "picture", "slide", "foto", "bild"};
    if (whole_len > 16)
        return false;
    size_t i = 0;
    bool worded = false;
    for (size_t w = 0; w < sizeof WORDS_BEFORE / sizeof WORDS_BEFORE[0]; w++)
        if (prefix_ci(text, len, WORDS_BEFORE[w])) {
            i = strlen(WORDS_BEFORE[w]);
            worded = true;
            break;
        }
    while (i < len && text[i] == ' ')
        i++;
    size_t digits = i;
    while (i < len && text[i] >= '0' && text[i] <= '9')
        i++;
    if (i == digits)
        return false;
    while (i < len && text[i] == ' ')
        i++;
    if (i < len && text[i] == '/' && worded)
        i++;
    else if (i + 1 < len && (text[i] == 'o' || text[i] == 'O') && (text[i + 1] == 'f' || text[i + 1] == 'F'))
        i += 2;
    else
        return false;
    while (i < len && text[i] == ' ')
        i++;
    digits = i;
    while (i < len && text[i] >= '0' && text[i] <= '9')
        i++;
    return i > digits && i == len;
}

wn_marker wn_marker_of_text(const char *text, size_t len, size_t whole_len)
{
    /* Skip leading decoration: bullets, brackets, colons, spaces, and the
     * ideographic spaces that indent a Chinese paragraph ("　　相关新闻：")
     * and the full-width brackets around a note ("（原标题：…）", "【编辑：…】").
     * Those spaces are not counted in whole_len; the brackets are. */
    for (;;) {
        if (len && (*text == ' ' || *text == '[' || *text == '(' || *text == '#' || *text == '*' ||
                    *text == '|' || *text == '>' || *text == '-')) {
            text++;
            len--;
            if (whole_len)
                whole_len--;
        } else if (len >= 3 && (memcmp(text, "\xE3\x80\x80", 3) == 0 || memcmp(text, "\xEF\xBC\x88", 3) == 0 ||
                                memcmp(text, "\xE3\x80\x90", 3) == 0)) {
            bool space = text[2] == '\x80';
            text += 3;
            len -= 3;
            if (whole_len && !space)
                whole_len--;
        } else if (len >= 2 && (unsigned char)text[0] == 0xC2 && (unsigned char)text[1] == 0xA0) {
            text += 2;
            len -= 2;
        } else {
            break;
        }
    }
    if (!len)
        return WN_MARKER_NONE;
    if (counted_comments(text, len, whole_len))
        return WN_MARKER_COMMENTS;
    if (gallery_counter(text, len, whole_len))
        return WN_MARKER_CONTROL;
    for (size_t i = 0; i < sizeof MARKERS / sizeof MARKERS[0]; i++) {
        if (whole_len > MARKERS[i].max_whole)
            continue;
        if (prefix_ci(text, len, MARKERS[i].prefix))
            return MARKERS[i].marker;
    }
    return WN_MARKER_NONE;
}

/* Case-insensitive (ASCII) search for a lower-case needle. */
static bool contains_ci(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    /* After an ASCII first letter, only that letter in either case, or a
     * non-ASCII byte (which may lower to it), can start a match. */
    unsigned char first = (unsigned char)needle[0];
    unsigned char lower = first >= 'A' && first <= 'Z' ? (unsigned char)(first + 32) : first;
    unsigned char upper = lower >= 'a' && lower <= 'z' ? (unsigned char)(lower - 32) : lower;
    for (size_t i = 0; i + n <= len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (first < 0x80 && c < 0x80 && c != lower && c != upper)
            continue;
        if (prefix_ci(text + i, len - i, needle) && (i == 0 || !is_alnum_ascii((unsigned char)text[i - 1])))
            return true;
    }
    return false;
}

/* Whether a sentence of text starts with one of the words (an imperative). */
static bool sentence_starts_with(const char *text, size_t len, const char *const *words, size_t count)
{
    for (size_t i = 0; i < len; i++) {
        if (i > 0) {
            /* A space or a no-break space (U+00A0) after the stop. */
            size_t gap = text[i - 1] == ' ' ? 1
                         : (i >= 2 && (unsigned char)text[i - 1] == 0xA0 &&
                            (unsigned char)text[i - 2] == 0xC2) ? 2 : 0;
            if (!gap)
                continue;
            char before = i > gap ? text[i - gap - 1] : 0;
            if (before != '.' && before != '!' && before != '?' && before != ':')
                continue;
        }
        for (size_t w = 0; w < count; w++)
            if (prefix_ci(text + i, len - i, words[w]))
                return true;
    }
    return false;
}

/* Whether a count stands before "followers" ("17,951 followers"). */
static bool counted_followers(const char *text, size_t len)
{
    for (size_t i = 2; i + 9 <= len; i++)
        if (prefix_ci(text + i, len - i, "followers") && text[i - 1] == ' ' && text[i - 2] >= '0' &&
            text[i - 2] <= '9')
            return true;
    return false;
}

/* A line that gives the site's account on a network and nothing else:
 * "Twitter: @handle", "Facebook Fan Page: www.facebook.com/name". */
static bool network_account_line(const char *text, size_t len, const char *const *networks, size_t count)
{
    if (len > 100)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < count && !n; i++)
        if (prefix_ci(text, len, networks[i]))
            n = strlen(networks[i]);
    if (!n)
        return false;
    const char *colon = memchr(text + n, ':', len - n);
    if (!colon || colon - text > 30)
        return false;
    size_t at = (size_t)(colon - text) + 1;
    while (at < len && text[at] == ' ')
        at++;
    /* One handle or address after the colon, no sentence. */
    bool handle = false;
    for (size_t i = at; i < len; i++) {
        if (text[i] == ' ')
            return false;
        if (text[i] == '@' || text[i] == '.' || text[i] == '/')
            handle = true;
    }
    return handle && at < len;
}

bool wn_promo_text(const char *text, size_t len)
{
    static const char *const NETWORKS[] = {"facebook", "twitter", "instagram", "youtube",
                                           "linkedin", "pinterest", "tiktok"};
    static const char *const ASKS[] = {"subscribe", "sign up", "sign-up", "signup", "get",
                                       "click", "join", "receive"};
    /* "Follow us" in the languages of the web's news sites. */
    static const char *const FOLLOWS[] = {"follow", "síguenos", "siguenos", "folgen sie uns",
                                          "folge uns", "suivez-nous", "obserwuj nas", "seguici"};
    /* Calls to subscribe or join, opening the line. */
    static const char *const JOINS[] = {"subscribe", "suscríbete", "suscribete", "abonnez-vous",
                                        "jetzt abonnieren", "hazte miembro", "hazte socio"};
    /* The sign-off that asks a reader who liked the post to subscribe,
     * follow or share: "If you enjoyed this article, ...". */
    static const char *const SIGNOFFS[] = {"if you enjoyed this", "if you liked this",
                                           "if you found this", "if you like this",
                                           "if you enjoy this", "did you enjoy this",
                                           "did you like this", "if you like my",
                                           "if you enjoyed my", "if you're new here",
                                           "if you\xE2\x80\x99re new here"};
    static const char *const WRITINGS[] = {"post", "article", "story", "blog", "posts", "articles",
                                           "new here"};
    /* A dash or bullet before the words ("– Follow the desk on Twitter"). */
    while (len && (text[0] == '-' || text[0] == ' ' || (unsigned char)text[0] == 0xE2)) {
        size_t skip = (unsigned char)text[0] == 0xE2 ? 3 : 1;
        if ((unsigned char)text[0] == 0xE2 &&
            (len < 3 || (unsigned char)text[1] != 0x80 ||
             ((unsigned char)text[2] != 0x93 && (unsigned char)text[2] != 0x94 &&
              (unsigned char)text[2] != 0xA2)))
            break;
        text += skip;
        len -= skip;
    }
    if (network_account_line(text, len, NETWORKS, sizeof NETWORKS / sizeof NETWORKS[0]))
        return true;
    unsigned networks = 0;
    for (size_t i = 0; i < sizeof NETWORKS / sizeof NETWORKS[0]; i++)
        networks += contains_ci(text, len, NETWORKS[i]);
    bool newsletter = contains_ci(text, len, "newsletter") || contains_ci(text, len, "newsletters");
    if (newsletter && sentence_starts_with(text, len, ASKS, sizeof ASKS / sizeof ASKS[0]))
        return true;
    /* "Click here to sign up for our daily emails." */
    if (contains_ci(text, len, "emails") && contains_ci(text, len, "sign up") &&
        sentence_starts_with(text, len, ASKS, sizeof ASKS / sizeof ASKS[0]))
        return true;
    /* The same ask in the other languages of the web's news sites. */
    static const char *const ASKS_ELSEWHERE[] = {"melde dich", "melden sie sich", "abonniere",
                                                 "abonnieren sie", "jetzt anmelden", "hier anmelden",
                                                 "registriere dich", "inscríbete", "suscríbete",
                                                 "abonnez-vous", "inscrivez-vous", "zapisz się",
                                                 "iscriviti"};
    if (newsletter && len <= 400 &&
        sentence_starts_with(text, len, ASKS_ELSEWHERE, sizeof ASKS_ELSEWHERE / sizeof ASKS_ELSEWHERE[0]))
        return true;
    /* A box's heading: "Newsletter sign up". */
    if (newsletter && len <= 40 &&
        (contains_ci(text, len, "sign up") || contains_ci(text, len, "signup") ||
         contains_ci(text, len, "sign-up") || contains_ci(text, len, "subscribe")))
        return true;
    for (size_t i = 0; i < sizeof JOINS / sizeof JOINS[0]; i++)
        if (prefix_ci(text, len, JOINS[i]))
            return true;
    /* The desk's address and networks under the article: "Write to us at
     * desk@example.com or follow us on Facebook, Twitter, Instagram". */
    if (len <= 200 && networks >= 2 && memchr(text, '@', len) && newsletter)
        return true;
    /* "Zapraszamy do subskrypcji", "Zachęcamy do prenumeraty". */
    if ((prefix_ci(text, len, "zapraszamy") || prefix_ci(text, len, "zach\xC4\x99" "camy")) &&
        (contains_ci(text, len, "subskrypcji") || contains_ci(text, len, "prenumeraty")))
        return true;
    /* The sign-off must name the writing: "if you like this idea" is a
     * sentence of the article. */
    if (sentence_starts_with(text, len, SIGNOFFS, sizeof SIGNOFFS / sizeof SIGNOFFS[0]))
        for (size_t i = 0; i < sizeof WRITINGS / sizeof WRITINGS[0]; i++)
            if (contains_ci(text, len, WRITINGS[i]))
                return true;
    /* "Join us ... right to your inbox", "when you join our list". */
    if ((contains_ci(text, len, "your inbox") &&
         sentence_starts_with(text, len, ASKS, sizeof ASKS / sizeof ASKS[0])) ||
        contains_ci(text, len, "join our list") || contains_ci(text, len, "join our mailing list"))
        return true;
    /* The site's audience on each network: "Twitter (17,951 followers) •
     * Facebook (3,507 likes)". */
    if (networks >= 2 && len <= 200 && counted_followers(text, len))
        return true;
    /* "Sign up for free email updates", "enter your email below to get
     * free updates". */
    if ((contains_ci(text, len, "free updates") || contains_ci(text, len, "email updates")) &&
        (sentence_starts_with(text, len, ASKS, sizeof ASKS / sizeof ASKS[0]) ||
         contains_ci(text, len, "enter your email")))
        return true;
    /* "Follow us!" alone, or a follow line naming a network or an @handle. */
    if ((prefix_ci(text, len, "follow us") || prefix_ci(text, len, "follow me")) && len <= 12)
        return true;
    if (len <= 120 && networks >= 1 &&
        sentence_starts_with(text, len, (const char *const[]){"follow us", "follow me"}, 2))
        return true;
    for (size_t f = 0; f < sizeof FOLLOWS / sizeof FOLLOWS[0]; f++) {
        if (!prefix_ci(text, len, FOLLOWS[f]))
            continue;
        return networks >= 2;
    }
    /* "Submit your letter to the editor", a site's note on its
     * contributors' opinions. */
    if (sentence_starts_with(text, len, (const char *const[]){"submit", "send"}, 2) &&
        contains_ci(text, len, "to the editor"))
        return true;
    return contains_ci(text, len, "not responsible for the") &&
           (contains_ci(text, len, "opinions") || contains_ci(text, len, "content"));
}

bool wn_photo_credit_text(const char *text, size_t len)
{
    static const char *const AGENCIES[] = {"getty", "gettyimages", "associated press", "ap photo",
                                           "afp", "reuters", "presswire", "bloomberg",
                                           "new york times", "epa"};
    if (len > 70)
        return false;
    unsigned words = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '.' || c == '!' || c == '?' || c == ';')
            return false;
        if (is_alnum_ascii((unsigned char)c) && (i == 0 || text[i - 1] == ' '))
            words++;
    }
    if (words > 8)
        return false;
    for (size_t i = 0; i < sizeof AGENCIES / sizeof AGENCIES[0]; i++) {
        size_t n = strlen(AGENCIES[i]);
        for (size_t k = 0; k + n <= len; k++)
            if (prefix_ci(text + k, len - k, AGENCIES[i]) &&
                (k == 0 || !is_alnum_ascii((unsigned char)text[k - 1])) &&
                (k + n == len || !is_alnum_ascii((unsigned char)text[k + n])))
                return true;
    }
    return false;
}

bool wn_platform_credit_text(const char *text, size_t len)
{
    static const char *const PLATFORMS[] = {"powered by wordpress", "powered by blogger",
                                            "powered by typepad", "powered by drupal",
                                            "powered by joomla", "powered by tumblr",
                                            "powered by movable type"};
    /* Each of them contains "powered by" where it matches: one scan first. */
    if (!contains_ci(text, len, "powered by"))
        return false;
    for (size_t i = 0; i < sizeof PLATFORMS / sizeof PLATFORMS[0]; i++)
        if (contains_ci(text, len, PLATFORMS[i]))
            return true;
    return false;
}

bool wn_app_promo_text(const char *text, size_t len)
{
    return contains_ci(text, len, "download") &&
           (contains_ci(text, len, "app") || contains_ci(text, len, "apps")) &&
           (contains_ci(text, len, "ios") || contains_ci(text, len, "android") ||
            contains_ci(text, len, "app store") || contains_ci(text, len, "google play"));
}

/* Digits at text[i..]: returns the index after them, counting them in *count. */
static size_t skip_digits(const char *text, size_t len, size_t i, size_t *count)
{
    *count = 0;
    while (i < len && text[i] >= '0' && text[i] <= '9') {
        i++;
        (*count)++;
    }
    return i;
}

/* Whether text[i..] starts with one of the separators of a date. */
static size_t date_separator(const char *text, size_t len, size_t i)
{
    static const char *const SEPARATORS[] = {"-", "/", ".", "\xE5\xB9\xB4", "\xE6\x9C\x88"}; /* 年 月 */
    for (size_t s = 0; s < sizeof SEPARATORS / sizeof SEPARATORS[0]; s++) {
        size_t n = strlen(SEPARATORS[s]);
        if (i + n <= len && memcmp(text + i, SEPARATORS[s], n) == 0)
            return n;
    }
    return 0;
}

/* A date with a time of day: "2019-08-13 14:07", "2019年10月31日 23:00";
 * returns where it starts, or len. */
static size_t timestamp_at(const char *text, size_t len)
{
    for (size_t start = 0; start < len; start++) {
        size_t count, i = skip_digits(text, len, start, &count);
        if (count != 4 || (start && text[start - 1] >= '0' && text[start - 1] <= '9'))
            continue;
        size_t sep = date_separator(text, len, i);
        if (!sep)
            continue;
        i = skip_digits(text, len, i + sep, &count);
        if (count < 1 || count > 2 || !(sep = date_separator(text, len, i)))
            continue;
        i = skip_digits(text, len, i + sep, &count);
        if (count < 1 || count > 2)
            continue;
        if (i + 3 <= len && memcmp(text + i, "\xE6\x97\xA5", 3) == 0) /* 日 */
            i += 3;
        while (i < len && text[i] == ' ')
            i++;
        i = skip_digits(text, len, i, &count);
        if (count >= 1 && count <= 2 && i < len && text[i] == ':' && i + 2 < len &&
            text[i + 1] >= '0' && text[i + 1] <= '9')
            return start;
    }
    return len;
}

bool wn_byline_text(const char *text, size_t len)
{
    /* Field labels a byline sets before a colon. */
    static const char *const LABELS[] = {
        "\xE6\x9D\xA5\xE6\xBA\x90", /* 来源 */ "\xE4\xBD\x9C\xE8\x80\x85", /* 作者 */
        "\xE7\xBC\x96\xE8\xBE\x91", /* 编辑 */ "\xE5\x87\xBA\xE5\xA4\x84", /* 出处 */
        "\xE6\x97\xB6\xE9\x97\xB4", /* 时间 */ "\xE6\xB5\x8F\xE8\xA7\x88", /* 浏览 */
        "\xE7\x82\xB9\xE5\x87\xBB", /* 点击 */ "\xE9\x98\x85\xE8\xAF\xBB", /* 阅读 */
        "\xE4\xBA\xBA\xE6\xB0\x94", /* 人气 */ "\xE6\x97\xA5\xE6\x9C\x9F", /* 日期 */
    };
    /* A sentence ends in 。！？; a byline does not. */
    static const char *const STOPS[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"};
    for (size_t s = 0; s < sizeof STOPS / sizeof STOPS[0]; s++)
        for (size_t i = 0; i + 3 <= len; i++)
            if (memcmp(text + i, STOPS[s], 3) == 0)
                return false;
    /* A byline starts with its date or its first field, give or take a
     * word ("发布时间：", "发表于 2004年…"); a title that runs into one
     * does not. */
    size_t stamp = timestamp_at(text, len);
    bool starts = stamp <= 12;
    unsigned labels = 0;
    for (size_t l = 0; l < sizeof LABELS / sizeof LABELS[0]; l++) {
        for (size_t i = 0; i + 6 <= len; i++) {
            if (memcmp(text + i, LABELS[l], 6) != 0)
                continue;
            size_t k = i + 6;
            while (k < len && text[k] == ' ')
                k++;
            if ((k < len && text[k] == ':') || (k + 3 <= len && memcmp(text + k, "\xEF\xBC\x9A", 3) == 0)) {
                labels++;
                starts = starts || i <= 6;
                break;
            }
        }
    }
    return starts && (labels >= 2 || (labels == 1 && stamp < len));
}

/* Digits and thousands commas only, spaces around: a count ("64", "1,587"). */
bool wn_count_text(const char *text, size_t len)
{
    if (len > 16)
        return false;
    unsigned digits = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)text[k];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c != ',' && c != ' ' && c != 0xC2 && c != 0xA0) /* U+00A0 */
            return false;
    }
    return digits > 0;
}

/* Digits and date/time separators only, with a day, a month and a year. */
bool wn_date_text(const char *text, size_t len)
{
    if (len > 20)
        return false;
    /* A date has two separators between day, month and year, a time at
     * most two colons; an address ("192.168.100.1", "10.0.0.1/24") more. */
    unsigned digits = 0, date_separators = 0, colons = 0;
    for (size_t k = 0; k < len; k++) {
        char c = text[k];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c == '.' || c == '/' || c == '-')
            date_separators++;
        else if (c == ':')
            colons++;
        else if (c != ' ')
            return false;
    }
    return digits >= 6 && date_separators == 2 && colons <= 2;
}

/* A line that is a date written out ("Donnerstag, 31. Mai 2012",
 * "31 de mayo de 2012", "May 31, 2012"): a day, a month's name and a
 * year, give or take a weekday. Only as a link (to the post or the day's
 * archive) is it the page's stamp; a blog's plain day header is the
 * post's own. */
bool wn_written_date_text(const char *text, size_t len)
{
    static const char *const MONTHS[] = {
        "januar", "februar", "m\xC3\xA4rz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember", "january", "february", "march", "may", "june", "july",
        "october", "december", "janvier", "f\xC3\xA9vrier", "mars", "avril", "juin", "juillet",
        "ao\xC3\xBBt", "septembre", "octobre", "novembre", "d\xC3\xA9" "cembre", "enero", "febrero",
        "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
        "diciembre", "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
        "sierpnia", "wrze\xC5\x9Bnia", "pa\xC5\xBA" "dziernika", "listopada", "grudnia"};
    if (len > 40)
        return false;
    unsigned days = 0, years = 0, months = 0, others = 0;
    for (size_t k = 0; k < len;) {
        while (k < len && (text[k] == ' ' || text[k] == ',' || text[k] == '.'))
            k++;
        size_t start = k;
        while (k < len && text[k] != ' ' && text[k] != ',' && text[k] != '.')
            k++;
        size_t n = k - start;
        if (!n)
            break;
        bool digits = true;
        for (size_t d = start; d < k; d++)
            digits &= text[d] >= '0' && text[d] <= '9';
        if (digits) {
            if (n <= 2)
                days++;
            else if (n == 4)
                years++;
            else
                return false;
            continue;
        }
        bool month = false;
        for (size_t m = 0; m < sizeof MONTHS / sizeof MONTHS[0] && !month; m++)
            month = strlen(MONTHS[m]) == n && prefix_ci(text + start, n, MONTHS[m]);
        if (month)
            months++;
        else if (!(n == 2 && prefix_ci(text + start, n, "de")))
            others++;
    }
    /* The one other word is a weekday before the date. */
    return days == 1 && years == 1 && months == 1 && others <= 1;
}

/* "Read more", "Continue reading" and the same in other languages. */
bool wn_read_more_text(const char *text, size_t len)
{
    static const char *const PHRASES[] = {
        "read more", "continue reading", "read the rest", "more...", "full story", "weiterlesen",
        "lire la suite", "leer m\xC3\xA1s", "seguir leyendo", "czytaj dalej", "leggi tutto"};
    for (size_t i = 0; i < sizeof PHRASES / sizeof PHRASES[0]; i++)
        if (prefix_ci(text, len, PHRASES[i]))
            return true;
    return false;
}


bool wn_browser_notice(const char *text, size_t len)
{
    static const char *const ASKS[] = {"best viewed", "upgrade", "update your browser", "out of date",
                                       "outdated", "enable javascript", "enabling javascript",
                                       "javascript enabled", "does not support"};
    if (!contains_ci(text, len, "browser") && !contains_ci(text, len, "browsers"))
        return false;
    for (size_t i = 0; i < sizeof ASKS / sizeof ASKS[0]; i++)
        if (contains_ci(text, len, ASKS[i]))
            return true;
    return false;
}

wn_label wn_label_from_marker(wn_marker marker)
{
    switch (marker) {
    case WN_MARKER_RELATED: return WN_LABEL_RELATED;
    case WN_MARKER_COMMENTS: return WN_LABEL_COMMENTS;
    case WN_MARKER_TIPJAR: return WN_LABEL_TIPJAR;
    case WN_MARKER_PREVNEXT: return WN_LABEL_NAV;
    case WN_MARKER_SHARE: return WN_LABEL_SHARE;
    case WN_MARKER_SOURCE: return WN_LABEL_OTHER;
    case WN_MARKER_NAV: return WN_LABEL_NAV;
    case WN_MARKER_FOOTER: return WN_LABEL_FOOTER;
    case WN_MARKER_AD: return WN_LABEL_AD;
    case WN_MARKER_SEEALSO: return WN_LABEL_RELATED;
    case WN_MARKER_MORE: return WN_LABEL_RELATED;
    case WN_MARKER_CONTROL: return WN_LABEL_OTHER;
    case WN_MARKER_PROMO: return WN_LABEL_OTHER;
    case WN_MARKER_TAGS: return WN_LABEL_OTHER;
    case WN_MARKER_AUTHOR: return WN_LABEL_OTHER;
    default: return WN_LABEL_NONE;
    }
}

const char *wn_marker_name(wn_marker marker)
{
    static const char *const NAMES[] = {"none", "related", "comments", "tipjar", "prevnext",
                                        "share", "source", "nav", "footer", "ad", "seealso", "more", "control", "promo",
                                        "tags", "author"};
    return (unsigned)marker < sizeof NAMES / sizeof NAMES[0] ? NAMES[marker] : "?";
}
