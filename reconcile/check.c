/* The checker: opens the rules once, then for each article segments it,
 * picks the checkable claims, tells where each comes from (study, anecdote,
 * animal, case, opinion), finds the article's topic once, and hands the
 * claims to the matcher (match.c).  Also the small report helpers. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "reconcile/reconcile_int.h"

/* Past this many claims the rest of a page is not checked (a 20 MB page of
 * numbers would otherwise run for minutes); the report says so. */
#define RC_MAX_CLAIMS 2000
/* Past this many bytes of article the extractor rules are JIT-compiled
 * (about 50 ms, which interpreting saves on a news-length article). */
#define RC_JIT_BYTES (128 * 1024)

const char *lm_verdict_name(lm_verdict v)
{
    switch (v) {
    case LM_VERDICT_CONTROLLED:   return "controlled";
    case LM_VERDICT_UNCONTROLLED: return "uncontrolled";
    case LM_VERDICT_ANECDOTAL:    return "anecdotal";
    case LM_VERDICT_CONTRADICTED: return "contradicted";
    case LM_VERDICT_NOT_FOUND:    return "not_found";
    }
    return "not_found";
}

int lm_verdict_parse(const char *s, size_t len)
{
    int v;

    for (v = 0; v < LM_VERDICT_COUNT; v++) {
        const char *n = lm_verdict_name((lm_verdict)v);
        if (strlen(n) == len && !strncmp(n, s, len))
            return v;
    }
    return -1;
}

const char *lm_claim_source_name(lm_claim_source s)
{
    switch (s) {
    case LM_SOURCE_STUDY:    return "study";
    case LM_SOURCE_ANECDOTE: return "anecdote";
    case LM_SOURCE_ANIMAL:   return "animal";
    case LM_SOURCE_CASE:     return "case";
    case LM_SOURCE_OPINION:  return "opinion";
    }
    return "study";
}

static void vocab_clear(lm_checker *k);

/* ---- handle ---------------------------------------------------------- */

lm_err lm_checker_open(lm_corpus *c, lm_checker **out)
{
    lm_checker *k;
    lm_err rc;
    uint64_t del = 0, files = 0;

    if (!out)
        return LM_ERR_USAGE;
    if (!(k = calloc(1, sizeof *k))) {
        *out = NULL;
        return LM_ERR_NOMEM;
    }
    *out = k;
    if (!c) {
        lm_msg_set(k->msg, sizeof k->msg, "no corpus given");
        return LM_ERR_USAGE;
    }
    k->corpus = c;
    if ((rc = rc_words_open(&k->words)) != LM_OK) {
        lm_msg_set(k->msg, sizeof k->msg, "out of memory");
        return rc;
    }
    if ((rc = rc_rules_open(&k->rules, k->msg, sizeof k->msg)) != LM_OK
        || (rc = rc_numrules_open(&k->nums, k->msg, sizeof k->msg)) != LM_OK) {
        if (rc == LM_ERR_NOMEM)
            lm_msg_set(k->msg, sizeof k->msg, "out of memory");
        return rc;
    }
    /* only emptiness matters: the summary never counts the articles */
    {
        lm_corpus_summary sum;

        if ((rc = lm_corpus_summary_get(c, &sum)) != LM_OK) {
            lm_msg_set(k->msg, sizeof k->msg, "corpus: %s", lm_corpus_errmsg(c));
            return rc;
        }
        k->corpus_size = (uint64_t)sum.any_live;
    }
    (void)del;
    (void)files;
    return LM_OK;
}

static void query_remember(lm_checker *k, const char *query, const int64_t *pmids,
                           size_t max, size_t n)
{
    struct rc_query *e;

    if (n > RC_QUERY_HITS)
        return;
    if (k->nqueries == k->capqueries) {
        size_t nc = k->capqueries ? k->capqueries * 2 : 64;
        void *p = realloc(k->queries, nc * sizeof *k->queries);
        if (!p)
            return;                 /* no cache this time */
        k->queries = p;
        k->capqueries = nc;
    }
    e = &k->queries[k->nqueries];
    if (!(e->q = strdup(query)))
        return;
    e->max = max;
    e->n = n;
    memcpy(e->pmid, pmids, n * sizeof *pmids);
    k->nqueries++;
}

static void queries_clear(lm_checker *k)
{
    size_t i;

    for (i = 0; i < k->nqueries; i++)
        free(k->queries[i].q);
    k->nqueries = 0;
}

/* The query strings the matcher builds ("stem"*, OR, AND, parentheses)
 * read as lm_query_parse reads a user's query; NULL when they cannot be
 * read (then nothing matches, as FTS5 matched nothing it refused). */
static lm_query *rc_query(const char *text)
{
    lm_query *q = NULL;
    char msg[160];

    if (lm_query_parse(text, &q, msg, sizeof msg) != LM_OK)
        return NULL;
    return q;
}

struct rc_keys { int64_t *pmids; size_t max, *n; };

static int rc_key_hit(const lm_hit *h, void *ud)
{
    struct rc_keys *r = ud;

    if (*r->n >= r->max)
        return 1;
    r->pmids[(*r->n)++] = h->pmid;
    return 0;
}

lm_err rc_search(lm_checker *k, const char *query, int64_t *pmids, size_t max, size_t *n)
{
    struct rc_keys keys;
    lm_query *q;
    lm_err rc;
    size_t i;

    *n = 0;
    /* the same query twice in one article (a claim repeated in a summary,
     * claims that share all their words) asks the corpus once */
    for (i = 0; i < k->nqueries; i++)
        if (k->queries[i].max == max && !strcmp(k->queries[i].q, query)) {
            *n = k->queries[i].n;
            memcpy(pmids, k->queries[i].pmid, *n * sizeof *pmids);
            return LM_OK;
        }
    keys.pmids = pmids;
    keys.max = max;
    keys.n = n;
    q = max ? rc_query(query) : NULL;
    rc = !max ? LM_OK : q ? lm_corpus_search_keys(k->corpus, q, (int)(max > INT32_MAX ? INT32_MAX : max),
                                   rc_key_hit, &keys)
           : LM_ERR_QUERY;
    lm_query_free(q);
    if (rc == LM_OK || rc == LM_ERR_QUERY) {
        /* LM_ERR_QUERY: the index refused the query */
        query_remember(k, query, pmids, max, *n);
        return LM_OK;
    }
    lm_msg_set(k->msg, sizeof k->msg, "corpus search: %s", lm_corpus_errmsg(k->corpus));
    return rc;
}

void rc_docs_clear(lm_checker *k)
{
    size_t i;

    for (i = 0; i < k->ndocs; i++) {
        struct rc_doc *d = k->docs[i];
        free(d->title);
        free(d->abstract);
        free(d->pub_types);
        free(d->mesh);
        free(d->journal);
        free(d->text);
        free(d->sents);
        free(d->toks);
        rc_nums_free(&d->nums);
        free(d);
    }
    k->ndocs = 0;
}

void lm_checker_close(lm_checker *k)
{
    if (!k)
        return;
    rc_docs_clear(k);
    free(k->docs);
    queries_clear(k);
    free(k->queries);
    vocab_clear(k);
    free(k->tpools);
    free(k->terms);
    rc_rules_close(k->rules);
    rc_numrules_close(k->nums);
    rc_words_close(&k->words);
    free(k);
}

const char *lm_checker_errmsg(const lm_checker *k)
{
    return k ? k->msg : "out of memory";
}

static void term_remember(lm_checker *k, const char *stem, int prefix, int found, long cap)
{
    size_t i;

    if (strlen(stem) >= sizeof k->terms[0].stem)
        return;
    for (i = 0; i < k->nterms; i++)
        if (k->terms[i].prefix == prefix && k->terms[i].cap == cap && !strcmp(k->terms[i].stem, stem))
            return;
    if (k->nterms == k->capterms) {
        size_t nc = k->capterms ? k->capterms * 2 : 128;
        void *p = realloc(k->terms, nc * sizeof *k->terms);
        if (!p)
            return;                 /* no cache this time; the answer stands */
        k->terms = p;
        k->capterms = nc;
    }
    strcpy(k->terms[k->nterms].stem, stem);
    k->terms[k->nterms].prefix = prefix;
    k->terms[k->nterms].found = found;
    k->terms[k->nterms].cap = cap;
    k->nterms++;
}

int rc_term_in_corpus(lm_checker *k, const char *stem, int prefix)
{
    lm_query *q = NULL;
    uint64_t n = 0;
    int rc;
    size_t i;

    if (k->corpus_size == 0)
        return 0;
    for (i = 0; i < k->nterms; i++)
        if (k->terms[i].prefix == prefix && !strcmp(k->terms[i].stem, stem))
            return k->terms[i].found;
    if (lm_query_leaf(prefix ? LM_Q_PREFIX : LM_Q_PHRASE, NULL, stem, &q) != LM_OK)
        return -1;
    rc = lm_corpus_match_count(k->corpus, q, 1, &n) == LM_OK ? n > 0 : -1;
    lm_query_free(q);
    if (rc >= 0)
        term_remember(k, stem, prefix, rc, 0);
    return rc;
}

/* Records holding a term, counted up to @cap (enough to tell rare from
 * common without scanning a huge doclist); -1 on error. */
long rc_count(lm_checker *k, const char *expr, long cap)
{
    lm_query *q;
    uint64_t got = 0;
    long n = -1;

    if (k->corpus_size == 0)
        return 0;
    if (!(q = rc_query(expr)))
        return -1;
    if (lm_corpus_match_count(k->corpus, q, cap > 0 ? (uint64_t)cap : 0, &got) == LM_OK)
        n = (long)got;
    lm_query_free(q);
    return n;
}

long rc_term_df(lm_checker *k, const char *stem, long cap)
{
    lm_query *q = NULL;
    uint64_t got = 0;
    long n = -1;
    size_t i;

    for (i = 0; i < k->nterms; i++)         /* prefix 2: a df counted up to @cap */
        if (k->terms[i].prefix == 2 && k->terms[i].cap == cap && !strcmp(k->terms[i].stem, stem))
            return k->terms[i].found;
    if (k->corpus_size == 0)
        n = 0;
    else if (lm_query_leaf(LM_Q_PHRASE, NULL, stem, &q) == LM_OK
             && lm_corpus_match_count(k->corpus, q, cap > 0 ? (uint64_t)cap : 0, &got) == LM_OK)
        n = (long)got;
    lm_query_free(q);
    if (n >= 0) {
        term_remember(k, stem, 0, n > 0, 0);
        term_remember(k, stem, 2, (int)n, cap);
    }
    return n;
}

/* ---- the topic's records ---------------------------------------------------
 * The records on the article's topic (t->filter), the RC_TOPIC_DOCS best by
 * bm25 (copies once), are read once per check.  Each keeps the hashes of its words (and
 * of every 3- to 6-letter start of one, and of its title words) sorted; a
 * hash map counts how many of them hold each.  Claims are then ranked
 * among them in memory: asking FTS5 per claim word and per claim costs
 * more on a large corpus than reading the topic's few records once. */

uint64_t rc_hash(const char *s, size_t n, int kind)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(kind + 1);
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)tolower((unsigned char)s[i]);
        h *= 1099511628211ULL;
    }
    return h | 1;               /* 0 marks an empty slot */
}

static void pool_free(struct rc_pool *p)
{
    free(p->vocab);
    free(p->vocab_cnt);
    free(p->pool);
    free(p->pool_same);
    memset(p, 0, sizeof *p);
}

/* Drops every topic's pool (their records stay in k->docs). */
static void vocab_clear(lm_checker *k)
{
    size_t i;

    pool_free(&k->tp);
    for (i = 0; i < k->ntpools; i++)
        pool_free(&k->tpools[i]);
    k->ntpools = 0;
}

unsigned rc_vocab_count(const lm_checker *k, uint64_t h)
{
    size_t i;

    if (!k->tp.vocab_cap)
        return 0;
    for (i = (size_t)h & (k->tp.vocab_cap - 1); k->tp.vocab[i]; i = (i + 1) & (k->tp.vocab_cap - 1))
        if (k->tp.vocab[i] == h)
            return k->tp.vocab_cnt[i];
    return 0;
}

static lm_err vocab_add(lm_checker *k, uint64_t h)
{
    size_t i;

    if ((k->tp.vocab_n + 1) * 2 > k->tp.vocab_cap) {
        size_t nc = k->tp.vocab_cap ? k->tp.vocab_cap * 2 : 4096, j;
        uint64_t *nv = calloc(nc, sizeof *nv);
        unsigned *ncnt = calloc(nc, sizeof *ncnt);
        if (!nv || !ncnt) {
            free(nv);
            free(ncnt);
            return LM_ERR_NOMEM;
        }
        for (j = 0; j < k->tp.vocab_cap; j++)
            if (k->tp.vocab[j]) {
                for (i = (size_t)k->tp.vocab[j] & (nc - 1); nv[i]; i = (i + 1) & (nc - 1))
                    ;
                nv[i] = k->tp.vocab[j];
                ncnt[i] = k->tp.vocab_cnt[j];
            }
        free(k->tp.vocab);
        free(k->tp.vocab_cnt);
        k->tp.vocab = nv;
        k->tp.vocab_cnt = ncnt;
        k->tp.vocab_cap = nc;
    }
    for (i = (size_t)h & (k->tp.vocab_cap - 1); k->tp.vocab[i]; i = (i + 1) & (k->tp.vocab_cap - 1))
        if (k->tp.vocab[i] == h) {
            k->tp.vocab_cnt[i]++;
            return LM_OK;
        }
    k->tp.vocab[i] = h;
    k->tp.vocab_cnt[i] = 1;
    k->tp.vocab_n++;
    return LM_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return (x > y) - (x < y);
}

/* Appends the hashes of the words of @s (RC_H_WORD and RC_H_PREFIX, and
 * RC_H_TITLE when @title) to d->toks. */
static lm_err doc_hash_text(struct rc_doc *d, const char *s, size_t len, int title, size_t *cap)
{
    const char *e = s + len;

    while (s < e) {
        const char *w;
        size_t n, l, need;
        while (s < e && !isalnum((unsigned char)*s) && !((unsigned char)*s & 0x80))
            s++;
        w = s;
        while (s < e && (isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80)))
            s++;
        n = (size_t)(s - w);
        if (n < 2 || n >= 32)
            continue;
        need = d->ntoks + 6;
        if (need > *cap) {
            size_t nc = *cap ? *cap * 2 : 512;
            uint64_t *p;
            while (nc < need)
                nc *= 2;
            if (!(p = realloc(d->toks, nc * sizeof *p)))
                return LM_ERR_NOMEM;
            d->toks = p;
            *cap = nc;
        }
        d->toks[d->ntoks++] = rc_hash(w, n, RC_H_WORD);
        if (title)
            d->toks[d->ntoks++] = rc_hash(w, n, RC_H_TITLE);
        for (l = 3; l <= 6 && l <= n; l++)
            d->toks[d->ntoks++] = rc_hash(w, l, RC_H_PREFIX);
    }
    return LM_OK;
}

/* d->toks: the sorted, distinct hashes of the record's words (once); each
 * counted once in the topic's map. */
static lm_err doc_hash(lm_checker *k, struct rc_doc *d)
{
    size_t cap = 0, i, j = 0;
    lm_err rc = LM_OK;

    if (!d->toks) {
        if ((rc = doc_hash_text(d, d->title, strlen(d->title), 1, &cap)) != LM_OK
            || (rc = doc_hash_text(d, d->abstract, strlen(d->abstract), 0, &cap)) != LM_OK)
            return rc;
        if (!d->ntoks)
            return LM_OK;
        qsort(d->toks, d->ntoks, sizeof *d->toks, cmp_u64);
        for (i = 0; i < d->ntoks; i++)
            if (!j || d->toks[i] != d->toks[j - 1])
                d->toks[j++] = d->toks[i];
        d->ntoks = j;
    }
    for (i = 0; i < d->ntoks && rc == LM_OK; i++)
        rc = vocab_add(k, d->toks[i]);
    return rc;
}

int rc_doc_has_hash(const struct rc_doc *d, uint64_t h)
{
    return d->ntoks && bsearch(&h, d->toks, d->ntoks, sizeof *d->toks, cmp_u64) != NULL;
}

static struct rc_doc *doc_new(lm_checker *k, int64_t pmid, lm_err *rc);
static lm_err doc_fill(struct rc_doc *d, const lm_article *a);

/* One record of the topic (pool_build): stops after RC_TOPIC_ROWS rows, or
 * when more distinct records come than the pool keeps. */
struct pool_ctx { lm_checker *k; size_t rows; lm_err rc; int stopped; };

static int pool_hit(const lm_hit *h, void *ud)
{
    struct pool_ctx *p = ud;
    lm_checker *k = p->k;
    lm_article a;
    struct rc_doc *d;
    const char *ti = h->title, *ab = h->abstract;
    uint64_t same;
    size_t i;

    if (++p->rows > RC_TOPIC_ROWS) {
        p->stopped = 1;
        return 1;
    }
    /* copies of one record (a reprint, a file imported twice under
     * other PMIDs) count once: they would crowd out the others */
    same = rc_hash(ti ? ti : "", ti ? strlen(ti) : 0, RC_H_WORD)
           ^ (rc_hash(ab ? ab : "", ab ? strlen(ab) : 0, RC_H_WORD) << 1);
    for (i = 0; i < k->tp.npool && k->tp.pool_same[i] != same; i++)
        ;
    if (i < k->tp.npool)
        return 0;
    if (k->tp.npool == RC_TOPIC_DOCS) {
        p->rows = RC_TOPIC_ROWS + 1;            /* more distinct records than read */
        p->stopped = 1;
        return 1;
    }
    for (i = 0, d = NULL; i < k->ndocs && !d; i++)
        if (k->docs[i]->pmid == h->pmid)
            d = k->docs[i];
    if (!d) {
        memset(&a, 0, sizeof a);
        a.pmid = h->pmid;
        a.year = h->year;
        a.title = h->title;
        a.abstract = h->abstract;
        a.pub_types = h->pub_types;
        a.mesh = h->mesh;
        if (!(d = doc_new(k, h->pmid, &p->rc)))
            return 1;
        if ((p->rc = doc_fill(d, &a)) != LM_OK)
            return 1;
    }
    if (!d->text)
        return 0;
    if ((p->rc = doc_hash(k, d)) == LM_OK) {
        k->tp.pool_same[k->tp.npool] = same;
        k->tp.pool[k->tp.npool++] = d;
    }
    return p->rc != LM_OK;
}

/* Reads the records on the topic once. */
static lm_err pool_build(lm_checker *k, const struct rc_topic *t)
{
    struct pool_ctx p = { k, 0, LM_OK, 0 };
    lm_query *q;
    lm_err rc;

    k->tp.vocab_built = 1;
    if (!t->filter[0] || k->corpus_size == 0)
        return LM_OK;
    if (!(k->tp.pool = calloc(RC_TOPIC_DOCS, sizeof *k->tp.pool))
        || !(k->tp.pool_same = calloc(RC_TOPIC_DOCS, sizeof *k->tp.pool_same)))
        return LM_ERR_NOMEM;
    q = rc_query(t->filter);
    rc = q ? lm_corpus_search_records(k->corpus, q, RC_TOPIC_ROWS + 1, pool_hit, &p)
           : LM_ERR_QUERY;
    lm_query_free(q);
    if (rc != LM_OK && rc != LM_ERR_QUERY) {
        lm_msg_set(k->msg, sizeof k->msg, "corpus: %s", lm_corpus_errmsg(k->corpus));
        return rc;
    }
    /* a query the index refused: an incomplete pool (the claims then ask
     * the corpus one by one) */
    k->tp.pool_complete = rc == LM_OK && p.rc == LM_OK && p.rows <= RC_TOPIC_ROWS && !p.stopped;
    return p.rc;
}

/* The pool is the topic's: a section with a topic of its own reads its
 * records once per check; the pool it replaces is kept, so a return to an
 * earlier topic (the article's, after the section) asks the corpus nothing. */
lm_err rc_pool(lm_checker *k, const struct rc_topic *t)
{
    size_t i;

    if (k->tp.vocab_built && !strcmp(k->tp.pool_filter, t->filter))
        return LM_OK;
    if (k->tp.vocab_built) {
        if (k->ntpools == k->captpools) {
            size_t nc = k->captpools ? k->captpools * 2 : 4;
            struct rc_pool *np = realloc(k->tpools, nc * sizeof *np);
            if (!np)
                return LM_ERR_NOMEM;
            k->tpools = np;
            k->captpools = nc;
        }
        k->tpools[k->ntpools++] = k->tp;
        memset(&k->tp, 0, sizeof k->tp);
    }
    for (i = 0; i < k->ntpools; i++)
        if (!strcmp(k->tpools[i].pool_filter, t->filter)) {
            k->tp = k->tpools[i];
            k->tpools[i] = k->tpools[--k->ntpools];
            return LM_OK;
        }
    snprintf(k->tp.pool_filter, sizeof k->tp.pool_filter, "%s", t->filter);
    return pool_build(k, t);
}

unsigned rc_word_in_topic(const lm_checker *k, const char *word, const char *stem,
                          const char *pre)
{
    unsigned a = rc_vocab_count(k, rc_hash(word, strlen(word), RC_H_WORD));
    unsigned b = rc_vocab_count(k, rc_hash(stem, strlen(stem), RC_H_WORD));

    if (a || b)
        return a > b ? a : b;
    return strlen(pre) >= 3 ? rc_vocab_count(k, rc_hash(pre, strlen(pre), RC_H_PREFIX)) : 0;
}

int rc_doc_has_word(const struct rc_doc *d, const char *word, const char *stem, const char *pre,
                    int kind)
{
    if (kind == RC_H_TITLE)
        return rc_doc_has_hash(d, rc_hash(word, strlen(word), RC_H_TITLE))
               || rc_doc_has_hash(d, rc_hash(stem, strlen(stem), RC_H_TITLE));
    return rc_doc_has_hash(d, rc_hash(word, strlen(word), RC_H_WORD))
           || rc_doc_has_hash(d, rc_hash(stem, strlen(stem), RC_H_WORD))
           || (strlen(pre) >= 3 && rc_doc_has_hash(d, rc_hash(pre, strlen(pre), RC_H_PREFIX)));
}

int rc_term_on_topic(lm_checker *k, const struct rc_topic *t, const char *word,
                     const char *stem, const char *pre)
{
    if (!t->filter[0] || k->corpus_size == 0)
        return -2;
    if (rc_pool(k, t) != LM_OK)
        return -1;
    return rc_word_in_topic(k, word, stem, pre) > 0;
}

/* ---- loading a corpus article ------------------------------------------ */

struct get_ctx {
    struct rc_doc *d;
    lm_err rc;
};

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

static lm_err doc_fill(struct rc_doc *d, const lm_article *a)
{
    size_t tl, al;

    d->pmid = a->pmid;
    d->year = a->year;
    if (!(d->title = dup_or_empty(a->title)) || !(d->abstract = dup_or_empty(a->abstract))
        || !(d->pub_types = dup_or_empty(a->pub_types)) || !(d->mesh = dup_or_empty(a->mesh))
        || !(d->journal = dup_or_empty(a->journal)))
        return LM_ERR_NOMEM;
    tl = strlen(d->title);
    al = strlen(d->abstract);
    if (!(d->text = malloc(tl + al + 2)))
        return LM_ERR_NOMEM;
    memcpy(d->text, d->title, tl);
    d->text[tl] = '\n';
    memcpy(d->text + tl + 1, d->abstract, al + 1);
    d->title_len = tl;
    return LM_OK;
}

static int on_article(const lm_article *a, void *ud)
{
    struct get_ctx *g = ud;

    if (a->deleted) {
        g->rc = LM_ERR_NOTFOUND;      /* a deleted record supports nothing */
        return 1;
    }
    g->rc = doc_fill(g->d, a);
    return g->rc != LM_OK;
}

/* A new, empty entry of the cache (owned by it from here, even half-built). */
static struct rc_doc *doc_new(lm_checker *k, int64_t pmid, lm_err *rc)
{
    struct rc_doc *d;

    if (k->ndocs == k->capdocs) {
        size_t nc = k->capdocs ? k->capdocs * 2 : 32;
        struct rc_doc **p = realloc(k->docs, nc * sizeof *p);
        if (!p) {
            *rc = LM_ERR_NOMEM;
            return NULL;
        }
        k->docs = p;
        k->capdocs = nc;
    }
    if (!(d = calloc(1, sizeof *d))) {
        *rc = LM_ERR_NOMEM;
        return NULL;
    }
    k->docs[k->ndocs++] = d;
    d->pmid = pmid;
    return d;
}

struct rc_doc *rc_doc_get(lm_checker *k, int64_t pmid, lm_err *rc)
{
    struct rc_doc *d;
    struct get_ctx g;
    size_t i;

    *rc = LM_OK;
    for (i = 0; i < k->ndocs; i++)
        if (k->docs[i]->pmid == pmid) {
            if (!k->docs[i]->text)
                *rc = LM_ERR_NOTFOUND;    /* missing or deleted, as the first time */
            return k->docs[i]->text ? k->docs[i] : NULL;
        }
    if (!(d = doc_new(k, pmid, rc)))
        return NULL;
    g.d = d;
    g.rc = LM_OK;
    *rc = lm_corpus_get(k->corpus, pmid, on_article, &g);
    if (*rc == LM_OK)
        *rc = g.rc;
    if (*rc != LM_OK) {
        if (*rc != LM_ERR_NOMEM)
            lm_msg_set(k->msg, sizeof k->msg, "PMID %lld: %s", (long long)pmid,
                       lm_corpus_errmsg(k->corpus));
        free(d->text);
        d->text = NULL;
        return NULL;
    }
    d->journal_read = 1;
    return d;
}

static int on_journal(const lm_article *a, void *ud)
{
    struct rc_doc *d = ud;
    char *j = strdup(a->journal ? a->journal : "");

    if (!j)
        return 1;
    free(d->journal);
    d->journal = j;
    return 0;
}

lm_err rc_doc_journal(lm_checker *k, struct rc_doc *d)
{
    lm_err rc;

    if (d->journal_read)
        return LM_OK;
    d->journal_read = 1;
    rc = lm_corpus_get(k->corpus, d->pmid, on_journal, d);
    if (rc == LM_OK && !d->journal)
        rc = LM_ERR_NOMEM;
    return rc == LM_ERR_NOTFOUND ? LM_OK : rc;
}

/* A record that says it had no control ("single-arm", "no control
 * group", "uncontrolled"), with no placebo, no allocation and no RCT
 * indexing: one arm, whatever trial its conclusion calls for ("these
 * findings justify a randomised trial"). */
int rc_single_arm_text(const char *text, const char *pub_types)
{
    static const char *const none[] = { "single-arm", "single arm", "no control group",
                                        "no comparison group", "without a control group",
                                        "uncontrolled", NULL };
    static const char *const ctl[] = { "placebo", "randomly assigned", "randomly allocated",
                                       "were randomi", "was randomi", "allocated to", "sham",
                                       "versus usual care", "control arm", NULL };
    size_t n = strlen(text), i;
    int says = 0;

    if (pub_types && strstr(pub_types, "Randomized Controlled Trial"))
        return 0;
    for (i = 0; none[i] && !says; i++)
        says = rc_find_ci(text, n, none[i]) != NULL;
    for (i = 0; ctl[i] && says; i++)
        if (rc_find_ci(text, n, ctl[i]))
            return 0;
    return says;
}

static int single_arm_record(const struct rc_doc *d)
{
    return !d->model.placebo && (d->aflags & RC_A_OPENLABEL)
           && rc_single_arm_text(d->text, d->pub_types);
}

lm_err rc_doc_analyse(lm_checker *k, struct rc_doc *d)
{
    size_t len, cap = 0;
    lm_err rc;

    if (d->analysed)
        return LM_OK;
    d->analysed = 1;
    len = strlen(d->text);
    d->aflags = rc_abstract_flags(k->rules, d->title, d->abstract, d->pub_types);
    if ((rc = rc_numrules_model(k->nums, d->pmid, d->title, d->abstract, d->pub_types, d->mesh,
                                d->level, d->design, &d->model)) != LM_OK)
        return rc;
    /* Indexed as an RCT, and the abstract says it randomised: that is L2
     * whatever else the wording suggests ("a single dose" is not single-arm). */
    if (d->level[1] > '2' && (d->aflags & RC_A_RCT) && strstr(d->pub_types, "Randomized Controlled Trial")
        && !(d->aflags & (RC_A_ANIMAL | RC_A_INVITRO))) {
        strcpy(d->level, "L2");
        strcpy(d->design, "rct");
    }
    /* Indexed as a meta-analysis or an RCT, and placebo-controlled by the
     * design row's own flags: a "controlled" wording that the design rules
     * read as non-randomised does not make it L3 (a review of controlled
     * trials, a trial with a placebo group). */
    /* (a review indexed as one whose abstract names the randomised trials it
     * pooled is one too, with or without a placebo word) */
    if (d->level[1] == '3' && !(d->aflags & (RC_A_ANIMAL | RC_A_INVITRO))
        && (d->model.placebo || ((d->aflags & RC_A_META) && (d->aflags & RC_A_RCT)
                                 && !(d->aflags & RC_A_MIXED)))) {
        if (strstr(d->pub_types, "Meta-Analysis") || strstr(d->pub_types, "Systematic Review")) {
            strcpy(d->level, "L1");
            strcpy(d->design, "meta_analysis");
        } else if (strstr(d->pub_types, "Randomized Controlled Trial")) {
            strcpy(d->level, "L2");
            strcpy(d->design, "rct");
        }
    }
    if (!strcmp(d->design, "rct") && single_arm_record(d))
        strcpy(d->level, "L4"), strcpy(d->design, "open_label_single_arm");
    if ((rc = rc_numbers(k->nums, d->text, 0, len, &d->nums)) != LM_OK
        || (rc = rc_split_span(d->text, 0, len, 0, &d->sents, &d->nsents, &cap)) != LM_OK)
        return rc;
    {   /* a record's durations are the extractors' follow-up and treatment
         * periods, not every time phrase of its abstract */
        size_t i, j = 0;
        for (i = 0; i < d->nums.n; i++)
            if (d->nums.v[i].kind != RC_DURATION)
                d->nums.v[j++] = d->nums.v[i];
        d->nums.n = j;
        for (i = 0; i < d->model.ndur; i++) {
            struct rc_num *x;
            if (lm_grow(&d->nums.v, &d->nums.cap, d->nums.n, sizeof *d->nums.v, 16))
                return LM_ERR_NOMEM;
            x = &d->nums.v[d->nums.n++];
            memset(x, 0, sizeof *x);
            x->kind = RC_DURATION;
            x->v = d->model.dur[i].days;
            x->lo = x->hi = NAN;
            x->k = x->n = -1;
            x->start = d->model.dur[i].start;
            x->end = d->model.dur[i].end;
            snprintf(x->unit, sizeof x->unit, "%s", d->model.dur[i].unit);
        }
    }
    return LM_OK;
}

int rc_doc_dup(const lm_checker *k, const struct rc_doc *d, struct rc_doc *const *seen, size_t n)
{
    size_t i;

    (void)k;
    for (i = 0; i < n; i++)
        if (seen[i] != d && d->title[0] && !strcasecmp(seen[i]->title, d->title)
            && !strcmp(seen[i]->abstract, d->abstract))
            return 1;
    return 0;
}

/* ---- claims ------------------------------------------------------------ */

lm_claim_source rc_classify(unsigned f)
{
    if (f & (RC_F_TESTIMONIAL | RC_F_FIRST_PERSON))
        return LM_SOURCE_ANECDOTE;
    if (f & (RC_F_ANIMAL | RC_F_INVITRO))
        return LM_SOURCE_ANIMAL;
    if (f & RC_F_CASE)
        return LM_SOURCE_CASE;
    if (f & RC_F_OPINION)
        return LM_SOURCE_OPINION;
    return LM_SOURCE_STUDY;
}

/* ---- a headline that repeats its lead ------------------------------------- */

/* Words a headline and its lead say the same thing with: one row per
 * sense, ordinary news vocabulary (no drug, condition or study). */
static const char *const echo_senses[][13] = {
    { "study", "studies", "trial", "trials", "research", "researchers", "scientists", "review",
      "data", "experts", NULL },
    { "finds", "found", "find", "shows", "showed", "show", "according", "reveals", "revealed",
      "suggests", "reports", NULL },
    { "cuts", "cut", "reduces", "reduced", "reduce", "lowers", "lowered", "slashes", "halves",
      "fewer", "less", NULL },
    { "boosts", "boosted", "raises", "raised", "increases", "increased", "improves", "improved",
      "more", NULL },
    { "pill", "pills", "tablet", "tablets", "capsule", "capsules", "drug", "drugs", "medicine",
      "jab", "injection", "shot", NULL },
    { "daily", "day", "once", "everyday", NULL },
    { "beats", "beat", "outperforms", "better", "superior", NULL },
    { "safe", "safety", "harmless", "side", NULL },
};

static int echo_sense(const char *w, size_t n)
{
    size_t i, j;

    for (i = 0; i < sizeof echo_senses / sizeof echo_senses[0]; i++)
        for (j = 0; echo_senses[i][j]; j++)
            if (strlen(echo_senses[i][j]) == n && !strncasecmp(w, echo_senses[i][j], n))
                return (int)i;
    return -1;
}

/* Next word of t[*p, b): letters only (a hyphen splits "once-a-day"). */
static int next_word(const char *t, size_t *p, size_t b, size_t *ws, size_t *wl)
{
    while (*p < b && !isalpha((unsigned char)t[*p]))
        (*p)++;
    *ws = *p;
    while (*p < b && isalpha((unsigned char)t[*p]))
        (*p)++;
    *wl = *p - *ws;
    return *wl > 0;
}

/* Does the lead t[a,b) hold the headline's word (the same first five
 * letters) or one of its sense? */
static int lead_says(const char *t, size_t a, size_t b, const char *w, size_t n)
{
    int sense = echo_sense(w, n);
    size_t p = a, ws, wl, k = n < 5 ? n : 5;

    while (next_word(t, &p, b, &ws, &wl)) {
        if (wl >= k && !strncasecmp(t + ws, w, k) && (n >= 5 || wl == n))
            return 1;
        if (sense >= 0 && echo_sense(t + ws, wl) == sense)
            return 1;
    }
    return 0;
}

/* A news headline whose words the lead says again ("New pill cuts X, trial
 * finds" over "A new tablet reduced X, according to a study"): the lead
 * is the claim, the headline only announces it.  Half of the headline's
 * words, three at least, are the lead's (the lead: the first sentence, at
 * most 300 bytes, of the next paragraph or list item). */
static int headline_echoes_lead(const struct lm_doc *d, size_t hb, const char *t,
                                const struct rc_sent *s)
{
    static const char *const small[] = { "with", "from", "that", "this", "their", "they", "than",
                                         "into", "over", "after", "says", "said", "what", "your",
                                         "about", "have", "been", "will", "could", "just", NULL };
    size_t b, p = s->start, ws, wl, words = 0, shared = 0, la, lz;

    for (b = hb + 1; b < d->nblocks && b <= hb + 4; b++)
        if (d->blocks[b].kind == RC_BLOCK_PARA || d->blocks[b].kind == RC_BLOCK_ITEM)
            break;
    if (b >= d->nblocks || b > hb + 4)
        return 0;
    la = d->blocks[b].start;
    lz = d->blocks[b].end < la + 300 ? d->blocks[b].end : la + 300;
    for (p = la; p + 1 < lz; p++)
        if ((t[p] == '.' || t[p] == '!' || t[p] == '?') && t[p + 1] == ' ') {
            lz = p;                             /* its first sentence */
            break;
        }
    p = s->start;
    while (next_word(t, &p, s->end, &ws, &wl)) {
        size_t i;
        int skip = wl < 4;
        for (i = 0; small[i] && !skip; i++)
            skip = strlen(small[i]) == wl && !strncasecmp(t + ws, small[i], wl);
        if (skip)
            continue;
        words++;
        shared += lead_says(t, la, lz, t + ws, wl);
    }
    return shared >= 3 && shared * 2 >= words;
}

/* Never a claim: an instruction, a meta line, advice, a bare attribution;
 * the writer's own history ("I've had X for years", "my GP mentioned X")
 * unless it states an effect, a harm or a figure. */
static int not_a_claim(unsigned f, const struct rc_nums *ns)
{
    size_t i;

    if (f & (RC_F_NONCLAIM | RC_F_CALL))
        return 1;
    if (!(f & RC_F_ASIDE) || (f & (RC_F_EFFICACY | RC_F_SAFETY | RC_F_NULL)))
        return 0;
    for (i = 0; i < ns->n; i++)
        if (ns->v[i].kind != RC_DURATION)
            return 0;
    return 1;
}

/* A business speaking of its service, or a press release's furniture
 * ("people come to our practice", "a short consultation lets us check ...",
 * "X today announced new data on Y"): no claim, unless it tells a story, a
 * case, an effect, a harm or a figure. */
static int house_voice(unsigned f, unsigned cues, const struct rc_nums *ns)
{
    size_t i;

    for (i = 0; i < ns->n; i++)
        if (ns->v[i].kind != RC_DURATION && ns->v[i].kind != RC_P)
            return 0;
    /* how a product handles ("easy to open, stays stuck"), in a review
     * that says nothing of what it did; a study pointed at ("a larger
     * trial has since been published") whose finding goes unsaid */
    if ((cues & (RC_C_USABILITY | RC_C_POINTER))
        && !(f & (RC_F_EFFICACY | RC_F_NULL | RC_F_SAFETY | RC_F_OUTCOME | RC_F_PRAISE)))
        return 1;
    if (!(cues & (RC_C_SERVICE | RC_C_BOILER))
        || (f & (RC_F_TESTIMONIAL | RC_F_CASE | RC_F_EFFICACY | RC_F_NULL | RC_F_SAFETY)))
        return 0;
    for (i = 0; i < ns->n; i++)
        if (ns->v[i].kind != RC_DURATION && ns->v[i].kind != RC_P)
            return 0;
    return 1;
}

/* A page's meta line: three fields or more split by " | " ("Posted in X |
 * 5 min read | By Y", "In stock | Free delivery"): furniture, never a claim. */
static int meta_line(const char *t, size_t a, size_t b)
{
    size_t p, bars = 0;

    for (p = a; p + 2 < b; p++)
        bars += t[p] == ' ' && t[p + 1] == '|' && t[p + 2] == ' ';
    return bars >= 2;
}

/* A bare list of names ("water, glycerol, carbomer, citric acid, ..."):
 * five comma-separated items or more, none longer than three words, and no
 * verb of being or doing among them: an ingredient or feature list. */
static int name_list(const char *t, size_t a, size_t b)
{
    static const char *const verbs[] = { "is", "are", "was", "were", "has", "have", "had", "did",
                                         "took", "felt", "helps", "helped", "works", "worked",
                                         NULL };
    size_t p, items = 1, words = 0, i;

    for (p = a; p < b; p++) {
        if (t[p] == ',') {
            items++;
            words = 0;
        } else if (isalnum((unsigned char)t[p]) && (p == a || t[p - 1] == ' ')) {
            size_t e = p;
            while (e < b && isalpha((unsigned char)t[e]))
                e++;
            for (i = 0; verbs[i]; i++)
                if (strlen(verbs[i]) == e - p && !strncasecmp(t + p, verbs[i], e - p))
                    return 0;
            if (++words > 3)
                return 0;
        }
    }
    return items >= 5;
}

/* A checkable statement: a number that says something about a study or an
 * outcome, a plain efficacy or safety statement, or a first-hand story. */
static int is_claim(unsigned f, const struct rc_nums *ns, enum rc_block_kind bk,
                    int prev_anecdote, int names_topic)
{
    size_t i;
    int strong = 0, weak = 0;

    if ((f & (RC_F_QUESTION | RC_F_CALL)) || bk == RC_BLOCK_ATTRIB)
        return 0;
    /* a headline is a claim when it asserts a result ("X BEATS Y, STUDY FINDS") */
    if (bk == RC_BLOCK_HEADING)
        return (f & RC_F_EFFICACY) && (f & RC_F_STUDYWORD) && names_topic;
    for (i = 0; i < ns->n; i++) {
        if (ns->v[i].kind == RC_DURATION || ns->v[i].kind == RC_P)
            weak = 1;
        else
            strong = 1;
    }
    if (strong)
        return 1;
    if (f & (RC_F_TESTIMONIAL | RC_F_CASE))
        return 1;
    /* "I read it works for X too": what the writer read, checked as said */
    if ((f & RC_F_READ) && (f & (RC_F_EFFICACY | RC_F_SAFETY | RC_F_NULL)))
        return 1;
    /* "Best thing I've ever taken.", "It's a miracle drug." in a story */
    if ((f & RC_F_PRAISE) && (prev_anecdote || (f & RC_F_FIRST_PERSON)))
        return 1;
    /* a plain efficacy or safety statement must say what it is about: the
     * article's drug or condition, or a trial or review */
    if ((f & (RC_F_EFFICACY | RC_F_SAFETY | RC_F_NULL))
        && (names_topic || (f & (RC_F_RCT | RC_F_META | RC_F_TRIALWORD))))
        return 1;
    if (weak && (f & RC_F_STUDYWORD))
        return 1;
    if (prev_anecdote && (f & RC_F_FIRST_PERSON))
        return 1;
    /* a first-hand story about the topic or its effect */
    if ((f & RC_F_FIRST_PERSON)
        && (names_topic || (f & (RC_F_EFFICACY | RC_F_SAFETY | RC_F_OUTCOME))))
        return 1;
    return 0;
}

/* A heading over a list of references: "References", "Sources", "Further
 * reading". */
static int references_heading(const char *t, size_t a, size_t b)
{
    static const char *const heads[] = { "references", "sources", "bibliography", "citations",
                                         "further reading", "studies cited", "works cited",
                                         "literature", NULL };
    size_t i;

    while (a < b && !isalpha((unsigned char)t[a]))
        a++;
    while (b > a && !isalpha((unsigned char)t[b - 1]))
        b--;
    for (i = 0; heads[i]; i++)
        if (b - a == strlen(heads[i]) && !strncasecmp(t + a, heads[i], b - a))
            return 1;
    return 0;
}

/* A reference entry: a year, then ';' and a volume ("2021;12:34-40"), a
 * "doi:" or "doi.org/", or "et al." and a year in parentheses. */
static int citation(const char *t, size_t a, size_t b)
{
    size_t p, w;

    if (b - a > 400)
        return 0;
    /* it starts with an author: "Quill A," "Quill AB." or "Quill, A." */
    while (a < b && !isalpha((unsigned char)t[a]))
        a++;
    for (w = a; w < b && isalpha((unsigned char)t[w]); w++)
        ;
    if (w == a || !isupper((unsigned char)t[a]) || w + 3 >= b)
        return 0;
    if (t[w] == ' ') {
        for (p = w + 1; p < b && p < w + 4 && isupper((unsigned char)t[p]); p++)
            ;
        if (p == w + 1 || p >= b
            || (t[p] != ',' && t[p] != '.' && (p + 6 >= b || strncmp(t + p, " et al", 6))))
            return 0;
    } else if (!(t[w] == ',' && t[w + 1] == ' ' && isupper((unsigned char)t[w + 2])
                 && t[w + 3] == '.')) {
        return 0;
    }
    for (p = a; p + 5 < b; p++) {
        if (isdigit((unsigned char)t[p]) && isdigit((unsigned char)t[p + 1])
            && isdigit((unsigned char)t[p + 2]) && isdigit((unsigned char)t[p + 3])
            && (p == a || !isalnum((unsigned char)t[p - 1]))) {
            size_t q = p + 4;
            if (q < b && t[q] == ' ')
                q++;
            if (q + 1 < b && t[q] == ';' && (isdigit((unsigned char)t[q + 1])
                                            || (q + 2 < b && t[q + 1] == ' '
                                                && isdigit((unsigned char)t[q + 2]))))
                return 1;
        }
        if ((t[p] == 'd' || t[p] == 'D') && (!strncasecmp(t + p, "doi:", 4)
                                             || !strncasecmp(t + p, "doi.org/", 8)))
            return 1;
    }
    return 0;
}

/* A post's author line names a professional in its own words: "(verified
 * pharmacist)", "Dr Quill", "Ana Quill, MD".  A role inside a user name
 * ("meadow_nurse_ret") is no credential. */
static int professional_author(const char *t, size_t a, size_t b)
{
    static const char *const roles[] = {
        "doctor", "dr", "gp", "md", "physician", "pharmacist", "pharmd", "nurse", "rn", "np",
        "consultant", "specialist", "surgeon", "dietitian", "dietician", "physiotherapist",
        "researcher", "professor", "prof", NULL
    };
    size_t p = a;

    while (p < b) {
        size_t w, i, l;
        while (p < b && !isalnum((unsigned char)t[p]))
            p++;
        w = p;
        while (p < b && isalnum((unsigned char)t[p]))
            p++;
        l = p - w;
        if ((w > a && (t[w - 1] == '_' || t[w - 1] == '-' || t[w - 1] == '.'))
            || (p < b && (t[p] == '_' || t[p] == '-')))
            continue;                           /* part of a user name */
        if (l >= 7
            && (!strncasecmp(t + p - 7, "ologist", 7) || !strncasecmp(t + p - 7, "iatrist", 7)))
            return 1;
        for (i = 0; roles[i]; i++)
            if (strlen(roles[i]) == l && !strncasecmp(t + w, roles[i], l))
                return 1;
    }
    return 0;
}

/* The sentence starts with a person's pronoun ("She can walk again.",
 * "Her pain dropped"), four words at least. */
static int third_person_start(const char *t, size_t a, size_t b)
{
    static const char *const pron[] = { "she ", "he ", "her ", "his ", "they ", "their ", NULL };
    size_t i, p, q, words = 0, seen = 0;

    while (a < b && !isalpha((unsigned char)t[a]))
        a++;
    for (p = a; p < b; p++)
        words += t[p] == ' ';
    if (words < 3)
        return 0;
    /* the pronoun opens the sentence or its main clause ("After her
     * course she told us ..."): one of its first five words */
    for (q = a; q < b && seen < 5; seen++) {
        for (i = 0; pron[i]; i++)
            if (b - q > strlen(pron[i]) && !strncasecmp(t + q, pron[i], strlen(pron[i]))
                && (i < 2 || seen == 0 || i >= 4))
                return 1;
        while (q < b && t[q] != ' ')
            q++;
        while (q < b && t[q] == ' ')
            q++;
    }
    return 0;
}

/* The sentence opens on "my" ("My GP said ..."). */
static int starts_my(const char *t, size_t a, size_t b)
{
    while (a < b && !isalpha((unsigned char)t[a]))
        a++;
    return b - a > 3 && !strncasecmp(t + a, "my ", 3);
}

/* "me" as a word in t[a,b), after the sentence's first two words: the
 * writer the effect happened to, in a post ("it works for me"), not an
 * opener ("For me the best part is that it ...") */
static int says_me(const char *t, size_t a, size_t b)
{
    size_t p, words = 0;

    for (p = a; p + 2 <= b; p++) {
        if (isalpha((unsigned char)t[p]) && (p == a || t[p - 1] == ' '))
            words++;
        if (words > 2 && (t[p] == 'm' || t[p] == 'M') && t[p + 1] == 'e'
            && (p == a || !isalpha((unsigned char)t[p - 1]))
            && (p + 2 == b || !isalpha((unsigned char)t[p + 2])))
            return 1;
    }
    return 0;
}

/* The sentence starts with "it" or "this" (its subject the paragraph's). */
static int pronoun_start(const char *t, size_t a, size_t b)
{
    while (a < b && !isalpha((unsigned char)t[a]))
        a++;
    return (b - a > 3 && !strncasecmp(t + a, "it ", 3))
           || (b - a > 5 && !strncasecmp(t + a, "this ", 5));
}

/* The sentence has no subject: it opens on a participle or an adjective of
 * a claim ("Proven to ...", "Clinically tested on ...", "Suitable for
 * ..."), the product it speaks of left unsaid (a product page, a list). */
static int subjectless(const char *t, size_t a, size_t b)
{
    static const char *const adj[] = { "suitable", "safe", "effective", "ideal", "gentle",
                                       "perfect", "great", NULL };
    size_t w, e, i, l;

    while (a < b && !isalpha((unsigned char)t[a]))
        a++;
    for (w = 0; w < 2; w++) {
        for (e = a; e < b && isalpha((unsigned char)t[e]); e++)
            ;
        l = e - a;
        if (l < 4 || !isupper((unsigned char)t[a]) != (w > 0) || isupper((unsigned char)t[a + 1]))
            return 0;
        for (i = 0; adj[i]; i++)
            if (strlen(adj[i]) == l && !strncasecmp(t + a, adj[i], l))
                return 1;
        if (!strncasecmp(t + e - 2, "en", 2) || !strncasecmp(t + e - 2, "ed", 2))
            return l >= 5;
        /* "Clinically proven": an adverb, then the participle */
        if (w > 0 || strncasecmp(t + e - 2, "ly", 2) || e >= b || t[e] != ' ')
            return 0;
        a = e + 1;
    }
    return 0;
}

/* The product named as the subject of a promise ("Quillex gives you your
 * evenings back", "Quillex is the natural choice for ..."): the sentence
 * opens on the subject's word and a verb of being, giving or changing. */
static int promise_of_subject(const struct rc_topic *t, const char *text, size_t a, size_t b)
{
    static const char *const verb[] = { "is", "could", "can", "will", "gives", "offers", "brings",
                                        "changes", "transforms", "puts", "means", NULL };
    size_t i, e, v, ve, words = 0, p;

    while (a < b && !isalpha((unsigned char)text[a]))
        a++;
    for (e = a; e < b && isalpha((unsigned char)text[e]); e++)
        ;
    for (i = 0; i < t->n; i++)
        if (e - a >= strlen(t->words[i]) && !strncasecmp(text + a, t->words[i], strlen(t->words[i])))
            break;
    if (i == t->n || !isupper((unsigned char)text[a]) || e >= b || text[e] != ' ')
        return 0;
    for (p = a; p < b; p++)
        words += text[p] == ' ';
    v = e + 1;
    for (ve = v; ve < b && isalpha((unsigned char)text[ve]); ve++)
        ;
    for (i = 0; verb[i] && words >= 5; i++)
        if (strlen(verb[i]) == ve - v && !strncasecmp(text + v, verb[i], ve - v))
            break;
    if (!verb[i] || words < 5)
        return 0;
    /* "is" names what it is ("is the natural choice", "is one of the
     * best"), not a quality in passing ("is cheap, so ...") */
    return i > 0 || (ve + 4 < b && (!strncasecmp(text + ve, " the ", 5)
                                    || !strncasecmp(text + ve, " one ", 5)));
}

/* Beyond is_claim: a statement the article model can check although it
 * carries no number and no efficacy word ("it was well tolerated", "benefits
 * lasted for weeks", "each received six sessions"): it says what kind of
 * thing it is and it is about the topic or a study the article named. */
static int model_claim(unsigned f, unsigned cues, enum rc_block_kind bk, int topical, int about,
                       const char *text, const struct rc_sent *s, int sent_topical,
                       int has_topic)
{
    size_t p, words = 0;

    if (bk == RC_BLOCK_HEADING || bk == RC_BLOCK_ATTRIB || (f & (RC_F_QUESTION | RC_F_CALL)))
        return 0;
    for (p = s->start; p < s->end; p++)
        words += isalpha((unsigned char)text[p]) && (p == s->start || text[p - 1] == ' ');
    /* a list item under a lead-in or heading that names the subject is
     * an elliptical statement about it ("Eases cramps within days"): its
     * three words say what kind of thing it claims */
    if (words < (bk == RC_BLOCK_ITEM && topical ? 3u : 4u))
        return 0;
    /* a figure set against another, in a paragraph about the topic or of
     * a study: a finding ("fell by 12 ..., compared with 5 on placebo") */
    if ((cues & RC_C_FIGURES) && (topical || about >= 0) && !(f & RC_F_FIRST_PERSON))
        return 1;
    /* what cells or animals showed of the topic: a preclinical claim */
    if ((f & (RC_F_INVITRO | RC_F_ANIMAL)) && sent_topical && !(f & RC_F_FIRST_PERSON))
        return 1;
    /* someone's word on the results ("called the results a clear advance"),
     * a professional's or an executive's belief in quotes ("We think X
     * could transform care," said ...): an opinion, reported */
    if ((cues & RC_C_APPRAISAL) && (f & RC_F_OPINION))
        return 1;
    if ((f & RC_F_EXPERT) && (f & RC_F_OPINION) && (cues & RC_C_HEDGE) && has_topic && words >= 8)
        return 1;
    /* in an article with a topic, a statement of harms, or of how often
     * the treatment is given, speaks of the topic's treatment */
    /* a general fact of the condition, the maker or the regulator:
     * background, whatever the topic */
    if ((cues & RC_C_GENERAL) && !(f & RC_F_FIRST_PERSON))
        return 1;
    /* a hedged statement of effect ("X might help some people, but the
     * evidence is thin"): reported with its hedge, never a problem */
    if ((cues & RC_C_HEDGE) && (f & RC_F_EFFICACY) && !(f & RC_F_FIRST_PERSON) && words >= 7)
        return 1;
    /* "It may not suit everyone, ...": a hedge on the paragraph's subject */
    if ((cues & RC_C_HEDGE) && topical && !(f & RC_F_FIRST_PERSON) && words >= 8
        && pronoun_start(text, s->start, s->end))
        return 1;
    /* in an article with a topic, how soon or how long an effect shows
     * ("Most people feel the difference within a few days") is the
     * topic's */
    if (!topical && about < 0 && has_topic && (f & (RC_F_EFFICACY | RC_F_NULL)) && words >= 6
        && !(f & (RC_F_FIRST_PERSON | RC_F_ANIMAL)) && pronoun_start(text, s->start, s->end))
        return 1;
    if (!topical && about < 0 && has_topic && (cues & (RC_C_ONSET | RC_C_DURABLE))
        && !(f & (RC_F_FIRST_PERSON | RC_F_ANIMAL)) && words >= 6)
        return 1;
    if (!topical && about < 0)
        return has_topic && !(f & (RC_F_FIRST_PERSON | RC_F_ANIMAL))
               && ((f & RC_F_SAFETY) || ((cues & RC_C_REGIMEN)
                                         && rc_per_week(text + s->start, s->end - s->start) > 0));
    /* a sentence that introduces a study of the topic ("a trial of ...
     * found"), one that leans on a study named before ("those on the sham
     * tablet"), a hedged statement or a study's finding naming the topic */
    if ((cues & RC_C_MENTION) && topical)
        return 1;
    /* what the article says of a study's design ("the follow-up had no
     * placebo group") */
    if ((f & RC_F_OPENLABEL) && (about >= 0 || sent_topical))
        return 1;
    if (about >= 0 && (cues & (RC_C_BACKREF | RC_C_BACKREF_IN)))
        return 1;
    if (sent_topical && ((cues & RC_C_HEDGE) || (f & RC_F_STUDYWORD)))
        return 1;

    return (cues & (RC_C_DURABLE | RC_C_ONSET | RC_C_DOSERESP | RC_C_REGIMEN | RC_C_POPULATION
                    | RC_C_MECHANISM | RC_C_VENUE | RC_C_BACKGROUND))
           || (f & (RC_F_EFFICACY | RC_F_SAFETY | RC_F_NULL | RC_F_RCT | RC_F_META));
}

lm_err rc_claim_reason(struct rc_claim *c, const char *code, const char *fmt, ...)
{
    char buf[600], **p;
    const char **pc;
    va_list ap;
    size_t i;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (i = 0; i < c->nreasons; i++)
        if (!strcmp(c->reasons[i], buf))
            return LM_OK;
    if (!(pc = realloc(c->codes, (c->nreasons + 1) * sizeof *pc)))
        return LM_ERR_NOMEM;
    c->codes = pc;
    if (!(p = realloc(c->reasons, (c->nreasons + 1) * sizeof *p)))
        return LM_ERR_NOMEM;
    c->reasons = p;
    if (!(p[c->nreasons] = strdup(buf)))
        return LM_ERR_NOMEM;
    pc[c->nreasons] = code;
    c->nreasons++;
    return LM_OK;
}

lm_err rc_report_warn(struct lm_report *r, const char *fmt, ...)
{
    char buf[400], **p;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!(p = realloc(r->warnings, (r->nwarnings + 1) * sizeof *p)))
        return LM_ERR_NOMEM;
    r->warnings = p;
    if (!(p[r->nwarnings] = strdup(buf)))
        return LM_ERR_NOMEM;
    r->nwarnings++;
    return LM_OK;
}

void rc_claim_free(struct rc_claim *c)
{
    size_t i;

    rc_nums_free(&c->nums);
    for (i = 0; i < c->nmatches; i++) {
        free(c->matches[i].evidence);
        free(c->matches[i].title);
    }
    free(c->matches);
    for (i = 0; i < c->nreasons; i++)
        free(c->reasons[i]);
    free(c->reasons);
    free(c->codes);
}

void lm_report_free(lm_report *r)
{
    size_t i;

    if (!r)
        return;
    for (i = 0; i < r->nclaims; i++)
        rc_claim_free(&r->claims[i]);
    free(r->claims);
    for (i = 0; i < r->nwarnings; i++)
        free(r->warnings[i]);
    free(r->warnings);
    free(r->name);
    free(r->text);
    free(r->blocks);
    free(r->topic);
    free(r->studies);
    free(r);
}

size_t lm_report_claims(const lm_report *r)
{
    return r ? r->nclaims : 0;
}

size_t lm_report_count(const lm_report *r, lm_verdict v)
{
    size_t i, n = 0;

    for (i = 0; r && i < r->nclaims; i++)
        n += r->claims[i].verdict == v;
    return n;
}

size_t lm_report_problems(const lm_report *r, lm_verdict v)
{
    size_t i, n = 0;

    for (i = 0; r && i < r->nclaims; i++)
        n += r->claims[i].verdict == v && !r->claims[i].hedged
             && !rc_kind_informative(r->claims[i].kind);
    return n;
}

lm_verdict lm_report_verdict(const lm_report *r, size_t i)
{
    return r && i < r->nclaims ? r->claims[i].verdict : LM_VERDICT_NOT_FOUND;
}

const char *lm_report_warning(const lm_report *r, size_t i)
{
    return r && i < r->nwarnings ? r->warnings[i] : NULL;
}

/* ---- topic ---------------------------------------------------------------- */

struct tf {
    char stem[32];
    double w;
};

int rc_acronym_word(const char *text, const char *acr, char *out, size_t cap)
{
    size_t n = strlen(acr);
    const char *p = text;

    if (n < 2 || n > 5)
        return 0;
    while ((p = strchr(p, '(')) != NULL) {
        const char *e, *b;
        p++;
        if (strncasecmp(p, acr, n) || p[n] != ')')
            continue;
        e = p - 1;                              /* the '(' */
        while (e > text && e[-1] == ' ')
            e--;
        b = e;
        while (b > text && isalpha((unsigned char)b[-1]))
            b--;
        if ((size_t)(e - b) < cap && (size_t)(e - b) >= 2 * n + 2) {
            char w[64];
            size_t i, l = (size_t)(e - b);
            for (i = 0; i < l && i < sizeof w - 1; i++)
                w[i] = (char)tolower((unsigned char)b[i]);
            w[i] = '\0';
            if (rc_spells_out(w, acr)) {
                snprintf(out, cap, "%s", w);
                return 1;
            }
        }
    }
    return 0;
}

void rc_topic_term(const struct rc_topic *t, size_t i, char *out, size_t cap)
{
    if (t->alias[i][0])
        snprintf(out, cap, "(\"%s\"* OR \"%s\"*)", t->words[i], t->alias[i]);
    else
        snprintf(out, cap, "\"%s\"*", t->words[i]);
}

/* A topic word that is an acronym (2 to 5 letters) and the word the
 * records holding it spell it out with: the records that write only that
 * word are on the topic too. */
static lm_err topic_aliases(lm_checker *k, struct rc_topic *t)
{
    size_t i, j;
    lm_err rc = LM_OK;

    for (i = 0; i < t->n && rc == LM_OK; i++) {
        char q[48];
        int64_t pm[8];
        size_t nh = 0, l = strlen(t->words[i]);
        t->alias[i][0] = '\0';
        if (l < 2 || l > 5)
            continue;
        snprintf(q, sizeof q, "\"%s\"", t->words[i]);
        if ((rc = rc_search(k, q, pm, 8, &nh)) != LM_OK)
            break;
        for (j = 0; j < nh && !t->alias[i][0]; j++) {
            struct rc_doc *d = rc_doc_get(k, pm[j], &rc);
            if (d)
                rc_acronym_word(d->text, t->words[i], t->alias[i], sizeof t->alias[i]);
            else if (rc == LM_ERR_NOTFOUND)
                rc = LM_OK;
            else
                break;
        }
    }
    return rc;
}

/* The article's topic: its most frequent content words that the corpus
 * knows, the title counting double.  Found once; every claim uses it (a
 * claim that names no drug or condition inherits them). */
static lm_err find_topic(lm_checker *k, const struct lm_doc *d, size_t b0, size_t b1,
                         struct rc_topic *t, char **label)
{
    struct tf *v = NULL;
    size_t nv = 0, cap = 0, b, i;
    lm_buf lb = {0};
    lm_err rc = LM_OK;

    t->n = 0;
    t->filter[0] = '\0';
    t->fmask = 0;
    *label = NULL;
    for (b = b0; b < b1; b++) {
        const char *s = d->text.s;
        size_t p = d->blocks[b].start, e = d->blocks[b].end;
        double w = b == b0 ? 2.0 : 1.0;
        while (p < e) {
            size_t q = p;
            char stem[32];
            while (p < e && !isalpha((unsigned char)s[p]))
                p++;
            q = p;
            while (q < e && (isalnum((unsigned char)s[q])))
                q++;
            if (q - p >= 3 && q - p < 30 && !rc_stopword(&k->words, s + p, q - p)) {
                rc_stem(s + p, q - p, stem, sizeof stem);
                for (i = 0; i < nv; i++)
                    if (!strcmp(v[i].stem, stem))
                        break;
                if (i == nv) {
                    if (lm_grow(&v, &cap, nv, sizeof *v, 128)) {
                        free(v);
                        return LM_ERR_NOMEM;
                    }
                    strcpy(v[nv].stem, stem);
                    v[nv].w = 0;
                    nv++;
                }
                v[i].w += w;
            }
            p = q;
            if (nv > 5000)          /* a huge page: the start tells the topic */
                break;
        }
    }
    /* the heaviest words the corpus knows, then those the best-matching
     * records share: the topic is what the article and its studies are about */
    {
        struct tf cand[20];
        long df[20];
        size_t nc = 0, c, ndocs = 0, nq = 0;
        struct rc_doc *top[5];
        lm_buf q = {0};
        int64_t pm[60];
        size_t nh = 0;

        /* the heaviest words, with how many records hold each (counted up
         * to RC_DF_CAP: enough to tell rare from common) */
        while (nc < 20 && rc == LM_OK) {
            size_t best = nv;
            for (i = 0; i < nv; i++)
                if (v[i].w >= 1 && (best == nv || v[i].w > v[best].w))
                    best = i;
            if (best == nv)
                break;
            df[nc] = k->corpus_size ? rc_term_df(k, v[best].stem, RC_DF_CAP) : 0;
            if (df[nc] < 0)
                rc = LM_ERR_DB;
            else if (df[nc] > 0)
                cand[nc++] = v[best];
            v[best].w = -1;
        }
        /* the best-matching records for the rarer words only: ranking every
         * record that holds a common word is the costly query on a large
         * corpus, and a common word says little about the topic anyway */
        for (c = 0; c < nc && rc == LM_OK; c++) {
            size_t rank = 0, j;
            for (j = 0; j < nc; j++)
                rank += df[j] < df[c] || (df[j] == df[c] && j < c);
            if (df[c] < RC_DF_CAP || rank < 2) {
                rc = lm_buf_printf(&q, "%s\"%s\"", nq ? " OR " : "", cand[c].stem);
                nq++;
            }
        }
        if (rc == LM_OK && nq)
            rc = rc_search(k, q.s, pm, 60, &nh);
        lm_buf_free(&q);
        /* five different records: copies of one record (a reprint, a
         * corpus that holds a file twice) would vote five times */
        for (i = 0; i < nh && ndocs < 5 && rc == LM_OK; i++) {
            struct rc_doc *dd = rc_doc_get(k, pm[i], &rc);
            if (dd && !rc_doc_dup(k, dd, top, ndocs))
                top[ndocs++] = dd;
            else if (rc == LM_ERR_NOTFOUND)
                rc = LM_OK;
        }
        for (c = 0; c < nc && rc == LM_OK; c++) {
            size_t in = 0, j;
            for (j = 0; j < ndocs; j++)
                in += rc_has_stem(top[j]->text, cand[c].stem) != 0;
            cand[c].w = in >= (ndocs >= 2 ? 2u : 1u) ? cand[c].w * (double)in : 0;
            /* the rarer word names the topic: "the drug" before "the disease"
             * a large corpus holds thousands of records about */
            if (cand[c].w > 0)
                cand[c].w *= log(1.0 + (double)RC_DF_CAP / (double)df[c]);
        }
        while (rc == LM_OK && t->n < 2) {   /* an intervention and a condition */
            size_t best = nc;
            for (c = 0; c < nc; c++)
                if (cand[c].w > 0 && (best == nc || cand[c].w > cand[best].w))
                    best = c;
            if (best == nc)
                break;
            t->df[t->n] = df[best];
            t->w[t->n] = cand[best].w;
            strcpy(t->words[t->n++], cand[best].stem);
            if (lb.len)
                rc = lm_buf_puts(&lb, ", ");
            if (rc == LM_OK)
                rc = lm_buf_puts(&lb, cand[best].stem);
            cand[best].w = 0;
        }
    }
    /* the records on the topic: those holding its rarer word (the drug,
     * usually: a study of it need not write the condition as the article
     * does, "virus" for "coronavirus"); those holding both words when the
     * rarer one alone is too common to read */
    t->filter[0] = '\0';
    if (rc == LM_OK && t->n)
        rc = topic_aliases(k, t);
    if (rc == LM_OK && t->n) {
        char both[160], rare[76], t0[76], t1[76];
        /* ...unless the other word dominates the article */
        size_t ri = t->n > 1 && t->df[1] < t->df[0] && t->w[0] < 2 * t->w[1] ? 1 : 0;
        long nr, nb = 0;
        rc_topic_term(t, ri, rare, sizeof rare);
        if ((nr = rc_count(k, rare, RC_TOPIC_ROWS + 1)) < 0)
            rc = LM_ERR_DB;
        else if (nr <= RC_TOPIC_ROWS || t->n < 2) {
            snprintf(t->filter, sizeof t->filter, "%s", rare);
            t->fmask = 1u << ri;
        } else {
            rc_topic_term(t, 0, t0, sizeof t0);
            rc_topic_term(t, 1, t1, sizeof t1);
            snprintf(both, sizeof both, "(%s AND %s)", t0, t1);
            if ((nb = rc_count(k, both, 3)) < 0)
                rc = LM_ERR_DB;
            snprintf(t->filter, sizeof t->filter, "%s", nb >= 3 ? both : rare);
            t->fmask = nb >= 3 ? 3u : 1u << ri;
        }
    }
    free(v);
    if (rc == LM_OK && lb.len)
        *label = lb.s;
    else
        lm_buf_free(&lb);
    return rc;
}

/* ---- the article's subject ----------------------------------------------- */

/* A proper name the article keeps using in mid-sentence ("... after her
 * Quillex course", "tested Quillex"): the product it is about, even when
 * the topic chosen for the records is a condition and a common word.  At
 * least two mid-sentence capitalised uses and three uses in all; the
 * corpus must hold the word.  Only the claim finder uses it: a sentence
 * naming it speaks of the article's subject.  Returns its index in @t
 * (added after the topic words), or -1. */
static int subject_word(lm_checker *k, const struct lm_doc *d, struct rc_topic *t)
{
    struct name { char stem[32]; unsigned mid, all; } v[128];
    size_t nv = 0, i, b, tries;

    if (t->n >= RC_TOPIC_MAX || !k->corpus_size)
        return -1;
    for (b = 0; b < d->nblocks; b++) {
        const char *s = d->text.s;
        size_t p = d->blocks[b].start, e = d->blocks[b].end;
        while (p < e) {
            size_t q, j;
            char stem[32];
            int mid;
            while (p < e && !isalpha((unsigned char)s[p]))
                p++;
            for (q = p; q < e && isalpha((unsigned char)s[q]); q++)
                ;
            if (q - p < 5 || q - p >= 30 || rc_stopword(&k->words, s + p, q - p)
                || (q < e && isdigit((unsigned char)s[q]))) {
                p = q;
                continue;
            }
            /* capitalised, not in capitals, after a lower-case word or a comma */
            mid = isupper((unsigned char)s[p]) && islower((unsigned char)s[p + 1]) && p >= 2
                  && p > d->blocks[b].start + 1 && s[p - 1] == ' '
                  && (islower((unsigned char)s[p - 2]) || s[p - 2] == ',');
            rc_stem(s + p, q - p, stem, sizeof stem);
            for (j = 0; j < nv && strcmp(v[j].stem, stem); j++)
                ;
            if (j == nv && nv < sizeof v / sizeof v[0]) {
                snprintf(v[nv].stem, sizeof v[nv].stem, "%s", stem);
                v[nv].mid = v[nv].all = 0;
                nv++;
            }
            if (j < nv) {
                v[j].mid += mid;
                v[j].all++;
            }
            p = q;
        }
    }
    for (tries = 0; tries < 3; tries++) {
        size_t best = nv;
        for (i = 0; i < nv; i++)
            if (v[i].mid >= 2 && v[i].all >= 3
                && (best == nv || v[i].all > v[best].all))
                best = i;
        if (best == nv)
            return -1;
        for (i = 0; i < t->n && strcmp(t->words[i], v[best].stem); i++)
            ;
        if (i < t->n)
            return (int)i;                  /* the topic holds it already */
        if (rc_term_df(k, v[best].stem, RC_DF_CAP) > 0) {
            snprintf(t->words[t->n], sizeof t->words[t->n], "%s", v[best].stem);
            t->alias[t->n][0] = '\0';
            return (int)t->n++;
        }
        v[best].mid = 0;
    }
    return -1;
}

/* ---- the check --------------------------------------------------------- */

static int names_topic(const struct rc_topic *t, const char *text, size_t a, size_t b)
{
    size_t i, p;

    for (i = 0; i < t->n; i++) {
        size_t l = strlen(t->words[i]);
        for (p = a; p + l <= b; p++)
            if ((p == a || !isalnum((unsigned char)text[p - 1]))
                && !strncasecmp(text + p, t->words[i], l))
                return 1;
    }
    return 0;
}

/* Does text[a,b) name topic word @i (or the word its acronym stands for)? */
/* The treatment named by its kind with the definite article ("the drug",
 * "the splint", "the patch"): in an article with a topic, the topic, told
 * again by what it is. */
static int names_product(const char *text, size_t a, size_t b)
{
    static const char *const kinds[] = {
        "drug", "medicine", "medication", "pill", "tablet", "tablets", "capsule", "capsules",
        "splint", "patch", "patches", "spray", "cream", "gel", "foam", "drops", "device",
        "supplement", "injection", "injections", "jab", "inhaler", "lozenge", "lozenges",
        "ointment", "brace", NULL
    };
    const char *p = text + a, *e = text + b;

    while ((p = rc_find_ci(p, (size_t)(e - p), "the ")) != NULL) {
        const char *w = p + 4, *we = w;
        size_t i;
        if (p > text + a && isalnum((unsigned char)p[-1])) {
            p++;
            continue;
        }
        while (we < e && isalpha((unsigned char)*we))
            we++;
        for (i = 0; kinds[i]; i++)
            if (strlen(kinds[i]) == (size_t)(we - w) && !strncasecmp(w, kinds[i], (size_t)(we - w))
                && (we == e || !isalnum((unsigned char)*we)))
                return 1;
        p++;
    }
    return 0;
}

static int names_topic_word_at(const struct rc_topic *t, size_t i, const char *text, size_t a,
                               size_t b)
{
    struct rc_topic one = *t;

    one.n = 1;
    memcpy(one.words[0], t->words[i], sizeof one.words[0]);
    if (names_topic(&one, text, a, b))
        return 1;
    if (!t->alias[i][0])
        return 0;
    memcpy(one.words[0], t->alias[i], sizeof one.words[0]);
    return names_topic(&one, text, a, b);
}

/* Sections about something else than the article: a heading naming a word
 * the article's topic lacks, which the section's text names again, over a
 * section that never names the word(s) the article's records are found by
 * ("Zorvil and fatigue" in a newsletter about another remedy): the section's topic is
 * that word (the rarest such, a word records hold, at most twice as many
 * as hold the article's topic word), with the article's topic words the
 * section names.  At most RC_MAX_SECTIONS; the rest keep
 * the article's topic. */
static lm_err section_topics(lm_checker *k, const struct lm_doc *d, const struct rc_topic *t,
                             struct rc_section *sec, size_t *nsec)
{
    const char *s = d->text.s;
    size_t h, e, i;
    long filter_df = 0;
    lm_err rc = LM_OK;

    *nsec = 0;
    if (!t->n || !t->fmask)
        return LM_OK;
    for (i = 0; i < t->n; i++)
        if (((t->fmask >> i) & 1u) && t->df[i] > filter_df)
            filter_df = t->df[i];
    for (h = 0; h < d->nblocks && *nsec < RC_MAX_SECTIONS && rc == LM_OK; h = e) {
        struct rc_section *x = &sec[*nsec];
        size_t p, bs, be;
        long best_df = 0;
        int named = 0;
        if (d->blocks[h].kind != RC_BLOCK_HEADING) {
            e = h + 1;
            continue;
        }
        for (e = h + 1; e < d->nblocks && d->blocks[e].kind != RC_BLOCK_HEADING; e++)
            ;
        if (e == h + 1)
            continue;
        bs = d->blocks[h + 1].start;
        be = d->blocks[e - 1].end;
        for (i = 0; i < t->n && !named; i++)
            named = ((t->fmask >> i) & 1u)
                    && names_topic_word_at(t, i, s, d->blocks[h].start, be);
        if (named)
            continue;
        memset(&x->t, 0, sizeof x->t);
        for (p = d->blocks[h].start; p < d->blocks[h].end && rc == LM_OK;) {
            size_t q;
            char stem[32];
            long df;
            int in_article = 0;
            struct rc_topic one;
            while (p < d->blocks[h].end && !isalpha((unsigned char)s[p]))
                p++;
            for (q = p; q < d->blocks[h].end && isalnum((unsigned char)s[q]); q++)
                ;
            if (q - p < 3 || q - p >= 30 || rc_stopword(&k->words, s + p, q - p)
                || rc_general_word(&k->words, s + p, q - p)) {
                p = q;
                continue;
            }
            rc_stem(s + p, q - p, stem, sizeof stem);
            p = q;
            for (i = 0; i < t->n; i++)
                in_article |= !strcmp(t->words[i], stem);
            one.n = 1;
            snprintf(one.words[0], sizeof one.words[0], "%s", stem);
            if (in_article || !names_topic(&one, s, bs, be))
                continue;
            /* a name as rare as the article's own topic word, not a word
             * of every abstract ("side effects") */
            if ((df = rc_term_df(k, stem, RC_DF_CAP)) < 0)
                rc = LM_ERR_DB;
            else if (df > 0 && df <= 2 * filter_df && (!best_df || df < best_df)) {
                best_df = df;
                snprintf(x->t.words[0], sizeof x->t.words[0], "%s", stem);
                x->t.df[0] = df;
            }
        }
        if (rc != LM_OK || !best_df)
            continue;
        x->t.n = 1;
        x->t.w[0] = 1;
        for (i = 0; i < t->n && x->t.n < 2; i++)
            if (names_topic_word_at(t, i, s, d->blocks[h].start, be)) {
                snprintf(x->t.words[1], sizeof x->t.words[1], "%s", t->words[i]);
                x->t.df[1] = t->df[i];
                x->t.w[1] = 1;
                x->t.n = 2;
            }
        if ((rc = topic_aliases(k, &x->t)) != LM_OK)
            break;
        rc_topic_term(&x->t, 0, x->t.filter, sizeof x->t.filter);
        x->t.fmask = 1;
        x->head = h;
        (*nsec)++;
    }
    return rc;
}

static lm_err report_new(const struct lm_doc *d, struct lm_report **out)
{
    struct lm_report *r = calloc(1, sizeof *r);

    *out = r;
    if (!r)
        return LM_ERR_NOMEM;
    if (!(r->name = strdup(d->name)) || !(r->text = malloc(d->text.len + 1)))
        return LM_ERR_NOMEM;
    memcpy(r->text, lm_buf_str(&d->text), d->text.len + 1);
    r->len = d->text.len;
    if (d->nblocks) {
        if (!(r->blocks = malloc(d->nblocks * sizeof *r->blocks)))
            return LM_ERR_NOMEM;
        memcpy(r->blocks, d->blocks, d->nblocks * sizeof *r->blocks);
    }
    r->nblocks = d->nblocks;
    return LM_OK;
}

/* When the check ran and what the corpus held (the import ledger: a tiny
 * table, never a count over the articles). */
static void report_stamp(lm_checker *k, struct lm_report *r)
{
    time_t now = time(NULL);
    struct tm tm;
    lm_corpus_summary sum;

    r->corpus_records = -1;
    if (gmtime_r(&now, &tm))
        strftime(r->checked_at, sizeof r->checked_at, "%Y-%m-%d %H:%M UTC", &tm);
    if (lm_corpus_summary_get(k->corpus, &sum) == LM_OK) {
        r->corpus_records = sum.ledger_records;
        snprintf(r->last_import, sizeof r->last_import, "%s", sum.last_import);
    }
}

static lm_err add_claim(struct lm_report *r, size_t *cap, const struct rc_sent *s, size_t si,
                        unsigned f, struct rc_nums *nums)
{
    struct rc_claim *c;

    if (lm_grow(&r->claims, cap, r->nclaims, sizeof *r->claims, 32))
        return LM_ERR_NOMEM;
    c = &r->claims[r->nclaims++];
    memset(c, 0, sizeof *c);
    c->id = (int)r->nclaims;
    c->start = s->start;
    c->end = s->end;
    c->sent = si;
    c->source = rc_classify(f);
    c->nums = *nums;
    memset(nums, 0, sizeof *nums);
    c->verdict = LM_VERDICT_NOT_FOUND;
    c->about = -1;
    return LM_OK;
}

/* A sentence that joins a first-hand story to a study ("it worked for my
 * son, and there's a study showing it helps") holds two claims: the story
 * is anecdotal, the study is checked against the corpus.  Split it at the
 * first ", and", ", but" or ";" whose left side is a story naming no study
 * and whose right side names a study and tells no story. */
static lm_err split_story_clauses(lm_checker *k, const char *text, struct rc_sent **sents,
                                  size_t *n)
{
    static const char *const seps[] = { ", and ", ", but ", "; ", NULL };
    const unsigned story = RC_F_FIRST_PERSON | RC_F_TESTIMONIAL;
    size_t i, cap = *n;

    for (i = 0; i < *n; i++) {
        struct rc_sent s = (*sents)[i];
        size_t p, best = 0, skip = 0;

        for (p = s.start; p < s.end && !best; p++) {
            size_t j;
            for (j = 0; seps[j]; j++) {
                size_t l = strlen(seps[j]);
                unsigned fl, fr;
                if (p + l >= s.end || strncmp(text + p, seps[j], l))
                    continue;
                fl = rc_flags(k->rules, text, s.start, p);
                fr = rc_flags(k->rules, text, p + l, s.end);
                if ((fl & story) && !(fl & RC_F_STUDYWORD) && (fr & RC_F_STUDYWORD)
                    && !(fr & story)) {
                    best = p;
                    skip = l;
                }
                break;
            }
        }
        if (!best)
            continue;
        if (lm_grow(sents, &cap, *n, sizeof **sents, 64))
            return LM_ERR_NOMEM;
        memmove(*sents + i + 2, *sents + i + 1, (*n - i - 1) * sizeof **sents);
        (*sents)[i].end = best;
        (*sents)[i + 1].start = best + skip;
        (*sents)[i + 1].end = s.end;
        (*sents)[i + 1].block = s.block;
        (*n)++;
        i++;
    }
    return LM_OK;
}

lm_err lm_check(lm_checker *k, const lm_doc *d, lm_report **out)
{
    struct lm_report *r = NULL;
    struct rc_sent *sents = NULL;
    struct rc_topic topic, subj;
    struct rc_section sections[RC_MAX_SECTIONS];
    size_t nsections = 0;
    unsigned *flags = NULL, *cflags = NULL;
    size_t nsents = 0, i, cap = 0;
    struct rc_nums nums = { 0 };
    int prev_anecdote = 0, story = 0, pro = 0, post = 0, refs = 0, cited = 0;
    size_t prev_block = (size_t)-1, head = (size_t)-1;
    int txn = 0;
    lm_err rc;

    if (!k || !d || !out)
        return LM_ERR_USAGE;
    *out = NULL;
    rc_docs_clear(k);
    k->nterms = 0;        /* the corpus may have changed between checks */
    queries_clear(k);
    vocab_clear(k);
    if ((rc = report_new(d, &r)) != LM_OK)
        goto fail;
    report_stamp(k, r);
    /* one read snapshot for the whole check: every claim sees the same
     * corpus, and SQLite/FTS5 need not re-read the index structure before
     * each of the hundreds of small queries */
    if (k->corpus_size && lm_corpus_read_begin(k->corpus) == LM_OK)
        txn = 1;
    /* a long page: compiling the rules to machine code pays for itself */
    if (d->text.len > RC_JIT_BYTES && (rc = rc_numrules_jit(k->nums, k->msg, sizeof k->msg)) != LM_OK)
        goto fail;
    if ((rc = rc_segment(d, &sents, &nsents)) != LM_OK
        || (rc = split_story_clauses(k, d->text.s, &sents, &nsents)) != LM_OK)
        goto fail;
    if (nsents && !(flags = calloc(nsents, sizeof *flags)))
        goto nomem;
    if ((rc = find_topic(k, d, 0, d->nblocks, &topic, &r->topic)) != LM_OK
        || (rc = section_topics(k, d, &topic, sections, &nsections)) != LM_OK)
        goto fail;
    subj = topic;
    subject_word(k, d, &subj);
    for (i = 0; i < nsents; i++) {
        const struct rc_sent *s = &sents[i];
        unsigned f = rc_flags(k->rules, d->text.s, s->start, s->end);
        enum rc_block_kind bk = d->blocks[s->block].kind;
        unsigned cues;
        int about, topical, block_topical, nb = -1, named, gate;

        if (s->block != prev_block) {
            const struct rc_block *bl = &d->blocks[s->block];
            if (bk == RC_BLOCK_HEADING)
                refs = references_heading(d->text.s, bl->start, bl->end);
            cited = refs || citation(d->text.s, bl->start, bl->end);
            prev_anecdote = story = 0;
            post = s->block > 0 && d->blocks[s->block - 1].kind == RC_BLOCK_ATTRIB;
            pro = post && professional_author(d->text.s, d->blocks[s->block - 1].start,
                                         d->blocks[s->block - 1].end);
        }
        if (bk == RC_BLOCK_HEADING)
            head = s->block;
        prev_block = s->block;
        cues = rc_cues(k->rules, d->text.s, s->start, s->end);
        /* a post by a professional ("Reply from X (verified pharmacist)"):
         * its first person gives an opinion, or reports a study */
        if (pro && (f & RC_F_FIRST_PERSON) && !(f & RC_F_TESTIMONIAL))
            f = (f & ~RC_F_FIRST_PERSON) | (f & RC_F_STUDYWORD ? 0 : RC_F_OPINION);
        /* short praise in a story (a post or paragraph told in the first
         * person) is the story's */
        if ((f & RC_F_PRAISE) && (prev_anecdote || story || (post && !pro)))
            f |= RC_F_TESTIMONIAL;
        /* the story goes on about its person ("She can walk again.") */
        if (prev_anecdote && !(f & (RC_F_STUDYWORD | RC_F_QUESTION | RC_F_NONCLAIM))
            && (third_person_start(d->text.s, s->start, s->end) || (cues & RC_C_ONSET)))
            f |= RC_F_TESTIMONIAL;
        /* a professional's word on the results the article just gave
         * ("These results confirm ...," said the maker's chief): the
         * study's claim, checked against it */
        if ((f & RC_F_EXPERT) && (f & RC_F_OPINION) && (f & RC_F_EFFICACY)
            && (cues & (RC_C_BACKREF | RC_C_BACKREF_IN)))
            f &= ~RC_F_OPINION;
        /* "my GP said it's the best there is": a professional's remark the
         * writer relays, with no outcome, harm or study in it, is hearsay,
         * the writer's story (one that states a harm or an effect is
         * checked as said) */
        if ((f & RC_F_EXPERT) && !(f & (RC_F_EFFICACY | RC_F_SAFETY | RC_F_NULL | RC_F_STUDYWORD))
            && starts_my(d->text.s, s->start, s->end))
            f = (f & ~(RC_F_OPINION | RC_F_EXPERT)) | RC_F_TESTIMONIAL;
        /* an effect "for me" in a member's post is the member's story */
        if (post && !pro && (f & RC_F_EFFICACY) && !(f & (RC_F_STUDYWORD | RC_F_EXPERT))
            && says_me(d->text.s, s->start, s->end))
            f |= RC_F_TESTIMONIAL;
        /* someone's word on the results ("called the results a clear
         * advance"): an opinion, not the study's finding */
        if ((cues & RC_C_APPRAISAL) && !(f & (RC_F_FIRST_PERSON | RC_F_TESTIMONIAL)))
            f |= RC_F_OPINION;
        story |= (f & (RC_F_FIRST_PERSON | RC_F_TESTIMONIAL)) != 0;
        flags[i] = f;
        if (r->nclaims >= RC_MAX_CLAIMS)
            break;
        if ((rc = rc_numbers(k->nums, d->text.s, s->start, s->end, &nums)) != LM_OK
            || (rc = rc_people_n(d->text.s, s, &nums)) != LM_OK)
            goto fail;
        /* the article model: a sentence that introduces a study opens a
         * mention; every sentence gets the mention it speaks of, if any */
        named = bk != RC_BLOCK_HEADING ? rc_mention_named(r, d->text.s, s) : -1;
        if (named >= 0) {
            nb = -2;                    /* the study named again: no new mention */
        } else if (bk != RC_BLOCK_HEADING && !(f & RC_F_CASE) && !(f & (RC_F_QUESTION | RC_F_CALL))
                   && (((cues & RC_C_MENTION) && !(cues & RC_C_BACKREF) && (f & RC_F_STUDYWORD))
                       || rc_mention_opens(r, d->text.s, s, head, f, &nums))) {
            if ((rc = rc_mention_new(r, d->text.s, s, i, head, f, &nums)) != LM_OK)
                goto fail;
            nb = (int)r->nstudies - 1;
        }
        about = nb >= 0 ? nb : named >= 0 ? named
                : rc_mention_bind(r, d->text.s, s, head, cues, &nums, bk == RC_BLOCK_ITEM);
        /* a case the article describes is its own subject */
        if (named < 0 && nb < 0 && (f & RC_F_CASE) && !(cues & (RC_C_BACKREF | RC_C_BACKREF_IN)))
            about = -1;
        if (nb == -2)
            nb = -1;
        if (about >= 0 && nb < 0 && (named >= 0 || (cues & (RC_C_BACKREF | RC_C_BACKREF_IN))))
            rc_mention_enrich(r, about, d->text.s, s, f, &nums);
        topical = names_topic(&subj, d->text.s, s->start, s->end)
                  || (subj.n && names_product(d->text.s, s->start, s->end));
        /* the subject passes within a block: a sentence of a paragraph that
         * names the topic speaks of it */
        block_topical = topical || names_topic(&subj, d->text.s, d->blocks[s->block].start,
                                               d->blocks[s->block].end);
        /* a list item speaks of what its lead-in paragraph names */
        if (!block_topical && bk == RC_BLOCK_ITEM) {
            size_t lb = s->block;
            while (lb > 0 && d->blocks[lb].kind == RC_BLOCK_ITEM)
                lb--;
            if (d->blocks[lb].kind != RC_BLOCK_ITEM)
                block_topical = names_topic(&subj, d->text.s, d->blocks[lb].start,
                                            d->blocks[lb].end);
        }
        gate = cited || not_a_claim(f, &nums) || house_voice(f, cues, &nums)
               || meta_line(d->text.s, s->start, s->end)
               || name_list(d->text.s, s->start, s->end)
               || (bk == RC_BLOCK_HEADING
                                         && headline_echoes_lead(d, s->block, d->text.s, s))
               ? -1 : rc_claim_gate(d->text.s, s, bk, f, &nums, topical, nb >= 0);
        /* a subjectless claim ("Proven effective in ...") or a promise made
         * of the product, on a page about it */
        if (gate == 0 && subj.n && bk != RC_BLOCK_HEADING
            && !(f & (RC_F_QUESTION | RC_F_CALL | RC_F_FIRST_PERSON | RC_F_NONCLAIM))
            && ((subjectless(d->text.s, s->start, s->end) && rc_word_count(d->text.s, s->start, s->end) >= 4
                 && ((f & (RC_F_EFFICACY | RC_F_SAFETY))
                     || (cues & (RC_C_POPULATION | RC_C_ONSET | RC_C_DURABLE))))
                || promise_of_subject(&subj, d->text.s, s->start, s->end)))
            gate = 1;
        if (gate > 0 || (gate == 0 && (is_claim(f, &nums, bk, prev_anecdote, topical)
                                      || model_claim(f, cues, bk, block_topical, about, d->text.s,
                                                     s, topical, topic.n > 0)))) {
            struct rc_claim *c;
            if ((rc = add_claim(r, &cap, s, i, f, &nums)) != LM_OK)
                goto fail;
            c = &r->claims[r->nclaims - 1];
            c->about = about;
            c->kind = rc_kind_of(f, cues, &c->nums, rc_year_in(d->text.s, s->start, s->end));
            c->hedged = (cues & RC_C_HEDGE) && !(f & (RC_F_RCT | RC_F_META));
            /* a general fact's figures ("one in seven adults") are no
             * finding of a study: background, never checked */
            if (c->kind == RC_K_BACKGROUND && (cues & RC_C_GENERAL)) {
                c->nums.n = 0;
                /* "experts say" before a general fact: the fact is the
                 * claim, background like any other */
                if (c->source == LM_SOURCE_OPINION)
                    c->source = LM_SOURCE_STUDY;
            }
            if (nb >= 0)
                r->studies[nb].claim = (int)r->nclaims - 1;
            prev_anecdote = c->source == LM_SOURCE_ANECDOTE;
        } else {
            nums.n = 0;
        }
    }
    if (r->nclaims >= RC_MAX_CLAIMS
        && (rc = rc_report_warn(r, "only the first %d claims were checked", RC_MAX_CLAIMS)))
        goto fail;
    if (r->nclaims && !(cflags = calloc(r->nclaims, sizeof *cflags)))
        goto nomem;
    for (i = 0; i < r->nclaims; i++)
        cflags[i] = flags[r->claims[i].sent];
    if (k->corpus_size == 0 && (rc = rc_report_warn(r, "the corpus is empty: every claim is not_found "
                                                    "(import PubMed records first)")))
        goto fail;
    if (r->nclaims == 0 && (rc = rc_report_warn(r, "no checkable claim found in %s", d->name)))
        goto fail;
    if ((rc = rc_match_claims(k, r, cflags, &topic, sections, nsections)) != LM_OK)
        goto fail;
    if (txn)
        lm_corpus_read_end(k->corpus);
    rc_nums_free(&nums);
    free(sents);
    free(flags);
    free(cflags);
    *out = r;
    return LM_OK;
nomem:
    rc = LM_ERR_NOMEM;
fail:
    if (rc == LM_ERR_NOMEM)
        lm_msg_set(k->msg, sizeof k->msg, "%s: out of memory", d->name);
    if (txn)
        lm_corpus_read_end(k->corpus);
    rc_nums_free(&nums);
    free(sents);
    free(flags);
    free(cflags);
    lm_report_free(r);
    return rc;
}
