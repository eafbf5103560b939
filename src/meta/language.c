/* The page's language: the declared one (<html lang>, <meta>, microdata,
 * JSON-LD), and the one CLD2 detects in the article's text (lang.h), which
 * fills a missing declaration or overrules a contradicted one. */
#include "meta/meta_internal.h"

#include <stdlib.h>
#include <string.h>

#include "meta/lang.h"
#include "output/content.h"

/* ---- the declared language ---- */

void wn_meta_offer_lang(wn_meta *m, const char *value, size_t len, int rank, const char *source)
{
    if (!value || rank >= m->lang_rank)
        return;
    char code[36];
    size_t n = 0;
    while (len && (*value == ' ' || *value == '\t')) {
        value++;
        len--;
    }
    /* A language tag: letters, digits, '-' ("zh_CN" from og:locale becomes "zh-CN"). */
    for (size_t i = 0; i < len && n < sizeof code - 1; i++) {
        char c = value[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            code[n++] = c;
        else if (c == '-' || c == '_')
            code[n++] = '-';
        else
            break;
    }
    if (n < 2 || !((code[0] | 0x20) >= 'a' && (code[0] | 0x20) <= 'z'))
        return;
    code[n] = '\0';
    const char *v = wn_meta_clean(m->arena, code, n, sizeof code);
    if (!v)
        return;
    m->pub.field[WN_META_LANG] = v;
    m->pub.lang_source = source;
    m->lang_rank = rank;
}

/* ---- the language of the text ---- */

/* Bytes of the article's text handed to the detector, and what the detector
 * must see before its verdict replaces a declared language: CMS templates
 * often keep a default <html lang="en"> on pages in another language. */
#define LANG_SAMPLE 8192
#define LANG_OVERRULE_BYTES 200
#define LANG_OVERRULE_PERCENT 90

/* The primary subtag of a language tag, with the old codes CLD2 still uses
 * and the Norwegian variants folded together. */
static size_t primary_subtag(const char *tag, char out[8])
{
    size_t n = 0;
    while (tag[n] && tag[n] != '-' && tag[n] != '_' && n < 7) {
        out[n] = (char)(tag[n] | 0x20);
        n++;
    }
    out[n] = '\0';
    static const char *const fold[][2] = {{"iw", "he"}, {"jw", "jv"}, {"in", "id"},
                                          {"nb", "no"}, {"nn", "no"}};
    for (size_t k = 0; k < sizeof fold / sizeof fold[0]; k++)
        if (strcmp(out, fold[k][0]) == 0) {
            strcpy(out, fold[k][1]);
            n = 2;
        }
    return n;
}

/* Appends s and a newline to buf (only counts when buf is NULL). */
static size_t sample_append(char *buf, size_t n, const char *s, size_t len)
{
    if (n >= LANG_SAMPLE - 1)
        return n;
    if (len > LANG_SAMPLE - 1 - n) {
        len = LANG_SAMPLE - 1 - n;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* not inside a character */
    }
    if (buf) {
        memcpy(buf + n, s, len);
        buf[n + len] = '\n';
    }
    return n + len + 1;
}

/* The text the detector reads: the title, then the blocks of the article
 * outside its comments, each followed by a newline. Counts the bytes when
 * buf is NULL (LANG_SAMPLE at most). */
static size_t lang_sample(const wn_meta *m, const wn_content *content, char *buf)
{
    size_t n = 0;
    const char *title = m->pub.field[WN_META_TITLE];
    if (title && *title)
        n = sample_append(buf, n, title, strlen(title));
    int comments = 0;
    for (size_t i = 0; content && i < content->count && n < LANG_SAMPLE - 1; i++) {
        const wn_content_item *it = &content->items[i];
        if (it->kind == WN_C_COMMENTS_OPEN)
            comments++;
        else if (it->kind == WN_C_COMMENTS_CLOSE && comments > 0)
            comments--;
        else if (!comments && wn_content_is_block(it->kind) && it->text && it->len)
            n = sample_append(buf, n, it->text, it->len);
    }
    return n;
}

void wn_meta_detect_lang(wn_meta *m, const wn_content *content)
{
    /* Sized to the sample: a small page's text is much less than
     * LANG_SAMPLE, and the buffer is held beside CLD2's own. */
    size_t need = lang_sample(m, content, NULL);
    char *buf = malloc(need ? need : 1);
    if (!buf)
        return; /* best effort: the declared language, if any, stays */
    size_t n = lang_sample(m, content, buf);
    wn_lang_guess g;
    wn_lang_detect(buf, n, &g);
    free(buf);
    if (!g.code[0])
        return;
    const char *declared = m->pub.field[WN_META_LANG];
    if (m->lang_rank >= WN_RANK_NONE || !declared || !*declared) {
        if (!g.reliable)
            return;
        wn_meta_offer_lang(m, g.code, strlen(g.code), WN_RANK_NONE - 1, "text");
        return;
    }
    char a[8], b[8];
    primary_subtag(declared, a);
    primary_subtag(g.code, b);
    if (strcmp(a, b) == 0 || !g.reliable || g.text_bytes < LANG_OVERRULE_BYTES ||
        g.percent < LANG_OVERRULE_PERCENT)
        return;
    m->pub.lang_declared = declared;
    m->lang_rank = WN_RANK_NONE;
    wn_meta_offer_lang(m, g.code, strlen(g.code), WN_RANK_NONE - 1, "text");
}
