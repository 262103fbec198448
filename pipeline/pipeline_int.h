/* Declarations shared by the pipeline's files, not part of the API. */
#ifndef LM_PIPELINE_INT_H
#define LM_PIPELINE_INT_H

#include <litmine/pipeline.h>

/* lm_export(); with @subset (not NULL), extractions and studies only for
 * those @nsubset PMIDs. */
lm_err pipeline_export(lm_corpus *c, lm_export_what what, lm_export_format fmt,
                       const int64_t *subset, size_t nsubset, FILE *out, uint64_t *rows,
                       char *msg, size_t msgcap);

/* Extraction rows (extract_store.c): a number of a REAL/ANY column (NAN
 * when NULL or text); a kind by name (1 when known); a row as
 * lm_extract_article made it (text, rule and strings malloc'd as
 * lm_extractions_clear frees them; LM_ERR_FORMAT for an unknown kind). */
double pipeline_xval_real(const lm_xval *v);
int pipeline_kind_parse(const char *name, lm_kind *k);
lm_err pipeline_extraction_from_row(const lm_xrow *x, lm_extraction *e);

/* One article row of `export --what articles` as JSONL or CSV (no header). */
lm_err pipeline_article_write(FILE *out, lm_export_format fmt, const lm_article *a);

#endif
