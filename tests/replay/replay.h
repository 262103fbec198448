/* lm-replay: a loopback E-utilities server for the fetch tests.  records.c
 * makes the fictional records and renders replies; server.c speaks HTTP,
 * keeps the history (WebEnv/query_key) and injects faults. */
#ifndef LM_REPLAY_H
#define LM_REPLAY_H

#include <stddef.h>
#include <stdint.h>
#include <litmine/core.h>

/* One fictional record.  Dates are day numbers (days since 1970-01-01). */
typedef struct rp_record {
    int64_t pmid;
    int64_t pmc;        /* PMC number, 0 when the record is not in PMC */
    int version;
    int32_t edat, mdat;
} rp_record;

typedef struct rp_corpus {
    rp_record *rec;     /* sorted by pmid */
    size_t n;
} rp_corpus;

/* Makes @n records from @seed: PMIDs from @first_pmid up, entrez dates
 * spread evenly over @days days from @start, one in ten at version 2, every
 * other record in PMC.  Returns 0, -1 when out of memory. */
int rp_generate(rp_corpus *c, size_t n, uint64_t seed, int64_t first_pmid,
                int32_t start, int32_t days);
void rp_corpus_free(rp_corpus *c);
/* The record with this PMID (or, with @pmc, PMC number); NULL if none. */
const rp_record *rp_find(const rp_corpus *c, int64_t id, int pmc);

/* Appends one record as a PubmedArticle, or a JATS <article> with @pmc. */
int rp_render(lm_buf *b, const rp_record *r, int pmc);
/* The title the record carries (tests compare it with the corpus). */
void rp_title(const rp_record *r, char *out, size_t cap);

void rp_date(int32_t day, int *y, int *m, int *d);
int32_t rp_day(int y, int m, int d);

#endif
