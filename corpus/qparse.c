/* lm_query: a parsed search query (words, "phrases", prefix*, AND/OR/NOT,
 * parentheses, title:/abstract: filters), built from what a user types or
 * by other stages term by term, so nobody writes FTS5 syntax by hand.  The
 * tree is rendered per backend (FTS5: lm_query_fts5, in query.c).
 *
 * Reading user text: a word with inner punctuation (COVID-19, IL-6,
 * SARS-CoV-2, e-cigarette) is a phrase of its parts, as the index holds
 * it; only upper-case AND, OR, NOT are operators; adjacent terms are ANDed.
 * Garbage never reaches SQL: a quote left open runs to the end of the
 * input; AND/OR with nothing on one side is read as a word; "a AND NOT b"
 * is "a NOT b"; a NOT without a term before it, an unbalanced parenthesis
 * or a query with no word at all is LM_ERR_QUERY with a message naming the
 * offset. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_int.h"

lm_err lm_query_leaf(lm_query_kind kind, const char *column, const char *text, lm_query **out)
{
    lm_query *q;

    if (!out || !text || (kind != LM_Q_WORD && kind != LM_Q_PHRASE && kind != LM_Q_PREFIX))
        return LM_ERR_USAGE;
    if (column && strcmp(column, "title") && strcmp(column, "abstract"))
        return LM_ERR_USAGE;
    *out = NULL;
    if (!(q = calloc(1, sizeof *q)) || !(q->text = strdup(text))) {
        free(q);
        return LM_ERR_NOMEM;
    }
    q->kind = kind;
    q->column = column ? (column[0] == 't' ? "title" : "abstract") : NULL;
    *out = q;
    return LM_OK;
}

lm_err lm_query_join(lm_query_kind op, lm_query *a, lm_query *b, lm_query **out)
{
    lm_query *q;

    if (!out || (op != LM_Q_AND && op != LM_Q_OR && op != LM_Q_NOT)) {
        lm_query_free(a);
        lm_query_free(b);
        return LM_ERR_USAGE;
    }
    *out = NULL;
    if (!a || !b) {                     /* one side empty: the other is the query */
        if (op == LM_Q_NOT && !a) {
            lm_query_free(b);
            return LM_ERR_USAGE;
        }
        *out = a ? a : b;
        return LM_OK;
    }
    if (!(q = calloc(1, sizeof *q))) {
        lm_query_free(a);
        lm_query_free(b);
        return LM_ERR_NOMEM;
    }
    q->kind = op;
    q->left = a;
    q->right = b;
    *out = q;
    return LM_OK;
}

void lm_query_free(lm_query *q)
{
    if (!q)
        return;
    lm_query_free(q->left);
    lm_query_free(q->right);
    free(q->text);
    free(q);
}

/* ---- the user syntax ------------------------------------------------------ */

enum tok_kind { T_LEAF, T_AND, T_OR, T_NOT, T_OPEN, T_CLOSE, T_DROP };

struct tok {
    enum tok_kind kind;
    lm_query_kind leaf;         /* T_LEAF */
    const char *column;
    char *text;
    size_t at;                  /* offset in the input, for messages */
};

struct parser {
    const char *input;
    struct tok *t;
    size_t n, cap, pos;
    char *msg;
    size_t msgcap;
    const char *column;         /* a title: or abstract: right before a quote */
    int depth;                  /* open parentheses: bounded, the parser recurses */
};

static lm_err fail(struct parser *p, size_t at, const char *fmt, ...) LM_PRINTF(3, 4);

static lm_err fail(struct parser *p, size_t at, const char *fmt, ...)
{
    char what[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (p->msg)
        lm_msg_set(p->msg, p->msgcap, "search '%s': %s (at offset %zu)", p->input, what, at);
    return LM_ERR_QUERY;
}

/* Letters, digits and anything non-ASCII: what the unicode61 tokenizer keeps. */
static int is_word_char(unsigned char ch)
{
    return ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z');
}

static int has_word(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (is_word_char((unsigned char)s[i]))
            return 1;
    return 0;
}

static lm_err push(struct parser *p, enum tok_kind kind, lm_query_kind leaf, const char *column,
                   const char *s, size_t n, size_t at)
{
    struct tok *t;

    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 16;
        if (!(t = realloc(p->t, cap * sizeof *t)))
            return LM_ERR_NOMEM;
        p->t = t;
        p->cap = cap;
    }
    t = &p->t[p->n];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->leaf = leaf;
    t->column = column;
    t->at = at;
    if (s && !(t->text = strndup(s, n)))
        return LM_ERR_NOMEM;
    p->n++;
    return LM_OK;
}

/* A bare word: operator, title:/abstract: filter, prefix*, or literal. */
static lm_err word(struct parser *p, const char *s, size_t n, size_t at)
{
    const char *column = NULL;
    lm_query_kind kind = LM_Q_WORD;

    if (n == 3 && !memcmp(s, "AND", 3))
        return push(p, T_AND, 0, NULL, NULL, 0, at);
    if (n == 2 && !memcmp(s, "OR", 2))
        return push(p, T_OR, 0, NULL, NULL, 0, at);
    if (n == 3 && !memcmp(s, "NOT", 3))
        return push(p, T_NOT, 0, NULL, NULL, 0, at);
    if (n > 6 && !strncmp(s, "title:", 6)) {
        column = "title";
        s += 6, n -= 6;
    } else if (n > 9 && !strncmp(s, "abstract:", 9)) {
        column = "abstract";
        s += 9, n -= 9;
    }
    if (n > 1 && s[n - 1] == '*') {
        kind = LM_Q_PREFIX;
        while (n && s[n - 1] == '*')
            n--;
    }
    if (!has_word(s, n))
        return LM_OK;                   /* "-", "*", "&": nothing to search */
    if (kind == LM_Q_WORD) {
        size_t i;
        for (i = 0; i < n; i++)
            if (!is_word_char((unsigned char)s[i]))
                kind = LM_Q_PHRASE;     /* COVID-19: the phrase "covid 19" */
    }
    return push(p, T_LEAF, kind, column, s, n, at);
}

static lm_err tokenize(struct parser *p)
{
    const char *s = p->input, *b;
    lm_err rc;

    while (*s) {
        size_t at = (size_t)(s - p->input);

        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            s++;
        } else if (*s == '(' || *s == ')') {
            if ((rc = push(p, *s == '(' ? T_OPEN : T_CLOSE, 0, NULL, NULL, 0, at)))
                return rc;
            s++;
        } else if (*s == '"') {
            /* a quote left open runs to the end of the input */
            b = ++s;
            while (*s && *s != '"')
                s++;
            lm_query_kind kind = LM_Q_PHRASE;
            const char *e = s;
            if (*s)
                s++;
            if (*s == '*') {
                kind = LM_Q_PREFIX;
                while (*s == '*')
                    s++;
            }
            if (has_word(b, (size_t)(e - b)) &&
                (rc = push(p, T_LEAF, kind, p->column, b, (size_t)(e - b), at)))
                return rc;
            p->column = NULL;
        } else {
            b = s;
            while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '('
                   && *s != ')' && *s != '"')
                s++;
            p->column = NULL;
            if (*s == '"' && (size_t)(s - b) == 6 && !strncmp(b, "title:", 6))
                p->column = "title";
            else if (*s == '"' && (size_t)(s - b) == 9 && !strncmp(b, "abstract:", 9))
                p->column = "abstract";
            else if ((rc = word(p, b, (size_t)(s - b), at)))
                return rc;
        }
    }
    return LM_OK;
}

static int ends_operand(const struct tok *t)
{
    return t && (t->kind == T_LEAF || t->kind == T_CLOSE);
}

static int starts_operand(const struct tok *t)
{
    return t && (t->kind == T_LEAF || t->kind == T_OPEN);
}

/* Operators with nothing on one side become words ("AND", "OR"); an AND
 * right before NOT goes ("a AND NOT b" is "a NOT b"). */
static lm_err settle_operators(struct parser *p)
{
    size_t i, j;

    for (i = 0; i < p->n; i++) {
        struct tok *t = &p->t[i], *prev = i ? &p->t[i - 1] : NULL;
        struct tok *next = i + 1 < p->n ? &p->t[i + 1] : NULL;

        if (t->kind == T_AND && next && next->kind == T_NOT && ends_operand(prev)) {
            t->kind = T_DROP;
            continue;
        }
        if ((t->kind == T_AND || t->kind == T_OR)
            && !(ends_operand(prev) && (starts_operand(next) || (next && next->kind == T_NOT)))) {
            const char *w = t->kind == T_AND ? "AND" : "OR";
            t->kind = T_LEAF;
            t->leaf = LM_Q_WORD;
            if (!(t->text = strdup(w)))
                return LM_ERR_NOMEM;
        }
    }
    for (i = j = 0; i < p->n; i++)
        if (p->t[i].kind != T_DROP)
            p->t[j++] = p->t[i];
    p->n = j;
    return LM_OK;
}

static lm_err parse_or(struct parser *p, lm_query **out);

static lm_err parse_primary(struct parser *p, lm_query **out)
{
    struct tok *t = p->pos < p->n ? &p->t[p->pos] : NULL;
    lm_err rc;

    *out = NULL;
    if (!t)
        return fail(p, strlen(p->input), "a term is missing at the end");
    if (t->kind == T_LEAF) {
        p->pos++;
        return lm_query_leaf(t->leaf, t->column, t->text, out);
    }
    if (t->kind == T_OPEN) {
        size_t at = t->at;
        if (++p->depth > 100)
            return fail(p, at, "parentheses nested over 100 deep");
        p->pos++;
        if (p->pos < p->n && p->t[p->pos].kind == T_CLOSE)
            return fail(p, at, "empty parentheses");
        if ((rc = parse_or(p, out)))
            return rc;
        if (p->pos >= p->n || p->t[p->pos].kind != T_CLOSE) {
            lm_query_free(*out);
            *out = NULL;
            return fail(p, at, "'(' is never closed");
        }
        p->pos++;
        p->depth--;
        return LM_OK;
    }
    if (t->kind == T_NOT)
        return fail(p, t->at, "NOT needs a term before it (a NOT b)");
    if (t->kind == T_CLOSE)
        return fail(p, t->at, "')' without a matching '('");
    return fail(p, t->at, "a term is missing");
}

static lm_err parse_not(struct parser *p, lm_query **out)
{
    lm_query *r;
    lm_err rc;

    if ((rc = parse_primary(p, out)))
        return rc;
    while (p->pos < p->n && p->t[p->pos].kind == T_NOT) {
        size_t at = p->t[p->pos++].at;
        if (p->pos >= p->n) {
            lm_query_free(*out);
            *out = NULL;
            return fail(p, at, "NOT needs a term after it (a NOT b)");
        }
        if ((rc = parse_primary(p, &r))) {
            lm_query_free(*out);
            *out = NULL;
            return rc;
        }
        if ((rc = lm_query_join(LM_Q_NOT, *out, r, out)))
            return rc;                  /* join freed both */
    }
    return LM_OK;
}

static lm_err parse_and(struct parser *p, lm_query **out)
{
    lm_query *r;
    lm_err rc;

    if ((rc = parse_not(p, out)))
        return rc;
    for (;;) {
        struct tok *t = p->pos < p->n ? &p->t[p->pos] : NULL;
        if (t && t->kind == T_AND)
            t = ++p->pos < p->n ? &p->t[p->pos] : NULL;
        else if (!starts_operand(t))
            return LM_OK;               /* OR, ')' or the end */
        if ((rc = parse_not(p, &r))) {
            lm_query_free(*out);
            *out = NULL;
            return rc;
        }
        if ((rc = lm_query_join(LM_Q_AND, *out, r, out)))
            return rc;
    }
}

static lm_err parse_or(struct parser *p, lm_query **out)
{
    lm_query *r;
    lm_err rc;

    if ((rc = parse_and(p, out)))
        return rc;
    while (p->pos < p->n && p->t[p->pos].kind == T_OR) {
        p->pos++;
        if ((rc = parse_and(p, &r))) {
            lm_query_free(*out);
            *out = NULL;
            return rc;
        }
        if ((rc = lm_query_join(LM_Q_OR, *out, r, out)))
            return rc;
    }
    return LM_OK;
}

lm_err lm_query_parse(const char *text, lm_query **out, char *msg, size_t msgcap)
{
    struct parser p = { text, NULL, 0, 0, 0, msg, msgcap, NULL, 0 };
    size_t i;
    lm_err rc;

    if (!text || !out)
        return LM_ERR_USAGE;
    *out = NULL;
    if (msg && msgcap)
        msg[0] = '\0';
    if (!(rc = tokenize(&p)) && !(rc = settle_operators(&p))) {
        if (!p.n)
            rc = fail(&p, 0, "no word to search for");
        else if (!(rc = parse_or(&p, out)) && p.pos < p.n) {
            rc = fail(&p, p.t[p.pos].at, p.t[p.pos].kind == T_CLOSE
                      ? "')' without a matching '('" : "unexpected operator");
            lm_query_free(*out);
            *out = NULL;
        }
    }
    if (rc == LM_ERR_NOMEM && msg)
        lm_msg_set(msg, msgcap, "search '%s': out of memory", text);
    for (i = 0; i < p.n; i++)
        free(p.t[i].text);
    free(p.t);
    return rc;
}
