#include "ladder.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "meta/meta.h"
#include "output/render.h"
#include "score/score.h"
#include "lexicon/date.h"
#include "lexicon/kinds.h"
#include "buf.h"
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

/* ---- declared: JSON-LD articleBody, or a how-to's or recipe's steps ---- */

/* Objects and arrays visited per JSON-LD script, and how deep: a page's
 * JSON-LD is a few dozen objects; the bounds keep a hostile one linear. */
#define JSONLD_MAX_VISITS 4096
#define JSONLD_MAX_DEPTH 64

static bool has_type(json_t *obj, const char *type)
{
    json_t *t = json_object_get(obj, "@type");
    if (json_is_string(t))
        return strcmp(json_string_value(t), type) == 0;
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) {
        if (json_is_string(v) && strcmp(json_string_value(v), type) == 0)
            return true;
    }
    return false;
}

static void put_line(wn_buf *out, json_t *v)
{
    if (!json_is_string(v) || json_string_length(v) == 0)
        return;
    if (out->len)
        wn_buf_putc(out, '\n');
    wn_buf_append(out, json_string_value(v), json_string_length(v));
}

/* The text schema.org's HowTo and Recipe declare in place of an
 * articleBody: the description, a recipe's ingredients, then every step's
 * text in order (a step is a string, or a HowToStep/HowToDirection/
 * HowToTip with "text", or a HowToSection listing more in
 * "itemListElement"). Appended to out, one line each. */
static void steps_text(json_t *obj, wn_buf *out)
{
    put_line(out, json_object_get(obj, "description"));
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(obj, "recipeIngredient"), i, v)
        put_line(out, v);
    json_t *steps = json_object_get(obj, "step");
    if (!steps)
        steps = json_object_get(obj, "recipeInstructions");
    json_t *stack[JSONLD_MAX_DEPTH];
    size_t depth = 0, visits = 0;
    if (steps)
        stack[depth++] = steps;
    while (depth && visits++ < JSONLD_MAX_VISITS) {
        json_t *s = stack[--depth];
        if (json_is_string(s)) {
            put_line(out, s);
        } else if (json_is_array(s)) {
            /* Pushed last first, so that they come out in order. */
            for (size_t k = json_array_size(s); k-- > 0 && depth < JSONLD_MAX_DEPTH;)
                stack[depth++] = json_array_get(s, k);
        } else if (json_is_object(s)) {
            put_line(out, json_object_get(s, "text"));
            json_t *more = json_object_get(s, "itemListElement");
            if (more && depth < JSONLD_MAX_DEPTH)
                stack[depth++] = more;
        }
    }
}

/* The longest declared text of one JSON-LD script: an articleBody, or a
 * how-to's or recipe's steps (composed in scratch). */
static const char *longest_body(json_t *root, wn_buf *scratch, size_t *len)
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
            if (has_type(v, "HowTo") || has_type(v, "Recipe")) {
                wn_buf steps;
                wn_buf_init(&steps);
                steps_text(v, &steps);
                if (!steps.failed && steps.len > *len) {
                    wn_buf_free(scratch);
                    *scratch = steps;
                    best = scratch->data;
                    *len = scratch->len;
                } else {
                    wn_buf_free(&steps);
                }
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

/* The character a reference at s[0] == '&' stands for, and its length in
 * *used; 0 when it is none of the few that declared text carries (numeric
 * references and the five markup characters and nbsp). */
static uint32_t reference_at(const char *s, size_t len, size_t *used)
{
    static const struct { const char *name; uint32_t cp; } named[] = {
        {"&nbsp;", 0xA0}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
        {"&quot;", '"'}, {"&apos;", '\''},
    };
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t n = strlen(named[k].name);
        if (len >= n && memcmp(s, named[k].name, n) == 0) {
            *used = n;
            return named[k].cp;
        }
    }
    if (len < 4 || s[1] != '#')
        return 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    uint32_t cp = 0;
    size_t i = hex ? 3 : 2, digits = 0;
    for (; i < len && digits < 7; i++, digits++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
              : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0)
            break;
        cp = cp * (hex ? 16u : 10u) + (uint32_t)d;
    }
    if (!digits || i >= len || s[i] != ';' || cp == 0 || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *used = i + 1;
    return cp;
}

/* Copies the text some pages leave as markup in articleBody (or a step's
 * text): tags become spaces (a paragraph's or line break's end a new line),
 * character references their characters. */
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
                bool breaks = (i + 3 < len && s[i + 1] == '/' && (s[i + 2] | 0x20) == 'p' &&
                               s[i + 3] == '>') ||
                              (i + 3 < len && (s[i + 1] | 0x20) == 'b' && (s[i + 2] | 0x20) == 'r');
                i = (size_t)(gt - s);
                out[n++] = breaks ? '\n' : ' ';
                continue;
            }
        }
        size_t used;
        uint32_t cp;
        if (s[i] == '&' && (cp = reference_at(s + i, len - i, &used)) != 0) {
            /* A reference is at least 4 bytes; its character at most 4. */
            n += wn_utf8_encode(cp, out + n);
            i += used - 1;
            continue;
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
        wn_buf scratch;
        wn_buf_init(&scratch);
        const char *body = longest_body(root, &scratch, &n);
        if (body && n > best_len) {
            char *c = copy_without_tags(arena, body, n, &n);
            if (c) {
                copy = c;
                best = copy;
                best_len = n;
            }
        }
        wn_buf_free(&scratch);
        json_decref(root);
    }
    *len = best_len;
    return best;
}

/* ---- prose: paragraph-like blocks in document order ---- */

static bool is_prose(const wn_doc *doc, const wn_node *n)
{
    if (n->kind != WN_NODE_ELEMENT || !(n->flags & WN_NODE_BLOCK))
        return false;
    const wn_elem *e = wn_node_elem(doc, n);
    return prose_stats(&e->own) && (float)e->own_link_chars <= WN_LADDER_PROSE_LINKS * (float)e->own.chars;
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
        if (!is_prose(doc, n))
            continue;
        if (select) {
            n->flags = (uint16_t)((n->flags | WN_NODE_SELECTED) & ~WN_NODE_PRUNED);
            n->label = WN_LABEL_BODY;
        }
        chars += wn_node_elem(doc, n)->own.chars;
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

/* ---- header: a dated post without text keeps its headline and dateline ---- */

static wn_status push_copy(wn_content *content, const char *text, size_t len)
{
    char *copy = wn_xml_clean(content->arena, text, len);
    if (!copy)
        return WN_ERR_NOMEM;
    return *copy && !push_para(content, copy, strlen(copy)) ? WN_ERR_NOMEM : WN_OK;
}

/* Whether element i is a dateline: a short text that holds a date. */
static bool dateline(const wn_doc *doc, uint32_t i, char *line, size_t cap, char *iso)
{
    const wn_node *node = &doc->nodes[i];
    if (node->kind != WN_NODE_ELEMENT || !node->all.chars || node->all.chars > WN_LADDER_DATELINE)
        return false;
    size_t len = wn_leading_text(doc, i, line, cap);
    return wn_date_parse(line, len, true, iso) > 0;
}

wn_status wn_ladder_header(wn_doc *doc, wn_content *content)
{
    uint32_t title = WN_NONE;
    for (uint32_t i = doc->body; i < doc->count && title == WN_NONE; i++)
        if (doc->nodes[i].kind == WN_NODE_ELEMENT && doc->nodes[i].label == WN_LABEL_TITLE)
            title = i;
    char line[WN_LADDER_DATELINE * 4 + 8];
    /* Unlabelled (a heading the scorer dropped with a linked post header):
     * the first h1-h3 whose text the page's <title> holds. */
    for (uint32_t i = doc->body; i < doc->count && title == WN_NONE && doc->title; i++) {
        const wn_node *node = &doc->nodes[i];
        if (node->kind != WN_NODE_ELEMENT || node->tag < GUMBO_TAG_H1 || node->tag > GUMBO_TAG_H3 ||
            !node->all.chars || node->all.chars > WN_LADDER_DATELINE)
            continue;
        size_t len = wn_leading_text(doc, i, line, sizeof line);
        if (len && strstr(doc->title, line))
            title = i;
    }
    if (title == WN_NONE)
        return WN_OK;
    uint32_t box = title;
    uint32_t most = doc->nodes[title].all.chars + WN_LADDER_HEADER_EXTRA;
    for (uint32_t a = doc->nodes[title].parent; a != WN_NONE && a > doc->body &&
                                                doc->nodes[a].all.chars <= most;
         a = doc->nodes[a].parent)
        box = a;
    char iso[32];
    uint32_t lines[8];
    size_t n = 0, dated = 0;
    if (box != title) {
        /* The headline box's lines, in order. */
        for (uint32_t i = box; i < doc->nodes[box].end && n < 8; i++) {
            const wn_node *node = &doc->nodes[i];
            if (i == title) {
                lines[n++] = i;
                i = node->end - 1;
            } else if (!(i < title && title < node->end) && dateline(doc, i, line, sizeof line, iso)) {
                lines[n++] = i; /* (a box holding the title is no dateline) */
                dated++;
                i = node->end - 1;
            }
        }
    } else if (doc->nodes[title].parent != WN_NONE && doc->nodes[title].parent >= doc->body) {
        /* The title's parent holds more: the two elements on either side. */
        uint32_t parent = doc->nodes[title].parent, before[2] = {WN_NONE, WN_NONE};
        uint32_t i = parent + 1;
        for (; i < title; i = doc->nodes[i].end)
            if (doc->nodes[i].kind == WN_NODE_ELEMENT) {
                before[0] = before[1];
                before[1] = i;
            }
        for (int k = 0; k < 2; k++)
            if (before[k] != WN_NONE && dateline(doc, before[k], line, sizeof line, iso)) {
                lines[n++] = before[k];
                dated++;
            }
        lines[n++] = title;
        int after = 0;
        for (i = doc->nodes[title].end; i < doc->nodes[parent].end && after < 2; i = doc->nodes[i].end)
            if (doc->nodes[i].kind == WN_NODE_ELEMENT) {
                after++;
                if (dateline(doc, i, line, sizeof line, iso)) {
                    lines[n++] = i;
                    dated++;
                }
            }
    }
    if (!dated)
        return WN_OK;
    for (size_t k = 0; k < n; k++) {
        wn_node *node = &doc->nodes[lines[k]];
        if (lines[k] != title) {
            /* Kept now, as --explain shows (the title keeps its label). */
            node->flags = (uint16_t)((node->flags | WN_NODE_SELECTED) & ~WN_NODE_PRUNED);
            node->label = WN_LABEL_BODY;
        }
        size_t len = wn_leading_text(doc, lines[k], line, sizeof line);
        wn_status st = push_copy(content, line, len);
        if (st != WN_OK)
            return st;
    }
    return WN_OK;
}
