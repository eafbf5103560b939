/* The run's internals, shared by the files that process the inputs:
 *
 *   run.c       setting up, the units of work, the exit status (cli_run)
 *   read.c      the reading thread: inputs, WARC records and JSON Lines
 *               records become units, each with its output name
 *   work.c      a worker: extract and render one unit into memory
 *   write.c     the calling thread again: a unit's messages and output
 *               written in input order
 *   claims.c    output names: the first input to claim a name keeps it
 *   messages.c  messages on stderr, a page's failures among them
 *
 * The calling thread reads the inputs, names the outputs and hands each
 * page to the pool (pipeline.c); workers extract and render it into
 * memory; the calling thread then writes every page's messages and output
 * in input order, so that -j N writes the same bytes as -j 1. */
#ifndef WINNOW_CLI_RUN_H
#define WINNOW_CLI_RUN_H

#include "cli.h"

#include <stdint.h>
#include <sys/types.h>

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

/* ---- run.c ---- */

/* Say so and exit: the command cannot go on without memory. */
void cli_out_of_memory(void);
/* The unit the reading thread is filling; its messages are captured. */
unit *cli_unit_current(run_state *r);
/* Hand the current unit over (even one with only messages). */
void cli_unit_submit(run_state *r);
/* Keep a WARC record's fields and payload: the reader reuses them. */
void cli_unit_take_record(unit *u, const wn_warc_record *rec);
void cli_unit_free(unit *u);

/* ---- read.c: the reading thread ---- */

/* The single input to stdout: a page, or the pages of a WARC file. */
void cli_read_to_stdout(run_state *r, const char *path);
/* Every input to a file of its own in the output directory. */
void cli_read_to_directory(run_state *r, const cli_inputs *inputs);
/* --input-jsonl: every record of every input to stdout. */
void cli_read_jsonl(run_state *r, const cli_inputs *inputs);

/* ---- work.c: a worker (a cli_work_fn) ---- */

void cli_unit_work(void *ctx, void *item);

/* ---- write.c: writing in input order ---- */

/* A cli_commit_fn: a unit's messages, then its output. */
int cli_unit_commit(void *ctx, void *item, int discard);
/* Close stdout after the last output. */
outcome cli_finish_stdout(const char *path, cli_stream *stream, int failed, wn_status status);

/* ---- claims.c: output names ---- */

int cli_plan_make(output_plan *plan, const cli_inputs *inputs);
void cli_plan_free(output_plan *plan);
/* Claim name (taken over on success) for an input and record. Returns the
 * claim that holds it (another's when it was taken), or NULL when out of
 * memory (name freed). */
const claim *cli_plan_claim(output_plan *plan, char *name, size_t input,
                            unsigned long long record);
/* The input whose file target's directory entry is, or NULL. */
const char *cli_plan_input_at(const output_plan *plan, const char *target);

/* ---- messages.c: a page's messages ---- */

/* "winnow: PATH: MESSAGE", or for a WARC page
 * "winnow: PATH: record N (URI): MESSAGE". */
void cli_page_report(const page_ref *page, const char *fmt, ...) CLI_PRINTF(2, 3);
/* "not an HTML page: PNG image", counted in *not_html. */
void cli_report_not_html(const page_ref *page, const char *bytes, size_t len, const char *hint,
                         size_t *not_html);
/* "WHAT the 64 MiB limitAFTER". */
void cli_report_limit(const page_ref *page, const char *what, size_t limit, const char *after);
/* "winnow: PATH: DIR/NAME: CAUSE", or with other given
 * "winnow: PATH: DIR/NAME: CAUSE OTHER; not written". */
void cli_report_output_error(const page_ref *page, const char *dir, const char *name,
                             const char *cause, const char *other);

#endif /* WINNOW_CLI_RUN_H */
