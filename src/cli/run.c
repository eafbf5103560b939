/* Processing the inputs: read, extract, write; and the exit status. */
#include "cli.h"

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
static void print_message(const char *name, const char *fmt, va_list ap)
{
    char small[1024];
    char *line = small;
    size_t size = sizeof small;
    size_t len;
    va_list copy;
    int body;

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
    fwrite(line, 1, len, stderr);
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

/* Inputs refused as not HTML, and pages that hold no article, for the
 * exit status. */
static size_t not_html_inputs;
static size_t no_article_pages;

/* "winnow: PATH: MESSAGE", or for a WARC page
 * "winnow: PATH: record N (URI): MESSAGE". */
static void page_report(const page_ref *page, const char *fmt, ...) CLI_PRINTF(2, 3);

static void page_report(const page_ref *page, const char *fmt, ...)
{
    char body[1024];
    va_list ap;
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
static void report_not_html(const page_ref *page, const char *bytes, size_t len, const char *hint)
{
    const char *reason = wn_not_html_reason(bytes, len, hint);
    const char *compressed = reason ? strstr(reason, "compressed data") : NULL;
    not_html_inputs++;
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

/* Extract one page; a failure is reported. */
static int extract_page(const job *j, const page_ref *page, const char *bytes, size_t len,
                        wn_result **result)
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
        report_not_html(page, bytes, len, source.charset_hint);
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
    switch (wn_result_page_kind(*result)) {
    case WN_PAGE_ARTICLE:
        break;
    case WN_PAGE_INDEX:
        no_article_pages++;
        page_report(page, "no article here: an index page (a list of other pages' teasers)");
        break;
    case WN_PAGE_SIGN_IN:
        no_article_pages++;
        page_report(page, "no article here: a sign-in page");
        break;
    case WN_PAGE_ERROR:
        no_article_pages++;
        page_report(page, "no article here: an error page");
        break;
    case WN_PAGE_EMPTY:
    default:
        no_article_pages++;
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

/* Render a result into a stream and flush it. Returns 0, or -1 with either
 * stream->error (an errno) or *status set. */
static int write_result(const job *j, const wn_result *result, cli_stream *stream,
                        wn_status *status)
{
    *status = wn_result_write(result, j->args->format, cli_stream_sink, stream);
    if (*status != WN_OK && stream->error == 0)
        return -1;
    return cli_stream_flush(stream) == 0 ? 0 : -1;
}

static const char *write_failure_cause(const cli_stream *stream, wn_status status)
{
    return stream->error != 0 ? strerror(stream->error) : wn_status_message(status);
}

/* ---- WARC input ---- */

typedef outcome (*page_fn)(void *context, const page_ref *page, const char *bytes, size_t len);

/* Hand every page record of a WARC input to fn, in order. Returns the
 * number of failures; *stopped when fn said so. */
static size_t each_warc_page(const job *j, const char *path, cli_source *source, page_fn fn,
                             void *context, int *stopped)
{
    wn_warc_reader *reader;
    size_t failures = 0;
    wn_status st = wn_warc_open(cli_source_read, source, j->max_input, &reader);

    *stopped = 0;
    if (st != WN_OK) {
        cli_report(path, "%s", wn_status_message(st));
        return 1;
    }
    for (;;) {
        const wn_warc_record *rec;
        st = wn_warc_next(reader, &rec);
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
            failures++;
            break;
        }
        page_ref page = {path, rec};
        outcome o = fn(context, &page, rec->payload, rec->payload_len);
        if (o == OUTCOME_FAILED)
            failures++;
        if (o == OUTCOME_STOPPED) {
            *stopped = 1;
            break;
        }
    }
    wn_warc_free(reader);
    return failures;
}

/* ---- standard output ---- */

/* Pages of a WARC file on stdout. XML: each page's document without its
 * XML declaration, inside one <documents> element. */
typedef struct stdout_frame {
    const job *j;
    cli_stream *stream;
    int in_declaration; /* dropping "<?xml ...?>\n" */
} stdout_frame;

static int frame_sink(void *data, const char *bytes, size_t len)
{
    stdout_frame *f = data;
    while (f->in_declaration && len > 0) {
        if (bytes[0] == '\n')
            f->in_declaration = 0;
        bytes++;
        len--;
    }
    return len ? cli_stream_sink(f->stream, bytes, len) : 0;
}

/* "==> URI RECORD-ID <==": control characters of a URI become '?'. */
static int write_separator(cli_stream *stream, const wn_warc_record *rec)
{
    const char *parts[] = {"==> ", *rec->target_uri ? rec->target_uri : "-", " ",
                           *rec->record_id ? rec->record_id : "-", " <==\n"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char clean[256];
        const char *p = parts[i];
        size_t n = strlen(p);
        while (n > 0) {
            size_t k = n < sizeof clean ? n : sizeof clean;
            for (size_t c = 0; c < k; c++)
                clean[c] = (i == 4 || (unsigned char)p[c] >= 0x20) && p[c] != 0x7f ? p[c] : '?';
            if (cli_stream_sink(stream, clean, k) != 0)
                return -1;
            p += k;
            n -= k;
        }
    }
    return 0;
}

static outcome stdout_page(void *context, const page_ref *page, const char *bytes, size_t len)
{
    stdout_frame *f = context;
    wn_result *result;
    wn_status status = WN_OK;

    if (extract_page(f->j, page, bytes, len, &result) != 0)
        return OUTCOME_FAILED;
    if (f->j->args->format == WN_FORMAT_XML) {
        f->in_declaration = 1;
        status = wn_result_write(result, WN_FORMAT_XML, frame_sink, f);
    } else if (f->j->args->format == WN_FORMAT_JSON) {
        /* JSON Lines: each object is one line with its url and record_id. */
        status = wn_result_write(result, WN_FORMAT_JSON, cli_stream_sink, f->stream);
    } else if (write_separator(f->stream, page->record) == 0) {
        status = wn_result_write(result, f->j->args->format, cli_stream_sink, f->stream);
    }
    wn_result_free(result);
    if (f->stream->error == EPIPE)
        return OUTCOME_STOPPED;
    if (f->stream->error != 0 || status != WN_OK) {
        page_report(page, "standard output: %s", write_failure_cause(f->stream, status));
        return f->stream->error != 0 ? OUTCOME_STOPPED : OUTCOME_FAILED;
    }
    return OUTCOME_DONE;
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
    cli_report(path, "standard output: %s", write_failure_cause(stream, status));
    return OUTCOME_FAILED;
}

static size_t warc_to_stdout(const job *j, const char *path, cli_source *source)
{
    static cli_stream stream;
    stdout_frame frame = {j, &stream, 0};
    int xml = j->args->format == WN_FORMAT_XML;
    int stopped;
    size_t failures;

    cli_stream_init(&stream, STDOUT_FILENO);
    if (xml) {
        const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<documents>\n";
        cli_stream_sink(&stream, head, strlen(head));
    }
    failures = each_warc_page(j, path, source, stdout_page, &frame, &stopped);
    if (stopped && stream.error != 0)
        return stream.error == EPIPE ? failures : failures + 1;
    if (xml)
        cli_stream_sink(&stream, "</documents>\n", strlen("</documents>\n"));
    return failures + (finish_stdout(path, &stream, 0, WN_OK) == OUTCOME_FAILED);
}

/* stdout gets the single output. A closed pipe (EPIPE: `winnow x | head`)
 * is not an error: the reader has all it wanted, so we stop quietly with
 * status 0, as cat and most Unix tools do. SIGPIPE is ignored in main().
 * Returns the number of failures. */
static size_t process_to_stdout(const job *j, const char *path)
{
    static cli_stream stream;
    page_ref page = {path, NULL};
    cli_source source;
    wn_result *result;
    wn_status status;
    int err = cli_source_open(&source, path);
    int failed;

    if (err != 0) {
        cli_report(path, "%s", strerror(err));
        return 1;
    }
    if (wn_is_warc(source.bytes, source.len)) {
        size_t failures = warc_to_stdout(j, path, &source);
        cli_source_close(&source);
        return failures;
    }
    failed = read_page(j, path, &source) != 0 ||
             extract_page(j, &page, source.bytes, source.len, &result) != 0;
    cli_source_close(&source);
    if (failed)
        return 1;
    cli_stream_init(&stream, STDOUT_FILENO);
    failed = write_result(j, result, &stream, &status);
    wn_result_free(result);
    return finish_stdout(path, &stream, failed, status) == OUTCOME_FAILED;
}

/* ---- output files ---- */

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

/* Write a result to DIR/name through a temporary file; name may have
 * directories, which are created. */
static outcome write_to_file(const job *j, const page_ref *page, const char *name,
                             wn_result *result)
{
    static cli_stream stream;
    cli_atomic_file file;
    wn_status status = WN_OK;
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
            return OUTCOME_FAILED;
        }
    }
    err = cli_atomic_open(&file, dir ? dir : j->args->output_dir, slash ? slash + 1 : name);
    free(dir);
    if (err != 0) {
        report_output_error(page, j->args->output_dir, name, strerror(err), NULL);
        return OUTCOME_FAILED;
    }
    cli_stream_init(&stream, file.fd);
    if (write_result(j, result, &stream, &status) != 0) {
        cli_atomic_abort(&file);
        page_report(page, "%s: %s", file.target, write_failure_cause(&stream, status));
        err = -1;
    } else if ((err = cli_atomic_commit(&file)) != 0) {
        page_report(page, "%s: %s", file.target, strerror(err));
    }
    cli_atomic_release(&file);
    return err == 0 ? OUTCOME_DONE : OUTCOME_FAILED;
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

typedef struct dir_state {
    const job *j;
    output_plan *plan;
    size_t input; /* index of the input being read */
} dir_state;

/* Take the output name of a page, or say why it cannot be written.
 * Returns the name (owned by the plan), or NULL after a report. */
static const char *take_output_name(dir_state *d, const page_ref *page)
{
    const char *dir = d->j->args->output_dir;
    unsigned long long record = page->record ? page->record->number : 0;
    char *name = cli_output_name(d->plan->inputs->names[d->input], record, d->j->args->format);
    const claim *c = name ? claim_name(d->plan, name, d->input, record) : NULL;

    if (!c) {
        page_report(page, "%s", strerror(ENOMEM));
        return NULL;
    }
    if (c->input != d->input || c->record != record) {
        /* Two inputs named alike: the first keeps the name, so that a
         * run's outputs never depend on which input came last. */
        char other[64];
        const char *owner = cli_display_name(d->plan->inputs->paths[c->input]);
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
    const char *input = target ? input_at(d->plan, target) : NULL;
    free(target);
    if (input) {
        /* rename() would put our output where an input was (-f text
         * on a .txt input, say): inputs are never modified. */
        report_output_error(page, dir, c->name, "would replace the input", cli_display_name(input));
        return NULL;
    }
    return c->name;
}

static outcome file_page(void *context, const page_ref *page, const char *bytes, size_t len)
{
    dir_state *d = context;
    wn_result *result;
    const char *name = take_output_name(d, page);

    if (!name || extract_page(d->j, page, bytes, len, &result) != 0)
        return OUTCOME_FAILED;
    outcome o = write_to_file(d->j, page, name, result);
    wn_result_free(result);
    return o;
}

static size_t process_input_to_directory(dir_state *d)
{
    const char *path = d->plan->inputs->paths[d->input];
    page_ref page = {path, NULL};
    cli_source source;
    size_t failures;
    int err = cli_source_open(&source, path);
    int stopped;

    if (err != 0) {
        /* The name is still this input's: outputs never depend on which
         * inputs could be read. */
        char *name = cli_output_name(d->plan->inputs->names[d->input], 0, d->j->args->format);
        if (name)
            claim_name(d->plan, name, d->input, 0);
        cli_report(path, "%s", strerror(err));
        return 1;
    }
    if (wn_is_warc(source.bytes, source.len)) {
        failures = each_warc_page(d->j, path, &source, file_page, d, &stopped);
    } else if (!take_output_name(d, &page)) {
        failures = 1;
    } else {
        failures = read_page(d->j, path, &source) != 0;
        if (!failures) {
            wn_result *result;
            failures = extract_page(d->j, &page, source.bytes, source.len, &result) != 0;
            if (!failures) {
                /* The name is the plan's: look it up again. */
                char *name = cli_output_name(d->plan->inputs->names[d->input], 0,
                                             d->j->args->format);
                const claim *c = name ? claim_name(d->plan, name, d->input, 0) : NULL;
                failures = !c || write_to_file(d->j, &page, c->name, result) != OUTCOME_DONE;
                wn_result_free(result);
            }
        }
    }
    cli_source_close(&source);
    return failures;
}

static size_t process_to_directory(const job *j, const cli_inputs *inputs)
{
    output_plan plan;
    size_t failures = 0;
    dir_state d = {j, &plan, 0};

    if (output_plan_make(&plan, inputs) != 0) {
        cli_message("%s", strerror(ENOMEM));
        output_plan_free(&plan);
        return inputs->count ? inputs->count : 1;
    }
    for (d.input = 0; d.input < inputs->count; d.input++)
        failures += process_input_to_directory(&d);
    output_plan_free(&plan);
    return failures;
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

static size_t process_all(const job *j, const cli_inputs *inputs)
{
    if (j->args->output_dir)
        return process_to_directory(j, inputs);
    if (inputs->count == 0)
        return 0;
    return process_to_stdout(j, inputs->paths[0]);
}

int cli_run(const cli_args *args)
{
    cli_inputs inputs;
    size_t failures = 0;
    job j;
    int status;
    int err;
    cli_args effective = *args;

    err = cli_inputs_expand(args, &inputs, &failures);
    if (err != 0) {
        cli_inputs_free(&inputs);
        if (err == EINVAL)
            return CLI_EXIT_USAGE;
        cli_message("%s", strerror(ENOMEM));
        return CLI_EXIT_FAILED;
    }
    /* Several inputs cannot share stdout: each gets its own file, in the
     * current directory unless -o says otherwise. */
    if (!effective.output_dir && inputs.count > 1)
        effective.output_dir = ".";
    args = &effective;
    status = check_destination(args);
    if (status < 0 && make_extractor(args, &j) != 0)
        status = CLI_EXIT_FAILED;
    if (status < 0) {
        failures += process_all(&j, &inputs);
        wn_extractor_free(j.extractor);
        status = failures == 0 ? (no_article_pages ? CLI_EXIT_NO_ARTICLE : CLI_EXIT_OK)
                 : failures == not_html_inputs ? CLI_EXIT_NOT_HTML : CLI_EXIT_FAILED;
    }
    cli_inputs_free(&inputs);
    return status;
}
