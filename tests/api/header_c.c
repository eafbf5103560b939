/* winnow.h must compile on its own, first, in pedantic C11 with -Werror. */
#include "winnow.h"

#include <string.h>

int main(void)
{
    wn_options options;
    wn_options_init(&options);
    if (options.struct_size != sizeof options)
        return 1;
    return strcmp(wn_version(), WN_VERSION_STRING) == 0 ? 0 : 1;
}
