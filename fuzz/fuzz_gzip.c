/* libFuzzer harness: the gzip input path.  A gzip member header is put in
 * front of the bytes, so every input reaches inflate (corrupt streams,
 * truncation, trailing members, padding, bombs). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;

    if (!init)
        init = lm_global_init() == LM_OK;
    /* magic, deflate, no flags, no mtime, no extra flags, OS unknown */
    fuzz_read("\x1f\x8b\x08", data, size, NULL);
    return 0;
}
