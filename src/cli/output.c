/* Writing outputs: a buffered fd sink, atomic output files, output names. */
/* O_TMPFILE, linkat() and AT_* come with the GNU extensions. */
#define _GNU_SOURCE
#include "cli.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- buffered sink ---- */

void cli_stream_init(cli_stream *stream, int fd)
{
    stream->fd = fd;
    stream->error = 0;
    stream->used = 0;
}

/* write() all of bytes, through short writes and EINTR. */
static int write_all(int fd, const char *bytes, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, bytes, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        bytes += n;
        len -= (size_t)n;
    }
    return 0;
}

int cli_stream_flush(cli_stream *stream)
{
    if (stream->error == 0 && stream->used > 0)
        stream->error = write_all(stream->fd, stream->buffer, stream->used);
    stream->used = 0;
    return stream->error;
}

int cli_stream_sink(void *data, const char *bytes, size_t len)
{
    cli_stream *stream = data;

    if (stream->error != 0)
        return 1;
    if (len > sizeof stream->buffer - stream->used && cli_stream_flush(stream) != 0)
        return 1;
    if (len >= sizeof stream->buffer) {
        stream->error = write_all(stream->fd, bytes, len);
        return stream->error != 0;
    }
    memcpy(stream->buffer + stream->used, bytes, len);
    stream->used += len;
    return 0;
}

/* ---- paths and names ---- */

char *cli_path_join(const char *dir, const char *name)
{
    size_t dir_len = strlen(dir);
    size_t name_len = strlen(name);
    int slash = dir_len > 0 && dir[dir_len - 1] != '/';
    char *path;

    if (dir_len > SIZE_MAX - name_len - 2)
        return NULL;
    path = malloc(dir_len + (size_t)slash + name_len + 1);
    if (!path)
        return NULL;
    memcpy(path, dir, dir_len);
    if (slash)
        path[dir_len] = '/';
    memcpy(path + dir_len + (size_t)slash, name, name_len + 1);
    return path;
}

static const char *format_extension(wn_format format)
{
    switch (format) {
    case WN_FORMAT_TEXT:
        return ".txt";
    case WN_FORMAT_EXPLAIN:
        return ".explain.txt";
    case WN_FORMAT_EXPLAIN_HTML:
        return ".explain.html";
    case WN_FORMAT_JSON:
        return ".json";
    case WN_FORMAT_MARKDOWN:
        return ".md";
    case WN_FORMAT_HTML:
        return ".article.html";
    case WN_FORMAT_XML:
    default:
        return ".xml";
    }
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

int cli_is_brotli_name(const char *path)
{
    return ends_with(path, strlen(path), ".br");
}

/* The length of name without its extension: a .gz, .zst or .br first,
 * then one more (.html, .warc); a leading dot is not an extension. */
static size_t stem_length(const char *name)
{
    size_t len = strlen(name);
    size_t base = len;

    while (base > 0 && name[base - 1] != '/')
        base--;
    if (ends_with(name, len, ".gz") && len - 3 > base + 1)
        len -= 3;
    else if (ends_with(name, len, ".zst") && len - 4 > base + 1)
        len -= 4;
    else if (ends_with(name, len, ".br") && len - 3 > base + 1)
        len -= 3;
    for (size_t i = len; i > base + 1; i--) {
        if (name[i - 1] == '.') {
            len = i - 1;
            break;
        }
    }
    return len;
}

char *cli_output_name(const char *input_name, unsigned long long record, wn_format format)
{
    const char *extension = format_extension(format);
    size_t ext_len = strlen(extension);
    size_t stem_len = stem_length(input_name);
    char number[32] = "";
    size_t number_len;
    char *name;

    if (record > 0)
        snprintf(number, sizeof number, "-%06llu", record);
    number_len = strlen(number);
    name = malloc(stem_len + number_len + ext_len + 1);
    if (!name)
        return NULL;
    memcpy(name, input_name, stem_len);
    memcpy(name + stem_len, number, number_len);
    memcpy(name + stem_len + number_len, extension, ext_len + 1);
    return name;
}

/* ---- output directory ---- */

static int make_one_directory(const char *path)
{
    struct stat st;

    if (mkdir(path, 0777) == 0)
        return 0;
    if (errno != EEXIST)
        return errno;
    if (stat(path, &st) != 0)
        return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

int cli_make_directory(const char *path)
{
    char *copy = strdup(path);
    int err = 0;

    if (!copy)
        return ENOMEM;
    /* Create each ancestor in turn, then the directory itself. */
    for (char *p = copy + 1; *p && err == 0; p++) {
        if (*p != '/' || p[-1] == '/')
            continue;
        *p = '\0';
        err = make_one_directory(copy);
        *p = '/';
    }
    if (err == 0)
        err = make_one_directory(copy);
    free(copy);
    return err;
}

/* ---- removing a half-written file on a fatal signal ---- */

static char pending_temp[4096];
static volatile sig_atomic_t pending_temp_set;

static void set_pending_temp(const char *path)
{
    size_t len = strlen(path);

    pending_temp_set = 0;
    if (len >= sizeof pending_temp)
        return;
    memcpy(pending_temp, path, len + 1);
    pending_temp_set = 1;
}

static void clear_pending_temp(void)
{
    pending_temp_set = 0;
}

static void remove_pending_temp(int sig)
{
    if (pending_temp_set)
        unlink(pending_temp);
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_install_signal_cleanup(void)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction action;

    memset(&action, 0, sizeof action);
    action.sa_handler = remove_pending_temp;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction old;
        /* Keep a signal ignored if our parent asked for that (nohup). */
        if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(signals[i], &action, NULL);
    }
}

/* ---- atomic output files ----
 *
 * On Linux the output is written to an unnamed file (O_TMPFILE) in the
 * output directory, which vanishes with the process however it ends
 * (SIGKILL included); when complete it gets a hidden name ".NAME.XXXXXX"
 * (linkat() through /proc/self/fd) that rename() puts over the target at
 * once. Where O_TMPFILE is missing (some file systems, no /proc), the file
 * is created under the hidden name from the start; such leftovers of a
 * killed run are removed by the next run (cli_clean_stale_temporaries). */

/* "DIR/.NAME.XXXXXX": hidden, beside the target, so rename() stays on one
 * file system. */
static char *temp_template(const char *dir, const char *name)
{
    size_t name_len = strlen(name);
    char *hidden = malloc(name_len + sizeof "..XXXXXX");
    char *path;

    if (!hidden)
        return NULL;
    hidden[0] = '.';
    memcpy(hidden + 1, name, name_len);
    memcpy(hidden + 1 + name_len, ".XXXXXX", sizeof ".XXXXXX");
    path = cli_path_join(dir, hidden);
    free(hidden);
    return path;
}

void cli_atomic_release(cli_atomic_file *file)
{
    free(file->target);
    free(file->temp);
    file->target = NULL;
    file->temp = NULL;
    file->fd = -1;
    file->unnamed = 0;
}

/* An unnamed file in dir, or -1 (errno set) where O_TMPFILE cannot be had. */
static int open_unnamed(const char *dir)
{
#ifdef O_TMPFILE
    return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#else
    (void)dir;
    errno = EOPNOTSUPP;
    return -1;
#endif
}

int cli_atomic_open(cli_atomic_file *file, const char *dir, const char *name)
{
    file->fd = -1;
    file->unnamed = 0;
    file->target = cli_path_join(dir, name);
    file->temp = temp_template(dir, name);
    if (!file->target || !file->temp) {
        cli_atomic_release(file);
        return ENOMEM;
    }
    file->fd = open_unnamed(dir);
    if (file->fd >= 0) {
        file->unnamed = 1;
        return 0;
    }
    file->fd = mkstemp(file->temp);
    if (file->fd < 0) {
        int err = errno;
        cli_atomic_release(file);
        return err;
    }
    set_pending_temp(file->temp);
    return 0;
}

void cli_atomic_abort(cli_atomic_file *file)
{
    if (file->fd >= 0)
        close(file->fd);
    file->fd = -1;
    if (file->temp && !file->unnamed)
        unlink(file->temp);
    clear_pending_temp();
}

/* mkstemp() makes the file 0600; give it the mode a plain creat() would. */
static int set_default_mode(int fd)
{
    mode_t mask = umask(0);
    umask(mask);
    return fchmod(fd, 0666 & ~mask) == 0 ? 0 : errno;
}

/* Gives the unnamed file fd a fresh name from template (its XXXXXX
 * replaced). Returns 0 or an errno value. */
static int link_unnamed(int fd, char *template)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static unsigned long counter;
    char proc_path[64];
    size_t len = strlen(template);
    unsigned long x = (unsigned long)getpid() * 2654435761u ^ (unsigned long)time(NULL);

    snprintf(proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
    for (int attempt = 0; attempt < 100; attempt++) {
        x ^= ++counter * 0x9E3779B9u;
        for (size_t i = len - 6; i < len; i++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            template[i] = letters[(x >> 33) % (sizeof letters - 1)];
        }
        set_pending_temp(template);
        if (linkat(AT_FDCWD, proc_path, AT_FDCWD, template, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        clear_pending_temp();
        if (errno != EEXIST)
            return errno;
    }
    return EEXIST;
}

/* No fsync(): outputs are cheap to make again, and syncing every file of a
 * large batch would cost far more than a crash could. rename() still
 * guarantees readers see the old file or the whole new one. */
int cli_atomic_commit(cli_atomic_file *file)
{
    int err = set_default_mode(file->fd);
    int fd = file->fd;

    file->fd = -1;
    if (file->unnamed && err == 0)
        err = link_unnamed(fd, file->temp);
    if (close(fd) != 0 && err == 0)
        err = errno;
    if (err == 0 && rename(file->temp, file->target) != 0)
        err = errno;
    if (err != 0 && (!file->unnamed || pending_temp_set))
        unlink(file->temp);
    clear_pending_temp();
    return err;
}

/* ---- leftovers of killed runs ---- */

/* Whether name is ".NAME.EXT.XXXXXX" for one of the command's outputs. */
static int is_temporary_name(const char *name)
{
    static const char *const extensions[] = {".xml.", ".txt.", ".json.", ".md.", ".article.html."};
    size_t len = strlen(name);

    if (name[0] != '.' || len < 1 + 1 + 4 + 6)
        return 0;
    for (size_t i = len - 6; i < len; i++)
        if (!isalnum((unsigned char)name[i]))
            return 0;
    for (size_t k = 0; k < sizeof extensions / sizeof extensions[0]; k++) {
        size_t n = strlen(extensions[k]);
        if (len >= 1 + 1 + n + 6 && memcmp(name + len - 6 - n, extensions[k], n) == 0)
            return 1;
    }
    return 0;
}

void cli_clean_stale_temporaries(const char *dir, time_t started)
{
    DIR *d = opendir(dir);
    struct dirent *entry;

    if (!d)
        return;
    while ((entry = readdir(d)) != NULL) {
        struct stat st;
        if (!is_temporary_name(entry->d_name))
            continue;
        /* Only regular files from before this run: another run writing
         * into the same directory now keeps its own. */
        if (fstatat(dirfd(d), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISREG(st.st_mode) && st.st_mtime < started)
            unlinkat(dirfd(d), entry->d_name, 0);
    }
    closedir(d);
}
