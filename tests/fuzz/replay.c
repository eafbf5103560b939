/* fuzz_replay: runs a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer, so that saved inputs replay as ordinary tests with any compiler.
 * Usage: <target>_replay FILE|DIR ...   (a directory: its files, sorted;
 * names starting with '.', README* and KNOWN_FAILING are skipped). A crash or
 * abort() in the target fails the run; the last "replay:" line on stderr
 * names the input.
 *
 * KNOWN_FAILING in a directory lists inputs of that directory, one file name
 * a line ('#' starts a comment), that are expected to fail until a fix lands.
 * Each of them runs in a child process: its failure is reported and
 * tolerated; if it passes, or is missing, the run fails, so that its line
 * gets deleted with the fix. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define KNOWN_FAILING "KNOWN_FAILING"

static size_t tolerated; /* known failures that failed as expected */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *data = malloc(cap);
    for (;;) {
        if (!data) {
            fclose(f);
            fprintf(stderr, "%s: out of memory\n", path);
            return -1;
        }
        len += fread(data + len, 1, cap - len, f);
        if (len < cap)
            break;
        cap *= 2;
        uint8_t *grown = realloc(data, cap);
        if (!grown)
            free(data);
        data = grown;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        fprintf(stderr, "%s: read error\n", path);
        free(data);
        return -1;
    }
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    /* An exact-size copy, so that ASan catches reads past the end. */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        free(data);
        return -1;
    }
    memcpy(exact, data, len);
    free(data);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

/* Runs a known failure in a child: 0 when it failed as expected. */
static int replay_known_failing(const char *path)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return -1;
    }
    if (pid == 0) {
        int rc = replay_file(path);
        fflush(stderr);
        _exit(rc == 0 ? 0 : 2);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        fprintf(stderr, "replay: %s is listed in " KNOWN_FAILING " but now passes: "
                        "delete its line\n", path);
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 2)
        return -1; /* unreadable: reported by replay_file */
    fprintf(stderr, "replay: %s: known failure (listed in " KNOWN_FAILING "), tolerated\n", path);
    tolerated++;
    return 0;
}

/* The names listed in dir/KNOWN_FAILING (NULL-terminated), or NULL with
 * *count 0 when there is no such file; -1 in *count on error. */
static char **read_known_failing(const char *dir, long *count)
{
    *count = 0;
    size_t need = strlen(dir) + sizeof KNOWN_FAILING + 1;
    char *path = malloc(need);
    if (!path) {
        *count = -1;
        return NULL;
    }
    snprintf(path, need, "%s/%s", dir, KNOWN_FAILING);
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return NULL;
    char **names = calloc(1, sizeof *names);
    int failed = names == NULL;
    char line[1024];
    while (!failed && fgets(line, sizeof line, f)) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        size_t n = strlen(s);
        while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            s[--n] = '\0';
        if (!n)
            continue;
        char **grown = realloc(names, ((size_t)*count + 2) * sizeof *names);
        char *copy = grown ? strdup(s) : NULL;
        if (grown)
            names = grown;
        if (!copy) {
            failed = 1;
            break;
        }
        names[(*count)++] = copy;
        names[*count] = NULL;
    }
    failed = failed || ferror(f);
    fclose(f);
    if (failed) {
        fprintf(stderr, "%s/" KNOWN_FAILING ": read error or out of memory\n", dir);
        *count = -1;
    }
    return names;
}

static void free_names(char **names)
{
    for (size_t i = 0; names && names[i]; i++)
        free(names[i]);
    free(names);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir, size_t *count)
{
    long known_count;
    char **known = read_known_failing(dir, &known_count);
    if (known_count < 0) {
        free_names(known);
        return -1;
    }
    int *known_seen = calloc((size_t)known_count + 1, sizeof *known_seen);
    DIR *d = known_seen ? opendir(dir) : NULL;
    if (!d) {
        perror(dir);
        free_names(known);
        free(known_seen);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0 ||
            strcmp(e->d_name, KNOWN_FAILING) == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) {
                rc = -1;
                break;
            }
            names = grown;
        }
        size_t need = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(need);
        if (!names[n]) {
            rc = -1;
            break;
        }
        snprintf(names[n], need, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    size_t dir_len = strlen(dir) + 1;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            long listed = -1;
            for (long k = 0; k < known_count; k++)
                if (strcmp(known[k], names[i] + dir_len) == 0)
                    listed = k;
            int r = listed >= 0 ? replay_known_failing(names[i]) : replay_file(names[i]);
            if (listed >= 0)
                known_seen[listed] = 1;
            if (r != 0)
                rc = -1;
            else
                (*count)++;
        }
        free(names[i]);
    }
    free(names);
    for (long k = 0; rc == 0 && k < known_count; k++) {
        if (!known_seen[k]) {
            fprintf(stderr, "%s/" KNOWN_FAILING ": '%s' is not a file of the directory\n", dir,
                    known[k]);
            rc = -1;
        }
    }
    free_names(known);
    free(known_seen);
    return rc;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 1;
        }
        int rc;
        if (S_ISDIR(st.st_mode)) {
            rc = replay_dir(argv[i], &count);
        } else {
            rc = replay_file(argv[i]);
            count += rc == 0;
        }
        if (rc != 0)
            return 1;
    }
    printf("%zu inputs replayed without a finding", count - tolerated);
    if (tolerated)
        printf(", %zu known failures (" KNOWN_FAILING ") failed as expected", tolerated);
    printf("\n");
    return 0;
}
