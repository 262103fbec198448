/* Datasets of extracted values: every stored extraction as a row, or one
 * row per study (an article with extractions) holding what a reviewer's
 * extraction sheet asks for first: design and level, total N, arm sizes,
 * the main rate and effect with their CIs, and the rule ids behind them.
 * Rows stream by PMID off the extraction index; only one study's values are
 * in memory at a time. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include <litmine/extract.h>
#include <litmine/pipeline.h>
#include "pipeline/pipeline_int.h"

const char *const lm_study_columns[] = {
    "pmid", "year", "journal", "title", "design", "level", "n_total", "n_metric",
    "arm_ns", "rate_metric", "rate_pct", "rate_k", "rate_n", "rate_lo", "rate_hi",
    "effect_metric", "effect", "effect_lo", "effect_hi", "effect_p", "effect_p_op",
    "rates", "effects", "rules", "primary_finding", "regimen", "follow_up", "arms",
    /* the article's identifiers, authors, types, design flags, registrations */
    "doi", "pmcid", "first_author", "authors", "pub_types", "secondary_analysis",
    "protocol", "crossover", "double_blind", "placebo_controlled", "open_label",
    "registrations", NULL
};

const char *lm_export_what_name(lm_export_what w)
{
    switch (w) {
    case LM_WHAT_ARTICLES: return "articles";
    case LM_WHAT_EXTRACTIONS: return "extractions";
    case LM_WHAT_STUDIES: return "studies";
    }
    return "?";
}

static lm_err db_err(lm_corpus *c, lm_err rc, const char *what, char *msg, size_t cap)
{
    lm_msg_set(msg, cap, "export %s: %s", what, lm_corpus_errmsg(c));
    return rc;
}

static void copy_col(char *dst, size_t cap, const lm_xval *v)
{
    snprintf(dst, cap, "%s", v->type == LM_XV_TEXT && v->s ? v->s : "");
}

static const char *col_text(const lm_xval *v)
{
    return v->type == LM_XV_TEXT ? v->s : NULL;
}

/* ---- every extraction ---------------------------------------------------- */

struct xctx {
    lm_export_format fmt;
    FILE *out;
    uint64_t *rows;
    char *msg;
    size_t cap;
    lm_err rc;
};

static int extraction_row(const lm_article *a, const lm_xrow *x, void *ud)
{
    struct xctx *xc = ud;
    lm_extraction e;

    (void)a;
    xc->rc = pipeline_extraction_from_row(x, &e);
    if (xc->rc == LM_ERR_FORMAT) {
        lm_msg_set(xc->msg, xc->cap, "PMID %lld: extraction of unknown kind '%s'",
                   (long long)x->pmid, x->v[LM_XC_kind].type == LM_XV_TEXT
                                           ? x->v[LM_XC_kind].s : "");
        return 1;
    }
    if (!xc->rc) {
        if (xc->fmt == LM_EXPORT_CSV) {
            if (lm_extraction_csv(xc->out, x->pmid, &e) != LM_OK)
                xc->rc = LM_ERR_IO;
        } else {
            char *js = lm_extraction_json(x->pmid, &e);

            if (!js)
                xc->rc = LM_ERR_NOMEM;
            else if (fputs(js, xc->out) < 0 || fputc('\n', xc->out) == EOF)
                xc->rc = LM_ERR_IO;
            free(js);
        }
    }
    {
        lm_extractions one = { &e, 1, 1 };   /* frees what the row made */
        lm_extractions_clear(&one);
    }
    if (xc->rc == LM_ERR_NOMEM)
        return 1;
    ++*xc->rows;
    return xc->rc != LM_OK;
}

static lm_err export_extractions(lm_corpus *c, lm_export_format fmt, FILE *out,
                                 uint64_t *rows, char *msg, size_t cap, const int64_t *subset,
                                 size_t nsubset)
{
    struct xctx xc = { fmt, out, rows, msg, cap, LM_OK };
    lm_err rc;

    if (fmt == LM_EXPORT_CSV && lm_extraction_csv_header(out) != LM_OK)
        return LM_ERR_IO;
    rc = lm_corpus_xrows_each(c, 0, subset, nsubset, 0, extraction_row, &xc);
    if (rc)
        return db_err(c, rc, "extractions", msg, cap);
    return xc.rc;
}

/* ---- one row per study --------------------------------------------------- */

/* One stored value of the study being assembled. */
struct val {
    lm_kind kind;
    double value, lo, hi, p;
    int64_t k, n, id;
    int rank;               /* 0 title, 1 abstract, 2 body */
    size_t pos;             /* span start (title, abstract) or row id (body) */
    char svalue[32], metric[24], p_op[4], level[4], rule[64], flags[96];
    char label[48];         /* arm_size: the arm's name */
    char what[160];         /* finding: its outcome; regimen: its fields; follow_up: as written */
};

/* The article's own fields a study row shows beside its extractions. */
struct study_meta {
    lm_buf doi, pmcid, authors, pub_types, regs;
};

struct study {
    int64_t pmid;
    int year;
    lm_buf journal, title;
    struct study_meta meta;
    struct val *v;
    size_t len, cap;
};

static int val_cmp(const void *a, const void *b)
{
    const struct val *x = a, *y = b;

    if (x->rank != y->rank)
        return x->rank - y->rank;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int has_flag(const char *flags, const char *f)
{
    size_t n = strlen(f);
    const char *p;

    for (p = flags; (p = strstr(p, f)); p += n)
        if ((p == flags || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
            return 1;
    return 0;
}

/* The choices README documents: the sample size flagged primary (else the
 * first), the first rate of a named outcome (else the first rate), the first
 * effect with both CI bounds (else the first effect). */
struct picks {
    const struct val *design, *n, *rate, *effect;
};

static struct picks pick(const struct study *s)
{
    struct picks k = { NULL, NULL, NULL, NULL };
    size_t i;

    for (i = 0; i < s->len; i++) {
        const struct val *v = &s->v[i];

        switch (v->kind) {
        case LM_KIND_DESIGN:
            if (!k.design)
                k.design = v;
            break;
        case LM_KIND_SAMPLE_SIZE:
            if (!k.n || (has_flag(v->flags, "primary") && !has_flag(k.n->flags, "primary")))
                k.n = v;
            break;
        case LM_KIND_RATE:
            if (!k.rate || (!strcmp(k.rate->metric, "other") && strcmp(v->metric, "other")))
                k.rate = v;
            break;
        case LM_KIND_EFFECT:
            if (!k.effect || (isnan(k.effect->lo) && !isnan(v->lo) && !isnan(v->hi)))
                k.effect = v;
            break;
        default:
            break;
        }
    }
    return k;
}

static lm_err num(lm_buf *b, double v)
{
    return isnan(v) ? LM_OK : lm_buf_printf(b, "%.10g", v);
}

/* "remission 75% (15/20) [53.1, 88.8]; ..." */
static lm_err rate_list(const struct study *s, lm_buf *b)
{
    size_t i;
    lm_err rc = LM_OK;

    for (i = 0; i < s->len && !rc; i++) {
        const struct val *v = &s->v[i];

        if (v->kind != LM_KIND_RATE)
            continue;
        rc = lm_buf_printf(b, "%s%s %.4g%%", b->len ? "; " : "", v->metric, v->value);
        if (!rc && v->k >= 0 && v->n >= 0)
            rc = lm_buf_printf(b, " (%lld/%lld)", (long long)v->k, (long long)v->n);
        else if (!rc && has_flag(v->flags, "n_assumed"))
            rc = lm_buf_puts(b, " (n not printed)");
        if (!rc && !isnan(v->lo) && !isnan(v->hi))
            rc = lm_buf_printf(b, " [%.4g, %.4g]", v->lo, v->hi);
    }
    return rc;
}

/* "or 2.1 [1.2, 3.4] p<0.01; ..." */
static lm_err effect_list(const struct study *s, lm_buf *b)
{
    size_t i;
    lm_err rc = LM_OK;

    for (i = 0; i < s->len && !rc; i++) {
        const struct val *v = &s->v[i];

        if (v->kind != LM_KIND_EFFECT)
            continue;
        rc = lm_buf_printf(b, "%s%s %.4g", b->len ? "; " : "", v->metric, v->value);
        if (!rc && !isnan(v->lo) && !isnan(v->hi))
            rc = lm_buf_printf(b, " [%.4g, %.4g]", v->lo, v->hi);
        if (!rc && !isnan(v->p))
            rc = lm_buf_printf(b, " p%s%.4g", *v->p_op ? v->p_op : "=", v->p);
    }
    return rc;
}

static lm_err arm_list(const struct study *s, lm_buf *b)
{
    size_t i;
    lm_err rc = LM_OK;

    for (i = 0; i < s->len && !rc; i++)
        if (s->v[i].kind == LM_KIND_ARM_SIZE)
            rc = lm_buf_printf(b, "%s%.10g", b->len ? ";" : "", s->v[i].value);
    return rc;
}

/* The distinct rule ids of the values in the row (design, the chosen total
 * N, arm sizes, rates, effects), in text order. */
static lm_err rule_list(const struct study *s, const struct val *total, lm_buf *b)
{
    size_t i;
    lm_err rc = LM_OK;

    for (i = 0; i < s->len && !rc; i++) {
        const struct val *v = &s->v[i];
        const char *p;
        size_t n = strlen(v->rule);
        int seen = 0;

        if (!*v->rule || (v->kind == LM_KIND_SAMPLE_SIZE && v != total)
            || (v->kind != LM_KIND_DESIGN && v->kind != LM_KIND_SAMPLE_SIZE
                          && v->kind != LM_KIND_ARM_SIZE && v->kind != LM_KIND_RATE
                          && v->kind != LM_KIND_EFFECT))
            continue;
        for (p = lm_buf_str(b); (p = strstr(p, v->rule)); p += n)
            if ((p == lm_buf_str(b) || p[-1] == ';') && (p[n] == '\0' || p[n] == ';'))
                seen = 1;
        if (!seen)
            rc = lm_buf_printf(b, "%s%s", b->len ? ";" : "", v->rule);
    }
    return rc;
}

/* The study model's cells: primary_finding ("no_difference: outcome", the
 * finding flagged primary, else the first), regimen (each arm's fields,
 * "; "-joined), follow_up (as written), arms ("placebo 54; 0.5 mg/kg 51"). */
struct row;
static lm_err model_cells(const struct study *s, struct row *r);

/* The row's cells as strings (CSV) and, for JSON, whether each is a number. */
#define NCOLS_BASE 28    /* the extraction cells and the study model's */
#define NCOLS (NCOLS_BASE + 12)
struct row {
    lm_buf cell[NCOLS];
    int numeric[NCOLS];
};

/* ---- trial registrations ------------------------------------------------- */

/* The registries whose numbers a study row lists: prefix, then the
 * characters and the count the number has.  Found in the title, abstract
 * and PubMed's DataBankList alike ("NCT01234567", "ISRCTN12345678",
 * "ACTRN12612000123456", "CRD42019123456", ...). */
static const struct registry {
    const char *prefix;
    const char *chars;      /* allowed after the prefix */
    size_t min, max;
} registries[] = {
    { "NCT", "0123456789", 8, 8 },
    { "ISRCTN", "0123456789", 8, 8 },
    { "ACTRN", "0123456789", 14, 14 },
    { "DRKS", "0123456789", 8, 8 },
    { "CRD", "0123456789", 11, 11 },            /* PROSPERO */
    { "PACTR", "0123456789", 15, 16 },
    { "TCTR", "0123456789", 11, 11 },
    { "KCT", "0123456789", 7, 7 },
    { "UMIN", "0123456789", 9, 9 },
    { "jRCT", "0123456789s", 10, 11 },
    { "IRCT", "0123456789N", 8, 24 },
    { "ChiCTR", "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8, 20 },
    { "CTRI/", "0123456789/", 12, 16 },
    { "NTR", "0123456789", 3, 5 },
};

static int word_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Appends each registration number of @text to @out ("; " between them),
 * once each. */
static lm_err scan_registrations(const char *text, lm_buf *out)
{
    const char *p;
    size_t i, n, plen;
    char id[48];
    lm_err rc;

    for (p = text ? text : ""; *p; p++) {
        if ((p > text && word_char((unsigned char)p[-1])) || !word_char((unsigned char)*p))
            continue;
        for (i = 0; i < sizeof registries / sizeof *registries; i++) {
            const struct registry *g = &registries[i];
            const char *q;

            plen = strlen(g->prefix);
            if (strncmp(p, g->prefix, plen))
                continue;
            q = p + plen;
            if (q[0] == ' ' && strchr("0123456789", q[1]) && g->chars[0] == '0' && strcmp(g->prefix, "CTRI/"))
                q++;            /* "NCT 01234567" */
            for (n = 0; q[n] && strchr(g->chars, q[n]) && n <= g->max; n++)
                ;
            while (n && (q[n - 1] == '-' || q[n - 1] == '/'))
                n--;
            if (n < g->min || n > g->max || word_char((unsigned char)q[n]))
                continue;
            snprintf(id, sizeof id, "%s%.*s", g->prefix, (int)n, q);
            if (!strstr(lm_buf_str(out), id)
                && ((out->len && (rc = lm_buf_puts(out, "; "))) || (rc = lm_buf_puts(out, id))))
                return rc;
            p = q + n - 1;
            break;
        }
    }
    return LM_OK;
}

/* The design-flag cells: 1 or 0 when the study has a design row, else empty. */
static lm_err flag_cell(lm_buf *cell, const struct val *design, const char *flag)
{
    return design ? lm_buf_puts(cell, has_flag(design->flags, flag) ? "1" : "0") : LM_OK;
}

static lm_err meta_cells(const struct study *s, const struct val *design, struct row *r)
{
    static const char *const flags[] = {
        "secondary_analysis", "protocol", "crossover", "double_blind",
        "placebo_controlled", "open_label"
    };
    const char *au = lm_buf_str(&s->meta.authors), *semi = strchr(au, ';');
    lm_err rc;
    size_t i;
    int c = NCOLS_BASE;

    if ((rc = lm_buf_puts(&r->cell[c++], lm_buf_str(&s->meta.doi)))
        || (rc = lm_buf_puts(&r->cell[c++], lm_buf_str(&s->meta.pmcid)))
        || (rc = lm_buf_printf(&r->cell[c++], "%.*s", (int)(semi ? (size_t)(semi - au)
                                                                 : strlen(au)), au))
        || (rc = lm_buf_puts(&r->cell[c++], au))
        || (rc = lm_buf_puts(&r->cell[c++], lm_buf_str(&s->meta.pub_types))))
        return rc;
    for (i = 0; i < sizeof flags / sizeof *flags; i++, c++) {
        r->numeric[c] = 1;
        if ((rc = flag_cell(&r->cell[c], design, flags[i])))
            return rc;
    }
    return lm_buf_puts(&r->cell[c], lm_buf_str(&s->meta.regs));
}

/* Reads the article's columns (from @col on: doi, pmcid, authors,
 * pub_types, abstract, databanks) into @m, with the registration numbers of
 * the title, abstract and DataBankList. */
static lm_err meta_load(struct study_meta *m, const char *title, const lm_article *a)
{
    lm_buf *f[] = { &m->doi, &m->pmcid, &m->authors, &m->pub_types };
    const char *v[] = { a->doi, a->pmcid, a->authors, a->pub_types };
    lm_err rc = LM_OK;
    size_t i;

    for (i = 0; i < sizeof f / sizeof *f; i++) {
        lm_buf_clear(f[i]);
        if ((rc = lm_buf_puts(f[i], v[i] ? v[i] : "")))
            return rc;
    }
    lm_buf_clear(&m->regs);
    if ((rc = scan_registrations(title, &m->regs))
        || (rc = scan_registrations(a->abstract, &m->regs))
        || (rc = scan_registrations(a->databanks, &m->regs)))
        return rc;
    return LM_OK;
}

static void meta_free(struct study_meta *m)
{
    lm_buf_free(&m->doi);
    lm_buf_free(&m->pmcid);
    lm_buf_free(&m->authors);
    lm_buf_free(&m->pub_types);
    lm_buf_free(&m->regs);
}

static lm_err study_row(const struct study *s, struct row *r)
{
    struct picks k = pick(s);
    lm_err rc = LM_OK;
    int i;

    for (i = 0; i < NCOLS; i++) {
        lm_buf_clear(&r->cell[i]);
        r->numeric[i] = 0;
    }
    for (i = 6; i <= 20; i++)
        r->numeric[i] = i != 7 && i != 8 && i != 9 && i != 15 && i != 20;
    r->numeric[1] = 1;
    rc = lm_buf_printf(&r->cell[0], "%lld", (long long)s->pmid);
    if (!rc && s->year)
        rc = lm_buf_printf(&r->cell[1], "%d", s->year);
    if (!rc)
        rc = lm_buf_puts(&r->cell[2], lm_buf_str(&s->journal));
    if (!rc)
        rc = lm_buf_puts(&r->cell[3], lm_buf_str(&s->title));
    if (!rc && k.design)
        rc = lm_buf_puts(&r->cell[4], k.design->svalue);
    if (!rc && k.design)
        rc = lm_buf_puts(&r->cell[5], k.design->level);
    if (!rc && k.n) {
        rc = num(&r->cell[6], k.n->value);
        if (!rc)
            rc = lm_buf_puts(&r->cell[7], k.n->metric);
    }
    if (!rc)
        rc = arm_list(s, &r->cell[8]);
    if (!rc && k.rate) {
        rc = lm_buf_puts(&r->cell[9], k.rate->metric);
        if (!rc)
            rc = num(&r->cell[10], k.rate->value);
        if (!rc && k.rate->k >= 0)
            rc = lm_buf_printf(&r->cell[11], "%lld", (long long)k.rate->k);
        if (!rc && k.rate->n >= 0)
            rc = lm_buf_printf(&r->cell[12], "%lld", (long long)k.rate->n);
        if (!rc)
            rc = num(&r->cell[13], k.rate->lo);
        if (!rc)
            rc = num(&r->cell[14], k.rate->hi);
    }
    if (!rc && k.effect) {
        rc = lm_buf_puts(&r->cell[15], k.effect->metric);
        if (!rc)
            rc = num(&r->cell[16], k.effect->value);
        if (!rc)
            rc = num(&r->cell[17], k.effect->lo);
        if (!rc)
            rc = num(&r->cell[18], k.effect->hi);
        if (!rc)
            rc = num(&r->cell[19], k.effect->p);
        if (!rc && !isnan(k.effect->p))
            rc = lm_buf_puts(&r->cell[20], *k.effect->p_op ? k.effect->p_op : "=");
    }
    if (!rc)
        rc = rate_list(s, &r->cell[21]);
    if (!rc)
        rc = effect_list(s, &r->cell[22]);
    if (!rc)
        rc = rule_list(s, k.n, &r->cell[23]);
    if (!rc)
        rc = model_cells(s, r);
    if (!rc)
        rc = meta_cells(s, k.design, r);
    return rc;
}

static lm_err model_cells(const struct study *s, struct row *r)
{
    const struct val *pf = NULL;
    size_t i;
    lm_err rc = LM_OK;

    for (i = 0; i < s->len; i++) {
        const struct val *v = &s->v[i];
        if (v->kind == LM_KIND_FINDING && v->rank == 1
            && (!pf || (has_flag(v->flags, "primary") && !has_flag(pf->flags, "primary"))))
            pf = v;
    }
    if (pf)
        rc = lm_buf_printf(&r->cell[24], "%s: %s", pf->metric, pf->what);
    for (i = 0; i < s->len && !rc; i++) {
        const struct val *v = &s->v[i];
        if (v->kind == LM_KIND_REGIMEN)
            rc = lm_buf_printf(&r->cell[25], "%s%s", r->cell[25].len ? "; " : "", v->what);
        else if (v->kind == LM_KIND_FOLLOW_UP && !r->cell[26].len)
            rc = lm_buf_puts(&r->cell[26], v->what);
        else if (v->kind == LM_KIND_ARM_SIZE)
            rc = lm_buf_printf(&r->cell[27], "%s%s%s%.10g", r->cell[27].len ? "; " : "",
                               v->label, *v->label ? " " : "", v->value);
    }
    return rc;
}

static lm_err write_row(const struct row *r, lm_export_format fmt, FILE *out)
{
    int i;

    if (fmt == LM_EXPORT_CSV) {
        for (i = 0; i < NCOLS; i++) {
            if (i)
                fputc(',', out);
            lm_csv_field(out, lm_buf_str(&r->cell[i]));
        }
        fputs("\r\n", out);
    } else {
        cJSON *o = cJSON_CreateObject();
        char *js;
        int ok = o != NULL;

        for (i = 0; ok && i < NCOLS; i++) {
            const char *s = lm_buf_str(&r->cell[i]);
            cJSON *item = !*s ? cJSON_CreateNull()
                : r->numeric[i] ? cJSON_CreateNumber(strtod(s, NULL)) : cJSON_CreateString(s);

            ok = item && cJSON_AddItemToObject(o, lm_study_columns[i], item);
        }
        js = ok ? cJSON_PrintUnformatted(o) : NULL;
        cJSON_Delete(o);
        if (!js)
            return LM_ERR_NOMEM;
        fputs(js, out);
        fputc('\n', out);
        free(js);
    }
    return ferror(out) ? LM_ERR_IO : LM_OK;
}

static lm_err flush_study(struct study *s, struct row *r, lm_export_format fmt, FILE *out,
                          uint64_t *rows)
{
    lm_err rc;

    if (!s->len)
        return LM_OK;
    qsort(s->v, s->len, sizeof *s->v, val_cmp);
    if ((rc = study_row(s, r)) || (rc = write_row(r, fmt, out)))
        return rc;
    ++*rows;
    s->len = 0;
    return LM_OK;
}

static lm_err add_val(struct study *s, const lm_xrow *x)
{
    const char *kind = col_text(&x->v[LM_XC_kind]);
    const char *section = col_text(&x->v[LM_XC_section]);
    struct val *v;

    if (lm_grow(&s->v, &s->cap, s->len, sizeof *s->v, 32))
        return LM_ERR_NOMEM;
    v = &s->v[s->len];
    memset(v, 0, sizeof *v);
    if (!kind || !pipeline_kind_parse(kind, &v->kind))
        return LM_OK;    /* a kind this version does not know: not part of a study row */
    s->len++;
    if (v->kind == LM_KIND_DESIGN) {
        copy_col(v->svalue, sizeof v->svalue, &x->v[LM_XC_value]);
        v->value = NAN;
    } else {
        v->value = pipeline_xval_real(&x->v[LM_XC_value]);
    }
    v->lo = pipeline_xval_real(&x->v[LM_XC_lo]);
    v->hi = pipeline_xval_real(&x->v[LM_XC_hi]);
    v->k = x->v[LM_XC_k].type == LM_XV_NULL ? -1 : x->v[LM_XC_k].i;
    v->n = x->v[LM_XC_n].type == LM_XV_NULL ? -1 : x->v[LM_XC_n].i;
    copy_col(v->metric, sizeof v->metric, &x->v[LM_XC_metric]);
    v->p = pipeline_xval_real(&x->v[LM_XC_p]);
    copy_col(v->p_op, sizeof v->p_op, &x->v[LM_XC_p_op]);
    v->rank = !section ? 2 : !strcmp(section, "title") ? 0 : !strcmp(section, "abstract") ? 1 : 2;
    v->id = x->id;
    v->pos = v->rank < 2 ? (size_t)x->v[LM_XC_span_start].i : (size_t)v->id;
    copy_col(v->level, sizeof v->level, &x->v[LM_XC_level]);
    copy_col(v->rule, sizeof v->rule, &x->v[LM_XC_rule]);
    copy_col(v->flags, sizeof v->flags, &x->v[LM_XC_flags]);
    copy_col(v->label, sizeof v->label, &x->v[LM_XC_label]);
    if (v->kind == LM_KIND_FINDING) {
        copy_col(v->what, sizeof v->what, &x->v[LM_XC_outcome]);
    } else if (v->kind == LM_KIND_FOLLOW_UP) {
        copy_col(v->what, sizeof v->what, &x->v[LM_XC_duration]);
    } else if (v->kind == LM_KIND_REGIMEN) {
        /* "0.5 mg/kg, twice weekly, 4 weeks, intravenous, 8 administrations" */
        static const lm_xcol parts[] = { LM_XC_dose, LM_XC_frequency, LM_XC_duration,
                                         LM_XC_route };
        lm_buf b = { 0 };
        size_t j;
        lm_err rc = LM_OK;
        for (j = 0; j < sizeof parts / sizeof *parts && !rc; j++) {
            const char *t = col_text(&x->v[parts[j]]);
            if (t && *t)
                rc = lm_buf_printf(&b, "%s%s", b.len ? ", " : "", t);
        }
        if (!rc && v->n >= 0)
            rc = lm_buf_printf(&b, "%s%lld administrations", b.len ? ", " : "", (long long)v->n);
        snprintf(v->what, sizeof v->what, "%s", lm_buf_str(&b));
        lm_buf_free(&b);
        if (rc)
            return rc;
    }
    return LM_OK;
}

struct sctx {
    struct study s;
    struct row *r;
    lm_export_format fmt;
    FILE *out;
    uint64_t *rows;
    lm_err rc;
};

static int study_xrow(const lm_article *a, const lm_xrow *x, void *ud)
{
    struct sctx *sc = ud;
    struct study *s = &sc->s;

    if (x->pmid != s->pmid) {
        if ((sc->rc = flush_study(s, sc->r, sc->fmt, sc->out, sc->rows)))
            return 1;
        s->pmid = x->pmid;
        s->year = a->year;
        lm_buf_clear(&s->journal);
        lm_buf_clear(&s->title);
        if ((sc->rc = lm_buf_puts(&s->journal, a->journal))
            || (sc->rc = lm_buf_puts(&s->title, a->title))
            || (sc->rc = meta_load(&s->meta, lm_buf_str(&s->title), a)))
            return 1;
    }
    return (sc->rc = add_val(s, x)) != LM_OK;
}

static lm_err export_studies(lm_corpus *c, lm_export_format fmt, FILE *out, uint64_t *rows,
                             char *msg, size_t cap, const int64_t *subset, size_t nsubset)
{
    struct sctx sc;
    lm_err rc;
    int i;

    memset(&sc, 0, sizeof sc);
    sc.fmt = fmt;
    sc.out = out;
    sc.rows = rows;
    if (!(sc.r = calloc(1, sizeof *sc.r)))
        return LM_ERR_NOMEM;
    if (fmt == LM_EXPORT_CSV) {
        for (i = 0; lm_study_columns[i]; i++)
            fprintf(out, "%s%s", i ? "," : "", lm_study_columns[i]);
        fputs("\r\n", out);
    }
    rc = lm_corpus_xrows_each(c, 0, subset, nsubset, LM_XROWS_ARTICLE, study_xrow, &sc);
    if (rc)
        rc = db_err(c, rc, "studies", msg, cap);
    else
        rc = sc.rc;
    if (rc == LM_OK)
        rc = flush_study(&sc.s, sc.r, fmt, out, rows);
    for (i = 0; i < NCOLS; i++)
        lm_buf_free(&sc.r->cell[i]);
    free(sc.r);
    free(sc.s.v);
    lm_buf_free(&sc.s.journal);
    lm_buf_free(&sc.s.title);
    meta_free(&sc.s.meta);
    return rc;
}

lm_err lm_export(lm_corpus *c, lm_export_what what, lm_export_format fmt, FILE *out,
                 uint64_t *rows, char *msg, size_t msgcap)
{
    return pipeline_export(c, what, fmt, NULL, 0, out, rows, msg, msgcap);
}

lm_err pipeline_export(lm_corpus *c, lm_export_what what, lm_export_format fmt,
                       const int64_t *subset, size_t nsubset, FILE *out, uint64_t *rows,
                       char *msg, size_t msgcap)
{
    uint64_t n = 0;
    lm_err rc;

    if (rows)
        *rows = 0;
    if (!c || !out)
        return LM_ERR_USAGE;
    /* One read snapshot: the rows and the count see the same corpus. */
    if ((rc = lm_corpus_read_begin(c)))
        return db_err(c, rc, lm_export_what_name(what), msg, msgcap);
    switch (what) {
    case LM_WHAT_ARTICLES:
        rc = lm_export_articles(c, fmt, out);
        if (rc != LM_OK && rc != LM_ERR_IO && rc != LM_ERR_NOMEM)
            lm_msg_set(msg, msgcap, "export articles: %s", lm_corpus_errmsg(c));
        if (rc == LM_OK && (rc = lm_corpus_counts(c, &n, NULL, NULL)))
            db_err(c, rc, "articles", msg, msgcap);
        break;
    case LM_WHAT_EXTRACTIONS:
        rc = export_extractions(c, fmt, out, &n, msg, msgcap, subset, nsubset);
        break;
    case LM_WHAT_STUDIES:
        rc = export_studies(c, fmt, out, &n, msg, msgcap, subset, nsubset);
        break;
    default:
        rc = LM_ERR_USAGE;
    }
    lm_corpus_read_end(c);
    if (rc == LM_OK && fflush(out) != 0)
        rc = LM_ERR_IO;
    if (rc == LM_ERR_IO)
        lm_msg_set(msg, msgcap, "export %s: write failed", lm_export_what_name(what));
    else if (rc == LM_ERR_NOMEM)
        lm_msg_set(msg, msgcap, "export %s: out of memory", lm_export_what_name(what));
    if (rows)
        *rows = n;
    return rc;
}
