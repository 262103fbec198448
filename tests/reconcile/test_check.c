/* reconcile: claims, sources, numbers and verdicts on the fictional fixture
 * corpus; reports (JSON contract, text, HTML); the empty-corpus warning; a
 * drug's arm against a trial's total, an outcome the study never names; a
 * long page (JIT-compiled rules); copies of a record. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include <litmine/litmine.h>
#include "reconcile/reconcile_int.h"

#define FX LM_FIXTURES "/reconcile/"

static char dir[512];
static char dbpath[600];

static void rmdb(void)
{
    char p[700];

    snprintf(p, sizeof p, "%s-wal", dbpath);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", dbpath);
    unlink(p);
    unlink(dbpath);
    rmdir(dir);
}

static lm_corpus *corpus_with(const char *xml)
{
    lm_corpus *c = NULL;
    lm_import_stats st;

    snprintf(dir, sizeof dir, "%s/rctestXXXXXX", LM_BINARY_DIR);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(dbpath, sizeof dbpath, "%s/c.db", dir);
    cr_assert_eq(lm_corpus_open(dbpath, 0, &c), LM_OK);
    if (xml)
        cr_assert_eq(lm_corpus_import(c, xml, &st), LM_OK, "%s", lm_corpus_errmsg(c));
    return c;
}

static void init(void) { cr_assert_eq(lm_global_init(), LM_OK); }
static void fini(void) { lm_global_cleanup(); }
TestSuite(reconcile_check, .init = init, .fini = fini);

static lm_report *check_file(lm_corpus *c, const char *path)
{
    lm_checker *k = NULL;
    lm_doc *d = NULL;
    lm_report *r = NULL;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK, "%s", lm_checker_errmsg(k));
    cr_assert_eq(lm_doc_load(path, &d), LM_OK, "%s", lm_doc_errmsg(d));
    cr_assert_eq(lm_check(k, d, &r), LM_OK, "%s", lm_checker_errmsg(k));
    lm_doc_free(d);
    lm_checker_close(k);
    return r;
}

static const cJSON *claim_at(const cJSON *root, int i)
{
    return cJSON_GetArrayItem(cJSON_GetObjectItem(root, "claims"), i);
}

static const char *str_of(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItem(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static int has_reason(const cJSON *claim, const char *needle)
{
    const cJSON *r;

    cJSON_ArrayForEach(r, cJSON_GetObjectItem(claim, "reasons"))
        if (strstr(str_of(r, "text"), needle))
            return 1;
    return 0;
}

/* 1 when a reason of @claim carries the rule code @code. */
static int has_code(const cJSON *claim, const char *code)
{
    const cJSON *r;

    cJSON_ArrayForEach(r, cJSON_GetObjectItem(claim, "reasons"))
        if (!strcmp(str_of(r, "code"), code))
            return 1;
    return 0;
}

Test(reconcile_check, one_claim_per_verdict)
{
    lm_corpus *c = corpus_with(FX "corpus.xml");
    lm_report *r = check_file(c, FX "article.txt");
    lm_buf js = {0};
    cJSON *root;
    static const struct { const char *verdict, *source, *level, *pmid; } want[] = {
        { "controlled", "study", "L2", "99100001" },
        { "uncontrolled", "study", "L4", "99100002" },
        { "contradicted", "study", "L2", "99100001" },
        { "anecdotal", "anecdote", "anecdote", NULL },
        { "anecdotal", "animal", "L5", "99100003" },
        { "not_found", "study", NULL, NULL },
    };
    size_t i;

    cr_assert_eq(lm_report_claims(r), 6);
    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    for (i = 0; i < 6; i++) {
        const cJSON *cl = claim_at(root, (int)i);
        const cJSON *m = cJSON_GetArrayItem(cJSON_GetObjectItem(cl, "matches"), 0);
        cr_assert_str_eq(str_of(cl, "verdict"), want[i].verdict, "claim %zu: %s", i + 1,
                         cJSON_PrintUnformatted(cl));
        cr_assert_str_eq(str_of(cl, "source"), want[i].source, "claim %zu", i + 1);
        if (want[i].level)
            cr_assert_str_eq(str_of(cl, "level"), want[i].level, "claim %zu", i + 1);
        else
            cr_assert(cJSON_IsNull(cJSON_GetObjectItem(cl, "level")), "claim %zu", i + 1);
        if (want[i].pmid)
            cr_assert_str_eq(str_of(m, "pmid"), want[i].pmid, "claim %zu", i + 1);
        cr_assert_gt(cJSON_GetArraySize(cJSON_GetObjectItem(cl, "reasons")), 0);
    }
    /* the reasons a person can defend */
    cr_assert(has_reason(claim_at(root, 1), "75% = 15/20, Wilson 95% CI 53-89%"));
    cr_assert(has_reason(claim_at(root, 1), "open-label"));
    cr_assert(has_reason(claim_at(root, 2), "-4.2"));
    cr_assert(has_reason(claim_at(root, 5), "Rovadimab"));
    /* and their rule codes */
    cr_assert(has_code(claim_at(root, 0), "design.controlled"));
    cr_assert(has_code(claim_at(root, 1), "numbers.wilson"));
    cr_assert(has_code(claim_at(root, 1), "design.uncontrolled"));
    cr_assert(has_code(claim_at(root, 3), "source.testimonial"));
    cr_assert(has_code(claim_at(root, 4), "design.l5"));
    cr_assert(has_code(claim_at(root, 5), "corpus.not_covered"));
    /* numbers of the first claim, and the summary */
    cr_assert_float_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(claim_at(root, 0), "numbers"),
                                           "n")->valuedouble, 120, 1e-9);
    cr_assert_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "summary"), "anecdotal")->valueint, 2);
    cr_assert_eq(lm_report_count(r, LM_VERDICT_CONTROLLED), 1);
    cr_assert_eq(lm_report_verdict(r, 5), LM_VERDICT_NOT_FOUND);
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, spans_point_at_the_claims)
{
    lm_corpus *c = corpus_with(FX "corpus.xml");
    lm_report *r = check_file(c, FX "article.txt");
    lm_buf js = {0};
    cJSON *root, *cl;

    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims")) {
        const cJSON *sp = cJSON_GetObjectItem(cl, "span");
        int a = cJSON_GetArrayItem(sp, 0)->valueint, b = cJSON_GetArrayItem(sp, 1)->valueint;
        const char *text = str_of(cl, "text");
        cr_assert_eq((size_t)(b - a), strlen(text));
        cr_assert_eq(strncmp(r->text + a, text, (size_t)(b - a)), 0);
    }
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, no_claims_is_an_empty_list_with_a_warning)
{
    lm_corpus *c = corpus_with(FX "corpus.xml");
    lm_report *r = check_file(c, FX "noclaims.txt");
    lm_buf js = {0};

    cr_assert_eq(lm_report_claims(r), 0);
    cr_assert_not_null(lm_report_warning(r, 0));
    cr_assert_not_null(strstr(lm_report_warning(r, 0), "no checkable claim"));
    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    cr_assert_not_null(strstr(js.s, "\"claims\":[]"), "%s", js.s);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, empty_corpus_makes_everything_not_found_and_warns)
{
    lm_corpus *c = corpus_with(NULL);
    lm_report *r = check_file(c, FX "article.txt");
    size_t i, n = lm_report_claims(r);
    int warned = 0;
    const char *w;

    cr_assert_gt(n, 0);
    for (i = 0; i < n; i++) {
        lm_verdict v = lm_report_verdict(r, i);
        /* a testimonial is an anecdote whatever the corpus holds */
        cr_assert(v == LM_VERDICT_NOT_FOUND || v == LM_VERDICT_ANECDOTAL, "claim %zu", i + 1);
    }
    for (i = 0; (w = lm_report_warning(r, i)); i++)
        warned |= strstr(w, "corpus is empty") != NULL;
    cr_assert(warned);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, text_and_html_reports)
{
    lm_corpus *c = corpus_with(FX "corpus.xml");
    lm_report *r = check_file(c, FX "article.txt");
    lm_buf t = {0}, tc = {0}, h = {0};

    cr_assert_eq(lm_report_text(r, 0, &t), LM_OK);
    cr_assert_null(strchr(t.s, '\033'), "colour without a TTY");
    cr_assert_not_null(strstr(t.s, "[3] contradicted"));
    cr_assert_eq(lm_report_text(r, 1, &tc), LM_OK);
    cr_assert_not_null(strchr(tc.s, '\033'));
    cr_assert_eq(lm_report_html(r, &h), LM_OK);
    cr_assert_not_null(strstr(h.s, "<!DOCTYPE html>"));
    cr_assert_not_null(strstr(h.s, "https://pubmed.ncbi.nlm.nih.gov/99100001/"));
    cr_assert_not_null(strstr(h.s, "&quot;My ringing stopped"), "quotes escaped");
    cr_assert_null(strstr(h.s, "<script"), "self-contained, no script");
    cr_assert_null(strstr(h.s, "src="), "no external asset");
    lm_buf_free(&t);
    lm_buf_free(&tc);
    lm_buf_free(&h);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, verdict_names_round_trip)
{
    int v;

    for (v = 0; v < LM_VERDICT_COUNT; v++) {
        const char *n = lm_verdict_name((lm_verdict)v);
        cr_assert_eq(lm_verdict_parse(n, strlen(n)), v);
    }
    cr_assert_eq(lm_verdict_parse("maybe", 5), -1);
    cr_assert_str_eq(lm_claim_source_name(LM_SOURCE_ANIMAL), "animal");
}

Test(reconcile_check, checker_without_corpus_is_a_usage_error)
{
    lm_checker *k = NULL;

    cr_assert_eq(lm_checker_open(NULL, &k), LM_ERR_USAGE);
    cr_assert_not_null(strstr(lm_checker_errmsg(k), "corpus"));
    lm_checker_close(k);
}

/* Does rc_numbers read a number of KIND and value V in S? */
static int reads_number(lm_checker *k, const char *s, enum rc_num_kind kind, double v)
{
    struct rc_nums ns = { 0 };
    int found = 0;
    size_t j;

    cr_assert_eq(rc_numbers(k->nums, s, 0, strlen(s), &ns), LM_OK);
    for (j = 0; j < ns.n; j++)
        if (ns.v[j].kind == kind && fabs(ns.v[j].v - v) < 1e-9)
            found = 1;
    rc_nums_free(&ns);
    return found;
}

/* "by N%" after a reduction verb is a reduction however the line was
 * wrapped (a line break and the next line's indent before the number). */
Test(reconcile_check, reduction_by_survives_a_line_break)
{
    static const struct { const char *s; double v; } t[] = {
        { "Zelvorin cut dizzy spells by 37% in the trial.", 0.37 },
        { "Zelvorin cut dizzy spells by\n   37% in the trial.", 0.37 },
        { "Zelvorin cut dizzy spells BY  37% in the trial.", 0.37 },
        { "Zelvorin raised alertness by\n37% in the trial.", -0.37 },
    };
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    size_t i;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert(reads_number(k, t[i].s, RC_REDUCTION, t[i].v), "%s", t[i].s);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

/* A fraction sizing each person's change is a responder threshold, not a
 * result: no number is read from it; a share of people or a reduction by
 * a fraction still is. */
Test(reconcile_check, fraction_thresholds_are_not_results)
{
    static const struct { const char *s; enum rc_num_kind kind; double v; int want; } t[] = {
        { "Some 38% on zelvorin saw their dizzy spells cut at least in half.", RC_REDUCTION, 0.5, 0 },
        { "Some 38% on zelvorin saw their dizzy spells cut at least in half.", RC_RATE, 0.38, 1 },
        { "In 31% of users the spells were at least halved.", RC_REDUCTION, 0.5, 0 },
        { "A third of users had their spells halved or more.", RC_REDUCTION, 0.5, 0 },
        { "Spells fell by at least half in 29 of 70 users.", RC_REDUCTION, 0.5, 0 },
        { "In 27% of users zelvorin cut their spells in half.", RC_REDUCTION, 0.5, 0 },
        { "Zelvorin cut dizzy spells in half.", RC_REDUCTION, 0.5, 1 },
        { "Zelvorin halved dizzy spells in the trial.", RC_REDUCTION, 0.5, 1 },
        { "More than half of users improved on zelvorin.", RC_RATE, 0.5, 1 },
    };
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    size_t i;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert_eq(reads_number(k, t[i].s, t[i].kind, t[i].v), t[i].want, "%s", t[i].s);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

/* How common a condition is ("affects one in nine adults", "8% of people
 * worldwide", "a prevalence of 11%") is marked as a prevalence, never a
 * trial's outcome rate; an outcome rate is not. */
Test(reconcile_check, prevalence_rates_are_their_own_quantity)
{
    static const struct { const char *s; int prevalence; } t[] = {
        { "Tinnitus affects roughly one in nine adults.", 1 },
        { "Some 8% of people worldwide have tinnitus.", 1 },
        { "The survey found a prevalence of 11% among farmers.", 1 },
        { "Dizziness was reported by 12% on zelvorin.", 0 },
        { "One in nine patients on zelvorin stopped early.", 0 },
    };
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    size_t i, j;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct rc_nums ns = { 0 };
        int rates = 0, prev = 0;
        cr_assert_eq(rc_numbers(k->nums, t[i].s, 0, strlen(t[i].s), &ns), LM_OK);
        for (j = 0; j < ns.n; j++)
            if (ns.v[j].kind == RC_RATE) {
                rates++;
                prev |= !strcmp(ns.v[j].what, "prevalence");
            }
        cr_assert_eq(rates, 1, "%s", t[i].s);
        cr_assert_eq(prev, t[i].prevalence, "%s", t[i].s);
        rc_nums_free(&ns);
    }
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, claim_numbers_use_the_extractor_forms)
{
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    struct rc_nums ns = { 0 };
    const char *s = "Four in five patients (n = 233) took two 25 mg doses for six weeks; "
                    "deaths fell by a third, d = 1.74, HR 0.67 versus 0.75, 5,000-fold, "
                    "p < .001, 24 RCTs, 3 mmHg.";
    size_t i;
    int seen[RC_NUM_KINDS] = { 0 };

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    cr_assert_eq(rc_numbers(k->nums, s, 0, strlen(s), &ns), LM_OK);
    for (i = 0; i < ns.n; i++) {
        const struct rc_num *x = &ns.v[i];
        seen[x->kind]++;
        if (x->kind == RC_RATE)
            cr_assert_float_eq(x->v, 0.8, 1e-9);
        if (x->kind == RC_DOSE)
            cr_assert(x->v == 25 && !strcmp(x->unit, "mg"));
        if (x->kind == RC_DOSES)
            cr_assert_float_eq(x->v, 2, 1e-9);
        if (x->kind == RC_DURATION)
            cr_assert_float_eq(x->v, 42, 1e-9);
        if (x->kind == RC_REDUCTION)
            cr_assert_float_eq(x->v, 1.0 / 3, 1e-9);
        if (x->kind == RC_COUNT)
            cr_assert_float_eq(x->v, 24, 1e-9);
    }
    cr_assert_eq(seen[RC_RATE], 1);
    cr_assert_geq(seen[RC_N], 1);
    cr_assert_eq(seen[RC_EFFECT], 3, "d, HR and the chained 0.75");
    cr_assert_eq(seen[RC_FOLD], 1);
    cr_assert_eq(seen[RC_P], 1);
    cr_assert_eq(seen[RC_CHANGE], 1);
    rc_nums_free(&ns);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, the_part_of_a_group_followed_on_is_a_count)
{
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    struct rc_nums ns = { 0 };
    const char *s = "Sadly only 58 of the original 412 came back for the last visit.";
    size_t i;
    int found = 0;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    cr_assert_eq(rc_numbers(k->nums, s, 0, strlen(s), &ns), LM_OK);
    for (i = 0; i < ns.n; i++)
        if (ns.v[i].kind == RC_N && ns.v[i].v == 58)
            found = 1;
    cr_assert(found, "58 of the original 412 is a count of people");
    rc_nums_free(&ns);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

/* "15 or 30 mg/kg": the first number takes the unit of the second; an
 * energy dose is a dose. */
Test(reconcile_check, a_dose_chained_to_the_next_takes_its_unit)
{
    static const struct { double v; const char *unit; } want[] = {
        { 15, "mg/kg" }, { 30, "mg/kg" }, { 4, "mg" }, { 8, "mg" }, { 9, "kcal/kg" }
    };
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    struct rc_nums ns = { 0 };
    const char *s = "Children got 15 or 30 mg/kg of zentrofen; adults took 4 and 8 mg; "
                    "walkers burnt 9 kcal per kilogram a week.";
    size_t i, j, doses = 0;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    cr_assert_eq(rc_numbers(k->nums, s, 0, strlen(s), &ns), LM_OK);
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        int found = 0;
        for (j = 0; j < ns.n; j++)
            found |= ns.v[j].kind == RC_DOSE && ns.v[j].v == want[i].v
                     && !strcmp(ns.v[j].unit, want[i].unit);
        cr_assert(found, "%g %s", want[i].v, want[i].unit);
    }
    for (j = 0; j < ns.n; j++)
        doses += ns.v[j].kind == RC_DOSE;
    cr_assert_eq(doses, 5);
    rc_nums_free(&ns);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, an_acronym_is_spelt_out_by_one_word)
{
    static const struct { const char *text, *acr; int want; } t[] = {
        { "Trials of zentrofenil in adults.", "zfl", 1 },
        { "Trials of zentrofenil in adults.", "zfq", 0 },   /* a letter it lacks */
        { "Trials of zen trofenil in adults.", "ztl", 0 },  /* two words */
        { "Trials of zentro in adults.", "ztr", 0 },        /* too short to spell it */
        { "Trials of Zentrofenil.", "zrn", 1 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert_eq(rc_spells_out(t[i].text, t[i].acr), t[i].want, "%s / %s", t[i].text, t[i].acr);
}

Test(reconcile_check, sources_of_claims)
{
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    static const struct { const char *s; lm_claim_source src; } cases[] = {
        { "I took it and felt better within a day.", LM_SOURCE_ANECDOTE },
        { "Took 12 mg and was fine in two days.", LM_SOURCE_ANECDOTE },
        { "Customers tell us they never get colds.", LM_SOURCE_ANECDOTE },
        { "Rats given the drug lived longer.", LM_SOURCE_ANIMAL },
        { "It killed the virus in cells grown in a dish.", LM_SOURCE_ANIMAL },
        { "A case report described one patient who relapsed.", LM_SOURCE_CASE },
        { "Experts say the drug works.", LM_SOURCE_OPINION },
        { "A trial of 200 adults found a 30% response.", LM_SOURCE_STUDY },
    };
    size_t i;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned f = rc_flags(k->rules, cases[i].s, 0, strlen(cases[i].s));
        cr_assert_eq(rc_classify(f), cases[i].src, "%s", cases[i].s);
    }
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, given_to_everyone_randomised_and_an_unreported_outcome)
{
    lm_corpus *c = corpus_with(FX "arms.xml");
    lm_report *r = check_file(c, FX "arms.txt");
    lm_buf js = {0};
    cJSON *root;

    cr_assert_eq(lm_report_claims(r), 2);
    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    /* 900 were randomised to three arms; 150 got the drug */
    cr_assert_str_eq(str_of(claim_at(root, 0), "verdict"), "contradicted", "%s", js.s);
    cr_assert(has_reason(claim_at(root, 0), "the velostat group had 150"), "%s", js.s);
    /* the trial's relative risk is about the outcome's days, not its chronic form */
    cr_assert_str_eq(str_of(claim_at(root, 1), "verdict"), "not_found", "%s", js.s);
    cr_assert(has_reason(claim_at(root, 1), "\"chronic\""), "%s", js.s);
    cr_assert(has_reason(claim_at(root, 1), "99200001"), "%s", js.s);
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, a_long_page_gives_the_same_verdicts)
{
    lm_corpus *c = corpus_with(FX "corpus.xml");
    lm_report *small = check_file(c, FX "article.txt"), *big;
    char path[700];
    FILE *in, *out;
    char buf[4096];
    size_t n, i;

    /* the fixture article, then 200 KB of text without a claim: past the
     * size where the checker JIT-compiles the extractor rules */
    snprintf(path, sizeof path, "%s/long.txt", dir);
    cr_assert_not_null(in = fopen(FX "article.txt", "rb"));
    cr_assert_not_null(out = fopen(path, "wb"));
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        cr_assert_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    for (i = 0; i < 5000; i++)
        fputs("\nThe weather was mild and the garden looked tidy all week long.", out);
    fputc('\n', out);
    cr_assert_eq(fclose(out), 0);
    big = check_file(c, path);
    cr_assert_eq(lm_report_claims(big), lm_report_claims(small));
    for (i = 0; i < lm_report_claims(small); i++)
        cr_assert_eq(lm_report_verdict(big, i), lm_report_verdict(small, i), "claim %zu", i + 1);
    unlink(path);
    lm_report_free(small);
    lm_report_free(big);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, copies_of_a_record_count_once)
{
    struct rc_doc a = {0}, b = {0}, other = {0};
    struct rc_doc *seen[2] = { &a, &other };

    a.title = b.title = "Drug X for condition Y.";
    a.abstract = b.abstract = "We randomised 40 adults.";
    other.title = "Drug X for condition Z.";
    other.abstract = "We randomised 40 adults.";
    cr_assert(rc_doc_dup(NULL, &b, seen, 2));           /* same title and abstract */
    cr_assert(!rc_doc_dup(NULL, &a, seen, 1));          /* itself is no copy */
    cr_assert(!rc_doc_dup(NULL, &other, seen, 1));      /* another title */
}

/* A topic corpus (every record names the drug and the condition): the
 * design a claim states picks the record, however many other records of
 * the topic come first, and animal work is never matched to a case report
 * in a person. */
Test(reconcile_check, stated_design_chooses_among_the_topic)
{
    lm_corpus *c = corpus_with(FX "topic_corpus.xml");
    lm_report *r = check_file(c, FX "topic_article.txt");
    lm_buf js = {0};
    cJSON *root;
    const cJSON *m;

    cr_assert_eq(lm_report_claims(r), 3);
    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    cr_assert_not_null(root = cJSON_Parse(js.s));
    cr_assert_str_eq(str_of(claim_at(root, 0), "verdict"), "controlled", "%s", js.s);
    m = cJSON_GetArrayItem(cJSON_GetObjectItem(claim_at(root, 0), "matches"), 0);
    cr_assert_str_eq(str_of(m, "pmid"), "99200006");
    cr_assert(has_reason(claim_at(root, 0), "15 studies matches PMID 99200006"));
    cr_assert_str_eq(str_of(claim_at(root, 1), "verdict"), "contradicted", "%s", js.s);
    cr_assert(has_reason(claim_at(root, 1), "standardized mean difference 0.41"),
              "the metric's name is cut: %s", js.s);
    cr_assert_str_eq(str_of(claim_at(root, 2), "verdict"), "anecdotal");
    cr_assert_str_eq(str_of(claim_at(root, 2), "source"), "animal");
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(claim_at(root, 2), "matches")), 0,
                 "animal work matched to a record in people: %s", js.s);
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, text_report_strips_terminal_controls)
{
    static const char art[] =
        "In a randomized trial of 120 adults, 50% responded to zentrofen \x1b]0;owned\x07\x1b[2J"
        "within 8 weeks.\n\nZentrofen\xc2\x9b" "31m cut ringing in 15 of 20 patients.\n";
    lm_corpus *c = corpus_with(FX "corpus.xml");
    lm_checker *k = NULL;
    lm_doc *d = NULL;
    lm_report *r = NULL;
    lm_buf t = {0};
    size_t i;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    cr_assert_eq(lm_doc_from_mem("bad\x1b[31mname.txt", art, sizeof art - 1, 0, &d), LM_OK);
    cr_assert_eq(lm_check(k, d, &r), LM_OK);
    cr_assert_gt(lm_report_claims(r), 0);
    cr_assert_eq(lm_report_text(r, 0, &t), LM_OK);
    for (i = 0; i < t.len; i++) {
        unsigned char ch = (unsigned char)t.s[i];
        cr_assert(ch >= 0x20 || ch == '\n', "control byte 0x%02x at %zu: %s", ch, i, t.s);
        cr_assert(ch != 0x7f);
        cr_assert(!(ch == 0xc2 && (unsigned char)t.s[i + 1] >= 0x80
                    && (unsigned char)t.s[i + 1] <= 0x9f), "C1 control at %zu", i);
    }
    cr_assert_not_null(strstr(t.s, "zentrofen ]0;owned[2Jwithin"), "%s", t.s);
    lm_buf_free(&t);
    lm_report_free(r);
    lm_doc_free(d);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

Test(reconcile_check, bounded_search_stays_inside_its_span)
{
    static const char s[] = "we GAVE it | and then gave more";

    cr_assert_eq(rc_find_ci(s, 8, "gave "), s + 3);
    cr_assert_null(rc_find_ci(s, 7, "gave "), "needle crosses the end of the span");
    cr_assert_eq(rc_find_ci(s + 10, sizeof s - 11, "gave"), s + 22);
    cr_assert_null(rc_find_ci(s, 2, "gave"));
}

/* The details a study mention gives pick its record: each row of the
 * mention table (sample size, exact or about; year; venue words; design;
 * a later analysis of a trial; animal work) on invented records. */
Test(reconcile_check, mention_details_pick_the_record)
{
    static const char text[] = "The Zorvex trial of 1,480 adults appeared in the Annals of "
                               "Imaginary Medicine in 2011.";
    static struct rc_num n1480 = { .kind = RC_N, .v = 1480 }, n1461 = { .kind = RC_N, .v = 1461 };
    static const struct {
        long n;
        int year;
        const char *venue, *design, *title, *journal, *level;
        int yr;
        struct rc_num *num;
        unsigned aflags;
        int sign;               /* +1 the fit is positive, -1 negative, 0 none */
        const char *why;        /* a why line it records, or NULL */
    } rows[] = {
        { 1480, 0, "", "", "Zorvex in adults.", "", "L2", 0, &n1480, 0, 1, "n=1480 matches" },
        { 1500, 0, "", "", "Zorvex in adults.", "", "L2", 0, &n1461, 0, 1, "n=1500 is about 1461" },
        { 1480, 0, "", "", "Zorvex in adults.", "", "L2", 0, &n1461, 0, 0, NULL },
        { 0, 2011, "", "", "Zorvex in adults.", "", "L2", 2011, NULL, 0, 1, "year 2011 matches" },
        { 0, 2011, "", "", "Zorvex in adults.", "", "L2", 2004, NULL, 0, 0, NULL },
        { 0, 0, "Annals of Imaginary Medicine", "", "Zorvex in adults.",
          "Annals of imaginary medicine", "L2", 0, NULL, 0, 1, "venue" },
        { 0, 0, "Annals of Imaginary Medicine", "", "Zorvex in adults.",
          "Journal of pretend surgery", "L2", 0, NULL, 0, 0, NULL },
        { 0, 0, "", "meta-analysis", "Zorvex: a review.", "", "L1", 0, NULL, 0, 1, "named design" },
        { 0, 0, "", "meta-analysis", "Zorvex in adults.", "", "L2", 0, NULL, 0, -1, NULL },
        { 1480, 0, "", "", "Zorvex withdrawal: the trial extension.", "", "L2", 0, &n1480, 0, 1, NULL },
        { 0, 0, "", "", "Zorvex withdrawal: the trial extension.", "", "L2", 0, NULL, 0, -1, NULL },
        { 0, 0, "", "", "Zorvex in mice.", "", "L5", 0, NULL, RC_A_ANIMAL, -1, NULL },
    };
    size_t i, j;

    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        struct rc_mention m = { .start = 0, .end = sizeof text - 1 };
        struct rc_doc d = {0};
        double fit;
        int found = 0;
        m.n = rows[i].n;
        m.year = rows[i].year;
        snprintf(m.venue, sizeof m.venue, "%s", rows[i].venue);
        snprintf(m.design, sizeof m.design, "%s", rows[i].design);
        d.title = (char *)rows[i].title;
        d.journal = (char *)rows[i].journal;
        d.pub_types = "";
        d.year = rows[i].yr;
        snprintf(d.level, sizeof d.level, "%s", rows[i].level);
        d.aflags = rows[i].aflags;
        d.nums.v = rows[i].num;
        d.nums.n = rows[i].num != NULL;
        fit = rc_mention_fit(&m, text, &d, 1);
        cr_assert(rows[i].sign > 0 ? fit > 0 : rows[i].sign < 0 ? fit < 0 : fit == 0,
                  "row %zu: fit %.2f", i, fit);
        for (j = 0; j < m.nwhy; j++)
            found |= rows[i].why && strstr(m.why[j], rows[i].why) != NULL;
        cr_assert(!rows[i].why || found, "row %zu: no why line '%s'", i, rows[i].why);
    }
}

/* A topic acronym's spelt-out word, as a record introduces it ("zorvantide
 * (ZVT)"), joins the topic's search term. */
Test(reconcile_check, a_topic_acronym_takes_the_word_it_stands_for)
{
    static const struct { const char *text, *acr, *want; } rows[] = {
        { "Oral zorvantide (ZVT) cut flares.", "zvt", "zorvantide" },
        { "Oral zorvantide(ZVT) cut flares.", "zvt", "zorvantide" },
        { "Oral zorvantide (ZVT cut flares.", "zvt", NULL },       /* no closing bracket */
        { "Oral tablets (ZVT) cut flares.", "zvt", NULL },         /* does not spell it */
        { "Oral zorvantide (QRS) cut flares.", "zvt", NULL },      /* another acronym */
    };
    struct rc_topic t = { .n = 2 };
    char out[32], term[96];
    size_t i;

    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        int got = rc_acronym_word(rows[i].text, rows[i].acr, out, sizeof out);
        cr_assert_eq(got, rows[i].want != NULL, "row %zu", i);
        if (got)
            cr_assert_str_eq(out, rows[i].want, "row %zu", i);
    }
    strcpy(t.words[0], "zvt");
    strcpy(t.alias[0], "zorvantide");
    strcpy(t.words[1], "flare");
    rc_topic_term(&t, 0, term, sizeof term);
    cr_assert_str_eq(term, "(\"zvt\"* OR \"zorvantide\"*)");
    rc_topic_term(&t, 1, term, sizeof term);
    cr_assert_str_eq(term, "\"flare\"*");
}

/* Losing (weight, fat, inches) is an effect word; lost to follow-up is not. */
Test(reconcile_check, losing_is_an_effect_word)
{
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    static const struct { const char *s; int efficacy; } cases[] = {
        { "Zorvex made them lose a lot of glimmer mass.", 1 },
        { "Adults on Zorvex lost 9 kg.", 1 },
        { "Users shed a fifth of their glimmer mass.", 1 },
        { "Nine adults were lost to follow-up.", 0 },
        { "The trial enrolled 90 adults.", 0 },
    };
    size_t i;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned f = rc_flags(k->rules, cases[i].s, 0, strlen(cases[i].s));
        cr_assert_eq((f & RC_F_EFFICACY) != 0, cases[i].efficacy, "%s", cases[i].s);
    }
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

/* A study mention is resolved by its sample size, not by the record that
 * shares most of its words: studies[].pmid, why and the claim's match. */
Test(reconcile_check, a_mention_resolves_by_its_sample_size)
{
    lm_corpus *c = corpus_with(FX "mention_corpus.xml");
    lm_report *r = check_file(c, FX "mention_article.txt");
    lm_buf js = {0};
    cJSON *root;
    const cJSON *s1, *m;

    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    cr_assert_not_null(root = cJSON_Parse(js.s));
    s1 = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "studies"), 0);
    cr_assert_str_eq(str_of(s1, "pmid"), "99300301", "%s", js.s);
    cr_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(s1, "why"), 0)->valuestring,
                     "n=412 matches");
    m = cJSON_GetArrayItem(cJSON_GetObjectItem(claim_at(root, 0), "matches"), 0);
    cr_assert_str_eq(str_of(m, "pmid"), "99300301", "%s", js.s);
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

/* ---- verdict rows read from the study model (verdict_corpus.xml) ---------- */

/* The claim of @root whose text starts with @start, or NULL. */
static const cJSON *claim_text_starting(const cJSON *root, const char *start)
{
    const cJSON *c;

    cJSON_ArrayForEach(c, cJSON_GetObjectItem(root, "claims"))
        if (!strncmp(str_of(c, "text"), start, strlen(start)))
            return c;
    return NULL;
}

static cJSON *check_json(const char *corpus, const char *article)
{
    lm_corpus *c = corpus_with(corpus);
    lm_report *r = check_file(c, article);
    lm_buf js = {0};
    cJSON *root;

    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
    return root;
}

/* One row per rule (a fictional tablet, zorvane, and lozenge, quintorel):
 * the claim, its verdict, the code that must (or, with '!', must not) be
 * among its reasons, and the PMID of its first match. */
Test(reconcile_check, verdict_rows_on_the_study_model)
{
    static const struct {
        const char *article, *start, *verdict, *code, *pmid;
    } rows[] = {
        /* class 1: the finding's direction and an outcome term anchor it */
        { "verdict_article.txt", "Zorvane reduced the number of flare days", "controlled",
          "finding.agrees", "99600001" },
        /* the two arm figures agree with the record's ("fell by 3.4 days") */
        { "verdict_article.txt", "Flare days fell by 3.4 a week", "controlled", "numbers.agree",
          "99600001" },
        /* the year the claim gives the study is the record's: anchored */
        { "verdict_article.txt", "A 2020 study found zorvane", "controlled",
          "!support.unanchored", "99600001" },
        /* words no record holds do not make it uncovered when it tells the finding */
        { "verdict_article.txt", "Zorvane cut flare days in adults with stubborn", "controlled",
          "finding.agrees", "99600001" },
        /* a qualified harm ("serious") the trial's mild ones do not answer */
        { "verdict_article.txt", "Zorvane is completely free of serious", "not_found",
          "!safety.absence_refuted", NULL },
        /* the drug's and the condition's words alone anchor nothing */
        { "verdict_article.txt", "Zorvane helps vellitis", "not_found", "support.unanchored", NULL },
        /* class 2: "works for most" over a trial with 41% responders */
        { "verdict_article.txt", "We think zorvane works for most", "contradicted",
          "finding.few_respond", "99600001" },
        /* a professional's hedged view, quoted: no finding to check */
        { "verdict_article.txt", "\"Zorvane has the potential", "not_found",
          "claim.hedged_opinion", NULL },
        /* class 3: how often and how long, against the introduced trial */
        { "verdict_article.txt", "In the main randomised trial", "contradicted", "regimen.differs",
          "99600001" },
        /* rounding is no contradiction */
        { "verdict_article.txt", "Each took one tablet a day", "controlled", "!regimen.differs",
          "99600001" },
        /* class 4: the year of the study the claim speaks of */
        { "verdict_article.txt", "The randomised trial was published", "contradicted", "venue.year",
          "99600001" },
        /* class 3: a harm avoided "entirely" that the extension reports */
        { "verdict_article.txt", "Those who stayed on it", "contradicted", "safety.absence_refuted",
          "99600002" },
        /* class 5: first hand, yet a claim without exception the trial tests */
        { "verdict_article.txt", "I take zorvane", "contradicted", "safety.absence_refuted",
          "99600001" },
        /* ... but not what the speaker alone had */
        { "verdict_article.txt", "I had no side effects at all", "anecdotal", "source.testimonial",
          NULL },
        /* class 2: a null trial told as proof, its n agreeing */
        { "verdict_null_article.txt", "A major 2022 trial", "contradicted", "finding.null_primary",
          "99600003" },
        /* unanchored, but every controlled record on the topic found nothing */
        { "verdict_null_article.txt", "Quintorel has been shown to work", "contradicted",
          "finding.null_topic", "99600003" },
        /* a figure of an exploratory analysis, told as the trial's result */
        { "verdict_null_article.txt", "People on quintorel also had cough", "contradicted",
          "finding.exploratory", "99600003" },
        /* another year than the record's (the corpus keeps the year) */
        { "verdict_age_article.txt", "That trial was published in 2021", "contradicted",
          "venue.year", "99600001" },
        /* ages outside those the bound trial enrolled (18 to 65) */
        { "verdict_age_article.txt", "The 180 patients in that trial", "contradicted",
          "population.age_differs", "99600001" },
        { "verdict_age_article.txt", "The children in that trial", "contradicted",
          "population.age_differs", "99600001" },
        /* one trial's figure with the other trial's people: merged */
        { "verdict_age_article.txt", "Across both trials", "contradicted", "study.merged",
          "99600001" },
        /* its own n says it is the other trial, not the one named before */
        { "verdict_age_article.txt", "The trial of 120 older adults", "controlled",
          "!regimen.differs", "99600007" },
    };
    cJSON *roots[3] = { check_json(FX "verdict_corpus.xml", FX "verdict_article.txt"),
                        check_json(FX "verdict_corpus.xml", FX "verdict_null_article.txt"),
                        check_json(FX "verdict_age_corpus.xml", FX "verdict_age_article.txt") };
    size_t i;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const cJSON *root = roots[strstr(rows[i].article, "null") ? 1
                                  : strstr(rows[i].article, "age") ? 2 : 0];
        const cJSON *cl = claim_text_starting(root, rows[i].start);
        const cJSON *m;
        char *s;
        int neg = rows[i].code[0] == '!';

        cr_assert_not_null(cl, "no claim starts with '%s'", rows[i].start);
        s = cJSON_PrintUnformatted(cl);
        cr_assert_str_eq(str_of(cl, "verdict"), rows[i].verdict, "%s", s);
        cr_assert(has_code(cl, rows[i].code + neg) != neg, "code %s: %s", rows[i].code, s);
        m = cJSON_GetArrayItem(cJSON_GetObjectItem(cl, "matches"), 0);
        if (rows[i].pmid)
            cr_assert_str_eq(str_of(m, "pmid"), rows[i].pmid, "%s", s);
        else
            cr_assert_null(m, "%s", s);
        free(s);
    }
    for (i = 0; i < 3; i++)
        cJSON_Delete(roots[i]);
}

/* A count of days that changed ("fell by 3.4 days", "a difference of -2.3
 * days", "... and 1.1 days on placebo" after a verb of change) is a
 * change; a course or a follow-up in days stays a duration. */
Test(reconcile_check, days_that_changed_are_a_change)
{
    static const struct { const char *s; enum rc_num_kind kind; double v; } t[] = {
        { "Weekly flare days fell by 3.4 days with zorvane.", RC_CHANGE, 3.4 },
        { "The difference was -2.3 days (95% CI -3.1 to -1.5).", RC_CHANGE, -2.3 },
        { "Flare days dropped by 3.4 days, against 1.1 days on placebo.", RC_CHANGE, 1.1 },
        { "Zorvane shortened fever by 2 days.", RC_CHANGE, 2 },
        { "Adults took zorvane for 14 days.", RC_DURATION, 14 },
        { "Median time to resolution was 3.9 days with quintorel.", RC_DURATION, 3.9 },
    };
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    size_t i;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert(reads_number(k, t[i].s, t[i].kind, t[i].v), "%s", t[i].s);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

/* "every N weeks" says how often a dose is given, not how long anything
 * lasted: no duration is read from it, while the course beside it is. */
Test(reconcile_check, an_interval_is_not_a_duration)
{
    static const struct { const char *s; double days; int duration; } t[] = {
        { "Zorvane 90 mg was injected every 3 weeks.", 21, 0 },
        { "Quintorel was given each 2 months by infusion.", 60.8, 0 },
        { "Zorvane 90 mg every 3 weeks for 15 weeks.", 105, 1 },
        { "Zorvane 90 mg every 3 weeks for 15 weeks.", 21, 0 },
        { "Adults took zorvane for 5 weeks.", 35, 1 },
    };
    lm_corpus *c = corpus_with(NULL);
    lm_checker *k = NULL;
    size_t i;

    cr_assert_eq(lm_checker_open(c, &k), LM_OK);
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert_eq(reads_number(k, t[i].s, RC_DURATION, t[i].days), t[i].duration, "%s", t[i].s);
    lm_checker_close(k);
    lm_corpus_close(c);
    rmdb();
}

/* Claim detection and source reading on an invented page (velmorant, the
 * fixture corpus's drug): quoted reviews, short praise in a post, relayed
 * speech, a vignette, a tag question, background facts, a hedge and an
 * expert's quote are claims with their source and kind; a product title,
 * meta lines, a usage instruction, the poster's history, a bare
 * attribution and advice are not. */
Test(reconcile_check, claims_detected_with_their_source)
{
    static const struct { const char *start, *source, *kind; } want[] = {
        { "Vertigo is the most common", "study", "background" },
        { "The maker says it has applied", "study", "background" },
        { "Velmorant might help some people", "study", NULL },
        /* an effect said of "it" in an article with a topic is the topic's */
        { "It also eased nausea", "study", NULL },
        { "\"My dizzy spells stopped in a week!\"", "anecdote", NULL },
        { "\"Finally something that works. I can walk again.\"", "anecdote", NULL },
        { "Been on velmorant a month", "anecdote", NULL },
        { "It's a miracle drug.", "anecdote", NULL },
        { "My sister takes it", "anecdote", NULL },
        { "She walks to the shops", "anecdote", NULL },
        { "Velmorant also works for motion sickness, right?", NULL, NULL },
        { "Hana, 47, had dizzy spells", "anecdote", NULL },
        { "\"Within a fortnight I was back", "anecdote", NULL },
        { "\"Velmorant could change", "opinion", NULL },
    };
    static const char *const never[] = {
        "Velmorant Calm Drops", "Readers keep asking", "Here is what", "Place three drops",
        "I've had vertigo", "My GP mentioned", "My neighbour said so", "Until larger trials",
        "Posted by", "Reply from",
    };
    lm_corpus *c = corpus_with(FX "rules_corpus.xml");
    lm_report *r = check_file(c, FX "detect_article.txt");
    lm_buf js = {0};
    cJSON *root;
    const cJSON *cl;
    size_t i;

    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cJSON *hit = NULL;
        cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims"))
            if (!hit && !strncmp(str_of(cl, "text"), want[i].start, strlen(want[i].start)))
                hit = cl;
        cr_assert_not_null(hit, "no claim starts with %s", want[i].start);
        if (want[i].source)
            cr_assert_str_eq(str_of(hit, "source"), want[i].source, "%s", want[i].start);
        if (want[i].kind)
            cr_assert_str_eq(str_of(hit, "kind"), want[i].kind, "%s", want[i].start);
        /* a review's speaker is no part of its words */
        cr_assert_null(strstr(str_of(hit, "text"), "stars"), "%s", str_of(hit, "text"));
    }
    cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims"))
        for (i = 0; i < sizeof never / sizeof never[0]; i++)
            cr_assert(strncmp(str_of(cl, "text"), never[i], strlen(never[i])),
                      "not a claim: %s", str_of(cl, "text"));
    /* background, a hedge: never a problem */
    cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims"))
        if (!strncmp(str_of(cl, "text"), "Vertigo is", 10)
            || !strncmp(str_of(cl, "text"), "The maker says", 14))
            cr_assert_str_eq(str_of(cl, "verdict"), "not_found", "%s", str_of(cl, "text"));
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

/* A headline whose words its lead says again (in the same or other news
 * words: "cut" and "reduced", "trial" and "study") only announces the
 * lead's claim; a headline that says more than its lead is a claim. */
Test(reconcile_check, a_headline_that_repeats_its_lead_is_no_claim)
{
    lm_corpus *c = corpus_with(FX "rules_corpus.xml");
    lm_report *r = check_file(c, FX "headline_article.txt");
    lm_buf js = {0};
    cJSON *root;
    const cJSON *cl;
    int echoed = 0, lead = 0, beats = 0;

    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims")) {
        echoed |= !strncmp(str_of(cl, "text"), "Velmorant drops cut", 19);
        lead |= !strncmp(str_of(cl, "text"), "New velmorant drops reduced", 27);
        beats |= !strncmp(str_of(cl, "text"), "VELMORANT BEATS PLACEBO", 23);
    }
    cr_assert(!echoed && lead && beats, "echoed %d lead %d beats %d", echoed, lead, beats);
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

/* A forum thread (invented): a professional relayed is an opinion; praise
 * that opens a post, and what follows it in time, are the poster's story;
 * the first person of a post whose author line names a professional gives
 * an opinion, not a testimonial. */
Test(reconcile_check, forum_posts_by_patients_and_professionals)
{
    static const struct { const char *start, *source; } want[] = {
        { "My ENT told me velmorant works", "opinion" },
        { "Honestly it's the only thing", "anecdote" },
        { "Within three days the spinning stopped.", "anecdote" },
        { "I wouldn't call velmorant a miracle", "opinion" },
        /* a role inside a user name is no credential */
        { "Took velmorant for a week", "anecdote" },
    };
    lm_corpus *c = corpus_with(FX "rules_corpus.xml");
    lm_report *r = check_file(c, FX "forum_pro_article.txt");
    lm_buf js = {0};
    cJSON *root;
    size_t i;

    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cJSON *cl, *hit = NULL;
        cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims"))
            if (!hit && !strncmp(str_of(cl, "text"), want[i].start, strlen(want[i].start)))
                hit = cl;
        cr_assert_not_null(hit, "no claim starts with %s", want[i].start);
        cr_assert_str_eq(str_of(hit, "source"), want[i].source, "%s", want[i].start);
    }
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

/* A reference list (under "References", or entries that start with an
 * author and carry a volume or a doi) is no claim; a claim that cites a
 * paper inline is one. */
Test(reconcile_check, reference_lists_are_no_claims)
{
    lm_corpus *c = corpus_with(FX "rules_corpus.xml");
    lm_report *r = check_file(c, FX "refs_article.txt");
    lm_buf js = {0};
    cJSON *root;
    const cJSON *cl;
    int inline_claim = 0;

    cr_assert_eq(lm_report_json(r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims")) {
        const char *t = str_of(cl, "text");
        if (!strncmp(t, "Velmorant reduced dizziness scores", 34))
            inline_claim = 1;
        else
            cr_assert_fail("not a claim: %s", t);
    }
    cr_assert(inline_claim);
    cJSON_Delete(root);
    lm_buf_free(&js);
    lm_report_free(r);
    lm_corpus_close(c);
    rmdb();
}

/* Detection beyond cue words (detect2_article.txt, invented, with
 * rules_corpus.xml): items under a heading that names the product are
 * claims about it, three words being enough; a case from the writer's own
 * clinic and its continuation are stories; "it works for me" in a member's
 * post and a lower-case post line under "Replying to" are testimonials;
 * a subjectless claim and a promise made of the product are claims; a
 * meta line, the page speaking of itself, advice and a quality said in
 * passing are not. */
Test(reconcile_check, detection_of_items_stories_and_posts)
{
    static const struct { const char *start, *source; } want[] = {
        { "Improves balance overnight", NULL },
        { "Benefits persist 9 weeks", NULL },
        { "A 58-year-old baker came", "anecdote" },
        { "After her Velmorant course", "anecdote" },
        { "Well, it works for me.", "anecdote" },
        { "tried velmorant all winter", "anecdote" },
        { "Proven effective in adults", NULL },
        { "Velmorant is the natural choice", NULL },
        /* a professional's remark relayed, no outcome in it: hearsay */
        { "My physio said it's the best", "anecdote" },
    };
    static const char *const never[] = {
        "Posted in", "This post looks", "Pleasant mint", "If you are thinking", "Replying to",
        "Velmorant is cheap", "Velmorant 1% w/w",
    };
    cJSON *root = check_json(FX "rules_corpus.xml", FX "detect2_article.txt");
    const cJSON *cl;
    size_t i;

    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cJSON *hit = claim_text_starting(root, want[i].start);
        cr_assert_not_null(hit, "no claim starts with %s", want[i].start);
        if (want[i].source)
            cr_assert_str_eq(str_of(hit, "source"), want[i].source, "%s", want[i].start);
    }
    cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims"))
        for (i = 0; i < sizeof never / sizeof never[0]; i++)
            cr_assert(strncmp(str_of(cl, "text"), never[i], strlen(never[i])),
                      "not a claim: %s", str_of(cl, "text"));
    /* "For me" opening a claim about the drug is no story of the writer */
    cl = claim_text_starting(root, "For me the best part");
    cr_assert(!cl || strcmp(str_of(cl, "source"), "anecdote"), "read as a story");
    cJSON_Delete(root);
}

/* Verdict rows of the second round (fictional pelmoxin for draxitis,
 * quelbarin for morvosis; verdict2_corpus.xml): absences claimed without a
 * universal word ("no one had to stop", a bare "no side effects", "no
 * more ... than placebo") against a trial that reports harms in each arm;
 * a schedule other than the one the record writes with the claim's dose;
 * a faithful report of a null comparison (both arms' figures, or "not
 * clearly better than placebo") agrees with its record. */
Test(reconcile_check, verdict_rows_second_round)
{
    static const struct {
        int article;
        const char *start, *verdict, *code, *pmid;
    } rows[] = {
        { 0, "Side effects were mild, and no one", "contradicted", "safety.absence_refuted",
          "99700001" },
        { 0, "No side effects reported", "contradicted", "safety.absence_refuted", "99700001" },
        { 0, "Those on pelmoxin had no more", "contradicted", "safety.absence_refuted",
          "99700001" },
        /* twice a day against the "50 mg once daily" the record gives */
        { 0, "Adults in that trial took 50 mg", "contradicted", "regimen.differs", "99700001" },
        /* a cohort named in other words ("population study", users and
         * non-users), whose record reports the harm in a share of users */
        { 0, "On safety, a large population study", "uncontrolled", "!safety.unreported",
          "99700004" },
        /* a schedule inside an if-clause is a condition, not how it was
         * given (the verdict is not what this row tests) */
        { 0, "Dizziness is worse if it", NULL, "!regimen.differs", "99700001" },
        /* "they used it twice daily": the schedule of the article's own
         * product's trial, not of another product's (99700005, twice daily) */
        { 2, "Also in the study they used it", "contradicted", "regimen.differs", "99700001" },
        /* teenagers added to a trial of adults only */
        { 0, "The double-blind study enrolled 240", "contradicted", "population.differs",
          "99700001" },
        /* both arms' figures of the null comparison, nothing more */
        { 1, "Result: morvosis scores fell", "controlled", "finding.arms_told", "99700002" },
        /* the lower dose "not clearly better": the null result, told right */
        { 1, "The lower dose, 5 mg", "controlled", "!regimen.dose_failed", "99700003" },
        /* one trial's sample size ("200-patient") with the other's course */
        { 1, "In the 200-patient trial", "contradicted", "study.merged_details", "99700002" },
    };
    cJSON *roots[3] = { check_json(FX "verdict2_corpus.xml", FX "verdict2_harm_article.txt"),
                        check_json(FX "verdict2_corpus.xml", FX "verdict2_null_article.txt"),
                        check_json(FX "verdict2_corpus.xml", FX "verdict2_sched_article.txt") };
    size_t i;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const cJSON *cl = claim_text_starting(roots[rows[i].article], rows[i].start);
        const cJSON *m;
        char *s;
        int neg = rows[i].code[0] == '!';

        cr_assert_not_null(cl, "no claim starts with '%s'", rows[i].start);
        s = cJSON_PrintUnformatted(cl);
        if (rows[i].verdict)
            cr_assert_str_eq(str_of(cl, "verdict"), rows[i].verdict, "%s", s);
        cr_assert(has_code(cl, rows[i].code + neg) != neg, "code %s: %s", rows[i].code, s);
        m = cJSON_GetArrayItem(cJSON_GetObjectItem(cl, "matches"), 0);
        cr_assert_str_eq(str_of(m, "pmid"), rows[i].pmid, "%s", s);
        free(s);
    }
    for (i = 0; i < 3; i++)
        cJSON_Delete(roots[i]);
}

/* A record that says it had one arm and no control is uncontrolled,
 * whatever trial its conclusion calls for; one with a placebo, an
 * allocation or RCT indexing is not read so. */
Test(reconcile_check, single_arm_records_are_read_from_their_text)
{
    static const struct { const char *text, *pub; int single; } t[] = {
        { "In this single-arm study, 31 adults took zorvane. These findings justify a "
          "randomised trial.", "Clinical Trial", 1 },
        { "Quintorel was given to 18 patients; there was no control group.", "Journal Article", 1 },
        { "An uncontrolled pilot of zorvane in 12 adults.", "", 1 },
        { "Adults were randomly assigned to zorvane or placebo; the open-label extension was "
          "uncontrolled.", "Clinical Trial", 0 },
        { "A single-arm phase of zorvane.", "Randomized Controlled Trial", 0 },
        { "Zorvane versus placebo in 200 adults.", "Clinical Trial", 0 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert_eq(rc_single_arm_text(t[i].text, t[i].pub), t[i].single, "%s", t[i].text);
}

/* A rounded reduction ("by roughly 35%", "about a third": a reduction
 * with its rounding word after "by") agrees with the record's 31% within
 * its rounding; the same figure written exactly, or a rounded one far
 * off, does not. */
Test(reconcile_check, rounded_reductions_agree_within_their_rounding)
{
    static const struct { const char *art; const char *verdict; } t[] = {
        { "Solvimab cut tremor scores by roughly 35% in a randomized trial.\n", "controlled" },
        { "Solvimab cut tremor scores by about a third in a randomized trial.\n", "controlled" },
        { "Solvimab reduced tremor scores by about 35%.\n", "controlled" },
        { "Solvimab reduced tremor scores by 35%.\n", "contradicted" },
        { "Solvimab reduced tremor scores by about 60%.\n", "contradicted" },
    };
    lm_corpus *c = corpus_with(FX "waned_corpus.xml");
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        lm_checker *k = NULL;
        lm_doc *d = NULL;
        lm_report *r = NULL;
        lm_buf js = {0};
        cJSON *root;
        cr_assert_eq(lm_checker_open(c, &k), LM_OK);
        cr_assert_eq(lm_doc_from_mem("t.txt", t[i].art, strlen(t[i].art), 0, &d), LM_OK);
        cr_assert_eq(lm_check(k, d, &r), LM_OK);
        cr_assert_eq(lm_report_json(r, &js), LM_OK);
        root = cJSON_Parse(lm_buf_str(&js));
        cr_assert_not_null(claim_at(root, 0), "%s", t[i].art);
        cr_assert_str_eq(str_of(claim_at(root, 0), "verdict"), t[i].verdict, "%s: %s", t[i].art,
                         lm_buf_str(&js));
        cJSON_Delete(root);
        lm_buf_free(&js);
        lm_report_free(r);
        lm_doc_free(d);
        lm_checker_close(k);
    }
    lm_corpus_close(c);
    rmdb();
}

/* Sentence roles on an invented clinic page (detect5_article.txt): the
 * clinic speaking of its service, how-to steps, a poster's own advice, the
 * shop's terms and legal small print are no claims; a figure set against
 * another, arms that did not differ, what cells showed, an outside expert's
 * word on the results, an executive's belief and a study's finding of
 * "the drops" (the topic told by its kind) are; a relative's use is a
 * story, not hearsay; a study a poster relays before their own advice is
 * the study's claim. */
Test(reconcile_check, sentence_roles_of_a_clinic_page)
{
    static const struct { const char *start, *source; } want[] = {
        { "Spinning spells fell by 9", "study" },
        { "Falls were similar in the two groups", "study" },
        { "Cell studies suggest", "animal" },
        { "Dr. Ana Quill", "opinion" },
        { "\"We believe velmorant", "opinion" },
        { "My brother took it", "anecdote" },
        { "A big trial showed", "study" },
        { "My aunt swears by", "anecdote" },
        /* the topic told again by its kind: "the drops" */
        { "Patients using the drops", "study" },
        { "Been on it 6 weeks", "anecdote" },
    };
    static const char *const never[] = {
        "Dizziness is one of the most", "A short assessment", "Tilt your head", "Wait two minutes",
        "Don't put up", "Unopened packs", "This note contains", "\"The bottle is easy",
        "A second velmorant trial",
    };
    cJSON *root = check_json(FX "rules_corpus.xml", FX "detect5_article.txt");
    const cJSON *cl;
    size_t i;

    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cJSON *hit = claim_text_starting(root, want[i].start);
        cr_assert_not_null(hit, "no claim starts with %s", want[i].start);
        cr_assert_str_eq(str_of(hit, "source"), want[i].source, "%s", want[i].start);
    }
    cJSON_ArrayForEach(cl, cJSON_GetObjectItem(root, "claims"))
        for (i = 0; i < sizeof never / sizeof never[0]; i++)
            cr_assert(strncmp(str_of(cl, "text"), never[i], strlen(never[i])),
                      "not a claim: %s", str_of(cl, "text"));
    cJSON_Delete(root);
}
