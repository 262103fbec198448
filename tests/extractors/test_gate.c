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

/* pattern_alts: where an anchored pattern's alternatives may start.  Each
 * row: an invented pattern and whether alternatives may match at a byte
 * after a word byte or not (an expected viable mask per position). */
static const struct {
    const char *pattern;
    int nalts;               /* 0: not analysed */
    const char *at;          /* text: the byte tried is the one after '^' */
    uint64_t want0, want1;   /* viable at that byte, after a non-word / a word byte */
} alts_rows[] = {
    { "\\bzorvane|\\bquelin\\b|(?<=\\bthe )zorvil", 3, "^z", 5, 4 },
    { "\\bzorvane|\\bquelin\\b|(?<=\\bthe )zorvil", 3, "^Q", 2, 0 },
    { "(?<!non-)(?:very )?\\bdrelo|[(\\[]\\d+", 2, "^v", 1, 1 },    /* \b after a word: anywhere */
    { "(?<!non-)(?:very )?\\bdrelo|[(\\[]\\d+", 2, "^d", 1, 1 },
    { "(?<!non-)(?:very )?\\bdrelo|[(\\[]\\d+", 2, "^[", 2, 2 },
    /* caseless: a superset; a \\b inside a group is not read (after a word byte too) */
    { "(?-i:\\bRCT\\b)|a?\\d{1,3}x", 2, "^r", 1, 1 },
    { "(?-i:\\bRCT\\b)|a?\\d{1,3}x", 2, "^7", 2, 2 },
    { "(?-i:\\bRCT\\b)|a?\\d{1,3}x", 2, "^A", 2, 2 },
    { "x*|y", 2, "^q", 1, 1 },                                    /* may match empty */
    { "[^a-c]w|[\\w-]+ k", 2, "^b", 2, 2 },
    { "[^a-c]w|[\\w-]+ k", 2, "^-", 3, 3 },
    { "(?<n>ab)\\k<n>", 0, "^a", 0, 0 },                          /* a back-reference */
};

Test(gate, pattern_alts_reads_where_each_alternative_may_start)
{
    static uint64_t viable[2][256];
    static size_t spans[64][2];
    size_t i;
    int split;

    for (i = 0; i < sizeof alts_rows / sizeof alts_rows[0]; i++) {
        unsigned char c = (unsigned char)alts_rows[i].at[1];
        int n = pattern_alts(alts_rows[i].pattern, viable, spans, &split);

        cr_assert_eq(n, alts_rows[i].nalts, "%s: %d alternatives", alts_rows[i].pattern, n);
        if (!n)
            continue;
        cr_assert_eq(viable[0][c], alts_rows[i].want0, "%s at '%c' after a non-word byte: %llx",
                     alts_rows[i].pattern, c, (unsigned long long)viable[0][c]);
        cr_assert_eq(viable[1][c], alts_rows[i].want1, "%s at '%c' after a word byte: %llx",
                     alts_rows[i].pattern, c, (unsigned long long)viable[1][c]);
    }
    cr_assert_eq(pattern_alts("\\bzorvane|(?m)^quelin", viable, spans, &split), 2);
    cr_assert_eq(split, 0, "a top-level option setting: not compiled apart");
    cr_assert_eq(pattern_alts("\\bzorvane|(?i:quelin)", viable, spans, &split), 2);
    cr_assert_eq(split, 1);
}

/* The exactness pattern_alts promises: at every position of a text, an
 * anchored pattern matches only if one of the viable alternatives does, and
 * the viable ones alone, in their order, match the same span. */
Test(gate, the_viable_alternatives_alone_match_as_the_whole_pattern)
{
    static const char *const pats[] = {
        "\\b(?:zorvane|quelin)s?\\b|(?<=\\bafter )drelo(?:x|y)|(?:the|this) (?:\\w+ ){0,2}?trial\\b",
        "(?<!non-)\\bdrelo[sz]ed|[(\\[] ?n ?= ?\\d+|\\d+ ?%|(?-i:\\bQX\\b)|(?:mild |severe )?pain\\b",
    };
    static const char text[] = "After drelox the new trial, Zorvanes (n = 12) and 40% QX; non-droloed "
        "severe pain: the quelin-drelosed 9 %. THIS TRIAL after drelo qx pain";
    static uint64_t viable[2][256];
    static size_t spans[64][2];
    size_t p, len = strlen(text), k, i;
    int split, n, errc;
    PCRE2_SIZE erro;

    for (i = 0; i < sizeof pats / sizeof pats[0]; i++) {
        char full[512], sub[512];
        pcre2_code *whole;
        pcre2_match_data *md = pcre2_match_data_create(8, NULL);

        n = pattern_alts(pats[i], viable, spans, &split);
        cr_assert_gt(n, 1);
        snprintf(full, sizeof full, "\\G(?:%s)", pats[i]);
        whole = pcre2_compile((PCRE2_SPTR)full, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, &errc, &erro, NULL);
        cr_assert_not_null(whole);
        for (p = 0; p < len; p++) {
            uint64_t m = viable[p && pattern_word((unsigned char)text[p - 1])][(unsigned char)text[p]];
            int rw = pcre2_match(whole, (PCRE2_SPTR)text, len, p, 0, md, NULL), rs = -1;
            PCRE2_SIZE w0 = 0, w1 = 0, *ov;
            size_t at = 0;
            pcre2_code *part;

            if (rw > 0) {
                ov = pcre2_get_ovector_pointer(md);
                w0 = ov[0];
                w1 = ov[1];
            }
            if (!m) {
                cr_assert_lt(rw, 0, "pattern %zu matches at %zu where no alternative may", i, p);
                continue;
            }
            at += (size_t)snprintf(sub, sizeof sub, "\\G(?:");
            for (k = 0; k < (size_t)n; k++)
                if (m >> k & 1)
                    at += (size_t)snprintf(sub + at, sizeof sub - at, "%s%.*s", at > 5 ? "|" : "",
                                           (int)spans[k][1], pats[i] + spans[k][0]);
            snprintf(sub + at, sizeof sub - at, ")");
            part = pcre2_compile((PCRE2_SPTR)sub, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, &errc, &erro, NULL);
            cr_assert_not_null(part, "%s", sub);
            rs = pcre2_match(part, (PCRE2_SPTR)text, len, p, 0, md, NULL);
            cr_assert_eq(rs > 0, rw > 0, "pattern %zu at %zu: %s", i, p, sub);
            if (rs > 0) {
                ov = pcre2_get_ovector_pointer(md);
                cr_assert(ov[0] == w0 && ov[1] == w1, "pattern %zu at %zu: another span", i, p);
            }
            pcre2_code_free(part);
        }
        pcre2_code_free(whole);
        pcre2_match_data_free(md);
    }
}
