/* The JSON and CSV forms of an extraction row, as `litmine extract` prints
 * them (DESIGN.md "Extraction records"): the columns of the extraction
 * table, pmid as a string, span as [start, end]. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "extractors_int.h"

const char *const lm_extraction_columns[] = {
    "pmid", "kind", "value", "lo", "hi", "k", "n", "metric", "p", "p_op", "level",
    "section", "span", "text", "rule", "flags", "outcome", "intervention", "comparator",
    "dose", "frequency", "duration", "route", "label", "extractor_version", NULL
};

/* The study model's strings, in column order (outcome .. label). */
#define STUDY_STRINGS(e) { (e)->outcome, (e)->intervention, (e)->comparator, (e)->dose, \
                           (e)->frequency, (e)->duration, (e)->route, (e)->label }
static const char *const study_cols[] = {
    "outcome", "intervention", "comparator", "dose", "frequency", "duration", "route", "label"
};

/* ---- JSON and CSV --------------------------------------------------------- */

static int add_num(cJSON *o, const char *k, double v)
{
    return isnan(v) ? cJSON_AddNullToObject(o, k) != NULL
                    : cJSON_AddNumberToObject(o, k, v) != NULL;
}

static int add_str(cJSON *o, const char *k, const char *s)
{
    return s && *s ? cJSON_AddStringToObject(o, k, s) != NULL
                   : cJSON_AddNullToObject(o, k) != NULL;
}

char *lm_extraction_json(int64_t pmid, const lm_extraction *e)
{
    cJSON *o = cJSON_CreateObject(), *span;
    char buf[24];
    char *s = NULL;
    int ok;

    if (!o)
        return NULL;
    snprintf(buf, sizeof buf, "%lld", (long long)pmid);
    ok = cJSON_AddStringToObject(o, "pmid", buf) != NULL
        && cJSON_AddStringToObject(o, "kind", lm_kind_name(e->kind)) != NULL
        && (e->kind == LM_KIND_DESIGN ? add_str(o, "value", e->svalue)
                                      : add_num(o, "value", e->value))
        && add_num(o, "lo", e->lo) && add_num(o, "hi", e->hi)
        && add_num(o, "k", e->k >= 0 ? (double)e->k : NAN)
        && add_num(o, "n", e->n >= 0 ? (double)e->n : NAN)
        && add_str(o, "metric", e->metric) && add_num(o, "p", e->p)
        && add_str(o, "p_op", e->p_op) && add_str(o, "level", e->level)
        && add_str(o, "section", e->section);
    if (ok) {
        double sp[2] = { (double)e->span_start, (double)e->span_end };
        span = cJSON_CreateDoubleArray(sp, 2);
        ok = span && cJSON_AddItemToObject(o, "span", span);
        if (!ok)
            cJSON_Delete(span);
    }
    ok = ok && add_str(o, "text", e->text ? e->text : "") && add_str(o, "rule", e->rule)
        && add_str(o, "flags", e->flags);
    {
        const char *sv[] = STUDY_STRINGS(e);
        size_t j;
        for (j = 0; ok && j < sizeof sv / sizeof sv[0]; j++)
            ok = add_str(o, study_cols[j], sv[j]);
    }
    ok = ok && cJSON_AddNumberToObject(o, "extractor_version", LM_EXTRACTOR_VERSION);
    if (ok)
        s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

static void csv_num(FILE *out, double v)
{
    if (!isnan(v))
        fprintf(out, "%.10g", v);
}

static void csv_str(FILE *out, const char *s)
{
    size_t i;
    int quote = 0;

    if (!s)
        return;
    for (i = 0; s[i]; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            quote = 1;
    if (!quote) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (i = 0; s[i]; i++) {
        if (s[i] == '"')
            fputc('"', out);
        fputc(s[i], out);
    }
    fputc('"', out);
}

lm_err lm_extraction_csv_header(FILE *out)
{
    size_t i;

    for (i = 0; lm_extraction_columns[i]; i++)
        if (!strcmp(lm_extraction_columns[i], "span"))   /* two CSV columns */
            fprintf(out, "%sspan_start,span_end", i ? "," : "");
        else
            fprintf(out, "%s%s", i ? "," : "", lm_extraction_columns[i]);
    fputs("\r\n", out);
    return ferror(out) ? LM_ERR_IO : LM_OK;
}

lm_err lm_extraction_csv(FILE *out, int64_t pmid, const lm_extraction *e)
{
    fprintf(out, "%lld,%s,", (long long)pmid, lm_kind_name(e->kind));
    if (e->kind == LM_KIND_DESIGN)
        csv_str(out, e->svalue);
    else
        csv_num(out, e->value);
    fputc(',', out);
    csv_num(out, e->lo);
    fputc(',', out);
    csv_num(out, e->hi);
    fputc(',', out);
    if (e->k >= 0)
        fprintf(out, "%lld", (long long)e->k);
    fputc(',', out);
    if (e->n >= 0)
        fprintf(out, "%lld", (long long)e->n);
    fputc(',', out);
    csv_str(out, e->metric);
    fputc(',', out);
    csv_num(out, e->p);
    fputc(',', out);
    csv_str(out, e->p_op);
    fputc(',', out);
    csv_str(out, e->level);
    fputc(',', out);
    csv_str(out, e->section);
    fprintf(out, ",%zu,%zu,", e->span_start, e->span_end);
    csv_str(out, e->text);
    fputc(',', out);
    csv_str(out, e->rule);
    fputc(',', out);
    csv_str(out, e->flags);
    {
        const char *sv[] = STUDY_STRINGS(e);
        size_t j;
        for (j = 0; j < sizeof sv / sizeof sv[0]; j++) {
            fputc(',', out);
            csv_str(out, sv[j]);
        }
    }
    fprintf(out, ",%d\r\n", LM_EXTRACTOR_VERSION);
    return ferror(out) ? LM_ERR_IO : LM_OK;
}

