/* lm_record: one record as read from a file, reused from record to record. */
#include <string.h>
#include "corpus_int.h"

void lm_record_init(lm_record *r)
{
    memset(r, 0, sizeof *r);
    r->version = 1;
    r->source = "pubmed";
}

void lm_record_clear(lm_record *r)
{
    r->kind = LM_REC_ARTICLE;
    r->pmid = 0;
    r->version = 1;
    r->year = 0;
    r->line = 0;
    r->source = "pubmed";
    lm_buf_clear(&r->pmcid);
    lm_buf_clear(&r->doi);
    lm_buf_clear(&r->title);
    lm_buf_clear(&r->abstract);
    lm_buf_clear(&r->journal);
    lm_buf_clear(&r->authors);
    lm_buf_clear(&r->pub_types);
    lm_buf_clear(&r->mesh);
    lm_buf_clear(&r->body);
}

void lm_record_free(lm_record *r)
{
    if (!r)
        return;
    lm_buf_free(&r->pmcid);
    lm_buf_free(&r->doi);
    lm_buf_free(&r->title);
    lm_buf_free(&r->abstract);
    lm_buf_free(&r->journal);
    lm_buf_free(&r->authors);
    lm_buf_free(&r->pub_types);
    lm_buf_free(&r->mesh);
    lm_buf_free(&r->body);
    lm_record_init(r);
}
