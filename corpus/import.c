/* Importing a file: read it with the streaming reader and store every
 * record in one transaction, recorded in the source_file ledger by MD5.
 * Any error rolls the whole file back, so a failed import leaves the corpus
 * exactly as it was; a file that lost a deadlock to another import's is
 * then imported again from its start (import_source). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "corpus_int.h"

static void count(lm_import_stats *st, const lm_record *r, int outcome)
{
    if (r->kind == LM_REC_DELETE) {
        if (outcome == 2)
            st->deleted++;
        return;
    }
    st->records++;
    if (outcome == 1)
        st->stored++;
    else if (outcome == 3)
        st->unchanged++;
    else
        st->older++;
}

/* Records per put_many() call, for a backend that has one (PostgreSQL: a
 * round trip per batch instead of one per record). */
#define PUT_BATCH 128

static lm_err buf_copy(lm_buf *dst, const lm_buf *src)
{
    lm_buf_clear(dst);
    return src->len ? lm_buf_append(dst, src->s, src->len) : LM_OK;
}

/* A deep copy of @src (the prefetch ring reuses its records). */
static lm_err record_copy(lm_record *dst, const lm_record *src)
{
    lm_err rc;

    dst->kind = src->kind;
    dst->pmid = src->pmid;
    dst->version = src->version;
    dst->year = src->year;
    dst->source = src->source;
    dst->line = src->line;
    if ((rc = buf_copy(&dst->pmcid, &src->pmcid)) || (rc = buf_copy(&dst->doi, &src->doi)) ||
        (rc = buf_copy(&dst->title, &src->title)) ||
        (rc = buf_copy(&dst->abstract, &src->abstract)) ||
        (rc = buf_copy(&dst->journal, &src->journal)) ||
        (rc = buf_copy(&dst->authors, &src->authors)) ||
        (rc = buf_copy(&dst->pub_types, &src->pub_types)) ||
        (rc = buf_copy(&dst->mesh, &src->mesh)) || (rc = buf_copy(&dst->body, &src->body)) ||
        (rc = buf_copy(&dst->databanks, &src->databanks)))
        return rc;
    return LM_OK;
}

/* Stores the @n records of @b with the backend's put_many(), after the
 * checks lm_corpus_put() makes, and counts them. */
static lm_err put_batch(lm_corpus *c, lm_record *b, size_t n, lm_import_stats *st)
{
    const lm_record *r[PUT_BATCH] = { NULL };
    int out[PUT_BATCH];
    size_t i;
    lm_err rc;

    for (i = 0; i < n; i++) {
        if (!corpus_record_key(&b[i]) || (b[i].kind == LM_REC_DELETE && b[i].pmid <= 0))
            return LM_ERR_USAGE;
        r[i] = &b[i];
    }
    if ((rc = c->be->put_many(c, r, n, out)))
        return rc;
    for (i = 0; i < n; i++)
        count(st, &b[i], out[i]);
    return LM_OK;
}

/* The records of @pf into the open transaction, PUT_BATCH at a time. */
static lm_err put_batched(lm_corpus *c, corpus_prefetch *pf, lm_import_stats *st,
                          int *db_failed)
{
    lm_record *b = calloc(PUT_BATCH, sizeof *b);
    const lm_record *rec;
    size_t n = 0, i;
    lm_err rc;

    if (!b)
        return LM_ERR_NOMEM;
    for (i = 0; i < PUT_BATCH; i++)
        lm_record_init(&b[i]);
    while ((rc = corpus_prefetch_next(pf, &rec)) == LM_OK) {
        if ((rc = record_copy(&b[n], rec)) ||
            (++n == PUT_BATCH && (rc = put_batch(c, b, n, st)))) {
            *db_failed = 1;
            break;
        }
        n %= PUT_BATCH;
    }
    /* the last records; a reader's error (rc) rolls them back unstored */
    if (rc == LM_EOF && n) {
        if ((rc = put_batch(c, b, n, st)))
            *db_failed = 1;
        else
            rc = LM_EOF;
    }
    for (i = 0; i < PUT_BATCH; i++)
        lm_record_free(&b[i]);
    free(b);
    return rc;
}

/* Reads every record of @rd into the open transaction; then, unless the
 * same bytes were imported before (only known now for stdin and memory),
 * writes the ledger row. */
static lm_err import_records(lm_corpus *c, lm_reader *rd, const char *known_md5,
                             lm_import_stats *st)
{
    corpus_prefetch *pf;
    const lm_record *rec;
    const char *md5;
    int outcome = 0, seen = 0, db_failed = 0;
    lm_err rc;

    if ((rc = corpus_prefetch_start(rd, &pf)))
        return rc;
    if (c->be->put_many)
        rc = put_batched(c, pf, st, &db_failed);
    else
        while ((rc = corpus_prefetch_next(pf, &rec)) == LM_OK) {
            if ((rc = lm_corpus_put(c, rec, &outcome))) {
                db_failed = 1;
                break;
            }
            count(st, rec, outcome);
        }
    corpus_prefetch_stop(pf);
    if (rc == LM_EOF)
        rc = LM_OK;
    else if (!db_failed)
        lm_msg_set(c->msg, sizeof c->msg, "%s", lm_reader_errmsg(rd));
    if (rc)
        return rc;
    if (known_md5)
        return lm_corpus_file_add(c, lm_reader_name(rd), known_md5, st->records);
    md5 = lm_reader_md5(rd);
    if ((rc = lm_corpus_file_seen(c, md5, &seen)))
        return rc;
    if (seen) {
        memset(st, 0, sizeof *st);
        st->already = 1;
        return LM_EOF;          /* roll back: nothing new */
    }
    return lm_corpus_file_add(c, lm_reader_name(rd), md5, st->records);
}

static lm_err import_reader(lm_corpus *c, lm_reader *rd, const char *known_md5,
                            lm_import_stats *st)
{
    lm_err rc;

    if ((rc = lm_corpus_begin(c)))
        return rc;
    rc = import_records(c, rd, known_md5, st);
    if (rc) {
        lm_corpus_rollback(c);
        return rc == LM_EOF ? LM_OK : rc;
    }
    return lm_corpus_commit(c);
}

/* A regular file's MD5 is known before parsing (into @md5), so a file
 * imported before costs one read, not a parse.  @md5 stays empty for
 * stdin and pipes, whose bytes can be read only once. */
static int seen_before(lm_corpus *c, const char *path, char md5[33], lm_import_stats *st)
{
    struct stat sb;
    int seen = 0;

    md5[0] = '\0';
    if (!strcmp(path, "-") || stat(path, &sb) || !S_ISREG(sb.st_mode))
        return 0;
    if (lm_md5_file(path, md5)) {
        md5[0] = '\0';
        return 0;
    }
    if (lm_corpus_file_seen(c, md5, &seen) || !seen)
        return 0;
    st->already = 1;
    return 1;
}

/* Imports from an opened reader (or reports why it did not open). */
static lm_err import_opened(lm_corpus *c, lm_err open_rc, lm_reader *rd, const char *md5,
                            lm_import_stats *stats)
{
    lm_err rc = open_rc;

    if (rc) {
        lm_msg_set(c->msg, sizeof c->msg, "%s", lm_reader_errmsg(rd));
    } else {
        if (md5)
            corpus_reader_skip_md5(rd);
        rc = import_reader(c, rd, md5, stats);
    }
    lm_reader_close(rd);
    return rc;
}

/* Where a file's records come from: a path ("-" for stdin) or memory. */
struct source {
    const char *name;
    const void *data;
    size_t len;
    int mem;                    /* data/len, else the file @name */
};

/* One attempt at importing @src, from its first byte. */
static lm_err import_once(lm_corpus *c, const struct source *src, lm_import_stats *st)
{
    lm_reader *rd = NULL;
    char md5[33] = "";
    lm_err rc;

    memset(st, 0, sizeof *st);
    if (src->mem)
        rc = lm_reader_open_mem(src->name, src->data, src->len, &rd);
    else if (seen_before(c, src->name, md5, st))
        return LM_OK;
    else
        rc = lm_reader_open(src->name, &rd);
    return import_opened(c, rc, rd, md5[0] ? md5 : NULL, st);
}

/* Attempts at a file whose transaction lost to another writer's (a
 * deadlock): the second runs alone (backend.h, begin), so it cannot. */
#define IMPORT_TRIES 3

/* A short pause before attempt @attempt + 1, jittered by process and
 * clock so that the writers that met do not meet again in step. */
static void conflict_pause(int attempt)
{
    struct timespec now, ts;
    long ms;

    clock_gettime(CLOCK_MONOTONIC, &now);
    ms = 20L * attempt + (long)(((unsigned long)now.tv_nsec ^ (unsigned long)getpid() * 2654435761u)
                                 % 40u);
    ts.tv_sec = 0;
    ts.tv_nsec = ms * 1000000L;
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

/* Imports @src, again from its start (its failed transaction rolled
 * back: nothing of it stored, no ledger row) when it lost to another
 * writer's, up to IMPORT_TRIES times; stdin cannot be read again. */
static lm_err import_source(lm_corpus *c, const struct source *src, lm_import_stats *st)
{
    int attempt;
    lm_err rc;

    for (attempt = 1;; attempt++) {
        rc = import_once(c, src, st);
        if (rc != LM_ERR_DB_BUSY || !c->conflict || attempt == IMPORT_TRIES ||
            (!src->mem && !strcmp(src->name, "-")))
            return rc;
        lm_log_warn("%s: %s; importing it again (attempt %d of %d)", src->name, c->msg,
                    attempt + 1, IMPORT_TRIES);
        conflict_pause(attempt);
    }
}

lm_err lm_corpus_import(lm_corpus *c, const char *path, lm_import_stats *stats)
{
    struct source src = { path, NULL, 0, 0 };
    lm_import_stats dummy;

    if (!c || !path)
        return LM_ERR_USAGE;
    return import_source(c, &src, stats ? stats : &dummy);
}

lm_err lm_corpus_import_mem(lm_corpus *c, const char *name, const void *data, size_t len,
                            lm_import_stats *stats)
{
    struct source src = { name, data, len, 1 };
    lm_import_stats dummy;

    if (!c || !name)
        return LM_ERR_USAGE;
    return import_source(c, &src, stats ? stats : &dummy);
}
