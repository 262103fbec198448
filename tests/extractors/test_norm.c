/* Number normalisation (extractors/norm.c), table by table: each fixture
 * row is one input and what the parser must return. */
#include <math.h>
#include <string.h>
#include <litmine/extract.h>
#include "extractors/extractors_int.h"
#include "tsv.h"

static int near(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (1 + fabs(b));
}

/* One parser of the table: runs it on row @p f (field 0 the input) and
 * puts what it returned in got[] (in the order of the want columns),
 * its operator (p-values) in op and the bytes used in *used. */
typedef int (*parse_fn)(const tsv *f, double got[3], char op[3], size_t *used);

static int p_number(const tsv *f, double got[3], char op[3], size_t *used)
{
    (void)op;
    return lm_num_parse(f->field[0], strlen(f->field[0]), &got[0], used);
}

static int p_words(const tsv *f, double got[3], char op[3], size_t *used)
{
    (void)op;
    return lm_num_words(f->field[0], strlen(f->field[0]), atoi(f->field[1]), &got[0], used);
}

static int p_fraction(const tsv *f, double got[3], char op[3], size_t *used)
{
    (void)op;
    return lm_frac_parse(f->field[0], strlen(f->field[0]), &got[0], &got[1], used);
}

static int p_percent(const tsv *f, double got[3], char op[3], size_t *used)
{
    (void)op;
    return lm_pct_parse(f->field[0], strlen(f->field[0]), &got[0], used);
}

static int p_pvalue(const tsv *f, double got[3], char op[3], size_t *used)
{
    return lm_p_parse(f->field[0], strlen(f->field[0]), &got[0], op, used);
}

static int p_ci(const tsv *f, double got[3], char op[3], size_t *used)
{
    (void)op;
    return lm_ci_parse(f->field[0], strlen(f->field[0]), atoi(f->field[1]), &got[0], &got[1],
                       &got[2], used);
}

/* Each fixture: its parser, the columns of the values it must return
 * (-1 ends), of the operator (-1: none), of the bytes used, the column
 * whose negative value says "no parse", and how many rows it must have. */
static const struct {
    const char *fixture;
    parse_fn parse;
    int want[3], op, used, none, min_rows;
} parsers[] = {
    { "numbers.tsv", p_number, { 1, -1, -1 }, -1, 2, 2, 15 },
    { "words.tsv", p_words, { 2, -1, -1 }, -1, 3, 2, 10 },
    { "fractions.tsv", p_fraction, { 1, 2, -1 }, -1, 3, 3, 5 },
    { "percents.tsv", p_percent, { 1, -1, -1 }, -1, 2, 2, 5 },
    { "pvalues.tsv", p_pvalue, { 1, -1, -1 }, 2, 3, 3, 8 },
    { "ci.tsv", p_ci, { 2, 3, 4 }, -1, 5, 5, 10 },
};

Test(norm, parsers_by_table)
{
    size_t k;

    for (k = 0; k < sizeof parsers / sizeof parsers[0]; k++) {
        tsv t;
        int rows = 0;

        tsv_open(&t, parsers[k].fixture);
        while (tsv_next(&t)) {
            double got[3] = { 0, 0, 0 };
            char op[3] = "";
            size_t used = 0;
            int ok = parsers[k].parse(&t, got, op, &used), good, i;

            rows++;
            if (atof(t.field[parsers[k].none]) < 0) {
                cr_expect_eq(ok, 0, "%s:%lu: '%s' parsed as %g", t.path, t.lineno, t.field[0], got[0]);
                continue;
            }
            good = ok && (long)used == atol(t.field[parsers[k].used])
                   && (parsers[k].op < 0 || !strcmp(op, t.field[parsers[k].op]));
            for (i = 0; i < 3 && parsers[k].want[i] >= 0; i++)
                good = good && near(got[i], atof(t.field[parsers[k].want[i]]));
            cr_expect(good, "%s:%lu: '%s' -> ok=%d %g %g %g op '%s' used=%zu", t.path, t.lineno,
                      t.field[0], ok, got[0], got[1], got[2], op, used);
        }
        tsv_close(&t);
        cr_expect_gt(rows, parsers[k].min_rows, "%s: %d rows", parsers[k].fixture, rows);
    }
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

Test(norm, lower_case_copy_matches_a_byte_loop)
{
    /* extract_lower takes sixteen, then eight bytes at a time: every byte
     * value at every offset of texts of every length up to 40 must come out
     * as C-locale tolower of ASCII (bytes >= 0x80 kept), with zeros after */
    static const unsigned char edge[] = { 0x00, '@', 'A', 'M', 'Z', '[', '`', 'a', 'z', 0x7F,
                                          0x80, 0xC1, 0xDA, 0xFF };
    lm_buf out = { 0 };
    size_t len, at, e, j;

    for (len = 1; len <= 40; len++)
        for (at = 0; at < len; at++)
            for (e = 0; e < sizeof edge; e++) {
                char in[40];
                for (j = 0; j < len; j++)
                    in[j] = (char)('A' + (j * 7) % 26);
                in[at] = (char)edge[e];
                cr_assert_eq(extract_lower(in, len, &out), LM_OK);
                cr_assert_eq(out.len, len);
                for (j = 0; j < len; j++) {
                    unsigned char c = (unsigned char)in[j];
                    cr_assert_eq((unsigned char)out.s[j], c >= 'A' && c <= 'Z' ? c + 32 : c,
                                 "byte %zu of %zu (0x%02X at %zu)", j, len, edge[e], at);
                }
                for (j = 0; j < 64; j++)
                    cr_assert_eq(out.s[len + j], 0, "pad byte %zu after %zu", j, len);
            }
    lm_buf_free(&out);
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
