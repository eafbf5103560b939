#include "input/decoders.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A few threads times a few charsets each; more busy at once are opened
 * and closed per page. */
#define MAX_ICONV 16
#define MAX_TABLES 48   /* more than the single-byte charsets there are */
#define MAX_DETECTORS 8
#define NAME_SIZE 32

typedef struct kept_iconv {
    char from[NAME_SIZE]; /* "" for an empty slot */
    iconv_t cd;
    bool busy;
} kept_iconv;

typedef struct kept_table {
    char charset[NAME_SIZE];
    uint32_t table[128];
} kept_table;

typedef struct kept_detector {
    uchardet_t detector; /* NULL for an empty slot */
    bool busy;
} kept_detector;

struct wn_decoders {
    pthread_mutex_t lock;
    kept_iconv iconv[MAX_ICONV];
    kept_table *tables[MAX_TABLES]; /* filled in order, never replaced */
    size_t table_count;
    kept_detector detectors[MAX_DETECTORS];
};

wn_decoders *wn_decoders_new(void)
{
    wn_decoders *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    if (pthread_mutex_init(&d->lock, NULL) != 0) {
        free(d);
        return NULL;
    }
    return d;
}

void wn_decoders_free(wn_decoders *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < MAX_ICONV; i++)
        if (d->iconv[i].from[0])
            iconv_close(d->iconv[i].cd);
    for (size_t i = 0; i < d->table_count; i++)
        free(d->tables[i]);
    for (size_t i = 0; i < MAX_DETECTORS; i++)
        if (d->detectors[i].detector)
            uchardet_delete(d->detectors[i].detector);
    pthread_mutex_destroy(&d->lock);
    free(d);
}

iconv_t wn_decoders_iconv(wn_decoders *d, const char *from)
{
    if (!d || strlen(from) >= NAME_SIZE)
        return iconv_open("UTF-8", from);
    pthread_mutex_lock(&d->lock);
    for (size_t i = 0; i < MAX_ICONV; i++) {
        kept_iconv *k = &d->iconv[i];
        if (k->from[0] && !k->busy && strcmp(k->from, from) == 0) {
            k->busy = true;
            pthread_mutex_unlock(&d->lock);
            iconv(k->cd, NULL, NULL, NULL, NULL); /* back to the initial state */
            return k->cd;
        }
    }
    pthread_mutex_unlock(&d->lock);
    /* Opened outside the lock: glibc may load a module for it. */
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return cd;
    pthread_mutex_lock(&d->lock);
    for (size_t i = 0; i < MAX_ICONV; i++) {
        kept_iconv *k = &d->iconv[i];
        if (!k->from[0]) {
            memcpy(k->from, from, strlen(from) + 1);
            k->cd = cd;
            k->busy = true;
            break;
        }
    }
    pthread_mutex_unlock(&d->lock);
    return cd;
}

void wn_decoders_iconv_done(wn_decoders *d, iconv_t cd)
{
    if (d) {
        pthread_mutex_lock(&d->lock);
        for (size_t i = 0; i < MAX_ICONV; i++) {
            kept_iconv *k = &d->iconv[i];
            if (k->from[0] && k->busy && k->cd == cd) {
                k->busy = false;
                pthread_mutex_unlock(&d->lock);
                return;
            }
        }
        pthread_mutex_unlock(&d->lock);
    }
    iconv_close(cd); /* not kept: the pool was full */
}

bool wn_decoders_table(wn_decoders *d, const char *charset, uint32_t table[128])
{
    if (!d)
        return false;
    bool found = false;
    pthread_mutex_lock(&d->lock);
    for (size_t i = 0; i < d->table_count && !found; i++) {
        if (strcmp(d->tables[i]->charset, charset) == 0) {
            memcpy(table, d->tables[i]->table, sizeof d->tables[i]->table);
            found = true;
        }
    }
    pthread_mutex_unlock(&d->lock);
    return found;
}

void wn_decoders_keep_table(wn_decoders *d, const char *charset, const uint32_t table[128])
{
    if (!d || strlen(charset) >= NAME_SIZE)
        return;
    kept_table *t = malloc(sizeof *t);
    if (!t)
        return;
    memcpy(t->charset, charset, strlen(charset) + 1);
    memcpy(t->table, table, sizeof t->table);
    pthread_mutex_lock(&d->lock);
    bool kept = false;
    for (size_t i = 0; i < d->table_count; i++)
        if (strcmp(d->tables[i]->charset, charset) == 0)
            kept = true; /* another thread built it meanwhile */
    if (!kept && d->table_count < MAX_TABLES) {
        d->tables[d->table_count++] = t;
        t = NULL;
    }
    pthread_mutex_unlock(&d->lock);
    free(t);
}

uchardet_t wn_decoders_detector(wn_decoders *d)
{
    if (!d)
        return uchardet_new();
    pthread_mutex_lock(&d->lock);
    for (size_t i = 0; i < MAX_DETECTORS; i++) {
        kept_detector *k = &d->detectors[i];
        if (k->detector && !k->busy) {
            k->busy = true;
            pthread_mutex_unlock(&d->lock);
            uchardet_reset(k->detector);
            return k->detector;
        }
    }
    pthread_mutex_unlock(&d->lock);
    uchardet_t detector = uchardet_new();
    if (!detector)
        return NULL;
    pthread_mutex_lock(&d->lock);
    for (size_t i = 0; i < MAX_DETECTORS; i++) {
        kept_detector *k = &d->detectors[i];
        if (!k->detector) {
            k->detector = detector;
            k->busy = true;
            break;
        }
    }
    pthread_mutex_unlock(&d->lock);
    return detector;
}

void wn_decoders_detector_done(wn_decoders *d, uchardet_t detector)
{
    if (d) {
        pthread_mutex_lock(&d->lock);
        for (size_t i = 0; i < MAX_DETECTORS; i++) {
            kept_detector *k = &d->detectors[i];
            if (k->detector == detector && k->busy) {
                k->busy = false;
                pthread_mutex_unlock(&d->lock);
                return;
            }
        }
        pthread_mutex_unlock(&d->lock);
    }
    uchardet_delete(detector);
}
