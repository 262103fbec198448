/* The SQLite backend (backend.h): one file in WAL mode, its schema and
 * migrations (PRAGMA user_version), record upserts under the version rule,
 * deletions, the source_file ledger, the fetch watermark, extraction rows
 * and their state, and FTS5 search with bm25.  Statements used per record
 * are prepared once per handle and reused. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <strings.h>
#include <time.h>
#include <stdint.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include "corpus_int.h"

/* The backend's state (c->impl). */
struct sq {
    sqlite3 *db;
    EVP_MD_CTX *md;             /* for record_md5, reused */
    sqlite3_stmt *st_upsert;    /* prepared once, reused per record */
    sqlite3_stmt *st_delete;
    sqlite3_stmt *st_version;
    sqlite3_stmt *st_pmc_get;   /* a PMC article's own fields (article_pmc) */
    sqlite3_stmt *st_pmc_put;
    sqlite3_stmt *st_art_get;   /* the merged row, to recover PubMed's fields */
    sqlite3_stmt *st_merge;     /* re-merge after a PMC record changed */
    sqlite3_stmt *st_databanks;
    sqlite3_stmt *st_xdel;      /* extraction rows of one PMID */
    sqlite3_stmt *st_xins;
    sqlite3_stmt *st_xstate;
    int pmc_any;                /* article_pmc may hold rows (skip lookups if not) */
    int fts_deferred;           /* this transaction swapped the FTS triggers */
    int in_read;                /* a read transaction of read_begin() is open */
    int checked;                /* check_table() ran on this handle */
    lm_record other;            /* scratch: the other source's record while merging */
    unsigned fts_puts;          /* records put since the last FTS flush */
};
#define S(c) ((struct sq *)(c)->impl)

static lm_err fts_flush(lm_corpus *c);
static lm_err prepare(lm_corpus *c, sqlite3_stmt **st, const char *sql);

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

/* Schema v2: the study model's strings on extraction rows (DESIGN.md
 * "Extraction records"). */
static const char schema_v2[] =
    "ALTER TABLE extraction ADD COLUMN outcome TEXT;"
    "ALTER TABLE extraction ADD COLUMN intervention TEXT;"
    "ALTER TABLE extraction ADD COLUMN comparator TEXT;"
    "ALTER TABLE extraction ADD COLUMN dose TEXT;"
    "ALTER TABLE extraction ADD COLUMN frequency TEXT;"
    "ALTER TABLE extraction ADD COLUMN duration TEXT;"
    "ALTER TABLE extraction ADD COLUMN route TEXT;"
    "ALTER TABLE extraction ADD COLUMN label TEXT;";

/* Schema v3: a PubMed record and a PMC article of one PMID both keep all
 * their fields, whichever comes first.  article stays the merged row every
 * reader sees (and FTS indexes): PubMed's value of each field when it has
 * one (MeSH, publication types, version, journal metadata, title and
 * abstract), else PMC's (body, PMCID...).  article_pmc keeps the PMC
 * article as read; pubmed_version/pubmed_md5 tell that a PubMed record is
 * stored and which, and from_pmc has one bit per field (PMC_BIT) that the
 * merged row took from PMC, so PubMed's own record can be told apart from
 * the merge again.  An article with no PMID is keyed by minus its PMC
 * number (lm_corpus_key_parse).  record_md5 is the merged row's hash, so a
 * new PMC body makes the extractors run again. */
static const char schema_v3[] =
    "ALTER TABLE article ADD COLUMN pubmed_version INTEGER;"
    "ALTER TABLE article ADD COLUMN pubmed_md5 TEXT;"
    "ALTER TABLE article ADD COLUMN from_pmc INTEGER NOT NULL DEFAULT 0;"
    "UPDATE article SET pubmed_version = version, pubmed_md5 = record_md5"
    " WHERE source IS NOT 'pmc';"
    "CREATE TABLE article_pmc(pmid INTEGER PRIMARY KEY, version INTEGER NOT NULL DEFAULT 1,"
    " pmcid TEXT, doi TEXT, title TEXT, abstract TEXT, journal TEXT, year INTEGER,"
    " authors TEXT, pub_types TEXT, mesh TEXT, body TEXT, record_md5 TEXT, updated_at TEXT);"
    "INSERT INTO article_pmc SELECT pmid, version, pmcid, doi, title, abstract, journal, year,"
    " authors, pub_types, mesh, body, record_md5, updated_at FROM article WHERE source = 'pmc';";

/* Schema v4: PubMed's DataBankList (trial registrations among them), kept
 * by its own statement (sql_databanks) beside the upsert. */
static const char schema_v4[] = "ALTER TABLE article ADD COLUMN databanks TEXT;";

/* Schema v5: extract_state, per article the record_md5 and extractor
 * version its extractions were made from (`litmine run` extracts an
 * article again only when either differs).  Before v5 `litmine run`
 * created it itself, hence IF NOT EXISTS. */
static const char schema_v5[] =
    "CREATE TABLE IF NOT EXISTS extract_state(pmid INTEGER PRIMARY KEY,"
    " record_md5 TEXT, extractor_version INTEGER NOT NULL);";

/* The DataBankList of a PubMed record, on the row of that same version only
 * (an older record never writes over a newer one; a PMC article, which has
 * no DataBankList, leaves it alone). */
static const char sql_databanks[] =
    "UPDATE article SET databanks = ?2 WHERE pmid = ?1 AND version = ?3 AND deleted = 0"
    " AND databanks IS NOT ?2";

/* Upsert of the merged row under the version rule: a higher or equal
 * version replaces the stored row (and revives a deleted one); an
 * identical record (same version, same PubMed and merged content hashes)
 * is left alone so FTS is not churned.  A row holding only a PMC article
 * has PMC's version (1), so any PubMed record of that PMID merges in. */
static const char sql_upsert[] =
    "INSERT INTO article(pmid, version, pmcid, doi, title, abstract, journal, year, authors,"
    " pub_types, mesh, body, source, record_md5, deleted, updated_at, pubmed_version,"
    " pubmed_md5, from_pmc)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, ?15, ?16, ?17, ?18)"
    " ON CONFLICT(pmid) DO UPDATE SET version = excluded.version, pmcid = excluded.pmcid,"
    " doi = excluded.doi, title = excluded.title, abstract = excluded.abstract,"
    " journal = excluded.journal, year = excluded.year, authors = excluded.authors,"
    " pub_types = excluded.pub_types, mesh = excluded.mesh, body = excluded.body,"
    " source = excluded.source, record_md5 = excluded.record_md5, deleted = 0,"
    " updated_at = excluded.updated_at, pubmed_version = excluded.pubmed_version,"
    " pubmed_md5 = excluded.pubmed_md5, from_pmc = excluded.from_pmc"
    " WHERE excluded.version > article.version OR (excluded.version = article.version"
    "  AND (article.deleted OR article.record_md5 IS NOT excluded.record_md5"
    "   OR article.pubmed_md5 IS NOT excluded.pubmed_md5))";

static const char sql_version[] = "SELECT version, deleted FROM article WHERE pmid = ?1";

/* The ten merged fields in column order (year is the sixth). */
#define FIELD_COLS "pmcid, doi, title, abstract, journal, year, authors, pub_types, mesh, body"

static const char sql_pmc_get[] =
    "SELECT " FIELD_COLS " FROM article_pmc WHERE pmid = ?1";
static const char sql_pmc_put[] =
    "INSERT INTO article_pmc(pmid, " FIELD_COLS ", version, record_md5, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    " ON CONFLICT(pmid) DO UPDATE SET pmcid = excluded.pmcid, doi = excluded.doi,"
    " title = excluded.title, abstract = excluded.abstract, journal = excluded.journal,"
    " year = excluded.year, authors = excluded.authors, pub_types = excluded.pub_types,"
    " mesh = excluded.mesh, body = excluded.body, version = excluded.version,"
    " record_md5 = excluded.record_md5, updated_at = excluded.updated_at"
    " WHERE excluded.version > article_pmc.version OR (excluded.version = article_pmc.version"
    "  AND article_pmc.record_md5 IS NOT excluded.record_md5)";
static const char sql_art_get[] =
    "SELECT " FIELD_COLS ", pubmed_version, from_pmc, deleted FROM article WHERE pmid = ?1";
static const char sql_merge[] =
    "UPDATE article SET pmcid = ?2, doi = ?3, title = ?4, abstract = ?5, journal = ?6,"
    " year = ?7, authors = ?8, pub_types = ?9, mesh = ?10, body = ?11,"
    " source = 'pubmed+pmc', record_md5 = ?12, from_pmc = ?13, updated_at = ?14"
    " WHERE pmid = ?1";

/* DeleteCitation marks a stored row deleted, and speaks for PubMed: the
 * row then counts as holding a (deleted) PubMed record, so a PMC article
 * arriving later is kept in article_pmc without reviving it.  A PMID never
 * stored gets no row: a tombstone would not keep the record out later (an
 * equal or higher version revives a deleted row), and it would be counted
 * and reported as a deletion that deleted nothing. */
static const char sql_delete[] =
    "UPDATE article SET deleted = 1, updated_at = ?3,"
    " pubmed_version = COALESCE(pubmed_version, ?2) WHERE pmid = ?1 AND deleted = 0";

/* Sets c->msg from the current SQLite error and maps it to an lm_err
 * (SQLITE_BUSY/LOCKED -> LM_ERR_DB_BUSY, everything else LM_ERR_DB).  A
 * damaged file names the table being read (@table, when known). */
static lm_err db_error_in(lm_corpus *c, const char *table, const char *what)
{
    int code = sqlite3_errcode(S(c)->db);

    if (table && (code == SQLITE_CORRUPT || code == SQLITE_NOTADB))
        lm_msg_set(c->msg, sizeof c->msg, "%s: table %s: %s: %s", c->target, table, what,
                   sqlite3_errmsg(S(c)->db));
    else
        lm_msg_set(c->msg, sizeof c->msg, "%s: %s: %s", c->target, what,
                   sqlite3_errmsg(S(c)->db));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return LM_ERR_DB_BUSY;
    return LM_ERR_DB;
}

static lm_err corpus_db_error(lm_corpus *c, const char *what)
{
    return db_error_in(c, NULL, what);
}

static lm_err exec(lm_corpus *c, const char *sql, const char *what)
{
    if (sqlite3_exec(S(c)->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return corpus_db_error(c, what);
    return LM_OK;
}

static lm_err user_version(lm_corpus *c, int *v)
{
    sqlite3_stmt *st;
    int r;

    if (sqlite3_prepare_v2(S(c)->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
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

    if (sqlite3_prepare_v2(S(c)->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) != SQLITE_OK)
        return corpus_db_error(c, "cannot read the database");
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (n) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: not a litmine corpus (an SQLite file with "
                   "other tables)", c->target);
        return LM_ERR_SCHEMA;
    }
    return LM_OK;
}

/* Brings the schema to CORPUS_SCHEMA_VERSION in one transaction.  Each
 * future version adds one step here; none is ever edited. */
static lm_err sq_migrate(lm_corpus *c, int from)
{
    char sql[64];
    lm_err rc;

    /* a 24 MiB page cache keeps a baseline file's FTS index pages from
     * being spilled to the WAL and read back again and again while its one
     * transaction is open; peak memory stays well under 64 MiB */
    if ((rc = exec(c, "PRAGMA journal_mode = WAL", "cannot switch to WAL")) ||
        (rc = exec(c, "PRAGMA synchronous = NORMAL", "cannot set synchronous")) ||
        (rc = exec(c, "PRAGMA cache_size = -24576", "cannot set the cache size")))
        return rc;
    if (from >= CORPUS_SCHEMA_VERSION)
        return LM_OK;
    if ((rc = exec(c, "BEGIN IMMEDIATE", "cannot start the schema migration")))
        return rc;
    if (from < 1 && (rc = exec(c, schema_v1, "cannot create the schema")))
        goto fail;
    if (from < 2 && (rc = exec(c, schema_v2, "cannot add the study-model columns")))
        goto fail;
    if (from < 3 && (rc = exec(c, schema_v3, "cannot migrate the schema to version 3")))
        goto fail;
    if (from < 4 && (rc = exec(c, schema_v4, "cannot add the databanks column")))
        goto fail;
    if (from < 5 && (rc = exec(c, schema_v5, "cannot create extract_state")))
        goto fail;
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", CORPUS_SCHEMA_VERSION);
    if ((rc = exec(c, sql, "cannot set the schema version")))
        goto fail;
    if ((rc = exec(c, "COMMIT", "cannot commit the schema migration")))
        goto fail;
    return LM_OK;
fail:
    sqlite3_exec(S(c)->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* The stored version; a database with tables and no version is not ours. */
static lm_err sq_schema_version(lm_corpus *c, int *v)
{
    lm_err rc;

    *v = 0;
    if ((rc = user_version(c, v)))
        return rc;
    return *v == 0 ? check_foreign(c) : LM_OK;
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

static lm_err sq_setup(lm_corpus *c)
{
    sqlite3_busy_timeout(S(c)->db, 5000);
    sqlite3_extended_result_codes(S(c)->db, 0);
    return LM_OK;
}

static lm_err sq_open(lm_corpus *c)
{
    const char *path = c->target;
    struct stat sb;
    int oflags;

    if (!(c->impl = calloc(1, sizeof(struct sq))))
        return LM_ERR_NOMEM;
    lm_record_init(&S(c)->other);
    if ((c->flags & (LM_CORPUS_MUST_EXIST | LM_CORPUS_READONLY)) && stat(path, &sb) != 0) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: no corpus here (import some records first, "
                   "or give --db)", path);
        return LM_ERR_DB;
    }
    oflags = c->flags & LM_CORPUS_READONLY ? SQLITE_OPEN_READONLY
                                           : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if ((c->flags & LM_CORPUS_READONLY) && !folder_writable(path)) {
        /* A WAL database cannot be read where its -shm cannot be made (a
         * read-only mount, another user's folder): open it immutable, as
         * nothing can write there meanwhile. */
        char *uri = immutable_uri(path);

        if (!uri)
            return LM_ERR_NOMEM;
        if (sqlite3_open_v2(uri, &S(c)->db, oflags | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
            free(uri);
            if (!S(c)->db)
                return LM_ERR_NOMEM;
            return corpus_db_error(c, "cannot open the corpus");
        }
        free(uri);
        return sq_setup(c);
    }
    if (sqlite3_open_v2(path, &S(c)->db, oflags, NULL) != SQLITE_OK) {
        if (!S(c)->db)
            return LM_ERR_NOMEM;
        return corpus_db_error(c, "cannot open the corpus");
    }
    return sq_setup(c);
}

static void sq_rollback(lm_corpus *c);

static void sq_close(lm_corpus *c)
{
    struct sq *q = S(c);

    if (!q)
        return;
    if (c->in_txn)
        sq_rollback(c);
    sqlite3_finalize(q->st_upsert);
    sqlite3_finalize(q->st_delete);
    sqlite3_finalize(q->st_databanks);
    sqlite3_finalize(q->st_version);
    sqlite3_finalize(q->st_pmc_get);
    sqlite3_finalize(q->st_pmc_put);
    sqlite3_finalize(q->st_art_get);
    sqlite3_finalize(q->st_merge);
    sqlite3_finalize(q->st_xdel);
    sqlite3_finalize(q->st_xins);
    sqlite3_finalize(q->st_xstate);
    sqlite3_close(q->db);
    lm_record_free(&q->other);
    EVP_MD_CTX_free(q->md);
    free(q);
    c->impl = NULL;
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
    S(c)->fts_puts = 0;
    if (!S(c)->fts_deferred)
        return LM_OK;
    return exec(c, sql_fts_flush, "cannot update the full-text index");
}

/* The trigger swap, on the first record of a transaction: a transaction
 * that writes no article (extraction rows, the ledger) keeps the row
 * triggers, and does no schema change while it reads articles. */
static lm_err fts_defer(lm_corpus *c)
{
    struct sq *q = S(c);
    sqlite3_stmt *st;
    lm_err rc;

    if (q->fts_deferred)
        return LM_OK;
    if ((rc = exec(c, sql_fts_defer, "cannot start a transaction")))
        return rc;
    q->fts_deferred = 1;
    q->fts_puts = 0;
    q->pmc_any = 1;     /* until proven empty: a wrong 0 would lose a merge */
    if (sqlite3_prepare_v2(q->db, "SELECT EXISTS (SELECT 1 FROM article_pmc)", -1, &st,
                           NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            q->pmc_any = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return LM_OK;
}

static lm_err sq_begin(lm_corpus *c)
{
    struct sq *q = S(c);

    if (q->in_read) {
        sqlite3_exec(q->db, "COMMIT", NULL, NULL, NULL);
        q->in_read = 0;
    }
    q->fts_deferred = 0;
    /* IMMEDIATE: take the write lock now, so a busy database fails before
     * any work is done rather than at commit */
    return exec(c, "BEGIN IMMEDIATE", "cannot start a transaction");
}

static lm_err sq_commit(lm_corpus *c)
{
    lm_err rc;

    if ((rc = fts_flush(c)) ||
        (S(c)->fts_deferred &&
         (rc = exec(c, sql_fts_restore, "cannot restore the index triggers"))) ||
        (rc = exec(c, "COMMIT", "cannot commit"))) {
        sq_rollback(c);
        return rc;
    }
    S(c)->fts_deferred = 0;
    return LM_OK;
}

static void sq_rollback(lm_corpus *c)
{
    sqlite3_exec(S(c)->db, "ROLLBACK", NULL, NULL, NULL);
    /* the rollback undid the trigger swap; make sure of the temp side */
    if (S(c)->fts_deferred)
        sqlite3_exec(S(c)->db, "DROP TRIGGER IF EXISTS temp.fts_todo_ai;"
                     "DROP TRIGGER IF EXISTS temp.fts_todo_au;", NULL, NULL, NULL);
    S(c)->fts_deferred = 0;
}

static lm_err sq_read_begin(lm_corpus *c)
{
    if (S(c)->in_read || !sqlite3_get_autocommit(S(c)->db))
        return LM_OK;
    if (sqlite3_exec(S(c)->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return corpus_db_error(c, "cannot start reading");
    S(c)->in_read = 1;
    return LM_OK;
}

static void sq_read_end(lm_corpus *c)
{
    if (!S(c)->in_read)
        return;
    sqlite3_exec(S(c)->db, "COMMIT", NULL, NULL, NULL);
    S(c)->in_read = 0;
}

static lm_err prepare(lm_corpus *c, sqlite3_stmt **st, const char *sql)
{
    if (*st) {
        sqlite3_reset(*st);
        return LM_OK;
    }
    if (sqlite3_prepare_v3(S(c)->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
        return corpus_db_error(c, "cannot prepare a statement");
    return LM_OK;
}

/* Copies the ten FIELD_COLS columns of @st from column @first into @o,
 * leaving out those in @skip (bits of fields that are not @o's own). */
static lm_err copy_cols(sqlite3_stmt *st, int first, unsigned skip, lm_record *o)
{
    int f;

    lm_record_clear(o);
    for (f = 0; f < NFIELD; f++) {
        const char *s;
        if (skip & PMC_BIT(f))
            continue;
        if (f == F_YEAR) {
            o->year = sqlite3_column_int(st, first + f);
            continue;
        }
        s = (const char *)sqlite3_column_text(st, first + f);
        if (s && lm_buf_append(corpus_rec_field(o, f), s, (size_t)sqlite3_column_bytes(st, first + f)))
            return LM_ERR_NOMEM;
    }
    return LM_OK;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s, size_t n)
{
    if (n)
        sqlite3_bind_text(st, i, s, (int)n, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Binds the ten fields of @v to parameters @first.. in FIELD_COLS order. */
static void bind_view(sqlite3_stmt *st, int first, const struct corpus_view *v)
{
    int f;

    for (f = 0; f < NFIELD; f++) {
        if (f != F_YEAR)
            bind_text(st, first + f, v->s[f], v->n[f]);
        else if (v->year)
            sqlite3_bind_int(st, first + f, v->year);
        else
            sqlite3_bind_null(st, first + f);
    }
}

/* A record with both a PMID and a PMCID supersedes an article stored
 * under that PMCID alone (imported before its PMID was known): the PMC
 * fields move to the PMID (unless it has its own) and the PMCID-keyed row
 * goes.  Rare, so the FTS batch is flushed first and the schema's delete
 * trigger keeps the index exact. */
static lm_err adopt_pmcid_row(lm_corpus *c, const lm_record *r)
{
    int64_t n = corpus_pmc_number(lm_buf_str(&r->pmcid));
    char sql[400];
    sqlite3_stmt *st;
    int found;
    lm_err rc;

    if (!n || !S(c)->pmc_any)
        return LM_OK;
    if (sqlite3_prepare_v2(S(c)->db, "SELECT 1 FROM article_pmc WHERE pmid = ?1", -1, &st, NULL))
        return corpus_db_error(c, "cannot read the corpus");
    sqlite3_bind_int64(st, 1, -n);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!found)
        return LM_OK;
    if ((rc = fts_flush(c)))
        return rc;
    snprintf(sql, sizeof sql,
             "UPDATE article_pmc SET pmid = %lld WHERE pmid = %lld"
             " AND NOT EXISTS (SELECT 1 FROM article_pmc WHERE pmid = %lld);"
             "DELETE FROM article_pmc WHERE pmid = %lld;"
             "DELETE FROM article WHERE pmid = %lld;",
             (long long)r->pmid, (long long)-n, (long long)r->pmid, (long long)-n,
             (long long)-n);
    return exec(c, sql, "cannot move an article stored under its PMCID");
}

/* ---- writes -------------------------------------------------------------- */

/* Tells an older version (0) from an identical replay (3) after an upsert
 * that changed nothing. */
static lm_err unchanged_or_older(lm_corpus *c, int64_t key, int version, int *outcome)
{
    lm_err rc;

    if ((rc = prepare(c, &S(c)->st_version, sql_version)))
        return rc;
    sqlite3_bind_int64(S(c)->st_version, 1, key);
    if (sqlite3_step(S(c)->st_version) == SQLITE_ROW &&
        sqlite3_column_int(S(c)->st_version, 0) == version)
        *outcome = 3;
    sqlite3_reset(S(c)->st_version);
    return LM_OK;
}

static lm_err put_databanks(lm_corpus *c, const lm_record *r)
{
    lm_err rc;
    int ok;

    if (r->source && strcmp(r->source, "pubmed"))
        return LM_OK;
    if ((rc = prepare(c, &S(c)->st_databanks, sql_databanks)))
        return rc;
    sqlite3_bind_int64(S(c)->st_databanks, 1, r->pmid);
    if (r->databanks.len)
        sqlite3_bind_text(S(c)->st_databanks, 2, r->databanks.s, (int)r->databanks.len,
                          SQLITE_STATIC);
    else
        sqlite3_bind_null(S(c)->st_databanks, 2);
    sqlite3_bind_int(S(c)->st_databanks, 3, r->version);
    ok = sqlite3_step(S(c)->st_databanks) == SQLITE_DONE;
    sqlite3_reset(S(c)->st_databanks);
    return ok ? LM_OK : corpus_db_error(c, "cannot store a record's DataBankList");
}

/* Same, for a PMC article that did not change article_pmc (rare: a replay
 * of the same article in another file). */
static lm_err pmc_unchanged_or_older(lm_corpus *c, int64_t key, int version, int *outcome)
{
    sqlite3_stmt *st;

    if (sqlite3_prepare_v2(S(c)->db, "SELECT version FROM article_pmc WHERE pmid = ?1", -1, &st,
                           NULL))
        return corpus_db_error(c, "cannot read a PMC article");
    sqlite3_bind_int64(st, 1, key);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == version)
        *outcome = 3;
    sqlite3_finalize(st);
    return LM_OK;
}

/* The merged-row upsert.  @pubmed_md5 NULL: no PubMed record in it. */
static lm_err upsert(lm_corpus *c, int64_t key, int version, const struct corpus_view *v,
                     const char *source, const char *pubmed_md5, unsigned bits, int *changed)
{
    sqlite3_stmt *st;
    char md5[33];
    lm_err rc;

    if ((rc = prepare(c, &S(c)->st_upsert, sql_upsert)))
        return rc;
    st = S(c)->st_upsert;
    corpus_view_md5(&S(c)->md, v, md5);
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int(st, 2, version);
    bind_view(st, 3, v);
    sqlite3_bind_text(st, 13, source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 14, md5, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 15, c->now, -1, SQLITE_STATIC);
    if (pubmed_md5) {
        sqlite3_bind_int(st, 16, version);
        sqlite3_bind_text(st, 17, pubmed_md5, -1, SQLITE_TRANSIENT);
    } else {
        sqlite3_bind_null(st, 16);
        sqlite3_bind_null(st, 17);
    }
    sqlite3_bind_int(st, 18, (int)bits);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = corpus_db_error(c, "cannot store a record");
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_reset(st);
    *changed = sqlite3_changes(S(c)->db) != 0;
    return LM_OK;
}

/* A PubMed record: merged with the PMC article of its PMID, if stored. */
static lm_err put_pubmed(lm_corpus *c, const lm_record *r, int *outcome)
{
    struct corpus_view pm, pmc, v;
    char pm_md5[33];
    unsigned bits = 0;
    int has_pmc = 0, changed = 0, row;
    lm_err rc;

    if (r->pmcid.len && (rc = adopt_pmcid_row(c, r)))
        return rc;
    corpus_view_of(r, &pm);
    v = pm;
    if (S(c)->pmc_any) {
        if ((rc = prepare(c, &S(c)->st_pmc_get, sql_pmc_get)))
            return rc;
        sqlite3_bind_int64(S(c)->st_pmc_get, 1, r->pmid);
        row = sqlite3_step(S(c)->st_pmc_get);
        if (row == SQLITE_ROW) {
            has_pmc = 1;
            rc = copy_cols(S(c)->st_pmc_get, 0, 0, &S(c)->other);
        } else if (row != SQLITE_DONE) {
            rc = corpus_db_error(c, "cannot read a PMC article");
        }
        sqlite3_reset(S(c)->st_pmc_get);
        if (rc)
            return rc;
        if (has_pmc) {
            corpus_view_of(&S(c)->other, &pmc);
            bits = corpus_merge(&pm, &pmc, &v);
        }
    }
    corpus_view_md5(&S(c)->md, &pm, pm_md5);
    if ((rc = upsert(c, r->pmid, r->version, &v, has_pmc ? "pubmed+pmc" : "pubmed", pm_md5,
                     bits, &changed)))
        return rc;
    if ((rc = put_databanks(c, r)))
        return rc;
    *outcome = changed;
    if (!changed)
        return unchanged_or_older(c, r->pmid, r->version, outcome);
    return LM_OK;
}

/* The merged row's state before a PMC record lands on it. */
struct row_state { int exists, has_pubmed, deleted; };

/* Reads the merged row of @key; PubMed's own fields (those not taken from
 * PMC) go to S(c)->other. */
static lm_err read_row(lm_corpus *c, int64_t key, struct row_state *rs)
{
    sqlite3_stmt *st;
    int r;
    lm_err rc = LM_OK;

    memset(rs, 0, sizeof *rs);
    if ((rc = prepare(c, &S(c)->st_art_get, sql_art_get)))
        return rc;
    st = S(c)->st_art_get;
    sqlite3_bind_int64(st, 1, key);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        rs->exists = 1;
        rs->has_pubmed = sqlite3_column_type(st, NFIELD) != SQLITE_NULL;
        rs->deleted = sqlite3_column_int(st, NFIELD + 2);
        if (rs->has_pubmed)
            rc = copy_cols(st, 0, (unsigned)sqlite3_column_int(st, NFIELD + 1), &S(c)->other);
    } else if (r != SQLITE_DONE) {
        rc = corpus_db_error(c, "cannot read a stored article");
    }
    sqlite3_reset(st);
    return rc;
}

/* Stores the PMC article as read; 1 in *changed when it is new or differs. */
static lm_err put_pmc_row(lm_corpus *c, int64_t key, const lm_record *r,
                          const struct corpus_view *v, int *changed)
{
    sqlite3_stmt *st;
    char md5[33];
    lm_err rc;

    if ((rc = prepare(c, &S(c)->st_pmc_put, sql_pmc_put)))
        return rc;
    st = S(c)->st_pmc_put;
    corpus_view_md5(&S(c)->md, v, md5);
    sqlite3_bind_int64(st, 1, key);
    bind_view(st, 2, v);
    sqlite3_bind_int(st, 12, r->version);
    sqlite3_bind_text(st, 13, md5, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 14, c->now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = corpus_db_error(c, "cannot store a PMC article");
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_reset(st);
    *changed = sqlite3_changes(S(c)->db) != 0;
    S(c)->pmc_any = 1;
    return LM_OK;
}

/* Re-merges a row that holds a PubMed record with a new PMC article; the
 * version, PubMed's hash and the deleted flag are PubMed's and stay. */
static lm_err remerge(lm_corpus *c, int64_t key, const struct corpus_view *pmc)
{
    struct corpus_view pm, v;
    sqlite3_stmt *st;
    char md5[33];
    unsigned bits;
    lm_err rc;

    corpus_view_of(&S(c)->other, &pm);
    bits = corpus_merge(&pm, pmc, &v);
    corpus_view_md5(&S(c)->md, &v, md5);
    if ((rc = prepare(c, &S(c)->st_merge, sql_merge)))
        return rc;
    st = S(c)->st_merge;
    sqlite3_bind_int64(st, 1, key);
    bind_view(st, 2, &v);
    sqlite3_bind_text(st, 12, md5, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 13, (int)bits);
    sqlite3_bind_text(st, 14, c->now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = corpus_db_error(c, "cannot merge a PMC article");
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_reset(st);
    return LM_OK;
}

static lm_err pmc_read_row(lm_corpus *c, int64_t key, int *has_pubmed)
{
    struct row_state rs;
    lm_err rc = read_row(c, key, &rs);

    *has_pubmed = rs.has_pubmed;
    return rc;
}

/* one writer at a time: the row read holds no PubMed record */
static lm_err pmc_put_alone(lm_corpus *c, int64_t key, int version,
                            const struct corpus_view *pmc, int *changed)
{
    return upsert(c, key, version, pmc, "pmc", NULL, 0, changed);
}

static lm_err pmc_unchanged(lm_corpus *c, int pmc, int64_t key, int version, int *outcome)
{
    return pmc ? pmc_unchanged_or_older(c, key, version, outcome)
               : unchanged_or_older(c, key, version, outcome);
}

static const struct corpus_pmc_ops pmc_ops = {
    adopt_pmcid_row, put_pmc_row, pmc_read_row, remerge, pmc_put_alone, pmc_unchanged,
};

static lm_err put_delete(lm_corpus *c, const lm_record *r, int *outcome)
{
    sqlite3_stmt *st;
    lm_err rc;

    if ((rc = prepare(c, &S(c)->st_delete, sql_delete)))
        return rc;
    st = S(c)->st_delete;
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
        *outcome = sqlite3_changes(S(c)->db) ? 2 : 4;
    return LM_OK;
}

static lm_err sq_put(lm_corpus *c, const lm_record *r, int *outcome)
{
    lm_err rc;

    if ((rc = fts_defer(c)))
        return rc;
    if (++S(c)->fts_puts >= FTS_BATCH && (rc = fts_flush(c)))
        return rc;
    if (r->kind == LM_REC_DELETE)
        return put_delete(c, r, outcome);
    if (r->source && !strcmp(r->source, "pmc"))
        return corpus_put_pmc(c, &pmc_ops, r, outcome);
    return put_pubmed(c, r, outcome);
}

/* ---- ledger and watermark ------------------------------------------------ */

static lm_err sq_file_seen(lm_corpus *c, const char *md5, int *seen)
{
    sqlite3_stmt *st;
    int r;

    *seen = 0;
    if (sqlite3_prepare_v2(S(c)->db, "SELECT 1 FROM source_file WHERE md5 = ?1", -1, &st, NULL))
        return corpus_db_error(c, "cannot read the import ledger");
    sqlite3_bind_text(st, 1, md5, -1, SQLITE_STATIC);
    r = sqlite3_step(st);
    *seen = r == SQLITE_ROW;
    sqlite3_finalize(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE)
        return corpus_db_error(c, "cannot read the import ledger");
    return LM_OK;
}

static lm_err sq_file_add(lm_corpus *c, const char *name, const char *md5, uint64_t records)
{
    sqlite3_stmt *st;
    int r;

    if (sqlite3_prepare_v2(S(c)->db, "INSERT OR REPLACE INTO source_file(name, md5, records,"
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

static lm_err sq_watermark_get(lm_corpus *c, const char *query, char **out)
{
    sqlite3_stmt *st;
    int r;

    *out = NULL;
    if (sqlite3_prepare_v2(S(c)->db, "SELECT watermark FROM fetch_state WHERE query = ?1", -1,
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

static lm_err sq_watermark_set(lm_corpus *c, const char *query, const char *watermark)
{
    sqlite3_stmt *st;
    int r;

    if (sqlite3_prepare_v2(S(c)->db, "INSERT OR REPLACE INTO fetch_state(query, watermark,"
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

/* ---- reading articles ------------------------------------------------------ */

#define ARTICLE_COLS "pmid, version, year, deleted, pmcid, doi, title, abstract, journal," \
    " authors, pub_types, mesh, body, source, record_md5, updated_at, databanks"

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? (const char *)s : "";
}

static void fill_article(sqlite3_stmt *st, lm_article *a)
{
    a->pmid = sqlite3_column_int64(st, 0);
    a->version = sqlite3_column_int(st, 1);
    a->year = sqlite3_column_int(st, 2);
    a->deleted = sqlite3_column_int(st, 3);
    a->pmcid = col(st, 4);
    a->doi = col(st, 5);
    a->title = col(st, 6);
    a->abstract = col(st, 7);
    a->journal = col(st, 8);
    a->authors = col(st, 9);
    a->pub_types = col(st, 10);
    a->mesh = col(st, 11);
    a->body = col(st, 12);
    a->source = col(st, 13);
    a->record_md5 = col(st, 14);
    a->updated_at = col(st, 15);
    a->databanks = col(st, 16);
}

/* The first text column of @a that is not valid UTF-8, or NULL.  The
 * importer stores only UTF-8, so invalid bytes mean a damaged page that
 * SQLite's structure checks cannot see: refused, never written out. */
static const char *bad_utf8_column(const lm_article *a)
{
    const struct { const char *name, *v; } t[] = {
        { "pmcid", a->pmcid }, { "doi", a->doi }, { "title", a->title },
        { "abstract", a->abstract }, { "journal", a->journal }, { "authors", a->authors },
        { "pub_types", a->pub_types }, { "mesh", a->mesh }, { "body", a->body },
        { "source", a->source }, { "record_md5", a->record_md5 },
        { "updated_at", a->updated_at }, { "databanks", a->databanks },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof *t; i++)
        if (!lm_utf8_valid(t[i].v))
            return t[i].name;
    return NULL;
}

/* Steps @st, handing each row to @cb until it asks to stop; *rows counts. */
static lm_err each_row(lm_corpus *c, sqlite3_stmt *st, lm_article_cb cb, void *ud,
                       uint64_t *rows)
{
    lm_article a;
    int r;

    *rows = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *bad;

        fill_article(st, &a);
        if ((bad = bad_utf8_column(&a))) {
            lm_msg_set(c->msg, sizeof c->msg, "%s: table article, PMID %lld: column %s is "
                       "not valid UTF-8: the database is corrupt", c->target, (long long)a.pmid,
                       bad);
            return LM_ERR_DB;
        }
        ++*rows;
        if (cb(&a, ud))
            return LM_OK;
    }
    if (r != SQLITE_DONE)
        return db_error_in(c, "article", "cannot read articles");
    return LM_OK;
}

/* The deadline of check_table(), for SQLite's progress handler. */
static int check_deadline(void *ud)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 > *(const double *)ud;
}

/* A key lookup that finds nothing on a damaged file may be the damage (an
 * interior page whose keys were overwritten sends the search to the wrong
 * leaf, which SQLite cannot tell from a missing row), so before "not in
 * the corpus" the table's pages are checked: once per handle, and for two
 * seconds at most (a table too large to check by then is taken as sound:
 * a lookup must not cost a scan of a huge corpus). */
static lm_err check_table(lm_corpus *c, const char *table)
{
    struct sq *q = S(c);
    struct timespec ts;
    sqlite3_stmt *st;
    char sql[64], res[600] = "";
    double deadline;
    size_t i;
    int r;

    if (q->checked)
        return LM_OK;
    q->checked = 1;
    snprintf(sql, sizeof sql, "PRAGMA quick_check(%s)", table);
    if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
        return LM_OK;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    deadline = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 + 2.0;
    sqlite3_progress_handler(q->db, 10000, check_deadline, &deadline);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(res, sizeof res, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_progress_handler(q->db, 0, NULL, NULL);
    sqlite3_finalize(st);
    if (r == SQLITE_CORRUPT || r == SQLITE_NOTADB) {
        lm_msg_set(c->msg, sizeof c->msg, "%s: table %s: the database is corrupt", c->target,
                   table);
        return LM_ERR_DB;
    }
    if (r != SQLITE_ROW || !strcmp(res, "ok") || !res[0])
        return LM_OK;       /* sound, or not checked in time */
    /* one line: "On tree page 15 cell 1: Rowid 123 out of order" */
    for (i = 0; res[i]; i++)
        if (res[i] == '\n')
            res[i] = ' ';
    lm_msg_set(c->msg, sizeof c->msg, "%s: table %s: the database is corrupt: %s", c->target,
               table, strncmp(res, "*** in database main *** ", 25) ? res : res + 25);
    return LM_ERR_DB;
}

static lm_err sq_get(lm_corpus *c, int64_t pmid, lm_article_cb cb, void *ud)
{
    sqlite3_stmt *st;
    uint64_t rows;
    lm_err rc;

    if (sqlite3_prepare_v2(S(c)->db, "SELECT " ARTICLE_COLS " FROM article WHERE pmid = ?1",
                           -1, &st, NULL))
        return db_error_in(c, "article", "cannot read articles");
    sqlite3_bind_int64(st, 1, pmid);
    rc = each_row(c, st, cb, ud, &rows);
    sqlite3_finalize(st);
    /* a PMCID: the article may be keyed by its PMID */
    if (!rc && !rows && pmid < 0) {
        if (sqlite3_prepare_v2(S(c)->db, "SELECT " ARTICLE_COLS " FROM article WHERE pmcid ="
                               " 'PMC' || ?1 ORDER BY deleted, pmid LIMIT 1", -1, &st, NULL))
            return db_error_in(c, "article", "cannot read articles");
        sqlite3_bind_int64(st, 1, -pmid);
        rc = each_row(c, st, cb, ud, &rows);
        sqlite3_finalize(st);
    }
    if (!rc && !rows && (rc = check_table(c, "article")))
        return rc;
    if (!rc && !rows && pmid < 0) {
        lm_msg_set(c->msg, sizeof c->msg, "PMC%lld: not in the corpus %s",
                   -(long long)pmid, c->target);
        return LM_ERR_NOTFOUND;
    }
    if (!rc && !rows) {
        lm_msg_set(c->msg, sizeof c->msg, "PMID %lld: not in the corpus %s",
                   (long long)pmid, c->target);
        return LM_ERR_NOTFOUND;
    }
    return rc;
}

static lm_err sq_each(lm_corpus *c, lm_article_cb cb, void *ud)
{
    sqlite3_stmt *st;
    uint64_t rows;
    lm_err rc;

    if (sqlite3_prepare_v2(S(c)->db, "SELECT " ARTICLE_COLS " FROM article WHERE deleted = 0"
                           " ORDER BY pmid", -1, &st, NULL))
        return db_error_in(c, "article", "cannot read articles");
    rc = each_row(c, st, cb, ud, &rows);
    sqlite3_finalize(st);
    return rc;
}

/* ---- full-text search ------------------------------------------------------ */

/* Title matches weigh more than abstract matches: a title is what a study
 * is about.  Ranked and cut to the limit first (the inner query), then the
 * snippet and the article's columns for the kept rows only: SQLite would
 * otherwise build a snippet for every match before sorting. */
static const char sql_search[] =
    "SELECT a.pmid, f.r, a.year, a.title, a.journal,"
    " snippet(article_fts, 1, '[', ']', '...', 24)"
    " FROM (SELECT article_fts.rowid AS id, bm25(article_fts, 4.0, 1.0) AS r"
    "       FROM article_fts JOIN article b ON b.pmid = article_fts.rowid"
    "       WHERE article_fts MATCH ?1 AND b.deleted = 0 ORDER BY r LIMIT ?2) AS f"
    " JOIN article_fts ON article_fts.rowid = f.id JOIN article a ON a.pmid = f.id"
    " WHERE article_fts MATCH ?1 ORDER BY f.r";
/* The checker's searches: keys by bm25 alone (same weights), no snippet,
 * no join; and the records of a topic with the fields it reads. */
static const char sql_search_keys[] =
    "SELECT rowid, bm25(article_fts, 4.0, 1.0) FROM article_fts WHERE article_fts MATCH ?1"
    " ORDER BY bm25(article_fts, 4.0, 1.0) LIMIT ?2";
static const char sql_search_records[] =
    "SELECT a.pmid, bm25(article_fts, 4.0, 1.0), a.year, a.title, a.abstract, a.pub_types,"
    " a.mesh FROM article_fts JOIN article a ON a.pmid = article_fts.rowid"
    " WHERE article_fts MATCH ?1 AND a.deleted = 0"
    " ORDER BY bm25(article_fts, 4.0, 1.0) LIMIT ?2";

static lm_err sq_search(lm_corpus *c, const lm_query *q, int limit, unsigned flags,
                        lm_hit_cb cb, void *ud)
{
    const char *sql = flags & CORPUS_SEARCH_KEYS ? sql_search_keys
                    : flags & CORPUS_SEARCH_RECORDS ? sql_search_records : sql_search;
    lm_buf fts = {0};
    sqlite3_stmt *st;
    lm_hit h;
    int r;
    lm_err rc;

    if ((rc = corpus_fts5(q, &fts))) {
        lm_buf_free(&fts);
        return rc == LM_ERR_USAGE ? LM_ERR_QUERY : rc;
    }
    if (sqlite3_prepare_v2(S(c)->db, sql, -1, &st, NULL)) {
        lm_buf_free(&fts);
        return db_error_in(c, "article_fts", "cannot search");
    }
    sqlite3_bind_text(st, 1, lm_buf_str(&fts), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&h, 0, sizeof h);
        h.pmid = sqlite3_column_int64(st, 0);
        h.score = -sqlite3_column_double(st, 1);
        if (flags & CORPUS_SEARCH_RECORDS) {
            h.year = sqlite3_column_int(st, 2);
            h.title = col(st, 3);
            h.abstract = col(st, 4);
            h.pub_types = col(st, 5);
            h.mesh = col(st, 6);
        } else if (!(flags & CORPUS_SEARCH_KEYS)) {
            h.year = sqlite3_column_int(st, 2);
            h.title = col(st, 3);
            h.journal = col(st, 4);
            h.snippet = col(st, 5);
        }
        if (cb(&h, ud))
            break;
    }
    if (r != SQLITE_ROW && r != SQLITE_DONE) {
        /* FTS5 rejects a query with plain SQLITE_ERROR; a damaged file
         * gives SQLITE_CORRUPT, a full disk SQLITE_FULL, and so on */
        if (r == SQLITE_ERROR) {
            lm_msg_set(c->msg, sizeof c->msg, "search '%s': %s", lm_buf_str(&fts),
                       sqlite3_errmsg(S(c)->db));
            rc = LM_ERR_QUERY;
        } else {
            rc = db_error_in(c, "article_fts", "cannot search");
        }
    }
    sqlite3_finalize(st);
    lm_buf_free(&fts);
    return rc;
}

static lm_err sq_match_count(lm_corpus *c, const lm_query *q, uint64_t cap, uint64_t *n)
{
    lm_buf fts = {0};
    sqlite3_stmt *st;
    lm_err rc;
    int r;

    *n = 0;
    if ((rc = corpus_fts5(q, &fts))) {
        lm_buf_free(&fts);
        return rc == LM_ERR_USAGE ? LM_ERR_QUERY : rc;
    }
    if (sqlite3_prepare_v2(S(c)->db, "SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE"
                           " article_fts MATCH ?1 LIMIT ?2)", -1, &st, NULL)) {
        lm_buf_free(&fts);
        return db_error_in(c, "article_fts", "cannot search");
    }
    sqlite3_bind_text(st, 1, lm_buf_str(&fts), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)(cap > INT64_MAX ? INT64_MAX : cap));
    r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        *n = (uint64_t)sqlite3_column_int64(st, 0);
    else if (r == SQLITE_ERROR) {
        lm_msg_set(c->msg, sizeof c->msg, "search '%s': %s", lm_buf_str(&fts),
                   sqlite3_errmsg(S(c)->db));
        rc = LM_ERR_QUERY;
    } else
        rc = db_error_in(c, "article_fts", "cannot search");
    sqlite3_finalize(st);
    lm_buf_free(&fts);
    return rc;
}

/* ---- counts ------------------------------------------------------------------ */

static lm_err count(lm_corpus *c, const char *sql, const char *table, uint64_t *n)
{
    sqlite3_stmt *st;
    int r;

    *n = 0;
    if (sqlite3_prepare_v2(S(c)->db, sql, -1, &st, NULL))
        return db_error_in(c, table, "cannot count");
    r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        *n = (uint64_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return r == SQLITE_ROW ? LM_OK : db_error_in(c, table, "cannot count");
}

static lm_err sq_counts(lm_corpus *c, uint64_t *articles, uint64_t *deleted, uint64_t *files)
{
    lm_err rc;

    if ((articles && (rc = count(c, "SELECT count(*) FROM article WHERE deleted = 0",
                                 "article", articles))) ||
        (deleted && (rc = count(c, "SELECT count(*) FROM article WHERE deleted = 1",
                                "article", deleted))) ||
        (files && (rc = count(c, "SELECT count(*) FROM source_file", "source_file", files))))
        return rc;
    return LM_OK;
}

static lm_err sq_summary(lm_corpus *c, lm_corpus_summary *s)
{
    sqlite3_stmt *st = NULL;
    uint64_t any = 0;
    lm_err rc;

    memset(s, 0, sizeof *s);
    s->ledger_records = -1;
    /* only emptiness matters: count(*) would scan a million rows */
    if ((rc = count(c, "SELECT EXISTS (SELECT 1 FROM article WHERE deleted = 0)", "article",
                    &any)))
        return rc;
    s->any_live = any != 0;
    if (sqlite3_prepare_v2(S(c)->db, "SELECT sum(records), max(imported_at) FROM source_file",
                           -1, &st, NULL) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 0) != SQLITE_NULL)
            s->ledger_records = sqlite3_column_int64(st, 0);
        if (sqlite3_column_text(st, 1))
            snprintf(s->last_import, sizeof s->last_import, "%s",
                     (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return LM_OK;
}

/* ---- extraction rows ---------------------------------------------------------- */

#define XC_NAME(name, type) ", " #name
#define XC_E(name, type) ", e." #name
#define XC_PARAM(name, type) ", ?"
static const char sql_xdel[] = "DELETE FROM extraction WHERE pmid = ?1";
static const char sql_xins[] =
    "INSERT INTO extraction(pmid" LM_EXTRACTION_COLUMNS(XC_NAME) ") VALUES (?"
    LM_EXTRACTION_COLUMNS(XC_PARAM) ")";
/* the article's columns after the row's (LM_XROWS_ARTICLE) */
#define XA_COLS ", a.year, a.journal, a.title, a.doi, a.pmcid, a.authors, a.pub_types," \
    " a.abstract, a.databanks"
#define XSEL "SELECT e.pmid, e.id" LM_EXTRACTION_COLUMNS(XC_E)

static lm_err sq_xrows_replace(lm_corpus *c, int64_t pmid, const lm_xrow *rows, size_t n)
{
    struct sq *q = S(c);
    size_t i;
    int j;
    lm_err rc;

    if ((rc = prepare(c, &q->st_xdel, sql_xdel)) || (rc = prepare(c, &q->st_xins, sql_xins)))
        return rc;
    sqlite3_bind_int64(q->st_xdel, 1, pmid);
    if (sqlite3_step(q->st_xdel) != SQLITE_DONE) {
        rc = db_error_in(c, "extraction", "cannot delete old extractions");
        sqlite3_reset(q->st_xdel);
        return rc;
    }
    sqlite3_reset(q->st_xdel);
    for (i = 0; i < n; i++) {
        sqlite3_stmt *st = q->st_xins;

        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        sqlite3_bind_int64(st, 1, pmid);
        for (j = 0; j < LM_XC_COUNT; j++) {
            const lm_xval *v = &rows[i].v[j];
            switch (v->type) {
            case LM_XV_INT: sqlite3_bind_int64(st, j + 2, v->i); break;
            case LM_XV_REAL: sqlite3_bind_double(st, j + 2, v->r); break;
            case LM_XV_TEXT:
                if (v->s && *v->s)
                    sqlite3_bind_text(st, j + 2, v->s, -1, SQLITE_TRANSIENT);
                break;
            default: break;
            }
        }
        if (sqlite3_step(st) != SQLITE_DONE) {
            rc = db_error_in(c, "extraction", "cannot store an extraction");
            sqlite3_reset(st);
            return rc;
        }
    }
    sqlite3_reset(q->st_xins);
    return LM_OK;
}

/* Fills the temporary table of PMIDs that limits xrows_each. */
static lm_err fill_subset(lm_corpus *c, const int64_t *pmids, size_t n)
{
    sqlite3_stmt *st = NULL;
    size_t i;
    int ok;

    ok = sqlite3_exec(S(c)->db, "CREATE TEMP TABLE IF NOT EXISTS lm_subset(pmid INTEGER PRIMARY"
                      " KEY); DELETE FROM temp.lm_subset", NULL, NULL, NULL) == SQLITE_OK
         && sqlite3_prepare_v2(S(c)->db, "INSERT OR IGNORE INTO temp.lm_subset VALUES (?1)",
                               -1, &st, NULL) == SQLITE_OK;
    for (i = 0; ok && i < n; i++) {
        sqlite3_bind_int64(st, 1, pmids[i]);
        ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_reset(st) == SQLITE_OK;
    }
    sqlite3_finalize(st);
    return ok ? LM_OK : corpus_db_error(c, "cannot hold the PMID list");
}

static void fill_xval(sqlite3_stmt *st, int i, lm_xval *v)
{
    memset(v, 0, sizeof *v);
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER:
        v->type = LM_XV_INT;
        v->i = sqlite3_column_int64(st, i);
        v->r = (double)v->i;
        break;
    case SQLITE_FLOAT:
        v->type = LM_XV_REAL;
        v->r = sqlite3_column_double(st, i);
        v->i = (int64_t)v->r;
        break;
    case SQLITE_NULL:
        break;
    default:
        v->type = LM_XV_TEXT;
        v->s = (const char *)sqlite3_column_text(st, i);
        if (!v->s)
            v->s = "";
    }
}

static lm_err sq_xrows_each(lm_corpus *c, int64_t pmid, const int64_t *subset, size_t nsubset,
                            unsigned flags, lm_xrow_cb cb, void *ud)
{
    const int art = (flags & LM_XROWS_ARTICLE) != 0;
    const char *sql;
    sqlite3_stmt *st = NULL;
    lm_article a;
    lm_xrow x;
    int r, j, used_subset = 0;
    lm_err rc = LM_OK;

    if (pmid)
        sql = art ? XSEL XA_COLS " FROM extraction e LEFT JOIN article a ON a.pmid = e.pmid"
                             " WHERE e.pmid = ?1 ORDER BY e.id"
                  : XSEL " FROM extraction e WHERE e.pmid = ?1 ORDER BY e.id";
    else if (subset)
        sql = art ? XSEL XA_COLS " FROM extraction e JOIN article a ON a.pmid = e.pmid"
                             " WHERE a.deleted = 0 AND e.pmid IN (SELECT pmid FROM temp.lm_subset)"
                             " ORDER BY e.pmid, e.id"
                  : XSEL " FROM extraction e JOIN article a ON a.pmid = e.pmid"
                         " WHERE a.deleted = 0 AND e.pmid IN (SELECT pmid FROM temp.lm_subset)"
                         " ORDER BY e.pmid, e.id";
    else
        sql = art ? XSEL XA_COLS " FROM extraction e JOIN article a ON a.pmid = e.pmid"
                             " WHERE a.deleted = 0 ORDER BY e.pmid, e.id"
                  : XSEL " FROM extraction e JOIN article a ON a.pmid = e.pmid"
                         " WHERE a.deleted = 0 ORDER BY e.pmid, e.id";
    if (!pmid && subset) {
        if ((rc = fill_subset(c, subset, nsubset)))
            return rc;
        used_subset = 1;
    }
    if (sqlite3_prepare_v2(S(c)->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = db_error_in(c, "extraction", "cannot read extractions");
        goto done;
    }
    if (pmid)
        sqlite3_bind_int64(st, 1, pmid);
    memset(&a, 0, sizeof a);
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const int k = 2 + LM_XC_COUNT;      /* the first article column */

        x.pmid = sqlite3_column_int64(st, 0);
        x.id = sqlite3_column_int64(st, 1);
        for (j = 0; j < LM_XC_COUNT; j++)
            fill_xval(st, 2 + j, &x.v[j]);
        a.pmid = x.pmid;
        a.title = a.journal = a.doi = a.pmcid = a.authors = a.pub_types = a.abstract = "";
        a.databanks = a.mesh = a.body = a.source = a.record_md5 = a.updated_at = "";
        if (art) {
            a.year = sqlite3_column_int(st, k);
            a.journal = col(st, k + 1);
            a.title = col(st, k + 2);
            a.doi = col(st, k + 3);
            a.pmcid = col(st, k + 4);
            a.authors = col(st, k + 5);
            a.pub_types = col(st, k + 6);
            a.abstract = col(st, k + 7);
            a.databanks = col(st, k + 8);
        }
        if (cb(&a, &x, ud)) {
            r = SQLITE_DONE;
            break;
        }
    }
    if (r != SQLITE_DONE)
        rc = db_error_in(c, "extraction", "cannot read extractions");
done:
    sqlite3_finalize(st);
    if (used_subset)
        sqlite3_exec(S(c)->db, "DELETE FROM temp.lm_subset", NULL, NULL, NULL);
    return rc;
}

/* ---- extract state --------------------------------------------------------------- */

/* Live articles whose extractions are missing or stale. */
#define PENDING_WHERE \
    " FROM article a LEFT JOIN extract_state s ON s.pmid = a.pmid" \
    " WHERE a.deleted = 0 AND (s.pmid IS NULL OR s.record_md5 IS NOT a.record_md5" \
    " OR s.extractor_version <> ?1)"
/* Articles extracted before that are now deleted (or gone). */
#define GONE_SELECT \
    "SELECT s.pmid FROM extract_state s LEFT JOIN article a ON a.pmid = s.pmid" \
    " WHERE a.pmid IS NULL OR a.deleted"

/* 1 when the table exists (a read-only handle on a version 4 corpus has no
 * extract_state: every live article is then pending). */
static int table_exists(lm_corpus *c, const char *name)
{
    sqlite3_stmt *st = NULL;
    int yes = 0;

    if (sqlite3_prepare_v2(S(c)->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND"
                           " name = ?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        yes = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return yes;
}

static lm_err sq_xstate_pending(lm_corpus *c, int version, int64_t after, int64_t *keys,
                                size_t max, size_t *n)
{
    static const char sql[] = "SELECT a.pmid" PENDING_WHERE
                              " AND a.pmid > ?2 ORDER BY a.pmid LIMIT ?3";
    sqlite3_stmt *st = NULL;
    int step = SQLITE_DONE;

    *n = 0;
    if (sqlite3_prepare_v2(S(c)->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error_in(c, "extract_state", "cannot find articles to extract");
    sqlite3_bind_int(st, 1, version);
    sqlite3_bind_int64(st, 2, after);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
    while (*n < max && (step = sqlite3_step(st)) == SQLITE_ROW)
        keys[(*n)++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_error_in(c, "extract_state", "cannot find articles to extract");
    return LM_OK;
}

static lm_err sq_xstate_count(lm_corpus *c, int version, uint64_t *pending, uint64_t *gone)
{
    sqlite3_stmt *st = NULL;
    lm_err rc = LM_OK;

    if (!table_exists(c, "extract_state")) {
        if (gone)
            *gone = 0;
        return pending ? count(c, "SELECT count(*) FROM article WHERE deleted = 0", "article",
                               pending) : LM_OK;
    }
    if (pending) {
        *pending = 0;
        if (sqlite3_prepare_v2(S(c)->db, "SELECT count(*)" PENDING_WHERE, -1, &st, NULL)
            != SQLITE_OK)
            return db_error_in(c, "extract_state", "cannot count articles to extract");
        sqlite3_bind_int(st, 1, version);
        if (sqlite3_step(st) == SQLITE_ROW)
            *pending = (uint64_t)sqlite3_column_int64(st, 0);
        else
            rc = db_error_in(c, "extract_state", "cannot count articles to extract");
        sqlite3_finalize(st);
    }
    if (!rc && gone)
        rc = count(c, "SELECT count(*) FROM (" GONE_SELECT ")", "extract_state", gone);
    return rc;
}

static lm_err sq_xstate_put(lm_corpus *c, int64_t pmid, const char *record_md5, int version)
{
    struct sq *q = S(c);
    lm_err rc;
    int ok;

    if ((rc = prepare(c, &q->st_xstate, "INSERT INTO extract_state(pmid, record_md5,"
                      " extractor_version) VALUES (?1, ?2, ?3) ON CONFLICT(pmid) DO UPDATE SET"
                      " record_md5 = excluded.record_md5,"
                      " extractor_version = excluded.extractor_version")))
        return rc;
    sqlite3_bind_int64(q->st_xstate, 1, pmid);
    if (record_md5)
        sqlite3_bind_text(q->st_xstate, 2, record_md5, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q->st_xstate, 2);
    sqlite3_bind_int(q->st_xstate, 3, version);
    ok = sqlite3_step(q->st_xstate) == SQLITE_DONE;
    rc = ok ? LM_OK : db_error_in(c, "extract_state", "recording the extraction state");
    sqlite3_reset(q->st_xstate);
    return rc;
}

static lm_err sq_xstate_purge(lm_corpus *c, uint64_t *n)
{
    lm_err rc;

    *n = 0;
    if ((rc = count(c, "SELECT count(*) FROM (" GONE_SELECT ")", "extract_state", n)) || !*n)
        return rc;
    if (sqlite3_exec(S(c)->db, "BEGIN IMMEDIATE;"
                     "DELETE FROM extraction WHERE pmid IN (" GONE_SELECT ");"
                     "DELETE FROM extract_state WHERE pmid IN (" GONE_SELECT ");"
                     "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = db_error_in(c, "extraction", "removing extractions of deleted articles");
        sqlite3_exec(S(c)->db, "ROLLBACK", NULL, NULL, NULL);
        *n = 0;
        return rc;
    }
    return LM_OK;
}

const struct lm_backend lm_backend_sqlite = {
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .schema_version = sq_schema_version,
    .migrate = sq_migrate,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .read_begin = sq_read_begin,
    .read_end = sq_read_end,
    .put = sq_put,
    .get = sq_get,
    .each = sq_each,
    .search = sq_search,
    .match_count = sq_match_count,
    .file_seen = sq_file_seen,
    .file_add = sq_file_add,
    .watermark_get = sq_watermark_get,
    .watermark_set = sq_watermark_set,
    .xrows_replace = sq_xrows_replace,
    .xrows_each = sq_xrows_each,
    .xstate_pending = sq_xstate_pending,
    .xstate_count = sq_xstate_count,
    .xstate_put = sq_xstate_put,
    .xstate_purge = sq_xstate_purge,
    .run_lock = NULL,   /* the file lock beside the database (pipeline/lock.c) */
    .run_unlock = NULL,
    .counts = sq_counts,
    .summary = sq_summary,
};
