/* Turning FILE|DIR operands into input files, and reading one input. */
#include "cli.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK 65536

/* Take path and name (both malloc'd; freed on failure). */
static int inputs_push(cli_inputs *inputs, char *path, char *name)
{
    if (!path || !name)
        goto fail;
    if (inputs->count == inputs->capacity) {
        size_t capacity = inputs->capacity ? inputs->capacity * 2 : 16;
        char **paths, **names;
        if (capacity > SIZE_MAX / sizeof *paths)
            goto fail;
        paths = realloc(inputs->paths, capacity * sizeof *paths);
        if (!paths)
            goto fail;
        inputs->paths = paths;
        names = realloc(inputs->names, capacity * sizeof *names);
        if (!names)
            goto fail;
        inputs->names = names;
        inputs->capacity = capacity;
    }
    inputs->paths[inputs->count] = path;
    inputs->names[inputs->count++] = name;
    return 0;
fail:
    free(path);
    free(name);
    return ENOMEM;
}

/* The last component of path, trailing slashes ignored, malloc'd. */
static char *base_name_copy(const char *path)
{
    size_t end = strlen(path);
    size_t start;
    while (end > 1 && path[end - 1] == '/')
        end--;
    start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    return strndup(path + start, end - start);
}

/* A file operand: named after its base name ("-": "stdin"). */
static int inputs_push_operand(cli_inputs *inputs, const char *path)
{
    int is_stdin = strcmp(path, CLI_STDIN_PATH) == 0;
    return inputs_push(inputs, strdup(path), is_stdin ? strdup("stdin") : base_name_copy(path));
}

/* A path listed by --files-from, as a relative name below the output
 * directory: "/" and "./" at the start and empty or "." components are
 * dropped, ".." becomes "__" (no output ever lands outside DIR). */
static char *listed_name(const char *path)
{
    size_t len = strlen(path);
    char *out = malloc(len + 2);
    size_t o = 0;
    const char *p = path;
    if (!out)
        return NULL;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* dropped */
        } else {
            if (o > 0)
                out[o++] = '/';
            if (n == 2 && p[0] == '.' && p[1] == '.') {
                memcpy(out + o, "__", 2);
                o += 2;
            } else {
                memcpy(out + o, p, n);
                o += n;
            }
        }
        p += n;
        if (*p == '/')
            p++;
    }
    if (o == 0)
        out[o++] = '_';
    out[o] = '\0';
    return out;
}

void cli_inputs_free(cli_inputs *inputs)
{
    for (size_t i = 0; i < inputs->count; i++) {
        free(inputs->paths[i]);
        free(inputs->names[i]);
    }
    free(inputs->paths);
    free(inputs->names);
    memset(inputs, 0, sizeof *inputs);
}

static int has_suffix(const char *name, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && strncasecmp(name + len - n, suffix, n) == 0;
}

/* An input of a directory: a page (*.htm, *.html, each possibly .gz, .zst
 * or .br) or a WARC file (*.warc, *.warc.gz, *.warc.zst), any case. Hidden
 * files are left out, as a shell glob would. */
static int is_input_name(const char *name)
{
    size_t len = strlen(name);
    if (name[0] == '.')
        return 0;
    if (has_suffix(name, len, ".gz"))
        len -= 3;
    else if (has_suffix(name, len, ".zst"))
        len -= 4;
    else if (has_suffix(name, len, ".br"))
        len -= 3;
    return has_suffix(name, len, ".html") || has_suffix(name, len, ".htm") ||
           has_suffix(name, len, ".warc");
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible entries of a directory, sorted (malloc'd array of malloc'd
 * names). Returns 0, ENOMEM, or the errno of opendir()/readdir(). */
static int list_directory(const char *dir_path, char ***names, size_t *count)
{
    DIR *dir = opendir(dir_path);
    size_t capacity = 0;
    int err = 0;

    *names = NULL;
    *count = 0;
    if (!dir)
        return errno;
    for (;;) {
        struct dirent *entry;
        errno = 0;
        entry = readdir(dir);
        if (!entry) {
            err = errno;
            break;
        }
        if (entry->d_name[0] == '.')
            continue;
        if (*count == capacity) {
            size_t bigger = capacity ? capacity * 2 : 32;
            char **grown = bigger < SIZE_MAX / sizeof *grown ? realloc(*names, bigger * sizeof *grown) : NULL;
            if (!grown) {
                err = ENOMEM;
                break;
            }
            *names = grown;
            capacity = bigger;
        }
        if (!((*names)[*count] = strdup(entry->d_name))) {
            err = ENOMEM;
            break;
        }
        ++*count;
    }
    closedir(dir);
    if (*count > 1)
        qsort(*names, *count, sizeof **names, compare_names);
    return err;
}

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

/* How deep -r goes: links to directories are never followed, so only a
 * real tree this deep stops it. */
#define MAX_WALK_DEPTH 256

/* Add the inputs of a directory in name order, going down into its
 * subdirectories with recursive set; prefix is the relative name of the
 * directory ("" at the top). Only regular files (or links to them) are
 * taken; a name that cannot be stat'ed (a dangling link) is kept, so that
 * reading it reports the error for that input. Unreadable subdirectories
 * are reported and counted. Returns 0 or ENOMEM. */
static int walk_directory(const char *dir_path, const char *prefix, int recursive,
                          unsigned depth, cli_inputs *inputs, size_t *failures)
{
    char **names;
    size_t count;
    int err = list_directory(dir_path, &names, &count);
    int result = 0;

    if (err == ENOMEM) {
        free_names(names, count);
        return ENOMEM;
    }
    if (err != 0) {
        cli_report(dir_path, "%s", strerror(err));
        ++*failures;
    }
    for (size_t i = 0; i < count && result == 0; i++) {
        struct stat lst, st;
        char *path = cli_path_join(dir_path, names[i]);
        char *name = *prefix ? cli_path_join(prefix, names[i]) : strdup(names[i]);
        int is_dir;

        if (!path || !name) {
            free(path);
            free(name);
            result = ENOMEM;
            break;
        }
        /* lstat(): a link to a directory is not a directory to walk. */
        is_dir = lstat(path, &lst) == 0 && S_ISDIR(lst.st_mode);
        if (is_dir && recursive) {
            if (depth >= MAX_WALK_DEPTH) {
                cli_report(path, "directories nested deeper than %d; not entered", MAX_WALK_DEPTH);
                ++*failures;
            } else {
                result = walk_directory(path, name, recursive, depth + 1, inputs, failures);
            }
        } else if (!is_dir && is_input_name(names[i]) &&
                   (stat(path, &st) != 0 || S_ISREG(st.st_mode))) {
            result = inputs_push(inputs, path, name);
            path = name = NULL;
        }
        free(path);
        free(name);
    }
    free_names(names, count);
    return result;
}

static int expand_directory(const char *dir_path, int recursive, cli_inputs *inputs,
                            size_t *failures)
{
    size_t first = inputs->count;
    size_t failed = *failures;
    int err = walk_directory(dir_path, "", recursive, 0, inputs, failures);

    if (err == 0 && inputs->count == first && *failures == failed) {
        cli_report(dir_path, recursive ? "no pages or WARC files in this directory tree"
                                       : "no pages or WARC files in this directory");
        ++*failures;
    }
    return err;
}

static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* One operand or listed path: a directory is expanded, "-" and anything
 * else is taken as a file. listed: named as listed rather than by base name. */
static int add_path(const cli_args *args, const char *path, int listed, cli_inputs *inputs,
                    size_t *failures)
{
    if (strcmp(path, CLI_STDIN_PATH) != 0 && is_directory(path))
        return expand_directory(path, args->recursive, inputs, failures);
    if (listed)
        return inputs_push(inputs, strdup(path), listed_name(path));
    return inputs_push_operand(inputs, path);
}

/* The --files-from list: one path a line (a CR before the LF is dropped),
 * empty lines skipped. */
static int add_listed(const cli_args *args, cli_inputs *inputs, size_t *failures)
{
    int from_stdin = strcmp(args->files_from, CLI_STDIN_PATH) == 0;
    FILE *list = from_stdin ? stdin : fopen(args->files_from, "r");
    char *line = NULL;
    size_t size = 0;
    ssize_t n;
    int err = 0;

    if (!list) {
        cli_report(args->files_from, "%s", strerror(errno));
        ++*failures;
        return 0;
    }
    while (err == 0 && (n = getline(&line, &size, list)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        if (n > 0 && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0)
            continue;
        if (from_stdin && strcmp(line, CLI_STDIN_PATH) == 0) {
            cli_usage_error("'-' in the --files-from list read from standard input");
            err = EINVAL;
            break;
        }
        err = add_path(args, line, 1, inputs, failures);
    }
    if (err == 0 && ferror(list)) {
        cli_report(args->files_from, "%s", strerror(errno));
        ++*failures;
    }
    free(line);
    if (!from_stdin)
        fclose(list);
    return err;
}

int cli_inputs_expand(const cli_args *args, cli_inputs *inputs, size_t *failures)
{
    memset(inputs, 0, sizeof *inputs);
    if (args->files_from && strcmp(args->files_from, CLI_STDIN_PATH) == 0) {
        for (size_t i = 0; i < args->operand_count; i++)
            if (strcmp(args->operands[i], CLI_STDIN_PATH) == 0) {
                cli_usage_error("standard input cannot be both the --files-from list and an input");
                return EINVAL;
            }
    }
    if (args->operand_count == 0 && !args->files_from)
        return inputs_push_operand(inputs, CLI_STDIN_PATH);
    for (size_t i = 0; i < args->operand_count; i++) {
        int err = add_path(args, args->operands[i], 0, inputs, failures);
        if (err != 0)
            return err;
    }
    return args->files_from ? add_listed(args, inputs, failures) : 0;
}

/* Grow *buffer so that it can hold more than *capacity bytes, up to cap. */
static int grow_buffer(char **buffer, size_t *capacity, size_t cap)
{
    size_t wanted = *capacity <= cap / 2 ? *capacity * 2 : cap;
    char *bigger;

    if (wanted < READ_CHUNK && cap >= READ_CHUNK)
        wanted = READ_CHUNK;
    bigger = realloc(*buffer, wanted);
    if (!bigger)
        return ENOMEM;
    *buffer = bigger;
    *capacity = wanted;
    return 0;
}

/* A first buffer size: the file's size (plus one byte to see the end
 * without growing) when it is known, else a chunk; never above cap. */
static size_t initial_capacity(int fd, size_t cap)
{
    struct stat st;
    size_t size = READ_CHUNK;

    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        (uintmax_t)st.st_size < SIZE_MAX)
        size = (size_t)st.st_size + 1;
    if (size > cap)
        size = cap;
    return size ? size : 1;
}


int cli_source_open(cli_source *source, const char *path)
{
    memset(source, 0, sizeof *source);
    if (strcmp(path, CLI_STDIN_PATH) == 0) {
        source->fd = STDIN_FILENO;
    } else {
        source->fd = open(path, O_RDONLY);
        if (source->fd < 0)
            return errno;
        source->owned = 1;
    }
    source->capacity = CLI_PREFIX;
    source->bytes = malloc(source->capacity);
    if (!source->bytes) {
        cli_source_close(source);
        return ENOMEM;
    }
    /* The first CLI_PREFIX bytes, or all there are. */
    while (source->len < CLI_PREFIX) {
        ssize_t n = read(source->fd, source->bytes + source->len, CLI_PREFIX - source->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            cli_source_close(source);
            return err;
        }
        if (n == 0)
            break;
        source->len += (size_t)n;
        source->consumed += (unsigned long long)n;
    }
    return 0;
}

int cli_source_read_all(cli_source *source, size_t cap)
{
    size_t first = initial_capacity(source->fd, cap);
    if (first > source->capacity) {
        char *bigger = realloc(source->bytes, first);
        if (!bigger)
            return ENOMEM;
        source->bytes = bigger;
        source->capacity = first;
    }
    while (source->len < cap) {
        ssize_t n;
        if (source->len == source->capacity &&
            grow_buffer(&source->bytes, &source->capacity, cap) != 0)
            return ENOMEM;
        n = read(source->fd, source->bytes + source->len, source->capacity - source->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            break;
        source->len += (size_t)n;
        source->consumed += (unsigned long long)n;
    }
    return 0;
}

long cli_source_read(void *data, char *buffer, size_t len)
{
    cli_source *source = data;
    if (source->served < source->len) {
        size_t n = source->len - source->served;
        if (n > len)
            n = len;
        memcpy(buffer, source->bytes + source->served, n);
        source->served += n;
        return (long)n;
    }
    if (len > LONG_MAX)
        len = LONG_MAX;
    for (;;) {
        ssize_t n = read(source->fd, buffer, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            source->error = errno;
            return -1;
        }
        source->consumed += (unsigned long long)n;
        return (long)n;
    }
}

void cli_source_close(cli_source *source)
{
    if (source->owned)
        close(source->fd);
    source->owned = 0;
    source->fd = -1;
    free(source->bytes);
    source->bytes = NULL;
}
