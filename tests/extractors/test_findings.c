/* The study model (extractors/findings.c): findings with their direction
 * under negations and hedges, non-inferiority, within-group changes,
 * background sentences left out, regimen fields, follow-up in days, arm
 * names; the new columns stored and read back, and an old corpus migrated.
 * All drugs, trials and numbers are invented. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <litmine/litmine.h>
#include <criterion/criterion.h>

static lm_extractor *ex;

static void setup(void)
{
    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK, "%s", lm_extractor_errmsg(ex));
}

static void teardown(void)
{
    lm_extractor_close(ex);
}

TestSuite(findings, .init = setup, .fini = teardown);

static void run(const char *abstract, lm_extractions *x)
{
    lm_article a;

    memset(&a, 0, sizeof a);
    a.pmid = 1;
    a.title = "Zelvorin for invented conditions: a randomized trial";
    a.abstract = abstract;
    cr_assert_eq(lm_extract_article(ex, &a, x), LM_OK, "%s", lm_extractor_errmsg(ex));
}

static size_t count_of(const lm_extractions *x, lm_kind k)
{
    size_t i, n = 0;

    for (i = 0; i < x->len; i++)
        n += x->v[i].kind == k;
    return n;
}

/* The first finding whose text holds @p needle. */
static const lm_extraction *finding(const lm_extractions *x, const char *needle)
{
    size_t i;

    for (i = 0; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_FINDING && strstr(x->v[i].text, needle))
            return &x->v[i];
    return NULL;
}

static const lm_extraction *first_kind(const lm_extractions *x, lm_kind k)
{
    size_t i;

    for (i = 0; i < x->len; i++)
        if (x->v[i].kind == k)
            return &x->v[i];
    return NULL;
}

/* One expected finding: the first finding whose text holds @c needle (its
 * outcome equal to @c needle with @c by_outcome).  NULL fields are not
 * checked; NONE must be absent; *_has fields are substrings. */
#define NONE "\x01"
struct fcase {
    const char *s, *needle, *metric, *rule, *outcome, *intervention, *comparator;
    const char *intervention_has, *comparator_has, *flag, *noflag, *text_not, *p_op;
    double p;
    int by_outcome;
};

static const lm_extraction *finding_by_outcome(const lm_extractions *x, const char *outcome)
{
    size_t i;

    for (i = 0; i < x->len; i++)
        if (x->v[i].kind == LM_KIND_FINDING && x->v[i].outcome
            && !strcmp(x->v[i].outcome, outcome))
            return &x->v[i];
    return NULL;
}

static void expect_field(const char *what, const char *got, const char *want, const char *s)
{
    if (!want)
        return;
    if (!strcmp(want, NONE)) {
        cr_expect_null(got, "%s of: %s is %s", what, s, got);
        return;
    }
    cr_expect(got && !strcmp(got, want), "%s of: %s: got %s, want %s", what, s,
              got ? got : "(none)", want);
}

static void expect_findings(const struct fcase *c, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        lm_extractions x = { 0 };
        const lm_extraction *f;
        const char *flags;

        run(c[i].s, &x);
        f = c[i].by_outcome ? finding_by_outcome(&x, c[i].needle) : finding(&x, c[i].needle);
        cr_assert_not_null(f, "no finding '%s' in: %s", c[i].needle, c[i].s);
        flags = f->flags;
        expect_field("metric", f->metric, c[i].metric, c[i].s);
        expect_field("rule", f->rule, c[i].rule, c[i].s);
        expect_field("outcome", f->outcome, c[i].outcome, c[i].s);
        expect_field("intervention", f->intervention, c[i].intervention, c[i].s);
        expect_field("comparator", f->comparator, c[i].comparator, c[i].s);
        if (c[i].intervention_has)
            cr_expect(f->intervention && strstr(f->intervention, c[i].intervention_has),
                      "intervention of: %s: %s", c[i].s, f->intervention);
        if (c[i].comparator_has)
            cr_expect(f->comparator && strstr(f->comparator, c[i].comparator_has),
                      "comparator of: %s: %s", c[i].s, f->comparator);
        if (c[i].flag)
            cr_expect(strstr(flags, c[i].flag) != NULL, "flags of: %s: %s", c[i].s, flags);
        if (c[i].noflag)
            cr_expect(!strstr(flags, c[i].noflag), "flags of: %s: %s", c[i].s, flags);
        if (c[i].text_not)
            cr_expect(!strstr(f->text, c[i].text_not), "one item per finding: %s", f->text);
        if (c[i].p_op)
            cr_expect(f->p == c[i].p && !strcmp(f->p_op, c[i].p_op), "p of: %s: %g %s", c[i].s,
                      f->p, f->p_op);
        lm_extractions_free(&x);
    }
}

Test(findings, negations_and_hedges)
{
    static const char except[] =
        "RESULTS: There was a trend towards fewer relapses with zelvorin than with placebo "
        "(p = 0.08). The groups did not differ in any secondary outcome except for itch, "
        "which was significantly lower with zelvorin (p = 0.01).";
    static const struct fcase c[] = {
        { .s = "RESULTS: Glimmer scores did not differ between the zelvorin and placebo groups "
               "(p = 0.41).", .needle = "did not differ", .metric = "no_difference",
          .rule = "finding.no_diff", .flag = "significant=false" },
        { .s = "RESULTS: We failed to find an effect of zelvorin on night waking compared with "
               "placebo.", .needle = "failed to find", .metric = "no_difference",
          .rule = "finding.failed", .flag = "significant=false" },
        { .s = "RESULTS: There was no significant group-by-time interaction for fatigue "
               "(p = 0.62).", .needle = "interaction", .metric = "no_difference",
          .rule = "finding.no_diff", .flag = "significant=false" },
        { .s = "RESULTS: Zelvorin was not superior to sham for tremor amplitude.",
          .needle = "not superior", .metric = "no_difference", .rule = "finding.not_superior",
          .flag = "significant=false" },
        { .s = "RESULTS: Grip strength was higher in the zelvorin group than in the placebo group "
               "(p = 0.32).", .needle = "Grip strength", .metric = "no_difference",
          .rule = "finding.p_ns", .flag = "significant=false" },
        { .s = except, .needle = "trend", .metric = "no_difference", .rule = "finding.trend" },
        /* the exception is its own finding */
        { .s = except, .needle = "itch", .metric = "decreased", .outcome = "itch" },
        /* no test reported */
        { .s = "RESULTS: Once-weekly zelvorin was non-inferior to daily brantamide for wound "
               "closure.", .needle = "non-inferior", .metric = "no_difference",
          .rule = "finding.noninferior", .noflag = "significant=" },
        { .s = "RESULTS: In the second period, 3 mg/kg zorvil was no longer effective on sleep "
               "quality (p = 0.3).", .needle = "no longer effective", .metric = "no_difference",
          .outcome = "sleep quality" },
        /* a confidence interval across 0: the difference is not significant */
        { .s = "RESULTS: Glimmer scores were lower with zelvorin than with placebo (mean "
               "difference -1.2, 95% CI -2.5 to 0.1).", .needle = "Glimmer", .metric = "no_difference",
          .rule = "finding.ci_ns", .flag = "significant=false" },
        { .s = "RESULTS: Glimmer scores were lower with zelvorin than with placebo (mean "
               "difference -1.2, 95% CI -2.5 to -0.1).", .needle = "Glimmer", .metric = "decreased" },
        /* a compound word, not a statement of equivalence */
        { .s = "RESULTS: Zelvorin significantly increased moderate-equivalent activity compared "
               "with placebo (p = 0.01).", .needle = "moderate-equivalent", .metric = "increased" },
        /* "p < 0.07" is not below alpha; a mediation denied */
        { .s = "RESULTS: Night waking was less frequent with zelvorin than with placebo (p < 0.07).",
          .needle = "Night waking", .metric = "no_difference" },
        { .s = "RESULTS: Sleep did not mediate the relation between tremor and itch.",
          .needle = "mediate", .metric = "no_difference" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

Test(findings, directions_arms_and_outcomes)
{
    static const char two[] =
        "METHODS: Adults were randomized to zelvorin or placebo.\n"
        "RESULTS: Sleep duration was significantly longer in the zelvorin group than in the "
        "placebo group (p < 0.001). Zelvorin significantly reduced nocturnal cough compared "
        "with placebo (p = 0.02).";
    static const char primary[] =
        "METHODS: The primary outcome was night waking.\n"
        "RESULTS: Daytime naps were fewer with zelvorin than with placebo (p = 0.03). Night "
        "waking did not differ between groups (p = 0.5).";
    static const char lead[] =
        "RESULTS: As compared with a standard diet, a lean diet induced the following: (i) a "
        "25% decrease in zorvil clearance, (ii) no change in glimmer synthesis, and (iii) an "
        "increase in the efficiency of tremor recovery.";
    static const char subject[] =
        "RESULTS: Glimmer levels increased over time in the zelvorin group (p < 0.01) and "
        "decreased over time in the placebo group (p = 0.03).";
    static const char last[] =
        "RESULTS: Glimmer time improved after treatment in both groups (p < 0.01). There was "
        "however no difference between treatment groups. The results showed that the glimmer "
        "score was significantly higher with zelvorin than with placebo (p = 0.03).";
    static const char than[] =
        "RESULTS: Glimmer flushes were significantly more frequent with brantamide than with "
        "zelvorin (44% vs. 12%, p < 0.01). Tremor was lower on zelvorin than on placebo "
        "(p < 0.001).";
    static const char items[] =
        "RESULTS: Zelvorin decreased zorvil binding, as well as enhanced glimmer uptake and "
        "levels of tremor factor (p < 0.05).";
    static const char abbrev[] =
        "METHODS: Sleep latency (SL) was recorded nightly.\nRESULTS: SL was shorter with "
        "zorvil than with placebo (p = 0.01). ABC was higher with zorvil than with placebo "
        "(p = 0.02).";
    static const char sbs[] =
        "RESULTS: The mean wound length was 3.6 cm (range, 2-6) in the zelvorin group versus "
        "2.1 cm (range, 1-4) in the placebo group (p < 0.05). Lower schooling (OR = 2.40, "
        "95% CI 1.10-5.20) was a risk factor for tremor. Relapse did not differ (HR 0.90, "
        "95% CI 0.70-1.20).";
    static const struct fcase c[] = {
        /* the first result is primary */
        { .s = two, .needle = "Sleep duration", .metric = "increased", .outcome = "Sleep duration",
          .p_op = "<", .p = 0.001, .flag = "significant=true", .comparator_has = "placebo" },
        { .s = two, .needle = "Sleep duration", .flag = "primary" },
        { .s = two, .needle = "nocturnal cough", .metric = "decreased", .outcome = "nocturnal cough" },
        { .s = "RESULTS: Fatigue scores decreased significantly from baseline to week 8 "
               "(p = 0.003).", .needle = "Fatigue", .metric = "decreased", .comparator = "baseline" },
        /* pain in zelvorin relative to placebo */
        { .s = "RESULTS: Pain was lower in the placebo group than in the zelvorin group "
               "(p = 0.01).", .needle = "Pain", .metric = "increased", .intervention_has = "zelvorin" },
        { .s = primary, .needle = "Night waking", .flag = "primary" },
        { .s = primary, .needle = "naps", .noflag = "primary" },
        /* higher with placebo: lower with the intervention */
        { .s = "RESULTS: Tremor amplitude was significantly higher in the placebo group "
               "(p = 0.01).", .needle = "Tremor", .metric = "decreased", .intervention = NONE,
          .comparator = "placebo group" },
        { .s = "RESULTS: Flares were significantly more frequent in the unexposed group than in "
               "the exposed group (p = 0.02).", .needle = "Flares", .metric = "decreased",
          .comparator = "unexposed group" },
        /* the items read the lead clause's comparison */
        { .s = lead, .needle = "zorvil clearance", .metric = "decreased", .comparator = "standard diet" },
        { .s = lead, .needle = "no change", .metric = "no_difference", .text_not = "clearance" },
        { .s = lead, .needle = "efficiency", .metric = "increased" },
        /* an intransitive verb: the subject is the outcome, and the second
         * verb is its own finding */
        { .s = subject, .needle = "increased over time", .metric = "increased",
          .outcome = "Glimmer levels", .comparator = "baseline" },
        { .s = subject, .needle = "decreased over time", .metric = "decreased",
          .outcome = "Glimmer levels" },
        { .s = "RESULTS: In the zelvorin and placebo groups, remission was reached by 48% and 31% "
               "of patients.", .needle = "remission", .rule = "finding.values", .metric = "increased",
          .outcome = "remission", .intervention = "zelvorin", .comparator = "placebo",
          .noflag = "significant=" },
        /* a comparison without an outcome is on the last one; a lead is
         * not the outcome */
        { .s = last, .needle = "no difference", .metric = "no_difference", .outcome = "Glimmer time" },
        { .s = last, .needle = "results showed", .outcome = "glimmer score" },
        /* the arm before "than" is the intervention */
        { .s = than, .needle = "Glimmer flushes", .intervention = "brantamide",
          .comparator = "zelvorin" },
        { .s = than, .needle = "Tremor", .metric = "decreased", .intervention = "zelvorin",
          .comparator = "placebo" },
        /* "..., but the difference was not significant": one finding, no
         * difference, quoting both; "not clinically significant" is not it */
        { .s = "RESULTS: Glimmer scores were lower with zelvorin than with placebo, but the "
               "difference was not statistically significant.", .needle = "Glimmer scores",
          .metric = "no_difference", .outcome = "Glimmer scores", .flag = "significant=false" },
        { .s = "RESULTS: Tremor was higher with zelvorin than with placebo (p = 0.01), although "
               "this difference did not reach clinical significance.", .needle = "Tremor",
          .metric = "increased" },
        /* "as effective as": an equivalence, its direction word no result */
        { .s = "RESULTS: Zelvorin was as effective as placebo in reducing glimmer scores.",
          .needle = "glimmer", .metric = "no_difference", .rule = "finding.equivalent" },
        /* "A was noninferior to B in terms of X": A is an arm, X the outcome */
        { .s = "RESULTS: Zelvorin was noninferior to brantamide in terms of glimmer clearance "
               "(95% CI -2.1 to 1.4).", .needle = "noninferior", .metric = "no_difference",
          .outcome = "glimmer clearance", .intervention = "Zelvorin" },
        { .s = "RESULTS: Zelvorin was not superior to placebo for tremor relief (p = 0.41).",
          .needle = "superior", .metric = "no_difference", .outcome = "tremor relief" },
        /* "A versus B reduced X": A before "versus", B up to the verb */
        { .s = "RESULTS: Zelvorin versus placebo significantly reduced glimmer scores (p = 0.01).",
          .needle = "glimmer", .metric = "decreased", .intervention = "Zelvorin",
          .comparator = "placebo" },
        /* a leading "compared with the B group": the group after it is A */
        { .s = "RESULTS: Compared with the placebo group, the zelvorin group showed significant "
               "reductions in tremor scores (p = 0.01).", .needle = "tremor", .metric = "decreased",
          .intervention = "zelvorin group", .comparator_has = "placebo" },
        /* a list item led by a direction word sets it for those after */
        { .s = items, .needle = "zorvil binding", .by_outcome = 1, .metric = "decreased" },
        { .s = items, .needle = "glimmer uptake", .by_outcome = 1, .metric = "increased" },
        { .s = items, .needle = "levels of tremor factor", .by_outcome = 1, .metric = "increased" },
        /* the reduction gives the direction, not "higher" */
        { .s = "RESULTS: Higher doses of zorvil produced greater reductions in pain than lower "
               "doses (p = 0.02).", .needle = "greater reductions", .metric = "decreased" },
        /* the abstract defines SL, not ABC */
        { .s = abbrev, .needle = "SL was shorter", .outcome = "Sleep latency (SL)" },
        { .s = abbrev, .needle = "ABC was higher", .outcome = "ABC" },
        /* values side by side, a ratio above 1, a ratio's CI across 1 */
        { .s = sbs, .needle = "wound length", .rule = "finding.values", .metric = "increased" },
        { .s = sbs, .needle = "schooling", .rule = "finding.ratio", .metric = "increased" },
        { .s = sbs, .needle = "Relapse", .metric = "no_difference" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

Test(findings, clauses_with_their_own_subject)
{
    static const char within[] =
        "RESULTS: In the zelvorin group, the glimmer time significantly increased and the "
        "tremor index at 2, 4, and 8 weeks significantly decreased compared to baseline values.";
    static const char odds[] =
        "RESULTS: Zelvorin patients had significantly increased odds of remission at 6 months "
        "(p = 0.01), and borderline significantly increased odds at 12 months (p = 0.06).";
    static const struct fcase c[] = {
        /* "X increased and Y ... decreased": two findings sharing "from baseline" */
        { .s = within, .needle = "glimmer time", .metric = "increased", .comparator = "baseline",
          .text_not = "tremor" },
        { .s = within, .needle = "tremor index", .metric = "decreased", .comparator = "baseline" },
        /* "Weight and BMI decreased": one clause, not split before its verb */
        { .s = "RESULTS: Glimmer mass and tremor index decreased significantly with zelvorin "
               "compared with placebo (p = 0.01).", .needle = "Glimmer mass and tremor index",
          .metric = "decreased" },
        /* a hedge after a result is its own clause */
        { .s = "RESULTS: Zelvorin improved grip strength compared with placebo (p = 0.01), with a "
               "trend towards longer sleep (p = 0.08).", .needle = "grip strength",
          .metric = "increased", .text_not = "trend" },
        { .s = "RESULTS: Zelvorin improved grip strength compared with placebo (p = 0.01), with a "
               "trend towards longer sleep (p = 0.08).", .needle = "trend", .metric = "no_difference" },
        /* "and more patients had ...": a count of its own, after the reduction */
        { .s = "RESULTS: Zelvorin gave greater tremor reductions than placebo and more patients "
               "had a tremor reduction of >50%.", .needle = "greater tremor", .metric = "decreased",
          .comparator = "placebo", .text_not = "more patients" },
        /* an elided outcome, with the clause's own time point */
        { .s = odds, .needle = "borderline", .metric = "no_difference",
          .outcome = "odds of remission (at 12 months)" },
        { .s = odds, .needle = "Zelvorin patients", .metric = "increased",
          .outcome = "odds of remission (at 6 months)" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

Test(findings, background_and_aims_are_not_findings)
{
    lm_extractions x = { 0 };

    run("BACKGROUND: Zelvorin reduced tremor significantly in earlier trials.\n"
        "OBJECTIVE: To determine whether zelvorin lowers glimmer scores compared with placebo.\n"
        "RESULTS: Previous studies have shown that tremor is lower with zelvorin than with "
        "placebo. Baseline characteristics were similar between groups. Glimmer scores were "
        "significantly lower with zelvorin than with placebo (p = 0.004).", &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1, "only this study's result");
    cr_expect_not_null(finding(&x, "Glimmer scores were"));
    lm_extractions_free(&x);

    run("BACKGROUND: Zelvorin lowered tremor in earlier work compared with placebo. "
        "RESULTS: Tremor did not differ between the zelvorin and placebo groups (p = 0.3).",
        &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1, "labels inside a line");
    cr_expect_not_null(finding(&x, "did not differ"));
    lm_extractions_free(&x);

    /* statements of need, importance or the future are no results */
    {
        static const char *const none[] = {
            "Glimmer mapping is more important than ever before for invented clinics.",
            "This case shows the need for increased awareness of zelvorin among surgeons.",
            "Better tools are needed to drive improved glimmer training and higher reliability.",
            "A shared glimmer scale will improve the comparison of different zelvorin regimens.",
            "Early dosing of zelvorin is of utmost importance to reduce the risk of tremor.",
            "No early glimmer changes were seen, which paves the way for trials of zelvorin.",
            "RESULTS: The mean age of the people in the zelvorin and placebo groups was "
            "41.2 \u00b1 3.1 and 44.0 \u00b1 2.9 years, respectively.",
        };
        size_t i;

        for (i = 0; i < sizeof none / sizeof none[0]; i++) {
            run(none[i], &x);
            cr_expect_eq(count_of(&x, LM_KIND_FINDING), 0, "no finding in: %s", none[i]);
            lm_extractions_free(&x);
        }
    }
}

/* A comparison of the groups before the intervention is no result; a
 * result adjusted for baseline values is one. */
Test(findings, baseline_comparisons_are_not_findings)
{
    static const struct { const char *s, *keep; } c[] = {
        { "RESULTS: The baseline glimmer scores were comparable between the two groups. "
          "Glimmer scores were significantly lower with zelvorin than with placebo (p = 0.01).",
          "lower with zelvorin" },
        { "RESULTS: Baseline tremor ratings did not differ between the groups. Tremor was "
          "significantly reduced with zelvorin compared with placebo (p = 0.02).", "reduced" },
        { "RESULTS: There was no significant difference in glimmer adherence between the "
          "zelvorin and placebo groups before the intervention. Adherence was significantly "
          "higher with zelvorin than with placebo afterwards (p = 0.03).", "Adherence was" },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        lm_extractions x = { 0 };

        run(c[i].s, &x);
        cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1, "only the result in: %s", c[i].s);
        cr_expect_not_null(finding(&x, c[i].keep), "result kept in: %s", c[i].s);
        lm_extractions_free(&x);
    }
    {
        lm_extractions x = { 0 };

        run("RESULTS: After adjustment for baseline values, there was no significant difference "
            "in glimmer scores between the zelvorin and placebo groups (p = 0.41).", &x);
        cr_expect_not_null(finding(&x, "no significant difference"), "an adjusted result");
        lm_extractions_free(&x);
    }
}

/* ---- regimen and follow-up ------------------------------------------------ */

/* The first regimen row of an abstract; NULL fields are not checked, n is
 * checked when has_n. */
struct rcase {
    const char *s, *dose, *route, *frequency, *duration, *why;
    long long n;
    int has_n;
};

Test(findings, regimen_fields)
{
    static const char mixed[] =
        "METHODS AND FINDINGS: We enrolled 90 adults in a crossover study of two daily "
        "zelvorin regimens, each for 5 weeks (oral 20 mg, or both). Serum levels were lower "
        "after the second regimen (p<0.001).";
    static const struct rcase c[] = {
        { .s = "METHODS: Patients received zelvorin 2.5 mg/kg intravenously twice weekly for 4 "
               "weeks or placebo.\nRESULTS: Nothing else.", .dose = "2.5 mg/kg",
          .route = "intravenous", .frequency = "twice weekly", .duration = "4 weeks",
          .n = 8, .has_n = 1, .why = "twice weekly for 4 weeks: 8 administrations" },
        { .s = "METHODS: Each participant had six sessions of invented light therapy.",
          .n = 6, .has_n = 1 },
        { .s = "METHODS: Tablets of brantamide 10 mg b.i.d. were taken orally for 12 weeks.",
          .frequency = "twice daily", .route = "oral", .n = -1, .has_n = 1,
          .why = "daily dosing is never multiplied" },
        { .s = mixed, .dose = "20 mg", .frequency = "daily", .duration = "5 weeks",
          .why = "a mixed part is read for the regimen" },
        { .s = "METHODS: Adults were randomized to placebo or zelvorin 23 mg/day.\n"
               "CONCLUSION: Treatment with zelvorin for up to 3 years improves grip function.",
          .dose = "23 mg/day", .duration = "up to 3 years",
          .why = "the conclusions give the treatment period" },
        { .s = "METHODS: The control group received brantamide 2.0 mg i.v. and continuous "
               "infusion of zorvil 0.07 \xc2\xb5g/kg/min. The zelvorin group received, in addition, "
               "an intravenous bolus of 0.6 mg/kg zelvorin.", .dose = "0.6 mg/kg",
          .why = "an infusion rate in micrograms is not the dose" },
        { .s = "METHODS: Adults received a zorvil 40 mg + dravinol 12.5 mg (Z40/D12) fixed "
               "combination once daily for 8 weeks.", .dose = "zorvil 40 mg + dravinol 12.5 mg" },
        { .s = "METHODS: Adults used zorvil gel or placebo gel in a crossover study lasting 9 "
               "days per arm.", .duration = "9 days", .why = "'lasting N days'" },
        /* combinations: each drug's dose, before or after its name */
        { .s = "METHODS: Adults received 15 mg zorvil + 10 mg dravinol orally or placebo for 4 "
               "weeks.", .dose = "15 mg zorvil + 10 mg dravinol", .route = "oral" },
        { .s = "METHODS: Adults inhaled 300 \xce\xbcg of zorvil and 9 \xce\xbcg of dravinol as "
               "needed, or placebo.", .dose = "300 \xce\xbcg of zorvil and 9 \xce\xbcg of dravinol" },
        { .s = "METHODS: Adults received zorvil 10 mg plus dravinol 5 mg daily or placebo for 12 "
               "weeks.", .dose = "zorvil 10 mg plus dravinol 5 mg", .frequency = "daily" },
        { .s = "METHODS: Adults received 10 mg/kg zorvil and placebo was given to the others.",
          .dose = "10 mg/kg", .why = "a dose and another arm's word: no combination" },
        { .s = "METHODS: Participants took 2 tablets (0.5 g zorvil) per day for 6 months.",
          .dose = "2 tablets (0.5 g zorvil)" },
        { .s = "METHODS: Adults were randomized to a lean diet (0.8 g fibre/kg, n = 7) for 4 "
               "weeks.", .dose = "0.8 g fibre/kg" },
        { .s = "METHODS: Adults received zorvil 5 mg (95% CI of exposure 3-7) daily for 2 weeks.",
          .dose = "5 mg", .why = "a confidence interval is no part of the dose" },
        { .s = "METHODS: The zelvorin group is offered an online programme with weekly writing "
               "tasks and feedback.", .frequency = "weekly",
          .why = "the frequency of what is given, alone" },
        { .s = "METHODS: Patients received three cycles of zelvorin followed by standard care "
               "with weekly brantamide.", .n = 3, .has_n = 1, .frequency = NONE,
          .why = "the schedule of the next phase is not the regimen's" },
        { .s = "METHODS: Participants attended all nine monthly invented online group sessions.",
          .n = 9, .has_n = 1, .frequency = "monthly" },
        { .s = "METHODS: Patients received twenty-four injections of zelvorin.", .n = 24,
          .has_n = 1, .why = "a hyphenated number word before the unit" },
        { .s = "METHODS: Patients received 6 weekly supervised group exercise classes, then "
               "zelvorin.", .n = -1, .has_n = 1, .why = "no unit of administrations" },
        { .s = "METHODS: Local pelvic application of zelvorin gel was given for 3 days.",
          .route = "local pelvic application" },
        { .s = "METHODS: At a department of oral and maxillofacial surgery, adults received "
               "zelvorin 5 mg for 5 days.", .dose = "5 mg", .route = NONE,
          .why = "a department's name is no route" },
        { .s = "METHODS: Heifers in the first arm, kept isolated and standing in a pen without "
               "restraint, received 0.02 mL/kg 0.9% isotonic saline. Heifers in the second arm "
               "received 0.4 IU/kg zelvorin.", .dose = "0.4 IU/kg",
          .why = "the volume of a control substance is not the dose" },
        /* counted frequencies are read whole, never as their bare last word */
        { .s = "METHODS: Adults took zorvane 15 mg orally four times daily for 9 weeks.",
          .frequency = "four times daily", .duration = "9 weeks", .n = -1, .has_n = 1,
          .why = "N times daily: daily dosing, never multiplied" },
        { .s = "METHODS: Adults took zorvane 15 mg orally three times weekly for 7 weeks.",
          .frequency = "three times weekly", .n = 21, .has_n = 1,
          .why = "N times weekly: N administrations a week" },
        { .s = "METHODS: Adults took zorvane 15 mg three times a week for 7 weeks.",
          .frequency = "three times a week", .n = 21, .has_n = 1 },
        { .s = "METHODS: Adults took zorvane 15 mg 2 times/week for 7 weeks.",
          .frequency = "2 times/week", .n = 14, .has_n = 1 },
        { .s = "METHODS: Adults took zorvane 15 mg twice weekly for 7 weeks.",
          .frequency = "twice weekly", .n = 14, .has_n = 1 },
        { .s = "METHODS: Adults took zorvane 15 mg every other day for 7 weeks.",
          .frequency = "every other day", .n = -1, .has_n = 1,
          .why = "more often than weekly: never multiplied" },
        { .s = "METHODS: Adults took zorvane 15 mg once every two weeks for 14 weeks.",
          .frequency = "once every two weeks", .n = 7, .has_n = 1,
          .why = "once every N weeks: one administration per N weeks" },
        { .s = "METHODS: Adults took zorvane 15 mg five times monthly for 3 months.",
          .frequency = "five times monthly" },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        lm_extractions x = { 0 };
        const lm_extraction *r;
        const char *why = c[i].why ? c[i].why : "";

        run(c[i].s, &x);
        r = first_kind(&x, LM_KIND_REGIMEN);
        cr_assert_not_null(r, "no regimen in: %s", c[i].s);
        expect_field("dose", r->dose, c[i].dose, c[i].s);
        expect_field("route", r->route, c[i].route, c[i].s);
        expect_field("frequency", r->frequency, c[i].frequency, c[i].s);
        expect_field("duration", r->duration, c[i].duration, c[i].s);
        if (c[i].has_n)
            cr_expect_eq(r->n, c[i].n, "%s (%s): n %lld", c[i].s, why, (long long)r->n);
        lm_extractions_free(&x);
    }
}

/* Rows of @p kind, and whether any has no dose or the dose @p dose (when
 * @p dose is given). */
static size_t rows_of(const char *s, lm_kind kind, const char *dose, int *has_dose)
{
    lm_extractions x = { 0 };
    size_t i, n = 0;

    run(s, &x);
    *has_dose = 0;
    for (i = 0; i < x.len; i++)
        if (x.v[i].kind == kind) {
            n++;
            *has_dose |= dose && (!x.v[i].dose || !strcmp(x.v[i].dose, dose));
        }
    lm_extractions_free(&x);
    return n;
}

Test(findings, regimen_rows_per_arm)
{
    static const struct { const char *s, *not_dose, *why; size_t n; } c[] = {
        { "METHODS: Adults were randomized to usual diet (1.3 g/kg, n = 5) or a lean diet "
          "(0.7 g/kg, n = 6) or a leaner diet (0.3 g/kg, n = 6).", "1.3 g/kg",
          "one row per experimental arm; the usual diet is the control arm", 2 },
        { "METHODS: Adults received a zorvil 40 mg + dravinol 12.5 mg (Z40/D12) fixed "
          "combination once daily for 8 weeks.", NULL,
          "the second component is no arm of its own", 1 },
        { "METHODS: Glimmer scores were assessed weekly with an invented questionnaire.", NULL,
          "a schedule of measurement is no regimen", 0 },
        { "A 71-year-old man with invented glimmer disease was admitted. A 9-year old boy was "
          "seen too.", NULL, "an age is no treatment duration", 0 },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        int bad;
        size_t n = rows_of(c[i].s, LM_KIND_REGIMEN, c[i].not_dose, &bad);
        cr_expect_eq(n, c[i].n, "%s: %zu rows", c[i].why, n);
        cr_expect(!bad, "%s", c[i].why);
    }
}

Test(findings, follow_up)
{
    static const struct { const char *s, *duration, *why; double days; size_t n; } c[] = {
        { "METHODS: Outcomes were assessed at 4 and 12 weeks. Patients were followed up for "
          "two years.\nRESULTS: Patients aged 40 years did well.", "2 years", "", 730.5, 1 },
        { "RESULTS: Glimmer scores were lower at week 24 than at baseline (p = 0.01).", NULL, "",
          168, 1 },
        { "RESULTS: Compared with placebo, zelvorin lowered the itch score in 36 hours "
          "(p = 0.01).", NULL, "", 1.5, 1 },
        { "METHODS: This is an analysis of a 9-week, multicentre (four invented countries), "
          "randomized, placebo-controlled study of adults with tremor.", NULL,
          "a bracket between the length and 'study'", 63, 1 },
        { "METHODS: Adults took part in a crossover study of two zelvorin regimens, each for 5 "
          "weeks.", NULL, "one period of several", NAN, 0 },
        { "METHODS: The coated strips were kept frozen for at least 19 weeks.", NULL,
          "a lower bound", NAN, 0 },
        { "METHODS: The zelvorin group exercised 4 times a week, for 7 weeks.", NULL,
          "the treatment period still counts", 49, 1 },
        { "METHODS: Adults had a 6-month follow-up after the last zelvorin dose.", NULL,
          "a number before 'follow-up'", 182.625, 1 },
        { "METHODS: Glimmer was scored at two, four, and ten months after zelvorin.", NULL,
          "a list of times sharing their unit: the last", 304.375, 1 },
        { "METHODS: Itch was rated by telephone on the first 3 postoperative days.", NULL,
          "the first N days", 3, 1 },
        { "RESULTS: Over the next 5 days, the glimmer score returned to baseline.", NULL,
          "the next N days", 5, 1 },
        { "RESULTS: Over the next 5 days, the glimmer score returned to baseline. Other reports "
          "have described glimmer for up to 30 days after zelvorin.", NULL,
          "a time from other reports is not this study's", 5, 1 },
        { "METHODS: Over a 2-year period, all adults admitted with glimmer were reviewed.",
          NULL, "a calendar period of inclusion", NAN, 0 },
        { "METHODS: We aim to include 640 adults over a 4-year period.", NULL,
          "a period of recruitment", NAN, 0 },
        { "METHODS: Adults received zelvorin over a 4-year period.", NULL,
          "a treatment period still counts", 4 * 365.25, 1 },
        { "METHODS: Trials with follow-up to 7 years were eligible.", NULL,
          "other studies' follow-up", NAN, 0 },
        { "METHODS: Adults used zorvil or placebo in a crossover study lasting 9 days per arm.",
          NULL, "'lasting N days': the treatment period", 9, 1 },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        lm_extractions x = { 0 };
        const lm_extraction *f;

        run(c[i].s, &x);
        cr_expect_eq(count_of(&x, LM_KIND_FOLLOW_UP), c[i].n, "%s: %s", c[i].why, c[i].s);
        f = first_kind(&x, LM_KIND_FOLLOW_UP);
        if (c[i].n) {
            cr_assert_not_null(f, "%s: %s", c[i].why, c[i].s);
            cr_expect(fabs(f->value - c[i].days) < 0.01, "%s: %g days", c[i].s, f->value);
            expect_field("duration", f->duration, c[i].duration, c[i].s);
        }
        lm_extractions_free(&x);
    }
}

Test(findings, regimen_per_arm_when_doses_differ)
{
    lm_extractions x = { 0 };
    size_t i, n = 0;

    run("METHODS: Participants received zelvorin 0.2 mg/kg or 0.5 mg/kg, or saline.", &x);
    for (i = 0; i < x.len; i++)
        if (x.v[i].kind == LM_KIND_REGIMEN) {
            cr_assert_not_null(x.v[i].label);
            cr_expect_str_eq(x.v[i].label, n ? "0.5 mg/kg" : "0.2 mg/kg");
            n++;
        }
    cr_expect_eq(n, 2);
    lm_extractions_free(&x);
}

Test(findings, arm_labels)
{
    lm_extractions x = { 0 };
    size_t i;
    int seen = 0;

    run("METHODS: Adults were randomized to placebo (n = 54), zelvorin 0.2 mg/kg (n = 53) or "
        "zelvorin 0.5 mg/kg (n = 51).", &x);
    for (i = 0; i < x.len; i++) {
        const lm_extraction *e = &x.v[i];
        if (e->kind != LM_KIND_ARM_SIZE)
            continue;
        cr_assert_not_null(e->label, "arm of %g has no name", e->value);
        if (e->value == 54) {
            cr_expect_str_eq(e->label, "placebo");
            seen++;
        }
        if (e->value == 51) {
            cr_expect_str_eq(e->label, "zelvorin 0.5 mg/kg");
            seen++;
        }
    }
    cr_expect_eq(seen, 2);
    lm_extractions_free(&x);
}

Test(findings, odd_input_never_crashes)
{
    static const char *const odd[] = {
        "RESULTS:", "RESULTS: did not differ", "no", "p = 0.5", "follow-up 0 weeks",
        "METHODS: 5 mg", "RESULTS: ; ; except for , but ;", "except for",
        "RESULTS: (n = 5", "at week 99999999999999999999",
    };
    size_t i;

    for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        lm_extractions x = { 0 };
        run(odd[i], &x);
        lm_extractions_free(&x);
    }
}

Test(findings, coordinated_outcomes_split)
{
    lm_extractions x = { 0 };
    size_t i, n = 0;

    run("RESULTS: There was no significant difference in the healing rate, patient "
        "compliance or rate of adverse events between the two groups.", &x);
    for (i = 0; i < x.len; i++)
        if (x.v[i].kind == LM_KIND_FINDING) {
            cr_expect_str_eq(x.v[i].metric, "no_difference");
            cr_assert_not_null(x.v[i].outcome);
            n++;
        }
    cr_expect_eq(n, 3, "one finding per outcome, got %zu", n);
    lm_extractions_free(&x);
}

/* ---- stored and read back ------------------------------------------------ */

static char dir[512], db[600];

static void rm_db(void)
{
    static const char *const ext[] = { "", "-wal", "-shm", ".lock" };
    char path[640];
    size_t i;

    for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        snprintf(path, sizeof path, "%s%s", db, ext[i]);
        unlink(path);
    }
    rmdir(dir);
}

static lm_corpus *new_corpus(void)
{
    lm_corpus *c = NULL;

    snprintf(dir, sizeof dir, "%s/lm_findings_XXXXXX", LM_BINARY_DIR);
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    cr_assert_eq(lm_corpus_open(db, 0, &c), LM_OK);
    return c;
}

Test(findings, store_and_load_round_trip)
{
    lm_extractions x = { 0 }, y = { 0 };
    lm_corpus *c = new_corpus();
    size_t i;
    int version = 0;

    run("METHODS: Adults were randomized to placebo (n = 54) or zelvorin (n = 53), given "
        "as 3 mg orally once daily for 6 weeks.\nRESULTS: Glimmer scores did not differ "
        "between the zelvorin and placebo groups (p = 0.41) at week 6.", &x);
    cr_assert_geq(count_of(&x, LM_KIND_FINDING), 1);
    cr_assert_geq(count_of(&x, LM_KIND_REGIMEN), 1);
    cr_assert_eq(lm_extract_store(ex, c, 1, &x), LM_OK, "%s", lm_extractor_errmsg(ex));
    cr_assert_eq(lm_extract_load(ex, c, 1, &y, &version), LM_OK, "%s", lm_extractor_errmsg(ex));
    cr_expect_eq(version, LM_EXTRACTOR_VERSION);
    cr_assert_eq(y.len, x.len);
    for (i = 0; i < x.len; i++) {
        const lm_extraction *a = &x.v[i], *b = &y.v[i];
        const char *sa[] = { a->outcome, a->intervention, a->comparator, a->dose, a->frequency,
                             a->duration, a->route, a->label };
        const char *sb[] = { b->outcome, b->intervention, b->comparator, b->dose, b->frequency,
                             b->duration, b->route, b->label };
        size_t j;
        cr_expect_eq(a->kind, b->kind);
        cr_expect_str_eq(a->metric, b->metric);
        for (j = 0; j < sizeof sa / sizeof sa[0]; j++) {
            if (!sa[j])
                cr_expect_null(sb[j], "row %zu field %zu", i, j);
            else {
                cr_assert_not_null(sb[j], "row %zu field %zu", i, j);
                cr_expect_str_eq(sa[j], sb[j]);
            }
        }
    }
    lm_extractions_free(&x);
    lm_extractions_free(&y);
    lm_corpus_close(c);
    rm_db();
}

Test(findings, old_corpus_is_migrated)
{
    lm_corpus *c = new_corpus();
    sqlite3 *h;
    lm_extractions x = { 0 };
    char path[4096], *sql;
    FILE *f;
    size_t n;

    /* make it a version-1 file (tests/fixtures/corpus/schema_v1.sql): no
     * study-model columns */
    lm_corpus_close(c);
    cr_assert_eq(unlink(db), 0);
    snprintf(path, sizeof path, "%s/corpus/schema_v1.sql", LM_FIXTURES);
    cr_assert_not_null(f = fopen(path, "r"));
    cr_assert_not_null(sql = calloc(1, 65536));
    n = fread(sql, 1, 65535, f);
    fclose(f);
    cr_assert_gt(n, 0);
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
    free(sql);
    cr_assert_eq(sqlite3_exec(h, "INSERT INTO extraction(pmid, kind, value, metric, text, rule,"
                              " span_start, span_end, extractor_version)"
                              " VALUES (7, 'sample_size', 40, 'randomized', 'forty', 'n.x', 0, 5, 2);"
                              "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    /* opening it migrates; the old row reads back with no study-model strings */
    cr_assert_eq(lm_corpus_open(db, 0, &c), LM_OK, "%s", lm_corpus_errmsg(c));
    cr_assert_eq(lm_extract_load(ex, c, 7, &x, NULL), LM_OK, "%s", lm_extractor_errmsg(ex));
    cr_assert_eq(x.len, 1);
    cr_expect_null(x.v[0].outcome);
    cr_expect_null(x.v[0].label);
    lm_extractions_free(&x);
    run("RESULTS: Glimmer scores did not differ between groups (p = 0.41).", &x);
    cr_expect_eq(lm_extract_store(ex, c, 7, &x), LM_OK, "%s", lm_extractor_errmsg(ex));
    lm_extractions_free(&x);
    lm_corpus_close(c);
    rm_db();
}

/* ---- outcome polarity, arm orientation, clause structure ----------------- */

Test(findings, evaluative_words_follow_the_outcome_polarity)
{
    static const struct fcase c[] = {
        /* lower is better: "improved" is less of it, "worse" more */
        { .s = "RESULTS: Zelvorin significantly improved joint pain compared with placebo (p = 0.01).", .needle = "joint pain", .metric = "decreased" },
        { .s = "RESULTS: Itch was significantly worse with zelvorin than with placebo (p = 0.03).", .needle = "Itch", .metric = "increased" },
        { .s = "RESULTS: The zelvorin group showed a greater improvement in the total rating score "
          "than the placebo group (p = 0.01).", .needle = "rating score", .metric = "decreased" },
        { .s = "RESULTS: Both zelvorin creams significantly improved forehead wrinkles compared "
               "with baseline (p < 0.01).", .needle = "wrinkles", .metric = "decreased" },
        { .s = "RESULTS: Skin roughness improved more with zelvorin than with placebo (p = 0.02).",
          .needle = "roughness", .metric = "decreased" },
        /* a denial of a change in every arm is no difference */
        { .s = "RESULTS: Neither the zelvorin gel nor the placebo gel reduced glimmer intensity.",
          .needle = "glimmer intensity", .metric = "no_difference" },
        { .s = "RESULTS: Glimmer scores fell with zelvorin (p = 0.01). However, there was no "
               "significant decline in glimmer scores in the control group either.",
          .needle = "no significant decline", .metric = "no_difference" },
        /* "A was superior to B in improving X": X the outcome, by its polarity;
         * "in reducing X" says the direction itself */
        { .s = "RESULTS: Zelvorin was superior to placebo in improving the itch scores at week 6 "
               "(p = 0.01).", .needle = "itch", .metric = "decreased", .outcome = "itch scores (at week 6)",
          .intervention = "Zelvorin", .comparator = "placebo" },
        { .s = "RESULTS: Zelvorin was better than placebo in reducing wobble (p = 0.01).",
          .needle = "reducing wobble", .metric = "decreased", .outcome = "wobble",
          .intervention = "Zelvorin", .comparator = "placebo" },
        { .s = "RESULTS: Zelvorin was worse than placebo in reducing wobble (p = 0.01).",
          .needle = "worse than placebo in reducing", .metric = "increased", .outcome = "wobble" },
        { .s = "RESULTS: Zelvorin outperformed placebo when it comes to improving skin hydration "
               "and wrinkle depth (p < 0.05).", .needle = "outperformed", .metric = "increased",
          .outcome = "skin hydration", .intervention = "Zelvorin", .comparator = "placebo" },
        { .s = "RESULTS: Zelvorin outperformed placebo when it comes to improving skin hydration "
               "and wrinkle depth (p < 0.05).", .needle = "wrinkle depth", .metric = "decreased",
          .outcome = "wrinkle depth", .by_outcome = 1 },
        { .s = "RESULTS: Zelvorin was superior to placebo in improving grip strength (p = 0.01).",
          .needle = "grip strength", .metric = "increased", .outcome = "grip strength" },
        /* one-word measures of opposite polarity are two outcomes, each
         * "improved" by its own polarity; "total and LDL cholesterol" one */
        { .s = "RESULTS: Zelvorin improved anxiety and mobility compared with placebo (p = 0.01).",
          .needle = "anxiety", .metric = "decreased", .outcome = "anxiety", .by_outcome = 1 },
        { .s = "RESULTS: Zelvorin improved anxiety and mobility compared with placebo (p = 0.01).",
          .needle = "mobility", .metric = "increased", .outcome = "mobility", .by_outcome = 1 },
        { .s = "RESULTS: Total and LDL cholesterol were lower with zelvorin than with placebo "
               "(p = 0.01).", .needle = "Total and LDL cholesterol", .metric = "decreased",
          .outcome = "Total and LDL cholesterol", .by_outcome = 1 },
        /* "A did not have a higher X than B": a denied comparison, X after it */
        { .s = "RESULTS: Wobblers did not have a higher risk of glimmer compared to controls "
               "(HR = 1.3; 95% CI 0.8-1.9).", .needle = "did not have", .metric = "no_difference",
          .outcome = "risk of glimmer", .intervention = "Wobblers", .comparator = "controls" },
        { .s = "RESULTS: Zelvorin users did not have lower wobble scores than controls.",
          .needle = "lower wobble", .metric = "no_difference", .outcome = "wobble scores" },
        /* higher is better: the word's own direction */
        { .s = "RESULTS: Quality of life was significantly improved with zelvorin compared with "
          "placebo (p = 0.02).", .needle = "Quality of life", .metric = "increased" },
        { .s = "RESULTS: Zelvorin patients had significantly worse grip function than placebo "
          "patients (p = 0.04).", .needle = "grip function", .metric = "decreased" },
        { .s = "RESULTS: Pain-free survival was significantly better with zelvorin than with placebo "
          "(p = 0.01).", .needle = "Pain-free", .metric = "increased" },
        /* an outcome of unknown polarity: "worse" keeps its own direction */
        { .s = "RESULTS: Zelvorin aggravated glimmer tolerance compared with placebo (p = 0.02).", .needle = "tolerance", .metric = "decreased" },
        /* "time to" a harm is longer the better, to a good outcome shorter */
        { .s = "RESULTS: Time to relapse was significantly better with zelvorin than with placebo "
               "(p = 0.01).", .needle = "Time to relapse", .metric = "increased" },
        { .s = "RESULTS: Time to wound healing was significantly improved with zelvorin compared "
               "with placebo (p = 0.01).", .needle = "Time to wound", .metric = "decreased" },
        { .s = "RESULTS: Zelvorin significantly improved the insulin area under the curve compared "
               "with placebo (p = 0.01).", .needle = "insulin area", .metric = "decreased" },
        /* an arm named by its code after a lead phrase keeps the code */
        { .s = "RESULTS: At week 4, Group K had significantly higher glimmer levels than group H "
               "(p = 0.01).", .needle = "glimmer levels", .metric = "increased",
          .intervention = "Group K", .comparator = "group H" },
        { .s = "RESULTS: After dosing, the group II patients had higher glimmer levels than the "
               "zelvorin group (p = 0.01).", .needle = "glimmer levels", .intervention_has = "group II" },
        /* values with the second arm named before its own value */
        { .s = "RESULTS: The mean glimmer time for group A was 28.1 s and group B was 107.6 s "
               "(P < 0.001).", .needle = "glimmer time", .metric = "decreased",
          .rule = "finding.values", .comparator = "group B" },
        /* an arm named by its code gets the treatment that defines it */
        { .s = "METHODS: Patients were randomized to zelvorin rinse (Group S) or placebo rinse "
               "(group B).\nRESULTS: Group S had significantly higher glimmer levels than group B "
               "(p = 0.01).", .needle = "glimmer levels", .intervention = "zelvorin rinse (Group S)",
          .comparator = "placebo rinse (group B)" },
        { .s = "METHODS: In group K, 30 ml of zelvorin was instilled. Group Q (n = 20) received "
               "placebo drops.\nRESULTS: Glimmer levels were significantly lower in group K than "
               "in group Q (p = 0.01).", .needle = "Glimmer levels", .intervention_has = "30 ml of zelvorin",
          .comparator_has = "placebo drops" },
        /* a plain quantity word is not turned round */
        { .s = "RESULTS: Joint pain was significantly higher with zelvorin than with placebo "
          "(p = 0.01).", .needle = "Joint pain", .metric = "increased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

Test(findings, thresholds_and_hedge_words_are_not_directions)
{
    static const struct fcase c[] = {
        /* "two or more": a threshold; "smaller" is the direction */
        { .s = "RESULTS: The share of patients with two or more flares was significantly smaller "
          "with zelvorin than with placebo (p = 0.02).", .needle = "flares", .metric = "decreased" },
        /* a superlative as a predicate is a direction, naming the outcome it is not */
        { .s = "RESULTS: Night waking was lowest with zelvorin compared with placebo (p = 0.01).",
          .needle = "Night waking", .metric = "decreased" },
        { .s = "RESULTS: The lowest glimmer level was significantly higher with zelvorin than with "
               "placebo (p = 0.02).", .needle = "lowest glimmer", .metric = "increased" },
        { .s = "RESULTS: Glimmer time improved by at least 2 points more with zelvorin than with "
               "placebo (p = 0.02).", .needle = "Glimmer time", .metric = "increased" },
        /* "borderline" names a level, not a trend */
        { .s = "RESULTS: More zelvorin patients shifted from borderline to high glimmer levels than "
          "placebo patients (30% vs 10%, p = 0.01).", .needle = "borderline", .metric = "increased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

Test(findings, a_value_after_versus_is_not_an_arm)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Zelvorin patients had greater reductions in glimmer scores (-1.27 vs. -0.62; "
        "p = 0.02).", &x);
    f = finding(&x, "glimmer");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased");
    cr_expect(!f->comparator || !strchr("-0123456789", f->comparator[0]), "comparator %s",
              f->comparator);
    lm_extractions_free(&x);
}


/* ---- lists, denials and arms in the clause (ev2 train error classes) ----- */

Test(findings, list_items_with_their_own_p_values)
{
    static const char list[] =
        "RESULTS: The zelvorin group had a significantly shorter glimmer time (p = 0.02), "
        "reduced tremor requirements (p = 0.05) and shorter night waking (p = 0.04) when "
        "compared with the placebo group.";
    static const struct fcase c[] = {
        /* a bracketed p after an item does not end the list */
        { .s = list, .needle = "glimmer time", .by_outcome = 1, .metric = "decreased" },
        { .s = list, .needle = "tremor requirements", .by_outcome = 1, .metric = "decreased" },
        { .s = list, .needle = "night waking", .by_outcome = 1, .metric = "decreased",
          .comparator = "placebo group" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* A clause that only denies the one before its significance makes that
 * one no difference: without a subject, after "however,", after a comma,
 * "no significant differences were observed" without an outcome. */
Test(findings, denials_of_significance_after_the_result)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Stool softening was found more often with zorvil than with placebo, but "
               "did not reach statistical significance (90% versus 50%; p = 0.14).",
          .needle = "Stool softening", .metric = "no_difference", .outcome = "Stool softening",
          .flag = "significant=false" },
        { .s = "RESULTS: Glimmer was lower with zorvil than with placebo; however, the difference "
               "between the groups was not statistically significant.", .needle = "Glimmer",
          .metric = "no_difference", .outcome = "Glimmer" },
        { .s = "RESULTS: The tremor response was lower with zorvil than with placebo, but no "
               "significant differences were observed (8%, P > 0.05).", .needle = "tremor response",
          .metric = "no_difference", .outcome = "tremor response" },
        { .s = "RESULTS: Although tremor reduction was greater with zorvil (-1.55) relative to "
               "placebo (-1.40), the difference was not statistically significant (P = 0.33).",
          .needle = "tremor", .metric = "no_difference", .flag = "significant=false" },
        /* a denial naming an outcome of its own is its own finding */
        { .s = "RESULTS: Tremor was lower with zorvil than with placebo (p = 0.01), but no "
               "significant difference in glimmer was found.", .needle = "Tremor was lower",
          .metric = "decreased", .outcome = "Tremor" },
        { .s = "RESULTS: Tremor was lower with zorvil than with placebo (p = 0.01), but no "
               "significant difference in glimmer was found.", .needle = "glimmer", .by_outcome = 1,
          .metric = "no_difference" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* An outcome keeps the abbreviation after it, and an abbreviation with
 * small letters first or a plural "s" is given its long form. */
Test(findings, outcome_abbreviations)
{
    static const char defs[] =
        "METHODS: We measured the glimmer-ankle tremor wave index (gaTWI) and night waking "
        "levels (NWL).\nRESULTS: The mean gaTWI did not improve in the zorvil group compared "
        "with placebo (p = 0.4). No significant differences in the mean NWLs were found "
        "between zorvil and placebo. Zorvil reduced glimmer binding capacity (GBC-2) "
        "(2.20 vs. 2.63, p = 0.02).";
    static const struct fcase c[] = {
        { .s = defs, .needle = "gaTWI did not", .outcome = "glimmer-ankle tremor wave index (gaTWI)" },
        { .s = defs, .needle = "NWLs", .outcome = "night waking levels (NWLs)" },
        { .s = defs, .needle = "binding", .outcome = "glimmer binding capacity (GBC-2)",
          .metric = "decreased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* Arms: the subject of "had/showed a higher X" even with "in the A group"
 * in it, "those in the B group" whole, the arm after a value. */
Test(findings, arms_around_values_and_generic_heads)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Patients in the zorvil group showed a higher rate of glimmer union than "
               "those in the control group (p = 0.01).", .needle = "union", .metric = "increased",
          .outcome = "rate of glimmer union", .comparator = "those in the control group" },
        /* "compared to 2,07 visits in the control group": the control is the
         * comparator, not the intervention turned round */
        { .s = "RESULTS: Zorvil patients had significantly more glimmer visits compared to 2,07 "
               "visits in the control group.", .needle = "glimmer visits", .metric = "increased",
          .comparator = "control group" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "No EVENTS occurred in either group": none in any arm, no difference;
 * a statement on one arm's events is not one. */
Test(findings, no_events_in_any_arm)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: No glimmer flares occurred in either group.", .needle = "flares",
          .metric = "no_difference", .rule = "finding.no_events", .outcome = "glimmer flares" },
        { .s = "RESULTS: No severe tremor related to zorvil dosing in either group was observed.",
          .needle = "tremor", .metric = "no_difference",
          .outcome = "severe tremor related to zorvil dosing" },
        { .s = "RESULTS: No serious night waking was reported in any of the treatment arms.",
          .needle = "night waking", .metric = "no_difference", .outcome = "serious night waking" },
    };
    lm_extractions x = { 0 };

    expect_findings(c, sizeof c / sizeof c[0]);
    run("RESULTS: No glimmer flares were observed with zorvil.", &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 0, "one arm's events are no comparison");
    lm_extractions_free(&x);
}

/* "better survival (HR 0.76 ...)": the evaluative word gives the direction
 * of the outcome, the hazard ratio that of the event; ", compared with B"
 * after a bracket is no list item. */
Test(findings, evaluative_words_before_a_ratio)
{
    static const char s[] =
        "RESULTS: Patients on zorvil had better glimmer survival (HR 0.76, 95% CI 0.63-0.92, "
        "p = 0.006), compared with placebo.";
    static const struct fcase c[] = {
        { .s = s, .needle = "glimmer survival", .metric = "increased", .outcome = "glimmer survival",
          .comparator = "placebo" },
    };
    lm_extractions x = { 0 };

    expect_findings(c, sizeof c / sizeof c[0]);
    run(s, &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1, "one finding");
    lm_extractions_free(&x);
}

/* "decreased from 32.9% to 29.4%" is a change within a group; "did not
 * appear to be more X" a denial; "and there was" starts a clause. */
Test(findings, within_changes_hedged_denials_and_there_clauses)
{
    static const char there[] =
        "RESULTS: More patients in the zorvil groups were independent at 3 (p = 0.086) and 6 "
        "months (p = 0.122) compared to controls and there also was a significant difference in "
        "glimmer scores between them (p = 0.049).";
    static const struct fcase c[] = {
        { .s = "RESULTS: Mean glimmer risk decreased from 32.9% to 29.4% (p < 0.001) in the zorvil "
               "group.", .needle = "glimmer risk", .metric = "decreased", .comparator = "baseline" },
        { .s = "RESULTS: Tremor scores rose from a mean of 4.1 at week 2 to 5.0 at week 8 in the "
               "zorvil group (p = 0.01).", .needle = "Tremor", .metric = "increased",
          .comparator = "baseline" },
        { .s = "RESULTS: The zorvil strategy did not appear to be more beneficial than the standard "
               "strategy for night waking.", .needle = "beneficial", .metric = "no_difference" },
        { .s = there, .needle = "independent", .metric = "no_difference", .text_not = "glimmer" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "At 1 year, however, X was similar": the lead phrase is no clause; its
 * time point names the outcome. */
Test(findings, a_lead_phrase_before_however_stays)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: At 6 months, glimmer loss was greater with zorvil than with placebo "
               "(p = 0.002). At 1 year, however, glimmer loss was similar in both groups "
               "(p = 0.139).", .needle = "At 1 year", .metric = "no_difference",
          .outcome = "glimmer loss (At 1 year)" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "the incidence of A, B, and C were higher": a list, not a clause before
 * "and C were"; "X (group 3) reduced Y": the bracket ends the subject;
 * "X were seen in 11/18, and were not different": X is the outcome. */
Test(findings, lists_brackets_and_elided_subjects)
{
    static const char list[] =
        "RESULTS: The incidence of night waking, tremor, itch, and glimmer flares were "
        "significantly higher in the zorvil group (p < 0.05).";
    static const struct fcase c[] = {
        { .s = list, .needle = "incidence of night waking", .by_outcome = 1, .metric = "increased" },
        { .s = list, .needle = "glimmer flares", .by_outcome = 1, .metric = "increased" },
        { .s = "RESULTS: Combined use of zorvil and laser (group 3) significantly reduced the "
               "glimmer pain (p < 0.05).", .needle = "glimmer", .metric = "decreased",
          .outcome = "glimmer pain" },
        { .s = "RESULTS: Glimmer responses were detected in 11/18 individuals, and were not "
               "statistically different between study arms.", .needle = "not statistically",
          .metric = "no_difference", .outcome = "Glimmer responses" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "A was better than B for X": A and B are arms, X the outcome; "A resulted
 * in less X": A is the intervention, X the outcome. */
Test(findings, arms_as_subjects_of_evaluations_and_results)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Zorvil was significantly better than brantamide and placebo for glimmer "
               "acuity averaged across distances (p = 0.038).", .needle = "acuity",
          .metric = "increased", .outcome = "glimmer acuity averaged", .intervention = "Zorvil",
          .comparator = "brantamide and placebo" },
        { .s = "RESULTS: However, when compared with placebo, zorvil rinse resulted in "
               "significantly less glimmer plaque.", .needle = "plaque", .metric = "decreased",
          .outcome = "glimmer plaque", .intervention = "zorvil rinse", .comparator = "placebo" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "A was stopped in 33% whereas B was stopped in 8%": each arm its own
 * value of one predicate, one finding on the pair; a control named first
 * is the comparator; "whereas" splits without a comma too. */
Test(findings, contrasts_of_two_arms_values)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Brantamide was stopped in 24/73 (33%) of patients whereas zorvil was "
               "stopped in 5/66 (8%) of patients (P < 0.001).", .needle = "stopped",
          .rule = "finding.values", .metric = "increased", .outcome = "stopped",
          .intervention = "Brantamide", .comparator = "zorvil", .flag = "significant=true" },
        { .s = "RESULTS: Placebo was stopped in 33% of patients, while zorvil was stopped in 8% of "
               "patients (p = 0.4).", .needle = "stopped", .metric = "no_difference",
          .intervention = "zorvil", .comparator = "Placebo" },
        { .s = "RESULTS: Placebo was stopped in 33% of patients, while zorvil was stopped in 8% of "
               "patients (p = 0.01).", .needle = "stopped", .metric = "decreased",
          .intervention = "zorvil", .comparator = "Placebo" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X were 53% and 87% in A and B, respectively, and the Y were 93% and
 * 47%, respectively": the second pair of values is a clause of its own,
 * on the arms the sentence named for the first. */
Test(findings, respectively_values_reuse_the_sentence_arms)
{
    static const char s[] =
        "RESULTS: The one-year relapse rates were 53.3% and 86.6% in patients treated with zorvil "
        "and brantamide, respectively (P < 0.05), and the one-year glimmer rates were 93.3% and "
        "46.6%, respectively (P < 0.05).";
    static const struct fcase c[] = {
        { .s = s, .needle = "one-year relapse rates", .by_outcome = 1, .metric = "decreased" },
        { .s = s, .needle = "one-year glimmer rates", .by_outcome = 1, .metric = "increased",
          .rule = "finding.values", .comparator = "brantamide", .intervention_has = "zorvil" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "significantly low", "significantly high", "lesser": directions */
Test(findings, plain_adjectives_after_significantly)
{
    static const char s[] =
        "RESULTS: Night waking was significantly low in group G compared with group D (p < 0.05). "
        "Itch was significantly lesser on the zorvil side as compared to the placebo side. Glimmer "
        "was significantly high in group G compared with group D (p < 0.05). A high tremor score "
        "was seen in 3 patients.";
    static const struct fcase c[] = {
        { .s = s, .needle = "Night waking", .metric = "decreased", .intervention = "group G" },
        { .s = s, .needle = "Itch", .metric = "decreased", .comparator = "placebo side" },
        { .s = s, .needle = "Glimmer", .metric = "increased" },
    };
    lm_extractions x = { 0 };

    expect_findings(c, sizeof c / sizeof c[0]);
    run(s, &x);
    cr_expect_null(finding(&x, "high tremor"), "'a high X' is no direction");
    lm_extractions_free(&x);
}

/* "X rose by approximately 11%": a change with its size is a result
 * without a test or a comparison word; "X rose" alone is none. */
Test(findings, changes_with_their_size)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Plasma glimmer rose by approximately 11% in those on zorvil.",
          .needle = "Plasma glimmer", .metric = "increased", .outcome = "Plasma glimmer" },
        { .s = "RESULTS: Tremor fell by 2.3 points with zorvil.", .needle = "Tremor",
          .metric = "decreased" },
    };
    lm_extractions x = { 0 };

    expect_findings(c, sizeof c / sizeof c[0]);
    run("RESULTS: Plasma glimmer rose in those on zorvil.", &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 0, "no size, no test, no comparison");
    lm_extractions_free(&x);
}

/* "... and the trial results did not show a difference in X": a clause of
 * its own with its own outcome. */
Test(findings, and_the_results_did_not)
{
    static const char s[] =
        "RESULTS: Zorvil and brantamide were equally effective in patients with tremor and the "
        "trial results didn't show any significant difference in glimmer safety.";
    static const struct fcase c[] = {
        { .s = s, .needle = "glimmer safety", .by_outcome = 1, .metric = "no_difference",
          .rule = "finding.no_diff" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "(P = 0.04 versus placebo alone)": the comparator ends at the bracket */
Test(findings, comparator_inside_a_bracket)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Zorvil decreased free glimmer (P = 0.04 versus placebo alone) and "
               "increased tremor (P < 0.01).", .needle = "free glimmer", .by_outcome = 1,
          .metric = "decreased", .comparator = "placebo alone" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X was seen in the A group, but was not seen in the B group": the
 * clause after "but" starts at its verb; X is its outcome. */
Test(findings, but_with_an_elided_subject)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Delayed glimmer was observed in two patients in the zorvil group, but was "
               "not observed in the placebo group (P = 0.098).", .needle = "not observed",
          .metric = "no_difference", .outcome = "Delayed glimmer" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* A significant change within one arm with a test between the arms that
 * is not: the test between the arms decides. */
Test(findings, the_test_between_groups_decides)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Macular glimmer increased from a mean of 25.9 dB at baseline to 27.3 dB at "
               "90 days (P = 0.030) in the zorvil group only (between-group difference P = 0.19).",
          .needle = "Macular glimmer", .metric = "no_difference", .flag = "significant=false" },
        { .s = "RESULTS: Macular glimmer increased in the zorvil group (P = 0.30), more than with "
               "placebo (between-group difference P = 0.01).", .needle = "Macular glimmer",
          .metric = "increased", .flag = "significant=true" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X as measured by Y": the measure stays with the outcome */
Test(findings, outcome_as_measured_by)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: There were no differences in glimmer as measured by the tremor index "
               "between zorvil and placebo.", .needle = "glimmer", .metric = "no_difference",
          .outcome = "glimmer as measured by the tremor index" },
        { .s = "RESULTS: Zorvil reduced glimmer by 20% compared with placebo (p = 0.01).",
          .needle = "glimmer", .metric = "decreased", .outcome = "glimmer" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "Significant improvements were found in the A group for X, Y and Z":
 * the outcomes follow "for", the arm "in"; an improvement of a bad mood is
 * less of it. */
Test(findings, improvements_found_for_outcomes)
{
    static const char s[] =
        "RESULTS: Significant improvements were found in the zorvil group for tension (-11%), "
        "glimmer (+12%), and anger (-15%).";
    static const struct fcase c[] = {
        { .s = s, .needle = "tension", .by_outcome = 1, .metric = "decreased",
          .intervention = "zorvil group" },
        { .s = s, .needle = "glimmer", .by_outcome = 1, .metric = "increased" },
        { .s = s, .needle = "anger", .by_outcome = 1, .metric = "decreased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "A produced greater glimmer reductions versus B": the outcome lies
 * between the comparative and the change noun. */
Test(findings, outcome_between_comparative_and_change_noun)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Both doses of zorvil produced significantly greater glimmer reductions "
               "versus placebo (P < 0.05).", .needle = "glimmer", .metric = "decreased",
          .outcome = "glimmer", .intervention = "doses of zorvil", .comparator = "placebo" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "The primary outcome, X, was similar": X is the outcome, and a verb after
 * a comma ends a list of outcomes. */
Test(findings, outcome_named_by_its_role)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: The primary outcome measure, 90-day glimmer, was similar between groups "
               "(49.6% vs. 55.6%, P = 0.43).", .needle = "glimmer", .metric = "no_difference",
          .outcome = "90-day glimmer" },
        { .s = "RESULTS: The primary outcome, glimmer at 90 days, was significantly lower with "
               "zorvil than with placebo (P = 0.01).", .needle = "glimmer", .metric = "decreased",
          .outcome = "glimmer at 90 days" },
    };
    lm_extractions x = { 0 };

    expect_findings(c, sizeof c / sizeof c[0]);
    run(c[0].s, &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1, "one outcome");
    lm_extractions_free(&x);
}

/* "A, B, C, D and E were higher in X than in Y": a subject of over 14 words
 * that lists short outcomes is one finding whose outcome is the list as
 * written; a long subject that is no list keeps the text only. */
Test(findings, long_list_of_outcomes_is_one_outcome)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Participants' skin glimmer, core glimmer, body weight changes, pulse rate, "
               "ratings of perceived zest, and plasma volume changes were significantly higher "
               "(p < 0.05) in the zorvil trial compared to the placebo trial.", .needle = "pulse",
          .metric = "increased",
          .outcome = "Participants' skin glimmer, core glimmer, body weight changes, pulse rate, "
                     "ratings of perceived zest, and plasma volume changes",
          .intervention = "zorvil trial", .comparator = "placebo trial" },
        { .s = "RESULTS: The number of patients who reported that the glimmer they felt after the "
               "first week of the study was mild was significantly higher with zorvil than with "
               "placebo (p = 0.02).", .needle = "mild", .metric = "increased", .outcome = NONE },
    };
    lm_extractions x = { 0 };

    expect_findings(c, sizeof c / sizeof c[0]);
    run(c[0].s, &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1, "one finding for the list");
    lm_extractions_free(&x);
}

/* "X was shorter in the A group (60 vs 110 min)": a comparison naming only
 * its intervention is against the other arm when the text names exactly
 * two arms; with a third named, the comparator stays unknown. */
Test(findings, the_other_of_two_arms_is_the_comparator)
{
    static const struct fcase c[] = {
        { .s = "METHODS: Patients were randomized to the zorvil group or the placebo group.\n"
               "RESULTS: Glimmer duration was shorter in the zorvil group (60 vs 110 minutes; "
               "p < 0.001).", .needle = "shorter", .metric = "decreased",
          .intervention = "zorvil group", .comparator = "placebo group" },
        { .s = "METHODS: Patients were randomized to the zorvil group, the quentor group or the "
               "placebo group.\nRESULTS: Glimmer duration was shorter in the zorvil group (60 vs "
               "110 minutes; p < 0.001).", .needle = "shorter", .metric = "decreased",
          .intervention = "zorvil group", .comparator = NONE },
        { .s = "METHODS: Patients were randomized to the zorvil group or the placebo group.\n"
               "RESULTS: Zest was similar in the zorvil group (p = 0.41).", .needle = "Zest",
          .metric = "no_difference", .comparator = NONE },
        /* one arm written with a hyphen and an en dash is one arm */
        { .s = "METHODS: Patients were randomized to the zorvil-driven group.\n"
               "RESULTS: Glimmer was shorter in the zorvil\xe2\x80\x93" "driven group (60 vs 110 "
               "minutes; p < 0.001).", .needle = "shorter", .metric = "decreased",
          .comparator = NONE },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "27% in A as compared to 9% in B (OR 0.21)": the reference arm of a ratio
 * is seldom written; the arms' own values say which is higher. */
Test(findings, arm_values_orient_a_ratio)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Glimmer was seen in 27% of patients in the zorvil group as compared to 9% "
               "in the placebo group (odds ratio 0.21, 95% CI 0.10 to 0.44).", .needle = "27%",
          .metric = "increased", .rule = "finding.ratio", .intervention = "zorvil group",
          .comparator = "placebo group" },
        { .s = "RESULTS: Glimmer was less frequent with zorvil (odds ratio 0.21, 95% CI 0.10 to "
               "0.44).", .needle = "frequent", .metric = "decreased" },
        /* "for A ... for B" names the arms too */
        { .s = "RESULTS: Median glimmer clearance times were 92 hours (84 to 114 hours) for zorvil "
               "recipients and 138 hours (105 to 164 hours) for placebo-treated patients (hazard "
               "ratio 2.17, 95% CI 1.54 to 3.05, p < 0.0001).", .needle = "clearance",
          .metric = "decreased", .intervention = "zorvil recipients" },
        /* two subgroups' ratios are no arms' values */
        { .s = "RESULTS: The glimmer rate ratio was 0.38 (95% CI 0.20 to 0.76, p = 0.006) for the "
               "total sample and 0.07 (95% CI 0.01 to 0.57, p = 0.013) among older patients.",
          .needle = "ratio", .metric = "decreased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "Ratings (lower values better) were 5.4 for A and 4.0 for B": a direction
 * word inside brackets defines the outcome; the comparison outside them
 * decides, and the bracket's word only when nothing outside compares. */
Test(findings, a_bracket_defining_the_outcome_is_no_direction)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Zest ratings (lower values better) were 5.4 for the zorvil group and 4.0 "
               "for the placebo group (p < 0.001).", .needle = "Zest", .metric = "increased",
          .rule = "finding.values" },
        { .s = "RESULTS: Glimmer (the zest score, higher meaning worse) increased in the zorvil "
               "group compared with placebo (p = 0.02).", .needle = "Glimmer",
          .metric = "increased", .rule = "finding.increased" },
        { .s = "RESULTS: Zest (reduced by 12% with zorvil) was the main result (p = 0.02).",
          .needle = "Zest", .metric = "decreased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "a greater reduction in X and a higher increase in Y": two changes side
 * by side, each its own finding, sharing the sentence's arms (the subject
 * of "A showed|caused a change in" the intervention, "compared to B" the
 * comparator of both). */
Test(findings, two_changes_side_by_side)
{
    static const char s1[] =
        "RESULTS: Zorvil caused significantly greater reduction in lesion area and significantly "
        "higher increase in glimmer density compared to the control group (P < 0.05).";
    static const char s2[] =
        "RESULTS: The zorvil group showed significant (P < 0.001) reduction in anger and "
        "significant (P < 0.001) enhancement in zest in comparison to the control group.";
    static const struct fcase c[] = {
        { .s = s1, .needle = "lesion area", .by_outcome = 1, .metric = "decreased",
          .intervention = "Zorvil", .comparator = "control group" },
        { .s = s1, .needle = "glimmer density", .by_outcome = 1, .metric = "increased",
          .intervention = "Zorvil", .comparator = "control group" },
        { .s = s2, .needle = "anger", .by_outcome = 1, .metric = "decreased",
          .intervention = "zorvil group", .comparator = "control group" },
        { .s = s2, .needle = "zest", .by_outcome = 1, .metric = "increased",
          .intervention = "zorvil group", .comparator = "control group" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X in the A arm (45 months) was lower than B": the arm before "than"
 * ends at its verb and before the bracket of its value. */
Test(findings, the_arm_before_than_ends_at_its_verb)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: The median glimmer time in the zorvil arm was lower than that of "
               "placebo arm (45 months vs 57 months) (P = 0.016).", .needle = "glimmer",
          .metric = "decreased", .intervention = "zorvil arm", .comparator = "placebo arm" },
        { .s = "RESULTS: The mean duration of zest in the zorvil group (508 ± 63 minutes) was "
               "quite less than the placebo group (1840 ± 819 minutes).", .needle = "zest",
          .metric = "decreased", .intervention = "zorvil group", .comparator = "placebo group" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "Five patients (16%) in A and one (3%) in B had X": a subject counting
 * participants in the arms names the outcome after its verb. */
Test(findings, counted_subjects_name_the_outcome_after_the_verb)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Five subjects (16.2%) in the zorvil group and one (3.3%) in the placebo "
               "group had glimmer at day 30 (p = 0.086).", .needle = "glimmer",
          .metric = "no_difference", .outcome = "glimmer (at day 30)" },
        { .s = "RESULTS: 19 of 22 patients (86%) in the zorvil group and 19 of 21 (90%) in the "
               "placebo group were still in remission, with no significant difference between the "
               "two groups.", .needle = "remission", .metric = "no_difference",
          .outcome = "remission" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "improvements in favour of A were present for X": A is the arm and X the
 * outcome, not "favour". */
Test(findings, improvements_in_favour_of_an_arm)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Statistically significant (P < 0.05) improvements in favor of the "
               "zorvil group were present for glimmer and zest.", .needle = "glimmer and zest",
          .by_outcome = 1, .metric = "increased", .intervention = "zorvil group" },
        { .s = "RESULTS: Improvements in favour of zorvil were evident in vigour (p = 0.01).",
          .needle = "vigour", .by_outcome = 1, .metric = "increased", .intervention = "zorvil" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X fell in both groups, but more decrease was seen in the A group", "...,
 * with greater increase in the A group": a comparative change placed in an
 * arm is on the sentence's outcome before, that arm against the other. */
Test(findings, a_greater_change_in_one_arm_of_the_outcome_before)
{
    static const char s1[] =
        "RESULTS: Glimmer decreased in both groups (P < 0.001), but more decrease was seen in "
        "the zorvil group (P < 0.05).";
    static const char s2[] =
        "RESULTS: After the treatment, tension increased in both groups (P < 0.001), with "
        "greater increase in the zorvil group (P = 0.001).";
    static const struct fcase c[] = {
        { .s = s1, .needle = "more decrease", .metric = "decreased", .outcome = "Glimmer",
          .intervention = "zorvil group" },
        { .s = s1, .needle = "both groups", .metric = "decreased", .comparator = "baseline" },
        { .s = s2, .needle = "greater increase", .metric = "increased", .outcome = "tension",
          .intervention = "zorvil group" },
        { .s = "RESULTS: Glimmer rose significantly in the zorvil group (P = 0.02), with greater "
               "increase in the evening (P = 0.01).", .needle = "evening", .by_outcome = 1,
          .metric = "increased", .intervention = NONE },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "compared with the parents in the control group": the arm is the group,
 * not its members; the listed generic heads ("patients in the B group")
 * keep theirs. */
Test(findings, members_of_an_arm_name_the_arm)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Parents in the zorvil group showed significant improvement in glimmer "
               "compared with the parents in the control group (p < 0.001).", .needle = "glimmer",
          .metric = "increased", .intervention = "zorvil group", .comparator = "control group" },
        { .s = "RESULTS: Glimmer was higher in the zorvil group than in patients in the placebo "
               "group (p = 0.01).", .needle = "Glimmer", .metric = "increased",
          .comparator = "patients in the placebo group" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X decreased significantly less in A than in B": less of a fall is
 * relatively more; "increased less than Y" compares with another outcome,
 * not an arm, and is left as it reads. */
Test(findings, a_change_less_than_in_the_other_arm)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: However, the glimmer decreased significantly less in the zorvil group "
               "(-0.11 cm) as compared to the control group (-0.21 cm; P < 0.05).",
          .needle = "glimmer", .metric = "increased", .intervention = "zorvil group",
          .comparator = "control group" },
        { .s = "RESULTS: Glimmer increased less in the zorvil group than in the placebo group "
               "(p = 0.02).", .needle = "Glimmer", .metric = "decreased",
          .intervention = "zorvil group" },
        { .s = "RESULTS: Glimmer decreased more in the zorvil group than in the placebo group "
               "(p = 0.02).", .needle = "Glimmer", .metric = "decreased",
          .intervention = "zorvil group" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "A outperformed B (in measures of|on) X": the subject is the
 * intervention, the object the comparator, X the outcome. */
Test(findings, outperformed_names_both_arms)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: At week 24, patients receiving zorvil significantly outperformed those "
               "receiving placebo in measures of glimmer (P < 0.001).", .needle = "outperformed",
          .metric = "increased", .intervention = "patients receiving zorvil",
          .comparator = "those receiving placebo" },
        { .s = "RESULTS: The zorvil group outperformed the placebo group on glimmer and zest "
               "(p = 0.01).", .needle = "outperformed", .metric = "increased",
          .outcome = "glimmer and zest", .intervention = "zorvil group",
          .comparator = "placebo group" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "A resulted in a higher X than B": the phrase after "resulted in" that
 * starts with a direction word is the outcome; the subject is the arm. */
Test(findings, a_direction_word_starts_no_arm)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Intramuscular administration of zorvil resulted in a higher glimmer rate "
               "than intrauterine administration of zorvil (93% versus 41%; P < 0.01).",
          .needle = "glimmer", .metric = "increased", .outcome = "glimmer rate",
          .intervention = "Intramuscular administration of zorvil",
          .comparator = "intrauterine administration of zorvil" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "Compared with Group B, X was higher in Group A": the comparator's own
 * "Group" (after its space) is not the intervention's. */
Test(findings, a_leading_comparator_is_not_the_intervention)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Compared with Group B, glimmer was significantly higher in Group A "
               "(p = 0.01).", .needle = "glimmer", .metric = "increased",
          .intervention = "Group A", .comparator = "Group B" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "improvement in negative emotions": negative affect is a harm, less of
 * it is better. */
Test(findings, negative_affect_is_lower_the_better)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Zorvil participants achieved significant improvement in negative emotions "
               "compared with placebo (p = 0.01).", .needle = "negative", .metric = "decreased" },
        { .s = "RESULTS: Zorvil participants achieved significant improvement in negative "
               "predictive value compared with placebo (p = 0.01).", .needle = "negative",
          .metric = "increased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X scores for A and B showed greater improvements for the A group": with
 * no outcome phrase read, the "score" in the sentence does not make less
 * better; a lexicon word ("pain") still does. */
Test(findings, a_sentence_without_an_outcome_is_read_by_its_lexicon)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: The glimmer summary scores for physical and mental components and for "
               "six of eight zest domains of the daily diary showed significantly greater "
               "improvements at week 16 for the zorvil group.", .needle = "glimmer",
          .metric = "increased", .outcome = NONE },
        { .s = "RESULTS: Pain scores for physical and mental components and for six of eight zest "
               "domains of the daily diary showed significantly greater improvements at week 16 "
               "for the zorvil group.", .needle = "Pain", .metric = "decreased",
          .outcome = NONE },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "the degree of increase in Group O was higher compared with that in
 * Group I": a change placed in an arm is the subject, the comparison after
 * it decides, on the sentence's outcome before; the comparator keeps its
 * code ("that in Group I") and stops before "with respect to". */
Test(findings, a_change_in_an_arm_as_the_subject)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Glimmer rose in Group O (p = 0.0002) and Group I (p = 0.0280); the degree "
               "of increase in Group O was significantly higher compared with that in Group I "
               "(p < 0.05).", .needle = "degree", .metric = "increased", .outcome = "Glimmer",
          .intervention = "Group O", .comparator = "Group I" },
        { .s = "RESULTS: There was no significant difference between Group I and Group O with "
               "respect to the change in glimmer score.", .needle = "glimmer",
          .metric = "no_difference", .comparator = "Group O" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "(n = 117).The primary outcome ...": a full stop that lost its space
 * still ends the sentence. */
Test(findings, a_full_stop_without_its_space)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: 115 patients received zorvil (n = 817) and 117 placebo (n = 877).The "
               "primary outcome measure, 90-day glimmer, was similar between groups (49.6% vs. "
               "55.6%, P = 0.43).", .needle = "similar", .metric = "no_difference",
          .outcome = "90-day glimmer" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "-29% (P = 0.02) and -8% (P = 0.38) in the A and B arms": each arm's
 * value with its own test, one below alpha and one not, compares the
 * arms by their values; both above alpha stays a null result. */
Test(findings, arm_values_each_with_its_own_test)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: The glimmer mean change relative to baseline was -29.1% (P = 0.019) and "
               "-8.2% (P = 0.384) in the zorvil and control arm, respectively.",
          .needle = "glimmer", .metric = "decreased", .rule = "finding.values" },
        { .s = "RESULTS: The glimmer mean change was -29.1% (P = 0.19) and -8.2% (P = 0.384) in "
               "the zorvil and control arm, respectively.", .needle = "glimmer",
          .metric = "no_difference" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "did not reveal any significant differences", "none differed": denials
 * of a difference. */
Test(findings, did_not_reveal_and_none_differed)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Other domains of glimmer, zest, and vigour did not reveal any significant "
               "between-group differences.", .needle = "vigour", .by_outcome = 1,
          .metric = "no_difference", .rule = "finding.no_diff" },
        { .s = "RESULTS: The zest scores did not detect any change between the zorvil and placebo "
               "groups.", .needle = "zest", .metric = "no_difference" },
        { .s = "RESULTS: All other endpoints favoured the zorvil arm but none statistically "
               "differed between arms.", .needle = "none", .metric = "no_difference" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "No significant X and Y group differences were detected": two short
 * names inside the denial are its outcome. */
Test(findings, two_names_inside_a_denial)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: No significant glimmer and Z2* group differences were detected.",
          .needle = "glimmer", .metric = "no_difference", .outcome = "glimmer and Z2*" },
        { .s = "RESULTS: There were no glimmer and zest differences between the zorvil and "
               "placebo groups.", .needle = "glimmer", .metric = "no_difference",
          .outcome = "glimmer and zest" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "X was lower for the placebo group (63%) than for the A groups": "for
 * the ... group" names the arm before "than" (the control made the
 * comparator); a "for" phrase naming no group does not. */
Test(findings, the_arm_for_a_group_before_than)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: The completion rate for the extension period was lower for the placebo "
               "group (63.5%) than for the zorvil groups (68.3% to 79.8%).", .needle = "completion",
          .metric = "increased", .intervention = "zorvil group", .comparator = "placebo group" },
        { .s = "RESULTS: Glimmer was lower for the first week than with quentor (p = 0.01).",
          .needle = "Glimmer", .metric = "decreased", .intervention = NONE },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* Outcome boundaries the matcher needs: the subject before its value when
 * the denial follows ("X was 10 days in A and 12 in B, showing no
 * difference"), a head naming no outcome before "of (the)" ("the changes
 * of ...", "any of ..."), and a list item running on after a preposition
 * to its bracket of values. */
Test(findings, outcome_subjects_heads_and_list_items)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: The mean glimmer time was 8.4 days in group I and 8.9 days in group II, "
               "showing no significant difference (p=0.52).", .needle = "glimmer",
          .metric = "no_difference", .outcome = "glimmer time" },
        { .s = "RESULTS: The median glimmer score was 31 in the zorvil group and 35 in the placebo "
               "group, with no significant difference (p=0.47).", .needle = "glimmer",
          .metric = "no_difference", .outcome = "glimmer score" },
        { .s = "RESULTS: No between-group difference was found in the changes of the various "
               "measures of glimmer.", .needle = "glimmer", .metric = "no_difference",
          .outcome = "various measures of glimmer" },
        { .s = "RESULTS: No significant difference was found in any of the brightness scores.",
          .needle = "brightness", .metric = "no_difference", .outcome = "brightness scores" },
        { .s = "RESULTS: There were no significant differences in first attempt at full glimmer "
               "(ZV, 81.2 % vs. PL, 79.9 %), glimmer time (ZV, 4.1 s vs. PL, 4.6 s), and "
               "wobble (ZV, n = 2 vs. PL, n = 5) between groups.",
          .needle = "first attempt at full glimmer", .by_outcome = 1,
          .metric = "no_difference" },
        { .s = "RESULTS: There were no significant differences in first attempt at full glimmer "
               "(ZV, 81.2 % vs. PL, 79.9 %), glimmer time (ZV, 4.1 s vs. PL, 4.6 s), and "
               "wobble (ZV, n = 2 vs. PL, n = 5) between groups.", .needle = "wobble",
          .by_outcome = 1, .metric = "no_difference" },
        /* a verb after the item ends it: no run-on */
        { .s = "RESULTS: Zorvil led to fewer tremors, less crying and more glimmer compared to "
               "placebo (p = 0.01).", .needle = "glimmer", .by_outcome = 1,
          .metric = "increased" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* The rules whose pre-checks are read from their own patterns when the
 * handle opens (the words after "and " of the clause splits, the units and
 * counts of administrations, the number before "follow-up") still match
 * at the places those checks let through. */
Test(findings, pre_checks_read_from_the_patterns)
{
    static const struct {
        const char *s;
        size_t findings;
        long long n;       /* regimen n, -2: not checked */
        double fu;         /* follow-up days, 0: not checked */
    } c[] = {
        { "RESULTS: Glimmer was higher with zorvil than placebo (p = 0.01) and does not differ "
          "in wobble.", 2, -2, 0 },
        { "RESULTS: Glimmer rose with zorvil (p = 0.01) and there was no difference in wobble.",
          2, -2, 0 },
        { "RESULTS: Zorvil gave a greater reduction in glimmer (p = 0.01) and an increase in "
          "wobble (p = 0.02).", 2, -2, 0 },
        { "METHODS: Patients received twenty-four weekly supervised zorvil sessions.", 0, 24, 0 },
        { "METHODS: Patients received 12 sessions of zorvil.", 0, 12, 0 },
        { "METHODS: Patients were followed up for 18 months.", 0, -2, 18 * 30.4375 },
        { "RESULTS: At 3-6 months follow-up, glimmer was lower with zorvil (p=0.01).", 1, -2,
          6 * 30.4375 },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        lm_extractions x = { 0 };
        const lm_extraction *r;

        run(c[i].s, &x);
        cr_expect_eq(count_of(&x, LM_KIND_FINDING), c[i].findings, "findings of: %s", c[i].s);
        if (c[i].n != -2) {
            r = first_kind(&x, LM_KIND_REGIMEN);
            cr_expect(r && r->n == c[i].n, "regimen n of: %s", c[i].s);
        }
        if (c[i].fu > 0) {
            r = first_kind(&x, LM_KIND_FOLLOW_UP);
            cr_expect(r && fabs(r->value - c[i].fu) < 0.01, "follow-up of: %s", c[i].s);
        }
        lm_extractions_free(&x);
    }
}

/* An adverb in -ly after a verb cue ("increased dose-dependently", "rose
 * steadily in A") is no outcome, nor does it make the subject an arm; an
 * adjective in -ly ("less likely to") and an adverb before its adjective
 * ("more racially and ethnically diverse") are read as before. */
Test(findings, adverbs_after_the_verb_are_no_outcome)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Glimmer and wobble increased dose-dependently.", .needle = "Glimmer",
          .metric = "increased", .outcome = "Glimmer and wobble", .intervention = NONE },
        { .s = "RESULTS: Glimmer increased steadily in the zorvil group (p < 0.01).",
          .needle = "Glimmer", .metric = "increased", .outcome = "Glimmer",
          .intervention = "zorvil group" },
        { .s = "RESULTS: Wobble fell sharply after zorvil (p = 0.02).", .needle = "Wobble",
          .metric = "decreased", .outcome = "Wobble" },
        { .s = "RESULTS: Adults treated with zorvil were significantly less likely to carry "
               "glimmer (p < 0.01).", .needle = "glimmer", .metric = "decreased",
          .outcome = "likely to carry glimmer" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "There were N and M EVENTS in A and B": the events after the counts are
 * the outcome; "a prolongation of X" is a change noun like "an increase". */
Test(findings, counted_events_after_there_were_and_prolongation)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: There were 120 and 101 wobbles in the zorvil and placebo groups, "
               "respectively (hazard ratio 1.19, 95% CI 0.92-1.55, P = 0.09).",
          .needle = "wobbles", .metric = "no_difference", .outcome = "wobbles" },
        { .s = "RESULTS: There was a significant prolongation of glimmer time with zorvil "
               "compared with placebo (P = 0.01).", .needle = "glimmer", .metric = "increased",
          .comparator = "placebo" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* A sentence opening with a subordinate clause ("While ...,", "Although
 * ...,", "Despite ...,") reads it as a clause of its own; a hedge
 * ("Although insignificant,"), an association, a comma inside a list of
 * days and a denial after the comma ("..., the difference was not
 * significant") keep the sentence whole.  "not a significant difference"
 * is a denial like "no significant difference". */
Test(findings, leading_subordinate_clauses)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Despite higher glimmer with zorvil for both meals (9.2 vs. 8.1 U; "
               "p = 0.01), wobble did not differ between groups.", .needle = "glimmer",
          .metric = "increased" },
        { .s = "RESULTS: Despite higher glimmer with zorvil for both meals (9.2 vs. 8.1 U; "
               "p = 0.01), wobble did not differ between groups.", .needle = "wobble",
          .by_outcome = 1, .metric = "no_difference" },
        { .s = "RESULTS: While mean glimmer scores were not different before the training, the "
               "zorvil group had higher glimmer scores after it (p < 0.001).",
          .needle = "glimmer", .metric = "increased" },
        { .s = "RESULTS: Although insignificant, the rate of glimmer in the zorvil group was "
               "higher than in the placebo group.", .needle = "glimmer",
          .metric = "no_difference" },
        { .s = "RESULTS: Although glimmer was higher in the zorvil group on day 7, 10 and 12, "
               "these differences were not statistically significant.", .needle = "glimmer",
          .metric = "no_difference" },
        { .s = "RESULTS: Although glimmer was higher in the zorvil group, the difference was not "
               "significant.", .needle = "glimmer", .metric = "no_difference" },
        { .s = "RESULTS: While lower wobble was associated with glimmer (p<0.001), there was no "
               "difference in wobble between the zorvil and placebo groups.", .needle = "wobble",
          .metric = "no_difference" },
        { .s = "RESULTS: There was not a significant difference in wobble scores between the "
               "groups.", .needle = "wobble", .metric = "no_difference",
          .outcome = "wobble scores" },
        /* a suspended hyphen ("A- and B-based") joins no list of outcomes */
        { .s = "RESULTS: Glimmer rates of zorvil- and placebo-based treatment were similar.",
          .needle = "Glimmer", .metric = "no_difference",
          .outcome = "Glimmer rates of zorvil- and placebo-based treatment" },
    };
    lm_extractions x = { 0 };

    expect_findings(c, sizeof c / sizeof c[0]);
    run(c[2].s, &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1, "the comparison before the training is none");
    lm_extractions_free(&x);
}

/* In the results a modal verb with its own p value reports a finding ("A
 * could reduce X more than B (p = 0.01)"), its subject the arm; without a
 * p value, or in the conclusions, it stays a speculation. */
Test(findings, modal_verbs_with_a_p_value_in_the_results)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Zorvil could reduce glimmer more than placebo (p = 0.01).",
          .needle = "glimmer", .metric = "decreased", .outcome = "glimmer",
          .intervention = "Zorvil", .comparator = "placebo" },
    };
    static const char *const none[] = {
        "RESULTS: Zorvil could reduce glimmer more than placebo.",
        "CONCLUSIONS: Zorvil could reduce glimmer more than placebo (p = 0.01).",
    };
    size_t i;

    expect_findings(c, sizeof c / sizeof c[0]);
    for (i = 0; i < sizeof none / sizeof none[0]; i++) {
        lm_extractions x = { 0 };
        run(none[i], &x);
        cr_expect_eq(count_of(&x, LM_KIND_FINDING), 0, "no finding in: %s", none[i]);
        lm_extractions_free(&x);
    }
}

/* "95% C.I. -0.29, 1.04" is a confidence interval like "95% CI"; an adverb
 * of degree before the cue ("were slightly higher") is no part of the
 * outcome. */
Test(findings, dotted_ci_and_degree_adverbs)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Glimmer scores were slightly higher for adults receiving zorvil versus "
               "placebo (difference between means of 0.31, 95% C.I. -0.29, 1.04).",
          .needle = "Glimmer", .metric = "no_difference", .rule = "finding.ci_ns",
          .outcome = "Glimmer scores" },
        { .s = "RESULTS: Glimmer scores were markedly higher for adults receiving zorvil versus "
               "placebo (difference 0.31, 95% C.I. 0.12, 1.04).", .needle = "Glimmer",
          .metric = "increased", .outcome = "Glimmer scores" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* Values in two arms after a lead phrase: "After the treatment the X is V1
 * in A, and V2 in B": the comma after a verb ends no lead phrase, and a
 * lead phrase without its comma ends before the subject's "the". */
Test(findings, values_after_a_lead_phrase_without_its_comma)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: After the treatment the glimmer is 81.00 \xc2\xb1 9.1 in the trial group, "
               "and 76.2 \xc2\xb1 8.8 in the control group, with a significant difference between "
               "the two groups (P = 0.021).", .needle = "glimmer", .metric = "increased",
          .outcome = "glimmer", .intervention = "trial group", .comparator = "control group" },
        { .s = "RESULTS: After the treatment the wobble score was 81.00 in the trial group and 76.2 "
               "in the control group (P = 0.021).", .needle = "wobble", .metric = "increased",
          .outcome = "wobble score" },
        { .s = "RESULTS: Mean glimmer plus or minus standard error at 7 years was 53.9 \xc2\xb1 1.9 "
               "and 35.3 \xc2\xb1 2.0 for zorvil and placebo, respectively (p < 0.001).",
          .needle = "glimmer", .metric = "increased", .outcome = "glimmer (at 7 years)",
          .intervention = "zorvil", .comparator = "placebo" },
        { .s = "RESULTS: In the zorvil and placebo groups, glimmer was 34% and 49% (p = 0.01).",
          .needle = "glimmer", .metric = "decreased", .outcome = "glimmer",
          .intervention = "zorvil", .comparator = "placebo" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* "It is hypothesized that ..." is an aim; "did not meet the primary
 * endpoint" a denial; "lower than anticipated" compares with a plan, not
 * an arm (a comparison of arms after it stays). */
Test(findings, hypotheses_unmet_endpoints_and_expectations)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Zorvil did not meet the primary endpoint of demonstrating a longer "
               "glimmer time (p = 0.3).", .needle = "glimmer", .metric = "no_difference" },
        { .s = "RESULTS: The frequency of glimmer was lower than expected in both groups, and "
               "lower with zorvil than placebo (p = 0.01).", .needle = "glimmer",
          .metric = "decreased" },
    };
    static const char *const none[] = {
        "RESULTS: It is hypothesized that adults in the zorvil group will experience reduced "
        "glimmer in comparison with placebo.",
        "RESULTS: The frequency of glimmer was lower than anticipated.",
    };
    size_t i;

    expect_findings(c, sizeof c / sizeof c[0]);
    for (i = 0; i < sizeof none / sizeof none[0]; i++) {
        lm_extractions x = { 0 };
        run(none[i], &x);
        cr_expect_eq(count_of(&x, LM_KIND_FINDING), 0, "no finding in: %s", none[i]);
        lm_extractions_free(&x);
    }
}

/* A design that compares no arms of its own (a case report, a case
 * series) reports no findings, a review only its tested ones; the same
 * sentence in a trial or a meta-analysis is a finding.  A review or a laboratory study has
 * no follow-up of its own. */
Test(findings, uncompared_designs_report_none)
{
    static const struct {
        const char *title, *abstract;
        size_t want;
    } c[] = {
        { "Glimmer after zorvil: a case report",
          "A 54-year-old man presented with glimmer. His wobble score improved after zorvil was "
          "started (p = 0.02), and glimmer decreased over the next 3 days.", 0 },
        { "Zorvil in glimmer: a case series of seven patients",
          "We report a case series of seven patients. Wobble scores were lower after zorvil than "
          "before it in five of them (p = 0.04).", 0 },
        { "Zorvil for glimmer: a systematic review",
          "We conducted a systematic review of trials of zorvil. Zorvil reduced glimmer compared "
          "with placebo in most trials.", 0 },
        { "Zorvil for glimmer: a systematic review",
          "We conducted a systematic review of trials of zorvil. Zorvil reduced glimmer compared "
          "with placebo (p = 0.01).", 1 },
        { "Zorvil for glimmer: a randomized trial",
          "Wobble scores were lower with zorvil than with placebo (p = 0.04).", 1 },
        { "Zorvil for glimmer: a meta-analysis",
          "We pooled 12 randomized trials. Glimmer was lower with zorvil than with placebo "
          "(RR 0.8, 95% CI 0.7 to 0.9).", 1 },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        lm_extractions x = { 0 };
        lm_article a;
        memset(&a, 0, sizeof a);
        a.pmid = 1;
        a.title = c[i].title;
        a.abstract = c[i].abstract;
        cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK, "%s", lm_extractor_errmsg(ex));
        cr_expect_eq(count_of(&x, LM_KIND_FINDING), c[i].want, "%zu findings in: %s",
                     count_of(&x, LM_KIND_FINDING), c[i].title);
        lm_extractions_free(&x);
    }
    {
        lm_extractions x = { 0 };
        lm_article a;
        memset(&a, 0, sizeof a);
        a.pmid = 2;
        a.title = "Zorvil for glimmer: a systematic review and meta-analysis";
        a.abstract = "We pooled 12 randomized trials with follow-up of 3 to 9 years. Glimmer was "
                     "lower with zorvil than with placebo (RR 0.8, 95% CI 0.7 to 0.9).";
        cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK, "%s", lm_extractor_errmsg(ex));
        cr_expect_eq(count_of(&x, LM_KIND_FOLLOW_UP), 0, "a review's follow-up");
        lm_extractions_free(&x);
    }
}

/* Labels in title case ("Background: ", "Purpose: ", inside a line after
 * ". ") start a part like upper-case ones: a background or aim sentence
 * under them is no finding, a result under "Results: " is. */
Test(findings, title_case_labels)
{
    static const struct {
        const char *abstract, *needle;
        int want;
    } c[] = {
        { "Background: Glimmer is more frequent with age than in young adults (p < 0.01). "
          "Results: Wobble was lower with zorvil than with placebo (p = 0.03).", "Glimmer", 0 },
        { "Background: Glimmer is more frequent with age than in young adults (p < 0.01). "
          "Results: Wobble was lower with zorvil than with placebo (p = 0.03).", "Wobble", 1 },
        { "Purpose: The earlier trial showed that zorvil reduced glimmer compared with placebo. "
          "Methods: Adults were randomized. Results: Wobble did not differ between groups.",
          "earlier trial", 0 },
        { "Purpose: The earlier trial showed that zorvil reduced glimmer compared with placebo. "
          "Methods: Adults were randomized. Results: Wobble did not differ between groups.",
          "Wobble", 1 },
        { "Main outcome measures: glimmer at 6 weeks.\nResults: Glimmer was higher with zorvil "
          "than with placebo (p = 0.02).", "higher", 1 },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        lm_extractions x = { 0 };
        run(c[i].abstract, &x);
        cr_expect_eq(finding(&x, c[i].needle) != NULL, c[i].want, "'%s' a finding %d in: %s",
                     c[i].needle, c[i].want, c[i].abstract);
        lm_extractions_free(&x);
    }
}

/* An abstract without labels opens with its background: the sentences
 * before the one that introduces this study are no findings; with no such
 * sentence every sentence is read. */
Test(findings, unlabelled_background_before_the_study)
{
    static const struct {
        const char *abstract, *needle;
        int want;
    } c[] = {
        { "Glimmer is more frequent in older than in younger adults. We randomized 60 adults to "
          "zorvil or placebo. Wobble was lower with zorvil than with placebo (p = 0.02).",
          "more frequent", 0 },
        { "Glimmer is more frequent in older than in younger adults. We randomized 60 adults to "
          "zorvil or placebo. Wobble was lower with zorvil than with placebo (p = 0.02).",
          "Wobble", 1 },
        { "Wobble was lower with zorvil than with placebo (p = 0.02) in 60 adults.", "Wobble", 1 },
        { "In this trial, wobble was lower with zorvil than with placebo (p = 0.02).", "wobble",
          1 },
    };
    size_t i;

    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
        lm_extractions x = { 0 };
        run(c[i].abstract, &x);
        cr_expect_eq(finding(&x, c[i].needle) != NULL, c[i].want, "'%s' a finding %d in: %s",
                     c[i].needle, c[i].want, c[i].abstract);
        lm_extractions_free(&x);
    }
}

/* Two arms' counts side by side, each with its percentage and without a
 * direction word: the percentages' order is the direction, the outcome
 * follows the second arm's verb or comes before the first count. */
Test(findings, counted_arms_side_by_side)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Twelve (17.1%) patients in the zorvil group and 24 (34.2%) patients in "
               "the placebo group had positive swabs.", .needle = "Twelve", .metric = "decreased",
          .rule = "finding.values", .outcome = "positive swabs", .intervention = "zorvil group",
          .comparator = "placebo group" },
        { .s = "RESULTS: Glimmer was reported by 20 (43%) zorvil group patients and 19 (55%) "
               "placebo group patients.", .needle = "reported by", .metric = "decreased",
          .outcome = "Glimmer", .intervention = "zorvil group", .comparator = "placebo group" },
        { .s = "RESULTS: Wobble occurred in 31 (25%) of 124 patients in the zorvil arm and 12 "
               "(10%) of 120 in the placebo arm.", .needle = "Wobble", .metric = "increased",
          .outcome = "Wobble", .intervention = "zorvil arm", .comparator = "placebo arm" },
    };

    expect_findings(c, sizeof c / sizeof c[0]);
}

/* In the results, outcomes that "were similar" compare the study's arms
 * though none is named; "similar to" another report, or a similarity
 * outside the results, is no finding. */
Test(findings, similar_in_the_results)
{
    static const struct fcase c[] = {
        { .s = "RESULTS: Wobble scores and glimmer use were similar during the first 3 days.",
          .needle = "Wobble", .metric = "no_difference", .outcome = "Wobble scores" },
        { .s = "RESULTS: Wobble scores and glimmer use were similar during the first 3 days.",
          .needle = "glimmer use", .metric = "no_difference", .outcome = "glimmer use",
          .by_outcome = 1 },
        { .s = "RESULTS: Glimmer was comparable at week 6 (p = 0.4).", .needle = "Glimmer",
          .metric = "no_difference" },
    };
    static const char *const none[] = {
        "RESULTS: Glimmer was similar to that of the earlier cohorts.",
        "RESULTS: Wobble was similar in men and in older adults.",
        "BACKGROUND: Wobble scores were similar.",
    };
    size_t i;

    expect_findings(c, sizeof c / sizeof c[0]);
    for (i = 0; i < sizeof none / sizeof none[0]; i++) {
        lm_extractions x = { 0 };
        run(none[i], &x);
        cr_expect_eq(count_of(&x, LM_KIND_FINDING), 0, "no finding in: %s", none[i]);
        lm_extractions_free(&x);
    }
}
