/* Tests for the PostgreSQL corpus backend (corpus/pg.c) against a real
 * server: scripts/pg.sh starts it (the ctest fixture "pg_server") and
 * $LITMINE_PG_DIR names it; each test gets a database of its own.  The
 * same inputs go into an SQLite corpus beside it, and the two must hold
 * the same articles, hashes, ledger and watermarks, and find the same
 * articles for the same queries.  Faults: a rolled-back file, a wrong
 * password, a read-only role, a second run lock. */
#define _GNU_SOURCE   /* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <criterion/criterion.h>
#include <litmine/corpus.h>
#include "corpus/backend.h"
#include "corpus/pg_int.h"

static char dir[256], sqlite_db[300], url[1024];
static lm_corpus *lite;
static lm_corpus *pg;
static int dbno;

/* Runs scripts/pg.sh with @args; its one line of output into @out. */
static void pg_sh(const char *args, char *out, size_t cap)
{
    const char *srv = getenv("LITMINE_PG_DIR");
    char *cmd = NULL;
    FILE *f;

    cr_assert(srv && *srv, "LITMINE_PG_DIR unset: run under ctest (fixture pg_server)");
    cr_assert_neq(asprintf(&cmd, "bash '%s/scripts/pg.sh' %s", LM_SOURCE_DIR, args), -1);
    cr_assert_not_null(f = popen(cmd, "r"));
    free(cmd);
    cr_assert_not_null(fgets(out, (int)cap, f), "pg.sh %s gave nothing", args);
    out[strcspn(out, "\n")] = '\0';
    cr_assert_eq(pclose(f), 0, "pg.sh %s failed", args);
}

static void new_database(char *out, size_t cap)
{
    char args[512];

    snprintf(args, sizeof args, "newdb '%s' lm_test_%ld_%d", getenv("LITMINE_PG_DIR"),
             (long)getpid(), dbno++);
    pg_sh(args, out, cap);
}


/* ---- the public API on a postgresql:// target ------------------------------- */

#define pg_open lm_corpus_open
#define pg_close lm_corpus_close
#define pg_errmsg lm_corpus_errmsg
#define pg_begin lm_corpus_begin
#define pg_commit lm_corpus_commit
#define pg_rollback lm_corpus_rollback
#define pg_put lm_corpus_put

static void setup(void)
{
    snprintf(dir, sizeof dir, "%s/lm_pgXXXXXX", P_tmpdir);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(sqlite_db, sizeof sqlite_db, "%s/corpus.db", dir);
    cr_assert_eq(lm_global_init(), LM_OK);
    cr_assert_eq(lm_corpus_open(sqlite_db, 0, &lite), LM_OK, "%s", lm_corpus_errmsg(lite));
    new_database(url, sizeof url);
    cr_assert_eq(pg_open(url, 0, &pg), LM_OK, "%s", pg_errmsg(pg));
}

static void teardown(void)
{
    char cmd[400];

    pg_close(pg);
    lm_corpus_close(lite);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(pg, .init = setup, .fini = teardown);

static lm_err pg_import_mem(lm_corpus *p, const char *name, const char *xml, size_t len,
                            lm_import_stats *st)
{
    return lm_corpus_import_mem(p, name, xml, len, st);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *s;

    cr_assert_not_null(f, "%s", path);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    rewind(f);
    cr_assert_not_null(s = malloc(*len + 1));
    cr_assert_eq(fread(s, 1, *len, f), *len);
    s[*len] = '\0';
    fclose(f);
    return s;
}

/* Imports @xml into both corpora; the import counts must agree. */
static void both(const char *name, const char *xml, size_t len)
{
    lm_import_stats a, b;

    cr_assert_eq(lm_corpus_import_mem(lite, name, xml, len, &a), LM_OK, "%s",
                 lm_corpus_errmsg(lite));
    cr_assert_eq(pg_import_mem(pg, name, xml, len, &b), LM_OK, "%s", pg_errmsg(pg));
    cr_assert(a.records == b.records && a.stored == b.stored && a.older == b.older &&
              a.unchanged == b.unchanged && a.deleted == b.deleted && a.already == b.already,
              "%s: sqlite %llu/%llu/%llu/%llu/%llu/%d, postgresql %llu/%llu/%llu/%llu/%llu/%d",
              name, (unsigned long long)a.records, (unsigned long long)a.stored,
              (unsigned long long)a.older, (unsigned long long)a.unchanged,
              (unsigned long long)a.deleted, a.already, (unsigned long long)b.records,
              (unsigned long long)b.stored, (unsigned long long)b.older,
              (unsigned long long)b.unchanged, (unsigned long long)b.deleted, b.already);
}

static void both_file(const char *fixture)
{
    char path[512];
    size_t len;
    char *xml;

    snprintf(path, sizeof path, "%s/corpus/%s", LM_FIXTURES, fixture);
    xml = slurp(path, &len);
    both(fixture, xml, len);
    free(xml);
}

/* Every article (deleted ones through get) as text, one line each. */
static int dump_one(const lm_article *a, void *ud)
{
    fprintf(ud, "%lld|%d|%d|%d|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n", (long long)a->pmid,
            a->version, a->year, a->deleted, a->pmcid, a->doi, a->title, a->abstract,
            a->journal, a->authors, a->pub_types, a->mesh, a->body, a->source,
            a->record_md5, a->databanks);
    return 0;
}

static char *dump_lite(const int64_t *keys, size_t nkeys)
{
    char *out = NULL;
    size_t len = 0, i;
    FILE *f = open_memstream(&out, &len);

    cr_assert_eq(lm_corpus_each(lite, dump_one, f), LM_OK, "%s", lm_corpus_errmsg(lite));
    for (i = 0; i < nkeys; i++)
        cr_assert(lm_corpus_get(lite, keys[i], dump_one, f) != LM_ERR_DB);
    fclose(f);
    return out;
}

static char *dump_pg(const int64_t *keys, size_t nkeys)
{
    char *out = NULL;
    size_t len = 0, i;
    FILE *f = open_memstream(&out, &len);

    cr_assert_eq(lm_corpus_each(pg, dump_one, f), LM_OK, "%s", pg_errmsg(pg));
    for (i = 0; i < nkeys; i++)
        cr_assert(lm_corpus_get(pg, keys[i], dump_one, f) != LM_ERR_DB);
    fclose(f);
    return out;
}

static void assert_same(const int64_t *keys, size_t nkeys)
{
    char *a = dump_lite(keys, nkeys), *b = dump_pg(keys, nkeys);
    uint64_t n1[3], n2[3];

    cr_assert_str_eq(b, a, "the PostgreSQL corpus differs from the SQLite one");
    cr_assert_eq(lm_corpus_counts(lite, &n1[0], &n1[1], &n1[2]), LM_OK);
    cr_assert_eq(lm_corpus_counts(pg, &n2[0], &n2[1], &n2[2]), LM_OK, "%s",
                 pg_errmsg(pg));
    cr_assert(n1[0] == n2[0] && n1[1] == n2[1] && n1[2] == n2[2],
              "counts: sqlite %llu/%llu/%llu, postgresql %llu/%llu/%llu",
              (unsigned long long)n1[0], (unsigned long long)n1[1], (unsigned long long)n1[2],
              (unsigned long long)n2[0], (unsigned long long)n2[1], (unsigned long long)n2[2]);
    free(a);
    free(b);
}

static char *article(int64_t pmid, int version, const char *title, const char *abstract)
{
    char *s = NULL;

    cr_assert_neq(asprintf(&s, "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                           "<PMID Version=\"%d\">%lld</PMID><Article><ArticleTitle>%s"
                           "</ArticleTitle><Abstract><AbstractText>%s</AbstractText></Abstract>"
                           "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>",
                           version, (long long)pmid, title, abstract), -1);
    return s;
}

static void both_str(const char *name, char *xml)
{
    both(name, xml, strlen(xml));
    free(xml);
}

Test(pg, fixtures_give_the_same_corpus_as_sqlite)
{
    static const char *const files[] = { "medline.xml", "structured.xml", "article.nxml",
                                         "nopmid.nxml", "merge_pmc.nxml", "merge_pubmed.xml" };
    size_t i;

    for (i = 0; i < sizeof files / sizeof *files; i++)
        both_file(files[i]);
    assert_same(NULL, 0);
    for (i = 0; i < sizeof files / sizeof *files; i++)
        both_file(files[i]);        /* the ledger: every file a no-op */
    assert_same(NULL, 0);
}

Test(pg, merge_in_the_other_order)
{
    both_file("merge_pubmed.xml");
    both_file("merge_pmc.nxml");
    assert_same(NULL, 0);
}

Test(pg, versions_deletions_and_revivals)
{
    const int64_t keys[] = { 91000103, 91000199 };

    both_str("v2.xml", article(91000100, 2, "Second version", "b"));
    both_str("v1.xml", article(91000100, 1, "First version", "a"));
    both_str("a.xml", article(91000101, 1, "Title A", "x"));
    both_str("b.xml", article(91000101, 1, "Title B", "x"));
    both_str("b2.xml", article(91000101, 1, "Title B", "x  "));
    both_str("d.xml", article(91000103, 1, "To delete", "x"));
    both_str("del.xml", strdup("<PubmedArticleSet><DeleteCitation><PMID Version=\"1\">91000103"
                               "</PMID><PMID Version=\"1\">91000199</PMID></DeleteCitation>"
                               "</PubmedArticleSet>"));
    assert_same(keys, 2);
    both_str("r.xml", article(91000103, 2, "Revived", "y"));
    assert_same(keys, 2);
}

/* One record of the batch test: its version, title and DataBankList. */
static void batch_record(lm_buf *b, int64_t pmid, int version, const char *title,
                         const char *registry)
{
    cr_assert_eq(lm_buf_printf(b, "<PubmedArticle><MedlineCitation><PMID Version=\"%d\">%lld"
                               "</PMID><Article><ArticleTitle>%s %lld</ArticleTitle><Abstract>"
                               "<AbstractText>Zorvil in %lld adults.</AbstractText></Abstract>",
                               version, (long long)pmid, title, (long long)pmid,
                               (long long)pmid % 97), LM_OK);
    if (registry)
        cr_assert_eq(lm_buf_printf(b, "<DataBankList><DataBank><DataBankName>%s</DataBankName>"
                                   "<AccessionNumberList><AccessionNumber>ZV%05lld"
                                   "</AccessionNumber></AccessionNumberList></DataBank>"
                                   "</DataBankList>", registry, (long long)pmid % 100000),
                     LM_OK);
    cr_assert_eq(lm_buf_puts(b, "</Article></MedlineCitation></PubmedArticle>\n"), LM_OK);
}

/* A file of several batches (the importer's 128 records, sent in groups)
 * stores what one record at a time does: each case below over many rows,
 * mixed through the batches, and a PubMed record whose row holds a PMC
 * article among them.  Counts, rows and DataBankLists as SQLite's. */
Test(pg, batches_store_what_one_record_at_a_time_stores)
{
    static const struct { int first, again; const char *title, *registry; } cases[] = {
        { 1, 1, "Same", NULL },                 /* unchanged */
        { 2, 1, "Older", NULL },                /* an older version: kept out */
        { 1, 2, "Newer", NULL },                /* a newer version */
        { 1, 1, "Registered", "ZorvilTrials" }, /* same record, a DataBankList now */
        { 1, 1, "Retitled", NULL },             /* same version, other content */
        { 0, 1, "New", NULL },                  /* not stored before */
    };
    enum { N = 420, NC = sizeof cases / sizeof *cases };
    lm_buf first = {0}, again = {0};
    int k;

    both_file("merge_pmc.nxml");
    cr_assert_eq(lm_buf_puts(&first, "<PubmedArticleSet>\n"), LM_OK);
    cr_assert_eq(lm_buf_puts(&again, "<PubmedArticleSet>\n"), LM_OK);
    for (k = 0; k < N; k++) {
        int c = k % NC;

        if (cases[c].first)
            batch_record(&first, 91003000 + k, cases[c].first,
                         c == 4 ? "Entitled" : cases[c].title, NULL);
        batch_record(&again, 91003000 + k, cases[c].again, cases[c].title, cases[c].registry);
        /* the PMC article's PMID, in the middle of a batch */
        if (k == 200)
            batch_record(&again, 91000060, 2, "Merged", NULL);
    }
    cr_assert_eq(lm_buf_puts(&first, "</PubmedArticleSet>\n"), LM_OK);
    cr_assert_eq(lm_buf_puts(&again, "</PubmedArticleSet>\n"), LM_OK);
    both("first.xml", first.s, first.len);
    both("again.xml", again.s, again.len);
    assert_same(NULL, 0);
    lm_buf_free(&first);
    lm_buf_free(&again);
}

Test(pg, a_failed_file_leaves_the_corpus_as_it_was)
{
    const char *bad = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1\">"
                      "91000400</PMID><Article><ArticleTitle>kept out</ArticleTitle></Article>"
                      "</MedlineCitation></PubmedArticle><PubmedArticle><MedlineCitation>"
                      "<PMID>91000401";
    lm_import_stats st;
    char *before, *after;

    both_file("medline.xml");
    before = dump_pg(NULL, 0);
    cr_assert_neq(pg_import_mem(pg, "bad.xml", bad, strlen(bad), &st), LM_OK);
    after = dump_pg(NULL, 0);
    cr_assert_str_eq(after, before);
    free(before);
    free(after);
}

Test(pg, watermark_and_ledger)
{
    char *w = NULL;
    int seen = 1;

    cr_assert_eq(lm_corpus_watermark_get(pg, "q", &w), LM_OK);
    cr_assert_null(w);
    cr_assert_eq(pg_begin(pg), LM_OK);
    cr_assert_eq(lm_corpus_watermark_set(pg, "q", "2024/05/01"), LM_OK, "%s",
                 pg_errmsg(pg));
    pg_rollback(pg);
    cr_assert_eq(lm_corpus_watermark_get(pg, "q", &w), LM_OK);
    cr_assert_null(w, "a rolled-back watermark is not kept");
    cr_assert_eq(pg_begin(pg), LM_OK);
    cr_assert_eq(lm_corpus_watermark_set(pg, "q", "2024/05/01"), LM_OK);
    cr_assert_eq(lm_corpus_watermark_set(pg, "q", "2024/06/01"), LM_OK);
    cr_assert_eq(lm_corpus_file_add(pg, "f.xml", "0123456789abcdef0123456789abcdef", 3), LM_OK);
    cr_assert_eq(pg_commit(pg), LM_OK, "%s", pg_errmsg(pg));
    cr_assert_eq(lm_corpus_watermark_get(pg, "q", &w), LM_OK);
    cr_assert_str_eq(w, "2024/06/01");
    free(w);
    cr_assert_eq(lm_corpus_file_seen(pg, "0123456789abcdef0123456789abcdef", &seen), LM_OK);
    cr_assert_eq(seen, 1);
    cr_assert_eq(lm_corpus_file_seen(pg, "ffffffffffffffffffffffffffffffff", &seen), LM_OK);
    cr_assert_eq(seen, 0);
}

/* ---- search ---------------------------------------------------------------- */

struct hits { int n; int64_t pmid[64]; };

static int keep_hit(const lm_hit *h, void *ud)
{
    struct hits *s = ud;

    if (s->n < 64)
        s->pmid[s->n++] = h->pmid;
    return 0;
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The same articles, whatever the order (ranks differ in detail). */
static void same_hits(const char *text)
{
    struct hits a = {0}, b = {0};
    lm_query *q = NULL;
    char msg[256];
    int i;

    cr_assert_eq(lm_query_parse(text, &q, msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(lm_corpus_search_query(lite, q, 0, keep_hit, &a), LM_OK, "%s",
                 lm_corpus_errmsg(lite));
    cr_assert_eq(lm_corpus_search_query(pg, q, 0, keep_hit, &b), LM_OK, "%s: %s", text,
                 pg_errmsg(pg));
    lm_query_free(q);
    qsort(a.pmid, (size_t)a.n, sizeof *a.pmid, cmp64);
    qsort(b.pmid, (size_t)b.n, sizeof *b.pmid, cmp64);
    cr_assert_eq(b.n, a.n, "'%s': sqlite %d hits, postgresql %d", text, a.n, b.n);
    for (i = 0; i < a.n; i++)
        cr_assert_eq(b.pmid[i], a.pmid[i], "'%s': hit %d differs", text, i);
}

Test(pg, search_finds_what_sqlite_finds)
{
    static const char *const queries[] = {
        "zorvil", "zorvil-9", "\"zorvil trial\"", "zorv*", "title:zorvil", "abstract:zorvil",
        "zorvil OR quellamide", "zorvil AND placebo", "placebo NOT zorvil", "IL-6",
        "(zorvil OR quellamide) AND title:trial", "randomi*", "abstract:ran*", "\"IL 6\"",
        "zorvil NOT (IL-6 OR quellamide)",
    };
    size_t i;

    both_str("s1.xml", article(91000501, 1, "Zorvil versus placebo: a zorvil trial",
                               "Zorvil-9 lowered IL-6 in randomised adults."));
    both_str("s2.xml", article(91000502, 1, "Quellamide in adults",
                               "A randomized trial of quellamide against placebo; zorvil was "
                               "not given."));
    both_str("s3.xml", article(91000503, 1, "Observational cohort",
                               "No zorvil trial here, only IL 6 levels."));
    both_file("merge_pubmed.xml");
    for (i = 0; i < sizeof queries / sizeof *queries; i++)
        same_hits(queries[i]);
}

Test(pg, title_weighs_more_than_abstract)
{
    lm_query *q = NULL;
    struct hits h = {0};
    char msg[256];

    both_str("w1.xml", article(91000601, 1, "Unrelated heading",
                               "the word zorvil appears once in this abstract only"));
    both_str("w2.xml", article(91000602, 1, "Zorvil", "an abstract about something else"));
    cr_assert_eq(lm_query_parse("zorvil", &q, msg, sizeof msg), LM_OK);
    cr_assert_eq(lm_corpus_search_query(pg, q, 1, keep_hit, &h), LM_OK, "%s",
                 pg_errmsg(pg));
    lm_query_free(q);
    cr_assert_eq(h.n, 1, "the limit holds");
    cr_assert_eq(h.pmid[0], 91000602, "the title match ranks first");
}

/* Runs @sql as litmine in the test's database; its one line of output
 * into @out. */
static void sql_line(const char *sql, char *out, size_t cap)
{
    const char *db = strstr(url, "@/") + 2;
    char *args = NULL;

    cr_assert_neq(asprintf(&args, "sql '%s' %.*s \"%s\"", getenv("LITMINE_PG_DIR"),
                           (int)strcspn(db, "?"), db, sql), -1);
    pg_sh(args, out, cap);
    free(args);
}

/* A corpus the first release made (schema 5 without article.ntok): a
 * read-only open asks for an import, a writable one adds the column with
 * every row's word count, and search ranks as SQLite's again. */
Test(pg, a_corpus_without_ntok_is_upgraded_on_open)
{
    static const char counts[] = "SELECT string_agg(pmid || ':' || ntok, ',' ORDER BY pmid)"
                                 " FROM article";
    char before[512], after[512], n[32];
    lm_corpus *p = NULL;

    both_str("u1.xml", article(91000801, 1, "Zorvil in adults", "Zorvil-9 lowered IL-6."));
    both_str("u2.xml", article(91000802, 1, "Quellamide", "A trial; zorvil was not given, "
                               "zorvil was withheld."));
    sql_line(counts, before, sizeof before);
    cr_assert_str_eq(before, "91000801:8,91000802:10");
    pg_close(pg);
    pg = NULL;
    sql_line("ALTER TABLE article DROP COLUMN ntok; SELECT count(*) FROM article", n,
             sizeof n);
    cr_assert_str_eq(n, "2");
    cr_assert_eq(pg_open(url, LM_CORPUS_READONLY, &p), LM_ERR_SCHEMA);
    cr_assert(strstr(pg_errmsg(p), "run 'litmine import' once"), "%s", pg_errmsg(p));
    pg_close(p);
    cr_assert_eq(pg_open(url, 0, &pg), LM_OK, "%s", pg_errmsg(pg));
    sql_line(counts, after, sizeof after);
    cr_assert_str_eq(after, before);
    same_hits("zorvil");
    same_hits("title:zorvil OR quellamide");
}

/* The tsvector sent in binary is the one the server makes of the text
 * form: words sorted and merged, positions ascending, 256 at most. */
Test(pg, the_binary_tsvector_is_the_text_one)
{
    lm_buf abs = {0}, tsv = {0}, q = {0};
    const char *title = "Zorvil-9 \xc3\x86ON zorvil, b a ab aa", *p;
    char *xml, out[8];
    unsigned n = 0;
    int i;

    for (i = 0; i < 270; i++)
        cr_assert_eq(lm_buf_printf(&abs, "zorvil %d ", i % 7), LM_OK);
    cr_assert_eq(lm_buf_puts(&abs, "na\xc3\xafve ZORVIL"), LM_OK);
    both_str("t1.xml", article(91000901, 1, title, lm_buf_str(&abs)));
    cr_assert_eq(corpus_pg_tsvector(title, lm_buf_str(&abs), &tsv, &n), LM_OK);
    cr_assert_eq(lm_buf_puts(&q, "SELECT tsv = '"), LM_OK);
    for (p = lm_buf_str(&tsv); *p; p++)
        cr_assert_eq(lm_buf_append(&q, *p == '\'' ? "''" : p, *p == '\'' ? 2 : 1), LM_OK);
    cr_assert_eq(lm_buf_puts(&q, "'::tsvector FROM article WHERE pmid = 91000901"), LM_OK);
    sql_line(lm_buf_str(&q), out, sizeof out);
    cr_assert_str_eq(out, "t", "the stored tsvector differs from the text form's");
    xml = article(91000902, 1, "", "");
    both_str("t2.xml", xml);
    sql_line("SELECT tsv = ''::tsvector FROM article WHERE pmid = 91000902", out, sizeof out);
    cr_assert_str_eq(out, "t");
    same_hits("zorvil");
    same_hits("\"zorvil 3\"");
    lm_buf_free(&abs);
    lm_buf_free(&tsv);
    lm_buf_free(&q);
}

/* The tsquery rendering and the words, without a server: weights for
 * fields, ':*' on a prefix's last word, operators parenthesised, words
 * split and folded as SQLite's unicode61 (remove_diacritics 2) does. */
Test(pg_render, tsquery_of_a_parsed_query)
{
    lm_query *q = NULL;
    char msg[256], *s;

    cr_assert_eq(lm_query_parse("title:COVID-19 OR Random* NOT \"Sj\xc3\xb6gren 1.5\"",
                                &q, msg, sizeof msg), LM_OK, "%s", msg);
    s = corpus_pg_tsquery(q);
    lm_query_free(q);
    cr_assert_not_null(s);
    cr_assert_str_eq(s, "(('covid':A <-> '19':A) | (('random':*) & !('sjogren' <-> '1' <-> "
                        "'5')))");
    free(s);
}

Test(pg_render, a_leaf_without_words_matches_nothing)
{
    lm_buf b = {0};

    cr_assert_eq(corpus_pg_leaf("-- / --", "title", 1, &b), LM_OK);
    cr_assert_str_eq(lm_buf_str(&b), "' '");
    lm_buf_free(&b);
}

Test(pg_render, tsvector_of_an_article)
{
    lm_buf b = {0};
    unsigned n = 0;

    cr_assert_eq(corpus_pg_tsvector("Zorvil-9 \xc3\x86ON", "IL\xe2\x80\x936 \xc2\xb5g/kg, "
                                    "1.5\xc2\xb1\x30.2 NA\xc3\x8fVE", &b, &n), LM_OK);
    cr_assert_eq(n, 12);
    cr_assert_str_eq(lm_buf_str(&b), "'zorvil':1A '9':2A '\xc3\xa6on':3A 'il':4B '6':5B "
                                     "'\xc2\xb5g':6B 'kg':7B '1':8B '5':9B '0':10B '2':11B "
                                     "'naive':12B");
    cr_assert_eq(corpus_pg_tsvector("", NULL, &b, &n), LM_OK);
    cr_assert_str_eq(lm_buf_str(&b), "");
    cr_assert_eq(n, 0);
    /* a modifier symbol (U+02C2) separates words, as in unicode61 */
    cr_assert_eq(corpus_pg_tsvector("zorvil\xcb\x82" "5", NULL, &b, &n), LM_OK);
    cr_assert_str_eq(lm_buf_str(&b), "'zorvil':1A '5':2A");
    cr_assert_eq(n, 2);
    lm_buf_free(&b);
}

/* ---- faults ------------------------------------------------------------------ */

Test(pg, wrong_password_is_a_db_error_that_hides_the_password)
{
    char bad[1100], *pw;
    lm_corpus *p = NULL;

    snprintf(bad, sizeof bad, "%s", url);
    cr_assert_not_null(pw = strstr(bad, ":litmine-rw@"));
    memcpy(pw, ":wrong-pass@", 12);
    cr_assert_eq(pg_open(bad, 0, &p), LM_ERR_DB);
    cr_assert(strstr(pg_errmsg(p), "cannot connect"), "%s", pg_errmsg(p));
    cr_assert_null(strstr(pg_errmsg(p), "wrong-pass"), "%s", pg_errmsg(p));
    cr_assert(strstr(pg_errmsg(p), "postgresql://litmine@/"), "%s",
              pg_errmsg(p));
    pg_close(p);
}

Test(pg, a_read_only_role_reads_but_cannot_write)
{
    char ro[1100], *at;
    lm_corpus *p = NULL;
    lm_import_stats st;
    uint64_t n = 0;
    char *xml = article(91000701, 1, "Readable", "x"), *before, *after;

    both("ro.xml", xml, strlen(xml));
    /* the same database, as litmine_ro */
    cr_assert_not_null(at = strchr(url + 13, '@'));
    snprintf(ro, sizeof ro, "postgresql://litmine_ro:litmine-ro%s", at);
    cr_assert_eq(pg_open(ro, LM_CORPUS_READONLY, &p), LM_OK, "%s", pg_errmsg(p));
    cr_assert_eq(lm_corpus_counts(p, &n, NULL, NULL), LM_OK, "%s", pg_errmsg(p));
    cr_assert_eq(n, 1);
    pg_close(p);
    p = NULL;
    before = dump_pg(NULL, 0);
    cr_assert_eq(pg_open(ro, 0, &p), LM_OK, "%s", pg_errmsg(p));
    free(xml);
    xml = article(91000702, 1, "Refused", "x");
    cr_assert_eq(pg_import_mem(p, "w.xml", xml, strlen(xml), &st), LM_ERR_DB);
    cr_assert(strstr(pg_errmsg(p), "permission denied"), "%s", pg_errmsg(p));
    pg_close(p);
    after = dump_pg(NULL, 0);
    cr_assert_str_eq(after, before);
    free(xml);
    free(before);
    free(after);
}

Test(pg, an_empty_database_is_not_a_corpus_when_it_must_exist)
{
    char other[1024];
    lm_corpus *p = NULL;

    new_database(other, sizeof other);
    cr_assert_eq(pg_open(other, LM_CORPUS_READONLY, &p), LM_ERR_DB);
    cr_assert(strstr(pg_errmsg(p), "no corpus here"), "%s", pg_errmsg(p));
    pg_close(p);
}

Test(pg, the_run_lock_excludes_a_second_holder)
{
    lm_corpus *other = NULL;
    lm_err rc;
    int i, held = 0;

    cr_assert_eq(lm_corpus_run_lock(pg, &held), LM_OK, "%s", pg_errmsg(pg));
    cr_assert_eq(held, 1, "PostgreSQL has its own run lock");
    cr_assert_eq(pg_open(url, 0, &other), LM_OK, "%s", pg_errmsg(other));
    cr_assert_eq(lm_corpus_run_lock(other, &held), LM_ERR_LOCKED);
    cr_assert(strstr(pg_errmsg(other), "another run holds the lock (litmine pid "), "%s",
              pg_errmsg(other));
    cr_assert_null(strstr(pg_errmsg(other), "litmine-rw"), "%s", pg_errmsg(other));
    /* the server drops the lock with the session (its backend exits a
     * moment after the client hangs up) */
    pg_close(pg);
    pg = NULL;
    for (i = 0; i < 100 && (rc = lm_corpus_run_lock(other, &held)) == LM_ERR_LOCKED; i++)
        usleep(50000);
    cr_assert_eq(rc, LM_OK, "%s", pg_errmsg(other));
    pg_close(other);
}

Test(pg, url_display_drops_the_password)
{
    char buf[256];

    corpus_pg_display("postgresql://u:p%40ss@db.example/corpus?sslmode=require", buf,
                      sizeof buf);
    cr_assert_str_eq(buf, "postgresql://u@db.example/corpus?sslmode=require");
    corpus_pg_display("postgresql:///corpus?host=/run/pg&password=secret", buf, sizeof buf);
    cr_assert_str_eq(buf, "postgresql:///corpus?host=/run/pg");
    corpus_pg_display("postgresql:///corpus?password=secret&host=/run/pg", buf, sizeof buf);
    cr_assert_str_eq(buf, "postgresql:///corpus?host=/run/pg");
    snprintf(buf, sizeof buf, "postgresql://u:pw@h/db");
    corpus_pg_display(buf, buf, sizeof buf);
    cr_assert_str_eq(buf, "postgresql://u@h/db", "in place");
}
