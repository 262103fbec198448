/* Extractions in the corpus: an lm_extraction as an extraction row
 * (LM_EXTRACTION_COLUMNS, litmine/corpus.h) and back, storing them
 * (replaced per PMID), reading them back, and running the extractors over
 * stored articles.  The corpus owns the table and the transactions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pipeline_int.h"

/* ---- lm_extraction <-> lm_xrow ---------------------------------------------- */

static void set_real(lm_xval *v, double d)
{
    if (!isnan(d)) {
        v->type = LM_XV_REAL;
        v->r = d;
    }
}

static void set_int(lm_xval *v, int64_t i)
{
    v->type = LM_XV_INT;
    v->i = i;
}

static void set_text(lm_xval *v, const char *s)
{
    if (s && *s) {
        v->type = LM_XV_TEXT;
        v->s = s;
    }
}

static void to_row(int64_t pmid, const lm_extraction *e, lm_xrow *x)
{
    memset(x, 0, sizeof *x);
    x->pmid = pmid;
    set_text(&x->v[LM_XC_kind], lm_kind_name(e->kind));
    if (e->kind == LM_KIND_DESIGN)
        set_text(&x->v[LM_XC_value], e->svalue);
    else
        set_real(&x->v[LM_XC_value], e->value);
    set_real(&x->v[LM_XC_lo], e->lo);
    set_real(&x->v[LM_XC_hi], e->hi);
    if (e->k >= 0)
        set_int(&x->v[LM_XC_k], e->k);
    if (e->n >= 0)
        set_int(&x->v[LM_XC_n], e->n);
    set_text(&x->v[LM_XC_metric], e->metric);
    set_real(&x->v[LM_XC_p], e->p);
    set_text(&x->v[LM_XC_p_op], e->p_op);
    set_text(&x->v[LM_XC_level], e->level);
    set_text(&x->v[LM_XC_section], e->section);
    set_int(&x->v[LM_XC_span_start], (int64_t)e->span_start);
    set_int(&x->v[LM_XC_span_end], (int64_t)e->span_end);
    set_text(&x->v[LM_XC_text], e->text);
    set_text(&x->v[LM_XC_rule], e->rule);
    set_text(&x->v[LM_XC_flags], e->flags);
    set_int(&x->v[LM_XC_extractor_version], LM_EXTRACTOR_VERSION);
    set_text(&x->v[LM_XC_outcome], e->outcome);
    set_text(&x->v[LM_XC_intervention], e->intervention);
    set_text(&x->v[LM_XC_comparator], e->comparator);
    set_text(&x->v[LM_XC_dose], e->dose);
    set_text(&x->v[LM_XC_frequency], e->frequency);
    set_text(&x->v[LM_XC_duration], e->duration);
    set_text(&x->v[LM_XC_route], e->route);
    set_text(&x->v[LM_XC_label], e->label);
}

double pipeline_xval_real(const lm_xval *v)
{
    return v->type == LM_XV_REAL || v->type == LM_XV_INT ? v->r : NAN;
}

static const char *xv_text(const lm_xval *v)
{
    return v->type == LM_XV_TEXT && v->s ? v->s : "";
}

static void copy(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s);
}

int pipeline_kind_parse(const char *name, lm_kind *k)
{
    int i;

    for (i = LM_KIND_SAMPLE_SIZE; i <= LM_KIND_LAST; i++)
        if (!strcmp(name, lm_kind_name((lm_kind)i))) {
            *k = (lm_kind)i;
            return 1;
        }
    return 0;
}

lm_err pipeline_extraction_from_row(const lm_xrow *x, lm_extraction *e)
{
    static const lm_xcol strs[] = { LM_XC_outcome, LM_XC_intervention, LM_XC_comparator,
                                    LM_XC_dose, LM_XC_frequency, LM_XC_duration, LM_XC_route,
                                    LM_XC_label };
    char **dst[] = { &e->outcome, &e->intervention, &e->comparator, &e->dose,
                     &e->frequency, &e->duration, &e->route, &e->label };
    const char *text = xv_text(&x->v[LM_XC_text]), *rule = xv_text(&x->v[LM_XC_rule]);
    size_t tl = strlen(text), rl = strlen(rule), j;
    char *buf;

    memset(e, 0, sizeof *e);
    if (!pipeline_kind_parse(xv_text(&x->v[LM_XC_kind]), &e->kind))
        return LM_ERR_FORMAT;
    /* text and rule share one allocation (freed with the text by
     * lm_extractions_clear) */
    if (!(buf = malloc(tl + rl + 2)))
        return LM_ERR_NOMEM;
    memcpy(buf, text, tl + 1);
    memcpy(buf + tl + 1, rule, rl + 1);
    e->text = buf;
    e->rule = buf + tl + 1;
    if (e->kind == LM_KIND_DESIGN) {
        copy(e->svalue, sizeof e->svalue, xv_text(&x->v[LM_XC_value]));
        e->value = NAN;
    } else {
        e->value = pipeline_xval_real(&x->v[LM_XC_value]);
    }
    e->lo = pipeline_xval_real(&x->v[LM_XC_lo]);
    e->hi = pipeline_xval_real(&x->v[LM_XC_hi]);
    e->k = x->v[LM_XC_k].type == LM_XV_NULL ? -1 : x->v[LM_XC_k].i;
    e->n = x->v[LM_XC_n].type == LM_XV_NULL ? -1 : x->v[LM_XC_n].i;
    copy(e->metric, sizeof e->metric, xv_text(&x->v[LM_XC_metric]));
    e->p = pipeline_xval_real(&x->v[LM_XC_p]);
    copy(e->p_op, sizeof e->p_op, xv_text(&x->v[LM_XC_p_op]));
    copy(e->level, sizeof e->level, xv_text(&x->v[LM_XC_level]));
    copy(e->section, sizeof e->section, xv_text(&x->v[LM_XC_section]));
    e->span_start = (size_t)x->v[LM_XC_span_start].i;
    e->span_end = (size_t)x->v[LM_XC_span_end].i;
    copy(e->flags, sizeof e->flags, xv_text(&x->v[LM_XC_flags]));
    for (j = 0; j < sizeof strs / sizeof *strs; j++) {
        const char *t = xv_text(&x->v[strs[j]]);
        if (*t && !(*dst[j] = strdup(t)))
            return LM_ERR_NOMEM;
    }
    return LM_OK;
}

/* ---- storing ------------------------------------------------------------------ */

lm_err lm_extract_store(lm_extractor *ex, lm_corpus *c, int64_t pmid,
                        const lm_extractions *x)
{
    lm_xrow *rows = NULL;
    size_t i;
    lm_err rc;

    if (!ex || !c || !x)
        return LM_ERR_USAGE;
    if (x->len && !(rows = malloc(x->len * sizeof *rows)))
        return LM_ERR_NOMEM;
    for (i = 0; i < x->len; i++)
        to_row(pmid, &x->v[i], &rows[i]);
    rc = lm_corpus_xrows_replace(c, pmid, rows, x->len);
    free(rows);
    if (rc)
        lm_extractor_seterr(ex, "PMID %lld: storing extractions: %s", (long long)pmid,
                            lm_corpus_errmsg(c));
    return rc;
}

/* ---- reading back --------------------------------------------------------------- */

struct load_ctx {
    lm_extractions *out;
    int *version;
    lm_err rc;
    int64_t bad_id;
    char bad_kind[64];
};

static int load_row(const lm_article *a, const lm_xrow *x, void *ud)
{
    struct load_ctx *l = ud;
    lm_extraction *e;

    (void)a;
    if (lm_grow(&l->out->v, &l->out->cap, l->out->len, sizeof *l->out->v, 16)) {
        l->rc = LM_ERR_NOMEM;
        return 1;
    }
    e = &l->out->v[l->out->len];
    l->rc = pipeline_extraction_from_row(x, e);
    if (l->rc == LM_ERR_FORMAT) {
        l->bad_id = x->id;
        snprintf(l->bad_kind, sizeof l->bad_kind, "%s",
                 x->v[LM_XC_kind].type == LM_XV_TEXT ? x->v[LM_XC_kind].s : "");
        return 1;
    }
    if (e->text)
        l->out->len++;          /* kept, to be freed, even when a string failed */
    if (l->rc)
        return 1;
    if (l->version)
        *l->version = (int)x->v[LM_XC_extractor_version].i;
    return 0;
}

lm_err lm_extract_load(lm_extractor *ex, lm_corpus *c, int64_t pmid, lm_extractions *out,
                       int *version)
{
    struct load_ctx l;
    lm_err rc;

    if (!c || !out)
        return LM_ERR_USAGE;
    if (version)
        *version = 0;
    memset(&l, 0, sizeof l);
    l.out = out;
    l.version = version;
    rc = lm_corpus_xrows_each(c, pmid, NULL, 0, 0, load_row, &l);
    if (!rc && l.rc == LM_ERR_FORMAT) {
        lm_extractor_seterr(ex, "PMID %lld: extraction row %lld: unknown kind '%s'",
                            (long long)pmid, (long long)l.bad_id, l.bad_kind);
        return LM_ERR_DB;
    }
    if (!rc)
        return l.rc;
    lm_extractor_seterr(ex, "PMID %lld: reading extractions: %s", (long long)pmid,
                        lm_corpus_errmsg(c));
    return rc;
}

/* ---- running over the corpus -------------------------------------------- */

struct run_ctx {
    lm_extractor *ex;
    lm_corpus *c;
    lm_extractions x;
    lm_extract_cb cb;
    void *ud;
    size_t done;
    lm_err rc;
    int stopped;
};

static int run_one(const lm_article *a, void *ud)
{
    struct run_ctx *r = ud;

    lm_extractions_clear(&r->x);
    if (a->deleted)
        return 0;
    if ((r->rc = lm_extract_article(r->ex, a, &r->x)))
        return 1;
    if ((r->rc = lm_extract_store(r->ex, r->c, a->pmid, &r->x)))
        return 1;
    if (r->cb && r->cb(a->pmid, &r->x, r->ud)) {
        r->stopped = 1;
        return 1;
    }
    /* commit every 1000 articles so a long run keeps memory and WAL small */
    if (++r->done % 1000 == 0) {
        if ((r->rc = lm_corpus_commit(r->c)) || (r->rc = lm_corpus_begin(r->c))) {
            lm_extractor_seterr(r->ex, "PMID %lld: committing a batch: %s",
                                (long long)a->pmid, lm_corpus_errmsg(r->c));
            return 1;
        }
    }
    return 0;
}

static int exists_cb(const lm_article *a, void *ud)
{
    (void)a;
    *(int *)ud = 1;
    return 0;
}

lm_err lm_extract_run(lm_extractor *ex, lm_corpus *c, const int64_t *pmids, size_t npmids,
                      lm_extract_cb cb, void *ud)
{
    struct run_ctx r;
    size_t i;
    lm_err rc;
    int found;

    if (!ex || !c)
        return LM_ERR_USAGE;
    for (i = 0; pmids && i < npmids; i++) {
        found = 0;
        rc = lm_corpus_get(c, pmids[i], exists_cb, &found);
        if (rc == LM_ERR_NOTFOUND || (rc == LM_OK && !found)) {
            lm_extractor_seterr(ex, "PMID %lld: not in the corpus", (long long)pmids[i]);
            return LM_ERR_NOTFOUND;
        }
        if (rc) {
            lm_extractor_seterr(ex, "PMID %lld: %s", (long long)pmids[i], lm_corpus_errmsg(c));
            return rc;
        }
    }
    memset(&r, 0, sizeof r);
    r.ex = ex;
    r.c = c;
    r.cb = cb;
    r.ud = ud;
    if ((rc = lm_corpus_begin(c))) {
        lm_extractor_seterr(ex, "extract: cannot begin a transaction: %s", lm_corpus_errmsg(c));
        return rc;
    }
    if (pmids) {
        for (i = 0; i < npmids && !r.rc && !r.stopped; i++) {
            rc = lm_corpus_get(c, pmids[i], run_one, &r);
            if (rc && !r.rc) {
                r.rc = rc;
                lm_extractor_seterr(ex, "PMID %lld: %s", (long long)pmids[i],
                                    lm_corpus_errmsg(c));
            }
        }
    } else {
        rc = lm_corpus_each(c, run_one, &r);
        if (rc && !r.rc) {
            r.rc = rc;
            lm_extractor_seterr(ex, "extract: %s", lm_corpus_errmsg(c));
        }
    }
    lm_extractions_free(&r.x);
    if (r.rc) {
        lm_corpus_rollback(c);
        return r.rc;
    }
    if ((rc = lm_corpus_commit(c))) {
        lm_extractor_seterr(ex, "extract: commit failed: %s", lm_corpus_errmsg(c));
        return rc;
    }
    return LM_OK;
}
