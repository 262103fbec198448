/* reconcile: the word lists.  General English never names what a claim is
 * about; the names of drugs and conditions (invented here: velmorant,
 * dizzitosis) and the vocabulary of medicine are not general. */
#include <criterion/criterion.h>
#include <string.h>
#include "reconcile/reconcile_int.h"

TestSuite(reconcile_words);

Test(reconcile_words, general_english_is_never_a_subject)
{
    static const struct { const char *w; int want; } t[] = {
        /* reporting verbs and their forms */
        { "concluded", 1 }, { "hears", 1 }, { "swears", 1 }, { "hinted", 1 }, { "proving", 1 },
        /* everyday verbs, adjectives, adverbs, people */
        { "runs", 1 }, { "helped", 1 }, { "develop", 1 }, { "Constant", 1 }, { "true", 1 },
        { "likely", 1 }, { "widely", 1 }, { "cannot", 1 }, { "USERS", 1 }, { "coworker", 1 },
        { "teenagers", 1 }, { "stopping", 1 }, { "family", 1 },
        /* what a claim is about */
        { "velmorant", 0 }, { "dizzitosis", 0 }, { "vertigo", 0 }, { "clock", 0 },
        { "anomaly", 0 }, { "nausea", 0 }, { "insulin", 0 }, { "rash", 0 },
        /* too short to judge */
        { "ly", 0 },
    };
    struct rc_words w;
    size_t i;

    cr_assert_eq(rc_words_open(&w), LM_OK);
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert_eq(rc_general_word(&w, t[i].w, strlen(t[i].w)), t[i].want, "%s", t[i].w);
    /* the stop list stays as it was: general words still find topics */
    cr_assert(rc_stopword(&w, "study", 5));
    cr_assert(!rc_stopword(&w, "runs", 4));
    rc_words_close(&w);
}

Test(reconcile_words, acronyms_spelt_out_over_words)
{
    static const struct { const char *text, *acr; int want; } t[] = {
        { "a boy with restless legs syndrome", "rls", 1 },
        { "children with neuromuscular fatigue syndrome", "nmfs", 1 },
        { "neuro-muscular fatigue syndrome in adults", "nmfs", 1 },
        { "chronic obstructive pulmonary disease", "copd", 1 },
        /* the letters out of order, or not at word starts */
        { "legs that are restless", "rls", 0 },
        { "a crystal", "rls", 0 },
        { "", "rls", 0 },
        /* too short or too long to be an acronym */
        { "r", "r", 0 },
    };
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        cr_assert_eq(rc_spells_out_words(t[i].text, t[i].acr), t[i].want, "%s / %s", t[i].text,
                     t[i].acr);
}
