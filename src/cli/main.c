#include "winnow.h"
#include <stdio.h>
int main(void) { puts(wn_version()); return 0; }
