/* Shared body of the reader harnesses: read every record of a buffer,
 * touching each field, and never crash, leak or read out of bounds. */
#ifndef LM_FUZZ_COMMON_H
#define LM_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/corpus.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads @size bytes at @data as one input, wrapped between @pre and @post
 * (either may be NULL): a wrapper aims the fuzzer at one format's inside. */
static inline void fuzz_read(const char *pre, const uint8_t *data, size_t size,
                             const char *post)
{
    size_t lp = pre ? strlen(pre) : 0, lq = post ? strlen(post) : 0;
    char *buf = malloc(lp + size + lq + 1);
    lm_reader *rd = NULL;
    lm_record rec;
    size_t total = 0;
    int n = 0;

    if (!buf)
        return;
    memcpy(buf, pre ? pre : "", lp);
    if (size)
        memcpy(buf + lp, data, size);
    memcpy(buf + lp + size, post ? post : "", lq);
    lm_record_init(&rec);
    if (lm_reader_open_mem("fuzz", buf, lp + size + lq, &rd) == LM_OK) {
        while (lm_reader_read(rd, &rec) == LM_OK && n++ < 100000)
            total += rec.title.len + rec.abstract.len + rec.body.len + rec.authors.len;
        (void)lm_reader_md5(rd);
    }
    (void)lm_reader_errmsg(rd);
    (void)total;
    lm_reader_close(rd);
    lm_record_free(&rec);
    free(buf);
}

#endif
