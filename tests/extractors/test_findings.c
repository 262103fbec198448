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

Test(findings, negations_are_no_difference)
{
    static const struct { const char *s, *needle, *rule; } cases[] = {
        { "RESULTS: Glimmer scores did not differ between the zelvorin and placebo groups (p = 0.41).",
          "did not differ", "finding.no_diff" },
        { "RESULTS: We failed to find an effect of zelvorin on night waking compared with placebo.",
          "failed to find", "finding.failed" },
        { "RESULTS: There was no significant group-by-time interaction for fatigue (p = 0.62).",
          "interaction", "finding.no_diff" },
        { "RESULTS: Zelvorin was not superior to sham for tremor amplitude.",
          "not superior", "finding.not_superior" },
        { "RESULTS: Grip strength was higher in the zelvorin group than in the placebo group "
          "(p = 0.32).", "Grip strength", "finding.p_ns" },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lm_extractions x = { 0 };
        const lm_extraction *f;

        run(cases[i].s, &x);
        f = finding(&x, cases[i].needle);
        cr_assert_not_null(f, "no finding in: %s", cases[i].s);
        cr_expect_str_eq(f->metric, "no_difference", "%s", cases[i].s);
        cr_expect_str_eq(f->rule, cases[i].rule, "%s", cases[i].s);
        cr_expect(strstr(f->flags, "significant=false") != NULL, "%s: %s", cases[i].s, f->flags);
        lm_extractions_free(&x);
    }
}

Test(findings, directions_and_p)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("METHODS: Adults were randomized to zelvorin or placebo.\n"
        "RESULTS: Sleep duration was significantly longer in the zelvorin group than in the "
        "placebo group (p < 0.001). Zelvorin significantly reduced nocturnal cough compared "
        "with placebo (p = 0.02).", &x);
    f = finding(&x, "Sleep duration");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "increased");
    cr_expect_str_eq(f->outcome, "Sleep duration");
    cr_expect(f->p == 0.001 && !strcmp(f->p_op, "<"), "p %g %s", f->p, f->p_op);
    cr_expect(strstr(f->flags, "significant=true") != NULL, "%s", f->flags);
    cr_expect(strstr(f->flags, "primary") != NULL, "the first result is primary: %s", f->flags);
    cr_assert_not_null(f->comparator);
    cr_expect(strstr(f->comparator, "placebo") != NULL, "%s", f->comparator);
    f = finding(&x, "nocturnal cough");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased");
    cr_expect_str_eq(f->outcome, "nocturnal cough");
    lm_extractions_free(&x);
}

Test(findings, hedges_and_except)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: There was a trend towards fewer relapses with zelvorin than with placebo "
        "(p = 0.08). The groups did not differ in any secondary outcome except for itch, "
        "which was significantly lower with zelvorin (p = 0.01).", &x);
    f = finding(&x, "trend");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "no_difference");
    cr_expect_str_eq(f->rule, "finding.trend");
    f = finding(&x, "itch");
    cr_assert_not_null(f, "the exception is its own finding");
    cr_expect_str_eq(f->metric, "decreased");
    cr_expect_str_eq(f->outcome, "itch");
    lm_extractions_free(&x);
}

Test(findings, non_inferiority)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Once-weekly zelvorin was non-inferior to daily brantamide for wound closure.",
        &x);
    f = finding(&x, "non-inferior");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "no_difference");
    cr_expect_str_eq(f->rule, "finding.noninferior");
    cr_expect(!strstr(f->flags, "significant="), "no test reported: %s", f->flags);
    lm_extractions_free(&x);
}

Test(findings, within_group_change)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Fatigue scores decreased significantly from baseline to week 8 (p = 0.003).",
        &x);
    f = finding(&x, "Fatigue");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased");
    cr_assert_not_null(f->comparator);
    cr_expect_str_eq(f->comparator, "baseline");
    lm_extractions_free(&x);
}

Test(findings, orientation_puts_the_experimental_arm_first)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Pain was lower in the placebo group than in the zelvorin group (p = 0.01).",
        &x);
    f = finding(&x, "Pain");
    cr_assert_not_null(f);
    cr_assert_not_null(f->intervention);
    cr_expect(strstr(f->intervention, "zelvorin") != NULL, "%s", f->intervention);
    cr_expect_str_eq(f->metric, "increased", "pain in zelvorin relative to placebo");
    lm_extractions_free(&x);
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
}

Test(findings, primary_outcome_named)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("METHODS: The primary outcome was night waking.\n"
        "RESULTS: Daytime naps were fewer with zelvorin than with placebo (p = 0.03). Night "
        "waking did not differ between groups (p = 0.5).", &x);
    f = finding(&x, "Night waking");
    cr_assert_not_null(f);
    cr_expect(strstr(f->flags, "primary") != NULL, "%s", f->flags);
    f = finding(&x, "naps");
    cr_assert_not_null(f);
    cr_expect(!strstr(f->flags, "primary"), "%s", f->flags);
    lm_extractions_free(&x);
}

Test(findings, regimen_fields)
{
    lm_extractions x = { 0 };
    const lm_extraction *r;

    run("METHODS: Patients received zelvorin 2.5 mg/kg intravenously twice weekly for 4 weeks "
        "or placebo.\nRESULTS: Nothing else.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->dose, "2.5 mg/kg");
    cr_expect_str_eq(r->route, "intravenous");
    cr_expect_str_eq(r->frequency, "twice weekly");
    cr_expect_str_eq(r->duration, "4 weeks");
    cr_expect_eq(r->n, 8, "twice weekly for 4 weeks: 8 administrations, got %lld",
                 (long long)r->n);
    lm_extractions_free(&x);

    run("METHODS: Each participant had six sessions of invented light therapy.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_eq(r->n, 6);
    lm_extractions_free(&x);

    run("METHODS: Tablets of brantamide 10 mg b.i.d. were taken orally for 12 weeks.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->frequency, "twice daily");
    cr_expect_str_eq(r->route, "oral");
    cr_expect_eq(r->n, -1, "daily dosing is never multiplied");
    lm_extractions_free(&x);
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

Test(findings, follow_up_in_days)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("METHODS: Outcomes were assessed at 4 and 12 weeks. Patients were followed up for "
        "two years.\nRESULTS: Patients aged 40 years did well.", &x);
    cr_expect_eq(count_of(&x, LM_KIND_FOLLOW_UP), 1);
    f = first_kind(&x, LM_KIND_FOLLOW_UP);
    cr_assert_not_null(f);
    cr_expect(fabs(f->value - 730.5) < 0.01, "%g days", f->value);
    cr_expect_str_eq(f->duration, "2 years");
    lm_extractions_free(&x);

    run("RESULTS: Glimmer scores were lower at week 24 than at baseline (p = 0.01).", &x);
    f = first_kind(&x, LM_KIND_FOLLOW_UP);
    cr_assert_not_null(f);
    cr_expect_eq(f->value, 168);
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

Test(findings, side_by_side_values_and_ratios)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: The mean wound length was 3.6 cm (range, 2-6) in the zelvorin group versus "
        "2.1 cm (range, 1-4) in the placebo group (p < 0.05). Lower schooling (OR = 2.40, "
        "95% CI 1.10-5.20) was a risk factor for tremor. Relapse did not differ (HR 0.90, "
        "95% CI 0.70-1.20).", &x);
    f = finding(&x, "wound length");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->rule, "finding.values");
    cr_expect_str_eq(f->metric, "increased");
    f = finding(&x, "schooling");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->rule, "finding.ratio");
    cr_expect_str_eq(f->metric, "increased", "OR above 1: more tremor with lower schooling");
    f = finding(&x, "Relapse");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "no_difference");
    lm_extractions_free(&x);
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

Test(findings, labels_inside_a_line)
{
    lm_extractions x = { 0 };

    run("BACKGROUND: Zelvorin lowered tremor in earlier work compared with placebo. "
        "RESULTS: Tremor did not differ between the zelvorin and placebo groups (p = 0.3).",
        &x);
    cr_expect_eq(count_of(&x, LM_KIND_FINDING), 1);
    cr_expect_not_null(finding(&x, "did not differ"));
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

struct dir_case { const char *s, *needle, *metric; };

static void expect_directions(const struct dir_case *c, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        lm_extractions x = { 0 };
        const lm_extraction *f;

        run(c[i].s, &x);
        f = finding(&x, c[i].needle);
        cr_assert_not_null(f, "no finding in: %s", c[i].s);
        cr_expect_str_eq(f->metric, c[i].metric, "%s", c[i].s);
        lm_extractions_free(&x);
    }
}

Test(findings, evaluative_words_follow_the_outcome_polarity)
{
    static const struct dir_case c[] = {
        /* lower is better: "improved" is less of it, "worse" more */
        { "RESULTS: Zelvorin significantly improved joint pain compared with placebo (p = 0.01).",
          "joint pain", "decreased" },
        { "RESULTS: Itch was significantly worse with zelvorin than with placebo (p = 0.03).",
          "Itch", "increased" },
        { "RESULTS: The zelvorin group showed a greater improvement in the total rating score "
          "than the placebo group (p = 0.01).", "rating score", "decreased" },
        /* higher is better: the word's own direction */
        { "RESULTS: Quality of life was significantly improved with zelvorin compared with "
          "placebo (p = 0.02).", "Quality of life", "increased" },
        { "RESULTS: Zelvorin patients had significantly worse grip function than placebo "
          "patients (p = 0.04).", "grip function", "decreased" },
        { "RESULTS: Pain-free survival was significantly better with zelvorin than with placebo "
          "(p = 0.01).", "Pain-free", "increased" },
        /* an outcome of unknown polarity: "worse" keeps its own direction */
        { "RESULTS: Zelvorin aggravated glimmer tolerance compared with placebo (p = 0.02).",
          "tolerance", "decreased" },
        /* a plain quantity word is not turned round */
        { "RESULTS: Joint pain was significantly higher with zelvorin than with placebo "
          "(p = 0.01).", "Joint pain", "increased" },
    };

    expect_directions(c, sizeof c / sizeof c[0]);
}

Test(findings, a_control_arm_alone_is_the_comparator)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Tremor amplitude was significantly higher in the placebo group (p = 0.01).", &x);
    f = finding(&x, "Tremor");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased", "higher with placebo: lower with the intervention");
    cr_expect_null(f->intervention);
    cr_assert_not_null(f->comparator);
    cr_expect_str_eq(f->comparator, "placebo group");
    lm_extractions_free(&x);

    run("RESULTS: Flares were significantly more frequent in the unexposed group than in the "
        "exposed group (p = 0.02).", &x);
    f = finding(&x, "Flares");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased");
    cr_assert_not_null(f->comparator);
    cr_expect_str_eq(f->comparator, "unexposed group");
    lm_extractions_free(&x);
}

Test(findings, thresholds_and_hedge_words_are_not_directions)
{
    static const struct dir_case c[] = {
        /* "two or more": a threshold; "smaller" is the direction */
        { "RESULTS: The share of patients with two or more flares was significantly smaller "
          "with zelvorin than with placebo (p = 0.02).", "flares", "decreased" },
        /* "borderline" names a level, not a trend */
        { "RESULTS: More zelvorin patients shifted from borderline to high glimmer levels than "
          "placebo patients (30% vs 10%, p = 0.01).", "borderline", "increased" },
        /* p below 0.07 is not below alpha */
        { "RESULTS: Night waking was less frequent with zelvorin than with placebo (p < 0.07).",
          "Night waking", "no_difference" },
        { "RESULTS: Sleep did not mediate the relation between tremor and itch.", "mediate",
          "no_difference" },
    };

    expect_directions(c, sizeof c / sizeof c[0]);
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

Test(findings, enumerated_items_read_the_lead_clause)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: As compared with a standard diet, a lean diet induced the following: (i) a "
        "25% decrease in zorvil clearance, (ii) no change in glimmer synthesis, and (iii) an "
        "increase in the efficiency of tremor recovery.", &x);
    f = finding(&x, "zorvil clearance");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased");
    cr_assert_not_null(f->comparator, "the lead clause's comparator");
    cr_expect_str_eq(f->comparator, "standard diet");
    f = finding(&x, "no change");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "no_difference");
    cr_expect(!strstr(f->text, "clearance"), "one item per finding: %s", f->text);
    f = finding(&x, "efficiency");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "increased");
    lm_extractions_free(&x);
}

Test(findings, a_verb_after_and_shares_the_subject)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Glimmer levels increased over time in the zelvorin group (p < 0.01) and "
        "decreased over time in the placebo group (p = 0.03).", &x);
    f = finding(&x, "increased over time");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "increased");
    cr_assert_not_null(f->outcome);
    cr_expect_str_eq(f->outcome, "Glimmer levels", "an intransitive verb: the subject is the outcome");
    cr_expect_str_eq(f->comparator, "baseline");
    f = finding(&x, "decreased over time");
    cr_assert_not_null(f, "the second verb is its own finding");
    cr_expect_str_eq(f->metric, "decreased");
    cr_assert_not_null(f->outcome);
    cr_expect_str_eq(f->outcome, "Glimmer levels");
    lm_extractions_free(&x);
}

Test(findings, values_in_the_order_of_paired_arms)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: In the zelvorin and placebo groups, remission was reached by 48% and 31% of "
        "patients.", &x);
    f = finding(&x, "remission");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->rule, "finding.values");
    cr_expect_str_eq(f->metric, "increased");
    cr_expect_str_eq(f->outcome, "remission");
    cr_expect_str_eq(f->intervention, "zelvorin");
    cr_expect_str_eq(f->comparator, "placebo");
    cr_expect(!strstr(f->flags ? f->flags : "", "significant="), "no test: %s", f->flags);
    lm_extractions_free(&x);
}

Test(findings, regimen_in_methods_and_findings_and_conclusions)
{
    lm_extractions x = { 0 };
    const lm_extraction *r;

    run("METHODS AND FINDINGS: We enrolled 90 adults in a crossover study of two daily "
        "zelvorin regimens, each for 5 weeks (oral 20 mg, or both). Serum levels were lower "
        "after the second regimen (p<0.001).", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r, "a mixed part is read for the regimen");
    cr_expect_str_eq(r->dose, "20 mg");
    cr_expect_str_eq(r->frequency, "daily");
    cr_expect_str_eq(r->duration, "5 weeks");
    cr_expect_not_null(finding(&x, "Serum levels"), "and for the findings");
    lm_extractions_free(&x);

    run("METHODS: Adults were randomized to placebo or zelvorin 23 mg/day.\n"
        "CONCLUSION: Treatment with zelvorin for up to 3 years improves grip function.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->dose, "23 mg/day");
    cr_assert_not_null(r->duration, "the conclusions give the treatment period");
    cr_expect_str_eq(r->duration, "up to 3 years");
    lm_extractions_free(&x);
}

Test(findings, follow_up_time_points_and_study_length)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Compared with placebo, zelvorin lowered the itch score in 36 hours "
        "(p = 0.01).", &x);
    f = first_kind(&x, LM_KIND_FOLLOW_UP);
    cr_assert_not_null(f);
    cr_expect(fabs(f->value - 1.5) < 0.001, "%g days", f->value);
    lm_extractions_free(&x);

    run("METHODS: This is an analysis of a 9-week, multicentre (four invented countries), "
        "randomized, placebo-controlled study of adults with tremor.", &x);
    f = first_kind(&x, LM_KIND_FOLLOW_UP);
    cr_assert_not_null(f, "a bracket between the length and 'study'");
    cr_expect_eq(f->value, 63);
    lm_extractions_free(&x);
}

Test(findings, a_comparison_without_an_outcome_is_on_the_last_one)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Glimmer time improved after treatment in both groups (p < 0.01). There was "
        "however no difference between treatment groups. The results showed that the glimmer "
        "score was significantly higher with zelvorin than with placebo (p = 0.03).", &x);
    f = finding(&x, "no difference");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "no_difference");
    cr_assert_not_null(f->outcome);
    cr_expect_str_eq(f->outcome, "Glimmer time");
    f = finding(&x, "results showed");
    cr_assert_not_null(f);
    cr_assert_not_null(f->outcome);
    cr_expect_str_eq(f->outcome, "glimmer score", "the lead 'The results showed that' is not the outcome");
    lm_extractions_free(&x);
}

Test(findings, a_list_item_led_by_a_direction_word_sets_its_own)
{
    lm_extractions x = { 0 };
    size_t i;
    int seen = 0;

    run("RESULTS: Zelvorin decreased zorvil binding, as well as enhanced glimmer uptake and "
        "levels of tremor factor (p < 0.05).", &x);
    for (i = 0; i < x.len; i++) {
        const lm_extraction *e = &x.v[i];
        if (e->kind != LM_KIND_FINDING || !e->outcome)
            continue;
        if (!strcmp(e->outcome, "zorvil binding")) {
            seen |= 1;
            cr_expect_str_eq(e->metric, "decreased");
        }
        if (!strcmp(e->outcome, "glimmer uptake")) {
            seen |= 2;
            cr_expect_str_eq(e->metric, "increased");
        }
        if (!strcmp(e->outcome, "levels of tremor factor")) {
            seen |= 4;
            cr_expect_str_eq(e->metric, "increased", "the item after follows it");
        }
    }
    cr_expect_eq(seen, 7, "items seen: %d", seen);
    lm_extractions_free(&x);
}

Test(findings, the_arm_before_than_is_the_intervention)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Glimmer flushes were significantly more frequent with brantamide than with "
        "zelvorin (44% vs. 12%, p < 0.01). Tremor was lower on zelvorin than on placebo (p < 0.001).", &x);
    f = finding(&x, "Glimmer flushes");
    cr_assert_not_null(f);
    cr_assert_not_null(f->intervention);
    cr_expect_str_eq(f->intervention, "brantamide");
    cr_expect_str_eq(f->comparator, "zelvorin");
    f = finding(&x, "Tremor");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased");
    cr_assert_not_null(f->intervention);
    cr_expect_str_eq(f->intervention, "zelvorin");
    cr_expect_str_eq(f->comparator, "placebo");
    lm_extractions_free(&x);
}

Test(findings, a_period_or_a_lower_bound_is_not_the_follow_up)
{
    lm_extractions x = { 0 };

    run("METHODS: Adults took part in a crossover study of two zelvorin regimens, each for 5 "
        "weeks.", &x);
    cr_expect_eq(count_of(&x, LM_KIND_FOLLOW_UP), 0, "one period of several");
    lm_extractions_free(&x);

    run("METHODS: The coated strips were kept frozen for at least 19 weeks.",
        &x);
    cr_expect_eq(count_of(&x, LM_KIND_FOLLOW_UP), 0, "a lower bound");
    lm_extractions_free(&x);

    run("METHODS: The zelvorin group exercised 4 times a week, for 7 weeks.", &x);
    cr_expect_eq(count_of(&x, LM_KIND_FOLLOW_UP), 1, "the treatment period still counts");
    lm_extractions_free(&x);
}

Test(findings, control_and_infusion_doses_are_not_the_regimen)
{
    lm_extractions x = { 0 };
    const lm_extraction *r;
    size_t i, n = 0;

    run("METHODS: The control group received brantamide 2.0 mg i.v. and continuous infusion of "
        "zorvil 0.07 \xc2\xb5g/kg/min. The zelvorin group received, in addition, an intravenous "
        "bolus of 0.6 mg/kg zelvorin.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->dose, "0.6 mg/kg", "an infusion rate in micrograms is not the dose");
    lm_extractions_free(&x);

    run("METHODS: Adults were randomized to usual diet (1.3 g/kg, n = 5) or a lean diet "
        "(0.7 g/kg, n = 6) or a leaner diet (0.3 g/kg, n = 6).", &x);
    for (i = 0; i < x.len; i++)
        if (x.v[i].kind == LM_KIND_REGIMEN) {
            cr_assert_not_null(x.v[i].dose);
            cr_expect_str_neq(x.v[i].dose, "1.3 g/kg", "the usual diet is the control arm");
            n++;
        }
    cr_expect_eq(n, 2, "one row per experimental arm, got %zu", n);
    lm_extractions_free(&x);
}

Test(findings, compound_and_annotated_doses)
{
    lm_extractions x = { 0 };
    const lm_extraction *r;
    size_t i, n = 0;

    run("METHODS: Adults received a zorvil 40 mg + dravinol 12.5 mg (Z40/D12) fixed "
        "combination once daily for 8 weeks.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->dose, "zorvil 40 mg + dravinol 12.5 mg");
    for (i = 0; i < x.len; i++)
        n += x.v[i].kind == LM_KIND_REGIMEN;
    cr_expect_eq(n, 1, "the second component is no arm of its own, got %zu rows", n);
    lm_extractions_free(&x);

    run("METHODS: Participants took 2 tablets (0.5 g zorvil) per day for 6 months.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->dose, "2 tablets (0.5 g zorvil)");
    lm_extractions_free(&x);

    run("METHODS: Adults were randomized to a lean diet (0.8 g fibre/kg, n = 7) for 4 weeks.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->dose, "0.8 g fibre/kg");
    lm_extractions_free(&x);

    run("METHODS: Adults received zorvil 5 mg (95% CI of exposure 3-7) daily for 2 weeks.", &x);
    r = first_kind(&x, LM_KIND_REGIMEN);
    cr_assert_not_null(r);
    cr_expect_str_eq(r->dose, "5 mg", "a confidence interval is no part of the dose");
    lm_extractions_free(&x);
}

Test(findings, no_longer_effective_is_a_null_finding)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: In the second period, 3 mg/kg zorvil was no longer effective on sleep "
        "quality (p = 0.3).", &x);
    f = finding(&x, "no longer effective");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "no_difference");
    cr_assert_not_null(f->outcome);
    cr_expect_str_eq(f->outcome, "sleep quality");
    lm_extractions_free(&x);
}

Test(findings, higher_dose_names_an_arm_not_the_direction)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("RESULTS: Higher doses of zorvil produced greater reductions in pain than lower "
        "doses (p = 0.02).", &x);
    f = finding(&x, "greater reductions");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->metric, "decreased", "the reduction gives the direction, not 'higher'");
    lm_extractions_free(&x);
}

Test(findings, outcome_abbreviation_gets_its_long_form)
{
    lm_extractions x = { 0 };
    const lm_extraction *f;

    run("METHODS: Sleep latency (SL) was recorded nightly.\nRESULTS: SL was shorter with "
        "zorvil than with placebo (p = 0.01). ABC was higher with zorvil than with placebo "
        "(p = 0.02).", &x);
    f = finding(&x, "SL was shorter");
    cr_assert_not_null(f);
    cr_assert_not_null(f->outcome);
    cr_expect_str_eq(f->outcome, "Sleep latency (SL)", "the abstract defines SL");
    f = finding(&x, "ABC was higher");
    cr_assert_not_null(f);
    cr_assert_not_null(f->outcome);
    cr_expect_str_eq(f->outcome, "ABC", "an abbreviation the text does not define stays");
    lm_extractions_free(&x);
}
