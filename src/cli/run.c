/* Processing the inputs: read, extract, write; and the exit status.
 *
 * The calling thread reads the inputs, names the outputs and hands each
 * page to the pool (pipeline.c); workers extract and render it into
 * memory; the calling thread then writes every page's messages and output
 * in input order, so that -j N writes the same bytes as -j 1. */
/* sched_getaffinity() and CPU_COUNT come with the GNU extensions. */
#define _GNU_SOURCE
#include "cli.h"

#include <fcntl.h>
#include <sched.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What became of one input or page. */
typedef enum outcome {
    OUTCOME_DONE,
    OUTCOME_FAILED, /* reported on stderr */
    OUTCOME_STOPPED /* stdout's reader went away: stop quietly */
} outcome;

typedef struct job {
    const cli_args *args;
    wn_extractor *extractor;
    size_t max_input; /* wn_options.max_input_bytes */
    size_t read_cap;  /* max_input + 1, so too large an input is seen */
} job;

/* The file an input was at the start, to never write an output over it. */
typedef struct file_id {
    dev_t dev;
    ino_t ino;
    int known;
} file_id;

/* An output name and who took it first: an input, and for a WARC page its
 * record number. */
typedef struct claim {
    char *name;
    size_t input;
    unsigned long long record;
} claim;

/* Where the outputs go when writing to a directory: the names taken so
 * far (an open-addressing hash set), and what each input is. */
typedef struct output_plan {
    const cli_inputs *inputs;
    claim *claims;
    size_t claim_count, claim_capacity;
    file_id *ids;
} output_plan;

/* One page to extract: a plain input, or a page record of a WARC input. */
typedef struct page_ref {
    const char *path;
    const wn_warc_record *record; /* NULL for a plain input */
} page_ref;

const char *cli_display_name(const char *path)
{
    return strcmp(path, CLI_STDIN_PATH) == 0 ? "<stdin>" : path;
}

/* Print "winnow: [NAME: ]MESSAGE" on stderr as one line in one write.
 * Control characters become '?' (as ls -q shows them): a newline in a file
 * name must not split a message, so that every failure stays one line. */
/* --quiet: warnings are not written. */
static int quiet;

static int is_warning(const char *fmt)
{
    return strncmp(fmt, "warning:", 8) == 0;
}

static void print_message(const char *name, const char *fmt, va_list ap)
{
    char small[1024];
    char *line = small;
    size_t size = sizeof small;
    size_t len;
    va_list copy;
    int body;

    if (quiet && is_warning(fmt))
        return;
    va_copy(copy, ap);
    body = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (body >= 0) {
        /* "winnow: " NAME ": " BODY "\n" NUL */
        size_t wanted = 8 + (name ? strlen(name) + 2 : 0) + (size_t)body + 2;
        char *big = wanted > size ? malloc(wanted) : NULL;
        if (big) {
            line = big;
            size = wanted;
        }
    }
    /* Out of memory, the message is cut rather than lost. The last byte
     * is kept for the newline. */
    snprintf(line, size - 1, "winnow: %s%s", name ? name : "", name ? ": " : "");
    len = strlen(line);
    vsnprintf(line + len, size - 1 - len, fmt, ap);
    len = strlen(line);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
            line[i] = '?';
    line[len++] = '\n';
    cli_stderr_write(line, len);
    if (line != small)
        free(line);
}

void cli_vmessage(const char *fmt, va_list ap)
{
    print_message(NULL, fmt, ap);
}

void cli_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message(NULL, fmt, ap);
    va_end(ap);
}

void cli_report(const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message(cli_display_name(path), fmt, ap);
    va_end(ap);
}

/* "winnow: PATH: MESSAGE", or for a WARC page
 * "winnow: PATH: record N (URI): MESSAGE". */
static void page_report(const page_ref *page, const char *fmt, ...) CLI_PRINTF(2, 3);

static void page_report(const page_ref *page, const char *fmt, ...)
{
    char body[1024];
    va_list ap;
    if (quiet && is_warning(fmt))
        return;
    va_start(ap, fmt);
    if (!page->record) {
        print_message(cli_display_name(page->path), fmt, ap);
        va_end(ap);
        return;
    }
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    const wn_warc_record *r = page->record;
    cli_report(page->path, "record %llu (%s): %s", r->number,
               *r->target_uri ? r->target_uri : *r->record_id ? r->record_id : "no URI", body);
}

/* "not an HTML page: PNG image". */
static void report_not_html(const page_ref *page, const char *bytes, size_t len, const char *hint,
                            size_t *not_html)
{
    const char *reason = wn_not_html_reason(bytes, len, hint);
    const char *compressed = reason ? strstr(reason, "compressed data") : NULL;
    (*not_html)++;
    page_report(page, "not an HTML page: %s%s", reason ? reason : "binary data",
                compressed ? " (decompress it first)" : "");
}

/* "WHAT the 64 MiB limitAFTER". */
static void report_limit(const page_ref *page, const char *what, size_t limit, const char *after)
{
    if (limit % ((size_t)1 << 20) == 0)
        page_report(page, "%s the %zu MiB limit%s", what, limit >> 20, after);
    else
        page_report(page, "%s the %zu-byte limit%s", what, limit, after);
}

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
        report_not_html(page, bytes, len, source.charset_hint, not_html);
        return -1;
    case WN_ERR_DECOMPRESSED_TOO_LARGE:
        report_limit(page, "larger than", j->max_input, " once decompressed");
        return -1;
    case WN_ERR_CORRUPT:
        page_report(page, "corrupt or cut compressed data");
        return -1;
    default:
        page_report(page, "%s", wn_status_message(status));
        return -1;
    }
    status = wn_result_degraded(*result);
    if (status != WN_OK)
        page_report(page, "warning: %s; the excess was dropped before parsing",
                    wn_status_message(status));
    /* Written all the same (empty, with its title and metadata). */
    if (wn_result_page_kind(*result) != WN_PAGE_ARTICLE)
        (*no_article)++;
    switch (wn_result_page_kind(*result)) {
    case WN_PAGE_ARTICLE:
        break;
    case WN_PAGE_INDEX:
        page_report(page, "no article here: an index page (a list of other pages' teasers)");
        break;
    case WN_PAGE_SIGN_IN:
        page_report(page, "no article here: a sign-in page");
        break;
    case WN_PAGE_ERROR:
        page_report(page, "no article here: an error page");
        break;
    case WN_PAGE_EMPTY:
    default:
        page_report(page, "no article here: the page holds no prose");
        break;
    }
    return 0;
}

/* Read the rest of a plain input; a failure is reported. */
static int read_page(const job *j, const char *path, cli_source *source)
{
    page_ref page = {path, NULL};
    int err = cli_source_read_all(source, j->read_cap);

    if (err != 0) {
        cli_report(path, "%s", strerror(err));
        return -1;
    }
    /* Said here rather than by wn_extract() to name the limit: an endless
     * input (/dev/zero, a FIFO) stops at the cap with this message. */
    if (source->len > j->max_input) {
        report_limit(&page, "input larger than", j->max_input, "");
        return -1;
    }
    return 0;
}

/* Close stdout after the last output. */
static outcome finish_stdout(const char *path, cli_stream *stream, int failed, wn_status status)
{
    if (!failed && cli_stream_flush(stream) != 0)
        failed = 1;
    if (!failed && close(STDOUT_FILENO) != 0 && errno != EINTR) {
        stream->error = errno;
        failed = 1;
    }
    if (!failed)
        return OUTCOME_DONE;
    if (stream->error == EPIPE)
        return OUTCOME_STOPPED;
    cli_report(path, "standard output: %s",
               stream->error != 0 ? strerror(stream->error) : wn_status_message(status));
    return OUTCOME_FAILED;
}

/* Print "winnow: PATH: DIR/NAME: CAUSE", or with other given
 * "winnow: PATH: DIR/NAME: CAUSE OTHER; not written". */
static void report_output_error(const page_ref *page, const char *dir, const char *name,
                                const char *cause, const char *other)
{
    char *target = cli_path_join(dir, name);
    if (other)
        page_report(page, "%s: %s %s; not written", target ? target : name, cause, other);
    else
        page_report(page, "%s: %s", target ? target : name, cause);
    free(target);
}

/* ---- output names: the first input to claim a name keeps it ---- */

static size_t hash_name(const char *name)
{
    size_t h = 14695981039346656037u & SIZE_MAX;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * (1099511628211u & SIZE_MAX);
    return h;
}

static int claims_grow(output_plan *plan)
{
    size_t capacity = plan->claim_capacity ? plan->claim_capacity * 2 : 64;
    claim *slots = calloc(capacity, sizeof *slots);
    if (!slots || capacity > SIZE_MAX / sizeof *slots) {
        free(slots);
        return ENOMEM;
    }
    for (size_t i = 0; i < plan->claim_capacity; i++) {
        if (!plan->claims[i].name)
            continue;
        size_t k = hash_name(plan->claims[i].name) & (capacity - 1);
        while (slots[k].name)
            k = (k + 1) & (capacity - 1);
        slots[k] = plan->claims[i];
    }
    free(plan->claims);
    plan->claims = slots;
    plan->claim_capacity = capacity;
    return 0;
}

/* Claim name (taken over on success) for an input and record. Returns the
 * claim that holds it (another's when it was taken), or NULL when out of
 * memory (name freed). */
static const claim *claim_name(output_plan *plan, char *name, size_t input,
                               unsigned long long record)
{
    if ((plan->claim_count + 1) * 2 > plan->claim_capacity && claims_grow(plan) != 0) {
        free(name);
        return NULL;
    }
    size_t mask = plan->claim_capacity - 1;
    size_t k = hash_name(name) & mask;
    while (plan->claims[k].name) {
        if (strcmp(plan->claims[k].name, name) == 0) {
            free(name);
            return &plan->claims[k];
        }
        k = (k + 1) & mask;
    }
    plan->claims[k].name = name;
    plan->claims[k].input = input;
    plan->claims[k].record = record;
    plan->claim_count++;
    return &plan->claims[k];
}

static void output_plan_free(output_plan *plan)
{
    for (size_t i = 0; i < plan->claim_capacity; i++)
        free(plan->claims[i].name);
    free(plan->claims);
    free(plan->ids);
}

static void identify_input(const char *path, file_id *id)
{
    struct stat st;
    int ok = strcmp(path, CLI_STDIN_PATH) == 0 ? fstat(STDIN_FILENO, &st) : stat(path, &st);

    id->known = ok == 0 && S_ISREG(st.st_mode);
    if (id->known) {
        id->dev = st.st_dev;
        id->ino = st.st_ino;
    }
}

/* The input whose file target's directory entry is, or NULL. lstat():
 * rename() replaces a link at target, never the file it points to. */
static const char *input_at(const output_plan *plan, const char *target)
{
    struct stat st;

    if (lstat(target, &st) != 0)
        return NULL;
    for (size_t i = 0; i < plan->inputs->count; i++)
        if (plan->ids[i].known && plan->ids[i].dev == st.st_dev &&
            plan->ids[i].ino == st.st_ino)
            return plan->inputs->paths[i];
    return NULL;
}

static int output_plan_make(output_plan *plan, const cli_inputs *inputs)
{
    memset(plan, 0, sizeof *plan);
    plan->inputs = inputs;
    plan->ids = calloc(inputs->count ? inputs->count : 1, sizeof *plan->ids);
    if (!plan->ids)
        return ENOMEM;
    for (size_t i = 0; i < inputs->count; i++)
        identify_input(inputs->paths[i], &plan->ids[i]);
    return 0;
}

/* ---- the whole run ---- */

typedef enum unit_kind {
    UNIT_MESSAGES, /* messages (and failures) only */
    UNIT_PAGE,     /* a page to extract */
    UNIT_JSONL     /* a JSON Lines record to extract */
} unit_kind;

typedef enum unit_dest {
    DEST_STDOUT,      /* the single output */
    DEST_STDOUT_WARC, /* one of a WARC file's pages on stdout */
    DEST_FILE         /* DIR/NAME */
} unit_dest;

/* One item of work: what the reading thread found, what a worker made of
 * it, and what is written when its turn comes. */
typedef struct unit {
    unit_kind kind;
    unit_dest dest;
    const char *path;           /* the input (owned by the inputs) */
    int has_record;
    wn_warc_record record;      /* a WARC page: its strings are owned */
    char *bytes;                /* the page or record line (owned) */
    size_t len;
    const char *name;           /* DEST_FILE: the output name (owned by the plan) */
    unsigned long long line;    /* UNIT_JSONL: its line number */
    wn_status preset;           /* UNIT_JSONL: an error found while reading */
    unsigned long long position;/* input bytes read when it was handed over */
    int is_page;                /* counted by the progress line */
    cli_buf pre;                /* messages from reading */
    cli_buf post;               /* messages from extraction */
    cli_buf out;                /* the rendering */
    int produced;               /* out is to be written */
    wn_status render_status;
    int record_failed;          /* UNIT_JSONL: written as an error record */
    size_t failures;
    size_t not_html;
    size_t no_article;
} unit;

typedef struct run_state {
    const job *j;
    cli_pool *pool;
    unit *current;              /* being filled by the reading thread */
    output_plan *plan;          /* DEST_FILE */
    size_t input;               /* index of the input being read */
    unsigned long long base;    /* bytes of the inputs before this one */
    unsigned long long position;
    cli_stream *out;            /* stdout */
    int out_used;               /* something was written to stdout */
    int out_failed;             /* a rendering for stdout failed */
    wn_status out_status;
    int out_stopped;            /* stdout failed or its reader went away */
    size_t failures;
    size_t not_html;
    size_t no_article;
} run_state;

static void out_of_memory(void)
{
    cli_capture = NULL;
    cli_message("%s", strerror(ENOMEM));
    exit(CLI_EXIT_FAILED);
}

/* The unit the reading thread is filling; its messages are captured. */
static unit *current(run_state *r)
{
    if (!r->current) {
        r->current = calloc(1, sizeof *r->current);
        if (!r->current)
            out_of_memory();
    }
    cli_capture = &r->current->pre;
    return r->current;
}

static void unit_free(unit *u)
{
    free(u->bytes);
    if (u->has_record) {
        free((char *)u->record.type);
        free((char *)u->record.record_id);
        free((char *)u->record.target_uri);
        free((char *)u->record.content_type);
        free((char *)u->record.charset);
        free((char *)u->record.content_encoding);
    }
    cli_buf_free(&u->pre);
    cli_buf_free(&u->post);
    cli_buf_free(&u->out);
    free(u);
}

static char *copy_or_null(const char *s)
{
    char *c;
    if (!s)
        return NULL;
    c = strdup(s);
    if (!c)
        out_of_memory();
    return c;
}

/* Keep a WARC record's fields: the reader reuses them. */
static void unit_take_record(unit *u, const wn_warc_record *rec)
{
    u->has_record = 1;
    u->record = *rec;
    u->record.type = copy_or_null(rec->type);
    u->record.record_id = copy_or_null(rec->record_id);
    u->record.target_uri = copy_or_null(rec->target_uri);
    u->record.content_type = copy_or_null(rec->content_type);
    u->record.charset = copy_or_null(rec->charset);
    u->record.content_encoding = copy_or_null(rec->content_encoding);
    u->record.payload = NULL;
    u->bytes = malloc(rec->payload_len ? rec->payload_len : 1);
    if (!u->bytes)
        out_of_memory();
    if (rec->payload_len)
        memcpy(u->bytes, rec->payload, rec->payload_len);
    u->len = rec->payload_len;
}

/* Hand the current unit over (even one with only messages). */
static void submit(run_state *r)
{
    unit *u = current(r);
    r->current = NULL;
    cli_capture = NULL;
    u->position = r->position;
    cli_pool_submit(r->pool, u, u->len);
}

/* ---- the workers' part ---- */

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

static void unit_work(void *ctx, void *item)
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

/* ---- the writing thread's part ---- */

/* Write a rendering to DIR/name through a temporary file; name may have
 * directories, which are created. */
static size_t write_to_file(const job *j, const page_ref *page, const char *name, const unit *u)
{
    static cli_stream stream;
    cli_atomic_file file;
    const char *slash = strrchr(name, '/');
    char *dir = NULL;
    int err;

    if (slash) {
        char *sub = strndup(name, (size_t)(slash - name));
        dir = sub ? cli_path_join(j->args->output_dir, sub) : NULL;
        free(sub);
        err = dir ? cli_make_directory(dir) : ENOMEM;
        if (err != 0) {
            report_output_error(page, j->args->output_dir, name, strerror(err), NULL);
            free(dir);
            return 1;
        }
    }
    err = cli_atomic_open(&file, dir ? dir : j->args->output_dir, slash ? slash + 1 : name);
    free(dir);
    if (err != 0) {
        report_output_error(page, j->args->output_dir, name, strerror(err), NULL);
        return 1;
    }
    cli_stream_init(&stream, file.fd);
    if (u->render_status == WN_OK && u->out.len > 0)
        cli_stream_sink(&stream, u->out.data, u->out.len);
    if (u->render_status != WN_OK || cli_stream_flush(&stream) != 0) {
        cli_atomic_abort(&file);
        page_report(page, "%s: %s", file.target,
                    stream.error != 0 ? strerror(stream.error) : wn_status_message(u->render_status));
        err = -1;
    } else if ((err = cli_atomic_commit(&file)) != 0) {
        page_report(page, "%s: %s", file.target, strerror(err));
    }
    cli_atomic_release(&file);
    return err == 0 ? 0 : 1;
}

/* Write a page (or record) to stdout. Returns non-zero to stop. */
static int write_to_stdout(run_state *r, unit *u)
{
    page_ref page = {u->path, u->has_record ? &u->record : NULL};

    r->out_used = 1;
    if (u->dest == DEST_STDOUT) {
        /* The single output: finish_stdout() tells of a failure. */
        if (u->render_status != WN_OK) {
            r->out_failed = 1;
            r->out_status = u->render_status;
        } else if (u->out.len > 0) {
            cli_stream_sink(r->out, u->out.data, u->out.len);
        }
        return 0;
    }
    if (u->render_status == WN_OK && u->out.len > 0)
        cli_stream_sink(r->out, u->out.data, u->out.len);
    if (r->out->error == EPIPE) {
        r->out_stopped = 1;
        return 1;
    }
    if (r->out->error != 0 || u->render_status != WN_OK) {
        page_report(&page, "standard output: %s",
                    r->out->error != 0 ? strerror(r->out->error)
                                       : wn_status_message(u->render_status));
        if (r->out->error != 0) {
            /* Nothing more can be written. */
            r->out_stopped = 1;
            r->failures++;
            return 1;
        }
        u->failures++;
    }
    return 0;
}

static int unit_commit(void *ctx, void *item, int discard)
{
    run_state *r = ctx;
    unit *u = item;
    cli_buf *saved = cli_capture;
    int stop = 0;

    cli_capture = NULL;
    if (!discard) {
        if (u->pre.len)
            cli_stderr_write(u->pre.data, u->pre.len);
        if (u->post.len)
            cli_stderr_write(u->post.data, u->post.len);
        if (u->produced) {
            if (u->dest == DEST_FILE) {
                page_ref page = {u->path, u->has_record ? &u->record : NULL};
                u->failures += write_to_file(r->j, &page, u->name, u);
            } else {
                stop = write_to_stdout(r, u);
            }
        }
        r->failures += u->failures;
        r->not_html += u->not_html;
        r->no_article += u->no_article;
        if (u->is_page)
            cli_progress_page(u->failures != 0 || u->record_failed, u->position);
    }
    cli_capture = saved;
    unit_free(u);
    return stop;
}

/* ---- the reading thread's part ---- */

/* Take the output name of a page, or say why it cannot be written.
 * Returns the name (owned by the plan), or NULL after a report. */
static const char *take_output_name(run_state *r, const page_ref *page)
{
    const char *dir = r->j->args->output_dir;
    unsigned long long record = page->record ? page->record->number : 0;
    char *name = cli_output_name(r->plan->inputs->names[r->input], record, r->j->args->format);
    const claim *c = name ? claim_name(r->plan, name, r->input, record) : NULL;

    if (!c) {
        page_report(page, "%s", strerror(ENOMEM));
        return NULL;
    }
    if (c->input != r->input || c->record != record) {
        /* Two inputs named alike: the first keeps the name, so that a
         * run's outputs never depend on which input came last. */
        char other[64];
        const char *owner = cli_display_name(r->plan->inputs->paths[c->input]);
        char *both = NULL;
        if (c->record) {
            snprintf(other, sizeof other, " record %llu", c->record);
            both = malloc(strlen(owner) + strlen(other) + 1);
            if (both) {
                strcpy(both, owner);
                strcat(both, other);
            }
        }
        report_output_error(page, dir, c->name, "already the output of", both ? both : owner);
        free(both);
        return NULL;
    }
    char *target = cli_path_join(dir, c->name);
    const char *input = target ? input_at(r->plan, target) : NULL;
    free(target);
    if (input) {
        /* rename() would put our output where an input was (-f text
         * on a .txt input, say): inputs are never modified. */
        report_output_error(page, dir, c->name, "would replace the input", cli_display_name(input));
        return NULL;
    }
    return c->name;
}

/* A page that failed before extraction: its messages, one failure. */
static void submit_failed_page(run_state *r)
{
    unit *u = current(r);
    u->failures++;
    u->is_page = 1;
    submit(r);
}

/* Hand every page record of a WARC input over, in order. */
static void read_warc(run_state *r, const char *path, cli_source *source, unit_dest dest)
{
    wn_warc_reader *reader;
    const job *j = r->j;
    wn_status st;

    current(r);
    st = wn_warc_open(cli_source_read, source, j->max_input, &reader);
    if (st != WN_OK) {
        cli_report(path, "%s", wn_status_message(st));
        current(r)->failures++;
        return;
    }
    while (!cli_pool_stopped(r->pool)) {
        const wn_warc_record *rec;
        unit *u = current(r);
        st = wn_warc_next(reader, &rec);
        r->position = r->base + source->consumed;
        if (rec && rec->skipped_bytes)
            cli_report(path, "warning: %llu bytes that are not WARC records skipped before record %llu",
                       rec->skipped_bytes, rec->number);
        if (st == WN_OK && !rec)
            break;
        if (st == WN_ERR_INPUT_TOO_LARGE) {
            page_ref page = {path, rec};
            report_limit(&page, "warning: skipped, larger than", j->max_input, "");
            continue;
        }
        if (st != WN_OK) {
            if (st == WN_ERR_READ)
                cli_report(path, "%s", strerror(source->error));
            else if (st == WN_ERR_CORRUPT)
                cli_report(path, "corrupt WARC file: %s", wn_warc_error(reader));
            else
                cli_report(path, "%s", wn_status_message(st));
            u->failures++;
            break;
        }
        page_ref page = {path, rec};
        if (dest == DEST_FILE) {
            u->name = take_output_name(r, &page);
            if (!u->name) {
                submit_failed_page(r);
                continue;
            }
        }
        u->kind = UNIT_PAGE;
        u->dest = dest;
        u->path = path;
        u->is_page = 1;
        unit_take_record(u, rec);
        submit(r);
    }
    wn_warc_free(reader);
}

/* The single input to stdout: a page, or the pages of a WARC file. */
static void read_to_stdout(run_state *r, const char *path)
{
    cli_source source;
    unit *u = current(r);
    int err = cli_source_open(&source, path);
    int xml = r->j->args->format == WN_FORMAT_XML;

    if (err != 0) {
        cli_report(path, "%s", strerror(err));
        submit_failed_page(r);
        return;
    }
    if (wn_is_warc(source.bytes, source.len)) {
        if (xml) {
            const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<documents>\n";
            cli_stream_sink(r->out, head, strlen(head));
        }
        read_warc(r, path, &source, DEST_STDOUT_WARC);
        submit(r);
        cli_pool_finish(r->pool);
        r->pool = NULL;
        cli_source_close(&source);
        if (r->out_stopped)
            return;
        if (xml)
            cli_stream_sink(r->out, "</documents>\n", strlen("</documents>\n"));
        r->failures += finish_stdout(path, r->out, 0, WN_OK) == OUTCOME_FAILED;
        return;
    }
    if (read_page(r->j, path, &source) != 0) {
        cli_source_close(&source);
        submit_failed_page(r);
        return;
    }
    u->kind = UNIT_PAGE;
    u->dest = DEST_STDOUT;
    u->path = path;
    u->is_page = 1;
    u->bytes = source.bytes;
    u->len = source.len;
    source.bytes = NULL;
    r->position = source.consumed;
    cli_source_close(&source);
    submit(r);
    cli_pool_finish(r->pool);
    r->pool = NULL;
    if (r->out_used)
        r->failures += finish_stdout(path, r->out, r->out_failed || r->out->error != 0,
                                     r->out_status) == OUTCOME_FAILED;
}

static void read_input_to_directory(run_state *r)
{
    const char *path = r->plan->inputs->paths[r->input];
    page_ref page = {path, NULL};
    cli_source source;
    unit *u = current(r);
    int err = cli_source_open(&source, path);

    if (err != 0) {
        /* The name is still this input's: outputs never depend on which
         * inputs could be read. */
        char *name = cli_output_name(r->plan->inputs->names[r->input], 0, r->j->args->format);
        if (name)
            claim_name(r->plan, name, r->input, 0);
        cli_report(path, "%s", strerror(err));
        submit_failed_page(r);
        return;
    }
    if (wn_is_warc(source.bytes, source.len)) {
        read_warc(r, path, &source, DEST_FILE);
    } else if (!(u->name = take_output_name(r, &page))) {
        submit_failed_page(r);
    } else if (read_page(r->j, path, &source) != 0) {
        submit_failed_page(r);
    } else {
        u->kind = UNIT_PAGE;
        u->dest = DEST_FILE;
        u->path = path;
        u->is_page = 1;
        u->bytes = source.bytes;
        u->len = source.len;
        source.bytes = NULL;
        r->position = r->base + source.consumed;
        submit(r);
    }
    r->base += source.consumed;
    r->position = r->base;
    cli_source_close(&source);
}

static void read_to_directory(run_state *r, const cli_inputs *inputs)
{
    output_plan plan;

    if (output_plan_make(&plan, inputs) != 0) {
        cli_message("%s", strerror(ENOMEM));
        output_plan_free(&plan);
        r->failures += inputs->count ? inputs->count : 1;
        return;
    }
    r->plan = &plan;
    for (r->input = 0; r->input < inputs->count && !cli_pool_stopped(r->pool); r->input++)
        read_input_to_directory(r);
    if (r->current)
        submit(r);
    cli_pool_finish(r->pool);
    r->pool = NULL;
    output_plan_free(&plan);
    r->plan = NULL;
}

/* ---- JSON Lines in ---- */

/* Lines of one input. */
typedef struct line_reader {
    int fd;
    char *buffer;
    size_t start, len, capacity;
    int eof;
    int error;
} line_reader;

/* The next line (without its newline) in *line, *len. A line longer than
 * cap is skipped: *too_long is set and *line is NULL. Returns 1, 0 at the
 * end, -1 on a read error. */
static int next_line(line_reader *lr, size_t cap, const char **line, size_t *len, int *too_long,
                     unsigned long long *consumed)
{
    size_t scanned = 0;
    *too_long = 0;
    for (;;) {
        size_t unscanned = lr->len - lr->start - scanned;
        char *nl = unscanned ? memchr(lr->buffer + lr->start + scanned, '\n', unscanned) : NULL;
        if (nl) {
            *line = *too_long ? NULL : lr->buffer + lr->start;
            *len = *too_long ? 0 : (size_t)(nl - (lr->buffer + lr->start));
            lr->start = (size_t)(nl - lr->buffer) + 1;
            return 1;
        }
        scanned = lr->len - lr->start;
        if (scanned > cap)
            *too_long = 1;
        if (*too_long) {
            /* Keep none of it: only the newline is looked for. */
            lr->start = lr->len = 0;
            scanned = 0;
        }
        if (lr->eof) {
            if (lr->len == lr->start && !*too_long)
                return 0;
            *line = *too_long ? NULL : lr->buffer + lr->start;
            *len = lr->len - lr->start;
            lr->start = lr->len;
            return 1;
        }
        if (lr->start > 0) {
            memmove(lr->buffer, lr->buffer + lr->start, lr->len - lr->start);
            lr->len -= lr->start;
            lr->start = 0;
        }
        if (lr->len == lr->capacity) {
            size_t capacity = lr->capacity ? lr->capacity * 2 : 65536;
            char *bigger = realloc(lr->buffer, capacity);
            if (!bigger)
                out_of_memory();
            lr->buffer = bigger;
            lr->capacity = capacity;
        }
        ssize_t n = read(lr->fd, lr->buffer + lr->len, lr->capacity - lr->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            lr->error = errno;
            return -1;
        }
        if (n == 0)
            lr->eof = 1;
        lr->len += (size_t)n;
        *consumed += (unsigned long long)n;
    }
}

static int is_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            return 0;
    return 1;
}

static void read_jsonl(run_state *r, const cli_inputs *inputs)
{
    /* A record holds the page escaped (up to 6 bytes a byte) or in base64. */
    size_t cap = r->j->max_input <= (SIZE_MAX - (1u << 20)) / 6 ? r->j->max_input * 6 + (1u << 20)
                                                               : SIZE_MAX / 2;

    for (size_t i = 0; i < inputs->count && !cli_pool_stopped(r->pool); i++) {
        const char *path = inputs->paths[i];
        line_reader lr = {0};
        unsigned long long consumed = 0, number = 0;
        const char *line;
        size_t len;
        int too_long, got;

        current(r);
        lr.fd = strcmp(path, CLI_STDIN_PATH) == 0 ? STDIN_FILENO : open(path, O_RDONLY);
        if (lr.fd < 0) {
            cli_report(path, "%s", strerror(errno));
            current(r)->failures++;
            continue;
        }
        while (!cli_pool_stopped(r->pool) &&
               (got = next_line(&lr, cap, &line, &len, &too_long, &consumed)) == 1) {
            number++;
            r->position = r->base + consumed;
            if (!too_long && is_blank(line, len))
                continue;
            unit *u = current(r);
            u->kind = UNIT_JSONL;
            u->dest = DEST_STDOUT_WARC;
            u->path = path;
            u->line = number;
            u->is_page = 1;
            if (too_long) {
                u->preset = WN_ERR_INPUT_TOO_LARGE;
            } else {
                u->bytes = malloc(len ? len : 1);
                if (!u->bytes)
                    out_of_memory();
                memcpy(u->bytes, line, len);
                u->len = len;
            }
            submit(r);
        }
        if (!cli_pool_stopped(r->pool) && lr.error) {
            cli_report(path, "%s", strerror(lr.error));
            current(r)->failures++;
        }
        r->base += consumed;
        if (lr.fd != STDIN_FILENO)
            close(lr.fd);
        free(lr.buffer);
    }
    if (r->current)
        submit(r);
    cli_pool_finish(r->pool);
    r->pool = NULL;
    if (!r->out_stopped)
        r->failures += finish_stdout(inputs->count ? inputs->paths[0] : CLI_STDIN_PATH, r->out, 0,
                                     WN_OK) == OUTCOME_FAILED;
}

static int make_extractor(const cli_args *args, job *j)
{
    wn_options options;
    wn_status status;

    wn_options_init(&options);
    options.flags |= args->flags;
    status = wn_extractor_new(&options, &j->extractor);
    if (status != WN_OK) {
        cli_message("cannot set up the extractor: %s", wn_status_message(status));
        return -1;
    }
    j->args = args;
    j->max_input = options.max_input_bytes;
    j->read_cap = options.max_input_bytes < SIZE_MAX ? options.max_input_bytes + 1 : SIZE_MAX;
    return 0;
}

/* Check the destination before any work: -o DIR must be usable. Returns an
 * exit status to stop with, or -1 to go on. */
static int check_destination(const cli_args *args)
{
    int err;

    if (!args->output_dir)
        return -1;
    time_t started = time(NULL);
    err = cli_make_directory(args->output_dir);
    if (err != 0) {
        cli_report(args->output_dir, "cannot create the output directory: %s",
                   strerror(err));
        return CLI_EXIT_FAILED;
    }
    cli_clean_stale_temporaries(args->output_dir, started);
    return -1;
}

/* The number of cores this process may run on. */
static unsigned core_count(void)
{
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
#endif
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* The size of all inputs when every one is a regular file, else 0. */
static unsigned long long total_size(const cli_inputs *inputs)
{
    unsigned long long total = 0;
    for (size_t i = 0; i < inputs->count; i++) {
        struct stat st;
        int ok = strcmp(inputs->paths[i], CLI_STDIN_PATH) == 0 ? fstat(STDIN_FILENO, &st)
                                                                : stat(inputs->paths[i], &st);
        if (ok != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (unsigned long long)st.st_size;
    }
    return total;
}

static size_t process_all(const job *j, const cli_inputs *inputs, size_t *not_html,
                          size_t *no_article)
{
    static cli_stream out;
    run_state r;
    unsigned jobs = j->args->jobs ? j->args->jobs : core_count();

    memset(&r, 0, sizeof r);
    r.j = j;
    r.out = &out;
    cli_stream_init(&out, STDOUT_FILENO);
    /* One worker is the calling thread itself. */
    r.pool = cli_pool_new(jobs > 1 ? jobs : 0, unit_work, unit_commit, &r);
    if (!r.pool) {
        cli_message("%s", strerror(ENOMEM));
        return 1;
    }
    /* The progress line goes to a terminal, and not to the one the output
     * is being written to. */
    cli_progress_start(!quiet && isatty(STDERR_FILENO) &&
                           (j->args->output_dir || !isatty(STDOUT_FILENO)),
                       total_size(inputs));
    if (j->args->input_jsonl)
        read_jsonl(&r, inputs);
    else if (j->args->output_dir)
        read_to_directory(&r, inputs);
    else if (inputs->count > 0)
        read_to_stdout(&r, inputs->paths[0]);
    if (r.pool) {
        if (r.current)
            submit(&r);
        cli_pool_finish(r.pool);
    }
    cli_capture = NULL;
    cli_progress_end();
    *not_html = r.not_html;
    *no_article = r.no_article;
    return r.failures;
}

int cli_run(const cli_args *args)
{
    cli_inputs inputs;
    size_t failures = 0;
    size_t not_html = 0, no_article = 0;
    job j;
    int status;
    int err;
    cli_args effective = *args;

    quiet = args->quiet;
    err = cli_inputs_expand(args, &inputs, &failures);
    if (err != 0) {
        cli_inputs_free(&inputs);
        if (err == EINVAL)
            return CLI_EXIT_USAGE;
        cli_message("%s", strerror(ENOMEM));
        return CLI_EXIT_FAILED;
    }
    /* Several inputs cannot share stdout: each gets its own file, in the
     * current directory unless -o says otherwise. JSON Lines records all
     * go to stdout. */
    if (!effective.output_dir && inputs.count > 1 && !effective.input_jsonl)
        effective.output_dir = ".";
    args = &effective;
    status = check_destination(args);
    if (status < 0 && make_extractor(args, &j) != 0)
        status = CLI_EXIT_FAILED;
    if (status < 0) {
        failures += process_all(&j, &inputs, &not_html, &no_article);
        wn_extractor_free(j.extractor);
        /* JSON Lines records say so in the record: a map task does not fail
         * for a page without an article. */
        if (args->input_jsonl)
            no_article = 0;
        status = failures == 0 ? (no_article ? CLI_EXIT_NO_ARTICLE : CLI_EXIT_OK)
                 : failures == not_html ? CLI_EXIT_NOT_HTML : CLI_EXIT_FAILED;
    }
    cli_inputs_free(&inputs);
    return status;
}
