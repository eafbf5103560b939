#include "ladder.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "output/render.h"
#include "lexicon/kinds.h"
#include "score/score.h"
#include "utf8.h"

/* Text that reads as a paragraph of prose: long enough (Latin characters
 * or CJK ones) and punctuated. */
static bool prose_stats(const wn_text_stats *s)
{
    return (s->chars >= WN_LADDER_PROSE_CHARS || s->cjk >= WN_LADDER_PROSE_CJK) && s->punct > 0;
}

size_t wn_content_chars(const wn_content *content)
{
    size_t blocks;
    return wn_content_measure(content, &blocks);
}

size_t wn_content_measure(const wn_content *content, size_t *blocks)
{
    size_t chars = 0;
    *blocks = 0;
    int in_comments = 0;
    for (size_t i = 0; i < content->count; i++) {
        const wn_content_item *it = &content->items[i];
        if (it->kind == WN_C_COMMENTS_OPEN)
            in_comments = 1;
        else if (it->kind == WN_C_COMMENTS_CLOSE)
            in_comments = 0;
        else if (!in_comments && wn_content_is_block(it->kind) && it->text) {
            wn_text_stats s = {0};
            wn_text_measure(it->text, it->len, &s);
            chars += s.chars;
            *blocks += prose_stats(&s);
        }
    }
    return chars;
}

bool wn_ladder_better(size_t chars, size_t best)
{
    return chars >= WN_LADDER_TINY && chars >= (size_t)WN_LADDER_GAIN * best;
}

/* Template placeholders ("{{name}}", "{% if %}", "<%= x %>", "${x}") in
 * the content's text, per WN_LADDER_PLACEHOLDER_CHARS characters: a template
 * still waiting for its data is not an article. */
bool wn_ladder_unfilled(const wn_content *content)
{
    size_t marks = 0, bytes = 0;
    for (size_t i = 0; i < content->count; i++) {
        const wn_content_item *it = &content->items[i];
        if (!it->text)
            continue;
        bytes += it->len;
        for (uint32_t k = 0; k + 1 < it->len; k++) {
            char a = it->text[k], b = it->text[k + 1];
            if ((a == '{' && (b == '{' || b == '%')) || (a == '<' && b == '%') ||
                (a == '$' && b == '{'))
                marks++;
        }
    }
    return marks * WN_LADDER_PLACEHOLDER_CHARS > bytes;
}

/* ---- declared: JSON-LD articleBody ---- */

/* Objects and arrays visited per JSON-LD script, and how deep: a page's
 * JSON-LD is a few dozen objects; the bounds keep a hostile one linear. */
#define JSONLD_MAX_VISITS 4096
#define JSONLD_MAX_DEPTH 64

static const char *longest_body(json_t *root, size_t *len)
{
    json_t *stack[JSONLD_MAX_DEPTH];
    size_t depth = 0, visits = 0;
    const char *best = NULL;
    *len = 0;
    stack[depth++] = root;
    while (depth && visits < JSONLD_MAX_VISITS) {
        json_t *v = stack[--depth];
        visits++;
        if (json_is_object(v)) {
            json_t *body = json_object_get(v, "articleBody");
            if (json_is_string(body) && json_string_length(body) > *len) {
                best = json_string_value(body);
                *len = json_string_length(body);
            }
            const char *key;
            json_t *child;
            json_object_foreach(v, key, child) {
                if ((json_is_object(child) || json_is_array(child)) && depth < JSONLD_MAX_DEPTH)
                    stack[depth++] = child;
            }
        } else if (json_is_array(v)) {
            size_t i;
            json_t *child;
            json_array_foreach(v, i, child) {
                if ((json_is_object(child) || json_is_array(child)) && depth < JSONLD_MAX_DEPTH)
                    stack[depth++] = child;
            }
        }
    }
    return best;
}

/* Copies text without the tags some pages leave in articleBody. */
static char *copy_without_tags(wn_arena *arena, const char *s, size_t len, size_t *out_len)
{
    char *out = wn_arena_alloc(arena, len + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '<' && i + 1 < len && (s[i + 1] == '/' || (s[i + 1] | 0x20) >= 'a') &&
            (s[i + 1] | 0x20) <= 'z') {
            const char *gt = memchr(s + i, '>', len - i);
            if (gt) {
                i = (size_t)(gt - s);
                out[n++] = ' ';
                continue;
            }
        }
        out[n++] = s[i];
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}

const char *wn_ladder_declared(const wn_doc *doc, wn_arena *arena, size_t *len)
{
    const char *best = NULL;
    size_t best_len = 0;
    char *copy = NULL;
    for (unsigned i = 0; i < doc->jsonld_count; i++) {
        json_error_t error;
        json_t *root = json_loads(doc->jsonld[i], JSON_DECODE_ANY, &error);
        if (!root)
            continue;
        size_t n;
        const char *body = longest_body(root, &n);
        if (body && n > best_len) {
            char *c = copy_without_tags(arena, body, n, &n);
            if (c) {
                copy = c;
                best = copy;
                best_len = n;
            }
        }
        json_decref(root);
    }
    *len = best_len;
    return best;
}

/* ---- prose: paragraph-like blocks in document order ---- */

static bool is_prose(const wn_node *n)
{
    if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK))
        return false;
    return prose_stats(&n->own) &&
           (float)n->own_link_chars <= WN_LADDER_PROSE_LINKS * (float)n->own.chars;
}

size_t wn_ladder_prose(wn_doc *doc, bool select)
{
    if (select)
        for (uint32_t i = 0; i < doc->count; i++)
            doc->nodes[i].flags &= (uint16_t)~WN_NODE_SELECTED;
    size_t chars = 0, blocks = 0;
    for (uint32_t i = doc->body; i < doc->count; i++) {
        wn_node *n = &doc->nodes[i];
        if (n->kind != WN_NODE_ELEMENT)
            continue;
        if ((n->hints & (WN_HINT_CLUTTER | WN_HINT_META | WN_HINT_AUTHORBOX)) && i != doc->body) {
            i = n->end - 1; /* a named clutter element: its subtree is skipped */
            continue;
        }
        if (!is_prose(n))
            continue;
        if (select) {
            n->flags = (uint16_t)((n->flags | WN_NODE_SELECTED) & ~WN_NODE_PRUNED);
            n->label = WN_LABEL_BODY;
        }
        chars += n->own.chars;
        blocks++;
    }
    if (select)
        wn_score_note_lines(doc);
    /* One or two paragraphs are a notice (cookies, sign-in), not an article. */
    return blocks >= WN_LADDER_PROSE_BLOCKS ? chars : 0;
}

/* ---- declared text as content ---- */

static bool push_para(wn_content *c, const char *text, size_t len)
{
    wn_content_item *it = wn_content_push(c, WN_C_PARA, 0);
    if (!it)
        return false;
    it->text = text;
    it->len = (uint32_t)len;
    return true;
}

wn_status wn_ladder_content_from_text(const char *text, size_t len, wn_content *content)
{
    size_t start = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        /* White space collapsed, characters XML cannot hold dropped. */
        char *line = wn_xml_clean(content->arena, text + start, end - start);
        if (!line)
            return WN_ERR_NOMEM;
        size_t r = 0, w = 0, n = strlen(line);
        bool space = false;
        while (r < n) {
            char ch = line[r++];
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
                space = w > 0;
                continue;
            }
            if (space)
                line[w++] = ' ';
            space = false;
            line[w++] = ch;
        }
        line[w] = '\0';
        if (w && !push_para(content, line, w))
            return WN_ERR_NOMEM;
        start = end + 1;
    }
    return WN_OK;
}
