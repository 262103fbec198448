/* lm_record: one record as read from a file, reused from record to record. */
#include <stddef.h>
#include <string.h>
#include "corpus_int.h"

/* The text fields, so clear and free walk one list. */
static const size_t text_fields[] = {
    offsetof(lm_record, pmcid), offsetof(lm_record, doi), offsetof(lm_record, title),
    offsetof(lm_record, abstract), offsetof(lm_record, journal), offsetof(lm_record, authors),
    offsetof(lm_record, pub_types), offsetof(lm_record, mesh), offsetof(lm_record, body),
    offsetof(lm_record, databanks)
};
#define NFIELDS (sizeof text_fields / sizeof *text_fields)

static lm_buf *field(lm_record *r, size_t i)
{
    return (lm_buf *)((char *)r + text_fields[i]);
}

void lm_record_init(lm_record *r)
{
    memset(r, 0, sizeof *r);
    r->version = 1;
    r->source = "pubmed";
}

void lm_record_clear(lm_record *r)
{
    size_t i;

    r->kind = LM_REC_ARTICLE;
    r->pmid = 0;
    r->version = 1;
    r->year = 0;
    r->line = 0;
    r->source = "pubmed";
    for (i = 0; i < NFIELDS; i++)
        lm_buf_clear(field(r, i));
}

void lm_record_free(lm_record *r)
{
    size_t i;

    if (!r)
        return;
    for (i = 0; i < NFIELDS; i++)
        lm_buf_free(field(r, i));
    lm_record_init(r);
}
