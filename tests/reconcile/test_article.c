/* reconcile: the article model's own readings, on invented sentences (the
 * fictional drug velmorant, invented numbers): which sentences open a study
 * mention. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <litmine/litmine.h>
#include "reconcile/reconcile_int.h"

TestSuite(reconcile_article);

/* One sentence, its numbers as the test gives them (an n, or none). */
static int opens(struct lm_report *r, const char *text, size_t block, size_t head, unsigned f,
                 long n)
{
    struct rc_sent s = { 0, strlen(text), block };
    struct rc_num x;
    struct rc_nums ns = { 0 };

    memset(&x, 0, sizeof x);
    x.kind = RC_N;
    x.v = (double)n;
    ns.v = &x;
    ns.n = n > 0;
    return rc_mention_opens(r, text, &s, head, f, &ns);
}

Test(reconcile_article, definite_study_phrases_open_a_mention)
{
    static const struct {
        const char *text;
        unsigned f;
        long n;
        int want;
    } t[] = {
        /* a definite study noun phrase with details: a new study */
        { "The randomized trial of 412 adults found remission in 90 of them.", RC_F_RCT, 412, 1 },
        { "In the open-label pilot, nine of 14 adults improved.", RC_F_OPENLABEL, 14, 1 },
        { "The early compassionate-use study gave velmorant to 88 children.", RC_F_OPENLABEL, 0, 1 },
        { "Results like the ORBIT 3 trial are what we aim for.", 0, 0, 1 },
        { "The 2019 study published in the Velmorant Letters was small.", 0, 0, 1 },
        /* no details: "the study" points back, it introduces nothing */
        { "Those gains held for the rest of the study.", 0, 0, 0 },
        { "The study was small.", 0, 0, 0 },
        { "In the same trial, 20 adults dropped out.", 0, 20, 0 },
        /* no study noun after "the" */
        { "The randomized patients of 412 adults improved.", RC_F_RCT, 412, 0 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct lm_report r;
        memset(&r, 0, sizeof r);
        cr_assert_eq(opens(&r, t[i].text, 0, 0, t[i].f, t[i].n), t[i].want, "%s", t[i].text);
    }
}

Test(reconcile_article, definite_study_phrases_lean_on_an_earlier_mention)
{
    static const struct {
        const char *text;
        size_t block, head;
        unsigned f;
        long n;
        int want;
    } t[] = {
        /* the sample size of the earlier mention: that study again */
        { "The randomized trial of 412 adults was funded by its maker.", 5, 4, RC_F_RCT, 412, 0 },
        /* "the trial" in the paragraph that named one */
        { "The trial enrolled 500 adults across 30 clinics.", 1, 0, 0, 500, 0 },
        /* bare "the trial" in the same section */
        { "The trial enrolled 500 adults across 30 clinics.", 2, 0, 0, 500, 0 },
        /* another section, other details: a new study */
        { "The crossover trial enrolled 500 adults.", 3, 2, 0, 500, 1 },
        /* a design the section's mention does not have */
        { "The open-label pilot found the same.", 2, 0, RC_F_OPENLABEL, 0, 1 },
        /* the section's mention has that design already */
        { "The randomised trial found the same.", 2, 0, RC_F_RCT, 0, 0 },
    };
    struct rc_mention m;
    size_t i;

    memset(&m, 0, sizeof m);
    m.block = 1;
    m.head = 0;
    m.n = 412;
    strcpy(m.design, "rct");
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct lm_report r;
        memset(&r, 0, sizeof r);
        r.studies = &m;
        r.nstudies = 1;
        cr_assert_eq(opens(&r, t[i].text, t[i].block, t[i].head, t[i].f, t[i].n), t[i].want,
                     "%s", t[i].text);
    }
}

/* A sentence that names or leans on a mention fills in what it left out. */
Test(reconcile_article, later_sentences_fill_in_a_mentions_details)
{
    static const struct {
        const char *text;
        unsigned f;
        long n;
        int year;
        const char *design, *venue;
    } t[] = {
        { "Also, the Kestrel trial randomised 120 kids to two doses.", RC_F_RCT, 120, 0, "rct", "" },
        { "The trial gave velmorant to 214 children and young adults.", 0, 214, 0, "", "" },
        { "It appeared in 2019, published in the Journal of Velmorant Studies.", 0, 0, 2019, "",
          "Journal of Velmorant Studies" },
        { "Up to 50 mg/kg was given.", 0, 0, 0, "", "" },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct rc_mention m;
        struct lm_report r;
        struct rc_sent s = { 0, strlen(t[i].text), 3 };
        memset(&m, 0, sizeof m);
        memset(&r, 0, sizeof r);
        r.studies = &m;
        r.nstudies = 1;
        rc_mention_enrich(&r, 0, t[i].text, &s, t[i].f, NULL);
        cr_assert_eq(m.n, t[i].n, "%s: n %ld", t[i].text, m.n);
        cr_assert_eq(m.year, t[i].year, "%s", t[i].text);
        cr_assert_str_eq(m.design, t[i].design, "%s", t[i].text);
        cr_assert_str_eq(m.venue, t[i].venue, "%s", t[i].text);
        /* what the mention already had stays */
        m.n = 7;
        rc_mention_enrich(&r, 0, t[i].text, &s, t[i].f, NULL);
        cr_assert_eq(m.n, 7);
    }
}

/* What the article model says of a sentence before the claim rules do. */
Test(reconcile_article, claim_gate_small_print_rhetoric_pointers_and_assertions)
{
    static const struct {
        const char *text;
        unsigned f;
        int topical, opens, want;
    } t[] = {
        { "These statements have not been evaluated by the Velmorant Authority.", 0, 0, 0, -1 },
        { "Don't let anyone tell you it doesn't work.", RC_F_EFFICACY, 0, 0, -1 },
        { "It works, whatever you choose.", RC_F_EFFICACY, 0, 0, -1 },
        { "Even a tablet helps.", RC_F_EFFICACY, 0, 0, -1 },
        { "Researchers are still trying to work out how velmorant acts.", RC_F_STUDYWORD, 1, 0, -1 },
        { "There's a big review on exactly this.", RC_F_STUDYWORD | RC_F_META, 0, 0, -1 },
        { "A later review in the Velmorant Letters was less upbeat.", RC_F_STUDYWORD, 0, 0, -1 },
        /* the pointer introduces a study later sentences lean on: it stays */
        { "A later review in the Velmorant Letters was less upbeat.", RC_F_STUDYWORD, 0, 1, 0 },
        { "\"A real step,\" said Dr Quill, who led none of the work.", 0, 0, 0, -1 },
        /* other evidence said to agree, hearsay, an endorsement, a pointer */
        { "Animal work points the same way.", RC_F_EFFICACY, 0, 0, -1 },
        { "I hear stories like that every week.", RC_F_FIRST_PERSON, 0, 0, -1 },
        { "My neighbour swears by velmorant drops.", RC_F_FIRST_PERSON, 1, 0, -1 },
        { "Velmorant is sold everywhere, so it is worth looking at what the trials found.",
          RC_F_STUDYWORD, 1, 0, -1 },
        /* ...unless it says what happened */
        { "My neighbour swears by velmorant: it cured her dizziness.", RC_F_FIRST_PERSON | RC_F_EFFICACY,
          1, 0, 0 },
        /* claims without a number */
        { "The benefit was steepest in the first weeks: going from nothing to a little seems "
          "to matter most.", 0, 0, 0, 1 },
        { "Velmorant has even been shown to regrow cartilage.", 0, 1, 0, 1 },
        { "Dizziness is common and doctors are hiding it.", RC_F_SAFETY, 0, 0, 1 },
        { "Effects began within days", 0, 0, 0, 1 },
        { "Quitting is simple: once you stop, the results last.", 0, 0, 0, 1 },
        { "The benefits wore off after a month.", 0, 0, 0, 1 },
        { "Side effects of any kind were mild.", RC_F_SAFETY, 0, 0, 0 },
        /* for the claim rules */
        { "Velmorant works.", RC_F_EFFICACY, 1, 0, 0 },
        { "It cured my dizziness.", RC_F_EFFICACY | RC_F_FIRST_PERSON, 0, 0, 0 },
        { "It was well tolerated.", RC_F_SAFETY, 0, 0, 0 },
        { "\"Velmorant cut my dizziness in half,\" said Anna.", RC_F_EFFICACY, 1, 0, 0 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct rc_sent s = { 0, strlen(t[i].text), 0 };
        cr_assert_eq(rc_claim_gate(t[i].text, &s, RC_BLOCK_PARA, t[i].f, NULL, t[i].topical,
                                   t[i].opens), t[i].want, "%s", t[i].text);
    }
}

/* A number before a word for people is a sample size, unless it counts a rate. */
Test(reconcile_article, people_counted_are_a_sample_size)
{
    static const struct { const char *text; long n; } t[] = {
        { "The study gave velmorant to 214 kids and young adults.", 214 },
        { "It enrolled 1,150 older adults in three countries.", 1150 },
        { "Almost 8 in 10 people had side effects.", 0 },
        { "Nine of 14 adults improved.", 0 },
        { "Velmorant 50 mg was given twice a day.", 0 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct rc_sent s = { 0, strlen(t[i].text), 0 };
        struct rc_nums ns = { 0 };
        cr_assert_eq(rc_people_n(t[i].text, &s, &ns), LM_OK);
        cr_assert_eq(ns.n, t[i].n > 0, "%s", t[i].text);
        if (ns.n) {
            cr_assert_eq(ns.v[0].kind, RC_N);
            cr_assert_float_eq(ns.v[0].v, (double)t[i].n, 1e-9, "%s", t[i].text);
        }
        free(ns.v);
    }
}

/* A headline in capitals asserts a result when it gives a quantity. */
Test(reconcile_article, shouted_headlines_with_a_quantity_are_claims)
{
    static const struct { const char *text; int topical, want; } t[] = {
        { "VELMORANT USERS LOSE A THIRD OF THEIR DIZZINESS", 1, 1 },
        { "VELMORANT CRUSHES DIZZINESS, SCIENTISTS SAY", 1, 0 },
        { "THE VELMORANT ERA: 4 STUDIES THAT CHANGED EVERYTHING", 1, 0 },
        { "Velmorant users lose a third of their dizziness", 1, 0 },
        { "USERS LOSE A THIRD OF THEIR DIZZINESS", 0, 0 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct rc_sent s = { 0, strlen(t[i].text), 0 };
        unsigned f = strstr(t[i].text, "STUDIES") ? RC_F_STUDYWORD : 0;
        cr_assert_eq(rc_claim_gate(t[i].text, &s, RC_BLOCK_HEADING, f, NULL, t[i].topical, 0),
                     t[i].want, "%s", t[i].text);
    }
}

/* A reply whose subject is a pronoun speaks of the study the post before it
 * named; a later post, or a subject of its own, does not. */
Test(reconcile_article, a_pronoun_subject_in_a_reply_takes_the_study_named_before)
{
    static const struct { const char *text; size_t block; int want; } t[] = {
        { "It did help with the itching, at least in the older children.", 3, 0 },
        { "They also slept better in the second month.", 4, 0 },
        { "It did help with the itching.", 7, -1 },
        { "Itching got better anyway.", 3, -1 },
        { "My sister did better on velmorant.", 3, -1 },
    };
    struct rc_block bl[8];
    struct rc_mention m;
    size_t i;

    memset(bl, 0, sizeof bl);
    for (i = 0; i < 8; i++)
        bl[i].kind = RC_BLOCK_PARA;
    memset(&m, 0, sizeof m);
    m.block = 2;
    m.head = 0;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct lm_report r;
        struct rc_sent s = { 0, strlen(t[i].text), t[i].block };
        memset(&r, 0, sizeof r);
        r.studies = &m;
        r.nstudies = 1;
        r.blocks = bl;
        r.nblocks = 8;
        cr_assert_eq(rc_mention_bind(&r, t[i].text, &s, 0, 0, NULL, 0), t[i].want, "%s",
                     t[i].text);
    }
}
