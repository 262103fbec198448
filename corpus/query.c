/* Rendering a parsed query (qparse.c) in FTS5 syntax, for the SQLite
 * backend and for tests. */
#include <stdlib.h>
#include <string.h>
#include "corpus_int.h"

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

lm_err corpus_fts5(const lm_query *q, lm_buf *b)
{
    return fts5_node(q, b, 0);
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

