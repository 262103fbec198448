/* libFuzzer harness: the streaming reader over arbitrary bytes: PubMed XML,
 * PMC JATS and the gzip input path (the reader tells gzip by its magic). */
#include <stddef.h>
#include <stdint.h>
#include <litmine/corpus.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    lm_reader *rd = NULL;
    lm_record rec;
    int n = 0;

    if (!init) {
        init = lm_global_init() == LM_OK;
    }
    lm_record_init(&rec);
    if (lm_reader_open_mem("fuzz", data, size, &rd) == LM_OK) {
        while (lm_reader_read(rd, &rec) == LM_OK && n < 100000)
            n++;
        (void)lm_reader_md5(rd);
    }
    (void)lm_reader_errmsg(rd);
    lm_reader_close(rd);
    lm_record_free(&rec);
    return 0;
}
