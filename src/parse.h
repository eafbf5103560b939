/* Parse stage: Gumbo over UTF-8, every allocation in the document's arena,
 * within a work budget. */
#ifndef WN_PARSE_H
#define WN_PARSE_H

#include <gumbo.h>
#include <stdint.h>

#include "arena.h"
#include "winnow.h"

/* Parses utf8[0..len). The tree lives in the arena (free the arena, not the
 * tree). WN_ERR_NOMEM when the arena's limit is hit mid-parse;
 * WN_ERR_WORK_LIMIT when the parse has used more than `budget_ns` of this
 * thread's CPU time (0: no budget). The guard keeps Gumbo linear; the budget
 * bounds the parse even where the guard's model were wrong. */
wn_status wn_parse(wn_arena *arena, const char *utf8, size_t len, uint64_t budget_ns,
                   GumboOutput **out);

#endif
