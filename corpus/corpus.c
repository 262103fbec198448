/* The corpus handle: lm_corpus_open() picks the backend from the --db
 * string, opens and migrates it; every lm_corpus_* function checks its
 * arguments and the transaction state here, once for all backends, then
 * calls the backend (backend.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "corpus_int.h"

/* A read-only handle accepts this schema version and later ones: what came
 * after it (extract_state) is what readers do without. */
#define CORPUS_SCHEMA_READ 4

const char *const lm_xcol_names[LM_XC_COUNT] = {
#define XC_STR(name, type) #name,
    LM_EXTRACTION_COLUMNS(XC_STR)
#undef XC_STR
};

int corpus_target_is_pg(const char *target)
{
    return !strncmp(target, "postgresql://", 13) || !strncmp(target, "postgres://", 11);
}

static lm_err check_version(lm_corpus *c, int v)
{
    if (v > CORPUS_SCHEMA_VERSION) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: corpus schema version %d is newer than this "
                   "litmine understands (%d): upgrade litmine", c->target, v,
                   CORPUS_SCHEMA_VERSION);
        return LM_ERR_SCHEMA;
    }
    if ((c->flags & LM_CORPUS_READONLY) && v < CORPUS_SCHEMA_READ) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: corpus schema version %d is older than "
                   "this litmine's (%d): run 'litmine import' once to migrate it",
                   c->target, v, CORPUS_SCHEMA_VERSION);
        return v ? LM_ERR_SCHEMA : LM_ERR_DB;
    }
    return LM_OK;
}

lm_err lm_corpus_open(const char *target, unsigned flags, lm_corpus **out)
{
    lm_corpus *c;
    int v = 0;
    lm_err rc;

    if (!target || !out)
        return LM_ERR_USAGE;
    if (!(*out = c = calloc(1, sizeof *c)) || !(c->target = strdup(target)))
        return LM_ERR_NOMEM;
    c->flags = flags;
    if (corpus_target_is_pg(target)) {
#ifdef LM_HAVE_PG
        c->be = &lm_backend_pg;
#else
        lm_msg_set(c->msg, sizeof c->msg, "%.*s...: this litmine was built without "
                   "PostgreSQL support (libpq)", (int)strcspn(target, "@/:") + 3, target);
        return LM_ERR_DB;
#endif
    } else {
        c->be = &lm_backend_sqlite;
    }
    if ((rc = c->be->open(c)) || (rc = c->be->schema_version(c, &v)) ||
        (rc = check_version(c, v)))
        return rc;
    if (!(flags & LM_CORPUS_READONLY))
        return c->be->migrate(c, v);
    return LM_OK;
}

void lm_corpus_close(lm_corpus *c)
{
    if (!c)
        return;
    if (c->be) {
        if (c->in_read && c->be->read_end)
            c->be->read_end(c);
        c->be->close(c);
    }
    free(c->target);
    free(c);
}

const char *lm_corpus_errmsg(const lm_corpus *c)
{
    if (!c)
        return "out of memory";
    return c->msg[0] ? c->msg : "no error";
}

const char *lm_corpus_backend(const lm_corpus *c)
{
    return c && c->be ? c->be->name : "none";
}

/* ---- transactions -------------------------------------------------------- */

lm_err lm_corpus_begin(lm_corpus *c)
{
    time_t t = time(NULL);
    struct tm tm;
    lm_err rc;

    if (!c || !c->be || c->in_txn)
        return LM_ERR_USAGE;
    if (c->in_read)
        lm_corpus_read_end(c);
    if ((rc = c->be->begin(c)))
        return rc;
    gmtime_r(&t, &tm);
    strftime(c->now, sizeof c->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    c->in_txn = 1;
    return LM_OK;
}

lm_err lm_corpus_commit(lm_corpus *c)
{
    lm_err rc;

    if (!c || !c->in_txn)
        return LM_ERR_USAGE;
    rc = c->be->commit(c);      /* rolls back itself on failure */
    c->in_txn = 0;
    return rc;
}

void lm_corpus_rollback(lm_corpus *c)
{
    if (!c || !c->in_txn)
        return;
    c->be->rollback(c);
    c->in_txn = 0;
}

lm_err lm_corpus_read_begin(lm_corpus *c)
{
    lm_err rc;

    if (!c || !c->be || c->in_txn || c->in_read)
        return LM_ERR_USAGE;
    if ((rc = c->be->read_begin(c)))
        return rc;
    c->in_read = 1;
    return LM_OK;
}

void lm_corpus_read_end(lm_corpus *c)
{
    if (!c || !c->in_read)
        return;
    c->be->read_end(c);
    c->in_read = 0;
}

/* ---- writes ---------------------------------------------------------------- */

lm_err lm_corpus_put(lm_corpus *c, const lm_record *r, int *outcome)
{
    int dummy;

    if (!c || !r || !c->in_txn || !corpus_record_key(r))
        return LM_ERR_USAGE;
    if (r->kind == LM_REC_DELETE && r->pmid <= 0)
        return LM_ERR_USAGE;
    if (c->flags & LM_CORPUS_READONLY)
        return LM_ERR_USAGE;
    return c->be->put(c, r, outcome ? outcome : &dummy);
}

lm_err lm_corpus_file_seen(lm_corpus *c, const char *md5, int *seen)
{
    if (!seen)
        return LM_ERR_USAGE;
    *seen = 0;
    if (!c || !md5)
        return LM_ERR_USAGE;
    return c->be->file_seen(c, md5, seen);
}

lm_err lm_corpus_file_add(lm_corpus *c, const char *name, const char *md5, uint64_t records)
{
    if (!c || !name || !md5 || (c->flags & LM_CORPUS_READONLY))
        return LM_ERR_USAGE;
    return c->be->file_add(c, name, md5, records);
}

lm_err lm_corpus_watermark_get(lm_corpus *c, const char *query, char **out)
{
    if (!out)
        return LM_ERR_USAGE;
    *out = NULL;
    if (!c || !query)
        return LM_ERR_USAGE;
    return c->be->watermark_get(c, query, out);
}

lm_err lm_corpus_watermark_set(lm_corpus *c, const char *query, const char *watermark)
{
    if (!c || !query || !watermark || (c->flags & LM_CORPUS_READONLY))
        return LM_ERR_USAGE;
    return c->be->watermark_set(c, query, watermark);
}

/* ---- reads ------------------------------------------------------------------- */

lm_err lm_corpus_get(lm_corpus *c, int64_t pmid, lm_article_cb cb, void *ud)
{
    if (!c || !cb)
        return LM_ERR_USAGE;
    return c->be->get(c, pmid, cb, ud);
}

lm_err lm_corpus_each(lm_corpus *c, lm_article_cb cb, void *ud)
{
    if (!c || !cb)
        return LM_ERR_USAGE;
    return c->be->each(c, cb, ud);
}

lm_err lm_corpus_search_query(lm_corpus *c, const lm_query *q, int limit, lm_hit_cb cb,
                              void *ud)
{
    if (!c || !q || !cb)
        return LM_ERR_USAGE;
    return c->be->search(c, q, limit, 0, cb, ud);
}

lm_err lm_corpus_search(lm_corpus *c, const char *query, int limit, lm_hit_cb cb, void *ud)
{
    lm_query *q = NULL;
    char msg[512];
    lm_err rc;

    if (!c || !query || !cb)
        return LM_ERR_USAGE;
    if ((rc = lm_query_parse(query, &q, msg, sizeof msg))) {
        lm_msg_set(c->msg, sizeof c->msg, "%s", msg);
        return rc;
    }
    rc = c->be->search(c, q, limit, 0, cb, ud);
    lm_query_free(q);
    return rc;
}

lm_err lm_corpus_search_keys(lm_corpus *c, const lm_query *q, int limit, lm_hit_cb cb,
                             void *ud)
{
    if (!c || !q || !cb)
        return LM_ERR_USAGE;
    return c->be->search(c, q, limit, CORPUS_SEARCH_KEYS, cb, ud);
}

lm_err lm_corpus_search_records(lm_corpus *c, const lm_query *q, int limit, lm_hit_cb cb,
                                void *ud)
{
    if (!c || !q || !cb)
        return LM_ERR_USAGE;
    return c->be->search(c, q, limit, CORPUS_SEARCH_RECORDS, cb, ud);
}

lm_err lm_corpus_match_count(lm_corpus *c, const lm_query *q, uint64_t cap, uint64_t *n)
{
    if (!n)
        return LM_ERR_USAGE;
    *n = 0;
    if (!c || !q)
        return LM_ERR_USAGE;
    return cap ? c->be->match_count(c, q, cap, n) : LM_OK;
}

lm_err lm_corpus_counts(lm_corpus *c, uint64_t *articles, uint64_t *deleted, uint64_t *files)
{
    if (!c)
        return LM_ERR_USAGE;
    return c->be->counts(c, articles, deleted, files);
}

lm_err lm_corpus_summary_get(lm_corpus *c, lm_corpus_summary *s)
{
    if (!c || !s)
        return LM_ERR_USAGE;
    return c->be->summary(c, s);
}

lm_err lm_corpus_run_lock(lm_corpus *c, int *held)
{
    lm_err rc;

    if (!held)
        return LM_ERR_USAGE;
    *held = 0;
    if (!c)
        return LM_ERR_USAGE;
    if (!c->be->run_lock)
        return LM_OK;
    if ((rc = c->be->run_lock(c)))
        return rc;
    *held = 1;
    return LM_OK;
}

/* ---- extraction rows and their state ------------------------------------------ */

lm_err lm_corpus_xrows_replace(lm_corpus *c, int64_t pmid, const lm_xrow *rows, size_t n)
{
    int own;
    lm_err rc;

    if (!c || (n && !rows) || (c->flags & LM_CORPUS_READONLY))
        return LM_ERR_USAGE;
    own = !c->in_txn;
    if (own && (rc = lm_corpus_begin(c)))
        return rc;
    rc = c->be->xrows_replace(c, pmid, rows, n);
    if (own) {
        if (rc)
            lm_corpus_rollback(c);
        else
            rc = lm_corpus_commit(c);
    }
    return rc;
}

lm_err lm_corpus_xrows_each(lm_corpus *c, int64_t pmid, const int64_t *subset, size_t nsubset,
                            unsigned flags, lm_xrow_cb cb, void *ud)
{
    if (!c || !cb || (!subset && nsubset))
        return LM_ERR_USAGE;
    return c->be->xrows_each(c, pmid, subset, nsubset, flags, cb, ud);
}

lm_err lm_corpus_xstate_pending(lm_corpus *c, int version, int64_t after, int64_t *keys,
                                size_t max, size_t *n)
{
    if (!n)
        return LM_ERR_USAGE;
    *n = 0;
    if (!c || (max && !keys))
        return LM_ERR_USAGE;
    return max ? c->be->xstate_pending(c, version, after, keys, max, n) : LM_OK;
}

lm_err lm_corpus_xstate_count(lm_corpus *c, int version, uint64_t *pending, uint64_t *gone)
{
    if (pending)
        *pending = 0;
    if (gone)
        *gone = 0;
    if (!c)
        return LM_ERR_USAGE;
    return c->be->xstate_count(c, version, pending, gone);
}

lm_err lm_corpus_xstate_put(lm_corpus *c, int64_t pmid, const char *record_md5, int version)
{
    if (!c || !c->in_txn || (c->flags & LM_CORPUS_READONLY))
        return LM_ERR_USAGE;
    return c->be->xstate_put(c, pmid, record_md5, version);
}

lm_err lm_corpus_xstate_purge(lm_corpus *c, uint64_t *n)
{
    uint64_t dummy;

    if (!n)
        n = &dummy;
    *n = 0;
    if (!c || c->in_txn || (c->flags & LM_CORPUS_READONLY))
        return LM_ERR_USAGE;
    if (c->in_read)
        lm_corpus_read_end(c);
    return c->be->xstate_purge(c, n);
}
