/* The reading part of the run, on the calling thread: every input (a page,
 * a WARC file's page records, JSON Lines records) becomes a unit of work,
 * with its output name when writing to a directory, handed to the pool. */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
        cli_report_limit(&page, "input larger than", j->max_input, "");
        return -1;
    }
    return 0;
}

/* Take the output name of a page, or say why it cannot be written.
 * Returns the name (owned by the plan), or NULL after a report. */
static const char *take_output_name(run_state *r, const page_ref *page)
{
    const char *dir = r->j->args->output_dir;
    unsigned long long record = page->record ? page->record->number : 0;
    char *name = cli_output_name(r->plan->inputs->names[r->input], record, r->j->args->format);
    const claim *c = name ? cli_plan_claim(r->plan, name, r->input, record) : NULL;

    if (!c) {
        cli_page_report(page, "%s", strerror(ENOMEM));
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
        cli_report_output_error(page, dir, c->name, "already the output of", both ? both : owner);
        free(both);
        return NULL;
    }
    char *target = cli_path_join(dir, c->name);
    const char *input = target ? cli_plan_input_at(r->plan, target) : NULL;
    free(target);
    if (input) {
        /* rename() would put our output where an input was (-f text
         * on a .txt input, say): inputs are never modified. */
        cli_report_output_error(page, dir, c->name, "would replace the input", cli_display_name(input));
        return NULL;
    }
    return c->name;
}

/* The unit is a page of path to extract, for dest; with whole, the page is
 * the input read whole, whose bytes the unit takes over. */
static void set_page(unit *u, unit_dest dest, const char *path, cli_source *whole)
{
    u->kind = UNIT_PAGE;
    u->dest = dest;
    u->path = path;
    u->is_page = 1;
    if (whole) {
        u->bytes = whole->bytes;
        u->len = whole->len;
        whole->bytes = NULL;
    }
}

/* A page that failed before extraction: its messages, one failure. */
static void submit_failed_page(run_state *r)
{
    unit *u = cli_unit_current(r);
    u->failures++;
    u->is_page = 1;
    cli_unit_submit(r);
}

/* Hand every page record of a WARC input over, in order. */
static void read_warc(run_state *r, const char *path, cli_source *source, unit_dest dest)
{
    wn_warc_reader *reader;
    const job *j = r->j;
    wn_status st;

    cli_unit_current(r);
    st = wn_warc_open(cli_source_read, source, j->max_input, &reader);
    if (st != WN_OK) {
        cli_report(path, "%s", wn_status_message(st));
        cli_unit_current(r)->failures++;
        return;
    }
    while (!cli_pool_stopped(r->pool)) {
        const wn_warc_record *rec;
        unit *u = cli_unit_current(r);
        st = wn_warc_next(reader, &rec);
        r->position = r->base + source->consumed;
        if (rec && rec->skipped_bytes)
            cli_report(path, "warning: %llu bytes that are not WARC records skipped before record %llu",
                       rec->skipped_bytes, rec->number);
        if (st == WN_OK && !rec)
            break;
        if (st == WN_ERR_INPUT_TOO_LARGE) {
            page_ref page = {path, rec};
            cli_report_limit(&page, "warning: skipped, larger than", j->max_input, "");
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
        set_page(u, dest, path, NULL);
        cli_unit_take_record(u, rec);
        cli_unit_submit(r);
    }
    wn_warc_free(reader);
}

/* The single input to stdout: a page, or the pages of a WARC file. */
void cli_read_to_stdout(run_state *r, const char *path)
{
    cli_source source;
    unit *u = cli_unit_current(r);
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
        cli_unit_submit(r);
        cli_pool_finish(r->pool);
        r->pool = NULL;
        cli_source_close(&source);
        if (r->out_stopped)
            return;
        if (xml)
            cli_stream_sink(r->out, "</documents>\n", strlen("</documents>\n"));
        r->failures += cli_finish_stdout(path, r->out, 0, WN_OK) == OUTCOME_FAILED;
        return;
    }
    if (read_page(r->j, path, &source) != 0) {
        cli_source_close(&source);
        submit_failed_page(r);
        return;
    }
    set_page(u, DEST_STDOUT, path, &source);
    r->position = source.consumed;
    cli_source_close(&source);
    cli_unit_submit(r);
    cli_pool_finish(r->pool);
    r->pool = NULL;
    if (r->out_used)
        r->failures += cli_finish_stdout(path, r->out, r->out_failed || r->out->error != 0,
                                         r->out_status) == OUTCOME_FAILED;
}

static void read_input_to_directory(run_state *r)
{
    const char *path = r->plan->inputs->paths[r->input];
    page_ref page = {path, NULL};
    cli_source source;
    unit *u = cli_unit_current(r);
    int err = cli_source_open(&source, path);

    if (err != 0) {
        /* The name is still this input's: outputs never depend on which
         * inputs could be read. */
        char *name = cli_output_name(r->plan->inputs->names[r->input], 0, r->j->args->format);
        if (name)
            cli_plan_claim(r->plan, name, r->input, 0);
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
        set_page(u, DEST_FILE, path, &source);
        r->position = r->base + source.consumed;
        cli_unit_submit(r);
    }
    r->base += source.consumed;
    r->position = r->base;
    cli_source_close(&source);
}

void cli_read_to_directory(run_state *r, const cli_inputs *inputs)
{
    output_plan plan;

    if (cli_plan_make(&plan, inputs) != 0) {
        cli_message("%s", strerror(ENOMEM));
        cli_plan_free(&plan);
        r->failures += inputs->count ? inputs->count : 1;
        return;
    }
    r->plan = &plan;
    for (r->input = 0; r->input < inputs->count && !cli_pool_stopped(r->pool); r->input++)
        read_input_to_directory(r);
    if (r->current)
        cli_unit_submit(r);
    cli_pool_finish(r->pool);
    r->pool = NULL;
    cli_plan_free(&plan);
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
                cli_out_of_memory();
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

void cli_read_jsonl(run_state *r, const cli_inputs *inputs)
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

        cli_unit_current(r);
        lr.fd = strcmp(path, CLI_STDIN_PATH) == 0 ? STDIN_FILENO : open(path, O_RDONLY);
        if (lr.fd < 0) {
            cli_report(path, "%s", strerror(errno));
            cli_unit_current(r)->failures++;
            continue;
        }
        while (!cli_pool_stopped(r->pool) &&
               (got = next_line(&lr, cap, &line, &len, &too_long, &consumed)) == 1) {
            number++;
            r->position = r->base + consumed;
            if (!too_long && is_blank(line, len))
                continue;
            unit *u = cli_unit_current(r);
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
                    cli_out_of_memory();
                memcpy(u->bytes, line, len);
                u->len = len;
            }
            cli_unit_submit(r);
        }
        if (!cli_pool_stopped(r->pool) && lr.error) {
            cli_report(path, "%s", strerror(lr.error));
            cli_unit_current(r)->failures++;
        }
        r->base += consumed;
        if (lr.fd != STDIN_FILENO)
            close(lr.fd);
        free(lr.buffer);
    }
    if (r->current)
        cli_unit_submit(r);
    cli_pool_finish(r->pool);
    r->pool = NULL;
    if (!r->out_stopped)
        r->failures += cli_finish_stdout(inputs->count ? inputs->paths[0] : CLI_STDIN_PATH,
                                         r->out, 0, WN_OK) == OUTCOME_FAILED;
}
