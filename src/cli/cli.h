/* winnow command: declarations shared by the files of src/cli/.
 *
 *   main.c    the entry point
 *   args.c    option parsing, --help and --version
 *   inputs.c  expanding FILE|DIR operands, reading one input with a cap
 *   output.c  buffered fd sink, atomic output files, output names
 *   run.c     processing every input and choosing the exit status, with
 *             read.c, work.c, write.c and claims.c (run.h)
 *   messages.c  messages on stderr
 *   pipeline.c  worker threads committing in input order, captured
 *             messages, the progress line
 *   jsonl.c   JSON Lines records in (--input-jsonl) and error records out
 *
 * Everything the command does with pages goes through the public winnow.h.
 */
#ifndef WINNOW_CLI_H
#define WINNOW_CLI_H

#include "winnow.h"

#include <stdarg.h>
#include <stddef.h>
#include <time.h>

/* Exit statuses. */
enum {
    CLI_EXIT_OK = 0,     /* every input succeeded */
    CLI_EXIT_FAILED = 1, /* some input (or the output directory) failed */
    CLI_EXIT_USAGE = 2,  /* bad command line */
    CLI_EXIT_NOT_HTML = 3, /* some input was not a page (binary, compressed) and
                             no input failed otherwise */
    CLI_EXIT_NO_ARTICLE = 4 /* every input succeeded, but some page held no
                               article (an index, sign-in or error page, no
                               prose): its output is empty */
};

#if defined(__GNUC__)
#  define CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#  define CLI_PRINTF(fmt, args)
#endif

/* ---- args.c ---- */

typedef enum cli_action {
    CLI_ACTION_RUN,
    CLI_ACTION_HELP,
    CLI_ACTION_VERSION,
    CLI_ACTION_USAGE_ERROR /* already reported on stderr */
} cli_action;

typedef struct cli_args {
    wn_format format;
    unsigned flags;         /* WN_FLAG_* */
    const char *output_dir; /* NULL: write the single output to stdout */
    const char *charset;    /* NULL: no hint */
    const char *url;        /* NULL: no url */
    const char *content_encoding; /* --content-encoding, NULL: by name and magic */
    const char *files_from; /* --files-from FILE ("-": standard input), or NULL */
    int recursive;          /* -r: directories walked down */
    unsigned jobs;          /* -j: worker threads (0: one per core) */
    int quiet;              /* --quiet: no progress line, no warnings */
    int input_jsonl;        /* --input-jsonl (or --jsonl): JSON Lines records in */
    int format_given;       /* -f was given */
    char **operands;        /* FILE|DIR operands, pointing into argv */
    size_t operand_count;   /* 0 means standard input */
} cli_args;

cli_action cli_parse_args(int argc, char **argv, cli_args *args);

/* Print "winnow: MESSAGE" and the --help hint on stderr. */
void cli_usage_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* Print --help / --version on stdout; return the exit status. */
int cli_print_help(void);
int cli_print_version(void);

/* ---- messages (messages.c) ---- */

/* --quiet: warnings are not written (set by cli_run). */
extern int cli_quiet;

/* "-" (standard input) is shown as "<stdin>". */
const char *cli_display_name(const char *path);

/* Print "winnow: MESSAGE" on stderr, always on one line (control
 * characters, say a newline in a file name, are shown as '?'). */
void cli_message(const char *fmt, ...) CLI_PRINTF(1, 2);
void cli_vmessage(const char *fmt, va_list ap) CLI_PRINTF(1, 0);

/* Print "winnow: PATH: MESSAGE" the same way. */
void cli_report(const char *path, const char *fmt, ...) CLI_PRINTF(2, 3);

/* ---- inputs.c ---- */

#define CLI_STDIN_PATH "-"

typedef struct cli_inputs {
    char **paths; /* owned; "-" stands for standard input */
    char **names; /* owned: the relative path the output is named after
                     (the base name of a FILE operand, the path below the DIR
                     it was found in, the path as listed by --files-from) */
    size_t count;
    size_t capacity;
} cli_inputs;

/* Expand operands (and the --files-from list) into input files: "-" stays,
 * a directory becomes its pages (*.htm, *.html, their .gz/.zst/.br forms,
 * and *.warc, *.warc.gz, *.warc.zst) in name order, walked down with
 * recursive set (links to directories are not followed), anything else is
 * taken as a file. Directory and list errors are reported and counted in
 * *failures. Returns 0, ENOMEM, or EINVAL after a usage error was reported. */
int cli_inputs_expand(const cli_args *args, cli_inputs *inputs, size_t *failures);
void cli_inputs_free(cli_inputs *inputs);

/* One input being read: the start is read first, to tell a WARC file from
 * a page; a page is then read whole, a WARC file streamed. */
#define CLI_PREFIX 65536

typedef struct cli_source {
    int fd;
    int owned;       /* fd is ours to close */
    char *bytes;     /* what was read so far (malloc'd) */
    size_t len;
    size_t capacity;
    size_t served;   /* bytes of bytes[] handed to the WARC reader */
    int error;       /* errno of a failed read, for cli_source_read() */
    unsigned long long consumed; /* bytes read from fd so far */
} cli_source;

/* Open path ("-": standard input) and read its first CLI_PREFIX bytes.
 * Returns 0 or an errno value (nothing to close then). */
int cli_source_open(cli_source *source, const char *path);
/* Read on to the end, at most cap bytes in all. Returns 0 or an errno value. */
int cli_source_read_all(cli_source *source, size_t cap);
/* A wn_read_fn: what is buffered, then the rest of the file. */
long cli_source_read(void *source, char *buffer, size_t len);
void cli_source_close(cli_source *source);

/* ---- output.c ---- */

#define CLI_STREAM_BUFFER 32768

/* A buffered writer over a file descriptor, usable as a wn_sink_fn. */
typedef struct cli_stream {
    int fd;
    int error; /* the first errno of a failed write, 0 if none */
    size_t used;
    char buffer[CLI_STREAM_BUFFER];
} cli_stream;

void cli_stream_init(cli_stream *stream, int fd);
int cli_stream_sink(void *stream, const char *bytes, size_t len);
/* Write out what is buffered. Returns 0 or the stream's errno. */
int cli_stream_flush(cli_stream *stream);

/* "DIR/NAME.xml|.txt|.explain.txt" naming: the output file name (malloc'd)
 * for an input's relative name, or NULL when out of memory. NAME is the
 * relative name without its extension (and without a .gz, .zst or .br
 * before it); a WARC record (record > 0) gets NAME-NNNNNN, its number in
 * the file, NAME being the file's name without .warc(.gz|.zst). */
char *cli_output_name(const char *name, unsigned long long record, wn_format format);

/* Whether a file name says brotli (".br"). */
int cli_is_brotli_name(const char *path);

/* DIR + "/" + NAME, malloc'd; NULL when out of memory. */
char *cli_path_join(const char *dir, const char *name);

/* mkdir -p. Returns 0 or an errno value. */
int cli_make_directory(const char *path);

/* An output written to a temporary file beside its target, then renamed:
 * an unnamed O_TMPFILE file where the file system has them (nothing is
 * left if the process is killed), else a hidden ".NAME.XXXXXX". */
typedef struct cli_atomic_file {
    char *target;
    char *temp;   /* the hidden name (given to an unnamed file at commit) */
    int fd;
    int unnamed;  /* opened with O_TMPFILE */
} cli_atomic_file;

/* Returns 0 or an errno value; on failure nothing is left to clean up. */
int cli_atomic_open(cli_atomic_file *file, const char *dir, const char *name);
/* Close and rename over the target. Returns 0 or an errno value; on failure
 * the temporary file is removed and the target left untouched. The file
 * is released either way (the target name stays readable until
 * cli_atomic_release()). */
int cli_atomic_commit(cli_atomic_file *file);
/* Drop the temporary file, leaving the target untouched. */
void cli_atomic_abort(cli_atomic_file *file);
void cli_atomic_release(cli_atomic_file *file);

/* Remove hidden temporaries of the command's outputs (".NAME.xml.XXXXXX",
 * ".NAME.txt.XXXXXX") older than started from dir: what a killed run left
 * where O_TMPFILE was not available. */
void cli_clean_stale_temporaries(const char *dir, time_t started);

/* Remove a half-written temporary file when SIGINT/SIGTERM/SIGHUP arrive. */
void cli_install_signal_cleanup(void);

/* ---- pipeline.c ---- */

/* A growable byte buffer; failed is set (and stays) when memory ran out. */
typedef struct cli_buf {
    char *data;
    size_t len, cap;
    int failed;
} cli_buf;

int cli_buf_append(cli_buf *buf, const char *bytes, size_t len);
int cli_buf_sink(void *buf, const char *bytes, size_t len); /* a wn_sink_fn */
void cli_buf_free(cli_buf *buf);

/* Where this thread's messages go: NULL, standard error; else the buffer
 * (a worker's messages are written out later, in input order). */
extern _Thread_local cli_buf *cli_capture;

/* Write a whole message line to stderr (or the capture buffer), erasing
 * the progress line first. */
void cli_stderr_write(const char *bytes, size_t len);

/* The progress line: on only when enabled (stderr a terminal, no --quiet).
 * total_bytes is the size of all inputs, 0 when unknown (no ETA then). */
void cli_progress_start(int enabled, unsigned long long total_bytes);
/* One page written (or failed); bytes: how far into the inputs it was. */
void cli_progress_page(int failed, unsigned long long bytes);
/* Redraw if due (twice a second). */
void cli_progress_tick(void);
/* The final totals (for a batch), on their own line. */
void cli_progress_end(void);

/* Items worked on by worker threads and committed on the calling thread
 * in the order submitted. work runs on a worker (on the calling thread
 * when there are none); commit on the calling thread, with discard set
 * once a commit asked to stop; it returns non-zero to stop. */
typedef void (*cli_work_fn)(void *ctx, void *item);
typedef int (*cli_commit_fn)(void *ctx, void *item, int discard);
typedef struct cli_pool cli_pool;

/* workers 0: everything on the calling thread. NULL when out of memory. */
cli_pool *cli_pool_new(unsigned workers, cli_work_fn work, cli_commit_fn commit, void *ctx);
/* Hand over an item of bytes bytes (for the memory budget); returns
 * non-zero once stopped. May commit older items before returning. */
int cli_pool_submit(cli_pool *pool, void *item, size_t bytes);
int cli_pool_stopped(const cli_pool *pool);
/* Commit everything left, stop the workers, free the pool. */
void cli_pool_finish(cli_pool *pool);

/* ---- jsonl.c ---- */

/* One record of --input-jsonl: {"url": ..., "html": ...} or
 * {"url": ..., "html_base64": ...}, with "charset" and "content_type"
 * optional. */
typedef struct cli_jsonl_record {
    void *root;        /* the parsed object (json_t) */
    const char *url;   /* NULL when absent */
    const char *charset_hint; /* NULL when none */
    const char *html;  /* the page bytes */
    size_t html_len;
    char *decoded;     /* html_base64 decoded (malloc'd) */
} cli_jsonl_record;

/* Parse a line; returns 0, or -1 with message set (and rec->url when the
 * line had one). Free rec either way. */
int cli_jsonl_parse(const char *line, size_t len, cli_jsonl_record *rec, char *message,
                    size_t message_size);
void cli_jsonl_record_free(cli_jsonl_record *rec);
/* Append {"url": URL|null, "line": N, "status": S, "error": MESSAGE}\n. */
int cli_jsonl_error(cli_buf *out, const char *url, unsigned long long line, wn_status status,
                    const char *message);

/* ---- run.c ---- */

/* Process every input as args say; return the exit status. */
int cli_run(const cli_args *args);

#endif /* WINNOW_CLI_H */
