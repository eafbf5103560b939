/* winnow-eval: run winnow over benchmark sets and score the output with the
 * metrics of shared/bench/score.py.
 *
 *   winnow-eval SET_DIR [SET_DIR ...] [--per-page] [--misses] [--save DIR]
 *               [--charset NAME] [--json FILE]
 *   winnow-eval --diff SET_DIR ID
 *
 * Hidden options, for checking the scorer itself:
 *   --pred-dir DIR   score the predictions DIR/<id>.txt (missing = empty)
 *                    instead of running the library (as score.py does)
 *   --dump-classes   print the character classes of every code point as
 *                    hex ranges "FIRST LAST BITS" (1 = word, 2 = CJK,
 *                    4 = space) and exit
 *
 * Exit status: 0 success, 1 a set could not be read (or a prediction could
 * not be saved), 2 usage error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "winnow.h"

#include "diff.h"
#include "fsutil.h"
#include "gold.h"
#include "meta.h"
#include "score.h"

#define PROG "winnow-eval"

typedef struct options {
    const char **sets;
    size_t n_sets;
    int per_page;
    int misses;
    const char *save_dir;
    const char *charset;
    const char *json_path;
    const char *pred_dir;
    int dump_classes;
    int meta;
    const char *meta_gold;
    int diff;       /* --diff SET ID */
    int probe;      /* --probe: wn_is_probably_article() against the extraction */
} options;

/* One scored page, pointing back to its gold row. */
typedef struct body_entry {
    size_t row;
    ev_body_page page;
} body_entry;

typedef struct snippet_entry {
    size_t row;
    ev_snippet_page page;
} snippet_entry;

typedef struct set_stats {
    double seconds;             /* in wn_extract + wn_result_text */
    size_t pages_run, bytes_in;
    size_t missing, failed, invalid_utf8, save_errors;
    /* Pages whose gold body is blank (no article here), and of them those
     * whose output is blank too: the empty outputs that are right. */
    size_t gold_blank, empty_expected;
} set_stats;

#define USAGE_LINES \
    "usage: " PROG " SET_DIR [SET_DIR ...] [--per-page] [--misses] [--save DIR]\n" \
    "                   [--charset NAME] [--json FILE]\n" \
    "       " PROG " --diff SET_DIR ID [--charset NAME]\n"

static void usage(FILE *out)
{
    if (out == stderr) {
        fprintf(out, USAGE_LINES "(--help for more)\n");
        return;
    }
    fprintf(out,
            USAGE_LINES
            "\n"
            "Runs winnow on every page of each benchmark set (gold.jsonl +\n"
            "pages/<id>.html) and prints the metrics of shared/bench/score.py.\n"
            "\n"
            "  --per-page      list every page's figures, worst first\n"
            "  --misses        list the total misses: pages with body gold whose\n"
            "                  shingle F1 is under 0.2, pages with snippet gold of\n"
            "                  which no \x27with\x27 snippet is found\n"
            "  --save DIR      write each prediction to DIR/<id>.txt (with several\n"
            "                  sets: DIR/<set name>/<id>.txt)\n"
            "  --charset NAME  charset hint passed for every page\n"
            "  --json FILE     write the figures as JSON too\n"
            "  --meta          score the page metadata against SET_DIR/meta.jsonl\n"
            "                  instead (accuracy per field; --per-page lists misses)\n"
            "  --meta-gold FILE  with --meta: read the metadata gold from FILE (same\n"
            "                  format) instead of SET_DIR/meta.jsonl, for a set that\n"
            "                  has none; one set only\n"
            "  --probe         wn_is_probably_article() beside the whole extraction's\n"
            "                  wn_result_has_article(), page by page: how often they\n"
            "                  agree (--per-page lists the pages where they differ)\n"
            "  --diff SET_DIR ID\n"
            "                  the page ID's gold and winnow's output, line by line:\n"
            "                  '  ' in both, '- ' missed (gold only), '+ ' extra\n"
            "                  (output only); snippet gold: '  ' found, '- ' missing,\n"
            "                  '+ ' a 'without' snippet leaked, '~ ' one kept out\n");
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------------ arguments */

/* Returns 1 and sets *value when argv[*i] is the option `name` (as
 * "--name VALUE" or "--name=VALUE"); -1 when its value is missing. */
static int take_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, n) != 0)
        return 0;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (arg[n] != 0)
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, PROG ": %s needs a value\n", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->sets = calloc((size_t)argc, sizeof *o->sets);
    if (!o->sets)
        return -1;
    int only_sets = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_sets || arg[0] != '-' || arg[1] == 0) {
            o->sets[o->n_sets++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_sets = 1;
            continue;
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            exit(0);
        }
        if (strcmp(arg, "--per-page") == 0) {
            o->per_page = 1;
            continue;
        }
        if (strcmp(arg, "--misses") == 0) {
            o->misses = 1;
            continue;
        }
        if (strcmp(arg, "--meta") == 0) {
            o->meta = 1;
            continue;
        }
        if (strcmp(arg, "--probe") == 0) {
            o->probe = 1;
            continue;
        }
        if (strcmp(arg, "--diff") == 0) {
            o->diff = 1;
            continue;
        }
        if (strcmp(arg, "--dump-classes") == 0) {
            o->dump_classes = 1;
            continue;
        }
        static const char *const names[] = {"--save", "--charset", "--json", "--pred-dir",
                                            "--meta-gold"};
        const char **slots[] = {&o->save_dir, &o->charset, &o->json_path, &o->pred_dir,
                                &o->meta_gold};
        int matched = 0;
        for (size_t k = 0; k < sizeof names / sizeof names[0] && !matched; k++) {
            int r = take_value(argc, argv, &i, names[k], slots[k]);
            if (r < 0)
                return -1;
            matched = r;
        }
        if (!matched) {
            fprintf(stderr, PROG ": unknown option %s\n", arg);
            return -1;
        }
    }
    if (o->dump_classes)
        return 0;
    if (o->n_sets == 0) {
        fprintf(stderr, PROG ": no set given\n");
        return -1;
    }
    if (o->diff && o->n_sets != 2) {
        fprintf(stderr, PROG ": --diff takes a set and a page id\n");
        return -1;
    }
    if ((o->save_dir && !*o->save_dir) || (o->json_path && !*o->json_path) ||
        (o->pred_dir && !*o->pred_dir)) {
        fprintf(stderr, PROG ": empty path given\n");
        return -1;
    }
    return 0;
}

/* -------------------------------------------------------------- classes */

static void dump_classes(void)
{
    int32_t first = 0;
    int bits = -1;
    for (int32_t cp = 0; cp <= 0x110000; cp++) {
        int b = -1;
        if (cp <= 0x10FFFF)
            b = (ev_is_word(cp) ? 1 : 0) | (ev_is_cjk(cp) ? 2 : 0) | (ev_is_space(cp) ? 4 : 0);
        if (b != bits) {
            if (bits >= 0)
                printf("%04X %04X %d\n", (unsigned)first, (unsigned)(cp - 1), bits);
            first = cp;
            bits = b;
        }
    }
}

/* --------------------------------------------------------------- output */

static int cmp_body(const void *a, const void *b)
{
    const body_entry *x = a, *y = b;
    if (x->page.f1 != y->page.f1)
        return x->page.f1 < y->page.f1 ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

static int cmp_snippet(const void *a, const void *b)
{
    const snippet_entry *x = a, *y = b;
    size_t ex = x->page.fp + x->page.fn, ey = y->page.fp + y->page.fn;
    if (ex != ey)
        return ex > ey ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

static int id_width(const ev_gold *gold)
{
    size_t w = 2;
    for (size_t i = 0; i < gold->n; i++) {
        size_t n = strlen(gold->rows[i].id);
        if (n > w)
            w = n;
    }
    return w > 40 ? 40 : (int)w;
}

static void print_per_page(const ev_gold *gold, body_entry *body, size_t n_body,
                           snippet_entry *snip, size_t n_snip)
{
    int w = id_width(gold);
    if (n_body) {
        qsort(body, n_body, sizeof *body, cmp_body);
        printf("per-page shingle, worst first (F1 ascending):\n");
        for (size_t i = 0; i < n_body; i++) {
            const ev_body_page *p = &body[i].page;
            printf("  %-*s  P %.4f  R %.4f  F1 %.4f  exact %-3s  empty %s\n", w,
                   gold->rows[body[i].row].id, p->precision, p->recall, p->f1,
                   p->exact ? "yes" : "no", p->empty ? "yes" : "no");
        }
    }
    if (n_snip) {
        qsort(snip, n_snip, sizeof *snip, cmp_snippet);
        printf("per-page snippet, worst first (fp+fn descending):\n");
        for (size_t i = 0; i < n_snip; i++) {
            const ev_snippet_page *p = &snip[i].page;
            printf("  %-*s  tp %zu  fp %zu  fn %zu  tn %zu%s\n", w,
                   gold->rows[snip[i].row].id, p->tp, p->fp, p->fn, p->tn,
                   p->empty ? "  empty" : "");
        }
    }
}

/* The total misses, in gold order. */
static void print_misses(const ev_gold *gold, const body_entry *body, size_t n_body,
                         const snippet_entry *snip, size_t n_snip)
{
    int w = id_width(gold);
    for (size_t i = 0; i < n_body; i++)
        if (ev_body_miss(&body[i].page))
            printf("miss     %-*s  shingle F1 %.4f  gold %zu tokens, output %zu%s\n", w,
                   gold->rows[body[i].row].id, body[i].page.f1, body[i].page.gold_tokens,
                   body[i].page.pred_tokens, body[i].page.empty ? "  empty" : "");
    for (size_t i = 0; i < n_snip; i++)
        if (ev_snippet_miss(&snip[i].page))
            printf("miss     %-*s  snippets found 0 of %zu%s\n", w,
                   gold->rows[snip[i].row].id, snip[i].page.fn,
                   snip[i].page.empty ? "  empty" : "");
}

/* json_object_set_new that remembers a failure instead of returning it. */
static void jset(json_t *obj, const char *key, json_t *value, int *failed)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *failed = 1;
}

static json_t *set_json(const char *set_dir, const options *o, const ev_gold *gold,
                        const ev_body_summary *body, const body_entry *body_pages, size_t n_body,
                        const ev_snippet_summary *snip, const snippet_entry *snip_pages,
                        size_t n_snip, const set_stats *st)
{
    int bad = 0;
    json_t *s = json_object();
    if (!s)
        return NULL;
    jset(s, "set", json_string(set_dir), &bad);
    jset(s, "source", json_string(o->pred_dir ? "pred-dir" : "winnow"), &bad);
    if (o->pred_dir)
        jset(s, "pred_dir", json_string(o->pred_dir), &bad);
    if (n_body) {
        json_t *b = json_object();
        jset(s, "body", b, &bad);
        if (b) {
            jset(b, "f1", json_real(body->f1), &bad);
            jset(b, "precision", json_real(body->precision), &bad);
            jset(b, "recall", json_real(body->recall), &bad);
            jset(b, "accuracy", json_real(body->accuracy), &bad);
            jset(b, "pages", json_integer((json_int_t)body->pages), &bad);
            jset(b, "empty", json_integer((json_int_t)body->empty), &bad);
            jset(b, "misses", json_integer((json_int_t)body->misses), &bad);
            jset(b, "gold_blank", json_integer((json_int_t)st->gold_blank), &bad);
            jset(b, "empty_expected", json_integer((json_int_t)st->empty_expected), &bad);
        }
        json_t *list = json_array();
        jset(s, "body_pages", list, &bad);
        for (size_t i = 0; list && i < n_body; i++) {
            const ev_body_page *p = &body_pages[i].page;
            json_t *e = json_object();
            if (!e || json_array_append_new(list, e) != 0) {
                bad = 1;
                break;
            }
            jset(e, "id", json_string(gold->rows[body_pages[i].row].id), &bad);
            jset(e, "tp", json_real(p->tp_share), &bad);
            jset(e, "fp", json_real(p->fp_share), &bad);
            jset(e, "fn", json_real(p->fn_share), &bad);
            jset(e, "tp_count", json_integer((json_int_t)p->tp), &bad);
            jset(e, "fp_count", json_integer((json_int_t)p->fp), &bad);
            jset(e, "fn_count", json_integer((json_int_t)p->fn), &bad);
            jset(e, "precision", json_real(p->precision), &bad);
            jset(e, "recall", json_real(p->recall), &bad);
            jset(e, "f1", json_real(p->f1), &bad);
            jset(e, "exact", json_real(p->exact ? 1.0 : 0.0), &bad);
            jset(e, "empty", json_boolean(p->empty), &bad);
            jset(e, "miss", json_boolean(ev_body_miss(p)), &bad);
        }
    }
    if (n_snip) {
        json_t *b = json_object();
        jset(s, "snippets", b, &bad);
        if (b) {
            jset(b, "precision", json_real(snip->precision), &bad);
            jset(b, "recall", json_real(snip->recall), &bad);
            jset(b, "accuracy", json_real(snip->accuracy), &bad);
            jset(b, "f1", json_real(snip->f1), &bad);
            jset(b, "tp", json_integer((json_int_t)snip->tp), &bad);
            jset(b, "fp", json_integer((json_int_t)snip->fp), &bad);
            jset(b, "fn", json_integer((json_int_t)snip->fn), &bad);
            jset(b, "tn", json_integer((json_int_t)snip->tn), &bad);
            jset(b, "pages", json_integer((json_int_t)snip->pages), &bad);
            jset(b, "empty", json_integer((json_int_t)snip->empty), &bad);
            jset(b, "misses", json_integer((json_int_t)snip->misses), &bad);
        }
        json_t *list = json_array();
        jset(s, "snippet_pages", list, &bad);
        for (size_t i = 0; list && i < n_snip; i++) {
            const ev_snippet_page *p = &snip_pages[i].page;
            json_t *e = json_object();
            if (!e || json_array_append_new(list, e) != 0) {
                bad = 1;
                break;
            }
            jset(e, "id", json_string(gold->rows[snip_pages[i].row].id), &bad);
            jset(e, "empty", json_boolean(p->empty), &bad);
            jset(e, "tp", json_integer((json_int_t)p->tp), &bad);
            jset(e, "fp", json_integer((json_int_t)p->fp), &bad);
            jset(e, "fn", json_integer((json_int_t)p->fn), &bad);
            jset(e, "tn", json_integer((json_int_t)p->tn), &bad);
            jset(e, "miss", json_boolean(ev_snippet_miss(p)), &bad);
        }
    }
    if (!o->pred_dir) {
        json_t *t = json_object();
        jset(s, "time", t, &bad);
        if (t) {
            double sec = st->seconds;
            jset(t, "seconds", json_real(sec), &bad);
            jset(t, "pages", json_integer((json_int_t)st->pages_run), &bad);
            jset(t, "bytes", json_integer((json_int_t)st->bytes_in), &bad);
            jset(t, "pages_per_s", json_real(sec > 0 ? (double)st->pages_run / sec : 0.0), &bad);
            jset(t, "mb_per_s", json_real(sec > 0 ? (double)st->bytes_in / 1e6 / sec : 0.0), &bad);
        }
        jset(s, "failed", json_integer((json_int_t)st->failed), &bad);
        jset(s, "invalid_utf8", json_integer((json_int_t)st->invalid_utf8), &bad);
    }
    jset(s, "missing", json_integer((json_int_t)st->missing), &bad);
    if (bad) {
        json_decref(s);
        return NULL;
    }
    return s;
}

/* ------------------------------------------------------------ predicting */

/* The prediction for one row as valid UTF-8 (malloc'd), or NULL on
 * allocation failure. */
static char *predict(const options *o, const wn_extractor *ex, const char *set_dir,
                     const ev_gold_row *row, set_stats *st, size_t *out_len)
{
    static const char empty[] = "";
    const char *raw = empty;
    size_t raw_len = 0;
    char *file = NULL, *path;
    wn_result *res = NULL;

    if (o->pred_dir) {
        path = ev_path_join(o->pred_dir, row->id, ".txt");
        if (!path)
            return NULL;
        file = ev_read_file(path, &raw_len);
        if (file) {
            raw = file;
        } else {
            if (errno != ENOENT)
                fprintf(stderr, PROG ": warning: %s: %s (scored as empty)\n", path,
                        strerror(errno));
            st->missing++;
            raw_len = 0;
        }
        free(path);
    } else {
        char *pages = ev_path_join(set_dir, "pages", NULL);
        path = pages ? ev_path_join(pages, row->id, ".html") : NULL;
        free(pages);
        if (!path)
            return NULL;
        size_t len;
        file = ev_read_file(path, &len);
        if (!file) {
            fprintf(stderr, PROG ": warning: cannot read %s: %s (scored as empty)\n", path,
                    strerror(errno));
            st->missing++;
        } else {
            double t0 = now_seconds();
            wn_status status = wn_extract(ex, file, len, o->charset, row->url, &res);
            const char *text = NULL;
            size_t text_len = 0;
            if (status == WN_OK)
                text = wn_result_text(res, &text_len);
            double t1 = now_seconds();
            st->seconds += t1 - t0;
            st->pages_run++;
            st->bytes_in += len;
            if (status != WN_OK) {
                fprintf(stderr, PROG ": warning: %s: extraction failed: %s (scored as empty)\n",
                        path, wn_status_message(status));
                st->failed++;
            } else if (!text) {
                fprintf(stderr, PROG ": warning: %s: no text (out of memory?) (scored as empty)\n",
                        path);
                st->failed++;
            } else {
                raw = text;
                raw_len = text_len;
            }
        }
        free(path);
    }

    size_t bad = 0;
    char *clean = ev_utf8_clean(raw, raw_len, out_len, &bad);
    if (bad && !o->pred_dir)
        st->invalid_utf8++;
    wn_result_free(res);
    free(file);
    return clean;
}

/* ----------------------------------------------------------------- a set */

static int run_set(const options *o, const wn_extractor *ex, ev_scorer *sc,
                   const char *set_dir, json_t *json_sets)
{
    char err[1024];
    ev_gold gold;
    char *gold_path = ev_path_join(set_dir, "gold.jsonl", NULL);
    if (!gold_path) {
        fprintf(stderr, PROG ": out of memory\n");
        return 1;
    }
    int loaded = ev_gold_load(gold_path, &gold, err, sizeof err);
    free(gold_path);
    if (loaded != 0) {
        fprintf(stderr, PROG ": %s: cannot read the set: %s\n", set_dir, err);
        return 1;
    }

    int rc = 0;
    char *save_dir = NULL;
    body_entry *body = calloc(gold.n_body + 1, sizeof *body);
    snippet_entry *snip = calloc(gold.n_snippets + 1, sizeof *snip);
    size_t n_body = 0, n_snip = 0;
    set_stats st;
    memset(&st, 0, sizeof st);
    ev_body_totals body_totals;
    ev_snippet_totals snip_totals;
    memset(&body_totals, 0, sizeof body_totals);
    memset(&snip_totals, 0, sizeof snip_totals);
    if (!body || !snip)
        goto nomem;

    if (o->save_dir) {
        if (o->n_sets > 1) {
            char *base = ev_base_name(set_dir);
            save_dir = base ? ev_path_join(o->save_dir, base, NULL) : NULL;
            free(base);
        } else {
            save_dir = ev_path_join(o->save_dir, "", NULL);
        }
        if (!save_dir)
            goto nomem;
        if (ev_make_dirs(save_dir) != 0) {
            fprintf(stderr, PROG ": cannot create %s: %s\n", save_dir, strerror(errno));
            rc = 1;
            goto done;
        }
    }

    for (size_t i = 0; i < gold.n; i++) {
        const ev_gold_row *row = &gold.rows[i];
        if (!row->has_body && !row->has_snippets && !save_dir)
            continue;           /* unlabelled row: nothing to score or save */
        size_t len;
        char *pred = predict(o, ex, set_dir, row, &st, &len);
        if (!pred)
            goto nomem;
        if (save_dir) {
            char *path = ev_path_join(save_dir, row->id, ".txt");
            if (!path || ev_write_atomic(path, pred, len) != 0) {
                fprintf(stderr, PROG ": cannot write %s: %s\n", path ? path : row->id,
                        strerror(errno));
                st.save_errors++;
            }
            free(path);
        }
        if (row->has_body) {
            body_entry *e = &body[n_body++];
            e->row = i;
            if (ev_score_body(sc, row->body, row->body_len, pred, len, &e->page) != 0) {
                free(pred);
                goto nomem;
            }
            ev_body_totals_add(&body_totals, &e->page);
            if (ev_is_blank(row->body, row->body_len)) {
                st.gold_blank++;
                st.empty_expected += e->page.empty != 0;
            }
        }
        if (row->has_snippets) {
            snippet_entry *e = &snip[n_snip++];
            e->row = i;
            if (ev_score_snippets(pred, len, row->with, row->n_with, row->without,
                                  row->n_without, &e->page) != 0) {
                free(pred);
                goto nomem;
            }
            ev_snippet_totals_add(&snip_totals, &e->page);
        }
        free(pred);
    }

    ev_body_summary bs;
    ev_snippet_summary ss;
    ev_body_summarise(&body_totals, &bs);
    ev_snippet_summarise(&snip_totals, &ss);

    printf("set: %s\n", set_dir);
    if (n_body)
        printf("shingle  pages %zu  F1 %.4f  P %.4f  R %.4f  acc %.4f  empty %zu  misses %zu\n",
               bs.pages, bs.f1, bs.precision, bs.recall, bs.accuracy, bs.empty, bs.misses);
    if (st.gold_blank)
        printf("no-article pages (blank gold) %zu, of them with a blank output %zu\n",
               st.gold_blank, st.empty_expected);
    if (n_snip)
        printf("snippet  pages %zu  F %.4f  P %.4f  R %.4f  acc %.4f  "
               "tp %zu  fp %zu  fn %zu  tn %zu  empty %zu  misses %zu\n",
               ss.pages, ss.f1, ss.precision, ss.recall, ss.accuracy,
               ss.tp, ss.fp, ss.fn, ss.tn, ss.empty, ss.misses);
    if (!n_body && !n_snip)
        printf("no labelled pages\n");
    if (o->pred_dir) {
        printf("source   %s  (missing %zu)\n", o->pred_dir, st.missing);
    } else {
        double sec = st.seconds;
        printf("time     %.2f s  %.1f pages/s  %.2f MB/s\n", sec,
               sec > 0 ? (double)st.pages_run / sec : 0.0,
               sec > 0 ? (double)st.bytes_in / 1e6 / sec : 0.0);
        if (st.missing || st.failed || st.invalid_utf8)
            printf("notes    missing %zu  failed %zu  invalid-utf8 %zu\n",
                   st.missing, st.failed, st.invalid_utf8);
    }
    if (st.invalid_utf8)
        fprintf(stderr, PROG ": warning: %s: %zu predictions were not valid UTF-8 "
                "(invalid bytes scored as U+FFFD)\n", set_dir, st.invalid_utf8);
    if (st.save_errors)
        rc = 1;

    if (json_sets) {
        json_t *s = set_json(set_dir, o, &gold, &bs, body, n_body, &ss, snip, n_snip, &st);
        if (!s || json_array_append_new(json_sets, s) != 0) {
            fprintf(stderr, PROG ": out of memory building JSON\n");
            rc = 1;
        }
    }
    if (o->misses)
        print_misses(&gold, body, n_body, snip, n_snip);
    if (o->per_page)
        print_per_page(&gold, body, n_body, snip, n_snip);
    fflush(stdout);
    goto done;

nomem:
    fprintf(stderr, PROG ": %s: out of memory\n", set_dir);
    rc = 1;
done:
    free(save_dir);
    free(body);
    free(snip);
    ev_gold_free(&gold);
    return rc;
}

/* --diff SET ID: the page's gold and winnow's output, line by line. */
static int run_diff(const options *o, const wn_extractor *ex, ev_scorer *sc)
{
    const char *set_dir = o->sets[0], *id = o->sets[1];
    char err[1024];
    ev_gold gold;
    char *gold_path = ev_path_join(set_dir, "gold.jsonl", NULL);
    if (!gold_path || ev_gold_load(gold_path, &gold, err, sizeof err) != 0) {
        fprintf(stderr, PROG ": %s: cannot read the set: %s\n", set_dir,
                gold_path ? err : "out of memory");
        free(gold_path);
        return 1;
    }
    free(gold_path);
    const ev_gold_row *row = NULL;
    for (size_t i = 0; i < gold.n && !row; i++)
        if (strcmp(gold.rows[i].id, id) == 0)
            row = &gold.rows[i];
    if (!row) {
        fprintf(stderr, PROG ": %s: no page %s in its gold.jsonl\n", set_dir, id);
        ev_gold_free(&gold);
        return 1;
    }
    set_stats st;
    memset(&st, 0, sizeof st);
    size_t len;
    char *pred = predict(o, ex, set_dir, row, &st, &len);
    int rc = pred ? 0 : 1;
    ev_diff_counts c;
    if (pred && row->has_body) {
        printf("--- gold    %s/gold.jsonl %s\n+++ winnow  %s/pages/%s.html\n", set_dir, id,
               set_dir, id);
        rc = ev_diff_body(stdout, row->body, row->body_len, pred, len, &c) != 0;
        ev_body_page page;
        if (!rc && ev_score_body(sc, row->body, row->body_len, pred, len, &page) == 0)
            printf("lines: %zu in both, %zu missed, %zu extra; shingle P %.4f R %.4f F1 %.4f\n",
                   c.same, c.missed, c.extra, page.precision, page.recall, page.f1);
    }
    if (pred && !rc && row->has_snippets) {
        printf("snippets of %s/gold.jsonl %s in winnow's output of %s/pages/%s.html\n", set_dir,
               id, set_dir, id);
        rc = ev_diff_snippets(stdout, pred, len, row->with, row->n_with, row->without,
                              row->n_without, &c) != 0;
        if (!rc)
            printf("snippets: %zu of %zu found, %zu of %zu leaked\n", c.same, row->n_with,
                   c.extra, row->n_without);
    }
    if (pred && !row->has_body && !row->has_snippets)
        printf("%s: the page is not labelled\n", id);
    if (!pred || rc)
        fprintf(stderr, PROG ": out of memory\n");
    free(pred);
    ev_gold_free(&gold);
    return rc;
}

/* --probe: the cheap guess against the extraction's verdict, on every
 * page of a set. */
static int run_probe(const options *o, const wn_extractor *ex, const char *set_dir)
{
    char err[1024];
    ev_gold gold;
    char *gold_path = ev_path_join(set_dir, "gold.jsonl", NULL);
    if (!gold_path || ev_gold_load(gold_path, &gold, err, sizeof err) != 0) {
        fprintf(stderr, PROG ": %s: cannot read the set: %s\n", set_dir,
                gold_path ? err : "out of memory");
        free(gold_path);
        return 1;
    }
    free(gold_path);
    size_t both = 0, neither = 0, probe_only = 0, extract_only = 0, unread = 0;
    char *pages = ev_path_join(set_dir, "pages", NULL);
    for (size_t i = 0; pages && i < gold.n; i++) {
        char *path = ev_path_join(pages, gold.rows[i].id, ".html");
        size_t len;
        char *file = path ? ev_read_file(path, &len) : NULL;
        wn_result *res = NULL;
        if (!file || wn_extract(ex, file, len, o->charset, gold.rows[i].url, &res) != WN_OK) {
            unread++;
        } else {
            int guess = wn_is_probably_article(ex, file, len, o->charset);
            int article = wn_result_has_article(res);
            both += guess && article;
            neither += !guess && !article;
            probe_only += guess && !article;
            extract_only += !guess && article;
            if (o->per_page && guess != article)
                printf("  %-40s probe %s, extraction %s (%s page)\n", gold.rows[i].id,
                       guess ? "article" : "none", article ? "article" : "none",
                       wn_page_kind_name(wn_result_page_kind(res)));
        }
        wn_result_free(res);
        free(file);
        free(path);
    }
    free(pages);
    size_t n = both + neither + probe_only + extract_only;
    printf("probe    %s  pages %zu  agree %zu (%.1f%%)  both article %zu  both none %zu  "
           "probe only %zu  extraction only %zu%s\n",
           set_dir, n, both + neither, n ? 100.0 * (double)(both + neither) / (double)n : 0.0,
           both, neither, probe_only, extract_only, unread ? "  (some pages unread)" : "");
    ev_gold_free(&gold);
    return 0;
}

static int write_json(const char *path, json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
    if (!text) {
        fprintf(stderr, PROG ": out of memory building JSON\n");
        return 1;
    }
    size_t len = strlen(text);
    int rc = 0;
    if (ev_write_atomic(path, text, len) != 0) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", path, strerror(errno));
        rc = 1;
    }
    free(text);
    return rc;
}

int main(int argc, char **argv)
{
    options o;
    if (parse_args(argc, argv, &o) != 0) {
        usage(stderr);
        free(o.sets);
        return 2;
    }
    if (o.dump_classes) {
        dump_classes();
        free(o.sets);
        return 0;
    }

    wn_extractor *ex = NULL;
    if (!o.pred_dir) {
        wn_status status = wn_extractor_new(NULL, &ex);
        if (status != WN_OK) {
            fprintf(stderr, PROG ": cannot create the extractor: %s\n", wn_status_message(status));
            free(o.sets);
            return 1;
        }
    }
    if (o.meta_gold && (!o.meta || o.n_sets != 1)) {
        fprintf(stderr, PROG ": --meta-gold goes with --meta and one set\n");
        wn_extractor_free(ex);
        free(o.sets);
        return 2;
    }
    if (o.meta && ex) {
        int failed = 0;
        for (size_t i = 0; i < o.n_sets; i++)
            failed |= ev_meta_run(ex, o.sets[i], o.meta_gold, o.per_page);
        wn_extractor_free(ex);
        free(o.sets);
        return failed ? 1 : 0;
    }
    ev_scorer *sc = ev_scorer_new();
    json_t *root = NULL, *sets = NULL;
    int rc = 0;
    if (!sc)
        rc = 1;
    if (!rc && o.json_path) {
        root = json_object();
        sets = json_array();
        if (!root || !sets ||
            json_object_set_new(root, "tool", json_string(PROG)) != 0 ||
            json_object_set_new(root, "winnow_version", json_string(wn_version())) != 0 ||
            json_object_set(root, "sets", sets) != 0)
            rc = 1;
    }
    int ready = !rc;
    if (!ready)
        fprintf(stderr, PROG ": out of memory\n");

    if (ready && o.probe && ex) {
        for (size_t i = 0; i < o.n_sets; i++)
            rc |= run_probe(&o, ex, o.sets[i]);
        ready = 0;
    }
    if (ready && o.diff) {
        rc = run_diff(&o, ex, sc);
        ready = 0;
    }
    if (ready) {
        /* a set that cannot be read does not stop the others */
        for (size_t i = 0; i < o.n_sets; i++) {
            if (i > 0)
                printf("\n");
            if (run_set(&o, ex, sc, o.sets[i], sets) != 0)
                rc = 1;
        }
    }
    if (ready && root && write_json(o.json_path, root) != 0)
        rc = 1;

    json_decref(sets);
    json_decref(root);
    ev_scorer_free(sc);
    wn_extractor_free(ex);
    free(o.sets);
    return rc;
}
