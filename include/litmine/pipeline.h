/// @file litmine/pipeline.h
/// The pipeline stage: datasets out of the corpus (and, later, the scheduled
/// refresh job).
#ifndef LITMINE_PIPELINE_H
#define LITMINE_PIPELINE_H

#include <stdio.h>
#include "core.h"
#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum lm_export_format {
    LM_EXPORT_JSONL = 0,   ///< one JSON object per line (pandas: read_json(lines=True))
    LM_EXPORT_CSV          ///< RFC 4180: header row, CRLF, quoted where needed
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

#ifdef __cplusplus
}
#endif
#endif
