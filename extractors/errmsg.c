/* The extractor's message from outside the extractors: the stages that
 * store and read back extractions (pipeline/extract_store.c) report their
 * failures where lm_extractor_errmsg() reads them. */
#include <stdarg.h>
#include <stdio.h>
#include "extractors_int.h"

void lm_extractor_seterr(lm_extractor *ex, const char *fmt, ...)
{
    va_list ap;
    size_t cap;
    char *msg;

    if (!ex || !(msg = extract_msgbuf(ex, &cap)) || !cap)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
}
