/* The public API: one extraction runs decode -> parse -> blocks -> score ->
 * content, with all per-document state in two arenas (the page's, freed
 * before returning, and the result's). The ladder's run is in
 * ladder_run.c, the result's renderings and accessors in result.c. */
#include "extract.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "input/compress.h"
#include "input/decode.h"
#include "input/magic.h"
#include "input/sniff.h"
#include "ladder.h"
#include "output/render.h"
#include "output/url.h"
#include "phases.h"
#include "probe.h"
#include "score/score.h"
#include "score/kind.h"
#include "score/threads.h"
#include "verdict.h"

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

wn_status wn_build_content(const wn_doc *doc, const wn_result *res, wn_content *content)
{
    bool discussion = doc->page_kind == WN_DOC_DISCUSSION;
    if (!res->copts.comments && !discussion)
        return wn_content_build_with(doc, &res->copts, content);
    wn_content_opts opts = res->copts;
    wn_thread thread;
    wn_thread_posts posts;
    wn_status st = WN_OK;
    memset(&thread, 0, sizeof thread);
    memset(&posts, 0, sizeof posts);
    if (res->copts.comments) {
        st = wn_thread_find(doc, &thread);
        opts.thread = &thread;
    }
    /* A discussion's body is its posts, each with its author and date. */
    if (st == WN_OK && discussion) {
        st = wn_thread_find_posts(doc, &posts);
        opts.posts = &posts;
    }
    if (st == WN_OK)
        st = wn_content_build_with(doc, &opts, content);
    wn_thread_free(&thread);
    wn_thread_posts_free(&posts);
    return st;
}

/* The guard, then the parse of what it lets through (extract.c's
 * run_pipeline); the guard's copy goes in `copy`, charged to `page`. */
static wn_status guard_and_parse(const wn_extractor *ex, wn_arena *page, wn_arena *copy,
                                 const wn_decoded *decoded, wn_guard_report *guard,
                                 wn_result *res, GumboOutput **parsed, bool *charged,
                                 wn_phase_ns *times, uint64_t *mark)
{
    const char *html;
    size_t html_len;
    wn_guard_limits guard_limits = wn_guard_limits_of(ex);
    wn_status st = wn_guard(copy, decoded->utf8, decoded->len, &guard_limits, &html, &html_len, guard);
    if (st != WN_OK)
        return st;
    if (html != decoded->utf8)
        html = wn_arena_trim(copy, (void *)html, html_len);
    if (!wn_arena_charge(page, copy->reserved_bytes))
        return WN_ERR_MEMORY_LIMIT;
    *charged = true;
    if (guard->dropped_deep || guard->dropped_formatting)
        st = WN_ERR_TOO_DEEP;
    else if (guard->dropped_attributes)
        st = WN_ERR_TOO_MANY_ATTRIBUTES;
    if (st != WN_OK && (ex->options.flags & WN_FLAG_STRICT_LIMITS))
        return st;
    res->degraded = st;
    phase_tick(times, times ? &times->decode_guard : NULL, mark);
    st = wn_parse(page, html, html_len, wn_parse_budget_ns(&ex->options, html_len), parsed);
    if (st == WN_ERR_WORK_LIMIT) {
        /* The guard's model missed a shape: the page is parsed again as
         * plain paragraphs, which no parser can nest. */
        if (ex->options.flags & WN_FLAG_STRICT_LIMITS)
            return st;
        res->degraded = st;
        st = wn_guard_flatten(page, decoded->utf8, decoded->len, &html, &html_len);
        if (st == WN_OK)
            st = wn_parse(page, html, html_len, 0, parsed);
    }
    return st;
}

/* The page decoded into `text` (an arena of its own, limited to what the
 * page's limit leaves, charged to the page: *charge), or read in place. */
static wn_status decode_page(const wn_extractor *ex, wn_arena *page, wn_arena *text,
                             size_t *charge, const char *bytes, size_t len,
                             const char *charset_hint, wn_decoded *decoded)
{
    size_t held = page->reserved_bytes + page->charged_bytes;
    wn_arena_init(text, page->limit_bytes ? (held < page->limit_bytes ? page->limit_bytes - held : 1) : 0);
    wn_status st = wn_decode_borrowing(ex->decoders, text, bytes, len, charset_hint, decoded);
    if (text->limit_hit)
        page->limit_hit = 1;
    if (st != WN_OK)
        return st;
    /* The decoder made room for the worst case (three bytes a byte). */
    if (!decoded->borrowed)
        decoded->utf8 = wn_arena_trim(text, decoded->utf8, decoded->len + 1);
    size_t bytes_held = text->reserved_bytes + text->charged_bytes;
    if (!wn_arena_charge(page, bytes_held))
        return WN_ERR_MEMORY_LIMIT;
    *charge = bytes_held;
    return WN_OK;
}

/* The decoded page given back, and its charge (once). */
static void decoded_release(wn_arena *page, wn_arena *text, size_t *charge)
{
    wn_arena_uncharge(page, *charge);
    *charge = 0;
    wn_arena_release(text);
}

static wn_status parse_page(const wn_extractor *ex, wn_arena *page, wn_arena *text,
                            size_t *text_charge, const wn_decoded *decoded, wn_result *res,
                            wn_doc *doc, wn_phase_ns *times, uint64_t *mark);

static wn_status run_pipeline(const wn_extractor *ex, wn_arena *page, const char *bytes, size_t len,
                              const char *charset_hint, wn_result *res, wn_doc *doc,
                              wn_phase_ns *times, uint64_t *mark)
{
    if (wn_sniff_not_text(bytes, len, charset_hint))
        return WN_ERR_NOT_HTML;
    wn_decoded decoded;
    /* Valid UTF-8 is read in place (no copy); the rest is decoded into an
     * arena of its own, charged to the page's (decoded_release()). */
    wn_arena text;
    size_t text_charge = 0;
    wn_status st = decode_page(ex, page, &text, &text_charge, bytes, len, charset_hint, &decoded);
    if (st == WN_OK)
        st = parse_page(ex, page, &text, &text_charge, &decoded, res, doc, times, mark);
    decoded_release(page, &text, &text_charge);
    return st;
}

static wn_status parse_page(const wn_extractor *ex, wn_arena *page, wn_arena *text,
                            size_t *text_charge, const wn_decoded *decoded_in, wn_result *res,
                            wn_doc *doc, wn_phase_ns *times, uint64_t *mark)
{
    wn_decoded decoded = *decoded_in;
    wn_status st;
    res->info.charset = decoded.charset;
    res->charset_source = decoded.source;
    res->info.charset_source = source_name(decoded.source);

    /* Gumbo's superlinear shapes are cut before the parse (guard.h). The
     * guard's copy of the page, when it makes one, is read by the parse
     * alone (the tree keeps copies of its texts and attributes; nothing
     * reads Gumbo's pointers into its input): it lives in an arena of its
     * own, counted against the page's limit and freed after the parse. */
    wn_guard_report guard;
    GumboOutput *parsed;
    wn_arena copy;
    size_t held = page->reserved_bytes + page->charged_bytes;
    wn_arena_init(&copy, page->limit_bytes ? (held < page->limit_bytes ? page->limit_bytes - held : 1) : 0);
    bool charged = false;
    st = guard_and_parse(ex, page, &copy, &decoded, &guard, res, &parsed, &charged, times, mark);
    if (copy.limit_hit)
        page->limit_hit = 1;
    if (charged)
        wn_arena_uncharge(page, copy.reserved_bytes);
    wn_arena_release(&copy);
    if (st != WN_OK)
        return st;
    /* After the parse the decoded page is read only by the ladder's steps
     * over the markup of scripts (guard.hidden): without any, it goes. */
    if (guard.hidden_count == 0) {
        decoded_release(page, text, text_charge);
        decoded.utf8 = NULL;
    }
    phase_tick(times, times ? &times->parse : NULL, mark);
    /* What the page's arena takes after the parse is small (the build's
     * declarations, the head's strings): a chunk an eighth of the tree
     * stood mostly empty to the end. */
    page->growth_shift = 6;
    wn_block_limits limits = wn_block_limits_of(ex);
    st = wn_blocks_build(parsed, page, &limits, doc);
    if (st != WN_OK)
        return st;
    if (doc->flattened && res->degraded == WN_OK) {
        if (ex->options.flags & WN_FLAG_STRICT_LIMITS)
            return WN_ERR_TOO_DEEP;
        res->degraded = WN_ERR_TOO_DEEP;
    }
    doc->rules_off = ex->rules_off;
    doc->no_tables = (ex->options.flags & WN_FLAG_NO_TABLES) != 0;
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
    st = wn_build_content(doc, res, &res->content);
    size_t content_chars = 0;
    if (st == WN_OK)
        st = wn_extract_ladder(ex, page, parsed, decoded.utf8, &guard, doc, res, &content_chars);
    if (st != WN_OK)
        return st;
    /* No article here (verdict.h): the result says why, and holds nothing. */
    res->kind = wn_verdict(doc, content_chars);
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
    if (from_h1)
        wn_meta_offer_h1(&res->meta, res->info.title);
    /* The language of the text is read in extract(), once the page's
     * memory is gone: CLD2 takes some 170 KB of its own. */
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
    /* The result holds all the language detection reads (its content and
     * metadata, in its own arena). */
    if (st == WN_OK)
        wn_meta_detect_lang(&res->meta, &res->content);
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
