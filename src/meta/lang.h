/* Language detection from text (lang.cc, a thin C wrapper over Debian's
 * libcld2, which is C++). */
#ifndef WN_META_LANG_H
#define WN_META_LANG_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wn_lang_guess {
    char code[16];      /* BCP 47 as CLD2 names it ("zh", "zh-Hant", "en"); "" when unknown */
    int percent;        /* share of the scored text in that language, 0..100 */
    int text_bytes;     /* letters CLD2 scored (markup-free text, spaces and digits left out) */
    bool reliable;      /* CLD2's own verdict */
} wn_lang_guess;

/* Guesses the language of text[0..len), valid UTF-8 (invalid bytes give no
 * guess). Never fails: an unknown language leaves code "". */
void wn_lang_detect(const char *text, size_t len, wn_lang_guess *out);

#ifdef __cplusplus
}
#endif

#endif
