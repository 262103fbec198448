/* fetch/dates.c: date parsing and the recursive split of a date range under
 * esearch's 9,999-id cap (no gap, no overlap, chronological order). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "fetch/fetch_int.h"

Test(dates, parse_and_format_round_trip)
{
    int32_t d;
    char s[16];

    cr_assert_eq(fetch_date_parse("1970/01/01", 0, &d), LM_OK);
    cr_assert_eq(d, 0);
    cr_assert_eq(fetch_date_parse("2024-02-29", 0, &d), LM_OK);
    fetch_date_format(d, s);
    cr_assert_str_eq(s, "2024/02/29");
    fetch_date_format(d + 1, s);
    cr_assert_str_eq(s, "2024/03/01");
    cr_assert_eq(fetch_date_parse("2023/02", 1, &d), LM_OK);
    fetch_date_format(d, s);
    cr_assert_str_eq(s, "2023/02/28");
    cr_assert_eq(fetch_date_parse("2021", 0, &d), LM_OK);
    fetch_date_format(d, s);
    cr_assert_str_eq(s, "2021/01/01");
    cr_assert_eq(fetch_date_parse("2021", 1, &d), LM_OK);
    fetch_date_format(d, s);
    cr_assert_str_eq(s, "2021/12/31");
}

Test(dates, rejects_bad_dates)
{
    static const char *bad[] = { "", "21/01/01", "2023/13/01", "2023/02/29", "2024/02/30",
                                 "2024/01/01x", "2024/1/1", "abcd", "2024/01/" };
    int32_t d;
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert_eq(fetch_date_parse(bad[i], 0, &d), LM_ERR_USAGE, "%s", bad[i]);
    cr_assert_eq(fetch_date_parse(NULL, 0, &d), LM_ERR_USAGE);
}

/* A fake index: records per day from a table; the split sees only counts. */
struct fake {
    const uint32_t *per_day;
    int32_t base, ndays;
    int32_t next;            /* the first day not yet covered by a slice */
    uint64_t total, calls;
    int fail_at;             /* count() call that fails, 0 = never */
};

static lm_err fake_count(void *ud, int32_t from, int32_t to, uint64_t *n)
{
    struct fake *f = ud;
    int32_t d;

    if (++f->calls == (uint64_t)f->fail_at)
        return LM_ERR_NET;
    *n = 0;
    for (d = from; d <= to; d++)
        *n += f->per_day[d - f->base];
    return LM_OK;
}

static lm_err fake_slice(void *ud, int32_t from, int32_t to, uint64_t n)
{
    struct fake *f = ud;

    cr_assert_eq(from, f->next, "gap or overlap: slice starts %d, expected %d", from, f->next);
    cr_assert_leq(from, to);
    cr_assert_leq(n, 9999);
    f->next = to + 1;
    f->total += n;
    return LM_OK;
}

static void check_cover(const uint32_t *per_day, int32_t ndays)
{
    struct fake f = { per_day, 20000, ndays, 20000, 0, 0, 0 };
    uint64_t want = 0;
    char msg[256] = "";
    int32_t i;

    for (i = 0; i < ndays; i++)
        want += per_day[i];
    cr_assert_eq(fetch_split(20000, 20000 + ndays - 1, 9999, fake_count, fake_slice, &f,
                             msg, sizeof msg), LM_OK, "%s", msg);
    cr_assert_eq(f.next, 20000 + ndays, "the slices end at the last day");
    cr_assert_eq(f.total, want, "every record is in exactly one slice");
}

Test(split, uniform_25000_records)
{
    uint32_t *per = calloc(1461, sizeof *per);
    int i;

    for (i = 0; i < 25000; i++)
        per[(size_t)i * 1461 / 25000]++;
    check_cover(per, 1461);
    free(per);
}

Test(split, skewed_and_random_ranges)
{
    uint32_t *per = calloc(3000, sizeof *per);
    uint64_t rng = 12345;
    int seed, i;

    for (seed = 0; seed < 20; seed++) {
        int32_t n = 1 + (int32_t)(fetch_rand(&rng) % 3000);

        for (i = 0; i < n; i++)
            per[i] = (uint32_t)(fetch_rand(&rng) % (seed % 2 ? 9000 : 60));
        /* one busy day close to the cap */
        per[fetch_rand(&rng) % (uint64_t)n] = 9999;
        check_cover(per, n);
    }
    free(per);
}

Test(split, fits_in_one_slice)
{
    uint32_t per[3] = { 1, 2, 3 };
    struct fake f = { per, 20000, 3, 20000, 0, 0, 0 };
    char msg[64];

    cr_assert_eq(fetch_split(20000, 20002, 9999, fake_count, fake_slice, &f, msg, sizeof msg),
                 LM_OK);
    cr_assert_eq(f.calls, 1);
    cr_assert_eq(f.total, 6);
}

Test(split, one_day_over_the_cap_fails)
{
    uint32_t per[2] = { 5, 10000 };
    struct fake f = { per, 20000, 2, 20000, 0, 0, 0 };
    char msg[256] = "";

    cr_assert_eq(fetch_split(20000, 20001, 9999, fake_count, fake_slice, &f, msg, sizeof msg),
                 LM_ERR_TOO_BIG);
    cr_assert(strstr(msg, "10000 records on 2024/10/05"), "message names the day: %s", msg);
}

Test(split, empty_range_is_usage)
{
    uint32_t per[1] = { 0 };
    struct fake f = { per, 20000, 1, 20000, 0, 0, 0 };
    char msg[256] = "";

    cr_assert_eq(fetch_split(20001, 20000, 9999, fake_count, fake_slice, &f, msg, sizeof msg),
                 LM_ERR_USAGE);
    cr_assert(strstr(msg, "2024/10/05 to 2024/10/04"), "message: %s", msg);
}

Test(split, count_failure_propagates)
{
    uint32_t per[4] = { 9000, 9000, 9000, 9000 };
    struct fake f = { per, 20000, 4, 20000, 0, 0, 2 };
    char msg[64];

    cr_assert_eq(fetch_split(20000, 20003, 9999, fake_count, fake_slice, &f, msg, sizeof msg),
                 LM_ERR_NET);
    cr_assert_eq(f.total, 0, "no slice after the failure");
}
