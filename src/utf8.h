/* UTF-8 decoding and the character classes the scorer counts. */
#ifndef WN_UTF8_H
#define WN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[*pos], advancing *pos; U+FFFD for a bad byte. */
uint32_t wn_utf8_next(const char *s, size_t len, size_t *pos);
/* Writes cp as UTF-8 into out (4 bytes room); returns the byte count. */
size_t wn_utf8_encode(uint32_t cp, char *out);
/* Length of the valid UTF-8 prefix of s. */
size_t wn_utf8_valid_prefix(const char *s, size_t len);

/* The lower-case form of cp (Unicode simple case mapping). */
uint32_t wn_to_lower(uint32_t cp);

bool wn_is_cjk(uint32_t cp);        /* Han, kana, hangul: one token each */
bool wn_is_space(uint32_t cp);      /* Unicode white space */
bool wn_is_word(uint32_t cp);       /* letters, digits, underscore (regex \w) */
bool wn_is_sentence_punct(uint32_t cp);  /* , . ; : ! ? and CJK ，。！？、；： */
bool wn_is_comma(uint32_t cp);      /* , and CJK ，、 */
/* XML 1.0 forbids C0 controls but tab/LF/CR, surrogates, U+FFFE/FFFF. */
bool wn_is_xml_char(uint32_t cp);

/* Counts over a run of text, added to by wn_text_measure(). */
typedef struct wn_text_stats {
    uint32_t chars;   /* code points that are not white space */
    uint32_t cjk;     /* of which CJK */
    uint32_t tokens;  /* words plus CJK characters */
    uint32_t punct;   /* sentence punctuation */
    uint32_t commas;
} wn_text_stats;

void wn_text_measure(const char *s, size_t len, wn_text_stats *stats);

/* Whether text may change under Unicode's canonical composition (NFC): it
 * holds a combining mark, a character NFC never keeps (U+09DF becomes
 * U+09AF U+09BC, a CJK compatibility ideograph its unified one) or a
 * conjoining Hangul jamo. Precomposed letters such as "é" are already NFC. */
/* The first place in the NUL-terminated hay where needle occurs, ASCII
 * letters compared without case (strcasestr in the C locale); NULL when
 * nowhere. */
const char *wn_find_ci(const char *hay, const char *needle);

bool wn_utf8_may_change_in_nfc(const char *text, size_t len);
/* text in NFC, malloc'ed (*out_len its length); NULL when it needs no change
 * (or cannot be normalised). */
char *wn_utf8_nfc(const char *text, size_t len, size_t *out_len);

#endif
