/* The corpus store: one SQLite file in WAL mode, its schema and migrations
 * (PRAGMA user_version), record upserts under the version rule, deletions,
 * the source_file ledger and the fetch watermark.  Statements are prepared
 * once per handle and reused for every record. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <openssl/evp.h>
#include "corpus_int.h"

/* The triggers that keep article_fts in step with article row by row.
 * lm_corpus_begin() swaps the insert and update ones for batched upkeep
 * (below) and lm_corpus_commit() puts them back, so other writers always
 * find them. */
#define TRIGGER_AI \
    "CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN" \
    " INSERT INTO article_fts(rowid, title, abstract) VALUES (new.pmid, new.title, new.abstract);" \
    " END;"
#define TRIGGER_AU \
    "CREATE TRIGGER article_au AFTER UPDATE OF title, abstract ON article BEGIN" \
    " INSERT INTO article_fts(article_fts, rowid, title, abstract)" \
    "  VALUES ('delete', old.pmid, old.title, old.abstract);" \
    " INSERT INTO article_fts(rowid, title, abstract) VALUES (new.pmid, new.title, new.abstract);" \
    " END;"

/* Schema v1.  article_fts is an external-content FTS5 index kept in step by
 * triggers, so the text is stored once.  Deleted rows stay (flagged) so a
 * late-arriving older version cannot resurrect them. */
static const char schema_v1[] =
    "CREATE TABLE article("
    " pmid INTEGER PRIMARY KEY, version INTEGER NOT NULL DEFAULT 1,"
    " pmcid TEXT, doi TEXT, title TEXT, abstract TEXT, journal TEXT, year INTEGER,"
    " authors TEXT, pub_types TEXT, mesh TEXT, body TEXT, source TEXT,"
    " record_md5 TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT);"
    "CREATE INDEX article_pmcid ON article(pmcid) WHERE pmcid IS NOT NULL;"
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, abstract,"
    " content='article', content_rowid='pmid',"
    " tokenize='unicode61 remove_diacritics 2');"
    TRIGGER_AI
    "CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, abstract)"
    "  VALUES ('delete', old.pmid, old.title, old.abstract);"
    " END;"
    TRIGGER_AU
    "CREATE TABLE source_file(name TEXT NOT NULL, md5 TEXT PRIMARY KEY,"
    " records INTEGER NOT NULL, imported_at TEXT NOT NULL);"
    "CREATE TABLE extraction(id INTEGER PRIMARY KEY, pmid INTEGER NOT NULL, kind TEXT NOT NULL,"
    " value ANY, lo REAL, hi REAL, k INTEGER, n INTEGER, metric TEXT, p REAL, p_op TEXT,"
    " level TEXT, section TEXT, span_start INTEGER, span_end INTEGER, text TEXT, rule TEXT,"
    " flags TEXT, extractor_version INTEGER);"
    "CREATE INDEX extraction_pmid ON extraction(pmid);"
    "CREATE TABLE fetch_state(query TEXT PRIMARY KEY, watermark TEXT, updated_at TEXT);";

/* Upsert under the version rule: a higher or equal version replaces the
 * stored row (and revives a deleted one); an identical record (same
 * version, same content hash) is left alone so FTS is not churned. */
static const char sql_upsert[] =
    "INSERT INTO article(pmid, version, pmcid, doi, title, abstract, journal, year, authors,"
    " pub_types, mesh, body, source, record_md5, deleted, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, ?15)"
    " ON CONFLICT(pmid) DO UPDATE SET version = excluded.version, pmcid = excluded.pmcid,"
    " doi = excluded.doi, title = excluded.title, abstract = excluded.abstract,"
    " journal = excluded.journal, year = excluded.year, authors = excluded.authors,"
    " pub_types = excluded.pub_types, mesh = excluded.mesh, body = excluded.body,"
    " source = excluded.source, record_md5 = excluded.record_md5, deleted = 0,"
    " updated_at = excluded.updated_at"
    " WHERE excluded.version > article.version OR (excluded.version = article.version"
    "  AND (article.deleted OR article.record_md5 IS NOT excluded.record_md5))";

static const char sql_version[] = "SELECT version, deleted FROM article WHERE pmid = ?1";

/* DeleteCitation marks a stored row deleted.  A PMID never stored gets no
 * row: a tombstone would not keep the record out later (an equal or
 * higher version revives a deleted row), and it would be counted and
 * reported as a deletion that deleted nothing. */
static const char sql_delete[] =
    "UPDATE article SET deleted = 1, updated_at = ?3 WHERE pmid = ?1 AND deleted = 0";

lm_err corpus_db_error(lm_corpus *c, const char *what)
{
    int code = sqlite3_errcode(c->db);

    lm_msg_set(c->msg, sizeof c->msg, "%s: %s: %s", c->path, what, sqlite3_errmsg(c->db));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return LM_ERR_DB_BUSY;
    return LM_ERR_DB;
}

static lm_err exec(lm_corpus *c, const char *sql, const char *what)
{
    if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return corpus_db_error(c, what);
    return LM_OK;
}

static lm_err user_version(lm_corpus *c, int *v)
{
    sqlite3_stmt *st;
    int r;

    if (sqlite3_prepare_v2(c->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return corpus_db_error(c, "cannot read the database");
    r = sqlite3_step(st);
    *v = r == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (r != SQLITE_ROW)
        return corpus_db_error(c, "cannot read the database");
    return LM_OK;
}

/* A database with tables but no user_version is somebody else's. */
static lm_err check_foreign(lm_corpus *c)
{
    sqlite3_stmt *st;
    int n = 0;

    if (sqlite3_prepare_v2(c->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) != SQLITE_OK)
        return corpus_db_error(c, "cannot read the database");
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (n) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: not a litmine corpus (an SQLite file with "
                   "other tables)", c->path);
        return LM_ERR_SCHEMA;
    }
    return LM_OK;
}

/* Brings the schema to CORPUS_SCHEMA_VERSION in one transaction.  Each
 * future version adds one step here; none is ever edited. */
static lm_err migrate(lm_corpus *c, int from)
{
    char sql[64];
    lm_err rc;

    if ((rc = exec(c, "BEGIN IMMEDIATE", "cannot start the schema migration")))
        return rc;
    if (from < 1 && (rc = exec(c, schema_v1, "cannot create the schema")))
        goto fail;
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", CORPUS_SCHEMA_VERSION);
    if ((rc = exec(c, sql, "cannot set the schema version")))
        goto fail;
    if ((rc = exec(c, "COMMIT", "cannot commit the schema migration")))
        goto fail;
    return LM_OK;
fail:
    sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static lm_err setup(lm_corpus *c)
{
    int v = 0;
    lm_err rc;

    sqlite3_busy_timeout(c->db, 5000);
    sqlite3_extended_result_codes(c->db, 0);
    if ((rc = user_version(c, &v)))
        return rc;
    if (v > CORPUS_SCHEMA_VERSION) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: corpus schema version %d is newer than this "
                   "litmine understands (%d): upgrade litmine", c->path, v,
                   CORPUS_SCHEMA_VERSION);
        return LM_ERR_SCHEMA;
    }
    if (v == 0 && (rc = check_foreign(c)))
        return rc;
    if (c->flags & LM_CORPUS_READONLY) {
        if (v < CORPUS_SCHEMA_VERSION) {
            lm_msg_set(c->msg, sizeof c->msg, "%s: corpus schema version %d is older than "
                       "this litmine's (%d): run 'litmine import' once to migrate it",
                       c->path, v, CORPUS_SCHEMA_VERSION);
            return v ? LM_ERR_SCHEMA : LM_ERR_DB;
        }
        return LM_OK;
    }
    /* a 24 MiB page cache keeps a baseline file's FTS index pages from
     * being spilled to the WAL and read back again and again while its one
     * transaction is open; peak memory stays well under 64 MiB */
    if ((rc = exec(c, "PRAGMA journal_mode = WAL", "cannot switch to WAL")) ||
        (rc = exec(c, "PRAGMA synchronous = NORMAL", "cannot set synchronous")) ||
        (rc = exec(c, "PRAGMA cache_size = -24576", "cannot set the cache size")))
        return rc;
    if (v < CORPUS_SCHEMA_VERSION)
        return migrate(c, v);
    return LM_OK;
}

/* 1 when the folder of @p path accepts new files (access() also says no
 * on a read-only mount, even to root). */
static int folder_writable(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int ok;

    if (!slash)
        return access(".", W_OK) == 0;
    if (slash == path)
        return access("/", W_OK) == 0;
    if (!(dir = strndup(path, (size_t)(slash - path))))
        return 1;
    ok = access(dir, W_OK) == 0;
    free(dir);
    return ok;
}

/* "file:<path, %-escaped>?immutable=1" (RFC 3986 as SQLite reads it). */
static char *immutable_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *u = malloc(3 * n + 32), *o;
    const unsigned char *p;

    if (!u)
        return NULL;
    o = u + sprintf(u, "file:");
    for (p = (const unsigned char *)path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7f) {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        } else {
            *o++ = (char)*p;
        }
    }
    strcpy(o, "?immutable=1");
    return u;
}

lm_err lm_corpus_open(const char *path, unsigned flags, lm_corpus **out)
{
    lm_corpus *c;
    struct stat sb;
    int oflags;

    if (!path || !out)
        return LM_ERR_USAGE;
    if (!(*out = c = calloc(1, sizeof *c)) || !(c->path = strdup(path)))
        return LM_ERR_NOMEM;
    c->flags = flags;
    if ((flags & (LM_CORPUS_MUST_EXIST | LM_CORPUS_READONLY)) && stat(path, &sb) != 0) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: no corpus here (import some records first, "
                   "or give --db)", path);
        return LM_ERR_DB;
    }
    oflags = flags & LM_CORPUS_READONLY ? SQLITE_OPEN_READONLY
                                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if ((flags & LM_CORPUS_READONLY) && !folder_writable(path)) {
        /* A WAL database cannot be read where its -shm cannot be made (a
         * read-only mount, another user's folder): open it immutable, as
         * nothing can write there meanwhile. */
        char *uri = immutable_uri(path);

        if (!uri)
            return LM_ERR_NOMEM;
        if (sqlite3_open_v2(uri, &c->db, oflags | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
            free(uri);
            if (!c->db)
                return LM_ERR_NOMEM;
            return corpus_db_error(c, "cannot open the corpus");
        }
        free(uri);
        return setup(c);
    }
    if (sqlite3_open_v2(path, &c->db, oflags, NULL) != SQLITE_OK) {
        if (!c->db)
            return LM_ERR_NOMEM;
        return corpus_db_error(c, "cannot open the corpus");
    }
    return setup(c);
}

void lm_corpus_close(lm_corpus *c)
{
    if (!c)
        return;
    if (c->in_txn)
        lm_corpus_rollback(c);
    sqlite3_finalize(c->st_upsert);
    sqlite3_finalize(c->st_delete);
    sqlite3_finalize(c->st_version);
    sqlite3_close(c->db);
    EVP_MD_CTX_free(c->md);
    free(c->path);
    free(c);
}

const char *lm_corpus_errmsg(const lm_corpus *c)
{
    if (!c)
        return "out of memory";
    return c->msg[0] ? c->msg : "no error";
}

sqlite3 *lm_corpus_sqlite(lm_corpus *c)
{
    return c ? c->db : NULL;
}

/* ---- transactions and writes --------------------------------------------- */

/* Batched FTS upkeep.  FTS5 flushes its pending terms at the start of every
 * statement that writes to it, so row-by-row triggers make one tiny segment
 * per record and keep merging them: two thirds of an import's time.  Inside
 * a write transaction the row triggers are dropped; temporary triggers note
 * each inserted or updated row in fts_todo once (with the text the index
 * holds for it when an indexed row changes; INSERT OR IGNORE would take the
 * outer UPSERT's conflict rule, so NOT EXISTS), and every FTS_BATCH
 * records one statement removes the old entries and one indexes the new
 * text.  The schema's triggers are created again before COMMIT, in the same
 * transaction, so no other connection ever sees them missing, and a
 * rollback undoes it all. */
#define FTS_BATCH 2000
static const char sql_fts_defer[] =
    "DROP TRIGGER article_ai; DROP TRIGGER article_au;"
    "CREATE TEMP TABLE IF NOT EXISTS fts_todo(pmid INTEGER PRIMARY KEY, indexed INTEGER,"
    " title TEXT, abstract TEXT);"
    "CREATE TEMP TRIGGER fts_todo_ai AFTER INSERT ON main.article BEGIN"
    " INSERT INTO fts_todo SELECT new.pmid, 0, NULL, NULL"
    "  WHERE NOT EXISTS (SELECT 1 FROM fts_todo WHERE pmid = new.pmid); END;"
    "CREATE TEMP TRIGGER fts_todo_au BEFORE UPDATE OF title, abstract ON main.article BEGIN"
    " INSERT INTO fts_todo SELECT old.pmid, 1, old.title, old.abstract"
    "  WHERE NOT EXISTS (SELECT 1 FROM fts_todo WHERE pmid = old.pmid); END;";
static const char sql_fts_flush[] =
    "INSERT INTO article_fts(article_fts, rowid, title, abstract)"
    " SELECT 'delete', pmid, title, abstract FROM fts_todo WHERE indexed;"
    "INSERT INTO article_fts(rowid, title, abstract)"
    " SELECT a.pmid, a.title, a.abstract FROM fts_todo t JOIN article a ON a.pmid = t.pmid;"
    "DELETE FROM fts_todo;";
static const char sql_fts_restore[] =
    "DROP TRIGGER temp.fts_todo_ai; DROP TRIGGER temp.fts_todo_au;" TRIGGER_AI TRIGGER_AU;

static lm_err fts_flush(lm_corpus *c)
{
    c->fts_puts = 0;
    return exec(c, sql_fts_flush, "cannot update the full-text index");
}

lm_err lm_corpus_begin(lm_corpus *c)
{
    time_t t = time(NULL);
    struct tm tm;
    lm_err rc;

    if (!c || c->in_txn)
        return LM_ERR_USAGE;
    /* IMMEDIATE: take the write lock now, so a busy database fails before
     * any work is done rather than at commit */
    if ((rc = exec(c, "BEGIN IMMEDIATE", "cannot start a transaction")))
        return rc;
    if ((rc = exec(c, sql_fts_defer, "cannot start a transaction"))) {
        sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    c->fts_puts = 0;
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
    if ((rc = fts_flush(c)) ||
        (rc = exec(c, sql_fts_restore, "cannot restore the index triggers")) ||
        (rc = exec(c, "COMMIT", "cannot commit"))) {
        lm_corpus_rollback(c);
        return rc;
    }
    c->in_txn = 0;
    return LM_OK;
}

void lm_corpus_rollback(lm_corpus *c)
{
    if (!c || !c->in_txn)
        return;
    sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
    /* the rollback undid the trigger swap; make sure of the temp side */
    sqlite3_exec(c->db, "DROP TRIGGER IF EXISTS temp.fts_todo_ai;"
                 "DROP TRIGGER IF EXISTS temp.fts_todo_au;", NULL, NULL, NULL);
    c->in_txn = 0;
}

static lm_err prepare(lm_corpus *c, sqlite3_stmt **st, const char *sql)
{
    if (*st) {
        sqlite3_reset(*st);
        return LM_OK;
    }
    if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
        return corpus_db_error(c, "cannot prepare a statement");
    return LM_OK;
}

static void bind_buf(sqlite3_stmt *st, int i, const lm_buf *b)
{
    if (b->len)
        sqlite3_bind_text(st, i, b->s, (int)b->len, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* MD5 of a record's content: tells a changed record from a replayed one. */
static void record_md5(lm_corpus *c, const lm_record *r, char hex[33])
{
    static const char digits[] = "0123456789abcdef";
    const lm_buf *f[] = { &r->pmcid, &r->doi, &r->title, &r->abstract, &r->journal,
                          &r->authors, &r->pub_types, &r->mesh, &r->body };
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    EVP_MD_CTX *ctx = c->md ? c->md : (c->md = EVP_MD_CTX_new());
    char year[16];

    hex[0] = '\0';
    if (!ctx)
        return;
    snprintf(year, sizeof year, "%d", r->year);
    EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
    EVP_DigestUpdate(ctx, year, strlen(year) + 1);
    for (i = 0; i < sizeof f / sizeof *f; i++)
        EVP_DigestUpdate(ctx, lm_buf_str(f[i]), f[i]->len + 1);
    EVP_DigestFinal_ex(ctx, md, &n);
    for (i = 0; i < n && i < 16; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[32] = '\0';
}

/* Tells an older version (0) from an identical replay (3) after an upsert
 * that changed nothing. */
static lm_err unchanged_or_older(lm_corpus *c, const lm_record *r, int *outcome)
{
    lm_err rc;

    if ((rc = prepare(c, &c->st_version, sql_version)))
        return rc;
    sqlite3_bind_int64(c->st_version, 1, r->pmid);
    if (sqlite3_step(c->st_version) == SQLITE_ROW &&
        sqlite3_column_int(c->st_version, 0) == r->version)
        *outcome = 3;
    sqlite3_reset(c->st_version);
    return LM_OK;
}

static lm_err put_article(lm_corpus *c, const lm_record *r, int *outcome)
{
    sqlite3_stmt *st;
    char md5[33];
    lm_err rc;

    if ((rc = prepare(c, &c->st_upsert, sql_upsert)))
        return rc;
    st = c->st_upsert;
    record_md5(c, r, md5);
    sqlite3_bind_int64(st, 1, r->pmid);
    sqlite3_bind_int(st, 2, r->version);
    bind_buf(st, 3, &r->pmcid);
    bind_buf(st, 4, &r->doi);
    bind_buf(st, 5, &r->title);
    bind_buf(st, 6, &r->abstract);
    bind_buf(st, 7, &r->journal);
    if (r->year)
        sqlite3_bind_int(st, 8, r->year);
    else
        sqlite3_bind_null(st, 8);
    bind_buf(st, 9, &r->authors);
    bind_buf(st, 10, &r->pub_types);
    bind_buf(st, 11, &r->mesh);
    bind_buf(st, 12, &r->body);
    sqlite3_bind_text(st, 13, r->source ? r->source : "pubmed", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 14, md5, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 15, c->now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = corpus_db_error(c, "cannot store a record");
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_reset(st);
    if (outcome)
        *outcome = sqlite3_changes(c->db) ? 1 : 0;
    if (outcome && !*outcome)
        return unchanged_or_older(c, r, outcome);
    return LM_OK;
}

static lm_err put_delete(lm_corpus *c, const lm_record *r, int *outcome)
{
    sqlite3_stmt *st;
    lm_err rc;

    if ((rc = prepare(c, &c->st_delete, sql_delete)))
        return rc;
    st = c->st_delete;
    sqlite3_bind_int64(st, 1, r->pmid);
    sqlite3_bind_int(st, 2, r->version);
    sqlite3_bind_text(st, 3, c->now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = corpus_db_error(c, "cannot mark a record deleted");
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_reset(st);
    if (outcome)    /* 4: nothing to delete (never stored, or deleted before) */
        *outcome = sqlite3_changes(c->db) ? 2 : 4;
    return LM_OK;
}

lm_err lm_corpus_put(lm_corpus *c, const lm_record *r, int *outcome)
{
    lm_err rc;

    if (!c || !r || !c->in_txn || r->pmid <= 0)
        return LM_ERR_USAGE;
    if (c->flags & LM_CORPUS_READONLY)
        return LM_ERR_USAGE;
    if (++c->fts_puts >= FTS_BATCH && (rc = fts_flush(c)))
        return rc;
    return r->kind == LM_REC_DELETE ? put_delete(c, r, outcome) : put_article(c, r, outcome);
}

/* ---- ledger and watermark ------------------------------------------------ */

lm_err lm_corpus_file_seen(lm_corpus *c, const char *md5, int *seen)
{
    sqlite3_stmt *st;
    int r;

    *seen = 0;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM source_file WHERE md5 = ?1", -1, &st, NULL))
        return corpus_db_error(c, "cannot read the import ledger");
    sqlite3_bind_text(st, 1, md5, -1, SQLITE_STATIC);
    r = sqlite3_step(st);
    *seen = r == SQLITE_ROW;
    sqlite3_finalize(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE)
        return corpus_db_error(c, "cannot read the import ledger");
    return LM_OK;
}

lm_err lm_corpus_file_add(lm_corpus *c, const char *name, const char *md5, uint64_t records)
{
    sqlite3_stmt *st;
    int r;

    if (sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO source_file(name, md5, records,"
                           " imported_at) VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ'))",
                           -1, &st, NULL))
        return corpus_db_error(c, "cannot write the import ledger");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, md5, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)records);
    r = sqlite3_step(st);
    sqlite3_finalize(st);
    if (r != SQLITE_DONE)
        return corpus_db_error(c, "cannot write the import ledger");
    return LM_OK;
}

lm_err lm_corpus_watermark_get(lm_corpus *c, const char *query, char **out)
{
    sqlite3_stmt *st;
    int r;

    *out = NULL;
    if (sqlite3_prepare_v2(c->db, "SELECT watermark FROM fetch_state WHERE query = ?1", -1,
                           &st, NULL))
        return corpus_db_error(c, "cannot read the fetch state");
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW && sqlite3_column_text(st, 0) &&
        !(*out = strdup((const char *)sqlite3_column_text(st, 0)))) {
        sqlite3_finalize(st);
        return LM_ERR_NOMEM;
    }
    sqlite3_finalize(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE)
        return corpus_db_error(c, "cannot read the fetch state");
    return LM_OK;
}

lm_err lm_corpus_watermark_set(lm_corpus *c, const char *query, const char *watermark)
{
    sqlite3_stmt *st;
    int r;

    if (sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO fetch_state(query, watermark,"
                           " updated_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ'))",
                           -1, &st, NULL))
        return corpus_db_error(c, "cannot write the fetch state");
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, watermark, -1, SQLITE_STATIC);
    r = sqlite3_step(st);
    sqlite3_finalize(st);
    if (r != SQLITE_DONE)
        return corpus_db_error(c, "cannot write the fetch state");
    return LM_OK;
}
