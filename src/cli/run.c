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

/* What became of one input. */
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

/* Where each input's output goes when writing to a directory. */
typedef struct output_plan {
    char **names; /* output file name of each input */
    size_t *owner; /* index of the input that gets that name (itself if unique) */
    file_id *ids;  /* what each input is */
} output_plan;

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

/* Inputs refused as not HTML, for the exit status. */
static size_t not_html_inputs;

/* "not an HTML page: gzip-compressed data (decompress it first)". */
static void report_not_html(const char *path, const char *bytes, size_t len, const char *hint)
{
    const char *reason = wn_not_html_reason(bytes, len, hint);
    const char *compressed = reason ? strstr(reason, "compressed data") : NULL;
    not_html_inputs++;
    cli_report(path, "not an HTML page: %s%s", reason ? reason : "binary data",
               compressed ? " (decompress it first)" : "");
}

/* Read and extract one input; a failure is reported. */
static int extract_input(const job *j, const char *path, wn_result **result)
{
    char *bytes = NULL;
    size_t len = 0;
    wn_status status;
    int err = cli_read_input(path, j->read_cap, &bytes, &len);

    if (err != 0) {
        cli_report(path, "%s", strerror(err));
        return -1;
    }
    /* Said here rather than by wn_extract() to name the limit: an endless
     * input (/dev/zero, a FIFO) stops at the cap with this message. */
    if (len > j->max_input) {
        free(bytes);
        if (j->max_input % ((size_t)1 << 20) == 0)
            cli_report(path, "input larger than the %zu MiB limit", j->max_input >> 20);
        else
            cli_report(path, "input larger than the %zu-byte limit", j->max_input);
        return -1;
    }
    status = wn_extract(j->extractor, bytes, len, j->args->charset, j->args->url, result);
    if (status == WN_ERR_NOT_HTML)
        report_not_html(path, bytes, len, j->args->charset);
    free(bytes);
    if (status == WN_ERR_NOT_HTML)
        return -1;
    if (status != WN_OK) {
        cli_report(path, "%s", wn_status_message(status));
        return -1;
    }
    status = wn_result_degraded(*result);
    if (status != WN_OK)
        cli_report(path, "warning: %s; the excess was dropped before parsing",
                   wn_status_message(status));
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

/* stdout gets the single output. A closed pipe (EPIPE: `winnow x | head`)
 * is not an error: the reader has all it wanted, so we stop quietly with
 * status 0, as cat and most Unix tools do. SIGPIPE is ignored in main(). */
static outcome process_to_stdout(const job *j, const char *path)
{
    static cli_stream stream;
    wn_result *result;
    wn_status status;
    int failed;

    if (extract_input(j, path, &result) != 0)
        return OUTCOME_FAILED;
    cli_stream_init(&stream, STDOUT_FILENO);
    failed = write_result(j, result, &stream, &status);
    wn_result_free(result);
    if (!failed && close(STDOUT_FILENO) != 0 && errno != EINTR) {
        stream.error = errno;
        failed = 1;
    }
    if (!failed)
        return OUTCOME_DONE;
    if (stream.error == EPIPE)
        return OUTCOME_STOPPED;
    cli_report(path, "standard output: %s", write_failure_cause(&stream, status));
    return OUTCOME_FAILED;
}

/* Print "winnow: PATH: DIR/NAME: CAUSE", or with other_input given
 * "winnow: PATH: DIR/NAME: CAUSE OTHER_INPUT; not written". */
static void report_output_error(const char *path, const char *dir, const char *name,
                                const char *cause, const char *other_input)
{
    char *target = cli_path_join(dir, name);
    if (other_input)
        cli_report(path, "%s: %s %s; not written", target ? target : name, cause,
                   cli_display_name(other_input));
    else
        cli_report(path, "%s: %s", target ? target : name, cause);
    free(target);
}

/* Write one output to DIR/name through a temporary file. */
static outcome process_to_file(const job *j, const char *path, const char *name)
{
    static cli_stream stream;
    cli_atomic_file file;
    wn_result *result;
    wn_status status = WN_OK;
    int err;

    if (extract_input(j, path, &result) != 0)
        return OUTCOME_FAILED;
    err = cli_atomic_open(&file, j->args->output_dir, name);
    if (err != 0) {
        wn_result_free(result);
        report_output_error(path, j->args->output_dir, name, strerror(err), NULL);
        return OUTCOME_FAILED;
    }
    cli_stream_init(&stream, file.fd);
    if (write_result(j, result, &stream, &status) != 0) {
        cli_atomic_abort(&file);
        cli_report(path, "%s: %s", file.target, write_failure_cause(&stream, status));
        err = -1;
    } else if ((err = cli_atomic_commit(&file)) != 0) {
        cli_report(path, "%s: %s", file.target, strerror(err));
    }
    wn_result_free(result);
    cli_atomic_release(&file);
    return err == 0 ? OUTCOME_DONE : OUTCOME_FAILED;
}

/* ---- output names: the first input to claim a name keeps it ---- */

typedef struct named_input {
    const char *name;
    size_t index;
} named_input;

static int compare_named(const void *a, const void *b)
{
    const named_input *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static void find_owners(output_plan *plan, named_input *sorted, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        sorted[i].name = plan->names[i];
        sorted[i].index = i;
    }
    qsort(sorted, count, sizeof *sorted, compare_named);
    for (size_t i = 0; i < count; i++) {
        int same = i > 0 && strcmp(sorted[i].name, sorted[i - 1].name) == 0;
        size_t owner = same ? plan->owner[sorted[i - 1].index] : sorted[i].index;
        plan->owner[sorted[i].index] = owner;
    }
}

static void output_plan_free(output_plan *plan, size_t count)
{
    if (plan->names)
        for (size_t i = 0; i < count; i++)
            free(plan->names[i]);
    free(plan->names);
    free(plan->owner);
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
static const char *input_at(const output_plan *plan, const cli_inputs *inputs,
                            const char *target)
{
    struct stat st;

    if (lstat(target, &st) != 0)
        return NULL;
    for (size_t i = 0; i < inputs->count; i++)
        if (plan->ids[i].known && plan->ids[i].dev == st.st_dev &&
            plan->ids[i].ino == st.st_ino)
            return inputs->paths[i];
    return NULL;
}

static int output_plan_make(output_plan *plan, const cli_inputs *inputs, wn_format format)
{
    size_t count = inputs->count;
    named_input *sorted;

    plan->names = calloc(count ? count : 1, sizeof *plan->names);
    plan->owner = calloc(count ? count : 1, sizeof *plan->owner);
    plan->ids = calloc(count ? count : 1, sizeof *plan->ids);
    sorted = calloc(count ? count : 1, sizeof *sorted);
    if (!plan->names || !plan->owner || !plan->ids || !sorted)
        goto fail;
    for (size_t i = 0; i < count; i++) {
        if (!(plan->names[i] = cli_output_name(inputs->paths[i], format)))
            goto fail;
        identify_input(inputs->paths[i], &plan->ids[i]);
    }
    find_owners(plan, sorted, count);
    free(sorted);
    return 0;
fail:
    free(sorted);
    output_plan_free(plan, count);
    return ENOMEM;
}

/* ---- the whole run ---- */

static size_t process_to_directory(const job *j, const cli_inputs *inputs)
{
    output_plan plan;
    size_t failures = 0;

    if (output_plan_make(&plan, inputs, j->args->format) != 0) {
        cli_message("%s", strerror(ENOMEM));
        return inputs->count ? inputs->count : 1;
    }
    for (size_t i = 0; i < inputs->count; i++) {
        const char *path = inputs->paths[i];
        const char *dir = j->args->output_dir;
        char *target = cli_path_join(dir, plan.names[i]);
        const char *input = target ? input_at(&plan, inputs, target) : NULL;

        if (plan.owner[i] != i) {
            /* Two inputs named alike: the first keeps the name, so that a
             * run's outputs never depend on which input came last. */
            report_output_error(path, dir, plan.names[i], "already the output of",
                                inputs->paths[plan.owner[i]]);
            failures++;
        } else if (input) {
            /* rename() would put our output where an input was (-f text
             * on a .txt input, say): inputs are never modified. */
            report_output_error(path, dir, plan.names[i], "would replace the input", input);
            failures++;
        } else if (process_to_file(j, path, plan.names[i]) != OUTCOME_DONE) {
            failures++;
        }
        free(target);
    }
    output_plan_free(&plan, inputs->count);
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

/* Check the destination before any work: -o DIR must be usable, and a
 * single stdout cannot take several outputs. Returns an exit status to
 * stop with, or -1 to go on. */
static int check_destination(const cli_args *args, const cli_inputs *inputs)
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
    return process_to_stdout(j, inputs->paths[0]) == OUTCOME_FAILED;
}

int cli_run(const cli_args *args)
{
    cli_inputs inputs;
    size_t failures = 0;
    job j;
    int status;
    cli_args effective = *args;

    if (cli_inputs_expand(args->operands, args->operand_count, &inputs, &failures) != 0) {
        cli_inputs_free(&inputs);
        cli_message("%s", strerror(ENOMEM));
        return CLI_EXIT_FAILED;
    }
    /* Several inputs cannot share stdout: each gets its own file, in the
     * current directory unless -o says otherwise. */
    if (!effective.output_dir && inputs.count > 1)
        effective.output_dir = ".";
    args = &effective;
    status = check_destination(args, &inputs);
    if (status < 0 && make_extractor(args, &j) != 0)
        status = CLI_EXIT_FAILED;
    if (status < 0) {
        failures += process_all(&j, &inputs);
        wn_extractor_free(j.extractor);
        status = failures == 0 ? CLI_EXIT_OK
                 : failures == not_html_inputs ? CLI_EXIT_NOT_HTML : CLI_EXIT_FAILED;
    }
    cli_inputs_free(&inputs);
    return status;
}
