/* A worker's part of the run: extract one page (a file, a WARC record or a
 * JSON Lines record) and render it into the unit's memory, with its
 * messages captured; the calling thread writes both in turn (write.c). */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Extract one page; a failure is reported (a page refused as not HTML
 * counted in *not_html), and so is a page that holds no article (counted in
 * *no_article; its result is written all the same). */
static int extract_page(const job *j, const page_ref *page, const char *bytes, size_t len,
                        wn_result **result, size_t *not_html, size_t *no_article)
{
    const wn_warc_record *rec = page->record;
    wn_source source;
    wn_status status;

    wn_source_init(&source);
    source.charset_hint = rec && rec->charset ? rec->charset : j->args->charset;
    source.url = rec && *rec->target_uri ? rec->target_uri : j->args->url;
    if (rec)
        source.content_encoding = rec->content_encoding;
    else if (j->args->content_encoding)
        source.content_encoding = j->args->content_encoding;
    else if (cli_is_brotli_name(page->path))
        source.content_encoding = "br";
    source.record_id = rec ? rec->record_id : NULL;
    status = wn_extract_source(j->extractor, bytes, len, &source, result);
    if (status == WN_ERR_CHARSET && rec && rec->charset) {
        /* A record's charset label nobody knows: as a browser does, go on
         * as if there were none. */
        source.charset_hint = j->args->charset;
        status = wn_extract_source(j->extractor, bytes, len, &source, result);
    }
    switch (status) {
    case WN_OK:
        break;
    case WN_ERR_NOT_HTML:
        cli_report_not_html(page, bytes, len, source.charset_hint, not_html);
        return -1;
    case WN_ERR_DECOMPRESSED_TOO_LARGE:
        cli_report_limit(page, "larger than", j->max_input, " once decompressed");
        return -1;
    case WN_ERR_CORRUPT:
        cli_page_report(page, "corrupt or cut compressed data");
        return -1;
    default:
        cli_page_report(page, "%s", wn_status_message(status));
        return -1;
    }
    status = wn_result_degraded(*result);
    if (status != WN_OK)
        cli_page_report(page, "warning: %s; the excess was dropped before parsing",
                        wn_status_message(status));
    /* Written all the same (empty, with its title and metadata). */
    if (wn_result_page_kind(*result) != WN_PAGE_ARTICLE)
        (*no_article)++;
    switch (wn_result_page_kind(*result)) {
    case WN_PAGE_ARTICLE:
        break;
    case WN_PAGE_INDEX:
        cli_page_report(page, "no article here: an index page (a list of other pages' teasers)");
        break;
    case WN_PAGE_SIGN_IN:
        cli_page_report(page, "no article here: a sign-in page");
        break;
    case WN_PAGE_ERROR:
        cli_page_report(page, "no article here: an error page");
        break;
    case WN_PAGE_EMPTY:
    default:
        cli_page_report(page, "no article here: the page holds no prose");
        break;
    }
    return 0;
}

/* Pages of a WARC file on stdout. XML: each page's document without its
 * XML declaration, inside one <documents> element. */
typedef struct frame {
    cli_buf *out;
    int in_declaration; /* dropping "<?xml ...?>\n" */
} frame;

static int frame_sink(void *data, const char *bytes, size_t len)
{
    frame *f = data;
    while (f->in_declaration && len > 0) {
        if (bytes[0] == '\n')
            f->in_declaration = 0;
        bytes++;
        len--;
    }
    return len ? cli_buf_sink(f->out, bytes, len) : 0;
}

/* "==> URI RECORD-ID <==": control characters of a URI become '?'. */
static void write_separator(cli_buf *out, const wn_warc_record *rec)
{
    const char *parts[] = {"==> ", *rec->target_uri ? rec->target_uri : "-", " ",
                           *rec->record_id ? rec->record_id : "-", " <==\n"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        for (const char *p = parts[i]; *p; p++) {
            char c = (i == 4 || (unsigned char)*p >= 0x20) && *p != 0x7f ? *p : '?';
            cli_buf_append(out, &c, 1);
        }
    }
}

static void page_work(const job *j, unit *u)
{
    page_ref page = {u->path, u->has_record ? &u->record : NULL};
    wn_result *result;
    wn_format format = j->args->format;

    if (extract_page(j, &page, u->bytes, u->len, &result, &u->not_html, &u->no_article) != 0) {
        u->failures++;
        return;
    }
    if (u->dest == DEST_STDOUT_WARC && format == WN_FORMAT_XML) {
        frame f = {&u->out, 1};
        u->render_status = wn_result_write(result, format, frame_sink, &f);
    } else {
        if (u->dest == DEST_STDOUT_WARC && format != WN_FORMAT_JSON)
            write_separator(&u->out, &u->record);
        u->render_status = wn_result_write(result, format, cli_buf_sink, &u->out);
    }
    if (u->out.failed)
        u->render_status = WN_ERR_NOMEM;
    u->produced = 1;
    wn_result_free(result);
}

/* "not an HTML page: PNG image" and the other causes, as for a file. */
static void jsonl_cause(wn_status status, const char *bytes, size_t len, const char *hint,
                        char *cause, size_t size)
{
    const char *reason;
    switch (status) {
    case WN_ERR_NOT_HTML:
        reason = wn_not_html_reason(bytes, len, hint);
        snprintf(cause, size, "not an HTML page: %s", reason ? reason : "binary data");
        break;
    case WN_ERR_CORRUPT:
        snprintf(cause, size, "corrupt or cut compressed data");
        break;
    default:
        snprintf(cause, size, "%s", wn_status_message(status));
        break;
    }
}

static void jsonl_work(const job *j, unit *u)
{
    cli_jsonl_record rec;
    char cause[512];
    wn_status status = u->preset;

    u->produced = 1;
    if (status != WN_OK) {
        u->record_failed = 1;
        cli_jsonl_error(&u->out, NULL, u->line, status, wn_status_message(status));
        return;
    }
    if (cli_jsonl_parse(u->bytes, u->len, &rec, cause, sizeof cause) != 0) {
        u->record_failed = 1;
        cli_jsonl_error(&u->out, rec.url, u->line, WN_ERR_ARGUMENT, cause);
        cli_jsonl_record_free(&rec);
        return;
    }
    wn_source source;
    wn_result *result;
    wn_source_init(&source);
    source.url = rec.url;
    source.charset_hint = rec.charset_hint;
    status = wn_extract_source(j->extractor, rec.html, rec.html_len, &source, &result);
    if (status == WN_ERR_CHARSET && source.charset_hint) {
        /* An unknown label: as a browser does, go on as if there were none. */
        source.charset_hint = NULL;
        status = wn_extract_source(j->extractor, rec.html, rec.html_len, &source, &result);
    }
    if (status != WN_OK) {
        u->record_failed = 1;
        jsonl_cause(status, rec.html, rec.html_len, source.charset_hint, cause, sizeof cause);
        cli_jsonl_error(&u->out, rec.url, u->line, status, cause);
    } else {
        u->render_status = wn_result_write(result, WN_FORMAT_JSON, cli_buf_sink, &u->out);
        wn_result_free(result);
        if (u->render_status != WN_OK || u->out.failed) {
            u->record_failed = 1;
            u->out.len = 0;
            u->out.failed = 0;
            cli_jsonl_error(&u->out, rec.url, u->line, WN_ERR_NOMEM, wn_status_message(WN_ERR_NOMEM));
        }
    }
    cli_jsonl_record_free(&rec);
}

void cli_unit_work(void *ctx, void *item)
{
    run_state *r = ctx;
    unit *u = item;
    cli_buf *saved = cli_capture;

    cli_capture = &u->post;
    if (u->kind == UNIT_PAGE)
        page_work(r->j, u);
    else if (u->kind == UNIT_JSONL)
        jsonl_work(r->j, u);
    cli_capture = saved;
    /* The page is not needed any more: free it before the unit's turn. */
    free(u->bytes);
    u->bytes = NULL;
}
