/* Small file-system helpers shared by the tools. */
#ifndef WINNOW_TOOLS_EVAL_FSUTIL_H
#define WINNOW_TOOLS_EVAL_FSUTIL_H

#include <stddef.h>

/* Read a whole file. Returns a malloc'd buffer (NUL terminated, *len without
 * the NUL), or NULL with errno set. */
char *ev_read_file(const char *path, size_t *len);

/* "a" "/" "b" "c": a malloc'd concatenation of dir, '/', name and suffix
 * (suffix may be NULL). NULL on allocation failure. */
char *ev_path_join(const char *dir, const char *name, const char *suffix);

/* mkdir -p with mode 0777 (less the umask). Returns 0 or -1 with errno. */
int ev_make_dirs(const char *path);

/* Write bytes to path atomically: a temporary file in the same folder,
 * renamed over path once complete. Returns 0 or -1 with errno. */
int ev_write_atomic(const char *path, const char *bytes, size_t len);

/* The last component of a path, ignoring trailing slashes, as a malloc'd
 * string ("." for an empty path). */
char *ev_base_name(const char *path);

#endif /* WINNOW_TOOLS_EVAL_FSUTIL_H */
