/* Extraction rows in the corpus: storing them (the `extraction` table,
 * replaced per PMID) and running the extractors over stored articles. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "extractors_int.h"

static lm_err db_fail(lm_extractor *ex, char *msg, size_t cap, sqlite3 *db,
                      const char *what, int64_t pmid)
{
    int code = sqlite3_errcode(db);

    lm_msg_set(msg, cap, "PMID %lld: %s: %s", (long long)pmid, what, sqlite3_errmsg(db));
    (void)ex;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED ? LM_ERR_DB_BUSY : LM_ERR_DB;
}

static void bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_double(st, i, v);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Writes the rows; the caller owns the transaction. */
static lm_err store_rows(sqlite3 *db, int64_t pmid, const lm_extractions *x,
                         char *msg, size_t cap)
{
    static const char del_sql[] = "DELETE FROM extraction WHERE pmid = ?1";
    static const char ins_sql[] =
        "INSERT INTO extraction(pmid, kind, value, lo, hi, k, n, metric, p, p_op, level,"
        " section, span_start, span_end, text, rule, flags, extractor_version, outcome,"
        " intervention, comparator, dose, frequency, duration, route, label)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
        "?21,?22,?23,?24,?25,?26)";
    sqlite3_stmt *del = NULL, *ins = NULL;
    size_t i;
    lm_err rc = LM_OK;

    if (sqlite3_prepare_v2(db, del_sql, -1, &del, NULL) != SQLITE_OK
        || sqlite3_prepare_v2(db, ins_sql, -1, &ins, NULL) != SQLITE_OK) {
        rc = db_fail(NULL, msg, cap, db, "preparing the extraction table", pmid);
        goto done;
    }
    sqlite3_bind_int64(del, 1, pmid);
    if (sqlite3_step(del) != SQLITE_DONE) {
        rc = db_fail(NULL, msg, cap, db, "deleting old extractions", pmid);
        goto done;
    }
    for (i = 0; i < x->len; i++) {
        const lm_extraction *e = &x->v[i];

        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        sqlite3_bind_int64(ins, 1, pmid);
        sqlite3_bind_text(ins, 2, lm_kind_name(e->kind), -1, SQLITE_STATIC);
        if (e->kind == LM_KIND_DESIGN)
            bind_text(ins, 3, e->svalue);
        else
            bind_real(ins, 3, e->value);
        bind_real(ins, 4, e->lo);
        bind_real(ins, 5, e->hi);
        if (e->k >= 0)
            sqlite3_bind_int64(ins, 6, e->k);
        if (e->n >= 0)
            sqlite3_bind_int64(ins, 7, e->n);
        bind_text(ins, 8, e->metric);
        bind_real(ins, 9, e->p);
        bind_text(ins, 10, e->p_op);
        bind_text(ins, 11, e->level);
        bind_text(ins, 12, e->section);
        sqlite3_bind_int64(ins, 13, (sqlite3_int64)e->span_start);
        sqlite3_bind_int64(ins, 14, (sqlite3_int64)e->span_end);
        bind_text(ins, 15, e->text);
        bind_text(ins, 16, e->rule);
        bind_text(ins, 17, e->flags);
        sqlite3_bind_int(ins, 18, LM_EXTRACTOR_VERSION);
        bind_text(ins, 19, e->outcome);
        bind_text(ins, 20, e->intervention);
        bind_text(ins, 21, e->comparator);
        bind_text(ins, 22, e->dose);
        bind_text(ins, 23, e->frequency);
        bind_text(ins, 24, e->duration);
        bind_text(ins, 25, e->route);
        bind_text(ins, 26, e->label);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            rc = db_fail(NULL, msg, cap, db, "storing an extraction", pmid);
            goto done;
        }
    }
done:
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    return rc;
}

/* The extractor keeps its message buffer private; this reaches it. */
struct msgref { char *msg; size_t cap; };

static struct msgref ex_msg(lm_extractor *ex);

lm_err lm_extract_store(lm_extractor *ex, lm_corpus *c, int64_t pmid,
                        const lm_extractions *x)
{
    sqlite3 *db;
    struct msgref m;
    int own;
    lm_err rc;

    if (!ex || !c || !x)
        return LM_ERR_USAGE;
    m = ex_msg(ex);
    if (!(db = lm_corpus_sqlite(c))) {
        lm_msg_set(m.msg, m.cap, "PMID %lld: corpus has no database", (long long)pmid);
        return LM_ERR_DB;
    }
    own = sqlite3_get_autocommit(db);
    if (own && sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(ex, m.msg, m.cap, db, "beginning a transaction", pmid);
    rc = store_rows(db, pmid, x, m.msg, m.cap);
    if (own) {
        if (rc == LM_OK && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            rc = db_fail(ex, m.msg, m.cap, db, "committing", pmid);
        if (rc != LM_OK)
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    return rc;
}

/* ---- reading back --------------------------------------------------------- */

static double col_real(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);

    return t ? (const char *)t : "";
}

static int kind_of(const char *name, lm_kind *k)
{
    int i;

    for (i = LM_KIND_SAMPLE_SIZE; i <= LM_KIND_LAST; i++)
        if (!strcmp(name, lm_kind_name((lm_kind)i))) {
            *k = (lm_kind)i;
            return 1;
        }
    return 0;
}

/* One row into a new record; text and rule share one allocation (freed
 * with the text by lm_extractions_clear). */
static lm_err load_row(sqlite3_stmt *st, lm_extractions *out, int64_t pmid, char *msg,
                       size_t cap)
{
    const char *text = col_text(st, 14), *rule = col_text(st, 15);
    size_t tl = strlen(text), rl = strlen(rule);
    lm_extraction *e;
    lm_kind kind;
    char *buf;

    if (!kind_of(col_text(st, 1), &kind)) {
        lm_msg_set(msg, cap, "PMID %lld: extraction row %lld: unknown kind '%s'",
                   (long long)pmid, (long long)sqlite3_column_int64(st, 0), col_text(st, 1));
        return LM_ERR_DB;
    }
    if (!(buf = malloc(tl + rl + 2)))
        return LM_ERR_NOMEM;
    memcpy(buf, text, tl + 1);
    memcpy(buf + tl + 1, rule, rl + 1);
    if (!(e = extract_push(out, kind, NULL, col_text(st, 11), "", 0, 0))) {
        free(buf);
        return LM_ERR_NOMEM;
    }
    free(e->text);
    e->text = buf;
    e->rule = buf + tl + 1;
    if (kind == LM_KIND_DESIGN)
        extract_strlcpy(e->svalue, col_text(st, 2), sizeof e->svalue);
    else
        e->value = col_real(st, 2);
    e->lo = col_real(st, 3);
    e->hi = col_real(st, 4);
    e->k = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 5);
    e->n = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 6);
    extract_strlcpy(e->metric, col_text(st, 7), sizeof e->metric);
    e->p = col_real(st, 8);
    extract_strlcpy(e->p_op, col_text(st, 9), sizeof e->p_op);
    extract_strlcpy(e->level, col_text(st, 10), sizeof e->level);
    e->span_start = (size_t)sqlite3_column_int64(st, 12);
    e->span_end = (size_t)sqlite3_column_int64(st, 13);
    extract_strlcpy(e->flags, col_text(st, 16), sizeof e->flags);
    {
        char **dst[] = { &e->outcome, &e->intervention, &e->comparator, &e->dose,
                         &e->frequency, &e->duration, &e->route, &e->label };
        size_t j;
        for (j = 0; j < sizeof dst / sizeof dst[0]; j++) {
            const unsigned char *t = sqlite3_column_text(st, 18 + (int)j);
            if (t && *t && !(*dst[j] = strdup((const char *)t)))
                return LM_ERR_NOMEM;
        }
    }
    return LM_OK;
}

lm_err lm_extract_load(lm_extractor *ex, lm_corpus *c, int64_t pmid, lm_extractions *out,
                       int *version)
{
    static const char sql[] =
        "SELECT id, kind, value, lo, hi, k, n, metric, p, p_op, level, section,"
        " span_start, span_end, text, rule, flags, extractor_version, outcome, intervention,"
        " comparator, dose, frequency, duration, route, label"
        " FROM extraction WHERE pmid = ?1 ORDER BY id";
    char scratch[256], *msg = scratch;
    size_t cap = sizeof scratch;
    sqlite3 *db;
    sqlite3_stmt *st = NULL;
    lm_err rc = LM_OK;
    int step;

    if (!c || !out)
        return LM_ERR_USAGE;
    if (ex)
        msg = extract_msgbuf(ex, &cap);
    if (version)
        *version = 0;
    if (!(db = lm_corpus_sqlite(c))) {
        lm_msg_set(msg, cap, "PMID %lld: corpus has no database", (long long)pmid);
        return LM_ERR_DB;
    }
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(ex, msg, cap, db, "reading extractions", pmid);
    sqlite3_bind_int64(st, 1, pmid);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if ((rc = load_row(st, out, pmid, msg, cap)))
            break;
        if (version)
            *version = sqlite3_column_int(st, 17);
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_fail(ex, msg, cap, db, "reading extractions", pmid);
    sqlite3_finalize(st);
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
    sqlite3 *db = lm_corpus_sqlite(r->c);
    struct msgref m = ex_msg(r->ex);

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
    if (++r->done % 1000 == 0 && !sqlite3_get_autocommit(db)) {
        if (sqlite3_exec(db, "COMMIT; BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
            r->rc = db_fail(r->ex, m.msg, m.cap, db, "committing a batch", a->pmid);
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
    sqlite3 *db;
    struct msgref m;
    size_t i;
    lm_err rc;
    int found;

    if (!ex || !c)
        return LM_ERR_USAGE;
    m = ex_msg(ex);
    for (i = 0; pmids && i < npmids; i++) {
        found = 0;
        rc = lm_corpus_get(c, pmids[i], exists_cb, &found);
        if (rc == LM_ERR_NOTFOUND || (rc == LM_OK && !found)) {
            lm_msg_set(m.msg, m.cap, "PMID %lld: not in the corpus", (long long)pmids[i]);
            return LM_ERR_NOTFOUND;
        }
        if (rc) {
            lm_msg_set(m.msg, m.cap, "PMID %lld: %s", (long long)pmids[i], lm_corpus_errmsg(c));
            return rc;
        }
    }
    memset(&r, 0, sizeof r);
    r.ex = ex;
    r.c = c;
    r.cb = cb;
    r.ud = ud;
    db = lm_corpus_sqlite(c);
    if (!db || sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        lm_msg_set(m.msg, m.cap, "extract: cannot begin a transaction: %s",
                   db ? sqlite3_errmsg(db) : "no database");
        return db && sqlite3_errcode(db) == SQLITE_BUSY ? LM_ERR_DB_BUSY : LM_ERR_DB;
    }
    if (pmids) {
        for (i = 0; i < npmids && !r.rc && !r.stopped; i++) {
            rc = lm_corpus_get(c, pmids[i], run_one, &r);
            if (rc && !r.rc) {
                r.rc = rc;
                lm_msg_set(m.msg, m.cap, "PMID %lld: %s", (long long)pmids[i],
                           lm_corpus_errmsg(c));
            }
        }
    } else {
        rc = lm_corpus_each(c, run_one, &r);
        if (rc && !r.rc) {
            r.rc = rc;
            lm_msg_set(m.msg, m.cap, "extract: %s", lm_corpus_errmsg(c));
        }
    }
    lm_extractions_free(&r.x);
    if (r.rc) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return r.rc;
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        lm_msg_set(m.msg, m.cap, "extract: commit failed: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return LM_ERR_DB;
    }
    return LM_OK;
}

/* The extractor keeps its message buffer private; this reaches it. */
static struct msgref ex_msg(lm_extractor *ex)
{
    struct msgref m;

    m.msg = extract_msgbuf(ex, &m.cap);
    return m;
}
