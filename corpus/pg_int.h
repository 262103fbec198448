/* The PostgreSQL corpus backend (pg.c): the same tables, rules and
 * guarantees as the SQLite store, over libpq.  Internal to corpus/. */
#ifndef LM_CORPUS_PG_INT_H
#define LM_CORPUS_PG_INT_H

#include <litmine/corpus.h>

typedef struct corpus_pg corpus_pg;

/* 1 when @p db names a PostgreSQL database ("postgresql://..." or
 * "postgres://...") rather than an SQLite file. */
int corpus_pg_is_url(const char *db);

/* Writes @p url without its password (userinfo and "password=" parameter)
 * into @p buf: what every message names. */
void corpus_pg_display(const char *url, char *buf, size_t cap);

/* Connects and creates or checks the schema, as lm_corpus_open() does for a
 * file (LM_CORPUS_READONLY, LM_CORPUS_MUST_EXIST).  Errors: LM_ERR_DB
 * (cannot connect, wrong password, no privileges), LM_ERR_SCHEMA (newer
 * schema, or a database with other tables).  *out is set when memory
 * allows, so corpus_pg_errmsg() can be read; close it either way. */
lm_err corpus_pg_open(const char *url, unsigned flags, corpus_pg **out);
void corpus_pg_close(corpus_pg *p);             /* NULL is a no-op */
const char *corpus_pg_errmsg(const corpus_pg *p);

/* One transaction: every record of one input file, its ledger row and
 * the fetch watermark that covers it commit together or not at all. */
lm_err corpus_pg_begin(corpus_pg *p);
lm_err corpus_pg_commit(corpus_pg *p);
void corpus_pg_rollback(corpus_pg *p);
/* lm_corpus_put()'s contract, outcomes included. */
lm_err corpus_pg_put(corpus_pg *p, const lm_record *r, int *outcome);

lm_err corpus_pg_file_seen(corpus_pg *p, const char *md5, int *seen);
lm_err corpus_pg_file_add(corpus_pg *p, const char *name, const char *md5,
                          uint64_t records);
lm_err corpus_pg_watermark_get(corpus_pg *p, const char *query, char **out);
lm_err corpus_pg_watermark_set(corpus_pg *p, const char *query, const char *watermark);

lm_err corpus_pg_get(corpus_pg *p, int64_t key, lm_article_cb cb, void *ud);
lm_err corpus_pg_each(corpus_pg *p, lm_article_cb cb, void *ud);
lm_err corpus_pg_search_query(corpus_pg *p, const lm_query *q, int limit, lm_hit_cb cb,
                              void *ud);
lm_err corpus_pg_counts(corpus_pg *p, uint64_t *articles, uint64_t *deleted,
                        uint64_t *files);

/* The query as a PostgreSQL tsquery over the article's tsvector (title
 * lexemes weighted A, abstract B); @p leaf_text[i] is the text form of
 * phraseto_tsquery() of leaf i (in tree order).  malloc'd, NULL on
 * failure. */
char *corpus_pg_tsquery(const lm_query *q, const char *const *leaf_text, size_t nleaf);

/* The run lock on a PostgreSQL corpus: a session advisory lock held on a
 * connection of its own, so runs and imports on different hosts exclude
 * each other, and the server drops it when the holder dies or its
 * connection goes.  LM_ERR_LOCKED (naming the holder) when another session
 * has it. */
typedef struct corpus_pg_lock corpus_pg_lock;
lm_err corpus_pg_lock_acquire(const char *url, corpus_pg_lock **out, char *msg, size_t cap);
void corpus_pg_lock_release(corpus_pg_lock *l);   /* NULL is a no-op */

#endif
