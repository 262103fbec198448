/* The PostgreSQL corpus backend: the SQLite store's tables (schema version
 * CORPUS_SCHEMA_VERSION) in a PostgreSQL database reached with libpq, for
 * a corpus shared by a team and loaded from several hosts at once.
 *
 * What differs from SQLite, and why:
 *  - full-text search is a tsvector column generated from the title
 *    (weight A) and abstract (weight B), under a GIN index, ranked by
 *    ts_rank_cd with A four times B (the 4:1 of bm25(article_fts, 4.0, 1.0))
 *    and normalised by document length, as bm25 is;
 *  - SQLite lets one writer in at a time; here several may write, so each
 *    record takes a transaction-level advisory lock on its key before it is
 *    read and merged: two imports that meet on one PMID take turns on it
 *    (reading the other's committed row), the rest goes in parallel;
 *  - the schema version is a one-row table (PostgreSQL has no
 *    user_version), and the schema is made under an advisory lock so two
 *    first runs do not both create it;
 *  - the run lock is a session advisory lock on its own connection.
 * Statements are prepared once per connection.  Messages name the database
 * by its URL without the password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <openssl/evp.h>
#include "corpus_int.h"
#include "pg_int.h"

int corpus_pg_is_url(const char *db)
{
    return db && (!strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11));
}

void corpus_pg_display(const char *url, char *buf, size_t cap)
{
    const char *auth = strstr(url, "://"), *end, *at, *colon, *pw;
    size_t n;

    if (!cap)
        return;
    snprintf(buf, cap, "%s", url);
    if (!auth)
        return;
    auth += 3;
    end = auth + strcspn(auth, "/?");
    /* userinfo: the last '@' before the path (a password may hold '@') */
    for (at = NULL, colon = auth; colon < end; colon++)
        if (*colon == '@')
            at = colon;
    if (at && (colon = memchr(auth, ':', (size_t)(at - auth)))) {
        n = (size_t)(colon - url);
        if (n < cap)
            snprintf(buf + n, cap - n, "%s", at);
    }
    /* a password given as a parameter: drop the parameter */
    while ((pw = strstr(buf, "password=")) && (pw[-1] == '?' || pw[-1] == '&')) {
        const char *next = pw + strcspn(pw, "&");
        if (*next == '&')
            memmove((char *)pw, next + 1, strlen(next + 1) + 1);
        else
            ((char *)pw)[pw[-1] == '?' ? 0 : -1] = '\0';
    }
}

#ifdef LM_HAVE_PG
#include <libpq-fe.h>

/* Advisory lock keys (the two-int form, so they never meet the one-int
 * form the records use): the schema, and the run lock. */
#define LOCK_NS "1818848109"    /* "litm" */
#define LOCK_SCHEMA LOCK_NS ", 1"
#define LOCK_RUN LOCK_NS ", 2"

struct corpus_pg {
    PGconn *conn;
    char *name;                 /* the URL without its password */
    unsigned flags;
    int in_txn;
    unsigned prepared;          /* bit per statement prepared on this connection */
    char now[32];
    EVP_MD_CTX *md;
    lm_record other;            /* scratch: the other source's record while merging */
    char msg[1024];
};

/* What the index and the queries tokenise: the text with hyphens, dashes
 * and slashes as spaces.  PostgreSQL's parser reads "IL-6" as 'il' '-6'
 * and "COVID-19" as one hyphenated word besides its parts, where SQLite's
 * unicode61 reads both as two words; so "IL 6" and "IL-6", and
 * "COVID-19" and "COVID 19", find each other in both backends.  (The
 * dashes are U+2010..U+2014.) */
#define TS_DASHES "-/\xe2\x80\x90\xe2\x80\x91\xe2\x80\x92\xe2\x80\x93\xe2\x80\x94"
#define TS_TEXT(x) "translate(" x ", '" TS_DASHES "', '       ')"

/* Schema version 4, in one step: no PostgreSQL corpus of an older version
 * exists.  Each future version adds one step (as store.c's migrate()).
 * Types follow SQLite's affinities: INTEGER columns that hold PMIDs are
 * BIGINT; extraction.value (SQLite ANY: a number, or the design label) is
 * TEXT, the number written with 17 digits. */
static const char schema_v4[] =
    "CREATE TABLE schema_version(version INTEGER NOT NULL);"
    "CREATE TABLE article("
    " pmid BIGINT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 1,"
    " pmcid TEXT, doi TEXT, title TEXT, abstract TEXT, journal TEXT, year INTEGER,"
    " authors TEXT, pub_types TEXT, mesh TEXT, body TEXT, source TEXT,"
    " record_md5 TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT,"
    " pubmed_version INTEGER, pubmed_md5 TEXT, from_pmc INTEGER NOT NULL DEFAULT 0,"
    " databanks TEXT,"
    " tsv tsvector GENERATED ALWAYS AS ("
    "  setweight(to_tsvector('simple', " TS_TEXT("coalesce(title, '')") "), 'A') ||"
    "  setweight(to_tsvector('simple', " TS_TEXT("coalesce(abstract, '')") "), 'B')) STORED);"
    "CREATE INDEX article_pmcid ON article(pmcid) WHERE pmcid IS NOT NULL;"
    "CREATE INDEX article_fts ON article USING gin(tsv);"
    "CREATE TABLE article_pmc(pmid BIGINT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 1,"
    " pmcid TEXT, doi TEXT, title TEXT, abstract TEXT, journal TEXT, year INTEGER,"
    " authors TEXT, pub_types TEXT, mesh TEXT, body TEXT, record_md5 TEXT, updated_at TEXT);"
    "CREATE TABLE source_file(name TEXT NOT NULL, md5 TEXT PRIMARY KEY,"
    " records BIGINT NOT NULL, imported_at TEXT NOT NULL);"
    "CREATE TABLE extraction(id BIGSERIAL PRIMARY KEY, pmid BIGINT NOT NULL,"
    " kind TEXT NOT NULL, value TEXT, lo DOUBLE PRECISION, hi DOUBLE PRECISION, k BIGINT,"
    " n BIGINT, metric TEXT, p DOUBLE PRECISION, p_op TEXT, level TEXT, section TEXT,"
    " span_start INTEGER, span_end INTEGER, text TEXT, rule TEXT, flags TEXT,"
    " extractor_version INTEGER, outcome TEXT, intervention TEXT, comparator TEXT,"
    " dose TEXT, frequency TEXT, duration TEXT, route TEXT, label TEXT);"
    "CREATE INDEX extraction_pmid ON extraction(pmid);"
    "CREATE TABLE fetch_state(query TEXT PRIMARY KEY, watermark TEXT, updated_at TEXT);"
    "CREATE TABLE extract_state(pmid BIGINT PRIMARY KEY, record_md5 TEXT,"
    " extractor_version INTEGER NOT NULL);";

/* The statements, prepared on first use (names are their index). */
enum {
    S_UPSERT, S_VERSION, S_PMC_GET, S_PMC_PUT, S_ART_GET, S_MERGE, S_DELETE, S_DATABANKS,
    S_KEYLOCK, S_PMC_VERSION, S_PMC_FIND, S_SEEN, S_FILE_ADD, S_WM_GET, S_WM_SET, S_EACH,
    S_GET, S_GET_PMCID, NSTMT
};

#define FIELD_COLS "pmcid, doi, title, abstract, journal, year, authors, pub_types, mesh, body"
#define ARTICLE_COLS "pmid, version, year, deleted, pmcid, doi, title, abstract, journal," \
    " authors, pub_types, mesh, body, source, record_md5, updated_at"

static const char *const stmt_sql[NSTMT] = {
    [S_UPSERT] =
    "INSERT INTO article AS a(pmid, version, pmcid, doi, title, abstract, journal, year,"
    " authors, pub_types, mesh, body, source, record_md5, deleted, updated_at,"
    " pubmed_version, pubmed_md5, from_pmc)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 0, $15, $16, $17,"
    " $18)"
    " ON CONFLICT(pmid) DO UPDATE SET version = excluded.version, pmcid = excluded.pmcid,"
    " doi = excluded.doi, title = excluded.title, abstract = excluded.abstract,"
    " journal = excluded.journal, year = excluded.year, authors = excluded.authors,"
    " pub_types = excluded.pub_types, mesh = excluded.mesh, body = excluded.body,"
    " source = excluded.source, record_md5 = excluded.record_md5, deleted = 0,"
    " updated_at = excluded.updated_at, pubmed_version = excluded.pubmed_version,"
    " pubmed_md5 = excluded.pubmed_md5, from_pmc = excluded.from_pmc"
    " WHERE excluded.version > a.version OR (excluded.version = a.version"
    "  AND (a.deleted <> 0 OR a.record_md5 IS DISTINCT FROM excluded.record_md5"
    "   OR a.pubmed_md5 IS DISTINCT FROM excluded.pubmed_md5))",
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
    "SELECT " FIELD_COLS ", pubmed_version, from_pmc, deleted FROM article WHERE pmid = $1",
    [S_MERGE] =
    "UPDATE article SET pmcid = $2, doi = $3, title = $4, abstract = $5, journal = $6,"
    " year = $7, authors = $8, pub_types = $9, mesh = $10, body = $11,"
    " source = 'pubmed+pmc', record_md5 = $12, from_pmc = $13, updated_at = $14"
    " WHERE pmid = $1",
    [S_DELETE] =
    "UPDATE article SET deleted = 1, updated_at = $3,"
    " pubmed_version = COALESCE(pubmed_version, $2) WHERE pmid = $1 AND deleted = 0",
    [S_DATABANKS] =
    "UPDATE article SET databanks = $2 WHERE pmid = $1 AND version = $3 AND deleted = 0"
    " AND databanks IS DISTINCT FROM $2",
    [S_KEYLOCK] = "SELECT pg_advisory_xact_lock($1::bigint)",
    [S_PMC_VERSION] = "SELECT version FROM article_pmc WHERE pmid = $1",
    [S_PMC_FIND] = "SELECT 1 FROM article_pmc WHERE pmid = $1",
    [S_SEEN] = "SELECT 1 FROM source_file WHERE md5 = $1",
    [S_FILE_ADD] =
    "INSERT INTO source_file(name, md5, records, imported_at)"
    " VALUES ($1, $2, $3, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
    " ON CONFLICT(md5) DO UPDATE SET name = excluded.name, records = excluded.records,"
    " imported_at = excluded.imported_at",
    [S_WM_GET] = "SELECT watermark FROM fetch_state WHERE query = $1",
    [S_WM_SET] =
    "INSERT INTO fetch_state(query, watermark, updated_at)"
    " VALUES ($1, $2, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
    " ON CONFLICT(query) DO UPDATE SET watermark = excluded.watermark,"
    " updated_at = excluded.updated_at",
    /* keyset pages: the callback may use the connection between pages */
    [S_EACH] = "SELECT " ARTICLE_COLS " FROM article WHERE deleted = 0 AND pmid > $1"
               " ORDER BY pmid LIMIT 500",
    [S_GET] = "SELECT " ARTICLE_COLS " FROM article WHERE pmid = $1",
    [S_GET_PMCID] = "SELECT " ARTICLE_COLS " FROM article WHERE pmcid = 'PMC' || $1"
                    " ORDER BY deleted, pmid LIMIT 1",
};

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

/* Sets p->msg from @res (or the connection) and maps the SQLSTATE: lock
 * waits that gave up and deadlocks are LM_ERR_DB_BUSY, the rest LM_ERR_DB
 * (the server gone, no privilege, a full disk...). */
static lm_err pg_fail(corpus_pg *p, const PGresult *res, const char *what)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *text = res ? PQresultErrorMessage(res) : NULL;
    char line[512];

    if (!text || !*text)
        text = PQerrorMessage(p->conn);
    first_line(line, sizeof line, text);
    if (!*line)
        snprintf(line, sizeof line, "the server closed the connection");
    lm_msg_set(p->msg, sizeof p->msg, "%s: %s: %s", p->name, what, line);
    if (state && (!strcmp(state, "40P01") || !strcmp(state, "40001") ||
                  !strcmp(state, "55P03")))
        return LM_ERR_DB_BUSY;
    return LM_ERR_DB;
}

static lm_err exec(corpus_pg *p, const char *sql, const char *what)
{
    PGresult *res = PQexec(p->conn, sql);
    ExecStatusType st = PQresultStatus(res);
    lm_err rc = LM_OK;

    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        rc = pg_fail(p, res, what);
    PQclear(res);
    return rc;
}

/* Runs statement @s with @n text parameters (NULL is SQL NULL).  Returns
 * the result (PQclear() it) or NULL with p->msg set and *rc the error. */
static PGresult *run(corpus_pg *p, int s, int n, const char *const *vals, const char *what,
                     lm_err *rc)
{
    char name[8];
    PGresult *res;
    ExecStatusType st;

    snprintf(name, sizeof name, "s%d", s);
    if (!(p->prepared & (1u << s))) {
        res = PQprepare(p->conn, name, stmt_sql[s], 0, NULL);
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            *rc = pg_fail(p, res, what);
            PQclear(res);
            return NULL;
        }
        PQclear(res);
        p->prepared |= 1u << s;
    }
    res = PQexecPrepared(p->conn, name, n, vals, NULL, NULL, 0);
    st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        *rc = pg_fail(p, res, what);
        PQclear(res);
        return NULL;
    }
    *rc = LM_OK;
    return res;
}

/* Same, for a statement whose rows are not read: *changed gets the rows
 * it touched when not NULL. */
static lm_err run_cmd(corpus_pg *p, int s, int n, const char *const *vals, const char *what,
                      int *changed)
{
    lm_err rc;
    PGresult *res = run(p, s, n, vals, what, &rc);

    if (!res)
        return rc;
    if (changed)
        *changed = atoi(PQcmdTuples(res)) != 0;
    PQclear(res);
    return LM_OK;
}

/* libpq prints server notices to stderr; the library never prints. */
static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* ---- opening: the schema -------------------------------------------------- */

/* The schema version, 0 when the database has no litmine schema; *tables
 * counts the tables in the schema litmine would use. */
static lm_err read_version(corpus_pg *p, int *v, int *tables)
{
    PGresult *res;
    lm_err rc = LM_OK;

    *v = 0;
    *tables = 0;
    res = PQexec(p->conn, "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname ="
                 " current_schema()), to_regclass('schema_version') IS NOT NULL");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = pg_fail(p, res, "cannot read the database");
        PQclear(res);
        return rc;
    }
    *tables = atoi(PQgetvalue(res, 0, 0));
    if (strcmp(PQgetvalue(res, 0, 1), "t")) {
        PQclear(res);
        return LM_OK;
    }
    PQclear(res);
    res = PQexec(p->conn, "SELECT max(version) FROM schema_version");
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        rc = pg_fail(p, res, "cannot read the schema version");
    else if (!PQgetisnull(res, 0, 0))
        *v = atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    return rc;
}

/* Creates the schema under the schema lock, unless another process did
 * meanwhile. */
static lm_err create_schema(corpus_pg *p)
{
    char sql[96];
    int v, tables;
    lm_err rc;

    if ((rc = exec(p, "BEGIN", "cannot start the schema creation")))
        return rc;
    if ((rc = exec(p, "SELECT pg_advisory_xact_lock(" LOCK_SCHEMA ")",
                   "cannot lock the schema")) ||
        (rc = read_version(p, &v, &tables)))
        goto fail;
    if (v == 0 && tables) {
        lm_msg_set(p->msg, sizeof p->msg, "%s: not a litmine corpus (a database with other "
                   "tables)", p->name);
        rc = LM_ERR_SCHEMA;
        goto fail;
    }
    if (v == 0) {
        snprintf(sql, sizeof sql, "INSERT INTO schema_version VALUES (%d)",
                 CORPUS_SCHEMA_VERSION);
        if ((rc = exec(p, schema_v4, "cannot create the schema")) ||
            (rc = exec(p, sql, "cannot set the schema version")))
            goto fail;
    }
    if ((rc = exec(p, "COMMIT", "cannot commit the schema")))
        goto fail;
    return LM_OK;
fail:
    PQclear(PQexec(p->conn, "ROLLBACK"));
    return rc;
}

static lm_err setup(corpus_pg *p)
{
    int v, tables;
    lm_err rc;

    PQsetNoticeProcessor(p->conn, quiet, NULL);
    if ((rc = exec(p, "SET client_min_messages = warning", "cannot set up the session")) ||
        (rc = read_version(p, &v, &tables)))
        return rc;
    if (v > CORPUS_SCHEMA_VERSION) {
        lm_msg_set(p->msg, sizeof p->msg, "%s: corpus schema version %d is newer than this "
                   "litmine understands (%d): upgrade litmine", p->name, v,
                   CORPUS_SCHEMA_VERSION);
        return LM_ERR_SCHEMA;
    }
    if (v == 0 && tables) {
        lm_msg_set(p->msg, sizeof p->msg, "%s: not a litmine corpus (a database with other "
                   "tables)", p->name);
        return LM_ERR_SCHEMA;
    }
    if (v == 0 && (p->flags & (LM_CORPUS_READONLY | LM_CORPUS_MUST_EXIST))) {
        lm_msg_set(p->msg, sizeof p->msg, "%s: no corpus here (import some records first, "
                   "or give --db)", p->name);
        return LM_ERR_DB;
    }
    if (v == 0)
        return create_schema(p);
    return LM_OK;
}

lm_err corpus_pg_open(const char *url, unsigned flags, corpus_pg **out)
{
    /* application_name names the holder in the run lock's message */
    const char *keys[] = { "dbname", "application_name", "client_encoding", NULL };
    const char *vals[4];
    char app[128], host[64];
    corpus_pg *p;

    if (!url || !out)
        return LM_ERR_USAGE;
    if (!(*out = p = calloc(1, sizeof *p)) || !(p->name = malloc(strlen(url) + 1)))
        return LM_ERR_NOMEM;
    corpus_pg_display(url, p->name, strlen(url) + 1);
    lm_record_init(&p->other);
    p->flags = flags;
    if (gethostname(host, sizeof host))
        snprintf(host, sizeof host, "unknown");
    host[sizeof host - 1] = '\0';
    snprintf(app, sizeof app, "litmine pid %ld on %s", (long)getpid(), host);
    vals[0] = url;
    vals[1] = app;
    vals[2] = "UTF8";
    vals[3] = NULL;
    /* expand_dbname: the URL (or a key=value string) in dbname is parsed by
     * libpq, ?host=/socket/dir and all */
    p->conn = PQconnectdbParams(keys, vals, 1);
    if (!p->conn)
        return LM_ERR_NOMEM;
    if (PQstatus(p->conn) != CONNECTION_OK)
        return pg_fail(p, NULL, "cannot connect");
    return setup(p);
}

void corpus_pg_close(corpus_pg *p)
{
    if (!p)
        return;
    if (p->in_txn)
        corpus_pg_rollback(p);
    PQfinish(p->conn);
    lm_record_free(&p->other);
    EVP_MD_CTX_free(p->md);
    free(p->name);
    free(p);
}

const char *corpus_pg_errmsg(const corpus_pg *p)
{
    if (!p)
        return "out of memory";
    return p->msg[0] ? p->msg : "no error";
}

/* ---- transactions ------------------------------------------------------- */

lm_err corpus_pg_begin(corpus_pg *p)
{
    time_t t = time(NULL);
    struct tm tm;
    lm_err rc;

    if (!p || p->in_txn)
        return LM_ERR_USAGE;
    if ((rc = exec(p, "BEGIN", "cannot start a transaction")))
        return rc;
    gmtime_r(&t, &tm);
    strftime(p->now, sizeof p->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    p->in_txn = 1;
    return LM_OK;
}

lm_err corpus_pg_commit(corpus_pg *p)
{
    PGresult *res;
    lm_err rc = LM_OK;

    if (!p || !p->in_txn)
        return LM_ERR_USAGE;
    /* COMMIT of a failed transaction "succeeds" as a ROLLBACK: check the tag */
    res = PQexec(p->conn, "COMMIT");
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        rc = pg_fail(p, res, "cannot commit");
    else if (strcmp(PQcmdStatus(res), "COMMIT")) {
        lm_msg_set(p->msg, sizeof p->msg, "%s: cannot commit: the transaction was rolled "
                   "back", p->name);
        rc = LM_ERR_DB;
    }
    PQclear(res);
    p->in_txn = 0;
    return rc;
}

void corpus_pg_rollback(corpus_pg *p)
{
    if (!p || !p->in_txn)
        return;
    PQclear(PQexec(p->conn, "ROLLBACK"));
    p->in_txn = 0;
}

/* ---- merging the sources of one article ------------------------------------ */

/* The ten merged fields, as store.c orders them (FIELD_COLS). */
enum { F_PMCID, F_DOI, F_TITLE, F_ABSTRACT, F_JOURNAL, F_YEAR, F_AUTHORS, F_PUB_TYPES,
       F_MESH, F_BODY, NFIELD };
#define PMC_BIT(f) (1u << (f))

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

/* PubMed's value of each field when it has one, else PMC's (store.c's
 * rule: the rows and hashes must be the same in both backends). */
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

/* The content hash store.c writes (year, then the text fields, each
 * followed by a NUL), so a corpus hashes the same in both backends. */
static void view_md5(corpus_pg *p, const struct view *v, char hex[33])
{
    static const char digits[] = "0123456789abcdef";
    static const int order[] = { F_PMCID, F_DOI, F_TITLE, F_ABSTRACT, F_JOURNAL, F_AUTHORS,
                                 F_PUB_TYPES, F_MESH, F_BODY };
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    EVP_MD_CTX *ctx = p->md ? p->md : (p->md = EVP_MD_CTX_new());
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

static int64_t record_key(const lm_record *r)
{
    int64_t n;

    if (r->pmid > 0)
        return r->pmid;
    n = r->kind == LM_REC_ARTICLE ? pmc_number(lm_buf_str(&r->pmcid)) : 0;
    return n ? -n : 0;
}

/* Parameters as text: the view's fields (NULL for empty ones) from slot
 * @first, in FIELD_COLS order; @yearbuf holds the year's digits. */
static void params_view(const char **vals, int first, const struct view *v, char *yearbuf)
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
        if (lm_buf_append(rec_field(o, f), PQgetvalue(res, 0, first + f),
                          (size_t)PQgetlength(res, 0, first + f)))
            return LM_ERR_NOMEM;
    }
    return LM_OK;
}

/* ---- writes -------------------------------------------------------------- */

/* Until this transaction commits, no other writer reads or merges the row
 * of @key: the second of two imports meeting on a PMID waits, then reads
 * the first's committed row (a merge never misses the other source). */
static lm_err key_lock(corpus_pg *p, int64_t key)
{
    char k[24];
    const char *vals[1] = { k };

    snprintf(k, sizeof k, "%lld", (long long)key);
    return run_cmd(p, S_KEYLOCK, 1, vals, "cannot lock a record", NULL);
}

/* Tells an older version (0) from an identical replay (3). */
static lm_err unchanged_or_older(corpus_pg *p, int stmt, int64_t key, int version,
                                 int *outcome)
{
    char k[24];
    const char *vals[1] = { k };
    PGresult *res;
    lm_err rc;

    snprintf(k, sizeof k, "%lld", (long long)key);
    if (!(res = run(p, stmt, 1, vals, "cannot read a stored article", &rc)))
        return rc;
    if (PQntuples(res) && atoi(PQgetvalue(res, 0, 0)) == version)
        *outcome = 3;
    PQclear(res);
    return LM_OK;
}

static lm_err upsert(corpus_pg *p, int64_t key, int version, const struct view *v,
                     const char *source, const char *pubmed_md5, unsigned bits, int *changed)
{
    char k[24], ver[16], year[16], md5[33], pmver[16], b[16];
    const char *vals[18];

    view_md5(p, v, md5);
    snprintf(k, sizeof k, "%lld", (long long)key);
    snprintf(ver, sizeof ver, "%d", version);
    snprintf(b, sizeof b, "%u", bits);
    vals[0] = k;
    vals[1] = ver;
    params_view(vals, 2, v, year);
    vals[12] = source;
    vals[13] = md5;
    vals[14] = p->now;
    if (pubmed_md5) {
        snprintf(pmver, sizeof pmver, "%d", version);
        vals[15] = pmver;
        vals[16] = pubmed_md5;
    } else {
        vals[15] = vals[16] = NULL;
    }
    vals[17] = b;
    return run_cmd(p, S_UPSERT, 18, vals, "cannot store a record", changed);
}

static lm_err put_databanks(corpus_pg *p, const lm_record *r)
{
    char k[24], ver[16];
    const char *vals[3] = { k, r->databanks.len ? lm_buf_str(&r->databanks) : NULL, ver };

    if (r->source && strcmp(r->source, "pubmed"))
        return LM_OK;
    snprintf(k, sizeof k, "%lld", (long long)r->pmid);
    snprintf(ver, sizeof ver, "%d", r->version);
    return run_cmd(p, S_DATABANKS, 3, vals, "cannot store a record's DataBankList", NULL);
}

/* A record with both a PMID and a PMCID supersedes an article stored under
 * that PMCID alone (store.c's adopt_pmcid_row). */
static lm_err adopt_pmcid_row(corpus_pg *p, const lm_record *r)
{
    int64_t n = pmc_number(lm_buf_str(&r->pmcid));
    char sql[400], k[24];
    const char *vals[1] = { k };
    PGresult *res;
    int found;
    lm_err rc;

    if (!n)
        return LM_OK;
    snprintf(k, sizeof k, "%lld", (long long)-n);
    if (!(res = run(p, S_PMC_FIND, 1, vals, "cannot read the corpus", &rc)))
        return rc;
    found = PQntuples(res) > 0;
    PQclear(res);
    if (!found || (rc = key_lock(p, -n)))
        return rc;
    snprintf(sql, sizeof sql,
             "UPDATE article_pmc SET pmid = %lld WHERE pmid = %lld"
             " AND NOT EXISTS (SELECT 1 FROM article_pmc WHERE pmid = %lld);"
             "DELETE FROM article_pmc WHERE pmid = %lld;"
             "DELETE FROM article WHERE pmid = %lld;",
             (long long)r->pmid, (long long)-n, (long long)r->pmid, (long long)-n,
             (long long)-n);
    return exec(p, sql, "cannot move an article stored under its PMCID");
}

static lm_err put_pubmed(corpus_pg *p, const lm_record *r, int *outcome)
{
    struct view pm, pmc, v;
    char pm_md5[33], k[24];
    const char *vals[1] = { k };
    unsigned bits = 0;
    int has_pmc = 0, changed = 0;
    PGresult *res;
    lm_err rc;

    if ((rc = key_lock(p, r->pmid)))
        return rc;
    if (r->pmcid.len && (rc = adopt_pmcid_row(p, r)))
        return rc;
    view_of(r, &pm);
    v = pm;
    snprintf(k, sizeof k, "%lld", (long long)r->pmid);
    if (!(res = run(p, S_PMC_GET, 1, vals, "cannot read a PMC article", &rc)))
        return rc;
    if (PQntuples(res)) {
        has_pmc = 1;
        rc = copy_cols(res, 0, 0, &p->other);
    }
    PQclear(res);
    if (rc)
        return rc;
    if (has_pmc) {
        view_of(&p->other, &pmc);
        bits = merge(&pm, &pmc, &v);
    }
    view_md5(p, &pm, pm_md5);
    if ((rc = upsert(p, r->pmid, r->version, &v, has_pmc ? "pubmed+pmc" : "pubmed", pm_md5,
                     bits, &changed)) ||
        (rc = put_databanks(p, r)))
        return rc;
    *outcome = changed;
    if (!changed)
        return unchanged_or_older(p, S_VERSION, r->pmid, r->version, outcome);
    return LM_OK;
}

struct row_state { int exists, has_pubmed, deleted; };

static lm_err read_row(corpus_pg *p, int64_t key, struct row_state *rs)
{
    char k[24];
    const char *vals[1] = { k };
    PGresult *res;
    lm_err rc;

    memset(rs, 0, sizeof *rs);
    snprintf(k, sizeof k, "%lld", (long long)key);
    if (!(res = run(p, S_ART_GET, 1, vals, "cannot read a stored article", &rc)))
        return rc;
    if (PQntuples(res)) {
        rs->exists = 1;
        rs->has_pubmed = !PQgetisnull(res, 0, NFIELD);
        rs->deleted = atoi(PQgetvalue(res, 0, NFIELD + 2));
        if (rs->has_pubmed)
            rc = copy_cols(res, 0, (unsigned)atoi(PQgetvalue(res, 0, NFIELD + 1)), &p->other);
    }
    PQclear(res);
    return rc;
}

static lm_err put_pmc_row(corpus_pg *p, int64_t key, const lm_record *r,
                          const struct view *v, int *changed)
{
    char k[24], ver[16], year[16], md5[33];
    const char *vals[14];

    view_md5(p, v, md5);
    snprintf(k, sizeof k, "%lld", (long long)key);
    snprintf(ver, sizeof ver, "%d", r->version);
    vals[0] = k;
    params_view(vals, 1, v, year);
    vals[11] = ver;
    vals[12] = md5;
    vals[13] = p->now;
    return run_cmd(p, S_PMC_PUT, 14, vals, "cannot store a PMC article", changed);
}

static lm_err remerge(corpus_pg *p, int64_t key, const struct view *pmc)
{
    struct view pm, v;
    char k[24], year[16], md5[33], b[16];
    const char *vals[14];
    unsigned bits;

    view_of(&p->other, &pm);
    bits = merge(&pm, pmc, &v);
    view_md5(p, &v, md5);
    snprintf(k, sizeof k, "%lld", (long long)key);
    snprintf(b, sizeof b, "%u", bits);
    vals[0] = k;
    params_view(vals, 1, &v, year);
    vals[11] = md5;
    vals[12] = b;
    vals[13] = p->now;
    return run_cmd(p, S_MERGE, 14, vals, "cannot merge a PMC article", NULL);
}

static lm_err put_pmc(corpus_pg *p, const lm_record *r, int *outcome)
{
    int64_t key = record_key(r);
    struct row_state rs;
    struct view pmc;
    int changed = 0, row_changed = 0;
    lm_err rc;

    if ((rc = key_lock(p, key)))
        return rc;
    if (r->pmid > 0 && r->pmcid.len && (rc = adopt_pmcid_row(p, r)))
        return rc;
    view_of(r, &pmc);
    if ((rc = put_pmc_row(p, key, r, &pmc, &changed)) || (rc = read_row(p, key, &rs)))
        return rc;
    *outcome = changed;
    if (rs.has_pubmed) {
        if (!changed)
            return unchanged_or_older(p, S_PMC_VERSION, key, r->version, outcome);
        return remerge(p, key, &pmc);
    }
    if ((rc = upsert(p, key, r->version, &pmc, "pmc", NULL, 0, &row_changed)))
        return rc;
    if (row_changed)
        *outcome = 1;
    else if (!changed)
        return unchanged_or_older(p, S_VERSION, key, r->version, outcome);
    return LM_OK;
}

static lm_err put_delete(corpus_pg *p, const lm_record *r, int *outcome)
{
    char k[24], ver[16];
    const char *vals[3] = { k, ver, p->now };
    int changed = 0;
    lm_err rc;

    snprintf(k, sizeof k, "%lld", (long long)r->pmid);
    snprintf(ver, sizeof ver, "%d", r->version);
    if ((rc = key_lock(p, r->pmid)) ||
        (rc = run_cmd(p, S_DELETE, 3, vals, "cannot mark a record deleted", &changed)))
        return rc;
    *outcome = changed ? 2 : 4;
    return LM_OK;
}

lm_err corpus_pg_put(corpus_pg *p, const lm_record *r, int *outcome)
{
    int dummy;

    if (!p || !r || !p->in_txn || !record_key(r))
        return LM_ERR_USAGE;
    if (r->kind == LM_REC_DELETE && r->pmid <= 0)
        return LM_ERR_USAGE;
    if (p->flags & LM_CORPUS_READONLY)
        return LM_ERR_USAGE;
    if (!outcome)
        outcome = &dummy;
    if (r->kind == LM_REC_DELETE)
        return put_delete(p, r, outcome);
    if (r->source && !strcmp(r->source, "pmc"))
        return put_pmc(p, r, outcome);
    return put_pubmed(p, r, outcome);
}

/* ---- ledger and watermark ------------------------------------------------ */

lm_err corpus_pg_file_seen(corpus_pg *p, const char *md5, int *seen)
{
    const char *vals[1] = { md5 };
    PGresult *res;
    lm_err rc;

    *seen = 0;
    if (!(res = run(p, S_SEEN, 1, vals, "cannot read the import ledger", &rc)))
        return rc;
    *seen = PQntuples(res) > 0;
    PQclear(res);
    return LM_OK;
}

lm_err corpus_pg_file_add(corpus_pg *p, const char *name, const char *md5, uint64_t records)
{
    char n[24];
    const char *vals[3] = { name, md5, n };

    snprintf(n, sizeof n, "%llu", (unsigned long long)records);
    return run_cmd(p, S_FILE_ADD, 3, vals, "cannot write the import ledger", NULL);
}

lm_err corpus_pg_watermark_get(corpus_pg *p, const char *query, char **out)
{
    const char *vals[1] = { query };
    PGresult *res;
    lm_err rc;

    *out = NULL;
    if (!(res = run(p, S_WM_GET, 1, vals, "cannot read the fetch state", &rc)))
        return rc;
    if (PQntuples(res) && !PQgetisnull(res, 0, 0) && !(*out = strdup(PQgetvalue(res, 0, 0))))
        rc = LM_ERR_NOMEM;
    PQclear(res);
    return rc;
}

lm_err corpus_pg_watermark_set(corpus_pg *p, const char *query, const char *watermark)
{
    const char *vals[2] = { query, watermark };

    return run_cmd(p, S_WM_SET, 2, vals, "cannot write the fetch state", NULL);
}

/* ---- reading ------------------------------------------------------------- */

static void fill_article(const PGresult *res, int i, lm_article *a)
{
    a->pmid = strtoll(PQgetvalue(res, i, 0), NULL, 10);
    a->version = atoi(PQgetvalue(res, i, 1));
    a->year = atoi(PQgetvalue(res, i, 2));
    a->deleted = atoi(PQgetvalue(res, i, 3));
    /* PQgetvalue gives "" for NULL, as SQLite's column text gives */
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
}

/* Hands the rows of @res to @cb; 1 in *stop when it asked to stop. */
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

lm_err corpus_pg_get(corpus_pg *p, int64_t key, lm_article_cb cb, void *ud)
{
    char k[24];
    const char *vals[1] = { k };
    PGresult *res;
    int64_t last;
    int rows;
    lm_err rc;

    if (!p || !cb)
        return LM_ERR_USAGE;
    snprintf(k, sizeof k, "%lld", (long long)key);
    if (!(res = run(p, S_GET, 1, vals, "cannot read articles", &rc)))
        return rc;
    rows = PQntuples(res);
    each_row(res, cb, ud, &last);
    PQclear(res);
    if (!rows && key < 0) {
        snprintf(k, sizeof k, "%lld", -(long long)key);
        if (!(res = run(p, S_GET_PMCID, 1, vals, "cannot read articles", &rc)))
            return rc;
        rows = PQntuples(res);
        each_row(res, cb, ud, &last);
        PQclear(res);
    }
    if (!rows) {
        if (key < 0)
            lm_msg_set(p->msg, sizeof p->msg, "PMC%lld: not in the corpus %s",
                       -(long long)key, p->name);
        else
            lm_msg_set(p->msg, sizeof p->msg, "PMID %lld: not in the corpus %s",
                       (long long)key, p->name);
        return LM_ERR_NOTFOUND;
    }
    return LM_OK;
}

lm_err corpus_pg_each(corpus_pg *p, lm_article_cb cb, void *ud)
{
    char k[24];
    const char *vals[1] = { k };
    int64_t last = INT64_MIN;
    PGresult *res;
    int n, stop;
    lm_err rc;

    if (!p || !cb)
        return LM_ERR_USAGE;
    do {
        snprintf(k, sizeof k, "%lld", (long long)last);
        if (!(res = run(p, S_EACH, 1, vals, "cannot read articles", &rc)))
            return rc;
        n = PQntuples(res);
        stop = each_row(res, cb, ud, &last);
        PQclear(res);
    } while (!stop && n == 500);
    return LM_OK;
}

static lm_err count(corpus_pg *p, const char *sql, uint64_t *n)
{
    PGresult *res = PQexec(p->conn, sql);
    lm_err rc = LM_OK;

    *n = 0;
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        rc = pg_fail(p, res, "cannot count");
    else
        *n = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return rc;
}

lm_err corpus_pg_counts(corpus_pg *p, uint64_t *articles, uint64_t *deleted, uint64_t *files)
{
    lm_err rc;

    if (!p)
        return LM_ERR_USAGE;
    if ((articles && (rc = count(p, "SELECT count(*) FROM article WHERE deleted = 0",
                                 articles))) ||
        (deleted && (rc = count(p, "SELECT count(*) FROM article WHERE deleted = 1",
                                deleted))) ||
        (files && (rc = count(p, "SELECT count(*) FROM source_file", files))))
        return rc;
    return LM_OK;
}

/* ---- search --------------------------------------------------------------- */

/* The leaves of @q in tree order (left to right). */
static lm_err leaves(const lm_query *q, const lm_query ***v, size_t *n, size_t *cap, int depth)
{
    lm_err rc;

    if (!q || depth > 10000)
        return LM_ERR_USAGE;
    if (q->kind == LM_Q_WORD || q->kind == LM_Q_PHRASE || q->kind == LM_Q_PREFIX) {
        if ((rc = lm_grow(v, cap, *n, sizeof **v, 16)))
            return rc;
        (*v)[(*n)++] = q;
        return LM_OK;
    }
    if ((rc = leaves(q->left, v, n, cap, depth + 1)))
        return rc;
    return leaves(q->right, v, n, cap, depth + 1);
}

/* One leaf: the lexemes PostgreSQL's parser made of its text (@t, the text
 * form of a tsquery: 'a' <-> 'b'), each given the column's weight, and the
 * last one ':*' for a prefix.  A leaf with no lexeme (only punctuation)
 * matches nothing: a lexeme no document can hold (the parser never makes
 * one with a space). */
static lm_err leaf_tsquery(const lm_query *q, const char *t, lm_buf *b)
{
    const char *w = !q->column ? "" : !strcmp(q->column, "title") ? "A" : "B";
    const char *last = NULL, *s;
    lm_err rc = LM_OK;

    for (s = t; *s; s++)                /* where the last lexeme ends */
        if (*s == '\'') {
            for (s++; *s && !(*s == '\'' && s[1] != '\''); s += *s == '\'' ? 2 : 1)
                ;
            if (!*s)
                break;
            last = s;
        }
    if (!last)
        return lm_buf_puts(b, "' '");
    if ((rc = lm_buf_puts(b, "(")))
        return rc;
    for (s = t; *s && !rc; s++) {
        if (*s != '\'') {
            rc = lm_buf_append(b, s, 1);
            continue;
        }
        const char *start = s;
        for (s++; *s && !(*s == '\'' && s[1] != '\''); s += *s == '\'' ? 2 : 1)
            ;
        if (!*s)
            break;
        if ((rc = lm_buf_append(b, start, (size_t)(s - start + 1))))
            break;
        if (*w || (s == last && q->kind == LM_Q_PREFIX))
            rc = lm_buf_printf(b, ":%s%s", s == last && q->kind == LM_Q_PREFIX ? "*" : "", w);
    }
    return rc ? rc : lm_buf_puts(b, ")");
}

static lm_err ts_node(const lm_query *q, const char *const *leaf_text, size_t nleaf,
                      size_t *i, lm_buf *b, int depth)
{
    const char *op;
    lm_err rc;

    if (!q || depth > 10000)
        return LM_ERR_USAGE;
    switch (q->kind) {
    case LM_Q_WORD:
    case LM_Q_PHRASE:
    case LM_Q_PREFIX:
        if (*i >= nleaf)
            return LM_ERR_USAGE;
        return leaf_tsquery(q, leaf_text[(*i)++], b);
    case LM_Q_AND: op = " & "; break;
    case LM_Q_OR: op = " | "; break;
    case LM_Q_NOT: op = " & !"; break;
    default: return LM_ERR_USAGE;
    }
    if ((rc = lm_buf_puts(b, "(")) ||
        (rc = ts_node(q->left, leaf_text, nleaf, i, b, depth + 1)) ||
        (rc = lm_buf_puts(b, op)) ||
        (rc = ts_node(q->right, leaf_text, nleaf, i, b, depth + 1)))
        return rc;
    return lm_buf_puts(b, ")");
}

char *corpus_pg_tsquery(const lm_query *q, const char *const *leaf_text, size_t nleaf)
{
    lm_buf b = {0};
    size_t i = 0;

    if (ts_node(q, leaf_text, nleaf, &i, &b, 0) || i != nleaf) {
        lm_buf_free(&b);
        return NULL;
    }
    return b.s;
}

/* The leaves' texts through phraseto_tsquery(), in one round trip. */
static lm_err leaf_texts(corpus_pg *p, const lm_query *const *leaf, size_t n, PGresult **out)
{
    const char **vals = calloc(n ? n : 1, sizeof *vals);
    lm_buf sql = {0};
    PGresult *res;
    size_t i;
    lm_err rc = LM_OK;

    *out = NULL;
    if (!vals)
        return LM_ERR_NOMEM;
    rc = lm_buf_puts(&sql, "SELECT ");
    for (i = 0; i < n && !rc; i++) {
        vals[i] = leaf[i]->text;
        rc = lm_buf_printf(&sql, "%sphraseto_tsquery('simple', " TS_TEXT("$%zu::text")
                           ")::text", i ? ", " : "", i + 1);
    }
    if (!rc) {
        res = PQexecParams(p->conn, sql.s, (int)n, NULL, vals, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = pg_fail(p, res, "cannot search");
            PQclear(res);
        } else {
            *out = res;
        }
    }
    lm_buf_free(&sql);
    free(vals);
    return rc;
}

/* Ranked and cut to the limit first, then the headline for the kept rows
 * only (ts_headline re-parses the abstract).  Weights {D, C, B, A}: the
 * title counts four times the abstract; normalisation 1 divides by
 * 1 + log(length), as bm25 discounts long documents. */
static const char sql_search[] =
    "WITH q AS (SELECT $1::tsquery AS q),"
    " hits AS (SELECT a.pmid, ts_rank_cd('{0.1, 0.1, 0.25, 1.0}', a.tsv, q.q, 1) AS r"
    "  FROM article a, q WHERE a.tsv @@ q.q AND a.deleted = 0"
    "  ORDER BY r DESC, a.pmid LIMIT $2::bigint)"
    " SELECT h.pmid, h.r, a.year, a.title, a.journal,"
    "  ts_headline('simple', coalesce(a.abstract, ''), q.q,"
    "   'StartSel=[, StopSel=], MaxWords=24, MinWords=12, MaxFragments=1,"
    " FragmentDelimiter=...')"
    " FROM hits h JOIN article a ON a.pmid = h.pmid, q ORDER BY h.r DESC, h.pmid";

lm_err corpus_pg_search_query(corpus_pg *p, const lm_query *q, int limit, lm_hit_cb cb,
                              void *ud)
{
    const lm_query **leaf = NULL;
    const char **text = NULL;
    size_t n = 0, cap = 0, i;
    PGresult *lt = NULL, *res = NULL;
    char lim[16], *tsq = NULL;
    const char *vals[2];
    lm_hit h;
    lm_err rc;

    if (!p || !q || !cb)
        return LM_ERR_USAGE;
    if ((rc = leaves(q, &leaf, &n, &cap, 0)))
        goto done;
    if ((rc = leaf_texts(p, leaf, n, &lt)))
        goto done;
    if (!(text = calloc(n ? n : 1, sizeof *text))) {
        rc = LM_ERR_NOMEM;
        goto done;
    }
    for (i = 0; i < n; i++)
        text[i] = PQgetvalue(lt, 0, (int)i);
    if (!(tsq = corpus_pg_tsquery(q, text, n))) {
        rc = LM_ERR_NOMEM;
        goto done;
    }
    snprintf(lim, sizeof lim, "%d", limit);
    vals[0] = tsq;
    vals[1] = limit > 0 ? lim : NULL;
    res = PQexecParams(p->conn, sql_search, 2, NULL, vals, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        /* 42601 syntax error: a tsquery the server refused */
        if (state && !strcmp(state, "42601")) {
            char line[512];
            first_line(line, sizeof line, PQresultErrorMessage(res));
            lm_msg_set(p->msg, sizeof p->msg, "search '%s': %s", tsq, line);
            rc = LM_ERR_QUERY;
        } else {
            rc = pg_fail(p, res, "cannot search");
        }
        goto done;
    }
    for (i = 0; i < (size_t)PQntuples(res); i++) {
        int r = (int)i;
        h.pmid = strtoll(PQgetvalue(res, r, 0), NULL, 10);
        h.score = strtod(PQgetvalue(res, r, 1), NULL);
        h.year = atoi(PQgetvalue(res, r, 2));
        h.title = PQgetvalue(res, r, 3);
        h.journal = PQgetvalue(res, r, 4);
        h.snippet = PQgetvalue(res, r, 5);
        if (cb(&h, ud))
            break;
    }
done:
    PQclear(res);
    PQclear(lt);
    free(tsq);
    free(text);
    free(leaf);
    return rc;
}

/* ---- the run lock ------------------------------------------------------- */

struct corpus_pg_lock {
    PGconn *conn;
};

lm_err corpus_pg_lock_acquire(const char *url, corpus_pg_lock **out, char *msg, size_t cap)
{
    corpus_pg *p = NULL;
    corpus_pg_lock *l;
    PGresult *res;
    lm_err rc;

    *out = NULL;
    /* a connection of its own: the lock lives as long as it does */
    rc = corpus_pg_open(url, LM_CORPUS_MUST_EXIST, &p);
    if (rc == LM_ERR_DB && p && PQstatus(p->conn) == CONNECTION_OK) {
        /* no schema yet: the lock does not need one */
        rc = LM_OK;
    }
    if (rc) {
        lm_msg_set(msg, cap, "%s", corpus_pg_errmsg(p));
        corpus_pg_close(p);
        return rc;
    }
    res = PQexec(p->conn, "SELECT pg_try_advisory_lock(" LOCK_RUN ")");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = pg_fail(p, res, "cannot take the run lock");
        lm_msg_set(msg, cap, "%s", p->msg);
        PQclear(res);
        corpus_pg_close(p);
        return rc;
    }
    if (strcmp(PQgetvalue(res, 0, 0), "t")) {
        PGresult *who;
        PQclear(res);
        who = PQexec(p->conn, "SELECT a.application_name FROM pg_locks l JOIN"
                     " pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                     " AND l.granted AND l.classid = " LOCK_NS " AND l.objid = 2"
                     " AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database"
                     " WHERE datname = current_database()) LIMIT 1");
        lm_msg_set(msg, cap, "%s: another run holds the lock (%s)", p->name,
                   PQresultStatus(who) == PGRES_TUPLES_OK && PQntuples(who) &&
                   *PQgetvalue(who, 0, 0) ? PQgetvalue(who, 0, 0) : "holder unknown");
        PQclear(who);
        corpus_pg_close(p);
        return LM_ERR_LOCKED;
    }
    PQclear(res);
    if (!(l = calloc(1, sizeof *l))) {
        corpus_pg_close(p);
        return LM_ERR_NOMEM;
    }
    l->conn = p->conn;
    p->conn = NULL;
    corpus_pg_close(p);
    *out = l;
    return LM_OK;
}

void corpus_pg_lock_release(corpus_pg_lock *l)
{
    if (!l)
        return;
    PQfinish(l->conn);      /* the session ends: the server drops the lock */
    free(l);
}

#else   /* !LM_HAVE_PG */

/* Built without libpq: every entry point says so. */
struct corpus_pg { char msg[256]; };
struct corpus_pg_lock { int unused; };

static lm_err no_pg(char *msg, size_t cap, const char *url)
{
    char name[256];

    corpus_pg_display(url ? url : "", name, sizeof name);
    lm_msg_set(msg, cap, "%s: this litmine was built without PostgreSQL support "
               "(install libpq-dev and rebuild)", name);
    return LM_ERR_DB;
}

lm_err corpus_pg_open(const char *url, unsigned flags, corpus_pg **out)
{
    (void)flags;
    if (!(*out = calloc(1, sizeof **out)))
        return LM_ERR_NOMEM;
    return no_pg((*out)->msg, sizeof (*out)->msg, url);
}
void corpus_pg_close(corpus_pg *p) { free(p); }
const char *corpus_pg_errmsg(const corpus_pg *p) { return p ? p->msg : "out of memory"; }
lm_err corpus_pg_begin(corpus_pg *p) { (void)p; return LM_ERR_DB; }
lm_err corpus_pg_commit(corpus_pg *p) { (void)p; return LM_ERR_DB; }
void corpus_pg_rollback(corpus_pg *p) { (void)p; }
lm_err corpus_pg_put(corpus_pg *p, const lm_record *r, int *o) { (void)p; (void)r; (void)o; return LM_ERR_DB; }
lm_err corpus_pg_file_seen(corpus_pg *p, const char *m, int *s) { (void)p; (void)m; *s = 0; return LM_ERR_DB; }
lm_err corpus_pg_file_add(corpus_pg *p, const char *n, const char *m, uint64_t r) { (void)p; (void)n; (void)m; (void)r; return LM_ERR_DB; }
lm_err corpus_pg_watermark_get(corpus_pg *p, const char *q, char **o) { (void)p; (void)q; *o = NULL; return LM_ERR_DB; }
lm_err corpus_pg_watermark_set(corpus_pg *p, const char *q, const char *w) { (void)p; (void)q; (void)w; return LM_ERR_DB; }
lm_err corpus_pg_get(corpus_pg *p, int64_t k, lm_article_cb cb, void *ud) { (void)p; (void)k; (void)cb; (void)ud; return LM_ERR_DB; }
lm_err corpus_pg_each(corpus_pg *p, lm_article_cb cb, void *ud) { (void)p; (void)cb; (void)ud; return LM_ERR_DB; }
lm_err corpus_pg_search_query(corpus_pg *p, const lm_query *q, int l, lm_hit_cb cb, void *ud) { (void)p; (void)q; (void)l; (void)cb; (void)ud; return LM_ERR_DB; }
lm_err corpus_pg_counts(corpus_pg *p, uint64_t *a, uint64_t *d, uint64_t *f) { (void)p; (void)a; (void)d; (void)f; return LM_ERR_DB; }
char *corpus_pg_tsquery(const lm_query *q, const char *const *t, size_t n) { (void)q; (void)t; (void)n; return NULL; }
lm_err corpus_pg_lock_acquire(const char *url, corpus_pg_lock **out, char *msg, size_t cap)
{
    *out = NULL;
    return no_pg(msg, cap, url);
}
void corpus_pg_lock_release(corpus_pg_lock *l) { (void)l; }

#endif
