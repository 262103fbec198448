/* Calendar days and date-range splitting.  E-utilities filter by day
 * (mindate/maxdate, inclusive), so a day number is the natural unit: ranges
 * split at a day boundary cannot overlap or leave a gap. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "fetch/fetch_int.h"

/* Howard Hinnant's days_from_civil: proleptic Gregorian, no time zones. */
static int32_t days_from_civil(int y, unsigned m, unsigned d)
{
    int era;
    unsigned yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

static void civil_from_days(int32_t z, int *y, unsigned *m, unsigned *d)
{
    int era;
    unsigned doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)yoe + era * 400 + (*m <= 2);
}

static unsigned month_days(int y, unsigned m)
{
    static const unsigned len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return m == 2 && leap ? 29 : len[m - 1];
}

/* Reads exactly @n digits. */
static int digits(const char **p, int n, int *out)
{
    int v = 0;

    while (n--) {
        if (!isdigit((unsigned char)**p))
            return 0;
        v = v * 10 + (*(*p)++ - '0');
    }
    *out = v;
    return 1;
}

lm_err fetch_date_parse(const char *s, int end, int32_t *day)
{
    const char *p = s;
    int y, m = 0, d = 0;
    char sep;

    if (!s || !digits(&p, 4, &y) || y < 1000)
        return LM_ERR_USAGE;
    if (*p == '/' || *p == '-') {
        sep = *p++;
        if (!digits(&p, 2, &m) || m < 1 || m > 12)
            return LM_ERR_USAGE;
        if (*p == sep) {
            p++;
            if (!digits(&p, 2, &d) || d < 1 || (unsigned)d > month_days(y, (unsigned)m))
                return LM_ERR_USAGE;
        }
    }
    if (*p)
        return LM_ERR_USAGE;
    if (!m)
        m = end ? 12 : 1;
    if (!d)
        d = end ? (int)month_days(y, (unsigned)m) : 1;
    *day = days_from_civil(y, (unsigned)m, (unsigned)d);
    return LM_OK;
}

void fetch_date_format(int32_t day, char out[16])
{
    int y;
    unsigned m, d;

    civil_from_days(day, &y, &m, &d);
    snprintf(out, 16, "%04d/%02d/%02d", (y % 10000 + 10000) % 10000, (int)(m % 100u),
             (int)(d % 100u));
}

int32_t fetch_today(void)
{
    return (int32_t)(time(NULL) / 86400);
}

/* Depth-first, left half first: slices come out in date order, which lets
 * the watermark advance slice by slice. */
static lm_err split_rec(int32_t from, int32_t to, uint64_t cap, fetch_count_fn count,
                        fetch_slice_fn slice, void *ud, char *msg, size_t msgcap)
{
    uint64_t n = 0;
    int32_t mid;
    lm_err rc;
    char a[16];

    if ((rc = count(ud, from, to, &n)) != LM_OK)
        return rc;
    if (n <= cap)
        return slice(ud, from, to, n);
    if (from == to) {
        fetch_date_format(from, a);
        lm_msg_set(msg, msgcap, "%llu records on %s alone: more than esearch's %llu "
                   "and a day cannot be split", (unsigned long long)n, a,
                   (unsigned long long)cap);
        return LM_ERR_TOO_BIG;
    }
    mid = from + (to - from) / 2;
    if ((rc = split_rec(from, mid, cap, count, slice, ud, msg, msgcap)) != LM_OK)
        return rc;
    return split_rec(mid + 1, to, cap, count, slice, ud, msg, msgcap);
}

lm_err fetch_split(int32_t from, int32_t to, uint64_t cap, fetch_count_fn count,
                   fetch_slice_fn slice, void *ud, char *msg, size_t msgcap)
{
    if (from > to) {
        char a[16], b[16];

        fetch_date_format(from, a);
        fetch_date_format(to, b);
        lm_msg_set(msg, msgcap, "date range %s to %s is empty", a, b);
        return LM_ERR_USAGE;
    }
    return split_rec(from, to, cap, count, slice, ud, msg, msgcap);
}
