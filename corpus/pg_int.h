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

/* The query as a tsquery over the article's tsvector (title lexemes
 * weighted A, abstract B): @p leaf_text[i] is the text form of
 * phraseto_tsquery() of leaf i, in tree order.  malloc'd; NULL when out of
 * memory or when @p nleaf is not the number of leaves. */
char *corpus_pg_tsquery(const lm_query *q, const char *const *leaf_text, size_t nleaf);

#endif
