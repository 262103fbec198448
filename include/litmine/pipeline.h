/// @file litmine/pipeline.h
/// The pipeline stage: datasets out of the corpus and the scheduled refresh
/// job (`litmine run`).
#ifndef LITMINE_PIPELINE_H
#define LITMINE_PIPELINE_H

#include <stdio.h>
#include "core.h"
#include "corpus.h"
#include "extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum lm_export_format {
    LM_EXPORT_JSONL = 0,   ///< one JSON object per line (pandas: read_json(lines=True))
    LM_EXPORT_CSV,         ///< RFC 4180: header row, CRLF, quoted where needed
    LM_EXPORT_RIS,         ///< RIS (articles only): Zotero, EndNote, Mendeley
    LM_EXPORT_BIBTEX,      ///< BibTeX (articles only), keys from lm_bibtex_key()
    LM_EXPORT_MEDLINE      ///< PubMed's MEDLINE/.nbib tagged format (articles only)
} lm_export_format;

/// The article columns of `litmine export --what articles`, in order.
LM_API extern const char *const lm_article_columns[];

/// Writes every live article of @p c to @p out.  Returns LM_ERR_IO when a
/// write fails, or the corpus' error (message on the corpus handle).
LM_API LM_MUST_CHECK lm_err lm_export_articles(lm_corpus *c, lm_export_format fmt,
                                               FILE *out);

/// One article as a compact JSON object (the columns above, plus "deleted"
/// and "body" when present).  Returns a malloc'd string (free() it), or NULL
/// when memory runs out.
LM_API char *lm_article_json(const lm_article *a);

/// Writes @p s as one RFC 4180 CSV field (quoted when it holds a comma,
/// quote, CR or LF; quotes doubled).
LM_API void lm_csv_field(FILE *out, const char *s);

/* ---- the run lock ----------------------------------------------------- */

typedef struct lm_lock lm_lock;

/// Takes the run lock of the corpus at @p db_path: an OS lock (flock) on
/// "<db_path>.lock" that the kernel drops when the process dies, so a killed
/// run never leaves a stale lock behind.  When another process holds it:
/// LM_ERR_LOCKED, with "<db>.lock: held by pid N" in @p msg.
LM_API LM_MUST_CHECK lm_err lm_lock_acquire(const char *db_path, lm_lock **out,
                                            char *msg, size_t msgcap);
/// Releases the lock.  NULL is a no-op.
LM_API void lm_lock_release(lm_lock *l);

/* ---- importing NCBI's baseline and update folders --------------------- */

typedef struct lm_dir_progress {
    size_t files_done, files_total;
    uint64_t bytes_done, bytes_total;   ///< compressed sizes of the files
    uint64_t records;                   ///< records read so far
    const char *current;                ///< file being imported (NULL at the end)
} lm_dir_progress;
typedef void (*lm_dir_progress_cb)(const lm_dir_progress *p, void *ud);

typedef struct lm_dir_stats {
    size_t files;          ///< data files found
    size_t imported;       ///< imported now
    size_t already;        ///< skipped: imported before (ledger)
    uint64_t records, stored, older, deleted;
} lm_dir_stats;

/// Imports the PubMed files of @p dir (and of its baseline/ and updatefiles/
/// subfolders, as NCBI lays them out): every *.xml and *.xml.gz, in order of
/// NCBI's numbering (pubmedYYnNNNN: year, then number, so the baseline comes
/// before its updates), each checked against its ".md5" companion when one
/// exists (NCBI's "MD5(name)= hex" or md5sum format), each in its own
/// transaction, files already in the ledger skipped.  Stops at the first
/// file that fails (later update files build on earlier ones): a checksum
/// mismatch is LM_ERR_FORMAT, nothing of that file is imported; a rerun
/// resumes there.  @p msg gets the error message.  @p cb may be NULL.
LM_API LM_MUST_CHECK lm_err lm_import_dir(lm_corpus *c, const char *dir,
                                          lm_dir_progress_cb cb, void *ud,
                                          lm_dir_stats *st, char *msg, size_t msgcap);


/* ---- export targets: where a dataset may be written -------------------- */

/// Checks that the export target @p path is not the corpus @p db_path nor
/// one of its companion files ("-wal", "-shm", ".lock"), comparing files
/// (device and inode when both exist, else the real path of the folder plus
/// the name), never strings: "./psy.db" beside "psy.db" is the database.
/// Also refuses a target that is a directory, a block device or a socket.
/// Returns LM_OK, or LM_ERR_USAGE with "<path>: ..." in @p msg.
LM_API LM_MUST_CHECK lm_err lm_export_path_check(const char *path, const char *db_path,
                                                 char *msg, size_t msgcap);

typedef struct lm_export_target lm_export_target;

/// Opens the export target @p path for writing, after lm_export_path_check().
/// A regular file (or a new one) is written to "<dir>/.<name>.litmine-tmp",
/// created with O_EXCL|O_NOFOLLOW after removing any leftover of that name
/// (unlink removes a planted symlink, never its target), and renamed over
/// @p path by lm_export_target_commit().  A character device or a FIFO
/// (/dev/stdout, /dev/null, a pipe) is written directly: replacing it by a
/// regular file is never what the user meant.  @p out gets the stream to
/// write.  Returns LM_OK, LM_ERR_USAGE (refused target) or LM_ERR_IO.
LM_API LM_MUST_CHECK lm_err lm_export_target_open(const char *path, const char *db_path,
                                                  lm_export_target **t, FILE **out,
                                                  char *msg, size_t msgcap);

/// Flushes, syncs and closes the stream, then renames the temporary file
/// over the target unless the target already holds the same bytes.
/// @p written gets 1 when the target changed (always 1 for a device).
/// Frees @p t whatever the outcome.  Returns LM_OK or LM_ERR_IO.
LM_API LM_MUST_CHECK lm_err lm_export_target_commit(lm_export_target *t, int *written,
                                                    char *msg, size_t msgcap);

/// Closes the stream, removes the temporary file and frees @p t.  NULL is a
/// no-op.
LM_API void lm_export_target_abort(lm_export_target *t);

/* ---- datasets: extractions and studies --------------------------------- */

/// What an export writes.
typedef enum lm_export_what {
    LM_WHAT_ARTICLES = 0,   ///< one row per live article (lm_article_columns)
    LM_WHAT_EXTRACTIONS,    ///< one row per stored extraction (lm_extraction_columns)
    LM_WHAT_STUDIES         ///< one row per extracted study (lm_study_columns)
} lm_export_what;

/// "articles", "extractions", "studies".
LM_API const char *lm_export_what_name(lm_export_what w);

/// The columns of `litmine export --what studies`, in order (CSV header and
/// JSONL keys).  NULL-terminated.  README "export --what studies" says what
/// each holds.
LM_API extern const char *const lm_study_columns[];

/// Writes @p what from @p c to @p out as @p fmt; @p rows (may be NULL) gets
/// the number of data rows.  Extractions and studies cover live articles
/// only.  Returns LM_ERR_IO when a write fails, LM_ERR_NOMEM, or the
/// database's error (LM_ERR_DB, message in @p msg).
LM_API LM_MUST_CHECK lm_err lm_export(lm_corpus *c, lm_export_what what,
                                      lm_export_format fmt, FILE *out,
                                      uint64_t *rows, char *msg, size_t msgcap);

/* ---- reference managers and subsets --------------------------------- */

/// 1 for the reference-manager formats (RIS, BibTeX, MEDLINE), else 0.
LM_API int lm_export_is_reference(lm_export_format fmt);

/// Writes one article as a RIS, BibTeX or MEDLINE record to @p out
/// (authors, MeSH and publication types split into their repeated fields,
/// valid UTF-8, BibTeX specials escaped).  LM_ERR_USAGE for another format,
/// LM_ERR_IO when a write fails.
LM_API LM_MUST_CHECK lm_err lm_export_reference(FILE *out, lm_export_format fmt,
                                                const lm_article *a);

/// The BibTeX citation key of @p a: the first author's family name (ASCII
/// letters, lower case), the year and the PMID, e.g. "doe2021pmid12345678".
/// Stable: the same article gets the same key on every export.
LM_API void lm_bibtex_key(const lm_article *a, char *dst, size_t cap);

/// Like lm_export(), for the @p npmids articles of @p pmids only (NULL: every
/// live article), and in every format (articles may also be written as
/// RIS, BibTeX or MEDLINE; extractions and studies only as JSONL or CSV:
/// LM_ERR_USAGE otherwise).  Articles come in the order of @p pmids
/// (duplicates once); extractions and studies by PMID.  A PMID that is not
/// in the corpus, or deleted, is skipped with a warning in the log; @p rows
/// gets the number of records written.
LM_API LM_MUST_CHECK lm_err lm_export_subset(lm_corpus *c, lm_export_what what,
                                             lm_export_format fmt, const int64_t *pmids,
                                             size_t npmids, FILE *out, uint64_t *rows,
                                             char *msg, size_t msgcap);

/* ---- the refresh job (`litmine run`) ----------------------------------- */

#define LM_RUN_MAX_QUERIES 64
#define LM_RUN_MAX_EXPORTS 16
#define LM_RUN_MAX_DIRS    16

/// One saved query of a run configuration.
typedef struct lm_run_query {
    char *name;          ///< unique label (logs, summary)
    char *query;         ///< esearch term
    int pmc;             ///< db=pmc instead of pubmed
    char datetype[8];    ///< "edat" or "mdat"
    char *since;         ///< first date of the very first run (NULL: all)
} lm_run_query;

/// One export target.
typedef struct lm_run_export {
    lm_export_what what;
    lm_export_format format;
    char *path;          ///< resolved (relative to the config file's folder)
} lm_run_export;

/// Progress of a long stage of lm_run(): @p stage is "fetch", "import" or
/// "extract"; @p done records so far of @p total (0: not known).  Called
/// often (after each record or batch): the callee decides what to draw.
typedef void (*lm_run_progress_cb)(const char *stage, uint64_t done, uint64_t total,
                                   void *ud);

/// A parsed run configuration (JSON; README "litmine run" shows the keys).
/// Paths are resolved against the config file's folder.  Free with
/// lm_run_config_free().
typedef struct lm_run_config {
    char *file;                 ///< the config file's name, for messages
    char *db;                   ///< "database"
    lm_run_query queries[LM_RUN_MAX_QUERIES];
    size_t nqueries;
    char *import_dirs[LM_RUN_MAX_DIRS];   ///< "import_dirs": NCBI folders
    size_t nimport_dirs;
    char *api_key_env;          ///< "api_key_env", default "NCBI_API_KEY"
    char *email;                ///< "email"; NULL: $NCBI_EMAIL
    char *base_url;             ///< "base_url"; NULL: $LITMINE_EUTILS_URL, else NCBI
    int extract;                ///< "extract" (default true)
    lm_run_export exports[LM_RUN_MAX_EXPORTS];
    size_t nexports;
    /* "fetch": {...} tuning, 0 = the fetch stage's default */
    unsigned batch;
    int retries;
    double retry_delay, retry_max, rate;
    long timeout;
    /* Not from the file: the caller may set these after parsing (NULL: none). */
    lm_run_progress_cb progress;
    void *progress_ud;
} lm_run_config;

/// Parses a configuration from @p len bytes of JSON; @p name is the file
/// name used in messages and to resolve relative paths.  A syntax error, a
/// missing or unknown key, or a value of the wrong type or range is
/// LM_ERR_FORMAT with "<name>:<line>: ..." or "<name>: <key>: ..." in @p msg.
LM_API LM_MUST_CHECK lm_err lm_run_config_parse(const char *name, const char *text,
                                                size_t len, lm_run_config **out,
                                                char *msg, size_t msgcap);
/// Reads and parses the file at @p path (LM_ERR_IO when unreadable).
LM_API LM_MUST_CHECK lm_err lm_run_config_load(const char *path, lm_run_config **out,
                                               char *msg, size_t msgcap);
/// Replaces the database path (the command line's --db).
LM_API LM_MUST_CHECK lm_err lm_run_config_set_db(lm_run_config *cfg, const char *db);
LM_API void lm_run_config_free(lm_run_config *cfg);   /* NULL is a no-op */

/// Counts of one run (or, with LM_RUN_DRY, of what it would do).
typedef struct lm_run_stats {
    struct {
        uint64_t records, stored, requests, retries;
        char from[16];          ///< first day asked for ("" when the run stopped before)
        char watermark[16];     ///< watermark after the fetch ("" if none)
    } queries[LM_RUN_MAX_QUERIES];
    uint64_t fetched, stored;   ///< over all queries
    size_t files, files_imported, files_already;
    uint64_t import_records, import_stored, import_deleted;
    uint64_t extracted;         ///< articles (re-)extracted
    uint64_t values;            ///< extraction rows written
    uint64_t cleared;           ///< deleted articles whose extractions were removed
    struct {
        uint64_t rows;
        int written;            ///< 1 replaced, 0 identical to the file already there
    } exports[LM_RUN_MAX_EXPORTS];
    size_t exports_written;
    int db_exists;              ///< dry run: the database file exists
    int changed;                ///< anything in the database or an export changed
    double seconds;
} lm_run_stats;

enum {
    LM_RUN_DRY = 1u << 0,       ///< plan only: read what is there, change nothing
    LM_RUN_NO_JIT = 1u << 1     ///< extract with interpreted rules (LM_EXTRACT_NO_JIT)
};

/// Stage report: one line ("fetch psilocybin: 12 records, 12 stored...")
/// after each stage; the CLI prints it on stderr.
typedef void (*lm_run_report_cb)(const char *line, void *ud);

/// Runs the job of @p cfg under the run lock: fetch (each saved query,
/// incremental) -> import (import_dirs) -> extract (only articles that are
/// new, changed, or extracted by an older extractor version; extractions of
/// deleted articles are removed) -> exports (each written to a temporary
/// file beside its target and renamed over it, left alone when the content
/// is the same).  Each step commits as it goes, so a killed run, run again,
/// ends where an uninterrupted one would.  Stops at the first failure:
/// LM_ERR_LOCKED (another run), LM_ERR_NET/LM_ERR_HTTP, LM_ERR_DB*, LM_ERR_IO
/// (an export), LM_ERR_FORMAT (an import file); message in @p msg.
/// @p report may be NULL.  @p st gets the counts, also on failure.
LM_API LM_MUST_CHECK lm_err lm_run(const lm_run_config *cfg, unsigned flags,
                                   lm_run_report_cb report, void *ud,
                                   lm_run_stats *st, char *msg, size_t msgcap);

/* ---- extractions in the corpus (extract_store.c) ------------------------- */

/// Replaces every extraction row of @p pmid with @p x (version
/// LM_EXTRACTOR_VERSION).  Runs inside the caller's transaction when one is
/// open, else in its own.  Errors: LM_ERR_DB (message on the corpus handle
/// is not set; see lm_extractor_errmsg(ex)).
LM_API LM_MUST_CHECK lm_err lm_extract_store(lm_extractor *ex, lm_corpus *c,
                                             int64_t pmid, const lm_extractions *x);

/// Reads back the rows stored for @p pmid (by lm_extract_store or
/// lm_extract_run) in the order they were stored, appending them to @p out
/// as lm_extract_article produced them (design rows: svalue; absent numbers
/// NAN / -1; text and rule owned by @p out).  *version (may be NULL) gets
/// their extractor_version, 0 when none are stored: an article never
/// extracted, or not in the corpus, is LM_OK with nothing appended.  @p ex
/// only keeps the message and may be NULL.  Errors: LM_ERR_DB (a database
/// error, or a row of an unknown kind: "PMID 123: extraction row 7: unknown
/// kind 'x'"), LM_ERR_NOMEM; @p out keeps the rows read before.
LM_API LM_MUST_CHECK lm_err lm_extract_load(lm_extractor *ex, lm_corpus *c, int64_t pmid,
                                            lm_extractions *out, int *version);

/// Called by lm_extract_run for each article after its rows were stored.
/// Return non-zero to stop.
typedef int (*lm_extract_cb)(int64_t pmid, const lm_extractions *x, void *ud);

/// Extracts and stores @p npmids articles (all live articles when @p pmids
/// is NULL), committing every 1000 articles.  A PMID not in the corpus is
/// LM_ERR_NOTFOUND ("PMID 123: not in the corpus") before anything is
/// written.  Message on lm_extractor_errmsg(ex).
LM_API LM_MUST_CHECK lm_err lm_extract_run(lm_extractor *ex, lm_corpus *c,
                                           const int64_t *pmids, size_t npmids,
                                           lm_extract_cb cb, void *ud);

#ifdef __cplusplus
}
#endif
#endif
