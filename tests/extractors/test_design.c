/* Design and evidence level (extractors/design.c): abstract wording against
 * PubMed publication types, which one won, and the level map. */
#include <litmine/extract.h>
#include "tsv.h"

Test(design, table)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    tsv t;
    int rows = 0;

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    tsv_open(&t, "design.tsv");
    while (tsv_next(&t)) {
        const lm_extraction *e;

        lm_extractions_clear(&x);
        cr_assert_eq(lm_extract_design(ex, t.field[0], t.field[1], t.field[2], NULL, &x), LM_OK);
        cr_assert_eq(x.len, 1);
        e = &x.v[0];
        rows++;
        cr_expect(e->kind == LM_KIND_DESIGN && !strcmp(e->svalue, t.field[3])
                  && !strcmp(e->level, t.field[4]) && !strcmp(e->metric, t.field[5]),
                  "%s:%lu: '%s' gave %s %s won by %s (rule %s, flags %s)", t.path, t.lineno,
                  t.field[1], e->svalue, e->level, e->metric, e->rule, e->flags);
    }
    tsv_close(&t);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
    cr_assert_gt(rows, 10);
}

Test(design, disagreement_keeps_both)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    const char *abs = "This non-randomized controlled study compared two clinics.";

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    cr_assert_eq(lm_extract_design(ex, "T", abs, "Journal Article; Randomized Controlled Trial",
                                   NULL, &x), LM_OK);
    cr_expect(strstr(x.v[0].flags, "abstract=non_randomized_controlled") != NULL, "%s", x.v[0].flags);
    cr_expect(strstr(x.v[0].flags, "pub_types=rct") != NULL, "%s", x.v[0].flags);
    cr_expect(strstr(x.v[0].flags, "disagree") != NULL, "%s", x.v[0].flags);
    /* the span quotes the cue that decided */
    cr_expect_str_eq(x.v[0].text, "non-randomized");
    cr_expect_eq(x.v[0].span_start, 5);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
}

Test(design, modifiers_are_flagged)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    cr_assert_eq(lm_extract_design(ex, "A double-blind, placebo-controlled crossover trial",
                                   "Participants were randomized to drug then placebo.", NULL,
                                   NULL, &x), LM_OK);
    cr_expect_str_eq(x.v[0].svalue, "rct");
    cr_expect(strstr(x.v[0].flags, "double_blind") && strstr(x.v[0].flags, "placebo_controlled")
              && strstr(x.v[0].flags, "crossover"), "%s", x.v[0].flags);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
}

Test(design, active_control_and_pooled_effects)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    lm_article a;
    size_t i;
    int pooled = 0;

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    cr_assert_eq(lm_extract_design(ex, "A head-to-head trial", "Patients were randomized to "
                                   "drug A or an active comparator.", NULL, NULL, &x), LM_OK);
    cr_expect(strstr(x.v[0].flags, "active_controlled") != NULL, "%s", x.v[0].flags);
    lm_extractions_clear(&x);
    memset(&a, 0, sizeof a);
    a.title = "Drug A for pain: a systematic review and meta-analysis";
    a.abstract = "Twelve trials were pooled (SMD -0.40, 95% CI -0.60 to -0.20; I2 = 30%).";
    cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK);
    for (i = 0; i < x.len; i++)
        pooled += x.v[i].kind == LM_KIND_EFFECT && strstr(x.v[i].flags, "pooled") != NULL;
    cr_expect_eq(pooled, 1);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
}

Test(design, mesh_animals)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    cr_assert_eq(lm_extract_design(ex, "T", "Outcomes were measured.", "Journal Article",
                                   "Animals; Disease Models, Animal", &x), LM_OK);
    cr_expect_str_eq(x.v[0].svalue, "animal");
    cr_expect_str_eq(x.v[0].metric, "pub_types");
    lm_extractions_free(&x);
    lm_extractor_close(ex);
}

Test(design, levels)
{
    cr_expect_str_eq(lm_design_level("meta_analysis"), "L1");
    cr_expect_str_eq(lm_design_level("rct"), "L2");
    cr_expect_str_eq(lm_design_level("case_control"), "L3");
    cr_expect_str_eq(lm_design_level("case_series"), "L4");
    cr_expect_str_eq(lm_design_level("in_vitro"), "L5");
    cr_expect_null(lm_design_level("anecdote"));
    cr_expect_null(lm_design_level(NULL));
}
