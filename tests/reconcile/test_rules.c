/* reconcile: the article model (kinds, mentions, binding) and the verdict
 * rules, one claim per rule code, on a fictional fixture (velmorant). */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <litmine/litmine.h>
#include "reconcile/reconcile_int.h"

#define FX LM_FIXTURES "/reconcile/"

static char dir[512];
static char dbpath[600];

static void init(void)
{
    cr_assert_eq(lm_global_init(), LM_OK);
    snprintf(dir, sizeof dir, "%s/rulesXXXXXX", LM_BINARY_DIR);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(dbpath, sizeof dbpath, "%s/r.db", dir);
}

static void fini(void)
{
    char p[700];
    static const char *const suf[] = { "", "-wal", "-shm", "-journal", ".lock" };
    size_t i;

    for (i = 0; i < sizeof suf / sizeof suf[0]; i++) {
        snprintf(p, sizeof p, "%s%s", dbpath, suf[i]);
        unlink(p);
    }
    rmdir(dir);
    lm_global_cleanup();
}
TestSuite(reconcile_rules, .init = init, .fini = fini);

/* A check of a fixture article against a fixture corpus, kept open. */
struct run {
    lm_corpus *c;
    lm_checker *k;
    lm_doc *d;
    lm_report *r;
};

static void run_open(struct run *x, const char *corpus, const char *article)
{
    lm_import_stats st;

    memset(x, 0, sizeof *x);
    cr_assert_eq(lm_corpus_open(dbpath, 0, &x->c), LM_OK);
    cr_assert_eq(lm_corpus_import(x->c, corpus, &st), LM_OK, "%s", lm_corpus_errmsg(x->c));
    cr_assert_eq(lm_checker_open(x->c, &x->k), LM_OK);
    cr_assert_eq(lm_doc_load(article, &x->d), LM_OK);
    cr_assert_eq(lm_check(x->k, x->d, &x->r), LM_OK, "%s", lm_checker_errmsg(x->k));
}

static void run_close(struct run *x)
{
    lm_report_free(x->r);
    lm_doc_free(x->d);
    lm_checker_close(x->k);
    lm_corpus_close(x->c);
}

/* The JSON report of the fixture article against the fixture corpus. */
static cJSON *check_pair(const char *corpus, const char *article)
{
    struct run x;
    lm_buf js = {0};
    cJSON *root;

    run_open(&x, corpus, article);
    cr_assert_eq(lm_report_json(x.r, &js), LM_OK);
    root = cJSON_Parse(js.s);
    cr_assert_not_null(root);
    lm_buf_free(&js);
    run_close(&x);
    return root;
}

static cJSON *check_fixture(void)
{
    return check_pair(FX "rules_corpus.xml", FX "rules_article.txt");
}

static const char *str_of(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItem(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

/* The claim whose text starts with @start. */
static const cJSON *claim_starting(const cJSON *root, const char *start)
{
    const cJSON *c;

    cJSON_ArrayForEach(c, cJSON_GetObjectItem(root, "claims"))
        if (!strncmp(str_of(c, "text"), start, strlen(start)))
            return c;
    cr_assert_fail("no claim starts with '%s'", start);
    return NULL;
}

static int has_code(const cJSON *claim, const char *code)
{
    const cJSON *r;

    cJSON_ArrayForEach(r, cJSON_GetObjectItem(claim, "reasons"))
        if (!strcmp(str_of(r, "code"), code))
            return 1;
    return 0;
}

static void want(const cJSON *root, const char *start, const char *verdict, const char *code,
                 const char *kind)
{
    const cJSON *c = claim_starting(root, start);
    char *s = cJSON_PrintUnformatted(c);

    cr_assert_str_eq(str_of(c, "verdict"), verdict, "%s", s);
    cr_assert(has_code(c, code), "want code %s: %s", code, s);
    if (kind)
        cr_assert_str_eq(str_of(c, "kind"), kind, "%s", s);
    free(s);
}

Test(reconcile_rules, every_rule_row_has_a_unique_dotted_code)
{
    size_t i, j, n = rc_verdict_rule_count();

    cr_assert_gt(n, 10);
    for (i = 0; i < n; i++) {
        const char *c = rc_verdict_rule_code(i);
        cr_assert_not_null(strchr(c, '.'), "%s", c);
        for (j = 0; j < i; j++)
            cr_assert_str_neq(c, rc_verdict_rule_code(j));
    }
    cr_assert_null(rc_verdict_rule_code(n));
    /* support comes last: the table always decides */
    cr_assert_str_eq(rc_verdict_rule_code(n - 1), "design.uncontrolled");
}

Test(reconcile_rules, one_claim_per_rule)
{
    cJSON *root = check_fixture();

    want(root, "Dizziness is one", "not_found", "claim.background", "background");
    want(root, "Velmorant reduced dizziness scores", "controlled", "design.controlled", NULL);
    want(root, "Velmorant reduced dizziness scores", "controlled", "numbers.agree", NULL);
    want(root, "Each patient received", "contradicted", "regimen.differs", "regimen");
    want(root, "The trial appeared", "contradicted", "venue.differs", "venue");
    want(root, "In that trial, 80%", "contradicted", "numbers.differ", NULL);
    want(root, "Velmorant tablets significantly", "contradicted", "finding.null_primary", NULL);
    want(root, "A case report described", "anecdotal", "design.l5", NULL);
    want(root, "Velmorant works by", "not_found", "claim.mechanism", "mechanism");
    want(root, "\"I haven't felt dizzy", "anecdotal", "source.testimonial", NULL);
    want(root, "Our own survey", "not_found", "source.publisher_data", NULL);
    want(root, "Quellitron cured", "not_found", "corpus.not_covered", NULL);
    want(root, "Velmorant helps dizziness", "not_found", "support.unanchored", NULL);
    /* a forum post's author line is not claim text; the post is first-hand */
    want(root, "Velmorant gave my mother", "anecdotal", "source.testimonial", NULL);
    {
        const cJSON *c;
        cJSON_ArrayForEach(c, cJSON_GetObjectItem(root, "claims"))
            cr_assert_null(strstr(str_of(c, "text"), "wrote:"), "%s", str_of(c, "text"));
    }
    cJSON_Delete(root);
}

/* The rules that read the extractors' finding rows of a dose-ranging trial
 * (fictional brenotide): a figure the record gives for a null comparison,
 * a dose-response claim over doses that did not differ; a claim of equal
 * effect is neither. */
Test(reconcile_rules, study_model_findings_contradict)
{
    cJSON *root = check_pair(FX "model_corpus.xml", FX "model_article.txt");
    const cJSON *eq;

    want(root, "In that trial, 41%", "contradicted", "finding.number_null", NULL);
    want(root, "The higher the dose", "contradicted", "finding.dose_null", "dose_response");
    eq = claim_starting(root, "Brenotide 10 mg and 40 mg");
    cr_assert(!has_code(eq, "finding.dose_null") && !has_code(eq, "finding.number_null"),
              "%s", cJSON_PrintUnformatted(eq));
    /* a case vignette is a case about itself, not the trial before it */
    eq = claim_starting(root, "A 52-year-old woman");
    cr_assert_str_eq(str_of(eq, "source"), "case");
    cr_assert_str_eq(str_of(eq, "about"), "topic");
    /* the trial named again two paragraphs on: the same mention, no new one */
    cr_assert_str_eq(str_of(claim_starting(root, "The Danish trial gave"), "about"), "s1");
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(root, "studies")), 1);
    /* minutes shorter: a difference in time the record gives otherwise */
    want(root, "In the Danish trial, brenotide cut", "contradicted", "numbers.differ", NULL);
    /* how often the treatment is taken, bound to no study: the record's schedule */
    want(root, "Brenotide is taken twice a week", "contradicted", "regimen.differs", "regimen");
    /* a bare "higher doses work better": the topic's trial that compared doses */
    want(root, "Higher doses work better", "contradicted", "finding.dose_null_topic", "dose_response");
    cJSON_Delete(root);
}

/* A dose the trial the article retells found no different from placebo
 * (the extractors' no_difference finding on it), though an open-label
 * study of the same doses improved on both (fictional quorvane). */
Test(reconcile_rules, a_dose_the_bound_trial_found_null)
{
    cJSON *root = check_pair(FX "dose_corpus.xml", FX "dose_article.txt");
    const cJSON *c;

    want(root, "Even 5 mg works", "contradicted", "regimen.dose_failed", NULL);
    c = claim_starting(root, "Even 5 mg works");
    cr_assert_str_eq(str_of(c, "about"), "s1");
    c = cJSON_GetArrayItem(cJSON_GetObjectItem(c, "matches"), 0);
    cr_assert_str_eq(str_of(c, "pmid"), "99400102");
    want(root, "Our itch programme", "controlled", "design.controlled", NULL);
    cJSON_Delete(root);
}

/* A null primary comparison against sham answers "significantly reduced",
 * not "twice as effective as usual care" (fictional tavoxil). */
Test(reconcile_rules, null_primary_keeps_to_its_comparator)
{
    cJSON *root = check_pair(FX "sham_corpus.xml", FX "sham_article.txt");
    const cJSON *c;

    want(root, "Tavoxil patches significantly", "contradicted", "finding.null_primary", NULL);
    c = claim_starting(root, "The trial found tavoxil");
    cr_assert(!has_code(c, "finding.null_primary"), "%s", cJSON_PrintUnformatted(c));
    cr_assert_str_eq(str_of(c, "verdict"), "controlled");
    cJSON_Delete(root);
}

/* Claims a record's own words answer beyond the candidates the claim's
 * words found (fictional solvimab): "side effects were rare" over a trial
 * where more stopped for adverse events than on placebo; a gain said to
 * last once treatment stops over an extension where it was regained; and
 * the rows on a course, a hedged mechanism and a population. */
Test(reconcile_rules, record_words_contradict_safety_and_durability)
{
    cJSON *root = check_pair(FX "waned_corpus.xml", FX "waned_article.txt");
    const cJSON *c;

    want(root, "Side effects were rare", "contradicted", "safety.adverse_frequent", NULL);
    c = cJSON_GetArrayItem(cJSON_GetObjectItem(claim_starting(root, "Side effects"), "matches"), 0);
    cr_assert_str_eq(str_of(c, "pmid"), "99300201");
    want(root, "Patients keep the tremor", "contradicted", "durability.waned", NULL);
    c = cJSON_GetArrayItem(cJSON_GetObjectItem(claim_starting(root, "Patients keep"), "matches"), 0);
    cr_assert_str_eq(str_of(c, "pmid"), "99300202");
    /* a course the claim gives, retelling the trial by two of its figures */
    want(root, "Clients on our 10-week plan", "contradicted", "regimen.differs", NULL);
    /* a hedged mechanism is no finding, whatever record shares its words */
    want(root, "Scientists believe solvimab", "not_found", "claim.hedged_mechanism", NULL);
    /* "adults" for a review of adults and children */
    want(root, "A review of nine studies", "contradicted", "population.differs", NULL);
    /* pooled responder rates, no randomised trial or control arm named */
    want(root, "A meta-analysis of 12 studies", "uncontrolled", "design.mixed_meta", NULL);
    /* a dose both a non-randomised study and a trial give: the trial answers */
    want(root, "Research shows that a single 25 mg", "controlled", "design.controlled", NULL);
    c = cJSON_GetArrayItem(cJSON_GetObjectItem(claim_starting(root, "Research shows"), "matches"), 0);
    cr_assert_str_eq(str_of(c, "pmid"), "99300201");
    /* a gradient the trial reports */
    want(root, "The more solvimab injections", "controlled", "finding.graded", "dose_response");
    /* the trial's own result is no claim of durability */
    c = claim_starting(root, "A randomized trial of 412");
    cr_assert_str_eq(str_of(c, "verdict"), "controlled", "%s", cJSON_PrintUnformatted(c));
    cJSON_Delete(root);
}

Test(reconcile_rules, mentions_resolve_and_bind_back_references)
{
    cJSON *root = check_fixture();
    const cJSON *studies = cJSON_GetObjectItem(root, "studies"), *s1, *s2;

    cr_assert_eq(cJSON_GetArraySize(studies), 2, "%s", cJSON_PrintUnformatted(studies));
    s1 = cJSON_GetArrayItem(studies, 0);
    s2 = cJSON_GetArrayItem(studies, 1);
    cr_assert_str_eq(str_of(s1, "pmid"), "99200001");
    cr_assert_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(s1, "details"), "n")->valueint, 300);
    cr_assert_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(s1, "details"), "year")->valueint, 2020);
    cr_assert_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(s1, "why"), 0)->valuestring,
                     "year 2020 matches");
    cr_assert_str_eq(str_of(s2, "pmid"), "99200002");
    /* the same paragraph, then a back-reference in the next one */
    cr_assert_str_eq(str_of(claim_starting(root, "Each patient received"), "about"), "s1");
    cr_assert_str_eq(str_of(claim_starting(root, "The trial appeared"), "about"), "s1");
    cr_assert_str_eq(str_of(claim_starting(root, "In that trial, 80%"), "about"), "s1");
    /* a later, unrelated paragraph speaks of the topic */
    cr_assert_str_eq(str_of(claim_starting(root, "Quellitron cured"), "about"), "topic");
    cJSON_Delete(root);
}

Test(reconcile_rules, regimen_frequency_and_duration_reading)
{
    static const struct { const char *s; double per_week; } f[] = {
        { "twice a week for ten weeks", 2 }, { "once daily", 7 }, { "given once a day", 7 },
        { "8 times per month", 8 * 7 / 30.44 }, { "3 sessions per week", 3 },
        { "12 weekly sessions", 1 }, { "5 days a week", 5 }, { "5 mg per day", 0 },
        { "every night", 0 }, { "nightly", 7 }, { "three times daily", 21 },
        { "twice weekly", 2 }, { "six times a day for nine days", 42 },
        { "once a night only", 7 },
    };
    /* each slot as written: a bare "daily" leaves the count unsaid (0) */
    static const struct { const char *s; double times; char per; } sl[] = {
        { "six times a day for nine days", 6, 'd' }, { "daily", 0, 'd' },
        { "three times daily", 3, 'd' }, { "once daily", 1, 'd' }, { "twice weekly", 2, 'w' },
        { "12 weekly sessions", 1, 'w' }, { "4 times per month", 4, 'm' },
    };
    /* how often a symptom came is not a schedule */
    static const struct { const char *s; int symptom; } sy[] = {
        { "Ines had flare-ups four times a week before starting zelvorin.", 1 },
        { "He got nosebleeds twice a week.", 1 },
        { "They had sessions twice a week.", 0 },
        { "She had acupuncture twice a week.", 0 },
        { "Patients took zelvorin twice a day.", 0 },
    };
    size_t i;

    for (i = 0; i < sizeof f / sizeof f[0]; i++)
        cr_assert_float_eq(rc_per_week(f[i].s, strlen(f[i].s)), f[i].per_week, 1e-9, "%s", f[i].s);
    for (i = 0; i < sizeof sl / sizeof sl[0]; i++) {
        struct rc_sched rs;
        cr_assert(rc_schedule(sl[i].s, strlen(sl[i].s), &rs), "%s", sl[i].s);
        cr_assert_float_eq(rs.times, sl[i].times, 1e-9, "%s", sl[i].s);
        cr_assert_eq(rs.per, sl[i].per, "%s", sl[i].s);
    }
    for (i = 0; i < sizeof sy / sizeof sy[0]; i++) {
        struct rc_sched rs;
        cr_assert(rc_schedule(sy[i].s, strlen(sy[i].s), &rs), "%s", sy[i].s);
        cr_assert_eq(rc_symptom_frequency(sy[i].s, strlen(sy[i].s), &rs), sy[i].symptom, "%s",
                     sy[i].s);
    }
    cr_assert_float_eq(rc_duration_days("24 weeks"), 168, 1e-9);
    cr_assert_float_eq(rc_duration_days("6 months"), 6 * 30.44, 1e-9);
    cr_assert_float_eq(rc_duration_days("two years"), 730.5, 1e-9);
    cr_assert_float_eq(rc_duration_days("weekly"), 0, 1e-9);
    cr_assert_float_eq(rc_duration_days(NULL), 0, 1e-9);
    {   /* the extractors' follow-up text: the number after its unit too */
        char u[2] = "";
        cr_assert_float_eq(rc_duration_days_unit("by week 120", u), 840, 1e-9);
        cr_assert_str_eq(u, "3");
        cr_assert_float_eq(rc_duration_days_unit("12 month follow-up", u), 12 * 30.44, 1e-9);
        cr_assert_str_eq(u, "4");
    }
}

/* Schedules compared slot by slot and figures kept to the claim's subject
 * (fictional dranolex and pelvanide, PMIDs 99600001-2): "six times a day"
 * agrees with a record whose extracted schedule is a bare "daily"; "twice
 * a day" agrees with "twice daily" and "once a day" does not; a figure for
 * a product no record studies (fenquorid) is not contradicted by the
 * closest record's figures. */
Test(reconcile_rules, schedules_by_slot_and_figures_of_the_claims_subject)
{
    cJSON *root = check_pair(FX "schedule_corpus.xml", FX "schedule_article.txt");

    want(root, "The trial volunteers took", "controlled", "design.controlled", "regimen");
    want(root, "In the gout trial", "controlled", "design.controlled", "regimen");
    want(root, "In that trial, patients took", "contradicted", "regimen.differs", "regimen");
    want(root, "Its makers say", "not_found", "corpus.other_subject", NULL);
    cJSON_Delete(root);
}

/* A review whose primary pooled result has a direction and whose only
 * null result is a named secondary outcome (fictional heated sleeves, PMID
 * 99600101) is not a failed study for a claim of its primary result. */
Test(reconcile_rules, a_null_secondary_outcome_is_not_a_failed_review)
{
    cJSON *root = check_pair(FX "secondary_corpus.xml", FX "secondary_article.txt");

    want(root, "A meta-analysis pooling", "controlled", "design.controlled", NULL);
    cJSON_Delete(root);
}

Test(reconcile_rules, years_venues_and_kinds)
{
    static const char t[] = "It was published in the Journal of Imaginary Medicine in 2019, "
                            "with 1,990 patients.";
    char v[64];
    struct rc_nums none = { 0 };

    cr_assert_eq(rc_year_in(t, 0, sizeof t - 1), 2019);
    cr_assert_eq(rc_year_in("1,990 patients and 3000 mg", 0, 26), 0, "not a year");
    rc_venue_in(t, 0, sizeof t - 1, v, sizeof v);
    cr_assert_str_eq(v, "Journal of Imaginary Medicine");
    rc_venue_in("no venue here", 0, 13, v, sizeof v);
    cr_assert_str_eq(v, "");
    cr_assert_eq(rc_kind_of(RC_F_SAFETY, 0, &none, 0), RC_K_SAFETY);
    cr_assert_eq(rc_kind_of(0, RC_C_DURABLE, &none, 0), RC_K_DURABILITY);
    cr_assert_eq(rc_kind_of(0, RC_C_VENUE, &none, 2019), RC_K_VENUE);
    cr_assert_eq(rc_kind_of(0, RC_C_MECHANISM, &none, 0), RC_K_MECHANISM);
    cr_assert_eq(rc_kind_of(RC_F_STUDYWORD, RC_C_MECHANISM, &none, 0), RC_K_EFFICACY,
                 "a study's finding is not a mechanism statement");
    cr_assert_eq(rc_kind_of(0, RC_C_BACKGROUND, &none, 0), RC_K_BACKGROUND);
    cr_assert_eq(rc_kind_of(RC_F_EFFICACY, 0, &none, 0), RC_K_EFFICACY);
    cr_assert(rc_kind_informative(RC_K_BACKGROUND) && rc_kind_informative(RC_K_MECHANISM));
    cr_assert(!rc_kind_informative(RC_K_EFFICACY));
    cr_assert_str_eq(rc_claim_kind_name(RC_K_DOSE_RESPONSE), "dose_response");
}

Test(reconcile_rules, fail_on_counts_no_background_and_reports_show_the_model)
{
    struct run x;
    lm_report *r;
    lm_buf t = {0}, h = {0};

    run_open(&x, FX "rules_corpus.xml", FX "rules_article.txt");
    r = x.r;
    /* background and mechanism statements are not_found but no problem */
    cr_assert_eq(lm_report_count(r, LM_VERDICT_NOT_FOUND), 5);
    cr_assert_eq(lm_report_problems(r, LM_VERDICT_NOT_FOUND), 3);
    cr_assert_eq(lm_report_problems(r, LM_VERDICT_CONTRADICTED),
                 lm_report_count(r, LM_VERDICT_CONTRADICTED));
    cr_assert_eq(lm_report_text(r, 0, &t), LM_OK);
    cr_assert_not_null(strstr(t.s, "study s1: \"A trial of 300 adults"), "%s", t.s);
    cr_assert_not_null(strstr(t.s, "corpus: 3 records imported"), "%s", t.s);
    cr_assert_not_null(strstr(t.s, "regimen, about s1"), "%s", t.s);
    cr_assert_not_null(strstr(t.s, "[L2 rct]"), "%s", t.s);
    cr_assert_eq(lm_report_html(r, &h), LM_OK);
    cr_assert_not_null(strstr(h.s, "Legend: levels and verdicts"));
    cr_assert_not_null(strstr(h.s, "3 records imported"));
    cr_assert_not_null(strstr(h.s, "L2 &middot; rct"), "design on the evidence card");
    cr_assert_not_null(strstr(h.s, "<td>s2</td>"), "the studies table");
    lm_buf_free(&t);
    lm_buf_free(&h);
    run_close(&x);
}

Test(reconcile_rules, stories_split_from_studies_harms_and_quoted_customers)
{
    cJSON *root = check_pair(FX "rules_corpus.xml", FX "story_article.txt");
    const cJSON *c;

    /* the story ends at the comma; the study is a claim of its own */
    c = claim_starting(root, "Velmorant worked for my neighbour");
    cr_assert_str_eq(str_of(c, "text"), "Velmorant worked for my neighbour's daughter");
    cr_assert_str_eq(str_of(c, "verdict"), "anecdotal");
    c = claim_starting(root, "there's a study showing");
    cr_assert_str_neq(str_of(c, "verdict"), "anecdotal");
    want(root, "Quinzara wrecked my brother", "anecdotal", "source.testimonial", NULL);
    want(root, "\"Best purchase of the year", "anecdotal", "source.testimonial", NULL);
    cJSON_Delete(root);
}

/* The pmid of the first match of the claim starting with @start, or "". */
static const char *first_pmid(const cJSON *root, const char *start)
{
    const cJSON *m = cJSON_GetArrayItem(cJSON_GetObjectItem(claim_starting(root, start),
                                                            "matches"), 0);
    return m ? str_of(m, "pmid") : "";
}

/* want(), and the claim's first match is record @pmid. */
static void want_match(const cJSON *root, const char *start, const char *verdict,
                       const char *code, const char *kind, const char *pmid)
{
    want(root, start, verdict, code, kind);
    cr_assert_str_eq(first_pmid(root, start), pmid, "%s", start);
}

/* A section whose heading names another drug than the article's (fictional
 * fenlorix, then mirabant) is checked on that drug's records; a review the
 * design rules rate L3 that is indexed as one and names the randomised
 * trials it pooled is L1; doses said to work alike are not "that dose
 * failed"; a mechanism shows the record sharing its rare words; an
 * acronym spelt out over words is covered; "another trial" is not the
 * record just discussed. */
Test(reconcile_rules, a_section_about_another_drug)
{
    cJSON *root = check_pair(FX "section_corpus.xml", FX "section_article.txt");
    const cJSON *c, *m;

    c = claim_starting(root, "Doses between 10 and 40 mg");
    cr_assert_str_eq(str_of(c, "verdict"), "controlled", "%s", cJSON_PrintUnformatted(c));
    cr_assert(!has_code(c, "regimen.dose_failed"));
    m = cJSON_GetArrayItem(cJSON_GetObjectItem(c, "matches"), 0);
    cr_assert_str_eq(str_of(m, "pmid"), "99500102");
    cr_assert_str_eq(str_of(m, "level"), "L1");
    want_match(root, "Fenlorix works by", "not_found", "claim.mechanism", "mechanism", "99500103");
    want_match(root, "In a case series", "uncontrolled", "design.uncontrolled", NULL, "99500104");
    want_match(root, "A nine-year-old boy with RLS", "anecdotal", "design.l5", NULL, "99500105");
    cr_assert_str_eq(first_pmid(root, "In another trial"), "99500106");
    cr_assert_str_eq(str_of(claim_starting(root, "In another trial"), "verdict"), "uncontrolled");
    cJSON_Delete(root);
}

/* "There's a study showing it clears the rash": "it" is the drug the
 * clause before named (fictional pexolin), whose study found the itch
 * better and the rash unchanged. */
Test(reconcile_rules, a_pronoun_takes_the_drug_named_before)
{
    cJSON *root = check_pair(FX "pronoun_corpus.xml", FX "pronoun_article.txt");

    want_match(root, "there's a study showing it", "contradicted", "finding.outcome_null",
               NULL, "99500201");
    want(root, "In the big trial", "controlled", "design.controlled", NULL);
    /* a null primary answers the benefit it measured ("the rash cleared
     * faster than on placebo"), not one on another outcome the trial saw
     * change ("it did help with the itching at night, at least in the older ones") */
    want(root, "In the lumeprine trial", "contradicted", "finding.null_primary", NULL);
    want_match(root, "It did help with the constant scratching", "controlled", "design.controlled",
               NULL, "99500206");
    cJSON_Delete(root);
}

/* A thread about two drugs (fictional quexamab for Drenwick syndrome and
 * zorvil for weight): the topic filter asks for Drenwick, which zorvil's
 * trial never names; a claim naming zorvil, a word rare in the corpus
 * that no record on the topic holds, still finds that trial. */
Test(reconcile_rules, a_claim_outside_the_topic_filter_finds_its_trial)
{
    cJSON *root = check_pair(FX "outside_corpus.xml", FX "outside_article.txt");

    want_match(root, "In the trial in Drenwick syndrome", "controlled", "design.controlled",
               NULL, "99500401");
    want_match(root, "In the off-treatment extension, zorvil users", "controlled",
               "design.controlled", NULL, "99500406");
    cJSON_Delete(root);
}

/* A fictional weekly shot (trevamide): "those on the dummy shot" rests on
 * the trial the article named, not on a record that shares more words;
 * "given once a day" is answered by the randomised trial's schedule (not
 * the cohort's or the extension's); a trial's name only the extension's
 * title gives picks and anchors it; "may also support" over a single case
 * is not_found, the case shown; "completely safe" over a case of a harm is
 * contradicted; "those earlier studies" is the review named; "at every
 * dose" over a dose that did not work is contradicted; so is "beats
 * painkillers" over a trial that found them comparable, and "a cohort of
 * 350 showed 30% at six months" over one that had 120 left then; "clears
 * gout flares within a week" is about something no record covers. */
Test(reconcile_rules, names_schedules_and_hedges)
{
    cJSON *root = check_pair(FX "named_corpus.xml", FX "named_article.txt");
    const cJSON *c;

    want_match(root, "Those on the dummy shot", "controlled", "design.controlled",
               NULL, "99500301");
    want(root, "The injection, trevamide, is given once a day", "contradicted",
         "regimen.differs", "regimen");
    cr_assert_str_eq(first_pmid(root, "The injection, trevamide"), "99500301");
    cr_assert_str_eq(str_of(claim_starting(root, "The injection, trevamide"), "level"), "L2");
    want_match(root, "That matches what KNEEL 2 found", "controlled", "design.controlled",
               NULL, "99500302");
    want_match(root, "Trevamide may also support", "not_found", "claim.hedged_case",
               NULL, "99500304");
    c = claim_starting(root, "Trevamide may also support");
    cr_assert(cJSON_IsNull(cJSON_GetObjectItem(c, "level")), "%s", cJSON_PrintUnformatted(c));
    /* one case of a harm the record lays on the shot refutes "completely safe" */
    want_match(root, "Trevamide is completely safe", "contradicted", "safety.harm_reported",
               "safety", "99500305");
    /* "in those earlier studies": the review the article named, though
     * the trial shares the figure */
    cr_assert_str_eq(first_pmid(root, "At 12 weeks about 40%"), "99500306");
    /* "at every dose" over rats whose highest dose no longer worked */
    want_match(root, "In laboratory studies, trevamide", "contradicted", "finding.dose_failed",
               NULL, "99500307");
    /* "beats painkillers" over the head-to-head trial that found them alike */
    /* the count enrolled pinned on a figure the cohort gives for fewer */
    want_match(root, "A clinic cohort of 350", "contradicted", "numbers.n_of_fewer", NULL,
               "99500303");
    /* how soon, of an outcome no record names ("gout flares") */
    want(root, "For me the best part", "not_found", "corpus.not_covered", "onset");
    want_match(root, "TREVAMIDE BEATS PAINKILLERS", "contradicted", "finding.not_superior",
               NULL, "99500308");
    cJSON_Delete(root);
}

/* The text and HTML reports call a record shown for a claim no study
 * answers the closest record, not one that disagrees. */
Test(reconcile_rules, a_closest_record_is_not_a_disagreeing_one)
{
    struct run x;
    lm_report *r;
    lm_buf t = {0}, h = {0};

    run_open(&x, FX "section_corpus.xml", FX "section_article.txt");
    r = x.r;
    cr_assert_eq(lm_report_text(r, 0, &t), LM_OK);
    cr_assert_not_null(strstr(t.s, "(closest record) KX4 channel"), "%s", t.s);
    cr_assert_null(strstr(t.s, "(disagrees) KX4 channel"), "%s", t.s);
    cr_assert_eq(lm_report_html(r, &h), LM_OK);
    /* the review (typed Review, no design of its own) is expert opinion, L5 */
    cr_assert_not_null(strstr(h.s, "L5 &middot; other, closest record"));
    lm_buf_free(&t);
    lm_buf_free(&h);
    run_close(&x);
}

/* A rule's space matches any run of white space: two spaces, a line break
 * or a no-break space (U+00A0) copied from a page ("a 2019\u00a0trial",
 * "12\u00a0weekly sessions") give the cues a single space gives. */
Test(reconcile_rules, cue_spaces_match_any_white_space)
{
    static const char *const t[] = {
        "In a 2019 trial, patients received 12 weekly sessions of zelvorin.",
        "In a 2019  trial, patients received 12  weekly sessions of zelvorin.",
        "In a 2019\xc2\xa0trial, patients received 12\xc2\xa0weekly sessions of zelvorin.",
        "In a 2019\ntrial, patients received 12 weekly\tsessions of zelvorin.",
    };
    rc_rules *r = NULL;
    char msg[256] = "";
    size_t i;

    cr_assert_eq(rc_rules_open(&r, msg, sizeof msg), LM_OK, "%s", msg);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned c = rc_cues(r, t[i], 0, strlen(t[i]));
        cr_assert(c & RC_C_MENTION, "no mention cue: %s", t[i]);
        cr_assert(c & RC_C_REGIMEN, "no regimen cue: %s", t[i]);
    }
    rc_rules_close(r);
}

/* The sentence rules of source reading and claim detection, row by row on
 * invented sentences (the fictional zorvane and velmorant): the bits a
 * sentence must carry (want) and must not (not), and where the claim comes
 * from. */
Test(reconcile_rules, sources_praise_relayed_speech_and_non_claims)
{
    static const struct {
        const char *text;
        unsigned want, not;
        int src;                /* lm_claim_source, or -1: not asked */
    } t[] = {
        /* quoted reviews and quotes with their speaker */
        { "\"My rash cleared in four days!\"", RC_F_TESTIMONIAL, 0, LM_SOURCE_ANECDOTE },
        { "\"Within a week I could sleep again,\" she says.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "\xe2\x80\x98My cough went in two days!\xe2\x80\x99", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "\xe2\x80\x98I\xe2\x80\x99m sleeping again,\xe2\x80\x99 she says.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "\xe2\x80\x98It is a real advance,\xe2\x80\x99 said the clinic\xe2\x80\x99s lead cardiologist.",
          RC_F_OPINION, RC_F_TESTIMONIAL, LM_SOURCE_OPINION },
        { "A listener, Ola, told us: \"Zorvane took my cough away.\"", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        /* a vignette: a first name, an age, what the person had */
        { "Tomas, 52, had dizzy spells every morning before starting velmorant.",
          RC_F_TESTIMONIAL, 0, LM_SOURCE_ANECDOTE },
        /* buyers and users where they post */
        { "Many users on online forums report feeling steadier.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "Shoppers say the gummies taste fine.", RC_F_TESTIMONIAL, 0, LM_SOURCE_ANECDOTE },
        { "According to online reviews, zorvane clears a cough overnight.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "Many experts now recommend zorvane for dry coughs.", RC_F_OPINION, 0, LM_SOURCE_OPINION },
        { "Most customers notice a difference within days.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "Changed my life.", RC_F_PRAISE, 0, -1 },
        { "Did nothing for me.", RC_F_NULL | RC_F_FIRST_PERSON, 0, LM_SOURCE_ANECDOTE },
        /* labels and how to take it */
        { "Each capsule contains 20 mg of zorvane.", RC_F_NONCLAIM, 0, -1 },
        { "Adults: take one capsule twice daily.", RC_F_NONCLAIM, 0, -1 },
        { "Take Ola, a 40-year-old runner with sore knees.", 0, RC_F_NONCLAIM, -1 },
        { "Zorvane has no known interactions.", RC_F_SAFETY, 0, -1 },
        { "People with vertigo in the trial report fewer spells.", 0, RC_F_TESTIMONIAL, -1 },
        { "Parents in the zorvane trial reported fewer night coughs.", 0, RC_F_TESTIMONIAL, -1 },
        { "One volunteer, 70-year-old Edda, said she slept better.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        /* relayed: what someone close to the writer said or found */
        { "My cousin uses it and says her joints never ache now.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        /* a professional's words: an opinion, whoever "I" is in them */
        { "\"I think zorvane will change how we treat coughs,\" said a pulmonologist at the clinic.",
          RC_F_OPINION, RC_F_TESTIMONIAL | RC_F_FIRST_PERSON, LM_SOURCE_OPINION },
        { "\"It could help many families,\" said the company's medical director.", RC_F_OPINION,
          RC_F_TESTIMONIAL, LM_SOURCE_OPINION },
        { "And it's not habit-forming, my chemist told me.", RC_F_OPINION | RC_F_SAFETY,
          RC_F_FIRST_PERSON, LM_SOURCE_OPINION },
        /* a patient's quote stays a story */
        { "\"I slept through the night,\" said Ola, 33.", RC_F_TESTIMONIAL, RC_F_OPINION,
          LM_SOURCE_ANECDOTE },
        /* the writer reports a study: no story of their own */
        { "The only trial I know of is a small open-label series of 30 adults.", 0,
          RC_F_FIRST_PERSON, LM_SOURCE_STUDY },
        { "I read the trial and then my cough came back.", RC_F_FIRST_PERSON, 0,
          LM_SOURCE_ANECDOTE },
        /* an expert who reports a study: the study's claim */
        { "\"A trial of 90 adults showed zorvane works,\" said a pulmonologist.", 0,
          RC_F_OPINION | RC_F_TESTIMONIAL, LM_SOURCE_STUDY },
        /* laboratory work */
        { "Zorvane killed 80% of the virus in lab tests.", RC_F_INVITRO, 0, LM_SOURCE_ANIMAL },
        { "Laboratory research showed zorvane calms cells.", RC_F_INVITRO, 0, LM_SOURCE_ANIMAL },
        /* short praise */
        { "It's a miracle cream.", RC_F_PRAISE, 0, -1 },
        { "Finally something that works.", RC_F_PRAISE, 0, -1 },
        { "She says it's the best thing she has taken.", RC_F_PRAISE, 0, -1 },
        { "Honestly the best thing for coughs.", RC_F_PRAISE, 0, -1 },
        { "The trial found a miracle of design.", 0, RC_F_PRAISE, -1 },
        /* tag questions assert; real questions do not */
        { "Zorvane also works for sore throats, right?", 0, RC_F_QUESTION, -1 },
        { "Zorvane is safe for kids, isn't it?", 0, RC_F_QUESTION, -1 },
        { "Has anyone tried zorvane?", RC_F_QUESTION, 0, -1 },
        { "Did you know zorvane cuts a cold by a day?", 0, RC_F_QUESTION, -1 },
        { "Do you know how zorvane works?", RC_F_QUESTION, 0, -1 },
        /* no claim: instructions, meta lines, advice, a bare attribution */
        { "Apply a pea-sized amount to the scalp each evening.", RC_F_NONCLAIM, 0, -1 },
        { "Do not exceed four lozenges a day.", RC_F_NONCLAIM, 0, -1 },
        { "Readers keep asking about zorvane for coughs.", RC_F_NONCLAIM, 0, -1 },
        { "Here is what the evidence says.", RC_F_NONCLAIM, 0, -1 },
        { "Here's what happened: my cough went in two days.", 0, RC_F_NONCLAIM, -1 },
        { "I'm writing this to help anyone with a cough.", RC_F_NONCLAIM, 0, -1 },
        { "Let's look at what the trials found.", RC_F_NONCLAIM, 0, -1 },
        { "Zorvane should not replace your inhaler.", RC_F_NONCLAIM, 0, -1 },
        { "My neighbour said so.", RC_F_NONCLAIM, 0, -1 },
        { "Zorvane should be taken with food.", 0, RC_F_NONCLAIM, -1 },
        { "Zorvane is just an expensive placebo.", RC_F_NULL, 0, -1 },
        { "It can cause rashes in a few people.", RC_F_SAFETY, 0, -1 },
        { "Honestly it's the only thing that helped.", RC_F_PRAISE, 0, -1 },
        { "I started it in May and the spells have mostly gone.", RC_F_OUTCOME | RC_F_FIRST_PERSON,
          0, LM_SOURCE_ANECDOTE },
        { "I was back at work the next day.", RC_F_OUTCOME, 0, LM_SOURCE_ANECDOTE },
        /* the writer's own history: aside, unless it states an effect */
        { "I've had eczema for nine years.", RC_F_ASIDE, 0, -1 },
        { "My dermatologist suggested zorvane.", RC_F_ASIDE, 0, -1 },
        { "I've had no rash since I started.", RC_F_ASIDE, 0, -1 },
        /* harms without the usual words */
        { "It is not addictive and gentle on the stomach.", RC_F_SAFETY, 0, -1 },
        /* "no placebo group": an uncontrolled design */
        { "The extension had no placebo group.", RC_F_OPENLABEL, 0, -1 },
    };
    rc_rules *r = NULL;
    char msg[256] = "";
    size_t i;

    cr_assert_eq(rc_rules_open(&r, msg, sizeof msg), LM_OK, "%s", msg);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned f = rc_flags(r, t[i].text, 0, strlen(t[i].text));
        cr_assert_eq(f & t[i].want, t[i].want, "%s: flags %#x", t[i].text, f);
        cr_assert_eq(f & t[i].not, 0u, "%s: flags %#x", t[i].text, f);
        if (t[i].src >= 0)
            cr_assert_eq((int)rc_classify(f), t[i].src, "%s: source %d", t[i].text,
                         (int)rc_classify(f));
    }
    rc_rules_close(r);
}

/* Cues of a general fact (background whatever the topic), hedges and the
 * follow-up of a study, on invented sentences. */
Test(reconcile_rules, general_facts_hedges_and_follow_up_cues)
{
    static const struct { const char *text; unsigned want, not; } t[] = {
        { "Plantar warts are the most common form of wart in teenagers.", RC_C_GENERAL, 0 },
        { "Coughs are common and are usually treated with rest.", RC_C_GENERAL, 0 },
        { "Sore throats are caused by dozens of viruses.", RC_C_GENERAL, 0 },
        { "Vertigo affects roughly one in ten adults.", RC_C_GENERAL, 0 },
        { "Quillon Labs develops medicines for skin disease.", RC_C_GENERAL, 0 },
        { "The maker says it has applied for approval in Canada.", RC_C_GENERAL, 0 },
        { "Zorvane is not approved for children.", RC_C_GENERAL, 0 },
        { "Zorvane was cleared by the QMA last year.", RC_C_GENERAL, 0 },
        { "Around 1 in 4 adults get a cold each winter.", RC_C_GENERAL, 0 },
        { "About 1 in 4 adults on zorvane had a rash.", 0, RC_C_GENERAL },
        { "The maker will apply for a licence next year.", RC_C_GENERAL, 0 },
        { "Zorvane cut coughs by half in a trial.", 0, RC_C_GENERAL },
        { "Zorvane is derived from a sea plant.", RC_C_BACKGROUND, 0 },
        { "The herb has been used for centuries.", RC_C_BACKGROUND, 0 },
        { "It has the potential to change care.", RC_C_HEDGE, 0 },
        { "Zorvane might help, but the evidence is thin.", RC_C_HEDGE, 0 },
        { "It is too early to say how it compares.", RC_C_HEDGE, 0 },
        { "The two-year follow-up was smaller.", RC_C_DURABLE, 0 },
        { "An open-label series of 30 children took zorvane.", RC_C_MENTION, 0 },
        /* the effects just reported, named inside the sentence */
        { "In most people these benefits faded by spring.", RC_C_BACKREF_IN, 0 },
        { "These tablets are small.", 0, RC_C_BACKREF_IN },
    };
    rc_rules *r = NULL;
    char msg[256] = "";
    size_t i;

    cr_assert_eq(rc_rules_open(&r, msg, sizeof msg), LM_OK, "%s", msg);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned c = rc_cues(r, t[i].text, 0, strlen(t[i].text));
        cr_assert_eq(c & t[i].want, t[i].want, "%s: cues %#x", t[i].text, c);
        cr_assert_eq(c & t[i].not, 0u, "%s: cues %#x", t[i].text, c);
    }
    rc_rules_close(r);
}

/* Sources and kinds in shapes beyond the usual cue words (invented
 * sentences): a case from the writer's own practice is a story, a case
 * others described is a case, a review signed with a name is a story; a
 * null said with a qualifier, a harm compared between arms, a harm that
 * "may occur". */
Test(reconcile_rules, own_cases_signed_reviews_and_plain_harms)
{
    static const struct {
        const char *text;
        unsigned want, not;
        int src;                /* lm_claim_source, or -1: not asked */
    } t[] = {
        { "A 61-year-old joiner came to our surgery with a cough.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "A 40-year-old runner I saw last year had a swollen knee.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "A 61-year-old joiner developed a rash on zorvane.", RC_F_CASE, RC_F_TESTIMONIAL,
          LM_SOURCE_CASE },
        { "Surgeons have described a woman whose rash vanished after zorvane.", RC_F_CASE, 0,
          LM_SOURCE_CASE },
        { "A journal reported one elderly patient who went deaf.", RC_F_CASE, 0, LM_SOURCE_CASE },
        { "Turned my cough into a tickle within days. - Ines", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "Cleared my skin in a month, then it came back. \xe2\x80\x94 Ola B.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "Zorvane cut coughs in the trial - Quill Labs", 0, RC_F_TESTIMONIAL, -1 },
        { "Zorvane made no real difference to the itch.", RC_F_NULL, 0, -1 },
        { "There was no clear difference between the arms.", RC_F_NULL, 0, -1 },
        { "Headaches were far more common on zorvane.", RC_F_SAFETY, 0, -1 },
        { "Nausea was slightly less frequent with the patch.", RC_F_SAFETY, 0, -1 },
        { "Mild stinging may occur in the first days.", RC_F_SAFETY, 0, -1 },
        { "Vellitis is more common in older women.", 0, RC_F_SAFETY, -1 },
        /* effects in other words: easing, relieving, doing better */
        { "Zorvane may also ease cramping for some people.", RC_F_EFFICACY, 0, -1 },
        { "The older tablet did better than both.", RC_F_EFFICACY, 0, -1 },
        { "It soothed the itch within hours.", RC_F_EFFICACY, 0, -1 },
        { "Quill Soothing Balm 50 ml", 0, RC_F_EFFICACY, -1 },
        /* a quote whose speaker's role follows the name and a comma */
        { "\"It is a real advance,\" said Ana Quill, chief medical officer of Quill Labs.",
          RC_F_OPINION, RC_F_TESTIMONIAL, LM_SOURCE_OPINION },
        /* the page speaking of itself, a reported question, advice: no claims */
        { "This issue looks at zorvane for coughs.", RC_F_NONCLAIM, 0, -1 },
        { "This week: zorvane, sleep and a word on doses.", RC_F_NONCLAIM, 0, -1 },
        { "Last issue we covered the first zorvane trial.", RC_F_NONCLAIM, 0, -1 },
        { "A listener asked whether the trial used syrup.", RC_F_NONCLAIM, 0, -1 },
        { "Would love to hear how others got on before I start.", RC_F_NONCLAIM, 0, -1 },
        { "I'd like to know if it works for teenagers.", RC_F_NONCLAIM, 0, -1 },
        { "Several readers asked about zorvane in pregnancy.", RC_F_NONCLAIM, 0, -1 },
        { "This trial looks at zorvane in children.", 0, RC_F_NONCLAIM, -1 },
        { "Is it safe for my son? - Mara, Leeds", RC_F_QUESTION, 0, -1 },
        { "If you take blood thinners, ask your pharmacist first.", RC_F_CALL, 0, -1 },
        { "If you stop it, the cough comes back within days.", 0, RC_F_CALL, -1 },
    };
    rc_rules *r = NULL;
    char msg[256] = "";
    size_t i;

    cr_assert_eq(rc_rules_open(&r, msg, sizeof msg), LM_OK, "%s", msg);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned f = rc_flags(r, t[i].text, 0, strlen(t[i].text));
        cr_assert_eq(f & t[i].want, t[i].want, "%s: flags %#x", t[i].text, f);
        cr_assert_eq(f & t[i].not, 0u, "%s: flags %#x", t[i].text, f);
        if (t[i].src >= 0)
            cr_assert_eq((int)rc_classify(f), t[i].src, "%s: source %d", t[i].text,
                         (int)rc_classify(f));
    }
    rc_rules_close(r);
}

/* Sentence roles (detection round five), on invented sentences: the
 * imperative mood, a negative imperative, advice to see a professional,
 * a newsletter's meta line, a shop's terms, a release's legal small print
 * are no claims; a published case described, arms that did not differ, a
 * study relayed before the writer's own advice, an executive's quote; a
 * promise of relief is no label. */
Test(reconcile_rules, sentence_roles_round_five)
{
    static const struct {
        const char *text;
        unsigned want, not;
        int src;                /* lm_claim_source, or -1: not asked */
    } t[] = {
        { "Tilt the bottle and squeeze one drop into each nostril.", RC_F_NONCLAIM, 0, -1 },
        { "Wait ten minutes before you lie down.", RC_F_NONCLAIM, 0, -1 },
        { "Gently press on the inner corner of the eye.", RC_F_NONCLAIM, 0, -1 },
        { "Wear the brace at night for a month.", RC_F_NONCLAIM, 0, -1 },
        { "Waiting lists for zorvane are long.", 0, RC_F_NONCLAIM, -1 },
        { "Patients held the spray upright in the trial.", 0, RC_F_NONCLAIM, -1 },
        { "Don't put up with the itch the way I did.", RC_F_NONCLAIM, 0, -1 },
        { "Do not share the bottle with anyone.", RC_F_NONCLAIM, 0, -1 },
        { "Don't know if it helps but my rash went in a week.", 0, RC_F_NONCLAIM, -1 },
        { "Anyone whose rash spreads should see a doctor the same day.", RC_F_CALL, 0, -1 },
        { "It is worth booking a check-up with your pharmacist first.", RC_F_CALL, 0, -1 },
        { "Patients in the trial saw a nurse every week.", 0, RC_F_CALL, -1 },
        { "Last week we mentioned zorvane, the new spray for hives.", RC_F_NONCLAIM, 0, -1 },
        { "Listeners who want to share their story can email the show.", RC_F_NONCLAIM, 0, -1 },
        { "Unused tubes can be returned within 14 days for a full refund.", RC_F_NONCLAIM, 0, -1 },
        { "Orders placed before noon are dispatched the same day.", RC_F_NONCLAIM, 0, -1 },
        { "Results may differ materially from those expected today.", 0, RC_F_NONCLAIM, -1 },
        { "Actual results could differ from these statements.", RC_F_NONCLAIM, 0, -1 },
        { "This announcement contains forward-looking statements.", RC_F_NONCLAIM, 0, -1 },
        { "Each sachet provides relief for up to 9 hours.", 0, RC_F_NONCLAIM, -1 },
        { "Each sachet provides 40 mg of zorvane.", RC_F_NONCLAIM, 0, -1 },
        { "One published case report describes a boy who fainted on zorvane.", RC_F_CASE, 0,
          LM_SOURCE_CASE },
        { "Headache rates were similar in the two groups.", RC_F_NULL, 0, -1 },
        { "A large trial found zorvane clears hives, so I'd give it a go.", RC_F_REPORTING, 0,
          LM_SOURCE_STUDY },
        { "My trial of it found nothing, so I stopped.", 0, RC_F_REPORTING, LM_SOURCE_ANECDOTE },
        { "\"We believe zorvane will change how hives are treated,\" said chief executive Ana Quill.",
          RC_F_OPINION, RC_F_TESTIMONIAL, LM_SOURCE_OPINION },
        { "Lab work suggests zorvane calms the itch nerves.", RC_F_INVITRO, 0, LM_SOURCE_ANIMAL },
        { "Experiments on skin cells hint that zorvane calms mast cells.", RC_F_INVITRO, 0,
          LM_SOURCE_ANIMAL },
        { "Cell studies found zorvane blocks histamine release.", RC_F_INVITRO, 0, LM_SOURCE_ANIMAL },
        { "My husband started it in June and his hives settled within a week.", RC_F_TESTIMONIAL, 0,
          LM_SOURCE_ANECDOTE },
        { "You may have seen reports about zorvane on the news.", RC_F_NONCLAIM, 0, -1 },
        { "3/9 Lots of you asking about the zorvane spray after Friday's story.", RC_F_NONCLAIM, 0,
          -1 },
        { "We have not included forum posts in this summary.", RC_F_NONCLAIM, 0, -1 },
        { "Our SkinCalm blend delivers a standardised 250 mg of zorvane root per capsule.",
          RC_F_NONCLAIM, 0, -1 },
        { "Suggested use: one capsule with breakfast.", RC_F_NONCLAIM, 0, -1 },
        { "Dairy free, no artificial colours, suitable for vegans", RC_F_NONCLAIM, 0, -1 },
        { "Participants took 250 mg of zorvane twice daily.", 0, RC_F_NONCLAIM, -1 },
        { "Nobody should stop their inhaler without talking to their doctor.", RC_F_CALL, 0, -1 },
        { "One published report describes a man whose lips swelled on zorvane.", RC_F_CASE, 0,
          LM_SOURCE_CASE },
        { "Those taking zorvane had slightly fewer flare days than those on placebo.",
          RC_F_EFFICACY, 0, -1 },
        /* body parts and workplaces are no effects; the writer's age and
         * condition, no treatment, is their history */
        { "My GP mentioned zorvane for my lower back.", RC_F_ASIDE, RC_F_EFFICACY, -1 },
        { "I'm 41 and my hives are driving me mad, especially at work.", RC_F_ASIDE,
          RC_F_EFFICACY, -1 },
        { "Zorvane lowered itch scores in a month.", RC_F_EFFICACY, 0, -1 },
        { "It worked within a week and works still.", RC_F_EFFICACY, 0, -1 },
        /* what the writer read is relayed, not their story; an effect
         * "for me" is; a professional the writer knows gives an opinion */
        { "I read it works for hay fever as well.", RC_F_READ | RC_F_EFFICACY, RC_F_FIRST_PERSON,
          LM_SOURCE_STUDY },
        { "I've read that zorvane cures hives in a week.", RC_F_READ, RC_F_FIRST_PERSON,
          LM_SOURCE_STUDY },
        { "I read my leaflet twice and it helped me relax.", 0, RC_F_READ, LM_SOURCE_ANECDOTE },
        { "Say what you like, it works for me.", RC_F_TESTIMONIAL, 0, LM_SOURCE_ANECDOTE },
        { "My cousin's husband is a pharmacist and he says zorvane is totally safe.",
          RC_F_EXPERT | RC_F_SAFETY, RC_F_TESTIMONIAL, LM_SOURCE_OPINION },
        /* trade facts */
        { "Zorvane is available from pharmacies and online.", RC_F_NONCLAIM, 0, -1 },
        { "Its products are sold in 20 countries.", RC_F_NONCLAIM, 0, -1 },
        { "It makes skin creams and employs around 300 people.", RC_F_NONCLAIM, 0, -1 },
        { "Zorvane is available without a prescription.", 0, RC_F_NONCLAIM, -1 },
        /* help as a noun is no effect */
        { "I needed help opening the tube.", 0, RC_F_EFFICACY, -1 },
        { "Zorvane helps within a day.", RC_F_EFFICACY, 0, -1 },
    };
    static const struct { const char *text; unsigned want, not; } c[] = {
        { "Hives are one of the most common reasons people come to our practice.", RC_C_SERVICE, 0 },
        { "A short consultation lets us check your skin and your history.", RC_C_SERVICE, 0 },
        { "Many of our clients have tried creams for years.", RC_C_SERVICE, 0 },
        { "The trial's patients came from our region.", 0, RC_C_SERVICE },
        { "Quill Labs today announced new data on zorvane, its nightly spray.", RC_C_BOILER, 0 },
        { "Quill Labs announced that zorvane cleared hives in 60% of adults.", 0, RC_C_BOILER },
        { "An outside dermatologist called the results a clear advance.", RC_C_APPRAISAL, 0 },
        { "Itch scores fell by 12 points, compared with 5 on placebo.", RC_C_FIGURES, 0 },
        { "Itch scores fell in both arms.", 0, RC_C_FIGURES },
        { "Hives become more common after the age of 40.", RC_C_GENERAL, 0 },
        { "Hives were more common with zorvane than with placebo.", 0, RC_C_GENERAL },
        { "Some doctors still prescribe it when creams fail.", RC_C_GENERAL, 0 },
        { "Zorvane became available in pharmacies last year.", RC_C_BACKGROUND, 0 },
        { "Zorvane root has been used in folk remedies for centuries.", RC_C_BACKGROUND, 0 },
        { "The sachets are easy to open and the tube was well sealed.", RC_C_USABILITY, 0 },
        { "The plaster stays stuck all day.", RC_C_USABILITY, 0 },
        { "Those who stayed on zorvane kept their gains.", 0, RC_C_USABILITY },
        { "A bigger zorvane trial has since been published.", RC_C_POINTER, 0 },
        { "A third study is now recruiting older adults.", RC_C_POINTER, 0 },
        { "A bigger trial has since shown zorvane works.", 0, RC_C_POINTER },
    };
    rc_rules *r = NULL;
    char msg[256] = "";
    size_t i;

    cr_assert_eq(rc_rules_open(&r, msg, sizeof msg), LM_OK, "%s", msg);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned f = rc_flags(r, t[i].text, 0, strlen(t[i].text));
        cr_assert_eq(f & t[i].want, t[i].want, "%s: flags %#x", t[i].text, f);
        cr_assert_eq(f & t[i].not, 0u, "%s: flags %#x", t[i].text, f);
        if (t[i].src >= 0)
            cr_assert_eq((int)rc_classify(f), t[i].src, "%s: source %d", t[i].text,
                         (int)rc_classify(f));
    }
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        unsigned v = rc_cues(r, c[i].text, 0, strlen(c[i].text));
        cr_assert_eq(v & c[i].want, c[i].want, "%s: cues %#x", c[i].text, v);
        cr_assert_eq(v & c[i].not, 0u, "%s: cues %#x", c[i].text, v);
    }
    rc_rules_close(r);
}

/* The verdict rows of the round on the fourth blind set (fictional
 * brevoline against placebo and an active tablet, its extension, a study
 * in other people; drelafoam's trial in men and its review): each class by
 * its mechanism, not its sentence. */
Test(reconcile_rules, verdict_rows_of_the_fourth_round)
{
    cJSON *root = check_pair(FX "verdict5_corpus.xml", FX "verdict5_nerve_article.txt");

    /* the primary row tells each arm's change untested; the trial's
     * comparison with placebo was null */
    want_match(root, "Brevoline patches are clinically", "contradicted", "finding.null_primary",
               NULL, "99509101");
    /* a condition's duration ("lasting at least 12 months") is no course:
     * the trial's six weeks agree, no merged studies */
    want_match(root, "In a trial published in 2021", "controlled", "design.controlled", NULL,
               "99509101");
    /* equal effect against a record that found it inferior to that drug */
    want_match(root, "Brevoline worked as well as", "contradicted", "finding.not_equal", NULL,
               "99509101");
    /* a null comparison told faithfully, hedge and all */
    want_match(root, "Pain scores improved in all", "controlled", "finding.null_told", NULL,
               "99509101");
    /* a harm's rate against the record's sentence on that harm */
    want_match(root, "Side effects were rare", "contradicted", "safety.rate_differs", NULL,
               "99509101");
    /* how soon, when the record's first time point is week 3 */
    want(root, "Pain eased within the first week", "not_found", "support.onset_unreported", NULL);
    /* another journal's words besides "Journal" */
    want_match(root, "The results appeared in the British", "contradicted", "venue.differs",
               NULL, "99509101");
    /* the trial's n, the extension's year */
    want_match(root, "In the brevoline trial, 300", "contradicted", "study.merged_details", NULL,
               "99509101");
    /* other people, studied without a control arm elsewhere; people the
     * trial excluded */
    want_match(root, "Brevoline also eases pain", "uncontrolled", "design.uncontrolled", NULL,
               "99509103");
    cr_assert(has_code(claim_starting(root, "Brevoline also eases pain"),
                       "population.other_record"));
    want(root, "Brevoline helps nerve pain in people with diabetes", "not_found",
         "population.unstudied", NULL);
    /* told as it is, words no record holds ("dummy") notwithstanding */
    want_match(root, "So on the evidence so far", "controlled", "finding.null_told", NULL,
               "99509101");
    cJSON_Delete(root);

    root = check_pair(FX "verdict5_corpus.xml", FX "verdict5_hair_article.txt");
    want_match(root, "A trial in 140 men", "controlled", "design.controlled", NULL, "99509104");
    /* the trial enrolled men only */
    want(root, "Women saw even bigger gains", "not_found", "population.unstudied", NULL);
    /* a study's year in any claim that dates it */
    want_match(root, "A 2021 review pooling", "contradicted", "venue.year", NULL, "99509105");
    /* a change told after "found that", on an outcome the review found
     * unchanged */
    want_match(root, "The same review found", "contradicted", "finding.outcome_null", NULL,
               "99509105");
    cJSON_Delete(root);

    /* a randomised trial claimed of the study the article named, whose
     * record is a matched cohort ("not randomised") */
    root = check_pair(FX "verdict5_corpus.xml", FX "verdict5_cohort_article.txt");
    want_match(root, "The study was a randomised", "contradicted", "design.differs", NULL,
               "99509106");
    cJSON_Delete(root);
}
