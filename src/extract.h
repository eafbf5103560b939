/* The state one extraction builds, shared by the files of the public API:
 * extract.c runs the pipeline (decode -> guard -> parse -> blocks -> score
 * -> content -> verdict -> metadata), ladder_run.c runs the fallback
 * ladder (ladder.h) over a page whose region is tiny, result.c renders the
 * result and answers its accessors. */
#ifndef WN_EXTRACT_H
#define WN_EXTRACT_H

#include <stdint.h>

#include "winnow.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "guard/guard.h"
#include "input/decoders.h"
#include "meta/meta.h"
#include "output/content.h"
#include "output/render.h"
#include "parse.h"

struct wn_extractor {
    wn_options options;
    /* iconv descriptors, single-byte tables and detectors kept across pages;
     * shared by the threads, guarded inside (decoders.h). */
    wn_decoders *decoders;
    /* Scoring rules switched off: the names in WINNOW_RULES_OFF, read once
     * here. A debugging hook (see score/rules.def); empty in normal use. */
    wn_rule_set rules_off;
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
    char *explain, *explain_html; /* with WN_FLAG_EXPLAIN; malloc'ed */
    size_t explain_len, explain_html_len;
    /* The renderings wn_result_xml() and the like hand out, by format, made
     * on first use; malloc'ed. */
    char *rendered[WN_FORMAT_HTML + 1];
    size_t rendered_len[WN_FORMAT_HTML + 1];
};

/* The parse's CPU budget: a fixed 250 ms plus parse_ms_per_mib per MiB. */
static inline uint64_t wn_parse_budget_ns(const wn_options *options, size_t len)
{
    if (!options->parse_ms_per_mib)
        return 0;
    double mib = (double)len / (1024.0 * 1024.0);
    return (uint64_t)((250.0 + mib * options->parse_ms_per_mib) * 1e6);
}

/* The guard's and the block walk's limits, from the extractor's options. */
static inline wn_guard_limits wn_guard_limits_of(const wn_extractor *ex)
{
    wn_guard_limits limits = {ex->options.max_depth, ex->options.max_attributes, ex->options.max_nodes, 0,
                              (ex->options.flags & (WN_FLAG_LINKS | WN_FLAG_IMAGES)) != 0};
    return limits;
}

static inline wn_block_limits wn_block_limits_of(const wn_extractor *ex)
{
    /* The parser adds a few levels the guard does not model (<html>, <body>,
     * <tbody>): the tree's own cap sits a little above the guard's. */
    unsigned tree_depth = ex->options.max_depth + 32;
    wn_block_limits limits = {ex->options.max_nodes, tree_depth > 60000 ? 60000 : tree_depth,
                              false,
                              (ex->options.flags & (WN_FLAG_LINKS | WN_FLAG_IMAGES)) != 0};
    return limits;
}

/* The content of a scored doc (extract.c). With WN_FLAG_COMMENTS the scorer
 * first finds the page's comment thread, on a discussion the signatures of
 * its posts (score/threads.h); the content renders them. */
wn_status wn_build_content(const wn_doc *doc, const wn_result *res, wn_content *content);

/* The fallback ladder (ladder_run.c), when the scorer's region is tiny; a
 * region that is not tiny may still give way to the declared text.
 * *content_chars gets wn_content_chars() of the result's content as the
 * ladder leaves it (measured once). */
wn_status wn_extract_ladder(const wn_extractor *ex, wn_arena *page, const GumboOutput *parsed,
                            const char *utf8, const wn_guard_report *guard, wn_doc *doc,
                            wn_result *res, size_t *content_chars);

#endif
