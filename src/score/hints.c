#include "score/hints.h"

#include <stdbool.h>
#include <string.h>

#include "utf8.h"

static bool is_alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* ---- visible markers --------------------------------------------------------- */

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
    return wn_lex_first(WN_LEX_COMMENT_COUNT, text + i, len - i, 0, NULL) >= 0;
}

/* A gallery's counter standing alone: "Image 2 of 5", "Photo 3/12", "1 of 9"
 * (a bare "3/4" is a fraction, not a counter). */
static bool gallery_counter(const char *text, size_t len, size_t whole_len)
{
    if (whole_len > 16)
        return false;
    size_t i = 0;
    int word = wn_lex_first(WN_LEX_GALLERY_COUNTER, text, len, 0, NULL);
    bool worded = word >= 0;
    if (worded)
        i = wn_lex_entries[word].bytes;
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
    /* The first entry listed whose limit admits the block. */
    int marker = wn_lex_first(WN_LEX_MARKER, text, len, whole_len, NULL);
    return marker >= 0 ? (wn_marker)wn_lex_entries[marker].kinds : WN_MARKER_NONE;
}

/* The entries of a list found in text as a word ("app" is not in "apps"):
 * where a word starts, the letters in any case, each that fits in text from
 * its start with its own length. entries: one bit per entry of the list,
 * for its first 64. */
typedef struct found_words {
    size_t len;
    uint32_t kinds;
    uint64_t entries;
} found_words;

static bool add_found(int entry, size_t start, size_t end, void *data)
{
    found_words *f = data;
    const wn_lex_entry *e = &wn_lex_entries[entry];
    if (start + e->bytes > f->len)
        return true;
    f->kinds |= e->kinds;
    unsigned offset = (unsigned)entry - wn_lex_lists[e->list].first;
    if (offset < 64)
        f->entries |= 1ull << offset;
    return true;
}

static found_words words_in(wn_lex_list list, const char *text, size_t len)
{
    found_words f = {len, 0, 0};
    wn_lex_scan(list, text, len, add_found, &f);
    return f;
}

/* The kinds of the words that open a sentence of text (an imperative). */
static uint32_t sentence_openers(const char *text, size_t len)
{
    uint32_t kinds = 0;
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
        kinds |= wn_lex_kinds_at(WN_LEX_PROMO_SENTENCE, text + i, len - i);
    }
    return kinds;
}

/* Whether a count stands before "followers" ("17,951 followers"). */
static bool counted_followers(const char *text, size_t len)
{
    for (size_t i = 2; i < len; i++) {
        if (text[i - 1] != ' ' || text[i - 2] < '0' || text[i - 2] > '9')
            continue;
        int e = wn_lex_first(WN_LEX_FOLLOWER_COUNT, text + i, len - i, 0, NULL);
        if (e >= 0 && i + wn_lex_entries[e].bytes <= len)
            return true;
    }
    return false;
}

/* A line that gives the site's account on a network and nothing else:
 * "Twitter: @handle", "Facebook Fan Page: www.facebook.com/name". */
static bool network_account_line(const char *text, size_t len)
{
    if (len > 100)
        return false;
    int network = wn_lex_first(WN_LEX_PROMO_NETWORK, text, len, 0, NULL);
    if (network < 0)
        return false;
    size_t n = wn_lex_entries[network].bytes;
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
    if (network_account_line(text, len))
        return true;
    uint32_t words = words_in(WN_LEX_PROMO_WORD, text, len).kinds;
    uint32_t opening = wn_lex_kinds_at(WN_LEX_PROMO_OPENING, text, len);
    bool newsletter = words & WN_LEXK_PROMO_WORD_NEWSLETTER;
    /* The networks and the sentence openers are read only where a test
     * below can use them: the networks in a short line or after a follow
     * opening; the openers with a promo word, or in a short line that
     * names a network. */
    unsigned networks = 0;
    if (len <= 200 || (opening & WN_LEXK_PROMO_OPENING_FOLLOW))
        networks = (unsigned)__builtin_popcountll(words_in(WN_LEX_PROMO_NETWORK, text, len).entries);
    uint32_t sentence = 0;
    if (words || (len <= 120 && networks >= 1))
        sentence = sentence_openers(text, len);
    bool ask = sentence & WN_LEXK_PROMO_SENTENCE_ASK;
    if (newsletter && ask)
        return true;
    /* "Click here to sign up for our daily emails." */
    if ((words & WN_LEXK_PROMO_WORD_EMAILS) && (words & WN_LEXK_PROMO_WORD_SIGN_UP) && ask)
        return true;
    /* The same ask in the other languages of the web's news sites. */
    if (newsletter && len <= 400 && (sentence & WN_LEXK_PROMO_SENTENCE_ASK_ELSEWHERE))
        return true;
    /* A box's heading: "Newsletter sign up". */
    if (newsletter && len <= 40 && (words & WN_LEXK_PROMO_WORD_BOX))
        return true;
    /* Calls to subscribe or join, opening the line. */
    if (opening & WN_LEXK_PROMO_OPENING_JOIN)
        return true;
    /* The desk's address and networks under the article: "Write to us at
     * desk@example.com or follow us on Facebook, Twitter, Instagram". */
    if (len <= 200 && networks >= 2 && memchr(text, '@', len) && newsletter)
        return true;
    /* "Zapraszamy do subskrypcji", "Zachęcamy do prenumeraty". */
    if ((opening & WN_LEXK_PROMO_OPENING_INVITE) && (words & WN_LEXK_PROMO_WORD_SUBSCRIPTION))
        return true;
    /* The sign-off must name the writing: "if you like this idea" is a
     * sentence of the article. */
    if ((sentence & WN_LEXK_PROMO_SENTENCE_SIGNOFF) && (words & WN_LEXK_PROMO_WORD_WRITING))
        return true;
    /* "Join us ... right to your inbox", "when you join our list". */
    if (((words & WN_LEXK_PROMO_WORD_INBOX) && ask) || (words & WN_LEXK_PROMO_WORD_JOIN_LIST))
        return true;
    /* The site's audience on each network: "Twitter (17,951 followers) •
     * Facebook (3,507 likes)". */
    if (networks >= 2 && len <= 200 && counted_followers(text, len))
        return true;
    /* "Sign up for free email updates", "enter your email below to get
     * free updates". */
    if ((words & WN_LEXK_PROMO_WORD_UPDATES) && (ask || (words & WN_LEXK_PROMO_WORD_ENTER_EMAIL)))
        return true;
    /* "Follow us!" alone, or a follow line naming a network or an @handle. */
    if ((opening & WN_LEXK_PROMO_OPENING_FOLLOW_US) && len <= 12)
        return true;
    if (len <= 120 && networks >= 1 && (sentence & WN_LEXK_PROMO_SENTENCE_FOLLOW_US))
        return true;
    if (opening & WN_LEXK_PROMO_OPENING_FOLLOW)
        return networks >= 2;
    /* "Submit your letter to the editor", a site's note on its
     * contributors' opinions. */
    if ((sentence & WN_LEXK_PROMO_SENTENCE_SUBMIT) && (words & WN_LEXK_PROMO_WORD_TO_EDITOR))
        return true;
    return (words & WN_LEXK_PROMO_WORD_DISCLAIMS) && (words & WN_LEXK_PROMO_WORD_OPINIONS);
}

typedef struct agency_scan {
    const char *text;
    size_t len;
    bool found;
} agency_scan;

/* An agency's name, its own bytes fitting the text and ending a word. */
static bool agency_at(int entry, size_t start, size_t end, void *data)
{
    agency_scan *a = data;
    size_t n = wn_lex_entries[entry].bytes;
    a->found = start + n <= a->len &&
               (start + n == a->len || !is_alnum_ascii((unsigned char)a->text[start + n]));
    return !a->found;
}

bool wn_photo_credit_text(const char *text, size_t len)
{
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
    agency_scan a = {text, len, false};
    wn_lex_scan(WN_LEX_PHOTO_AGENCY, text, len, agency_at, &a);
    return a.found;
}

bool wn_platform_credit_text(const char *text, size_t len)
{
    return words_in(WN_LEX_PLATFORM_CREDIT, text, len).entries != 0;
}

bool wn_app_promo_text(const char *text, size_t len)
{
    uint32_t kinds = words_in(WN_LEX_APP_PROMO, text, len).kinds;
    return (kinds & WN_LEXK_APP_PROMO_DOWNLOAD) && (kinds & WN_LEXK_APP_PROMO_APP) &&
           (kinds & WN_LEXK_APP_PROMO_STORE);
}

/* Digits at text[i..]: returns the index after them, counting them in *count. */
/* The byline's labels followed by a colon: each counted once, at its
 * first such place. */
typedef struct byline_scan {
    const char *text;
    size_t len;
    uint64_t seen;
    unsigned labels;
    bool starts;
} byline_scan;

static bool byline_label(int entry, size_t start, size_t end, void *data)
{
    byline_scan *b = data;
    uint64_t bit = 1ull << (((unsigned)entry - wn_lex_lists[WN_LEX_BYLINE_LABEL].first) % 64);
    if (b->seen & bit)
        return true;
    size_t k = end;
    while (k < b->len && b->text[k] == ' ')
        k++;
    if ((k < b->len && b->text[k] == ':') || (k + 3 <= b->len && memcmp(b->text + k, "\xEF\xBC\x9A", 3) == 0)) {
        b->seen |= bit;
        b->labels++;
        b->starts = b->starts || start <= 6;
    }
    return true;
}

bool wn_byline_text(const char *text, size_t len)
{
    /* A sentence ends in 。！？; a byline does not. */
    static const char *const STOPS[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"};
    for (size_t s = 0; s < sizeof STOPS / sizeof STOPS[0]; s++)
        for (size_t i = 0; i + 3 <= len; i++)
            if (memcmp(text + i, STOPS[s], 3) == 0)
                return false;
    /* A byline starts with its date or its first field, give or take a
     * word ("发布时间：", "发表于 2004年…"); a title that runs into one
     * does not. */
    size_t stamp = wn_date_stamp_at(text, len);
    bool starts = stamp <= 12;
    /* Field labels a byline sets before a colon. */
    byline_scan b = {text, len, 0, 0, starts};
    wn_lex_scan(WN_LEX_BYLINE_LABEL, text, len, byline_label, &b);
    starts = b.starts;
    unsigned labels = b.labels;
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

/* "Read more", "Continue reading" and the same in other languages. */
bool wn_read_more_text(const char *text, size_t len)
{
    return wn_lex_first(WN_LEX_READ_MORE, text, len, 0, NULL) >= 0;
}

bool wn_browser_notice(const char *text, size_t len)
{
    uint32_t kinds = words_in(WN_LEX_BROWSER_NOTICE, text, len).kinds;
    return (kinds & WN_LEXK_BROWSER_NOTICE_BROWSER) && (kinds & WN_LEXK_BROWSER_NOTICE_ASK);
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
