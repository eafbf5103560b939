/* Processing the inputs: set up the extractor and the pool, run the
 * reading thread (read.c) with the workers (work.c) and the writing in
 * input order (write.c), and choose the exit status. run.h tells the parts
 * apart. */
/* sched_getaffinity() and CPU_COUNT come with the GNU extensions. */
#define _GNU_SOURCE
#include "run.h"

#include <sched.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- units of work ---- */

void cli_out_of_memory(void)
{
    cli_capture = NULL;
    cli_message("%s", strerror(ENOMEM));
    exit(CLI_EXIT_FAILED);
}

/* The unit the reading thread is filling; its messages are captured. */
unit *cli_unit_current(run_state *r)
{
    if (!r->current) {
        r->current = calloc(1, sizeof *r->current);
        if (!r->current)
            cli_out_of_memory();
    }
    cli_capture = &r->current->pre;
    return r->current;
}

void cli_unit_free(unit *u)
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
        cli_out_of_memory();
    return c;
}

/* Keep a WARC record's fields: the reader reuses them. */
void cli_unit_take_record(unit *u, const wn_warc_record *rec)
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
        cli_out_of_memory();
    if (rec->payload_len)
        memcpy(u->bytes, rec->payload, rec->payload_len);
    u->len = rec->payload_len;
}

/* Hand the current unit over (even one with only messages). */
void cli_unit_submit(run_state *r)
{
    unit *u = cli_unit_current(r);
    r->current = NULL;
    cli_capture = NULL;
    u->position = r->position;
    cli_pool_submit(r->pool, u, u->len);
}

/* ---- the whole run ---- */

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
    r.pool = cli_pool_new(jobs > 1 ? jobs : 0, cli_unit_work, cli_unit_commit, &r);
    if (!r.pool) {
        cli_message("%s", strerror(ENOMEM));
        return 1;
    }
    /* The progress line goes to a terminal, and not to the one the output
     * is being written to. */
    cli_progress_start(!cli_quiet && isatty(STDERR_FILENO) &&
                           (j->args->output_dir || !isatty(STDOUT_FILENO)),
                       total_size(inputs));
    if (j->args->input_jsonl)
        cli_read_jsonl(&r, inputs);
    else if (j->args->output_dir)
        cli_read_to_directory(&r, inputs);
    else if (inputs->count > 0)
        cli_read_to_stdout(&r, inputs->paths[0]);
    if (r.pool) {
        if (r.current)
            cli_unit_submit(&r);
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

    cli_quiet = args->quiet;
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
