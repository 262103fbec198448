/* Backend-neutral parts of storing a record: the merge of a PubMed record
 * and the PMC article of one PMID, the content hash that tells a changed
 * record from a replayed one, and article keys.  Every backend stores the
 * same merged rows with the same hashes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <openssl/evp.h>
#include "corpus_int.h"

lm_buf *corpus_rec_field(lm_record *r, int f)
{
    switch (f) {
    case F_PMCID: return &r->pmcid;
    case F_DOI: return &r->doi;
    case F_TITLE: return &r->title;
    case F_ABSTRACT: return &r->abstract;
    case F_JOURNAL: return &r->journal;
    case F_AUTHORS: return &r->authors;
    case F_PUB_TYPES: return &r->pub_types;
    case F_MESH: return &r->mesh;
    case F_BODY: return &r->body;
    }
    return NULL;
}

void corpus_view_of(const lm_record *r, struct corpus_view *v)
{
    int f;

    for (f = 0; f < NFIELD; f++) {
        const lm_buf *b = f == F_YEAR ? NULL : corpus_rec_field((lm_record *)r, f);
        v->s[f] = b ? lm_buf_str(b) : "";
        v->n[f] = b ? b->len : 0;
    }
    v->year = r->year;
}

static int view_has(const struct corpus_view *v, int f)
{
    return f == F_YEAR ? v->year != 0 : v->n[f] != 0;
}

/* PubMed's value of each field when it has one, else PMC's; the return
 * value has PMC_BIT(f) for each field taken from PMC. */
unsigned corpus_merge(const struct corpus_view *pubmed, const struct corpus_view *pmc, struct corpus_view *out)
{
    unsigned bits = 0;
    int f;

    *out = *pubmed;
    for (f = 0; f < NFIELD; f++) {
        if (view_has(pubmed, f) || !view_has(pmc, f))
            continue;
        bits |= PMC_BIT(f);
        out->s[f] = pmc->s[f];
        out->n[f] = pmc->n[f];
        if (f == F_YEAR)
            out->year = pmc->year;
    }
    return bits;
}

/* MD5 of an article's content: tells a changed record from a replayed one.
 * The order (year, then the text fields) is the one schema v1 hashed, so
 * the rows of an existing corpus keep their hashes. */
void corpus_view_md5(EVP_MD_CTX **ctxp, const struct corpus_view *v, char hex[33])
{
    static const char digits[] = "0123456789abcdef";
    static const int order[] = { F_PMCID, F_DOI, F_TITLE, F_ABSTRACT, F_JOURNAL, F_AUTHORS,
                                 F_PUB_TYPES, F_MESH, F_BODY };
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    EVP_MD_CTX *ctx = *ctxp ? *ctxp : (*ctxp = EVP_MD_CTX_new());
    char year[16];

    hex[0] = '\0';
    if (!ctx)
        return;
    snprintf(year, sizeof year, "%d", v->year);
    EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
    EVP_DigestUpdate(ctx, year, strlen(year) + 1);
    for (i = 0; i < sizeof order / sizeof *order; i++) {
        EVP_DigestUpdate(ctx, v->s[order[i]], v->n[order[i]]);
        EVP_DigestUpdate(ctx, "", 1);
    }
    EVP_DigestFinal_ex(ctx, md, &n);
    for (i = 0; i < n && i < 16; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[32] = '\0';
}

/* The number of a "PMC1234567" (or "1234567"), 0 when it is not one. */
int64_t corpus_pmc_number(const char *s)
{
    int64_t n = 0;

    if (!strncasecmp(s, "PMC", 3))
        s += 3;
    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || n > (INT64_MAX - 9) / 10)
            return 0;
        n = n * 10 + (*s - '0');
    }
    return n;
}

lm_err lm_corpus_key_parse(const char *id, int64_t *key)
{
    int64_t n;

    if (!id || !key)
        return LM_ERR_USAGE;
    *key = 0;
    if (!strncasecmp(id, "PMC", 3)) {
        if (!(n = corpus_pmc_number(id)))
            return LM_ERR_USAGE;
        *key = -n;
        return LM_OK;
    }
    if (!(n = corpus_pmc_number(id)) || (id[0] < '0' || id[0] > '9'))
        return LM_ERR_USAGE;
    *key = n;
    return LM_OK;
}

int lm_corpus_key_format(int64_t key, char *buf, size_t cap)
{
    return key < 0 ? snprintf(buf, cap, "PMC%lld", -(long long)key)
                   : snprintf(buf, cap, "%lld", (long long)key);
}

/* The row a record goes to: its PMID, else minus its PMC number, else 0. */
int64_t corpus_record_key(const lm_record *r)
{
    int64_t n;

    if (r->pmid > 0)
        return r->pmid;
    n = r->kind == LM_REC_ARTICLE ? corpus_pmc_number(lm_buf_str(&r->pmcid)) : 0;
    return n ? -n : 0;
}


lm_err corpus_put_pmc(lm_corpus *c, const struct corpus_pmc_ops *ops, const lm_record *r,
                      int *outcome)
{
    int64_t key = corpus_record_key(r);
    struct corpus_view pmc;
    int changed = 0, row_changed = 0, has_pubmed = 0;
    lm_err rc;

    if (r->pmid > 0 && r->pmcid.len && (rc = ops->adopt(c, r)))
        return rc;
    corpus_view_of(r, &pmc);
    if ((rc = ops->put_pmc_row(c, key, r, &pmc, &changed)) ||
        (rc = ops->read_row(c, key, &has_pubmed)))
        return rc;
    *outcome = changed;
    if (has_pubmed)
        return changed ? ops->remerge(c, key, &pmc)
                       : ops->unchanged(c, 1, key, r->version, outcome);
    /* only PMC here, unless another writer stores the PubMed record
     * meanwhile: the guarded store leaves that row alone, and it is read
     * again and merged */
    if ((rc = ops->put_alone(c, key, r->version, &pmc, &row_changed)))
        return rc;
    if (row_changed) {
        *outcome = 1;
        return LM_OK;
    }
    if ((rc = ops->read_row(c, key, &has_pubmed)))
        return rc;
    if (has_pubmed)
        return changed ? ops->remerge(c, key, &pmc)
                       : ops->unchanged(c, 1, key, r->version, outcome);
    return changed ? LM_OK : ops->unchanged(c, 0, key, r->version, outcome);
}
