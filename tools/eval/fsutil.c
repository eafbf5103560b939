/* File-system helpers (POSIX). */
#include "fsutil.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

char *ev_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (cap - n < 2) {
            if (cap > SIZE_MAX / 2) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int saved = errno ? errno : EIO;
                free(buf);
                fclose(f);
                errno = saved;
                return NULL;
            }
            break;
        }
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

char *ev_path_join(const char *dir, const char *name, const char *suffix)
{
    size_t a = strlen(dir), b = strlen(name), c = suffix ? strlen(suffix) : 0;
    char *out = malloc(a + 1 + b + c + 1);
    if (!out)
        return NULL;
    memcpy(out, dir, a);
    size_t o = a;
    if (a == 0 || dir[a - 1] != '/')
        out[o++] = '/';
    memcpy(out + o, name, b);
    o += b;
    if (c)
        memcpy(out + o, suffix, c);
    o += c;
    out[o] = 0;
    return out;
}

int ev_make_dirs(const char *path)
{
    size_t n = strlen(path);
    char *copy = malloc(n + 1);
    if (!copy) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(copy, path, n + 1);
    /* create every prefix ending before a '/', then the whole path */
    for (size_t i = 1; i <= n; i++) {
        if (i < n && copy[i] != '/')
            continue;
        char saved = copy[i];
        copy[i] = 0;
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            int err = errno;
            free(copy);
            errno = err;
            return -1;
        }
        copy[i] = saved;
    }
    struct stat st;
    int rc = stat(copy, &st);
    free(copy);
    if (rc != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

int ev_write_atomic(const char *path, const char *bytes, size_t len)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dir_len;
    /* DIR/.BASE.XXXXXX */
    size_t tmp_len = dir_len + 1 + strlen(base) + 8;
    char *tmp = malloc(tmp_len);
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(tmp, path, dir_len);
    snprintf(tmp + dir_len, tmp_len - dir_len, ".%s.XXXXXX", base);

    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        errno = err;
        return -1;
    }
    int err = 0;
    if (fchmod(fd, 0644) != 0)
        err = errno;
    for (size_t done = 0; !err && done < len;) {
        ssize_t w = write(fd, bytes + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
        } else {
            done += (size_t)w;
        }
    }
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    free(tmp);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

char *ev_base_name(const char *path)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    if (end == start) {
        /* "" or "/" */
        char *out = malloc(2);
        if (out) {
            out[0] = end ? '/' : '.';
            out[1] = 0;
        }
        return out;
    }
    char *out = malloc(end - start + 1);
    if (!out)
        return NULL;
    memcpy(out, path + start, end - start);
    out[end - start] = 0;
    return out;
}
