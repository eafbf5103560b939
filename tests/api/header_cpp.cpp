// winnow.h must compile on its own from C++ (pedantic, -Werror) and link.
#include "winnow.h"

#include <cstring>

int main()
{
    wn_options options;
    wn_options_init(&options);
    wn_extractor *extractor = nullptr;
    if (wn_extractor_new(&options, &extractor) != WN_OK)
        return 1;
    wn_extractor_free(extractor);
    return std::strcmp(wn_version(), WN_VERSION_STRING) == 0 ? 0 : 1;
}
