/* URL references: resolution (RFC 3986, section 5) and the schemes the
 * renderers let through. */
#ifndef WN_URL_H
#define WN_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* ref resolved against base (an absolute URI; NULL or a base without a
 * scheme leaves ref as it is, cleaned). Before resolution ref is cleaned as
 * browsers clean an attribute's URL: leading and trailing white space and
 * control characters go, tabs and line breaks inside go. The result is in
 * arena (NULL only when an allocation fails); "" for an empty ref. */
char *wn_url_resolve(wn_arena *arena, const char *base, const char *ref, size_t ref_len);

/* Whether a (resolved, cleaned) URL may be written in a link or an image:
 * no scheme (relative), http, https, mailto, ftp, tel; with data_image also
 * data:image/ of a raster type (png, jpeg, gif, webp, avif, bmp).
 * javascript:, vbscript:, data: and every other scheme are refused. */
bool wn_url_allowed(const char *url, bool data_image);

#endif
