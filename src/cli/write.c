/* The writing part of the run, on the calling thread: every unit's
 * messages, then its output (to stdout or through a temporary file to
 * DIR/NAME), in input order. */
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Close stdout after the last output. */
outcome cli_finish_stdout(const char *path, cli_stream *stream, int failed, wn_status status)
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
            cli_report_output_error(page, j->args->output_dir, name, strerror(err), NULL);
            free(dir);
            return 1;
        }
    }
    err = cli_atomic_open(&file, dir ? dir : j->args->output_dir, slash ? slash + 1 : name);
    free(dir);
    if (err != 0) {
        cli_report_output_error(page, j->args->output_dir, name, strerror(err), NULL);
        return 1;
    }
    cli_stream_init(&stream, file.fd);
    if (u->render_status == WN_OK && u->out.len > 0)
        cli_stream_sink(&stream, u->out.data, u->out.len);
    if (u->render_status != WN_OK || cli_stream_flush(&stream) != 0) {
        cli_atomic_abort(&file);
        cli_page_report(page, "%s: %s", file.target,
                        stream.error != 0 ? strerror(stream.error)
                                          : wn_status_message(u->render_status));
        err = -1;
    } else if ((err = cli_atomic_commit(&file)) != 0) {
        cli_page_report(page, "%s: %s", file.target, strerror(err));
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
        /* The single output: cli_finish_stdout() tells of a failure. */
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
        cli_page_report(&page, "standard output: %s",
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

int cli_unit_commit(void *ctx, void *item, int discard)
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
    cli_unit_free(u);
    return stop;
}
