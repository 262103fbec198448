/* Declarations shared by the pipeline's files, not part of the API. */
#ifndef LM_PIPELINE_INT_H
#define LM_PIPELINE_INT_H

#include <litmine/pipeline.h>

/* lm_export(); with @subset, extractions and studies only for the PMIDs of
 * the temporary table temp.lm_subset(pmid) (lm_export_subset fills it). */
lm_err pipeline_export(lm_corpus *c, lm_export_what what, lm_export_format fmt, int subset,
                       FILE *out, uint64_t *rows, char *msg, size_t msgcap);

/* One article row of `export --what articles` as JSONL or CSV (no header). */
lm_err pipeline_article_write(FILE *out, lm_export_format fmt, const lm_article *a);

#endif
