/* Tests for lm_query (corpus/qparse.c) and its FTS5 rendering (query.c):
 * what users type becomes a tree whose every term is quoted, so no input
 * reaches FTS5 as syntax; garbage is read literally or refused with a
 * message naming the offset, never an SQL error. */
#define _GNU_SOURCE   /* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <criterion/criterion.h>
#include <litmine/corpus.h>

static char msg[1024];

/* The FTS5 rendering of @text, or the error's message prefixed "ERR: ". */
static char *render(const char *text)
{
    lm_query *q = NULL;
    lm_err rc = lm_query_parse(text, &q, msg, sizeof msg);
    char *out;

    if (rc) {
        cr_assert_eq(rc, LM_ERR_QUERY, "%s: %s", text, lm_strerror(rc));
        cr_assert_null(q);
        cr_assert(strstr(msg, text), "message names the query: %s", msg);
        cr_assert(strstr(msg, "offset"), "message names the offset: %s", msg);
        cr_assert_neq(asprintf(&out, "ERR: %s", msg), -1);
        return out;
    }
    cr_assert_not_null(out = lm_query_fts5(q));
    lm_query_free(q);
    return out;
}

static void expect(const char *text, const char *want)
{
    char *got = render(text);

    cr_expect_str_eq(got, want, "%s", text);
    free(got);
}

static void expect_error(const char *text, const char *needle)
{
    char *got = render(text);

    cr_expect(!strncmp(got, "ERR: ", 5), "%s: parsed as %s", text, got);
    cr_expect(strstr(got, needle), "%s: '%s' lacks '%s'", text, got, needle);
    free(got);
}

Test(query, words_phrases_prefixes)
{
    expect("remission", "\"remission\"");
    expect("zelvorin remission", "(\"zelvorin\" AND \"remission\")");
    expect("\"open label\" trial", "(\"open label\" AND \"trial\")");
    expect("random*", "\"random\" *");
    expect("\"double blind\"*", "\"double blind\" *");
    expect("title:zelvorin", "title : \"zelvorin\"");
    expect("abstract:\"open label\"", "abstract : \"open label\"");
}

Test(query, hyphenated_terms_are_phrases)
{
    expect("COVID-19", "\"COVID-19\"");
    expect("IL-6 SARS-CoV-2", "(\"IL-6\" AND \"SARS-CoV-2\")");
    expect("e-cigarette OR vaping", "(\"e-cigarette\" OR \"vaping\")");
    expect("title:COVID-19", "title : \"COVID-19\"");
}

Test(query, operators_and_precedence)
{
    expect("a OR b c", "(\"a\" OR (\"b\" AND \"c\"))");
    expect("a b OR c", "((\"a\" AND \"b\") OR \"c\")");
    expect("a NOT b c", "((\"a\" NOT \"b\") AND \"c\")");
    expect("(a OR b) AND c", "((\"a\" OR \"b\") AND \"c\")");
    expect("a AND NOT b", "(\"a\" NOT \"b\")");
    expect("a and b", "((\"a\" AND \"and\") AND \"b\")");
}

Test(query, garbage_is_read_literally_or_refused)
{
    /* a quote left open runs to the end */
    expect("\"open label", "\"open label\"");
    expect("a \"b c", "(\"a\" AND \"b c\")");
    /* quotes inside a term are text */
    expect("5\"", "\"5\"");
    expect("it's", "\"it's\"");
    /* AND / OR with nothing on one side are words */
    expect("AND", "\"AND\"");
    expect("a OR", "(\"a\" AND \"OR\")");
    expect("OR a", "(\"OR\" AND \"a\")");
    expect("a AND AND b", "((\"a\" AND \"AND\") AND \"b\")");
    /* punctuation alone is nothing to search; FTS5 syntax characters are text */
    expect("a - b", "(\"a\" AND \"b\")");
    expect("a:b ^c {d} NEAR(e f)",
           "((((\"a:b\" AND \"^c\") AND \"{d}\") AND \"NEAR\") AND (\"e\" AND \"f\"))");
    expect_error("NOT a", "NOT needs a term before it");
    expect_error("a NOT", "NOT needs a term after it");
    expect_error("a OR NOT b", "NOT needs a term before it");
    expect_error("(a OR b", "'(' is never closed");
    expect_error("a) b", "')' without a matching '('");
    expect_error("()", "empty parentheses");
    expect_error("", "no word");
    expect_error("  - * \"\" ", "no word");
}

Test(query, deep_nesting_is_refused_not_a_crash)
{
    char buf[1200];
    size_t i;

    for (i = 0; i < 500; i++)
        buf[i] = '(';
    strcpy(buf + 500, "a");
    expect_error(buf, "nested");
}

Test(query, builder_api)
{
    lm_query *q = NULL, *leaf = NULL;
    char *s;
    int i;
    const char *terms[] = { "COVID-19", "say \"hi\"", "NOT", "x*" };

    for (i = 0; i < 4; i++) {
        cr_assert_eq(lm_query_leaf(LM_Q_PHRASE, i == 0 ? "title" : NULL, terms[i], &leaf), LM_OK);
        cr_assert_eq(lm_query_join(LM_Q_OR, q, leaf, &q), LM_OK);
    }
    cr_assert_not_null(s = lm_query_fts5(q));
    cr_expect_str_eq(s, "(((title : \"COVID-19\" OR \"say \"\"hi\"\"\") OR \"NOT\") OR \"x*\")");
    free(s);
    lm_query_free(q);
    cr_assert_eq(lm_query_leaf(LM_Q_WORD, "journal", "x", &leaf), LM_ERR_USAGE);
    cr_assert_eq(lm_query_leaf(LM_Q_AND, NULL, "x", &leaf), LM_ERR_USAGE);
    cr_assert_eq(lm_query_leaf(LM_Q_WORD, NULL, "x", &leaf), LM_OK);
    cr_assert_eq(lm_query_join(LM_Q_NOT, NULL, leaf, &q), LM_ERR_USAGE, "NOT needs a left side");
    lm_query_free(NULL);
}

static int hit(const lm_hit *h, void *ud)
{
    (void)h;
    ++*(int *)ud;
    return 0;
}

/* Every rendering FTS5 accepts, on a real index: the terms that failed
 * with "no such column: 19" find their article. */
Test(query, renderings_run_on_fts5)
{
    char dir[256], db[300], cmd[400];
    const char *xml = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000090</PMID>"
                      "<Article><ArticleTitle>IL-6 and COVID-19 after SARS-CoV-2 infection in"
                      " e-cigarette users</ArticleTitle></Article></MedlineCitation>"
                      "</PubmedArticle></PubmedArticleSet>";
    const char *ok[] = { "COVID-19", "IL-6", "SARS-CoV-2", "e-cigarette", "title:COVID-19",
                         "covid*", "\"sars cov", "AND", "e-cig* OR nothing", "users NOT absent",
                         "a:b ^c", "NEAR(e f)" };
    lm_corpus *c = NULL;
    size_t i;

    snprintf(dir, sizeof dir, "%s/lm_queryXXXXXX", P_tmpdir);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/c.db", dir);
    cr_assert_eq(lm_global_init(), LM_OK);
    cr_assert_eq(lm_corpus_open(db, 0, &c), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(lm_corpus_import_mem(c, "q.xml", xml, strlen(xml), NULL), LM_OK);
    for (i = 0; i < sizeof ok / sizeof *ok; i++) {
        lm_query *q = NULL;
        int n = 0;

        cr_assert_eq(lm_query_parse(ok[i], &q, msg, sizeof msg), LM_OK, "%s: %s", ok[i], msg);
        cr_assert_eq(lm_corpus_search_query(c, q, 10, hit, &n), LM_OK, "%s: %s", ok[i],
                     lm_corpus_errmsg(c));
        if (i < 10)
            cr_expect_eq(n, 1, "%s found %d", ok[i], n);
        lm_query_free(q);
    }
    lm_corpus_close(c);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}
