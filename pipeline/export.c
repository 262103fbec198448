/* Datasets out of the corpus: articles as JSONL (cJSON) or CSV (RFC 4180).
 * Rows stream from the store one at a time; nothing is held in memory. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include <litmine/pipeline.h>
#include "pipeline/pipeline_int.h"

const char *const lm_article_columns[] = {
    "pmid", "version", "pmcid", "doi", "title", "abstract", "journal", "year",
    "authors", "pub_types", "mesh", "source", "updated_at", NULL
};

void lm_csv_field(FILE *out, const char *s)
{
    const char *p;

    s = s ? s : "";
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (p = s; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

/* Adds a string member, or null when the value is empty (pandas reads an
 * empty string and a missing value differently; null says "none"). */
static int add_str(cJSON *o, const char *k, const char *v)
{
    cJSON *item = v && *v ? cJSON_CreateString(v) : cJSON_CreateNull();

    return item && cJSON_AddItemToObject(o, k, item);
}

char *lm_article_json(const lm_article *a)
{
    cJSON *o = cJSON_CreateObject();
    char pmid[24], *out = NULL;

    if (!o)
        return NULL;
    snprintf(pmid, sizeof pmid, "%lld", (long long)a->pmid);
    /* PMIDs are strings in litmine's JSON (DESIGN.md): identifiers, not numbers. */
    if (!add_str(o, "pmid", pmid)
        || !cJSON_AddNumberToObject(o, "version", a->version)
        || !add_str(o, "pmcid", a->pmcid) || !add_str(o, "doi", a->doi)
        || !add_str(o, "title", a->title) || !add_str(o, "abstract", a->abstract)
        || !add_str(o, "journal", a->journal)
        || !(a->year ? cJSON_AddNumberToObject(o, "year", a->year)
                     : cJSON_AddNullToObject(o, "year"))
        || !add_str(o, "authors", a->authors) || !add_str(o, "pub_types", a->pub_types)
        || !add_str(o, "mesh", a->mesh) || !add_str(o, "source", a->source)
        || !add_str(o, "updated_at", a->updated_at))
        goto done;
    if (a->deleted && !cJSON_AddTrueToObject(o, "deleted"))
        goto done;
    if (a->body && *a->body && !add_str(o, "body", a->body))
        goto done;
    out = cJSON_PrintUnformatted(o);
done:
    cJSON_Delete(o);
    return out;
}

struct export_ctx {
    FILE *out;
    lm_export_format fmt;
    lm_err rc;
};

static int export_one(const lm_article *a, void *ud)
{
    struct export_ctx *x = ud;
    char num[24];

    if (x->fmt == LM_EXPORT_JSONL) {
        char *js;
        lm_article body_less = *a;

        body_less.body = NULL;   /* bodies are for extraction, not datasets */
        js = lm_article_json(&body_less);
        if (!js) {
            x->rc = LM_ERR_NOMEM;
            return 1;
        }
        fputs(js, x->out);
        fputc('\n', x->out);
        free(js);
    } else {
        snprintf(num, sizeof num, "%lld", (long long)a->pmid);
        fputs(num, x->out);
        fprintf(x->out, ",%d,", a->version);
        lm_csv_field(x->out, a->pmcid);  fputc(',', x->out);
        lm_csv_field(x->out, a->doi);    fputc(',', x->out);
        lm_csv_field(x->out, a->title);  fputc(',', x->out);
        lm_csv_field(x->out, a->abstract); fputc(',', x->out);
        lm_csv_field(x->out, a->journal);  fputc(',', x->out);
        if (a->year)
            fprintf(x->out, "%d", a->year);
        fputc(',', x->out);
        lm_csv_field(x->out, a->authors);   fputc(',', x->out);
        lm_csv_field(x->out, a->pub_types); fputc(',', x->out);
        lm_csv_field(x->out, a->mesh);      fputc(',', x->out);
        lm_csv_field(x->out, a->source);    fputc(',', x->out);
        lm_csv_field(x->out, a->updated_at);
        fputs("\r\n", x->out);
    }
    if (ferror(x->out)) {
        x->rc = LM_ERR_IO;
        return 1;
    }
    return 0;
}

lm_err lm_export_articles(lm_corpus *c, lm_export_format fmt, FILE *out)
{
    struct export_ctx x = { out, fmt, LM_OK };
    lm_err rc;
    size_t i;

    if (!c || !out)
        return LM_ERR_USAGE;
    if (fmt == LM_EXPORT_CSV) {
        for (i = 0; lm_article_columns[i]; i++)
            fprintf(out, "%s%s", i ? "," : "", lm_article_columns[i]);
        fputs("\r\n", out);
    }
    rc = lm_corpus_each(c, export_one, &x);
    if (rc == LM_OK)
        rc = x.rc;
    if (rc == LM_OK && fflush(out) != 0)
        rc = LM_ERR_IO;
    return rc;
}

lm_err pipeline_article_write(FILE *out, lm_export_format fmt, const lm_article *a)
{
    struct export_ctx x = { out, fmt, LM_OK };

    export_one(a, &x);
    return x.rc;
}
