/* The PostgreSQL corpus backend (lm_backend_pg, backend.h): the SQLite
 * store's tables (schema version CORPUS_SCHEMA_VERSION) in a PostgreSQL
 * database reached with libpq, for a corpus shared by a team and loaded
 * from several hosts at once.
 *
 * What differs from SQLite, and why:
 *  - full-text search is a tsvector column made from the title (weight
 *    A) and abstract (weight B), under a GIN index; the candidates it
 *    finds are ranked here by FTS5's own bm25(article_fts, 4.0, 1.0)
 *    from the per-word document frequencies and positions, so both
 *    backends give the same scores in the same order;
 *  - SQLite lets one writer in at a time; here several may write, so each
 *    record locks its article row (SELECT ... FOR UPDATE, or the insert
 *    that makes it) before it is read and merged, and the upserts are
 *    guarded so that a row another import made meanwhile is read again
 *    and merged rather than overwritten: two imports that meet on one
 *    PMID take turns on it, the rest runs in parallel, and the corpus is
 *    the one a single process would make.  Row locks live in the rows, so
 *    a baseline file's 30,000 records hold 30,000 of them at no cost;
 *  - the schema version is a one-row table, litmine_schema (PostgreSQL has
 *    no user_version), made under an advisory lock so two first runs do
 *    not both create it;
 *  - the run lock is a session advisory lock: the server drops it when the
 *    holder's connection goes, whichever host it ran on.
 * Statements are prepared once per connection.  Messages name the database
 * by its URL without the password. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <openssl/evp.h>
#include "corpus_int.h"
#include "pg_int.h"

void corpus_pg_display(const char *url, char *buf, size_t cap)
{
    const char *auth, *end, *at = NULL, *colon, *s;
    char *pw;
    size_t n;

    if (!cap)
        return;
    if (buf != url)
        snprintf(buf, cap, "%s", url);
    if (!(auth = strstr(buf, "://")))
        return;
    auth += 3;
    end = auth + strcspn(auth, "/?");
    /* userinfo: up to the last '@' before the path (a password may hold '@') */
    for (s = auth; s < end; s++)
        if (*s == '@')
            at = s;
    if (at && (colon = memchr(auth, ':', (size_t)(at - auth)))) {
        n = strlen(at) + 1;
        memmove((char *)colon, at, n);
    }
    /* a password given as a parameter: drop the parameter */
    while ((pw = strstr(buf, "password=")) && pw > buf && (pw[-1] == '?' || pw[-1] == '&')) {
        char *next = pw + strcspn(pw, "&");
        if (*next == '&')
            memmove(pw, next + 1, strlen(next + 1) + 1);
        else
            pw[-1] = '\0';
    }
}

#ifdef LM_HAVE_PG
#include <libpq-fe.h>

/* Advisory lock keys, in the two-int form so they never meet the one-int
 * form the records' keys use: the schema, and the run lock. */
#define LOCK_NS "1818848109"    /* "litm" */
#define LOCK_SCHEMA LOCK_NS ", 1"
#define LOCK_RUN LOCK_NS ", 2"
/* Every write transaction holds this one shared; one run again after it
 * lost a deadlock holds it exclusive, so it runs alone (pg_begin) */
#define LOCK_WRITE LOCK_NS ", 3"

/* The statements, prepared on first use (named "s<index>"); from
 * S_BATCH_LOCK on, those over a batch's arrays, planned at each use
 * instead: a prepared statement's generic plan, made once while the table
 * was small, kept scanning the whole table for the batch's keys (and
 * hashing it for the DataBankList's join) as the table grew. */
enum {
    S_UPSERT, S_VERSION, S_PMC_GET, S_PMC_PUT, S_ART_GET, S_MERGE, S_DELETE, S_DATABANKS,
    S_KEYLOCK, S_PMC_VERSION, S_PMC_FIND, S_SEEN, S_FILE_ADD, S_WM_GET, S_WM_SET, S_EACH,
    S_GET, S_GET_PMCID, S_XDEL, S_XINS, S_XSTATE, S_PENDING, S_ROWLOCK, S_UPSERT_PMC,
    S_BATCH_LOCK, S_BATCH_UPSERT, S_BATCH_DATABANKS, NSTMT
};

struct pg {
    PGconn *conn;
    uint64_t prepared;          /* bit per statement prepared on this connection */
    int in_read;                /* a read_begin() snapshot is open */
    int locked;                 /* holds the run lock */
    int pmc_any;                /* article_pmc may hold rows (then every PubMed
                                 * record is looked up for its PMC article) */
    EVP_MD_CTX *md;
    lm_record other;            /* scratch: the other source's record while merging */
    lm_buf tsv;                 /* scratch: the tsvector of the row being written */
    struct batch *batch;        /* put_many()'s statements, made on first use */
    int wrote;                  /* this transaction stored articles */
    int totals;                 /* rows and words below hold for the read
                                 * snapshot open (bm25's) */
    long long rows, words;
    int no_ntok;                /* article lacks ntok (a corpus of release 1) */
};

#define P(c) ((struct pg *)(c)->impl)

/* The extraction columns' PostgreSQL types: INT and REAL as SQLite's
 * affinities store them; ANY (value: a number or the design's name) as
 * jsonb, which keeps a number a number and a text a text. */
#define PG_T_INT "BIGINT"
#define PG_T_REAL "DOUBLE PRECISION"
#define PG_T_TEXT "TEXT"
#define PG_T_ANY "JSONB"
#define XC_DECL(name, type) ", " #name " " PG_T_##type
#define XC_NAME(name, type) ", " #name

/* Schema version 5 in one step: no PostgreSQL corpus of an older version
 * exists.  Each future version adds one step to migrate(). */
static const char schema_v5[] =
    "CREATE TABLE litmine_schema(version INTEGER NOT NULL);"
    "CREATE TABLE article("
    " pmid BIGINT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 1,"
    " pmcid TEXT, doi TEXT, title TEXT, abstract TEXT, journal TEXT, year INTEGER,"
    " authors TEXT, pub_types TEXT, mesh TEXT, body TEXT, source TEXT,"
    " record_md5 TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
    " pubmed_version INTEGER, pubmed_md5 TEXT, from_pmc INTEGER NOT NULL DEFAULT 0,"
    " databanks TEXT,"
    /* the title's words (weight A) and the abstract's (B), as pg_text.c
     * reads them */
    " tsv tsvector NOT NULL DEFAULT '',"
    /* its number of words (bm25's document length) */
    " ntok INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX article_pmcid ON article(pmcid) WHERE pmcid IS NOT NULL;"
    "CREATE INDEX article_fts ON article USING gin(tsv);"
    "CREATE TABLE article_pmc(pmid BIGINT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 1,"
    " pmcid TEXT, doi TEXT, title TEXT, abstract TEXT, journal TEXT, year INTEGER,"
    " authors TEXT, pub_types TEXT, mesh TEXT, body TEXT, record_md5 TEXT, updated_at TEXT);"
    "CREATE TABLE source_file(name TEXT NOT NULL, md5 TEXT PRIMARY KEY,"
    " records BIGINT NOT NULL, imported_at TEXT NOT NULL);"
    "CREATE TABLE extraction(id BIGSERIAL PRIMARY KEY, pmid BIGINT NOT NULL"
    LM_EXTRACTION_COLUMNS(XC_DECL) ");"
    "CREATE INDEX extraction_pmid ON extraction(pmid, id);"
    "CREATE TABLE fetch_state(query TEXT PRIMARY KEY, watermark TEXT, updated_at TEXT);"
    "CREATE TABLE extract_state(pmid BIGINT PRIMARY KEY, record_md5 TEXT,"
    " extractor_version INTEGER NOT NULL);";

#define FIELD_COLS "pmcid, doi, title, abstract, journal, year, authors, pub_types, mesh, body"
#define ARTICLE_COLS "pmid, version, year, deleted, pmcid, doi, title, abstract, journal," \
    " authors, pub_types, mesh, body, source, record_md5, updated_at, databanks"
#define NOW_UTC "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
/* Live articles whose extractions are missing or stale (sqlite.c's). */
#define PENDING_WHERE \
    " FROM article a LEFT JOIN extract_state s ON s.pmid = a.pmid" \
    " WHERE a.deleted = 0 AND (s.pmid IS NULL OR s.record_md5 IS DISTINCT FROM a.record_md5" \
    " OR s.extractor_version <> $1::integer)"
#define GONE_SELECT \
    "SELECT s.pmid FROM extract_state s LEFT JOIN article a ON a.pmid = s.pmid" \
    " WHERE a.pmid IS NULL OR a.deleted <> 0"
#define XC_PARAM(name, type) ", $%d"

/* The merged-row upsert under the version rule: its columns, what a
 * conflicting row gets, and when (@guard adds to the condition). */
#define UPSERT_COLS \
    "pmid, version, pmcid, doi, title, abstract, journal, year, authors, pub_types, mesh," \
    " body, source, record_md5, deleted, updated_at, pubmed_version, pubmed_md5, from_pmc," \
    " tsv, ntok"
#define UPSERT_SET \
    " ON CONFLICT(pmid) DO UPDATE SET version = excluded.version, pmcid = excluded.pmcid," \
    " doi = excluded.doi, title = excluded.title, abstract = excluded.abstract," \
    " journal = excluded.journal, year = excluded.year, authors = excluded.authors," \
    " pub_types = excluded.pub_types, mesh = excluded.mesh, body = excluded.body," \
    " source = excluded.source, record_md5 = excluded.record_md5, deleted = 0," \
    " updated_at = excluded.updated_at, pubmed_version = excluded.pubmed_version," \
    " pubmed_md5 = excluded.pubmed_md5, from_pmc = excluded.from_pmc, tsv = excluded.tsv," \
    " ntok = excluded.ntok"
#define UPSERT_WHERE(guard) \
    " WHERE (excluded.version > a.version OR (excluded.version = a.version" \
    "  AND (a.deleted <> 0 OR a.record_md5 IS DISTINCT FROM excluded.record_md5" \
    "   OR a.pubmed_md5 IS DISTINCT FROM excluded.pubmed_md5)))" guard
#define UPSERT_SQL(guard) \
    "INSERT INTO article AS a(" UPSERT_COLS ")" \
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 0, $15, $16, $17," \
    " $18, $19::tsvector, $20)" UPSERT_SET UPSERT_WHERE(guard)
/* A row holding no PMC article (the batch's guard) */
#define PUBMED_ONLY " AND (a.source IS NULL OR a.source = 'pubmed')"

static const char *const stmt_sql[NSTMT] = {
    [S_UPSERT] = UPSERT_SQL(""),
    /* A batch of PubMed records (put_group), each parameter an array of
     * one column: their rows locked in key order, and what each was
     * before; */
    [S_BATCH_LOCK] = "SELECT pmid, version, source FROM article WHERE pmid = ANY($1::bigint[])"
                     " ORDER BY pmid FOR UPDATE",
    /* the records stored, in key order, unless a row holds a PMC article
     * (the keys of those stored returned); */
    [S_BATCH_UPSERT] =
    "INSERT INTO article AS a(" UPSERT_COLS ", databanks)"
    " SELECT k, v, pmcid, doi, title, abstract, journal, year, authors, pub_types, mesh, body,"
    " 'pubmed', md5, 0, $17, v, md5, 0, tsv, ntok, db FROM unnest($1::bigint[], $2::integer[],"
    " $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::integer[], $9::text[],"
    " $10::text[], $11::text[], $12::text[], $13::text[], $14::tsvector[], $15::integer[],"
    " $16::text[]) AS s(k, v, pmcid, doi, title, abstract, journal, year, authors, pub_types,"
    " mesh, body, md5, tsv, ntok, db) ORDER BY k"
    UPSERT_SET ", databanks = excluded.databanks" UPSERT_WHERE(PUBMED_ONLY) " RETURNING pmid",
    /* the DataBankList of the articles of the records' versions not
     * stored (S_DATABANKS's), from the same arrays */
    [S_BATCH_DATABANKS] =
    "UPDATE article a SET databanks = s.db FROM unnest($1::bigint[], $2::integer[],"
    " $3::text[]) AS s(k, v, db) WHERE a.pmid = s.k AND a.version = s.v AND a.deleted = 0"
    " AND a.databanks IS DISTINCT FROM s.db",
    [S_VERSION] = "SELECT version, deleted FROM article WHERE pmid = $1",
    [S_PMC_GET] = "SELECT " FIELD_COLS " FROM article_pmc WHERE pmid = $1",
    [S_PMC_PUT] =
    "INSERT INTO article_pmc AS p(pmid, " FIELD_COLS ", version, record_md5, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
    " ON CONFLICT(pmid) DO UPDATE SET pmcid = excluded.pmcid, doi = excluded.doi,"
    " title = excluded.title, abstract = excluded.abstract, journal = excluded.journal,"
    " year = excluded.year, authors = excluded.authors, pub_types = excluded.pub_types,"
    " mesh = excluded.mesh, body = excluded.body, version = excluded.version,"
    " record_md5 = excluded.record_md5, updated_at = excluded.updated_at"
    " WHERE excluded.version > p.version OR (excluded.version = p.version"
    "  AND p.record_md5 IS DISTINCT FROM excluded.record_md5)",
    [S_ART_GET] =
    "SELECT " FIELD_COLS ", pubmed_version, from_pmc, deleted FROM article WHERE pmid = $1"
    " FOR UPDATE",
    [S_MERGE] =
    "UPDATE article SET pmcid = $2, doi = $3, title = $4, abstract = $5, journal = $6,"
    " year = $7, authors = $8, pub_types = $9, mesh = $10, body = $11,"
    " source = 'pubmed+pmc', record_md5 = $12, from_pmc = $13, updated_at = $14,"
    " tsv = $15::tsvector, ntok = $16 WHERE pmid = $1",
    [S_DELETE] =
    "UPDATE article SET deleted = 1, updated_at = $3,"
    " pubmed_version = COALESCE(pubmed_version, $2) WHERE pmid = $1 AND deleted = 0",
    [S_DATABANKS] =
    "UPDATE article SET databanks = $2 WHERE pmid = $1 AND version = $3 AND deleted = 0"
    " AND databanks IS DISTINCT FROM $2",
    [S_KEYLOCK] = "SELECT pg_advisory_xact_lock($1::bigint)",
    [S_ROWLOCK] = "SELECT 1 FROM article WHERE pmid = $1 FOR UPDATE",
    [S_UPSERT_PMC] = UPSERT_SQL(" AND a.pubmed_version IS NULL"),
    [S_PMC_VERSION] = "SELECT version FROM article_pmc WHERE pmid = $1",
    [S_PMC_FIND] = "SELECT 1 FROM article_pmc WHERE pmid = $1",
    [S_SEEN] = "SELECT 1 FROM source_file WHERE md5 = $1",
    [S_FILE_ADD] =
    "INSERT INTO source_file(name, md5, records, imported_at) VALUES ($1, $2, $3, " NOW_UTC ")"
    " ON CONFLICT(md5) DO UPDATE SET name = excluded.name, records = excluded.records,"
    " imported_at = excluded.imported_at",
    [S_WM_GET] = "SELECT watermark FROM fetch_state WHERE query = $1",
    [S_WM_SET] =
    "INSERT INTO fetch_state(query, watermark, updated_at) VALUES ($1, $2, " NOW_UTC ")"
    " ON CONFLICT(query) DO UPDATE SET watermark = excluded.watermark,"
    " updated_at = excluded.updated_at",
    /* keyset pages: the callback may use the connection between pages */
    [S_EACH] = "SELECT " ARTICLE_COLS " FROM article WHERE deleted = 0 AND pmid > $1"
               " ORDER BY pmid LIMIT 500",
    [S_GET] = "SELECT " ARTICLE_COLS " FROM article WHERE pmid = $1",
    [S_GET_PMCID] = "SELECT " ARTICLE_COLS " FROM article WHERE pmcid = 'PMC' || $1"
                    " ORDER BY deleted, pmid LIMIT 1",
    [S_XDEL] = "DELETE FROM extraction WHERE pmid = $1",
    [S_XINS] = NULL,    /* built from LM_EXTRACTION_COLUMNS (xins_sql) */
    [S_XSTATE] =
    "INSERT INTO extract_state(pmid, record_md5, extractor_version) VALUES ($1, $2, $3)"
    " ON CONFLICT(pmid) DO UPDATE SET record_md5 = excluded.record_md5,"
    " extractor_version = excluded.extractor_version",
    [S_PENDING] = "SELECT a.pmid" PENDING_WHERE " AND a.pmid > $2 ORDER BY a.pmid LIMIT $3",
};

/* "INSERT INTO extraction(pmid, kind, ...) VALUES ($1, $2, ...)". */
static void xins_sql(char *sql, size_t cap)
{
    int n = snprintf(sql, cap, "INSERT INTO extraction(pmid" LM_EXTRACTION_COLUMNS(XC_NAME)
                     ") VALUES ($1");
    int i;

    for (i = 0; i < LM_XC_COUNT && n > 0 && (size_t)n < cap; i++)
        n += snprintf(sql + n, cap - (size_t)n, ", $%d", i + 2);
    if (n > 0 && (size_t)n < cap)
        snprintf(sql + n, cap - (size_t)n, ")");
}

/* The first line of a libpq message (they end in "\n", some have DETAIL
 * lines). */
static void first_line(char *dst, size_t cap, const char *s)
{
    size_t n = s ? strcspn(s, "\n") : 0;

    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s ? s : "", n);
    dst[n] = '\0';
}

/* Sets c->msg from @res (or the connection) and maps the SQLSTATE: a lock
 * wait given up, a deadlock and a serialization failure are
 * LM_ERR_DB_BUSY (the last two also set c->conflict: running the
 * transaction again can succeed), the rest LM_ERR_DB (the server gone, no
 * privilege, a full disk...).  @table, when known, is named. */
static lm_err pg_fail_in(lm_corpus *c, const PGresult *res, const char *table,
                         const char *what)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *text = res ? PQresultErrorMessage(res) : NULL;
    char line[512];

    if ((!text || !*text) && P(c) && P(c)->conn)
        text = PQerrorMessage(P(c)->conn);
    first_line(line, sizeof line, text);
    if (!*line)
        snprintf(line, sizeof line, "the server closed the connection");
    if (table)
        lm_msg_set(c->msg, sizeof c->msg, "%s: table %s: %s: %s", c->target, table, what, line);
    else
        lm_msg_set(c->msg, sizeof c->msg, "%s: %s: %s", c->target, what, line);
    if (state && (!strcmp(state, "40P01") || !strcmp(state, "40001"))) {
        c->conflict = 1;
        return LM_ERR_DB_BUSY;
    }
    if (state && !strcmp(state, "55P03"))
        return LM_ERR_DB_BUSY;
    return LM_ERR_DB;
}

static lm_err pg_fail(lm_corpus *c, const PGresult *res, const char *what)
{
    return pg_fail_in(c, res, NULL, what);
}

static int res_ok(const PGresult *res)
{
    ExecStatusType st = PQresultStatus(res);
    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

static lm_err exec(lm_corpus *c, const char *sql, const char *what)
{
    PGresult *res = PQexec(P(c)->conn, sql);
    lm_err rc = res_ok(res) ? LM_OK : pg_fail(c, res, what);

    PQclear(res);
    return rc;
}

/* Prepares statement @s on this connection unless it was. */
static lm_err prepare(lm_corpus *c, int s, const char *what)
{
    struct pg *p = P(c);
    char name[16], sql[1024];
    PGresult *res;
    lm_err rc = LM_OK;

    if (s >= S_BATCH_LOCK || p->prepared & ((uint64_t)1 << s))
        return LM_OK;
    snprintf(name, sizeof name, "s%d", s);
    if (s == S_XINS)
        xins_sql(sql, sizeof sql);
    res = PQprepare(p->conn, name, s == S_XINS ? sql : stmt_sql[s], 0, NULL);
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        rc = pg_fail(c, res, what);
    else
        p->prepared |= (uint64_t)1 << s;
    PQclear(res);
    return rc;
}

/* One statement of a pipeline: its parameters in, its result out. */
struct step {
    int stmt, n;
    const char *const *vals;
    const int *lens, *fmts;     /* NULL: all text; else per parameter (binary ones' lengths) */
    PGresult *res;
};

static void steps_clear(struct step *st, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        PQclear(st[i].res);
        st[i].res = NULL;
    }
}

/* libpq's pipeline mode: statements sent at once and their results read
 * after, one round trip to the server instead of one each.  On a loaded
 * host a round trip costs a wake-up of the server process and of ours,
 * which dominates an import that waits for each statement.
 * pipeline_open() prepares the statements of @st and enters the mode;
 * pipeline_send() sends statements and flushes them, so the server works
 * on them while we go on (more may be sent after); pipeline_close() ends
 * with a sync and reads the results of the @sent statements sent.  After
 * an error the server skips the rest (the transaction is aborted anyway);
 * the first error is the one reported (@rc if set: an error of ours while
 * the pipeline was open), and then every result is cleared. */
static lm_err pipeline_open(lm_corpus *c, const struct step *st, int n, const char *what)
{
    lm_err rc;
    int i;

    for (i = 0; i < n; i++)
        if ((rc = prepare(c, st[i].stmt, what)))
            return rc;
    return PQenterPipelineMode(P(c)->conn) ? LM_OK : pg_fail(c, NULL, what);
}

static lm_err pipeline_send(lm_corpus *c, const struct step *st, int n, int *sent,
                            const char *what)
{
    PGconn *conn = P(c)->conn;
    char name[8];
    int i;

    for (i = 0; i < n; i++, ++*sent) {
        int ok;

        snprintf(name, sizeof name, "s%d", st[i].stmt);
        if (st[i].stmt >= S_BATCH_LOCK)
            ok = PQsendQueryParams(conn, stmt_sql[st[i].stmt], st[i].n, NULL, st[i].vals,
                                   st[i].lens, st[i].fmts, 0);
        else
            ok = PQsendQueryPrepared(conn, name, st[i].n, st[i].vals, st[i].lens, st[i].fmts,
                                     0);
        if (!ok)
            return pg_fail(c, NULL, what);
    }
    return PQflush(conn) ? pg_fail(c, NULL, what) : LM_OK;
}

static lm_err pipeline_close(lm_corpus *c, struct step *st, int sent, lm_err rc,
                             const char *what)
{
    PGconn *conn = P(c)->conn;
    PGresult *res;
    int i;

    if (!PQpipelineSync(conn)) {
        if (!rc)
            rc = pg_fail(c, NULL, what);
        PQexitPipelineMode(conn);
        return rc;
    }
    for (i = 0; i < sent; i++) {
        st[i].res = PQgetResult(conn);
        if (!st[i].res)
            break;
        if (!res_ok(st[i].res) && !rc)
            rc = PQresultStatus(st[i].res) == PGRES_PIPELINE_ABORTED ? LM_ERR_DB
                 : pg_fail(c, st[i].res, what);
        while ((res = PQgetResult(conn)))   /* the NULL that ends each result */
            PQclear(res);
    }
    /* the sync point */
    while ((res = PQgetResult(conn))) {
        ExecStatusType t = PQresultStatus(res);
        PQclear(res);
        if (t == PGRES_PIPELINE_SYNC)
            break;
    }
    if (!PQexitPipelineMode(conn) && !rc)
        rc = pg_fail(c, NULL, what);
    if (i < sent && !rc)
        rc = pg_fail(c, NULL, what);
    if (rc)
        steps_clear(st, sent);
    return rc;
}

/* The @n statements of @st in one pipeline. */
static lm_err pipeline(lm_corpus *c, struct step *st, int n, const char *what)
{
    int sent = 0;
    lm_err rc = pipeline_open(c, st, n, what);

    if (rc)
        return rc;
    rc = pipeline_send(c, st, n, &sent, what);
    return pipeline_close(c, st, sent, rc, what);
}

/* Runs statement @s with @n parameters (NULL is SQL NULL), in the
 * formats @fmts gives with the lengths @lens (NULL: all text).  Returns
 * the result (PQclear() it), or NULL with c->msg set and *rc the error. */
static PGresult *run_fmt(lm_corpus *c, int s, int n, const char *const *vals, const int *lens,
                         const int *fmts, const char *what, lm_err *rc)
{
    struct pg *p = P(c);
    char name[8];
    PGresult *res;

    snprintf(name, sizeof name, "s%d", s);
    if ((*rc = prepare(c, s, what)))
        return NULL;
    res = PQexecPrepared(p->conn, name, n, vals, lens, fmts, 0);
    if (!res_ok(res)) {
        *rc = pg_fail(c, res, what);
        PQclear(res);
        return NULL;
    }
    *rc = LM_OK;
    return res;
}

static PGresult *run(lm_corpus *c, int s, int n, const char *const *vals, const char *what,
                     lm_err *rc)
{
    return run_fmt(c, s, n, vals, NULL, NULL, what, rc);
}

/* Same, for a statement whose rows are not read: *changed gets whether it
 * touched a row, when not NULL. */
static lm_err run_cmd_fmt(lm_corpus *c, int s, int n, const char *const *vals, const int *lens,
                          const int *fmts, const char *what, int *changed)
{
    lm_err rc;
    PGresult *res = run_fmt(c, s, n, vals, lens, fmts, what, &rc);

    if (!res)
        return rc;
    if (changed)
        *changed = atoi(PQcmdTuples(res)) != 0;
    PQclear(res);
    return LM_OK;
}

static lm_err run_cmd(lm_corpus *c, int s, int n, const char *const *vals, const char *what,
                      int *changed)
{
    return run_cmd_fmt(c, s, n, vals, NULL, NULL, what, changed);
}

/* One number read with a query of its own. */
static lm_err query_u64(lm_corpus *c, const char *sql, const char *table, const char *what,
                        uint64_t *n)
{
    PGresult *res = PQexec(P(c)->conn, sql);
    lm_err rc = LM_OK;

    *n = 0;
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        rc = pg_fail_in(c, res, table, what);
    else if (PQntuples(res) && !PQgetisnull(res, 0, 0))
        *n = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return rc;
}

/* libpq prints server notices to stderr; the library never prints. */
static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* ---- opening and the schema ----------------------------------------------- */

/* The schema version, 0 when the database has no litmine schema; *tables
 * counts the tables in the schema litmine would use. */
static lm_err read_version(lm_corpus *c, int *v, int *tables)
{
    PGresult *res;
    lm_err rc = LM_OK;

    *v = 0;
    *tables = 0;
    res = PQexec(P(c)->conn, "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname ="
                 " current_schema()), to_regclass('litmine_schema') IS NOT NULL,"
                 " to_regclass('article') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                 " pg_attribute WHERE attrelid = to_regclass('article') AND attname = 'ntok'"
                 " AND NOT attisdropped)");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = pg_fail(c, res, "cannot read the database");
        PQclear(res);
        return rc;
    }
    *tables = atoi(PQgetvalue(res, 0, 0));
    P(c)->no_ntok = !strcmp(PQgetvalue(res, 0, 2), "t");
    if (strcmp(PQgetvalue(res, 0, 1), "t")) {
        PQclear(res);
        return LM_OK;
    }
    PQclear(res);
    res = PQexec(P(c)->conn, "SELECT max(version) FROM litmine_schema");
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        rc = pg_fail_in(c, res, "litmine_schema", "cannot read the schema version");
    else if (!PQgetisnull(res, 0, 0))
        *v = atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    return rc;
}

static lm_err foreign(lm_corpus *c)
{
    lm_msg_set(c->msg, sizeof c->msg, "%s: not a litmine corpus (a database with other "
               "tables)", c->target);
    return LM_ERR_SCHEMA;
}

static lm_err pg_schema_version(lm_corpus *c, int *v)
{
    int tables;
    lm_err rc;

    if ((rc = read_version(c, v, &tables)))
        return rc;
    if (*v == 0 && tables)
        return foreign(c);
    if (P(c)->no_ntok && (c->flags & LM_CORPUS_READONLY)) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: the corpus was made by an older litmine: run "
                   "'litmine import' once to upgrade it", c->target);
        return LM_ERR_SCHEMA;
    }
    return LM_OK;
}

/* Keyset pages of the upgrade below. */
#define NTOK_PAGE 1000

/* Schema version 5 as the first release made it has no article.ntok: the
 * column is added, and every row's word count computed from its title and
 * abstract as a write computes it (the tsvector cannot give it: it keeps
 * 256 positions of a word at most).  Runs inside the schema transaction. */
static lm_err add_ntok(lm_corpus *c)
{
    static const char page_sql[] = "SELECT pmid, title, abstract FROM article WHERE pmid > $1"
                                   " ORDER BY pmid LIMIT 1000";   /* NTOK_PAGE */
    lm_buf keys = {0}, counts = {0}, tsv = {0};
    char after[24] = "-9223372036854775808";
    const char *vals[2];
    PGresult *res = NULL, *up;
    lm_err rc;
    int i, n;

    if ((rc = exec(c, "ALTER TABLE article ADD COLUMN ntok INTEGER NOT NULL DEFAULT 0",
                   "cannot upgrade the schema")))
        return rc;
    do {
        vals[0] = after;
        res = PQexecParams(P(c)->conn, page_sql, 1, NULL, vals, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = pg_fail(c, res, "cannot upgrade the schema");
            break;
        }
        n = PQntuples(res);
        lm_buf_clear(&keys);
        lm_buf_clear(&counts);
        for (i = 0; i < n && !rc; i++) {
            unsigned ntok = 0;

            rc = corpus_pg_tsvector(PQgetvalue(res, i, 1), PQgetvalue(res, i, 2), &tsv, &ntok);
            if (!rc)
                rc = lm_buf_printf(&keys, "%s%s", i ? "," : "{", PQgetvalue(res, i, 0));
            if (!rc)
                rc = lm_buf_printf(&counts, "%s%u", i ? "," : "{", ntok);
        }
        if (!rc && n) {
            snprintf(after, sizeof after, "%s", PQgetvalue(res, n - 1, 0));
            if (!(rc = lm_buf_puts(&keys, "}")) && !(rc = lm_buf_puts(&counts, "}"))) {
                vals[0] = lm_buf_str(&keys);
                vals[1] = lm_buf_str(&counts);
                up = PQexecParams(P(c)->conn, "UPDATE article a SET ntok = u.n FROM"
                                  " unnest($1::bigint[], $2::integer[]) u(k, n)"
                                  " WHERE a.pmid = u.k", 2, NULL, vals, NULL, NULL, 0);
                if (!res_ok(up))
                    rc = pg_fail(c, up, "cannot upgrade the schema");
                PQclear(up);
            }
        }
        PQclear(res);
        res = NULL;
    } while (!rc && n == NTOK_PAGE);
    PQclear(res);
    lm_buf_free(&keys);
    lm_buf_free(&counts);
    lm_buf_free(&tsv);
    return rc;
}

/* Creates the schema under the schema lock, unless another process did it
 * meanwhile (two first imports on two hosts). */
static lm_err pg_migrate(lm_corpus *c, int from)
{
    char sql[96];
    int v, tables;
    lm_err rc;

    if (from >= CORPUS_SCHEMA_VERSION && !P(c)->no_ntok)
        return LM_OK;
    if ((rc = exec(c, "BEGIN", "cannot start the schema migration")))
        return rc;
    if ((rc = exec(c, "SELECT pg_advisory_xact_lock(" LOCK_SCHEMA ")",
                   "cannot lock the schema")) ||
        (rc = read_version(c, &v, &tables)))
        goto fail;
    if (v == 0 && tables) {
        rc = foreign(c);
        goto fail;
    }
    if (v == 0) {
        snprintf(sql, sizeof sql, "INSERT INTO litmine_schema VALUES (%d)",
                 CORPUS_SCHEMA_VERSION);
        if ((rc = exec(c, schema_v5, "cannot create the schema")) ||
            (rc = exec(c, sql, "cannot set the schema version")))
            goto fail;
    } else if (P(c)->no_ntok && (rc = add_ntok(c))) {
        goto fail;
    }
    if ((rc = exec(c, "COMMIT", "cannot commit the schema")))
        goto fail;
    P(c)->no_ntok = 0;
    return LM_OK;
fail:
    PQclear(PQexec(P(c)->conn, "ROLLBACK"));
    return rc;
}

static lm_err pg_open(lm_corpus *c)
{
    /* application_name names the holder in the run lock's message */
    const char *keys[] = { "dbname", "application_name", "client_encoding", NULL };
    const char *vals[4];
    char app[128], host[64];
    struct pg *p;
    int v, tables;
    lm_err rc;

    if (!(c->impl = p = calloc(1, sizeof *p)))
        return LM_ERR_NOMEM;
    lm_record_init(&p->other);
    if (gethostname(host, sizeof host))
        snprintf(host, sizeof host, "unknown");
    host[sizeof host - 1] = '\0';
    snprintf(app, sizeof app, "litmine pid %ld on %s", (long)getpid(), host);
    vals[0] = c->target;
    vals[1] = app;
    vals[2] = "UTF8";
    vals[3] = NULL;
    /* expand_dbname: libpq parses the URL itself (?host=/socket/dir and
     * all, a password from ~/.pgpass or PGPASSWORD when it has none) */
    p->conn = PQconnectdbParams(keys, vals, 1);
    /* from here on the target is only for messages: no password in it */
    corpus_pg_display(c->target, c->target, strlen(c->target) + 1);
    if (!p->conn)
        return LM_ERR_NOMEM;
    if (PQstatus(p->conn) != CONNECTION_OK)
        return pg_fail(c, NULL, "cannot connect");
    PQsetNoticeProcessor(p->conn, quiet, NULL);
    if ((rc = exec(c, "SET client_min_messages = warning", "cannot set up the session")))
        return rc;
    /* the text and tsvectors this session stores compressed with lz4, a
     * third of pglz's cost to the server (a server before 14, or built
     * without lz4, keeps its default) */
    if (!(c->flags & LM_CORPUS_READONLY))
        PQclear(PQexec(p->conn, "SET default_toast_compression = lz4"));
    if (!(c->flags & (LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST)))
        return LM_OK;
    /* a database that exists but holds no corpus: what a missing SQLite
     * file is */
    if ((rc = read_version(c, &v, &tables)))
        return rc;
    if (v == 0 && !tables) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: no corpus here (import some records first, "
                   "or give --db)", c->target);
        return LM_ERR_DB;
    }
    return LM_OK;
}

static void pg_rollback(lm_corpus *c);
static void batch_free(struct batch *b);

static void pg_close(lm_corpus *c)
{
    struct pg *p = P(c);

    if (!p)
        return;
    if (c->in_txn)
        pg_rollback(c);
    PQfinish(p->conn);      /* the session ends: the server drops the run lock */
    lm_record_free(&p->other);
    lm_buf_free(&p->tsv);
    batch_free(p->batch);
    EVP_MD_CTX_free(p->md);
    free(p);
    c->impl = NULL;
}

/* ---- transactions -------------------------------------------------------- */

static void pg_read_end(lm_corpus *c);

static lm_err pg_begin(lm_corpus *c)
{
    /* Two imports lock the rows of the PMIDs they share batch by batch, in
     * file order: they may deadlock, and the server then fails one.  Its
     * file is imported again (import.c) alone, after the transactions
     * open now: it cannot deadlock again. */
    const char *gate = c->conflict ? "SELECT pg_advisory_xact_lock(" LOCK_WRITE ")"
                                   : "SELECT pg_advisory_xact_lock_shared(" LOCK_WRITE ")";
    uint64_t any = 1;
    lm_err rc;

    c->conflict = 0;
    if (P(c)->in_read)
        pg_read_end(c);
    if ((rc = exec(c, "BEGIN", "cannot start a transaction")))
        return rc;
    if ((rc = exec(c, gate, "cannot start a transaction"))) {
        pg_rollback(c);
        return rc;
    }
    if ((rc = query_u64(c, "SELECT (EXISTS (SELECT 1 FROM article_pmc))::int", "article_pmc",
                        "cannot start a transaction", &any))) {
        pg_rollback(c);
        return rc;
    }
    P(c)->pmc_any = any != 0;
    return LM_OK;
}

static lm_err pg_commit(lm_corpus *c)
{
    PGresult *res = PQexec(P(c)->conn, "COMMIT");
    lm_err rc = LM_OK;

    /* COMMIT of a failed transaction "succeeds" as a ROLLBACK: read the tag */
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        rc = pg_fail(c, res, "cannot commit");
        PQclear(PQexec(P(c)->conn, "ROLLBACK"));
    } else if (strcmp(PQcmdStatus(res), "COMMIT")) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: cannot commit: the transaction was rolled "
                   "back", c->target);
        rc = LM_ERR_DB;
    }
    PQclear(res);
    /* GIN's fast update keeps new entries in a pending list that every
     * search reads through, unindexed, until vacuum merges it: after a
     * file, merge it now, so that searches (a check asks hundreds) do not
     * pay for it.  Only the table's owner may; others leave it to
     * autovacuum. */
    if (!rc && P(c)->wrote)
        PQclear(PQexec(P(c)->conn, "SELECT gin_clean_pending_list('article_fts'::regclass)"
                       " WHERE pg_has_role((SELECT relowner FROM pg_class WHERE oid ="
                       " 'article_fts'::regclass), 'USAGE')"));
    P(c)->wrote = 0;
    return rc;
}

static void pg_rollback(lm_corpus *c)
{
    P(c)->wrote = 0;
    PQclear(PQexec(P(c)->conn, "ROLLBACK"));
}

static lm_err pg_read_begin(lm_corpus *c)
{
    lm_err rc;

    if (P(c)->in_read)
        return LM_OK;
    if ((rc = exec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                   "cannot start reading")))
        return rc;
    P(c)->in_read = 1;
    return LM_OK;
}

static void pg_read_end(lm_corpus *c)
{
    if (!P(c)->in_read)
        return;
    PQclear(PQexec(P(c)->conn, "COMMIT"));
    P(c)->in_read = 0;
    P(c)->totals = 0;
}

/* ---- merging the sources of one article ------------------------------------ */

/* The view's fields as text parameters from slot @first, in FIELD_COLS
 * order (NULL for empty ones); @yearbuf holds the year's digits. */
static void params_view(const char **vals, int first, const struct corpus_view *v, char *yearbuf)
{
    int f;

    for (f = 0; f < NFIELD; f++) {
        if (f == F_YEAR) {
            snprintf(yearbuf, 16, "%d", v->year);
            vals[first + f] = v->year ? yearbuf : NULL;
        } else {
            vals[first + f] = v->n[f] ? v->s[f] : NULL;
        }
    }
}

/* Copies the ten FIELD_COLS columns of row 0 of @res from column @first
 * into @o, leaving out those in @skip. */
static lm_err copy_cols(const PGresult *res, int first, unsigned skip, lm_record *o)
{
    int f;

    lm_record_clear(o);
    for (f = 0; f < NFIELD; f++) {
        if (skip & PMC_BIT(f) || PQgetisnull(res, 0, first + f))
            continue;
        if (f == F_YEAR) {
            o->year = atoi(PQgetvalue(res, 0, first + f));
            continue;
        }
        if (lm_buf_append(corpus_rec_field(o, f), PQgetvalue(res, 0, first + f),
                          (size_t)PQgetlength(res, 0, first + f)))
            return LM_ERR_NOMEM;
    }
    return LM_OK;
}

/* ---- writes -------------------------------------------------------------- */

/* Until this transaction ends no other writer reads or merges the row of
 * @key: the second of two imports meeting on a PMID waits, then reads the
 * first's committed row, so a merge never misses the other source. */
static lm_err key_lock(lm_corpus *c, int64_t key)
{
    char k[24];
    const char *vals[1] = { k };

    snprintf(k, sizeof k, "%lld", (long long)key);
    return run_cmd(c, S_KEYLOCK, 1, vals, "cannot lock a record", NULL);
}

/* Locks the article row of @key, if there is one, until the transaction
 * ends: a row lock (kept in the row, so a file of any size holds as many
 * as it likes), and a concurrent writer's committed row is what the next
 * statement reads.  A row not there yet is claimed by the insert that
 * makes it; the upserts' guards and the callers' re-reads cover another
 * writer making it first. */
static lm_err row_lock(lm_corpus *c, int64_t key)
{
    char k[24];
    const char *vals[1] = { k };

    snprintf(k, sizeof k, "%lld", (long long)key);
    return run_cmd(c, S_ROWLOCK, 1, vals, "cannot lock a record", NULL);
}

/* Tells an older version (0) from an identical replay (3). */
static lm_err unchanged_or_older(lm_corpus *c, int stmt, int64_t key, int version,
                                 int *outcome)
{
    char k[24];
    const char *vals[1] = { k };
    PGresult *res;
    lm_err rc;

    snprintf(k, sizeof k, "%lld", (long long)key);
    if (!(res = run(c, stmt, 1, vals, "cannot read a stored article", &rc)))
        return rc;
    if (PQntuples(res) && atoi(PQgetvalue(res, 0, 0)) == version)
        *outcome = 3;
    PQclear(res);
    return LM_OK;
}

/* The upsert's parameters, and the text they point into. */
struct upsert_args {
    char k[24], ver[16], year[16], md5[33], pmver[16], b[16], pm_md5[33], ntok[16];
    const char *vals[20];
    int lens[20];
};

/* The upsert's parameter formats: the tsvector ($19) binary, the rest
 * text; the merge's ($15) likewise. */
static const int upsert_fmts[20] = { [18] = 1 };
static const int merge_fmts[16] = { [14] = 1 };

static lm_err upsert_args(lm_corpus *c, struct upsert_args *u, lm_buf *tsv, int64_t key,
                          int version, const struct corpus_view *v, const char *source,
                          const char *pubmed_md5, unsigned bits)
{
    unsigned ntok = 0;
    lm_err rc;

    corpus_view_md5(&P(c)->md, v, u->md5);
    snprintf(u->k, sizeof u->k, "%lld", (long long)key);
    snprintf(u->ver, sizeof u->ver, "%d", version);
    snprintf(u->b, sizeof u->b, "%u", bits);
    u->vals[0] = u->k;
    u->vals[1] = u->ver;
    params_view(u->vals, 2, v, u->year);
    u->vals[12] = source;
    u->vals[13] = u->md5;
    u->vals[14] = c->now;
    if (pubmed_md5) {
        snprintf(u->pmver, sizeof u->pmver, "%d", version);
        u->vals[15] = u->pmver;
        snprintf(u->pm_md5, sizeof u->pm_md5, "%s", pubmed_md5);
        u->vals[16] = u->pm_md5;
    } else {
        u->vals[15] = u->vals[16] = NULL;
    }
    u->vals[17] = u->b;
    rc = corpus_pg_tsvector_bin(v->s[F_TITLE], v->s[F_ABSTRACT], tsv, &ntok);
    u->vals[18] = tsv->s;
    u->lens[18] = (int)tsv->len;
    snprintf(u->ntok, sizeof u->ntok, "%u", ntok);
    u->vals[19] = u->ntok;
    return rc;
}

static lm_err upsert_stmt(lm_corpus *c, int stmt, int64_t key, int version,
                          const struct corpus_view *v, const char *source,
                          const char *pubmed_md5, unsigned bits, int *changed)
{
    struct upsert_args u;
    lm_err rc;

    if ((rc = upsert_args(c, &u, &P(c)->tsv, key, version, v, source, pubmed_md5, bits)))
        return rc;
    return run_cmd_fmt(c, stmt, 20, u.vals, u.lens, upsert_fmts, "cannot store a record",
                       changed);
}

static lm_err upsert(lm_corpus *c, int64_t key, int version, const struct corpus_view *v,
                     const char *source, const char *pubmed_md5, unsigned bits, int *changed)
{
    return upsert_stmt(c, S_UPSERT, key, version, v, source, pubmed_md5, bits, changed);
}

static lm_err put_databanks(lm_corpus *c, const lm_record *r)
{
    char k[24], ver[16];
    const char *vals[3] = { k, r->databanks.len ? lm_buf_str(&r->databanks) : NULL, ver };

    if (r->source && strcmp(r->source, "pubmed"))
        return LM_OK;
    snprintf(k, sizeof k, "%lld", (long long)r->pmid);
    snprintf(ver, sizeof ver, "%d", r->version);
    return run_cmd(c, S_DATABANKS, 3, vals, "cannot store a record's DataBankList", NULL);
}

/* A record with both a PMID and a PMCID supersedes an article stored under
 * that PMCID alone (sqlite.c's adopt_pmcid_row). */
static lm_err adopt_pmcid_row(lm_corpus *c, const lm_record *r)
{
    int64_t n = corpus_pmc_number(lm_buf_str(&r->pmcid));
    char sql[400], k[24];
    const char *vals[1] = { k };
    PGresult *res;
    int found;
    lm_err rc;

    if (!n)
        return LM_OK;
    if ((rc = key_lock(c, -n)))
        return rc;
    snprintf(k, sizeof k, "%lld", (long long)-n);
    if (!(res = run(c, S_PMC_FIND, 1, vals, "cannot read the corpus", &rc)))
        return rc;
    found = PQntuples(res) > 0;
    PQclear(res);
    if (!found)
        return LM_OK;
    snprintf(sql, sizeof sql,
             "UPDATE article_pmc SET pmid = %lld WHERE pmid = %lld"
             " AND NOT EXISTS (SELECT 1 FROM article_pmc WHERE pmid = %lld);"
             "DELETE FROM article_pmc WHERE pmid = %lld;"
             "DELETE FROM article WHERE pmid = %lld;",
             (long long)r->pmid, (long long)-n, (long long)r->pmid, (long long)-n,
             (long long)-n);
    return exec(c, sql, "cannot move an article stored under its PMCID");
}

static lm_err put_pubmed_merged(lm_corpus *c, const lm_record *r, int *outcome);

/* PubMed records, up to PG_BATCH in one round trip of three statements
 * over the whole batch: each parameter one column of the records, an
 * array in the server's binary form (no text to escape or parse, one
 * executor start per batch instead of three per record).  The rows are
 * locked in key order, then stored under the version rule unless they
 * hold a PMC article, then the DataBankList of those not stored is set.
 * Only a record whose row holds a PMC article (rare: most have none) is
 * then read and merged, by the merged path.  A record whose PMCID may
 * have an article stored under it alone takes the merged path from the
 * start. */
#define PG_BATCH 128
#define PG_GROUP 64
#define PG_GROUPS (PG_BATCH / PG_GROUP)

/* The columns of a batch, S_BATCH_UPSERT's parameters $1..$16 ($17 is
 * the transaction's updated_at). */
enum { B_KEY, B_VERSION, B_FIELD, B_MD5 = B_FIELD + NFIELD, B_TSV, B_NTOK, B_DATABANKS, NCOL };

/* Element types of the arrays (pg_type.dat's fixed OIDs). */
#define OID_INT8 20u
#define OID_INT4 23u
#define OID_TEXT 25u
#define OID_TSVECTOR 3614u

struct batch_key { int64_t key; size_t i; };

struct batch {
    lm_buf col[NCOL];
    struct batch_key ord[PG_BATCH];     /* the records by key */
    int stored[PG_BATCH], prior[PG_BATCH], prior_version[PG_BATCH], merged[PG_BATCH];
};

static void batch_free(struct batch *b)
{
    size_t i;

    if (!b)
        return;
    for (i = 0; i < NCOL; i++)
        lm_buf_free(&b->col[i]);
    free(b);
}

static lm_err put_u32(lm_buf *a, uint32_t v)
{
    char b[4] = { (char)(v >> 24), (char)(v >> 16 & 0xff), (char)(v >> 8 & 0xff),
                  (char)(v & 0xff) };

    return lm_buf_append(a, b, 4);
}

/* An empty one-dimensional array of @oid (array_recv's form: dimensions,
 * flags, element type, then each dimension's size and lower bound); its
 * size is set by arr_end(). */
static lm_err arr_start(lm_buf *a, uint32_t oid)
{
    lm_err rc;

    lm_buf_clear(a);
    if ((rc = put_u32(a, 1)) || (rc = put_u32(a, 0)) || (rc = put_u32(a, oid)) ||
        (rc = put_u32(a, 0)))
        return rc;
    return put_u32(a, 1);
}

static void arr_end(lm_buf *a, size_t n)
{
    a->s[12] = (char)(n >> 24);
    a->s[13] = (char)(n >> 16 & 0xff);
    a->s[14] = (char)(n >> 8 & 0xff);
    a->s[15] = (char)(n & 0xff);
}

/* One element: @n bytes of its binary form, NULL when @p is NULL. */
static lm_err arr_add(lm_buf *a, const char *p, size_t n)
{
    lm_err rc;

    if (!p)
        return put_u32(a, 0xffffffffu);
    if ((rc = put_u32(a, (uint32_t)n)))
        return rc;
    return n ? lm_buf_append(a, p, n) : LM_OK;
}

static lm_err arr_int4(lm_buf *a, int v)
{
    lm_err rc = put_u32(a, 4);

    return rc ? rc : put_u32(a, (uint32_t)v);
}

static lm_err arr_int8(lm_buf *a, int64_t v)
{
    lm_err rc = put_u32(a, 8);

    if (!rc)
        rc = put_u32(a, (uint32_t)((uint64_t)v >> 32));
    return rc ? rc : put_u32(a, (uint32_t)((uint64_t)v & 0xffffffffu));
}

static int key_cmp(const void *x, const void *y)
{
    int64_t a = ((const struct batch_key *)x)->key, b = ((const struct batch_key *)y)->key;

    return a < b ? -1 : a > b;
}

/* The batch index of the record of the key in row @row of @res, -1 if none. */
static long batch_find(const struct batch *b, size_t n, const PGresult *res, int row)
{
    struct batch_key k = { strtoll(PQgetvalue(res, row, 0), NULL, 10), 0 }, *f;

    f = bsearch(&k, b->ord, n, sizeof *b->ord, key_cmp);
    return f ? (long)f->i : -1;
}

/* 1 when @r may go in a batch. */
static int batchable(lm_corpus *c, const lm_record *r)
{
    return r->kind == LM_REC_ARTICLE && (!r->source || !strcmp(r->source, "pubmed")) &&
           !(P(c)->pmc_any && r->pmcid.len);
}

/* Appends record @r to the columns of @b. */
static lm_err batch_add(lm_corpus *c, struct batch *b, const lm_record *r)
{
    struct corpus_view pm;
    char md5[33];
    unsigned ntok = 0;
    int f;
    lm_err rc;

    corpus_view_of(r, &pm);
    corpus_view_md5(&P(c)->md, &pm, md5);
    if ((rc = arr_int8(&b->col[B_KEY], r->pmid)) ||
        (rc = arr_int4(&b->col[B_VERSION], r->version)))
        return rc;
    for (f = 0; f < NFIELD && !rc; f++) {
        lm_buf *a = &b->col[B_FIELD + f];

        if (f == F_YEAR)
            rc = pm.year ? arr_int4(a, pm.year) : arr_add(a, NULL, 0);
        else
            rc = arr_add(a, pm.n[f] ? pm.s[f] : NULL, pm.n[f]);
    }
    if (rc || (rc = arr_add(&b->col[B_MD5], md5, 32)) ||
        (rc = corpus_pg_tsvector_bin(pm.s[F_TITLE], pm.s[F_ABSTRACT], &P(c)->tsv, &ntok)) ||
        (rc = arr_add(&b->col[B_TSV], P(c)->tsv.s, P(c)->tsv.len)) ||
        (rc = arr_int4(&b->col[B_NTOK], (int)ntok)))
        return rc;
    return arr_add(&b->col[B_DATABANKS], r->databanks.len ? r->databanks.s : NULL,
                   r->databanks.len);
}

/* Builds the columns of the @n records of @r and sends the three
 * statements over them (*sent counts them). */
static lm_err group_send(lm_corpus *c, struct batch *b, const lm_record *const *r, size_t n,
                         struct step *st, int *sent)
{
    static const uint32_t oid[NCOL] = {
        OID_INT8, OID_INT4, OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT, OID_INT4,
        OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT, OID_TSVECTOR, OID_INT4, OID_TEXT
    };
    static const int fmts[NCOL + 1] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 };
    const char *vals[NCOL + 1], *dbvals[3];
    int lens[NCOL + 1], dblens[3], j;
    size_t i;
    lm_err rc = LM_OK;

    for (j = 0; j < NCOL && !rc; j++)
        rc = arr_start(&b->col[j], oid[j]);
    for (i = 0; i < n && !rc; i++)
        rc = batch_add(c, b, r[i]);
    if (rc)
        return rc;
    for (j = 0; j < NCOL; j++) {
        arr_end(&b->col[j], n);
        vals[j] = b->col[j].s;
        lens[j] = (int)b->col[j].len;
    }
    vals[NCOL] = c->now;
    lens[NCOL] = 0;
    dbvals[0] = vals[B_KEY], dbvals[1] = vals[B_VERSION], dbvals[2] = vals[B_DATABANKS];
    dblens[0] = lens[B_KEY], dblens[1] = lens[B_VERSION], dblens[2] = lens[B_DATABANKS];
    st[0].n = 1, st[0].vals = vals, st[0].lens = lens, st[0].fmts = fmts;
    st[1].n = NCOL + 1, st[1].vals = vals, st[1].lens = lens, st[1].fmts = fmts;
    st[2].n = 3, st[2].vals = dbvals, st[2].lens = dblens, st[2].fmts = fmts;
    /* libpq copies the parameters as it sends: the columns may be reused */
    return pipeline_send(c, st, 3, sent, "cannot store a record");
}

/* What a group's statements @st said of the @n records of the batch:
 * each row's state before, and which records were stored. */
static void group_read(struct batch *b, size_t n, const struct step *st)
{
    int j;

    for (j = 0; j < PQntuples(st[0].res); j++) {
        long k = batch_find(b, n, st[0].res, j);

        if (k < 0)
            continue;
        b->prior[k] = PQgetisnull(st[0].res, j, 2) ? 1
                      : strcmp(PQgetvalue(st[0].res, j, 2), "pubmed") ? 3 : 2;
        b->prior_version[k] = atoi(PQgetvalue(st[0].res, j, 1));
    }
    for (j = 0; j < PQntuples(st[1].res); j++) {
        long k = batch_find(b, n, st[1].res, j);

        if (k >= 0)
            b->stored[k] = 1;
    }
}

/* Stores the @n (<= PG_BATCH) batchable records of @r, of distinct keys,
 * in groups of PG_GROUP sent one after the other in one pipeline: the
 * server stores a group while the next one is built. */
static lm_err put_group(lm_corpus *c, const lm_record *const *r, size_t n, int *outcomes)
{
    struct batch *b = P(c)->batch;
    struct step st[3 * PG_GROUPS];
    size_t i, g, ng = (n + PG_GROUP - 1) / PG_GROUP;
    int sent = 0;
    lm_err rc;

    if (!b && !(b = P(c)->batch = calloc(1, sizeof *b)))
        return LM_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        b->ord[i].key = r[i]->pmid;
        b->ord[i].i = i;
        b->stored[i] = b->prior[i] = 0;
    }
    qsort(b->ord, n, sizeof *b->ord, key_cmp);
    memset(st, 0, sizeof st);
    for (g = 0; g < ng; g++) {
        st[3 * g].stmt = S_BATCH_LOCK;
        st[3 * g + 1].stmt = S_BATCH_UPSERT;
        st[3 * g + 2].stmt = S_BATCH_DATABANKS;
    }
    if ((rc = pipeline_open(c, st, 3, "cannot store a record")))
        return rc;
    for (g = 0; g < ng && !rc; g++)
        rc = group_send(c, b, r + g * PG_GROUP, n - g * PG_GROUP < PG_GROUP ? n - g * PG_GROUP
                        : PG_GROUP, st + 3 * g, &sent);
    if ((rc = pipeline_close(c, st, sent, rc, "cannot store a record")))
        return rc;
    for (g = 0; g < ng; g++)
        group_read(b, n, st + 3 * g);
    steps_clear(st, sent);
    for (i = 0; i < n; i++) {
        /* a row that holds a PMC article (3) is merged; so is one that was
         * not there to lock (0) and holds nothing of ours: another import
         * stored it meanwhile, maybe with a PMC article */
        b->merged[i] = b->prior[i] == 3 || (b->prior[i] < 2 && !b->stored[i]);
        outcomes[i] = b->stored[i] ? 1
                      : b->prior[i] && b->prior_version[i] == r[i]->version ? 3 : 0;
    }
    for (i = 0; i < n && !rc; i++)
        if (b->merged[i])
            rc = put_pubmed_merged(c, r[i], &outcomes[i]);
    return rc;
}

static lm_err put_pubmed(lm_corpus *c, const lm_record *r, int *outcome)
{
    if (!batchable(c, r))
        return put_pubmed_merged(c, r, outcome);
    return put_group(c, &r, 1, outcome);
}

/* A PubMed record, merged with the PMC article of its PMID if stored. */
static lm_err put_pubmed_merged(lm_corpus *c, const lm_record *r, int *outcome)
{
    struct corpus_view pm, pmc, v;
    char pm_md5[33], k[24];
    const char *vals[1] = { k };
    unsigned bits = 0;
    int has_pmc = 0, changed = 0;
    PGresult *res;
    lm_err rc;

    if ((rc = row_lock(c, r->pmid)))
        return rc;
    if (r->pmcid.len && (rc = adopt_pmcid_row(c, r)))
        return rc;
    corpus_view_of(r, &pm);
    v = pm;
    snprintf(k, sizeof k, "%lld", (long long)r->pmid);
    if (!(res = run(c, S_PMC_GET, 1, vals, "cannot read a PMC article", &rc)))
        return rc;
    if (PQntuples(res)) {
        has_pmc = 1;
        rc = copy_cols(res, 0, 0, &P(c)->other);
    }
    PQclear(res);
    if (rc)
        return rc;
    if (has_pmc) {
        corpus_view_of(&P(c)->other, &pmc);
        bits = corpus_merge(&pm, &pmc, &v);
    }
    corpus_view_md5(&P(c)->md, &pm, pm_md5);
    if ((rc = upsert(c, r->pmid, r->version, &v, has_pmc ? "pubmed+pmc" : "pubmed", pm_md5,
                     bits, &changed)) ||
        (rc = put_databanks(c, r)))
        return rc;
    *outcome = changed;
    if (!changed)
        return unchanged_or_older(c, S_VERSION, r->pmid, r->version, outcome);
    return LM_OK;
}

struct row_state { int exists, has_pubmed, deleted; };

static lm_err read_row(lm_corpus *c, int64_t key, struct row_state *rs)
{
    char k[24];
    const char *vals[1] = { k };
    PGresult *res;
    lm_err rc;

    memset(rs, 0, sizeof *rs);
    snprintf(k, sizeof k, "%lld", (long long)key);
    if (!(res = run(c, S_ART_GET, 1, vals, "cannot read a stored article", &rc)))
        return rc;
    if (PQntuples(res)) {
        rs->exists = 1;
        rs->has_pubmed = !PQgetisnull(res, 0, NFIELD);
        rs->deleted = atoi(PQgetvalue(res, 0, NFIELD + 2));
        if (rs->has_pubmed)
            rc = copy_cols(res, 0, (unsigned)atoi(PQgetvalue(res, 0, NFIELD + 1)),
                           &P(c)->other);
    }
    PQclear(res);
    return rc;
}

static lm_err put_pmc_row(lm_corpus *c, int64_t key, const lm_record *r,
                          const struct corpus_view *v, int *changed)
{
    char k[24], ver[16], year[16], md5[33];
    const char *vals[14];

    corpus_view_md5(&P(c)->md, v, md5);
    snprintf(k, sizeof k, "%lld", (long long)key);
    snprintf(ver, sizeof ver, "%d", r->version);
    vals[0] = k;
    params_view(vals, 1, v, year);
    vals[11] = ver;
    vals[12] = md5;
    vals[13] = c->now;
    return run_cmd(c, S_PMC_PUT, 14, vals, "cannot store a PMC article", changed);
}

static lm_err remerge(lm_corpus *c, int64_t key, const struct corpus_view *pmc)
{
    struct corpus_view pm, v;
    char k[24], year[16], md5[33], b[16], nt[16];
    const char *vals[16];
    int lens[16] = {0};
    unsigned bits, ntok = 0;
    lm_err rc;

    corpus_view_of(&P(c)->other, &pm);
    bits = corpus_merge(&pm, pmc, &v);
    corpus_view_md5(&P(c)->md, &v, md5);
    if ((rc = corpus_pg_tsvector_bin(v.s[F_TITLE], v.s[F_ABSTRACT], &P(c)->tsv, &ntok)))
        return rc;
    vals[14] = P(c)->tsv.s;
    lens[14] = (int)P(c)->tsv.len;
    snprintf(nt, sizeof nt, "%u", ntok);
    vals[15] = nt;
    snprintf(k, sizeof k, "%lld", (long long)key);
    snprintf(b, sizeof b, "%u", bits);
    vals[0] = k;
    params_view(vals, 1, &v, year);
    vals[11] = md5;
    vals[12] = b;
    vals[13] = c->now;
    return run_cmd_fmt(c, S_MERGE, 16, vals, lens, merge_fmts, "cannot merge a PMC article",
                       NULL);
}

static lm_err pmc_put_row(lm_corpus *c, int64_t key, const lm_record *r,
                          const struct corpus_view *pmc, int *changed)
{
    P(c)->pmc_any = 1;
    return put_pmc_row(c, key, r, pmc, changed);
}

static lm_err pmc_read_row(lm_corpus *c, int64_t key, int *has_pubmed)
{
    struct row_state rs;
    lm_err rc = read_row(c, key, &rs);

    *has_pubmed = rs.has_pubmed;
    return rc;
}

/* guarded: a row another import gave a PubMed record stays as it is */
static lm_err pmc_put_alone(lm_corpus *c, int64_t key, int version,
                            const struct corpus_view *pmc, int *changed)
{
    return upsert_stmt(c, S_UPSERT_PMC, key, version, pmc, "pmc", NULL, 0, changed);
}

static lm_err pmc_unchanged(lm_corpus *c, int pmc, int64_t key, int version, int *outcome)
{
    return unchanged_or_older(c, pmc ? S_PMC_VERSION : S_VERSION, key, version, outcome);
}

static const struct corpus_pmc_ops pmc_ops = {
    adopt_pmcid_row, pmc_put_row, pmc_read_row, remerge, pmc_put_alone, pmc_unchanged,
};

static lm_err put_delete(lm_corpus *c, const lm_record *r, int *outcome)
{
    char k[24], ver[16];
    const char *vals[3] = { k, ver, c->now };
    int changed = 0;
    lm_err rc;

    struct step st[1];

    snprintf(k, sizeof k, "%lld", (long long)r->pmid);
    snprintf(ver, sizeof ver, "%d", r->version);
    /* the UPDATE locks the row it marks */
    memset(st, 0, sizeof st);
    st[0].stmt = S_DELETE, st[0].n = 3, st[0].vals = vals;
    if ((rc = pipeline(c, st, 1, "cannot mark a record deleted")))
        return rc;
    changed = atoi(PQcmdTuples(st[0].res)) != 0;
    steps_clear(st, 1);
    *outcome = changed ? 2 : 4;
    return LM_OK;
}

static lm_err pg_put(lm_corpus *c, const lm_record *r, int *outcome)
{
    P(c)->wrote = 1;
    if (r->kind == LM_REC_DELETE)
        return put_delete(c, r, outcome);
    if (r->source && !strcmp(r->source, "pmc"))
        return corpus_put_pmc(c, &pmc_ops, r, outcome);
    return put_pubmed(c, r, outcome);
}

/* Runs of batchable records of distinct keys go in one round trip each;
 * the others (PMC articles, deletions, a key met again) one by one, in
 * order. */
static lm_err pg_put_many(lm_corpus *c, const lm_record *const *r, size_t n, int *outcomes)
{
    size_t i = 0, j, k;
    lm_err rc;

    P(c)->wrote = 1;
    while (i < n) {
        for (j = i; j < n && j - i < PG_BATCH && batchable(c, r[j]); j++) {
            for (k = i; k < j && corpus_record_key(r[k]) != corpus_record_key(r[j]); k++)
                ;
            if (k < j)
                break;
        }
        if (j == i) {
            if ((rc = pg_put(c, r[i], &outcomes[i])))
                return rc;
            i++;
            continue;
        }
        if ((rc = put_group(c, r + i, j - i, outcomes + i)))
            return rc;
        i = j;
    }
    return LM_OK;
}

/* ---- ledger and watermark ------------------------------------------------ */

static lm_err pg_file_seen(lm_corpus *c, const char *md5, int *seen)
{
    const char *vals[1] = { md5 };
    PGresult *res;
    lm_err rc;

    *seen = 0;
    if (!(res = run(c, S_SEEN, 1, vals, "cannot read the import ledger", &rc)))
        return rc;
    *seen = PQntuples(res) > 0;
    PQclear(res);
    return LM_OK;
}

static lm_err pg_file_add(lm_corpus *c, const char *name, const char *md5, uint64_t records)
{
    char n[24];
    const char *vals[3] = { name, md5, n };

    snprintf(n, sizeof n, "%llu", (unsigned long long)records);
    return run_cmd(c, S_FILE_ADD, 3, vals, "cannot write the import ledger", NULL);
}

static lm_err pg_watermark_get(lm_corpus *c, const char *query, char **out)
{
    const char *vals[1] = { query };
    PGresult *res;
    lm_err rc;

    *out = NULL;
    if (!(res = run(c, S_WM_GET, 1, vals, "cannot read the fetch state", &rc)))
        return rc;
    if (PQntuples(res) && !PQgetisnull(res, 0, 0) && !(*out = strdup(PQgetvalue(res, 0, 0))))
        rc = LM_ERR_NOMEM;
    PQclear(res);
    return rc;
}

static lm_err pg_watermark_set(lm_corpus *c, const char *query, const char *watermark)
{
    const char *vals[2] = { query, watermark };

    return run_cmd(c, S_WM_SET, 2, vals, "cannot write the fetch state", NULL);
}

/* ---- reading ------------------------------------------------------------- */

static void fill_article(const PGresult *res, int i, lm_article *a)
{
    memset(a, 0, sizeof *a);
    a->pmid = strtoll(PQgetvalue(res, i, 0), NULL, 10);
    a->version = atoi(PQgetvalue(res, i, 1));
    a->year = atoi(PQgetvalue(res, i, 2));
    a->deleted = atoi(PQgetvalue(res, i, 3));
    /* PQgetvalue gives "" for NULL, as the SQLite backend does */
    a->pmcid = PQgetvalue(res, i, 4);
    a->doi = PQgetvalue(res, i, 5);
    a->title = PQgetvalue(res, i, 6);
    a->abstract = PQgetvalue(res, i, 7);
    a->journal = PQgetvalue(res, i, 8);
    a->authors = PQgetvalue(res, i, 9);
    a->pub_types = PQgetvalue(res, i, 10);
    a->mesh = PQgetvalue(res, i, 11);
    a->body = PQgetvalue(res, i, 12);
    a->source = PQgetvalue(res, i, 13);
    a->record_md5 = PQgetvalue(res, i, 14);
    a->updated_at = PQgetvalue(res, i, 15);
    a->databanks = PQgetvalue(res, i, 16);
}

/* Hands the rows of @res to @cb; 1 when it asked to stop.  (A UTF8
 * database holds valid UTF-8 only: no check here.) */
static int each_row(const PGresult *res, lm_article_cb cb, void *ud, int64_t *last)
{
    lm_article a;
    int i;

    for (i = 0; i < PQntuples(res); i++) {
        fill_article(res, i, &a);
        *last = a.pmid;
        if (cb(&a, ud))
            return 1;
    }
    return 0;
}

static lm_err pg_get(lm_corpus *c, int64_t key, lm_article_cb cb, void *ud)
{
    char k[24];
    const char *vals[1] = { k };
    PGresult *res;
    int64_t last;
    int rows;
    lm_err rc;

    snprintf(k, sizeof k, "%lld", (long long)key);
    if (!(res = run(c, S_GET, 1, vals, "cannot read articles", &rc)))
        return rc;
    rows = PQntuples(res);
    each_row(res, cb, ud, &last);
    PQclear(res);
    if (!rows && key < 0) {
        snprintf(k, sizeof k, "%lld", -(long long)key);
        if (!(res = run(c, S_GET_PMCID, 1, vals, "cannot read articles", &rc)))
            return rc;
        rows = PQntuples(res);
        each_row(res, cb, ud, &last);
        PQclear(res);
    }
    if (!rows) {
        if (key < 0)
            lm_msg_set(c->msg, sizeof c->msg, "PMC%lld: not in the corpus %s",
                       -(long long)key, c->target);
        else
            lm_msg_set(c->msg, sizeof c->msg, "PMID %lld: not in the corpus %s",
                       (long long)key, c->target);
        return LM_ERR_NOTFOUND;
    }
    return LM_OK;
}

static lm_err pg_each(lm_corpus *c, lm_article_cb cb, void *ud)
{
    char k[24];
    const char *vals[1] = { k };
    int64_t last = INT64_MIN;
    PGresult *res;
    int n, stop;
    lm_err rc;

    do {
        snprintf(k, sizeof k, "%lld", (long long)last);
        if (!(res = run(c, S_EACH, 1, vals, "cannot read articles", &rc)))
            return rc;
        n = PQntuples(res);
        stop = each_row(res, cb, ud, &last);
        PQclear(res);
    } while (!stop && n == 500);
    return LM_OK;
}

static lm_err pg_counts(lm_corpus *c, uint64_t *articles, uint64_t *deleted, uint64_t *files)
{
    lm_err rc;

    if ((articles && (rc = query_u64(c, "SELECT count(*) FROM article WHERE deleted = 0",
                                     "article", "cannot count", articles))) ||
        (deleted && (rc = query_u64(c, "SELECT count(*) FROM article WHERE deleted = 1",
                                    "article", "cannot count", deleted))) ||
        (files && (rc = query_u64(c, "SELECT count(*) FROM source_file", "source_file",
                                  "cannot count", files))))
        return rc;
    return LM_OK;
}

static lm_err pg_summary(lm_corpus *c, lm_corpus_summary *s)
{
    PGresult *res;
    uint64_t any = 0;
    lm_err rc;

    memset(s, 0, sizeof *s);
    s->ledger_records = -1;
    if ((rc = query_u64(c, "SELECT (EXISTS (SELECT 1 FROM article WHERE deleted = 0))::int",
                        "article", "cannot count", &any)))
        return rc;
    s->any_live = any != 0;
    res = PQexec(P(c)->conn, "SELECT sum(records), max(imported_at) FROM source_file");
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res)) {
        if (!PQgetisnull(res, 0, 0))
            s->ledger_records = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        if (!PQgetisnull(res, 0, 1))
            snprintf(s->last_import, sizeof s->last_import, "%s", PQgetvalue(res, 0, 1));
    }
    PQclear(res);
    return LM_OK;
}

/* ---- search --------------------------------------------------------------- */

static lm_err ts_node(const lm_query *q, lm_buf *b, int depth)
{
    const char *op;
    lm_err rc;

    if (!q || depth > 10000)
        return LM_ERR_QUERY;
    switch (q->kind) {
    case LM_Q_WORD:
    case LM_Q_PHRASE:
    case LM_Q_PREFIX:
        return corpus_pg_leaf(q->text, q->column, q->kind == LM_Q_PREFIX, b);
    case LM_Q_AND: op = " & "; break;
    case LM_Q_OR: op = " | "; break;
    case LM_Q_NOT: op = " & !"; break;
    default: return LM_ERR_QUERY;
    }
    if ((rc = lm_buf_puts(b, "(")) || (rc = ts_node(q->left, b, depth + 1)) ||
        (rc = lm_buf_puts(b, op)) || (rc = ts_node(q->right, b, depth + 1)))
        return rc;
    return lm_buf_puts(b, ")");
}

char *corpus_pg_tsquery(const lm_query *q)
{
    lm_buf b = {0};

    if (ts_node(q, &b, 0)) {
        lm_buf_free(&b);
        return NULL;
    }
    return b.s ? b.s : strdup("");
}

/* @q as a tsquery (malloc'd into *out); its words are read as the
 * index's are (pg_text.c). */
static lm_err render(lm_corpus *c, const lm_query *q, char **out)
{
    lm_buf b = {0};
    lm_err rc = ts_node(q, &b, 0);

    *out = NULL;
    if (rc == LM_ERR_QUERY)
        lm_msg_set(c->msg, sizeof c->msg, "%s: search: the query is nested too deeply",
                   c->target);
    if (rc) {
        lm_buf_free(&b);
        return rc;
    }
    *out = b.s;
    return LM_OK;
}

/* Ranked as FTS5's bm25(article_fts, 4.0, 1.0) ranks, from the same
 * numbers: the rows and words of the whole table, each leaf's (FTS5's
 * phrase's) number of matching rows, and per candidate its length and the
 * instances of each leaf, a title instance counting four times an
 * abstract one.  The server finds the candidates (the GIN index) and
 * sends per candidate only the positions of the query's words; the
 * arithmetic is FTS5's, in its order, so both backends give the same
 * scores and the same order.  Ties go to the lower key. */
#define BM25_K1 1.2
#define BM25_B 0.75

struct leaf {
    char **w;                   /* its words as the index reads them */
    size_t nw, cap;
    int prefix;                 /* the last word is a prefix */
    char weight;                /* 'A' (title), 'B' (abstract) or 0 (both) */
    double idf;
};

struct leaves {
    struct leaf *l;
    size_t n, cap;
    lm_buf tsq, pat;            /* array literals: each leaf's tsquery, every
                                 * word's LIKE pattern */
    int prefix;                 /* some leaf ends in a prefix */
    size_t nwords;              /* in all leaves */
};

/* one word of a candidate: its positions and their weights */
struct occ { const char *lex; int pos[256]; char wt[256]; int n; };

struct ranked { int64_t pmid; double score; };

static void leaves_free(struct leaves *ls)
{
    size_t i, j;

    for (i = 0; i < ls->n; i++) {
        for (j = 0; j < ls->l[i].nw; j++)
            free(ls->l[i].w[j]);
        free(ls->l[i].w);
    }
    free(ls->l);
    lm_buf_free(&ls->tsq);
    lm_buf_free(&ls->pat);
}

static lm_err leaf_word(const char *w, size_t n, void *ud)
{
    struct leaf *l = ud;

    if (l->nw == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 4;
        char **nw = realloc(l->w, cap * sizeof *nw);
        if (!nw)
            return LM_ERR_NOMEM;
        l->w = nw;
        l->cap = cap;
    }
    if (!(l->w[l->nw] = strndup(w, n)))
        return LM_ERR_NOMEM;
    l->nw++;
    return LM_OK;
}

/* An element of an array literal, double-quoted, into @b. */
static lm_err array_add(lm_buf *b, const char *s, const char *suffix)
{
    lm_err rc = lm_buf_puts(b, b->len ? ",\"" : "{\"");

    for (; !rc && *s; s++)
        rc = (*s == '"' || *s == '\\') ? lm_buf_printf(b, "\\%c", *s) : lm_buf_append(b, s, 1);
    if (!rc && suffix)
        rc = lm_buf_puts(b, suffix);
    return rc ? rc : lm_buf_puts(b, "\"");
}

/* The leaves of @q left to right (FTS5's phrases, in its order). */
static lm_err leaves_of(const lm_query *q, struct leaves *ls, int depth)
{
    lm_buf one = {0};
    struct leaf *l;
    size_t j;
    lm_err rc;

    if (!q || depth > 10000)
        return LM_ERR_QUERY;
    if (q->kind == LM_Q_AND || q->kind == LM_Q_OR || q->kind == LM_Q_NOT) {
        if ((rc = leaves_of(q->left, ls, depth + 1)))
            return rc;
        return leaves_of(q->right, ls, depth + 1);
    }
    if (ls->n == ls->cap) {
        size_t cap = ls->cap ? 2 * ls->cap : 8;
        struct leaf *nl = realloc(ls->l, cap * sizeof *nl);
        if (!nl)
            return LM_ERR_NOMEM;
        ls->l = nl;
        ls->cap = cap;
    }
    l = &ls->l[ls->n++];
    memset(l, 0, sizeof *l);
    l->prefix = q->kind == LM_Q_PREFIX;
    ls->prefix |= l->prefix;
    if (q->column)
        l->weight = !strcmp(q->column, "title") ? 'A' : 'B';
    if ((rc = corpus_pg_words(q->text, leaf_word, l)) ||
        (rc = corpus_pg_leaf(q->text, q->column, l->prefix, &one)) ||
        (rc = array_add(&ls->tsq, lm_buf_str(&one), NULL)))
        goto done;
    ls->nwords += l->nw;
    for (j = 0; j < l->nw && !rc; j++)
        rc = array_add(&ls->pat, l->w[j], l->prefix && j + 1 == l->nw ? "%" : NULL);
done:
    lm_buf_free(&one);
    return rc;
}

/* "{1,5,9}" and "{A,B,B}" (unnest(tsvector)'s positions and weights). */
static void occ_parse(struct occ *o, const char *lex, const char *pos, const char *wt)
{
    char *end;

    o->lex = lex;
    o->n = 0;
    for (pos++; *pos && *pos != '}' && o->n < 256; pos = *end ? end + 1 : end) {
        o->pos[o->n] = (int)strtol(pos, &end, 10);
        o->wt[o->n++] = 'D';
    }
    for (int i = 0; *wt && i < o->n; wt++)
        if (*wt >= 'A' && *wt <= 'D')
            o->wt[i++] = *wt;
}

/* A tsvector's text form ('lex':1A,5B 'other':3A ...; weight D unwritten)
 * into @o (room for @cap words), in place in @s; the number of words. */
static int occ_parse_tsv(char *s, struct occ *o, int cap)
{
    int n = 0;
    char *w;

    while (*s && n < cap) {
        while (*s == ' ')
            s++;
        if (*s != '\'')
            break;
        o[n].lex = w = ++s;
        /* '' is a quote, \x is x */
        for (; *s && !(*s == '\'' && s[1] != '\''); s++) {
            if (*s == '\'' || (*s == '\\' && s[1]))
                s++;
            *w++ = *s;
        }
        if (*s)
            s++;
        *w = '\0';
        o[n].n = 0;
        if (*s == ':')
            for (s++; *s && *s != ' ';) {
                char *end;
                long p = strtol(s, &end, 10);
                char wt = *end >= 'A' && *end <= 'C' ? *end++ : 'D';
                if (end == s)
                    break;
                if (o[n].n < 256) {
                    o[n].pos[o[n].n] = (int)p;
                    o[n].wt[o[n].n++] = wt;
                }
                s = *end == ',' ? end + 1 : end;
            }
        n++;
    }
    return n;
}

static int word_is(const char *lex, const char *w, int prefix)
{
    return prefix ? !strncmp(lex, w, strlen(w)) : !strcmp(lex, w);
}

/* 1 when a word matching @w is at @pos with weight @wt. */
static int word_at(const struct occ *o, int n, const char *w, int prefix, int pos, char wt)
{
    int i, k;

    for (i = 0; i < n; i++)
        if (word_is(o[i].lex, w, prefix))
            for (k = 0; k < o[i].n; k++)
                if (o[i].pos[k] == pos && o[i].wt[k] == wt)
                    return 1;
    return 0;
}

/* FTS5's aFreq of @l in a candidate: its instances, weighted by column. */
static double leaf_freq(const struct leaf *l, const struct occ *o, int n)
{
    double f = 0;
    size_t j;
    int i, k;

    if (!l->nw)
        return 0;
    for (i = 0; i < n; i++) {
        if (!word_is(o[i].lex, l->w[0], l->prefix && l->nw == 1))
            continue;
        for (k = 0; k < o[i].n; k++) {
            char wt = o[i].wt[k];
            if (l->weight && wt != l->weight)
                continue;
            for (j = 1; j < l->nw; j++)
                if (!word_at(o, n, l->w[j], l->prefix && j + 1 == l->nw, o[i].pos[k] + (int)j,
                             wt))
                    break;
            if (j == l->nw)
                f += wt == 'A' ? 4.0 : 1.0;
        }
    }
    return f;
}

static int ranked_cmp(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->pmid < y->pmid ? -1 : x->pmid > y->pmid;
}

/* Rows, words (once per read snapshot) and each leaf's matching rows. */
static lm_err bm25_stats(lm_corpus *c, struct leaves *ls, double *avgdl)
{
    const char *vals[1] = { lm_buf_str(&ls->tsq) };
    PGresult *res;
    const char *s;
    char *end;
    size_t i;
    lm_err rc = LM_OK;

    if (!P(c)->totals) {
        res = PQexec(P(c)->conn, "SELECT count(*), coalesce(sum(ntok), 0) FROM article");
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = pg_fail_in(c, res, "article", "cannot search");
            PQclear(res);
            return rc;
        }
        P(c)->rows = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        P(c)->words = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
        P(c)->totals = P(c)->in_read;
        PQclear(res);
    }
    *avgdl = P(c)->rows > 0 ? (double)P(c)->words / (double)P(c)->rows : 1;
    res = PQexecParams(P(c)->conn,
                       "SELECT ARRAY(SELECT (SELECT count(*) FROM article WHERE tsv @@ x.q)"
                       " FROM unnest($1::tsquery[]) WITH ORDINALITY x(q, i) ORDER BY i)",
                       1, NULL, vals, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = pg_fail_in(c, res, "article", "cannot search");
        PQclear(res);
        return rc;
    }
    s = PQgetvalue(res, 0, 0) + 1;
    for (i = 0; i < ls->n; i++) {
        long long hit = strtoll(s, &end, 10);
        double idf = log(((double)(P(c)->rows - hit) + 0.5) / ((double)hit + 0.5));
        ls->l[i].idf = idf <= 0.0 ? 1e-6 : idf;
        s = *end ? end + 1 : end;
    }
    PQclear(res);
    return LM_OK;
}

/* The candidates: [exact][live].  Without a prefix, per candidate its
 * tsvector cut to the query's words (two deletions: unnest() makes a row
 * of every word of every candidate, three times slower); with one, a row
 * per candidate's word that some pattern matches. */
#define CAND_EXACT \
    "SELECT a.pmid, a.ntok, ts_delete(a.tsv, tsvector_to_array(ts_delete(a.tsv," \
    " $2::text[])))::text FROM article a WHERE a.tsv @@ $1::tsquery"
#define CAND_PREFIX \
    "SELECT a.pmid, a.ntok, u.lexeme, u.positions, u.weights FROM article a" \
    " LEFT JOIN LATERAL unnest(a.tsv) u ON u.lexeme LIKE ANY($2::text[])" \
    " WHERE a.tsv @@ $1::tsquery"
static const char *const sql_cand[2][2] = {
    { CAND_PREFIX " ORDER BY a.pmid", CAND_PREFIX " AND a.deleted = 0 ORDER BY a.pmid" },
    { CAND_EXACT, CAND_EXACT " AND a.deleted = 0" },
};

static lm_err bm25_rank(lm_corpus *c, const char *tsq, struct leaves *ls, int all,
                        struct ranked **out, size_t *n)
{
    const char *vals[2] = { tsq, lm_buf_str(&ls->pat) };
    struct occ *o = NULL;
    struct ranked *r = NULL;
    char *text = NULL;
    double avgdl = 1, *freq = NULL;
    PGresult *res;
    int i, j, rows, no = 0, cap = 0;
    size_t k, nr = 0;
    lm_err rc;

    *out = NULL;
    *n = 0;
    if ((rc = bm25_stats(c, ls, &avgdl)))
        return rc;
    res = PQexecParams(P(c)->conn, sql_cand[!ls->prefix][!all], 2, NULL, vals, NULL, NULL,
                       0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        /* 42601: a tsquery the server refused */
        if (state && !strcmp(state, "42601")) {
            char line[512];
            first_line(line, sizeof line, PQresultErrorMessage(res));
            lm_msg_set(c->msg, sizeof c->msg, "search '%s': %s", tsq, line);
            rc = LM_ERR_QUERY;
        } else {
            rc = pg_fail_in(c, res, "article", "cannot search");
        }
        PQclear(res);
        return rc;
    }
    rows = PQntuples(res);
    if (rows && (!(r = malloc((size_t)rows * sizeof *r)) ||
                 !(freq = calloc(ls->n + 1, sizeof *freq)))) {
        rc = LM_ERR_NOMEM;
        goto done;
    }
    for (i = 0; i < rows;) {
        const char *key = PQgetvalue(res, i, 0);
        double d = strtod(PQgetvalue(res, i, 1), NULL), score = 0;
        int64_t pmid = strtoll(key, NULL, 10);

        int need;

        if (!ls->prefix) {
            j = i + 1;
            need = (int)ls->nwords;
        } else {
            for (j = i; j < rows && !strcmp(PQgetvalue(res, j, 0), key); j++)
                ;
            need = j - i;
        }
        if (need > cap) {
            struct occ *no_ = realloc(o, (size_t)need * sizeof *o);
            if (!no_) {
                rc = LM_ERR_NOMEM;
                goto done;
            }
            o = no_;
            cap = need;
        }
        if (!ls->prefix) {
            free(text);
            if (!(text = strdup(PQgetvalue(res, i, 2)))) {
                rc = LM_ERR_NOMEM;
                goto done;
            }
            no = occ_parse_tsv(text, o, need);
            i = j;
        }
        for (no = ls->prefix ? 0 : no; i < j; i++)
            if (!PQgetisnull(res, i, 2))
                occ_parse(&o[no++], PQgetvalue(res, i, 2), PQgetvalue(res, i, 3),
                          PQgetvalue(res, i, 4));
        for (k = 0; k < ls->n; k++)
            freq[k] = leaf_freq(&ls->l[k], o, no);
        for (k = 0; k < ls->n; k++)
            score += ls->l[k].idf * ((freq[k] * (BM25_K1 + 1.0)) /
                     (freq[k] + BM25_K1 * (1 - BM25_B + BM25_B * d / avgdl)));
        r[nr].pmid = pmid;
        r[nr++].score = score;       /* bm25() is its negation */
    }
    qsort(r, nr, sizeof *r, ranked_cmp);
    *out = r;
    *n = nr;
    r = NULL;
done:
    PQclear(res);
    free(text);
    free(r);
    free(o);
    free(freq);
    return rc;
}

/* The kept hits' columns, in rank order ($1: the keys in order). */
static const char sql_search[] =
    "SELECT a.pmid, a.year, a.title, a.journal,"
    "  ts_headline('simple', coalesce(a.abstract, ''), $2::tsquery,"
    "   'StartSel=[, StopSel=], MaxWords=24, MinWords=12, MaxFragments=1,"
    " FragmentDelimiter=...')"
    " FROM unnest($1::bigint[]) WITH ORDINALITY k(pmid, i) JOIN article a ON a.pmid = k.pmid"
    " ORDER BY k.i";
static const char sql_search_records[] =
    "SELECT a.pmid, a.year, a.title, a.abstract, a.pub_types, a.mesh"
    " FROM unnest($1::bigint[]) WITH ORDINALITY k(pmid, i) JOIN article a ON a.pmid = k.pmid"
    " ORDER BY k.i";

static lm_err pg_search(lm_corpus *c, const lm_query *q, int limit, unsigned flags,
                        lm_hit_cb cb, void *ud)
{
    struct leaves ls = {0};
    struct ranked *r = NULL;
    PGresult *res = NULL;
    lm_buf keys = {0};
    char *tsq = NULL;
    const char *vals[2];
    size_t n = 0, i;
    lm_hit h;
    lm_err rc;

    if ((rc = render(c, q, &tsq)))
        return rc;
    if ((rc = leaves_of(q, &ls, 0)) ||
        (rc = lm_buf_puts(&ls.tsq, ls.tsq.len ? "}" : "{}")) ||
        (rc = lm_buf_puts(&ls.pat, ls.pat.len ? "}" : "{}")) ||
        (rc = bm25_rank(c, tsq, &ls, (flags & CORPUS_SEARCH_KEYS) != 0, &r, &n)))
        goto done;
    if (limit > 0 && n > (size_t)limit)
        n = (size_t)limit;
    if (flags & CORPUS_SEARCH_KEYS) {
        for (i = 0; i < n; i++) {
            memset(&h, 0, sizeof h);
            h.pmid = r[i].pmid;
            h.score = r[i].score;
            if (cb(&h, ud))
                break;
        }
        goto done;
    }
    if (!n)
        goto done;
    for (i = 0; i < n && !rc; i++)
        rc = lm_buf_printf(&keys, "%c%lld", i ? ',' : '{', (long long)r[i].pmid);
    if (rc || (rc = lm_buf_puts(&keys, "}")))
        goto done;
    vals[0] = lm_buf_str(&keys);
    vals[1] = tsq;
    res = PQexecParams(P(c)->conn, flags & CORPUS_SEARCH_RECORDS ? sql_search_records
                       : sql_search, flags & CORPUS_SEARCH_RECORDS ? 1 : 2, NULL, vals, NULL,
                       NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = pg_fail_in(c, res, "article", "cannot search");
        goto done;
    }
    for (i = 0; i < (size_t)PQntuples(res) && i < n; i++) {
        memset(&h, 0, sizeof h);
        h.pmid = r[i].pmid;
        h.score = r[i].score;
        h.year = atoi(PQgetvalue(res, (int)i, 1));
        h.title = PQgetvalue(res, (int)i, 2);
        if (flags & CORPUS_SEARCH_RECORDS) {
            h.abstract = PQgetvalue(res, (int)i, 3);
            h.pub_types = PQgetvalue(res, (int)i, 4);
            h.mesh = PQgetvalue(res, (int)i, 5);
        } else {
            h.journal = PQgetvalue(res, (int)i, 3);
            h.snippet = PQgetvalue(res, (int)i, 4);
        }
        if (cb(&h, ud))
            break;
    }
done:
    PQclear(res);
    lm_buf_free(&keys);
    leaves_free(&ls);
    free(r);
    free(tsq);
    return rc;
}

static lm_err pg_match_count(lm_corpus *c, const lm_query *q, uint64_t cap, uint64_t *n)
{
    char *tsq = NULL, lim[24];
    const char *vals[2];
    PGresult *res;
    lm_err rc;

    *n = 0;
    if ((rc = render(c, q, &tsq)))
        return rc;
    snprintf(lim, sizeof lim, "%llu", (unsigned long long)(cap > INT64_MAX ? INT64_MAX : cap));
    vals[0] = tsq;
    vals[1] = lim;
    /* the matches as a CTE planned without the limit: under "LIMIT 1"
     * the planner expects the first match soon and reads the table in
     * order, detoasting every tsvector (0.6 s at 100,000 articles for a
     * word no article holds), where the index answers at once */
    res = PQexecParams(P(c)->conn, "WITH m AS MATERIALIZED (SELECT 1 FROM article"
                       " WHERE tsv @@ $1::tsquery) SELECT count(*) FROM (SELECT 1 FROM m"
                       " LIMIT $2::bigint) l", 2, NULL, vals, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        rc = pg_fail_in(c, res, "article", "cannot search");
    else
        *n = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    free(tsq);
    return rc;
}

/* ---- extraction rows ------------------------------------------------------ */

/* One cell as a text parameter into @buf.  The ANY column (value) keeps
 * SQLite's NUMERIC affinity: a real with no fraction is stored as an
 * integer, so both backends give back the same types. */
static const char *xval_param(const lm_xval *v, int any, char *buf, size_t cap)
{
    switch (v->type) {
    case LM_XV_INT:
        snprintf(buf, cap, "%lld", (long long)v->i);
        return buf;
    case LM_XV_REAL:
        if (any && v->r == (double)(int64_t)v->r && v->r > -9.2e18 && v->r < 9.2e18)
            snprintf(buf, cap, "%lld", (long long)(int64_t)v->r);
        else
            snprintf(buf, cap, "%.17g", v->r);
        return buf;
    case LM_XV_TEXT:
        if (!v->s || !*v->s)
            return NULL;
        if (!any)
            return v->s;
        return NULL;    /* the caller quotes it as a JSON string */
    case LM_XV_NULL:
        break;
    }
    return NULL;
}

/* A JSON string of @s (for the jsonb value column). */
static lm_err json_string(const char *s, lm_buf *b)
{
    static const char hex[] = "0123456789abcdef";
    lm_err rc = lm_buf_puts(b, "\"");

    for (; *s && !rc; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            char e[2] = { '\\', (char)ch };
            rc = lm_buf_append(b, e, 2);
        } else if (ch < 0x20) {
            char e[6] = { '\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15] };
            rc = lm_buf_append(b, e, 6);
        } else {
            rc = lm_buf_append(b, (const char *)&ch, 1);
        }
    }
    return rc ? rc : lm_buf_puts(b, "\"");
}

#define XC_IS_ANY_INT 0
#define XC_IS_ANY_REAL 0
#define XC_IS_ANY_TEXT 0
#define XC_IS_ANY_ANY 1
static const int xcol_any[LM_XC_COUNT] = {
#define XC_ISANY(name, type) [LM_XC_##name] = XC_IS_ANY_##type,
    LM_EXTRACTION_COLUMNS(XC_ISANY)
#undef XC_ISANY
};

static lm_err pg_xrows_replace(lm_corpus *c, int64_t pmid, const lm_xrow *rows, size_t n)
{
    char k[24], cell[LM_XC_COUNT][32];
    const char *vals[1 + LM_XC_COUNT];
    lm_buf json = {0};
    size_t i;
    int j;
    lm_err rc;

    snprintf(k, sizeof k, "%lld", (long long)pmid);
    vals[0] = k;
    if ((rc = run_cmd(c, S_XDEL, 1, vals, "cannot delete old extractions", NULL)))
        return rc;
    for (i = 0; i < n && !rc; i++) {
        for (j = 0; j < LM_XC_COUNT && !rc; j++) {
            const lm_xval *v = &rows[i].v[j];
            vals[1 + j] = xval_param(v, xcol_any[j], cell[j], sizeof cell[j]);
            if (xcol_any[j] && v->type == LM_XV_TEXT && v->s && *v->s) {
                lm_buf_clear(&json);
                if (!(rc = json_string(v->s, &json)))
                    vals[1 + j] = lm_buf_str(&json);
            }
        }
        if (!rc)
            rc = run_cmd(c, S_XINS, 1 + LM_XC_COUNT, vals, "cannot store an extraction", NULL);
    }
    lm_buf_free(&json);
    if (rc && !strstr(c->msg, "table extraction")) {
        char m[sizeof c->msg];
        size_t t = strlen(c->target);
        /* name the table, as the other messages of this member do */
        if (!strncmp(c->msg, c->target, t) && c->msg[t] == ':') {
            snprintf(m, sizeof m, "%s: table extraction%s", c->target, c->msg + t);
            memcpy(c->msg, m, sizeof m);
        }
    }
    return rc;
}

/* A cell from the text PostgreSQL sent: @type the column's (the jsonb
 * value column tells its own type). */
static void fill_xval(const PGresult *res, int row, int col, int any, lm_xval *v)
{
    const char *s = PQgetvalue(res, row, col);

    memset(v, 0, sizeof *v);
    if (PQgetisnull(res, row, col))
        return;
    if (any) {
        /* jsonb text: a string is quoted (the query unquotes it in the
         * column after), a number is not */
        if (*s == '"') {
            v->type = LM_XV_TEXT;
            v->s = PQgetvalue(res, row, col + 1);
            return;
        }
        if (strpbrk(s, ".eE")) {
            v->type = LM_XV_REAL;
            v->r = strtod(s, NULL);
            v->i = (int64_t)v->r;
        } else {
            v->type = LM_XV_INT;
            v->i = strtoll(s, NULL, 10);
            v->r = (double)v->i;
        }
        return;
    }
    switch (PQftype(res, col)) {
    case 20: case 21: case 23:          /* int8, int2, int4 */
        v->type = LM_XV_INT;
        v->i = strtoll(s, NULL, 10);
        v->r = (double)v->i;
        break;
    case 700: case 701:                 /* float4, float8 */
        v->type = LM_XV_REAL;
        v->r = strtod(s, NULL);
        v->i = (int64_t)v->r;
        break;
    default:
        v->type = LM_XV_TEXT;
        v->s = s;
    }
}

/* e.pmid, e.id, then each column (the jsonb one followed by its text when
 * a string), then the article's columns. */
#define XC_SEL(name, type) ", e." #name XC_SEL_##type(name)
#define XC_SEL_INT(name)
#define XC_SEL_REAL(name)
#define XC_SEL_TEXT(name)
#define XC_SEL_ANY(name) ", e." #name " #>> '{}'"
#define XA_COLS ", a.year, a.journal, a.title, a.doi, a.pmcid, a.authors, a.pub_types," \
    " a.abstract, a.databanks"
#define XPAGE 5000

static lm_err pg_xrows_each(lm_corpus *c, int64_t pmid, const int64_t *subset, size_t nsubset,
                            unsigned flags, lm_xrow_cb cb, void *ud)
{
    const int art = (flags & LM_XROWS_ARTICLE) != 0;
    lm_buf sql = {0}, arr = {0};
    char k[24], after_pmid[24], after_id[24];
    const char *vals[4];
    int64_t last_pmid = INT64_MIN, last_id = INT64_MIN;
    PGresult *res = NULL;
    lm_article a;
    lm_xrow x;
    int rows, r, j, stop = 0, first;
    size_t i;
    lm_err rc;

    /* pages by (pmid, id): the callback may use the connection between them */
    rc = lm_buf_puts(&sql, "SELECT e.pmid, e.id" LM_EXTRACTION_COLUMNS(XC_SEL));
    if (!rc && art)
        rc = lm_buf_puts(&sql, XA_COLS);
    if (!rc)
        rc = lm_buf_puts(&sql, pmid ? " FROM extraction e LEFT JOIN article a ON a.pmid = e.pmid"
                                      " WHERE e.pmid = $1::bigint"
                                    : " FROM extraction e JOIN article a ON a.pmid = e.pmid"
                                      " WHERE a.deleted = 0");
    if (!rc && !pmid && subset)
        rc = lm_buf_puts(&sql, " AND e.pmid = ANY($1::bigint[])");
    /* the page's start is $2, $3 after a key or a PMID list, else $1, $2 */
    first = pmid || subset ? 1 : 0;
    if (!rc)
        rc = lm_buf_printf(&sql, " AND (e.pmid, e.id) > ($%d::bigint, $%d::bigint)"
                           " ORDER BY e.pmid, e.id LIMIT %d", first + 1, first + 2, XPAGE);
    for (i = 0; !rc && subset && !pmid && i < nsubset; i++)
        rc = lm_buf_printf(&arr, "%s%lld", i ? "," : "{", (long long)subset[i]);
    if (!rc && subset && !pmid)
        rc = lm_buf_puts(&arr, nsubset ? "}" : "{}");
    if (rc)
        goto done;
    snprintf(k, sizeof k, "%lld", (long long)pmid);
    vals[0] = pmid ? k : subset ? lm_buf_str(&arr) : NULL;
    do {
        snprintf(after_pmid, sizeof after_pmid, "%lld", (long long)last_pmid);
        snprintf(after_id, sizeof after_id, "%lld", (long long)last_id);
        vals[first] = after_pmid;
        vals[first + 1] = after_id;
        res = PQexecParams(P(c)->conn, sql.s, first + 2, NULL, vals, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = pg_fail_in(c, res, "extraction", "cannot read extractions");
            goto done;
        }
        rows = PQntuples(res);
        for (r = 0; r < rows && !stop; r++) {
            int col = 2;

            x.pmid = strtoll(PQgetvalue(res, r, 0), NULL, 10);
            x.id = strtoll(PQgetvalue(res, r, 1), NULL, 10);
            for (j = 0; j < LM_XC_COUNT; j++) {
                fill_xval(res, r, col, xcol_any[j], &x.v[j]);
                col += xcol_any[j] ? 2 : 1;
            }
            memset(&a, 0, sizeof a);
            a.pmid = x.pmid;
            a.title = a.journal = a.doi = a.pmcid = a.authors = a.pub_types = a.abstract = "";
            a.databanks = a.mesh = a.body = a.source = a.record_md5 = a.updated_at = "";
            if (art) {
                a.year = atoi(PQgetvalue(res, r, col));
                a.journal = PQgetvalue(res, r, col + 1);
                a.title = PQgetvalue(res, r, col + 2);
                a.doi = PQgetvalue(res, r, col + 3);
                a.pmcid = PQgetvalue(res, r, col + 4);
                a.authors = PQgetvalue(res, r, col + 5);
                a.pub_types = PQgetvalue(res, r, col + 6);
                a.abstract = PQgetvalue(res, r, col + 7);
                a.databanks = PQgetvalue(res, r, col + 8);
            }
            last_pmid = x.pmid;
            last_id = x.id;
            stop = cb(&a, &x, ud) != 0;
        }
        PQclear(res);
        res = NULL;
    } while (!stop && rows == XPAGE);
done:
    PQclear(res);
    lm_buf_free(&sql);
    lm_buf_free(&arr);
    return rc;
}

/* ---- extract state -------------------------------------------------------- */

static lm_err pg_xstate_pending(lm_corpus *c, int version, int64_t after, int64_t *keys,
                                size_t max, size_t *n)
{
    char v[16], a[24], m[24];
    const char *vals[3] = { v, a, m };
    PGresult *res;
    int i;
    lm_err rc;

    *n = 0;
    snprintf(v, sizeof v, "%d", version);
    snprintf(a, sizeof a, "%lld", (long long)after);
    snprintf(m, sizeof m, "%zu", max);
    if (!(res = run(c, S_PENDING, 3, vals, "cannot find articles to extract", &rc)))
        return rc;
    for (i = 0; i < PQntuples(res) && *n < max; i++)
        keys[(*n)++] = strtoll(PQgetvalue(res, i, 0), NULL, 10);
    PQclear(res);
    return LM_OK;
}

static lm_err pg_xstate_count(lm_corpus *c, int version, uint64_t *pending, uint64_t *gone)
{
    char v[16];
    const char *vals[1] = { v };
    PGresult *res;
    lm_err rc;

    if (pending) {
        *pending = 0;
        snprintf(v, sizeof v, "%d", version);
        res = PQexecParams(P(c)->conn, "SELECT count(*)" PENDING_WHERE, 1, NULL, vals, NULL,
                           NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = pg_fail_in(c, res, "extract_state", "cannot count articles to extract");
            PQclear(res);
            return rc;
        }
        *pending = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
        PQclear(res);
    }
    if (gone)
        return query_u64(c, "SELECT count(*) FROM (" GONE_SELECT ") g", "extract_state",
                         "cannot count articles to extract", gone);
    return LM_OK;
}

static lm_err pg_xstate_put(lm_corpus *c, int64_t pmid, const char *record_md5, int version)
{
    char k[24], v[16];
    const char *vals[3] = { k, record_md5, v };

    snprintf(k, sizeof k, "%lld", (long long)pmid);
    snprintf(v, sizeof v, "%d", version);
    return run_cmd(c, S_XSTATE, 3, vals, "recording the extraction state", NULL);
}

static lm_err pg_xstate_purge(lm_corpus *c, uint64_t *n)
{
    lm_err rc;

    *n = 0;
    if ((rc = query_u64(c, "SELECT count(*) FROM (" GONE_SELECT ") g", "extract_state",
                        "cannot count articles to extract", n)) || !*n)
        return rc;
    if ((rc = exec(c, "BEGIN;"
                   "DELETE FROM extraction WHERE pmid IN (" GONE_SELECT ");"
                   "DELETE FROM extract_state WHERE pmid IN (" GONE_SELECT ");"
                   "COMMIT", "removing extractions of deleted articles"))) {
        PQclear(PQexec(P(c)->conn, "ROLLBACK"));
        *n = 0;
    }
    return rc;
}

/* ---- the run lock ------------------------------------------------------- */

static lm_err pg_run_lock(lm_corpus *c)
{
    PGresult *res, *who;
    lm_err rc;

    if (P(c)->locked)
        return LM_OK;
    res = PQexec(P(c)->conn, "SELECT pg_try_advisory_lock(" LOCK_RUN ")");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = pg_fail(c, res, "cannot take the run lock");
        PQclear(res);
        return rc;
    }
    if (!strcmp(PQgetvalue(res, 0, 0), "t")) {
        PQclear(res);
        P(c)->locked = 1;
        return LM_OK;
    }
    PQclear(res);
    /* the holder's application_name says which litmine, on which host */
    who = PQexec(P(c)->conn, "SELECT a.application_name FROM pg_locks l JOIN"
                 " pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                 " AND l.granted AND l.classid = " LOCK_NS " AND l.objid = 2"
                 " AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database"
                 " WHERE datname = current_database()) LIMIT 1");
    lm_msg_set(c->msg, sizeof c->msg, "%s: another run holds the lock (%s)", c->target,
               PQresultStatus(who) == PGRES_TUPLES_OK && PQntuples(who) &&
               *PQgetvalue(who, 0, 0) ? PQgetvalue(who, 0, 0) : "holder unknown");
    PQclear(who);
    return LM_ERR_LOCKED;
}

static void pg_run_unlock(lm_corpus *c)
{
    if (!P(c)->locked)
        return;
    PQclear(PQexec(P(c)->conn, "SELECT pg_advisory_unlock(" LOCK_RUN ")"));
    P(c)->locked = 0;
}

const struct lm_backend lm_backend_pg = {
    .name = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .schema_version = pg_schema_version,
    .migrate = pg_migrate,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .read_begin = pg_read_begin,
    .read_end = pg_read_end,
    .put = pg_put,
    .put_many = pg_put_many,
    .get = pg_get,
    .each = pg_each,
    .search = pg_search,
    .match_count = pg_match_count,
    .file_seen = pg_file_seen,
    .file_add = pg_file_add,
    .watermark_get = pg_watermark_get,
    .watermark_set = pg_watermark_set,
    .xrows_replace = pg_xrows_replace,
    .xrows_each = pg_xrows_each,
    .xstate_pending = pg_xstate_pending,
    .xstate_count = pg_xstate_count,
    .xstate_put = pg_xstate_put,
    .xstate_purge = pg_xstate_purge,
    .run_lock = pg_run_lock,
    .run_unlock = pg_run_unlock,
    .counts = pg_counts,
    .summary = pg_summary,
};

#endif   /* LM_HAVE_PG */
