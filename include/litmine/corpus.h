/// @file litmine/corpus.h
/// The corpus stage: streaming readers for PubMed XML and PMC JATS, and the
/// SQLite store they feed (schema in DESIGN.md).
#ifndef LITMINE_CORPUS_H
#define LITMINE_CORPUS_H

#include <stdint.h>
#include <stdio.h>
#include "core.h"
#include "article.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- records ---------------------------------------------------------- */

typedef enum lm_rec_kind {
    LM_REC_ARTICLE = 0,   ///< a PubmedArticle, PubmedBookArticle or JATS article
    LM_REC_DELETE         ///< one PMID listed in a <DeleteCitation>
} lm_rec_kind;

/// One record as read from a file.  Caller-owned and reused: the reader
/// clears and refills it on every lm_reader_read().  Text fields are UTF-8
/// with inline markup (i, b, sup, sub, MathML...) flattened to its text and
/// entities decoded.  List fields join their items with "; ".
typedef struct lm_record {
    lm_rec_kind kind;
    int64_t pmid;           ///< 0 when the record has none (JATS with a PMCID only:
                            ///< stored under its PMCID, see lm_corpus_key_parse)
    int version;            ///< <PMID Version="N">, 1 when absent
    int year;               ///< publication year, 0 when unknown
    lm_buf pmcid;           ///< "PMC1234567" or empty
    lm_buf doi;
    lm_buf title;
    lm_buf abstract;        ///< structured parts as "LABEL: text", joined by "\n"
    lm_buf journal;
    lm_buf authors;         ///< "Last F; Last2 G" (collective names as written)
    lm_buf pub_types;       ///< "Journal Article; Randomized Controlled Trial"
    lm_buf mesh;            ///< MeSH descriptor names
    lm_buf body;            ///< JATS body: "## Section title\n" lines and paragraphs
    const char *source;     ///< "pubmed" or "pmc" (static string)
    unsigned long line;     ///< line of the input where the record started
    lm_buf databanks;       ///< PubMed DataBankList: "ClinicalTrials.gov NCT01234567; ..."
} lm_record;

LM_API void lm_record_init(lm_record *r);
/// Empties every field but keeps the memory for the next record.
LM_API void lm_record_clear(lm_record *r);
LM_API void lm_record_free(lm_record *r);

/* ---- streaming reader ------------------------------------------------- */

typedef struct lm_reader lm_reader;

/* LM_MAX_FIELD: litmine/article.h */

/// Opens PubMed XML (PubmedArticleSet, efetch or baseline/update files,
/// legacy MedlineCitationSet) or PMC JATS (article, pmc-articleset, OAI-PMH
/// GetRecord) for streaming.  The format is told from the root element, and
/// gzip from its magic bytes, not from the name.  @p path "-" reads stdin.
/// Parsing never touches the network, never loads a DTD or external entity,
/// and never expands user-defined entities.
/// On failure *out is still set when memory allows, so lm_reader_errmsg()
/// can be read; close it with lm_reader_close().
LM_API LM_MUST_CHECK lm_err lm_reader_open(const char *path, lm_reader **out);

/// Same, over @p len bytes at @p data (not copied: must outlive the reader).
/// @p name is used in messages.
LM_API LM_MUST_CHECK lm_err lm_reader_open_mem(const char *name, const void *data,
                                               size_t len, lm_reader **out);

/// Fills @p rec with the next record.  Returns LM_OK, LM_EOF at the clean end
/// of the input, or an error (LM_ERR_XML, LM_ERR_GZIP, LM_ERR_IO,
/// LM_ERR_FORMAT for a wrong root element or a record without a PMID (a
/// PMC article without a PMID but with a PMCID is read, with pmid 0),
/// LM_ERR_TOO_BIG), after which the reader is unusable.
LM_API LM_MUST_CHECK lm_err lm_reader_read(lm_reader *rd, lm_record *rec);

/// Last error, naming the input and line: "file.xml:12: PMID 123: ...".
/// Valid until the next call on the reader.
LM_API const char *lm_reader_errmsg(const lm_reader *rd);
/// Bytes of raw (possibly compressed) input consumed so far.
LM_API uint64_t lm_reader_bytes(const lm_reader *rd);
/// Hex MD5 of all raw input consumed; the whole file's once LM_EOF was seen.
LM_API const char *lm_reader_md5(lm_reader *rd);
/// The name given at open ("-" shows as "<stdin>").
LM_API const char *lm_reader_name(const lm_reader *rd);
LM_API void lm_reader_close(lm_reader *rd);   /* NULL is a no-op */

/* ---- the store -------------------------------------------------------- */

typedef struct lm_corpus lm_corpus;

enum {
    LM_CORPUS_READONLY   = 1u << 0,  ///< open for reading only
    LM_CORPUS_MUST_EXIST = 1u << 1   ///< fail instead of creating a new file
};

/// Opens (creating unless LM_CORPUS_MUST_EXIST) the corpus @p path names:
/// "postgresql://..." or "postgres://..." a PostgreSQL database (when built
/// with libpq), anything else an SQLite file (in WAL mode); migrating an
/// older schema unless LM_CORPUS_READONLY.  A database of a newer schema is
/// LM_ERR_SCHEMA; a corrupt or unreadable one LM_ERR_DB.  On failure *out is
/// still set when memory allows (read lm_corpus_errmsg(), then close).
LM_API LM_MUST_CHECK lm_err lm_corpus_open(const char *path, unsigned flags,
                                           lm_corpus **out);
LM_API void lm_corpus_close(lm_corpus *c);    /* NULL is a no-op */
/// Last error message on the handle; valid until the next call.
LM_API const char *lm_corpus_errmsg(const lm_corpus *c);

/// Counts of one import.
typedef struct lm_import_stats {
    uint64_t records;        ///< article records read
    uint64_t stored;         ///< inserted or replaced (version >= stored one)
    uint64_t older;          ///< ignored: a higher version is already stored
    uint64_t unchanged;      ///< same version and content as stored: left alone
    uint64_t deleted;        ///< PMIDs in DeleteCitation marked deleted
    int already;             ///< 1 when this exact file (md5) was imported before
} lm_import_stats;

/// Imports one file (see lm_reader_open) in one transaction, recorded in the
/// source_file ledger by MD5: a file imported before is a no-op
/// (stats->already = 1).  On any error nothing of the file is kept.
/// Errors: those of lm_reader_read, or LM_ERR_DB* for database faults.
LM_API LM_MUST_CHECK lm_err lm_corpus_import(lm_corpus *c, const char *path,
                                             lm_import_stats *stats);
/// Same, from memory (efetch replies); @p name goes in the ledger.
LM_API LM_MUST_CHECK lm_err lm_corpus_import_mem(lm_corpus *c, const char *name,
                                                 const void *data, size_t len,
                                                 lm_import_stats *stats);

/// Lower-level writes, for stages that feed records themselves.  put()
/// applies the version rule (higher or equal version replaces) and a
/// LM_REC_DELETE marks the row deleted.  @p outcome, if not NULL, gets 1
/// stored, 0 older-ignored, 2 deleted, 3 unchanged (same version and content),
/// 4 a deletion that found no live row (no row is made for an unknown PMID).
LM_API LM_MUST_CHECK lm_err lm_corpus_begin(lm_corpus *c);
LM_API LM_MUST_CHECK lm_err lm_corpus_commit(lm_corpus *c);
LM_API void lm_corpus_rollback(lm_corpus *c);
LM_API LM_MUST_CHECK lm_err lm_corpus_put(lm_corpus *c, const lm_record *r,
                                          int *outcome);
/// Ledger: 1 in *seen when a file with this md5 was imported.
LM_API LM_MUST_CHECK lm_err lm_corpus_file_seen(lm_corpus *c, const char *md5,
                                                int *seen);
LM_API LM_MUST_CHECK lm_err lm_corpus_file_add(lm_corpus *c, const char *name,
                                               const char *md5, uint64_t records);

/* ---- reading the store ------------------------------------------------ */

/* lm_article and lm_article_cb: litmine/article.h */

/// An article's key from what a user types: "12345678" is that PMID, and
/// "PMC1234567" (any case) is -1234567, the key of a PMC article stored
/// without a PMID.  A PMC article that has a PMID is keyed by its PMID.
/// LM_ERR_USAGE when @p id is neither.
LM_API LM_MUST_CHECK lm_err lm_corpus_key_parse(const char *id, int64_t *key);
/// Writes the key as users see it ("12345678" or "PMC1234567") into @p buf;
/// returns what snprintf() returns.
LM_API int lm_corpus_key_format(int64_t key, char *buf, size_t cap);

/// The article with this key (deleted ones too, flagged); LM_ERR_NOTFOUND.
LM_API LM_MUST_CHECK lm_err lm_corpus_get(lm_corpus *c, int64_t pmid,
                                          lm_article_cb cb, void *ud);
/// Every article that is not deleted, by PMID.
LM_API LM_MUST_CHECK lm_err lm_corpus_each(lm_corpus *c, lm_article_cb cb, void *ud);

/// One search hit.  Strings valid only during the callback.
typedef struct lm_hit {
    int64_t pmid;
    double score;            ///< bm25 rank, larger is better (sign flipped)
    int year;
    const char *title, *journal;
    const char *snippet;     ///< abstract excerpt, matches in [brackets]
    const char *abstract, *pub_types, *mesh;  ///< set by lm_corpus_search_records only
} lm_hit;
typedef int (*lm_hit_cb)(const lm_hit *h, void *ud);

/// What a user typed (lm_query_parse syntax) over title and abstract,
/// best first, at most @p limit hits (<= 0: all).  A query that cannot be
/// read is LM_ERR_QUERY with a message naming it.
LM_API LM_MUST_CHECK lm_err lm_corpus_search(lm_corpus *c, const char *query,
                                             int limit, lm_hit_cb cb, void *ud);

/* ---- parsed queries ---------------------------------------------------- */

/// A search query as a tree, so that no stage writes a backend's syntax
/// (FTS5, tsvector) itself: parse what a user typed, or build it from
/// terms.  Each backend renders it (lm_query_fts5 for SQLite).
typedef struct lm_query lm_query;

typedef enum lm_query_kind {
    LM_Q_WORD = 0,   ///< one word, matched as the index tokenises it
    LM_Q_PHRASE,     ///< words in this order ("COVID-19" is the phrase covid 19)
    LM_Q_PREFIX,     ///< words, the last one a prefix (random*)
    LM_Q_AND,
    LM_Q_OR,
    LM_Q_NOT         ///< left NOT right: left without right (binary only)
} lm_query_kind;

/// Parses user syntax: words, "phrases", prefix*, upper-case AND/OR/NOT
/// (adjacent terms are ANDed; NOT binds tightest, then AND, then OR),
/// parentheses, and title:/abstract: before a term.  A word with inner
/// punctuation (IL-6, SARS-CoV-2, e-cigarette) is a phrase.  Garbage is read
/// literally where that is sane (a quote left open runs to the end; AND or
/// OR with nothing on one side is a word; "a AND NOT b" is "a NOT b") and is
/// otherwise LM_ERR_QUERY with a message in @p msg naming the query and the
/// offset (NOT with nothing before it, unbalanced parentheses, no word).
/// *out: free with lm_query_free().
LM_API LM_MUST_CHECK lm_err lm_query_parse(const char *text, lm_query **out, char *msg,
                                           size_t msgcap);
/// A leaf (LM_Q_WORD, LM_Q_PHRASE or LM_Q_PREFIX) of literal @p text (quotes,
/// operators and punctuation in it are text, never syntax), limited to
/// @p column ("title", "abstract") unless NULL.  *out: lm_query_free().
LM_API LM_MUST_CHECK lm_err lm_query_leaf(lm_query_kind kind, const char *column,
                                          const char *text, lm_query **out);
/// @p a OP @p b (LM_Q_AND, LM_Q_OR, LM_Q_NOT).  Takes both (also on error);
/// a NULL side yields the other (for building in a loop from NULL), except
/// that NOT needs @p a.
LM_API LM_MUST_CHECK lm_err lm_query_join(lm_query_kind op, lm_query *a, lm_query *b,
                                          lm_query **out);
LM_API void lm_query_free(lm_query *q);   /* NULL is a no-op */
/// The query in FTS5 syntax (every term quoted, every operator
/// parenthesised); a malloc'd string (free()), or NULL when out of memory
/// or for a tree over 10,000 levels deep.
LM_API char *lm_query_fts5(const lm_query *q);

/// Like lm_corpus_search(), for a parsed query.
LM_API LM_MUST_CHECK lm_err lm_corpus_search_query(lm_corpus *c, const lm_query *q,
                                                   int limit, lm_hit_cb cb, void *ud);

/// Counts: live articles, deleted ones, files in the ledger.
LM_API LM_MUST_CHECK lm_err lm_corpus_counts(lm_corpus *c, uint64_t *articles,
                                             uint64_t *deleted, uint64_t *files);

/* ---- fetch state ------------------------------------------------------ */

/// The watermark (an opaque string, e.g. "2024/05/01") saved for a named
/// query; *out is a malloc'd copy (free() it), NULL when none is saved.
LM_API LM_MUST_CHECK lm_err lm_corpus_watermark_get(lm_corpus *c, const char *query,
                                                    char **out);
/// Saves the watermark.  Call inside the transaction that commits the
/// records it covers, so both land together or not at all.
LM_API LM_MUST_CHECK lm_err lm_corpus_watermark_set(lm_corpus *c, const char *query,
                                                    const char *watermark);

/* ---- extraction rows ---------------------------------------------------- */

/// The columns of the extraction table, defined once: X(name, type) with
/// type INT, REAL, TEXT or ANY (value: a number, or the design's name).
/// Every backend builds its table and statements from this list, and
/// lm_xrow holds one value per column, in this order.
#define LM_EXTRACTION_COLUMNS(X) \
    X(kind, TEXT) X(value, ANY) X(lo, REAL) X(hi, REAL) X(k, INT) X(n, INT) \
    X(metric, TEXT) X(p, REAL) X(p_op, TEXT) X(level, TEXT) X(section, TEXT) \
    X(span_start, INT) X(span_end, INT) X(text, TEXT) X(rule, TEXT) X(flags, TEXT) \
    X(extractor_version, INT) X(outcome, TEXT) X(intervention, TEXT) \
    X(comparator, TEXT) X(dose, TEXT) X(frequency, TEXT) X(duration, TEXT) \
    X(route, TEXT) X(label, TEXT)

typedef enum lm_xcol {
#define LM_XCOL_ENUM(name, type) LM_XC_##name,
    LM_EXTRACTION_COLUMNS(LM_XCOL_ENUM)
#undef LM_XCOL_ENUM
    LM_XC_COUNT
} lm_xcol;

typedef enum lm_xval_type { LM_XV_NULL = 0, LM_XV_INT, LM_XV_REAL, LM_XV_TEXT } lm_xval_type;

/// One cell: NULL, an integer, a real or a text (NUL-terminated; "" is
/// stored as NULL).
typedef struct lm_xval {
    lm_xval_type type;
    int64_t i;
    double r;
    const char *s;
} lm_xval;

/// One extraction row: its article, its id (the order rows were stored
/// in; 0 when writing) and a value per LM_EXTRACTION_COLUMNS column.
typedef struct lm_xrow {
    int64_t pmid, id;
    lm_xval v[LM_XC_COUNT];
} lm_xrow;

/// Column names in LM_EXTRACTION_COLUMNS order.
LM_API extern const char *const lm_xcol_names[LM_XC_COUNT];

/// Callback over rows: @p a is the row's article (see LM_XROWS_ARTICLE).
typedef int (*lm_xrow_cb)(const lm_article *a, const lm_xrow *x, void *ud);

enum { LM_XROWS_ARTICLE = 1u << 0 };  ///< fill the article's metadata

/// Replaces every extraction row of @p pmid by @p rows (@p n may be 0),
/// inside the open transaction (lm_corpus_begin), else in one of its own.
LM_API LM_MUST_CHECK lm_err lm_corpus_xrows_replace(lm_corpus *c, int64_t pmid,
                                                    const lm_xrow *rows, size_t n);
/// The rows of @p pmid (any article); or, @p pmid 0, of every live
/// article, or of the live ones among @p subset (when not NULL); by pmid,
/// then in the order they were stored.  With LM_XROWS_ARTICLE the
/// article has pmid, year, journal, title, doi, pmcid, authors, pub_types,
/// abstract and databanks; otherwise only pmid.
LM_API LM_MUST_CHECK lm_err lm_corpus_xrows_each(lm_corpus *c, int64_t pmid,
                                                 const int64_t *subset, size_t nsubset,
                                                 unsigned flags, lm_xrow_cb cb, void *ud);

/* ---- extract state ------------------------------------------------------ */

/// Up to @p max live articles with key > @p after, ascending, whose
/// extractions are missing or were made from another record_md5 or by an
/// extractor version other than @p version.
LM_API LM_MUST_CHECK lm_err lm_corpus_xstate_pending(lm_corpus *c, int version,
                                                     int64_t after, int64_t *keys,
                                                     size_t max, size_t *n);
/// Counts: articles pending (as above), and articles extracted before but
/// deleted (or gone) since.  Either pointer may be NULL.
LM_API LM_MUST_CHECK lm_err lm_corpus_xstate_count(lm_corpus *c, int version,
                                                   uint64_t *pending, uint64_t *gone);
/// Records what @p pmid's extractions were made from, in the open transaction.
LM_API LM_MUST_CHECK lm_err lm_corpus_xstate_put(lm_corpus *c, int64_t pmid,
                                                 const char *record_md5, int version);
/// Removes the extractions and state of deleted or gone articles, in a
/// transaction of its own; *n gets how many articles.
LM_API LM_MUST_CHECK lm_err lm_corpus_xstate_purge(lm_corpus *c, uint64_t *n);

/* ---- reading in one snapshot, summaries, locks --------------------------- */

/// A read snapshot: every read until lm_corpus_read_end() sees one corpus.
/// Not inside lm_corpus_begin(); not nested.
LM_API LM_MUST_CHECK lm_err lm_corpus_read_begin(lm_corpus *c);
LM_API void lm_corpus_read_end(lm_corpus *c);

/// Search for programs, not people: @p q as lm_corpus_search_query, but
/// deleted articles included and only lm_hit.pmid and .score set.
LM_API LM_MUST_CHECK lm_err lm_corpus_search_keys(lm_corpus *c, const lm_query *q,
                                                  int limit, lm_hit_cb cb, void *ud);
/// Live articles matching @p q, best first, with year, title, abstract,
/// pub_types and mesh (no snippet, no journal).
LM_API LM_MUST_CHECK lm_err lm_corpus_search_records(lm_corpus *c, const lm_query *q,
                                                     int limit, lm_hit_cb cb, void *ud);
/// Articles (deleted ones too) matching @p q, counted up to @p cap.
LM_API LM_MUST_CHECK lm_err lm_corpus_match_count(lm_corpus *c, const lm_query *q,
                                                  uint64_t cap, uint64_t *n);

/// What a report says of the corpus, cheaply.
typedef struct lm_corpus_summary {
    int any_live;               ///< 1 when at least one live article is stored
    int64_t ledger_records;     ///< records of the files imported, -1 when none
    char last_import[32];       ///< when the last file was imported, or ""
} lm_corpus_summary;
LM_API LM_MUST_CHECK lm_err lm_corpus_summary_get(lm_corpus *c, lm_corpus_summary *s);

/// The backend's run lock (PostgreSQL: an advisory lock, across hosts).
/// *held = 0 when the backend has none (the caller locks a file beside
/// the database); LM_ERR_LOCKED when another run holds it.  Released by
/// lm_corpus_close().
LM_API LM_MUST_CHECK lm_err lm_corpus_run_lock(lm_corpus *c, int *held);

/// The backend's name: "sqlite" or "postgresql".
LM_API const char *lm_corpus_backend(const lm_corpus *c);


#ifdef __cplusplus
}
#endif
#endif
