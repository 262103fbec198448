/* Exports of a chosen set of articles (`export --pmids FILE`, `export
 * --query Q`) and in the reference-manager formats.  Articles are read one
 * by one with lm_corpus_get in the order asked for; extractions and studies
 * go through the ordinary export limited by a temporary table of PMIDs,
 * which lives in SQLite's temp database and so works on a read-only corpus
 * and leaves the corpus file untouched. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include <litmine/pipeline.h>
#include "pipeline/pipeline_int.h"

struct sub_ctx {
    FILE *out;
    lm_export_format fmt;
    lm_err rc;
    uint64_t rows;
};

static int write_article(const lm_article *a, void *ud)
{
    struct sub_ctx *x = ud;

    if (a->deleted) {
        lm_log_warn("PMID %lld: deleted, not exported", (long long)a->pmid);
        return 0;
    }
    x->rc = lm_export_is_reference(x->fmt) ? lm_export_reference(x->out, x->fmt, a)
                                           : pipeline_article_write(x->out, x->fmt, a);
    if (x->rc == LM_OK)
        x->rows++;
    return x->rc != LM_OK;
}

static int cmp_pmid(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return x < y ? -1 : x > y;
}

/* The sorted, duplicate-free copy of @pmids; NULL when memory runs out. */
static int64_t *unique_sorted(const int64_t *pmids, size_t n, size_t *out_n)
{
    int64_t *v = malloc((n ? n : 1) * sizeof *v);
    size_t i, k = 0;

    if (!v)
        return NULL;
    memcpy(v, pmids, n * sizeof *v);
    qsort(v, n, sizeof *v, cmp_pmid);
    for (i = 0; i < n; i++)
        if (!k || v[k - 1] != v[i])
            v[k++] = v[i];
    *out_n = k;
    return v;
}

static lm_err articles(lm_corpus *c, lm_export_format fmt, const int64_t *pmids, size_t n,
                       FILE *out, uint64_t *rows, char *msg, size_t cap)
{
    struct sub_ctx x = { out, fmt, LM_OK, 0 };
    unsigned char *done = NULL;
    int64_t *sorted = NULL;
    size_t i, nu = 0, at;
    lm_err rc = LM_OK;

    if (fmt == LM_EXPORT_CSV) {
        for (i = 0; lm_article_columns[i]; i++)
            fprintf(out, "%s%s", i ? "," : "", lm_article_columns[i]);
        fputs("\r\n", out);
    }
    if (!pmids) {
        rc = lm_corpus_each(c, write_article, &x);
        goto done;
    }
    if (!(sorted = unique_sorted(pmids, n, &nu)) || !(done = calloc(nu + 1, 1))) {
        rc = LM_ERR_NOMEM;
        goto done;
    }
    for (i = 0; i < n && rc == LM_OK && x.rc == LM_OK; i++) {
        const int64_t *hit = bsearch(&pmids[i], sorted, nu, sizeof *sorted, cmp_pmid);

        at = (size_t)(hit - sorted);
        if (done[at])
            continue;
        done[at] = 1;
        rc = lm_corpus_get(c, pmids[i], write_article, &x);
        if (rc == LM_ERR_NOTFOUND) {
            lm_log_warn("PMID %lld: not in the corpus, not exported", (long long)pmids[i]);
            rc = LM_OK;
        }
    }
done:
    if (rc == LM_OK)
        rc = x.rc;
    if (rc != LM_OK && rc != LM_ERR_IO && rc != LM_ERR_NOMEM)
        lm_msg_set(msg, cap, "export articles: %s", lm_corpus_errmsg(c));
    if (rc == LM_OK && fflush(out) != 0)
        rc = LM_ERR_IO;
    if (rc == LM_ERR_IO)
        lm_msg_set(msg, cap, "export articles: write failed");
    else if (rc == LM_ERR_NOMEM)
        lm_msg_set(msg, cap, "export articles: out of memory");
    *rows = x.rows;
    free(sorted);
    free(done);
    return rc;
}

lm_err lm_export_subset(lm_corpus *c, lm_export_what what, lm_export_format fmt,
                        const int64_t *pmids, size_t npmids, FILE *out, uint64_t *rows,
                        char *msg, size_t msgcap)
{
    uint64_t n = 0;
    lm_err rc;

    if (rows)
        *rows = 0;
    if (!c || !out || (!pmids && npmids))
        return LM_ERR_USAGE;
    if (lm_export_is_reference(fmt) && what != LM_WHAT_ARTICLES) {
        lm_msg_set(msg, msgcap, "export %s: RIS, BibTeX and MEDLINE hold articles only",
                   lm_export_what_name(what));
        return LM_ERR_USAGE;
    }
    if (what == LM_WHAT_ARTICLES) {
        rc = articles(c, fmt, pmids, npmids, out, &n, msg, msgcap);
    } else {
        rc = pipeline_export(c, what, fmt, pmids, npmids, out, &n, msg, msgcap);
    }
    if (rows)
        *rows = n;
    return rc;
}
