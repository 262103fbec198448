/* Design and sample size on invented abstracts of the classes that failed
 * on abstracts the rules had never seen (issue 15): whose randomisation
 * (commentaries, process evaluations, observational or cross-sectional
 * uses of a trial, protocols, economic and registry follow-ups), planned
 * versus enrolled sizes, listed groups, denominators, enrolled versus
 * analysed, and numbers in other roles that are not a sample size.  Every
 * row must pass; the tally per class is logged. */
#include <litmine/extract.h>
#include "tsv.h"

#define MAXCLS 64

struct tally {
    char name[32];
    int rows, ok;
};

static void count(struct tally *t, int *n, const char *cls, int ok)
{
    int i;

    for (i = 0; i < *n && strcmp(t[i].name, cls); i++)
        ;
    if (i == *n) {
        cr_assert_lt(*n, MAXCLS);
        snprintf(t[i].name, sizeof t[i].name, "%s", cls);
        t[i].rows = t[i].ok = 0;
        (*n)++;
    }
    t[i].rows++;
    t[i].ok += ok;
}

static void report(const char *what, const struct tally *t, int n)
{
    int i;

    for (i = 0; i < n; i++)
        cr_log_info("%s %-24s %d/%d", what, t[i].name, t[i].ok, t[i].rows);
}

/* The fixture's "\n" (two characters) joins abstract parts. */
static void unescape(char *s)
{
    char *w = s;

    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            *w++ = '\n';
            s++;
        } else {
            *w++ = *s;
        }
    }
    *w = '\0';
}

Test(unseen, design_by_class)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    struct tally t[MAXCLS] = { 0 };
    int nt = 0, rows = 0;
    tsv f;

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    tsv_open(&f, "unseen_design.tsv");
    while (tsv_next(&f)) {
        int ok;

        cr_assert_eq(f.nfields, 4, "%s:%lu: 4 fields", f.path, f.lineno);
        unescape(f.field[2]);
        lm_extractions_clear(&x);
        cr_assert_eq(lm_extract_design(ex, f.field[1], f.field[2], NULL, NULL, &x), LM_OK);
        cr_assert_eq(x.len, 1);
        ok = !strcmp(x.v[0].svalue, f.field[3]);
        count(t, &nt, f.field[0], ok);
        rows++;
        cr_expect(ok, "%s:%lu (%s): gave %s (rule %s, '%s'), want %s", f.path, f.lineno,
                  f.field[0], x.v[0].svalue, x.v[0].rule, x.v[0].text, f.field[3]);
    }
    tsv_close(&f);
    report("design", t, nt);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
    cr_assert_gt(rows, 20);
}

Test(unseen, sample_size_by_class)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    struct tally t[MAXCLS] = { 0 };
    int nt = 0, rows = 0;
    tsv f;
    lm_article a;

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    tsv_open(&f, "unseen_sample_size.tsv");
    while (tsv_next(&f)) {
        const lm_extraction *e = NULL;
        double want;
        size_t i;
        int ok;

        cr_assert_eq(f.nfields, 3, "%s:%lu: 3 fields", f.path, f.lineno);
        unescape(f.field[1]);
        want = atof(f.field[2]);
        memset(&a, 0, sizeof a);
        a.pmid = 1;
        a.title = "";
        a.abstract = f.field[1];
        lm_extractions_clear(&x);
        cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK, "%s", lm_extractor_errmsg(ex));
        for (i = 0; i < x.len && !e; i++)
            if (x.v[i].kind == LM_KIND_SAMPLE_SIZE && strstr(x.v[i].flags, "primary"))
                e = &x.v[i];
        ok = want < 0 ? e == NULL : e && e->value == want;
        count(t, &nt, f.field[0], ok);
        rows++;
        cr_expect(ok, "%s:%lu (%s): '%s' gave %g (%s), want %g", f.path, f.lineno, f.field[0],
                  f.field[1], e ? e->value : -1, e ? e->rule : "none", want);
    }
    tsv_close(&f);
    report("sample_size", t, nt);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
    cr_assert_gt(rows, 30);
}

Test(unseen, level_by_class)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    struct tally t[MAXCLS] = { 0 };
    int nt = 0, rows = 0;
    tsv f;
    lm_article a;

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    tsv_open(&f, "unseen_level.tsv");
    while (tsv_next(&f)) {
        const lm_extraction *e = NULL;
        size_t i;
        int ok;

        cr_assert_eq(f.nfields, 5, "%s:%lu: 5 fields", f.path, f.lineno);
        unescape(f.field[3]);
        memset(&a, 0, sizeof a);
        a.pmid = 1;
        a.pub_types = strcmp(f.field[1], "-") ? f.field[1] : NULL;
        a.title = f.field[2];
        a.abstract = f.field[3];
        lm_extractions_clear(&x);
        cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK, "%s", lm_extractor_errmsg(ex));
        for (i = 0; i < x.len && !e; i++)
            if (x.v[i].kind == LM_KIND_DESIGN)
                e = &x.v[i];
        cr_assert(e != NULL);
        ok = !strcmp(e->level, f.field[4]);
        count(t, &nt, f.field[0], ok);
        rows++;
        cr_expect(ok, "%s:%lu (%s): gave %s %s (rule %s, flags %s), want %s", f.path, f.lineno,
                  f.field[0], e->svalue, e->level, e->rule, e->flags, f.field[4]);
    }
    tsv_close(&f);
    report("level", t, nt);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
    cr_assert_gt(rows, 8);
}

Test(unseen, size_kind_by_class)
{
    lm_extractor *ex = NULL;
    lm_extractions x = { 0 };
    struct tally t[MAXCLS] = { 0 };
    int nt = 0, rows = 0;
    tsv f;
    lm_article a;

    cr_assert_eq(lm_extractor_open(0, &ex), LM_OK);
    tsv_open(&f, "unseen_size_kind.tsv");
    while (tsv_next(&f)) {
        const lm_extraction *e = NULL;
        size_t i;
        int ok;

        cr_assert_eq(f.nfields, 4, "%s:%lu: 4 fields", f.path, f.lineno);
        memset(&a, 0, sizeof a);
        a.pmid = 1;
        a.title = f.field[1];
        a.abstract = f.field[2];
        lm_extractions_clear(&x);
        cr_assert_eq(lm_extract_article(ex, &a, &x), LM_OK, "%s", lm_extractor_errmsg(ex));
        for (i = 0; i < x.len && !e; i++)
            if (x.v[i].kind == LM_KIND_SAMPLE_SIZE && strstr(x.v[i].flags, "primary"))
                e = &x.v[i];
        ok = e && !strcmp(e->metric, f.field[3]);
        count(t, &nt, f.field[0], ok);
        rows++;
        cr_expect(ok, "%s:%lu (%s): gave %s (%g, rule %s), want %s", f.path, f.lineno, f.field[0],
                  e ? e->metric : "none", e ? e->value : -1, e ? e->rule : "none", f.field[3]);
    }
    tsv_close(&f);
    report("size_kind", t, nt);
    lm_extractions_free(&x);
    lm_extractor_close(ex);
    cr_assert_gt(rows, 5);
}
