/* The public API: one extraction runs decode -> parse -> blocks -> score ->
 * content, with all per-document state in two arenas (the page's, freed
 * before returning, and the result's). */
#include "winnow.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "blocks/blocks.h"
#include "buf.h"
#include "guard/guard.h"
#include "input/compress.h"
#include "input/decode.h"
#include "input/magic.h"
#include "input/sniff.h"
#include "ladder.h"
#include "meta/meta.h"
#include "output/content.h"
#include "output/render.h"
#include "output/url.h"
#include "parse.h"
#include "phases.h"
#include "probe.h"
#include "score/score.h"
#include "verdict.h"

struct wn_extractor {
    wn_options options;
    /* iconv descriptors, single-byte tables and detectors kept across pages;
     * shared by the threads, guarded inside (decoders.h). */
    wn_decoders *decoders;
    /* Scoring rules switched off: the names in WINNOW_RULES_OFF, read once
     * here. A debugging hook (see score/rules.def); 0 in normal use. */
    uint64_t rules_off;
};

struct wn_result {
    wn_arena arena;          /* owns everything below but the malloc'ed strings */
    wn_content content;
    wn_page_info info;
    wn_charset_source charset_source;
    wn_status degraded;      /* first soft limit applied, or WN_OK */
    wn_article_source source;
    wn_page_kind kind;       /* WN_PAGE_ARTICLE, or why the result is empty */
    unsigned flags;
    wn_meta meta;            /* the page's metadata (strings in arena) */
    wn_content_opts copts;   /* what the content keeps (base_url in arena) */
    char *xml, *text, *explain, *json, *markdown, *html;  /* rendered on demand; malloc'ed */
    size_t xml_len, text_len, explain_len, json_len, markdown_len, html_len;
    char *explain_html;      /* with WN_FLAG_EXPLAIN; malloc'ed */
    size_t explain_html_len;
};

const char *wn_version(void)
{
    return WN_VERSION_STRING;
}

const char *wn_status_message(wn_status status)
{
    switch (status) {
    case WN_OK: return "success";
    case WN_ERR_NOMEM: return "out of memory";
    case WN_ERR_ARGUMENT: return "invalid argument";
    case WN_ERR_CHARSET: return "unknown charset";
    case WN_ERR_INPUT_TOO_LARGE: return "input larger than the configured limit";
    case WN_ERR_TOO_MANY_NODES: return "page has more elements than the configured limit";
    case WN_ERR_TOO_DEEP: return "page nests deeper than the configured limit";
    case WN_ERR_PARSE: return "HTML parser failed";
    case WN_ERR_OUTPUT: return "output could not be written";
    case WN_ERR_NOT_KEPT: return "not kept: enable it in the options";
    case WN_ERR_MEMORY_LIMIT: return "page needs more memory than the configured limit";
    case WN_ERR_TOO_MANY_ATTRIBUTES: return "a tag has more attributes than the configured limit";
    case WN_ERR_NOT_HTML: return "not an HTML page (binary, image, archive or compressed data)";
    case WN_ERR_WORK_LIMIT: return "the HTML parse took longer than its budget";
    case WN_ERR_CORRUPT: return "corrupt or truncated data";
    case WN_ERR_DECOMPRESSED_TOO_LARGE: return "decompressed input larger than the configured limit";
    case WN_ERR_READ: return "the input could not be read";
    }
    return "unknown status";
}

void wn_options_init(wn_options *options)
{
    memset(options, 0, sizeof *options);
    options->struct_size = sizeof *options;
    options->flags = 0;
    options->max_input_bytes = (size_t)64 << 20;
    options->max_nodes = 2000000;
    options->max_depth = 512;
    options->max_attributes = 256;
    options->max_memory_bytes = (size_t)1 << 30;
    options->parse_ms_per_mib = 2000;
}

wn_status wn_extractor_new(const wn_options *options, wn_extractor **out)
{
    if (!out)
        return WN_ERR_ARGUMENT;
    *out = NULL;
    wn_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return WN_ERR_NOMEM;
    wn_options_init(&ex->options);
    ex->decoders = wn_decoders_new();
    if (!ex->decoders) {
        free(ex);
        return WN_ERR_NOMEM;
    }
    if (options) {
        /* Copy only the fields the caller's struct has. */
        size_t n = options->struct_size;
        if (n < sizeof(size_t) || n > sizeof ex->options)
            n = n < sizeof(size_t) ? 0 : sizeof ex->options;
        if (n)
            memcpy(&ex->options, options, n);
        ex->options.struct_size = sizeof ex->options;
    }
    /* Depths are stored in 16 bits. */
    if (ex->options.max_depth == 0 || ex->options.max_depth > 60000)
        ex->options.max_depth = 60000;
    if (ex->options.max_attributes == 0)
        ex->options.max_attributes = 1;
    const char *off = getenv("WINNOW_RULES_OFF");
    if (off && !wn_rules_parse(off, &ex->rules_off)) {
        wn_decoders_free(ex->decoders);
        free(ex);
        return WN_ERR_ARGUMENT;
    }
    /* libxml2 sets up its globals once; doing it here keeps wn_extract()
     * free of first-use races between threads. */
    xmlInitParser();
    *out = ex;
    return WN_OK;
}

void wn_extractor_free(wn_extractor *extractor)
{
    if (extractor)
        wn_decoders_free(extractor->decoders);
    free(extractor);
}

static const char *source_name(wn_charset_source source)
{
    switch (source) {
    case WN_CHARSET_BOM: return "bom";
    case WN_CHARSET_HINT: return "hint";
    case WN_CHARSET_META: return "meta";
    case WN_CHARSET_DETECTED: return "detected";
    case WN_CHARSET_FALLBACK: return "fallback";
    }
    return "unknown";
}

/* The parse's CPU budget: a fixed 250 ms plus parse_ms_per_mib per MiB. */
static uint64_t parse_budget_ns(const wn_options *options, size_t len)
{
    if (!options->parse_ms_per_mib)
        return 0;
    double mib = (double)len / (1024.0 * 1024.0);
    return (uint64_t)((250.0 + mib * options->parse_ms_per_mib) * 1e6);
}

/* The guard's limits, from the extractor's options. */
static wn_guard_limits guard_limits_of(const wn_extractor *ex)
{
    wn_guard_limits limits = {ex->options.max_depth, ex->options.max_attributes, ex->options.max_nodes};
    return limits;
}

static wn_block_limits block_limits(const wn_extractor *ex)
{
    /* The parser adds a few levels the guard does not model (<html>, <body>,
     * <tbody>): the tree's own cap sits a little above the guard's. */
    unsigned tree_depth = ex->options.max_depth + 32;
    wn_block_limits limits = {ex->options.max_nodes, tree_depth > 60000 ? 60000 : tree_depth,
                              false,
                              (ex->options.flags & (WN_FLAG_LINKS | WN_FLAG_IMAGES)) != 0};
    return limits;
}

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
    wn_score_select(candidate);
    wn_content content;
    content_init(&content, res);
    wn_status st = wn_content_build_with(candidate, &res->copts, &content);
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
    wn_guard_limits guard_limits = guard_limits_of(ex);
    wn_guard_report report;
    const char *html;
    size_t len;
    wn_status st = wn_guard(page, utf8 + range->start, range->len, &guard_limits, &html, &len,
                            &report);
    GumboOutput *parsed = NULL;
    if (st == WN_OK)
        st = wn_parse(page, html, len, parse_budget_ns(&ex->options, len), &parsed);
    if (st == WN_ERR_WORK_LIMIT || st == WN_ERR_TOO_MANY_NODES)
        return WN_OK; /* this step yields nothing; the page's own result stands */
    if (st != WN_OK)
        return st;
    wn_block_limits limits = block_limits(ex);
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
static wn_status declared_over_region(const wn_doc *doc, size_t region_chars, wn_result *res)
{
    /* The scripts' bytes bound the text they declare: most pages are done
     * here, without parsing their JSON-LD. */
    size_t bytes = 0;
    for (unsigned i = 0; i < doc->jsonld_count; i++)
        bytes += strlen(doc->jsonld[i]);
    if (bytes < WN_LADDER_DECLARED_GAIN * region_chars)
        return WN_OK;
    return try_declared(doc, res, &region_chars, true);
}

/* The fallback ladder (ladder.h), when the scorer's region is tiny. */
static wn_status run_ladder(const wn_extractor *ex, wn_arena *page, const GumboOutput *parsed,
                            const char *utf8, const wn_guard_report *guard, wn_doc *doc,
                            wn_result *res)
{
    size_t best = wn_content_chars(&res->content);
    if (best >= WN_LADDER_TINY)
        return declared_over_region(doc, best, res);
    wn_status st = WN_OK;
    if (doc->noscripts) {
        wn_block_limits limits = block_limits(ex);
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
        st = wn_content_build_with(doc, &res->copts, &content);
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
            return WN_OK;
        }
    }
    if (best == 0)
        res->source = WN_ARTICLE_NONE;
    return WN_OK;
}

/* The benchmark's phase clock (phases.h): adds the time since *mark to
 * *field and moves the mark. Nothing when times is NULL. */
static uint64_t clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void phase_tick(wn_phase_ns *times, uint64_t *field, uint64_t *mark)
{
    if (!times)
        return;
    uint64_t now = clock_ns();
    *field += now - *mark;
    *mark = now;
}

static wn_status run_pipeline(const wn_extractor *ex, wn_arena *page, const char *bytes, size_t len,
                              const char *charset_hint, wn_result *res, wn_doc *doc,
                              wn_phase_ns *times, uint64_t *mark)
{
    if (wn_sniff_not_text(bytes, len, charset_hint))
        return WN_ERR_NOT_HTML;
    wn_decoded decoded;
    /* Valid UTF-8 is read in place (no copy); the rest is decoded into
     * the arena, which then holds it exactly (decode.c). */
    wn_status st = wn_decode_borrowing(ex->decoders, page, bytes, len, charset_hint, &decoded);
    if (st != WN_OK)
        return st;
    res->info.charset = decoded.charset;
    res->charset_source = decoded.source;
    res->info.charset_source = source_name(decoded.source);

    /* Gumbo's superlinear shapes are cut before the parse (guard.h). */
    const char *html;
    size_t html_len;
    wn_guard_limits guard_limits = guard_limits_of(ex);
    wn_guard_report guard;
    st = wn_guard(page, decoded.utf8, decoded.len, &guard_limits, &html, &html_len, &guard);
    if (st != WN_OK)
        return st;
    if (guard.dropped_deep || guard.dropped_formatting)
        st = WN_ERR_TOO_DEEP;
    else if (guard.dropped_attributes)
        st = WN_ERR_TOO_MANY_ATTRIBUTES;
    if (st != WN_OK && (ex->options.flags & WN_FLAG_STRICT_LIMITS))
        return st;
    res->degraded = st;
    phase_tick(times, times ? &times->decode_guard : NULL, mark);

    GumboOutput *parsed;
    st = wn_parse(page, html, html_len, parse_budget_ns(&ex->options, html_len), &parsed);
    if (st == WN_ERR_WORK_LIMIT) {
        /* The guard's model missed a shape: the page is parsed again as
         * plain paragraphs, which no parser can nest. */
        if (ex->options.flags & WN_FLAG_STRICT_LIMITS)
            return st;
        res->degraded = st;
        st = wn_guard_flatten(page, decoded.utf8, decoded.len, &html, &html_len);
        if (st == WN_OK)
            st = wn_parse(page, html, html_len, 0, &parsed);
    }
    if (st != WN_OK)
        return st;
    phase_tick(times, times ? &times->parse : NULL, mark);
    wn_block_limits limits = block_limits(ex);
    st = wn_blocks_build(parsed, page, &limits, doc);
    if (st != WN_OK)
        return st;
    if (doc->flattened && res->degraded == WN_OK) {
        if (ex->options.flags & WN_FLAG_STRICT_LIMITS)
            return WN_ERR_TOO_DEEP;
        res->degraded = WN_ERR_TOO_DEEP;
    }
    doc->rules_off = ex->rules_off;
    wn_score_select(doc);
    res->copts.comments = (ex->options.flags & WN_FLAG_COMMENTS) != 0;
    res->copts.spans = ex->options.flags & (WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING);
    res->copts.no_tables = (ex->options.flags & WN_FLAG_NO_TABLES) != 0;
    res->copts.base_url = res->info.url;
    if (res->copts.spans && doc->base_href && *doc->base_href) {
        /* <base href>, itself resolved against the page's URL */
        res->copts.base_url = wn_url_resolve(&res->arena, res->info.url, doc->base_href,
                                             strlen(doc->base_href));
        if (!res->copts.base_url)
            return WN_ERR_NOMEM;
    }
    st = wn_content_build_with(doc, &res->copts, &res->content);
    if (st == WN_OK)
        st = run_ladder(ex, page, parsed, decoded.utf8, &guard, doc, res);
    if (st != WN_OK)
        return st;
    /* No article here (verdict.h): the result says why, and holds nothing. */
    res->kind = wn_verdict(doc, wn_content_chars(&res->content));
    if (res->kind != WN_PAGE_ARTICLE) {
        res->content.count = 0;
        res->source = WN_ARTICLE_NONE;
    }
    bool from_h1;
    char title_buf[WN_TITLE_CAP];
    size_t title_len = 0;
    const char *title = wn_score_title(doc, title_buf, sizeof title_buf, &title_len, &from_h1);
    res->info.title = title ? wn_xml_clean(&res->arena, title, title_len) : NULL;
    st = wn_meta_extract(doc, &res->arena, &res->meta);
    if (st != WN_OK)
        return st;
    /* With no declared headline, the article's <h1> comes before the <title>. */
    if (from_h1 && res->info.title && *res->info.title &&
        res->meta.rank[WN_META_TITLE] >= WN_RANK_TITLE_TAG &&
        strcmp(res->info.title, res->meta.pub.field[WN_META_SITE]) != 0) { /* a blog's name */
        res->meta.pub.field[WN_META_TITLE] = res->info.title;
        res->meta.rank[WN_META_TITLE] = WN_RANK_VISIBLE;
    }
    wn_meta_detect_lang(&res->meta, &res->content);
    res->info.meta = &res->meta.pub;
    if (res->source != WN_ARTICLE_SELECTED)
        res->info.source = wn_article_source_name(res->source);
    if (ex->options.flags & WN_FLAG_EXPLAIN) {
        wn_buf b;
        wn_buf_init(&b);
        if (res->source != WN_ARTICLE_SELECTED) {
            /* The ladder (ladder.h) took the article from elsewhere. */
            static const char line[] = "# article source: ";
            wn_buf_append(&b, line, sizeof line - 1);
            wn_buf_append(&b, wn_article_source_name(res->source), strlen(wn_article_source_name(res->source)));
            if (res->kind != WN_PAGE_ARTICLE && res->kind != WN_PAGE_EMPTY)
                wn_buf_printf(&b, " (%s page)", wn_page_kind_name(res->kind));
            wn_buf_append(&b, "\n", 1);
        }
        wn_render_explain(doc, &b);
        res->explain = wn_buf_detach(&b, &res->explain_len);
        if (!res->explain)
            return WN_ERR_NOMEM;
        char source_line[64];
        snprintf(source_line, sizeof source_line, "%s%s%s%s", wn_article_source_name(res->source),
                 res->kind != WN_PAGE_ARTICLE ? " (" : "",
                 res->kind != WN_PAGE_ARTICLE ? wn_page_kind_name(res->kind) : "",
                 res->kind != WN_PAGE_ARTICLE ? " page: no article here)" : "");
        wn_buf_init(&b);
        wn_render_explain_html(doc, res->info.title, source_line, &b);
        res->explain_html = wn_buf_detach(&b, &res->explain_html_len);
        if (!res->explain_html)
            return WN_ERR_NOMEM;
    }
    return WN_OK;
}

void wn_source_init(wn_source *source)
{
    if (!source)
        return;
    memset(source, 0, sizeof *source);
    source->struct_size = sizeof *source;
}

/* Undo one coding of *bytes in place of the caller's buffer: *owned (malloc'd)
 * takes the result, the previous one freed. */
static wn_status undo_coding(wn_codec_kind kind, size_t cap, const char **bytes, size_t *len,
                             char **owned)
{
    char *out;
    size_t out_len;
    wn_status st = wn_decompress(kind, *bytes, *len, cap, false, &out, &out_len);
    if (st != WN_OK)
        return st;
    free(*owned);
    *owned = out;
    *bytes = out;
    *len = out_len;
    return WN_OK;
}

/* The codings of a Content-Encoding list, undone last first. A gzip or zstd
 * coding whose magic bytes are missing is skipped (a server that says gzip
 * and sends the page as it is); brotli, without a magic number, is trusted.
 * Unknown codings are left alone: the sniffing that follows refuses what is
 * not a page. */
static wn_status undo_content_encoding(const char *list, size_t cap, const char **bytes,
                                       size_t *len, char **owned)
{
    size_t end = strlen(list);
    while (end > 0) {
        size_t start = end;
        while (start > 0 && list[start - 1] != ',')
            start--;
        size_t a = start, b = end;
        while (a < b && (list[a] == ' ' || list[a] == '\t'))
            a++;
        while (b > a && (list[b - 1] == ' ' || list[b - 1] == '\t'))
            b--;
        wn_codec_kind kind;
        if (wn_codec_from_label(list + a, b - a, &kind) == 0 && kind != WN_CODEC_IDENTITY &&
            (kind == WN_CODEC_BROTLI || wn_codec_sniff(*bytes, *len) == kind)) {
            wn_status st = undo_coding(kind, cap, bytes, len, owned);
            if (st != WN_OK)
                return st;
        }
        end = start > 0 ? start - 1 : 0;
    }
    return WN_OK;
}

static wn_status extract(const wn_extractor *extractor, const char *bytes, size_t len,
                         const wn_source *source, wn_phase_ns *times, wn_result **out)
{
    uint64_t mark = times ? clock_ns() : 0;
    if (!out)
        return WN_ERR_ARGUMENT;
    *out = NULL;
    if (!extractor || !bytes)
        return WN_ERR_ARGUMENT;
    if (len > extractor->options.max_input_bytes)
        return WN_ERR_INPUT_TOO_LARGE;
    /* Only the fields the caller's struct has. */
    wn_source src;
    wn_source_init(&src);
    if (source && source->struct_size >= sizeof(size_t)) {
        size_t n = source->struct_size < sizeof src ? source->struct_size : sizeof src;
        memcpy(&src, source, n);
    }

    char *owned = NULL;
    size_t cap = extractor->options.max_input_bytes;
    wn_status st = WN_OK;
    if (src.content_encoding)
        st = undo_content_encoding(src.content_encoding, cap, &bytes, &len, &owned);
    if (st == WN_OK && !(extractor->options.flags & WN_FLAG_NO_DECOMPRESS)) {
        wn_codec_kind kind = wn_codec_sniff(bytes, len);
        if (kind != WN_CODEC_IDENTITY)
            st = undo_coding(kind, cap, &bytes, &len, &owned);
    }
    if (st != WN_OK) {
        free(owned);
        return st;
    }

    wn_result *res = calloc(1, sizeof *res);
    if (!res) {
        free(owned);
        return WN_ERR_NOMEM;
    }
    wn_arena_init(&res->arena, 0);
    res->content.arena = &res->arena;
    res->flags = extractor->options.flags;
    if (src.url)
        res->info.url = wn_xml_clean(&res->arena, src.url, strlen(src.url));
    if (src.record_id && *src.record_id)
        res->info.record_id = wn_xml_clean(&res->arena, src.record_id, strlen(src.record_id));

    wn_arena page;
    wn_arena_init(&page, extractor->options.max_memory_bytes);
    wn_doc doc;
    memset(&doc, 0, sizeof doc);
    st = run_pipeline(extractor, &page, bytes, len, src.charset_hint, res, &doc, times, &mark);
    if (st == WN_ERR_NOMEM && page.limit_hit)
        st = WN_ERR_MEMORY_LIMIT;
    wn_doc_free(&doc);
    wn_arena_release(&page);
    free(owned);
    phase_tick(times, times ? &times->after : NULL, &mark);
    if (st != WN_OK) {
        wn_result_free(res);
        return st;
    }
    *out = res;
    return WN_OK;
}

wn_status wn_extract_source(const wn_extractor *extractor, const char *bytes, size_t len,
                            const wn_source *source, wn_result **out)
{
    return extract(extractor, bytes, len, source, NULL, out);
}

wn_status wn_extract_phased(const wn_extractor *extractor, const char *bytes, size_t len,
                            wn_phase_ns *times, wn_result **out)
{
    return extract(extractor, bytes, len, NULL, times, out);
}

wn_status wn_extract(const wn_extractor *extractor, const char *bytes, size_t len,
                     const char *charset_hint, const char *url, wn_result **out)
{
    wn_source src;
    wn_source_init(&src);
    src.charset_hint = charset_hint;
    src.url = url;
    return wn_extract_source(extractor, bytes, len, &src, out);
}

static int sink_to_buf(void *data, const char *bytes, size_t len)
{
    wn_buf *b = data;
    wn_buf_append(b, bytes, len);
    return b->failed ? -1 : 0;
}

wn_status wn_result_write(const wn_result *result, wn_format format, wn_sink_fn sink,
                          void *sink_data)
{
    if (!result || !sink)
        return WN_ERR_ARGUMENT;
    switch (format) {
    case WN_FORMAT_XML:
        return wn_render_xml(&result->content, &result->info,
                             (result->flags & WN_FLAG_XML_INDENT) != 0, sink, sink_data);
    case WN_FORMAT_TEXT:
        return wn_render_text(&result->content,
                              (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title : NULL,
                              sink, sink_data);
    case WN_FORMAT_JSON: {
        wn_buf b;
        wn_buf_init(&b);
        /* "text" is the text rendering, as wn_result_text() gives it */
        wn_status st = wn_render_text(&result->content,
                                      (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title
                                                                             : NULL,
                                      sink_to_buf, &b);
        size_t len = 0;
        char *text = st == WN_OK ? wn_buf_detach(&b, &len) : NULL;
        if (!text) {
            wn_buf_free(&b);
            return st == WN_OK ? WN_ERR_NOMEM : st;
        }
        char *extra[2] = {NULL, NULL};
        size_t extra_len[2] = {0, 0};
        static const wn_format extra_format[2] = {WN_FORMAT_MARKDOWN, WN_FORMAT_HTML};
        static const unsigned extra_flag[2] = {WN_FLAG_JSON_MARKDOWN, WN_FLAG_JSON_HTML};
        for (int k = 0; k < 2 && st == WN_OK; k++) {
            if (!(result->flags & extra_flag[k]))
                continue;
            wn_buf_init(&b);
            st = wn_result_write(result, extra_format[k], sink_to_buf, &b);
            extra[k] = st == WN_OK ? wn_buf_detach(&b, &extra_len[k]) : NULL;
            if (st == WN_OK && !extra[k])
                st = WN_ERR_NOMEM;
            if (st != WN_OK)
                wn_buf_free(&b);
        }
        if (st == WN_OK)
            st = wn_render_json(&result->info, text, len, wn_article_source_name(result->source),
                                extra[0], extra_len[0], extra[1], extra_len[1], sink, sink_data);
        free(text);
        free(extra[0]);
        free(extra[1]);
        return st;
    }
    case WN_FORMAT_MARKDOWN:
        return wn_render_markdown(&result->content,
                                  (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title : NULL,
                                  sink, sink_data);
    case WN_FORMAT_HTML:
        return wn_render_html(&result->content,
                              (result->flags & WN_FLAG_TITLE_IN_TEXT) ? result->info.title : NULL,
                              sink, sink_data);
    case WN_FORMAT_EXPLAIN:
        if (!result->explain)
            return WN_ERR_NOT_KEPT;
        return sink(sink_data, result->explain, result->explain_len) ? WN_ERR_OUTPUT : WN_OK;
    case WN_FORMAT_EXPLAIN_HTML:
        if (!result->explain_html)
            return WN_ERR_NOT_KEPT;
        return sink(sink_data, result->explain_html, result->explain_html_len) ? WN_ERR_OUTPUT
                                                                              : WN_OK;
    }
    return WN_ERR_ARGUMENT;
}

static const char *render_cached(wn_result *result, wn_format format, char **cache, size_t *cache_len,
                                 size_t *len)
{
    if (!*cache) {
        wn_buf b;
        wn_buf_init(&b);
        if (wn_result_write(result, format, sink_to_buf, &b) != WN_OK) {
            wn_buf_free(&b);
            return NULL;
        }
        *cache = wn_buf_detach(&b, cache_len);
        if (!*cache)
            return NULL;
    }
    if (len)
        *len = *cache_len;
    return *cache;
}

const char *wn_result_xml(wn_result *result, size_t *len)
{
    if (!result)
        return NULL;
    return render_cached(result, WN_FORMAT_XML, &result->xml, &result->xml_len, len);
}

const char *wn_result_text(wn_result *result, size_t *len)
{
    if (!result)
        return NULL;
    return render_cached(result, WN_FORMAT_TEXT, &result->text, &result->text_len, len);
}

const char *wn_result_json(wn_result *result, size_t *len)
{
    if (!result)
        return NULL;
    return render_cached(result, WN_FORMAT_JSON, &result->json, &result->json_len, len);
}

const char *wn_result_markdown(wn_result *result, size_t *len)
{
    if (!result)
        return NULL;
    return render_cached(result, WN_FORMAT_MARKDOWN, &result->markdown, &result->markdown_len, len);
}

const char *wn_result_html(wn_result *result, size_t *len)
{
    if (!result)
        return NULL;
    return render_cached(result, WN_FORMAT_HTML, &result->html, &result->html_len, len);
}

static const wn_metadata empty_metadata = {
    {"", "", "", "", "", "", "", "", "", "", ""}, NULL, 0, NULL, 0, "", ""};

const wn_metadata *wn_result_metadata(const wn_result *result)
{
    return result && result->info.meta ? result->info.meta : &empty_metadata;
}

const char *wn_result_meta(const wn_result *result, wn_meta_field field)
{
    if ((unsigned)field >= WN_META_FIELD_COUNT)
        return "";
    const char *v = wn_result_metadata(result)->field[field];
    return v ? v : "";
}

const char *wn_meta_field_name(wn_meta_field field)
{
    static const char *const names[WN_META_FIELD_COUNT] = {
        "title", "author", "date", "modified", "site", "url", "description", "lang", "tags",
        "image", "license"};
    return (unsigned)field < WN_META_FIELD_COUNT ? names[field] : NULL;
}

const char *wn_result_charset(const wn_result *result)
{
    return result && result->info.charset ? result->info.charset : "";
}

wn_charset_source wn_result_charset_source(const wn_result *result)
{
    return result ? result->charset_source : WN_CHARSET_FALLBACK;
}

wn_status wn_result_degraded(const wn_result *result)
{
    return result ? result->degraded : WN_ERR_ARGUMENT;
}

const char *wn_result_title(const wn_result *result)
{
    return result && result->info.title ? result->info.title : "";
}

wn_article_source wn_result_article_source(const wn_result *result)
{
    return result ? result->source : WN_ARTICLE_NONE;
}

wn_page_kind wn_result_page_kind(const wn_result *result)
{
    return result ? result->kind : WN_PAGE_EMPTY;
}

int wn_result_has_article(const wn_result *result)
{
    return result && result->kind == WN_PAGE_ARTICLE;
}

const char *wn_page_kind_name(wn_page_kind kind)
{
    static const char *const names[] = {"article", "empty", "index", "sign-in", "error"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : NULL;
}

const char *wn_article_source_name(wn_article_source source)
{
    switch (source) {
    case WN_ARTICLE_SELECTED: return "selected";
    case WN_ARTICLE_NOSCRIPT: return "noscript";
    case WN_ARTICLE_TEMPLATE: return "template";
    case WN_ARTICLE_DECLARED: return "declared";
    case WN_ARTICLE_PROSE: return "prose";
    case WN_ARTICLE_NONE: return "none";
    case WN_ARTICLE_HEADER: return "header";
    }
    return "unknown";
}

/* How much of a compressed page is decompressed to tell what it holds:
 * more than the sniffers look at (a tar header sits at 257). */
#define REASON_PREFIX 4096

const char *wn_not_html_reason(const char *bytes, size_t len, const char *charset_hint)
{
    if (!bytes)
        return NULL;
    wn_codec_kind kind = wn_codec_sniff(bytes, len);
    if (kind == WN_CODEC_IDENTITY)
        return wn_sniff_not_text(bytes, len, charset_hint);
    char *inner;
    size_t inner_len;
    if (wn_decompress(kind, bytes, len, REASON_PREFIX, true, &inner, &inner_len) != WN_OK)
        return wn_sniff_not_text(bytes, len, charset_hint);
    if (inner_len == 0) {
        /* Nothing came out: corrupt data, which wn_extract() refuses as
         * such; named by its format here. */
        free(inner);
        return wn_sniff_not_text(bytes, len, charset_hint);
    }
    const char *reason = wn_sniff_not_text(inner, inner_len, charset_hint);
    free(inner);
    return reason;
}

int wn_is_probably_article(const wn_extractor *extractor, const char *bytes, size_t len,
                           const char *charset_hint)
{
    if (!extractor || (!bytes && len) || len > extractor->options.max_input_bytes)
        return 0;
    if (!bytes)
        bytes = "";
    char *owned = NULL;
    size_t cap = extractor->options.max_input_bytes;
    if (!(extractor->options.flags & WN_FLAG_NO_DECOMPRESS)) {
        wn_codec_kind kind = wn_codec_sniff(bytes, len);
        if (kind != WN_CODEC_IDENTITY && undo_coding(kind, cap, &bytes, &len, &owned) != WN_OK) {
            free(owned);
            return 0;
        }
    }
    int verdict = 0;
    if (!wn_sniff_not_text(bytes, len, charset_hint)) {
        wn_arena page;
        wn_arena_init(&page, extractor->options.max_memory_bytes);
        wn_decoded decoded;
        if (wn_decode_using(extractor->decoders, &page, bytes, len, charset_hint, &decoded) == WN_OK)
            verdict = wn_probe_score(decoded.utf8, decoded.len) > WN_PROBE_SCORE;
        wn_arena_release(&page);
    }
    free(owned);
    return verdict;
}

void wn_result_free(wn_result *result)
{
    if (!result)
        return;
    free(result->xml);
    free(result->text);
    free(result->explain);
    free(result->json);
    free(result->markdown);
    free(result->html);
    free(result->explain_html);
    wn_arena_release(&result->arena);
    free(result);
}
