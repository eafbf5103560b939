/* Parse stage: Gumbo over UTF-8, every allocation in the document's arena. */
#ifndef WN_PARSE_H
#define WN_PARSE_H

#include <gumbo.h>

#include "arena.h"
#include "winnow.h"

/* Parses utf8[0..len). The tree lives in the arena (free the arena, not the
 * tree). WN_ERR_NOMEM when the arena's limit is hit mid-parse. */
wn_status wn_parse(wn_arena *arena, const char *utf8, size_t len, GumboOutput **out);

#endif
