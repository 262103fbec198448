/* The literal pre-filter (extractors/gate.c): one Aho-Corasick pass must
 * find exactly what a naive search finds, whatever the text's length (the
 * scan works in 4 KiB blocks cut into lanes that start before their first
 * byte) and wherever a needle straddles a block or lane boundary. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>
#include "extractors/extractors_int.h"

/* the longest needle of the set: a lane must start far enough back to
 * find it when it ends on the lane's first byte */
#define LONGEST "lanes: a literal longer than any needle of the rules"

/* start lists of our own, after the design cues' ones */
static const char *const extra[] = {
    "random|and|ci|treatment group",
    "of|the|a |%|" LONGEST,
};

/* Does needle @p nd (a leading '=': the text's own case) end at s[i]? */
static int occurs_at(const char *s, size_t len, size_t at, const char *nd)
{
    int cs = *nd == '=';
    size_t n = strlen(nd + cs), k;

    if (at + n > len)
        return 0;
    for (k = 0; k < n; k++) {
        char a = s[at + k], b = nd[cs + k];
        if (cs ? a != b : tolower((unsigned char)a) != tolower((unsigned char)b))
            return 0;
    }
    return 1;
}

/* Compares gate_scan with a naive search on s[0, len): the start lists'
 * offsets, and with @p all every needle's found flag. */
static void check_text(const gate_set *g, const char *s, size_t len, gate_found *f, int all)
{
    size_t id, at, j, nat = 0, cap = 0, *starts = NULL;
    size_t nd = gate_set_size(g), list, lists[2];

    cr_assert_eq(gate_scan(g, s, len, f), LM_OK);
    for (id = 0; id < nd && all; id++) {
        const char *t = gate_needle_text(g, (int)id);
        int want = 0;

        for (at = 0; at < len && !want; at++)
            want = occurs_at(s, len, at, t);
        cr_assert_eq(f->found[id], want, "needle \"%s\" in a text of %zu bytes: %d, not %d",
                     t, len, f->found[id], want);
    }
    lists[0] = design_nstarts();
    lists[1] = design_nstarts() + 1;
    for (list = 0; list < 2; list++) {
        const char *need = extra[list];
        size_t k = 0;

        cr_assert_eq(gate_starts(g, lists[list], f, &starts, &nat, &cap), LM_OK);
        for (at = 0; at < len; at++) {
            const char *p = need;
            int hit = 0;

            /* any literal of the list starting at `at` */
            while (*p && !hit) {
                const char *bar = strchr(p, '|');
                size_t n = bar ? (size_t)(bar - p) : strlen(p);
                char lit[sizeof LONGEST];

                memcpy(lit, p, n);
                lit[n] = '\0';
                hit = occurs_at(s, len, at, lit);
                p += n + (bar != NULL);
            }
            if (!hit)
                continue;
            cr_assert_lt(k, nat, "list %zu, text of %zu bytes: offset %zu missing", list, len, at);
            cr_assert_eq(starts[k], at, "list %zu, text of %zu bytes: %zu, not %zu", list, len,
                         starts[k], at);
            k++;
        }
        cr_assert_eq(k, nat, "list %zu, text of %zu bytes: %zu offsets, not %zu", list, len,
                     nat, k);
        for (j = 1; j < nat; j++)
            cr_assert_lt(starts[j - 1], starts[j]);
    }
    free(starts);
}

Test(gate, scan_matches_a_naive_search_at_every_length)
{
    static const char *const words[] = {
        "The ", "randomised ", "Randomized ", "trial ", "AND ", "and ", "CI ", "of ", "the ",
        "treatment group", " ", "I2 = 50%, ", "OR 1.2 ", "95% CI ", "patients ", "a ", "mice ",
        "p < 0.05", "meta-analysis ", "N = 12 ", "n=13 ", "placebo", "; ", ". ",
    };
    static const size_t lens[] = { 0, 1, 2, 40, 255, 256, 257, 1023, 1024, 1025, 4095, 4096,
                                   4097, 5000, 8193, 12001 };
    size_t cap = 13000, n = 0, i, off;
    char *s = malloc(cap);
    gate_set *g = NULL;
    gate_found f = { 0 };
    unsigned seed = 1;

    cr_assert_not_null(s);
    while (n + 32 < cap) {
        const char *w;
        seed = seed * 1103515245u + 12345u;
        w = words[(seed >> 16) % (sizeof words / sizeof words[0])];
        memcpy(s + n, w, strlen(w));
        n += strlen(w);
    }
    cr_assert_eq(gate_set_open(extra, 2, &g), LM_OK);
    for (i = 0; i < sizeof lens / sizeof lens[0]; i++)
        for (off = 0; off < 4; off += 3)
            check_text(g, s + off, lens[i], &f, 1);
    gate_found_free(&f);
    gate_set_close(g);
    free(s);
}

Test(gate, the_longest_needle_is_found_across_lane_and_block_boundaries)
{
    static const size_t lens[] = { 300, 1500, 4096, 4200, 9000 };
    size_t unit = sizeof LONGEST, cap = 9000 + 2 * unit, n, i, shift;
    char *s = malloc(cap);
    gate_set *g = NULL;
    gate_found f = { 0 };

    cr_assert_not_null(s);
    cr_assert_eq(gate_set_open(extra, 2, &g), LM_OK);
    /* the needle and a space, repeated, after a shift of 0 to unit - 1
     * bytes: its end falls on every offset modulo unit */
    for (shift = 0; shift < unit; shift++) {
        memset(s, 'x', shift);
        for (n = shift; n + unit <= cap; n += unit) {
            memcpy(s + n, LONGEST, unit - 1);
            s[n + unit - 1] = ' ';
        }
        for (i = 0; i < sizeof lens / sizeof lens[0]; i++)
            check_text(g, s, lens[i], &f, 0);
    }
    gate_found_free(&f);
    gate_set_close(g);
    free(s);
}
