/* libFuzzer harness: the E-utilities reply handling (esearch and epost XML,
 * efetch's first bytes, JSON error bodies): whatever NCBI or a broken proxy
 * sends must give a verdict, never a crash, and never "0 results" from a
 * reply that has no <Count>. */
#define _GNU_SOURCE   /* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/core.h>
#include "fetch/fetch_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    const char *s = (const char *)data;
    fetch_search srch;
    char msg[512];

    if (!init)
        init = lm_global_init() == LM_OK;
    memset(&srch, 0, sizeof srch);
    if (fetch_parse_esearch(s, size, &srch, msg, sizeof msg) == FV_OK &&
        !memmem(s, size, "Count", 5))
        abort();        /* read as a result without any <Count> */
    fetch_search_free(&srch);
    memset(&srch, 0, sizeof srch);
    (void)fetch_parse_epost(s, size, &srch, msg, sizeof msg);
    fetch_search_free(&srch);
    (void)fetch_check_efetch(s, size, msg, sizeof msg);
    (void)fetch_check_json_error(s, size, msg, sizeof msg);
    return 0;
}
