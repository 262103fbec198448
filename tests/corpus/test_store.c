/* Tests for the SQLite store (corpus/store.c, query.c, import.c): the
 * version rule, deletions, the MD5 ledger, all-or-nothing imports, FTS5
 * search, the watermark, and refusing databases it must not touch. */
#define _GNU_SOURCE   /* asprintf */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <criterion/criterion.h>
#include <litmine/corpus.h>

static char dir[256], db[300];
static lm_corpus *c;
static sqlite3 *raw_db;

/* A second connection on the corpus file, for what only SQL can show or
 * do (the corpus keeps its own handle to itself). */
static sqlite3 *raw(void)
{
    if (!raw_db) {
        cr_assert_eq(sqlite3_open(db, &raw_db), SQLITE_OK);
        sqlite3_busy_timeout(raw_db, 5000);
    }
    return raw_db;
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "%s/lm_storeXXXXXX", P_tmpdir);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/corpus.db", dir);
    cr_assert_eq(lm_global_init(), LM_OK);
    cr_assert_eq(lm_corpus_open(db, 0, &c), LM_OK, "%s", lm_corpus_errmsg(c));
}

static void teardown(void)
{
    char cmd[400];

    sqlite3_close(raw_db);
    raw_db = NULL;
    lm_corpus_close(c);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(store, .init = setup, .fini = teardown);

/* A PubmedArticleSet with one record per (pmid, version, title) triple. */
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

static lm_err import(const char *name, const char *xml, lm_import_stats *st)
{
    return lm_corpus_import_mem(c, name, xml, strlen(xml), st);
}

struct got { int n; int64_t pmid; int version, deleted; char title[200]; };

static int keep(const lm_article *a, void *ud)
{
    struct got *g = ud;

    g->n++;
    g->pmid = a->pmid;
    g->version = a->version;
    g->deleted = a->deleted;
    snprintf(g->title, sizeof g->title, "%s", a->title);
    return 0;
}

static struct got get(int64_t pmid)
{
    struct got g = {0};
    lm_err rc = lm_corpus_get(c, pmid, keep, &g);

    cr_assert(rc == LM_OK || rc == LM_ERR_NOTFOUND, "%s", lm_corpus_errmsg(c));
    return g;
}

Test(store, version_rule)
{
    lm_import_stats st;
    char *v1 = article(91000100, 1, "First version", "a");
    char *v2 = article(91000100, 2, "Second version", "b");

    cr_assert_eq(import("v2.xml", v2, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(st.stored, 1);
    cr_assert_eq(import("v1.xml", v1, &st), LM_OK);
    cr_assert_eq(st.older, 1, "an older version is ignored");
    cr_assert_str_eq(get(91000100).title, "Second version");
    cr_assert_eq(get(91000100).version, 2);
    free(v1);
    free(v2);
}

Test(store, same_version_replaces_and_identical_is_unchanged)
{
    lm_import_stats st;
    char *a = article(91000101, 1, "Title A", "x");
    char *b = article(91000101, 1, "Title B", "x");
    char *b2 = article(91000101, 1, "Title B", "x  ");

    cr_assert_eq(import("a.xml", a, &st), LM_OK);
    cr_assert_eq(import("b.xml", b, &st), LM_OK);
    cr_assert_eq(st.stored, 1, "equal version replaces");
    cr_assert_str_eq(get(91000101).title, "Title B");
    cr_assert_eq(import("b2.xml", b2, &st), LM_OK);
    cr_assert_eq(st.unchanged, 1, "same content (after whitespace collapse) is left alone");
    free(a);
    free(b);
    free(b2);
}

Test(store, ledger_makes_reimport_a_noop)
{
    lm_import_stats st;
    char *a = article(91000102, 1, "Ledger", "x");
    uint64_t arts, dels, files;

    cr_assert_eq(import("a.xml", a, &st), LM_OK);
    cr_assert_eq(st.already, 0);
    cr_assert_eq(import("renamed.xml", a, &st), LM_OK);
    cr_assert_eq(st.already, 1, "same bytes under another name: no-op");
    cr_assert_eq(st.records, 0);
    cr_assert_eq(lm_corpus_counts(c, &arts, &dels, &files), LM_OK);
    cr_assert_eq(arts, 1);
    cr_assert_eq(files, 1);
    free(a);
}

Test(store, delete_then_revive_by_newer_version)
{
    lm_import_stats st;
    char *a = article(91000103, 1, "To delete", "x");
    char *b = article(91000103, 2, "Revived", "y");
    const char *del = "<PubmedArticleSet><DeleteCitation><PMID Version=\"1\">91000103</PMID>"
                      "<PMID Version=\"1\">91000199</PMID></DeleteCitation></PubmedArticleSet>";
    uint64_t arts, dels;

    cr_assert_eq(import("a.xml", a, &st), LM_OK);
    cr_assert_eq(import("del.xml", del, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(st.deleted, 1, "an unknown PMID is not reported as deleted");
    cr_assert_eq(get(91000103).deleted, 1);
    cr_assert_eq(get(91000199).pmid, 0, "a deletion of an unknown PMID leaves no row");
    cr_assert_eq(lm_corpus_counts(c, &arts, &dels, NULL), LM_OK);
    cr_assert_eq(arts, 0);
    cr_assert_eq(dels, 1);
    cr_assert_eq(import("del2.xml", "<PubmedArticleSet><DeleteCitation><PMID Version=\"1\">"
                        "91000103</PMID></DeleteCitation></PubmedArticleSet>", &st), LM_OK);
    cr_assert_eq(st.deleted, 0, "deleting a deleted record deletes nothing");
    cr_assert_eq(import("b.xml", b, &st), LM_OK);
    cr_assert_eq(get(91000103).deleted, 0);
    cr_assert_str_eq(get(91000103).title, "Revived");
    free(a);
    free(b);
}

/* Every (term, row, column, offset) the index holds, and its row count,
 * as one string: two indexes are equal when these are. */
static char *fts_dump(void)
{
    sqlite3 *h = raw();
    sqlite3_stmt *st;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);

    cr_assert_not_null(f);
    cr_assert_eq(sqlite3_exec(h, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_v"
                              " USING fts5vocab(main, article_fts, instance)", NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(h));
    cr_assert_eq(sqlite3_prepare_v2(h, "SELECT term, doc, col, offset FROM temp.fts_v"
                                    " UNION ALL SELECT 'rows', count(*), '', 0 FROM article_fts"
                                    " UNION ALL SELECT 'docsize', id, sz, 0 FROM article_fts_docsize",
                                    -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    while (sqlite3_step(st) == SQLITE_ROW)
        fprintf(f, "%s %lld %s %d\n", sqlite3_column_text(st, 0),
                (long long)sqlite3_column_int64(st, 1), sqlite3_column_text(st, 2),
                sqlite3_column_int(st, 3));
    sqlite3_finalize(st);
    fclose(f);
    return out;
}

/* The full-text index is kept in batches inside each import transaction
 * (corpus/store.c); after inserts, updates (two of one PMID in one file),
 * tombstones, revivals and a failed file it must equal an index rebuilt
 * from the articles, and the schema's row triggers must be back. */
Test(store, fts_batches_equal_a_rebuild)
{
    lm_import_stats st;
    sqlite3 *h = raw();
    char *one, *two, *three, *bad, *before, *after;
    sqlite3_stmt *q;
    int triggers = 0;

    cr_assert_neq(asprintf(&one, "<PubmedArticleSet>"
        "<PubmedArticle><MedlineCitation><PMID Version=\"1\">91000301</PMID><Article>"
        "<ArticleTitle>alpha zebra</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        "<PubmedArticle><MedlineCitation><PMID Version=\"2\">91000301</PMID><Article>"
        "<ArticleTitle>beta yak</ArticleTitle><Abstract><AbstractText>kept words"
        "</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>"
        "<PubmedArticle><MedlineCitation><PMID Version=\"1\">91000302</PMID><Article>"
        "<ArticleTitle>gamma</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        "<DeleteCitation><PMID Version=\"1\">91000303</PMID></DeleteCitation>"
        "</PubmedArticleSet>"), -1);
    cr_assert_neq(asprintf(&two, "<PubmedArticleSet>"
        "<PubmedArticle><MedlineCitation><PMID Version=\"3\">91000301</PMID><Article>"
        "<ArticleTitle>delta</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        "<PubmedArticle><MedlineCitation><PMID Version=\"1\">91000303</PMID><Article>"
        "<ArticleTitle>epsilon revived</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        "<PubmedArticle><MedlineCitation><PMID Version=\"1\">91000302</PMID><Article>"
        "<ArticleTitle>omega corrected</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        "</PubmedArticleSet>"), -1);
    three = article(91000304, 1, "theta", "iota kappa");
    bad = article(91000305, 1, "never stored", "lambda");
    bad[strlen(bad) - 30] = '\0';      /* truncated: the file fails */

    cr_assert_eq(import("one.xml", one, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(import("two.xml", two, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_neq(import("bad.xml", bad, &st), LM_OK);
    cr_assert_eq(import("three.xml", three, &st), LM_OK, "%s", lm_corpus_errmsg(c));

    before = fts_dump();
    cr_assert(strstr(before, "delta 91000301"), "%s", before);
    cr_assert(strstr(before, "omega 91000302"), "%s", before);
    cr_assert(strstr(before, "epsilon 91000303"), "%s", before);
    cr_assert_null(strstr(before, "zebra"), "old text left in the index");
    cr_assert_null(strstr(before, "yak"), "old text left in the index");
    cr_assert_null(strstr(before, "lambda"), "text of a failed file indexed");
    cr_assert_eq(sqlite3_exec(h, "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
                              NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    after = fts_dump();
    cr_assert_str_eq(before, after);

    cr_assert_eq(sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                    " AND name IN ('article_ai', 'article_au', 'article_ad')",
                                    -1, &q, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    triggers = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    cr_assert_eq(triggers, 3, "the schema's FTS triggers are not all back");
    free(one);
    free(two);
    free(three);
    free(bad);
    free(before);
    free(after);
}

/* A file longer than one FTS batch, with a PMID on both sides of a batch
 * boundary: still the index a rebuild makes. */
Test(store, fts_batches_across_a_boundary)
{
    lm_import_stats st;
    sqlite3 *h = raw();
    char *xml = NULL, *before, *after;
    size_t len = 0;
    FILE *f = open_memstream(&xml, &len);
    int i;

    cr_assert_not_null(f);
    fputs("<PubmedArticleSet>", f);
    for (i = 0; i < 4500; i++) {
        int pmid = 91100000 + (i < 4000 ? i : i - 4000);   /* the last 500 update the first */
        fprintf(f, "<PubmedArticle><MedlineCitation><PMID Version=\"%d\">%d</PMID><Article>"
                "<ArticleTitle>title%d word%d</ArticleTitle></Article></MedlineCitation>"
                "</PubmedArticle>", i < 4000 ? 1 : 2, pmid, i, i % 7);
    }
    fputs("</PubmedArticleSet>", f);
    fclose(f);
    cr_assert_eq(lm_corpus_import_mem(c, "big.xml", xml, len, &st), LM_OK, "%s",
                 lm_corpus_errmsg(c));
    before = fts_dump();
    cr_assert(strstr(before, "title4000 91100000"), "update after a batch boundary lost");
    cr_assert_null(strstr(before, "title0 "), "old text left after a batch boundary");
    cr_assert_eq(sqlite3_exec(h, "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
                              NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    after = fts_dump();
    cr_assert(!strcmp(before, after), "batched index differs from a rebuild");
    free(xml);
    free(before);
    free(after);
}

Test(store, failed_file_leaves_corpus_unchanged)
{
    lm_import_stats st;
    const char *bad = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000104</PMID>"
                      "<Article><ArticleTitle>ok</ArticleTitle></Article></MedlineCitation>"
                      "</PubmedArticle><PubmedArticle><MedlineCitation><PMID>91000105</PMID>"
                      "<Article><ArticleTitle>broken</Article>";
    uint64_t arts, files;

    cr_assert_eq(import("bad.xml", bad, &st), LM_ERR_XML);
    cr_assert(strstr(lm_corpus_errmsg(c), "bad.xml:1:"), "%s", lm_corpus_errmsg(c));
    cr_assert_eq(lm_corpus_counts(c, &arts, NULL, &files), LM_OK);
    cr_assert_eq(arts, 0, "the first record was rolled back too");
    cr_assert_eq(files, 0);
    cr_assert_eq(get(91000104).n, 0);
}

struct hits { int n; int64_t first; char snippet[300]; };

static int hit(const lm_hit *h, void *ud)
{
    struct hits *hs = ud;

    if (!hs->n++) {
        hs->first = h->pmid;
        snprintf(hs->snippet, sizeof hs->snippet, "%s", h->snippet);
    }
    return 0;
}

Test(store, search_ranks_and_rejects_bad_syntax)
{
    lm_import_stats st;
    char *a = article(91000106, 1, "Remission after fictional therapy",
                      "Remission was common; remission lasted.");
    char *b = article(91000107, 1, "Unrelated title", "One remission mention.");
    char *d = article(91000108, 1, "Deleted remission study", "remission remission");
    const char *del = "<PubmedArticleSet><DeleteCitation><PMID>91000108</PMID></DeleteCitation>"
                      "</PubmedArticleSet>";
    struct hits hs = {0};

    cr_assert_eq(import("a.xml", a, &st), LM_OK);
    cr_assert_eq(import("b.xml", b, &st), LM_OK);
    cr_assert_eq(import("d.xml", d, &st), LM_OK);
    cr_assert_eq(import("del.xml", del, &st), LM_OK);
    cr_assert_eq(lm_corpus_search(c, "remission", 10, hit, &hs), LM_OK, "%s",
                 lm_corpus_errmsg(c));
    cr_assert_eq(hs.n, 2, "deleted records are not found");
    cr_assert_eq(hs.first, 91000106, "title match ranks first");
    cr_assert(strstr(hs.snippet, "[Remission]"), "%s", hs.snippet);
    cr_assert_eq(lm_corpus_search(c, "remission AND (", 10, hit, &hs), LM_ERR_QUERY);
    cr_assert(strstr(lm_corpus_errmsg(c), "remission AND ("), "%s", lm_corpus_errmsg(c));
    free(a);
    free(b);
    free(d);
}

Test(store, watermark_round_trip)
{
    char *w = NULL;

    cr_assert_eq(lm_corpus_watermark_get(c, "q1", &w), LM_OK);
    cr_assert_null(w);
    cr_assert_eq(lm_corpus_begin(c), LM_OK);
    cr_assert_eq(lm_corpus_watermark_set(c, "q1", "2024/05/01"), LM_OK);
    lm_corpus_rollback(c);
    cr_assert_eq(lm_corpus_watermark_get(c, "q1", &w), LM_OK);
    cr_assert_null(w, "a rolled-back watermark does not move");
    cr_assert_eq(lm_corpus_begin(c), LM_OK);
    cr_assert_eq(lm_corpus_watermark_set(c, "q1", "2024/05/01"), LM_OK);
    cr_assert_eq(lm_corpus_commit(c), LM_OK);
    cr_assert_eq(lm_corpus_watermark_get(c, "q1", &w), LM_OK);
    cr_assert_str_eq(w, "2024/05/01");
    free(w);
}

Test(store, newer_schema_is_refused)
{
    sqlite3 *h;
    lm_corpus *c2 = NULL;

    lm_corpus_close(c);
    c = NULL;
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    cr_assert_eq(lm_corpus_open(db, 0, &c2), LM_ERR_SCHEMA);
    cr_assert(strstr(lm_corpus_errmsg(c2), "newer"), "%s", lm_corpus_errmsg(c2));
    cr_assert(strstr(lm_corpus_errmsg(c2), db), "%s", lm_corpus_errmsg(c2));
    lm_corpus_close(c2);
}

Test(store, corrupt_file_is_refused)
{
    char path[400];
    FILE *f;
    lm_corpus *c2 = NULL;
    int i;

    snprintf(path, sizeof path, "%s/garbage.db", dir);
    cr_assert_not_null(f = fopen(path, "wb"));
    for (i = 0; i < 4096; i++)
        fputc((i * 7919) & 0xff, f);
    fclose(f);
    cr_assert_eq(lm_corpus_open(path, 0, &c2), LM_ERR_DB);
    cr_assert(strstr(lm_corpus_errmsg(c2), "garbage.db"), "%s", lm_corpus_errmsg(c2));
    lm_corpus_close(c2);
}

Test(store, missing_database_with_must_exist)
{
    char path[400];
    lm_corpus *c2 = NULL;

    snprintf(path, sizeof path, "%s/none.db", dir);
    cr_assert_eq(lm_corpus_open(path, LM_CORPUS_MUST_EXIST | LM_CORPUS_READONLY, &c2), LM_ERR_DB);
    cr_assert(strstr(lm_corpus_errmsg(c2), "none.db"), "%s", lm_corpus_errmsg(c2));
    cr_assert_neq(access(path, F_OK), 0, "nothing was created");
    lm_corpus_close(c2);
}

Test(store, foreign_sqlite_file_is_refused)
{
    char path[400];
    sqlite3 *h;
    lm_corpus *c2 = NULL;

    snprintf(path, sizeof path, "%s/other.db", dir);
    cr_assert_eq(sqlite3_open(path, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    cr_assert_eq(lm_corpus_open(path, 0, &c2), LM_ERR_SCHEMA);
    cr_assert(strstr(lm_corpus_errmsg(c2), "not a litmine corpus"), "%s", lm_corpus_errmsg(c2));
    lm_corpus_close(c2);
}

/* ---- one article from two sources (schema v2) ------------------------------ */

/* Every field of the merged row, as one string. */
struct full { int n, version, year, deleted; char s[4096]; };

static int keep_full(const lm_article *a, void *ud)
{
    struct full *g = ud;

    g->n++;
    g->version = a->version;
    g->year = a->year;
    g->deleted = a->deleted;
    snprintf(g->s, sizeof g->s, "pmcid=%s|doi=%s|title=%s|abstract=%s|journal=%s|authors=%s|"
             "pub_types=%s|mesh=%s|body=%s|source=%s", a->pmcid, a->doi, a->title, a->abstract,
             a->journal, a->authors, a->pub_types, a->mesh, a->body, a->source);
    return 0;
}

static struct full get_full(int64_t key)
{
    struct full g = {0};

    cr_assert_eq(lm_corpus_get(c, key, keep_full, &g), LM_OK, "%s", lm_corpus_errmsg(c));
    return g;
}

static void import_fixture(const char *name, lm_import_stats *st)
{
    char path[1024];

    snprintf(path, sizeof path, "%s/corpus/%s", LM_FIXTURES, name);
    cr_assert_eq(lm_corpus_import(c, path, st), LM_OK, "%s: %s", name, lm_corpus_errmsg(c));
}

/* One text column of the PMC article as stored in article_pmc. */
static char *pmc_col(int64_t key, const char *column)
{
    sqlite3 *h = raw();
    sqlite3_stmt *st;
    char sql[200], *out = NULL;

    snprintf(sql, sizeof sql, "SELECT %s FROM article_pmc WHERE pmid = %lld", column,
             (long long)key);
    cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

/* What the merged row of 91000060 must hold whichever source came first:
 * PubMed's title, abstract, version, MeSH, publication types and journal;
 * PMC's body and DOI; PMC's own title kept in article_pmc. */
static void check_merged(void)
{
    struct full g = get_full(91000060);
    char *t;

    cr_assert_eq(g.n, 1);
    cr_assert_eq(g.version, 2, "PubMed's version");
    cr_assert_eq(g.year, 2022);
    cr_assert(strstr(g.s, "|title=Quellamide versus placebo in 80 adults: a randomised trial.|"),
              "%s", g.s);
    cr_assert(strstr(g.s, "|abstract=METHODS: Eighty adults were randomised.|"), "%s", g.s);
    cr_assert(strstr(g.s, "|journal=Journal of Fictional Trials|"), "%s", g.s);
    cr_assert(strstr(g.s, "|pub_types=Journal Article; Randomized Controlled Trial|"), "%s", g.s);
    cr_assert(strstr(g.s, "|mesh=Fictional Disorders|"), "%s", g.s);
    cr_assert(strstr(g.s, "|body=## Results\nRemission in 21 of 40 versus 9 of 40."), "%s", g.s);
    cr_assert(strstr(g.s, "pmcid=PMC9100060|"), "%s", g.s);
    cr_assert(strstr(g.s, "|doi=10.9999/jft.60|"), "PMC's DOI fills PubMed's gap: %s", g.s);
    cr_assert(strstr(g.s, "|source=pubmed+pmc"), "%s", g.s);
    cr_assert_str_eq(t = pmc_col(91000060, "title"), "Quellamide versus placebo in 80 adults");
    free(t);
    cr_assert_str_eq(t = pmc_col(91000060, "journal"), "J Fict Trials");
    free(t);
}

static int count_hit(const lm_hit *h, void *ud)
{
    (void)h;
    ++*(int *)ud;
    return 0;
}

static int search_count(const char *q)
{
    int n = 0;

    cr_assert_eq(lm_corpus_search(c, q, 10, count_hit, &n), LM_OK, "%s", lm_corpus_errmsg(c));
    return n;
}

Test(store, pubmed_then_pmc_keeps_both)
{
    lm_import_stats st;

    import_fixture("merge_pubmed.xml", &st);
    cr_assert_eq(st.stored, 1);
    import_fixture("merge_pmc.nxml", &st);
    cr_assert_eq(st.stored, 1);
    check_merged();
    cr_assert_eq(get(-9100060).pmid, 91000060, "a PMCID finds the article keyed by its PMID");
    cr_assert_eq(search_count("remission"), 0, "the body is not in the title/abstract index");
    cr_assert_eq(search_count("randomised"), 1);
}

Test(store, pmc_then_pubmed_keeps_both)
{
    lm_import_stats st;

    import_fixture("merge_pmc.nxml", &st);
    cr_assert_eq(st.stored, 1);
    cr_assert(strstr(get_full(91000060).s, "|source=pmc"));
    import_fixture("merge_pubmed.xml", &st);
    cr_assert_eq(st.stored, 1);
    check_merged();
    cr_assert_eq(search_count("\"a randomised trial\""), 1, "the index holds PubMed's title");
}

/* Re-imports are no-ops (ledger), the same records under new names are
 * "unchanged", an older PubMed version is refused, a DeleteCitation marks
 * the merged row deleted and a newer PubMed version revives it with the
 * PMC body still there. */
Test(store, merge_keeps_the_version_rule_ledger_and_deletions)
{
    lm_import_stats st;
    char *again = NULL, path[1024], *body;
    FILE *f;
    const char *del = "<PubmedArticleSet><DeleteCitation><PMID Version=\"2\">91000060</PMID>"
                      "</DeleteCitation></PubmedArticleSet>";
    char *older = article(91000060, 1, "Older title", "older");
    char *newer = article(91000060, 3, "Newer title", "newer");

    import_fixture("merge_pmc.nxml", &st);
    import_fixture("merge_pubmed.xml", &st);
    import_fixture("merge_pmc.nxml", &st);
    cr_assert_eq(st.already, 1);
    import_fixture("merge_pubmed.xml", &st);
    cr_assert_eq(st.already, 1);
    /* the same PMC bytes under another name: read again, left alone */
    snprintf(path, sizeof path, "%s/corpus/merge_pmc.nxml", LM_FIXTURES);
    cr_assert_not_null(f = fopen(path, "r"));
    cr_assert_not_null(again = calloc(1, 8192));
    cr_assert_gt(fread(again, 1, 8000, f), 0);
    fclose(f);
    strcat(again, "\n<!-- copy -->\n");
    cr_assert_eq(import("copy.nxml", again, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(st.unchanged, 1);
    check_merged();
    cr_assert_eq(import("older.xml", older, &st), LM_OK);
    cr_assert_eq(st.older, 1);
    check_merged();
    cr_assert_eq(import("del.xml", del, &st), LM_OK);
    cr_assert_eq(get_full(91000060).deleted, 1);
    cr_assert_eq(import("newer.xml", newer, &st), LM_OK);
    cr_assert_eq(st.stored, 1);
    {
        struct full g = get_full(91000060);
        cr_assert_eq(g.deleted, 0);
        cr_assert_eq(g.version, 3);
        cr_assert(strstr(g.s, "|title=Newer title|"), "%s", g.s);
        cr_assert(strstr(g.s, "|journal=J Fict Trials|"), "PubMed gave none, PMC's: %s", g.s);
        cr_assert(strstr(g.s, "|mesh=|"), "the new PubMed version has no MeSH: %s", g.s);
        cr_assert(strstr(g.s, "Remission in 21 of 40"), "the body survives: %s", g.s);
    }
    cr_assert_not_null(body = pmc_col(91000060, "body"));
    free(body);
    free(again);
    free(older);
    free(newer);
}

Test(store, pmc_without_pmid_is_keyed_by_pmcid)
{
    lm_import_stats st;
    int64_t key = 0;
    char id[32];

    import_fixture("nopmid.nxml", &st);
    cr_assert_eq(st.stored, 1);
    cr_assert_eq(lm_corpus_key_parse("PMC9100040", &key), LM_OK);
    cr_assert_eq(key, -9100040);
    lm_corpus_key_format(key, id, sizeof id);
    cr_assert_str_eq(id, "PMC9100040");
    cr_assert(strstr(get_full(key).s, "known only by its PMCID"));
    cr_assert_eq(search_count("PMID"), 1);
    /* later the same article with its PMID: it moves there, no duplicate */
    {
        const char *with = "<article><front><article-meta><article-id pub-id-type=\"pmid\">"
                           "91000070</article-id><article-id pub-id-type=\"pmc\">9100040"
                           "</article-id><title-group><article-title>No PMID here</article-title>"
                           "</title-group></article-meta></front></article>";
        uint64_t arts;
        struct got g;
        cr_assert_eq(import("with.nxml", with, &st), LM_OK, "%s", lm_corpus_errmsg(c));
        cr_assert_eq(lm_corpus_counts(c, &arts, NULL, NULL), LM_OK);
        cr_assert_eq(arts, 1);
        g = get(key);
        cr_assert_eq(g.pmid, 91000070, "the PMCID-keyed row is gone; the PMCID finds the PMID");
        cr_assert_eq(search_count("PMID"), 1, "the index follows");
    }
    cr_assert_eq(lm_corpus_key_parse("12345", &key), LM_OK);
    cr_assert_eq(key, 12345);
    cr_assert_eq(lm_corpus_key_parse("PMC", &key), LM_ERR_USAGE);
    cr_assert_eq(lm_corpus_key_parse("12a", &key), LM_ERR_USAGE);
    cr_assert_eq(lm_corpus_key_parse("-5", &key), LM_ERR_USAGE);
}

/* A PubMed record carrying the PMCID of an article stored under it alone
 * adopts that article's PMC fields. */
Test(store, pubmed_record_adopts_a_pmcid_keyed_article)
{
    lm_import_stats st;
    const char *pm = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000071</PMID>"
                     "<Article><ArticleTitle>Adopted</ArticleTitle></Article></MedlineCitation>"
                     "<PubmedData><ArticleIdList><ArticleId IdType=\"pmc\">PMC9100040</ArticleId>"
                     "</ArticleIdList></PubmedData></PubmedArticle></PubmedArticleSet>";
    struct full g;

    import_fixture("nopmid.nxml", &st);
    cr_assert_eq(import("pm.xml", pm, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    g = get_full(91000071);
    cr_assert(strstr(g.s, "|title=Adopted|"), "%s", g.s);
    cr_assert(strstr(g.s, "known only by its PMCID"), "%s", g.s);
    cr_assert_eq(get(-9100040).pmid, 91000071);
    {
        uint64_t arts;
        cr_assert_eq(lm_corpus_counts(c, &arts, NULL, NULL), LM_OK);
        cr_assert_eq(arts, 1);
    }
}

/* A corpus written by schema v1 (one source per row, the last import
 * winning) opens migrated: its rows are kept, PMC rows become PMC
 * articles, and a PubMed record imported now merges with them. */
Test(store, migrates_a_v1_database)
{
    char sql_path[1024], *sql = NULL;
    sqlite3 *h;
    lm_import_stats st;
    struct full g;
    FILE *f;
    size_t n;
    int v = 0;
    sqlite3_stmt *q;

    lm_corpus_close(c);
    c = NULL;
    cr_assert_eq(unlink(db), 0);
    snprintf(sql_path, sizeof sql_path, "%s/corpus/schema_v1.sql", LM_FIXTURES);
    cr_assert_not_null(f = fopen(sql_path, "r"));
    sql = calloc(1, 65536);
    n = fread(sql, 1, 65535, f);
    fclose(f);
    cr_assert_gt(n, 0);
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    sqlite3_close(h);
    free(sql);
    cr_assert_eq(lm_corpus_open(db, 0, &c), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(sqlite3_prepare_v2(raw(), "PRAGMA user_version", -1, &q, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    v = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    cr_assert_geq(v, 2);
    cr_assert_str_eq(get(91000080).title, "Old PubMed row");
    cr_assert_eq(search_count("old"), 1, "the index carried over");
    g = get_full(91000060);
    cr_assert(strstr(g.s, "|source=pmc"), "%s", g.s);
    import_fixture("merge_pubmed.xml", &st);
    cr_assert_eq(st.stored, 1);
    g = get_full(91000060);
    cr_assert(strstr(g.s, "|mesh=Fictional Disorders|"), "%s", g.s);
    cr_assert(strstr(g.s, "|body=## Results\nOld body."), "the v1 PMC body is kept: %s", g.s);
    /* an unchanged PubMed row of v1 is still "unchanged" (same hash) */
    {
        char *again = article(91000080, 1, "Old PubMed row", "old abstract");
        cr_assert_eq(import("again.xml", again, &st), LM_OK);
        cr_assert_eq(st.unchanged, 1);
        free(again);
    }
}

/* ---- damaged files ---------------------------------------------------------- */

static int found_cb(const lm_article *a, void *ud)
{
    (void)a;
    ++*(int *)ud;
    return 0;
}

/* An interior page of the article table whose first key was overwritten
 * sends lookups to the wrong leaf: SQLite finds no row and reports no
 * error.  The corpus must say the table is corrupt (LM_ERR_DB, exit 4),
 * not that the article is missing (LM_ERR_NOTFOUND, exit 2). */
Test(store, a_corrupt_interior_page_is_a_database_error_naming_the_table)
{
    char *xml = NULL, pad[600];
    size_t len = 0, i;
    FILE *f = open_memstream(&xml, &len);
    lm_import_stats st;
    sqlite3_stmt *q;
    long root = 0, psize = 0;
    unsigned char page[65536], *cell;
    int fd, n = 0;

    cr_assert_not_null(f);
    memset(pad, 'z', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    fputs("<PubmedArticleSet>", f);
    for (i = 0; i < 60; i++)
        fprintf(f, "<PubmedArticle><MedlineCitation><PMID Version=\"1\">%zu</PMID><Article>"
                "<ArticleTitle>Zorvil trial %zu</ArticleTitle><Abstract><AbstractText>%s"
                "</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>",
                91200000 + i, i, pad);
    fputs("</PubmedArticleSet>", f);
    fclose(f);
    cr_assert_eq(lm_corpus_import_mem(c, "many.xml", xml, len, &st), LM_OK, "%s",
                 lm_corpus_errmsg(c));
    free(xml);
    cr_assert_eq(lm_corpus_get(c, 91200000, found_cb, &n), LM_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(sqlite3_prepare_v2(raw(), "SELECT rootpage, (SELECT page_size FROM"
                                    " pragma_page_size) FROM sqlite_schema WHERE name ="
                                    " 'article'", -1, &q, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    root = sqlite3_column_int(q, 0);
    psize = sqlite3_column_int(q, 1);
    sqlite3_finalize(q);
    /* the last connection out checkpoints the WAL into the file */
    lm_corpus_close(c);
    c = NULL;
    sqlite3_close(raw_db);
    raw_db = NULL;
    cr_assert(psize > 0 && psize <= (long)sizeof page);
    cr_assert_geq(fd = open(db, O_RDWR), 0);
    cr_assert_eq(pread(fd, page, (size_t)psize, (root - 1) * psize), psize);
    cr_assert_eq(page[0], 0x05, "the root of 60 long rows is an interior page");
    /* the first cell: a 4-byte child page number, then its key as a
     * varint, rewritten in the same length as 1 */
    cell = page + ((page[12] << 8) | page[13]) + 4;
    for (i = 0; cell[i] & 0x80; i++)
        cell[i] = 0x80;
    cr_assert_gt(i, 0);
    cell[i] = 0x01;
    cr_assert_eq(pwrite(fd, page, (size_t)psize, (root - 1) * psize), psize);
    close(fd);
    cr_assert_eq(lm_corpus_open(db, LM_CORPUS_READONLY, &c), LM_OK, "%s", lm_corpus_errmsg(c));
    n = 0;
    cr_expect_eq(lm_corpus_get(c, 91200000, found_cb, &n), LM_ERR_DB, "%s", lm_corpus_errmsg(c));
    cr_expect(strstr(lm_corpus_errmsg(c), "table article") != NULL, "%s", lm_corpus_errmsg(c));
    cr_expect(strstr(lm_corpus_errmsg(c), "corrupt") != NULL, "%s", lm_corpus_errmsg(c));
    cr_expect(strchr(lm_corpus_errmsg(c), '\n') == NULL, "one line: %s", lm_corpus_errmsg(c));
}

/* ---- hyphenated terms --------------------------------------------------------- */

/* A term with inner punctuation is a phrase of its parts, as the index
 * tokenises it: it finds itself, in lm_corpus_search (what users type) and
 * through a parsed query, and not the records holding only one part. */
Test(store, hyphenated_terms_search_as_phrases)
{
    static const char *const terms[] = { "ZRV-19", "QX-6", "ZOR-Vil-2", "e-zorvilette" };
    lm_import_stats st;
    char *xml, title[128];
    size_t i;

    for (i = 0; i < 4; i++) {
        snprintf(title, sizeof title, "Zorvil and %s in a trial", terms[i]);
        xml = article(91300000 + (int64_t)i, 1, title, "An invented abstract.");
        cr_assert_eq(import("h.xml", xml, &st), LM_OK, "%s", lm_corpus_errmsg(c));
        free(xml);
    }
    xml = article(91300010, 1, "Zorvil 19 and 6 alone", "ZRV QX zorvilette e apart 2 Vil");
    cr_assert_eq(import("h2.xml", xml, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    free(xml);
    for (i = 0; i < 4; i++) {
        lm_query *q = NULL;
        char msg[200];
        int n = 0;

        cr_expect_eq(search_count(terms[i]), 1, "%s", terms[i]);
        cr_assert_eq(lm_query_parse(terms[i], &q, msg, sizeof msg), LM_OK, "%s", msg);
        cr_expect_eq(lm_corpus_search_keys(c, q, 10, count_hit, &n), LM_OK, "%s",
                     lm_corpus_errmsg(c));
        cr_expect_eq(n, 1, "%s: keys", terms[i]);
        lm_query_free(q);
    }
}
