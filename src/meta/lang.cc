// The one C++ file: CLD2 has no C interface. Only its public header is used.
#include "meta/lang.h"

#include <climits>
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" void wn_lang_detect(const char *text, size_t len, wn_lang_guess *out)
{
    std::memset(out, 0, sizeof *out);
    if (!text || len == 0)
        return;
    if (len > INT_MAX / 2)
        len = INT_MAX / 2;
    CLD2::Language top3[3];
    int percent3[3] = {0, 0, 0};
    int text_bytes = 0, valid_prefix = 0;
    bool reliable = false;
    double normalized[3];
    CLD2::ResultChunkVector *chunks = nullptr;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, static_cast<int>(len), true, &hints, 0, top3, percent3, normalized, chunks,
        &text_bytes, &reliable, &valid_prefix);
    if (valid_prefix < static_cast<int>(len) || lang == CLD2::UNKNOWN_LANGUAGE ||
        lang == CLD2::TG_UNKNOWN_LANGUAGE)
        return;
    const char *code = CLD2::LanguageCode(lang);
    if (!code || std::strlen(code) >= sizeof out->code || std::strcmp(code, "un") == 0)
        return;
    std::memcpy(out->code, code, std::strlen(code) + 1);
    out->percent = percent3[0];
    out->text_bytes = text_bytes;
    out->reliable = reliable;
}
