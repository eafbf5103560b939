/* The fallback ladder run over one page (ladder.h holds its steps): when
 * the scorer's region is tiny, the page's <noscript> markup, the markup its
 * scripts hold, the article text it declares, its prose and its header are
 * tried in turn, and a step's content replaces the result's when it holds
 * clearly more. */
#include "extract.h"

#include <string.h>

#include "ladder.h"
#include "score/score.h"

static void content_init(wn_content *content, wn_result *res)
{
    memset(content, 0, sizeof *content);
    content->arena = &res->arena;
}

/* A step of the ladder that yields a scored page: its content replaces the
 * result's when it holds clearly more text (the page's doc then becomes the
 * one --explain shows). Frees `candidate` otherwise. */
static wn_status try_doc(const wn_extractor *ex, wn_doc *candidate, wn_article_source source,
                         size_t *best, wn_doc *doc, wn_result *res)
{
    candidate->rules_off = ex->rules_off;
    candidate->no_tables = (ex->options.flags & WN_FLAG_NO_TABLES) != 0;
    wn_score_select(candidate);
    wn_content content;
    content_init(&content, res);
    wn_status st = wn_build_content(candidate, res, &content);
    size_t blocks = 0;
    size_t chars = st == WN_OK ? wn_content_measure(&content, &blocks) : 0;
    if (st == WN_OK && wn_ladder_better(chars, *best) && blocks >= WN_LADDER_PROSE_BLOCKS &&
        !(source == WN_ARTICLE_TEMPLATE && wn_ladder_unfilled(&content))) {
        res->content = content;
        res->source = source;
        *best = chars;
        /* A fragment has no head: the page's title and declarations stay. */
        if (!candidate->title)
            candidate->title = doc->title;
        if (!candidate->og_title)
            candidate->og_title = doc->og_title;
        if (!candidate->lang)
            candidate->lang = doc->lang;
        if (!candidate->tag_count && doc->tag_count && candidate->budget) {
            /* The head's declarations only: the others name nodes of the page's
             * tree, not of the fragment's. */
            wn_doc_tag *tags = wn_arena_alloc(candidate->budget, doc->tag_count * sizeof *tags);
            if (tags) {
                for (unsigned t = 0; t < doc->tag_count; t++)
                    if (doc->tags[t].node == WN_NONE)
                        tags[candidate->tag_count++] = doc->tags[t];
                candidate->tags = tags;
            }
        }
        if (!candidate->jsonld_count) {
            memcpy(candidate->jsonld, doc->jsonld, sizeof doc->jsonld);
            candidate->jsonld_count = doc->jsonld_count;
        }
        wn_doc_free(doc);
        *doc = *candidate;
    } else {
        wn_doc_free(candidate);
    }
    return st;
}

/* Markup a script renders, parsed as a page of its own. */
static wn_status try_hidden(const wn_extractor *ex, wn_arena *page, const char *utf8,
                            const wn_guard_range *range, size_t *best, wn_doc *doc,
                            wn_result *res)
{
    wn_guard_limits guard_limits = wn_guard_limits_of(ex);
    wn_guard_report report;
    const char *html;
    size_t len;
    wn_status st = wn_guard(page, utf8 + range->start, range->len, &guard_limits, &html, &len,
                            &report);
    GumboOutput *parsed = NULL;
    if (st == WN_OK)
        st = wn_parse(page, html, len, wn_parse_budget_ns(&ex->options, len), &parsed);
    if (st == WN_ERR_WORK_LIMIT || st == WN_ERR_TOO_MANY_NODES)
        return WN_OK; /* this step yields nothing; the page's own result stands */
    if (st != WN_OK)
        return st;
    wn_block_limits limits = wn_block_limits_of(ex);
    wn_doc candidate;
    memset(&candidate, 0, sizeof candidate);
    st = wn_blocks_build(parsed, page, &limits, &candidate);
    if (st != WN_OK)
        return st;
    return try_doc(ex, &candidate, WN_ARTICLE_TEMPLATE, best, doc, res);
}

/* The ladder's declared step: the article text the page declares in
 * JSON-LD replaces the result's when it holds clearly more (after a region
 * that is not tiny: WN_LADDER_DECLARED_GAIN times as much). */
static wn_status try_declared(const wn_doc *doc, wn_result *res, size_t *best, bool after_region)
{
    size_t len;
    const char *declared = wn_ladder_declared(doc, &res->arena, &len);
    if (!declared)
        return WN_OK;
    wn_content content;
    content_init(&content, res);
    wn_status st = wn_ladder_content_from_text(declared, len, &content);
    if (st != WN_OK)
        return st;
    size_t chars = wn_content_chars(&content);
    if (after_region ? chars >= WN_LADDER_DECLARED_GAIN * *best : wn_ladder_better(chars, *best)) {
        res->content = content;
        res->source = WN_ARTICLE_DECLARED;
        *best = chars;
    }
    return WN_OK;
}

/* A region that is not tiny but holds a small part of the article text the
 * page declares: the page renders its article with a script, and the
 * region is what came with the markup (a standfirst, a caption). */
static wn_status declared_over_region(const wn_doc *doc, size_t *region_chars, wn_result *res)
{
    /* The scripts' bytes bound the text they declare: most pages are done
     * here, without parsing their JSON-LD. */
    size_t bytes = 0;
    for (unsigned i = 0; i < doc->jsonld_count; i++)
        bytes += strlen(doc->jsonld[i]);
    if (bytes < WN_LADDER_DECLARED_GAIN * *region_chars)
        return WN_OK;
    return try_declared(doc, res, region_chars, true);
}

/* The fallback ladder (ladder.h), when the scorer's region is tiny. */
wn_status wn_extract_ladder(const wn_extractor *ex, wn_arena *page, const GumboOutput *parsed,
                            const char *utf8, const wn_guard_report *guard, wn_doc *doc,
                            wn_result *res, size_t *content_chars)
{
    /* best: the characters of res->content, whichever step gave it. */
    size_t best = wn_content_chars(&res->content);
    *content_chars = best;
    if (best >= WN_LADDER_TINY) {
        wn_status st = declared_over_region(doc, &best, res);
        *content_chars = best;
        return st;
    }
    wn_status st = WN_OK;
    if (doc->noscripts) {
        wn_block_limits limits = wn_block_limits_of(ex);
        limits.read_noscript = true;
        wn_doc candidate;
        memset(&candidate, 0, sizeof candidate);
        st = wn_blocks_build(parsed, page, &limits, &candidate);
        if (st == WN_OK)
            st = try_doc(ex, &candidate, WN_ARTICLE_NOSCRIPT, &best, doc, res);
    }
    for (unsigned i = 0; st == WN_OK && i < guard->hidden_count; i++)
        st = try_hidden(ex, page, utf8, &guard->hidden[i], &best, doc, res);
    if (st != WN_OK)
        return st;
    st = try_declared(doc, res, &best, false);
    if (st != WN_OK)
        return st;
    if (wn_ladder_better(wn_ladder_prose(doc, false), best)) {
        wn_ladder_prose(doc, true);
        wn_content content;
        content_init(&content, res);
        st = wn_build_content(doc, res, &content);
        if (st != WN_OK)
            return st;
        res->content = content;
        res->source = WN_ARTICLE_PROSE;
        best = wn_content_chars(&content);
    }
    size_t prose_blocks = 0;
    wn_content_measure(&res->content, &prose_blocks);
    if (best < WN_LADDER_TINY && prose_blocks == 0) {
        wn_content content;
        content_init(&content, res);
        st = wn_ladder_header(doc, &content);
        if (st != WN_OK)
            return st;
        if (content.count) {
            res->content = content;
            res->source = WN_ARTICLE_HEADER;
            *content_chars = wn_content_chars(&content);
            return WN_OK;
        }
    }
    *content_chars = best;
    if (best == 0)
        res->source = WN_ARTICLE_NONE;
    return WN_OK;
}
