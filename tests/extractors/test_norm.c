/* Number normalisation (extractors/norm.c), table by table: each fixture
 * row is one input and what the parser must return. */
#include <math.h>
#include <litmine/extract.h>
#include "tsv.h"

static int near(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (1 + fabs(b));
}

Test(norm, numbers)
{
    tsv t;
    int rows = 0;

    tsv_open(&t, "numbers.tsv");
    while (tsv_next(&t)) {
        double v = 0, want = atof(t.field[1]);
        size_t used = 0;
        long want_used = atol(t.field[2]);
        int ok = lm_num_parse(t.field[0], strlen(t.field[0]), &v, &used);

        rows++;
        if (want_used < 0) {
            cr_expect_eq(ok, 0, "%s:%lu: '%s' parsed as %g", t.path, t.lineno, t.field[0], v);
            continue;
        }
        cr_expect(ok && near(v, want) && (long)used == want_used,
                  "%s:%lu: '%s' -> ok=%d v=%g used=%zu, want %g used %ld",
                  t.path, t.lineno, t.field[0], ok, v, used, want, want_used);
    }
    tsv_close(&t);
    cr_assert_gt(rows, 15);
}

Test(norm, words)
{
    tsv t;
    int rows = 0;

    tsv_open(&t, "words.tsv");
    while (tsv_next(&t)) {
        double v = 0, want = atof(t.field[2]);
        size_t used = 0;
        int ok = lm_num_words(t.field[0], strlen(t.field[0]), atoi(t.field[1]), &v, &used);

        rows++;
        if (want < 0) {
            cr_expect_eq(ok, 0, "%s:%lu: '%s' parsed as %g", t.path, t.lineno, t.field[0], v);
            continue;
        }
        cr_expect(ok && near(v, want) && (long)used == atol(t.field[3]),
                  "%s:%lu: '%s' -> ok=%d v=%g used=%zu", t.path, t.lineno, t.field[0], ok, v, used);
    }
    tsv_close(&t);
    cr_assert_gt(rows, 10);
}

Test(norm, fractions)
{
    tsv t;
    int rows = 0;

    tsv_open(&t, "fractions.tsv");
    while (tsv_next(&t)) {
        double k = 0, n = 0;
        size_t used = 0;
        long want_used = atol(t.field[3]);
        int ok = lm_frac_parse(t.field[0], strlen(t.field[0]), &k, &n, &used);

        rows++;
        if (want_used < 0) {
            cr_expect_eq(ok, 0, "%s:%lu: '%s' parsed as %g/%g", t.path, t.lineno, t.field[0], k, n);
            continue;
        }
        cr_expect(ok && near(k, atof(t.field[1])) && near(n, atof(t.field[2]))
                  && (long)used == want_used,
                  "%s:%lu: '%s' -> ok=%d %g/%g used=%zu", t.path, t.lineno, t.field[0], ok, k, n, used);
    }
    tsv_close(&t);
    cr_assert_gt(rows, 5);
}

Test(norm, percents)
{
    tsv t;
    int rows = 0;

    tsv_open(&t, "percents.tsv");
    while (tsv_next(&t)) {
        double v = 0;
        size_t used = 0;
        long want_used = atol(t.field[2]);
        int ok = lm_pct_parse(t.field[0], strlen(t.field[0]), &v, &used);

        rows++;
        if (want_used < 0) {
            cr_expect_eq(ok, 0, "%s:%lu: '%s' parsed as %g%%", t.path, t.lineno, t.field[0], v);
            continue;
        }
        cr_expect(ok && near(v, atof(t.field[1])) && (long)used == want_used,
                  "%s:%lu: '%s' -> ok=%d %g used=%zu", t.path, t.lineno, t.field[0], ok, v, used);
    }
    tsv_close(&t);
    cr_assert_gt(rows, 5);
}

Test(norm, pvalues)
{
    tsv t;
    int rows = 0;

    tsv_open(&t, "pvalues.tsv");
    while (tsv_next(&t)) {
        double p = 0;
        char op[3] = "";
        size_t used = 0;
        long want_used = atol(t.field[3]);
        int ok = lm_p_parse(t.field[0], strlen(t.field[0]), &p, op, &used);

        rows++;
        if (want_used < 0) {
            cr_expect_eq(ok, 0, "%s:%lu: '%s' parsed as p %s %g", t.path, t.lineno, t.field[0], op, p);
            continue;
        }
        cr_expect(ok && near(p, atof(t.field[1])) && !strcmp(op, t.field[2])
                  && (long)used == want_used,
                  "%s:%lu: '%s' -> ok=%d p %s %g used=%zu", t.path, t.lineno, t.field[0], ok,
                  op, p, used);
    }
    tsv_close(&t);
    cr_assert_gt(rows, 8);
}

Test(norm, confidence_intervals)
{
    tsv t;
    int rows = 0;

    tsv_open(&t, "ci.tsv");
    while (tsv_next(&t)) {
        double lo = 0, hi = 0, lv = 0;
        size_t used = 0;
        long want_used = atol(t.field[5]);
        int ok = lm_ci_parse(t.field[0], strlen(t.field[0]), atoi(t.field[1]), &lo, &hi, &lv, &used);

        rows++;
        if (want_used < 0) {
            cr_expect_eq(ok, 0, "%s:%lu: '%s' parsed as %g..%g", t.path, t.lineno, t.field[0], lo, hi);
            continue;
        }
        cr_expect(ok && near(lo, atof(t.field[2])) && near(hi, atof(t.field[3]))
                  && near(lv, atof(t.field[4])) && (long)used == want_used,
                  "%s:%lu: '%s' -> ok=%d %g..%g level %g used=%zu", t.path, t.lineno,
                  t.field[0], ok, lo, hi, lv, used);
    }
    tsv_close(&t);
    cr_assert_gt(rows, 10);
}

Test(norm, text_map_points_back_to_original_bytes)
{
    /* U+2212 minus (3 bytes), U+2009 thin space (3), U+00B7 middle dot (2), ≤ (3 -> 2) */
    const char *in = "\xE2\x88\x92" "0\xC2\xB7" "25 and 1\xE2\x80\x89" "234, p \xE2\x89\xA4 .05";
    lm_normtext t = { 0 };

    cr_assert_eq(lm_text_norm(in, strlen(in), &t), LM_OK);
    cr_expect_str_eq(t.s, "-0.25 and 1 234, p <= .05");
    cr_expect_eq(t.map[0], 0);
    cr_expect_eq(t.map[1], 3);                   /* '0' after the 3-byte minus */
    cr_expect_eq(t.map[t.len], strlen(in));
    lm_normtext_free(&t);
}

Test(norm, plain_runs_end_at_every_byte_that_is_not_plain_ascii)
{
    /* plain ASCII is copied eight bytes at a time: a control byte (0x01 and
     * 0x1F dropped), a tab (kept), DEL (plain) or a 2-byte U+00A0 (a space)
     * at each offset of a 20-byte text must still give the text and map of
     * a byte loop */
    static const char *const odd[] = { "\x01", "\x1F", "\t", "\x7F", "\xC2\xA0" };
    size_t at, j, k;

    for (k = 0; k < sizeof odd / sizeof odd[0]; k++)
        for (at = 0; at <= 20; at++) {
            char in[32], want[32];
            size_t n = strlen(odd[k]), w = 0;
            lm_normtext t = { 0 };

            memset(in, 'a', 20);
            memcpy(in + at, odd[k], n);
            memset(in + at + n, 'b', 20 - at);
            in[20 + n] = '\0';
            for (j = 0; j < 20 + n; j++) {
                if (j == at && k < 2)
                    continue;
                want[w++] = j == at && k == 4 ? ' ' : in[j];
                if (j == at && k == 4)
                    j++;
            }
            want[w] = '\0';
            cr_assert_eq(lm_text_norm(in, 20 + n, &t), LM_OK);
            cr_assert_str_eq(t.s, want, "odd byte %zu at %zu", k, at);
            for (j = 0; j < t.len; j++)
                cr_assert_eq(t.map[j], j < at ? j : k < 2 ? j + 1 : j == at ? at : j + n - 1,
                             "offset %zu of %zu (odd byte %zu at %zu)", j, t.len, k, at);
            cr_assert_eq(t.map[t.len], 20 + n);
            lm_normtext_free(&t);
        }
}

Test(norm, middle_dot_in_exponent_is_multiplication)
{
    lm_normtext t = { 0 };
    const char *in = "1.2\xC2\xB7" "10-5";

    cr_assert_eq(lm_text_norm(in, strlen(in), &t), LM_OK);
    cr_expect_str_eq(t.s, "1.2x10-5");
    lm_normtext_free(&t);
}

Test(norm, wilson)
{
    double lo, hi;

    cr_assert_eq(lm_wilson(15, 20, 1.959964, &lo, &hi), LM_OK);
    cr_expect(fabs(lo - 0.5313) < 1e-3 && fabs(hi - 0.8881) < 1e-3, "15/20: %g-%g", lo, hi);
    cr_assert_eq(lm_wilson(0, 10, 1.959964, &lo, &hi), LM_OK);
    cr_expect(lo == 0 && fabs(hi - 0.2775) < 1e-3, "0/10: %g-%g", lo, hi);
    cr_expect_eq(lm_wilson(3, 0, 1.96, &lo, &hi), LM_ERR_USAGE);
    cr_expect_eq(lm_wilson(5, 4, 1.96, &lo, &hi), LM_ERR_USAGE);
    cr_expect_eq(lm_wilson(-1, 4, 1.96, &lo, &hi), LM_ERR_USAGE);
}
