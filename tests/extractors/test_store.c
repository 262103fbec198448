/* Storing extractions (extractors/store.c): lm_extract_run over a corpus
 * built from tests/fixtures/extractors/articles.xml, rows replaced on
 * re-runs and rows of an older extractor version replaced, errors naming
 * the PMID; lm_extract_load reading the rows back as they were extracted. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <litmine/litmine.h>
#include <criterion/criterion.h>

static char dir[512];
static char db[600];
static lm_corpus *c;
static lm_extractor *ex;
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
    lm_import_stats st;
    char xml[512];

    snprintf(dir, sizeof dir, "%s/lm_extract_XXXXXX", LM_BINARY_DIR);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    snprintf(xml, sizeof xml, "%s/extractors/articles.xml", LM_FIXTURES);
    cr_assert_eq(lm_global_init(), LM_OK);
    cr_assert_eq(lm_corpus_open(db, 0, &c), LM_OK);
    cr_assert_eq(lm_corpus_import(c, xml, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(st.stored, 3);
    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
}

static void teardown(void)
{
    char path[640];

    lm_extractor_close(ex);
    sqlite3_close(raw_db);
    raw_db = NULL;
    lm_corpus_close(c);
    lm_global_cleanup();
    snprintf(path, sizeof path, "%s/t.db", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/t.db-wal", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/t.db-shm", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/t.db.lock", dir);
    unlink(path);
    rmdir(dir);
}

TestSuite(store, .init = setup, .fini = teardown);

static long long count(const char *sql)
{
    sqlite3_stmt *st;
    long long n = -1;

    cr_assert_eq(sqlite3_prepare_v2(raw(), sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

struct seen { int articles; size_t values; };

static int on_article(int64_t pmid, const lm_extractions *x, void *ud)
{
    struct seen *s = ud;

    (void)pmid;
    s->articles++;
    s->values += x->len;
    return 0;
}

Test(store, run_all_then_rerun_replaces)
{
    struct seen s = { 0, 0 };
    long long n1, n2;

    cr_assert_eq(lm_extract_run(ex, c, NULL, 0, on_article, &s), LM_OK, "%s", lm_extractor_errmsg(ex));
    cr_expect_eq(s.articles, 3);
    n1 = count("SELECT count(*) FROM extraction");
    cr_expect_eq((size_t)n1, s.values);
    cr_expect_eq(count("SELECT count(*) FROM extraction WHERE kind = 'design'"), 3);
    cr_expect_eq(count("SELECT value FROM extraction WHERE pmid = 91100001 AND kind = 'sample_size'"
                       " AND flags LIKE '%primary%'"), 120);
    cr_expect_eq(count("SELECT count(*) FROM extraction WHERE pmid = 91100001 AND kind = 'effect'"
                       " AND metric = 'or' AND lo = 1.2 AND hi = 5.1 AND p = 0.01"), 1);
    cr_expect_eq(count("SELECT count(*) FROM extraction WHERE pmid = 91100002 AND kind = 'rate'"
                       " AND value = 75 AND k IS NULL AND n IS NULL AND flags LIKE '%n_assumed%'"), 1);
    cr_expect_eq(count("SELECT count(*) FROM extraction WHERE pmid = 91100003 AND kind = 'design'"
                       " AND value = 'non_randomized_controlled' AND metric = 'abstract'"
                       " AND flags LIKE '%pub_types=rct%'"), 1);
    /* a second run gives the same rows, not twice as many */
    cr_assert_eq(lm_extract_run(ex, c, NULL, 0, NULL, NULL), LM_OK);
    n2 = count("SELECT count(*) FROM extraction");
    cr_expect_eq(n1, n2);
}

Test(store, older_version_rows_are_replaced)
{
    int64_t one = 91100002;

    cr_assert_eq(sqlite3_exec(raw(),
                              "INSERT INTO extraction(pmid, kind, value, rule, extractor_version)"
                              " VALUES (91100002, 'rate', 99, 'old.rule', 0)", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_eq(lm_extract_run(ex, c, &one, 1, NULL, NULL), LM_OK);
    cr_expect_eq(count("SELECT count(*) FROM extraction WHERE rule = 'old.rule'"), 0);
    cr_expect_eq(count("SELECT count(*) FROM extraction WHERE pmid = 91100002 AND extractor_version = 0"), 0);
    cr_expect_gt(count("SELECT count(*) FROM extraction WHERE pmid = 91100002"), 0);
}

Test(store, unknown_pmid_is_named_and_nothing_written)
{
    int64_t pm[2] = { 91100001, 424242 };

    cr_expect_eq(lm_extract_run(ex, c, pm, 2, NULL, NULL), LM_ERR_NOTFOUND);
    cr_expect(strstr(lm_extractor_errmsg(ex), "PMID 424242") != NULL, "%s", lm_extractor_errmsg(ex));
    cr_expect_eq(count("SELECT count(*) FROM extraction"), 0);
}

Test(store, store_rejects_bad_arguments)
{
    lm_extractions x = { 0 };

    cr_expect_eq(lm_extract_store(NULL, c, 1, &x), LM_ERR_USAGE);
    cr_expect_eq(lm_extract_store(ex, NULL, 1, &x), LM_ERR_USAGE);
    cr_expect_eq(lm_extract_run(ex, NULL, NULL, 0, NULL, NULL), LM_ERR_USAGE);
}

/* ---- lm_extract_load ------------------------------------------------------ */

struct direct { lm_extractor *ex; lm_extractions *x; };

static int extract_direct(const lm_article *a, void *ud)
{
    struct direct *d = ud;

    cr_assert_eq(lm_extract_article(d->ex, a, d->x), LM_OK);
    return 0;
}

static int same_num(double a, double b)
{
    return (a != a && b != b) || a == b;
}

Test(store, load_reads_back_what_was_stored)
{
    static const int64_t pmids[] = { 91100001, 91100002, 91100003 };
    size_t j, i;

    cr_assert_eq(lm_extract_run(ex, c, NULL, 0, NULL, NULL), LM_OK, "%s", lm_extractor_errmsg(ex));
    for (j = 0; j < 3; j++) {
        lm_extractions want = { 0 }, got = { 0 };
        struct direct d = { ex, &want };
        int version = -1;

        cr_assert_eq(lm_corpus_get(c, pmids[j], extract_direct, &d), LM_OK);
        cr_assert_eq(lm_extract_load(ex, c, pmids[j], &got, &version), LM_OK, "%s",
                     lm_extractor_errmsg(ex));
        cr_expect_eq(version, LM_EXTRACTOR_VERSION);
        cr_assert_gt(want.len, 0);
        cr_assert_eq(got.len, want.len, "PMID %lld", (long long)pmids[j]);
        for (i = 0; i < want.len; i++) {
            const lm_extraction *w = &want.v[i], *g = &got.v[i];

            cr_expect_eq(g->kind, w->kind);
            cr_expect(same_num(g->value, w->value), "%g vs %g", g->value, w->value);
            cr_expect_str_eq(g->svalue, w->svalue);
            cr_expect(same_num(g->lo, w->lo) && same_num(g->hi, w->hi));
            cr_expect_eq(g->k, w->k);
            cr_expect_eq(g->n, w->n);
            cr_expect_str_eq(g->metric, w->metric);
            cr_expect(same_num(g->p, w->p));
            cr_expect_str_eq(g->p_op, w->p_op);
            cr_expect_str_eq(g->level, w->level);
            cr_expect_str_eq(g->section, w->section);
            cr_expect_eq(g->span_start, w->span_start);
            cr_expect_eq(g->span_end, w->span_end);
            cr_expect_str_eq(g->text, w->text);
            cr_expect_str_eq(g->rule, w->rule);
            cr_expect_str_eq(g->flags, w->flags);
        }
        lm_extractions_free(&want);
        lm_extractions_free(&got);
    }
}

Test(store, load_appends_and_an_unextracted_pmid_has_no_rows)
{
    lm_extractions x = { 0 };
    int version = -1;
    size_t first;

    cr_assert_eq(lm_extract_load(NULL, c, 91100001, &x, &version), LM_OK);
    cr_expect_eq(x.len, 0);
    cr_expect_eq(version, 0);
    cr_assert_eq(lm_extract_load(ex, c, 424242, &x, NULL), LM_OK);
    cr_expect_eq(x.len, 0);
    cr_assert_eq(lm_extract_run(ex, c, NULL, 0, NULL, NULL), LM_OK);
    cr_assert_eq(lm_extract_load(ex, c, 91100001, &x, NULL), LM_OK);
    first = x.len;
    cr_assert_gt(first, 0);
    cr_assert_eq(lm_extract_load(ex, c, 91100002, &x, &version), LM_OK);
    cr_expect_gt(x.len, first);
    /* rows in stored order: the design row closes the first article's rows */
    cr_expect_eq(x.v[first - 1].kind, LM_KIND_DESIGN);
    cr_expect_eq(x.v[0].kind, LM_KIND_SAMPLE_SIZE);
    lm_extractions_free(&x);
}

Test(store, load_rejects_an_unknown_kind_naming_pmid_and_row)
{
    lm_extractions x = { 0 };

    cr_assert_eq(sqlite3_exec(raw(),
                              "INSERT INTO extraction(id, pmid, kind, value, rule, extractor_version)"
                              " VALUES (77, 91100002, 'bogus', 1, 'x.y', 1)", NULL, NULL, NULL), SQLITE_OK);
    cr_expect_eq(lm_extract_load(ex, c, 91100002, &x, NULL), LM_ERR_DB);
    cr_expect(strstr(lm_extractor_errmsg(ex), "PMID 91100002") != NULL, "%s", lm_extractor_errmsg(ex));
    cr_expect(strstr(lm_extractor_errmsg(ex), "row 77") != NULL, "%s", lm_extractor_errmsg(ex));
    cr_expect(strstr(lm_extractor_errmsg(ex), "bogus") != NULL, "%s", lm_extractor_errmsg(ex));
    lm_extractions_free(&x);
}

Test(store, load_database_error_names_the_pmid)
{
    lm_extractions x = { 0 };

    cr_assert_eq(sqlite3_exec(raw(), "DROP TABLE extraction", NULL, NULL, NULL), SQLITE_OK);
    cr_expect_eq(lm_extract_load(ex, c, 91100001, &x, NULL), LM_ERR_DB);
    cr_expect(strstr(lm_extractor_errmsg(ex), "PMID 91100001") != NULL, "%s", lm_extractor_errmsg(ex));
    cr_expect_eq(x.len, 0);
}

Test(store, load_rejects_bad_arguments)
{
    lm_extractions x = { 0 };

    cr_expect_eq(lm_extract_load(ex, NULL, 1, &x, NULL), LM_ERR_USAGE);
    cr_expect_eq(lm_extract_load(ex, c, 1, NULL, NULL), LM_ERR_USAGE);
}
