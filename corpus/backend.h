/* The corpus backend interface: what a database must do to hold a corpus.
 *
 * In the shape of htslib's hFILE_backend and curl's Curl_ssl: one const
 * struct of function pointers per backend (lm_backend_sqlite in sqlite.c,
 * lm_backend_pg in pg.c when built with LM_HAVE_PG), chosen once by
 * lm_corpus_open() from the --db string: "postgresql://..." or
 * "postgres://..." is PostgreSQL, anything else an SQLite file path.  The
 * public lm_corpus_* functions (corpus.c) check arguments and the
 * transaction state, then call the member; no other stage sees a backend.
 *
 * Common contract of every member:
 *  - @c is the generic handle (struct lm_corpus below): c->target is the
 *    --db string, used in messages (a backend whose string can hold a
 *    secret, a URL's password, replaces it in open() with a copy without
 *    it: malloc'd, freed by corpus.c), c->flags the open flags, c->impl the
 *    backend's own state (set by open, freed by close).
 *  - Errors return an lm_err and set c->msg (lm_msg_set) to one line
 *    naming the database and, for storage faults, the table:
 *    "corpus.db: table article: database disk image is malformed".
 *    LM_ERR_DB for database faults (corrupt, unreadable, full, server
 *    gone, permission denied), LM_ERR_DB_BUSY when another writer holds
 *    the lock past the timeout, LM_ERR_SCHEMA for a schema this litmine
 *    cannot use, LM_ERR_QUERY for a query the index refuses, LM_ERR_NOMEM,
 *    LM_ERR_NOTFOUND only where said.  A member never prints.
 *  - Transactions: one write transaction per input file (an import, a
 *    fetch batch with its watermark, an extraction batch with its state
 *    rows).  Members that write (put, file_add, watermark_set,
 *    xrows_replace, xstate_put) are called only between begin() and
 *    commit()/rollback(); a failed write leaves the transaction to be
 *    rolled back by the caller.  A write or commit that failed because
 *    it met another writer's transaction (PostgreSQL: a deadlock or a
 *    serialization failure, LM_ERR_DB_BUSY) also sets c->conflict: the
 *    caller may roll back and run the whole transaction again, and the
 *    next begin() then runs it alone (the importer does, lm_corpus_import).  Members that read run inside the open
 *    transaction if any, else in read_begin()'s snapshot if any, else on
 *    their own.
 *  - Strings handed to callbacks are valid only during the callback.
 *  - Callbacks return 0 to go on, non-zero to stop (the member then
 *    returns LM_OK).
 */
#ifndef LM_CORPUS_BACKEND_H
#define LM_CORPUS_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include <litmine/corpus.h>

/* The schema version every backend writes (SQLite: PRAGMA user_version;
 * PostgreSQL: a one-row litmine_schema table).  Both migrate through the
 * same numbered steps, so a version means the same tables everywhere. */
#define CORPUS_SCHEMA_VERSION 5

/* Search flags (search member). */
enum {
    /* keys and scores only, deleted articles included, no snippet: the
     * checker's candidate search (lm_hit.pmid and .score set) */
    CORPUS_SEARCH_KEYS = 1u << 0,
    /* live articles with year, title, abstract, pub_types and mesh, no
     * snippet: the checker's topic pool */
    CORPUS_SEARCH_RECORDS = 1u << 1
};

/* The generic handle every backend receives (corpus.c owns it). */
struct lm_corpus {
    const struct lm_backend *be;
    void *impl;                 /* the backend's own state */
    char *target;               /* the --db string, for messages (malloc'd) */
    unsigned flags;             /* LM_CORPUS_* of the open */
    int in_txn;                 /* between begin() and commit()/rollback() */
    int in_read;                /* between read_begin() and read_end() */
    int conflict;               /* the last transaction lost to another writer's
                                 * (see Transactions above); cleared by begin() */
    char now[32];               /* updated_at of this transaction's rows (UTC) */
    char msg[1024];             /* last error, one line naming the database */
};

struct lm_backend {
    /* "sqlite" or "postgresql", for messages and tests. */
    const char *name;

    /* Opens (creating unless LM_CORPUS_MUST_EXIST) the database of
     * c->target with c->flags and sets c->impl.  It does not migrate:
     * lm_corpus_open() calls schema_version() and migrate() next.  On
     * failure c->msg says why; close() is still called. */
    lm_err (*open)(lm_corpus *c);
    /* Frees c->impl (NULL: nothing was opened), rolling back an open
     * transaction and releasing the run lock.  Never fails. */
    void (*close)(lm_corpus *c);

    /* The schema version stored (0 for an empty database).  A database
     * holding other tables and no version is LM_ERR_SCHEMA ("not a
     * litmine corpus"). */
    lm_err (*schema_version)(lm_corpus *c, int *version);
    /* Readies the database for writing (SQLite: WAL, synchronous, cache
     * size) and brings the schema from @from to CORPUS_SCHEMA_VERSION in
     * one transaction of its own (all steps or none; none when @from is
     * current).  Called on every writable open, never on a read-only one.
     * A read-only handle accepts a schema from version 4 on (corpus.c):
     * readers then do without what later versions added (xstate_count
     * counts every live article pending when extract_state is missing). */
    lm_err (*migrate)(lm_corpus *c, int from);

    /* Starts the write transaction, taking the write lock now (SQLite:
     * BEGIN IMMEDIATE), so a busy database fails before any work.  A
     * backend that lets several writers in runs this transaction alone
     * when c->conflict is set (after the write transactions open now,
     * before any begun later), so that a transaction run again cannot
     * meet another writer twice; it clears c->conflict. */
    lm_err (*begin)(lm_corpus *c);
    /* Commits it; on failure the transaction is rolled back and c->msg
     * says why. */
    lm_err (*commit)(lm_corpus *c);
    /* Rolls it back.  Never fails (errors are ignored). */
    void (*rollback)(lm_corpus *c);
    /* A read snapshot, so that many reads (an export, a check) see one
     * corpus: read_begin() may do nothing on a backend whose statements
     * see a snapshot anyway.  Not nested, not inside begin(). */
    lm_err (*read_begin)(lm_corpus *c);
    void (*read_end)(lm_corpus *c);

    /* Stores one record under the version rule and the PubMed/PMC merge of
     * lm_corpus_put() (corpus.h), setting *outcome (never NULL here).
     * c->now is the updated_at of this transaction's rows. */
    lm_err (*put)(lm_corpus *c, const lm_record *r, int *outcome);
    /* Optional (NULL: put() one at a time): stores @n records in this
     * order as put() would, outcomes[i] for r[i], so that a client-server
     * backend sends them in a few round trips instead of one each (the
     * importer hands it its records in batches). */
    lm_err (*put_many)(lm_corpus *c, const lm_record *const *r, size_t n, int *outcomes);
    /* The article with this key (deleted ones too); when none and @key < 0
     * (a PMCID), the article whose pmcid is "PMC<-key>" (live first, then
     * the lowest key).  LM_ERR_NOTFOUND with "PMID 123: not in the corpus
     * <target>" (or "PMC123: ...") when there is none.  A row whose text
     * is not valid UTF-8 is LM_ERR_DB naming the table, key and column. */
    lm_err (*get)(lm_corpus *c, int64_t key, lm_article_cb cb, void *ud);
    /* Every live article by key, ascending; same UTF-8 check. */
    lm_err (*each)(lm_corpus *c, lm_article_cb cb, void *ud);
    /* Full-text search of title and abstract, best first (SQLite: bm25
     * with title 4.0, abstract 1.0; others a rank close to it), at most
     * @limit hits (<= 0: all).  flags 0: live articles with year, title,
     * journal and a snippet of the abstract, matches in [brackets];
     * CORPUS_SEARCH_* above otherwise.  The backend renders @q itself
     * (lm_query_fts5 for SQLite); a query its index refuses is
     * LM_ERR_QUERY. */
    lm_err (*search)(lm_corpus *c, const lm_query *q, int limit, unsigned flags,
                     lm_hit_cb cb, void *ud);
    /* Articles (deleted ones included) matching @q, counted up to @cap
     * (cap 1: "does any article hold it?"). */
    lm_err (*match_count)(lm_corpus *c, const lm_query *q, uint64_t cap, uint64_t *n);

    /* Ledger: *seen = 1 when a file of this MD5 was imported. */
    lm_err (*file_seen)(lm_corpus *c, const char *md5, int *seen);
    /* Records the file (replacing a row of the same MD5), imported now. */
    lm_err (*file_add)(lm_corpus *c, const char *name, const char *md5, uint64_t records);
    /* The fetch watermark of a named query: *out malloc'd, NULL when none. */
    lm_err (*watermark_get)(lm_corpus *c, const char *query, char **out);
    lm_err (*watermark_set)(lm_corpus *c, const char *query, const char *watermark);

    /* Extraction rows (columns: LM_EXTRACTION_COLUMNS in corpus.h).
     * Replaces every row of @pmid by @rows (n may be 0: deletes them),
     * stored in this order (their id ascending). */
    lm_err (*xrows_replace)(lm_corpus *c, int64_t pmid, const lm_xrow *rows, size_t n);
    /* The rows of @pmid (any article, live or not, even unknown: then
     * none), or when @pmid is 0 those of every live article, or of the
     * live articles among @subset (sorted or not, duplicates allowed) when
     * @subset is not NULL; ordered by pmid, then id.  With
     * LM_XROWS_ARTICLE the callback's article has pmid, year, journal,
     * title, doi, pmcid, authors, pub_types, abstract and databanks (the
     * rest ""/0); without it, only pmid. */
    lm_err (*xrows_each)(lm_corpus *c, int64_t pmid, const int64_t *subset, size_t nsubset,
                         unsigned flags, lm_xrow_cb cb, void *ud);

    /* Extract state (table extract_state: pmid, record_md5 and
     * extractor_version its extractions were made from).  Up to @max live
     * articles with key > @after, ascending, whose state is missing or has
     * another record_md5 or a version other than @version. */
    lm_err (*xstate_pending)(lm_corpus *c, int version, int64_t after, int64_t *keys,
                             size_t max, size_t *n);
    /* How many articles are pending (as above) and how many have state but
     * are deleted or gone; either pointer may be NULL. */
    lm_err (*xstate_count)(lm_corpus *c, int version, uint64_t *pending, uint64_t *gone);
    /* Records that @pmid's extractions were made from @record_md5 (NULL
     * allowed) by extractor @version. */
    lm_err (*xstate_put)(lm_corpus *c, int64_t pmid, const char *record_md5, int version);
    /* Deletes the extraction rows and state of deleted or gone articles,
     * in its own write transaction; *n gets how many articles. */
    lm_err (*xstate_purge)(lm_corpus *c, uint64_t *n);

    /* The run lock, so that two `litmine run` on one corpus exclude each
     * other (PostgreSQL: an advisory lock, across hosts).  Held until
     * run_unlock() or close().  Another holder is LM_ERR_LOCKED with
     * "<target>: another run holds the lock".  NULL: the backend has none
     * and the caller locks a file beside the database (pipeline/lock.c). */
    lm_err (*run_lock)(lm_corpus *c);
    void (*run_unlock)(lm_corpus *c);

    /* Counts of live articles, deleted ones, ledger files; NULL skips. */
    lm_err (*counts)(lm_corpus *c, uint64_t *articles, uint64_t *deleted, uint64_t *files);
    /* The cheap summary the checker stamps on a report (lm_corpus_summary
     * in corpus.h): never a count over the articles. */
    lm_err (*summary)(lm_corpus *c, lm_corpus_summary *s);
};

extern const struct lm_backend lm_backend_sqlite;
#ifdef LM_HAVE_PG
extern const struct lm_backend lm_backend_pg;
#endif

/* 1 when @target names a PostgreSQL database ("postgresql://" or
 * "postgres://"). */
int corpus_target_is_pg(const char *target);

#endif
