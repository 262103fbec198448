/* libFuzzer harness: the streaming reader over arbitrary bytes (PubMed XML,
 * PMC JATS, gzip: the reader tells them apart itself). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;

    if (!init)
        init = lm_global_init() == LM_OK;
    fuzz_read(NULL, data, size, NULL);
    return 0;
}
