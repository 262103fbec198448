/* The PostgreSQL corpus backend's helpers (pg.c) that its tests reach
 * without a server.  Internal to corpus/. */
#ifndef LM_CORPUS_PG_INT_H
#define LM_CORPUS_PG_INT_H

#include <stddef.h>
#include <litmine/corpus.h>

/* Writes @p url without its password (the userinfo's and a "password="
 * parameter) into @p buf, which may be @p url itself: what every message
 * names. */
void corpus_pg_display(const char *url, char *buf, size_t cap);

/* The query as a tsquery over the article's tsvector (title words
 * weighted A, abstract B); malloc'd, NULL when out of memory or nested
 * over 10,000 deep. */
char *corpus_pg_tsquery(const lm_query *q);

/* The tsvector (text form) of an article: the words of @p title at weight
 * A, then those of @p abstract at B, positions counted on; into @p out.
 * *ntok gets the number of words (bm25's document length). */
lm_err corpus_pg_tsvector(const char *title, const char *abstract, lm_buf *out,
                          unsigned *ntok);
/* The same tsvector in the server's binary form (a parameter of format 1;
 * its bytes are @p out's len). */
lm_err corpus_pg_tsvector_bin(const char *title, const char *abstract, lm_buf *out,
                              unsigned *ntok);
/* Calls @p cb for each word of @p s as the index reads it (folded, NUL-
 * terminated, valid during the call), in order; the first error of a
 * call ends it. */
typedef lm_err (*corpus_pg_word_cb)(const char *w, size_t n, void *ud);
lm_err corpus_pg_words(const char *s, corpus_pg_word_cb cb, void *ud);
/* One query leaf's words in tsquery syntax, appended to @p out: 'a' <-> 'b'
 * with the column's weight (title A, abstract B, none when NULL), the last
 * word a prefix (:*) when @p prefix; "' '" (matches nothing) when the text
 * has no word. */
lm_err corpus_pg_leaf(const char *text, const char *column, int prefix, lm_buf *out);

#endif
