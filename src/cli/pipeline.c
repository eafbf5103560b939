/* Parallel work in input order, captured messages, and the progress line.
 *
 * The calling thread reads the inputs and submits one item per page; the
 * workers extract and render them; the calling thread commits the items
 * (writes their messages and outputs) strictly in the order submitted, so
 * that what the command writes does not depend on the number of workers. */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- growable buffers ---- */

int cli_buf_append(cli_buf *buf, const char *bytes, size_t len)
{
    if (buf->failed)
        return -1;
    if (len > buf->cap - buf->len) {
        size_t cap = buf->cap ? buf->cap : 256;
        while (cap - buf->len < len) {
            if (cap > SIZE_MAX / 2) {
                buf->failed = 1;
                return -1;
            }
            cap *= 2;
        }
        char *bigger = realloc(buf->data, cap);
        if (!bigger) {
            buf->failed = 1;
            return -1;
        }
        buf->data = bigger;
        buf->cap = cap;
    }
    if (len)
        memcpy(buf->data + buf->len, bytes, len);
    buf->len += len;
    return 0;
}

int cli_buf_sink(void *buf, const char *bytes, size_t len)
{
    return cli_buf_append(buf, bytes, len) == 0 ? 0 : 1;
}

void cli_buf_free(cli_buf *buf)
{
    free(buf->data);
    memset(buf, 0, sizeof *buf);
}

/* ---- messages ---- */

_Thread_local cli_buf *cli_capture;

static int progress_shown; /* a progress line is on the terminal now */

void cli_stderr_write(const char *bytes, size_t len)
{
    if (cli_capture) {
        cli_buf_append(cli_capture, bytes, len);
        return;
    }
    if (progress_shown) {
        /* Erase the progress line; the next tick draws it again. */
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
    fwrite(bytes, 1, len, stderr);
    fflush(stderr);
}

/* ---- the progress line ---- */

static struct {
    int enabled;
    unsigned long long total_bytes; /* 0: unknown */
    unsigned long long pages, errors, bytes;
    double started, last_draw;
    int drawn;
} progress;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(int enabled, unsigned long long total_bytes)
{
    memset(&progress, 0, sizeof progress);
    progress.enabled = enabled;
    progress.total_bytes = total_bytes;
    progress.started = progress.last_draw = now_seconds();
}

static void progress_draw(int final)
{
    char line[256];
    double elapsed = now_seconds() - progress.started;
    double rate = elapsed > 0 ? (double)progress.pages / elapsed : 0;
    double mbps = elapsed > 0 ? (double)progress.bytes / 1e6 / elapsed : 0;
    int n = snprintf(line, sizeof line, "\r\033[Kwinnow: %llu page%s, %.1f pages/s, %.1f MB/s, %llu error%s",
                     progress.pages, progress.pages == 1 ? "" : "s", rate, mbps, progress.errors,
                     progress.errors == 1 ? "" : "s");
    if (progress.total_bytes && progress.bytes && n > 0 && (size_t)n < sizeof line) {
        unsigned long long done = progress.bytes < progress.total_bytes ? progress.bytes
                                                                       : progress.total_bytes;
        double left = elapsed * (double)(progress.total_bytes - done) / (double)done;
        unsigned long long s = (unsigned long long)(left + 0.5);
        if (!final)
            snprintf(line + n, sizeof line - (size_t)n, ", %u%%, ETA %llu:%02llu:%02llu",
                     (unsigned)(100.0 * (double)done / (double)progress.total_bytes), s / 3600,
                     s / 60 % 60, s % 60);
    }
    fputs(line, stderr);
    if (final)
        fputs("\n", stderr);
    fflush(stderr);
    progress_shown = !final;
    progress.drawn = 1;
    progress.last_draw = now_seconds();
}

void cli_progress_tick(void)
{
    if (!progress.enabled)
        return;
    double t = now_seconds();
    if (t - progress.last_draw >= 0.5)
        progress_draw(0);
}

void cli_progress_page(int failed, unsigned long long bytes)
{
    progress.pages++;
    if (failed)
        progress.errors++;
    if (bytes > progress.bytes)
        progress.bytes = bytes;
    cli_progress_tick();
}

void cli_progress_end(void)
{
    /* A single quick page gets no line; a batch, its totals. */
    if (progress.enabled && (progress.drawn || progress.pages > 1))
        progress_draw(1);
    progress.enabled = 0;
}

/* ---- the ordered pool ---- */

enum { SLOT_PENDING, SLOT_RUNNING, SLOT_DONE };

typedef struct slot {
    void *item;
    size_t bytes;
    int state;
} slot;

struct cli_pool {
    unsigned workers;
    cli_work_fn work;
    cli_commit_fn commit;
    void *ctx;
    pthread_t *threads;
    unsigned started;
    pthread_mutex_t lock;
    pthread_cond_t work_ready, slot_done;
    slot *ring;
    size_t capacity;
    size_t head, next, tail; /* oldest uncommitted, next to hand out, next free */
    size_t bytes_in_flight, byte_budget;
    int shutdown;
    int stopped;
};

static void *worker_main(void *arg)
{
    cli_pool *pool = arg;
    pthread_mutex_lock(&pool->lock);
    for (;;) {
        while (pool->next == pool->tail && !pool->shutdown)
            pthread_cond_wait(&pool->work_ready, &pool->lock);
        if (pool->next == pool->tail)
            break;
        slot *s = &pool->ring[pool->next % pool->capacity];
        pool->next++;
        s->state = SLOT_RUNNING;
        int skip = pool->stopped;
        pthread_mutex_unlock(&pool->lock);
        if (!skip)
            pool->work(pool->ctx, s->item);
        pthread_mutex_lock(&pool->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&pool->slot_done);
    }
    pthread_mutex_unlock(&pool->lock);
    return NULL;
}

cli_pool *cli_pool_new(unsigned workers, cli_work_fn work, cli_commit_fn commit, void *ctx)
{
    cli_pool *pool = calloc(1, sizeof *pool);
    if (!pool)
        return NULL;
    pool->workers = workers;
    pool->work = work;
    pool->commit = commit;
    pool->ctx = ctx;
    if (workers == 0)
        return pool;
    /* Enough items in flight to keep every worker busy while the oldest
     * is written, and a byte budget so that big pages do not pile up. */
    pool->capacity = (size_t)workers * 4 + 4;
    pool->byte_budget = (size_t)256 << 20;
    pool->ring = calloc(pool->capacity, sizeof *pool->ring);
    pool->threads = calloc(workers, sizeof *pool->threads);
    if (!pool->ring || !pool->threads || pthread_mutex_init(&pool->lock, NULL) != 0) {
        free(pool->ring);
        free(pool->threads);
        free(pool);
        return NULL;
    }
    pthread_cond_init(&pool->work_ready, NULL);
    pthread_cond_init(&pool->slot_done, NULL);
    for (unsigned i = 0; i < workers; i++) {
        if (pthread_create(&pool->threads[i], NULL, worker_main, pool) != 0)
            break;
        pool->started++;
    }
    if (pool->started == 0) {
        /* No thread at all: work on the calling thread. */
        pthread_cond_destroy(&pool->work_ready);
        pthread_cond_destroy(&pool->slot_done);
        pthread_mutex_destroy(&pool->lock);
        free(pool->ring);
        free(pool->threads);
        pool->ring = NULL;
        pool->threads = NULL;
        pool->workers = 0;
    }
    return pool;
}

int cli_pool_stopped(const cli_pool *pool)
{
    return pool->stopped;
}

/* Commit the oldest item, waiting for it; called and returns locked. */
static void commit_head(cli_pool *pool)
{
    slot *s = &pool->ring[pool->head % pool->capacity];
    while (s->state != SLOT_DONE) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 250 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        if (pthread_cond_timedwait(&pool->slot_done, &pool->lock, &until) == ETIMEDOUT) {
            pthread_mutex_unlock(&pool->lock);
            cli_progress_tick();
            pthread_mutex_lock(&pool->lock);
        }
    }
    void *item = s->item;
    pool->bytes_in_flight -= s->bytes;
    pool->head++;
    int discard = pool->stopped;
    pthread_mutex_unlock(&pool->lock);
    int stop = pool->commit(pool->ctx, item, discard);
    pthread_mutex_lock(&pool->lock);
    if (stop)
        pool->stopped = 1;
}

int cli_pool_submit(cli_pool *pool, void *item, size_t bytes)
{
    if (pool->workers == 0) {
        if (!pool->stopped)
            pool->work(pool->ctx, item);
        if (pool->commit(pool->ctx, item, pool->stopped))
            pool->stopped = 1;
        return pool->stopped;
    }
    pthread_mutex_lock(&pool->lock);
    while (pool->tail - pool->head == pool->capacity ||
           (pool->tail > pool->head && pool->bytes_in_flight + bytes > pool->byte_budget))
        commit_head(pool);
    slot *s = &pool->ring[pool->tail % pool->capacity];
    s->item = item;
    s->bytes = bytes;
    s->state = SLOT_PENDING;
    pool->tail++;
    pool->bytes_in_flight += bytes;
    pthread_cond_signal(&pool->work_ready);
    /* Write out what is ready, without waiting. */
    while (pool->head < pool->tail && pool->ring[pool->head % pool->capacity].state == SLOT_DONE)
        commit_head(pool);
    int stopped = pool->stopped;
    pthread_mutex_unlock(&pool->lock);
    return stopped;
}

void cli_pool_finish(cli_pool *pool)
{
    if (!pool)
        return;
    if (pool->workers > 0) {
        pthread_mutex_lock(&pool->lock);
        while (pool->head < pool->tail)
            commit_head(pool);
        pool->shutdown = 1;
        pthread_cond_broadcast(&pool->work_ready);
        pthread_mutex_unlock(&pool->lock);
        for (unsigned i = 0; i < pool->started; i++)
            pthread_join(pool->threads[i], NULL);
        pthread_cond_destroy(&pool->work_ready);
        pthread_cond_destroy(&pool->slot_done);
        pthread_mutex_destroy(&pool->lock);
    }
    free(pool->ring);
    free(pool->threads);
    free(pool);
}
