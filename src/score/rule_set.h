/* A set of scoring rules, by wn_rule id (score.h): the rules switched off
 * for debugging and for the rule-coverage test. Empty in normal use. */
#ifndef WN_RULE_SET_H
#define WN_RULE_SET_H

#include <stdbool.h>
#include <stdint.h>

#define WN_RULE_SET_MAX 128

typedef struct wn_rule_set {
    uint64_t bits[WN_RULE_SET_MAX / 64];
} wn_rule_set;

static inline bool wn_rule_set_has(const wn_rule_set *set, unsigned rule)
{
    return rule < WN_RULE_SET_MAX && ((set->bits[rule / 64] >> (rule % 64)) & 1u);
}

static inline void wn_rule_set_add(wn_rule_set *set, unsigned rule)
{
    if (rule < WN_RULE_SET_MAX)
        set->bits[rule / 64] |= (uint64_t)1 << (rule % 64);
}

/* The set of one rule. */
static inline wn_rule_set wn_rule_set_of(unsigned rule)
{
    wn_rule_set set = {{0}};
    wn_rule_set_add(&set, rule);
    return set;
}

#endif
