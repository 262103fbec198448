/* The corpus store: one SQLite file in WAL mode, its schema and migrations
 * (PRAGMA user_version), record upserts under the version rule, deletions,
 * the source_file ledger and the fetch watermark.  Statements are prepared
 * once per handle and reused for every record. */
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
    if (from < 2 && (rc = exec(c, schema_v2, "cannot add the study-model columns")))
        goto fail;
    if (from < 3 && (rc = exec(c, schema_v3, "cannot migrate the schema to version 3")))
        goto fail;
    if (from < 4 && (rc = exec(c, schema_v4, "cannot add the databanks column")))
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
    lm_record_init(&c->other);
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
    sqlite3_finalize(c->st_databanks);
    sqlite3_finalize(c->st_version);
    sqlite3_finalize(c->st_pmc_get);
    sqlite3_finalize(c->st_pmc_put);
    sqlite3_finalize(c->st_art_get);
    sqlite3_finalize(c->st_merge);
    sqlite3_close(c->db);
    lm_record_free(&c->other);
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
    c->pmc_any = 1;     /* until proven empty: a wrong 0 would lose a merge */
    {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(c->db, "SELECT EXISTS (SELECT 1 FROM article_pmc)", -1, &st,
                               NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW)
                c->pmc_any = sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
        }
    }
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

/* ---- merging the sources of one article ------------------------------------ */

/* The ten merged fields, in FIELD_COLS order; F_YEAR is an integer. */
enum { F_PMCID, F_DOI, F_TITLE, F_ABSTRACT, F_JOURNAL, F_YEAR, F_AUTHORS, F_PUB_TYPES,
       F_MESH, F_BODY, NFIELD };
#define PMC_BIT(f) (1u << (f))

/* One article's fields, borrowed from a record (nothing copied). */
struct view {
    const char *s[NFIELD];
    size_t n[NFIELD];
    int year;
};

static lm_buf *rec_field(lm_record *r, int f)
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

static void view_of(const lm_record *r, struct view *v)
{
    int f;

    for (f = 0; f < NFIELD; f++) {
        const lm_buf *b = f == F_YEAR ? NULL : rec_field((lm_record *)r, f);
        v->s[f] = b ? lm_buf_str(b) : "";
        v->n[f] = b ? b->len : 0;
    }
    v->year = r->year;
}

static int view_has(const struct view *v, int f)
{
    return f == F_YEAR ? v->year != 0 : v->n[f] != 0;
}

/* PubMed's value of each field when it has one, else PMC's; the return
 * value has PMC_BIT(f) for each field taken from PMC. */
static unsigned merge(const struct view *pubmed, const struct view *pmc, struct view *out)
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
        if (s && lm_buf_append(rec_field(o, f), s, (size_t)sqlite3_column_bytes(st, first + f)))
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
static void bind_view(sqlite3_stmt *st, int first, const struct view *v)
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

/* MD5 of an article's content: tells a changed record from a replayed one.
 * The order (year, then the text fields) is the one schema v1 hashed, so
 * the rows of an existing corpus keep their hashes. */
static void view_md5(lm_corpus *c, const struct view *v, char hex[33])
{
    static const char digits[] = "0123456789abcdef";
    static const int order[] = { F_PMCID, F_DOI, F_TITLE, F_ABSTRACT, F_JOURNAL, F_AUTHORS,
                                 F_PUB_TYPES, F_MESH, F_BODY };
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    EVP_MD_CTX *ctx = c->md ? c->md : (c->md = EVP_MD_CTX_new());
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
static int64_t pmc_number(const char *s)
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
        if (!(n = pmc_number(id)))
            return LM_ERR_USAGE;
        *key = -n;
        return LM_OK;
    }
    if (!(n = pmc_number(id)) || (id[0] < '0' || id[0] > '9'))
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
static int64_t record_key(const lm_record *r)
{
    int64_t n;

    if (r->pmid > 0)
        return r->pmid;
    n = r->kind == LM_REC_ARTICLE ? pmc_number(lm_buf_str(&r->pmcid)) : 0;
    return n ? -n : 0;
}

/* A record with both a PMID and a PMCID supersedes an article stored
 * under that PMCID alone (imported before its PMID was known): the PMC
 * fields move to the PMID (unless it has its own) and the PMCID-keyed row
 * goes.  Rare, so the FTS batch is flushed first and the schema's delete
 * trigger keeps the index exact. */
static lm_err adopt_pmcid_row(lm_corpus *c, const lm_record *r)
{
    int64_t n = pmc_number(lm_buf_str(&r->pmcid));
    char sql[400];
    sqlite3_stmt *st;
    int found;
    lm_err rc;

    if (!n || !c->pmc_any)
        return LM_OK;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM article_pmc WHERE pmid = ?1", -1, &st, NULL))
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

    if ((rc = prepare(c, &c->st_version, sql_version)))
        return rc;
    sqlite3_bind_int64(c->st_version, 1, key);
    if (sqlite3_step(c->st_version) == SQLITE_ROW &&
        sqlite3_column_int(c->st_version, 0) == version)
        *outcome = 3;
    sqlite3_reset(c->st_version);
    return LM_OK;
}

static lm_err put_databanks(lm_corpus *c, const lm_record *r)
{
    lm_err rc;
    int ok;

    if (r->source && strcmp(r->source, "pubmed"))
        return LM_OK;
    if ((rc = prepare(c, &c->st_databanks, sql_databanks)))
        return rc;
    sqlite3_bind_int64(c->st_databanks, 1, r->pmid);
    if (r->databanks.len)
        sqlite3_bind_text(c->st_databanks, 2, r->databanks.s, (int)r->databanks.len,
                          SQLITE_STATIC);
    else
        sqlite3_bind_null(c->st_databanks, 2);
    sqlite3_bind_int(c->st_databanks, 3, r->version);
    ok = sqlite3_step(c->st_databanks) == SQLITE_DONE;
    sqlite3_reset(c->st_databanks);
    return ok ? LM_OK : corpus_db_error(c, "cannot store a record's DataBankList");
}

/* Same, for a PMC article that did not change article_pmc (rare: a replay
 * of the same article in another file). */
static lm_err pmc_unchanged_or_older(lm_corpus *c, int64_t key, int version, int *outcome)
{
    sqlite3_stmt *st;

    if (sqlite3_prepare_v2(c->db, "SELECT version FROM article_pmc WHERE pmid = ?1", -1, &st,
                           NULL))
        return corpus_db_error(c, "cannot read a PMC article");
    sqlite3_bind_int64(st, 1, key);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == version)
        *outcome = 3;
    sqlite3_finalize(st);
    return LM_OK;
}

/* The merged-row upsert.  @pubmed_md5 NULL: no PubMed record in it. */
static lm_err upsert(lm_corpus *c, int64_t key, int version, const struct view *v,
                     const char *source, const char *pubmed_md5, unsigned bits, int *changed)
{
    sqlite3_stmt *st;
    char md5[33];
    lm_err rc;

    if ((rc = prepare(c, &c->st_upsert, sql_upsert)))
        return rc;
    st = c->st_upsert;
    view_md5(c, v, md5);
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
    *changed = sqlite3_changes(c->db) != 0;
    return LM_OK;
}

/* A PubMed record: merged with the PMC article of its PMID, if stored. */
static lm_err put_pubmed(lm_corpus *c, const lm_record *r, int *outcome)
{
    struct view pm, pmc, v;
    char pm_md5[33];
    unsigned bits = 0;
    int has_pmc = 0, changed = 0, row;
    lm_err rc;

    if (r->pmcid.len && (rc = adopt_pmcid_row(c, r)))
        return rc;
    view_of(r, &pm);
    v = pm;
    if (c->pmc_any) {
        if ((rc = prepare(c, &c->st_pmc_get, sql_pmc_get)))
            return rc;
        sqlite3_bind_int64(c->st_pmc_get, 1, r->pmid);
        row = sqlite3_step(c->st_pmc_get);
        if (row == SQLITE_ROW) {
            has_pmc = 1;
            rc = copy_cols(c->st_pmc_get, 0, 0, &c->other);
        } else if (row != SQLITE_DONE) {
            rc = corpus_db_error(c, "cannot read a PMC article");
        }
        sqlite3_reset(c->st_pmc_get);
        if (rc)
            return rc;
        if (has_pmc) {
            view_of(&c->other, &pmc);
            bits = merge(&pm, &pmc, &v);
        }
    }
    view_md5(c, &pm, pm_md5);
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
 * PMC) go to c->other. */
static lm_err read_row(lm_corpus *c, int64_t key, struct row_state *rs)
{
    sqlite3_stmt *st;
    int r;
    lm_err rc = LM_OK;

    memset(rs, 0, sizeof *rs);
    if ((rc = prepare(c, &c->st_art_get, sql_art_get)))
        return rc;
    st = c->st_art_get;
    sqlite3_bind_int64(st, 1, key);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        rs->exists = 1;
        rs->has_pubmed = sqlite3_column_type(st, NFIELD) != SQLITE_NULL;
        rs->deleted = sqlite3_column_int(st, NFIELD + 2);
        if (rs->has_pubmed)
            rc = copy_cols(st, 0, (unsigned)sqlite3_column_int(st, NFIELD + 1), &c->other);
    } else if (r != SQLITE_DONE) {
        rc = corpus_db_error(c, "cannot read a stored article");
    }
    sqlite3_reset(st);
    return rc;
}

/* Stores the PMC article as read; 1 in *changed when it is new or differs. */
static lm_err put_pmc_row(lm_corpus *c, int64_t key, const lm_record *r,
                          const struct view *v, int *changed)
{
    sqlite3_stmt *st;
    char md5[33];
    lm_err rc;

    if ((rc = prepare(c, &c->st_pmc_put, sql_pmc_put)))
        return rc;
    st = c->st_pmc_put;
    view_md5(c, v, md5);
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
    *changed = sqlite3_changes(c->db) != 0;
    c->pmc_any = 1;
    return LM_OK;
}

/* Re-merges a row that holds a PubMed record with a new PMC article; the
 * version, PubMed's hash and the deleted flag are PubMed's and stay. */
static lm_err remerge(lm_corpus *c, int64_t key, const struct view *pmc)
{
    struct view pm, v;
    sqlite3_stmt *st;
    char md5[33];
    unsigned bits;
    lm_err rc;

    view_of(&c->other, &pm);
    bits = merge(&pm, pmc, &v);
    view_md5(c, &v, md5);
    if ((rc = prepare(c, &c->st_merge, sql_merge)))
        return rc;
    st = c->st_merge;
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

/* A PMC article: kept as read in article_pmc, then merged into the row of
 * its PMID (or PMCID), under PubMed's fields when PubMed's record is there. */
static lm_err put_pmc(lm_corpus *c, const lm_record *r, int *outcome)
{
    int64_t key = record_key(r);
    struct row_state rs;
    struct view pmc;
    int changed = 0, row_changed = 0;
    lm_err rc;

    if (r->pmid > 0 && r->pmcid.len && (rc = adopt_pmcid_row(c, r)))
        return rc;
    view_of(r, &pmc);
    if ((rc = put_pmc_row(c, key, r, &pmc, &changed)) || (rc = read_row(c, key, &rs)))
        return rc;
    *outcome = changed;
    if (rs.has_pubmed) {
        if (!changed)
            return pmc_unchanged_or_older(c, key, r->version, outcome);
        return remerge(c, key, &pmc);
    }
    /* only PMC in this row: it is the article, as schema v1 stored it */
    if ((rc = upsert(c, key, r->version, &pmc, "pmc", NULL, 0, &row_changed)))
        return rc;
    if (row_changed)
        *outcome = 1;
    else if (!changed)
        return unchanged_or_older(c, key, r->version, outcome);
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
    int dummy;
    lm_err rc;

    if (!c || !r || !c->in_txn || !record_key(r))
        return LM_ERR_USAGE;
    if (r->kind == LM_REC_DELETE && r->pmid <= 0)
        return LM_ERR_USAGE;
    if (c->flags & LM_CORPUS_READONLY)
        return LM_ERR_USAGE;
    if (!outcome)
        outcome = &dummy;
    if (++c->fts_puts >= FTS_BATCH && (rc = fts_flush(c)))
        return rc;
    if (r->kind == LM_REC_DELETE)
        return put_delete(c, r, outcome);
    if (r->source && !strcmp(r->source, "pmc"))
        return put_pmc(c, r, outcome);
    return put_pubmed(c, r, outcome);
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
