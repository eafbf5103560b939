/* Turning FILE|DIR operands into input files, and reading one input. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK 65536

static int inputs_push(cli_inputs *inputs, char *path)
{
    if (inputs->count == inputs->capacity) {
        size_t capacity = inputs->capacity ? inputs->capacity * 2 : 16;
        char **paths;
        if (capacity > SIZE_MAX / sizeof *paths)
            return ENOMEM;
        paths = realloc(inputs->paths, capacity * sizeof *paths);
        if (!paths)
            return ENOMEM;
        inputs->paths = paths;
        inputs->capacity = capacity;
    }
    inputs->paths[inputs->count++] = path;
    return 0;
}

static int inputs_push_copy(cli_inputs *inputs, const char *path)
{
    char *copy = strdup(path);
    if (!copy || inputs_push(inputs, copy) != 0) {
        free(copy);
        return ENOMEM;
    }
    return 0;
}

void cli_inputs_free(cli_inputs *inputs)
{
    for (size_t i = 0; i < inputs->count; i++)
        free(inputs->paths[i]);
    free(inputs->paths);
    memset(inputs, 0, sizeof *inputs);
}

/* A page of a directory: *.htm or *.html, any case. Hidden files are left
 * out, as a shell glob would. */
static int is_page_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (name[0] == '.' || !dot)
        return 0;
    return strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0;
}

/* Only regular files of a directory are read; subdirectories and devices
 * named *.html are skipped. A name that cannot be stat'ed (a dangling
 * link) is kept, so reading it reports the error for that input. */
static int is_skipped_entry(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append the pages of dir to inputs, unsorted. Returns 0, ENOMEM, or the
 * errno of a failed readdir. */
static int collect_pages(const char *dir_path, DIR *dir, cli_inputs *inputs)
{
    for (;;) {
        struct dirent *entry;
        char *path;

        errno = 0;
        entry = readdir(dir);
        if (!entry)
            return errno;
        if (!is_page_name(entry->d_name))
            continue;
        path = cli_path_join(dir_path, entry->d_name);
        if (!path)
            return ENOMEM;
        if (is_skipped_entry(path)) {
            free(path);
            continue;
        }
        if (inputs_push(inputs, path) != 0) {
            free(path);
            return ENOMEM;
        }
    }
}

/* Add the pages of a directory in name order. An unreadable or page-less
 * directory is reported and counted as a failure. Returns 0 or ENOMEM. */
static int expand_directory(const char *dir_path, cli_inputs *inputs, size_t *failures)
{
    size_t first = inputs->count;
    DIR *dir = opendir(dir_path);
    int err;

    if (!dir) {
        cli_report(dir_path, "%s", strerror(errno));
        ++*failures;
        return 0;
    }
    err = collect_pages(dir_path, dir, inputs);
    closedir(dir);
    if (err == ENOMEM)
        return ENOMEM;
    if (inputs->count - first > 1)
        qsort(inputs->paths + first, inputs->count - first, sizeof *inputs->paths,
              compare_paths);
    if (err != 0) {
        cli_report(dir_path, "%s", strerror(err));
        ++*failures;
    } else if (inputs->count == first) {
        cli_report(dir_path, "no .htm or .html files in this directory");
        ++*failures;
    }
    return 0;
}

static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_inputs_expand(char *const *operands, size_t count, cli_inputs *inputs,
                      size_t *failures)
{
    memset(inputs, 0, sizeof *inputs);
    if (count == 0)
        return inputs_push_copy(inputs, CLI_STDIN_PATH);
    for (size_t i = 0; i < count; i++) {
        const char *operand = operands[i];
        int err;
        if (strcmp(operand, CLI_STDIN_PATH) != 0 && is_directory(operand))
            err = expand_directory(operand, inputs, failures);
        else
            err = inputs_push_copy(inputs, operand);
        if (err != 0)
            return err;
    }
    return 0;
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

/* Read fd to its end or to cap bytes, whichever comes first. */
static int read_capped(int fd, size_t cap, char **bytes, size_t *len)
{
    size_t capacity = initial_capacity(fd, cap);
    size_t used = 0;
    char *buffer = malloc(capacity);

    if (!buffer)
        return ENOMEM;
    while (used < cap) {
        ssize_t n;
        if (used == capacity && grow_buffer(&buffer, &capacity, cap) != 0) {
            free(buffer);
            return ENOMEM;
        }
        n = read(fd, buffer + used, capacity - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            free(buffer);
            return err;
        }
        if (n == 0)
            break;
        used += (size_t)n;
    }
    *bytes = buffer;
    *len = used;
    return 0;
}

int cli_read_input(const char *path, size_t cap, char **bytes, size_t *len)
{
    int fd;
    int err;

    if (strcmp(path, CLI_STDIN_PATH) == 0)
        return read_capped(STDIN_FILENO, cap, bytes, len);
    fd = open(path, O_RDONLY);
    if (fd < 0)
        return errno;
    err = read_capped(fd, cap, bytes, len);
    if (close(fd) != 0 && err == 0 && errno != EINTR) {
        err = errno;
        free(*bytes);
    }
    return err;
}
