/* Reading the corpus: one article, all articles, FTS5 search with bm25,
 * and counts. */
#include <stdlib.h>
#include <string.h>
#include "corpus_int.h"

#define ARTICLE_COLS "pmid, version, year, deleted, pmcid, doi, title, abstract, journal," \
    " authors, pub_types, mesh, body, source, record_md5, updated_at"

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
        { "updated_at", a->updated_at },
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
                       "not valid UTF-8: the database is corrupt", c->path, (long long)a.pmid,
                       bad);
            return LM_ERR_DB;
        }
        ++*rows;
        if (cb(&a, ud))
            return LM_OK;
    }
    if (r != SQLITE_DONE)
        return corpus_db_error(c, "cannot read articles");
    return LM_OK;
}

lm_err lm_corpus_get(lm_corpus *c, int64_t pmid, lm_article_cb cb, void *ud)
{
    sqlite3_stmt *st;
    uint64_t rows;
    lm_err rc;

    if (!c || !cb)
        return LM_ERR_USAGE;
    if (sqlite3_prepare_v2(c->db, "SELECT " ARTICLE_COLS " FROM article WHERE pmid = ?1",
                           -1, &st, NULL))
        return corpus_db_error(c, "cannot read articles");
    sqlite3_bind_int64(st, 1, pmid);
    rc = each_row(c, st, cb, ud, &rows);
    sqlite3_finalize(st);
    /* a PMCID: the article may be keyed by its PMID */
    if (!rc && !rows && pmid < 0) {
        if (sqlite3_prepare_v2(c->db, "SELECT " ARTICLE_COLS " FROM article WHERE pmcid ="
                               " 'PMC' || ?1 ORDER BY deleted, pmid LIMIT 1", -1, &st, NULL))
            return corpus_db_error(c, "cannot read articles");
        sqlite3_bind_int64(st, 1, -pmid);
        rc = each_row(c, st, cb, ud, &rows);
        sqlite3_finalize(st);
    }
    if (!rc && !rows && pmid < 0) {
        lm_msg_set(c->msg, sizeof c->msg, "PMC%lld: not in the corpus %s",
                   -(long long)pmid, c->path);
        return LM_ERR_NOTFOUND;
    }
    if (!rc && !rows) {
        lm_msg_set(c->msg, sizeof c->msg, "PMID %lld: not in the corpus %s",
                   (long long)pmid, c->path);
        return LM_ERR_NOTFOUND;
    }
    return rc;
}

lm_err lm_corpus_each(lm_corpus *c, lm_article_cb cb, void *ud)
{
    sqlite3_stmt *st;
    uint64_t rows;
    lm_err rc;

    if (!c || !cb)
        return LM_ERR_USAGE;
    if (sqlite3_prepare_v2(c->db, "SELECT " ARTICLE_COLS " FROM article WHERE deleted = 0"
                           " ORDER BY pmid", -1, &st, NULL))
        return corpus_db_error(c, "cannot read articles");
    rc = each_row(c, st, cb, ud, &rows);
    sqlite3_finalize(st);
    return rc;
}

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

lm_err lm_corpus_search(lm_corpus *c, const char *query, int limit, lm_hit_cb cb, void *ud)
{
    sqlite3_stmt *st;
    lm_hit h;
    int r;

    if (!c || !query || !cb)
        return LM_ERR_USAGE;
    if (sqlite3_prepare_v2(c->db, sql_search, -1, &st, NULL))
        return corpus_db_error(c, "cannot search");
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        h.pmid = sqlite3_column_int64(st, 0);
        h.score = -sqlite3_column_double(st, 1);
        h.year = sqlite3_column_int(st, 2);
        h.title = col(st, 3);
        h.journal = col(st, 4);
        h.snippet = col(st, 5);
        if (cb(&h, ud))
            break;
    }
    if (r != SQLITE_ROW && r != SQLITE_DONE) {
        /* FTS5 rejects a query with plain SQLITE_ERROR; a damaged file
         * gives SQLITE_CORRUPT, a full disk SQLITE_FULL, and so on */
        int syntax = r == SQLITE_ERROR;
        lm_msg_set(c->msg, sizeof c->msg, "search '%s': %s", query, sqlite3_errmsg(c->db));
        sqlite3_finalize(st);
        return syntax ? LM_ERR_QUERY : corpus_db_error(c, "cannot search");
    }
    sqlite3_finalize(st);
    return LM_OK;
}

/* ---- parsed queries, rendered to FTS5 ------------------------------------ */

/* Every leaf is an FTS5 string ("..." with " doubled), so no user text is
 * ever FTS5 syntax: the unicode61 tokenizer splits it into the phrase the
 * index holds (COVID-19 -> covid 19).  Every operator is parenthesised. */
static lm_err fts5_node(const lm_query *q, lm_buf *b, int depth)
{
    const char *op, *t;
    lm_err rc;

    if (!q || depth > 10000)
        return LM_ERR_USAGE;
    switch (q->kind) {
    case LM_Q_WORD:
    case LM_Q_PHRASE:
    case LM_Q_PREFIX:
        if (q->column && ((rc = lm_buf_puts(b, q->column)) || (rc = lm_buf_puts(b, " : "))))
            return rc;
        if ((rc = lm_buf_puts(b, "\"")))
            return rc;
        for (t = q->text; *t; t++)
            if ((rc = lm_buf_append(b, t, *t == '"' ? 0 : 1)) ||
                (*t == '"' && (rc = lm_buf_puts(b, "\"\""))))
                return rc;
        return lm_buf_puts(b, q->kind == LM_Q_PREFIX ? "\" *" : "\"");
    case LM_Q_AND: op = " AND "; break;
    case LM_Q_OR: op = " OR "; break;
    case LM_Q_NOT: op = " NOT "; break;
    default: return LM_ERR_USAGE;
    }
    if ((rc = lm_buf_puts(b, "(")) || (rc = fts5_node(q->left, b, depth + 1)) ||
        (rc = lm_buf_puts(b, op)) || (rc = fts5_node(q->right, b, depth + 1)))
        return rc;
    return lm_buf_puts(b, ")");
}

char *lm_query_fts5(const lm_query *q)
{
    lm_buf b = {0};

    if (fts5_node(q, &b, 0)) {
        lm_buf_free(&b);
        return NULL;
    }
    return b.s;
}

lm_err lm_corpus_search_query(lm_corpus *c, const lm_query *q, int limit, lm_hit_cb cb,
                              void *ud)
{
    char *fts;
    lm_err rc;

    if (!c || !q || !cb)
        return LM_ERR_USAGE;
    if (!(fts = lm_query_fts5(q)))
        return LM_ERR_NOMEM;
    rc = lm_corpus_search(c, fts, limit, cb, ud);
    free(fts);
    return rc;
}

static lm_err count(lm_corpus *c, const char *sql, uint64_t *n)
{
    sqlite3_stmt *st;
    int r;

    *n = 0;
    if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL))
        return corpus_db_error(c, "cannot count");
    r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        *n = (uint64_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return r == SQLITE_ROW ? LM_OK : corpus_db_error(c, "cannot count");
}

lm_err lm_corpus_counts(lm_corpus *c, uint64_t *articles, uint64_t *deleted, uint64_t *files)
{
    lm_err rc;

    if (!c)
        return LM_ERR_USAGE;
    if ((articles && (rc = count(c, "SELECT count(*) FROM article WHERE deleted = 0", articles))) ||
        (deleted && (rc = count(c, "SELECT count(*) FROM article WHERE deleted = 1", deleted))) ||
        (files && (rc = count(c, "SELECT count(*) FROM source_file", files))))
        return rc;
    return LM_OK;
}
