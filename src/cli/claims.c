/* Output names when writing to a directory: the first input to claim a
 * name keeps it (an open-addressing hash set of the names taken), and no
 * output may replace an input (each input's file is known by device and
 * inode). */
#include "run.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static size_t hash_name(const char *name)
{
    size_t h = 14695981039346656037u & SIZE_MAX;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * (1099511628211u & SIZE_MAX);
    return h;
}

static int claims_grow(output_plan *plan)
{
    size_t capacity = plan->claim_capacity ? plan->claim_capacity * 2 : 64;
    claim *slots = calloc(capacity, sizeof *slots);
    if (!slots || capacity > SIZE_MAX / sizeof *slots) {
        free(slots);
        return ENOMEM;
    }
    for (size_t i = 0; i < plan->claim_capacity; i++) {
        if (!plan->claims[i].name)
            continue;
        size_t k = hash_name(plan->claims[i].name) & (capacity - 1);
        while (slots[k].name)
            k = (k + 1) & (capacity - 1);
        slots[k] = plan->claims[i];
    }
    free(plan->claims);
    plan->claims = slots;
    plan->claim_capacity = capacity;
    return 0;
}

const claim *cli_plan_claim(output_plan *plan, char *name, size_t input,
                            unsigned long long record)
{
    if ((plan->claim_count + 1) * 2 > plan->claim_capacity && claims_grow(plan) != 0) {
        free(name);
        return NULL;
    }
    size_t mask = plan->claim_capacity - 1;
    size_t k = hash_name(name) & mask;
    while (plan->claims[k].name) {
        if (strcmp(plan->claims[k].name, name) == 0) {
            free(name);
            return &plan->claims[k];
        }
        k = (k + 1) & mask;
    }
    plan->claims[k].name = name;
    plan->claims[k].input = input;
    plan->claims[k].record = record;
    plan->claim_count++;
    return &plan->claims[k];
}

void cli_plan_free(output_plan *plan)
{
    for (size_t i = 0; i < plan->claim_capacity; i++)
        free(plan->claims[i].name);
    free(plan->claims);
    free(plan->ids);
}

static void identify_input(const char *path, file_id *id)
{
    struct stat st;
    int ok = strcmp(path, CLI_STDIN_PATH) == 0 ? fstat(STDIN_FILENO, &st) : stat(path, &st);

    id->known = ok == 0 && S_ISREG(st.st_mode);
    if (id->known) {
        id->dev = st.st_dev;
        id->ino = st.st_ino;
    }
}

/* The input whose file target's directory entry is, or NULL. lstat():
 * rename() replaces a link at target, never the file it points to. */
const char *cli_plan_input_at(const output_plan *plan, const char *target)
{
    struct stat st;

    if (lstat(target, &st) != 0)
        return NULL;
    for (size_t i = 0; i < plan->inputs->count; i++)
        if (plan->ids[i].known && plan->ids[i].dev == st.st_dev &&
            plan->ids[i].ino == st.st_ino)
            return plan->inputs->paths[i];
    return NULL;
}

int cli_plan_make(output_plan *plan, const cli_inputs *inputs)
{
    memset(plan, 0, sizeof *plan);
    plan->inputs = inputs;
    plan->ids = calloc(inputs->count ? inputs->count : 1, sizeof *plan->ids);
    if (!plan->ids)
        return ENOMEM;
    for (size_t i = 0; i < inputs->count; i++)
        identify_input(inputs->paths[i], &plan->ids[i]);
    return 0;
}
