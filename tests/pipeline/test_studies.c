/* The studies and extractions exports (pipeline/studies.c) over a corpus
 * built from tests/fixtures/pipeline/studies.xml: one row per extracted
 * article, the documented columns in order, the main rate and effect with
 * their CIs, RFC 4180 quoting, deleted articles left out. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <litmine/litmine.h>
#include <criterion/criterion.h>
#include "pipeline/scratch.h"

static struct scratch sc;
static char msg[1024];

static void setup(void)
{
    lm_extractor *ex = NULL;

    scratch_open(&sc, "lm_studies", "pipeline/studies.xml");
    cr_assert_eq(sc.st.stored, 3);
    /* interpreted: PCRE2 JIT's block reads past a subject's end look like
     * uninitialised reads to valgrind, which test.sh runs this under */
    cr_assert_eq(lm_extractor_open(LM_EXTRACT_NO_JIT, &ex), LM_OK);
    cr_assert_eq(lm_extract_run(ex, sc.c, NULL, 0, NULL, NULL), LM_OK, "%s",
                 lm_extractor_errmsg(ex));
    lm_extractor_close(ex);
}

static void teardown(void) { scratch_close(&sc); }

TestSuite(studies, .init = setup, .fini = teardown);

/* Runs an export into memory; returns the malloc'd text. */
static char *export(lm_export_what what, lm_export_format fmt, uint64_t *rows)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    lm_err rc;

    cr_assert_not_null(f);
    rc = lm_export(sc.c, what, fmt, f, rows, msg, sizeof msg);
    fclose(f);
    cr_assert_eq(rc, LM_OK, "%s", msg);
    return buf;
}

/* The line of @text starting with @prefix (up to CR/LF), copied to @out. */
static int line_of(const char *text, const char *prefix, char *out, size_t cap)
{
    const char *p = text;
    size_t n = strlen(prefix);

    while (p && *p) {
        if (!strncmp(p, prefix, n)) {
            size_t l = strcspn(p, "\r\n");

            snprintf(out, cap, "%.*s", (int)l, p);
            return 1;
        }
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    return 0;
}

Test(studies, csv_header_is_the_documented_order)
{
    char *csv = export(LM_WHAT_STUDIES, LM_EXPORT_CSV, NULL);
    char want[1024] = "";
    size_t i;

    for (i = 0; lm_study_columns[i]; i++) {
        strcat(want, i ? "," : "");
        strcat(want, lm_study_columns[i]);
    }
    strcat(want, "\r\n");
    cr_assert(!strncmp(csv, want, strlen(want)), "header: %.300s", csv);
    cr_assert(!strncmp(want, "pmid,year,journal,title,design,level,n_total,n_metric,arm_ns,"
                       "rate_metric,rate_pct,rate_k,rate_n,rate_lo,rate_hi,effect_metric,"
                       "effect,effect_lo,effect_hi,effect_p,effect_p_op,rates,effects,rules,"
                       "primary_finding,regimen,follow_up,arms,doi,pmcid,first_author,authors,pub_types,secondary_analysis,protocol,"
                       "crossover,double_blind,placebo_controlled,open_label,registrations\r\n",
                       strlen(want)), "columns changed: %s", want);
    free(csv);
}

Test(studies, trial_row_main_values_and_quoting)
{
    uint64_t rows = 0;
    char *csv = export(LM_WHAT_STUDIES, LM_EXPORT_CSV, &rows);
    char line[2048];

    cr_assert_eq(rows, 3);
    cr_assert(line_of(csv, "91000001,", line, sizeof line), "%s", csv);
    cr_assert(!strncmp(line, "91000001,2021,\"Journal of Invented Trials, Series \"\"B\"\"\","
                       "\"Quovarin, a made-up tablet, versus placebo: a \"\"randomized\"\" "
                       "controlled trial.\",rct,L2,120,randomized,60;60,remission,50,30,60,", 180),
              "%s", line);
    cr_assert(strstr(line, ",or,3,1.38,6.5,0.005,=,"), "main effect with CI and p: %s", line);
    cr_assert(strstr(line, "\"remission 50% (30/60) [37.74, 62.26]; remission 25% (15/60) "
                           "[15.78, 37.23]\""), "rates list: %s", line);
    cr_assert(strstr(line, "n.randomized;design.rct;arm.paren;rate.kn_pct;effect.or"),
              "rules: %s", line);
    free(csv);
}

Test(studies, row_without_numbers_has_empty_cells)
{
    char *csv = export(LM_WHAT_STUDIES, LM_EXPORT_CSV, NULL);
    char line[1024];

    cr_assert(line_of(csv, "91000002,", line, sizeof line));
    cr_assert(strstr(line, ",case_report,L5,"), "%s", line);
    cr_assert(strstr(line, ",,,,,,,,,,,,,,"), "empty rate/effect cells: %s", line);
    free(csv);
}

Test(studies, jsonl_types)
{
    char *js = export(LM_WHAT_STUDIES, LM_EXPORT_JSONL, NULL);
    char line[2048];

    cr_assert(line_of(js, "{\"pmid\":\"91000003\"", line, sizeof line), "%s", js);
    cr_assert(strstr(line, "\"year\":2018"), "%s", line);
    cr_assert(strstr(line, "\"n_total\":40"), "%s", line);
    cr_assert(strstr(line, "\"rate_metric\":\"response\",\"rate_pct\":70,\"rate_k\":28,"
                           "\"rate_n\":40"), "%s", line);
    cr_assert(strstr(line, "\"effect\":null"), "%s", line);
    free(js);
}

Test(studies, deleted_articles_left_out)
{
    lm_record r;
    uint64_t rows = 0, xrows = 0, xrows2 = 0;
    char *out;

    out = export(LM_WHAT_EXTRACTIONS, LM_EXPORT_JSONL, &xrows);
    free(out);
    lm_record_init(&r);
    r.kind = LM_REC_DELETE;
    r.pmid = 91000001;
    cr_assert_eq(lm_corpus_begin(sc.c), LM_OK);
    cr_assert_eq(lm_corpus_put(sc.c, &r, NULL), LM_OK);
    cr_assert_eq(lm_corpus_commit(sc.c), LM_OK);
    lm_record_free(&r);
    out = export(LM_WHAT_STUDIES, LM_EXPORT_CSV, &rows);
    cr_assert_eq(rows, 2);
    cr_assert_null(strstr(out, "91000001"));
    free(out);
    out = export(LM_WHAT_EXTRACTIONS, LM_EXPORT_CSV, &xrows2);
    cr_assert(xrows2 > 0 && xrows2 < xrows, "%llu of %llu", (unsigned long long)xrows2,
              (unsigned long long)xrows);
    cr_assert_null(strstr(out, "91000001"));
    free(out);
}

Test(studies, extractions_match_the_extract_columns)
{
    uint64_t rows = 0;
    char *csv = export(LM_WHAT_EXTRACTIONS, LM_EXPORT_CSV, &rows);

    cr_assert(rows >= 10, "%llu rows", (unsigned long long)rows);
    {
        const char *hdr = "pmid,kind,value,lo,hi,k,n,metric,p,p_op,level,section,span_start,"
                          "span_end,text,rule,flags,outcome,intervention,comparator,dose,"
                          "frequency,duration,route,label,extractor_version\r\n";
        cr_assert(!strncmp(csv, hdr, strlen(hdr)), "%.200s", csv);
    }
    cr_assert(strstr(csv, "91000001,effect,3,1.38,6.5,,,or,0.005,=,,abstract,"), "%s", csv);
    free(csv);
}

Test(studies, articles_count)
{
    uint64_t rows = 0;
    char *csv = export(LM_WHAT_ARTICLES, LM_EXPORT_CSV, &rows);

    cr_assert_eq(rows, 3);
    free(csv);
}

Test(studies, names_and_bad_arguments)
{
    cr_assert_str_eq(lm_export_what_name(LM_WHAT_STUDIES), "studies");
    cr_assert_str_eq(lm_export_what_name(LM_WHAT_EXTRACTIONS), "extractions");
    cr_assert_str_eq(lm_export_what_name(LM_WHAT_ARTICLES), "articles");
    cr_assert_eq(lm_export(NULL, LM_WHAT_STUDIES, LM_EXPORT_CSV, stdout, NULL, msg, sizeof msg),
                 LM_ERR_USAGE);
}

Test(studies, write_failure_is_io)
{
    FILE *f = fopen("/dev/full", "w");
    lm_err rc;

    if (!f)
        cr_skip_test("no /dev/full");
    setvbuf(f, NULL, _IONBF, 0);
    rc = lm_export(sc.c, LM_WHAT_STUDIES, LM_EXPORT_CSV, f, NULL, msg, sizeof msg);
    fclose(f);
    cr_assert_eq(rc, LM_ERR_IO);
    cr_assert(strstr(msg, "export studies: write failed"), "%s", msg);
}
