/* Corpus module internals shared by corpus/*.c (never by other stages). */
#ifndef LM_CORPUS_INT_H
#define LM_CORPUS_INT_H

#include <sqlite3.h>
#include <litmine/corpus.h>

/* The schema version this litmine writes (PRAGMA user_version). */
#define CORPUS_SCHEMA_VERSION 1

struct lm_corpus {
    sqlite3 *db;
    char *path;
    unsigned flags;
    int in_txn;                 /* inside lm_corpus_begin() */
    sqlite3_stmt *st_upsert;    /* prepared once, reused per record */
    sqlite3_stmt *st_delete;
    sqlite3_stmt *st_version;
    char msg[1024];             /* last error, names the input */
};

/* Sets c->msg from the current SQLite error and maps it to an lm_err
 * (SQLITE_BUSY/LOCKED -> LM_ERR_DB_BUSY, everything else LM_ERR_DB). */
lm_err corpus_db_error(lm_corpus *c, const char *what);

#endif
