/* winnow-rules: prints the scorer's rule registry (src/score/rules.def), one
 * rule a line: name, stage, family, the test page that shows it, and what it
 * decides. Names are what --explain prints and what WINNOW_RULES_OFF takes. */
#include <stdio.h>

#include "score/score.h"

int main(void)
{
    printf("%-22s %-8s %-16s %-22s %s\n", "# rule", "stage", "family", "test page", "what it decides");
    for (int r = 0; r < WN_RULE_COUNT; r++) {
        const char *test = wn_rule_test((wn_rule)r);
        printf("%-22s %-8s %-16s %-22s %s\n", wn_rule_name((wn_rule)r),
               wn_rule_stage_name(wn_rule_stage_of((wn_rule)r)), wn_rule_name(wn_rule_family((wn_rule)r)),
               *test ? test : "-", wn_rule_what((wn_rule)r));
    }
    return ferror(stdout) ? 1 : 0;
}
